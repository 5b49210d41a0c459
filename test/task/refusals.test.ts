// Legal refusals of issue 12 (regulator's F12, F15, F08, F21): each refusal beside the lawful act it is told apart from.
import { describe, expect, it } from "vitest";
import {
  amendLockedList, commitPool, completeInspection, correctPublishedResult, createSeed, decideRecusalRequest, drawTargets, lockTargets, publishResults, recordResult, recordTargetDraw, replaceInspector,
  startInspection, type TaskLifecycle,
} from "../../src/index.js";
import { ON, POOL, SCJG, TASK, WJW, drawnTask, recordFor, refusal, teamsTask } from "./_scenario.js";

const issue = (f: () => unknown) => refusal(f).issues[0]!;
const head = (departmentId?: string, on = ON) => ({ name: "李科长", role: "department-head" as const, on, ...(departmentId === undefined ? {} : { departmentId }) });
const principal = (departmentId?: string, on = ON) => ({ name: "王局长", role: "principal-head" as const, on, ...(departmentId === undefined ? {} : { departmentId }) });
const published = (): TaskLifecycle => {
  let t = startInspection(teamsTask("chongqing"), { on: "2026-04-10", actor: "组" }).task;
  for (const id of t.targetIds) t = recordResult(t, recordFor(t, id, ["further-rectification-required"]), { on: "2026-04-15", actor: "组" }).task;
  t = completeInspection(t, { completedOn: "2026-04-16", actor: "组" }).task;
  return publishResults(t, { publishedOn: "2026-04-20", actor: "局" }).task;
};

