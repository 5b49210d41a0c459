import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as lib from "../../src/index.js";
import { ShuangsuijiError, LIFECYCLE_PRESETS, CREDIT_JURISDICTIONS, ITEM_FIELD_REQUIREMENTS, RATIO_BOUNDS, startTask, type TaskLifecycle } from "../../src/index.js";
import { TASK, WJW, teamsTask } from "./_scenario.js";

// Issue 17's contract for the task, credit and plan areas: hostile input gets a ShuangsuijiError (never a foreign
// TypeError), presets are deeply frozen, keys are own properties, inputs are copied rather than frozen in place.

const onlyOurs = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (!(e instanceof ShuangsuijiError)) throw new Error(`foreign error: ${String(e)}`, { cause: e });
  }
};
const hostile = fc.oneof(fc.anything({ maxDepth: 2 }), fc.constantFrom(null, undefined, "__proto__", { __proto__: null }, [], {}, Number.NaN, -1, 1e308));

describe("hostile input never escapes as a foreign error", () => {
  const t: TaskLifecycle = teamsTask("chongqing");
  const calls: readonly [string, (a: unknown, b: unknown) => unknown][] = [
    ["startTask", (a, b) => lib.startTask(a as never, b as never)],
    ["startTask options", (a) => lib.startTask(TASK, a as never)],
    ["recordTargetDraw", (a, b) => lib.recordTargetDraw(t, a as never, b as never)],
    ["lockTargets", (a) => lib.lockTargets(a as never, { on: "2026-04-01", actor: "x" })],
    ["amendLockedList", (a) => lib.amendLockedList(t, a as never)],
    ["recordInspectorDraw", (a, b) => lib.recordInspectorDraw(t, a as never, b as never)],
    ["replaceInspector", (a) => lib.replaceInspector(t, a as never)],
    ["decideRecusalRequest", (a) => lib.decideRecusalRequest(t, a as never)],
    ["addAssistant", (a) => lib.addAssistant(t, a as never)],
    ["advanceNotice", (a, b) => lib.advanceNotice(a as never, b as never)],
    ["startInspection", (a) => lib.startInspection(t, a as never)],
    ["recordResult", (a, b) => lib.recordResult(lib.startInspection(t, { on: "2026-04-10", actor: "x" }).task, a as never, b as never)],
    ["recordIdentityShown", (a) => lib.recordIdentityShown(lib.startInspection(t, { on: "2026-04-10", actor: "x" }).task, a as never)],
    ["completeInspection", (a) => lib.completeInspection(t, a as never)],
    ["publishResults", (a) => lib.publishResults(t, a as never)],
    ["isPublicationOverdue", (a) => lib.isPublicationOverdue(t, a as never)],
    ["correctPublishedResult", (a) => lib.correctPublishedResult(t, a as never)],
    ["maskPersonalData", (a) => lib.maskPersonalData(a as never)],
    ["maskPhone, maskIdNumber", (a, b) => [lib.maskPhone(a as never), lib.maskIdNumber(b as never)]],
    ["publicView", (a) => lib.publicView(a as never)],
    ["evaluateCreditRepair", (a, b) => lib.evaluateCreditRepair(a as never, b as never)],
    ["evaluateCreditRepair options", (a) => lib.evaluateCreditRepair({ result: { outcomes: ["non-compliant"], publishedOn: "2026-04-10" }, measures: [], facts: { penaltyFulfilled: true, harmRemedied: true, noRepeatViolation: true }, evaluatedOn: "2026-05-01" }, a as never)],
    ["buildItemList", (a, b) => lib.buildItemList("x", a as never, b as never)],
    ["buildItemList options", (a) => lib.buildItemList("x", [], [], a as never)],
    ["checkAnnualPlan", (a, b) => lib.checkAnnualPlan(a as never, b as never)],
    ["checkRiskDifferentiation", (a) => lib.checkRiskDifferentiation(a as never)],
    ["planAdHocTask", (a, b) => lib.planAdHocTask(a as never, b as never)],
    ["requireItemList", (a) => lib.requireItemList(a as never)],
    ["adjustItemList", (a, b) => lib.adjustItemList(lib.requireItemList(lib.buildItemList("x", [], [])), a as never, b as never, [])],
    ["adjustItemList list", (a, b) => lib.adjustItemList(a as never, {}, b as never, [])],
    ["adjustAnnualPlan", (a, b) => lib.adjustAnnualPlan(a as never, b as never, { on: "2026-06-01", reason: "r", publicNotice: "n" })],
    ["splitPlanRow", (a, b) => lib.splitPlanRow(a as never, 1, b as never)],
    ["estimateDrawCounts", (a, b) => lib.estimateDrawCounts(a as never, b as never)],
    ["estimateDrawCounts units", (a) => lib.estimateDrawCounts([a] as never, { strata: { A: { ratio: 0.1 } } })],
    ["combineIndustryChecks", (a, b) => lib.combineIndustryChecks("食品经营", a as never, b as never)],
  ];
  for (const [name, call] of calls) {
    it(name, () => {
      fc.assert(fc.property(hostile, hostile, (a, b) => onlyOurs(() => call(a, b))), { seed: 41, numRuns: 150 });
    });
  }
});

