// The draw path's zod schemas as zod-free readers (./_read.ts): each constant mirrors the schema named in its comment,
// check for check and message for message. Every call in a reader that some bundle does not use is marked pure (esbuild
// drops an unused constant only when each call in it is: a bundle of verifyTicket alone carries no input reader of the
// acts it does not call). The zod schemas stay the types and the JSON Schemas;
// test/draw/lightRead.test.ts proves each reader reports what its schema reports. @internal
import { isValidCivilDate } from "../../calendar/isValidCivilDate.js";
import { DATE_RULES } from "../../errors/_dateRules.js";
import { DRAW_RULES } from "../../errors/_drawRules.js";
import { messageOf } from "../../errors/_rule.js";
import { OPERATING_STATUSES } from "../../model/_codes.js";
import { isWellFormed } from "../_shared/_encoding.js";
import { array, atLeast, atMost, bool, int, literal, minLength, nullable, num, object, oneOf, optional, record, refine, regex, str, union, type Reader } from "./_read.js";
import type { PoolCommitment } from "../targets/PoolCommitment.js";
import type { SamplingPolicy, Eligibility, Exclusion } from "../targets/SamplingPolicy.js";
import type { SeedRecord } from "../seeds/SeedRecord.js";
import type { DrawTimeline } from "../records/DrawTimeline.js";
import type { TargetDrawRecord } from "../records/TargetDrawRecord.js";
import type { LockedTargetList } from "../records/LockedTargetList.js";

// src/model/_mini.ts: civilDate (rule civil-date: Longting art. 19 dates; the calendar's civil date), ratio (rule ratio-range), int
const DATE_MESSAGE = /* @__PURE__ */ messageOf(DATE_RULES["civil-date"]);
const civilDate = (): Reader<string> => str(regex(/^\d{4}-\d{2}-\d{2}$/, DATE_MESSAGE), refine<string>((s) => isValidCivilDate(s), DATE_MESSAGE));
const RATIO_MESSAGE = /* @__PURE__ */ messageOf(DRAW_RULES["ratio-range"]);
const nonneg = (): Reader<number> => int(atLeast(0, true));
const text1 = (): Reader<string> => str(minLength(1));
const hex64 = (): Reader<string> => str(regex(/^[0-9a-f]{64}$/));
const cls = (): Reader<string> => str(regex(/^[A-Z]$/));
const ratio = (): Reader<number> => num(atLeast(0, true, RATIO_MESSAGE), atMost(1, RATIO_MESSAGE));

// src/draw/targets/SamplingPolicy.ts
const STRATUM_MESSAGE = /* @__PURE__ */ messageOf(DRAW_RULES["stratum-rule"]);
/** StratumRuleSchema (Longting art. 15, Chongqing 6.3: a ratio or a count, min ≤ max). */
export const StratumRuleReader = /* @__PURE__ */ object(
  { ratio: optional(ratio()), count: optional(nonneg()), min: optional(nonneg()), max: optional(nonneg()) },
  true,
  refine<{ ratio?: number; count?: number }>((r) => (r.ratio === undefined) !== (r.count === undefined), STRATUM_MESSAGE),
  refine<{ min?: number; max?: number }>((r) => r.min === undefined || r.max === undefined || r.min <= r.max, STRATUM_MESSAGE, ["max"]),
);
/** SamplingPolicySchema (Chongqing 5.2: a key item has no general cap). */
export const PolicyReader = /* @__PURE__ */ object(
  {
    strata: record(cls(), StratumRuleReader),
    rounding: optional(oneOf(["ceil", "floor", "half-up"])),
    itemCategory: optional(oneOf(["key", "general"])),
    generalMaxRatio: optional(ratio()),
    overallFloor: optional(object({ ratio: ratio(), basis: text1() }, true)),
  },
  true,
  refine<{ itemCategory?: string; generalMaxRatio?: number }>((p) => !(p.itemCategory === "key" && p.generalMaxRatio !== undefined), /* @__PURE__ */ messageOf(DRAW_RULES["key-item-no-cap"]), ["generalMaxRatio"]),
) as unknown as Reader<SamplingPolicy>;
/** EligibilitySchema (Yanshi 7.2 cut-off and statuses; Wancheng art. 18 districts). */
export const EligibilityReader = /* @__PURE__ */ object(
  {
    registeredOnOrBefore: optional(civilDate()),
    statuses: optional(array(oneOf(OPERATING_STATUSES), minLength(1))),
    divisionCodes: optional(array(str(regex(/^\d{6}$/)), minLength(1))),
    whenUnknown: optional(oneOf(["exclude", "include"])),
  },
  true,
) as unknown as Reader<Eligibility>;
/** ExclusionSchema. */
export const ExclusionReader = /* @__PURE__ */ object({ unitId: text1(), reason: text1() }, true) as unknown as Reader<Exclusion>;

