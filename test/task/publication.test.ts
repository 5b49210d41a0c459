// 谁检查、谁录入、谁公开 (Longting art. 22; Chongqing 6.6; Wancheng art. 21) and the 20-working-day deadline from the end
// of the inspection (Wolong 3.2): each refusal beside the lawful act it is told apart from.
import { describe, expect, it } from "vitest";
import {
  commitPool, completeInspection, computeDeadline, createSeed, drawInspectors, drawTargets, isPublicationOverdue, lockTargets, publicView, publishResults,
  recordIdentityShown, recordInspectorDraw, recordResult, recordTargetDraw, startInspection, startTask, type InspectionRecordInput, type LifecyclePresetId, type TaskLifecycle,
} from "../../src/index.js";
import { ON, POOL, TASK, drawnTask, recordFor, refusal, stage2Input, withNotice } from "./_scenario.js";
import { inspectedOnDay, publishAll } from "./_publish.js";

const issue = (f: () => unknown) => refusal(f).issues[0]!;

/** A task whose stage-2 draw dispatches `wjwTargets` (all when omitted) to WJW (Longting art. 19 派发), every target recorded. */
function recorded(preset: LifecyclePresetId, opts: { wjwTargets?: (ids: readonly string[]) => string[]; inspectedOn?: string; enteredOn?: string } = {}): TaskLifecycle {
  const locked = lockTargets(drawnTask(preset), { on: ON, actor: "信用监管科" }).task;
  const base = stage2Input();
  const wjw = opts.wjwTargets?.(locked.targetIds);
  const drawInput = { ...base, departments: base.departments.map((d) => (d.departmentId === "WJW" && wjw !== undefined ? { ...d, targetIds: wjw } : d)) };
  const r = drawInspectors({ locked: locked.locked!, ...drawInput });
  if (!r.ok) throw new Error(r.messageEn);
  let t = startInspection(withNotice(recordInspectorDraw(locked, r.record, { on: "2026-04-02", actor: "各参与部门", drawInput }).task), { on: "2026-04-10", actor: "组" }).task;
  const day = opts.inspectedOn ?? "2026-04-15";
  // identity shown at every target on the inspection day (Wolong 2.3), then the results entered
  if (preset === "wolong") for (const id of t.targetIds) t = recordIdentityShown(t, { targetId: id, inspectorIds: t.teams.find((x) => x.targetIds.includes(id))!.members.map((m) => m.inspectorId), on: day, actor: "组" }).task;
  for (const id of t.targetIds) {
    const team = t.teams.find((x) => x.targetIds.includes(id))!;
    const departments = new Set(team.members.map((m) => m.departmentId));
    const form = inspectedOnDay(recordFor(t, id), day);
    t = recordResult(t, { ...form, departments: form.departments.filter((d) => departments.has(d.departmentId)) }, { on: opts.enteredOn ?? day, actor: "组" }).task;
  }
  return t;
}
const completed = (preset: LifecyclePresetId, opts?: Parameters<typeof recorded>[1]) => completeInspection(recorded(preset, opts), { completedOn: opts?.enteredOn ?? "2026-04-16", actor: "组" }).task;

/** A single-department task (SCJG alone): the same scenario without WJW. */
function singleDepartment(): TaskLifecycle {
  const task = { ...TASK, id: "T-ONE", cooperatingDepartmentIds: [], itemIds: ["SCJG-02"] };
  let t = startTask(task, { preset: "longting", on: "2026-03-30", actor: "信用监管科" }).task;
  const record = drawTargets({ taskId: task.id, pool: POOL, commitment: commitPool(POOL), policy: { strata: { A: { ratio: 0.5 } } }, seed: createSeed("61".repeat(16), { kind: "other", description: "t" }) });
  t = lockTargets(recordTargetDraw(t, record, { on: ON, actor: "信用监管科" }).task, { on: ON, actor: "信用监管科" }).task;
  const base = stage2Input();
  const drawInput = { ...base, departments: base.departments.filter((d) => d.departmentId === "SCJG") };
  const r = drawInspectors({ locked: t.locked!, ...drawInput });
  if (!r.ok) throw new Error(r.messageEn);
  t = startInspection(withNotice(recordInspectorDraw(t, r.record, { on: "2026-04-02", actor: "市场监管局", drawInput }).task), { on: "2026-04-10", actor: "组" }).task;
  for (const id of t.targetIds) {
    const form: InspectionRecordInput = recordFor(t, id);
    t = recordResult(t, { ...form, taskId: task.id, departments: form.departments.filter((d) => d.departmentId === "SCJG") }, { on: "2026-04-15", actor: "组" }).task;
  }
  return completeInspection(t, { completedOn: "2026-04-16", actor: "组" }).task;
}

