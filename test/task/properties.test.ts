import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  ShuangsuijiError, amendLockedList, completeInspection, computeDeadline, decideRecusalRequest, lockTargets, publicView, publishResults, recordResult,
  replaceInspector, startInspection, verifyAuditTrail, type AuditEvent, type TaskLifecycle,
} from "../../src/index.js";
import { POOL, SCJG, WJW, drawnTask, recordFor, teamsTask } from "./_scenario.js";

type Op =
  | { kind: "amend"; remove: number; add: number; role: "department-head" | "principal-head" | "none" }
  | { kind: "replace"; team: number; member: number; sub: number; reason: "post-change" | "work-conflict" | "health" | "recusal" | "other"; role: "department-head" | "principal-head" | "none"; leader: number }
  | { kind: "recusal"; team: number; member: number; sub: number; granted: boolean }
  | { kind: "start" }
  | { kind: "result"; target: number; outcome: "no-problem-found" | "information-not-published" | "non-compliant" }
  | { kind: "result-rest" }
  | { kind: "complete"; day: number }
  | { kind: "publish"; day: number };

const role = fc.constantFrom("department-head" as const, "principal-head" as const, "none" as const);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("amend" as const), remove: fc.nat(5), add: fc.nat(5), role }),
  fc.record({ kind: fc.constant("replace" as const), team: fc.nat(5), member: fc.nat(9), sub: fc.nat(12), reason: fc.constantFrom("post-change" as const, "work-conflict" as const, "health" as const, "recusal" as const, "other" as const), role, leader: fc.nat(9) }),
  fc.record({ kind: fc.constant("recusal" as const), team: fc.nat(5), member: fc.nat(9), sub: fc.nat(12), granted: fc.boolean() }),
  fc.constant({ kind: "start" as const }),
  fc.record({ kind: fc.constant("result" as const), target: fc.nat(5), outcome: fc.constantFrom("no-problem-found" as const, "information-not-published" as const, "non-compliant" as const) }),
  fc.constant({ kind: "result-rest" as const }),
  fc.record({ kind: fc.constant("complete" as const), day: fc.integer({ min: 0, max: 150 }) }),
  fc.record({ kind: fc.constant("publish" as const), day: fc.integer({ min: 0, max: 60 }) }),
);
const plusDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const approval = (r: "department-head" | "principal-head" | "none") => (r === "none" ? { name: "", role: "department-head" as const, on: "2026-04-05" } : { name: "审批人", role: r, on: "2026-04-05" });

function apply(t: TaskLifecycle, op: Op): TaskLifecycle {
  const dir = [...SCJG, ...WJW];
  switch (op.kind) {
    case "amend": {
      const remove = t.targetIds[op.remove % Math.max(1, t.targetIds.length)];
      const add = POOL.map((u) => u.id).filter((id) => !t.targetIds.includes(id))[op.add % 6];
      return amendLockedList(t, { remove: remove === undefined ? [] : [remove], add: add === undefined ? [] : [add], reason: "核实", approval: approval(op.role), on: "2026-04-05", actor: "p" }).task;
    }
    case "replace": {
      const team = t.teams[op.team % Math.max(1, t.teams.length)];
      if (team === undefined) return t;
      const m = team.members[op.member % team.members.length]!;
      const sub = dir[op.sub % dir.length]!;
      const leader = team.members[op.leader % team.members.length]!;
      return replaceInspector(t, { targetId: team.targetIds[0]!, outgoingId: m.inspectorId, substituteId: sub.id, reason: op.reason, approval: approval(op.role), chosenBy: "部门", directory: dir, newLeaderId: leader.inspectorId === m.inspectorId ? sub.id : leader.inspectorId, on: "2026-04-08", actor: "p" }).task;
    }
    case "recusal": {
      const team = t.teams[op.team % Math.max(1, t.teams.length)];
      if (team === undefined) return t;
      const m = team.members[op.member % team.members.length]!;
      const sub = dir[op.sub % dir.length]!;
      return decideRecusalRequest(t, { targetId: team.targetIds[0]!, inspectorId: m.inspectorId, grounds: "申请", granted: op.granted, refusalReason: "无利害关系", decision: approval("department-head"), substitute: { substituteId: sub.id, chosenBy: "部门", directory: dir, newLeaderId: sub.id }, on: "2026-04-09", actor: "p" }).task;
    }
    case "start":
      return startInspection(t, { on: "2026-04-10", actor: "p" }).task;
    case "result":
      return recordResult(t, recordFor(t, t.targetIds[op.target % Math.max(1, t.targetIds.length)] ?? "none", [op.outcome]), { on: "2026-04-15", actor: "p" }).task;
    case "result-rest": {
      let next = t;
      for (const id of t.targetIds.filter((x) => !t.records.some((r) => r.target.targetId === x))) next = recordResult(next, recordFor(next, id), { on: "2026-04-16", actor: "p" }).task;
      return next;
    }
    case "complete":
      return completeInspection(t, { completedOn: plusDays("2026-05-01", op.day), actor: "p" }).task;
    case "publish":
      return publishResults(t, { publishedOn: plusDays(t.completedOn ?? "2026-05-01", op.day), actor: "p" }).task;
  }
}

