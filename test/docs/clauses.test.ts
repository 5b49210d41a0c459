import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.js";
import {
  AnnualPlanSchema, DepartmentSchema, InspectionItemSchema, InspectionSchemeSchema, InspectionTargetSchema, InspectorSchema, LIFECYCLE_PRESETS, ShuangsuijiError, SpotCheckTaskSchema,
  TASK_STATES, addAssistant, advanceNotice, amendLockedList, annualPlanDeadline, buildItemList, checkAnnualPlan, checkRiskDifferentiation, commitPool, completeInspection,
  computeDeadline, consequencesOf, correctPublishedResult, decideRecusalRequest, evaluateCreditRepair, lockTargets, maskPersonalData, planAdHocTask, publicView, publishResults,
  recordIdentityShown, recordResult, replaceInspector, seedFromDice, startInspection, startTask, verifyAuditTrail,
  type AnnualPlan, type CreditRepairInput, type Department, type InspectionItem, type InspectionRecordInput, type LifecyclePresetId, type TaskLifecycle,
} from "../../src/index.js";
import { POOL, SCJG, TASK, WJW, drawnTask, recordFor, refusal, teamsTask } from "../task/_scenario.js";
import { inspectedOnDay, publishAll } from "../task/_publish.js";
import { citedInSource, clausesIn, matrixRows } from "./_clauses.js";

const root = new URL("../../", import.meta.url);
const matrix = readFileSync(new URL("docs/clauses.md", root), "utf8");
const rows = matrixRows(matrix);

const err = refusal;
const head = (on = "2026-04-01", departmentId = "SCJG") => ({ name: "李科长", role: "department-head" as const, on, departmentId });
const principal = (on = "2026-04-01", departmentId = "SCJG") => ({ name: "王局长", role: "principal-head" as const, on, departmentId });
const inspecting = (preset: LifecyclePresetId = "chongqing"): TaskLifecycle => startInspection(teamsTask(preset), { on: "2026-04-10", actor: "组" }).task;
const identity = (t: TaskLifecycle, targetId: string, on = "2026-04-15") => recordIdentityShown(t, { targetId, inspectorIds: t.teams.find((x) => x.targetIds.includes(targetId))!.members.map((m) => m.inspectorId), on, actor: "组长" }).task;
function recordAll(t0: TaskLifecycle): TaskLifecycle {
  let t = t0;
  for (const id of t.targetIds) {
    if (t.preset === "wolong") t = identity(t, id);
    // the last target is inspected (and its result entered) on 2026-04-30: the inspection ends then, and the deadline
    // runs from it (Wolong 3.2)
    const lastOne = id === t.targetIds[t.targetIds.length - 1];
    const form = recordFor(t, id, id === t.targetIds[0] ? ["information-not-published"] : ["no-problem-found"]);
    t = recordResult(t, lastOne ? inspectedOnDay(form, "2026-04-30") : form, { on: lastOne ? "2026-04-30" : "2026-04-15", actor: "组" }).task;
  }
  return t;
}
const completed = (preset: LifecyclePresetId = "chongqing") => completeInspection(recordAll(inspecting(preset)), { completedOn: "2026-04-30", actor: "局" }).task;
const published = (preset: LifecyclePresetId = "chongqing") => publishAll(completed(preset), { publishedOn: "2026-05-20", actor: "局" }).task;

