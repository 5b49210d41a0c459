import { readPlain } from "../_internal/boundary.js";
import { issuesFromZod } from "../errors/_fromZod.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import type { RuleIssue } from "../errors/ShuangsuijiError.js";
import { InspectionItemSchema, type InspectionItem } from "../model/inspectionItem.js";
import { SpotCheckTaskSchema, type SpotCheckTask, type SpotCheckTaskInput } from "../model/spotCheckTask.js";
import { LIFECYCLE_PRESETS, LifecyclePresetSchema, type LifecyclePreset, type LifecyclePresetId } from "./LIFECYCLE_PRESETS.js";
import type { TaskLifecycle, Transition } from "./TaskLifecycle.js";
import { advance, emptyLiveTask, refuse } from "./_lifecycle.js";
import { itemCapOf, taskRatioIssues } from "./_ratioRules.js";
import { requireDate, text } from "./_rules.js";
import { cappedIssues } from "../errors/_capIssues.js";

/**
 * Options of {@link startTask}.
 *
 * @category Task
 */
export interface StartTaskOptions {
  /** The rules: an id of {@link LIFECYCLE_PRESETS} or a custom preset object (validated by {@link LifecyclePresetSchema}). */
  readonly preset: LifecyclePresetId | LifecyclePreset;
  /** The day the task is planned. */
  readonly on: string;
  /** Who plans it. */
  readonly actor: string;
  /**
   * The item-list entries of the task's items (抽查事项清单, Chongqing A.1) — the whole list may be passed; only the
   * task's `itemIds` are read and kept (`task.items`). Required where the preset enforces `generalItemRatioCap`
   * (chongqing: a general item's `maxRatio` caps the task's ratio and its draw, Chongqing 5.2).
   */
  readonly items?: readonly InspectionItem[];
}

/**
 * Starts the lifecycle of a planned spot-check task (抽查任务, Wolong 2.2; Chongqing 6.2) under one document's rules:
 * a named preset of {@link LIFECYCLE_PRESETS}, or a custom preset object validated by {@link LifecyclePresetSchema}
 * (kept as a frozen copy in `rules`, `preset: "custom"`). The task is validated; the first audit event records it. A
 * task planned after its window has ended is refused (`dates-out-of-order`, Wolong 2.2; Chongqing 6.2).
 *
 * The preset's rules on the task itself are applied, every problem reported at once (`invalid-input`):
 * - the task details the annual plan: it names its `planId` (`task-in-plan`, Chongqing 6.2: 发起部门应根据年度抽查工作计划，
 *   细化…抽查任务), or it is an ad-hoc check made by {@link planAdHocTask} on a ground the preset's `taskPlan` admits —
 *   突发风险 or 上级交办 under `longting` (Longting art. 13), 上级交办 under `yanshi` (Yanshi 7.2), none elsewhere
 *   (`ad-hoc-ground`, `ad-hoc-not-allowed`, `ad-hoc-outside-plan`);
 * - its ratio lies within the preset's `targetRatio` (`target-ratio-bounds`, Yanshi 6: 5%–100%) and, where the preset
 *   enforces `generalItemRatioCap`, at or below the smallest `maxRatio` of its general items (`general-item-ratio-cap`,
 *   Chongqing 5.2). The items come from `options.items` (required there: `task-items-required`) and are kept as
 *   `task.items`, so {@link recordTargetDraw} applies the same rules to the draw.
 *
 * @param rawTask - The spot-check task (id, name, window, items, departments, plan or ad-hoc ground…).
 * @param rawOptions - The lifecycle `preset` (an id of {@link LIFECYCLE_PRESETS} or a preset object), the date `on`,
 *   the `actor` and the task's item-list entries `items` (see {@link StartTaskOptions}).
 * @returns The new task, in its first state, and the audit event recorded.
 * @throws {@link ShuangsuijiError} `invalid-input` when the task is malformed (every problem listed), names no plan
 *   and is no admitted ad-hoc check, its ratio breaks the preset's bounds or the general-item cap, the items are
 *   missing, malformed or do not cover the task's items, or the options are malformed or `actor` is empty.
 * @throws {@link ShuangsuijiError} `invalid-argument` when `preset` is not a known preset id or not a valid preset
 *   object.
 * @throws {@link ShuangsuijiError} `invalid-date` when `on` is not a real `YYYY-MM-DD` date.
 * @category Task
 * @example
 * ```ts
 * import { LIFECYCLE_PRESETS, startTask } from "shuangsuiji";
 * const task = { id: "T-1", planId: "PLAN-2026", name: "餐饮服务单位联合抽查", initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: ["WJW"],
 *   scope: { description: "卧龙区" }, ratio: 0.05, window: { start: "2026-04-01", end: "2026-06-30" }, itemIds: ["SCJG-02"] };
 * const items = [{ id: "SCJG-02", field: "食品经营", name: "食品经营者检查", objectType: "食品经营者", initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: ["WJW"], category: "key" as const }];
 * startTask(task, { preset: "chongqing", on: "2026-03-30", actor: "信用监管科", items }).task.state; // "planned"
 * // a county's own rules: Chongqing's, but "other special circumstances" also justify a replacement
 * const custom = { ...LIFECYCLE_PRESETS.chongqing, source: "某县实施细则", replacement: { allowOther: true, approver: "department-head" as const, clause: "某县细则第9条" } };
 * startTask(task, { preset: custom, on: "2026-03-30", actor: "信用监管科", items }).task.preset; // "custom"
 * // no plan and not ad hoc: refused (task-in-plan, Chongqing 6.2)
 * // startTask({ ...task, planId: undefined }, { preset: "chongqing", on: "2026-03-30", actor: "信用监管科", items }) → throws
 * ```
 */