describe("F13 — 谁检查、谁录入、谁公开: a joint task is published by each department (Longting art. 22; Chongqing 6.6; Wancheng art. 21)", () => {
  it.each(["longting", "chongqing", "wancheng", "wolong"] as const)("%s: one actor publishing for every department is refused; each department publishing its own is accepted", (preset) => {
    const t = completed(preset);
    const e = refusal(() => publishResults(t, { publishedOn: "2026-04-20", actor: "区市场监管局信用监管科" }));
    expect(e.code).toBe("invalid-input");
    expect(e.issues[0]).toMatchObject({ rule: "publishing-department-required", clause: "Longting art. 22; Chongqing 6.6; Wancheng art. 21", path: ["departmentId"] });
    expect(e.issues[0]!.messageZh).toMatch(/谁检查、谁录入、谁公开/);
    expect(e.issues[0]!.messageEn).toMatch(/SCJG, WJW/);
    const scjg = publishResults(t, { publishedOn: "2026-04-20", actor: "区市场监管局", departmentId: "SCJG" });
    expect(scjg.event.payload).toMatchObject({ departments: ["SCJG"], complete: false });
    expect(scjg.task.departmentPublications).toEqual({ SCJG: { publishedOn: "2026-04-20", late: false } });
    const wjw = publishResults(scjg.task, { publishedOn: "2026-04-21", actor: "区卫健委", departmentId: "WJW" });
    expect(wjw.task.state).toBe("published");
    expect(wjw.event.payload).toMatchObject({ departments: ["WJW"], complete: true });
  });

  it("a single-department task may omit the department; it publishes its own records", () => {
    const t = singleDepartment();
    const p = publishResults(t, { publishedOn: "2026-04-20", actor: "区市场监管局" });
    expect(p.task.state).toBe("published");
    expect(p.event.payload).toMatchObject({ departments: ["SCJG"], records: t.records.map((r) => r.id) });
    // naming it is accepted too; naming another department is refused
    expect(publishResults(t, { publishedOn: "2026-04-20", actor: "区市场监管局", departmentId: "SCJG" }).task.state).toBe("published");
    expect(issue(() => publishResults(t, { publishedOn: "2026-04-20", actor: "区卫健委", departmentId: "WJW" })).rule).toBe("publishing-department");
  });

  it("a department publishes only the records carrying its section; it may withhold only those (Chongqing 6.6 不适合公开)", () => {
    // WJW is dispatched one target only (Longting art. 19 派发): the other records carry SCJG's section alone
    const t = completed("chongqing", { wjwTargets: (ids) => [ids[0]!] });
    const mixed = t.records.find((r) => r.departments.length === 2)!;
    const scjgOnly = t.records.find((r) => r.departments.length === 1)!;
    expect(mixed.target.targetId).toBe(t.targetIds[0]);
    const wjwFirst = publishResults(t, { publishedOn: "2026-04-20", actor: "区卫健委", departmentId: "WJW" });
    expect(wjwFirst.event.payload.records).toEqual([mixed.id]);
    // the public view shows WJW's section only, and no SCJG-only record yet
    expect(publicView(wjwFirst.task).results.flatMap((r) => r.departments.map((d) => d.departmentId))).toEqual(["WJW"]);
    // WJW cannot withhold a record it took no part in; SCJG, which produced it, can (under chongqing, with its basis)
    const withheld = [{ recordId: scjgOnly.id, reason: "涉及国家秘密", basis: "保守国家秘密法 art. 2" }];
    const e = refusal(() => publishResults(t, { publishedOn: "2026-04-20", actor: "区卫健委", departmentId: "WJW", withheld }));
    expect(e.code).toBe("invalid-input");
    expect(e.issues[0]).toMatchObject({ rule: "withheld-own-results", clause: "Longting art. 22; Chongqing 6.6", path: ["withheld", 0, "recordId"] });
    const scjg = publishResults(t, { publishedOn: "2026-04-20", actor: "区市场监管局", departmentId: "SCJG", withheld });
    expect(scjg.event.payload.records).toEqual(t.records.map((r) => r.id));
    expect(scjg.task.withheld).toEqual(withheld.map((w) => ({ ...w, departmentId: "SCJG" })));
  });
});

