import { stratumQuota, type StratumQuota } from "../draw/targets/computeQuota.js";
import type { DrawUnit } from "../draw/targets/DrawUnit.js";
import { EligibilitySchema, SamplingPolicySchema, type Eligibility, type SamplingPolicy } from "../draw/targets/SamplingPolicy.js";
import { eligibilityOf } from "../draw/targets/_pool.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { parseWith } from "./_input.js";
import type { RuleIssue } from "../errors/ShuangsuijiError.js";
import type { InspectionItem } from "../model/inspectionItem.js";
import { LIFECYCLE_PRESETS, LifecyclePresetSchema, type LifecyclePreset, type LifecyclePresetId } from "../task/LIFECYCLE_PRESETS.js";
import { itemCapOf, strataRatioIssues } from "../task/_ratioRules.js";
import { cappedIssues } from "../errors/_capIssues.js";

/**
 * Options of {@link estimateDrawCounts}: the task's preset and items, so the estimate applies the preset's ratio rules.
 *
 * @category Planning
 */
export interface DrawEstimateOptions {
  /** The lifecycle preset (an id of {@link LIFECYCLE_PRESETS} or a preset object): its `targetRatio` and `generalItemRatioCap` apply. */
  readonly preset?: LifecyclePresetId | LifecyclePreset;
  /** The task's inspection items: a general item's `maxRatio` caps every stratum where the preset enforces it (Chongqing 5.2). */
  readonly items?: readonly Pick<InspectionItem, "id" | "name" | "category" | "maxRatio">[];
}

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
 * With `options.preset`, the preset's ratio rules are applied to every stratum and all violations refused at once —
 * the same rules {@link startTask} and {@link recordTargetDraw} apply to the task and its draw: a `targetRatio` floor
 * and ceiling on a stratum's ratio, and a quota of at least ceil(floor × eligible) for every class with eligible units
 * (Yanshi 6: 5%–100%; `target-ratio-bounds`), and — where the preset enforces `generalItemRatioCap` (Chongqing 5.2) —
 * the smallest `maxRatio` of the task's general `items`: a stratum's ratio above it, or a quota above
 * ceil(cap × eligible), is refused (`general-item-ratio-cap`). A count rule is checked through its quota.
 *
 * @param directory - The target directory: any iterable of units (`id`, `riskClass`, and the fields eligibility reads).
 * @param policy - The sampling policy.
 * @param eligibility - The eligibility rules (default: every unit eligible).
 * @param options - The task's `preset` and `items` (see {@link DrawEstimateOptions}).
 * @returns Per stratum the eligible size and the quota, and the totals.
 * @throws {@link ShuangsuijiError} `invalid-input` when `directory` is not iterable, a unit has no id or risk class, or
 *   the policy or eligibility is malformed; or when a stratum breaks the preset's ratio rules (`target-ratio-bounds`,
 *   Yanshi 6; `general-item-ratio-cap`, Chongqing 5.2), every stratum listed.
 * @throws {@link ShuangsuijiError} `invalid-argument` when `options.preset` is unknown or malformed.
 * @category Planning
 * @example
 * ```ts
 * import { estimateDrawCounts } from "shuangsuiji";
 * const est = estimateDrawCounts(
 *   [{ id: "U1", riskClass: "A" }, { id: "U2", riskClass: "D" }],
 *   { strata: { A: { ratio: 0.05 }, D: { ratio: 0.6 } } },
 * );
 * est.total; // 2
 * // a Chongqing task on a general item capped at 5% may not be drawn at 50%
 * // estimateDrawCounts(dir, { strata: { A: { ratio: 0.5 } } }, {}, { preset: "chongqing", items: [{ id: "SCJG-01", name: "…", category: "general", maxRatio: 0.05 }] }) → throws
 * ```
 */
export function estimateDrawCounts(directory: Iterable<DrawUnit>, policy: SamplingPolicy, eligibility: Eligibility = {}, options: DrawEstimateOptions = {}): DrawEstimate {
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
  const issues = presetRatioIssues(p, strata, options);
  if (issues.length > 0) throw new ShuangsuijiError("invalid-input", cappedIssues(issues));
  return deepFreeze({ strata, total: strata.reduce((n, s) => n + s.quota, 0), ineligible });
}

/** The preset's ratio rules over the estimated strata (Yanshi 6; Chongqing 5.2): every violation, by stratum. */
function presetRatioIssues(policy: SamplingPolicy, strata: readonly ({ riskClass: string; eligible: number } & StratumQuota)[], options: DrawEstimateOptions): RuleIssue[] {
  const o = (options !== null && typeof options === "object" ? options : {}) as DrawEstimateOptions;
  if (o.preset === undefined) return [];
  let preset: LifecyclePreset;
  if (typeof o.preset === "string") {
    if (!Object.hasOwn(LIFECYCLE_PRESETS, o.preset)) throw new ShuangsuijiError("invalid-argument", [{ path: ["options", "preset"], rule: "preset", clause: "LIFECYCLE_PRESETS", messageZh: "未知的规则预设", messageEn: `unknown preset (${Object.keys(LIFECYCLE_PRESETS).join(", ")})`, value: o.preset }]);
    preset = LIFECYCLE_PRESETS[o.preset];
  } else {
    const r = LifecyclePresetSchema.safeParse(o.preset);
    if (!r.success) throw new ShuangsuijiError("invalid-argument", [{ path: ["options", "preset"], rule: "preset", clause: "LifecyclePresetSchema", messageZh: "规则预设无效", messageEn: r.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ") }]);
    preset = r.data;
  }
  const cap = itemCapOf(preset, o.items);
  return strataRatioIssues(preset, cap, strata.map((s) => ({ riskClass: s.riskClass, eligible: s.eligible, quota: s.quota, ...(policy.strata[s.riskClass] === undefined ? {} : { rule: policy.strata[s.riskClass] }) })), ["policy"], (cls) => ["policy", "strata", cls]);
}
