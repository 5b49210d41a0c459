import { readArg } from "./_args.js";
import type { InspectorDrawRecord } from "../draw/inspectors/InspectorDrawRecord.js";
import { stage2BodyDigest } from "../draw/inspectors/_recordDigest.js";
import type { TaskLifecycle, TaskTeam, Transition } from "./TaskLifecycle.js";
import { advance, refuse, requireState } from "./_lifecycle.js";
import { presetOf, requireChronology, text } from "./_rules.js";
import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";
import { drawInspectors, type DrawInspectorsInput } from "../draw/inspectors/drawInspectors.js";
import { verifyInspectorDraw } from "../draw/inspectors/verifyInspectorDraw.js";
import { sameJson } from "./_digest.js";
import { InspectorDrawRecordSchema } from "../draw/records/recordSchemas.js";
import { issuesFromZod } from "../errors/_fromZod.js";
import type { LockedTargetList } from "../draw/records/LockedTargetList.js";

/**
 * Options of {@link recordInspectorDraw}.
 *
 * @category Task
 */
export interface RecordInspectorDrawOptions {
  /** The day the draw is recorded. */
  readonly on: string;
  /** Who records it. */
  readonly actor: string;
  /**
   * The inputs the stage-2 draw ran on, except the locked list (the task's own is used): the seed, the departments'
   * inspector directories (执法检查人员名录库, Longting art. 11; Chongqing C.1), recusals, unavailability and options. The
   * lifecycle re-runs the draw from them ({@link verifyInspectorDraw}) and refuses a record that does not follow, and
   * any inspector who is not in their department's directory. Recorded in the event, so replay checks it again.
   */
  readonly drawInput: Omit<DrawInspectorsInput, "locked">;
}

/**
 * Every inspector of the record is in the directory its department supplied (名录库, Longting art. 11, 19; Chongqing
 * C.1): an inspector invented in a record edited and re-hashed is named here, before the draw is re-run.
 */
function directoryProblems(record: InspectorDrawRecord, input: Omit<DrawInspectorsInput, "locked">): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const directory = new Map<string, Set<string>>();
  for (const d of Array.isArray(input.departments) ? input.departments : []) {
    if (d === null || typeof d !== "object" || !Array.isArray(d.inspectors)) continue;
    const ids = directory.get(d.departmentId) ?? new Set<string>();
    for (const i of d.inspectors) if (i !== null && typeof i === "object" && typeof i.id === "string") ids.add(i.id);
    directory.set(d.departmentId, ids);
  }
  record.departments.forEach((d, di) => {
    const ids = directory.get(d.departmentId);
    d.teams.forEach((team, ti) => team.inspectorIds.forEach((id, k) => {
      if (ids?.has(id) === true) return;
      issues.push({
        path: ["record", "departments", di, "teams", ti, "inspectorIds", k], rule: "inspector-in-directory", clause: "Longting art. 19; Chongqing C.1",
        messageZh: `${id}不在${d.departmentId}提供的执法检查人员名录库中`, messageEn: `${id} is not in the inspector directory of ${d.departmentId} the draw ran on`, value: id,
      });
    }));
  });
  return issues;
}

/**
 * The teams a stage-2 record claims, checked against the draw's own rules (a record edited and re-hashed by hand
 * passes its digest): the record's initiating department is the task's and every department is one of the task's
 * (Longting art. 19); an inspector belongs to one department only and is listed once in a team; the leader is a drawn
 * member of the initiating department (Wancheng art. 20; Chongqing 6.5); no inspector recused for a target is on its
 * team (执法回避, 行政处罚法 art. 43). Every problem is reported at once. Linear in the size of the record.
 */
