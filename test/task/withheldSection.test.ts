// Chongqing 6.6 「除依法依规不适合公开的情形外」 with 谁检查、谁公开 (Longting art. 22): a department withholds its own section
// of a joint record, not the whole record; the public view shows the record without that section. Each refusal beside
// the lawful act.
import { describe, expect, it } from "vitest";
import { completeInspection, loadTask, publicView, publishResults, recordResult, replayTask, startInspection, recordIdentityShown, type LifecyclePresetId, type TaskLifecycle } from "../../src/index.js";
import { recordFor, refusal, teamsTask } from "./_scenario.js";

function completed(preset: LifecyclePresetId = "chongqing"): TaskLifecycle {
  let t = startInspection(teamsTask(preset), { on: "2026-04-10", actor: "组" }).task;
  for (const id of t.targetIds) {
    if (preset === "wolong") t = recordIdentityShown(t, { targetId: id, inspectorIds: t.teams.find((x) => x.targetIds.includes(id))!.members.map((m) => m.inspectorId), on: "2026-04-15", actor: "组" }).task;
    t = recordResult(t, recordFor(t, id), { on: "2026-04-15", actor: "组" }).task;
  }
  return completeInspection(t, { completedOn: "2026-04-16", actor: "局" }).task;
}
const secret = (recordId: string, departmentId?: string) => ({ recordId, reason: "涉及国家秘密", basis: "保守国家秘密法 art. 2", ...(departmentId === undefined ? {} : { departmentId }) });
const sectionsOf = (t: TaskLifecycle) => publicView(t).results.map((r) => r.departments.map((d) => d.departmentId));

describe("Chongqing 6.6 — one department's section of a joint record withheld (withheld-section)", () => {
  it("SCJG withholds its own section of a joint record: published, the record shows WJW's section only and no joint 处理意见", () => {
    const t = completed();
    const [r0, r1] = t.records;
    const scjg = publishResults(t, { publishedOn: "2026-04-20", actor: "区市场监管局", departmentId: "SCJG", withheld: [secret(r0!.id, "SCJG")] });
    expect(scjg.task.withheld).toEqual([secret(r0!.id, "SCJG")]);
    const all = publishResults(scjg.task, { publishedOn: "2026-04-21", actor: "区卫健委", departmentId: "WJW" }).task;
    const view = publicView(all);
    expect(view.results).toHaveLength(t.records.length);
    expect(sectionsOf(all)[0]).toEqual(["WJW"]);
    expect(sectionsOf(all)[1]).toEqual(["SCJG", "WJW"]);
    expect(view.results[0]).not.toHaveProperty("handlingOpinion");
    expect(view.results[1]).toHaveProperty("handlingOpinion");
    expect(view).toMatchObject({ withheld: { count: 0, sections: 1, bases: ["保守国家秘密法 art. 2"] } });
    expect(r1).toBeDefined();
  });
  it("a department may withhold its own section when it publishes after another (that section was never public); not a whole record, nor another department's section", () => {
    const t = completed();
    const first = publishResults(t, { publishedOn: "2026-04-20", actor: "区市场监管局", departmentId: "SCJG" }).task;
    const r0 = t.records[0]!.id;
    expect(refusal(() => publishResults(first, { publishedOn: "2026-04-21", actor: "区卫健委", departmentId: "WJW", withheld: [secret(r0)] })).issues[0]).toMatchObject({ rule: "withheld-after-publication" });
    const e = refusal(() => publishResults(first, { publishedOn: "2026-04-21", actor: "区卫健委", departmentId: "WJW", withheld: [secret(r0, "SCJG")] }));
    expect(e.code).toBe("invalid-input");
    expect(e.issues[0]).toMatchObject({ rule: "withheld-section", clause: "Longting art. 22; Chongqing 6.6", path: ["withheld", 0, "departmentId"], value: "SCJG" });
    const wjw = publishResults(first, { publishedOn: "2026-04-21", actor: "区卫健委", departmentId: "WJW", withheld: [secret(r0, "WJW")] }).task;
    expect(wjw.state).toBe("published");
    expect(sectionsOf(wjw)[0]).toEqual(["SCJG"]);
  });
  it("a record whose every section is withheld is left out; a section listed twice, or beside its whole record, is refused", () => {
    const t = completed();
    const r0 = t.records[0]!.id;
    const scjg = publishResults(t, { publishedOn: "2026-04-20", actor: "区市场监管局", departmentId: "SCJG", withheld: [secret(r0, "SCJG")] }).task;
    const both = publishResults(scjg, { publishedOn: "2026-04-20", actor: "区卫健委", departmentId: "WJW", withheld: [secret(r0, "WJW")] }).task;
    expect(publicView(both).results).toHaveLength(t.records.length - 1);
    expect(publicView(both)).toMatchObject({ withheld: { count: 0, sections: 2 } });
    expect(refusal(() => publishResults(t, { publishedOn: "2026-04-20", actor: "区市场监管局", departmentId: "SCJG", withheld: [secret(r0, "SCJG"), secret(r0, "SCJG")] })).issues[0]).toMatchObject({ rule: "withheld-record", path: ["withheld", 1, "recordId"] });
    expect(refusal(() => publishResults(t, { publishedOn: "2026-04-20", actor: "区市场监管局", departmentId: "SCJG", withheld: [secret(r0, "SCJG"), secret(r0)] })).issues[0]).toMatchObject({ rule: "withheld-record", path: ["withheld", 1, "recordId"] });
    expect(refusal(() => publishResults(t, { publishedOn: "2026-04-20", actor: "区市场监管局", departmentId: "SCJG", withheld: [secret(r0), secret(r0, "SCJG")] })).issues[0]).toMatchObject({ rule: "withheld-record", path: ["withheld", 1, "recordId"] });
  });
  it("a section needs its reason and basis; a preset with no exemption (wolong) refuses a withheld section too", () => {
    const t = completed();
    const r0 = t.records[0]!.id;
    expect(refusal(() => publishResults(t, { publishedOn: "2026-04-20", actor: "局", departmentId: "SCJG", withheld: [{ recordId: r0, reason: "", basis: "x", departmentId: "SCJG" }] })).issues[0]).toMatchObject({ rule: "withheld-reason" });
    const w = completed("wolong");
    expect(refusal(() => publishResults(w, { publishedOn: "2026-04-20", actor: "局", departmentId: "SCJG", withheld: [secret(w.records[0]!.id, "SCJG")] })).issues[0]).toMatchObject({ rule: "withheld-no-exemption" });
  });
  it("the withheld section survives replay and a stored copy (loadTask)", () => {
    const t = completed();
    const scjg = publishResults(t, { publishedOn: "2026-04-20", actor: "区市场监管局", departmentId: "SCJG", withheld: [secret(t.records[0]!.id, "SCJG")] }).task;
    expect(replayTask(scjg.audit).withheld).toEqual(scjg.withheld);
    expect(loadTask(JSON.parse(JSON.stringify(scjg))).withheld).toEqual(scjg.withheld);
  });
});
