import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  amendLockedList, completeInspection, correctPublishedResult, decideRecusalRequest, lockTargets, recordResult, replaceInspector, replayTask, startInspection,
  type TaskLifecycle,
} from "../../src/index.js";
import { SCJG, drawnTask, recordFor, refusal, teamsTask } from "./_scenario.js";
import { inspectedOnDay, publishAll } from "./_publish.js";

// hostile9b (a regulator's audit, session 9): approvals dated before what they approve, a correction dated after the
// publication, and the team a record form is checked against when a replacement came after the inspection.

const head = (on: string) => ({ name: "李科长", role: "department-head" as const, on, departmentId: "SCJG" });

/** The scenario with inspection started on 04-10 and notice given, and one SCJG member of the first team to replace. */
function inspecting(): { t: TaskLifecycle; targetId: string; out: string; sub: string } {
  let t = startInspection(teamsTask("chongqing"), { on: "2026-04-10", actor: "检查组" }).task;
  const team = t.teams[0]!;
  const onTeam = new Set(t.teams.flatMap((x) => x.members.map((m) => m.inspectorId)));
  const out = team.members.find((m) => m.departmentId === "SCJG" && m.inspectorId !== team.leaderId)!.inspectorId;
  const sub = SCJG.find((i) => !onTeam.has(i.id) && i.category !== "expert")!.id;
  return { t, targetId: team.targetIds[0]!, out, sub };
}

const replace = (t: TaskLifecycle, targetId: string, out: string, sub: string, on: string, approvedOn = on) =>
  replaceInspector(t, { targetId, outgoingId: out, substituteId: sub, reason: "health", chosenBy: "科室", directory: SCJG, approval: head(approvedOn), on, actor: "科室" }).task;

describe("approvals are dated on or after what they approve (Chongqing 6.4, 6.5; Longting art. 19; 行政处罚法 art. 43)", () => {
  it("a locked-list change approved before the list was locked is refused; approved on the lock day it passes", () => {
    const t = lockTargets(drawnTask("chongqing"), { on: "2026-04-01", actor: "信用监管科" }).task;
    const input = (on: string) => ({ remove: [t.targetIds[0]!], add: [], reason: "已注销", approval: { name: "王局长", role: "principal-head" as const, on, departmentId: "SCJG" }, on: "2026-04-03", actor: "信用监管科" });
    const e = refusal(() => amendLockedList(t, input("2026-03-31")));
    expect(e).toMatchObject({ code: "dates-out-of-order" });
    expect(e.issues[0]).toMatchObject({ rule: "approval-after-fact", path: ["approval", "on"] });
    expect(e.issues[0]!.messageEn).toMatch(/locking of the list \(2026-04-01\)/);
    expect(amendLockedList(t, input("2026-04-01")).task.amendments).toHaveLength(1);
  });

  it("a replacement consented, or a recusal decided, before the inspectors were drawn is refused", () => {
    const t = teamsTask("chongqing"); // inspectors drawn 2026-04-02
    const team = t.teams[0]!;
    const { out, sub } = inspecting();
    const e = refusal(() => replace(t, team.targetIds[0]!, out, sub, "2026-04-05", "2026-04-01"));
    expect(e.issues[0]).toMatchObject({ rule: "approval-after-fact", path: ["approval", "on"] });
    expect(e.issues[0]!.messageZh).toMatch(/执法检查人员抽取日期（2026-04-02）/);
    const recusal = (on: string) => ({ targetId: team.targetIds[0]!, inspectorId: out, grounds: "系该企业股东亲属", granted: true, decision: head(on), substitute: { substituteId: sub, chosenBy: "科室", directory: SCJG }, on: "2026-04-05", actor: "科室" });
    expect(refusal(() => decideRecusalRequest(t, recusal("2026-04-01"))).issues[0]).toMatchObject({ rule: "approval-after-fact", path: ["decision", "on"] });
    expect(replace(t, team.targetIds[0]!, out, sub, "2026-04-05", "2026-04-02").replacements).toHaveLength(1);
    expect(decideRecusalRequest(t, recusal("2026-04-02")).task.replacements).toHaveLength(1);
  });
});

