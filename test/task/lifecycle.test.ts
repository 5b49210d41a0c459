import { describe, expect, it } from "vitest";
import {
  ShuangsuijiError, addAssistant, advanceNotice, amendLockedList, commitPool, completeInspection, computeDeadline, correctPublishedResult, createSeed,
  decideRecusalRequest, drawTargets, isPublicationOverdue, lockTargets, publicView, publishResults, recordResult, recordTargetDraw, replaceInspector,
  startInspection, startTask, verifyAuditTrail,
} from "../../src/index.js";
import { ON, POOL, SCJG, TASK, WJW, drawnTask, recordFor, teamsTask } from "./_scenario.js";
import { inspectedOnDay, publishAll } from "./_publish.js";

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof ShuangsuijiError) return { code: e.code, clause: e.clause, rule: e.rule };
    throw e;
  }
  return undefined;
};
const head = { name: "李科长", role: "department-head" as const, on: "2026-04-01", departmentId: "SCJG" };
/** A head's approval after the inspectors were drawn (2026-04-02): a replacement or recusal approved before it is refused (hostile9b F5). */
const drawnHead = { ...head, on: "2026-04-05" };
const principal = { name: "王局长", role: "principal-head" as const, on: "2026-04-01", departmentId: "SCJG" };

describe("state machine: illegal transitions are refused with the rule and clause", () => {
  it("cannot lock before a draw, publish before completion, or record results before inspection", () => {
    const planned = startTask(TASK, { preset: "longting", on: "2026-03-30", actor: "x" }).task;
    expect(code(() => lockTargets(planned, { on: ON, actor: "x" }))).toMatchObject({ code: "illegal-transition", clause: "Longting art. 19" });
    const t = teamsTask();
    expect(code(() => publishResults(t, { publishedOn: "2026-05-01", actor: "x" }))?.code).toBe("illegal-transition");
    expect(code(() => recordResult(t, recordFor(t, t.targetIds[0]!), { on: "2026-04-15", actor: "x" }))?.code).toBe("illegal-transition");
  });
});

describe("draws and the lock (Longting art. 19; Chongqing 6.4)", () => {
  it("a redraw needs a reason and approval, and never overwrites: it is linked to the earlier draw", () => {
    const t = drawnTask();
    const again = drawTargets({ taskId: TASK.id, pool: POOL, commitment: commitPool(POOL), policy: { strata: { A: { ratio: 0.5 } } }, seed: createSeed("63".repeat(16), { kind: "other", description: "t" }) });
    expect(code(() => recordTargetDraw(t, again, { on: ON, actor: "x" }))?.rule).toBe("redraw-needs-reason");
    const r = recordTargetDraw(t, again, { on: ON, actor: "x", redraw: { reason: "名录导入错误，缺少一个街道", approval: principal } }); // Chongqing 6.4: the principal head (a department head is refused since F02)
    expect(r.task.targetDraws).toHaveLength(2);
    expect(r.task.targetDraws[1]?.supersedes).toBe(t.targetDraws[0]?.record.digest);
    expect(r.event.type).toBe("targets-redrawn");
    const locked = lockTargets(r.task, { on: ON, actor: "x" }).task;
    expect(code(() => recordTargetDraw(locked, again, { on: ON, actor: "x", redraw: { reason: "x", approval: head } }))?.code).toBe("illegal-transition");
  });
  it("Longting: a locked list never changes", () => {
    const t = lockTargets(drawnTask("longting"), { on: ON, actor: "x" }).task;
    expect(code(() => amendLockedList(t, { add: [], remove: [t.targetIds[0]!], reason: "r", approval: principal, on: ON, actor: "x" }))).toMatchObject({ code: "locked-list-immutable", clause: "Longting art. 19" });
  });
  it("Chongqing 6.4: only with the principal head's approval, recorded as an amendment", () => {
    const t = lockTargets(drawnTask("chongqing"), { on: ON, actor: "x" }).task;
    const first = t.targetIds[0]!;
    expect(code(() => amendLockedList(t, { add: [], remove: [first], reason: "已注销", approval: head, on: ON, actor: "x" }))).toMatchObject({ rule: "approval-level", clause: "Chongqing 6.4" });
    const r = amendLockedList(t, { add: [], remove: [first], reason: "已注销", approval: principal, on: ON, actor: "x" });
    expect(r.task.targetIds).not.toContain(first);
    expect(r.task.amendments[0]).toMatchObject({ remove: [first], reason: "已注销", approval: principal });
    expect(r.task.locked).toBe(t.locked); // the locked record itself is untouched
  });
});

