import { readArg } from "./_args.js";
import type { Inspector } from "../model/inspector.js";
import type { Approval, TaskLifecycle, Transition } from "./TaskLifecycle.js";
import { replaceInspector } from "./replaceInspector.js";
import { advance, refuse, requireState } from "./_lifecycle.js";
import { inspectorsDrawnOn, requireApproval, requireChronology, textAt } from "./_rules.js";
import { requireNotConcerned } from "./_concerned.js";

/**
 * Decides a target's request that an inspector recuse (当事人申请回避). The head of the inspector's own agency decides
 * (行政处罚法 art. 43: 由行政机关负责人决定; the inspection continues meanwhile): `decision.departmentId` is required and
 * must be the inspector's department, and the head who decides is never the inspector challenged (`approver-is-concerned`:
 * known by id and by the name of his entry in the stage-2 directories; a namesake gives `decision.approverId`; a head
 * who is himself challenged leaves the decision to another head — which one, 行政处罚法 art. 43 and the five documents
 * do not say, so no particular head or collective decision is required: docs/lifecycle.md, "Approvals"). A granted request replaces the inspector
 * with a substitute chosen by the department (reason `recusal`; the recused inspector can never come back to those
 * targets); a refused one is recorded with its reason. The decision is dated on or before the day it is recorded.
 *
 * @param t - The task (a value returned by a lifecycle function, or by {@link loadTask}).
 * @param rawInput - The request (target, inspector), the decision (`granted`, a reason when refused, a substitute when
 *   granted), the approval, the date `on` and the `actor`.
 * @returns The new task and the audit event recorded.
 * @throws {@link ShuangsuijiError} `replacement-refused` when the substitute cannot replace the inspector (see {@link
 *   replaceInspector}).
 * @throws {@link ShuangsuijiError} `approval-missing`, `approval-role` or `approval-late` when the decision's approval
 *   is absent, names no department or another than the inspector's, is from the wrong role, or dated after it;
 *   `approval-role` (rule `approver-is-concerned`) when the decision is the challenged inspector's own.
 * @throws {@link ShuangsuijiError} `illegal-transition` when the task is not in a state that allows this step.
 * @throws {@link ShuangsuijiError} `invalid-input` when `t` is not a live task, the decision is missing, a refusal has
 *   no reason, or a granted request has no substitute.
 * @throws {@link ShuangsuijiError} `invalid-date` when a date is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `dates-out-of-order` when `on` is before the task's previous event, or the approval
 *   before the task was created.
 * @category Task
 * @example
 * ```ts
 * import { decideRecusalRequest, type Inspector, type TaskLifecycle } from "shuangsuiji";
 * declare const drawn: TaskLifecycle;
 * declare const directory: readonly Inspector[];
 * decideRecusalRequest(drawn, {
 *   targetId: "91350100M000100Y43", inspectorId: "SCJG-007", grounds: "检查人员系该企业股东亲属", granted: true,
 *   decision: { name: "王局长", role: "department-head", on: "2026-04-09", departmentId: "SCJG" },
 *   substitute: { substituteId: "SCJG-012", chosenBy: "法制科", directory }, on: "2026-04-09", actor: "法制科",
 * });
 * ```
 */
export function decideRecusalRequest(
  t: TaskLifecycle,
  rawInput: {
    readonly targetId: string;
    readonly inspectorId: string;
    readonly grounds: string;
    readonly granted: boolean;
    readonly decision: Approval;
    readonly refusalReason?: string;
    readonly substitute?: { readonly substituteId: string; readonly chosenBy: string; readonly directory: readonly Inspector[]; readonly newLeaderId?: string };
    readonly on: string;
    readonly actor: string;
  },
): Transition {
  const input = readArg(t, rawInput, []);
  requireState(t, ["inspectors-drawn", "inspecting"], "decide a recusal request", "行政处罚法 art. 43");
  if (input === null || typeof input !== "object") refuse("invalid-input", "input", "行政处罚法 art. 43", "缺少回避申请的决定", "the decision input is required", []);
  const on = requireChronology(t, input.on, "decide a recusal request");
  // 执法人员的回避，由行政机关负责人决定 (行政处罚法 art. 43): the head of the inspector's own department decides
  const inspectorDepartment = t.teams.flatMap((x) => x.members).find((m) => m.inspectorId === input.inspectorId)?.departmentId;
  const decision = requireApproval(t, input.decision, "department-head", "行政处罚法 art. 43", "回避申请的决定", on, ["decision"], { on: inspectorsDrawnOn(t), zh: "执法检查人员抽取日期", en: "the draw of the inspectors" }, inspectorDepartment === undefined ? undefined : { ids: [inspectorDepartment], zh: "申请回避人员所在部门", en: "the inspector's own department" });
  // nemo iudex in causa sua: the inspector challenged never decides the request (行政处罚法 art. 43 由行政机关负责人决定)
  requireNotConcerned(t, decision, textAt(input.inspectorId, ["inspectorId"]), "行政处罚法 art. 43", { zh: "回避申请的决定", en: "a recusal decision" }, ["decision"]);
  if (typeof input.granted !== "boolean") refuse("invalid-input", "recusal-granted", "行政处罚法 art. 43", "应说明是否准予回避", "say whether the request is granted", ["granted"], input.granted);
  const request = { targetId: textAt(input.targetId, ["targetId"]), inspectorId: textAt(input.inspectorId, ["inspectorId"]), grounds: textAt(input.grounds, ["grounds"]), decidedBy: decision.name, decidedOn: decision.on, granted: input.granted };
  if (!input.granted) {
    if (textAt(input.refusalReason, ["refusalReason"]) === "") refuse("invalid-input", "recusal-refusal-reason", "行政处罚法 art. 43", "驳回回避申请须说明理由", "refusing a recusal request needs a reason", ["refusalReason"]);
    return advance(t, {}, { type: "recusal-refused", on, actor: textAt(input.actor, ["actor"]), payload: { ...request, refusalReason: textAt(input.refusalReason, ["refusalReason"]) }, transition: "decideRecusalRequest", input: [input] });
  }
  if (input.substitute === null || typeof input.substitute !== "object") refuse("replacement-refused", "recusal-substitute", "行政处罚法 art. 43; Chongqing 6.5", "准予回避的，须由部门选派替换人员", "a granted recusal needs a substitute chosen by the department", ["substitute"]);
  const decided = advance(t, {}, { type: "recusal-granted", on, actor: textAt(input.actor, ["actor"]), payload: request, transition: "decideRecusalRequest", input: [input] });
  return replaceInspector(decided.task, {
    targetId: input.targetId, outgoingId: input.inspectorId, reason: "recusal", approval: decision, recusedIds: [input.inspectorId],
    substituteId: input.substitute.substituteId, chosenBy: input.substitute.chosenBy, directory: input.substitute.directory,
    ...(input.substitute.newLeaderId === undefined ? {} : { newLeaderId: input.substitute.newLeaderId }), on: input.on, actor: input.actor,
  });
}
