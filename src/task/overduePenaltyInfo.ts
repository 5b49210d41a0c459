import { isPlainObject, readPlain } from "../_internal/boundary.js";
import { parseCivilDate } from "../calendar/parseCivilDate.js";
import type { CalendarOptions } from "../calendar/HolidayCalendar.js";
import { deadlineToAnswer } from "./_lateness.js";
import type { TaskLifecycle } from "./TaskLifecycle.js";
import { isLiveTask, refuse } from "./_lifecycle.js";

/**
 * One administrative penalty whose information was not collected (归集) in time (Longting art. 22), as
 * {@link overduePenaltyInfo} lists it.
 *
 * @category Task
 */
export interface OverduePenaltyInfo {
  /** The inspection record the penalty was decided on. */
  readonly recordId: string;
  /** The deciding department, when the collection was recorded. */
  readonly departmentId?: string;
  /** The day the penalty was decided. */
  readonly decidedOn: string;
  /** 7 working days after the decision (`undecided`: the provisional date, on assumed weekdays). */
  readonly deadline: string;
  /**
   * `collected-late`: collected after the deadline; `not-collected`: past the deadline on `asOf` with no collection;
   * `undecided`: the deadline reaches a year the calendar given does not cover, and the collection (or `asOf`, when
   * none was recorded) falls in that year — whether it is late cannot be told until the year's State Council notice is
   * added ({@link addCalendarYears}) or `outsideCoverage: "assume-weekdays"` is chosen.
   */
  readonly status: "collected-late" | "not-collected" | "undecided";
  /** The day it was collected (`collected-late`, and `undecided` when collected). */
  readonly collectedOn?: string;
}

/**
 * The administrative penalties of a task whose information was not collected (归集) within 7 working days of the
 * decision (Longting art. 22 「行政处罚信息应当由处罚决定机关在7个工作日内归集至协同监督平台…」; only presets whose
 * `penaltyInfoCollection.sevenWorkingDays` is set record a deadline, so under the others nothing is listed): every collection
 * {@link recordPenaltyInfoCollected} recorded as late, and every penalty decision given to {@link recordResult}
 * (`penaltyDecidedOn`) with no collection recorded yet when `asOf` is past its deadline. The deadlines are those the
 * steps recorded (on the calendar they were given), except a provisional one (computed on `outsideCoverage:
 * "assume-weekdays"` into a year the calendar did not cover: a collection `late: null`, a result's
 * `penaltyInfoProvisional`), which is recomputed on `calendar` — listed `undecided` when that calendar does not cover
 * the year either and the date compared falls in it. `asOf` is an input: the library never reads the clock.
 *
 * @param raw - The task.
 * @param asOf - Today's date, `YYYY-MM-DD`.
 * @param calendar - The calendar a provisional deadline is settled on; default the bundled official calendar.
 * @returns The late, overdue or undecided penalties, in the order their decisions were recorded (empty when none).
 * @throws {@link ShuangsuijiError} `invalid-date` when `asOf` is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `invalid-input` when `raw` is not a task lifecycle or cannot be read as plain data
 *   (a Proxy, a getter that throws, nesting past the input limits).
 * @category Task
 * @example
 * ```ts
 * import { overduePenaltyInfo, type TaskLifecycle } from "shuangsuiji";
 * declare const task: TaskLifecycle;
 * overduePenaltyInfo(task, "2026-06-01").length === 0; // every penalty's information collected in time
 * ```
 */
export function overduePenaltyInfo(raw: TaskLifecycle, asOf: string, calendar?: CalendarOptions): readonly OverduePenaltyInfo[] {
  const t = isLiveTask(raw) ? raw : (readPlain(raw, ["task"]) as TaskLifecycle);
  if (!isPlainObject(t) || t.kind !== "task-lifecycle" || !Array.isArray(t.audit) || (t.penaltyInfo !== undefined && !Array.isArray(t.penaltyInfo))) {
    refuse("invalid-input", "task", "shuangsuiji task lifecycle", "不是任务状态对象", "not a task lifecycle object (use startTask or loadTask)", ["task"]);
  }
  parseCivilDate(asOf, "asOf");
  const out: OverduePenaltyInfo[] = [];
  const collected = new Set<string>();
  for (const p of t.penaltyInfo ?? []) {
    if (p === null || typeof p !== "object") continue;
    collected.add(p.recordId);
    if (p.deadline === undefined) continue;
    if (p.late === true) out.push({ recordId: p.recordId, departmentId: p.departmentId, decidedOn: p.decidedOn, deadline: p.deadline, status: "collected-late", collectedOn: p.collectedOn });
    else if (p.late === null) {
      // the deadline was provisional and the collection fell in the year the calendar did not cover: settled here
      const deadline = deadlineToAnswer("penalty-info-collection", { from: p.decidedOn, date: p.deadline, provisional: true }, p.collectedOn, calendar, "undecided");
      if (deadline === null) out.push({ recordId: p.recordId, departmentId: p.departmentId, decidedOn: p.decidedOn, deadline: p.deadline, status: "undecided", collectedOn: p.collectedOn });
      else if (p.collectedOn > deadline) out.push({ recordId: p.recordId, departmentId: p.departmentId, decidedOn: p.decidedOn, deadline, status: "collected-late", collectedOn: p.collectedOn });
    }
  }
  for (const e of t.audit ?? []) {
    // a stored task is read as data: anything not shaped like a result event is skipped (verifyTask judges the trail)
    if (!isPlainObject(e) || e.type !== "result-recorded" || !isPlainObject(e.payload) || typeof e.payload.penaltyInfoDeadline !== "string" || !Array.isArray(e.input)) continue;
    const recordId = String(e.payload.recordId);
    const options = e.input[1];
    const decidedOn = isPlainObject(options) ? options.penaltyDecidedOn : undefined;
    if (collected.has(recordId) || typeof decidedOn !== "string") continue;
    // a deadline recorded as provisional (penaltyInfoProvisional) is settled on the calendar given
    const deadline = e.payload.penaltyInfoProvisional === true ? deadlineToAnswer("penalty-info-collection", { from: decidedOn, date: e.payload.penaltyInfoDeadline, provisional: true }, asOf, calendar, "undecided") : e.payload.penaltyInfoDeadline;
    if (deadline === null) out.push({ recordId, decidedOn, deadline: e.payload.penaltyInfoDeadline, status: "undecided" });
    else if (asOf > deadline) out.push({ recordId, decidedOn, deadline, status: "not-collected" });
  }
  return Object.freeze(out.map((x) => Object.freeze(x)));
}