describe("inspector replacement (Longting art. 19; Chongqing 6.5; Wancheng art. 19)", () => {
  const t = teamsTask("chongqing");
  const team = t.teams[0]!;
  const member = team.members.find((m) => m.departmentId === "SCJG" && m.inspectorId !== team.leaderId)!;
  const free = SCJG.find((i) => i.category !== "expert" && !team.members.some((m) => m.inspectorId === i.id))!;
  const base = { targetId: team.targetIds[0]!, outgoingId: member.inspectorId, substituteId: free.id, reason: "health" as const, approval: drawnHead, chosenBy: "城关所", directory: SCJG, on: "2026-04-08", actor: "x" };
  it("an allowed reason with the head's approval: the chosen substitute takes the place (not re-drawn)", () => {
    const r = replaceInspector(t, base);
    const members = r.task.teams[0]!.members.map((m) => m.inspectorId);
    expect(members).toContain(free.id);
    expect(members).not.toContain(member.inspectorId);
    expect(r.event.payload).toMatchObject({ notRedrawn: true, reason: "health", approvedBy: "李科长" });
  });
  it("refused: no approval, 'other' under Chongqing, a substitute from another department, an expert, a recused one", () => {
    expect(code(() => replaceInspector(t, { ...base, approval: { ...head, name: "" } }))?.rule).toBe("approval-required");
    expect(code(() => replaceInspector(t, { ...base, reason: "other", explanation: "出差" }))?.rule).toBe("replacement-reason");
    expect(code(() => replaceInspector(t, { ...base, substituteId: WJW[4]!.id, directory: [...SCJG, ...WJW] }))?.rule).toBe("replacement-substitute-department");
    expect(code(() => replaceInspector(t, { ...base, substituteId: "SCJG-X" }))?.rule).toBe("replacement-substitute-qualified");
    expect(code(() => replaceInspector(t, { ...base, recusedIds: [free.id] }))?.rule).toBe("replacement-substitute-recused");
  });
  it("Wancheng art. 19: other special circumstances are allowed, with an explanation", () => {
    const w = teamsTask("wancheng");
    const wt = w.teams[0]!;
    const out = wt.members.find((m) => m.departmentId === "WJW")!;
    const sub = WJW.find((i) => !wt.members.some((m) => m.inspectorId === i.id))!;
    const input = { targetId: wt.targetIds[0]!, outgoingId: out.inspectorId, substituteId: sub.id, reason: "other" as const, approval: { ...drawnHead, departmentId: "WJW" }, chosenBy: "卫健委", directory: WJW, on: "2026-04-08", actor: "x" };
    expect(code(() => replaceInspector(w, input))?.rule).toBe("replacement-explanation");
    expect(replaceInspector(w, { ...input, explanation: "参加省级专项督查" }).task.replacements).toHaveLength(1);
  });
  it("replacing the leader requires a new leader from the initiating department", () => {
    const leaderOut = { ...base, outgoingId: team.leaderId };
    expect(code(() => replaceInspector(t, leaderOut))?.rule).toBe("team-leader-initiating");
    const wjwMember = team.members.find((m) => m.departmentId === "WJW")!.inspectorId;
    expect(code(() => replaceInspector(t, { ...leaderOut, newLeaderId: wjwMember }))?.rule).toBe("team-leader-initiating");
    expect(replaceInspector(t, { ...leaderOut, newLeaderId: free.id }).task.teams[0]!.leaderId).toBe(free.id);
  });
  it("a recusal requested by the target is decided by the head (行政处罚法 art. 43)", () => {
    const base2 = { targetId: team.targetIds[0]!, inspectorId: member.inspectorId, grounds: "亲属关系", decision: drawnHead, on: "2026-04-09", actor: "法制科" };
    expect(code(() => decideRecusalRequest(t, { ...base2, granted: false }))?.rule).toBe("recusal-refusal-reason");
    expect(decideRecusalRequest(t, { ...base2, granted: false, refusalReason: "无利害关系" }).event.type).toBe("recusal-refused");
    const granted = decideRecusalRequest(t, { ...base2, granted: true, substitute: { substituteId: free.id, chosenBy: "法制科", directory: SCJG } });
    expect(granted.task.audit.map((e) => e.type).slice(-2)).toEqual(["recusal-granted", "inspector-replaced"]);
    expect(granted.task.replacements[0]?.reason).toBe("recusal");
  });
  it("experts may join but never count (Longting art. 20)", () => {
    const r = addAssistant(t, { targetId: team.targetIds[0]!, assistant: { name: "赵工", organisation: "市特检院", kind: "testing-institution" }, on: "2026-04-09", actor: "组长" });
    expect(r.task.teams[0]!.assistants).toHaveLength(1);
    expect(r.task.teams[0]!.members).toEqual(team.members);
    expect(r.event.payload.countsTowardMinimum).toBe(false);
  });
});

