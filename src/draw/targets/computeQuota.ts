import { ShuangsuijiError } from "../../errors/ShuangsuijiError.js";
import { ruleIssue } from "../../errors/_drawRules.js";
import type { SamplingPolicy, StratumRule } from "./SamplingPolicy.js";
import { readInput } from "../_light/_parse.js";
import { QuotaOptionsReader, SizeReader, StratumRuleReader } from "../_light/_schemas.js";

/**
 * The quota of one stratum and how it was reached.
 *
 * @category Draw
 */
export interface StratumQuota {
  /** Units to draw. */
  readonly quota: number;
  /** True when every eligible unit is taken: a census, not a random draw (Longting art. 19 fallback). */
  readonly census: boolean;
  /** How the quota was computed, e.g. `ceil(5% × 121) = 7`. */
  readonly explanation: string;
}

const MICRO = 1_000_000;

/**
 * The quota for a stratum of `size` eligible units under a rule: `count`, or `ratio × size` rounded by the policy's
 * rule (ratios are resolved to 1e-6 and multiplied in integers, so 5% of 100 is exactly 5), then raised to `min` and
 * lowered to `max`, and never above `size`. A general item whose ratio exceeds `generalMaxRatio` is refused
 * (Chongqing 5.2) rather than silently capped.
 *
 * @param rule - The stratum's rule: `count` or `ratio`, with optional `min` / `max`.
 * @param size - Eligible units in the stratum.
 * @param policy - The policy's `rounding` (default `"ceil"`), `itemCategory` and `generalMaxRatio`.
 * @returns The quota and how it was computed.
 * @throws {@link ShuangsuijiError} `invalid-input` when `rule`, `size` or `policy` is malformed, or a general item's
 *   ratio exceeds `generalMaxRatio` (rule `general-item-ratio-cap`).
 * @category Draw
 * @example
 * ```ts
 * import { computeQuota } from "shuangsuiji";
 * computeQuota({ ratio: 0.05 }, 121); // { quota: 7, census: false, explanation: "ceil(5% × 121) = 7" }
 * computeQuota({ count: 10 }, 4);     // { quota: 4, census: true, … } — fewer units than the count
 * ```
 */
export function computeQuota(rule: StratumRule, size: number, policy: Pick<SamplingPolicy, "rounding" | "itemCategory" | "generalMaxRatio"> = {}): StratumQuota {
  // StratumRuleSchema, z.int().check(z.nonnegative()), SamplingPolicySchema's three options: their issues, without zod (src/draw/_light)
  readInput(StratumRuleReader, rule, "Longting art. 15; docs/spec-v1.md §7");
  readInput(SizeReader, size, "docs/spec-v1.md §7");
  readInput(QuotaOptionsReader, policy, "docs/spec-v1.md §7");
  const rounding = policy?.rounding ?? "ceil";
  let k: number;
  let explanation: string;
  if (rule.count !== undefined) {
    k = rule.count;
    explanation = `count ${rule.count}`;
  } else {
    const micro = Math.round((rule.ratio ?? 0) * MICRO);
    if (policy.itemCategory === "general" && policy.generalMaxRatio !== undefined && micro > Math.round(policy.generalMaxRatio * MICRO)) {
      throw new ShuangsuijiError("invalid-input", [
        ruleIssue("general-item-ratio-cap", ["ratio"], { value: rule.ratio, detailZh: `上限${pct(Math.round(policy.generalMaxRatio * MICRO))}`, detailEn: `cap ${pct(Math.round(policy.generalMaxRatio * MICRO))}` }),
      ]);
    }
    const num = micro * size;
    k = rounding === "ceil" ? Math.ceil(num / MICRO) : rounding === "floor" ? Math.floor(num / MICRO) : Math.floor((2 * num + MICRO) / (2 * MICRO));
    explanation = `${rounding}(${pct(micro)} × ${size}) = ${k}`;
  }
  if (rule.min !== undefined && k < rule.min) {
    k = rule.min;
    explanation += `, raised to min ${rule.min}`;
  }
  if (rule.max !== undefined && k > rule.max) {
    k = rule.max;
    explanation += `, lowered to max ${rule.max}`;
  }
  if (k > size) {
    k = size;
    explanation += `, capped at the stratum size ${size}`;
  }
  const census = size > 0 && k === size;
  return Object.freeze({ quota: k, census, explanation: census ? `${explanation} — census, not random (Longting art. 19)` : explanation });
}

/** @internal The quota of a class under a policy: its rule's quota, or 0 when the policy has no rule for it. */
export function stratumQuota(policy: SamplingPolicy, riskClass: string, size: number): StratumQuota {
  const rule = policy.strata[riskClass];
  return rule === undefined ? Object.freeze({ quota: 0, census: false, explanation: `no rule for class ${riskClass}: not drawn` }) : computeQuota(rule, size, policy);
}

function pct(micro: number): string {
  return `${(micro / 10_000).toString()}%`;
}
