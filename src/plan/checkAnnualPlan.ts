import { readPlain } from "../_internal/boundary.js";
import { annualPlanDeadline, type AnnualPlanDeadline } from "../calendar/annualPlanDeadline.js";
import { ANNUAL_PLAN_DEADLINES, type AnnualPlanJurisdiction } from "../calendar/ANNUAL_PLAN_DEADLINES.js";
import type { LifecyclePresetId } from "../task/LIFECYCLE_PRESETS.js";
import type { RuleIssue } from "../errors/ShuangsuijiError.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import * as z from "zod/v4";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { issuesFromZod } from "../errors/_fromZod.js";
import { AnnualPlanSchema, type AnnualPlan } from "../model/annualPlan.js";
import { DepartmentSchema, type Department } from "../model/department.js";
import { InspectionItemSchema, type InspectionItem } from "../model/inspectionItem.js";
import { RatioSchema } from "../model/primitives.js";
import { parseDayNumber } from "../calendar/_days.js";

/**
 * What {@link checkAnnualPlan} found.
 *
 * @category Planning
 */
export interface PlanCheck {
  /** True when `issues` is empty (merge candidates are advice, not errors). */
  readonly ok: boolean;
  /** Errors: unknown items or departments, ratios above an item's cap, rows outside the plan year, uncovered fields. */
  readonly issues: readonly RuleIssue[];
  /**
   * Fields of the item list no row covers, under every jurisdiction. An error (`plan-coverage` in `issues`) where Longting
   * art. 13 applies (应覆盖…所有抽查领域: `longting`, or no jurisdiction); a warning naming the Longting measures elsewhere.
   */
  readonly uncoveredFields: readonly string[];
  /**
   * Warnings (the plan stands, but a document asks otherwise): with `riskClassOrder`, a row for a riskier class sampled
   * less often or at a lower ratio than the row for a safer class of the same items (Longting arts. 15–16: 增加抽查的
   * 比例和频次); under a jurisdiction whose document sets no field-coverage rule (`wolong`, `wancheng`, `chongqing`,
   * `yanshi`), each uncovered field (`plan-coverage`, naming Longting art. 13 as the rule's only source).
   */
  readonly warnings: readonly RuleIssue[];
  /** Row pairs whose targets and methods are alike and should be merged (Chongqing 5.5: 应合并进行). */
  readonly mergeCandidates: readonly { readonly rows: readonly [number, number]; readonly objectTypes: readonly string[]; readonly clause: string }[];
  /** The plan date for the jurisdiction and, for a publication deadline in force (`preset.stage`, `inForce`), whether the plan met it (`late`; absent otherwise — Wancheng art. 5 is a submission date). */
  readonly publication?: AnnualPlanDeadline & { readonly publishedOn?: string; readonly late?: boolean };
}

/**
 * Ratio bounds a document sets for every row: Yanshi 6 (按照5%-100%的比例…抽取). Deeply frozen; pass your own
 * `{ min, max, clause }` for another jurisdiction.
 *
 * @category Planning
 * @example
 * ```ts
 * import { RATIO_BOUNDS } from "shuangsuiji";
 * RATIO_BOUNDS.yanshi; // { min: 0.05, max: 1, clause: "Yanshi 6" }
 * ```
 */
export const RATIO_BOUNDS = deepFreeze({
  yanshi: { min: 0.05, max: 1, clause: "Yanshi 6" },
} as const);

