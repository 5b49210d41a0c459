// The task-workflow findings of the regulator adversary hostile7a (F16, F4/F8, F15, F5, F7, F11, F13): each refusal
// beside the lawful act it is told apart from.
import { describe, expect, it } from "vitest";
import {
  CN_CALENDAR, LIFECYCLE_PRESETS, addCalendarYears, advanceNotice, correctPublishedResult, recordIdentityShown, addWorkingDays, commitPool, completeInspection, createSeed, decideRecusalRequest, drawInspectors, drawTargets, isPublicationOverdue, loadTask, lockTargets,
  overduePenaltyInfo, publishResults, replayTask, verifyTask, recordAdvanceNotice, recordInspectorDraw, recordPenaltyInfoCollected, recordResult, recordTargetDraw, replaceInspector, startInspection, startTask,
  type LifecyclePresetId, type TaskLifecycle,
} from "../../src/index.js";
import { ITEMS, ON, POOL, TASK, WJW, drawnTask, recordFor, refusal, stage2Input, teamsTask } from "./_scenario.js";
import { inspectedOnDay, publishAll } from "./_publish.js";

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

// ---------------------------------------------------------------------------------------------------------------------
// A December-2026 task: its deadlines reach 2027, a year the bundled calendar does not cover (2010–2026).

const ASSUME = { outsideCoverage: "assume-weekdays" as const };
/**
 * A plausible 2027 (a test fixture, not the State Council's notice): 元旦 2027-01-01 off — a statutory day under
 * 全国年节及纪念日放假办法 art. 2 whatever the notice adds — and the other statutory days with four make-up days (13 net).
 */
const range = (from: string, n: number, name: string) => Array.from({ length: n }, (_, i) => ({ date: `${from.slice(0, 8)}${String(Number(from.slice(8)) + i).padStart(2, "0")}`, name }));
const YEAR27 = {
  year: 2027,
  holidays: [...range("2027-01-01", 3, "元旦"), ...range("2027-02-05", 7, "春节"), { date: "2027-04-05", name: "清明节" }, ...range("2027-05-01", 5, "劳动节"), { date: "2027-06-09", name: "端午节" }, { date: "2027-09-15", name: "中秋节" }, ...range("2027-10-01", 7, "国庆节")],
  workdays: [{ date: "2027-02-20", name: "春节" }, { date: "2027-04-25", name: "劳动节" }, { date: "2027-05-08", name: "劳动节" }, { date: "2027-10-09", name: "国庆节" }],
};
const CAL27 = addCalendarYears(CN_CALENDAR, [YEAR27]);

/** Inspected up to `day` (the first target last, with a penalty decided on `penaltyOn` when given), longting. */
function december(day = "2026-12-10", penaltyOn?: string, calendar: object = { calendar: ASSUME }): TaskLifecycle {
  const task = { ...TASK, id: "T-DEC", window: { start: "2026-11-02", end: "2026-12-31" } };
  let t = startTask(task, { preset: "longting", items: ITEMS, on: "2026-10-30", actor: "信用监管科" }).task;
  const record = drawTargets({ taskId: task.id, pool: POOL, commitment: commitPool(POOL), policy: { strata: { A: { ratio: 0.5 } } }, seed: createSeed("61".repeat(16), { kind: "other", description: "t" }) });
  t = recordTargetDraw(t, record, { on: "2026-11-02", actor: "x" }).task;
  t = lockTargets(t, { on: "2026-11-02", actor: "x" }).task;
  const drawInput = stage2Input();
  const r = drawInspectors({ locked: t.locked!, ...drawInput });
  if (!r.ok) throw new Error(r.messageEn);
  t = recordInspectorDraw(t, r.record, { on: "2026-11-03", actor: "x", drawInput }).task;
  t = startInspection(t, { on: "2026-12-01", actor: "组" }).task;
  for (const id of t.targetIds) t = recordAdvanceNotice(t, { targetId: id, given: { on: "2026-12-01", means: "电话告知" }, on: "2026-12-01", actor: "组" }).task;
  const first = t.targetIds[0]!;
  for (const id of [...t.targetIds.slice(1), first]) {
    const form = inspectedOnDay(recordFor(t, id, id === first && penaltyOn !== undefined ? ["violates-food-drug-rules"] : ["no-problem-found"]), day);
    t = recordResult(t, form, { on: id === first && penaltyOn !== undefined ? penaltyOn : day, actor: "组", ...(id === first && penaltyOn !== undefined ? { penaltyDecidedOn: penaltyOn, ...calendar } : {}) }).task;
  }
  return t;
}