describe("presets and rule tables are deeply frozen; keys are own properties", () => {
  it("frozen", () => {
    for (const x of [LIFECYCLE_PRESETS, LIFECYCLE_PRESETS.chongqing, LIFECYCLE_PRESETS.chongqing.replacement, CREDIT_JURISDICTIONS.wancheng, ITEM_FIELD_REQUIREMENTS.wancheng.fields, RATIO_BOUNDS.yanshi]) expect(Object.isFrozen(x)).toBe(true);
  });
  it("__proto__, toString and constructor are not presets", () => {
    for (const preset of ["__proto__", "toString", "constructor", "hasOwnProperty"]) {
      expect(() => startTask(TASK, { preset: preset as never, on: "2026-03-30", actor: "x" })).toThrowError(ShuangsuijiError);
      expect(() => lib.evaluateCreditRepair({ result: { outcomes: ["non-compliant"], publishedOn: "2026-04-10" }, measures: [], facts: { penaltyFulfilled: true, harmRemedied: true, noRepeatViolation: true }, evaluatedOn: "2026-05-01" }, { ruleSet: preset as never })).toThrowError(ShuangsuijiError);
    }
  });
  it("a custom preset is validated, copied and works", () => {
    const custom = { ...LIFECYCLE_PRESETS.longting, source: "某县细则", replacement: { allowOther: true, approver: "department-head" as const, clause: "某县细则第9条" } };
    const r = startTask(TASK, { preset: custom, on: "2026-03-30", actor: "x" });
    expect(r.task.preset).toBe("custom");
    expect(r.task.rules).toEqual(custom);
    expect(Object.isFrozen(custom)).toBe(false); // the caller's object is copied, not frozen in place
    expect(() => startTask(TASK, { preset: { ...custom, replacement: { allowOther: "yes" } } as never, on: "2026-03-30", actor: "x" })).toThrowError(ShuangsuijiError);
  });
  it("inputs are copied, not frozen in place", () => {
    const t = teamsTask("wancheng");
    const team = t.teams[0]!;
    const assistant = { name: "赵工", kind: "expert" as const };
    const r = lib.addAssistant(t, { targetId: team.targetIds[0]!, assistant, on: "2026-04-09", actor: "组长" });
    expect(Object.isFrozen(assistant)).toBe(false);
    expect(r.task.teams[0]!.assistants[0]).not.toBe(assistant);
    const out = team.members.find((m) => m.departmentId === "WJW")!;
    const sub = WJW.find((i) => !team.members.some((m) => m.inspectorId === i.id))!;
    const approval = { name: "李科长", role: "department-head" as const, on: "2026-04-08", departmentId: "WJW" };
    const directory = [...WJW];
    const x = lib.replaceInspector(t, { targetId: team.targetIds[0]!, outgoingId: out.inspectorId, substituteId: sub.id, reason: "health", approval, chosenBy: "卫健委", directory, on: "2026-04-08", actor: "x" });
    expect(Object.isFrozen(approval)).toBe(false);
    expect(Object.isFrozen(directory)).toBe(false);
    expect(x.task.replacements[0]!.approval).toEqual(approval);
    expect(x.task.replacements[0]!.approval).not.toBe(approval);
  });
});
