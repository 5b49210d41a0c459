import { computeDeadline } from "../calendar/computeDeadline.js";
import type { CalendarOptions } from "../calendar/HolidayCalendar.js";
import { issuesFromZod } from "../errors/_fromZod.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { InspectionRecordSchema, type InspectionRecordInput } from "../model/inspectionRecord.js";
import type { Approval, TaskLifecycle, Transition } from "./TaskLifecycle.js";
import { advance, appended, presetOf, refuse, requireApproval, requireState } from "./_lifecycle.js";

/**
 * Corrects a published result. Published results are not changed at will (Wancheng art. 21: 不得擅自更改); a change needs
 * the preset's approval (Chongqing 6.6: 经本部门主要负责人审批后予以更正) and keeps the previous record in the history.
 * After a confirmed objection the correction is due within 5 working days (川渝 scheme 2025); a later one is recorded
 * as late.
 *
 * @category Task
 * @example
 * ```ts
 * import { correctPublishedResult, type InspectionRecordInput, type TaskLifecycle } from "shuangsuiji";
 * declare const published: TaskLifecycle;
 * declare const corrected: InspectionRecordInput;
 * correctPublishedResult(published, {
 *   record: corrected, reason: "企业异议经查属实：已按时公示年报", objectionConfirmedOn: "2026-11-10",
 *   approval: { name: "王局长", role: "principal-head", on: "2026-11-12" }, on: "2026-11-12", actor: "信用监管科",
 * });
 * ```
 */
export function correctPublishedResult(
  t: TaskLifecycle,
  input: { readonly record: InspectionRecordInput; readonly reason: string; readonly approval: Approval; readonly objectionConfirmedOn?: string; readonly on: string; readonly actor: string; readonly calendar?: CalendarOptions },
): Transition {
  requireState(t, ["published", "corrected"], "correct a published result", "Chongqing 6.6; Wancheng art. 21");
  const rule = presetOf(t).correction;
  if (input.reason.trim() === "") refuse("results-immutable", "correction-reason", rule.clause, "更正须说明理由", "a correction needs a reason", ["reason"]);
  requireApproval(input.approval, rule.approver, rule.clause, "更正已公示的检查结果");
  const r = InspectionRecordSchema.safeParse(input.record);
  if (!r.success) throw new ShuangsuijiError("invalid-input", issuesFromZod(r.error.issues, { clause: "Chongqing F.1" }, input.record), { cause: r.error });
  const index = t.records.findIndex((x) => x.id === r.data.id);
  const previous = t.records[index];
  if (previous === undefined) refuse("invalid-input", "correction-record", rule.clause, "没有可更正的同一记录", "no published record with this id to correct", ["record", "id"], r.data.id);
  if (previous.target.targetId !== r.data.target.targetId || previous.taskId !== r.data.taskId) refuse("invalid-input", "correction-target", rule.clause, "更正不能改变检查对象或任务", "a correction cannot change the target or the task", ["record", "target"]);
  const deadline = input.objectionConfirmedOn === undefined ? undefined : computeDeadline("objection-correction", input.objectionConfirmedOn, input.calendar);
  const late = deadline !== undefined && input.on > deadline.date;
  const entry = { recordId: previous.id, previous, reason: input.reason, approval: input.approval, late, ...(input.objectionConfirmedOn === undefined ? {} : { objectionConfirmedOn: input.objectionConfirmedOn }), ...(deadline === undefined ? {} : { deadline }) };
  const records = t.records.map((x, i) => (i === index ? r.data : x));
  return advance(t, { state: "corrected", records, corrections: appended(entry) }, {
    type: "result-corrected", on: input.on, actor: input.actor,
    payload: { recordId: previous.id, reason: input.reason, approvedBy: input.approval.name, clause: rule.clause, late, ...(deadline === undefined ? {} : { deadline: deadline.date }) },
    transition: "correctPublishedResult", input: [{ ...input, record: r.data }],
  });
}
