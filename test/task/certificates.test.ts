// Wolong Annex B; 行政处罚法 art. 55: the 执法证号 on the record form is the one of the inspector's directory entry,
// as the stage-2 draw recorded it (drawInput). Each refusal beside the lawful form.
import { describe, expect, it } from "vitest";
import {
  completeInspection, correctPublishedResult, createSeed, drawInspectors, lockTargets, recordIdentityShown, recordInspectorDraw, recordResult, replayTask, startInspection,
  type InspectionRecordInput, type Inspector, type LifecyclePresetId, type TaskLifecycle,
} from "../../src/index.js";
import { SCJG, WJW, drawnTask, recordFor, refusal, teamsTask, withNotice } from "./_scenario.js";
import { publishAll } from "./_publish.js";

const showIdentity = (t0: TaskLifecycle): TaskLifecycle => {
  let t = t0;
  if (t.preset !== "wolong") return t;
  for (const id of t.targetIds) {
    const team = t.teams.find((x) => x.targetIds.includes(id))!;
    t = recordIdentityShown(t, { targetId: id, inspectorIds: team.members.map((m) => m.inspectorId), on: "2026-04-15", actor: "组" }).task;
  }
  return t;
};
const inspecting = (preset: LifecyclePresetId, base: TaskLifecycle = teamsTask(preset)): TaskLifecycle => showIdentity(startInspection(base, { on: "2026-04-10", actor: "组" }).task);
/** The first target's form with inspector `k`'s 执法证号 replaced (`undefined`: no number on the form). */
const withNumber = (t: TaskLifecycle, k: number, certificateNumber: string | undefined, id?: string): InspectionRecordInput => {
  const r = recordFor(t, t.targetIds[0]!, ["no-problem-found"], id);
  return { ...r, inspectors: r.inspectors.map((i, j) => (j !== k ? i : certificateNumber === undefined ? { inspectorId: i.inspectorId, name: i.name, unit: i.unit } : { ...i, certificateNumber })) };
};
const result = (t: TaskLifecycle, form: InspectionRecordInput) => recordResult(t, form, { on: "2026-04-15", actor: "组" });

