import type { TaskLifecycle, Transition } from "./TaskLifecycle.js";
import { advance, requireState } from "./_lifecycle.js";
import { requireChronology, text } from "./_rules.js";

/**
 * Starts on-site inspection. Until now the drawn lists and inspector names were sealed (Yanshi 8.3: 实施检查前…不得对外泄露);
 * {@link publicView} reveals nothing of them before this step. No inspection may be dated before it.
 *
 * @param t - The task (a value returned by a lifecycle function, or by {@link loadTask}).
 * @param options - The date `on` and the `actor`.
 * @returns The new task and the audit event recorded.
 * @throws {@link ShuangsuijiError} `illegal-transition` when the task is not in a state that allows this step.
 * @throws {@link ShuangsuijiError} `invalid-input` when `t` is not a live task, the options are malformed or `actor` is
 *   empty.
 * @throws {@link ShuangsuijiError} `invalid-date` when `on` is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `dates-out-of-order` when `on` is before the task's previous event.
 * @category Task
 * @example
 * ```ts
 * import { startInspection, type TaskLifecycle } from "shuangsuiji";
 * declare const drawn: TaskLifecycle;
 * const { task } = startInspection(drawn, { on: "2026-04-10", actor: "联合检查组" });
 * ```
 */
export function startInspection(t: TaskLifecycle, options: { readonly on: string; readonly actor: string }): Transition {
  requireState(t, ["inspectors-drawn"], "start the inspection", "Wolong 2.3; Yanshi 8.3");
  const on = requireChronology(t, options?.on, "start the inspection");
  return advance(t, { state: "inspecting", inspectionStartedOn: on }, { type: "inspection-started", on, actor: text(options.actor), payload: { teams: t.teams.length }, transition: "startInspection", input: [options] });
}
