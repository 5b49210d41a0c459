import { describe, expect, it } from "vitest";
import { digestOf } from "../../src/draw/_shared/_encoding.js";
import { canonicalDigest } from "../../src/task/_digest.js";
import {
  CN_CALENDAR, ShuangsuijiError, addCalendarYears, commitPool, completeInspection, createHolidayCalendar, seedFromDice, correctPublishedResult, publishResults, createSeed, drawInspectors, drawTargets, lockTargets, recordInspectorDraw, recordResult, recordTargetDraw, replaceInspector, startInspection, startTask,
  amendLockedList, replayTask, verifyAuditTrail, type AuditEvent, type InspectorDrawRecord, type TaskLifecycle,
} from "../../src/index.js";
import { ITEMS, ON, POOL, SCJG, TASK, WJW, drawnTask, recordFor, refusal, stage2Input, teamsTask } from "./_scenario.js";
import { publishAll } from "./_publish.js";

const err = refusal;
const rules = (e: ShuangsuijiError) => e.issues.map((i) => i.rule);
const clauses = (e: ShuangsuijiError) => e.issues.map((i) => i.clause).join(" | ");

const locked = (): TaskLifecycle => lockTargets(drawnTask("chongqing"), { on: ON, actor: "x" }).task;
function stage2(t: TaskLifecycle): InspectorDrawRecord {
  const r = drawInspectors({
    locked: t.locked!, seed: createSeed("62".repeat(16), { kind: "other", description: "t2" }), initiatingDepartmentId: "SCJG",
    departments: [{ departmentId: "SCJG", inspectors: SCJG }, { departmentId: "WJW", inspectors: WJW }],
  });
  if (!r.ok) throw new Error(r.messageEn);
  return r.record;
}
/** The record edited and re-hashed, as a forger would. */
function forged(record: InspectorDrawRecord, edit: (b: { -readonly [K in keyof InspectorDrawRecord]: any }) => void): InspectorDrawRecord {
  const { digest: _d, ...body } = JSON.parse(JSON.stringify(record)) as InspectorDrawRecord;
  edit(body as never);
  return { ...body, digest: digestOf(body) } as InspectorDrawRecord;
}
const record2 = (t: TaskLifecycle, r: InspectorDrawRecord) => recordInspectorDraw(t, r, { on: "2026-04-02", actor: "各参与部门", drawInput: stage2Input() });

describe("recordInspectorDraw checks an edited, re-hashed record's teams against the draw's rules", () => {
  it("Wancheng art. 20; Chongqing 6.5 — the leader comes from the initiating department", () => {
    const t = locked();
    const r = stage2(t);
    expect(record2(t, r).task.teams[0]!.leaderId.startsWith("SCJG")).toBe(true);
    const e = err(() => record2(t, forged(r, (b) => { b.leaders[0].leaderId = b.departments[1].teams[0].inspectorIds[0]; })));
    expect(rules(e)).toContain("leader-from-initiating-department");
    expect(clauses(e)).toContain("Wancheng art. 20");
  });
  it("行政处罚法 art. 43 — an inspector recused for a target is not on its team", () => {
    const t = locked();
    const r = stage2(t);
    const e = err(() => record2(t, forged(r, (b) => { b.recusals = [{ inspectorId: b.departments[1].teams[0].inspectorIds[0], targetId: b.departments[1].teams[0].targetIds[0], reason: "亲属" }]; })));
    expect(rules(e)).toContain("recused-on-team");
    expect(clauses(e)).toContain("行政处罚法 art. 43");
    // an honest draw with the same recusal leaves the inspector out: accepted
    const honest = teamsTask("chongqing", [{ inspectorId: r.departments[1]!.teams[0]!.inspectorIds[0]!, targetId: r.departments[1]!.teams[0]!.targetIds[0]!, reason: "亲属" }]);
    expect(honest.state).toBe("inspectors-drawn");
  });
  it("Longting art. 19 — one person drawn for two departments, or twice on a team, is refused", () => {
    const t = locked();
    const r = stage2(t);
    const e = err(() => record2(t, forged(r, (b) => { b.departments[1].teams[0].inspectorIds = [b.departments[0].teams[0].inspectorIds[0], b.departments[1].teams[0].inspectorIds[1]]; })));
    expect(rules(e)).toEqual(expect.arrayContaining(["draw-inspector-two-departments", "team-member-duplicate"]));
    const twice = err(() => record2(t, forged(r, (b) => { b.departments[1].teams[0].inspectorIds = [b.departments[1].teams[0].inspectorIds[0], b.departments[1].teams[0].inspectorIds[0]]; })));
    expect(rules(twice)).toContain("draw-member-duplicate");
  });
  it("Longting art. 19 — a department that is not the task's, or another initiating department, is refused", () => {
    const t = locked();
    const r = stage2(t);
    const e = err(() => record2(t, forged(r, (b) => { b.departments[1].departmentId = "GHOST"; })));
    expect(rules(e)).toContain("draw-department-not-on-task");
    const e2 = err(() => record2(t, forged(r, (b) => { b.initiatingDepartmentId = "WJW"; })));
    expect(rules(e2)).toContain("draw-initiating-department");
  });
});