/**
 * Checks an annual joint plan (年度联合抽查工作计划) against the item list and the departments: every row's items and
 * departments exist and match (cooperating items belong to cooperating departments); every field of the item list is
 * covered where the Longting measures apply (Longting art. 13: `jurisdiction: "longting"`, and a plan checked without a
 * jurisdiction, which gets the strictest reading of the documents — under `wolong`, `wancheng`, `chongqing` and `yanshi`,
 * whose documents set no such rule, an uncovered field is a warning naming the Longting measures); a row's ratio does not exceed the cap of any general item it includes, key items having
 * none (Chongqing 5.2); rows whose object types and methods are alike and whose windows overlap are flagged for merging
 * (Chongqing 5.5); under `chongqing`, both general and key items are covered (Chongqing 5: 应涵盖一般检查事项和重点检查
 * 事项); with `ratioBounds` (a preset of {@link RATIO_BOUNDS} such as `yanshi`, or your own), every row's ratio lies in
 * them (Yanshi 6: 5%–100%); every row's 抽查频次 (`frequencyPerYear`) fits its window and, with `riskClassOrder`, a row
 * for a riskier class of the same items is not inspected less often or at a lower ratio than a safer one (Longting arts.
 * 15–16, `warnings`); and, for a jurisdiction preset, whether the plan was published by its deadline (Wolong 1.2,
 * Chongqing §5: 31 March; Wancheng art. 5: end of February). The plan, items and departments are validated first
 * (`invalid-input`, every problem at once): a ratio of 1.5 or −0.1 never reaches the checks.
 *
 * @param rawPlan - The annual plan (Chongqing table D.1).
 * @param rawContext - The item list's `items`, the `departments`, and optionally the `jurisdiction` (a lifecycle preset id:
 *   `longting`, `wolong`, `wancheng`, `chongqing`, `yanshi`) and `ratioBounds`.
 * @returns `{ ok, issues, … }` with every problem and the merge candidates — a plan that breaks a rule is a result, not
 *   an error.
 * @throws {@link ShuangsuijiError} `invalid-input` when the plan, the items or the departments are malformed (every
 *   problem listed).
 * @throws {@link ShuangsuijiError} `invalid-argument` when `ratioBounds` is not a key of {@link RATIO_BOUNDS} nor a
 *   valid `{ min, max, clause }`, or `jurisdiction` is not one of the presets.
 * @category Planning
 * @example
 * ```ts
 * import { checkAnnualPlan, type AnnualPlan, type Department, type InspectionItem } from "shuangsuiji";
 * declare const plan: AnnualPlan;
 * declare const items: readonly InspectionItem[];
 * declare const departments: readonly Department[];
 * const report = checkAnnualPlan(plan, { items, departments, jurisdiction: "wolong" });
 * report.uncoveredFields;
 * ```
 */
export function checkAnnualPlan(
  rawPlan: AnnualPlan,
  rawContext: {
    readonly items: readonly InspectionItem[];
    readonly departments: readonly Department[];
    readonly jurisdiction?: LifecyclePresetId;
    readonly ratioBounds?: keyof typeof RATIO_BOUNDS | { readonly min: number; readonly max: number; readonly clause: string };
    /** Risk or credit classes from the lowest risk to the highest: rows' `riskClass` must be one of them. */
    readonly riskClassOrder?: readonly string[];
  },
): PlanCheck {
  const plan = readPlain(rawPlan, ["plan"]);
  const context = readPlain(rawContext, ["context"]) as typeof rawContext;
  const parsedPlan = AnnualPlanSchema.safeParse(plan);
  if (!parsedPlan.success) throw new ShuangsuijiError("invalid-input", issuesFromZod(parsedPlan.error.issues, { clause: "Chongqing table D.1" }, plan), { cause: parsedPlan.error });
  const c = (context !== null && typeof context === "object" ? context : {}) as Partial<typeof context>;
  const parsedItems = z.array(InspectionItemSchema).max(100_000).safeParse(c.items);
  if (!parsedItems.success) throw new ShuangsuijiError("invalid-input", issuesFromZod(parsedItems.error.issues, { clause: "Chongqing table A.1", prefix: ["items"] }, c.items), { cause: parsedItems.error });
  const parsedDepts = z.array(DepartmentSchema).max(100_000).safeParse(c.departments);
  if (!parsedDepts.success) throw new ShuangsuijiError("invalid-input", issuesFromZod(parsedDepts.error.issues, { clause: "Longting art. 10", prefix: ["departments"] }, c.departments), { cause: parsedDepts.error });
  if (c.jurisdiction !== undefined && (typeof c.jurisdiction !== "string" || !PLAN_JURISDICTIONS.includes(c.jurisdiction))) {
    throw new ShuangsuijiError("invalid-argument", [{ path: ["jurisdiction"], rule: "plan-jurisdiction", clause: "Longting art. 13; Wolong 1.2; Chongqing 5; Wancheng art. 5; Yanshi 6", messageZh: "未知的辖区预设", messageEn: `unknown jurisdiction preset (${PLAN_JURISDICTIONS.join(", ")})`, value: typeof c.jurisdiction === "string" ? c.jurisdiction.slice(0, 100) : typeof c.jurisdiction }]);
  }
  const bounds = resolveBounds(c.ratioBounds);
  const order = c.riskClassOrder === undefined ? undefined : z.array(z.string().trim().min(1).max(100)).min(1).max(1000).refine((xs) => new Set(xs).size === xs.length, { message: "each class once" }).safeParse(c.riskClassOrder);
  if (order !== undefined && !order.success) throw new ShuangsuijiError("invalid-argument", issuesFromZod(order.error.issues, { clause: "Longting art. 15", prefix: ["riskClassOrder"] }, c.riskClassOrder), { cause: order.error });
  return check(parsedPlan.data, { items: parsedItems.data, departments: parsedDepts.data, ...(c.jurisdiction === undefined ? {} : { jurisdiction: c.jurisdiction }), ...(bounds === undefined ? {} : { bounds }), ...(order === undefined ? {} : { order: order.data }) });
}