function run(start: TaskLifecycle, ops: readonly Op[], check: (t: TaskLifecycle) => void): TaskLifecycle {
  let t = start;
  check(t);
  for (const op of ops) {
    try {
      t = apply(t, op);
    } catch (e) {
      if (!(e instanceof ShuangsuijiError)) throw e; // refusals are typed; anything else is a bug
      continue;
    }
    check(t);
  }
  return t;
}

const invariants = (initial: TaskLifecycle) => (t: TaskLifecycle) => {
  // 1. the list in force changes only through approved amendments (never under Longting)
  const amendments = t.audit.filter((e) => e.type === "locked-list-amended");
  if (t.preset === "longting") expect(amendments).toEqual([]);
  for (const e of amendments) expect(e.payload.approval).toMatchObject({ role: "principal-head" });
  if (t.locked !== undefined) {
    let list = t.locked.record.strata.flatMap((s) => s.selected.map((u) => u.unitId));
    for (const a of t.amendments) list = [...list.filter((id) => !a.remove.includes(id)), ...a.add];
    expect([...list].sort()).toEqual(t.targetIds);
  }
  // 2. replacements keep ≥ 2 qualified members per department and a leader from the initiating department
  for (const team of t.teams) {
    for (const dept of ["SCJG", "WJW"]) expect(team.members.filter((m) => m.departmentId === dept).length).toBeGreaterThanOrEqual(2);
    expect(team.members).toContainEqual({ inspectorId: team.leaderId, departmentId: t.task.initiatingDepartmentId });
    expect(team.members.some((m) => m.inspectorId === "SCJG-X")).toBe(false);
    expect(new Set(team.members.map((m) => m.inspectorId)).size).toBe(team.members.length);
  }
  for (const e of t.audit.filter((x) => x.type === "inspector-replaced")) expect(e.payload.approvedBy).not.toBe("");
  // 3. every completed task carries the calendar-computed deadline
  if (t.completedOn !== undefined) expect(t.publicationDeadline?.date).toBe(computeDeadline("results-publication", t.completedOn).date);
  // 4. the trail verifies, and only grows
  expect(verifyAuditTrail(t.audit).ok).toBe(true);
  expect(t.audit.slice(0, initial.audit.length)).toEqual(initial.audit);
  // 5. the public view never shows personal data
  // (whole tokens: a USCC such as 914403001922038216 contains digit runs that look like phone numbers)
  // (the head digest is hex, not personal data: left out of the scan)
  expect(JSON.stringify({ ...publicView(t), head: null })).not.toMatch(/(?<![0-9A-Z])1[3-9]\d{9}(?![0-9A-Z])|11010519491231002X|人员\d/);
};

describe("lifecycle properties over random operation sequences", () => {
  for (const preset of ["longting", "chongqing", "wancheng"] as const) {
    it(`${preset}: every invariant holds after every step`, () => {
      const seen = new Map<string, number>();
      const locked = lockTargets(drawnTask(preset), { on: "2026-04-01", actor: "x" }).task;
      const withTeams = teamsTask(preset);
      fc.assert(
        fc.property(fc.array(opArb, { maxLength: 25 }), fc.boolean(), (ops, fromLocked) => {
          const start = fromLocked ? locked : withTeams;
          const end = run(start, ops, invariants(start));
          for (const e of end.audit.slice(start.audit.length)) seen.set(e.type, (seen.get(e.type) ?? 0) + 1);
        }),
        { seed: 17, numRuns: 300 },
      );
      // the sequences really exercise the lifecycle (not just refusals)
      for (const type of ["inspector-replaced", "recusal-granted", "recusal-refused", "inspection-started", "result-recorded", "inspection-completed", "results-published"]) {
        expect(seen.get(type) ?? 0, type).toBeGreaterThan(0);
      }
      if (preset === "chongqing") expect(seen.get("locked-list-amended") ?? 0).toBeGreaterThan(0);
      else expect(seen.get("locked-list-amended") ?? 0).toBe(0);
    });
  }

  it("audit verification fails on any single tampering: edit, deletion, insertion or reordering", () => {
    const t = run(teamsTask("chongqing"), [{ kind: "start" }, { kind: "result", target: 0, outcome: "non-compliant" }], () => undefined);
    const events = t.audit;
    fc.assert(
      fc.property(fc.nat(events.length - 1), fc.nat(events.length - 1), fc.constantFrom("edit", "delete", "insert", "swap"), (i, j, how) => {
        let tampered: AuditEvent[] = [...events];
        if (how === "edit") tampered[i] = { ...events[i]!, actor: `${events[i]!.actor}!` };
        if (how === "delete") tampered.splice(i, 1);
        if (how === "insert") tampered.splice(i, 0, { ...events[j]! });
        if (how === "swap") {
          if (i === j) return;
          [tampered[i], tampered[j]] = [events[j]!, events[i]!];
        }
        if (how === "delete" && i === events.length - 1) {
          // truncating the last event is caught by comparing the head digest with the published one
          const v = verifyAuditTrail(tampered);
          expect(v.ok && v.headDigest).not.toBe((verifyAuditTrail(events) as { headDigest: string }).headDigest);
          return;
        }
        tampered = tampered.filter(Boolean);
        expect(verifyAuditTrail(tampered).ok).toBe(false);
      }),
      { seed: 23, numRuns: 500 },
    );
  });
});
