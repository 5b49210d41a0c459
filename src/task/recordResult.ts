import { consequencesOf } from "../codes/consequencesOf.js";
import { computeDeadline } from "../calendar/computeDeadline.js";
import type { CalendarOptions } from "../calendar/HolidayCalendar.js";
import { issuesFromZod } from "../errors/_fromZod.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { InspectionRecordSchema, type InspectionRecordInput } from "../model/inspectionRecord.js";
import type { TaskLifecycle, Transition } from "./TaskLifecycle.js";
import { advance, appended, isOnList, recordOfTarget, refuse, requireState, teamOfTarget } from "./_lifecycle.js";

/**
 * Records the inspection record form of one target (Wolong Annex B; Chongqing F.1): per department, items and outcomes;
 * the target's signature, or its refusal recorded by the inspectors with evidence (Longting art. 21), or a direct
 * result when the target was unreachable or seriously non-cooperative (Wancheng art. 20). The inspectors must be the
 * team's members, at least two per participating department (Longting art. 21). The event lists the consequences the
 * outcomes trigger and, when a penalty was decided, the 7-working-day collection deadline (Longting art. 22).
 *
 * @category Task
 * @example
 * ```ts
 * import { recordResult, type InspectionRecordInput, type TaskLifecycle } from "shuangsuiji";
 * declare const inspecting: TaskLifecycle;
 * declare const form: InspectionRecordInput;
 * const { event } = recordResult(inspecting, form, { on: "2026-04-15", actor: "联合检查组" });
 * event.payload.consequences;
 * ```
 */
export function recordResult(
  t: TaskLifecycle,
  record: InspectionRecordInput,
  options: { readonly on: string; readonly actor: string; readonly penaltyDecidedOn?: string; readonly calendar?: CalendarOptions },
): Transition {
  requireState(t, ["inspecting"], "record a result", "Wolong 3.1; Chongqing 6.6");
  const r = InspectionRecordSchema.safeParse(record);
  if (!r.success) throw new ShuangsuijiError("invalid-input", issuesFromZod(r.error.issues, { clause: "Wolong Annex B; Chongqing F.1" }, record), { cause: r.error });
  const rec = r.data;
  const where = (zh: string, en: string, path: string[], rule: string, clause: string): never => refuse("invalid-input", rule, clause, zh, en, path);
  if (rec.taskId !== t.task.id) where("记录属于其他任务", "the record belongs to another task", ["taskId"], "task-id", "Chongqing F.1");
  const targetId = rec.target.targetId;
  if (!isOnList(t, targetId)) where("该对象不在锁定名单中", "the target is not on the locked list", ["target", "targetId"], "locked-list", "Longting art. 19");
  if (recordOfTarget(t, targetId) !== undefined) where("该对象已有检查记录，公示后只能经批准更正", "this target already has a record; after publication only an approved correction can change it", ["target", "targetId"], "one-record", "Chongqing 6.6");
  const team = teamOfTarget(t, targetId);
  const members = new Map(team?.members.map((m) => [m.inspectorId, m.departmentId]));
  for (const i of rec.inspectors) if (!members.has(i.inspectorId)) where(`${i.name}不是该检查组成员`, `${i.name} is not a member of the team for this target`, ["inspectors"], "team-member", "Wancheng art. 20");
  for (const d of rec.departments) {
    const present = rec.inspectors.filter((i) => members.get(i.inspectorId) === d.departmentId).length;
    if (present < 2) where(`${d.departmentId}实地核查人员不得少于两人`, `${d.departmentId}: at least two inspectors on site (found ${present})`, ["departments"], "two-inspectors", "Longting art. 21; 行政处罚法 art. 42");
  }
  const outcomes = rec.departments.flatMap((d) => d.items.flatMap((i) => i.outcomes));
  const c = rec.targetConfirmation;
  if (c.kind === "direct-result") {
    const needed = c.reason === "unreachable" ? "unreachable-at-registered-address" : "seriously-non-cooperative";
    if (!outcomes.includes(needed)) where(`直接形成结果的，检查结果应为“${needed}”`, `a direct result for "${c.reason}" must carry the outcome ${needed}`, ["targetConfirmation"], "direct-result", "Wancheng art. 20");
  }
  const consequences = [...new Set(outcomes)].flatMap((o) => consequencesOf(o).map((x) => ({ outcome: o, kind: x.kind, basis: x.basis })));
  const penalty = options.penaltyDecidedOn === undefined ? undefined : computeDeadline("penalty-info-collection", options.penaltyDecidedOn, options.calendar);
  return advance(
    t,
    { records: appended(rec) },
    { type: "result-recorded", on: options.on, actor: options.actor, payload: { recordId: rec.id, targetId, outcomes, confirmation: c.kind, consequences, ...(penalty === undefined ? {} : { penaltyInfoDeadline: penalty.date, penaltyBasis: penalty.definition.basis }) }, transition: "recordResult", input: [rec, options] },
  );
}