describe("recordResult refuses a form listing or signed by an inspector recused for the target (行政处罚法 art. 43)", () => {
  it("the inspector replaced for 执法回避 can neither be listed nor sign; the team as it stands can", () => {
    const t = startInspection(teamsTask("chongqing"), { on: "2026-04-03", actor: "x" }).task;
    const id = t.targetIds[0]!;
    const team = t.teams.find((x) => x.targetIds.includes(id))!;
    const out = team.members.find((m) => m.departmentId === "WJW")!.inspectorId;
    const sub = WJW.find((i) => !team.members.some((m) => m.inspectorId === i.id))!.id;
    const t2 = replaceInspector(t, { targetId: id, outgoingId: out, substituteId: sub, reason: "recusal", approval: { name: "李", role: "department-head", on: "2026-04-05", departmentId: "WJW" }, chosenBy: "卫健委", directory: [...SCJG, ...WJW], on: "2026-04-05", actor: "x" }).task;
    expect(recordResult(t2, recordFor(t2, id), { on: "2026-04-16", actor: "x" }).event.type).toBe("result-recorded");
    const bad = recordFor(t2, id);
    const w = WJW.find((i) => i.id === out)!;
    const withRecused = { ...bad, inspectors: [...bad.inspectors, { inspectorId: out, name: w.name, unit: "WJW", phone: "13800001111" }], inspectorSignatures: [...bad.inspectorSignatures, { inspectorId: out, signedOn: "2026-04-15" }] };
    const e = err(() => recordResult(t2, withRecused, { on: "2026-04-16", actor: "x" }));
    expect(e.issues.filter((i) => i.rule === "recused-on-form").map((i) => i.path[0])).toEqual(["inspectors", "inspectorSignatures"]);
    expect(clauses(e)).toContain("行政处罚法 art. 43");
  });
});

describe("replaceInspector takes the substitute's department from the stage-2 record, not the caller's directory (Longting art. 19, 21; Chongqing 6.5)", () => {
  const t = startInspection(teamsTask("chongqing"), { on: "2026-04-03", actor: "x" }).task;
  const id = t.targetIds[0]!;
  const team = t.teams.find((x) => x.targetIds.includes(id))!;
  const out = team.members.find((m) => m.departmentId === "WJW")!.inspectorId;
  const input = (substituteId: string, directory: readonly (typeof SCJG)[number][]) => ({
    targetId: id, outgoingId: out, substituteId, reason: "health" as const, approval: { name: "李", role: "department-head" as const, on: "2026-04-05", departmentId: "WJW" }, chosenBy: "卫健委", directory, on: "2026-04-05", actor: "x",
  });
  it("a SCJG inspector relabelled WJW is refused; a WJW inspector from the directory the draw used is accepted", () => {
    const drawnScjg = t.inspectorDraw!.departments[0]!.teams.flatMap((x) => x.inspectorIds);
    const undrawnScjg = SCJG.find((i) => !drawnScjg.includes(i.id) && i.category !== "expert");
    const relabelled = (i: (typeof SCJG)[number]) => ({ ...i, departmentId: "WJW" });
    // drawn for SCJG by the record
    const e1 = err(() => replaceInspector(t, input(drawnScjg[0]!, [...WJW, relabelled(SCJG.find((i) => i.id === drawnScjg[0])!)])));
    expect(rules(e1)).toContain("replacement-substitute-department");
    // not drawn: the WJW directory given is not the one the draw committed to
    if (undrawnScjg !== undefined) {
      const e2 = err(() => replaceInspector(t, input(undrawnScjg.id, [relabelled(undrawnScjg)])));
      expect(rules(e2)).toContain("replacement-directory-as-drawn");
    }
    const e3 = err(() => replaceInspector(t, input("SCJG-1", [relabelled(SCJG[0]!)])));
    expect(["replacement-directory-as-drawn", "replacement-substitute-department"]).toContain(e3.issues[0]!.rule);
    const sub = WJW.find((i) => !team.members.some((m) => m.inspectorId === i.id))!.id;
    expect(replaceInspector(t, input(sub, [...SCJG, ...WJW])).task.teams.find((x) => x.targetIds.includes(id))!.members.some((m) => m.inspectorId === sub && m.departmentId === "WJW")).toBe(true);
  });
});