/** The jurisdictions a plan is checked under: the lifecycle presets' documents. */
const PLAN_JURISDICTIONS: readonly string[] = ["longting", "wolong", "wancheng", "chongqing", "yanshi"] satisfies readonly LifecyclePresetId[];

function resolveBounds(b: unknown): { min: number; max: number; clause: string } | undefined {
  if (b === undefined) return undefined;
  if (typeof b === "string") {
    if (!Object.hasOwn(RATIO_BOUNDS, b)) throw new ShuangsuijiError("invalid-argument", [{ path: ["ratioBounds"], rule: "ratio-bounds", clause: "RATIO_BOUNDS", messageZh: "未知的比例预设", messageEn: `unknown ratio preset (${Object.keys(RATIO_BOUNDS).join(", ")})`, value: b }]);
    return RATIO_BOUNDS[b as keyof typeof RATIO_BOUNDS];
  }
  const r = z.strictObject({ min: RatioSchema, max: RatioSchema, clause: z.string().trim().min(1) }).refine((x) => x.min <= x.max, { path: ["min"], message: "min ≤ max" }).safeParse(b);
  if (!r.success) throw new ShuangsuijiError("invalid-argument", issuesFromZod(r.error.issues, { clause: "RATIO_BOUNDS", prefix: ["ratioBounds"] }, b), { cause: r.error });
  return r.data;
}

