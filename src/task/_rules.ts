import { validDate } from "./_civilDate.js";
import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";
import type { InspectionRecord } from "../model/inspectionRecord.js";
import { APPROVER_ROLES, LIFECYCLE_PRESETS, type ApproverRole, type LifecyclePreset, type LifecyclePresetId } from "./LIFECYCLE_PRESETS.js";
import type { Approval, TaskLifecycle, TaskTeam } from "./TaskLifecycle.js";
import { certificateKey, directoryCertificates } from "./_certificates.js";
import { SUSPECT, requireStorable } from "./_storableText.js";
import { advanceNoticeFor, firstEventOf, identityShownFor, lastEventOf, refuse, teamOfTarget, wasRecusedBy, hasReplacements } from "./_lifecycle.js";
import { replacementDates } from "./_replacedOn.js";

// Shared legal rules of the transitions (approvals, chronology, record forms, recusal). The mechanism (advance, audit
// chain) lives in _lifecycle.ts.

/** The rules in force for a task: its custom preset, or the named one. */
export const presetOf = (t: TaskLifecycle): LifecyclePreset => t.rules ?? LIFECYCLE_PRESETS[t.preset as LifecyclePresetId];

/**
 * A trimmed string, or "" for anything that is not a string (hostile input never reaches `.trim()` on a number). A
 * string holding U+0000 or a lone surrogate is refused (`invalid-input`, rule `text-storable`, naming `path` when the
 * caller gives it — {@link textAt} —, the character and its position): such text cannot be kept as it was given — PostgreSQL's jsonb
 * refuses both, UTF-8 has no encoding for a lone surrogate — so the record would not be the record (全过程留痕, Chongqing
 * 4). Every other string gives what it gave before.
 */
export const text = (v: unknown, path: (string | number)[]): string => textAt(v, path);

/** Never read: the path handed to {@link textAt} by {@link textLazy} for a text that cannot be refused. */
const UNREAD_PATH: (string | number)[] = [];

/**
 * {@link textAt} with the path built only for a text that may be refused (U+0000 or a surrogate in it): a rule that
 * reads many optional texts of every result form (checkTargetFields) builds no path array per text.
 */
export const textLazy = (v: unknown, path: () => (string | number)[]): string => textAt(v, typeof v === "string" && SUSPECT.test(v) ? path() : UNREAD_PATH);

/** {@link text}, naming `path` when the text is refused. */
export const textAt = (v: unknown, path: (string | number)[]): string => {
  if (typeof v !== "string") return "";
  if (SUSPECT.test(v)) requireStorable(v, path);
  return hasVisible(v) ? v.trim() : "";
};


/**
 * Whether a name, reason or actor holds a visible character: zero-width and format characters (\p{Cf}), whitespace
 * and the ideographic space U+3000 do not count, so "\u200b" or "\u3000" is no name (全过程留痕 names who acted,
 * Chongqing 4).
 */
export const hasVisible = (v: string): boolean => VISIBLE_CHAR.test(v);
/**
 * One character outside that class: `test` finds the first and stops (a replay reads thousands of names), where
 * removing every such character and comparing with "" built a new string per call (same answer: test/task/rules.test.ts).
 */
const VISIBLE_CHAR = /[^\p{Cf}\s\u3000]/u;

/** Refuses unless `v` is a non-empty string. */
export function requireText(v: unknown, rule: string, clause: string, zh: string, en: string, path: (string | number)[]): string {
  const s = textAt(v, path);
  if (s === "") refuse("invalid-input", rule, clause, zh, en, path, v);
  return s;
}

/** Refuses unless `v` is a valid civil date. */
export function requireDate(v: unknown, path: (string | number)[]): string {
  if (!validDate(v)) refuse("invalid-date", "civil-date", "ISO 8601 (YYYY-MM-DD)", "日期格式应为YYYY-MM-DD且为有效日期", "expected a valid YYYY-MM-DD date", path, v);
  return v;
}

/** Refuses unless `v` is an array of non-empty strings (bounded), returning a copy. */
export function requireIds(v: unknown, rule: string, clause: string, path: (string | number)[]): string[] {
  if (!Array.isArray(v) || v.length > 100_000 || v.some((x, k) => textAt(x, [...path, k]) === "")) refuse("invalid-input", rule, clause, "应为标识列表", "expected a list of ids", path);
  return [...(v as string[])];
}

