import * as z from "zod/v4/mini";
import { civilDate, int } from "../../model/_mini.js";
import { DrawTimelineSchema } from "./DrawTimeline.js";
import { EligibilitySchema, ExclusionSchema, SamplingPolicySchema } from "../targets/SamplingPolicy.js";
import { SeedRecordSchema } from "../seeds/SeedRecord.js";

const HEX64 = /* @__PURE__ */ z.string().check(z.regex(/^[0-9a-f]{64}$/));
const COUNT = /* @__PURE__ */ int().check(z.nonnegative());
const CLASS = /* @__PURE__ */ z.string().check(z.regex(/^[A-Z]$/));
const INELIGIBLE_REASONS = ["excluded", "registered-after-cutoff", "registration-date-unknown", "status-not-allowed", "status-unknown", "outside-districts"] as const;

/**
 * The shape of a published {@link PoolCommitment} (docs/spec-v1.md §4): what a verifier in any language reads. Unknown
 * members are refused. Shape only — the values are checked by recomputation ({@link verifyTargetDraw}).
 *
 * A zod mini schema: `.parse`/`.safeParse` as usual; compose with `z.optional(…)`, not `.optional()` (docs/benchmarks.md,
 * "The draw's schemas are zod mini").
 *
 * @category Draw
 * @example
 * ```ts
 * import { PoolCommitmentSchema, commitPool } from "shuangsuiji";
 * PoolCommitmentSchema.parse(commitPool([{ id: "U1", riskClass: "A" }]));
 * ```
 */
export const PoolCommitmentSchema = /* @__PURE__ */ z.strictObject({
  algorithm: z.string().check(z.minLength(1)),
  digest: HEX64,
  unitCount: COUNT,
  eligibleCount: COUNT,
  strata: z.record(CLASS, COUNT),
  ineligible: z.partialRecord(z.enum(INELIGIBLE_REASONS), COUNT),
  eligibility: EligibilitySchema,
  exclusions: z.array(ExclusionSchema),
  state: z.strictObject({ sum: HEX64, unitCount: COUNT, strata: z.record(CLASS, COUNT), ineligible: z.partialRecord(z.enum(INELIGIBLE_REASONS), COUNT) }),
});

/**
 * The shape of one stratum of a {@link TargetDrawRecord}.
 *
 * A zod mini schema: `.parse`/`.safeParse` as usual; compose with `z.optional(…)`, not `.optional()` (docs/benchmarks.md,
 * "The draw's schemas are zod mini").
 *
 * @category Draw
 * @example
 * ```ts
 * import { StratumDrawSchema } from "shuangsuiji";
 * StratumDrawSchema.safeParse({ riskClass: "A", size: 0, quota: 0, quotaRule: "count 0", census: false, threshold: null, selected: [] }).success; // true
 * ```
 */
export const StratumDrawSchema = /* @__PURE__ */ z.strictObject({
  riskClass: CLASS,
  size: COUNT,
  quota: COUNT,
  quotaRule: z.string(),
  census: z.boolean(),
  threshold: z.nullable(HEX64),
  selected: z.array(z.strictObject({ unitId: z.string().check(z.minLength(1)), ticket: HEX64 })),
});

/**
 * The shape of a published stage-1 {@link TargetDrawRecord} (docs/spec-v1.md §7). Unknown members anywhere are refused.
 *
 * A zod mini schema: `.parse`/`.safeParse` as usual; compose with `z.optional(…)`, not `.optional()` (docs/benchmarks.md,
 * "The draw's schemas are zod mini").
 *
 * @category Draw
 * @example
 * ```ts
 * import { TargetDrawRecordSchema } from "shuangsuiji";
 * declare const json: unknown;
 * const shape = TargetDrawRecordSchema.safeParse(json);
 * ```
 */
export const TargetDrawRecordSchema = /* @__PURE__ */ z.strictObject({
  kind: z.literal("target-draw"),
  algorithm: z.string().check(z.minLength(1)),
  taskId: z.string().check(z.minLength(1)),
  seed: SeedRecordSchema,
  poolCommitment: PoolCommitmentSchema,
  policy: SamplingPolicySchema,
  timeline: z.optional(DrawTimelineSchema),
  strata: z.array(StratumDrawSchema),
  selectedCount: COUNT,
  random: z.boolean(),
  digest: HEX64,
});

/**
 * The shape of a {@link LockedTargetList} (docs/spec-v1.md §8).
 *
 * A zod mini schema: `.parse`/`.safeParse` as usual; compose with `z.optional(…)`, not `.optional()` (docs/benchmarks.md,
 * "The draw's schemas are zod mini").
 *
 * @category Draw
 * @example
 * ```ts
 * import { LockedTargetListSchema } from "shuangsuiji";
 * declare const json: unknown;
 * LockedTargetListSchema.safeParse(json).success;
 * ```
 */
export const LockedTargetListSchema = /* @__PURE__ */ z.strictObject({
  kind: z.literal("locked-target-list"),
  record: TargetDrawRecordSchema,
  lockedOn: civilDate,
  lockedBy: z.string().check(z.minLength(1)),
  digest: HEX64,
});

const IDS = /* @__PURE__ */ z.array(z.string().check(z.minLength(1)));

/**
 * The shape of a published stage-2 {@link InspectorDrawRecord} (docs/spec-v1.md §9).
 *
 * A zod mini schema: `.parse`/`.safeParse` as usual; compose with `z.optional(…)`, not `.optional()` (docs/benchmarks.md,
 * "The draw's schemas are zod mini").
 *
 * @category Draw
 * @example
 * ```ts
 * import { InspectorDrawRecordSchema } from "shuangsuiji";
 * declare const json: unknown;
 * InspectorDrawRecordSchema.safeParse(json).success;
 * ```
 */
export const InspectorDrawRecordSchema = /* @__PURE__ */ z.strictObject({
  kind: z.literal("inspector-draw"),
  algorithm: z.string().check(z.minLength(1)),
  taskId: z.string().check(z.minLength(1)),
  lockDigest: HEX64,
  targetDrawDigest: HEX64,
  seed: SeedRecordSchema,
  initiatingDepartmentId: z.string().check(z.minLength(1)),
  departments: z.array(
    z.strictObject({
      departmentId: z.string().check(z.minLength(1)),
      directoryDigest: HEX64,
      eligibleCounts: z.strictObject({ directory: COUNT, qualified: COUNT, expertise: COUNT, scope: COUNT, available: COUNT }),
      teams: z.array(z.strictObject({ targetIds: IDS, inspectorIds: IDS, random: z.boolean() })),
    }),
  ),
  leaders: z.array(z.strictObject({ targetIds: IDS, leaderId: z.string().check(z.minLength(1)) })),
  recusals: z.array(z.strictObject({ inspectorId: z.string().check(z.minLength(1)), targetId: z.string().check(z.minLength(1)), reason: z.string() })),
  randomSide: z.enum(["both", "targets-only", "inspectors-only", "neither"]),
  digest: HEX64,
});