function check(
  plan: AnnualPlan,
  context: { readonly items: readonly InspectionItem[]; readonly departments: readonly Department[]; readonly jurisdiction?: LifecyclePresetId; readonly bounds?: { min: number; max: number; clause: string }; readonly order?: readonly string[] },
): PlanCheck {
  const items = new Map(context.items.map((i) => [i.id, i]));
  const depts = new Set(context.departments.map((d) => d.id));
  const issues: RuleIssue[] = [];
  const issue = (path: (string | number)[], rule: string, clause: string, zh: string, en: string, value?: unknown) => issues.push({ path, rule, clause, messageZh: zh, messageEn: en, ...(value === undefined ? {} : { value }) });
  plan.rows.forEach((row, i) => {
    for (const d of [row.initiatingDepartmentId, ...row.cooperatingDepartmentIds]) if (!depts.has(d)) issue(["rows", i], "unknown-department", "Chongqing table D.1", "部门不在部门名单中", "unknown department", d);
    const all = [...row.initiatingItemIds, ...row.cooperatingItemIds];
    for (const id of all) if (!items.has(id)) issue(["rows", i, "items"], "unknown-item", "Chongqing table D.1", "抽查事项不在事项清单中", "the item is not on the item list", id);
    for (const id of row.initiatingItemIds) {
      const it = items.get(id);
      if (it !== undefined && it.initiatingDepartmentId !== row.initiatingDepartmentId) issue(["rows", i, "initiatingItemIds"], "item-department", "Longting art. 10; Chongqing table D.1", "发起部门的抽查事项应由该部门发起", "an initiating item must belong to the row's initiating department", id);
    }
    for (const id of row.cooperatingItemIds) {
      const it = items.get(id);
      if (it !== undefined && !row.cooperatingDepartmentIds.includes(it.initiatingDepartmentId) && !it.cooperatingDepartmentIds.some((c) => row.cooperatingDepartmentIds.includes(c))) {
        issue(["rows", i, "cooperatingItemIds"], "item-department", "Chongqing table D.1", "配合部门的抽查事项应属于配合部门", "a cooperating item must belong to a cooperating department", id);
      }
    }
    if (row.ratio !== undefined) {
      for (const id of all) {
        const it = items.get(id);
        if (it?.category === "general" && it.maxRatio !== undefined && Math.round(row.ratio * 1e6) > Math.round(it.maxRatio * 1e6)) {
          issue(["rows", i, "ratio"], "general-item-ratio-cap", "Chongqing 5.2", `一般检查事项“${it.name}”的抽查比例上限为${it.maxRatio * 100}%`, `the general item "${it.name}" is capped at ${it.maxRatio * 100}%`, row.ratio);
        }
      }
    }
    const b = context.bounds;
    if (b !== undefined && row.ratio !== undefined && (Math.round(row.ratio * 1e6) < Math.round(b.min * 1e6) || Math.round(row.ratio * 1e6) > Math.round(b.max * 1e6))) {
      issue(["rows", i, "ratio"], "ratio-bounds", b.clause, `抽查比例应在${b.min * 100}%至${b.max * 100}%之间`, `the ratio must lie between ${b.min * 100}% and ${b.max * 100}%`, row.ratio);
    }
    // the whole window lies in the plan year: an annual plan schedules that year's checks (Chongqing table D.1)
    if (!row.window.start.startsWith(String(plan.year)) || !row.window.end.startsWith(String(plan.year))) issue(["rows", i, "window"], "plan-year", "Chongqing table D.1", "抽查时间应在计划年度内", "the window must lie within the plan year", row.window);
    // a row samples something: a ratio of 0 (or a count of 0) schedules no check (Chongqing 5.2; Longting art. 15)
    if ((row.ratio !== undefined && row.ratio <= 0) || (row.targetCount !== undefined && row.targetCount <= 0)) {
      issue(["rows", i, row.ratio !== undefined ? "ratio" : "targetCount"], "plan-row-quantity", "Chongqing 5.2; Longting art. 15", "抽查比例或数量应大于零", "the ratio or count must be greater than zero", row.ratio ?? row.targetCount);
    }
  });
  const warnings = frequencyProblems(plan, context.order, issue);
  const covered = new Set(plan.rows.flatMap((r) => [...r.initiatingItemIds, ...r.cooperatingItemIds]).map((id) => items.get(id)?.field).filter((f): f is string => f !== undefined));
  const uncoveredFields = [...new Set(context.items.map((i) => i.field))].filter((f) => !covered.has(f)).sort();
  // Longting art. 13 (联合抽查年度工作计划应覆盖部门联合抽查事项清单中的所有抽查领域) is the Kaifeng Longting measures' rule: an
  // error under `longting`, and for a plan checked without a jurisdiction (the strictest reading of the documents, as the
  // item caps of Chongqing 5.2 apply whatever the preset). Wolong 1.2, Wancheng art. 5, Chongqing 5 and the Yanshi plan
  // set no field-coverage rule (Chongqing 5 asks for general and key items, `plan-item-categories`): there an uncovered
  // field is a warning that names the document it comes from.
  const coverageRule = context.jurisdiction === undefined || context.jurisdiction === "longting";
  for (const f of uncoveredFields) {
    if (coverageRule) issue(["rows"], "plan-coverage", "Longting art. 13", `计划未覆盖抽查领域“${f}”（龙亭区办法第十三条：应覆盖联合抽查事项清单中的所有抽查领域）`, `the plan does not cover the field "${f}" (Longting art. 13: the plan covers every field of the joint item list)`, f);
    else warnings.push({ path: ["rows"], rule: "plan-coverage", clause: "Longting art. 13 (advisory: not a rule of this jurisdiction's document)", messageZh: `计划未覆盖抽查领域“${f}”（仅作提示：覆盖所有抽查领域是龙亭区办法第十三条的要求，本辖区文件未作此规定）`, messageEn: `the plan does not cover the field "${f}" (advisory only: covering every field is Longting art. 13's rule; the ${context.jurisdiction} document sets none)`, value: f });
  }
  if (context.jurisdiction === "chongqing") {
    const planned = new Set(plan.rows.flatMap((r) => [...r.initiatingItemIds, ...r.cooperatingItemIds]).map((id) => items.get(id)?.category));
    for (const cat of ["general", "key"] as const) {
      if (!planned.has(cat)) issue(["rows"], "plan-item-categories", "Chongqing 5", `年度计划应涵盖${cat === "key" ? "重点" : "一般"}检查事项`, `the annual plan must cover ${cat} items (应涵盖一般检查事项和重点检查事项)`, cat);
    }
  }
  const profile = plan.rows.map((r) => {
    const its = [...r.initiatingItemIds, ...r.cooperatingItemIds].map((id) => items.get(id)).filter((x): x is InspectionItem => x !== undefined);
    return { seq: r.seq, objectTypes: new Set(its.map((x) => x.objectType)), methods: new Set(its.flatMap((x) => x.methods ?? [])), window: r.window };
  });
  const mergeCandidates: PlanCheck["mergeCandidates"][number][] = [];
  for (let a = 0; a < profile.length; a++) {
    for (let b = a + 1; b < profile.length; b++) {
      const x = profile[a] as (typeof profile)[number];
      const y = profile[b] as (typeof profile)[number];
      const shared = [...x.objectTypes].filter((o) => y.objectTypes.has(o));
      const methodsAlike = x.methods.size === 0 || y.methods.size === 0 || [...x.methods].some((m) => y.methods.has(m));
      const overlap = x.window.start <= y.window.end && y.window.start <= x.window.end;
      if (shared.length > 0 && methodsAlike && overlap) mergeCandidates.push({ rows: [x.seq, y.seq], objectTypes: shared.sort(), clause: "Chongqing 5.5 (检查对象和检查方式相近的，应合并进行)" });
    }
  }
  let publication: PlanCheck["publication"];
  // Longting (art. 16) and Yanshi set no calendar date for the plan: no publication deadline to report
  if (context.jurisdiction !== undefined && Object.hasOwn(ANNUAL_PLAN_DEADLINES, context.jurisdiction)) {
    const d = annualPlanDeadline(plan.year, context.jurisdiction as AnnualPlanJurisdiction);
    // only a publication deadline in force bounds publishedOn: Wancheng art. 5's February date is the departments'
    // submission to the 区联席办, and the norms apply only from 2026-03-20 (Wancheng art. 28)
    const binds = d.preset.stage === "publication" && d.inForce;
    publication = { ...d, ...(plan.publishedOn === undefined ? {} : { publishedOn: plan.publishedOn, ...(binds ? { late: plan.publishedOn > d.date } : {}) }) };
    if (binds && plan.publishedOn !== undefined && plan.publishedOn > d.date) issue(["publishedOn"], "plan-publication", d.preset.basis, `计划应于${d.date}前公开`, `the plan was due by ${d.date}`, plan.publishedOn);
  }
  return deepFreeze({ ok: issues.length === 0, issues, warnings, uncoveredFields, mergeCandidates, ...(publication === undefined ? {} : { publication }) });
}