/**
 * The department whose head must approve a step (本部门): its id(s) — one of them approves — and how to name it in the
 * refusal.
 */
export interface ApprovingDepartment {
  readonly ids: readonly string[];
  readonly zh: string;
  readonly en: string;
}

/** The initiating department, whose head approves changes to what it drew (Chongqing 6.4 本部门主要负责人). */
export const initiatingDepartment = (t: TaskLifecycle): ApprovingDepartment => ({ ids: [t.task.initiatingDepartmentId], zh: "发起部门", en: "the initiating department" });

const RANK: Readonly<Record<ApproverRole, number>> = { "department-head": 1, "principal-head": 2 };

/**
 * An approval that authorises an act: given, by a named person, in a role the rule accepts (a step needing the
 * department head also accepts the principal head; one needing the principal head accepts nobody else), dated on or
 * before the act and not before the task was planned (Chongqing 4). Returns a copy (the caller's object is never kept or frozen).
 */
export function requireApproval(t: TaskLifecycle, approval: unknown, role: ApproverRole, clause: string, what: string, actOn: string, path: (string | number)[] = ["approval"], since?: { readonly on: string | undefined; readonly zh: string; readonly en: string }, department?: ApprovingDepartment): Approval {
  const roleZh = role === "principal-head" ? "本部门主要负责人" : "本部门负责人";
  const a = (approval !== null && typeof approval === "object" ? approval : {}) as Record<string, unknown>;
  if (textAt(a.name, [...path, "name"]) === "") refuse("approval-missing", "approval-required", clause, `${what}须经${roleZh}批准`, `${what} needs the ${role.replace("-", " ")}'s approval`, path);
  const given = a.role;
  if (typeof given !== "string" || !(APPROVER_ROLES as readonly string[]).includes(given)) {
    refuse("approval-role", "approval-role", clause, `审批人的身份应为本部门负责人或主要负责人`, `the approver must be a department head or the principal head (${APPROVER_ROLES.join(", ")})`, [...path, "role"], given);
  }
  if (RANK[given as ApproverRole] < RANK[role]) {
    refuse("approval-role", "approval-level", clause, `${what}须经${roleZh}批准，部门负责人批准不足`, `${what} needs the principal head's approval (主要负责人); a department head's is not enough`, [...path, "role"], given);
  }
  const on = requireDate(a.on, [...path, "on"]);
  if (on > actOn) {
    refuse("approval-late", "approval-before-act", clause, `批准日期（${on}）晚于${what}的日期（${actOn}），应先批准后实施`, `the approval (${on}) is dated after the act it authorises (${actOn}): approve first`, [...path, "on"], on);
  }
  // an approval cannot predate the task it belongs to (全过程留痕: the trail starts when the task is planned, Chongqing 4)
  const planned = firstEventOf(t)?.on;
  if (planned !== undefined && on < planned) {
    refuse("dates-out-of-order", "approval-after-task-start", trailClause(t), `批准日期（${on}）早于任务创建日期（${planned}）`, `the approval (${on}) is dated before the task was planned (${planned})`, [...path, "on"], on);
  }
  // an approval answers a fact that already exists (a published result, a first draw, the locked list, the drawn
  // inspectors): signed before it, it would be
  // a blank cheque (Chongqing 6.4 确需更改的…审批; Chongqing 6.6 检查结果公开后…确需变更的…审批)
  if (since?.on !== undefined && on < since.on) {
    refuse("dates-out-of-order", "approval-after-fact", clause, `批准日期（${on}）早于${since.zh}（${since.on}）：须先有${since.zh}，再批准变更`, `the approval (${on}) is dated before ${since.en} (${since.on}): it cannot authorise a change to something that did not exist yet`, [...path, "on"], on);
  }
  // 本部门负责人 / 本部门主要负责人 (Longting art. 19; Chongqing 6.4, 6.5, 6.6): where the step names the department
  // concerned, the approval must say whose head approved and be that department's (a head of another bureau cannot
  // authorise it); elsewhere a department, when given, is one of the task's. Kept in the trail, never dropped.
  let departmentId: string | undefined;
  const departments = [t.task.initiatingDepartmentId, ...t.task.cooperatingDepartmentIds];
  if (department !== undefined && a.departmentId === undefined) {
    refuse("approval-missing", "approval-department-required", `${clause} (本部门)`, `${what}须由${department.zh}（${department.ids.join("、")}）的${roleZh.slice(3)}批准：审批应注明审批人所在部门`, `${what} is approved by the head of ${department.en} (${department.ids.join(", ")}): the approval must name the approver's department (departmentId)`, [...path, "departmentId"]);
  }
  if (a.departmentId !== undefined) {
    const allowed = department?.ids ?? departments;
    if (typeof a.departmentId !== "string" || !departments.includes(a.departmentId) || !allowed.includes(a.departmentId)) {
      refuse("approval-role", "approval-department", `${clause} (本部门)`, `审批人应为${department === undefined ? "本任务参与部门" : `${department.zh}（${department.ids.join("、")}）`}的负责人`, `the approver must head ${department === undefined ? "a department of this task" : `${department.en} (${department.ids.join(", ")})`}`, [...path, "departmentId"], a.departmentId);
    }
    departmentId = a.departmentId;
  }
  // the approver's directory entry, when given (a namesake of the inspector concerned, 行政处罚法 art. 43)
  if (a.approverId !== undefined && textAt(a.approverId, [...path, "approverId"]) === "") refuse("invalid-input", "approver-id", "行政处罚法 art. 43", "审批人编号不能为空", "the approver id, when given, cannot be empty", [...path, "approverId"], a.approverId);
  return { name: text(a.name, [...path, "name"]), role: given as ApproverRole, on, ...(departmentId === undefined ? {} : { departmentId }), ...(a.approverId === undefined ? {} : { approverId: text(a.approverId, [...path, "approverId"]) }) };
}