function teamProblems(t: TaskLifecycle, record: InspectorDrawRecord, teams: readonly TaskTeam[]): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const add = (path: (string | number)[], rule: string, clause: string, zh: string, en: string, value?: unknown) => issues.push({ path, rule, clause, messageZh: zh, messageEn: en, ...(value === undefined ? {} : { value }) });
  const initiating = t.task.initiatingDepartmentId;
  if (record.initiatingDepartmentId !== initiating) add(["record", "initiatingDepartmentId"], "draw-initiating-department", "Wancheng art. 20; Chongqing 6.5", `人员抽取记录的发起部门（${record.initiatingDepartmentId}）不是本任务的发起部门（${initiating}）`, `the draw's initiating department (${record.initiatingDepartmentId}) is not the task's (${initiating})`, record.initiatingDepartmentId);
  const taskDepartments = new Set([initiating, ...t.task.cooperatingDepartmentIds]);
  const departmentOf = new Map<string, string>();
  const seenDepartments = new Set<string>();
  record.departments.forEach((d, di) => {
    if (seenDepartments.has(d.departmentId)) add(["record", "departments", di], "draw-department-duplicate", "Longting art. 19", `部门${d.departmentId}在人员抽取记录中重复出现`, `department ${d.departmentId} appears twice in the draw`, d.departmentId);
    seenDepartments.add(d.departmentId);
    if (!taskDepartments.has(d.departmentId)) add(["record", "departments", di], "draw-department-not-on-task", "Longting art. 19", `部门${d.departmentId}不是本任务的发起或配合部门`, `department ${d.departmentId} is neither the task's initiating nor a cooperating department`, d.departmentId);
    d.teams.forEach((team, ti) => {
      const inTeam = new Set<string>();
      team.inspectorIds.forEach((id, k) => {
        const path = ["record", "departments", di, "teams", ti, "inspectorIds", k];
        if (inTeam.has(id)) add(path, "draw-member-duplicate", "Longting art. 19", `${id}在同一检查组中重复列出`, `${id} is listed twice in one team`, id);
        inTeam.add(id);
        const other = departmentOf.get(id);
        if (other !== undefined && other !== d.departmentId) add(path, "draw-inspector-two-departments", "Longting art. 19; Chongqing 6.5", `${id}同时出现在${other}和${d.departmentId}两个部门的检查人员中`, `${id} is drawn for two departments (${other} and ${d.departmentId})`, id);
        else departmentOf.set(id, d.departmentId);
      });
    });
  });
  const recused = new Set(record.recusals.map((r) => `${r.inspectorId}\u0000${r.targetId}`));
  teams.forEach((team, k) => {
    if (!team.members.some((m) => m.inspectorId === team.leaderId && m.departmentId === initiating)) {
      add(["record", "leaders", k, "leaderId"], "leader-from-initiating-department", "Wancheng art. 20; Chongqing 6.5", `组长${team.leaderId}不是发起部门（${initiating}）为该组抽取的执法检查人员`, `the leader ${team.leaderId} is not an inspector drawn by the initiating department (${initiating}) for this team`, team.leaderId);
    }
    const members = new Set<string>();
    for (const m of team.members) {
      if (members.has(m.inspectorId)) add(["record", "leaders", k], "team-member-duplicate", "Longting art. 19", `${m.inspectorId}在联合检查组中重复出现`, `${m.inspectorId} appears twice on the joint team`, m.inspectorId);
      members.add(m.inspectorId);
      // O(members × targets of the team): each pair is looked up once
      for (const id of team.targetIds) {
        if (recused.has(`${m.inspectorId}\u0000${id}`)) add(["record", "leaders", k], "recused-on-team", "行政处罚法 art. 43; Chongqing 6.5", `${m.inspectorId}已对检查对象${id}回避，不得在其检查组中`, `${m.inspectorId} is recused for target ${id} and cannot be on its team`, m.inspectorId);
      }
    }
  });
  return issues;
}


/**
 * The members of the joint team of a leader's targets: for each department in the draw's order, the inspectors of its
 * teams that inspect any of those targets, teams in ascending order, each once (Longting art. 19; Chongqing 6.5). A
 * leader of one target — a provincial task drawn one target per team — takes its team in each department directly,
 * without the set and the sort (the same members in the same order: the distinct indexes of one target are one index).
 */
