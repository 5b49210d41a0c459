import { countsTowardMinimum } from "../model/countsTowardMinimum.js";
import type { Inspector } from "../model/inspector.js";
import type { Replacement, TaskLifecycle, Transition } from "./TaskLifecycle.js";
import { advance, appended, presetOf, refuse, requireApproval, requireState, teamIndexOf } from "./_lifecycle.js";

/**
 * Input of {@link replaceInspector}.
 *
 * @category Task
 */
export interface ReplaceInspectorInput extends Pick<Replacement, "outgoingId" | "substituteId" | "reason" | "explanation" | "approval" | "chosenBy"> {
  /** Any target of the team concerned. */
  readonly targetId: string;
  /** The department's inspector directory (the substitute is checked against it). */
  readonly directory: readonly Inspector[];
  /** Inspectors recused for a target of the team. */
  readonly recusedIds?: readonly string[];
  /** Inspectors unavailable. */
  readonly unavailableIds?: readonly string[];
  /** Required when the outgoing inspector is the leader: the new leader, a member from the initiating department. */
  readonly newLeaderId?: string;
  /** Date. */
  readonly on: string;
  /** Who records it. */
  readonly actor: string;
}

/**
 * Replaces a drawn inspector. Drawn inspectors are in principle not replaced; allowed only for 岗位调整, 工作冲突,
 * 健康状况 or 执法回避 (Longting art. 19; Chongqing 6.5), or other special circumstances where the preset allows it
 * (Wancheng art. 19), with the department head's approval. The substitute is **chosen by the department, not
 * re-drawn**, from its qualified, non-recused, available inspectors (Chongqing 6.5: 在具备执法资格的其他检查人员中选派);
 * the team keeps at least two per department and a leader from the initiating department. Anything else is refused
 * with `replacement-refused`.
 *
 * @category Task
 * @example
 * ```ts
 * import { replaceInspector, type Inspector, type TaskLifecycle } from "shuangsuiji";
 * declare const drawn: TaskLifecycle;
 * declare const directory: readonly Inspector[];
 * const { task } = replaceInspector(drawn, {
 *   targetId: "91350100M000100Y43", outgoingId: "SCJG-007", substituteId: "SCJG-012", reason: "health",
 *   approval: { name: "李科长", role: "department-head", on: "2026-04-08" }, chosenBy: "城关所", directory,
 *   on: "2026-04-08", actor: "区市场监管局",
 * });
 * ```
 */
export function replaceInspector(t: TaskLifecycle, input: ReplaceInspectorInput): Transition {
  requireState(t, ["inspectors-drawn", "inspecting"], "replace an inspector", "Longting art. 19");
  const rule = presetOf(t).replacement;
  const no: (rid: string, zh: string, en: string, path?: string[], value?: unknown) => never = (rid, zh, en, path = [], value) => refuse("replacement-refused", rid, rule.clause, zh, en, path, value);
  if (input.reason === "other" && (!rule.allowOther || (input.explanation ?? "").trim() === "")) {
    if (!rule.allowOther) no("replacement-reason", "本规则下仅岗位调整、工作冲突、健康状况、执法回避可更换", "under this preset only post change, work conflict, health or recusal justify a replacement", ["reason"], input.reason);
    no("replacement-explanation", "其他特殊情况须说明", "other special circumstances need an explanation", ["explanation"]);
  }
  if (!["post-change", "work-conflict", "health", "recusal", "other"].includes(input.reason)) no("replacement-reason", "更换理由不被允许", "the replacement reason is not an allowed one", ["reason"], input.reason);
  requireApproval(input.approval, rule.approver, rule.clause, "更换执法检查人员");
  const index = teamIndexOf(t, input.targetId);
  const team = t.teams[index];
  if (team === undefined) no("replacement-team", "该检查对象没有检查组", "no team inspects that target", ["targetId"], input.targetId);
  const outgoing = team.members.find((m) => m.inspectorId === input.outgoingId);
  if (outgoing === undefined) no("replacement-outgoing", "被更换人员不在该检查组中", "the outgoing inspector is not on that team", ["outgoingId"], input.outgoingId);
  const sub = input.directory.find((i) => i.id === input.substituteId);
  if (sub === undefined || sub.departmentId !== outgoing.departmentId) no("replacement-substitute-department", "替换人员应为本部门名录中的人员", "the substitute must come from the same department's directory", ["substituteId"], input.substituteId);
  if (!countsTowardMinimum(sub)) no("replacement-substitute-qualified", "替换人员应具备执法资格（辅助人员不计入）", "the substitute must be qualified enforcement staff (auxiliary experts do not count)", ["substituteId"], sub.category);
  if (team.members.some((m) => m.inspectorId === sub.id)) no("replacement-substitute-member", "替换人员已在检查组中", "the substitute is already on the team", ["substituteId"]);
  if (input.recusedIds?.includes(sub.id)) no("replacement-substitute-recused", "替换人员需回避", "the substitute is recused for this target (行政处罚法 art. 43)", ["substituteId"]);
  if (input.unavailableIds?.includes(sub.id)) no("replacement-substitute-available", "替换人员不能参加", "the substitute is unavailable", ["substituteId"]);
  const members = team.members.map((m) => (m.inspectorId === input.outgoingId ? { inspectorId: sub.id, departmentId: m.departmentId } : m));
  let leaderId = team.leaderId;
  if (input.outgoingId === team.leaderId) {
    const initiating = t.task.initiatingDepartmentId;
    const newLeader = input.newLeaderId;
    if (newLeader === undefined || !members.some((m) => m.inspectorId === newLeader && m.departmentId === initiating)) {
      no("team-leader-initiating", "组长被更换时，须指定发起部门的组员为新组长", "when the leader is replaced, name a member from the initiating department as the new leader", ["newLeaderId"], newLeader);
    }
    leaderId = newLeader;
  }
  const teams = t.teams.map((x, i) => (i === index ? { ...x, members, leaderId } : x));
  const entry = {
    targetIds: team.targetIds, departmentId: outgoing.departmentId, outgoingId: input.outgoingId, substituteId: sub.id, reason: input.reason,
    ...(input.explanation === undefined ? {} : { explanation: input.explanation }), approval: input.approval, chosenBy: input.chosenBy,
  };
  return advance(t, { teams, replacements: appended(entry) }, { type: "inspector-replaced", on: input.on, actor: input.actor, payload: { ...entry, approvedBy: input.approval.name, clause: rule.clause, notRedrawn: true }, transition: "replaceInspector", input: [input] });
}