/** The joint team's clause under the task's preset (Longting art. 20; Chongqing 6.5; Wancheng art. 20; Wolong 2.3; Yanshi 7.3). */
export const teamClause = (t: TaskLifecycle): string => presetOf(t).team?.clause ?? "Wancheng art. 20";

/** The date of the last recorded step. */
export const lastOn = (t: TaskLifecycle): string | undefined => lastEventOf(t)?.on;

/** The day the stage-2 draw was recorded (the inspectors-drawn event; there is one per task), or `undefined` before it. */
export function inspectorsDrawnOn(t: TaskLifecycle): string | undefined {
  for (const e of t.audit) if (e.type === "inspectors-drawn") return e.on;
  return undefined;
}

/**
 * The record-keeping clause of the preset in force (全过程留痕): Chongqing 4, Wancheng art. 4, Longting art. 17, Yanshi
 * 8.3, Wolong Annex A (`LIFECYCLE_PRESETS[…].trail`); Chongqing 4 for a custom preset that names none.
 */
export const trailClause = (t: TaskLifecycle): string => presetOf(t).trail?.clause ?? "Chongqing 4 (全过程留痕)";

/**
 * Refuses a step dated before the last recorded one: the audit trail runs forward in time (全过程留痕), citing the
 * preset's own clause ({@link trailClause}: Chongqing 4; Wancheng art. 4; Longting art. 17; Yanshi 8.3; Wolong Annex A).
 */
export function requireChronology(t: TaskLifecycle, on: unknown, step: string, path: (string | number)[] = ["on"]): string {
  const d = requireDate(on, path);
  const last = lastOn(t);
  if (last !== undefined && d < last) {
    refuse("dates-out-of-order", "chronology", trailClause(t), `“${step}”的日期（${d}）早于上一步骤（${last}）`, `${step} (${d}) is dated before the previous step (${last})`, path, d);
  }
  return d;
}

/** Refuses when `later` is before `earlier`. */
export function requireOrder(earlier: string | undefined, later: string, rule: string, clause: string, zh: string, en: string, path: (string | number)[]): void {
  if (earlier !== undefined && later < earlier) refuse("dates-out-of-order", rule, clause, zh, en, path, later);
}

