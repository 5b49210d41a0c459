// The lifecycle presets' cited data, read by the transitions (F09, F22, F11, F17): each refusal beside the lawful act.
import { describe, expect, it } from "vitest";
import {
  advanceNotice, correctPublishedResult, completeInspection, createSeed, drawInspectors, lockTargets, publishResults, recordIdentityShown, recordInspectorDraw, recordResult,
  replaceInspector, startInspection, type Inspector, type LifecyclePresetId, type TaskLifecycle,
} from "../../src/index.js";
import { SCJG, WJW, drawnTask, recordFor, refusal, teamsTask } from "./_scenario.js";
import { publishAll } from "./_publish.js";

const inspecting = (preset: LifecyclePresetId): TaskLifecycle => {
  let t = startInspection(teamsTask(preset), { on: "2026-04-10", actor: "组" }).task;
  if (preset === "wolong") {
    for (const id of t.targetIds) {
      const team = t.teams.find((x) => x.targetIds.includes(id))!;
      t = recordIdentityShown(t, { targetId: id, inspectorIds: team.members.map((m) => m.inspectorId), on: "2026-04-15", actor: "组" }).task;
    }
  }
  return t;
};
const record = (t: TaskLifecycle, outcome: string) => recordResult(t, recordFor(t, t.targetIds[0]!, [outcome as never]), { on: "2026-04-15", actor: "组" });

describe("F09 — each preset's outcome list (Wolong Annex B; Chongqing 6.6; Wancheng art. 21)", () => {
  it.each([
    ["wolong", "corrected-on-site", "compliant", "Wolong Annex B"],
    ["wolong", "deregistered", "non-compliant", "Wolong Annex B"],
    ["chongqing", "compliant", "corrected-on-site", "Chongqing 6.6"],
    ["chongqing", "non-compliant", "further-rectification-required", "Chongqing 6.6"],
    ["wancheng", "falsified-public-information", "compliant", "Wancheng art. 21"],
  ] as const)("%s: %s is refused, %s accepted", (preset, bad, good, clause) => {
    const t = inspecting(preset);
    const e = refusal(() => record(t, bad));
    expect(e.code).toBe("record-form-refused");
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ rule: "outcome-not-in-preset", path: ["departments", 0, "items", 0, "outcomes", 0], value: bad });
    expect(e.issues[0]!.clause.startsWith(clause)).toBe(true);
    expect(e.issues[0]!.messageZh).toMatch(/检查结果/);
    expect(e.issues[0]!.messageEn).toMatch(/outcome list/);
    expect(record(t, good).event.payload.outcomes).toContain(good);
  });
  it("a preset whose document gives no list (\"any\": longting, yanshi) accepts any outcome", () => {
    expect(record(inspecting("longting"), "moved-out").event.type).toBe("result-recorded");
    expect(record(inspecting("yanshi"), "deregistered").event.type).toBe("result-recorded");
  });
  it("a correction cannot bring in an outcome the preset does not list; one it lists is accepted", () => {
    let t = inspecting("chongqing");
    for (const id of t.targetIds) t = recordResult(t, recordFor(t, id), { on: "2026-04-15", actor: "组" }).task;
    t = publishAll(completeInspection(t, { completedOn: "2026-04-16", actor: "组" }).task, { publishedOn: "2026-04-20", actor: "局" }).task;
    const input = (outcome: string) => ({ record: recordFor(t, t.targetIds[0]!, [outcome as never], t.records[0]!.id), reason: "复核", approval: { name: "王局长", role: "principal-head" as const, on: "2026-04-25", departmentId: "SCJG" }, on: "2026-04-25", actor: "局" });
    expect(refusal(() => correctPublishedResult(t, input("non-compliant"))).issues[0]).toMatchObject({ rule: "outcome-not-in-preset", clause: expect.stringMatching(/^Chongqing 6\.6/) });
    expect(correctPublishedResult(t, input("further-rectification-required")).task.state).toBe("corrected");
  });
});

describe("F22 — wolong: every inspector on the form carries a 执法证号 (Wolong Annex B; Wolong 2.3)", () => {
  const without = (t: TaskLifecycle, k: number) => {
    const r = recordFor(t, t.targetIds[0]!);
    return { ...r, inspectors: r.inspectors.map((i, j) => (j === k ? { inspectorId: i.inspectorId, name: i.name, unit: i.unit, phone: i.phone } : i)) };
  };
  it("a form with an inspector without 执法证号 is refused naming the row; with every number, accepted", () => {
    const t = inspecting("wolong");
    const e = refusal(() => recordResult(t, without(t, 1), { on: "2026-04-15", actor: "组" }));
    expect(e.code).toBe("record-form-refused");
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ rule: "certificate-on-form", path: ["inspectors", 1, "certificateNumber"] });
    expect(e.issues[0]!.clause).toMatch(/^Wolong Annex B.*Wolong 2\.3/);
    expect(e.issues[0]!.messageZh).toMatch(/执法证号/);
    expect(recordResult(t, recordFor(t, t.targetIds[0]!), { on: "2026-04-15", actor: "组" }).event.type).toBe("result-recorded");
  });
  it("a preset without the rule (chongqing) accepts a form without numbers", () => {
    const c = inspecting("chongqing");
    expect(recordResult(c, without(c, 0), { on: "2026-04-15", actor: "组" }).event.type).toBe("result-recorded");
  });
});

