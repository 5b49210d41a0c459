// Legal refusals of issue 12 (regulator's F12, F15, F08, F21): each refusal beside the lawful act it is told apart from.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  LIFECYCLE_PRESETS, ShuangsuijiError, loadTask, planAdHocTask, startTask, amendLockedList, commitPool, completeInspection, correctPublishedResult, createSeed, decideRecusalRequest, drawTargets, lockTargets, publishResults, recordResult, recordTargetDraw, replaceInspector,
  startInspection, type TaskLifecycle,
} from "../../src/index.js";
import { ITEMS, ON, POOL, SCJG, TASK, WJW, drawnTask, recordFor, refusal, teamsTask } from "./_scenario.js";
import { publishAll } from "./_publish.js";

const issue = (f: () => unknown) => refusal(f).issues[0]!;
const head = (departmentId?: string, on = ON) => ({ name: "李科长", role: "department-head" as const, on, ...(departmentId === undefined ? {} : { departmentId }) });
const principal = (departmentId?: string, on = ON) => ({ name: "王局长", role: "principal-head" as const, on, ...(departmentId === undefined ? {} : { departmentId }) });
const published = (): TaskLifecycle => {
  let t = startInspection(teamsTask("chongqing"), { on: "2026-04-10", actor: "组" }).task;
  for (const id of t.targetIds) t = recordResult(t, recordFor(t, id, ["further-rectification-required"]), { on: "2026-04-15", actor: "组" }).task;
  t = completeInspection(t, { completedOn: "2026-04-16", actor: "组" }).task;
  return publishAll(t, { publishedOn: "2026-04-20", actor: "局" }).task;
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

const dept = { initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: [] as string[] };
const item = (id: string, category: "key" | "general", maxRatio?: number) => ({ id, field: "抽查领域", name: `事项${id}`, objectType: "企业", ...dept, category, ...(maxRatio === undefined ? {} : { maxRatio }) });
const drawOf = (taskId: string, pool: readonly { id: string; riskClass: string }[], policy: object, seedHex = "61") =>
  drawTargets({ taskId, pool, commitment: commitPool(pool), policy: policy as never, seed: createSeed(seedHex.repeat(16), { kind: "other", description: "t" }) });
const unitsOf = (n: number, cls = "A", prefix = "U") => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${String(i).padStart(4, "0")}`, riskClass: cls }));
const rulesOf = (f: () => unknown) => refusal(f).issues.map((i) => i.rule);

describe("F15 — a task details the annual plan; outside it only an ad-hoc check on a ground the document admits (Chongqing 6.2; Longting art. 13)", () => {
  const { planId: _p, ...unplanned } = TASK;
  const start = (task: object, preset: "longting" | "chongqing" | "yanshi" | "wolong" | "wancheng" | object) => startTask(task as typeof TASK, { preset: preset as never, on: "2026-03-30", actor: "信用监管科", items: ITEMS });
  it("no plan and not ad hoc is refused under every preset, naming its own clause; with the plan, accepted", () => {
    const own = { longting: /^Longting art\. 13/, chongqing: /^Chongqing 6\.2/, wancheng: /^Wancheng art\. 17/, wolong: /^Wolong 2\.2/, yanshi: /^Yanshi 7\.2/ } as const;
    for (const preset of ["longting", "chongqing", "wancheng", "wolong", "yanshi"] as const) {
      const e = refusal(() => start(unplanned, preset));
      expect(e.code, preset).toBe("invalid-input");
      expect(e.issues[0], preset).toMatchObject({ rule: "task-in-plan", path: ["planId"], clause: expect.stringMatching(own[preset]) });
      expect(start(TASK, preset).task.task.planId, preset).toBe("PLAN-2026");
    }
  });
  it("longting: adHoc without a ground, or with a plan, is refused; planAdHocTask's task (突发风险 or 上级交办) is accepted and keeps its ground through a reload", () => {
    expect(rulesOf(() => start({ ...unplanned, adHoc: true }, "longting"))).toEqual(["ad-hoc-ground"]);
    expect(rulesOf(() => start({ ...TASK, adHoc: true, adHocGround: { ground: "sudden-risk", explanation: "食物中毒事件" } }, "longting"))).toEqual(["ad-hoc-outside-plan"]);
    expect(rulesOf(() => start({ ...TASK, adHocGround: { ground: "sudden-risk", explanation: "食物中毒事件" } }, "longting"))).toEqual(["ad-hoc-outside-plan"]);
    for (const ground of ["sudden-risk", "assigned-by-superior"] as const) {
      const r = start(planAdHocTask(unplanned, { ground, explanation: "学校周边食物中毒事件后的专项排查" }), "longting");
      expect(r.task.task).toMatchObject({ adHoc: true, adHocGround: { ground } });
      expect(loadTask(JSON.parse(JSON.stringify(r.task))).task.adHocGround?.ground).toBe(ground);
    }
  });
  it("chongqing, wancheng, wolong have no ad-hoc check (a task outside the plan is added to the plan first); yanshi admits only 上级交办", () => {
    const adHoc = (ground: "sudden-risk" | "assigned-by-superior") => planAdHocTask(unplanned, { ground, explanation: "上级部门交办的专项检查" });
    for (const preset of ["chongqing", "wancheng", "wolong"] as const) {
      const e = refusal(() => start(adHoc("assigned-by-superior"), preset));
      expect(e.issues[0], preset).toMatchObject({ rule: "ad-hoc-not-allowed", path: ["adHocGround", "ground"] });
      expect(e.issues[0]!.messageZh).toMatch(/调整/);
    }
    expect(refusal(() => start(adHoc("sudden-risk"), "yanshi")).issues[0]).toMatchObject({ rule: "ad-hoc-not-allowed", clause: expect.stringMatching(/^Yanshi 7\.2/) });
    expect(start(adHoc("assigned-by-superior"), "yanshi").task.task.adHoc).toBe(true);
  });
  it("a custom preset without taskPlan: a plan or an ad-hoc check on either ground", () => {
    const { taskPlan: _t, ...custom } = { ...LIFECYCLE_PRESETS.longting, source: "某县细则" };
    expect(rulesOf(() => start(unplanned, custom))).toEqual(["task-in-plan"]);
    expect(start(planAdHocTask(unplanned, { ground: "sudden-risk", explanation: "突发事件" }), custom).task.preset).toBe("custom");
  });
  it("every problem at once: no plan, and no items under chongqing", () => {
    const e = refusal(() => startTask(unplanned, { preset: "chongqing", on: "2026-03-30", actor: "x" }));
    expect(e.issues.map((i) => i.rule)).toEqual(["task-in-plan", "task-items-required"]);
  });
});

describe("F08 — a general item's ratio cap binds the task and its draw (Chongqing 5.2)", () => {
  const task = { ...TASK, id: "T-GEN", cooperatingDepartmentIds: [], itemIds: ["SCJG-01"], ratio: 0.5 };
  const items = [item("SCJG-01", "general", 0.05), item("SCJG-02", "key")];
  const start = (t: object, preset: "chongqing" | "longting" = "chongqing", its: unknown = items) => startTask(t as typeof TASK, { preset, on: "2026-03-30", actor: "信用监管科", items: its as never });
  it("startTask: the task's ratio above the cap is refused naming the item and the clause; at the cap, accepted", () => {
    const e = refusal(() => start(task));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ rule: "general-item-ratio-cap", path: ["ratio"], clause: expect.stringMatching(/^Chongqing 5\.2/), value: 0.5 });
    expect(e.issues[0]!.messageZh).toMatch(/SCJG-01/);
    expect(start({ ...task, ratio: 0.05 }).task.items?.map((i) => i.id)).toEqual(["SCJG-01"]);
  });
  it("the items are required under chongqing, must cover the task's items and be valid (every row reported); longting does not cap", () => {
    expect(rulesOf(() => startTask(task, { preset: "chongqing", on: "2026-03-30", actor: "x" }))).toContain("task-items-required");
    expect(refusal(() => start({ ...task, ratio: 0.05, itemIds: ["SCJG-01", "SCJG-09"] })).issues[0]).toMatchObject({ rule: "task-item-listed", value: "SCJG-09" });
    const bad = refusal(() => start({ ...task, ratio: 0.05, itemIds: ["SCJG-01", "SCJG-02"] }, "chongqing", [{ ...items[0], maxRatio: 2 }, { ...items[1], category: "urgent" }]));
    expect(bad.issues.map((i) => i.path.slice(0, 2))).toEqual([["items", 0], ["items", 1]]);
    expect(start(task, "longting").task.state).toBe("planned");
  });
  it("recordTargetDraw: a draw above the cap (stated ratio, or a count's quota above ceil(cap × eligible)) is refused; within it, accepted", () => {
    const t = start({ ...task, ratio: 0.05 }).task;
    const pool = unitsOf(40);
    const e = refusal(() => recordTargetDraw(t, drawOf(task.id, pool, { strata: { A: { ratio: 0.5 } } }), { on: ON, actor: "x" }));
    expect(e.issues[0]).toMatchObject({ rule: "general-item-ratio-cap", path: ["record", "policy", "strata", "A", "ratio"], clause: expect.stringMatching(/^Chongqing 5\.2/) });
    expect(refusal(() => recordTargetDraw(t, drawOf(task.id, pool, { strata: { A: { count: 3 } } }), { on: ON, actor: "x" })).issues[0]).toMatchObject({ rule: "general-item-ratio-cap", path: ["record", "policy", "strata", "A", "count"] });
    expect(recordTargetDraw(t, drawOf(task.id, pool, { strata: { A: { count: 2 } } }), { on: ON, actor: "x" }).task.state).toBe("targets-drawn"); // ceil(5% × 40) = 2
    const ok = recordTargetDraw(t, drawOf(task.id, pool, { strata: { A: { ratio: 0.05 } } }), { on: ON, actor: "x" }).task;
    expect(ok.targetIds.length + ok.targetDraws[0]!.record.selectedCount).toBe(2);
  });
  it("the cap survives a reload: a loaded task's draw is checked against the items it was started with", () => {
    const loaded = loadTask(JSON.parse(JSON.stringify(start({ ...task, ratio: 0.05 }).task)));
    expect(rulesOf(() => recordTargetDraw(loaded, drawOf(task.id, unitsOf(40), { strata: { A: { ratio: 0.5 } } }), { on: ON, actor: "x" }))).toEqual(["general-item-ratio-cap"]);
  });
  it("regulator's case-18 (with a plan): SCJG-01 at 50% under chongqing is refused at startTask", () => {
    expect(rulesOf(() => start(task))).toEqual(["general-item-ratio-cap"]);
  });
});

describe("F21 — the yanshi preset's 5%–100% per risk class binds the task and its draw (Yanshi 6)", () => {
  const task = { ...TASK, id: "T-YS", cooperatingDepartmentIds: [], itemIds: ["SCJG-02"], ratio: 0.05 };
  const start = (t: object) => startTask(t as typeof TASK, { preset: "yanshi", on: "2026-03-30", actor: "信用监管科" });
  const pool = unitsOf(200);
  it("startTask: a task at 1% is refused; at 5% accepted", () => {
    expect(refusal(() => start({ ...task, ratio: 0.01 })).issues[0]).toMatchObject({ rule: "target-ratio-bounds", path: ["ratio"], clause: expect.stringMatching(/^Yanshi 6/), value: 0.01 });
    expect(start(task).task.preset).toBe("yanshi");
  });
  it("recordTargetDraw: 2 of 200 (1%) is refused — stated ratio or count; 10 of 200 accepted", () => {
    const { ratio: _r, ...counted } = task;
    const t = start({ ...counted, targetCount: 2 }).task;
    expect(refusal(() => recordTargetDraw(t, drawOf(task.id, pool, { strata: { A: { ratio: 0.01 } } }), { on: ON, actor: "x" })).issues[0]).toMatchObject({ rule: "target-ratio-bounds", path: ["record", "policy", "strata", "A", "ratio"] });
    const e = refusal(() => recordTargetDraw(t, drawOf(task.id, pool, { strata: { A: { count: 2 } } }), { on: ON, actor: "x" }));
    expect(e.issues[0]).toMatchObject({ rule: "target-ratio-bounds", path: ["record", "policy", "strata", "A", "count"], value: 2, clause: expect.stringMatching(/^Yanshi 6/) });
    expect(e.issues[0]!.messageZh).toMatch(/至少10户/);
    expect(recordTargetDraw(t, drawOf(task.id, pool, { strata: { A: { count: 10 } } }), { on: ON, actor: "x" }).task.state).toBe("targets-drawn");
  });
  it("a class with eligible units and no rule is drawn at 0%: refused naming the class; every class reported", () => {
    const { ratio: _r, ...counted } = task;
    const t = start({ ...counted, targetCount: 0 }).task;
    const two = [...unitsOf(100, "A"), ...unitsOf(50, "B", "B"), ...unitsOf(20, "C", "C")];
    const e = refusal(() => recordTargetDraw(t, drawOf(task.id, two, { strata: { A: { ratio: 0.05 } } }), { on: ON, actor: "x" }));
    expect(e.issues.map((i) => i.path.join("."))).toEqual(["record.strata.1.quota", "record.strata.2.quota"]);
    expect(recordTargetDraw(t, drawOf(task.id, two, { strata: { A: { ratio: 0.05 }, B: { ratio: 0.1 }, C: { ratio: 1 } } }), { on: ON, actor: "x" }).task.state).toBe("targets-drawn");
  });
  it("property: a yanshi draw is recorded exactly when every class with units is drawn at 5%–100%; a refusal cites Yanshi 6", () => {
    fc.assert(fc.property(
      fc.array(fc.record({ size: fc.integer({ min: 1, max: 60 }), ratio: fc.integer({ min: 0, max: 100 }) }), { minLength: 1, maxLength: 3 }),
      (classes) => {
        const units = classes.flatMap((c, k) => unitsOf(c.size, "ABC"[k]!, "ABC"[k]!));
        const policy = { strata: Object.fromEntries(classes.map((c, k) => ["ABC"[k]!, { ratio: c.ratio / 100 }])) };
        const { ratio: _r, ...counted } = task;
        const t = start({ ...counted, targetCount: 0 }).task;
        const lawful = classes.every((c) => c.ratio >= 5);
        try {
          recordTargetDraw(t, drawOf(task.id, units, policy), { on: ON, actor: "x" });
          expect(lawful).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(ShuangsuijiError);
          expect(lawful).toBe(false);
          for (const i of (e as ShuangsuijiError).issues) expect(i).toMatchObject({ rule: "target-ratio-bounds", clause: expect.stringMatching(/^Yanshi 6/) });
        }
      },
    ), { numRuns: 60 });
  });
});