describe("F12 — 本部门: the approval names the department concerned and is that department's (Longting art. 19; Chongqing 6.4, 6.5, 6.6)", () => {
  it("replacement: the replaced inspector's own department head — none stated or another department refused, the own one accepted", () => {
    const t = teamsTask("chongqing");
    const team = t.teams[0]!;
    const out = team.members.find((m) => m.departmentId === "WJW")!;
    const sub = WJW.find((i) => !team.members.some((m) => m.inspectorId === i.id))!;
    const input = (approval: object) => ({ targetId: team.targetIds[0]!, outgoingId: out.inspectorId, substituteId: sub.id, reason: "work-conflict" as const, approval: approval as never, chosenBy: "卫健委", directory: WJW, on: "2026-04-03", actor: "卫健委" });
    const none = refusal(() => replaceInspector(t, input(head(undefined, "2026-04-03"))));
    expect(none.code).toBe("approval-missing");
    expect(none.issues[0]).toMatchObject({ rule: "approval-department-required", path: ["approval", "departmentId"], clause: expect.stringMatching(/^Chongqing 6\.5/) });
    expect(none.issues[0]!.messageZh).toMatch(/WJW/);
    expect(issue(() => replaceInspector(t, input(head("SCJG", "2026-04-03"))))).toMatchObject({ rule: "approval-department", value: "SCJG" });
    expect(replaceInspector(t, input(head("WJW", "2026-04-03"))).task.replacements[0]!.approval.departmentId).toBe("WJW");
  });
  it("longting: the clause cited is Longting art. 19, the preset's own", () => {
    const t = teamsTask("longting");
    const team = t.teams[0]!;
    const out = team.members.find((m) => m.departmentId === "SCJG" && m.inspectorId !== team.leaderId)!;
    const sub = SCJG.find((i) => i.category !== "expert" && !t.teams.some((x) => x.members.some((m) => m.inspectorId === i.id)))!;
    const input = { targetId: team.targetIds[0]!, outgoingId: out.inspectorId, substituteId: sub.id, reason: "health" as const, approval: head(undefined, "2026-04-03"), chosenBy: "城关所", directory: SCJG, on: "2026-04-03", actor: "x" };
    expect(issue(() => replaceInspector(t, input))).toMatchObject({ rule: "approval-department-required", clause: expect.stringMatching(/^Longting art\. 19/) });
    expect(replaceInspector(t, { ...input, approval: head("SCJG", "2026-04-03") }).task.replacements).toHaveLength(1);
  });
  it("recusal request: decided by the head of the inspector's own department (行政处罚法 art. 43)", () => {
    const t = teamsTask("chongqing");
    const team = t.teams[0]!;
    const member = team.members.find((m) => m.departmentId === "WJW")!;
    const base = { targetId: team.targetIds[0]!, inspectorId: member.inspectorId, grounds: "亲属关系", granted: false, refusalReason: "无利害关系", on: "2026-04-09", actor: "法制科" };
    expect(issue(() => decideRecusalRequest(t, { ...base, decision: head(undefined, "2026-04-09") }))).toMatchObject({ rule: "approval-department-required", path: ["decision", "departmentId"], clause: expect.stringMatching(/^行政处罚法 art\. 43/) });
    expect(issue(() => decideRecusalRequest(t, { ...base, decision: head("SCJG", "2026-04-09") }))).toMatchObject({ rule: "approval-department", value: "SCJG" });
    expect(decideRecusalRequest(t, { ...base, decision: head("WJW", "2026-04-09") }).event.type).toBe("recusal-refused");
  });
  it("redraw and locked-list change: the initiating department's principal head — a cooperating department's refused", () => {
    const t = drawnTask("chongqing");
    const again = drawTargets({ taskId: TASK.id, pool: POOL, commitment: commitPool(POOL), policy: { strata: { A: { ratio: 0.5 } } }, seed: createSeed("7a".repeat(16), { kind: "other", description: "t" }) });
    const redraw = (approval: object) => recordTargetDraw(t, again, { on: ON, actor: "x", redraw: { reason: "名录导入错误", approval: approval as never } });
    expect(issue(() => redraw(principal()))).toMatchObject({ rule: "approval-department-required", path: ["redraw", "approval", "departmentId"], clause: expect.stringMatching(/^Chongqing 6\.4/) });
    expect(issue(() => redraw(principal("WJW")))).toMatchObject({ rule: "approval-department", value: "WJW" });
    expect(redraw(principal("SCJG")).task.targetDraws[1]!.approval?.departmentId).toBe("SCJG");
    const locked = lockTargets(t, { on: ON, actor: "x" }).task;
    const amend = (approval: object) => amendLockedList(locked, { add: [], remove: [locked.targetIds[0]!], reason: "已注销（抽取后核实）", approval: approval as never, on: ON, actor: "x" });
    expect(refusal(() => amend(principal())).code).toBe("approval-missing");
    expect(issue(() => amend(principal("WJW")))).toMatchObject({ rule: "approval-department", clause: expect.stringMatching(/^Chongqing 6\.4/) });
    expect(amend(principal("SCJG")).task.amendments[0]!.approval.departmentId).toBe("SCJG");
  });
  it("correction: the principal head of the department whose published result changes; a change to two departments' results is one correction each", () => {
    const p = published();
    const rec = p.records[0]!;
    const scjgFixed = recordFor(p, rec.target.targetId, ["no-problem-found"], rec.id); // SCJG's section changes, WJW's does not
    const correct = (record: typeof scjgFixed, approval: object) => correctPublishedResult(p, { record, reason: "异议属实", approval: approval as never, on: "2026-04-25", actor: "局" });
    expect(issue(() => correct(scjgFixed, principal(undefined, "2026-04-25")))).toMatchObject({ rule: "approval-department-required", clause: expect.stringMatching(/^Chongqing 6\.6/) });
    expect(issue(() => correct(scjgFixed, principal("WJW", "2026-04-25")))).toMatchObject({ rule: "approval-department", value: "WJW" });
    expect(correct(scjgFixed, principal("SCJG", "2026-04-25")).task.corrections[0]!.approval.departmentId).toBe("SCJG");
    // both departments' results changed at once: one approval cannot cover another department's result
    const both = { ...scjgFixed, departments: scjgFixed.departments.map((d) => ({ ...d, items: d.items.map((i) => ({ ...i, outcomes: ["no-relevant-business-activity" as const] })) })) };
    const e = refusal(() => correct(both, principal("SCJG", "2026-04-25")));
    expect(e.code).toBe("approval-missing");
    expect(e.issues[0]).toMatchObject({ rule: "approval-per-department", value: ["SCJG", "WJW"] });
  });
});
