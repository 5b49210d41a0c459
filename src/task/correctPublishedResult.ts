import { readArg } from "./_args.js";
import { judgeLateness } from "./_lateness.js";
import type { CalendarOptions } from "../calendar/HolidayCalendar.js";
import { issuesFromZod } from "../errors/_fromZod.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { InspectionRecordSchema, type InspectionRecord, type InspectionRecordInput } from "../model/inspectionRecord.js";
import type { Approval, TaskLifecycle, Transition } from "./TaskLifecycle.js";
import { digestOf } from "../draw/_shared/_encoding.js";
import { advance, appended, recordById, refuse, requireState } from "./_lifecycle.js";
import { checkTargetFields } from "./_targetFields.js";
import { unstorableTexts } from "./_storableText.js";
import { cappedIssues } from "../errors/_capIssues.js";
import { checkAdvanceNotice, checkRecordForm, presetOf, requireApproval, requireChronology, requireDate, requireOrder, text } from "./_rules.js";

/**
 * Corrects a published result. Published results are not changed at will (Wancheng art. 21: 不得擅自更改); a change needs
 * the preset's approval (Chongqing 6.6: 经本部门主要负责人审批后予以更正) and keeps the previous record in the history.
 * After a confirmed objection the correction is due within 5 working days where the preset adopts the 川渝 scheme
 * (2025; `objectionCorrection`: `chongqing`, and custom presets that do not say otherwise); a later one is recorded as
 * late. The Henan presets (`longting`, `wancheng`, `wolong`, `yanshi`) set no correction deadline: the correction
 * carries none and is never late. A deadline reaching a year the calendar does not cover is provisional: a correction
 * in that year is `late: null`, undecided ({@link Lateness}), never asserted late. The corrected form passes the same checks as the original (team, sections, signatures, dates); the correction
 * is dated on or after publication, and its approval on or before the correction (`approval-late`).
 *
 * @param t - The task (a value returned by a lifecycle function, or by {@link loadTask}).
 * @param rawInput - The corrected `record` (same id and target), the `reason`, the approval, `objectionConfirmedOn` when
 *   it follows an objection, the date `on`, the `actor` and the `calendar`.
 * @returns The new task and the audit event recorded.
 * @throws {@link ShuangsuijiError} `results-immutable` when no reason is given (published results change only by a
 *   reasoned correction).
 * @throws {@link ShuangsuijiError} `approval-missing`, `approval-role` or `approval-late` when the preset's approval is
 *   absent, names no department or another department than the one whose result changes (本部门, Chongqing 6.6), is
 *   from the wrong role, or dated after the correction; `approval-missing` (`approval-per-department`) when one
 *   correction changes several departments' results (one correction per department).
 * @throws {@link ShuangsuijiError} `illegal-transition` when the task's results are not published yet.
 * @throws {@link ShuangsuijiError} `invalid-input` when `t` is not a live task, the input or record is malformed, no
 *   published record has this id, or the correction changes the target or task.
 * @throws {@link ShuangsuijiError} `record-form-refused` when the corrected record fails the record-form checks (team,
 *   inspectors, identity shown).
 * @throws {@link ShuangsuijiError} `invalid-date` when a date is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `dates-out-of-order` when the corrected inspection date is outside the task's
 *   window, or a date is before the task's previous event.
 * @category Task
 * @example
 * ```ts
 * import { correctPublishedResult, type InspectionRecordInput, type TaskLifecycle } from "shuangsuiji";
 * declare const published: TaskLifecycle;
 * declare const corrected: InspectionRecordInput;
 * correctPublishedResult(published, {
 *   record: corrected, reason: "企业异议经查属实：已按时公示年报", objectionConfirmedOn: "2026-11-10",
 *   approval: { name: "王局长", role: "principal-head", on: "2026-11-12", departmentId: "SCJG" }, on: "2026-11-12", actor: "信用监管科",
 * });
 * ```
 */