describe("transitions refuse task values the library did not produce (docs/persistence.md) — finding 3 of the regulator", () => {
  it("a plain copy with a forged target list is refused; the live task is accepted", () => {
    const t0 = startTask(TASK, { preset: "chongqing", on: "2026-03-30", actor: "x", items: ITEMS }).task;
    const rec = drawTargets({ taskId: TASK.id, pool: POOL, commitment: commitPool(POOL), policy: { strata: { A: { ratio: 0.5 } } }, seed: createSeed("61".repeat(16), { kind: "other", description: "t" }) });
    const t1 = recordTargetDraw(t0, rec, { on: ON, actor: "x" }).task;
    expect(lockTargets(t1, { on: ON, actor: "x" }).task.state).toBe("targets-locked");
    const copy = { ...JSON.parse(JSON.stringify(t1)), targetIds: ["91440300MA5FAKE00X"] } as TaskLifecycle;
    expect(rules(err(() => lockTargets(copy, { on: ON, actor: "x" })))).toContain("task-provenance");
  });
});

describe("correctPublishedResult applies recordResult's dates (Wolong 2.2/2.3; Chongqing 6.2)", () => {
  const published = () => {
    let t = startInspection(teamsTask("chongqing"), { on: "2026-04-03", actor: "x" }).task;
    for (const id of t.targetIds) t = recordResult(t, recordFor(t, id), { on: "2026-04-16", actor: "x" }).task;
    t = completeInspection(t, { completedOn: "2026-04-20", actor: "x" }).task;
    return publishAll(t, { publishedOn: "2026-04-28", actor: "x" }).task;
  };
  const moved = (t: TaskLifecycle, on: string) => {
    const r = recordFor(t, t.targetIds[0]!, ["further-rectification-required"]);
    return { ...r, inspectedOn: on, targetConfirmation: { kind: "signed" as const, signedOn: on }, inspectorSignatures: r.inspectorSignatures.map((s) => ({ ...s, signedOn: on })) };
  };
  const correct = (t: TaskLifecycle, record: ReturnType<typeof moved>, on = "2026-12-02") =>
    correctPublishedResult(t, { record, reason: "复核", approval: { name: "王", role: "principal-head", on, departmentId: "SCJG" }, on, actor: "x" });
  it("outside the task window, or before the inspection started, is refused; the original date is accepted", () => {
    const t = published();
    const late = err(() => correct(t, moved(t, "2026-12-01")));
    expect(rules(late)).toContain("inspection-in-window");
    expect(clauses(late)).toContain("Chongqing 6.2");
    const early = err(() => correct(t, moved(t, "2026-03-01"), "2026-05-02"));
    expect(rules(early)).toContain("inspection-after-start");
    expect(correct(t, moved(t, "2026-04-15"), "2026-05-02").task.state).toBe("corrected");
  });
});