describe("F01 — the 20 working days run from the end of the inspection, whatever the caller dates (Wolong 3.2; Longting art. 22; Chongqing 6.6)", () => {
  const deadline = computeDeadline("results-publication", "2026-04-15").date;
  it("results entered months after the inspection do not move the deadline: the entries and the publication are late", () => {
    const t = recorded("wolong", { enteredOn: "2026-09-25" });
    // every target inspected on 2026-04-15, never completed: overdue since the deadline
    expect(isPublicationOverdue(t, deadline)).toBe(false);
    expect(isPublicationOverdue(t, "2026-09-25")).toBe(true);
    const c = completeInspection(t, { completedOn: "2026-09-25", actor: "组" });
    expect(c.task.publicationDeadline).toMatchObject({ from: "2026-04-15", date: deadline });
    expect(c.event.payload).toMatchObject({ inspectionEndedOn: "2026-04-15", publicationDeadline: deadline });
    expect(c.event.payload.lateEntries).toEqual(t.records.map((r) => ({ recordId: r.id, enteredOn: "2026-09-25" })));
    const p = publishAll(c.task, { publishedOn: "2026-10-20", actor: "局" });
    expect(p.event.payload.late).toBe(true);
    expect(isPublicationOverdue(p.task, "2026-10-20")).toBe(true);
  });
  it("results entered and published within the 20 working days are on time", () => {
    const t = recorded("wolong", { enteredOn: "2026-04-20" });
    const c = completeInspection(t, { completedOn: "2026-04-20", actor: "组" });
    expect(c.event.payload).toMatchObject({ inspectionEndedOn: "2026-04-15", lateEntries: [] });
    const p = publishAll(c.task, { publishedOn: deadline, actor: "局" });
    expect(p.event.payload.late).toBe(false);
    expect(isPublicationOverdue(p.task, "2026-12-31")).toBe(false);
  });
  it("the deadline runs from the last target's inspection, not the first", () => {
    let t = startInspection(lockedTeams(), { on: "2026-04-10", actor: "组" }).task;
    const [a, ...rest] = t.targetIds;
    for (const id of rest) t = recordResult(t, recordFor(t, id), { on: "2026-04-15", actor: "组" }).task;
    t = recordResult(t, inspectedOnDay(recordFor(t, a!), "2026-05-20"), { on: "2026-05-20", actor: "组" }).task;
    const c = completeInspection(t, { completedOn: "2026-05-20", actor: "组" });
    expect(c.task.publicationDeadline).toMatchObject({ from: "2026-05-20", date: computeDeadline("results-publication", "2026-05-20").date });
    expect(isPublicationOverdue(t, computeDeadline("results-publication", "2026-05-20").date)).toBe(false);
  });
  it("a department publishing late makes the task overdue though another has not published yet", () => {
    const t = completed("longting");
    const scjgLate = publishResults(t, { publishedOn: "2026-06-30", actor: "局", departmentId: "SCJG" }).task;
    expect(scjgLate.departmentPublications?.SCJG?.late).toBe(true);
    expect(isPublicationOverdue(scjgLate, "2026-06-30")).toBe(true);
    const scjgOnTime = publishResults(t, { publishedOn: "2026-04-20", actor: "局", departmentId: "SCJG" }).task;
    expect(isPublicationOverdue(scjgOnTime, "2026-04-21")).toBe(false);
  });
});

function lockedTeams(): TaskLifecycle {
  const locked = lockTargets(drawnTask("longting"), { on: ON, actor: "信用监管科" }).task;
  const drawInput = stage2Input();
  const r = drawInspectors({ locked: locked.locked!, ...drawInput });
  if (!r.ok) throw new Error(r.messageEn);
  return withNotice(recordInspectorDraw(locked, r.record, { on: "2026-04-02", actor: "各参与部门", drawInput }).task);
}