describe("F4 — a provisional publication deadline (assume-weekdays) never yields late: true (Longting art. 22; Wolong 3.2; Chongqing 6.6)", () => {
  const completed = () => completeInspection(december(), { completedOn: "2026-12-10", actor: "局", calendar: ASSUME }).task;
  const real = addWorkingDays("2026-12-10", 20, { calendar: CAL27 }); // 2027-01-08: 元旦 off
  it("the deadline on assumed weekdays skips 元旦 2027, a statutory day (hostile9b F1): provisional", () => {
    const t = completed();
    expect(t.publicationDeadline).toMatchObject({ date: "2027-01-08", provisional: true });
    expect(real).toBe("2027-01-08");
  });
  it("a publication given the 2027 calendar is judged on it, on time, and the deadline becomes final", () => {
    const t = completed();
    const p = publishResults(t, { publishedOn: real, actor: "局", departmentId: "SCJG", calendar: { calendar: CAL27 } });
    expect(p.event.payload).toMatchObject({ deadline: "2027-01-08", late: false, deadlineSettled: { provisionalDeadline: "2027-01-08", provisional: false, calendar: { official: true } } });
    expect(p.task.publicationDeadline).toMatchObject({ date: "2027-01-08", provisional: false });
    // the next department publishes against the final deadline, without a calendar
    const q = publishResults(p.task, { publishedOn: real, actor: "卫健委", departmentId: "WJW" });
    expect(q.event.payload.late).toBe(false);
    expect(isPublicationOverdue(q.task, "2027-02-01")).toBe(false);
    // a day later is late on the real calendar
    expect(publishResults(t, { publishedOn: "2027-01-11", actor: "局", departmentId: "SCJG", calendar: { calendar: CAL27 } }).event.payload.late).toBe(true);
  });
  it("without a calendar covering 2027 the lateness is undecided (null), not asserted; a publication in 2026 is on time", () => {
    const t = completed();
    const p = publishResults(t, { publishedOn: real, actor: "局", departmentId: "SCJG" });
    expect(p.event.payload.late).toBeNull();
    expect(p.task.departmentPublications!.SCJG!.late).toBeNull();
    expect(p.task.publicationDeadline).toMatchObject({ provisional: true });
    const all = publishResults(p.task, { publishedOn: real, actor: "卫健委", departmentId: "WJW" }).task;
    // isPublicationOverdue answers from the calendar it is given
    expect(isPublicationOverdue(all, real, { calendar: CAL27 })).toBe(false);
    expect(isPublicationOverdue(all, "2027-01-12", { calendar: CAL27 })).toBe(false);
    expect(refusal(() => isPublicationOverdue(all, real)).code).toBe("calendar-year-not-covered");
    // before the year begins nothing can be overdue yet
    expect(isPublicationOverdue(t, "2026-12-31")).toBe(false);
    expect(publishResults(t, { publishedOn: "2026-12-30", actor: "局", departmentId: "SCJG" }).event.payload.late).toBe(false);
    // the stored task keeps the undecided value
    expect(loadTask(JSON.parse(JSON.stringify(all))).departmentPublications!.SCJG!.late).toBeNull();
  });
  it("the settled publication replays identically (the calendar by its digest)", () => {
    const t = completed();
    const p = publishResults(t, { publishedOn: real, actor: "局", departmentId: "SCJG", calendar: { calendar: CAL27 } });
    const q = publishResults(p.task, { publishedOn: real, actor: "卫健委", departmentId: "WJW" });
    const stored = JSON.parse(JSON.stringify(q.task));
    expect(verifyTask(stored, { calendars: [CAL27] })).toMatchObject({ ok: true });
    const replayed = replayTask(stored.audit, { calendars: [CAL27] });
    expect(replayed.publicationDeadline).toEqual(q.task.publicationDeadline);
    expect(replayed.audit.at(-1)!.digest).toBe(q.event.digest);
  });
  it("settling on a calendar that differs from the official one needs the opt-out (official-calendar)", () => {
    const t = completed();
    const odd = addCalendarYears(CN_CALENDAR, [{ year: 2027, holidays: [{ date: "2027-01-01", name: "元旦" }, { date: "2027-01-04", name: "x" }], workdays: [] }]);
    expect(refusal(() => publishResults(t, { publishedOn: real, actor: "局", departmentId: "SCJG", calendar: { calendar: odd } })).issues[0]!.rule).toBe("official-calendar");
    expect(publishResults(t, { publishedOn: real, actor: "局", departmentId: "SCJG", calendar: { calendar: odd }, nonOfficialCalendar: { reason: "test" } }).event.payload.late).toBe(false);
  });
});

