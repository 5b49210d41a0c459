import { deepFreeze } from "../../_internal/deepFreeze.js";
import * as z from "zod/v4/mini";
import { DRAW_RULES } from "../../errors/_drawRules.js";
import { messageOf } from "../../errors/_rule.js";
import { OPERATING_STATUSES } from "../../model/_codes.js";
import { civilDate, int, ratio } from "../../model/_mini.js";

/**
 * How many units one stratum (credit-risk class) contributes: a ratio (抽查比例) or a fixed count (抽取对象数量), with
 * optional lower and upper bounds. Longting art. 15, Chongqing 6.3: higher ratios for riskier classes.
 *
 * A zod mini schema: `.parse`/`.safeParse` as usual; compose with `z.optional(…)`, not `.optional()` (docs/benchmarks.md,
 * "The draw's schemas are zod mini").
 *
 * @category Draw
 * @example
 * ```ts
 * import { StratumRuleSchema } from "shuangsuiji";
 * StratumRuleSchema.parse({ ratio: 0.2, min: 1 });
 * ```
 */
export const StratumRuleSchema = /* @__PURE__ */ z
  .strictObject({
    /** 抽查比例, a fraction in [0, 1] (resolved to 1e-6). */
    ratio: z.optional(ratio),
    /** 抽取对象数量, a fixed count. */
    count: z.optional(int().check(z.nonnegative())),
    /** Lower bound on the quota (capped by the stratum size). */
    min: z.optional(int().check(z.nonnegative())),
    /** Upper bound on the quota. */
    max: z.optional(int().check(z.nonnegative())),
  })
  .check(
    z.refine((r) => (r.ratio === undefined) !== (r.count === undefined), { error: messageOf(DRAW_RULES["stratum-rule"]) }),
    z.refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, { error: messageOf(DRAW_RULES["stratum-rule"]), path: ["max"] }),
  );

/**
 * A stratum rule; see {@link StratumRuleSchema}.
 *
 * @category Draw
 */
export type StratumRule = z.infer<typeof StratumRuleSchema>;

/**
 * Rounding of `ratio × size` to a whole quota. Default `ceil`, so a non-empty stratum with a positive ratio always
 * contributes at least one unit.
 *
 * @category Draw
 * @example
 * ```ts
 * import { ROUNDING_MODES } from "shuangsuiji";
 * ROUNDING_MODES; // ["ceil", "floor", "half-up"]
 * ```
 */
export const ROUNDING_MODES = /* @__PURE__ */ deepFreeze(["ceil", "floor", "half-up"] as const);

/**
 * The stage-1 sampling policy of a task: a rule per credit-risk class, the rounding rule, the item category (key items
 * have no upper bound on the ratio; general items are capped — Chongqing 5.2) and an optional overall floor (e.g. ≥3%
 * for 企业公示信息抽查).
 *
 * A zod mini schema: `.parse`/`.safeParse` as usual; compose with `z.optional(…)`, not `.optional()` (docs/benchmarks.md,
 * "The draw's schemas are zod mini").
 *
 * @category Draw
 * @example
 * ```ts
 * import { SamplingPolicySchema } from "shuangsuiji";
 * SamplingPolicySchema.parse({
 *   strata: { A: { ratio: 0.03 }, B: { ratio: 0.05 }, C: { ratio: 0.2 }, D: { ratio: 0.6 } },
 *   itemCategory: "general",
 *   generalMaxRatio: 0.6,
 * });
 * ```
 */
export const SamplingPolicySchema = /* @__PURE__ */ z
  .strictObject({
    /** Rule per stratum, keyed by credit-risk class. A class without a rule contributes nothing. */
    strata: z.record(z.string().check(z.regex(/^[A-Z]$/)), StratumRuleSchema),
    /** Rounding of ratio × size; default `ceil`. */
    rounding: z.optional(z.enum(ROUNDING_MODES)),
    /** 重点/一般 — Chongqing 5.2. */
    itemCategory: z.optional(z.enum(["key", "general"])),
    /** Cap on any stratum's ratio for general items (Chongqing 5.2 "抽查比例根据监管实际情况限制"). */
    generalMaxRatio: z.optional(ratio),
    /** Overall floor on the total drawn, e.g. {@link OVERALL_FLOOR_PRESETS}. */
    overallFloor: z.optional(z.strictObject({ ratio, basis: z.string().check(z.minLength(1)) })),
  })
  .check(
    z.refine((p) => !(p.itemCategory === "key" && p.generalMaxRatio !== undefined), { error: messageOf(DRAW_RULES["key-item-no-cap"]), path: ["generalMaxRatio"] }),
  );