export function correctPublishedResult(
  t: TaskLifecycle,
  rawInput: { readonly record: InspectionRecordInput; readonly reason: string; readonly approval: Approval; readonly objectionConfirmedOn?: string; readonly on: string; readonly actor: string; readonly calendar?: CalendarOptions },
): Transition {
  const input = readArg(t, rawInput, []);
  requireState(t, ["published", "corrected"], "correct a published result", "Chongqing 6.6; Wancheng art. 21");
  const rule = presetOf(t).correction;
  if (input === null || typeof input !== "object") refuse("invalid-input", "input", rule.clause, "缺少更正内容", "the correction input is required");
  const on = requireChronology(t, input.on, "correct a published result");
  requireOrder(t.publishedOn, on, "correction-after-publication", rule.clause, "更正日期早于公示日期", "a correction is dated before the publication it corrects", ["on"]);
  const reason = text(input.reason, ["reason"]);
  if (reason === "") refuse("results-immutable", "correction-reason", rule.clause, "更正须说明理由", "a correction needs a reason", ["reason"]);
  // Chongqing 6.6 检查结果公开后…确需变更的…审批: the approval follows the publication it changes
  // the corrected record is kept as given: U+0000 or a lone surrogate anywhere in it is refused by path, as the record
  // form refuses them (text-storable, Chongqing 4 全过程留痕)
  const unstorable = unstorableTexts(input.record, ["record"]);
  if (unstorable.length > 0) throw new ShuangsuijiError("invalid-input", cappedIssues(unstorable));
  const r = InspectionRecordSchema.safeParse(input.record);
  if (!r.success) throw new ShuangsuijiError("invalid-input", issuesFromZod(r.error.issues, { clause: "Chongqing F.1" }, input.record), { cause: r.error });
  const previous = recordById(t, r.data.id);
  if (previous === undefined) refuse("invalid-input", "correction-record", rule.clause, "没有可更正的同一记录", "no published record with this id to correct", ["record", "id"], r.data.id);
  if (previous.target.targetId !== r.data.target.targetId || previous.taskId !== r.data.taskId) refuse("invalid-input", "correction-target", rule.clause, "更正不能改变检查对象或任务", "a correction cannot change the target or the task", ["record", "target"]);
  // 经本部门主要负责人审批后予以更正 (Chongqing 6.6; 谁检查、谁录入、谁公开, Longting art. 22): the head of the department whose
  // result changes approves; a correction changing several departments' results is made once per department
  const changed = changedDepartments(previous, r.data);
  if (changed.length > 1) {
    refuse("approval-missing", "approval-per-department", `${rule.clause} (本部门)`, `本次更正改变了${changed.join("、")}的检查结果：各部门的结果由本部门负责人分别审批更正`, `this correction changes the results of ${changed.join(", ")}: each department's result is corrected on its own head's approval, one correction per department`, ["record", "departments"], changed);
  }
  const concerned = changed.length === 1 ? changed : [...new Set(previous.departments.map((d) => d.departmentId))];
  const approval = requireApproval(t, input.approval, rule.approver, rule.clause, "更正已公示的检查结果", on, ["approval"], { on: t.publishedOn, zh: "检查结果公示日期", en: "the publication of the results" }, { ids: concerned, zh: changed.length === 1 ? "结果被更正的部门" : "记录表所列部门", en: changed.length === 1 ? "the department whose result is corrected" : "a department on the form" });
  checkRecordForm(t, r.data, on);
  checkTargetFields(t, r.data, ["record"]);
  // the same dates as at first recording (recordResult): not before the inspection started, inside the task window
  // unless the original record already carried an approved exception for that same date
  const inspectedOn = r.data.inspectedOn;
  requireOrder(t.inspectionStartedOn, inspectedOn, "inspection-after-start", "Wolong 2.3; Yanshi 8.3", `检查日期（${inspectedOn}）早于实施检查开始日（${t.inspectionStartedOn}）`, `the inspection (${inspectedOn}) is dated before the inspection started (${t.inspectionStartedOn})`, ["record", "inspectedOn"]);
  const { start, end } = t.task.window;
  if ((inspectedOn < start || inspectedOn > end) && inspectedOn !== previous.inspectedOn) {
    refuse("dates-out-of-order", "inspection-in-window", "Wolong 2.2 (检查时间); Chongqing 6.2; Longting art. 16", `更正后的检查日期（${inspectedOn}）不在任务时间${start}至${end}内`, `the corrected inspection date (${inspectedOn}) lies outside the task window ${start}–${end}`, ["record", "inspectedOn"], inspectedOn);
  }
  // a correction corrects the record of the inspection that took place (Chongqing 6.6 确需变更的…予以更正; Wancheng art. 21
  // 不得擅自更改): the corrected date stays within the inspection, on or before its completion, so the public view never
  // shows a result inspected after it was published (Longting art. 17, the steps in order). A new visit is a new task.
  const completedOn = t.completedOn;
  if (completedOn !== undefined && inspectedOn > completedOn && inspectedOn !== previous.inspectedOn) {
    refuse("dates-out-of-order", "correction-inspected-before-completion", `${rule.clause}; Longting art. 17`, `更正后的检查日期（${inspectedOn}）晚于检查完成日期（${completedOn}）：更正只能更正已实施的检查，不能记录公示后的新检查`, `the corrected inspection date (${inspectedOn}) is after the inspection was completed (${completedOn}): a correction corrects the inspection that took place; a later visit is a new task`, ["record", "inspectedOn"], inspectedOn);
  }
  checkAdvanceNotice(t, r.data.target.targetId, inspectedOn, ["record"]);
  if (input.objectionConfirmedOn !== undefined) requireOrder(t.publishedOn, requireDate(input.objectionConfirmedOn, ["objectionConfirmedOn"]), "objection-after-publication", rule.clause, "异议核实日期早于公示日期", "an objection is confirmed before the result was published", ["objectionConfirmedOn"]);
  if (input.objectionConfirmedOn !== undefined) requireOrder(input.objectionConfirmedOn, on, "correction-after-objection", rule.clause, "更正日期早于异议核实日期", "the correction is dated before the objection was confirmed", ["on"]);
  // the 5 working days are the 川渝 scheme's (chongqing); the Henan documents set no correction deadline (objectionCorrection)
  const timed = presetOf(t).objectionCorrection?.deadline ?? true;
  // a deadline reaching a year the calendar does not cover is provisional: never the ground of late: true (null, undecided)
  const judged = input.objectionConfirmedOn === undefined || !timed ? undefined : judgeLateness("objection-correction", input.objectionConfirmedOn, on, input.calendar);
  const deadline = judged?.deadline;
  const late = judged === undefined ? false : judged.late;
  const entry = { recordId: previous.id, previous, reason, approval, late, ...(input.objectionConfirmedOn === undefined ? {} : { objectionConfirmedOn: input.objectionConfirmedOn }), ...(deadline === undefined ? {} : { deadline }) };
  const records = t.records.map((x) => (x === previous ? r.data : x));
  return advance(t, { state: "corrected", records, corrections: appended(entry) }, {
    type: "result-corrected", on, actor: text(input.actor, ["actor"]),
    payload: { recordId: previous.id, reason, approvedBy: approval.name, approvedOn: approval.on, clause: rule.clause, late, ...(deadline === undefined ? {} : { deadline: deadline.date }) },
    transition: "correctPublishedResult", input: [{ ...input, record: r.data }],
  });
}

/** The departments whose section of the record form (items and results) differs between two versions of a record. */
function changedDepartments(before: InspectionRecord, after: InspectionRecord): string[] {
  const sections = (r: InspectionRecord) => new Map(r.departments.map((d) => [d.departmentId, digestOf(d)]));
  const a = sections(before);
  const b = sections(after);
  return [...new Set([...a.keys(), ...b.keys()])].filter((id) => a.get(id) !== b.get(id)).sort();
}