describe("F8 — the 7-working-day 归集 on a provisional deadline is never asserted late (Longting art. 22)", () => {
  it("a collection on the 7th real working day is not late; overduePenaltyInfo settles it on the calendar given", () => {
    const t = december("2026-12-10", "2026-12-24");
    const rec = t.records.find((r) => r.departments.some((d) => d.items.some((i) => i.outcomes.includes("violates-food-drug-rules"))))!;
    expect(t.audit.at(-1)!.payload).toMatchObject({ penaltyInfoDeadline: "2027-01-05", penaltyInfoProvisional: true });
    const real = addWorkingDays("2026-12-24", 7, { calendar: CAL27 });
    expect(real).toBe("2027-01-05");
    const input = { recordId: rec.id, departmentId: "SCJG", decidedOn: "2026-12-24", actor: "SCJG" };
    const p = recordPenaltyInfoCollected(t, { ...input, on: real, calendar: ASSUME });
    expect(p.event.payload).toMatchObject({ late: null, provisional: true });
    expect(overduePenaltyInfo(p.task, real)).toEqual([expect.objectContaining({ status: "undecided", deadline: "2027-01-05" })]);
    expect(overduePenaltyInfo(p.task, real, { calendar: CAL27 })).toEqual([]);
    // on the 2027 calendar, the collection is judged at once
    expect(recordPenaltyInfoCollected(t, { ...input, on: real, calendar: { calendar: CAL27 } }).event.payload).toMatchObject({ late: false, deadline: "2027-01-05", provisional: false });
    expect(recordPenaltyInfoCollected(t, { ...input, on: "2027-01-06", calendar: { calendar: CAL27 } }).event.payload.late).toBe(true);
    // a collection still in 2026 is on time whatever 2027 holds
    expect(recordPenaltyInfoCollected(t, { ...input, on: "2026-12-31" }).event.payload.late).toBe(false);
    // not collected: overdue on the real calendar only after 2027-01-05, undecided without it
    expect(overduePenaltyInfo(t, "2027-01-05", { calendar: CAL27 })).toEqual([]);
    expect(overduePenaltyInfo(t, "2027-01-06", { calendar: CAL27 })).toEqual([expect.objectContaining({ status: "not-collected", deadline: "2027-01-05" })]);
    expect(overduePenaltyInfo(t, "2027-01-06")).toEqual([expect.objectContaining({ status: "undecided" })]);
    expect(overduePenaltyInfo(t, "2026-12-31")).toEqual([]);
  });
  it("recording the result is never refused for a deadline in an uncovered year; a made-up calendar needs the opt-out", () => {
    const t = december("2026-12-10", "2026-12-24", {});
    expect(t.audit.at(-1)!.payload).toMatchObject({ penaltyInfoDeadline: "2027-01-05", penaltyInfoProvisional: true });
    expect(december("2026-12-10", "2026-12-24", { calendar: { calendar: CAL27 } }).audit.at(-1)!.payload).toMatchObject({ penaltyInfoDeadline: "2027-01-05" });
    expect(december("2026-12-10", "2026-12-24", { calendar: { calendar: CAL27 } }).audit.at(-1)!.payload).not.toHaveProperty("penaltyInfoProvisional");
    const fake = addCalendarYears(CN_CALENDAR, [{ year: 2027, holidays: range("2027-01-01", 14, "元旦"), workdays: [] }]);
    expect(refusal(() => december("2026-12-10", "2026-12-24", { calendar: { calendar: fake } })).issues[0]!.rule).toBe("official-calendar");
  });
});

