import type { RuleIssue } from "../errors/ShuangsuijiError.js";
import type { InspectionItem } from "../model/inspectionItem.js";
import type { LifecyclePreset } from "./LIFECYCLE_PRESETS.js";

// The preset's ratio rules (Yanshi 6: 5%–100%; Chongqing 5.2: the general-item cap), shared by the task's start, its
// draw and the planner's estimate, so all three refuse the same things.

/** The fields of an item the ratio rules read. */
export type RatioItem = Pick<InspectionItem, "id" | "name" | "category" | "maxRatio">;

/** The cap in force: the smallest 抽查比例上限 among the task's general items, where the preset enforces it (Chongqing 5.2). */
export interface ItemCap {
  readonly ratio: number;
  readonly itemId: string;
  readonly name: string;
  readonly clause: string;
}

/** One stratum as the rules see it: eligible units, the quota drawn or to draw, and the policy's rule for the class. */
export interface RatioStratum {
  readonly riskClass: string;
  readonly eligible: number;
  readonly quota: number;
  readonly rule?: { readonly ratio?: number | undefined; readonly count?: number | undefined };
}

const MICRO = 1_000_000;
const micro = (x: number) => Math.round(x * MICRO);
const pct = (x: number) => `${Math.round(x * 1e6) / 1e4}%`;

/** The general-item cap of the task's items under the preset (Chongqing 5.2), if any. */
export function itemCapOf(preset: LifecyclePreset, items: readonly RatioItem[] | undefined): ItemCap | undefined {
  const rule = preset.generalItemRatioCap;
  if (rule?.enforced !== true) return undefined;
  let cap: ItemCap | undefined;
  for (const i of items ?? []) {
    if (i.category !== "general" || typeof i.maxRatio !== "number") continue;
    if (cap === undefined || i.maxRatio < cap.ratio) cap = { ratio: i.maxRatio, itemId: i.id, name: i.name, clause: rule.clause };
  }
  return cap;
}

/**
 * A task's declared ratio against the preset's bounds (Yanshi 6) and the general-item cap (Chongqing 5.2). A count
 * (`targetCount`) is checked at the draw, where the directory's size is known.
 */
export function taskRatioIssues(preset: LifecyclePreset, cap: ItemCap | undefined, ratio: number | undefined, path: readonly (string | number)[]): RuleIssue[] {
  if (ratio === undefined) return [];
  const issues: RuleIssue[] = [];
  const b = preset.targetRatio;
  if (b !== undefined && (micro(ratio) < micro(b.min) || micro(ratio) > micro(b.max))) {
    issues.push({ path: [...path], rule: "target-ratio-bounds", clause: b.clause, messageZh: `任务抽查比例${pct(ratio)}不在${pct(b.min)}至${pct(b.max)}之间`, messageEn: `the task's ratio ${pct(ratio)} is outside ${pct(b.min)}–${pct(b.max)}`, value: ratio });
  }
  if (cap !== undefined && micro(ratio) > micro(cap.ratio)) {
    issues.push({ path: [...path], rule: "general-item-ratio-cap", clause: cap.clause, messageZh: `一般检查事项“${cap.name}”（${cap.itemId}）的抽查比例上限为${pct(cap.ratio)}，任务比例${pct(ratio)}超出上限`, messageEn: `the general item "${cap.name}" (${cap.itemId}) is capped at ${pct(cap.ratio)}: the task's ratio ${pct(ratio)} exceeds it`, value: ratio });
  }
  return issues;
}

/**
 * Every stratum against the preset's bounds (Yanshi 6: a class is drawn at 5%–100% — its stated ratio, and its quota
 * at least ceil(5% × eligible)) and the general-item cap (Chongqing 5.2: a stated ratio above the cap, or a quota above
 * ceil(cap × eligible)). One issue per stratum and rule.
 */
export function strataRatioIssues(preset: LifecyclePreset, cap: ItemCap | undefined, strata: readonly RatioStratum[], policyPath: readonly (string | number)[], quotaPath: (riskClass: string, index: number) => (string | number)[]): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const b = preset.targetRatio;
  strata.forEach((s, k) => {
    const ratio = s.rule?.ratio;
    const rulePath = [...policyPath, "strata", s.riskClass, ratio !== undefined ? "ratio" : "count"];
    if (b !== undefined && (s.rule !== undefined || s.eligible > 0)) {
      const statedOut = ratio !== undefined && (micro(ratio) < micro(b.min) || micro(ratio) > micro(b.max));
      // quota / eligible < min, in integers: quota × 10⁶ < min × 10⁶ × eligible
      const quotaLow = s.eligible > 0 && s.quota * MICRO < micro(b.min) * s.eligible;
      if (statedOut) {
        issues.push({ path: rulePath, rule: "target-ratio-bounds", clause: b.clause, messageZh: `${s.riskClass}类抽查比例${pct(ratio)}不在${pct(b.min)}至${pct(b.max)}之间`, messageEn: `class ${s.riskClass}: the ratio ${pct(ratio)} is outside ${pct(b.min)}–${pct(b.max)}`, value: ratio });
      } else if (quotaLow) {
        issues.push({ path: s.rule === undefined ? quotaPath(s.riskClass, k) : rulePath, rule: "target-ratio-bounds", clause: b.clause, messageZh: `${s.riskClass}类${s.eligible}户中抽取${s.quota}户，低于${pct(b.min)}（至少${Math.ceil((micro(b.min) * s.eligible) / MICRO)}户）`, messageEn: `class ${s.riskClass}: ${s.quota} of ${s.eligible} eligible units, below ${pct(b.min)} (at least ${Math.ceil((micro(b.min) * s.eligible) / MICRO)})`, value: s.quota });
      }
    }
    if (cap !== undefined) {
      const limit = Math.ceil((micro(cap.ratio) * s.eligible) / MICRO);
      const over = ratio !== undefined && micro(ratio) > micro(cap.ratio) ? pct(ratio) : s.quota > limit ? `${s.quota}/${s.eligible}` : undefined;
      if (over !== undefined) {
        issues.push({ path: rulePath, rule: "general-item-ratio-cap", clause: cap.clause, messageZh: `一般检查事项“${cap.name}”（${cap.itemId}）的抽查比例上限为${pct(cap.ratio)}，${s.riskClass}类（${over}）超出上限`, messageEn: `the general item "${cap.name}" (${cap.itemId}) is capped at ${pct(cap.ratio)}: class ${s.riskClass} (${over}) exceeds it`, value: ratio ?? s.quota });
      }
    }
  });
  return issues;
}