describe("names, chosenBy and actors hold a visible character; approvals do not predate the task (Chongqing 4)", () => {
  const t = startInspection(teamsTask("chongqing"), { on: "2026-04-03", actor: "x" }).task;
  const id = t.targetIds[0]!;
  const team = t.teams.find((x) => x.targetIds.includes(id))!;
  const out = team.members.find((m) => m.departmentId === "WJW")!.inspectorId;
  const sub = WJW.find((i) => !team.members.some((m) => m.inspectorId === i.id))!.id;
  const rep = (over: Record<string, unknown>) =>
    replaceInspector(t, { targetId: id, outgoingId: out, substituteId: sub, reason: "health", approval: { name: "李", role: "department-head", on: "2026-04-05", departmentId: "WJW" }, chosenBy: "卫健委", directory: [...SCJG, ...WJW], on: "2026-04-05", actor: "x", ...over } as never);
  it("refuses invisible names and approvals dated before the task, accepts the visible ones", () => {
    expect(rep({}).task.replacements).toHaveLength(1);
    expect(err(() => rep({ approval: { name: "\u200b", role: "department-head", on: "2026-04-05", departmentId: "WJW" } })).code).toBe("approval-missing");
    expect(err(() => rep({ approval: { name: "\u3000\u2060", role: "department-head", on: "2026-04-05", departmentId: "WJW" } })).code).toBe("approval-missing");
    expect(rules(err(() => rep({ chosenBy: "\u200b \u3000" })))).toContain("replacement-chosen-by");
    expect(rules(err(() => rep({ actor: "\ufeff" })))).toContain("actor-required");
    const old = err(() => rep({ approval: { name: "李", role: "department-head", on: "1990-01-01", departmentId: "WJW" } }));
    expect(rules(old)).toContain("approval-after-task-start");
    expect(clauses(old)).toContain("Chongqing 4");
    expect(rules(err(() => startTask(TASK, { preset: "wolong", on: "2026-03-01", actor: "" })))).toContain("actor-required");
  });
});