describe("F15 — inspectors assigned, not drawn, only under longting (Longting art. 19; Chongqing 6.5; Wancheng art. 19; Yanshi 7.3; Wolong 2.2)", () => {
  const clauses: Record<LifecyclePresetId, RegExp> = { longting: /^Longting art\. 19/, chongqing: /^Chongqing 6\.5/, wancheng: /^Wancheng art\. 19/, yanshi: /^Yanshi 7\.3/, wolong: /^Wolong 2\.2/ };
  for (const preset of ["chongqing", "wancheng", "yanshi", "wolong", "longting"] as LifecyclePresetId[]) {
    it(`${preset}: a department whose directory only fills the team`, () => {
      const t = lockTargets(drawnTask(preset), { on: ON, actor: "x" }).task;
      // the WJW directory holds exactly the team's two inspectors: they are assigned, not drawn
      const small = { ...stage2Input(), departments: [stage2Input().departments[0]!, { departmentId: "WJW", inspectors: WJW.slice(0, 2) }] };
      const r = drawInspectors({ locked: t.locked!, ...small });
      if (!r.ok) throw new Error(r.messageEn);
      expect(r.record.randomSide).toBe("targets-only");
      expect(LIFECYCLE_PRESETS[preset].inspectorDrawFallback.clause).toMatch(clauses[preset]);
      if (preset === "longting") {
        expect(recordInspectorDraw(t, r.record, { on: "2026-04-02", actor: "x", drawInput: small }).event.payload.randomSide).toBe("targets-only");
      } else {
        const e = refusal(() => recordInspectorDraw(t, r.record, { on: "2026-04-02", actor: "x", drawInput: small }));
        expect(e.code).toBe("invalid-input");
        expect(e.issues[0]).toMatchObject({ rule: "inspectors-drawn-at-random", clause: expect.stringMatching(clauses[preset]), path: ["record", "randomSide"] });
        expect(e.issues[0]!.messageZh).toMatch(/WJW.*扩大抽取范围/);
        expect(e.issues[0]!.messageEn).toMatch(/widen the scope/);
        // the full directory is drawn at random: recorded
        const full = drawInspectors({ locked: t.locked!, ...stage2Input() });
        if (!full.ok) throw new Error(full.messageEn);
        expect(recordInspectorDraw(t, full.record, { on: "2026-04-02", actor: "x", drawInput: stage2Input() }).event.payload.randomSide).toBe("both");
      }
    });
  }
});

describe("F5 — a year added to the calendar moves a legal deadline only when it holds the statutory days (全国年节及纪念日放假办法 art. 2), else with the opt-out", () => {
  const t = () => december();
  it("a made-up 2027 (1–14 January off) is refused without nonOfficialCalendar, naming what is wrong; recorded with it", () => {
    const fake = addCalendarYears(CN_CALENDAR, [{ year: 2027, holidays: range("2027-01-01", 14, "元旦"), workdays: [] }]);
    const e = refusal(() => completeInspection(t(), { completedOn: "2026-12-10", actor: "局", calendar: { calendar: fake } }));
    expect(e.code).toBe("invalid-input");
    expect(e.issues[0]).toMatchObject({ rule: "official-calendar", path: ["calendar", "calendar"], clause: expect.stringContaining("全国年节及纪念日放假办法") });
    expect(e.issues[0]!.messageZh).toMatch(/2027年缺少法定节假日2027-05-01/);
    expect(e.issues[0]!.messageEn).toMatch(/lacks the statutory days/);
    const c = completeInspection(t(), { completedOn: "2026-12-10", actor: "局", calendar: { calendar: fake }, nonOfficialCalendar: { reason: "本地测试" } });
    expect(c.event.payload.calendar).toMatchObject({ official: false, nonOfficialReason: "本地测试" });
  });
  it("too many weekdays off for the statutory days is refused too; a plausible 2027 is accepted as official", () => {
    const extra = addCalendarYears(CN_CALENDAR, [{ ...YEAR27, holidays: [...YEAR27.holidays, ...range("2027-01-04", 5, "x")] }]);
    expect(refusal(() => completeInspection(t(), { completedOn: "2026-12-10", actor: "局", calendar: { calendar: extra } })).issues[0]!.messageEn).toMatch(/18 weekdays off net/);
    const c = completeInspection(t(), { completedOn: "2026-12-10", actor: "局", calendar: { calendar: CAL27 } });
    expect(c.task.publicationDeadline).toMatchObject({ date: "2027-01-08", provisional: false });
    expect(c.event.payload.calendar).toMatchObject({ official: true });
  });
});