/** The team that inspects a target, in O(1). */
export const teamOf = (t: TaskLifecycle, targetId: string): TaskTeam | undefined => teamOfTarget(t, targetId);

/**
 * Whether an inspector is recused for any of the targets: by the stage-2 draw's recorded recusals, or by an earlier
 * replacement for 执法回避 (行政处罚法 art. 43; Chongqing 6.5).
 */
export function isRecused(t: TaskLifecycle, inspectorId: string, targetIds: readonly string[]): boolean {
  const drawn = t.inspectorDraw === undefined ? undefined : recusalsOf(t.inspectorDraw);
  // no recusal recorded anywhere (the common case: every result form asks once per inspector and signature)
  if ((drawn === undefined || drawn.size === 0) && !hasReplacements(t)) return false;
  // O(targets of the team): the draw's recusals and the 执法回避 replacements are indexed
  return targetIds.some((id) => drawn?.has(`${inspectorId}\u0000${id}`) === true || wasRecusedBy(t, inspectorId, id));
}

const RECUSALS = new WeakMap<object, ReadonlySet<string>>();

const ALLOWED_OUTCOMES = new WeakMap<readonly string[], ReadonlySet<string>>();

/** A preset's outcome list (Wolong Annex B; Chongqing 6.6; Wancheng art. 21) as a set, built once per (frozen) list. */
function allowedOutcomes(allowed: readonly string[]): ReadonlySet<string> {
  if (!Object.isFrozen(allowed)) return new Set(allowed);
  let s = ALLOWED_OUTCOMES.get(allowed);
  if (s === undefined) {
    s = new Set(allowed);
    ALLOWED_OUTCOMES.set(allowed, s);
  }
  return s;
}

/** The stage-2 draw's recusals as "inspector NUL target" keys, built once per (frozen) draw record. */
function recusalsOf(draw: NonNullable<TaskLifecycle["inspectorDraw"]>): ReadonlySet<string> {
  let s = RECUSALS.get(draw);
  if (s === undefined) {
    s = new Set(draw.recusals.map((r) => `${r.inspectorId}\u0000${r.targetId}`));
    RECUSALS.set(draw, s);
  }
  return s;
}

/**
 * The checks a record form passes, at first recording and at every correction (Longting art. 21; Chongqing 6.6;
 * Wolong Annex B, 3.1; Wancheng art. 20): distinct inspectors, all members of the target's team; one section per
 * team department and none for a department not on the team; at least two inspectors per department; signatures by
 * the people the preset names and by nobody outside the team; a refusal recorded by inspectors on the form; identity
 * shown first where the preset requires it; outcomes from the preset's list (Wolong Annex B; Chongqing 6.6; Wancheng
 * art. 21); a 执法证号 for every inspector on the form where the preset requires it (Wolong Annex B), and every number on the
 * form the one of the inspector's directory entry (`certificate-matches-directory`, Wolong Annex B; 行政处罚法 art. 55).
 * Every problem is reported at once (`record-form-refused`); then the dates:
 * signed on or after the inspection, recorded on or after both (`dates-out-of-order`).
 */
export function checkRecordForm(t: TaskLifecycle, rec: InspectionRecord, recordedOn: string): void {
  const rules = presetOf(t);
  const team = teamOf(t, rec.target.targetId);
  if (team === undefined) {
    refuse("record-form-refused", "team", teamClause(t), "该检查对象没有检查组", "no joint team inspects this target", ["target", "targetId"], rec.target.targetId);
  }
  // the team as it stood on the inspection day: a replacement made after it does not put the substitute on a form of
  // an inspection he was not at, nor take the inspector who was there off it (Chongqing 6.6 由检查组全体成员签字确认;
  // Longting art. 19 调整更换 takes effect when made; 行政处罚法 art. 42). A replacement recorded on the inspection day
  // itself may have come before or after the visit: the form may show the team of either side of it.
  const current = new Map<string, string>();
  for (const m of team.members) current.set(m.inspectorId, m.departmentId);
  const after = membersOn(t, current, rec.target.targetId, rec.inspectedOn, false);
  let issues = formIssues(t, rec, after);
  if (issues.length > 0 && hasReplacements(t)) {
    const before = membersOn(t, current, rec.target.targetId, rec.inspectedOn, true);
    if (before !== after && formIssues(t, rec, before).length === 0) issues = [];
  }
  if (issues.length > 0) throw new ShuangsuijiError("record-form-refused", issues);
  recordDates(rules, rec, recordedOn);
}

