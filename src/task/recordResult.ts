import { readArg } from "./_args.js";
import { consequencesOf } from "../codes/consequencesOf.js";
import { isNegativeOutcome } from "../codes/isNegativeOutcome.js";
import { computeDeadline } from "../calendar/computeDeadline.js";
import type { CalendarOptions } from "../calendar/HolidayCalendar.js";
import { issuesFromZod } from "../errors/_fromZod.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { InspectionRecordSchema, type InspectionRecord, type InspectionRecordInput } from "../model/inspectionRecord.js";
import { readRecordForm } from "./_recordForm.js";
import { checkTargetFields } from "./_targetFields.js";
import { requireOfficialCalendar } from "./_officialCalendar.js";
import type { Approval, TaskLifecycle, Transition } from "./TaskLifecycle.js";
import { advance, appended, isOnList, isReplayWorkingTask, recordById, recordOfTarget, refuse, requireState } from "./_lifecycle.js";
import { windowException as checkWindowException, type OutsideWindowInput, type WindowException } from "./_windowException.js";
import { checkAdvanceNotice, checkRecordForm, presetOf, requireApproval, requireChronology, requireDate, requireOrder, text } from "./_rules.js";

/** The consequences an outcome triggers, as an event lists them (computed once per outcome: a pure table). */
const CONSEQUENCES = new Map<string, readonly { outcome: string; kind: string; basis: string }[]>();
function consequencesFor(outcome: Parameters<typeof consequencesOf>[0]): readonly { outcome: string; kind: string; basis: string }[] {
  let c = CONSEQUENCES.get(outcome);
  if (c === undefined) {
    c = consequencesOf(outcome).map((y) => ({ outcome, kind: y.kind, basis: y.basis }));
    CONSEQUENCES.set(outcome, c);
  }
  return c;
}

/** InspectionRecordSchema's output, or its issues (Wolong Annex B; Chongqing F.1). */
function parsedRecord(record: InspectionRecordInput): InspectionRecord {
  const r = InspectionRecordSchema.safeParse(record);
  if (!r.success) throw new ShuangsuijiError("invalid-input", issuesFromZod(r.error.issues, { clause: "Wolong Annex B; Chongqing F.1" }, record), { cause: r.error });
  return r.data;
}

/**
 * Options of {@link recordResult}.
 *
 * @category Task
 */
export interface RecordResultOptions {
  /** The day the record is entered (on or after the inspection and its signatures). */
  readonly on: string;
  /** Who enters it. */
  readonly actor: string;
  /** The day a penalty was decided on the finding, if one was: starts the 7-working-day collection deadline under presets that set it (Longting art. 22). */
  readonly penaltyDecidedOn?: string;
  /**
   * An inspection outside the task's window is refused unless recorded as an exception: the task was delayed or
   * extended (Longting art. 16: 延迟…可对计划进行调整，并将调整情况公开), with the reason, an approval dated on or before
   * the inspection and — where the preset's document requires the adjustment to be public (`windowException.publicNotice`:
   * Longting art. 16, Chongqing 5.4) — the public notice's `reference` and date, on or before the inspection.
   */
  readonly outsideWindow?: { readonly reason: string; readonly approval: Approval; readonly publicNotice?: { readonly reference: string; readonly on: string } };
  /**
   * Calendar options for the 7-working-day penalty deadline: the official calendar, or one adding later years from the
   * State Council's notices. A year it does not cover makes the deadline provisional (`penaltyInfoProvisional`), never
   * a refusal.
   */
  readonly calendar?: CalendarOptions;
  /** An explicit opt-out, with its reason, to compute the penalty deadline on a calendar that is not the official one. */
  readonly nonOfficialCalendar?: { readonly reason: string };
}