/** An inspecting task of the scenario, with identity shown under wolong. */
function inspecting(preset: LifecyclePresetId): TaskLifecycle {
  let t = startInspection(teamsTask(preset), { on: "2026-04-10", actor: "组" }).task;
  if (preset === "wolong") for (const id of t.targetIds) t = recordIdentityShown(t, { targetId: id, inspectorIds: t.teams.find((x) => x.targetIds.includes(id))!.members.map((m) => m.inspectorId), on: "2026-04-15", actor: "组长" }).task;
  return t;
}

describe("F7 — the record form's target fields the preset's form prints (Wolong Annex B; Chongqing F.1)", () => {
  const bare = (t: TaskLifecycle, id: string, code = "91350100M000100Y43") => ({ ...recordFor(t, id, ["unreachable-at-registered-address"]), target: { targetId: id, name: "某公司", code }, targetConfirmation: { kind: "direct-result" as const, reason: "unreachable" as const, evidence: ["住所现场照片"] } });
  it("wolong: a market entity's form without 法定代表人, 电话, 地址 is refused naming each field; complete, recorded", () => {
    const t = inspecting("wolong");
    const id = t.targetIds.find((x) => x.startsWith("9"))!;
    const e = refusal(() => recordResult(t, bare(t, id, id), { on: "2026-04-15", actor: "组" }));
    expect(e.code).toBe("record-form-refused");
    expect(e.issues.map((i) => i.path.join("."))).toEqual(["target.legalRepresentative", "target.phone", "target.address"]);
    expect(e.issues[0]).toMatchObject({ rule: "record-target-field", clause: expect.stringMatching(/^Wolong Annex B/) });
    expect(e.issues[2]!.messageZh).toMatch(/地址/);
    expect(recordResult(t, recordFor(t, id, ["unreachable-at-registered-address"]), { on: "2026-04-15", actor: "组" }).task.records).toHaveLength(1);
  });
  it("wolong: a non-market entity (说明(3)) may leave the fields out; a form without a code is refused", () => {
    const t = inspecting("wolong");
    const id = t.targetIds[0]!;
    expect(recordResult(t, bare(t, id, "11010519491231002X"), { on: "2026-04-15", actor: "组" }).task.records).toHaveLength(1);
    const { code: _c, ...noCode } = bare(t, id).target;
    expect(refusal(() => recordResult(t, { ...bare(t, id), target: noCode }, { on: "2026-04-15", actor: "组" })).issues.map((i) => i.path.join("."))).toContain("target.code");
  });
  it("chongqing: 所属区县, 法定代表人, 检查地址, 联系电话 and the code or 证件（照）号码; a published correction is checked too", () => {
    const t = inspecting("chongqing");
    const id = t.targetIds[0]!;
    const e = refusal(() => recordResult(t, bare(t, id), { on: "2026-04-15", actor: "组" }));
    expect(e.issues.map((i) => i.path.join("."))).toEqual(["target.county", "target.legalRepresentative", "target.address", "target.phone"]);
    expect(e.issues[0]!.clause).toMatch(/^Chongqing F\.1/);
    const { code: _c, idNumber: _i, ...neither } = recordFor(t, id).target;
    expect(refusal(() => recordResult(t, { ...recordFor(t, id), target: neither }, { on: "2026-04-15", actor: "组" })).issues[0]).toMatchObject({ path: ["target", "code"], rule: "record-target-field" });
    let r = t;
    for (const x of r.targetIds) r = recordResult(r, recordFor(r, x, ["further-rectification-required"]), { on: "2026-04-15", actor: "组" }).task;
    const p = publishAll(completeInspection(r, { completedOn: "2026-04-16", actor: "局" }).task, { publishedOn: "2026-04-20", actor: "局" }).task;
    const rec = p.records.find((x) => x.target.targetId === id)!;
    const { address: _a, ...noAddress } = rec.target;
    const fixed = { ...rec, target: noAddress, departments: rec.departments.map((d) => (d.departmentId === "SCJG" ? { ...d, items: [{ itemName: "食品经营者检查", outcomes: ["no-problem-found" as const] }] } : d)) };
    expect(refusal(() => correctPublishedResult(p, { record: fixed, reason: "异议属实", approval: { name: "王局长", role: "principal-head", on: "2026-04-25", departmentId: "SCJG" }, on: "2026-04-25", actor: "局" })).issues[0]).toMatchObject({ path: ["record", "target", "address"], rule: "record-target-field" });
  });
  it("longting, wancheng, yanshi: their documents print no form, the schema's optional fields stay optional", () => {
    for (const preset of ["longting", "wancheng", "yanshi"] as LifecyclePresetId[]) {
      const t = inspecting(preset);
      const id = t.targetIds[0]!;
      expect(LIFECYCLE_PRESETS[preset]).not.toHaveProperty("recordTargetFields");
      const form = { ...recordFor(t, id, preset === "wancheng" ? ["no-problem-found"] : ["no-problem-found"]), target: { targetId: id, name: "某公司" } };
      expect(recordResult(t, form, { on: "2026-04-15", actor: "组" }).task.records).toHaveLength(1);
    }
  });
});