describe("advance notice (Chongqing 6.5; Longting art. 21)", () => {
  it.each([
    [{ field: "食品经营", name: "食品经营者检查", objectType: "食品经营者", noAdvanceNotice: true }, "chongqing", undefined, "exempt"],
    [{ field: "公共场所卫生", name: "餐饮具消毒检查", objectType: "餐饮服务单位", noAdvanceNotice: true }, "chongqing", undefined, "exempt"],
    [{ field: "农产品", name: "市场开办者检查", objectType: "食用农产品集中交易市场", noAdvanceNotice: true }, "chongqing", undefined, "exempt"],
    // F20: Wolong 2.3 (能提前告知…的，应提前告知) has no exemption, so an item flag exempts nothing there
    [{ field: "安全生产", name: "工贸企业检查", objectType: "工贸企业", noAdvanceNotice: true }, "wolong", undefined, "required"],
    // F10: keywords never decide; an unflagged food item under chongqing is not told "required" either — the item list must say
    [{ field: "食品经营", name: "食品经营者检查", objectType: "食品经营者" }, "chongqing", undefined, "undetermined"],
    [{ field: "食品经营", name: "食品经营者检查", objectType: "食品经营者", noAdvanceNotice: false }, "chongqing", undefined, "required"],
    [{ field: "食品经营", name: "食品经营者检查", objectType: "食品经营者", advanceNoticeCategory: "food-production-and-sale" }, "chongqing", undefined, "exempt"],
    [{ field: "价格", name: "明码标价检查", objectType: "经营者" }, "wolong", undefined, "required"],
    [{ field: "价格", name: "明码标价检查", objectType: "经营者" }, "chongqing", undefined, "required"],
    [{ field: "价格", name: "明码标价检查", objectType: "经营者" }, "longting", true, "exempt"],
    [{ field: "价格", name: "明码标价检查", objectType: "经营者" }, "wancheng", undefined, "optional"],
  ] as const)("%o under %s (surprise on lead: %s) → %s", (item, preset, surprise, expected) => {
    expect(advanceNotice(item, { preset, ...(surprise === undefined ? {} : { surpriseOnLead: surprise, lead: "12315投诉线索" }) }).notice).toBe(expected);
  });
});