// src/draw/seeds/SeedRecord.ts (docs/spec-v1.md §5; Wolong 2.2: two or more witnesses)
const Provenance = /* @__PURE__ */ union("kind", [
  [
    "lottery",
    object(
      { kind: literal("lottery"), name: text1(), drawId: text1(), numbers: array(nonneg(), minLength(1)), maxNumber: optional(int(atLeast(0, false))) },
      true,
      refine<{ numbers: number[]; maxNumber?: number }>((p) => p.maxNumber === undefined || p.numbers.every((n) => n <= p.maxNumber!), "a lottery number exceeds maxNumber / 开奖号码超出范围", ["numbers"]),
    ),
  ],
  ["dice", object({ kind: literal("dice"), digits: str(regex(/^\d+$/)), witnesses: array(text1(), minLength(2)), date: text1() }, true)],
  ["beacon", object({ kind: literal("beacon"), source: text1(), round: text1(), value: str(regex(/^[0-9a-f]+$/)) }, true)],
  ["commit-reveal", object({ kind: literal("commit-reveal"), shares: array(object({ party: text1(), commitment: str(regex(/^[0-9a-f]{64}$/)), reveal: str(regex(/^[0-9a-f]+$/)) }, true), minLength(2)) }, true)],
  ["other", object({ kind: literal("other"), description: text1() }, true)],
]);
/** SeedRecordSchema (≥ 128 bits: rule seed-entropy). */
export const SeedReader = /* @__PURE__ */ object(
  { value: str(regex(/^(?:[0-9a-f]{2}){16,}$/, /* @__PURE__ */ messageOf(DRAW_RULES["seed-entropy"]))), provenance: Provenance },
  true,
) as unknown as Reader<SeedRecord>;

/** DrawTimelineSchema (docs/spec-v1.md §5.6). */
export const TimelineReader = /* @__PURE__ */ object({ commitmentPublishedOn: optional(civilDate()), seedFixedOn: optional(civilDate()) }, true) as unknown as Reader<DrawTimeline>;

// src/draw/records/recordSchemas.ts (docs/spec-v1.md §4, §7, §8)
const INELIGIBLE = ["excluded", "registered-after-cutoff", "registration-date-unknown", "status-not-allowed", "status-unknown", "outside-districts"] as const;
/** PoolCommitmentSchema. */
export const CommitmentReader = /* @__PURE__ */ object(
  {
    algorithm: text1(),
    digest: hex64(),
    unitCount: nonneg(),
    eligibleCount: nonneg(),
    strata: record(cls(), nonneg()),
    ineligible: record(oneOf(INELIGIBLE), nonneg(), true),
    eligibility: EligibilityReader,
    exclusions: array(ExclusionReader),
    state: object({ sum: hex64(), unitCount: nonneg(), strata: record(cls(), nonneg()), ineligible: record(oneOf(INELIGIBLE), nonneg(), true) }, true),
  },
  true,
) as unknown as Reader<PoolCommitment>;
/** TargetDrawRecordSchema. */
export const RecordReader = /* @__PURE__ */ object(
  {
    kind: literal("target-draw"),
    algorithm: text1(),
    taskId: text1(),
    seed: SeedReader,
    poolCommitment: CommitmentReader,
    policy: PolicyReader,
    timeline: optional(TimelineReader),
    strata: array(
      object(
        { riskClass: cls(), size: nonneg(), quota: nonneg(), quotaRule: str(), census: bool(), threshold: nullable(hex64()), selected: array(object({ unitId: text1(), ticket: hex64() }, true)) },
        true,
      ),
    ),
    selectedCount: nonneg(),
    random: bool(),
    digest: hex64(),
  },
  true,
) as unknown as Reader<TargetDrawRecord>;
/** LockedTargetListSchema. */
export const LockReader = /* @__PURE__ */ object(
  { kind: /* @__PURE__ */ literal("locked-target-list"), record: RecordReader, lockedOn: /* @__PURE__ */ civilDate(), lockedBy: /* @__PURE__ */ text1(), digest: /* @__PURE__ */ hex64() },
  true,
) as unknown as Reader<LockedTargetList>;