describe("the holiday calendar behind the publication deadline is recorded at completion (Longting art. 22)", () => {
  const recorded = () => {
    let t = startInspection(teamsTask("chongqing"), { on: "2026-04-03", actor: "x" }).task;
    for (const id of t.targetIds) t = recordResult(t, recordFor(t, id), { on: "2026-04-16", actor: "x" }).task;
    return t;
  };
  it("a made-up calendar shows in the completion event; the official one is marked official; lateness uses the recorded deadline", () => {
    const official = completeInspection(recorded(), { completedOn: "2026-04-20", actor: "x" });
    expect(official.event.payload).toMatchObject({ calendar: { official: true } });
    expect(publishAll(official.task, { publishedOn: "2026-09-10", actor: "x" }).event.payload).toMatchObject({ late: true });
    const days: string[] = [];
    for (let m = 4; m <= 6; m++) for (let d = 1; d <= 28; d++) days.push(`2026-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
    const fake = createHolidayCalendar([{ year: 2026, holidays: days.filter((d) => d > "2026-04-20").map((date) => ({ date, name: "假" })), workdays: [] }]);
    // G05 (case-06): the made-up calendar moves the legal deadline — refused unless the caller opts out explicitly
    expect(err(() => completeInspection(recorded(), { completedOn: "2026-04-20", actor: "x", calendar: { calendar: fake } })).issues[0]).toMatchObject({ rule: "official-calendar", clause: expect.stringMatching(/国务院办公厅/) });
    expect(err(() => completeInspection(recorded(), { completedOn: "2026-04-20", actor: "x", calendar: { calendar: fake }, nonOfficialCalendar: { reason: " " } })).issues[0]?.rule).toBe("official-calendar");
    const made = completeInspection(recorded(), { completedOn: "2026-04-20", actor: "x", calendar: { calendar: fake }, nonOfficialCalendar: { reason: "区联席办通知（防汛值班）" } });
    const payload = made.event.payload as { calendar: { digest: string; official: boolean; nonOfficialReason?: string } };
    expect(payload.calendar.official).toBe(false);
    expect(payload.calendar.nonOfficialReason).toBe("区联席办通知（防汛值班）");
    expect(payload.calendar.digest).toBe(digestOf(fake));
    expect(made.task.publicationDeadline!.date > official.task.publicationDeadline!.date).toBe(true);
  });
  it("G05: a calendar that only adds a later year (the next State Council notice) agrees with the official one and is accepted without opt-out", () => {
    const next = addCalendarYears(CN_CALENDAR, [{ year: CN_CALENDAR.lastYear + 1, holidays: [], workdays: [] }]);
    const c = completeInspection(recorded(), { completedOn: "2026-04-20", actor: "x", calendar: { calendar: next } });
    expect(c.task.publicationDeadline!.date).toBe(completeInspection(recorded(), { completedOn: "2026-04-20", actor: "x" }).task.publicationDeadline!.date);
    expect(c.event.payload).not.toHaveProperty("calendar.nonOfficialReason");
  });
});

describe("seed dates (Wolong 2.2): a real civil date, not after the draw is recorded", () => {
  const digits = "271828182845904523536028747135266249775";
  it("seedFromDice refuses 2026-02-30 and accepts 2026-02-28", () => {
    expect(err(() => seedFromDice({ digits, witnesses: ["张伟", "李娜"], date: "2026-02-30" })).code).toBe("invalid-input");
    expect(seedFromDice({ digits, witnesses: ["张伟", "李娜"], date: "2026-02-28" }).provenance).toMatchObject({ date: "2026-02-28" });
  });
  it("recordTargetDraw refuses a seed rolled after the recording date and accepts one rolled that day", () => {
    const t0 = startTask(TASK, { preset: "chongqing", on: "2026-03-30", actor: "x", items: ITEMS }).task;
    const draw = (date: string) => drawTargets({ taskId: TASK.id, pool: POOL, commitment: commitPool(POOL), policy: { strata: { A: { ratio: 0.5 } } }, seed: seedFromDice({ digits, witnesses: ["张伟", "李娜"], date }) });
    const e = err(() => recordTargetDraw(t0, draw("2026-05-01"), { on: ON, actor: "x" }));
    expect(rules(e)).toEqual(["seed-before-record"]);
    expect(clauses(e)).toBe("Wolong 2.2");
    expect(recordTargetDraw(t0, draw(ON), { on: ON, actor: "x" }).task.state).toBe("targets-drawn");
  });
});

describe("dates around the task window (Wolong 2.2; Chongqing 6.2, 6.3; Longting art. 16)", () => {
  it("a task planned after its window has ended is refused; planned on its last day it is accepted", () => {
    const e = err(() => startTask(TASK, { preset: "chongqing", on: "2026-10-01", actor: "信用监管科", items: ITEMS }));
    expect(e.code).toBe("dates-out-of-order");
    expect(rules(e)).toEqual(["task-planned-before-window-end"]);
    expect(clauses(e)).toContain("Wolong 2.2");
    expect(startTask(TASK, { preset: "chongqing", on: "2026-09-30", actor: "信用监管科", items: ITEMS }).task.state).toBe("planned");
  });
  it("an inspection started after the window is refused unless the delay is recorded with an approval dated on or before it", () => {
    const t = teamsTask();
    const e = err(() => startInspection(t, { on: "2026-10-08", actor: "组" }));
    expect(rules(e)).toEqual(["inspection-in-window"]);
    expect(clauses(e)).toContain("Longting art. 16");
    const late = { reason: "汛期延迟", approval: { name: "李科长", role: "department-head" as const, on: "2026-10-09" } };
    expect(err(() => startInspection(t, { on: "2026-10-08", actor: "组", outsideWindow: late })).code).toBe("approval-late");
    expect(err(() => startInspection(t, { on: "2026-10-08", actor: "组", outsideWindow: { ...late, reason: " " } })).issues[0]?.rule).toBe("window-exception-reason");
    // G09: under chongqing the adjustment is made public (Chongqing 5.4), so the notice is required
    expect(err(() => startInspection(t, { on: "2026-10-08", actor: "组", outsideWindow: { ...late, approval: { ...late.approval, on: "2026-09-28" } } })).issues[0]?.rule).toBe("window-exception-public-notice");
    const publicNotice = { reference: "https://cq.gsxt.gov.cn/notice/2026-31", on: "2026-09-29" };
    const { event } = startInspection(t, { on: "2026-10-08", actor: "组", outsideWindow: { ...late, approval: { ...late.approval, on: "2026-09-28" }, publicNotice } });
    expect(event.payload.windowException).toEqual({ reason: "汛期延迟", approvedBy: "李科长", approvedOn: "2026-09-28", publicNotice });
    expect(startInspection(t, { on: "2026-09-30", actor: "组" }).task.state).toBe("inspecting");
  });
});

describe("an amendment may not empty the locked list (Wolong 2.1 检查对象; Chongqing 6.4)", () => {
  it("removing every target is refused naming the clause; removing all but one is accepted", () => {
    const t = locked();
    const approval = { name: "王局长", role: "principal-head" as const, on: "2026-04-03", departmentId: "SCJG" };
    const e = err(() => amendLockedList(t, { remove: [...t.targetIds], add: [], reason: "已注销（抽取后核实）", approval, on: "2026-04-03", actor: "x" }));
    expect(e.code).toBe("amendment-refused");
    expect(rules(e)).toEqual(["amendment-leaves-targets"]);
    expect(clauses(e)).toContain("Wolong 2.1");
    const kept = amendLockedList(t, { remove: t.targetIds.slice(1), add: [], reason: "已注销（抽取后核实）", approval, on: "2026-04-03", actor: "x" }).task;
    expect(kept.targetIds).toEqual([t.targetIds[0]]);
  });
});

describe("recordInspectorDraw re-runs the draw from its inputs: invented inspectors in a re-hashed record are refused (Longting art. 19; Chongqing C.1)", () => {
  it("an inspector not in the department's directory is named; the honest record is accepted", () => {
    const t = locked();
    const r = stage2(t);
    expect(record2(t, r).task.state).toBe("inspectors-drawn");
    const invented = forged(r, (b) => {
      const old = b.departments[1].teams[0].inspectorIds[0];
      b.departments[1].teams[0].inspectorIds[0] = "WJW-99";
      for (const d of b.departments) for (const team of d.teams) team.inspectorIds = team.inspectorIds.map((id: string) => (id === old ? "WJW-99" : id));
    });
    const e = err(() => record2(t, invented));
    expect(rules(e)).toContain("inspector-in-directory");
    expect(e.issues.find((i) => i.rule === "inspector-in-directory")?.value).toBe("WJW-99");
    expect(clauses(e)).toContain("Chongqing C.1");
  });
  it("a real inspector put in place of the drawn one (a record that does not follow from the seed) is refused", () => {
    const t = locked();
    const r = stage2(t);
    const team = r.departments[1]!.teams[0]!;
    const other = WJW.map((i) => i.id).find((id) => !r.departments[1]!.teams.some((x) => x.inspectorIds.includes(id)))
      ?? WJW.map((i) => i.id).find((id) => !team.inspectorIds.includes(id))!;
    const chosen = forged(r, (b) => { b.departments[1].teams[0].inspectorIds[0] = other; });
    const e = err(() => record2(t, chosen));
    expect(rules(e)).toContain("draw-does-not-verify");
    expect(clauses(e)).toContain("Longting art. 19");
  });
  it("without the draw's inputs the record is not recorded", () => {
    const t = locked();
    const e = err(() => recordInspectorDraw(t, stage2(t), { on: "2026-04-02", actor: "x" } as never));
    expect(rules(e)).toEqual(["draw-input-required"]);
  });
  it("a stored trail whose stage-2 event a forger rewrote with an invented inspector, every digest recomputed, is refused on replay", () => {
    const t = locked();
    const r = stage2(t);
    const done = record2(t, r).task;
    const events = JSON.parse(JSON.stringify(done.audit)) as AuditEvent[];
    const k = events.findIndex((x) => x.type === "inspectors-drawn");
    const invented = forged(r, (b) => {
      const leaders = new Set(b.leaders.map((l: { leaderId: string }) => l.leaderId));
      const team = (b.departments[0].teams as { inspectorIds: string[] }[]).find((x) => x.inspectorIds.some((id) => !leaders.has(id)))!;
      team.inspectorIds[team.inspectorIds.findIndex((id) => !leaders.has(id))] = "SCJG-99";
    });
    const ev = events[k]!;
    (ev.input as unknown[])[0] = JSON.parse(JSON.stringify(invented));
    (ev.payload as Record<string, unknown>).recordDigest = invented.digest;
    // the forger recomputes this digest and the chain after it
    const { digest: _d, ...body } = ev;
    (ev as { digest: string }).digest = canonicalDigest(body);
    expect(verifyAuditTrail(events).ok).toBe(true);
    const e = err(() => replayTask(events));
    expect(e.code).toBe("audit-trail-invalid");
    expect(e.issues[0]?.messageEn).toMatch(/recordInspectorDraw refuses the recorded input on replay \(inspector-in-directory: SCJG-99/);
    expect(e.issues[0]?.path).toEqual(["events", k]);
  });
});