/**
 * A target's team members (inspector → department) on `day`: the current members with every replacement of that
 * target's team made after `day` undone, latest first (and those made on `day` too when `sameDayUndone`). The map
 * given is returned when no replacement is undone.
 */
function membersOn(t: TaskLifecycle, current: Map<string, string>, targetId: string, day: string, sameDayUndone: boolean): Map<string, string> {
  if (!hasReplacements(t)) return current;
  const list = t.replacements;
  const dates = replacementDates(t);
  let out = current;
  for (let k = list.length - 1; k >= 0; k--) {
    const r = list[k]!;
    const on = dates[k]!;
    if (!(on > day || (sameDayUndone && on === day)) || !r.targetIds.includes(targetId)) continue;
    if (out === current) out = new Map(current);
    out.delete(r.substituteId);
    out.set(r.outgoingId, r.departmentId);
  }
  return out;
}

/** The record form's problems against the team's members on the inspection day (see {@link checkRecordForm}). */
function formIssues(t: TaskLifecycle, rec: InspectionRecord, members: Map<string, string>): RuleIssue[] {
  const rules = presetOf(t);
  const issues: RuleIssue[] = [];
  const add = (path: (string | number)[], rule: string, clause: string, zh: string, en: string, value?: unknown) => issues.push({ path, rule, clause, messageZh: zh, messageEn: en, ...(value === undefined ? {} : { value }) });
  const listed = new Set<string>();
  rec.inspectors.forEach((i, k) => {
    if (listed.has(i.inspectorId)) add(["inspectors", k], "inspector-duplicate", "Longting art. 21", `${i.name}在记录表上重复列出`, `${i.name} is listed twice on the form (counted once)`, i.inspectorId);
    listed.add(i.inspectorId);
    if (!members.has(i.inspectorId)) add(["inspectors", k], "team-member", teamClause(t), `${i.name}不是该检查组成员`, `${i.name} is not a member of the team for this target`, i.inspectorId);
    // 执法回避: an inspector recused for this target may neither inspect it nor sign for it (行政处罚法 art. 43)
    if (isRecused(t, i.inspectorId, [rec.target.targetId])) add(["inspectors", k], "recused-on-form", "行政处罚法 art. 43; Chongqing 6.5", `${i.name}已对该检查对象回避，不得列入记录表`, `${i.name} is recused for this target and cannot be on its form`, i.inspectorId);
  });
  const teamDepartments = new Set(members.values());
  const sections = new Set(rec.departments.map((d) => d.departmentId));
  for (const d of teamDepartments) {
    if (!sections.has(d)) add(["departments"], "department-section-missing", "Wolong Annex B; Longting art. 22", `检查组部门${d}在记录表上没有检查事项和结果`, `team department ${d} has no section (items and results) on the form`, d);
  }
  rec.departments.forEach((d, k) => {
    if (!teamDepartments.has(d.departmentId)) add(["departments", k], "department-not-on-team", "Wolong Annex B; Wancheng art. 20", `${d.departmentId}不在该检查组中`, `department ${d.departmentId} is not on the team`, d.departmentId);
    let present = 0;
    for (const id of listed) if (members.get(id) === d.departmentId) present++;
    if (present < 2) add(["departments", k], "two-inspectors", "Longting art. 21; 行政处罚法 art. 42", `${d.departmentId}实地核查人员不得少于两人`, `${d.departmentId}: at least two inspectors on site (found ${present})`, present);
  });
  const signed = new Set<string>();
  rec.inspectorSignatures.forEach((s, k) => {
    if (signed.has(s.inspectorId)) add(["inspectorSignatures", k], "signature-duplicate", rules.signatures.clause, "同一人重复签字", "the same person signed twice", s.inspectorId);
    signed.add(s.inspectorId);
    if (isRecused(t, s.inspectorId, [rec.target.targetId])) add(["inspectorSignatures", k], "recused-on-form", "行政处罚法 art. 43; Chongqing 6.5", "已回避的执法人员不得在记录表上签字", "an inspector recused for this target cannot sign its form", s.inspectorId);
    else if (!members.has(s.inspectorId)) add(["inspectorSignatures", k], "signature-outsider", rules.signatures.clause, "签字人不是检查组成员", "a signatory is not on the team", s.inspectorId);
else if (!listed.has(s.inspectorId)) add(["inspectorSignatures", k], "signature-not-listed", "Wolong Annex B", "签字人未列入记录表的执法人员栏", "a signatory is not listed among the form's inspectors", s.inspectorId);
  });
  const required = rules.signatures.who === "all-team-members" ? [...members.keys()] : [...listed].filter((id) => members.has(id));
  const missing = required.filter((id) => !signed.has(id));
  if (missing.length > 0) {
    const zh = rules.signatures.who === "all-team-members" ? "记录表应由检查组全体成员签字确认" : "记录表所列执法人员均应签字";
    add(["inspectorSignatures"], "signatures-complete", rules.signatures.clause, `${zh}（缺${missing.length}人）`, `${missing.length} required signature(s) missing (${rules.signatures.who})`, missing);
  }
  const c = rec.targetConfirmation;
  if (c.kind === "refused") {
    c.recordedBy.forEach((id, k) => {
      if (!listed.has(id) || !members.has(id)) add(["targetConfirmation", "recordedBy", k], "refusal-recorded-by-team", "Longting art. 21; Wancheng art. 20", "拒签应由现场执法检查人员记录说明", "a refusal to sign is recorded by the team's inspectors on the form", id);
    });
  }
  // Wolong Annex B 检查结果栏填写相应编号 1–9; Chongqing 6.6 抽查检查结果包括…; Wancheng art. 21 抽查检查结果包括…: an
  // outcome outside the preset's own list is refused (absent or "any": the document gives no list)
  const allowed = rules.outcomes?.allowed;
  if (allowed !== undefined && allowed !== "any") {
    const ok = allowedOutcomes(allowed);
    rec.departments.forEach((d, k) => d.items.forEach((item, j) => item.outcomes.forEach((x, m) => {
      if (!ok.has(x)) add(["departments", k, "items", j, "outcomes", m], "outcome-not-in-preset", rules.outcomes?.clause ?? "", `检查结果“${x}”不在${rules.source}的检查结果列表中`, `the outcome ${x} is not in the outcome list of ${rules.source}`, x);
    })));
  }
  // Wolong Annex B (执法人员: 姓名 单位 执法证号 电话); Wolong 2.3 (出示执法证件): every inspector on the form carries a 执法证号
  const cert = rules.enforcementCertificate;
  if (cert?.onForm === true) {
    rec.inspectors.forEach((i, k) => {
      if (text(i.certificateNumber, ["inspectors", k, "certificateNumber"]) === "") add(["inspectors", k, "certificateNumber"], "certificate-on-form", cert.clause, `${i.name}在记录表上没有执法证号`, `${i.name} has no 执法证号 (enforcement certificate number) on the form`, i.inspectorId);
    });
  }
  // Wolong Annex B (执法证号 on the form); 行政处罚法 art. 55 (出示执法证件): a number on the form is the one of the
  // inspector's directory entry (名录库, Yanshi 5), as the stage-2 draw recorded it — under every preset a number that
  // contradicts the directory is refused; where the preset requires the number (onForm), so is one the directory lacks
  const certificates = directoryCertificates(t);
  if (certificates !== undefined) {
    const clause = cert?.onForm === true ? "Wolong Annex B; 行政处罚法 art. 55" : "行政处罚法 art. 55";
    rec.inspectors.forEach((i, k) => {
      const given = certificateKey(i.certificateNumber);
      const listedNumber = certificates.get(i.inspectorId);
      if (given === "" || listedNumber === undefined) return;
      if (listedNumber === "") {
        if (cert?.onForm === true) add(["inspectors", k, "certificateNumber"], "certificate-matches-directory", clause, `${i.name}在执法检查人员名录库中没有执法证号，记录表上的执法证号（${given}）无法核对`, `${i.name} has no 执法证号 in the inspector directory: the number on the form (${given}) cannot be confirmed`, i.certificateNumber);
      } else if (given !== listedNumber) {
        add(["inspectors", k, "certificateNumber"], "certificate-matches-directory", clause, `${i.name}在记录表上的执法证号（${given}）与执法检查人员名录库（${listedNumber}）不一致`, `${i.name}'s 执法证号 on the form (${given}) differs from the inspector directory's (${listedNumber})`, i.certificateNumber);
      }
    });
  }
  if (rules.identityShown.required) {
    const shown = identityShownFor(t, rec.target.targetId);
    if (shown === undefined) add(["target", "targetId"], "identity-not-shown", rules.identityShown.clause, "检查人员应先表明身份、出示执法证件（未记录）", "showing identity and enforcement certificates is not recorded for this target", rec.target.targetId);
    else {
      const showed = new Set(shown.inspectorIds);
      const notShown = [...listed].filter((id) => !showed.has(id));
      if (notShown.length > 0) add(["inspectors"], "identity-not-shown", rules.identityShown.clause, "部分检查人员未记录出示执法证件", "some inspectors on the form have no record of showing their certificates", notShown);
      if (shown.on > rec.inspectedOn) add(["inspectedOn"], "identity-not-shown", rules.identityShown.clause, "出示证件应在检查之时或之前", "identity must be shown on or before the inspection day", shown.on);
    }
  }
  return issues;
}