/** setupStage1's input (src/draw/targets/_stage1.ts): the task id as trimmed, well-formed NFC text. */
export const Stage1Reader = /* @__PURE__ */ object(
  {
    taskId: str(minLength(1), refine<string>((s) => isWellFormed(s) && s === s.normalize("NFC") && s === s.trim(), "task id must be trimmed, well-formed NFC text")),
    policy: PolicyReader,
    seed: SeedReader,
    timeline: optional(TimelineReader),
  },
  false,
) as unknown as Reader<{ taskId: string; policy: SamplingPolicy; seed: SeedRecord; timeline?: DrawTimeline }>;

/** commitPool's options (`z.nullish(z.object({}))`). */
export const OptionsReader = /* @__PURE__ */ optional(/* @__PURE__ */ nullable(/* @__PURE__ */ object({}, false)));
/**
 * computeQuota's policy options: SamplingPolicySchema's `rounding`, `itemCategory` and `generalMaxRatio` (a whole
 * policy may be passed: its other members are not read), `z.nullish(z.object({ … }))` — an unknown rounding is refused,
 * never rounded up silently.
 */
export const QuotaOptionsReader = /* @__PURE__ */ optional(
  nullable(object({ rounding: optional(oneOf(["ceil", "floor", "half-up"])), itemCategory: optional(oneOf(["key", "general"])), generalMaxRatio: optional(ratio()) }, false)),
);
/** commitPool's eligibility and exclusions: `z.strictObject({ eligibility: EligibilitySchema, exclusions: z.array(ExclusionSchema) })`. */
export const PoolConfigReader = /* @__PURE__ */ object({ eligibility: EligibilityReader, exclusions: /* @__PURE__ */ array(ExclusionReader) }, true) as unknown as Reader<{ eligibility: Eligibility; exclusions: Exclusion[] }>;
/** seedFromDice's roll (Wolong 2.2; docs/spec-v1.md §5.1): `z.object({ digits: z.string(), witnesses: z.array(z.string()), date: civilDate })`. */
export const DiceRollReader = /* @__PURE__ */ object({ digits: /* @__PURE__ */ str(), witnesses: /* @__PURE__ */ array(/* @__PURE__ */ str()), date: /* @__PURE__ */ civilDate() }, false);
/** computeQuota's size: `z.int().check(z.nonnegative())`. */
export const SizeReader = /* @__PURE__ */ nonneg();
/** commitSeedShare's share: `z.string()`. */
export const TextReader = /* @__PURE__ */ str();
/** seedFromBeacon's pulse (docs/spec-v1.md §5.3): `z.object({ source: z.string(), round: z.string(), value: z.string() })`. */
export const BeaconReader = /* @__PURE__ */ object({ source: /* @__PURE__ */ str(), round: /* @__PURE__ */ str(), value: /* @__PURE__ */ str() }, false);
/** seedFromShares' shares (docs/spec-v1.md §5.4): `z.array(z.object({ party: z.string(), commitment: z.string(), reveal: z.string() }))`. */
export const SharesReader = /* @__PURE__ */ array(/* @__PURE__ */ object({ party: /* @__PURE__ */ str(), commitment: /* @__PURE__ */ str(), reveal: /* @__PURE__ */ str() }, false));