function teamMembers(record: InspectorDrawRecord, byTarget: readonly ReadonlyMap<string, number>[], targetIds: readonly string[]): TaskTeam["members"] {
  const out: { inspectorId: string; departmentId: string }[] = [];
  record.departments.forEach((d, di) => {
    const index = byTarget[di]!;
    let teams: number[];
    if (Array.isArray(targetIds) && targetIds.length === 1) {
      const i = index.get(targetIds[0]!);
      teams = i === undefined ? [] : [i];
    } else {
      teams = [...new Set(targetIds.map((id) => index.get(id)).filter((i): i is number => i !== undefined))].sort((a, b) => a - b);
    }
    for (const i of teams) for (const inspectorId of d.teams[i]!.inspectorIds) out.push({ inspectorId, departmentId: d.departmentId });
  });
  return out;
}

/** The record of the stage-2 draw re-run on the task's locked list (Longting art. 19), or `undefined` when it does not run. */
function rerunDraw(drawInput: unknown, locked: LockedTargetList | undefined): { readonly record: InspectorDrawRecord } | undefined {
  if (drawInput === null || typeof drawInput !== "object" || Array.isArray(drawInput)) return undefined;
  try {
    const r = drawInspectors({ ...(drawInput as Omit<DrawInspectorsInput, "locked">), locked: locked as LockedTargetList });
    return r.ok ? { record: r.record } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Records the stage-2 draw (各参与部门自行随机匹配执法检查人员, Longting art. 19) and forms the joint teams: all matched
 * inspectors, the leader from the initiating department (Wancheng art. 20; Chongqing 6.5). The draw must have run on
 * this task's locked list and cover exactly the list in force. The record's teams are checked against the draw's own
 * rules even when its digest is right (an edited record re-hashed): the task's departments, one department per
 * inspector, members listed once, the leader drawn by the initiating department, no recused inspector on a team
 * (行政处罚法 art. 43). Then, from the draw's inputs (`drawInput`: seed, directories, recusals — validated, recorded in
 * the event), every inspector must be in their department's directory (`inspector-in-directory`) and the draw is re-run
 * on the task's locked list: a record that does not follow from its inputs is refused (`draw-does-not-verify`, Longting
 * art. 19), naming the fields that differ. Every department of the task must have drawn inspectors
 * (`every-department-draws`, Longting art. 19 各参与部门…自行抽取; Wancheng art. 20 所有执法检查人员), and at least one side
 * must be random (`one-side-random`: `randomSide: "neither"` is refused, Longting art. 19's fallback keeps one side);
 * inspectors assigned rather than drawn (`"targets-only"`) only where the preset's `inspectorDrawFallback` allows it
 * (`longting`; elsewhere `inspectors-drawn-at-random`, citing the preset's clause: Chongqing 6.5, Wancheng art. 19,
 * Yanshi 7.3, Wolong 2.2).
 *
 * @param t - The task (a value returned by a lifecycle function, or by {@link loadTask}).
 * @param rawRecord - The stage-2 record of {@link drawInspectors}.
 * @param rawOptions - The date `on` and the `actor`.
 * @returns The new task (with its teams) and the audit event recorded.
 * @throws {@link ShuangsuijiError} `illegal-transition` when the task is not in a state that allows this step.
 * @throws {@link ShuangsuijiError} `invalid-input` when `t` is not a live task, the record is missing or altered, was
 *   drawn on another locked list, covers other targets than the current list, its teams break a rule, a department of
 *   the task drew nobody, neither side is random, or a department's inspectors were assigned under a preset without
 *   the single-side fallback.
 * @throws {@link ShuangsuijiError} `invalid-date` when `on` is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `dates-out-of-order` when `on` is before the task's previous event.
 * @category Task
 * @example
 * ```ts
 * import { recordInspectorDraw, type DrawInspectorsInput, type InspectorDrawRecord, type TaskLifecycle } from "shuangsuiji";
 * declare const locked: TaskLifecycle;
 * declare const stage2: InspectorDrawRecord;
 * declare const drawInput: Omit<DrawInspectorsInput, "locked">; // the seed, directories and recusals the draw ran on
 * const { task } = recordInspectorDraw(locked, stage2, { on: "2026-04-02", actor: "各参与部门", drawInput });
 * task.teams[0]?.leaderId;
 * ```
 */
export function recordInspectorDraw(t: TaskLifecycle, rawRecord: InspectorDrawRecord, rawOptions: RecordInspectorDrawOptions): Transition {
  const record = readArg(t, rawRecord, ["record"]);
  const options = readArg(t, rawOptions, []);
  requireState(t, ["targets-locked"], "record the inspector draw", "Longting art. 19");
  const on = requireChronology(t, options?.on, "record the inspector draw");
  if (record === null || typeof record !== "object") refuse("invalid-input", "record", "docs/draw.md", "缺少人员抽取记录", "an inspector draw record is required", ["record"]);
  const { digest, ...body } = record;
  // The stage-2 draw re-run from its inputs (Longting art. 19), made first (it is pure) and used below. A record equal
  // to the re-run's, member for member, has the re-run's digest, which drawInspectors computed from that same content:
  // its digest matches its content without hashing it again (on a 5×10⁴-target task the digest was 5 % of a replay,
  // docs/benchmarks.md round 6). Any other record has its digest checked as before, so every refusal is as before.
  const rerun = rerunDraw(options?.drawInput, t.locked);
  const equalToRerun = rerun !== undefined && sameJson(rerun.record, record);
  // stage2BodyDigest is digestOf(body) for any body (test/draw/stage2Digest.test.ts), faster on a stage-2 record's teams
  if (record?.kind !== "inspector-draw" || (!equalToRerun && stage2BodyDigest(body) !== digest)) refuse("invalid-input", "record-digest", "docs/draw.md", "人员抽取记录已被改动", "the inspector draw record was altered", ["record"]);
  // a record that is not the re-run's is read as data only once its shape is the schema's: a forged record with its
  // digest recomputed (leaders' targetIds not a list …) is refused naming the field, never a TypeError below
  if (!equalToRerun) {
    const shape = InspectorDrawRecordSchema.safeParse(record);
    if (!shape.success) throw new ShuangsuijiError("invalid-input", issuesFromZod(shape.error.issues, { clause: "docs/draw.md", prefix: ["record"] }, record), { cause: shape.error });
  }
  if (record.lockDigest !== t.locked?.digest) refuse("invalid-input", "lock", "Longting art. 19", "人员抽取不是在本任务锁定的名单上进行的", "the inspector draw did not run on this task's locked list", ["record", "lockDigest"]);
  // each department's teams indexed by target: linear in the draw, not leaders × teams
  const byTarget = record.departments.map((d) => {
    const m = new Map<string, number>();
    d.teams.forEach((team, i) => team.targetIds.forEach((id) => m.set(id, i)));
    return m;
  });
  const teams: TaskTeam[] = record.leaders.map((l) => ({
    targetIds: l.targetIds,
    leaderId: l.leaderId,
    members: teamMembers(record, byTarget, l.targetIds),
    assistants: [],
  }));
  const problems = teamProblems(t, record, teams);
  if (problems.length > 0) throw new ShuangsuijiError("invalid-input", problems);
  // inspectors assigned, not drawn: only under a document with the single-side fallback (Longting art. 19); the others
  // draw the inspectors at random (Chongqing 6.5; Wancheng art. 19; Yanshi 7.3; Wolong 2.2)
  const fallback = presetOf(t).inspectorDrawFallback;
  if (fallback?.allowed === false && (record.randomSide === "targets-only" || record.randomSide === "neither")) {
    const assigned = record.departments.filter((d) => d.teams.some((team) => !team.random)).map((d) => d.departmentId);
    refuse("invalid-input", "inspectors-drawn-at-random", fallback.clause, `${assigned.join("、")}的执法检查人员未随机抽取（名录库人数不足，直接指派）：本任务适用的规定没有只抽取检查对象的例外，应扩大抽取范围（如全局内随机）或充实执法检查人员名录库后重新抽取`, `the inspectors of ${assigned.join(", ")} were assigned, not drawn (a directory no larger than the team): the task's preset has no single-side fallback (that is Longting art. 19's) — widen the scope (e.g. the whole bureau) or the directory and draw again`, ["record", "randomSide"], record.randomSide);
  }
  // the fallback keeps one side random (Longting art. 19 可以只进行检查对象或执法检查人员的随机抽取): never neither
  if (record.randomSide === "neither") refuse("invalid-input", "one-side-random", "Longting art. 19", "检查对象和执法检查人员均未随机抽取：至少一方须随机产生", "neither the targets nor the inspectors were drawn at random: at least one side must be random", ["record", "randomSide"], record.randomSide);
  // every participating department draws its own inspectors (Longting art. 19 再由各参与部门…自行抽取匹配执法检查人员;
  // Wancheng art. 20 联合检查小组应由随机匹配的所有执法检查人员组成): a department that drew nobody leaves no joint team
  const drew = new Set(record.departments.filter((d) => d.teams.some((team) => team.inspectorIds.length > 0)).map((d) => d.departmentId));
  const absent = [t.task.initiatingDepartmentId, ...t.task.cooperatingDepartmentIds].filter((d) => !drew.has(d));
  if (absent.length > 0) refuse("invalid-input", "every-department-draws", "Longting art. 19; Wancheng art. 20", `参与部门${absent.join("、")}没有抽取执法检查人员，联合检查小组不完整`, `participating department(s) ${absent.join(", ")} drew no inspectors: the joint team is incomplete`, ["record", "departments"], absent);
  const covered = teams.flatMap((x) => x.targetIds).sort();
  if (JSON.stringify(covered) !== JSON.stringify(t.targetIds)) {
    refuse("invalid-input", "coverage", "Longting art. 19; Chongqing 6.4", "人员抽取覆盖的检查对象与当前名单不一致", "the inspector draw does not cover exactly the target list in force", ["record"]);
  }
  const drawInput = options.drawInput as unknown;
  if (drawInput === null || typeof drawInput !== "object" || Array.isArray(drawInput)) {
    refuse("invalid-input", "draw-input-required", "Longting art. 19; Chongqing C.1", "须提供人员抽取所依据的输入（随机种子、执法检查人员名录库、回避）以便核验", "pass the inputs the inspector draw ran on (drawInput: seed, directories, recusals) so the record can be verified", ["options", "drawInput"]);
  }
  const input = drawInput as Omit<DrawInspectorsInput, "locked">;
  const outsiders = directoryProblems(record, input);
  if (outsiders.length > 0) throw new ShuangsuijiError("invalid-input", outsiders);
  // the record's digest matches its content (checked above), so a re-run with the same digest is the same record;
  // anything else is compared field by field to name what differs
  const full = { ...input, locked: t.locked as LockedTargetList };
  const same = equalToRerun || rerun?.record.digest === record.digest;
  const v = same ? undefined : verifyInspectorDraw(record, full);
  if (v !== undefined) {
    const mismatches = v.ok ? [{ field: "digest" }] : v.mismatches;
    throw new ShuangsuijiError("invalid-input", mismatches.slice(0, 20).map((m) => ({
      path: ["record", ...m.field.split(".").filter((x) => x !== "")], rule: "draw-does-not-verify", clause: "Longting art. 19 (随机匹配执法检查人员)",
      messageZh: `人员抽取记录与按其输入重新抽取的结果不一致（${m.field}）`, messageEn: `the inspector draw record does not follow from its inputs: ${m.field} differs on re-running the draw`,
    })));
  }
  return advance(t, { state: "inspectors-drawn", inspectorDraw: record, teams }, { type: "inspectors-drawn", on, actor: text(options.actor, ["actor"]), payload: { recordDigest: record.digest, teams: teams.length, randomSide: record.randomSide }, transition: "recordInspectorDraw", input: [record, options] });
}
