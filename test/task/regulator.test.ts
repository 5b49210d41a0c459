// The regulator's audit (F02, F03, F04, F06, F14, F19): each refusal beside the lawful act it is told apart from.
import { describe, expect, it } from "vitest";
import {
  commitPool, completeInspection, computeDeadline, correctPublishedResult, createSeed, isPublicationOverdue, drawInspectors, drawTargets, lockTargets, publicView, publishResults, recordIdentityShown, recordInspectorDraw,
  loadTask, LIFECYCLE_PRESETS, type LifecyclePreset, recordResult, recordTargetDraw, replaceInspector, startInspection, startTask, type LifecyclePresetId, type TaskLifecycle,
} from "../../src/index.js";
import { ITEMS, ON, POOL, SCJG, TASK, WJW, drawnTask, recordFor, refusal, stage2Input, teamsTask } from "./_scenario.js";
import { inspectedOnDay, publishAll } from "./_publish.js";

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const head = { name: "李科长", role: "department-head" as const, on: ON, departmentId: "SCJG" };
const principal = { name: "王局长", role: "principal-head" as const, on: ON, departmentId: "SCJG" };
const issue = (f: () => unknown) => refusal(f).issues[0]!;
const redrawOf = (seedHex: string, policy: object = { strata: { A: { ratio: 0.5 } } }, pool = POOL) =>
  drawTargets({ taskId: TASK.id, pool, commitment: commitPool(pool), policy: policy as never, seed: createSeed(seedHex.repeat(16), { kind: "other", description: "t" }) });
const completed = (preset: LifecyclePresetId = "chongqing", outcome: "no-problem-found" | "non-compliant" | "further-rectification-required" | "information-not-published" = "no-problem-found"): TaskLifecycle => {
  let t = startInspection(teamsTask(preset), { on: "2026-04-10", actor: "组" }).task;
  for (const id of t.targetIds) {
    const team = t.teams.find((x) => x.targetIds.includes(id))!;
    if (preset === "wolong") t = recordIdentityShown(t, { targetId: id, inspectorIds: team.members.map((m) => m.inspectorId), on: "2026-04-15", actor: "组" }).task;
  }
  for (const id of t.targetIds) t = recordResult(t, recordFor(t, id, [outcome]), { on: "2026-04-15", actor: "组" }).task;
  return completeInspection(t, { completedOn: "2026-04-16", actor: "组" }).task;
};

describe("F02 — a redraw replaces the drawn list only where the document allows, on its approver's word (Chongqing 6.4; Longting art. 19)", () => {
  it("Chongqing 6.4: a department head is refused, the principal head accepted; pool and policy stay those of the first draw", () => {
    const t = drawnTask("chongqing");
    expect(issue(() => recordTargetDraw(t, redrawOf("7a"), { on: ON, actor: "x", redraw: { reason: "名录导入错误", approval: head } }))).toMatchObject({ rule: "approval-level", clause: "Chongqing 6.4" });
    expect(issue(() => recordTargetDraw(t, redrawOf("7a", { strata: { A: { ratio: 0.6 } } }), { on: ON, actor: "x", redraw: { reason: "名录导入错误", approval: principal } })).rule).toBe("redraw-same-pool-and-policy");
    expect(issue(() => recordTargetDraw(t, redrawOf("7a", undefined, POOL.slice(1)), { on: ON, actor: "x", redraw: { reason: "名录导入错误", approval: principal } })).rule).toBe("redraw-same-pool-and-policy");
    const r = recordTargetDraw(t, redrawOf("7a"), { on: ON, actor: "x", redraw: { reason: "名录导入错误", approval: principal } });
    expect(r.event.type).toBe("targets-redrawn");
  });
  it.each(["longting", "wancheng", "wolong"] as const)("%s: no redraw at all, even on the principal head's approval", (preset) => {
    const t = drawnTask(preset);
    expect(issue(() => recordTargetDraw(t, redrawOf("7a"), { on: ON, actor: "x", redraw: { reason: "r", approval: principal } }))).toMatchObject({ rule: "redraw-not-allowed" });
    expect(refusal(() => recordTargetDraw(t, redrawOf("7a"), { on: ON, actor: "x", redraw: { reason: "r", approval: principal } })).code).toBe("illegal-transition");
  });
});