/** The form's dates: signed on or after the inspection, recorded on or after both (`dates-out-of-order`). */
function recordDates(rules: ReturnType<typeof presetOf>, rec: InspectionRecord, recordedOn: string): void {
  const c = rec.targetConfirmation;
  const dates: RuleIssue[] = [];
  const late = (path: (string | number)[], zh: string, en: string, value: string) => dates.push({ path, rule: "record-dates", clause: rules.signatures.clause, messageZh: zh, messageEn: en, value });
  if (rec.inspectedOn > recordedOn) late(["inspectedOn"], "检查日期晚于录入日期", "the inspection is dated after it was recorded", rec.inspectedOn);
  rec.inspectorSignatures.forEach((s, k) => {
    if (s.signedOn < rec.inspectedOn || s.signedOn > recordedOn) late(["inspectorSignatures", k, "signedOn"], "签字日期应在检查日期与录入日期之间", "a signature must be dated between the inspection and its recording", s.signedOn);
  });
  if (c.kind === "signed" && (c.signedOn < rec.inspectedOn || c.signedOn > recordedOn)) late(["targetConfirmation", "signedOn"], "检查对象签字日期应在检查日期与录入日期之间", "the target's signature must be dated between the inspection and its recording", c.signedOn);
  if (dates.length > 0) throw new ShuangsuijiError("dates-out-of-order", dates);
}

