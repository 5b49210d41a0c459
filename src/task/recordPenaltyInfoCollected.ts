import { readArg } from "./_args.js";
import { judgeLateness } from "./_lateness.js";
import type { CalendarOptions } from "../calendar/HolidayCalendar.js";
import { isNegativeOutcome } from "../codes/isNegativeOutcome.js";
import type { TaskLifecycle, Transition } from "./TaskLifecycle.js";
import { advance, recordById, refuse, requireState } from "./_lifecycle.js";
import { requireOfficialCalendar } from "./_officialCalendar.js";
import { presetOf, requireChronology, requireDate, requireOrder, text } from "./_rules.js";

/**
 * Input of {@link recordPenaltyInfoCollected}.
 *
 * @category Task
 */
export interface PenaltyInfoCollectedInput {
  /** The inspection record whose finding the penalty was decided on. */
  readonly recordId: string;
  /** The deciding department (处罚决定机关): a department of the task with a section on the record. */
  readonly departmentId: string;
  /** The day the administrative penalty was decided: the 7 working days (Longting art. 22) run from it. */
  readonly decidedOn: string;
  /** The penalty decision's number (处罚决定书文号), if known. */
  readonly decisionNumber?: string;
  /** The day the penalty information was collected (归集) into the platforms. */
  readonly on: string;
  /** Who collected it. */
  readonly actor: string;
  /**
   * Calendar options for the 7-working-day deadline: the official calendar (or one that adds later years from the State
   * Council's notices). A year it does not cover makes the deadline provisional (never `late: true` from it).
   */
  readonly calendar?: CalendarOptions;
  /** An explicit opt-out, with its reason, to compute the deadline on a calendar that differs from the official one. */
  readonly nonOfficialCalendar?: { readonly reason: string };
}

/**
 * Records the 归集 of administrative-penalty information (Longting art. 22 「行政处罚信息应当由处罚决定机关在7个工作日内
 * 归集至协同监督平台和市公共信用信息平台，记于相应市场主体名下，向社会公示」): the deciding department, a department of the
 * task whose section of the record found a problem (`penalty-department`, `penalty-without-finding`), collects the
 * information on `on`. Under a preset whose `penaltyInfoCollection.sevenWorkingDays` is set (`longting`) it is due within
 * 7 working days of the decision; after the deadline the step is accepted and recorded as `late` (the measures bound
 * the collection but do not refuse a late one: refusing would keep the penalty from the public). The other presets set
 * no fixed deadline (Yanshi 7.5 「要及时归集」; Wolong, Wancheng, Chongqing: no 归集 rule): the collection carries no
 * deadline and is never late. A deadline reaching a year the calendar does not cover (no State Council notice yet) is
 * provisional and never the ground of `late: true`: a collection before that year is on time, one within it is `late:
 * null`, undecided ({@link Lateness}), until {@link overduePenaltyInfo} is asked with a calendar covering the year. Refusals cite the preset's `penaltyInfoCollection.clause`. Dates run in order (`dates-out-of-order`): the decision on or after the inspection, the collection on or after
 * the decision and the task's previous event. A decision date already given to {@link recordResult}
 * (`penaltyDecidedOn`) must be the same. Each department collects a record's penalty once (`collected-once`).
 * {@link overduePenaltyInfo} lists what is late or overdue.
 *
 * @param t - The task (a value returned by a lifecycle function, or by {@link loadTask}).
 * @param rawInput - The record, the deciding department, the decision date (and number), the date `on` of the 归集, the
 *   `actor` and the `calendar`.
 * @returns The new task (with the entry in `penaltyInfo`) and the audit event recorded.
 * @throws {@link ShuangsuijiError} `illegal-transition` when the task has no results yet, or the department already
 *   collected this record's penalty.
 * @throws {@link ShuangsuijiError} `invalid-input` when `t` is not a live task, the input is missing, the record is
 *   unknown, the department has no section on it, its section found no problem, or the decision date differs from the
 *   one recorded with the result.
 * @throws {@link ShuangsuijiError} `invalid-date` when a date is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `dates-out-of-order` when the decision predates the inspection, or `on` predates the
 *   decision or the task's previous event.
 * @category Task
 * @example
 * ```ts
 * import { recordPenaltyInfoCollected, type TaskLifecycle } from "shuangsuiji";
 * declare const published: TaskLifecycle;
 * const { event } = recordPenaltyInfoCollected(published, { recordId: "R-7", departmentId: "SCJG", decidedOn: "2026-05-11", on: "2026-05-18", actor: "区市场监管局" });
 * event.payload.late; // false: within 7 working days of 2026-05-11
 * ```
 */