describe("F11 — each preset cites its own document (team, locked list, record dates, advance notice)", () => {
  const own: Record<LifecyclePresetId, RegExp> = { longting: /^Longting art\. 20/, chongqing: /^Chongqing 6\.5/, wancheng: /^Wancheng art\. 20/, wolong: /^Wolong 2\.3/, yanshi: /^Yanshi 7\.3/ };
  for (const preset of ["longting", "chongqing", "wancheng", "wolong", "yanshi"] as LifecyclePresetId[]) {
    it(`${preset}: an outsider on the form, a target off the list, a signature dated after the recording`, () => {
      const t = inspecting(preset);
      const id = t.targetIds[0]!;
      const rec = recordFor(t, id);
      const outsider = { ...rec, inspectors: [...rec.inspectors, { inspectorId: "SCJG-7", name: "SCJG人员7", unit: "SCJG", certificateNumber: "执法证SCJG-7" }], inspectorSignatures: [...rec.inspectorSignatures, { inspectorId: "SCJG-7", signedOn: "2026-04-15" }] };
      const team = t.teams.find((x) => x.targetIds.includes(id))!;
      if (team.members.some((m) => m.inspectorId === "SCJG-7")) return;
      expect(refusal(() => recordResult(t, outsider, { on: "2026-04-15", actor: "组" })).issues.find((i) => i.rule === "team-member")!.clause).toMatch(own[preset]);
      const off = { ...recordFor(t, id), target: { ...recordFor(t, id).target, targetId: "91440300MA5XXXXXX0" } };
      expect(refusal(() => recordResult(t, off, { on: "2026-04-15", actor: "组" })).issues[0]).toMatchObject({ rule: "locked-list", clause: LIFECYCLE_PRESETS[preset].lockedListChange.clause });
      const late = { ...rec, inspectorSignatures: rec.inspectorSignatures.map((x) => ({ ...x, signedOn: "2026-04-16" })) };
      expect(refusal(() => recordResult(t, late, { on: "2026-04-15", actor: "组" })).issues[0]).toMatchObject({ rule: "record-dates", clause: LIFECYCLE_PRESETS[preset].signatures.clause });
    });
  }
  it("the leader replaced without a new one: the preset's team clause", () => {
    const t = teamsTask("longting");
    const team = t.teams[0]!;
    const sub = [...stage2Input().departments[0]!.inspectors].find((i) => i.category !== "expert" && !team.members.some((m) => m.inspectorId === i.id))!;
    const e = refusal(() => replaceInspector(t, { targetId: team.targetIds[0]!, outgoingId: team.leaderId, substituteId: sub.id, reason: "health", approval: { name: "李科长", role: "department-head", on: DAY, departmentId: "SCJG" }, chosenBy: "城关所", directory: stage2Input().departments[0]!.inspectors, on: DAY, actor: "x" }));
    expect(e.issues[0]).toMatchObject({ rule: "team-leader-initiating", clause: expect.stringMatching(/^Longting art\. 20/) });
  });
  it("advanceNotice gives each document's own words (Wolong 2.3 能提前告知…的; Yanshi: no rule; Wancheng art. 20 如有必要)", () => {
    const item = { field: "价格", name: "明码标价检查", objectType: "经营者" };
    expect(advanceNotice(item, { preset: "wolong" }).reasonZh).toMatch(/能提前告知检查对象检查内容的/);
    expect(advanceNotice(item, { preset: "yanshi" }).reasonZh).toMatch(/本计划未规定提前告知/);
    expect(advanceNotice(item, { preset: "yanshi" }).reasonZh).not.toMatch(/如有必要/);
    expect(advanceNotice(item, { preset: "wancheng" }).reasonZh).toMatch(/如有必要/);
    expect(advanceNotice(item, { preset: "longting" }).reasonZh).toMatch(/书面或电话、传真/);
  });
});

