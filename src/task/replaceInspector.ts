import { readArg } from "./_args.js";
import { digestOf } from "../draw/_shared/_encoding.js";
import { countsTowardMinimum } from "../model/countsTowardMinimum.js";
import type { Inspector } from "../model/inspector.js";
import { REPLACEMENT_REASONS, type ReplacementReason } from "./LIFECYCLE_PRESETS.js";
import type { Replacement, TaskLifecycle, Transition } from "./TaskLifecycle.js";
import { advance, appended, recordOfTarget, refuse, requireState, teamIndexOf } from "./_lifecycle.js";
import { inspectorsDrawnOn, isRecused, presetOf, requireApproval, requireChronology, teamClause, text } from "./_rules.js";
import { requireNotConcerned } from "./_concerned.js";
import { noteReplacedOn } from "./_replacedOn.js";

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
 * (Wancheng art. 19), with the approval of the head of the replaced inspector's own department (经本部门负责人同意:
 * `approval.departmentId` is required and must be that department, Longting art. 19; Chongqing 6.5) — someone else's
 * consent: the inspector leaving never approves his own replacement (`approver-is-concerned`, with 行政处罚法 art. 43; he is
 * known by id and by his entry's name in the stage-2 directories, a namesake gives `approval.approverId`). The substitute is **chosen by the department, not
 * re-drawn**, from its qualified, non-recused, available inspectors (Chongqing 6.5: 在具备执法资格的其他检查人员中选派);
 * where the preset's `enforcementCertificate.substitute` is set, the substitute has a 执法证号 in the directory
 * (Chongqing 6.5);
 * the team keeps at least two per department and a leader from the initiating department. A substitute recused for a
 * target of the team — by the stage-2 draw's recusals or an earlier 执法回避 replacement — is refused (行政处罚法 art. 43;
 * Chongqing 6.5), and so is an empty `chosenBy`, and so is any replacement once a target of the team has its record
 * (the record names the team that inspected). Anything else is refused with `replacement-refused`; the approval is
 * checked as every approval is (`approval-missing`, `approval-role`, `approval-late`: dated on or before `on`).
 *
 * @param t - The task (a value returned by a lifecycle function, or by {@link loadTask}).
 * @param rawInput - The target, the inspector leaving, the substitute and the department's `directory`, the `reason` (one
 *   of {@link REPLACEMENT_REASONS}), who chose the substitute, the approval, the date `on` and the `actor`.
 * @returns The new task and the audit event recorded.
 * @throws {@link ShuangsuijiError} `replacement-refused` when the replacement breaks a rule: a reason the preset does
 *   not allow (or "other" unexplained), no team for the target or a record already made by it, the outgoing inspector
 *   not on it, a substitute from another department, unqualified, already on the team, recused or unavailable, or a
 *   replaced leader without a new one.
 * @throws {@link ShuangsuijiError} `approval-missing`, `approval-role` or `approval-late` when the approval is absent,
 *   from the wrong role, or dated after the replacement; `approval-role` (rule `approver-is-concerned`) when the
 *   approver is the inspector leaving.
 * @throws {@link ShuangsuijiError} `illegal-transition` when the task is not in a state that allows this step.
 * @throws {@link ShuangsuijiError} `invalid-input` when `t` is not a live task or the input is malformed.
 * @throws {@link ShuangsuijiError} `invalid-date` when a date is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `dates-out-of-order` when `on` is before the task's previous event, or the approval
 *   before the task was created.
 * @category Task
 * @example
 * ```ts
 * import { replaceInspector, type Inspector, type TaskLifecycle } from "shuangsuiji";
 * declare const drawn: TaskLifecycle;
 * declare const directory: readonly Inspector[];
 * const { task } = replaceInspector(drawn, {
 *   targetId: "91350100M000100Y43", outgoingId: "SCJG-007", substituteId: "SCJG-012", reason: "health",
 *   approval: { name: "李科长", role: "department-head", on: "2026-04-08", departmentId: "SCJG" }, chosenBy: "城关所", directory,
 *   on: "2026-04-08", actor: "区市场监管局",
 * });
 * ```
 */