describe("F14 — an approval follows the fact it changes (Chongqing 6.4, 6.6)", () => {
  it("a redraw approved before the first draw is refused; approved on its day, accepted", () => {
    let t = startTask(TASK, { preset: "chongqing", on: "2026-03-30", actor: "x", items: ITEMS }).task;
    t = recordTargetDraw(t, redrawOf("61"), { on: "2026-04-02", actor: "x" }).task;
    expect(issue(() => recordTargetDraw(t, redrawOf("7a"), { on: "2026-04-03", actor: "x", redraw: { reason: "r", approval: { ...principal, on: "2026-03-31" } } }))).toMatchObject({ rule: "approval-after-fact", clause: "Chongqing 6.4" });
    expect(recordTargetDraw(t, redrawOf("7a"), { on: "2026-04-03", actor: "x", redraw: { reason: "r", approval: { ...principal, on: "2026-04-02" } } }).task.targetDraws).toHaveLength(2);
  });
  it("a correction approved before the publication is refused; approved after it, accepted", () => {
    const t = publishAll(completed("chongqing", "further-rectification-required"), { publishedOn: "2026-04-20", actor: "局" }).task;
    const rec = recordFor(t, t.targetIds[0]!, ["no-problem-found"], t.records[0]!.id);
    const input = (on: string) => ({ record: rec, reason: "复核", approval: { ...principal, on }, on: "2026-04-25", actor: "局" });
    expect(issue(() => correctPublishedResult(t, input("2026-03-30")))).toMatchObject({ rule: "approval-after-fact", clause: "Chongqing 6.6" });
    expect(issue(() => correctPublishedResult(t, input("2026-04-19"))).rule).toBe("approval-after-fact");
    expect(correctPublishedResult(t, input("2026-04-20")).task.state).toBe("corrected");
  });
});

describe("F03 — results another department published are never withdrawn (Wancheng art. 21; Chongqing 6.6)", () => {
  it("a later department withholds only its own, never-public section: the section another department published stays public", () => {
    const t = completed("chongqing");
    const first = publishResults(t, { publishedOn: "2026-04-20", actor: "市场监管局", departmentId: "SCJG" }).task;
    const withheld = [{ recordId: t.records[0]!.id, reason: "涉及国家秘密", basis: "保守国家秘密法 art. 2" }];
    const later = publishResults(first, { publishedOn: "2026-04-22", actor: "卫健委", departmentId: "WJW", withheld }).task;
    const view = publicView(later);
    expect(view.results).toHaveLength(t.records.length);
    const r0 = view.results.find((r) => r.targetName === t.records[0]!.target.name)!;
    expect(r0.departments.map((d) => d.departmentId)).toEqual(["SCJG"]);
    expect(r0).toMatchObject({ withheldDepartments: ["WJW"] });
    expect(view).toMatchObject({ withheld: { count: 0, sections: 1 } });
    expect(publicView(publishResults(first, { publishedOn: "2026-04-22", actor: "卫健委", departmentId: "WJW" }).task).results).toHaveLength(t.records.length);
    const lawful = publishResults(t, { publishedOn: "2026-04-20", actor: "市场监管局", departmentId: "SCJG", withheld: [{ recordId: t.records[0]!.id, reason: "涉及国家秘密", basis: "保守国家秘密法 art. 2" }] }).task;
    expect(lawful.withheld).toHaveLength(1);
  });
});