/**
 * A sampling policy; see {@link SamplingPolicySchema}.
 *
 * @category Draw
 */
export type SamplingPolicy = z.infer<typeof SamplingPolicySchema>;

/**
 * Overall floors set by national rules.
 *
 * @category Draw
 * @example
 * ```ts
 * import { OVERALL_FLOOR_PRESETS } from "shuangsuiji";
 * const policy = { strata: { A: { ratio: 0.03 } }, overallFloor: OVERALL_FLOOR_PRESETS["enterprise-public-information"] };
 * ```
 */
export const OVERALL_FLOOR_PRESETS = /* @__PURE__ */ deepFreeze({
  /** 企业公示信息抽查: 不少于3%的企业 — 企业公示信息抽查办法 (总局令第101号, 2025) art. 4 [SECONDARY]. */
  "enterprise-public-information": { ratio: 0.03, basis: "企业公示信息抽查办法 (总局令第101号, 2025) art. 4 [SECONDARY]" },
} as const);

/**
 * Which units may be drawn: the directory cut-off of Yanshi 7.2 (registered on or before a date, in a given status),
 * district scope (Wancheng art. 18), and how to treat units whose date or status is unknown (excluded unless stated).
 *
 * A zod mini schema: `.parse`/`.safeParse` as usual; compose with `z.optional(…)`, not `.optional()` (docs/benchmarks.md,
 * "The draw's schemas are zod mini").
 *
 * @category Draw
 * @example
 * ```ts
 * import { EligibilitySchema } from "shuangsuiji";
 * EligibilitySchema.parse({ registeredOnOrBefore: "2021-12-31", statuses: ["operating"] }); // Yanshi 7.2
 * ```
 */
export const EligibilitySchema = /* @__PURE__ */ z.strictObject({
  /** Registered on or before this date (Yanshi 7.2: 2021年12月31日前登记注册). */
  registeredOnOrBefore: z.optional(civilDate),
  /** Allowed statuses (Yanshi 7.2: 处于存续状态 → `operating`). */
  statuses: z.optional(z.array(z.enum(OPERATING_STATUSES)).check(z.minLength(1))),
  /** Only units in these districts (行政区划代码). */
  divisionCodes: z.optional(z.array(z.string().check(z.regex(/^\d{6}$/))).check(z.minLength(1))),
  /** Units without a registration date / status when a filter needs one: excluded (default) or included. */
  whenUnknown: z.optional(z.enum(["exclude", "include"])),
});

/**
 * Eligibility filters as plain data (dates as `YYYY-MM-DD` strings); see {@link EligibilitySchema}.
 *
 * @category Draw
 */
export type Eligibility = z.input<typeof EligibilitySchema>;

/**
 * A unit excluded by name, with its reason (e.g. inspected within the last year — 国发〔2019〕5号 "避免…重复检查", avoid
 * repeat inspections); recorded in the pool commitment and the draw record.
 *
 * A zod mini schema: `.parse`/`.safeParse` as usual; compose with `z.optional(…)`, not `.optional()` (docs/benchmarks.md,
 * "The draw's schemas are zod mini").
 *
 * @category Draw
 * @example
 * ```ts
 * import { ExclusionSchema } from "shuangsuiji";
 * ExclusionSchema.parse({ unitId: "91350100M000100Y43", reason: "2026-02 已检查，无问题 (recently inspected)" });
 * ```
 */
export const ExclusionSchema = /* @__PURE__ */ z.strictObject({
  /** The unit's id. */
  unitId: z.string().check(z.minLength(1)),
  /** Why it is excluded. */
  reason: z.string().check(z.minLength(1)),
});

/**
 * An exclusion; see {@link ExclusionSchema}.
 *
 * @category Draw
 */
export type Exclusion = z.infer<typeof ExclusionSchema>;