export function replaceInspector(t: TaskLifecycle, rawInput: ReplaceInspectorInput): Transition {
  const input = readArg(t, rawInput, []);
  requireState(t, ["inspectors-drawn", "inspecting"], "replace an inspector", "Longting art. 19");
  const rule = presetOf(t).replacement;
  const no: (rid: string, zh: string, en: string, path?: string[], value?: unknown) => never = (rid, zh, en, path = [], value) => refuse("replacement-refused", rid, rule.clause, zh, en, path, value);
  const i = (input !== null && typeof input === "object" ? input : {}) as Partial<ReplaceInspectorInput>;
  const on = requireChronology(t, i.on, "replace an inspector");
  const reason = i.reason;
  if (typeof reason !== "string" || !(REPLACEMENT_REASONS as readonly string[]).includes(reason)) no("replacement-reason", "更换理由不被允许", "the replacement reason is not an allowed one", ["reason"], reason);
  const explanation = text(i.explanation, ["explanation"]);
  if (reason === "other") {
    if (!rule.allowOther) no("replacement-reason", "本规则下仅岗位调整、工作冲突、健康状况、执法回避可更换", "under this preset only post change, work conflict, health or recusal justify a replacement", ["reason"], reason);
    if (explanation === "") no("replacement-explanation", "其他特殊情况须说明", "other special circumstances need an explanation", ["explanation"]);
  }
  // 经本部门负责人同意 (Longting art. 19; Chongqing 6.5): the outgoing inspector's own department
  const outgoingDepartment = t.teams.flatMap((x) => x.members).find((m) => m.inspectorId === i.outgoingId)?.departmentId;
  const approval = requireApproval(t, i.approval, rule.approver, rule.clause, "更换执法检查人员", on, ["approval"], { on: inspectorsDrawnOn(t), zh: "执法检查人员抽取日期", en: "the draw of the inspectors" }, outgoingDepartment === undefined ? undefined : { ids: [outgoingDepartment], zh: "被更换人员所在部门", en: "the replaced inspector's department" });
  // 经本部门负责人同意 is someone else's consent: the inspector leaving never approves his own replacement (Longting art. 19;
  // Chongqing 6.5; 行政处罚法 art. 43)
  if (typeof i.outgoingId === "string") requireNotConcerned(t, approval, i.outgoingId, `${rule.clause}; 行政处罚法 art. 43`, { zh: "更换执法检查人员", en: "a replacement" }, ["approval"]);
  const chosenBy = text(i.chosenBy, ["chosenBy"]);
  if (chosenBy === "") no("replacement-chosen-by", "须记录选派替换人员的部门或人员", "record who chose the substitute (the department, not a re-draw)", ["chosenBy"]);
  const targetId = text(i.targetId, ["targetId"]);
  const index = teamIndexOf(t, targetId);
  const team = t.teams[index];
  if (team === undefined) no("replacement-team", "该检查对象没有检查组", "no team inspects that target", ["targetId"], i.targetId);
  const recorded = team.targetIds.filter((id) => recordOfTarget(t, id) !== undefined);
  if (recorded.length > 0) no("replacement-after-record", "该检查组已有检查对象形成检查记录，不能再更换人员", "a target of this team already has its record: its inspectors can no longer be replaced (the record names them)", ["targetId"], recorded);
  const outgoing = team.members.find((m) => m.inspectorId === i.outgoingId);
  if (outgoing === undefined) no("replacement-outgoing", "被更换人员不在该检查组中", "the outgoing inspector is not on that team", ["outgoingId"], i.outgoingId);
  if (!Array.isArray(i.directory)) no("replacement-directory", "须提供本部门执法检查人员名录", "the department's inspector directory is required", ["directory"]);
  const sub = i.directory.find((x) => x !== null && typeof x === "object" && x.id === i.substituteId);
  if (sub === undefined || sub.departmentId !== outgoing.departmentId) no("replacement-substitute-department", "替换人员应为本部门名录中的人员", "the substitute must come from the same department's directory", ["substituteId"], i.substituteId);
  // the caller's directory is not trusted for departments: the stage-2 record says who was drawn for which department
  // (Longting art. 19, 21; Chongqing 6.5), so a substitute or directory entry it contradicts is refused
  const drawnIn = drawnDepartments(t);
  const known = drawnIn.get(sub.id);
  if (known !== undefined && known !== outgoing.departmentId) {
    no("replacement-substitute-department", `替换人员${sub.id}在人员抽取记录中属于${known}，不是${outgoing.departmentId}`, `the stage-2 record has the substitute ${sub.id} in department ${known}, not ${outgoing.departmentId}`, ["substituteId"], sub.id);
  }
  i.directory.forEach((x, k) => {
    const d = x !== null && typeof x === "object" ? drawnIn.get(x.id) : undefined;
    if (d !== undefined && d !== x.departmentId) no("replacement-directory-department", `名录中${x.id}的部门（${x.departmentId}）与人员抽取记录（${d}）不一致`, `the directory puts ${x.id} in ${x.departmentId} but the stage-2 record drew them for ${d}`, ["directory", String(k), "departmentId"], x.departmentId);
  });
  // an inspector not drawn at all: the department's directory as the draw used it is committed by its digest; the
  // entries given for that department must be that directory (a made-up department label changes the digest)
  if (known === undefined) {
    const committed = t.inspectorDraw?.departments.find((d) => d.departmentId === outgoing.departmentId)?.directoryDigest;
    const given = i.directory.filter((x) => x !== null && typeof x === "object" && x.departmentId === outgoing.departmentId).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (committed !== undefined && digestOf(given) !== committed) {
      no("replacement-directory-as-drawn", `${outgoing.departmentId}的名录与人员抽取时使用的名录不一致，无法确认替换人员属于该部门`, `the ${outgoing.departmentId} entries of the directory are not the directory the stage-2 draw used (its digest): the substitute's department cannot be confirmed`, ["directory"]);
    }
  }
  if (!countsTowardMinimum(sub)) no("replacement-substitute-qualified", "替换人员应具备执法资格（辅助人员不计入）", "the substitute must be qualified enforcement staff (auxiliary experts do not count)", ["substituteId"], sub.category);
  // Chongqing 6.5 调整更换人员在具备执法资格的其他检查人员中选派: where the preset requires it, 执法资格 is shown by a 执法证号
  // in the directory (Yanshi 5: 名录库…执法证号)
  const cert = presetOf(t).enforcementCertificate;
  if (cert?.substitute === true && text(sub.certificateNumber, ["directory", i.directory.indexOf(sub), "certificateNumber"]) === "") {
    refuse("replacement-refused", "replacement-substitute-certificate", cert.clause, `替换人员${sub.id}应具备执法资格（名录中应有执法证号）`, `the substitute ${sub.id} must hold 执法资格: a 执法证号 in the directory`, ["substituteId"], sub.id);
  }
  if (team.members.some((m) => m.inspectorId === sub.id)) no("replacement-substitute-member", "替换人员已在检查组中", "the substitute is already on the team", ["substituteId"]);
  if ((Array.isArray(i.recusedIds) && i.recusedIds.includes(sub.id)) || isRecused(t, sub.id, team.targetIds)) {
    no("replacement-substitute-recused", "替换人员需回避（抽取记录或此前的回避决定）", "the substitute is recused for a target of this team (行政处罚法 art. 43)", ["substituteId"], sub.id);
  }
  if (Array.isArray(i.unavailableIds) && i.unavailableIds.includes(sub.id)) no("replacement-substitute-available", "替换人员不能参加", "the substitute is unavailable", ["substituteId"]);
  const members = team.members.map((m) => (m.inspectorId === outgoing.inspectorId ? { inspectorId: sub.id, departmentId: m.departmentId } : m));
  let leaderId = team.leaderId;
  if (outgoing.inspectorId === team.leaderId) {
    const initiating = t.task.initiatingDepartmentId;
    const newLeader = i.newLeaderId;
    if (newLeader === undefined || !members.some((m) => m.inspectorId === newLeader && m.departmentId === initiating)) {
      refuse("replacement-refused", "team-leader-initiating", `${teamClause(t)}; ${rule.clause}`, "组长被更换时，须指定发起部门的组员为新组长", "when the leader is replaced, name a member from the initiating department as the new leader", ["newLeaderId"], newLeader);
    }
    leaderId = newLeader;
  }
  const teams = t.teams.map((x, k) => (k === index ? { ...x, members, leaderId } : x));
  const entry: Replacement = {
    targetIds: [...team.targetIds], departmentId: outgoing.departmentId, outgoingId: outgoing.inspectorId, substituteId: sub.id, reason: reason as ReplacementReason,
    ...(explanation === "" ? {} : { explanation }), approval, chosenBy,
  };
  const done = advance(t, { teams, replacements: appended(entry) }, { type: "inspector-replaced", on, actor: text(i.actor, ["actor"]), payload: { ...entry, approvedBy: approval.name, clause: rule.clause, notRedrawn: true }, transition: "replaceInspector", input: [input] });
  // the entry the task stores is this object, frozen in place: its day is the event's (checkRecordForm's team on a day)
  noteReplacedOn(entry, on);
  return done;
}

const DRAWN = new WeakMap<object, ReadonlyMap<string, string>>();

/** Inspector → department as drawn by the stage-2 record, built once per (frozen) record. */
function drawnDepartments(t: TaskLifecycle): ReadonlyMap<string, string> {
  const draw = t.inspectorDraw;
  if (draw === undefined) return new Map();
  let m = DRAWN.get(draw);
  if (m === undefined) {
    const built = new Map<string, string>();
    for (const d of draw.departments) for (const team of d.teams) for (const id of team.inspectorIds) built.set(id, d.departmentId);
    m = built;
    DRAWN.set(draw, m);
  }
  return m;
}