describe("F13 — the 川渝 5-working-day correction deadline only where the preset adopts it (objectionCorrection)", () => {
  const correctedLate = (preset: LifecyclePresetId) => {
    let t = inspecting(preset);
    for (const x of t.targetIds) t = recordResult(t, recordFor(t, x, [preset === "wancheng" || preset === "wolong" ? "pending-follow-up" : preset === "chongqing" ? "further-rectification-required" : "violates-food-drug-rules"]), { on: "2026-04-15", actor: "组" }).task;
    const p = publishAll(completeInspection(t, { completedOn: "2026-04-16", actor: "局" }).task, { publishedOn: "2026-04-20", actor: "局" }).task;
    const rec = p.records[0]!;
    const fixed = { ...rec, departments: rec.departments.map((d) => (d.departmentId === "SCJG" ? { ...d, items: [{ itemName: "食品经营者检查", outcomes: ["no-problem-found" as const] }] } : d)) };
    return correctPublishedResult(p, { record: fixed, reason: "异议核实", objectionConfirmedOn: "2026-04-21", approval: { name: "王局长", role: LIFECYCLE_PRESETS[preset].correction.approver, on: "2026-05-10", departmentId: "SCJG" }, on: "2026-05-10", actor: "局" });
  };
  for (const preset of ["longting", "wancheng", "wolong", "yanshi"] as LifecyclePresetId[]) {
    it(`${preset}: no deadline, never late`, () => {
      const r = correctedLate(preset);
      expect(r.event.payload.late).toBe(false);
      expect(r.event.payload).not.toHaveProperty("deadline");
      expect(r.task.corrections.at(-1)).not.toHaveProperty("deadline");
      expect(LIFECYCLE_PRESETS[preset].objectionCorrection.deadline).toBe(false);
    });
  }
  it("chongqing: 5 working days after the confirmed objection, late after them", () => {
    const r = correctedLate("chongqing");
    expect(r.event.payload).toMatchObject({ late: true, deadline: "2026-04-28" });
  });
});

describe("judgeLateness — the rule every provisional deadline goes through (publication, 归集, objection correction)", () => {
  it("final on a covering calendar; on time before the uncovered year; undecided (null) within it", async () => {
    const { judgeLateness } = await import("../../src/task/_lateness.js");
    expect(judgeLateness("objection-correction", "2026-12-28", "2027-01-05", { calendar: CAL27 })).toMatchObject({ late: false, deadline: { date: "2027-01-05", provisional: false } });
    expect(judgeLateness("objection-correction", "2026-12-28", "2027-01-06", { calendar: CAL27 }).late).toBe(true);
    expect(judgeLateness("objection-correction", "2026-12-28", "2027-01-05", undefined)).toMatchObject({ late: null, deadline: { date: "2027-01-05", provisional: true } });
    expect(judgeLateness("objection-correction", "2026-12-28", "2026-12-31", undefined).late).toBe(false);
    expect(judgeLateness("objection-correction", "2026-04-21", "2026-05-10", undefined)).toMatchObject({ late: true, deadline: { date: "2026-04-28", provisional: false } });
  });
});
