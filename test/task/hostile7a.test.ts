// The task-workflow findings of the regulator adversary hostile7a (F16, F4/F8, F15, F5, F7, F11, F13): each refusal
// beside the lawful act it is told apart from.
import { describe, expect, it } from "vitest";
import { decideRecusalRequest, drawInspectors, loadTask, lockTargets, recordInspectorDraw, replaceInspector, type LifecyclePresetId, type TaskLifecycle } from "../../src/index.js";
import { ON, WJW, drawnTask, refusal, stage2Input, teamsTask } from "./_scenario.js";

const DAY = "2026-04-03";
const head = (name: string, extra: object = {}) => ({ name, role: "department-head" as const, on: DAY, departmentId: "WJW", ...extra });

/** A WJW member of the first team, the target, a free WJW inspector and the directory name of the member. */
function concerned(t: TaskLifecycle) {
  const team = t.teams[0]!;
  const member = team.members.find((m) => m.departmentId === "WJW")!.inspectorId;
  const free = WJW.find((i) => !team.members.some((m) => m.inspectorId === i.id))!.id;
  return { targetId: team.targetIds[0]!, member, name: WJW.find((i) => i.id === member)!.name, free };
}

describe("F16 — the inspector concerned never decides his own recusal nor approves his own replacement (行政处罚法 art. 43; Longting art. 19; Chongqing 6.5)", () => {
  for (const preset of ["longting", "chongqing"] as LifecyclePresetId[]) {
    it(`${preset}: a recusal decision by the challenged inspector is refused, by name, id or approverId; another head decides`, () => {
      const t = teamsTask(preset);
      const c = concerned(t);
      const base = { targetId: c.targetId, inspectorId: c.member, grounds: "与检查对象负责人系亲属", granted: false, refusalReason: "理由不成立", on: DAY, actor: "法制科" };
      for (const decision of [head(c.name), head(`\u3000${c.name.normalize("NFKD")} `), head("ＷＪＷ人员" + c.name.slice(-1)), head(c.member), head("王局长", { approverId: c.member })]) {
        const e = refusal(() => decideRecusalRequest(t, { ...base, decision }));
        expect(e.code).toBe("approval-role");
        expect(e.issues[0]).toMatchObject({ rule: "approver-is-concerned", clause: "行政处罚法 art. 43" });
        expect(e.issues[0]!.messageZh).toMatch(/本人/);
        expect(e.issues[0]!.messageEn).toMatch(/inspector it concerns/);
      }
      const ok = decideRecusalRequest(t, { ...base, decision: head("王局长") });
      expect(ok.event.payload).toMatchObject({ decidedBy: "王局长", granted: false });
    });
    it(`${preset}: the inspector leaving never approves his own replacement; the clause is the preset's own with art. 43`, () => {
      const t = teamsTask(preset);
      const c = concerned(t);
      const input = (approval: object) => ({ targetId: c.targetId, outgoingId: c.member, substituteId: c.free, reason: "health" as const, approval: approval as never, chosenBy: "卫健委", directory: WJW, on: DAY, actor: "卫健委" });
      const e = refusal(() => replaceInspector(t, input(head(c.name))));
      expect(e.code).toBe("approval-role");
      expect(e.issues[0]).toMatchObject({ rule: "approver-is-concerned", path: ["approval", "name"], clause: `${preset === "longting" ? "Longting art. 19" : "Chongqing 6.5"}; 行政处罚法 art. 43` });
      expect(replaceInspector(t, input(head("李科长"))).task.replacements).toHaveLength(1);
    });
  }
  it("a granted request decided by the challenged inspector is refused before any replacement", () => {
    const t = teamsTask("chongqing");
    const c = concerned(t);
    const e = refusal(() => decideRecusalRequest(t, { targetId: c.targetId, inspectorId: c.member, grounds: "亲属", granted: true, decision: head(c.name), substitute: { substituteId: c.free, chosenBy: "卫健委", directory: WJW }, on: DAY, actor: "x" }));
    expect(e.issues[0]!.rule).toBe("approver-is-concerned");
  });
  it("a namesake head is told apart by his own directory entry (approverId), kept in the trail; an approverId naming another person is refused", () => {
    const t = teamsTask("chongqing");
    const c = concerned(t);
    const other = WJW.find((i) => i.id !== c.member)!;
    const base = { targetId: c.targetId, inspectorId: c.member, grounds: "亲属", granted: false, refusalReason: "无利害关系", on: DAY, actor: "法制科" };
    // the other entry bears another name: approverId and name name two people
    expect(refusal(() => decideRecusalRequest(t, { ...base, decision: head(c.name, { approverId: other.id }) })).issues[0]).toMatchObject({ rule: "approver-id-name", path: ["decision", "approverId"] });
    // a head not on the directories who happens to carry the challenged inspector's name: refused without an entry to tell them apart
    expect(refusal(() => decideRecusalRequest(t, { ...base, decision: head(c.name, { approverId: "HEAD-1" }) })).issues[0]!.rule).toBe("approver-is-concerned");
    // a head on the directories: his entry's name is his own
    const r = decideRecusalRequest(t, { ...base, decision: head(other.name, { approverId: other.id }) });
    expect(r.event.payload.decidedBy).toBe(other.name);
    expect(r.event.input[0]).toMatchObject({ decision: { approverId: other.id } });
    // an approval carrying approverId survives the stored form
    const replaced = replaceInspector(t, { targetId: c.targetId, outgoingId: c.member, substituteId: c.free, reason: "health", approval: head(other.name, { approverId: other.id }), chosenBy: "卫健委", directory: WJW, on: DAY, actor: "卫健委" }).task;
    expect(replaced.replacements[0]!.approval.approverId).toBe(other.id);
    expect(loadTask(JSON.parse(JSON.stringify(replaced))).replacements[0]!.approval.approverId).toBe(other.id);
  });
  it("two inspectors of the same name: the challenged one is refused, his namesake decides with his own entry", () => {
    const namesakes = WJW.map((i) => ({ ...i, name: "张伟" }));
    const t0 = lockTargets(drawnTask("chongqing"), { on: ON, actor: "x" }).task;
    const drawInput = { ...stage2Input(), departments: [stage2Input().departments[0]!, { departmentId: "WJW", inspectors: namesakes }] };
    const r = drawInspectors({ locked: t0.locked!, ...drawInput });
    if (!r.ok) throw new Error(r.messageEn);
    const t = recordInspectorDraw(t0, r.record, { on: "2026-04-02", actor: "x", drawInput }).task;
    const c = concerned(t);
    const base = { targetId: c.targetId, inspectorId: c.member, grounds: "亲属", granted: false, refusalReason: "无利害关系", on: DAY, actor: "法制科" };
    expect(refusal(() => decideRecusalRequest(t, { ...base, decision: head("张伟") })).issues[0]!.rule).toBe("approver-is-concerned");
    expect(refusal(() => decideRecusalRequest(t, { ...base, decision: head("张伟", { approverId: c.member }) })).issues[0]!.rule).toBe("approver-is-concerned");
    expect(decideRecusalRequest(t, { ...base, decision: head("张伟", { approverId: c.free }) }).event.payload.decidedBy).toBe("张伟");
  });
});
