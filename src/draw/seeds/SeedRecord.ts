import * as z from "zod/v4/mini";
import { int } from "../../model/_mini.js";
import { DRAW_RULES } from "../../errors/_drawRules.js";
import { messageOf } from "../../errors/_rule.js";

/**
 * Where a seed's entropy came from (recorded so that anyone can re-derive it). RFC 3797 and election audits use future
 * public values (lottery draws, beacons), witnessed dice, or commit–reveal shares from several parties.
 *
 * A zod mini schema: `.parse`/`.safeParse` as usual; compose with `z.optional(…)`, not `.optional()` (docs/benchmarks.md,
 * "The draw's schemas are zod mini").
 *
 * @category Draw
 * @example
 * ```ts
 * import { SeedProvenanceSchema } from "shuangsuiji";
 * SeedProvenanceSchema.parse({ kind: "dice", digits: "2718281828", witnesses: ["张伟", "李娜"], date: "2026-04-01" });
 * ```
 */
export const SeedProvenanceSchema = /* @__PURE__ */ z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("lottery"),
    /** Lottery name, e.g. 中国福利彩票双色球. */
    name: z.string().check(z.minLength(1)),
    /** Draw number or date (期号). */
    drawId: z.string().check(z.minLength(1)),
    /** The winning numbers in draw order. */
    numbers: z.array(int().check(z.nonnegative())).check(z.minLength(1)),
    /** The largest number the lottery can draw (e.g. 9 for 排列5, 33 for 双色球 red balls): bounds every number. */
    maxNumber: z.optional(int().check(z.positive())),
  }).check(z.refine((p) => p.maxNumber === undefined || p.numbers.every((n) => n <= p.maxNumber!), { error: "a lottery number exceeds maxNumber / 开奖号码超出范围", path: ["numbers"] })),
  z.strictObject({
    kind: z.literal("dice"),
    /** Decimal digits rolled with ten-sided dice. */
    digits: z.string().check(z.regex(/^\d+$/)),
    /** Witnesses present (Wolong 2.2: 两名以上执法人员见证). */
    witnesses: z.array(z.string().check(z.minLength(1))).check(z.minLength(2)),
    /** Date of the ceremony, `YYYY-MM-DD` (hashed into the seed: docs/spec-v1.md §5). */
    date: z.string().check(z.minLength(1)),
  }),
  z.strictObject({
    kind: z.literal("beacon"),
    /** The beacon, e.g. "drand quicknet". */
    source: z.string().check(z.minLength(1)),
    /** Round or pulse index. */
    round: z.string().check(z.minLength(1)),
    /** The published value, hex. */
    value: z.string().check(z.regex(/^[0-9a-f]+$/)),
  }),
  z.strictObject({
    kind: z.literal("commit-reveal"),
    /** Each party's commitment (SHA-256 of its share) and revealed share, hex. */
    shares: z.array(z.strictObject({ party: z.string().check(z.minLength(1)), commitment: z.string().check(z.regex(/^[0-9a-f]{64}$/)), reveal: z.string().check(z.regex(/^[0-9a-f]+$/)) })).check(z.minLength(2)),
  }),
  z.strictObject({
    kind: z.literal("other"),
    /** How the seed was produced. */
    description: z.string().check(z.minLength(1)),
  }),
]);

/**
 * Provenance of a seed; see {@link SeedProvenanceSchema}.
 *
 * @category Draw
 */
export type SeedProvenance = z.infer<typeof SeedProvenanceSchema>;

/**
 * A draw seed: at least 128 bits as lower-case hex, with its provenance.
 *
 * A zod mini schema: `.parse`/`.safeParse` as usual; compose with `z.optional(…)`, not `.optional()` (docs/benchmarks.md,
 * "The draw's schemas are zod mini").
 *
 * @category Draw
 * @example
 * ```ts
 * import { SeedRecordSchema } from "shuangsuiji";
 * SeedRecordSchema.safeParse({ value: "ab", provenance: { kind: "other", description: "x" } }).success; // false: < 128 bits
 * ```
 */
export const SeedRecordSchema = /* @__PURE__ */ z.strictObject({
  /** The seed, lower-case hex, ≥ 32 hex digits (128 bits). */
  value: z.string().check(z.regex(/^(?:[0-9a-f]{2}){16,}$/, { error: messageOf(DRAW_RULES["seed-entropy"]) })),
  /** Where it came from. */
  provenance: SeedProvenanceSchema,
});

/**
 * A seed with provenance; see {@link SeedRecordSchema}.
 *
 * @category Draw
 */
export type SeedRecord = z.infer<typeof SeedRecordSchema>;
