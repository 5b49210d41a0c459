import { readArg } from "./_args.js";
import { computeDeadline } from "../calendar/computeDeadline.js";
import type { CalendarOptions } from "../calendar/HolidayCalendar.js";
import type { TaskLifecycle, Transition } from "./TaskLifecycle.js";
import { CN_CALENDAR } from "../calendar/CN_CALENDAR.js";
import { requireOfficialCalendar } from "./_officialCalendar.js";
import { advance, calendarDigest, recordOfTarget, refuse, requireState } from "./_lifecycle.js";
import { entriesAfter, inspectionEndedOn } from "./_inspectionEnd.js";
import { requireChronology, requireOrder, text } from "./_rules.js";

/**
 * Completes the task (检查结束 / 抽查任务完成) once every target on the list in force has a record, and fixes the
 * results publication deadline: 20 working days after the end of the inspection, on the working-day calendar (all five documents;
 * e.g. Longting art. 22, Wancheng art. 21, Chongqing 6.6). Completion is dated on or after the last inspection and
 * the last recorded step (`dates-out-of-order`): an earlier date would also move the deadline earlier. The deadline
 * runs from the end of the inspection — the day the last target was inspected, its latest `inspectedOn` (Wolong 3.2
 * 「自检查结束之日起20个工作日内」; Chongqing 6.6 「自检查任务完成后20个工作日内」) — whatever later date completion is
 * given and whenever the results were entered: neither completing nor entering results later moves it
 * (`publicationDeadline.from`). Results entered after the deadline are accepted (the documents bound the entry but never
 * refuse a late one: refusing would keep the result from the public) and listed in the event as `lateEntries`.
 * The working days are the State Council's (国务院办公厅关于部分节假日安排的通知): a `calendar` that differs from the
 * bundled official one on a year both cover is refused (`official-calendar`) unless the caller opts out explicitly
 * (`nonOfficialCalendar.reason`), recorded in the event's `calendar.nonOfficialReason`; a calendar that only adds later
 * years ({@link addCalendarYears}) is accepted when each added year holds the fixed-date statutory days of
 * 《全国年节及纪念日放假办法》 art. 2 (元旦, 劳动节, 国庆) and as many weekdays off, net of make-up working days, as there
 * are statutory days — a made-up year that moves the deadline needs the opt-out too.
 *
 * @param t - The task (a value returned by a lifecycle function, or by {@link loadTask}).
 * @param rawOptions - `completedOn`, the `actor`, the `calendar` for the publication deadline and, to use a calendar that
 *   differs from the official one, `nonOfficialCalendar` with the reason.
 * @returns The new task (with its publication deadline) and the audit event recorded.
 * @throws {@link ShuangsuijiError} `illegal-transition` when the task is not inspecting, or a target still has no
 *   inspection record.
 * @throws {@link ShuangsuijiError} `invalid-input` when `t` is not a live task, the options are malformed or `actor` is
 *   empty, or the calendar differs from the official one without `nonOfficialCalendar` (`official-calendar`).
 * @throws {@link ShuangsuijiError} `invalid-date` when `completedOn` is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `dates-out-of-order` when `completedOn` is before the task's previous event.
 * @throws {@link ShuangsuijiError} `calendar-year-not-covered` when the publication deadline falls outside the
 *   calendar's years and `calendar.outsideCoverage` is not `"assume-weekdays"`.
 * @category Task
 * @example
 * ```ts
 * import { completeInspection, type TaskLifecycle } from "shuangsuiji";
 * declare const inspecting: TaskLifecycle;
 * const { task } = completeInspection(inspecting, { completedOn: "2026-09-30", actor: "区市场监管局" });
 * task.publicationDeadline?.date; // "2026-11-03"
 * ```
 */
export function completeInspection(t: TaskLifecycle, rawOptions: { readonly completedOn: string; readonly actor: string; readonly calendar?: CalendarOptions; readonly nonOfficialCalendar?: { readonly reason: string } }): Transition {
  const options = readArg(t, rawOptions, []);
  requireState(t, ["inspecting"], "complete the inspection", "Wolong 3.2");
  const completedOn = requireChronology(t, options?.completedOn, "complete the inspection", ["completedOn"]);
  const missing = t.targetIds.filter((id) => recordOfTarget(t, id) === undefined);
  if (missing.length > 0) refuse("illegal-transition", "records-complete", "Wolong 3.1; Chongqing 6.6", `仍有${missing.length}个检查对象没有检查记录`, `${missing.length} target(s) have no record yet`, ["records"], missing);
  const lastInspection = t.records.reduce<string | undefined>((m, r) => (m === undefined || r.inspectedOn > m ? r.inspectedOn : m), undefined);
  requireOrder(lastInspection, completedOn, "completion-after-inspections", "Wolong 3.2; Longting art. 22", `检查结束日期（${completedOn}）早于最后一次检查（${lastInspection}）`, `completion (${completedOn}) is dated before the last inspection (${lastInspection})`, ["completedOn"]);
  // the deadline runs from the end of the inspection, the last target's inspection (Wolong 3.2 自检查结束之日起20个工作日内;
  // Chongqing 6.6 自检查任务完成后), whatever date completion is given or results were entered: neither moves it
  const endedOn = inspectionEndedOn(t) ?? completedOn;
  // 工作日 are the State Council's: a calendar that differs from the official one moves the legal deadline, so it is
  // refused unless the caller opts out explicitly, and the opt-out is recorded (G05)
  const deadline = computeDeadline("results-publication", endedOn, options.calendar);
  const check = requireOfficialCalendar(options.calendar, options.nonOfficialCalendar, ["calendar", "calendar"], { from: endedOn, to: deadline.date });
  // Wolong 3.2 and Longting art. 22 bound the entry (录入) too: results entered after the deadline are recorded as late
  const lateEntries = entriesAfter(t, deadline.date);
  // the holiday calendar the deadline rests on, by digest: publishResults judges lateness against this deadline, so a
  // made-up calendar that moves it is visible in the trail (Longting art. 22)
  const cal = options.calendar?.calendar ?? CN_CALENDAR;
  const calendar = { digest: calendarDigest(cal), official: check.official, ...(check.nonOfficialReason === undefined ? {} : { nonOfficialReason: check.nonOfficialReason }) };
  return advance(
    t,
    { state: "results-recorded", completedOn, publicationDeadline: deadline },
    { type: "inspection-completed", on: completedOn, actor: text(options.actor, ["actor"]), payload: { records: t.records.length, inspectionEndedOn: endedOn, publicationDeadline: deadline.date, lateEntries, basis: deadline.definition.basis, provisional: deadline.provisional, calendar }, transition: "completeInspection", input: [options] },
  );
}