describe("G02 — a department withholds only its own section of a joint record (Chongqing 6.6 谁检查、谁录入、谁公开; Wancheng art. 3 分别依法负责)", () => {
  it("WJW, publishing first, withholds its section: SCJG's 需进一步调查处理 on the same record is published by SCJG", () => {
    const t = completed("chongqing", "further-rectification-required");
    const victim = t.records[0]!;
    expect(victim.departments.map((d) => d.departmentId)).toEqual(["SCJG", "WJW"]);
    const w = publishResults(t, { publishedOn: "2026-04-20", actor: "区卫生健康委", departmentId: "WJW", withheld: [{ recordId: victim.id, reason: "涉及商业秘密", basis: "反不正当竞争法 art. 9" }] });
    expect(w.task.withheld).toEqual([{ recordId: victim.id, reason: "涉及商业秘密", basis: "反不正当竞争法 art. 9", departmentId: "WJW" }]);
    expect(w.event.payload.withheld).toEqual([{ recordId: victim.id, reason: "涉及商业秘密", basis: "反不正当竞争法 art. 9" }]);
    const s = publishResults(w.task, { publishedOn: "2026-04-21", actor: "区市场监管局", departmentId: "SCJG" }).task;
    expect(s.state).toBe("published");
    const shown = publicView(s).results.find((r) => r.targetName === victim.target.name)!;
    expect(shown.departments).toEqual([{ departmentId: "SCJG", items: expect.any(Array) }]);
    expect(shown.departments[0]!.items[0]!.outcomes).toEqual(["发现问题需进一步整改"]);
    expect(shown).toMatchObject({ withheldDepartments: ["WJW"] });
  });
  it("SCJG, publishing second, may withhold its own section; the same department's section is not withheld twice; a record both withhold is left out", () => {
    const t = completed("chongqing");
    const id = t.records[1]!.id;
    const w = publishResults(t, { publishedOn: "2026-04-20", actor: "卫健委", departmentId: "WJW", withheld: [{ recordId: id, reason: "涉及国家秘密", basis: "保守国家秘密法 art. 2" }] }).task;
    expect(issue(() => publishResults(t, { publishedOn: "2026-04-20", actor: "卫健委", departmentId: "WJW", withheld: [{ recordId: id, reason: "r", basis: "b" }, { recordId: id, reason: "r", basis: "b" }] })).rule).toBe("withheld-record");
    const s = publishResults(w, { publishedOn: "2026-04-21", actor: "区市场监管局", departmentId: "SCJG", withheld: [{ recordId: id, reason: "涉及国家秘密", basis: "保守国家秘密法 art. 2" }] }).task;
    const view = publicView(s);
    expect(view.results).toHaveLength(t.records.length - 1);
    expect(view).toMatchObject({ withheld: { count: 1, sections: 2, bases: ["保守国家秘密法 art. 2"] } });
  });
  it("G06: a record's handling opinion is shown only once every department with a section on it has published", () => {
    let t = startInspection(teamsTask("chongqing"), { on: "2026-04-10", actor: "组" }).task;
    for (const id of t.targetIds) t = recordResult(t, { ...recordFor(t, id), handlingOpinion: "区卫生健康委：公共场所卫生不合格，责令限期整改" }, { on: "2026-04-15", actor: "组" }).task;
    t = completeInspection(t, { completedOn: "2026-04-16", actor: "组" }).task;
    const scjg = publishResults(t, { publishedOn: "2026-04-20", actor: "区市场监管局", departmentId: "SCJG" }).task;
    expect(publicView(scjg).results.every((r) => !("handlingOpinion" in r))).toBe(true);
    const both = publishResults(scjg, { publishedOn: "2026-04-21", actor: "区卫健委", departmentId: "WJW" }).task;
    expect(publicView(both).results.every((r) => (r as { handlingOpinion?: string }).handlingOpinion === "区卫生健康委：公共场所卫生不合格，责令限期整改")).toBe(true);
    // a withheld section keeps the opinion out too: it may carry the withheld finding
    const w = publishResults(scjg, { publishedOn: "2026-04-21", actor: "区卫健委", departmentId: "WJW", withheld: [{ recordId: t.records[0]!.id, reason: "涉及国家秘密", basis: "保守国家秘密法 art. 2" }] }).task;
    expect(publicView(w).results.filter((r) => "handlingOpinion" in r)).toHaveLength(t.records.length - 1);
  });
});

