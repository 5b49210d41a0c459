import { stratumQuota, type StratumQuota } from "../draw/computeQuota.js";
import type { DrawUnit } from "../draw/DrawUnit.js";
import { EligibilitySchema, SamplingPolicySchema, type Eligibility, type SamplingPolicy } from "../draw/SamplingPolicy.js";
import { eligibilityOf } from "../draw/_pool.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { parseWith } from "./_input.js";

/**
 * How many targets a policy means for a directory, before anything is drawn.
 *
 * @category Planning
 */
export interface DrawEstimate {
  /** Per credit-risk class: eligible units, the quota and how it was computed. */
  readonly strata: readonly ({ readonly riskClass: string; readonly eligible: number } & StratumQuota)[];
  /** Total to be drawn. */
  readonly total: number;
  /** Units not eligible, per reason. */
  readonly ineligible: Readonly<Record<string, number>>;
}

/**
 * Estimates the draw counts per stratum for a directory under a sampling policy and eligibility rules — exactly the
 * quotas {@link drawTargets} would use — so a planner sees how many targets each ratio means before drawing
 * (Chongqing table D.1 抽取对象数量（户）; Longting art. 14 抽查基数和比例).
 *
 * @param directory - The target directory: any iterable of units (`id`, `riskClass`, and the fields eligibility reads).
 * @param policy - The sampling policy.
 * @param eligibility - The eligibility rules (default: every unit eligible).
 * @returns Per stratum the eligible size and the quota, and the totals.
 * @throws {@link ShuangsuijiError} `invalid-input` when `directory` is not iterable, a unit has no id or risk class, or
 *   the policy or eligibility is malformed.
 * @category Planning
 * @example
 * ```ts
 * import { estimateDrawCounts } from "shuangsuiji";
 * const est = estimateDrawCounts(
 *   [{ id: "U1", riskClass: "A" }, { id: "U2", riskClass: "D" }],
 *   { strata: { A: { ratio: 0.05 }, D: { ratio: 0.6 } } },
 * );
 * est.total; // 2
 * ```
 */
export function estimateDrawCounts(directory: Iterable<DrawUnit>, policy: SamplingPolicy, eligibility: Eligibility = {}): DrawEstimate {
  const p = parseWith(SamplingPolicySchema, policy, "Longting art. 15; Chongqing 5.2", ["policy"]);
  const e = parseWith(EligibilitySchema, eligibility, "Yanshi 7.2", ["eligibility"]);
  if (directory === null || typeof directory !== "object" || typeof (directory as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== "function") {
    throw new ShuangsuijiError("invalid-input", [{ path: ["directory"], rule: "directory", clause: "Chongqing B.1", messageZh: "检查对象名录应为可迭代的单位列表", messageEn: "the directory must be an iterable of units" }]);
  }
  const sizes: Record<string, number> = {};
  const ineligible: Record<string, number> = {};
  const none = new Set<string>();
  let row = 0;
  for (const u of directory) {
    if (u === null || typeof u !== "object" || typeof u.id !== "string" || typeof u.riskClass !== "string" || !Object.hasOwn(u, "riskClass")) {
      throw new ShuangsuijiError("invalid-input", [{ path: ["directory", row], rule: "draw-unit", clause: "Chongqing B.1", messageZh: "检查对象应有标识和风险分类", messageEn: "a unit needs a string id and risk class", value: u === null || typeof u !== "object" ? u : (u as { id?: unknown }).id }]);
    }
    row++;
    const reason = eligibilityOf(u, { eligibility: e, exclusions: [] }, none);
    if (reason !== undefined) ineligible[reason] = (ineligible[reason] ?? 0) + 1;
    else sizes[u.riskClass] = (sizes[u.riskClass] ?? 0) + 1;
  }
  const classes = [...new Set([...Object.keys(sizes), ...Object.keys(p.strata)])].sort();
  const strata = classes.map((cls) => {
    const eligible = sizes[cls] ?? 0;
    return { riskClass: cls, eligible, ...stratumQuota(p, cls, eligible) };
  });
  return deepFreeze({ strata, total: strata.reduce((n, s) => n + s.quota, 0), ineligible });
}