export function recordPenaltyInfoCollected(t: TaskLifecycle, rawInput: PenaltyInfoCollectedInput): Transition {
  const input = readArg(t, rawInput, []);
  requireState(t, ["inspecting", "results-recorded", "published", "corrected"], "record the collection of penalty information", "Longting art. 22");
  if (input === null || typeof input !== "object") refuse("invalid-input", "input", "Longting art. 22", "缺少输入", "input required");
  const on = requireChronology(t, input.on, "record the collection of penalty information");
  // the 7 working days are Longting art. 22's alone; Yanshi 7.5 says 及时, the other documents set no deadline
  const rule = presetOf(t).penaltyInfoCollection ?? { sevenWorkingDays: false, clause: "custom preset (no 归集 deadline)" };
  const cl = rule.clause;
  const recordId = text(input.recordId, ["recordId"]);
  const rec = recordById(t, recordId);
  if (rec === undefined) refuse("invalid-input", "penalty-record", cl, "该检查记录不存在", "no inspection record has that id", ["recordId"], input.recordId);
  const departmentId = text(input.departmentId, ["departmentId"]);
  // 由处罚决定机关…归集 (Longting art. 22; 谁管辖、谁负责): the deciding department is one that inspected and found it
  const section = rec.departments.find((d) => d.departmentId === departmentId);
  if (section === undefined) refuse("invalid-input", "penalty-department", cl, "处罚决定机关应为在该记录上有检查结果的本任务部门", "the deciding department must be a department of the task with a section on the record", ["departmentId"], input.departmentId);
  if (!section.items.some((i) => i.outcomes.some((o) => isNegativeOutcome(o)))) {
    refuse("invalid-input", "penalty-without-finding", cl, "该部门在该记录上未发现问题，不能据此归集行政处罚信息", "the department's section of the record found no problem: no penalty information can be collected on it", ["recordId"], recordId);
  }
  if ((t.penaltyInfo ?? []).some((p) => p.recordId === recordId && p.departmentId === departmentId)) {
    refuse("illegal-transition", "collected-once", cl, "该部门已归集该记录的行政处罚信息", "this department already collected the penalty information of this record", ["recordId"], recordId);
  }
  const decidedOn = requireDate(input.decidedOn, ["decidedOn"]);
  requireOrder(rec.inspectedOn, decidedOn, "penalty-after-inspection", cl, `处罚决定日期（${decidedOn}）早于检查日期（${rec.inspectedOn}）`, `the penalty (${decidedOn}) is dated before the inspection that found the violation (${rec.inspectedOn})`, ["decidedOn"]);
  requireOrder(decidedOn, on, "collection-after-decision", cl, `归集日期（${on}）早于处罚决定日期（${decidedOn}）`, `the collection (${on}) is dated before the penalty decision (${decidedOn})`, ["on"]);
  const declared = declaredDecision(t, recordId);
  if (declared !== undefined && declared !== decidedOn) {
    refuse("invalid-input", "penalty-decision-date", cl, `处罚决定日期与录入结果时记录的日期（${declared}）不一致`, `the decision date differs from the one recorded with the result (${declared})`, ["decidedOn"], decidedOn);
  }
  const decisionNumber = input.decisionNumber === undefined ? undefined : text(input.decisionNumber, ["decisionNumber"]);
  if (decisionNumber === "") refuse("invalid-input", "decision-number", cl, "处罚决定书文号不能为空", "the decision number, when given, cannot be empty", ["decisionNumber"]);
  // a deadline reaching a year the calendar does not cover is provisional: no `late` verdict from it (Longting art. 22)
  const judged = rule.sevenWorkingDays ? judgeLateness("penalty-info-collection", decidedOn, on, input.calendar) : undefined;
  if (judged !== undefined) requireOfficialCalendar(input.calendar, input.nonOfficialCalendar, ["calendar", "calendar"], { from: decidedOn, to: judged.deadline.date > on ? judged.deadline.date : on });
  const deadline = judged?.deadline;
  const late = judged === undefined ? false : judged.late;
  const entry = { recordId, targetId: rec.target.targetId, departmentId, decidedOn, ...(decisionNumber === undefined ? {} : { decisionNumber }), collectedOn: on, ...(deadline === undefined ? {} : { deadline: deadline.date }), late };
  return advance(
    t,
    { penaltyInfo: [...(t.penaltyInfo ?? []), entry] },
    { type: "penalty-info-collected", on, actor: text(input.actor, ["actor"]), payload: { ...entry, basis: deadline?.definition.basis ?? cl, provisional: deadline?.provisional ?? false }, transition: "recordPenaltyInfoCollected", input: [input] },
  );
}

/** The penalty decision date recordResult recorded for a record (`penaltyDecidedOn`), if any. */
function declaredDecision(t: TaskLifecycle, recordId: string): string | undefined {
  const audit = t.audit;
  for (let i = audit.length - 1; i >= 0; i--) {
    const e = audit[i]!;
    if (e.type === "result-recorded" && e.payload.recordId === recordId) {
      const input = e.input[1] as { penaltyDecidedOn?: unknown } | null;
      return typeof input?.penaltyDecidedOn === "string" ? input.penaltyDecidedOn : undefined;
    }
  }
  return undefined;
}
