import { readPlain } from "../_internal/boundary.js";
import { issuesFromZod } from "../errors/_fromZod.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { SpotCheckTaskSchema, type SpotCheckTaskInput } from "../model/spotCheckTask.js";
import { LIFECYCLE_PRESETS, LifecyclePresetSchema, type LifecyclePreset, type LifecyclePresetId } from "./LIFECYCLE_PRESETS.js";
import type { TaskLifecycle, Transition } from "./TaskLifecycle.js";
import { advance, refuse } from "./_lifecycle.js";
import { requireDate, text } from "./_rules.js";

/**
 * Starts the lifecycle of a planned spot-check task (抽查任务, Wolong 2.2; Chongqing 6.2) under one document's rules:
 * a named preset of {@link LIFECYCLE_PRESETS}, or a custom preset object validated by {@link LifecyclePresetSchema}
 * (kept as a frozen copy in `rules`, `preset: "custom"`). The task is validated; the first audit event records it. A
 * task planned after its window has ended is refused (`dates-out-of-order`, Wolong 2.2; Chongqing 6.2).
 *
 * @param rawTask - The spot-check task (id, name, window, items, departments…).
 * @param rawOptions - The lifecycle `preset` (an id of {@link LIFECYCLE_PRESETS} or a preset object), the date `on` and
 *   the `actor`.
 * @returns The new task, in its first state, and the audit event recorded.
 * @throws {@link ShuangsuijiError} `invalid-input` when the task is malformed (every problem listed), or the options
 *   are malformed or `actor` is empty.
 * @throws {@link ShuangsuijiError} `invalid-argument` when `preset` is not a known preset id or not a valid preset
 *   object.
 * @throws {@link ShuangsuijiError} `invalid-date` when `on` is not a real `YYYY-MM-DD` date.
 * @category Task
 * @example
 * ```ts
 * import { LIFECYCLE_PRESETS, startTask } from "shuangsuiji";
 * const task = { id: "T-1", name: "餐饮服务单位联合抽查", initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: ["WJW"],
 *   scope: { description: "卧龙区" }, ratio: 0.05, window: { start: "2026-04-01", end: "2026-06-30" }, itemIds: ["SCJG-02"] };
 * startTask(task, { preset: "chongqing", on: "2026-03-30", actor: "信用监管科" }).task.state; // "planned"
 * // a county's own rules: Chongqing's, but "other special circumstances" also justify a replacement
 * const custom = { ...LIFECYCLE_PRESETS.chongqing, source: "某县实施细则", replacement: { allowOther: true, approver: "department-head" as const, clause: "某县细则第9条" } };
 * startTask(task, { preset: custom, on: "2026-03-30", actor: "信用监管科" }).task.preset; // "custom"
 * ```
 */
export function startTask(rawTask: SpotCheckTaskInput, rawOptions: { readonly preset: LifecyclePresetId | LifecyclePreset; readonly on: string; readonly actor: string }): Transition {
  const task = readPlain(rawTask, ["task"]);
  const options = readPlain(rawOptions, ["options"]) as typeof rawOptions;
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
  const empty: TaskLifecycle = {
    kind: "task-lifecycle", task: r.data, preset: name, ...(rules === undefined ? {} : { rules }), state: "planned", targetDraws: [], amendments: [], targetIds: [], teams: [],
    replacements: [], records: [], corrections: [], audit: [],
  };
  return advance(empty, {}, { type: "task-planned", on, actor: text(o.actor), payload: { taskId: r.data.id, preset: name, ...(rules === undefined ? {} : { rules }) }, transition: "startTask", input: [r.data, options] });
}