export function startTask(rawTask: SpotCheckTaskInput, rawOptions: StartTaskOptions): Transition {
  const task = readPlain(rawTask, ["task"]);
  const options = readPlain(rawOptions, ["options"]) as StartTaskOptions;
  const r = SpotCheckTaskSchema.safeParse(task);
  if (!r.success) throw new ShuangsuijiError("invalid-input", issuesFromZod(r.error.issues, { clause: "Wolong 2.2; Chongqing 6.2" }, task), { cause: r.error });
  const o = (options !== null && typeof options === "object" ? options : {}) as Record<string, unknown>;
  const preset = o.preset;
  let name: LifecyclePresetId | "custom";
  let rules: LifecyclePreset | undefined;
  if (typeof preset === "string") {
    if (!Object.hasOwn(LIFECYCLE_PRESETS, preset)) refuse("invalid-argument", "preset", "LIFECYCLE_PRESETS", "未知的规则预设", `unknown preset (${Object.keys(LIFECYCLE_PRESETS).join(", ")}, or a custom preset object)`, ["preset"], preset);
    name = preset as LifecyclePresetId;
  } else {
    const p = LifecyclePresetSchema.safeParse(preset);
    if (!p.success) throw new ShuangsuijiError("invalid-argument", issuesFromZod(p.error.issues, { clause: "LifecyclePresetSchema", prefix: ["preset"] }, preset), { cause: p.error });
    name = "custom";
    rules = p.data;
  }
  const on = requireDate(o.on, ["on"]);
  // a task is planned for a period still to come: planning it after its window has ended is refused (Wolong 2.2
  // 检查时间; Chongqing 6.2); a delay is an adjustment of an existing task, recorded with its approval (Longting art. 16)
  if (on > r.data.window.end) {
    refuse("dates-out-of-order", "task-planned-before-window-end", "Wolong 2.2 (检查时间); Chongqing 6.2", `任务创建日期（${on}）晚于任务时间的结束日（${r.data.window.end}）`, `the task is planned on ${on}, after its window ends (${r.data.window.end})`, ["on"], on);
  }
  const inForce = rules ?? LIFECYCLE_PRESETS[name as LifecyclePresetId];
  const items = o.items === undefined ? undefined : taskItems(r.data, o.items);
  const issues = [...planIssues(r.data, inForce), ...(items?.issues ?? [])];
  // Chongqing 5.2: the general-item cap is read from the task's own items, so they are required where it applies
  const capRule = inForce.generalItemRatioCap;
  if (items === undefined && capRule?.enforced === true) {
    issues.push({ path: ["items"], rule: "task-items-required", clause: capRule.clause, messageZh: "须提供任务检查事项的事项清单条目（options.items），以适用一般检查事项的抽查比例上限", messageEn: "pass the task's entries of the item list (options.items): the general-item ratio cap applies under this preset" });
  }
  issues.push(...taskRatioIssues(inForce, itemCapOf(inForce, items?.items), r.data.ratio, ["ratio"]));
  if (issues.length > 0) throw new ShuangsuijiError("invalid-input", cappedIssues(issues));
  const empty: TaskLifecycle = {
    kind: "task-lifecycle", task: r.data, preset: name, ...(rules === undefined ? {} : { rules }), ...(items === undefined ? {} : { items: items.items }), state: "planned", targetDraws: [], amendments: [], targetIds: [], teams: [],
    replacements: [], records: [], corrections: [], audit: [],
  };
  return advance(emptyLiveTask(empty), {}, { type: "task-planned", on, actor: text(o.actor, ["actor"]), payload: { taskId: r.data.id, preset: name, ...(rules === undefined ? {} : { rules }) }, transition: "startTask", input: [r.data, items === undefined ? options : { ...options, items: items.items }] });
}