describe("F11 — chongqing: a substitute holds 执法资格, a 执法证号 (Chongqing 6.5)", () => {
  const extra = (id: string, cert?: string): Inspector => ({ id, name: `卫健委${id}`, phone: "13800009999", departmentId: "WJW", category: "supervision-staff", expertise: ["公共卫生"], ...(cert === undefined ? {} : { certificateNumber: cert }) });
  const setup = (preset: LifecyclePresetId) => {
    const dir = [...WJW, extra("WJW-S"), extra("WJW-C", "豫WJW0009")];
    let t = lockTargets(drawnTask(preset), { on: "2026-04-01", actor: "信用监管科" }).task;
    const drawInput = { seed: createSeed("62".repeat(16), { kind: "other", description: "t2" }), initiatingDepartmentId: "SCJG", recusals: [], departments: [{ departmentId: "SCJG", inspectors: SCJG }, { departmentId: "WJW", inspectors: dir }] };
    const d = drawInspectors({ locked: t.locked!, ...drawInput });
    if (!d.ok) throw new Error(d.messageEn);
    t = recordInspectorDraw(t, d.record, { on: "2026-04-02", actor: "各参与部门", drawInput }).task;
    const team = t.teams.find((x) => !x.members.some((m) => m.inspectorId === "WJW-S" || m.inspectorId === "WJW-C"))!;
    const out = team.members.find((m) => m.departmentId === "WJW")!;
    const input = (substituteId: string) => ({ targetId: team.targetIds[0]!, outgoingId: out.inspectorId, substituteId, reason: "health" as const, approval: { name: "卫健委张主任", role: "department-head" as const, on: "2026-04-03", departmentId: "WJW" }, chosenBy: "卫健委", directory: dir, on: "2026-04-03", actor: "卫健委" });
    return { t, input };
  };
  it("a substitute without 执法证号 is refused; one with it is accepted", () => {
    const { t, input } = setup("chongqing");
    const e = refusal(() => replaceInspector(t, input("WJW-S")));
    expect(e.code).toBe("replacement-refused");
    expect(e.issues[0]).toMatchObject({ rule: "replacement-substitute-certificate", clause: expect.stringMatching(/^Chongqing 6\.5/), value: "WJW-S", path: ["substituteId"] });
    expect(e.issues[0]!.messageZh).toMatch(/执法资格/);
    expect(replaceInspector(t, input("WJW-C")).task.replacements).toHaveLength(1);
  });
  it("a preset without the rule (longting) accepts the substitute without 执法证号", () => {
    const { t, input } = setup("longting");
    expect(replaceInspector(t, input("WJW-S")).task.replacements).toHaveLength(1);
  });
});

describe("F17 — each refusal cites its own clause", () => {
  it("an inspection outside the task window cites Chongqing 6.2 (执行时间), not 6.3 (差异化抽查); inside it, accepted", () => {
    const t = teamsTask("chongqing");
    const e = refusal(() => startInspection(t, { on: "2026-10-08", actor: "组" }));
    expect(e.issues[0]!.clause).toContain("Chongqing 6.2");
    expect(e.issues[0]!.clause).not.toContain("Chongqing 6.3");
    expect(startInspection(t, { on: "2026-04-10", actor: "组" }).task.state).toBe("inspecting");
    const i = startInspection(t, { on: "2026-04-10", actor: "组" }).task;
    const r = recordFor(i, i.targetIds[0]!);
    const late = { ...r, inspectedOn: "2026-10-08", targetConfirmation: { kind: "signed" as const, signedOn: "2026-10-08" }, inspectorSignatures: r.inspectorSignatures.map((s) => ({ ...s, signedOn: "2026-10-08" })) };
    const c = refusal(() => recordResult(i, late, { on: "2026-10-08", actor: "组" })).issues[0]!.clause;
    expect(c).toContain("Chongqing 6.2");
    expect(c).not.toContain("Chongqing 6.3");
  });
  it.each([["chongqing", "Chongqing 6.5"], ["longting", "Longting art. 21"], ["wolong", "Wolong 2.3"], ["wancheng", "Wancheng art. 20"]] as const)("a flagged item under %s cites %s only", (preset, clause) => {
    const d = advanceNotice({ field: "食品经营", name: "食品经营者检查", objectType: "餐饮服务经营者", noAdvanceNotice: true }, { preset });
    expect(d.basis).toBe(clause);
  });
});