describe("F04, G01, G10 — a result is withheld only where the preset's data carries the exemption (Chongqing 6.6; Wancheng art. 3)", () => {
  it.each([["longting", /^Longting art\. 22 /], ["wolong", /^Wolong 3\.2 /], ["yanshi", /^Yanshi 7\.5 /]] as const)("%s: withholding is refused citing %s, not Chongqing 6.6; publishing all is accepted", (preset, clause) => {
    const t = completed(preset, "information-not-published");
    const withheld = t.records.map((r) => ({ recordId: r.id, reason: "影响企业融资", basis: "局长办公会议定" }));
    const e = refusal(() => publishAll(t, { publishedOn: "2026-04-20", actor: "局", withheld }));
    expect(e.code).toBe("illegal-transition");
    expect(e.issues[0]).toMatchObject({ rule: "withheld-no-exemption", clause: expect.stringMatching(clause) });
    expect(e.issues[0]!.messageZh).toMatch(/不适合公开/);
    expect(e.issues[0]!.messageEn).toMatch(/publicationExemption/);
    expect(publicView(publishAll(t, { publishedOn: "2026-04-20", actor: "局" }).task).results).toHaveLength(t.records.length);
    expect(publishAll(t, { publishedOn: "2026-04-20", actor: "局", withheld: [] }).task.state).toBe("published");
  });
  it("G01: a custom copy of longting refuses as longting does; a custom preset stating no exemption refuses citing its source; one stating it withholds", () => {
    const copy = JSON.parse(JSON.stringify(LIFECYCLE_PRESETS.longting)) as LifecyclePreset;
    const t = completed(copy as never, "information-not-published");
    expect(t.preset).toBe("custom");
    const withheld = [{ recordId: t.records[0]!.id, reason: "影响营商环境", basis: "局长办公会议定" }];
    expect(issue(() => publishResults(t, { publishedOn: "2026-04-20", actor: "局", departmentId: "SCJG", withheld }))).toMatchObject({ rule: "withheld-no-exemption", clause: expect.stringMatching(/^Longting art\. 22 /) });
    const { publicationExemption: _, ...silent } = copy;
    const u = completed({ ...silent, source: "某县实施细则" } as never, "information-not-published");
    expect(issue(() => publishResults(u, { publishedOn: "2026-04-20", actor: "局", departmentId: "SCJG", withheld: [{ ...withheld[0]!, recordId: u.records[0]!.id }] }))).toMatchObject({ rule: "withheld-no-exemption", clause: expect.stringMatching(/^某县实施细则/) });
    const stated = completed({ ...silent, source: "某县实施细则", publicationExemption: { allowed: true, clause: "某县实施细则 第九条 (依法不予公开的除外)" } } as never, "information-not-published");
    expect(publishResults(stated, { publishedOn: "2026-04-20", actor: "局", departmentId: "SCJG", withheld: [{ recordId: stated.records[0]!.id, reason: "涉及国家秘密", basis: "保守国家秘密法 art. 2" }] }).task.withheld).toHaveLength(1);
  });
  it("G10: under wancheng a record a law keeps from publication (Wancheng art. 3 除法律法规有明确规定外) is withheld and counted", () => {
    const t = completed("wancheng");
    expect(LIFECYCLE_PRESETS.wancheng.publicationExemption).toMatchObject({ allowed: true, clause: expect.stringMatching(/^Wancheng art\. 3 .*除法律法规有明确规定外/) });
    const p = publishAll(t, { publishedOn: "2026-04-20", actor: "局", withheld: [{ recordId: t.records[0]!.id, reason: "记录涉及国家秘密", basis: "保守国家秘密法 art. 2" }] }).task;
    expect(p.state).toBe("published");
    expect(publicView(p)).toMatchObject({ withheld: { bases: ["保守国家秘密法 art. 2"] } });
  });
});

