import { readArg } from "./_args.js";
import type { Approval, TaskLifecycle, Transition } from "./TaskLifecycle.js";
import { advance, refuse, requireState } from "./_lifecycle.js";
import { requireChronology, text } from "./_rules.js";
import { windowException as checkWindowException, type OutsideWindowInput, type WindowException } from "./_windowException.js";

/**
 * Options of {@link startInspection}.
 *
 * @category Task
 */
export interface StartInspectionOptions {
  /** The day on-site inspection starts (on or before the task window ends, unless `outsideWindow`). */
  readonly on: string;
  /** Who starts it. */
  readonly actor: string;
  /**
   * A start after the task window has ended is refused unless recorded as an exception: the task was delayed
   * (Longting art. 16: 延迟…可对计划进行调整，并将调整情况公开), with the reason, an approval dated on or before the start
   * and — where the preset's document requires the adjustment to be public (`windowException.publicNotice`: Longting
   * art. 16, Chongqing 5.4) — the public notice's `reference` and date, on or before the start.
   */
  readonly outsideWindow?: { readonly reason: string; readonly approval: Approval; readonly publicNotice?: { readonly reference: string; readonly on: string } };
}

/**
 * Starts on-site inspection. Until now the drawn lists and inspector names were sealed (Yanshi 8.3: 实施检查前…不得对外泄露);
 * {@link publicView} reveals nothing of them before this step. No inspection may be dated before it. A start after the
 * task window has ended is refused (`dates-out-of-order`, Wolong 2.2; Chongqing 6.2) unless the delay is recorded with
 * its reason, the department head's approval and, where the preset requires it, the public notice of the adjustment
 * (`outsideWindow`; `windowException` of the preset: Longting art. 16, Chongqing 5.4; Wolong, Wancheng, Yanshi: no public
 * notice required).
 *
 * @param t - The task (a value returned by a lifecycle function, or by {@link loadTask}).
 * @param rawOptions - The date `on` and the `actor`.
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
export function startInspection(t: TaskLifecycle, rawOptions: StartInspectionOptions): Transition {
  const options = readArg(t, rawOptions, []);
  requireState(t, ["inspectors-drawn"], "start the inspection", "Wolong 2.3; Yanshi 8.3");
  const on = requireChronology(t, options?.on, "start the inspection");
  const end = t.task.window.end;
  let windowException: WindowException | undefined;
  if (on > end) {
    const x = options.outsideWindow;
    if (x === undefined || x === null) {
      refuse("dates-out-of-order", "inspection-in-window", "Wolong 2.2 (检查时间); Chongqing 6.2; Longting art. 16", `实施检查开始日（${on}）晚于任务时间的结束日（${end}）`, `the inspection starts on ${on}, after the task window ends (${end}); record the approved delay (outsideWindow) if the task was delayed`, ["on"], on);
    }
    windowException = checkWindowException(t, x as OutsideWindowInput, on, { zh: "任务时间后开始实施检查", en: "a start after the window" });
  }
  return advance(t, { state: "inspecting", inspectionStartedOn: on }, { type: "inspection-started", on, actor: text(options.actor, ["actor"]), payload: { teams: t.teams.length, ...(windowException === undefined ? {} : { windowException }) }, transition: "startInspection", input: [options] });
}
