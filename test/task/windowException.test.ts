// Regulator finding G09 (case-13): a task delayed past its window on an internal approval alone. Longting art. 16 admits
// a delay only as an adjustment of the plan made public (「延迟…可对联合抽查年度工作计划进行调整，并将调整情况公开」);
// Chongqing 5.4 likewise (「动态调整，并及时…向社会公开」). Wolong, Wancheng and Yanshi have no such rule: the approved
// delay stands there without a notice, citing the preset's own clause.
import { describe, expect, it } from "vitest";
import { LIFECYCLE_PRESETS, completeInspection, recordIdentityShown, recordResult, startInspection, type LifecyclePresetId, type TaskLifecycle } from "../../src/index.js";
import { recordFor, refusal, teamsTask } from "./_scenario.js";

const approval = { name: "科长", role: "department-head" as const, on: "2026-11-12" };
const notice = { reference: "龙市监公告〔2026〕15号", on: "2026-11-12" };
function allButLast(preset: LifecyclePresetId): { t: TaskLifecycle; last: string } {
  let t = startInspection(teamsTask(preset), { on: "2026-04-10", actor: "检查组" }).task;
  const ids = t.targetIds;
  const shown = (x: TaskLifecycle, id: string, on: string) => preset === "wolong" ? recordIdentityShown(x, { targetId: id, inspectorIds: x.teams.find((tm) => tm.targetIds.includes(id))!.members.map((m) => m.inspectorId), on, actor: "组长" }).task : x;
  for (const id of ids.slice(0, -1)) t = recordResult(shown(t, id, "2026-04-15"), on(t, id, "2026-04-15"), { on: "2026-04-15", actor: "检查组" }).task;
  const last = ids[ids.length - 1]!;
  return { t: shown(t, last, "2026-11-13"), last };
}
const on = (t: TaskLifecycle, id: string, day: string) => {
  const r = recordFor(t, id, ["no-problem-found"]);
  return { ...r, inspectedOn: day, targetConfirmation: { kind: "signed" as const, signedOn: day }, inspectorSignatures: r.inspectorSignatures.map((x) => ({ ...x, signedOn: day })) };
};
const late = (preset: LifecyclePresetId, outsideWindow: Record<string, unknown>) => {
  const { t, last } = allButLast(preset);
  return recordResult(t, on(t, last, "2026-11-13"), { on: "2026-11-13", actor: "检查组", outsideWindow: outsideWindow as never });
};

describe("G09 — a delay past the window: public notice where the document requires it (Longting art. 16; Chongqing 5.4)", () => {
  it.each(["longting", "chongqing"] as const)("%s: an internal approval alone is refused with the preset's clause; with the public notice dated on or before the inspection it is recorded", (preset) => {
    const clause = LIFECYCLE_PRESETS[preset].windowException.clause;
    expect(LIFECYCLE_PRESETS[preset].windowException.publicNotice).toBe(true);
    expect(refusal(() => late(preset, { reason: "人手紧张，延后检查", approval })).issues[0]).toMatchObject({ rule: "window-exception-public-notice", clause, path: ["outsideWindow", "publicNotice"] });
    expect(refusal(() => late(preset, { reason: "人手紧张，延后检查", approval, publicNotice: { reference: " ", on: "2026-11-12" } })).issues[0]).toMatchObject({ rule: "window-exception-public-notice", clause });
    const after = refusal(() => late(preset, { reason: "人手紧张，延后检查", approval, publicNotice: { ...notice, on: "2026-11-14" } }));
    expect(after.code).toBe("dates-out-of-order");
    expect(after.issues[0]).toMatchObject({ rule: "window-exception-notice-first", clause });
    const r = late(preset, { reason: "计划调整，延后检查", approval, publicNotice: notice });
    expect(r.event.payload.windowException).toEqual({ reason: "计划调整，延后检查", approvedBy: "科长", approvedOn: "2026-11-12", publicNotice: notice });
    expect(completeInspection(r.task, { completedOn: "2026-11-13", actor: "检查组" }).task.state).toBe("results-recorded");
  });
  it.each(["wancheng", "wolong", "yanshi"] as const)("%s: no public-notice rule — the approved delay is recorded, and refusals cite the preset's own clause, not Longting", (preset) => {
    const rule = LIFECYCLE_PRESETS[preset].windowException;
    expect(rule.publicNotice).toBe(false);
    expect(rule.clause).not.toMatch(/Longting/);
    expect(refusal(() => late(preset, { reason: " ", approval })).issues[0]).toMatchObject({ rule: "window-exception-reason", clause: rule.clause });
    expect(late(preset, { reason: "汛期延迟", approval }).event.payload.windowException).toEqual({ reason: "汛期延迟", approvedBy: "科长", approvedOn: "2026-11-12" });
    expect(late(preset, { reason: "汛期延迟", approval, publicNotice: notice }).event.payload.windowException).toMatchObject({ publicNotice: notice });
  });
  it("startInspection after the window: the same rule (longting refused without the notice, accepted with it)", () => {
    const t = teamsTask("longting");
    const x = { reason: "汛期延迟", approval: { ...approval, on: "2026-10-01" } };
    expect(refusal(() => startInspection(t, { on: "2026-10-08", actor: "组", outsideWindow: x })).issues[0]).toMatchObject({ rule: "window-exception-public-notice", clause: "Longting art. 16" });
    expect(startInspection(t, { on: "2026-10-08", actor: "组", outsideWindow: { ...x, publicNotice: { reference: "龙市监公告〔2026〕11号", on: "2026-10-02" } } }).task.state).toBe("inspecting");
  });
});