describe("F06, F19 — the stage-2 record (Longting art. 19; Wancheng art. 20)", () => {
  const locked = () => lockTargets(drawnTask("longting"), { on: ON, actor: "x" }).task;
  it("F06: a cooperating department that drew nobody is refused; every department drawing is accepted", () => {
    const t = locked();
    const only = { ...stage2Input(), departments: [{ departmentId: "SCJG", inspectors: SCJG }] };
    const r = drawInspectors({ locked: t.locked!, ...only });
    if (!r.ok) throw new Error(r.messageEn);
    expect(issue(() => recordInspectorDraw(t, r.record, { on: "2026-04-02", actor: "x", drawInput: only }))).toMatchObject({ rule: "every-department-draws", clause: "Longting art. 19; Wancheng art. 20", value: ["WJW"] });
    const both = stage2Input();
    const ok = drawInspectors({ locked: t.locked!, ...both });
    if (!ok.ok) throw new Error(ok.messageEn);
    expect(recordInspectorDraw(t, ok.record, { on: "2026-04-02", actor: "x", drawInput: both }).task.state).toBe("inspectors-drawn");
    expect(WJW.length).toBeGreaterThan(0);
  });
  it("F19: randomSide neither is refused; targets-only (every target taken, inspectors random) is accepted", () => {
    const pool = POOL.slice(0, 2);
    const task = { ...TASK, id: "T-NONE", ratio: 1 };
    const mk = (dept: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${dept}-${i + 1}`, name: `${dept}人员${i + 1}`, departmentId: dept, category: "qualified-staff" as const, expertise: ["食品"] }));
    const run = (n: number) => {
      let t = startTask(task, { preset: "longting", on: "2026-03-30", actor: "x" }).task;
      t = recordTargetDraw(t, drawTargets({ taskId: task.id, pool, commitment: commitPool(pool), policy: { strata: { A: { ratio: 1 } } }, seed: createSeed("61".repeat(16), { kind: "other", description: "t" }) }), { on: ON, actor: "x" }).task;
      t = lockTargets(t, { on: ON, actor: "x" }).task;
      const drawInput = { seed: createSeed("62".repeat(16), { kind: "other", description: "t2" }), initiatingDepartmentId: "SCJG", recusals: [], departments: [{ departmentId: "SCJG", inspectors: mk("SCJG", n) }, { departmentId: "WJW", inspectors: mk("WJW", n) }] };
      const d = drawInspectors({ locked: t.locked!, ...drawInput });
      if (!d.ok) throw new Error(d.messageEn);
      return { t, d: d.record, drawInput };
    };
    const none = run(2);
    expect(none.d.randomSide).toBe("neither");
    expect(issue(() => recordInspectorDraw(none.t, none.d, { on: "2026-04-02", actor: "x", drawInput: none.drawInput }))).toMatchObject({ rule: "one-side-random", clause: "Longting art. 19" });
    const random = run(6);
    expect(random.d.randomSide).not.toBe("neither");
    expect(recordInspectorDraw(random.t, random.d, { on: "2026-04-02", actor: "x", drawInput: random.drawInput }).task.teams.length).toBeGreaterThan(0);
  });
});

describe("F01 — the 20 working days run from the end of the inspection, its last result (Wolong 3.2 自检查结束之日起20个工作日内)", () => {
  const recorded = () => {
    let t = startInspection(teamsTask("wolong"), { on: "2026-04-10", actor: "组" }).task;
    for (const id of t.targetIds) t = recordIdentityShown(t, { targetId: id, inspectorIds: t.teams.find((x) => x.targetIds.includes(id))!.members.map((m) => m.inspectorId), on: "2026-04-15", actor: "组" }).task;
    for (const id of t.targetIds) t = recordResult(t, recordFor(t, id), { on: "2026-04-15", actor: "组" }).task;
    return t;
  };
  it("completion dated months later does not move the deadline: a publication after it is late, and the task is overdue meanwhile", () => {
    const t = recorded();
    const deadline = computeDeadline("results-publication", "2026-04-15").date;
    expect(isPublicationOverdue(t, deadline)).toBe(false);
    expect(isPublicationOverdue(t, "2026-07-01")).toBe(true); // uncompleted, every target recorded: the clock runs
    const late = completeInspection(t, { completedOn: "2026-09-25", actor: "组" }).task;
    expect(late.publicationDeadline).toMatchObject({ from: "2026-04-15", date: deadline });
    expect(publishAll(late, { publishedOn: "2026-10-20", actor: "局" }).event.payload.late).toBe(true);
    expect(isPublicationOverdue(late, "2026-07-01")).toBe(true);
    // the lawful act beside it: completed on the day of the last result, published within the 20 working days
    const onTime = completeInspection(t, { completedOn: "2026-04-15", actor: "组" }).task;
    expect(onTime.publicationDeadline?.date).toBe(deadline);
    expect(publishAll(onTime, { publishedOn: deadline, actor: "局" }).event.payload.late).toBe(false);
  });
  it("G04: a task with a target still unrecorded has no deadline before its window ends; from the window's end the 20 working days run (Chongqing 6.2 执行时间; 6.6)", () => {
    let t = startInspection(teamsTask("chongqing"), { on: "2026-04-10", actor: "组" }).task;
    for (const id of t.targetIds.slice(0, -1)) t = recordResult(t, recordFor(t, id, ["further-investigation-required"]), { on: "2026-04-15", actor: "组" }).task;
    expect(t.task.window.end).toBe("2026-09-30");
    const deadline = computeDeadline("results-publication", "2026-09-30").date;
    expect(deadline).toBe("2026-11-03");
    // within the window the last target may still be inspected: no deadline yet, so not overdue
    expect(isPublicationOverdue(t, "2026-09-30")).toBe(false);
    expect(isPublicationOverdue(t, deadline)).toBe(false);
    // the last target is never visited: the clock started at the window's end at the latest
    expect(isPublicationOverdue(t, "2026-11-04")).toBe(true);
    expect(isPublicationOverdue(t, "2027-04-15")).toBe(true);
    // a task never started is overdue the same way once its window has ended and the 20 working days have passed
    expect(isPublicationOverdue(teamsTask("chongqing"), "2026-11-04")).toBe(true);
    expect(isPublicationOverdue(teamsTask("chongqing"), deadline)).toBe(false);
    // an inspection recorded after the window on an approved delay (outsideWindow) ends the inspection later
    const lateRec = inspectedOnDay(recordFor(t, t.targetIds[1]!), "2026-10-08");
    let d = startInspection(teamsTask("chongqing"), { on: "2026-04-10", actor: "组" }).task;
    d = recordResult(d, recordFor(d, d.targetIds[0]!), { on: "2026-04-15", actor: "组" }).task;
    d = recordResult(d, lateRec, { on: "2026-10-09", actor: "组", outsideWindow: { reason: "任务延迟（计划调整已公开）", approval: { ...head, on: "2026-09-25" }, publicNotice: { reference: "区市场监管局公告2026年第9号", on: "2026-09-26" } } }).task;
    const delayed = computeDeadline("results-publication", "2026-10-08").date;
    expect(isPublicationOverdue(d, delayed)).toBe(false);
    expect(isPublicationOverdue(d, nextDay(delayed))).toBe(true);
    // the lawful case beside it: every target recorded within the window, the clock runs from the last inspection
    const done = recordResult(t, recordFor(t, t.targetIds.at(-1)!), { on: "2026-04-15", actor: "组" }).task;
    expect(isPublicationOverdue(done, computeDeadline("results-publication", "2026-04-15").date)).toBe(false);
    expect(isPublicationOverdue(done, "2026-06-01")).toBe(true);
  });
});

describe("F07 — the draw honours the quantity the task declares (Longting art. 19; Chongqing 6.4)", () => {
  const start = (task: object) => startTask(task as typeof TASK, { preset: "chongqing", on: "2026-03-30", actor: "x", items: ITEMS }).task;
  it("a draw of 1 of 6 under ratio 0.5 is refused; 3 of 6, or more for riskier strata, is accepted", () => {
    const t = start(TASK);
    const e = refusal(() => recordTargetDraw(t, redrawOf("61", { strata: { A: { count: 1 } } }), { on: ON, actor: "x" }));
    expect(e.issues[0]).toMatchObject({ rule: "draw-honours-task-quantity", clause: "Longting art. 19; Chongqing 6.4", value: 1 });
    expect(issue(() => recordTargetDraw(t, redrawOf("61", { strata: { A: { ratio: 0.3 } } }), { on: ON, actor: "x" })).rule).toBe("draw-honours-task-quantity");
    expect(recordTargetDraw(t, redrawOf("61"), { on: ON, actor: "x" }).task.targetDraws[0]!.record.selectedCount).toBe(3);
    expect(recordTargetDraw(t, redrawOf("61", { strata: { A: { count: 4 } } }), { on: ON, actor: "x" }).task.state).toBe("targets-drawn");
  });
  it("a declared count is honoured the same way", () => {
    const { ratio: _ratio, ...rest } = TASK;
    const t = start({ ...rest, targetCount: 2 });
    expect(issue(() => recordTargetDraw(t, redrawOf("61", { strata: { A: { count: 1 } } }), { on: ON, actor: "x" })).rule).toBe("draw-honours-task-quantity");
    expect(recordTargetDraw(t, redrawOf("61", { strata: { A: { count: 2 } } }), { on: ON, actor: "x" }).task.state).toBe("targets-drawn");
  });
});

describe("F12 — the approver's department, when given, is kept and checked (Longting art. 19; Chongqing 6.5 本部门负责人)", () => {
  it("another department's head is refused for a WJW inspector's replacement; WJW's own head is accepted and recorded", () => {
    const t = teamsTask("chongqing");
    const team = t.teams[0]!;
    const out = team.members.find((m) => m.departmentId === "WJW")!;
    const sub = WJW.find((i) => !team.members.some((m) => m.inspectorId === i.id))!;
    const input = (departmentId: string) => ({ targetId: team.targetIds[0]!, outgoingId: out.inspectorId, substituteId: sub.id, reason: "work-conflict" as const, approval: { ...head, on: "2026-04-03", departmentId }, chosenBy: "卫健委", directory: WJW, on: "2026-04-03", actor: "卫健委" });
    expect(issue(() => replaceInspector(t, input("SCJG")))).toMatchObject({ rule: "approval-department", value: "SCJG" });
    expect(issue(() => replaceInspector(t, input("JTJ"))).rule).toBe("approval-department");
    const r = replaceInspector(t, input("WJW"));
    expect(r.task.replacements[0]!.approval).toMatchObject({ departmentId: "WJW" });
    expect(loadTask(JSON.parse(JSON.stringify(r.task))).replacements[0]!.approval.departmentId).toBe("WJW");
  });
});
