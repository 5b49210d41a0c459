import { issuesFromZod } from "../errors/_fromZod.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { SpotCheckTaskSchema, type SpotCheckTaskInput } from "../model/spotCheckTask.js";
import { LIFECYCLE_PRESETS, type LifecyclePresetId } from "./LIFECYCLE_PRESETS.js";
import type { TaskLifecycle, Transition } from "./TaskLifecycle.js";
import { advance, refuse } from "./_lifecycle.js";

/**
 * Starts the lifecycle of a planned spot-check task (抽查任务, Wolong 2.2; Chongqing 6.2) under one document's rules.
 * The task is validated; the first audit event records it.
 *
 * @category Task
 * @example
 * ```ts
 * import { startTask } from "shuangsuiji";
 * const { task } = startTask(
 *   { id: "T-1", name: "餐饮服务单位联合抽查", initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: ["WJW"],
 *     scope: { description: "卧龙区" }, ratio: 0.05, window: { start: "2026-04-01", end: "2026-06-30" }, itemIds: ["SCJG-02"] },
 *   { preset: "chongqing", on: "2026-03-30", actor: "信用监管科" },
 * );
 * task.state; // "planned"
 * ```
 */
export function startTask(task: SpotCheckTaskInput, options: { readonly preset: LifecyclePresetId; readonly on: string; readonly actor: string }): Transition {
  const r = SpotCheckTaskSchema.safeParse(task);
  if (!r.success) throw new ShuangsuijiError("invalid-input", issuesFromZod(r.error.issues, { clause: "Wolong 2.2; Chongqing 6.2" }, task), { cause: r.error });
  if (!(options.preset in LIFECYCLE_PRESETS)) refuse("invalid-argument", "preset", "LIFECYCLE_PRESETS", "未知的规则预设", `unknown preset (${Object.keys(LIFECYCLE_PRESETS).join(", ")})`, ["preset"], options.preset);
  const empty: TaskLifecycle = {
    kind: "task-lifecycle", task: r.data, preset: options.preset, state: "planned", targetDraws: [], amendments: [], targetIds: [], teams: [],
    replacements: [], records: [], corrections: [], audit: [],
  };
  return advance(empty, {}, { type: "task-planned", on: options.on, actor: options.actor, payload: { taskId: r.data.id, preset: options.preset }, transition: "startTask", input: [r.data, options] });
}