describe("Wolong Annex B — the form's 执法证号 is the directory's (certificate-matches-directory)", () => {
  it("wolong: a number that differs from the directory entry is refused naming the row; the directory's number is accepted", () => {
    const t = inspecting("wolong");
    const e = refusal(() => result(t, withNumber(t, 1, "豫41139999")));
    expect(e.code).toBe("record-form-refused");
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ rule: "certificate-matches-directory", clause: "Wolong Annex B; 行政处罚法 art. 55", path: ["inspectors", 1, "certificateNumber"], value: "豫41139999" });
    expect(e.issues[0]!.messageZh).toMatch(/执法证号.*名录库/);
    expect(e.issues[0]!.messageEn).toMatch(/differs from the inspector directory/);
    expect(result(t, recordFor(t, t.targetIds[0]!)).event.type).toBe("result-recorded");
  });
  it("the number is compared by meaning: full-width characters and spaces as typed on a form are the same number", () => {
    const t = inspecting("wolong");
    const listed = recordFor(t, t.targetIds[0]!).inspectors[0]!.certificateNumber!;
    const typed = [...listed].map((c) => (/[A-Z0-9-]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join("").replace("证", "证 ");
    expect(typed).not.toBe(listed);
    expect(result(t, withNumber(t, 0, typed)).event.type).toBe("result-recorded");
  });
  it("every wrong number is reported at once, beside the other form problems", () => {
    const t = inspecting("wolong");
    const r = recordFor(t, t.targetIds[0]!);
    const form = { ...r, inspectors: r.inspectors.map((i) => ({ ...i, certificateNumber: `${i.certificateNumber}X` })) };
    const e = refusal(() => result(t, form));
    expect(e.issues.map((i) => i.rule)).toEqual(r.inspectors.map(() => "certificate-matches-directory"));
  });
  it("chongqing (no 执法证号 rule for the form): a number that contradicts the directory is refused under 行政处罚法 art. 55; no number is accepted", () => {
    const t = inspecting("chongqing");
    expect(refusal(() => result(t, withNumber(t, 0, "伪造0001"))).issues[0]).toMatchObject({ rule: "certificate-matches-directory", clause: "行政处罚法 art. 55" });
    expect(result(t, withNumber(t, 0, undefined)).event.type).toBe("result-recorded");
  });
  describe("an inspector whose directory entry has no 执法证号", () => {
    const drawnWith = (preset: LifecyclePresetId, wjw: readonly Inspector[]) => {
      const t = lockTargets(drawnTask(preset), { on: "2026-04-01", actor: "信用监管科" }).task;
      const drawInput = { seed: createSeed("62".repeat(16), { kind: "other", description: "t2" }), initiatingDepartmentId: "SCJG", recusals: [], departments: [{ departmentId: "SCJG", inspectors: SCJG }, { departmentId: "WJW", inspectors: wjw }] };
      const r = drawInspectors({ locked: t.locked!, ...drawInput });
      if (!r.ok) throw new Error(r.messageEn);
      return withNotice(recordInspectorDraw(t, r.record, { on: "2026-04-02", actor: "各参与部门", drawInput }).task);
    };
    const uncertified = WJW.map(({ certificateNumber: _c, ...i }) => i);
    it("wolong: the number on the form cannot be confirmed and is refused; chongqing accepts it (the directory says nothing)", () => {
      const w = inspecting("wolong", drawnWith("wolong", uncertified));
      const k = recordFor(w, w.targetIds[0]!).inspectors.findIndex((i) => i.inspectorId.startsWith("WJW"));
      const e = refusal(() => result(w, recordFor(w, w.targetIds[0]!)));
      expect(e.issues.map((i) => i.rule)).toContain("certificate-matches-directory");
      expect(e.issues.find((i) => i.rule === "certificate-matches-directory")).toMatchObject({ path: ["inspectors", k, "certificateNumber"] });
      expect(e.issues.find((i) => i.rule === "certificate-matches-directory")!.messageEn).toMatch(/cannot be confirmed/);
      const c = inspecting("chongqing", drawnWith("chongqing", uncertified));
      expect(result(c, recordFor(c, c.targetIds[0]!)).event.type).toBe("result-recorded");
    });
  });
  it("a correction after publication passes the same check (correctPublishedResult)", () => {
    let t = inspecting("chongqing");
    for (const id of t.targetIds) t = recordResult(t, recordFor(t, id), { on: "2026-04-15", actor: "组" }).task;
    t = publishAll(completeInspection(t, { completedOn: "2026-04-16", actor: "组" }).task, { publishedOn: "2026-04-20", actor: "局" }).task;
    const input = (form: InspectionRecordInput) => ({ record: form, reason: "复核", approval: { name: "王局长", role: "principal-head" as const, on: "2026-04-25", departmentId: "SCJG" }, on: "2026-04-25", actor: "局" });
    const e = refusal(() => correctPublishedResult(t, input(withNumber(t, 1, "伪造0002", t.records[0]!.id))));
    expect(e).toMatchObject({ code: "record-form-refused" });
    expect(e.issues[0]).toMatchObject({ rule: "certificate-matches-directory", path: ["inspectors", 1, "certificateNumber"] });
    expect(correctPublishedResult(t, input(recordFor(t, t.targetIds[0]!, ["corrected-on-site"], t.records[0]!.id))).task.state).toBe("corrected");
  });
  it("a task rebuilt from its trail (replayTask) still knows the directory", () => {
    const t = inspecting("wolong");
    const again = replayTask(t.audit);
    expect(refusal(() => result(again, withNumber(again, 0, "豫41139999"))).issues[0]).toMatchObject({ rule: "certificate-matches-directory" });
    expect(result(again, recordFor(again, again.targetIds[0]!)).event.type).toBe("result-recorded");
  });
});