/**
 * 提前告知 (Chongqing 6.5; Longting art. 21; Wolong 2.3): where the preset's notice is `required`, a result needs a
 * recorded step for its target — notice given, a surprise inspection on a lead, or an exemption the preset allows
 * (checked by recordAdvanceNotice) — dated on or before the inspection. Refuses with `record-form-refused`, rule
 * `advance-notice`, the preset's clause.
 */
export function checkAdvanceNotice(t: TaskLifecycle, targetId: string, inspectedOn: string, path: (string | number)[]): void {
  const rule = presetOf(t).advanceNoticeRule;
  if (rule?.notice !== "required") return;
  const n = advanceNoticeFor(t, targetId);
  if (n === undefined) refuse("record-form-refused", "advance-notice", rule.clause, "应在现场检查前提前告知检查对象（未记录提前告知或本规则允许的豁免，见recordAdvanceNotice）", "advance notice to this target (or an exemption the preset allows) is not recorded before the inspection (see recordAdvanceNotice)", [...path, "target", "targetId"], targetId);
  const d = "given" in n ? n.given.on : "surpriseOnLead" in n ? n.surpriseOnLead.on : n.recordedOn;
  if (d > inspectedOn) refuse("record-form-refused", "advance-notice", rule.clause, `提前告知（${d}）晚于检查日期（${inspectedOn}）`, `the advance notice (${d}) is dated after the inspection (${inspectedOn})`, [...path, "inspectedOn"], inspectedOn);
}