const daysIn = (w: { start: string; end: string }) => (parseDayNumber(w.end) as number) - (parseDayNumber(w.start) as number) + 1;

/**
 * 抽查频次 per plan row (Longting arts. 15–16): a row's frequency fits its window (at most one round a day: 12 a year
 * in a 10-day window schedules what cannot happen — an error); a row's risk class is one of `order`; and among rows of
 * the same initiating department and items, a riskier class is not sampled less often, nor at a lower ratio, than a
 * safer one (增加抽查的比例和频次 — a warning).
 */
function frequencyProblems(plan: AnnualPlan, order: readonly string[] | undefined, issue: (path: (string | number)[], rule: string, clause: string, zh: string, en: string, value?: unknown) => void): RuleIssue[] {
  const warnings: RuleIssue[] = [];
  plan.rows.forEach((row, i) => {
    if (row.frequencyPerYear !== undefined && row.frequencyPerYear > daysIn(row.window)) {
      issue(["rows", i, "frequencyPerYear"], "plan-row-frequency", "Longting art. 16", `抽查频次（${row.frequencyPerYear}次）超过抽查时间的天数（${daysIn(row.window)}天）`, `the frequency (${row.frequencyPerYear}) does not fit the row's window of ${daysIn(row.window)} days`, row.frequencyPerYear);
    }
    if (row.riskClass !== undefined && order !== undefined && !order.includes(row.riskClass)) {
      issue(["rows", i, "riskClass"], "plan-row-risk-class", "Longting art. 15", `风险类别“${row.riskClass}”不在类别顺序中`, `the risk class "${row.riskClass}" is not one of ${order.join(", ")}`, row.riskClass);
    }
  });
  if (order === undefined) return warnings;
  const groups = new Map<string, number[]>();
  plan.rows.forEach((row, i) => {
    if (row.riskClass === undefined || !order.includes(row.riskClass)) return;
    const key = JSON.stringify([row.initiatingDepartmentId, [...row.initiatingItemIds].sort(), [...row.cooperatingItemIds].sort()]);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const rows of groups.values()) {
    const sorted = [...rows].sort((a, b) => order.indexOf(plan.rows[a]!.riskClass!) - order.indexOf(plan.rows[b]!.riskClass!));
    for (let x = 0; x < sorted.length; x++) {
      for (let y = x + 1; y < sorted.length; y++) {
        const safe = plan.rows[sorted[x]!]!;
        const risky = plan.rows[sorted[y]!]!;
        if (safe.riskClass === risky.riskClass) continue;
        if (safe.frequencyPerYear !== undefined && risky.frequencyPerYear !== undefined && risky.frequencyPerYear < safe.frequencyPerYear) {
          warnings.push({ path: ["rows", sorted[y]!, "frequencyPerYear"], rule: "risk-frequency-order", clause: "Longting art. 15; Longting art. 16", messageZh: `风险较高的${risky.riskClass}类（第${risky.seq}行）抽查频次低于风险较低的${safe.riskClass}类（第${safe.seq}行）`, messageEn: `row ${risky.seq} (class ${risky.riskClass}) is inspected less often (${risky.frequencyPerYear}/year) than row ${safe.seq} (safer class ${safe.riskClass}, ${safe.frequencyPerYear}/year)`, value: risky.frequencyPerYear });
        }
        if (safe.ratio !== undefined && risky.ratio !== undefined && Math.round(risky.ratio * 1e6) < Math.round(safe.ratio * 1e6)) {
          warnings.push({ path: ["rows", sorted[y]!, "ratio"], rule: "risk-ratio-order", clause: "Longting art. 15; Chongqing 6.3", messageZh: `风险较高的${risky.riskClass}类（第${risky.seq}行）抽查比例低于风险较低的${safe.riskClass}类（第${safe.seq}行）`, messageEn: `row ${risky.seq} (class ${risky.riskClass}) is sampled at a lower ratio than row ${safe.seq} (safer class ${safe.riskClass})`, value: risky.ratio });
        }
      }
    }
  }
  return warnings;
}
