import { readPlain } from "../_internal/boundary.js";
import { isLiveTask, recordOfTarget } from "./_lifecycle.js";
import { inspectionEndedOn } from "./_inspectionEnd.js";
import { computeDeadline } from "../calendar/computeDeadline.js";
import type { CalendarOptions } from "../calendar/HolidayCalendar.js";
import { parseCivilDate } from "../calendar/parseCivilDate.js";
import type { TaskLifecycle } from "./TaskLifecycle.js";

/**
 * Whether the results are overdue on `asOf`: completed, not published, and past the 20-working-day deadline — or
 * published after it. `asOf` is an input: the library never reads the clock. A task still `inspecting` whose every
 * target has a record has ended its inspection on the day of its last inspection, the latest `inspectedOn` (Wolong
 * 3.2 「自检查结束之日起20个工作日内」): its deadline runs from that day, as {@link completeInspection} fixes it whatever
 * the completion date or the dates the results were entered, so leaving the task uncompleted does not stop the clock,
 * and the answer agrees with the `late` flag of {@link publishResults}. On a joint task published department by
 * department, it is overdue while any department has not published past the deadline, or when one published late.
 *
 * @param raw - The task.
 * @param asOf - Today's date, `YYYY-MM-DD` (the library never reads the clock).
 * @param calendar - The working-day calendar for a task not yet completed (completion fixes its own); default the
 *   bundled official calendar.
 * @returns `true` when the results were published after the deadline, or are unpublished and `asOf` is past it.
 * @throws {@link ShuangsuijiError} `invalid-date` when `asOf` is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `calendar-year-not-covered` when an uncompleted task's deadline falls outside the
 *   calendar's years and `calendar.outsideCoverage` is not `"assume-weekdays"`.
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
  const deadline = t.publicationDeadline?.date ?? inspectionEndDeadline(t, calendar);
  if (deadline === undefined) return false;
  if (t.publishedOn !== undefined) return t.publishedOn > deadline;
  // 谁检查、谁公开 (Longting art. 22): a department that published late makes the task late
  if (Object.values(t.departmentPublications ?? {}).some((p) => p.publishedOn > deadline)) return true;
  return asOf > deadline;
}

/** Wolong 3.2: an inspecting task whose every target has a record ended its inspection with its last inspection. */
function inspectionEndDeadline(t: TaskLifecycle, calendar: CalendarOptions | undefined): string | undefined {
  if (t.state !== "inspecting" || t.targetIds.length === 0) return undefined;
  const byTarget = isLiveTask(t) ? (id: string) => recordOfTarget(t, id) : (id: string) => t.records.find((r) => r.target.targetId === id);
  if (!t.targetIds.every((id) => byTarget(id) !== undefined)) return undefined;
  const end = inspectionEndedOn(t);
  return end === undefined ? undefined : computeDeadline("results-publication", end, calendar).date;
}