describe("the clause matrix (docs/clauses.md) and the source stay in sync", () => {
  const cited = citedInSource(new URL("src", root).pathname);
  const canonical = (clause: string) => {
    const keys = [...clausesIn(clause)];
    return keys.length === 1 && keys[0] === clause ? clause : undefined;
  };
  const byKey = new Map(rows.flatMap((r) => (canonical(r.clause) === undefined ? [] : [[r.clause, r] as const])));
  it("has rows, each with a verdict of the five kinds", () => {
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) expect(r.verdict, `line ${r.line}`).toMatch(/^(implemented|configurable default|partial: \S|covered by `[^`]+`|out of scope: \S)/);
  });
  it("every clause cited under src/ is a row", () => {
    const missing = [...cited].filter(([k]) => !byKey.has(k)).map(([k, f]) => `${k} (cited in ${f})`);
    expect(missing).toEqual([]);
  });
  it("every implemented, partial or configurable row is cited under src/, names existing exports and existing tests", () => {
    for (const r of rows) {
      if (!/^(implemented|configurable default|partial: )/.test(r.verdict)) continue;
      const key = canonical(r.clause);
      if (key !== undefined) expect(cited.has(key), `${key} (line ${r.line}) is not cited under src/`).toBe(true);
      expect(r.exports.length, `${r.clause}: no export`).toBeGreaterThan(0);
      for (const e of r.exports) expect(Object.hasOwn(lib, e), `${r.clause}: export ${e}`).toBe(true);
      expect(r.tests.length, `${r.clause}: no test`).toBeGreaterThan(0);
      for (const t of r.tests) {
        const file = new URL(t.file, root);
        expect(existsSync(file), `${r.clause}: ${t.file}`).toBe(true);
        expect(readFileSync(file, "utf8").includes(`"${t.name}`) || readFileSync(file, "utf8").includes(t.name), `${r.clause}: test "${t.name}" in ${t.file}`).toBe(true);
      }
    }
  });
  it("tests named in this file exist as describe blocks here", () => {
    const self = readFileSync(new URL("test/docs/clauses.test.ts", root), "utf8");
    for (const r of rows) for (const t of r.tests) if (t.file === "test/docs/clauses.test.ts") expect(self.includes(`describe("${t.name}"`), t.name).toBe(true);
  });
  it("a covered row points to a row that carries the export and the test", () => {
    for (const r of rows) {
      const m = /^covered by `([^`]+)`/.exec(r.verdict);
      if (m === null) continue;
      expect(byKey.get(m[1] as string)?.verdict, `${r.clause} → ${m[1]}`).toMatch(/^(implemented|configurable default|partial: )/);
    }
  });
  it("the sync check itself catches a missing row and a phantom citation", () => {
    expect(clausesIn("see Longting arts. 19–21 and Chongqing table F.1; 民法典 arts. 201–203, 总局令第45号 art. 14(1)")).toEqual(
      new Set(["Longting art. 19", "Longting art. 20", "Longting art. 21", "Chongqing F.1", "民法典 art. 201", "民法典 art. 202", "民法典 art. 203", "总局令第45号 art. 14"]),
    );
    expect(byKey.has("Longting art. 99")).toBe(false);
  });
  it("the regulator's rows carry the corrected verdicts (partial, out of scope)", () => {
    // F01 closed (the deadline runs from the last inspectedOn) and F13 closed (publishing-department-required), with the
    // 归集 recorded (recordPenaltyInfoCollected): these rows are implemented
    for (const k of ["Wolong 3.2", "Longting art. 22", "Wancheng art. 21"]) expect(byKey.get(k)?.verdict, k).toMatch(/^implemented: \S/);
    // F12 closed (approvals name the department concerned): the rows it alone kept partial are implemented
    for (const k of ["Longting art. 19", "Chongqing 6.4"]) expect(byKey.get(k)?.verdict, k).toBe("implemented");
    // F15, F08, F21 closed (startTask and recordTargetDraw: the plan, the general-item cap, the Yanshi 5%–100%)
    for (const k of ["Chongqing 5.2", "Chongqing 6.2", "Longting art. 13", "Yanshi 6"]) expect(byKey.get(k)?.verdict, k).toBe("implemented");
    // a department withholds only its own section of a joint record (G02), the 处理意见 waits for every department (G06)
    expect(byKey.get("Chongqing 6.6")?.verdict).toMatch(/^implemented: .*G02, G06 closed/);
    // 建议…见证 is a preset option, advisory under wolong (drawWitnesses)
    expect(byKey.get("Wolong 2.2")?.verdict).toMatch(/^configurable default: .*advisories/);
    // the form's 执法证号 is checked against the directory the stage-2 draw ran on (certificate-matches-directory)
    expect(byKey.get("Wolong Annex B")?.verdict).toMatch(/^implemented: .*certificate-matches-directory/);
    // F06 closed (recordInspectorDraw: every-department-draws)
    expect(byKey.get("Wancheng art. 20")?.verdict).toBe("implemented");
    // F05 closed (publishableDrawRecord: drawn-list-confidential)
    expect(byKey.get("Yanshi 8.3")?.verdict).toBe("implemented");
    expect(byKey.get("Wancheng art. 26")?.verdict).toMatch(/^out of scope: /);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// One example per clause row: the refusal and the allowed case side by side.

describe("Wolong 1.2", () => {
  it("the plan is due by 31 March; a later one is reported", () => {
    const data = (f: string) => JSON.parse(readFileSync(new URL(`examples/data/${f}`, root), "utf8"));
    const items: InspectionItem[] = data("items.json").map((i: unknown) => InspectionItemSchema.parse(i));
    const departments: Department[] = data("departments.json");
    const plan: AnnualPlan = AnnualPlanSchema.parse(data("plan.json"));
    expect(annualPlanDeadline(2026, "wolong").date).toBe("2026-03-31");
    expect(checkAnnualPlan(AnnualPlanSchema.parse({ ...plan, publishedOn: "2026-04-01" }), { items, departments, jurisdiction: "wolong" }).issues.map((i) => i.rule)).toContain("plan-publication");
    expect(checkAnnualPlan(AnnualPlanSchema.parse({ ...plan, publishedOn: "2026-03-31" }), { items, departments, jurisdiction: "wolong" }).issues.map((i) => i.rule)).not.toContain("plan-publication");
  });
});

describe("Wolong 2.1", () => {
  it("a scheme states the time, the targets, the items, the procedure and the result handling", () => {
    const scheme = { id: "S-1", taskId: "T-1", window: { start: "2026-04-01", end: "2026-06-30" }, targetDescription: "餐饮服务经营者", itemIds: ["SCJG-02"], procedure: "抽取—检查—公示", resultHandling: "20个工作日内公示" };
    expect(InspectionSchemeSchema.safeParse(scheme).success).toBe(true);
    const { procedure: _p, ...noProcedure } = scheme;
    expect(InspectionSchemeSchema.safeParse(noProcedure).success).toBe(false);
  });
});

describe("Wolong 2.2", () => {
  it("a task without its window is refused; the witnessed draw records its witnesses", () => {
    const { window: _w, ...noWindow } = TASK;
    expect(err(() => startTask(noWindow as typeof TASK, { preset: "wolong", on: "2026-03-30", actor: "x" })).code).toBe("invalid-input");
    expect(startTask(TASK, { preset: "wolong", on: "2026-03-30", actor: "x" }).task.preset).toBe("wolong");
    const seed = seedFromDice({ digits: "314159265358979323846264338327950288419", witnesses: ["张伟", "李娜"], date: "2026-04-01" });
    expect(seed.provenance).toMatchObject({ kind: "dice", witnesses: ["张伟", "李娜"] });
  });
});

describe("Wolong 2.3", () => {
  it("under the wolong preset a result needs identity and certificates shown first; notice is required where possible", () => {
    const t = inspecting("wolong");
    const id = t.targetIds[0]!;
    expect(err(() => recordResult(t, recordFor(t, id), { on: "2026-04-15", actor: "组" }))).toMatchObject({ code: "record-form-refused", rule: "identity-not-shown", clause: "Wolong 2.3" });
    expect(recordResult(identity(t, id), recordFor(t, id), { on: "2026-04-15", actor: "组" }).task.records).toHaveLength(1);
    expect(err(() => recordIdentityShown(t, { targetId: id, inspectorIds: ["SCJG-X"], on: "2026-04-15", actor: "组" })).rule).toBe("team-member");
    expect(advanceNotice({ field: "价格", name: "明码标价检查", objectType: "经营者" }, { preset: "wolong" }).notice).toBe("required");
    // F20: Wolong 2.3 has no exemption list — an item flag or a Chongqing category exempts nothing under wolong
    expect(advanceNotice({ field: "价格", name: "明码标价检查", objectType: "经营者", noAdvanceNotice: true }, { preset: "wolong" })).toMatchObject({ notice: "required", basis: "Wolong 2.3", notAllowed: [{ ground: "item-flag" }] });
    expect(advanceNotice({ field: "价格", name: "明码标价检查", objectType: "经营者", noAdvanceNotice: true }, { preset: "chongqing" })).toMatchObject({ notice: "exempt", basis: "Chongqing 6.5" });
    expect(err(() => startInspection(teamsTask("wolong"), { on: "2026-03-01", actor: "组" })).code).toBe("dates-out-of-order");
  });
});

describe("Wolong 3.1", () => {
  it("every inspector on the form signs (wolong); a missing signature is refused", () => {
    const t = inspecting("wolong");
    const id = t.targetIds[0]!;
    const shown = identity(t, id);
    const form = recordFor(t, id);
    const oneShort = { ...form, inspectorSignatures: form.inspectorSignatures.slice(1) };
    expect(err(() => recordResult(shown, oneShort, { on: "2026-04-15", actor: "组" }))).toMatchObject({ code: "record-form-refused", rule: "signatures-complete", clause: "Wolong 3.1" });
    expect(recordResult(shown, form, { on: "2026-04-15", actor: "组" }).event.type).toBe("result-recorded");
  });
});

describe("Wolong 3.2", () => {
  it("completion cannot predate the last inspection; publication cannot predate completion", () => {
    const t = recordAll(inspecting());
    expect(err(() => completeInspection(t, { completedOn: "2026-04-14", actor: "局" }))).toMatchObject({ code: "dates-out-of-order" });
    const done = completeInspection(t, { completedOn: "2026-04-30", actor: "局" }).task;
    expect(done.publicationDeadline?.date).toBe(computeDeadline("results-publication", "2026-04-30").date);
    expect(err(() => publishAll(done, { publishedOn: "2026-04-29", actor: "局" }))).toMatchObject({ code: "dates-out-of-order" });
    expect(publishAll(done, { publishedOn: "2026-04-30", actor: "局" }).task.state).toBe("published");
  });
});

describe("Wolong Annex B", () => {
  it("a team department without its section is refused; a section for a department not on the team too", () => {
    const t = inspecting();
    const id = t.targetIds[0]!;
    const form = recordFor(t, id);
    const noWjw = { ...form, departments: form.departments.filter((d) => d.departmentId !== "WJW") };
    expect(err(() => recordResult(t, noWjw, { on: "2026-04-15", actor: "组" })).issues.map((i) => i.rule)).toContain("department-section-missing");
    const extra = { ...form, departments: [...form.departments, { departmentId: "SWJ", items: [{ itemName: "税务", outcomes: ["no-problem-found" as const] }] }] };
    expect(err(() => recordResult(t, extra, { on: "2026-04-15", actor: "组" })).issues.map((i) => i.rule)).toContain("department-not-on-team");
    expect(recordResult(t, form, { on: "2026-04-15", actor: "组" }).task.records).toHaveLength(1);
  });
});

describe("Longting art. 2", () => {
  it("a department needs an id and a name", () => {
    expect(DepartmentSchema.safeParse({ id: "SCJG", name: "区市场监督管理局" }).success).toBe(true);
    expect(DepartmentSchema.safeParse({ id: "SCJG" }).success).toBe(false);
  });
});

describe("Longting art. 12", () => {
  it("an annual plan has at least one row", () => {
    expect(AnnualPlanSchema.safeParse({ id: "P", year: 2026, name: "2026年度计划", rows: [] }).success).toBe(false);
    const row = { seq: 1, name: "r", initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: [], initiatingItemIds: ["SCJG-02"], cooperatingItemIds: [], targetDescription: "x", window: { start: "2026-04-01", end: "2026-06-30" }, ratio: 0.05 };
    expect(AnnualPlanSchema.safeParse({ id: "P", year: 2026, name: "2026年度计划", rows: [row] }).success).toBe(true);
  });
});

describe("Longting art. 13", () => {
  it("an ad-hoc check must say why; with its ground it is allowed", () => {
    const { planId: _planId, ...unplanned } = TASK;
    expect(err(() => planAdHocTask(unplanned, { ground: "sudden-risk", explanation: " " })).rule).toBe("ad-hoc");
    expect(planAdHocTask(unplanned, { ground: "sudden-risk", explanation: "学校周边食品安全突发风险" }).adHocGround).toBeDefined();
  });
});

describe("Longting art. 15", () => {
  it("a riskier class sampled less than a safer one is warned about", () => {
    const r = checkRiskDifferentiation([{ riskClass: "A", ratio: 0.03 }, { riskClass: "B", ratio: 0.05 }, { riskClass: "C", ratio: 0.04 }, { riskClass: "D", ratio: 1 }]);
    expect(r.warnings.map((w) => [w.rule, w.clause, w.value])).toEqual([["risk-ratio-order", "Longting art. 15; Chongqing 6.3", 0.04]]);
    expect(checkRiskDifferentiation([{ riskClass: "A", ratio: 0.03 }, { riskClass: "B", ratio: 0.05 }, { riskClass: "C", ratio: 0.2 }, { riskClass: "D", ratio: 1 }]).ok).toBe(true);
  });
});

describe("Longting art. 16", () => {
  it("an inspection outside the window needs an approved delay; frequency must rise with risk", () => {
    const t = inspecting();
    const id = t.targetIds[0]!;
    const late = { ...recordFor(t, id), inspectedOn: "2026-10-08", targetConfirmation: { kind: "signed" as const, signedOn: "2026-10-08" }, inspectorSignatures: recordFor(t, id).inspectorSignatures.map((s) => ({ ...s, signedOn: "2026-10-08" })) };
    expect(err(() => recordResult(t, late, { on: "2026-10-09", actor: "组" }))).toMatchObject({ code: "dates-out-of-order", rule: "inspection-in-window" });
    expect(err(() => recordResult(t, late, { on: "2026-10-09", actor: "组", outsideWindow: { reason: "任务延迟（计划调整已公开）", approval: head("2026-10-09") } })).code).toBe("approval-late");
    // G09: Chongqing 5.4 (as Longting art. 16) requires the adjustment to be made public
    expect(err(() => recordResult(t, late, { on: "2026-10-09", actor: "组", outsideWindow: { reason: "任务延迟（计划调整已公开）", approval: head("2026-09-25") } })).issues[0]).toMatchObject({ rule: "window-exception-public-notice", clause: LIFECYCLE_PRESETS.chongqing.windowException.clause });
    const ok = recordResult(t, late, { on: "2026-10-09", actor: "组", outsideWindow: { reason: "任务延迟（计划调整已公开）", approval: head("2026-09-25"), publicNotice: { reference: "渝市监公告〔2026〕9号", on: "2026-09-26" } } });
    expect(ok.event.payload.windowException).toMatchObject({ reason: "任务延迟（计划调整已公开）", approvedBy: "李科长", publicNotice: { reference: "渝市监公告〔2026〕9号", on: "2026-09-26" } });
    expect(checkRiskDifferentiation([{ riskClass: "A", ratio: 0.05, frequencyPerYear: 2 }, { riskClass: "D", ratio: 1, frequencyPerYear: 1 }]).warnings[0]?.rule).toBe("risk-frequency-order");
  });
});

describe("Longting art. 17", () => {
  it("the lifecycle runs 分类建库 → 摇号 → 实地核查 → 公示 in order", () => {
    expect(TASK_STATES.indexOf("targets-locked")).toBeLessThan(TASK_STATES.indexOf("inspecting"));
    expect(TASK_STATES.indexOf("inspecting")).toBeLessThan(TASK_STATES.indexOf("published"));
    expect(SpotCheckTaskSchema.safeParse(TASK).success).toBe(true);
  });
});

describe("Longting art. 18", () => {
  it("an amendment may only add a target from the committed pool", () => {
    const t = lockTargets(drawnTask("chongqing"), { on: "2026-04-01", actor: "x" }).task;
    const outside = POOL.map((u) => u.id).find((id) => !t.targetIds.includes(id))!;
    expect(err(() => amendLockedList(t, { add: ["91440300MA5FUTURE1"], remove: [], reason: "补充", approval: principal(), on: "2026-04-01", actor: "x" }))).toMatchObject({ code: "amendment-refused", rule: "amendment-origin" });
    expect(err(() => amendLockedList(t, { add: ["91440300MA5FUTURE1"], remove: [], reason: "补充", approval: principal(), pool: POOL, on: "2026-04-01", actor: "x" }))).toMatchObject({ code: "amendment-refused", rule: "amendment-origin" });
    expect(err(() => amendLockedList(t, { add: [outside], remove: [], reason: "补充", approval: principal(), pool: POOL.slice(1), on: "2026-04-01", actor: "x" })).rule).toBe("amendment-pool");
    const ok = amendLockedList(t, { add: [outside], remove: [], reason: "抽取后核实漏列", approval: principal(), pool: POOL, on: "2026-04-01", actor: "x" });
    expect(ok.event.payload).toMatchObject({ origin: "committed-pool", poolDigest: commitPool(POOL).digest });
  });
});

describe("Longting art. 19", () => {
  it("the list never changes under Longting; a replacement needs an allowed reason and a timely approval", () => {
    const locked = lockTargets(drawnTask("longting"), { on: "2026-04-01", actor: "x" }).task;
    expect(err(() => amendLockedList(locked, { add: [], remove: [locked.targetIds[0]!], reason: "r", approval: principal(), on: "2026-04-01", actor: "x" })).code).toBe("locked-list-immutable");
    const t = teamsTask("longting");
    const team = t.teams[0]!;
    const member = team.members.find((m) => m.departmentId === "SCJG" && m.inspectorId !== team.leaderId)!;
    const free = SCJG.find((i) => i.category !== "expert" && !team.members.some((m) => m.inspectorId === i.id))!;
    const base = { targetId: team.targetIds[0]!, outgoingId: member.inspectorId, substituteId: free.id, reason: "health" as const, approval: head("2026-04-08"), chosenBy: "城关所", directory: SCJG, on: "2026-04-08", actor: "x" };
    expect(err(() => replaceInspector(t, { ...base, reason: "other", explanation: "出差" })).rule).toBe("replacement-reason");
    expect(err(() => replaceInspector(t, { ...base, approval: head("2026-04-09") })).code).toBe("approval-late");
    expect(replaceInspector(t, base).task.replacements).toHaveLength(1);
  });
});

describe("Longting art. 20", () => {
  it("an assistant needs a name and a kind and never counts toward the two", () => {
    const t = teamsTask();
    const targetId = t.teams[0]!.targetIds[0]!;
    expect(err(() => addAssistant(t, { targetId, assistant: { name: "", kind: "expert" }, on: "2026-04-09", actor: "组长" })).rule).toBe("assistant");
    const r = addAssistant(t, { targetId, assistant: { name: "赵工", kind: "expert" }, on: "2026-04-09", actor: "组长" });
    expect(r.event.payload.countsTowardMinimum).toBe(false);
  });
});

describe("Longting art. 21", () => {
  it("the same inspector listed twice counts once; a refusal is recorded by inspectors on the form", () => {
    const t = inspecting("longting");
    const id = t.targetIds[0]!;
    const form = recordFor(t, id);
    const wjw = form.inspectors.filter((i) => i.inspectorId.startsWith("WJW"));
    const doubled = { ...form, inspectors: [...form.inspectors.filter((i) => !i.inspectorId.startsWith("WJW")), wjw[0]!, wjw[0]!], inspectorSignatures: form.inspectorSignatures.filter((s) => s.inspectorId !== wjw[1]!.inspectorId) };
    expect(err(() => recordResult(t, doubled, { on: "2026-04-15", actor: "组" })).issues.map((i) => i.rule)).toEqual(expect.arrayContaining(["inspector-duplicate", "two-inspectors"]));
    const refusal = { kind: "refused" as const, recordedBy: ["SCJG-X"], evidence: ["录像"], statement: "拒绝签字" };
    expect(err(() => recordResult(t, { ...form, targetConfirmation: refusal }, { on: "2026-04-15", actor: "组" })).rule).toBe("refusal-recorded-by-team");
    const ok = recordResult(t, { ...form, targetConfirmation: { ...refusal, recordedBy: [form.inspectors[0]!.inspectorId] } }, { on: "2026-04-15", actor: "组" });
    expect(ok.event.payload.confirmation).toBe("refused");
    // the only exception is a surprise inspection on a lead, and the lead is recorded; an item flag exempts nothing (F20)
    expect(advanceNotice({ field: "价格", name: "明码标价检查", objectType: "经营者" }, { preset: "longting", surpriseOnLead: true, lead: "12315投诉线索" })).toMatchObject({ notice: "exempt", ground: "surprise-on-lead", lead: "12315投诉线索", basis: "Longting art. 21" });
    expect(err(() => advanceNotice({ field: "价格", name: "明码标价检查", objectType: "经营者" }, { preset: "longting", surpriseOnLead: true }))).toMatchObject({ code: "invalid-input", rule: "surprise-lead" });
    expect(advanceNotice({ field: "价格", name: "明码标价检查", objectType: "经营者", noAdvanceNotice: true }, { preset: "longting" })).toMatchObject({ notice: "required", basis: "Longting art. 21" });
  });
});

describe("Longting art. 22", () => {
  it("each department publishes its own results once; the task is published when all have, each on time or late", () => {
    const t = completed("longting");
    const scjg = publishResults(t, { publishedOn: "2026-05-06", actor: "市场监管局", departmentId: "SCJG" });
    expect(scjg.task.state).toBe("results-recorded");
    expect(scjg.event.type).toBe("department-results-published");
    expect(publicView(scjg.task).results.every((r) => r.departments.every((d) => d.departmentId === "SCJG"))).toBe(true);
    expect(err(() => publishResults(scjg.task, { publishedOn: "2026-05-07", actor: "x", departmentId: "SCJG" })).rule).toBe("published-once");
    expect(err(() => publishResults(scjg.task, { publishedOn: "2026-05-07", actor: "x", departmentId: "SWJ" })).rule).toBe("publishing-department");
    const deadline = t.publicationDeadline!.date;
    const wjw = publishResults(scjg.task, { publishedOn: "2026-06-30", actor: "卫健委", departmentId: "WJW" });
    expect(wjw.task.state).toBe("published");
    expect(deadline < "2026-06-30").toBe(true);
    expect(wjw.task.departmentPublications).toEqual({ SCJG: { publishedOn: "2026-05-06", late: false }, WJW: { publishedOn: "2026-06-30", late: true } });
  });
});

describe("Wancheng art. 3", () => {
  it("a record withheld from publication needs its reason and legal basis; the public view counts it", () => {
    const t = completed();
    const id = t.records[0]!.id;
    expect(err(() => publishAll(t, { publishedOn: "2026-05-06", actor: "x", withheld: [{ recordId: id, reason: "涉及国家秘密", basis: "" }] })).rule).toBe("withheld-reason");
    expect(err(() => publishAll(t, { publishedOn: "2026-05-06", actor: "x", withheld: [{ recordId: "R-none", reason: "r", basis: "b" }] })).rule).toBe("withheld-record");
    const p = publishAll(t, { publishedOn: "2026-05-06", actor: "x", withheld: [{ recordId: id, reason: "涉及国家秘密", basis: "保守国家秘密法 art. 2" }] }).task;
    const view = publicView(p);
    expect(view.results).toHaveLength(t.records.length - 1);
    expect(view).toMatchObject({ withheld: { count: 1, bases: ["保守国家秘密法 art. 2"] } });
  });
});

describe("Wancheng art. 10", () => {
  it("ratios rise with risk", () => {
    expect(checkRiskDifferentiation([{ riskClass: "A", ratio: 0.5 }, { riskClass: "B", ratio: 0.1 }]).ok).toBe(false);
    expect(checkRiskDifferentiation([{ riskClass: "A", ratio: 0.1 }, { riskClass: "B", ratio: 0.1 }]).ok).toBe(true);
  });
});

const item = { id: "SCJG-02", field: "食品经营", name: "食品经营者检查", objectType: "食品经营者", initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: [], category: "key" as const };
const depts = [{ id: "SCJG", name: "区市场监督管理局", competentFields: ["食品经营"] }];

describe("Wancheng art. 13", () => {
  it("under Wancheng each item states its basis, subject, content and method", () => {
    const r = buildItemList("宛城区", [item], depts, { jurisdiction: "wancheng" });
    expect(!r.ok && r.issues.map((i) => [i.path.join("."), i.clause])).toEqual([["0.basis", "Wancheng art. 13"], ["0.subject", "Wancheng art. 13"], ["0.content", "Wancheng art. 13"], ["0.methods", "Wancheng art. 13"]]);
    const full = { ...item, basis: "《食品安全法》", subject: "区市场监管局", content: "主体责任落实", methods: ["on-site" as const] };
    expect(buildItemList("宛城区", [full], depts, { jurisdiction: "wancheng" }).ok).toBe(true);
    expect(buildItemList("宛城区", [item], depts).ok).toBe(true); // without the jurisdiction the fields stay optional
  });
});

describe("Wancheng art. 14", () => {
  it("targets include products and sites as well as enterprises", () => {
    expect(InspectionTargetSchema.safeParse({ kind: "site", id: "SITE-1", name: "某加油站", responsibleUnit: "某石油销售有限公司", riskClass: "C", divisionCode: "411303" }).success).toBe(true);
    expect(InspectionTargetSchema.safeParse({ kind: "spaceship", id: "X", name: "x", riskClass: "C", divisionCode: "411303" }).success).toBe(false);
  });
});

describe("Wancheng art. 15", () => {
  it("inspectors are categorised; experts never count toward the minimum", () => {
    expect(InspectorSchema.safeParse(SCJG[0]).success).toBe(true);
    expect(InspectorSchema.safeParse({ ...SCJG[0], category: "volunteer" }).success).toBe(false);
    expect(lib.countsTowardMinimum(SCJG.find((i) => i.category === "expert")!)).toBe(false);
  });
});

describe("Wancheng art. 17", () => {
  it("a scheme needs its items", () => {
    const scheme = { id: "S-1", taskId: "T-1", window: { start: "2026-04-01", end: "2026-06-30" }, targetDescription: "餐饮", itemIds: ["SCJG-02", "WJW-01"], procedure: "p", resultHandling: "r" };
    expect(InspectionSchemeSchema.safeParse(scheme).success).toBe(true);
    expect(InspectionSchemeSchema.safeParse({ ...scheme, itemIds: [] }).success).toBe(false);
  });
});

describe("Wancheng art. 19", () => {
  it("other circumstances are allowed with an explanation and a prior approval; who chose the substitute is recorded", () => {
    const t = teamsTask("wancheng");
    const team = t.teams[0]!;
    const out = team.members.find((m) => m.departmentId === "WJW")!;
    const sub = WJW.find((i) => !team.members.some((m) => m.inspectorId === i.id))!;
    const input = { targetId: team.targetIds[0]!, outgoingId: out.inspectorId, substituteId: sub.id, reason: "other" as const, explanation: "省级专项督查", approval: head("2026-04-08", "WJW"), chosenBy: "卫健委", directory: WJW, on: "2026-04-08", actor: "x" };
    expect(err(() => replaceInspector(t, { ...input, chosenBy: " " })).rule).toBe("replacement-chosen-by");
    expect(err(() => replaceInspector(t, { ...input, approval: { name: "某", role: "clerk" as never, on: "2026-04-08" } })).code).toBe("approval-role");
    expect(replaceInspector(t, input).task.replacements[0]).toMatchObject({ chosenBy: "卫健委", explanation: "省级专项督查" });
  });
});

describe("Wancheng art. 20", () => {
  it("the team's members inspect; an outsider's signature is refused; a direct result needs its outcome", () => {
    const t = inspecting("wancheng");
    const id = t.targetIds[0]!;
    const form = recordFor(t, id);
    expect(err(() => recordResult(t, { ...form, inspectorSignatures: [...form.inspectorSignatures, { inspectorId: "SCJG-7", signedOn: "2026-04-15" }] }, { on: "2026-04-15", actor: "组" })).issues.map((i) => i.rule)).toContain("signature-outsider");
    const direct = { kind: "direct-result" as const, reason: "unreachable" as const, evidence: ["现场照片"] };
    expect(err(() => recordResult(t, { ...form, targetConfirmation: direct }, { on: "2026-04-15", actor: "组" })).rule).toBe("direct-result");
    expect(recordResult(t, { ...recordFor(t, id, ["unreachable-at-registered-address"]), targetConfirmation: direct }, { on: "2026-04-15", actor: "组" }).event.payload.confirmation).toBe("direct-result");
  });
});

describe("Wancheng art. 21", () => {
  it("published results are not changed at will: a correction needs a reason and a prior approval, and passes the form checks", () => {
    const p = published("wancheng");
    const rec = p.records[0]!;
    const fixed = recordFor(p, rec.target.targetId, ["no-problem-found"], rec.id);
    expect(err(() => correctPublishedResult(p, { record: fixed, reason: "", approval: head("2026-05-25"), on: "2026-05-25", actor: "x" })).code).toBe("results-immutable");
    expect(err(() => correctPublishedResult(p, { record: fixed, reason: "异议属实", approval: head("2026-05-26"), on: "2026-05-25", actor: "x" })).code).toBe("approval-late");
    expect(err(() => correctPublishedResult(p, { record: { ...fixed, inspectorSignatures: fixed.inspectorSignatures.slice(1) }, reason: "异议属实", approval: head("2026-05-25"), on: "2026-05-25", actor: "x" })).code).toBe("record-form-refused");
    expect(correctPublishedResult(p, { record: fixed, reason: "异议属实", approval: head("2026-05-25"), on: "2026-05-25", actor: "x" }).task.state).toBe("corrected");
  });
});

describe("Wancheng art. 22", () => {
  it("a finding names its follow-up; no finding names none", () => {
    expect(consequencesOf("unreachable-at-registered-address").map((c) => c.kind)).toEqual(["abnormal-list"]);
    expect(consequencesOf("no-problem-found")).toEqual([]);
  });
});

const ok = { penaltyFulfilled: true, harmRemedied: true, noRepeatViolation: true };
const credit = (extra: Partial<CreditRepairInput>): CreditRepairInput => ({ result: { outcomes: ["non-compliant"], publishedOn: "2026-04-10" }, measures: [], facts: ok, evaluatedOn: "2026-05-01", ...extra });

describe("Wancheng art. 25", () => {
  it("no penalty: stops after the standalone period (option); linked: stops with the measure", () => {
    expect(evaluateCreditRepair(credit({ evaluatedOn: "2026-07-13" })).status).toBe("auto-stopped");
    expect(evaluateCreditRepair(credit({ evaluatedOn: "2026-07-13" }), { standalonePeriod: { months: 6 } }).status).toBe("published");
    const linked = credit({ measures: [{ kind: "abnormal-list", ground: "unreachable", listedOn: "2026-04-20", cured: true, removedOn: "2026-06-01" }], evaluatedOn: "2026-06-01" });
    expect(evaluateCreditRepair(linked)).toMatchObject({ status: "auto-stopped", reason: "linked-measure-stopped", stoppedOn: "2026-06-01" });
  });
});

describe("Wancheng art. 26", () => {
  it("phones and identity numbers inside free text are masked; a USCC is kept", () => {
    const s = "联系电话138-1234-5678，备用139 8765 4321，+86 137 0000 1111，座机0377-63123456，身份证11010519491231002X，代码914403001922038216";
    const m = maskPersonalData(s);
    expect(m).not.toMatch(/138-1234-5678|139 8765 4321|137 0000 1111|63123456|11010519491231002X/);
    expect(m).toContain("914403001922038216");
    expect(m).toContain("138****5678");
    const p = published();
    const view = JSON.stringify(publicView(p));
    expect(view).not.toMatch(/13912345678|11010519491231002X/);
  });
});

describe("Wancheng art. 26 (variants an auditor tried)", () => {
  it("full-width digits, dotted and bracketed phones, local numbers after a keyword, IDs with a wrong check character, e-mail and passport numbers are masked; a USCC and ordinary numbers are kept", () => {
    const cases: [string, RegExp][] = [
      ["电话１３８１２３４５６７８", /１３８１２３４５６７８|13812345678/],
      ["身份证110105194912310021", /110105194912310021/],
      ["１１０１０５１９４９１２３１００２Ｘ", /19491231/],
      ["手机138.1234.5678", /1234\.5678/],
      ["座机(0377)63123456", /63123456/],
      ["037763123456", /037763123456/],
      ["电话6312345", /6312345/],
      ["邮箱 zhangsan@example.com", /zhangsan/],
      ["护照号E12345678", /E12345678/],
    ];
    for (const [text, leak] of cases) expect(maskPersonalData(text), text).not.toMatch(leak);
    expect(maskPersonalData("代码914403001922038216，金额12345元，编号2026-001")).toBe("代码914403001922038216，金额12345元，编号2026-001");
  });
});

describe("Wancheng art. 28", () => {
  it("before the local rule (2026-03-20) and the 2025 national rules, spot-check results were out of scope", () => {
    expect(lib.CREDIT_JURISDICTIONS.wancheng.from).toBe("2026-03-20");
    const old = credit({ result: { outcomes: ["non-compliant"], publishedOn: "2024-03-01" }, evaluatedOn: "2024-05-01" });
    expect(evaluateCreditRepair(old).status).toBe("out-of-scope");
    expect(evaluateCreditRepair(credit({})).status).toBe("published");
  });
});

describe("Yanshi 5", () => {
  it("the inspector directory carries unit, title and certificate number", () => {
    const x = { ...SCJG[0]!, unit: "城关市场监管所", title: "科员", certificateNumber: "豫A0001" };
    expect(InspectorSchema.parse(x)).toMatchObject({ unit: "城关市场监管所", certificateNumber: "豫A0001" });
    expect(InspectorSchema.safeParse({ ...x, certificateNumber: 7 }).success).toBe(false);
  });
});

describe("Yanshi 6", () => {
  it("with the Yanshi preset a ratio below 5% is reported; a ratio of 1.5 or −0.1 is never accepted", () => {
    const row = { seq: 1, name: "r", initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: [], initiatingItemIds: ["SCJG-02"], cooperatingItemIds: [], targetDescription: "x", window: { start: "2026-04-01", end: "2026-06-30" } };
    const plan = (ratio: number) => ({ id: "P", year: 2026, name: "p", rows: [{ ...row, ratio }] }) as unknown as AnnualPlan;
    const items = [InspectionItemSchema.parse(item)];
    expect(checkAnnualPlan(plan(0.03), { items, departments: depts, ratioBounds: "yanshi" }).issues.map((i) => [i.rule, i.clause])).toEqual([["ratio-bounds", "Yanshi 6"]]);
    expect(checkAnnualPlan(plan(0.05), { items, departments: depts, ratioBounds: "yanshi" }).ok).toBe(true);
    expect(err(() => checkAnnualPlan(plan(1.5), { items, departments: depts })).code).toBe("invalid-input");
    expect(err(() => checkAnnualPlan(plan(-0.1), { items, departments: depts })).code).toBe("invalid-input");
    expect(err(() => checkAnnualPlan(plan(0.05), { items, departments: depts, ratioBounds: "__proto__" as never })).code).toBe("invalid-argument");
  });
});

describe("Yanshi 7.5", () => {
  it("the deadline is 20 working days after completion", () => {
    expect(computeDeadline("results-publication", "2026-09-30").date).toBe("2026-11-03");
    expect(completed().publicationDeadline?.date).toBe(computeDeadline("results-publication", "2026-04-30").date);
  });
});

describe("Chongqing 4", () => {
  it("no step is dated before the previous one; the trail verifies", () => {
    const t = teamsTask();
    expect(err(() => startInspection(t, { on: "2026-04-01", actor: "x" }))).toMatchObject({ code: "dates-out-of-order", rule: "chronology" });
    const s = startInspection(t, { on: "2026-04-02", actor: "x" }).task;
    expect(verifyAuditTrail(s.audit).ok).toBe(true);
  });
});

describe("Chongqing 5", () => {
  it("a Chongqing plan must cover general and key items", () => {
    const row = { seq: 1, name: "r", initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: [], initiatingItemIds: ["SCJG-02"], cooperatingItemIds: [], targetDescription: "x", window: { start: "2026-04-01", end: "2026-06-30" }, ratio: 0.1 };
    const general = InspectionItemSchema.parse({ ...item, id: "SCJG-09", field: "食品经营", category: "general" });
    const items = [InspectionItemSchema.parse(item), general];
    const keyOnly = AnnualPlanSchema.parse({ id: "P", year: 2026, name: "p", rows: [row] });
    expect(checkAnnualPlan(keyOnly, { items, departments: depts, jurisdiction: "chongqing" }).issues.map((i) => [i.rule, i.value])).toEqual([["plan-item-categories", "general"]]);
    const both = AnnualPlanSchema.parse({ ...keyOnly, rows: [{ ...row, initiatingItemIds: ["SCJG-02", "SCJG-09"] }] });
    expect(checkAnnualPlan(both, { items, departments: depts, jurisdiction: "chongqing" }).ok).toBe(true);
  });
});

describe("Chongqing 5.1", () => {
  it("under Chongqing each item states its subject, method and basis", () => {
    const r = buildItemList("渝中区", [item], depts, { jurisdiction: "chongqing" });
    expect(!r.ok && r.issues.map((i) => i.path[1])).toEqual(["basis", "subject", "methods"]);
    expect(buildItemList("渝中区", [{ ...item, basis: "b", subject: "s", methods: ["documents" as const] }], depts, { jurisdiction: "chongqing" }).ok).toBe(true);
  });
});

describe("Chongqing 6.1", () => {
  it("the states follow the annex E flow", () => {
    expect(TASK_STATES).toEqual(["planned", "targets-drawn", "targets-locked", "inspectors-drawn", "inspecting", "results-recorded", "published", "corrected"]);
  });
});

describe("Chongqing 6.3", () => {
  it("differentiated sampling: a flat or rising schedule passes, a falling one warns", () => {
    expect(checkRiskDifferentiation([{ riskClass: "低", ratio: 0.05 }, { riskClass: "高", ratio: 0.02 }]).warnings).toHaveLength(1);
    expect(checkRiskDifferentiation([{ riskClass: "低", ratio: 0.02 }, { riskClass: "高", ratio: 0.05 }]).warnings).toHaveLength(0);
  });
});

describe("Chongqing 6.4", () => {
  it("a change needs the principal head's approval given before the change", () => {
    const t = lockTargets(drawnTask("chongqing"), { on: "2026-04-01", actor: "x" }).task;
    const id = t.targetIds[0]!;
    const input = { add: [], remove: [id], reason: "已注销", on: "2026-04-03", actor: "x" };
    expect(err(() => amendLockedList(t, { ...input, approval: head("2026-04-02") })).code).toBe("approval-role");
    expect(err(() => amendLockedList(t, { ...input, approval: principal("2026-04-04") })).code).toBe("approval-late");
    expect(err(() => amendLockedList(t, { ...input, approval: { name: "", role: "principal-head", on: "2026-04-02" } })).code).toBe("approval-missing");
    expect(amendLockedList(t, { ...input, approval: principal("2026-04-02") }).task.targetIds).not.toContain(id);
  });
});

describe("Chongqing 6.5", () => {
  it("a substitute recused for the target by the stage-2 draw or an earlier recusal is refused", () => {
    const t = teamsTask("chongqing");
    const team = t.teams[0]!;
    const member = team.members.find((m) => m.departmentId === "SCJG" && m.inspectorId !== team.leaderId)!;
    const free = SCJG.filter((i) => i.category !== "expert" && !team.members.some((m) => m.inspectorId === i.id));
    const granted = decideRecusalRequest(t, { targetId: team.targetIds[0]!, inspectorId: member.inspectorId, grounds: "亲属", granted: true, decision: head("2026-04-09"), substitute: { substituteId: free[0]!.id, chosenBy: "法制科", directory: SCJG }, on: "2026-04-09", actor: "法制科" }).task;
    const back = { targetId: team.targetIds[0]!, outgoingId: free[0]!.id, substituteId: member.inspectorId, reason: "health" as const, approval: head("2026-04-10"), chosenBy: "城关所", directory: SCJG, on: "2026-04-10", actor: "x" };
    expect(err(() => replaceInspector(granted, back))).toMatchObject({ code: "replacement-refused", rule: "replacement-substitute-recused" });
    expect(replaceInspector(granted, { ...back, substituteId: free[1]!.id }).task.replacements).toHaveLength(2);
  });
});

describe("Chongqing 6.6", () => {
  it("the whole team signs; a correction needs the principal head", () => {
    const t = inspecting("chongqing");
    const id = t.targetIds[0]!;
    const form = recordFor(t, id);
    const one = { ...form, inspectors: form.inspectors, inspectorSignatures: form.inspectorSignatures.slice(0, 1) };
    expect(err(() => recordResult(t, one, { on: "2026-04-15", actor: "组" }))).toMatchObject({ code: "record-form-refused", rule: "signatures-complete", clause: "Chongqing 6.6" });
    expect(recordResult(t, form, { on: "2026-04-15", actor: "组" }).task.records).toHaveLength(1);
    const p = published("chongqing");
    const rec = p.records[0]!;
    const fixed = recordFor(p, rec.target.targetId, ["no-problem-found"], rec.id);
    expect(err(() => correctPublishedResult(p, { record: fixed, reason: "异议属实", approval: head("2026-05-25"), on: "2026-05-25", actor: "x" })).code).toBe("approval-role");
    expect(err(() => correctPublishedResult(p, { record: fixed, reason: "异议属实", approval: principal("2026-05-19"), on: "2026-05-19", actor: "x" })).code).toBe("dates-out-of-order");
    expect(correctPublishedResult(p, { record: fixed, reason: "异议属实", approval: principal("2026-05-25"), on: "2026-05-25", actor: "x" }).task.corrections).toHaveLength(1);
  });
});

describe("Chongqing 6.7", () => {
  it("a pending finding names its follow-up case", () => {
    expect(consequencesOf("pending-follow-up").length).toBeGreaterThan(0);
    expect(consequencesOf("compliant")).toEqual([]);
  });
});

describe("Chongqing B.2", () => {
  it("a site names its responsible unit's division", () => {
    const site = { kind: "site", id: "SITE-1", name: "某加油站", responsibleUnit: "某石油销售有限公司", riskClass: "C", divisionCode: "411303" };
    expect(InspectionTargetSchema.safeParse(site).success).toBe(true);
    expect(InspectionTargetSchema.safeParse({ ...site, divisionCode: "12" }).success).toBe(false);
  });
});

describe("Chongqing B.3", () => {
  it("a product target carries its licence number and the maker's USCC", () => {
    const product = { kind: "product", id: "P-1", name: "某食品有限公司", licenceNumber: "SC10641030200001", uscc: "91350100M000100Y43", riskClass: "B", divisionCode: "411303" };
    expect(InspectionTargetSchema.safeParse(product).success).toBe(true);
    const { licenceNumber: _l, ...noLicence } = product;
    expect(InspectionTargetSchema.safeParse(noLicence).success).toBe(false);
  });
});

describe("Chongqing F.1", () => {
  it("signatures are dated between the inspection and its recording", () => {
    const t = inspecting();
    const id = t.targetIds[0]!;
    const form = recordFor(t, id);
    const early: InspectionRecordInput = { ...form, inspectorSignatures: form.inspectorSignatures.map((s) => ({ ...s, signedOn: "2026-04-14" })) };
    expect(err(() => recordResult(t, early, { on: "2026-04-15", actor: "组" }))).toMatchObject({ code: "dates-out-of-order", rule: "record-dates" });
    expect(recordResult(t, form, { on: "2026-04-16", actor: "组" }).task.records).toHaveLength(1);
  });
});

describe("行政处罚法 art. 42", () => {
  it("fewer than two inspectors of a department on the form is refused", () => {
    const t = inspecting();
    const id = t.targetIds[0]!;
    const form = recordFor(t, id);
    const keep = form.inspectors.filter((i) => i.inspectorId.startsWith("SCJG")).concat(form.inspectors.filter((i) => i.inspectorId.startsWith("WJW")).slice(0, 1));
    const short = { ...form, inspectors: keep, inspectorSignatures: form.inspectorSignatures.filter((s) => keep.some((k) => k.inspectorId === s.inspectorId)) };
    expect(err(() => recordResult(t, short, { on: "2026-04-15", actor: "组" })).issues.map((i) => i.clause)).toContain("Longting art. 21; 行政处罚法 art. 42");
  });
});

describe("行政处罚法 art. 43", () => {
  it("the head decides a recusal request, before it is recorded", () => {
    const t = teamsTask();
    const team = t.teams[0]!;
    const member = team.members.find((m) => m.inspectorId !== team.leaderId)!;
    const base = { targetId: team.targetIds[0]!, inspectorId: member.inspectorId, grounds: "亲属", granted: false, refusalReason: "无利害关系", on: "2026-04-09", actor: "法制科" };
    expect(err(() => decideRecusalRequest(t, { ...base, decision: head("2026-04-10", member.departmentId) })).code).toBe("approval-late");
    expect(decideRecusalRequest(t, { ...base, decision: head("2026-04-09", member.departmentId) }).event.type).toBe("recusal-refused");
  });
});

describe("行政处罚法 art. 55", () => {
  it("identity shown is a recorded step, required by the wolong preset and optional elsewhere", () => {
    expect(LIFECYCLE_PRESETS.wolong.identityShown.required).toBe(true);
    expect(LIFECYCLE_PRESETS.chongqing.identityShown.required).toBe(false);
    const t = inspecting("chongqing");
    expect(recordIdentityShown(t, { targetId: t.targetIds[0]!, inspectorIds: [t.teams[0]!.members[0]!.inspectorId], on: "2026-04-15", actor: "组" }).event.payload.clause).toMatch(/行政处罚法 art\. 55/);
  });
});

describe("企业信息公示暂行条例 art. 6", () => {
  it("results are due 20 working days after they are produced", () => {
    expect(computeDeadline("results-publication", "2026-04-30").definition.workingDays).toBe(20);
  });
});

describe("企业信息公示暂行条例 art. 17", () => {
  it("an uncured abnormal-list entry reports when it escalates to the serious list; a cured one does not", () => {
    const listed = credit({ result: { outcomes: ["unreachable-at-registered-address"], publishedOn: "2026-04-10" }, measures: [{ kind: "abnormal-list", ground: "unreachable", listedOn: "2026-04-20" }] });
    expect(evaluateCreditRepair(listed).escalation).toMatchObject({ listedOn: "2026-04-20", escalatesOn: "2029-04-21" });
    const cured = credit({ result: { outcomes: ["unreachable-at-registered-address"], publishedOn: "2026-04-10" }, measures: [{ kind: "abnormal-list", ground: "unreachable", listedOn: "2026-04-20", cured: true }] });
    expect(evaluateCreditRepair(cured).escalation).toBeUndefined();
  });
});

describe("总局令第45号 art. 9", () => {
  it("20 working days to publish a penalty", () => {
    expect(computeDeadline("penalty-publication", "2026-04-30").definition.workingDays).toBe(20);
  });
});

describe("总局令第45号 art. 10", () => {
  it("10 working days to push across provinces, 10 to publish on receipt", () => {
    expect(computeDeadline("penalty-push-cross-province", "2026-04-30").definition.workingDays).toBe(10);
    expect(computeDeadline("penalty-publication-on-receipt", "2026-04-30").definition.workingDays).toBe(10);
  });
});

describe("总局令第45号 art. 11", () => {
  it("3 working days to withdraw", () => {
    expect(computeDeadline("penalty-withdrawal", "2026-04-30").definition.workingDays).toBe(3);
  });
});

describe("总局令第45号 art. 14", () => {
  it("a licence revocation never stops early, whatever tier or amount is claimed", () => {
    const revoked = { kind: "penalty" as const, type: "licence-revoked" as const, decidedOn: "2026-04-12", publishedOn: "2026-04-15" };
    expect(err(() => evaluateCreditRepair(credit({ measures: [{ ...revoked, tier: "minor" }], evaluatedOn: "2026-08-01" }))).rule).toBe("severe-not-minor");
    expect(err(() => evaluateCreditRepair(credit({ measures: [{ ...revoked, tier: "serious", lowerAmount: true }], evaluatedOn: "2026-08-01" }))).rule).toBe("lower-amount-fine-only");
    expect(evaluateCreditRepair(credit({ measures: [{ ...revoked, tier: "serious" }], evaluatedOn: "2026-08-01" })).status).toBe("never-early");
    expect(err(() => evaluateCreditRepair(credit({ measures: [{ kind: "penalty", type: "fine", tier: "ordinary", decidedOn: "2026-04-15", publishedOn: "2026-04-12" }] }))).rule).toBe("dates-in-order");
  });
});

describe("总局令第44号", () => {
  it("serious-list periods default to 1 and 3 years and can be changed", () => {
    const listed = credit({ measures: [{ kind: "serious-list", listedOn: "2026-04-20" }], evaluatedOn: "2027-04-22" });
    expect(evaluateCreditRepair(listed).status).toBe("eligible-for-application");
    expect(evaluateCreditRepair(listed, { seriousListPeriods: { applyAfter: { years: 2 }, removeAfter: { years: 3 } } }).status).toBe("published");
  });
});