/**
 * Records the inspection record form of one target (Wolong Annex B; Chongqing F.1): per department, items and outcomes;
 * the target's signature, or its refusal recorded by the inspectors with evidence (Longting art. 21), or a direct
 * result when the target was unreachable or seriously non-cooperative (Wancheng art. 20). The form must pass every
 * record check (`record-form-refused`): distinct inspectors, all team members, at least two per department (Longting
 * art. 21), a section for every team department and none for others (Wolong Annex B), signatures by the whole team
 * (Chongqing 6.6) or every inspector on the form (Wolong 3.1), a refusal recorded by inspectors on the form, identity
 * shown first where the preset requires it (Wolong 2.3), and the 检查对象 fields the preset's form prints
 * (`recordTargetFields`: Wolong Annex B, a market entity's code, 法定代表人/负责人, 电话 and 地址; Chongqing F.1, 所属区县,
 * 法定代表人, 检查地址, 联系电话 and the 统一社会信用代码 or 证件（照）号码 — `record-target-field`). Dates run in order (`dates-out-of-order`): the inspection lies
 * in the task window (or an approved exception, Longting art. 16), on or after the inspection started, signatures
 * between the inspection and the recording. The event lists the consequences the outcomes trigger and, when a penalty
 * was decided on a finding (`penalty-without-finding` on a record that found nothing), the 7-working-day collection
 * deadline where the preset sets it (Longting art. 22; `penaltyInfoCollection`), which {@link recordPenaltyInfoCollected}
 * meets and {@link overduePenaltyInfo} watches (a deadline computed on `outsideCoverage: "assume-weekdays"` is marked
 * `penaltyInfoProvisional` and settled there on the calendar it is given). The entry date `on` never moves the 20-working-day publication
 * deadline: it runs from the last `inspectedOn` (Wolong 3.2; {@link completeInspection}).
 *
 * @param t - The task (a value returned by a lifecycle function, or by {@link loadTask}).
 * @param record - The inspection record of one target.
 * @param rawOptions - The date `on`, the `actor`, the `calendar`, and the reason and approval of an inspection outside the
 *   task's window.
 * @returns The new task and the audit event recorded.
 * @throws {@link ShuangsuijiError} `record-form-refused` when the record fails the record-form checks (every problem:
 *   team, distinct inspectors, at least two per department, identity shown where the preset requires it).
 * @throws {@link ShuangsuijiError} `dates-out-of-order` when the inspection date is outside the task's window without a
 *   reasoned, approved exception, or `on` is before the task's previous event.
 * @throws {@link ShuangsuijiError} `approval-missing`, `approval-role` or `approval-late` when an exception's approval
 *   is absent, from the wrong role, or dated after it.
 * @throws {@link ShuangsuijiError} `illegal-transition` when the task is not inspecting.
 * @throws {@link ShuangsuijiError} `invalid-input` when `t` is not a live task, or the record or options are malformed,
 *   or the penalty deadline's calendar is not the official one without `nonOfficialCalendar` (`official-calendar`).
 * @throws {@link ShuangsuijiError} `invalid-date` when a date is not a real `YYYY-MM-DD` date.
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
export function recordResult(t: TaskLifecycle, record: InspectionRecordInput, rawOptions: RecordResultOptions): Transition {
  // the record is read once by readRecordForm (or zod): its copy is what is checked, stored and recorded
  const options = readArg(t, rawOptions, []);
  requireState(t, ["inspecting"], "record a result", "Wolong 3.1; Chongqing 6.6");
  const o = (options !== null && typeof options === "object" ? options : {}) as Partial<RecordResultOptions>;
  const on = requireChronology(t, o.on, "record a result");
  // the form checked by hand (the schema's exact output, see _recordForm); the schema runs when that cannot tell, and
  // writes the report of a form it refuses (Wolong Annex B; Chongqing F.1)
  // on replay's working state the recorded form is replay's own copy of the trail: checked in place, not copied again
  // (readArg does not copy it either), so the adoption walk meets the stored form itself (docs/benchmarks.md round 7)
  const rec = readRecordForm(record, isReplayWorkingTask(t)) ?? parsedRecord(record);
  const where = (zh: string, en: string, path: string[], rule: string, clause: string): never => refuse("invalid-input", rule, clause, zh, en, path);
  if (rec.taskId !== t.task.id) where("记录属于其他任务", "the record belongs to another task", ["taskId"], "task-id", "Chongqing F.1");
  const targetId = rec.target.targetId;
  if (!isOnList(t, targetId)) where("该对象不在锁定名单中", "the target is not on the locked list", ["target", "targetId"], "locked-list", presetOf(t).lockedListChange.clause);
  if (recordOfTarget(t, targetId) !== undefined || recordById(t, rec.id) !== undefined) where("该对象已有检查记录，公示后只能经批准更正", "this target (or record id) already has a record; after publication only an approved correction can change it", ["target", "targetId"], "one-record", "Chongqing 6.6");
  checkRecordForm(t, rec, on);
  // the 检查对象 fields the preset's form prints (Wolong Annex B; Chongqing F.1)
  checkTargetFields(t, rec);
  requireOrder(t.inspectionStartedOn, rec.inspectedOn, "inspection-after-start", "Wolong 2.3; Yanshi 8.3", `检查日期（${rec.inspectedOn}）早于实施检查开始日（${t.inspectionStartedOn}）`, `the inspection (${rec.inspectedOn}) is dated before the inspection started (${t.inspectionStartedOn})`, ["inspectedOn"]);
  const { start, end } = t.task.window;
  let windowException: WindowException | undefined;
  if (rec.inspectedOn < start || rec.inspectedOn > end) {
    if (o.outsideWindow === undefined) {
      refuse("dates-out-of-order", "inspection-in-window", "Wolong 2.2 (检查时间); Chongqing 6.2; Longting art. 16", `检查日期（${rec.inspectedOn}）不在任务时间${start}至${end}内`, `the inspection (${rec.inspectedOn}) lies outside the task window ${start}–${end}; record an approved exception (outsideWindow) if the task was delayed`, ["inspectedOn"], rec.inspectedOn);
    }
    windowException = checkWindowException(t, o.outsideWindow as OutsideWindowInput, rec.inspectedOn, { zh: "任务时间外实施检查", en: "an inspection outside the window" });
  }
  checkAdvanceNotice(t, targetId, rec.inspectedOn, []);
  const outcomes = rec.departments.flatMap((d) => d.items.flatMap((i) => i.outcomes));
  const c = rec.targetConfirmation;
  if (c.kind === "direct-result") {
    const needed = c.reason === "unreachable" ? "unreachable-at-registered-address" : "seriously-non-cooperative";
    if (!outcomes.includes(needed)) where(`直接形成结果的，检查结果应为“${needed}”`, `a direct result for "${c.reason}" must carry the outcome ${needed}`, ["targetConfirmation"], "direct-result", "Wancheng art. 20");
  }
  const consequences = [...new Set(outcomes)].flatMap((x) => consequencesFor(x));
  const penaltyOn = o.penaltyDecidedOn === undefined ? undefined : requireDate(o.penaltyDecidedOn, ["penaltyDecidedOn"]);
  const penaltyRule = presetOf(t).penaltyInfoCollection ?? { sevenWorkingDays: false, clause: "custom preset (no 归集 deadline)" };
  if (penaltyOn !== undefined) {
    requireOrder(rec.inspectedOn, penaltyOn, "penalty-after-inspection", penaltyRule.clause, "处罚决定日期早于检查日期", "the penalty is dated before the inspection that found the violation", ["penaltyDecidedOn"]);
    // a penalty is decided on a finding: on a record that found nothing it could never be collected (recordPenaltyInfoCollected)
    if (!outcomes.some((x) => isNegativeOutcome(x))) where("该记录未发现问题，不能记录行政处罚决定", "the record found no problem: no penalty can be decided on it", ["penaltyDecidedOn"], "penalty-without-finding", penaltyRule.clause);
  }
  // the 7-working-day deadline is Longting art. 22's alone (penaltyInfoCollection.sevenWorkingDays)
  // a year the calendar does not cover makes it provisional (flagged, settled by recordPenaltyInfoCollected and
  // overduePenaltyInfo on their calendars): recording the result is never refused for it; a calendar that is not the
  // official one needs the opt-out, as for every legal deadline (hostile7a F5, F8)
  const penalty = penaltyOn === undefined || !penaltyRule.sevenWorkingDays ? undefined : computeDeadline("penalty-info-collection", penaltyOn, { ...(o.calendar ?? {}), outsideCoverage: "assume-weekdays" });
  if (penalty !== undefined && penaltyOn !== undefined) requireOfficialCalendar(o.calendar, o.nonOfficialCalendar, ["calendar", "calendar"], { from: penaltyOn, to: penalty.date });
  return advance(
    t,
    { records: appended(rec) },
    {
      type: "result-recorded", on, actor: text(o.actor, ["actor"]),
      payload: { recordId: rec.id, targetId, inspectedOn: rec.inspectedOn, outcomes, confirmation: c.kind, consequences, ...(windowException === undefined ? {} : { windowException }), ...(penalty === undefined ? {} : { penaltyInfoDeadline: penalty.date, penaltyBasis: penalty.definition.basis, ...(penalty.provisional ? { penaltyInfoProvisional: true } : {}) }) },
      transition: "recordResult", input: [rec, options],
    },
  );
}
