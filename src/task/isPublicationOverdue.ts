import { readPlain } from "../_internal/boundary.js";
import { isLiveTask, recordOfTarget, stateIndex } from "./_lifecycle.js";
import { inspectionEndedOn } from "./_inspectionEnd.js";
import { computeDeadline } from "../calendar/computeDeadline.js";
import { deadlineToAnswer } from "./_lateness.js";
import type { CalendarOptions } from "../calendar/HolidayCalendar.js";
import { parseCivilDate } from "../calendar/parseCivilDate.js";
import type { TaskLifecycle } from "./TaskLifecycle.js";

/**
 * Whether the results are overdue on `asOf`: completed, not published, and past the 20-working-day deadline — or
 * published after it. `asOf` is an input: the library never reads the clock. A task still `inspecting` whose every
 * target has a record has ended its inspection on the day of its last inspection, the latest `inspectedOn` (Wolong
 * 3.2 「自检查结束之日起20个工作日内」): its deadline runs from that day, as {@link completeInspection} fixes it whatever
 * the completion date or the dates the results were entered, so leaving the task uncompleted does not stop the clock,
 * and the answer agrees with the `late` flag of {@link publishResults}. A task not completed while a drawn target still
 * has no record ended its inspection, at the latest, with its window (`task.window.end`: the task's 执行时间, Chongqing
 * 6.2; 检查时间, Wolong 2.2; or its last inspection recorded after it on an approved `outsideWindow` exception): from the
 * day after it, the 20 working days run from that end (Chongqing 6.6 「自检查任务
 * 完成后20个工作日内」; Wolong 3.2), so a target left without a record does not hold the others' results back. On a
 * joint task published department by department, it is overdue while any department has not published past the
 * deadline, or when one published late.
 *
 * @param raw - The task.
 * @param asOf - Today's date, `YYYY-MM-DD` (the library never reads the clock).
 * @param calendar - The working-day calendar for a task not yet completed (completion fixes its own), and the one a
 *   provisional completion deadline is settled on (computed on `outsideCoverage: "assume-weekdays"`: recomputed here,
 *   so a publication on time on the real calendar is not reported late); default the bundled official calendar.
 * @returns `true` when the results were published after the deadline, or are unpublished and `asOf` is past it.
 * @throws {@link ShuangsuijiError} `invalid-date` when `asOf` is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `calendar-year-not-covered` when an uncompleted task's deadline — or a provisional
 *   one a date past the calendar's years must be compared with — falls outside the calendar's years and
 *   `calendar.outsideCoverage` is not `"assume-weekdays"` (with it, the answer rests on the assumed weekdays).
 * @throws {@link ShuangsuijiError} `invalid-input` when `raw` cannot be read as plain data (a Proxy, a getter that
 *   throws, nesting past the input limits).
 * @category Task
 * @example
 * ```ts
 * import { isPublicationOverdue, type TaskLifecycle } from "shuangsuiji";
 * declare const recorded: TaskLifecycle;
 * isPublicationOverdue(recorded, "2026-11-04");
 * ```
 */
export function isPublicationOverdue(raw: TaskLifecycle, asOf: string, calendar?: CalendarOptions): boolean {
  const t = isLiveTask(raw) ? raw : (readPlain(raw, ["task"]) as TaskLifecycle);
  parseCivilDate(asOf, "asOf");
  const stored = t.publicationDeadline;
  // a provisional deadline (completion on assume-weekdays) is answered on the calendar given, never taken as final
  const compared = t.publishedOn !== undefined ? [t.publishedOn] : [asOf, ...Object.values(t.departmentPublications ?? {}).map((p) => p.publishedOn)];
  const latest = compared.reduce((m, d) => (d > m ? d : m));
  const deadline = stored !== undefined ? (deadlineToAnswer("results-publication", stored, latest, calendar) as string) : inspectionEndDeadline(t, calendar) ?? windowEndDeadline(t, asOf, calendar);
  if (deadline === undefined) return false;
  if (t.publishedOn !== undefined) return t.publishedOn > deadline;
  // 谁检查、谁公开 (Longting art. 22): a department that published late makes the task late
  if (Object.values(t.departmentPublications ?? {}).some((p) => p.publishedOn > deadline)) return true;
  return asOf > deadline;
}

/**
 * Chongqing 6.2 (执行时间) and 6.6 (自检查任务完成后20个工作日内); Wolong 2.2 (检查时间) and 3.2: an uncompleted task whose
 * window has ended ended its inspection, at the latest, on the window's last day (or on a later inspection recorded on an
 * approved exception, `outsideWindow`). Computed only once `asOf` is past the
 * window (before, it cannot be overdue), so a window ending in a year the calendar does not cover yet throws only then.
 */
function windowEndDeadline(t: TaskLifecycle, asOf: string, calendar: CalendarOptions | undefined): string | undefined {
  const windowEnd = t.task?.window?.end;
  if (typeof windowEnd !== "string" || stateIndex(t.state) >= stateIndex("results-recorded")) return undefined;
  // an inspection recorded after the window on an approved exception (outsideWindow, Longting art. 16) extends it
  const last = inspectionEndedOn(t);
  const end = last !== undefined && last > windowEnd ? last : windowEnd;
  if (asOf <= end) return undefined;
  return computeDeadline("results-publication", end, calendar).date;
}

/** Wolong 3.2: an inspecting task whose every target has a record ended its inspection with its last inspection. */
function inspectionEndDeadline(t: TaskLifecycle, calendar: CalendarOptions | undefined): string | undefined {
  if (t.state !== "inspecting" || t.targetIds.length === 0) return undefined;
  const byTarget = isLiveTask(t) ? (id: string) => recordOfTarget(t, id) : (id: string) => t.records.find((r) => r.target.targetId === id);
  if (!t.targetIds.every((id) => byTarget(id) !== undefined)) return undefined;
  const end = inspectionEndedOn(t);
  return end === undefined ? undefined : computeDeadline("results-publication", end, calendar).date;
}
