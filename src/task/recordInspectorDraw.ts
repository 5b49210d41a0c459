import type { InspectorDrawRecord } from "../draw/InspectorDrawRecord.js";
import { digestOf } from "../draw/_encoding.js";
import type { TaskLifecycle, TaskTeam, Transition } from "./TaskLifecycle.js";
import { advance, refuse, requireState } from "./_lifecycle.js";
import { requireChronology, text } from "./_rules.js";

/**
 * Records the stage-2 draw (各参与部门自行随机匹配执法检查人员, Longting art. 19) and forms the joint teams: all matched
 * inspectors, the leader from the initiating department (Wancheng art. 20; Chongqing 6.5). The draw must have run on
 * this task's locked list and cover exactly the list in force.
 *
 * @category Task
 * @example
 * ```ts
 * import { recordInspectorDraw, type InspectorDrawRecord, type TaskLifecycle } from "shuangsuiji";
 * declare const locked: TaskLifecycle;
 * declare const stage2: InspectorDrawRecord;
 * const { task } = recordInspectorDraw(locked, stage2, { on: "2026-04-02", actor: "各参与部门" });
 * task.teams[0]?.leaderId;
 * ```
 */
export function recordInspectorDraw(t: TaskLifecycle, record: InspectorDrawRecord, options: { readonly on: string; readonly actor: string }): Transition {
  requireState(t, ["targets-locked"], "record the inspector draw", "Longting art. 19");
  const on = requireChronology(t, options?.on, "record the inspector draw");
  if (record === null || typeof record !== "object") refuse("invalid-input", "record", "docs/draw.md", "缺少人员抽取记录", "an inspector draw record is required", ["record"]);
  const { digest, ...body } = record;
  if (record?.kind !== "inspector-draw" || digestOf(body) !== digest) refuse("invalid-input", "record-digest", "docs/draw.md", "人员抽取记录已被改动", "the inspector draw record was altered", ["record"]);
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
    members: record.departments.flatMap((d, di) =>
      [...new Set(l.targetIds.map((id) => byTarget[di]!.get(id)).filter((i): i is number => i !== undefined))]
        .sort((a, b) => a - b)
        .flatMap((i) => d.teams[i]!.inspectorIds.map((inspectorId) => ({ inspectorId, departmentId: d.departmentId }))),
    ),
    assistants: [],
  }));
  const covered = teams.flatMap((x) => x.targetIds).sort();
  if (JSON.stringify(covered) !== JSON.stringify(t.targetIds)) {
    refuse("invalid-input", "coverage", "Longting art. 19; Chongqing 6.4", "人员抽取覆盖的检查对象与当前名单不一致", "the inspector draw does not cover exactly the target list in force", ["record"]);
  }
  return advance(t, { state: "inspectors-drawn", inspectorDraw: record, teams }, { type: "inspectors-drawn", on, actor: text(options.actor), payload: { recordDigest: record.digest, teams: teams.length, randomSide: record.randomSide }, transition: "recordInspectorDraw", input: [record, options] });
}