describe("results, publication and correction (Wolong 3; Wancheng art. 20–21; Chongqing 6.6; Longting art. 21–22)", () => {
  const t0 = startInspection(teamsTask("chongqing"), { on: "2026-04-10", actor: "组" }).task;
  const [a, b, c] = t0.targetIds as [string, string, string];
  it("records need the team's members, two per department; direct results need the matching outcome", () => {
    const rec = recordFor(t0, a);
    const one = { ...rec, inspectors: rec.inspectors.filter((i) => !i.inspectorId.startsWith("WJW")).concat(rec.inspectors.filter((i) => i.inspectorId.startsWith("WJW")).slice(0, 1)) };
    expect(code(() => recordResult(t0, one, { on: "2026-04-15", actor: "x" }))).toMatchObject({ rule: "two-inspectors", clause: "Longting art. 21; 行政处罚法 art. 42" });
    const outsider = { ...rec, inspectors: [...rec.inspectors, { inspectorId: "SCJG-9", name: "局外人", unit: "x" }] };
    expect(code(() => recordResult(t0, outsider, { on: "2026-04-15", actor: "x" }))?.rule).toBe("team-member");
    const direct = { ...rec, targetConfirmation: { kind: "direct-result" as const, reason: "unreachable" as const, evidence: ["现场照片"] } };
    expect(code(() => recordResult(t0, direct, { on: "2026-04-15", actor: "x" }))).toMatchObject({ rule: "direct-result", clause: "Wancheng art. 20" });
    const ok = recordFor(t0, a, ["unreachable-at-registered-address"]);
    const r = recordResult(t0, { ...ok, targetConfirmation: direct.targetConfirmation }, { on: "2026-04-15", actor: "x", penaltyDecidedOn: "2026-04-30" });
    expect(r.event.payload.consequences).toEqual([{ outcome: "unreachable-at-registered-address", kind: "abnormal-list", basis: expect.stringMatching(/art\. 4\(4\)/) }]);
    // G11: the 7-working-day 归集 deadline is Longting art. 22's; Chongqing sets none
    expect(r.event.payload.penaltyInfoDeadline).toBeUndefined();
  });
  it("completion needs every target's record; the deadline is 20 working days on the calendar; publication after it is late", () => {
    let t = recordResult(t0, recordFor(t0, a), { on: "2026-04-15", actor: "x" }).task;
    expect(code(() => completeInspection(t, { completedOn: "2026-09-30", actor: "x" }))?.rule).toBe("records-complete");
    t = recordResult(t, recordFor(t, b), { on: "2026-04-16", actor: "x" }).task;
    // inspected and entered on 2026-09-30, the last day of the window: the inspection ends then (Wolong 3.2)
    t = recordResult(t, inspectedOnDay(recordFor(t, c, ["information-not-published"]), "2026-09-30"), { on: "2026-09-30", actor: "x" }).task;
    t = completeInspection(t, { completedOn: "2026-09-30", actor: "x" }).task;
    expect(t.publicationDeadline?.date).toBe("2026-11-03");
    expect(isPublicationOverdue(t, "2026-11-03")).toBe(false);
    expect(isPublicationOverdue(t, "2026-11-04")).toBe(true);
    const late = publishAll(t, { publishedOn: "2026-11-05", actor: "x" });
    expect(late.event.payload.late).toBe(true);
    const p = publishAll(t, { publishedOn: "2026-10-20", actor: "x" }).task;
    // immutable once published: no more results, corrections only with the principal head's approval (Chongqing 6.6)
    expect(code(() => recordResult(p, recordFor(p, a, ["compliant"], "R-new"), { on: "2026-10-21", actor: "x" }))?.code).toBe("illegal-transition");
    const fixed = recordFor(p, c, ["no-problem-found"], `R-${c}`);
    expect(code(() => correctPublishedResult(p, { record: fixed, reason: "异议属实", approval: head, on: "2026-11-12", actor: "x" }))?.rule).toBe("approval-level");
    const corrected = correctPublishedResult(p, { record: fixed, reason: "异议属实：已按时公示", approval: { ...principal, on: "2026-11-20" }, objectionConfirmedOn: "2026-11-10", on: "2026-11-20", actor: "x" });
    expect(corrected.task.state).toBe("corrected");
    expect(corrected.task.corrections[0]).toMatchObject({ late: true, deadline: { date: "2026-11-17" } }); // 5 working days after 11-10
    expect(corrected.task.corrections[0]?.previous.departments[0]?.items[0]?.outcomes).toEqual(["information-not-published"]);
    expect(verifyAuditTrail(corrected.task.audit).ok).toBe(true);
    // the public view never shows personal data
    const view = JSON.stringify(publicView(corrected.task));
    expect(view).not.toMatch(/13912345678|13800001111|11010519491231002X/);
    expect(view).toMatch(/139\*\*\*\*5678|110105\*\*\*\*\*\*\*\*002X/);
    expect(view).not.toMatch(/人员\d/); // no inspector names
  });
  it("before the inspection the drawn lists are sealed (Yanshi 8.3)", () => {
    const v = publicView(teamsTask());
    expect(v.sealed).toBe(true);
    expect(JSON.stringify(v)).not.toMatch(/91350100M000100Y43|SCJG-\d/);
  });
});