describe("a record form is checked against the team as it stood on the inspection day (Chongqing 6.6; Longting art. 19; 行政处罚法 art. 42)", () => {
  it("inspected before a replacement: the substitute cannot be on the form, the inspector who was there can", () => {
    const { t: t0, targetId, out, sub } = inspecting();
    const t = replace(t0, targetId, out, sub, "2026-04-12");
    // the form of the team as it is now (with the substitute), dated the day before the replacement: refused
    const now = inspectedOnDay(recordFor(t, targetId), "2026-04-11");
    const e = refusal(() => recordResult(t, now, { on: "2026-04-12", actor: "检查组" }));
    expect(e.code).toBe("record-form-refused");
    expect(e.issues.some((i) => i.rule === "team-member" && i.value === sub)).toBe(true);
    // the form of the team as it was on 04-11 (the outgoing inspector) is the honest one: accepted, and replays
    const then = inspectedOnDay(recordFor(t0, targetId), "2026-04-11");
    const done = recordResult(t, then, { on: "2026-04-12", actor: "检查组" }).task;
    expect(done.records[0]!.inspectors.map((i) => i.inspectorId)).toContain(out);
    expect(replayTask(JSON.parse(JSON.stringify(done.audit)) as TaskLifecycle["audit"]).records).toEqual(done.records);
    // inspected after the replacement: the current team's form passes, the old one is refused
    expect(recordResult(t, inspectedOnDay(recordFor(t, targetId), "2026-04-13"), { on: "2026-04-13", actor: "检查组" }).task.records).toHaveLength(1);
    expect(refusal(() => recordResult(t, inspectedOnDay(recordFor(t0, targetId), "2026-04-13"), { on: "2026-04-13", actor: "检查组" })).issues.some((i) => i.rule === "team-member" && i.value === out)).toBe(true);
  });

  it("a replacement recorded on the inspection day itself: the team of either side of it signs, not a mixture", () => {
    const { t: t0, targetId, out, sub } = inspecting();
    const t = replace(t0, targetId, out, sub, "2026-04-12");
    for (const form of [recordFor(t, targetId), recordFor(t0, targetId)]) {
      expect(recordResult(t, inspectedOnDay(form, "2026-04-12"), { on: "2026-04-12", actor: "检查组" }).task.records).toHaveLength(1);
    }
    // a form listing both the outgoing inspector and the substitute is no team's: refused
    const both = recordFor(t, targetId);
    const outEntry = recordFor(t0, targetId).inspectors.find((i) => i.inspectorId === out)!;
    const mixed = { ...both, inspectors: [...both.inspectors, outEntry], inspectorSignatures: [...both.inspectorSignatures, { inspectorId: out, signedOn: "2026-04-15" }] };
    expect(refusal(() => recordResult(t, inspectedOnDay(mixed, "2026-04-12"), { on: "2026-04-12", actor: "检查组" })).code).toBe("record-form-refused");
  });

  it("property: whatever the replacement and inspection days, a form is accepted iff it is the team of the inspection day", () => {
    const { t: t0, targetId, out, sub } = inspecting();
    const days = ["2026-04-11", "2026-04-12", "2026-04-13", "2026-04-14"];
    fc.assert(fc.property(fc.constantFrom(...days), fc.constantFrom(...days), fc.boolean(), (replacedOn, inspectedOn, oldForm) => {
      const t = replace(t0, targetId, out, sub, replacedOn);
      const recordedOn = inspectedOn > replacedOn ? inspectedOn : replacedOn;
      const form = inspectedOnDay(recordFor(oldForm ? t0 : t, targetId), inspectedOn);
      const teamThatDay = inspectedOn < replacedOn ? "old" : inspectedOn > replacedOn ? "new" : "either";
      const expected = teamThatDay === "either" || (teamThatDay === "old") === oldForm;
      let accepted = true;
      try {
        recordResult(t, form, { on: recordedOn, actor: "检查组" });
      } catch {
        accepted = false;
      }
      expect(accepted).toBe(expected);
    }), { seed: 909, numRuns: 60 });
  });
});

describe("a correction corrects the inspection that took place (Chongqing 6.6; Wancheng art. 21; Longting art. 17)", () => {
  it("a corrected inspection date after the completion (and the publication) is refused; the original date or an earlier one passes", () => {
    let t = startInspection(teamsTask("chongqing"), { on: "2026-04-10", actor: "检查组" }).task;
    for (const id of t.targetIds) t = recordResult(t, recordFor(t, id), { on: "2026-04-15", actor: "组" }).task;
    t = publishAll(completeInspection(t, { completedOn: "2026-04-16", actor: "组" }).task, { publishedOn: "2026-04-20", actor: "局" }).task;
    const id = t.targetIds[0]!;
    const correction = (day: string) => ({
      record: inspectedOnDay(recordFor(t, id, ["further-rectification-required"], t.records[0]!.id), day), reason: "复核", on: "2026-06-01", actor: "局",
      approval: { name: "王局长", role: "principal-head" as const, on: "2026-05-30", departmentId: "SCJG" },
    });
    for (const day of ["2026-04-17", "2026-04-21", "2026-05-25"]) {
      const e = refusal(() => correctPublishedResult(t, correction(day)));
      expect(e.code).toBe("dates-out-of-order");
      expect(e.issues[0]).toMatchObject({ rule: "correction-inspected-before-completion", path: ["record", "inspectedOn"], value: day });
    }
    for (const day of ["2026-04-15", "2026-04-16", "2026-04-12"]) expect(correctPublishedResult(t, correction(day)).task.state).toBe("corrected");
  });
});