const AD_HOC_GROUNDS = ["sudden-risk", "assigned-by-superior"] as const;
const GROUND_ZH: Readonly<Record<string, string>> = { "sudden-risk": "突发风险", "assigned-by-superior": "上级交办" };

/**
 * Where the task comes from (Chongqing 6.2: 发起部门应根据年度抽查工作计划，细化…抽查任务; Longting art. 13): it names its
 * plan, or it is an ad-hoc check (planAdHocTask) on a ground the preset admits — never both, never neither.
 */
function planIssues(task: SpotCheckTask, preset: LifecyclePreset): RuleIssue[] {
  const grounds: readonly string[] = preset.taskPlan?.adHocGrounds ?? AD_HOC_GROUNDS;
  const clause = preset.taskPlan?.clause ?? "Chongqing 6.2; Longting art. 13";
  const issues: RuleIssue[] = [];
  const add = (path: (string | number)[], rule: string, zh: string, en: string, value?: unknown) => issues.push({ path, rule, clause, messageZh: zh, messageEn: en, ...(value === undefined ? {} : { value }) });
  const allowed = grounds.length === 0 ? "本规范没有临时性联合抽查：计划外的任务应先调整并公开年度计划，再列入计划" : `本规范仅允许因${grounds.map((g) => GROUND_ZH[g]).join("或")}开展临时性联合抽查`;
  const allowedEn = grounds.length === 0 ? "this document has no ad-hoc check: a task outside the plan is first added to the annual plan (adjusted and made public)" : `this document admits an ad-hoc check only for ${grounds.join(" or ")}`;
  if (task.adHoc === true) {
    if (task.planId !== undefined) add(["planId"], "ad-hoc-outside-plan", "临时性联合抽查是未列入年度计划的任务，不能同时注明所属计划", "an ad-hoc check is one the plan does not include: it cannot also name a plan", task.planId);
    if (task.adHocGround === undefined) add(["adHocGround"], "ad-hoc-ground", `临时性联合抽查须说明事由（${grounds.map((g) => GROUND_ZH[g]).join("、") || "本规范不允许"}）：请用 planAdHocTask`, `an ad-hoc check needs its ground (${grounds.join(", ") || "none admitted here"}) explained: use planAdHocTask`);
    else if (!grounds.includes(task.adHocGround.ground)) add(["adHocGround", "ground"], "ad-hoc-not-allowed", allowed, allowedEn, task.adHocGround.ground);
  } else {
    if (task.adHocGround !== undefined) add(["adHocGround"], "ad-hoc-outside-plan", "临时性联合抽查的事由只适用于计划外的任务（adHoc: true）", "an ad-hoc ground belongs to an ad-hoc check (adHoc: true) only", task.adHocGround.ground);
    if (task.planId === undefined) add(["planId"], "task-in-plan", `任务应依据年度抽查工作计划细化，须注明所属计划（planId）${grounds.length === 0 ? "" : "；计划外的临时性联合抽查请用 planAdHocTask"}`, `a task details the annual plan: name its plan (planId)${grounds.length === 0 ? "" : ", or plan an ad-hoc check with planAdHocTask"}`);
  }
  return issues;
}

/**
 * The task's entries of the item list, in the order of `task.itemIds`: each validated, each of the task's items present
 * (entries for other items are ignored and not kept). Every problem is reported.
 */
function taskItems(task: SpotCheckTask, raw: unknown): { items: InspectionItem[]; issues: RuleIssue[] } {
  const issues: RuleIssue[] = [];
  if (!Array.isArray(raw)) return { items: [], issues: [{ path: ["items"], rule: "task-items", clause: "Chongqing 5.2; Chongqing A.1", messageZh: "items 应为事项清单条目的列表", messageEn: "items must be a list of item-list entries", value: typeof raw }] };
  const byId = new Map<string, number>();
  raw.forEach((x, k) => {
    const id = x !== null && typeof x === "object" ? (x as { id?: unknown }).id : undefined;
    if (typeof id === "string" && !byId.has(id)) byId.set(id, k);
  });
  const items: InspectionItem[] = [];
  for (const id of task.itemIds) {
    const k = byId.get(id);
    if (k === undefined) {
      issues.push({ path: ["items"], rule: "task-item-listed", clause: "Wolong 2.2 (检查事项); Chongqing A.1", messageZh: `任务的检查事项${id}不在提供的事项清单条目中`, messageEn: `the task's item ${id} is not among the item-list entries given`, value: id });
      continue;
    }
    const p = InspectionItemSchema.safeParse(raw[k]);
    if (!p.success) issues.push(...issuesFromZod(p.error.issues, { clause: "Chongqing A.1; Chongqing 5.2", prefix: ["items", k] }, raw[k]));
    else items.push(p.data);
  }
  return { items, issues };
}
