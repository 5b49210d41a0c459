/**
 * The scaling scenario of bench/lifecycle.bench.ts and test/task/events-scale.test.ts: a task of `n` targets, one
 * per team (two departments, two inspectors each per team), taken to the point where results are recorded one by one.
 */
import {
  commitPool, createSeed, drawInspectors, drawTargets, lockTargets, recordAdvanceNotice, recordInspectorDraw, recordTargetDraw, startInspection, startTask,
  type InspectionRecordInput, type Inspector, type TaskLifecycle,
} from "../src/index.js";

const pad = (i: number) => String(i).padStart(6, "0");

/** A task of `n` targets in state `inspecting`. */
export function inspectingTask(n: number): TaskLifecycle {
  const pool = Array.from({ length: n }, (_, i) => ({ id: `U${pad(i)}`, riskClass: "A" }));
  let t = startTask(
    { id: `BENCH-${n}`, planId: "PLAN-BENCH", name: "规模测试", initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: ["WJW"], scope: { description: "全省" }, ratio: 1, window: { start: "2026-04-01", end: "2026-12-31" }, itemIds: ["SCJG-02"] },
    { preset: "chongqing", on: "2026-03-30", actor: "信用监管科", items: [{ id: "SCJG-02", field: "食品经营", name: "食品经营者检查", objectType: "食品经营者", initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: [], category: "key" }] },
  ).task;
  const record = drawTargets({ taskId: t.task.id, pool, commitment: commitPool(pool), policy: { strata: { A: { ratio: 1 } } }, seed: createSeed("71".repeat(16), { kind: "other", description: "bench" }) });
  t = recordTargetDraw(t, record, { on: "2026-04-01", actor: "信用监管科" }).task;
  t = lockTargets(t, { on: "2026-04-01", actor: "信用监管科" }).task;
  // enough inspectors for every team under the workload cap
  const staff = (dept: string): Inspector[] =>
    Array.from({ length: Math.max(8, Math.ceil(n / 4)) }, (_, i) => ({ id: `${dept}-${pad(i)}`, name: `${dept}${i}`, departmentId: dept, category: "qualified-staff", expertise: ["食品"] }));
  const drawInput = {
    seed: createSeed("72".repeat(16), { kind: "other", description: "bench" }), initiatingDepartmentId: "SCJG",
    departments: [{ departmentId: "SCJG", inspectors: staff("SCJG"), requiredExpertise: ["食品"] }, { departmentId: "WJW", inspectors: staff("WJW"), requiredExpertise: ["食品"] }],
  };
  const r = drawInspectors({ locked: t.locked!, ...drawInput });
  if (!r.ok) throw new Error(r.messageEn);
  t = recordInspectorDraw(t, r.record, { on: "2026-04-02", actor: "各参与部门", drawInput }).task;
  // advance notice given to every target (Chongqing 6.5), so their results may be recorded
  for (const targetId of t.targetIds) t = recordAdvanceNotice(t, { targetId, given: { on: "2026-04-03", means: "书面告知" }, on: "2026-04-03", actor: "联合检查组" }).task;
  return startInspection(t, { on: "2026-04-10", actor: "联合检查组" }).task;
}

/** The results form of every target, signed by its team (computed once, outside what is measured). */
export function resultForms(t: TaskLifecycle): InspectionRecordInput[] {
  return t.teams.map((team) => {
    const targetId = team.targetIds[0]!;
    return {
      id: `R-${targetId}`, taskId: t.task.id, inspectedOn: "2026-04-15",
      inspectors: team.members.map((m) => ({ inspectorId: m.inspectorId, name: m.inspectorId, unit: m.departmentId })),
      target: { targetId, name: `对象${targetId}`, code: targetId, county: "卧龙区", legalRepresentative: "张三", address: "卧龙区某路1号", phone: "13912345678" },
      departments: [
        { departmentId: "SCJG", items: [{ itemName: "食品经营者检查", outcomes: ["no-problem-found"] }] },
        { departmentId: "WJW", items: [{ itemName: "公共场所卫生检查", outcomes: ["no-problem-found"] }] },
      ],
      targetConfirmation: { kind: "signed", signedOn: "2026-04-15" },
      inspectorSignatures: team.members.map((m) => ({ inspectorId: m.inspectorId, signedOn: "2026-04-15" })),
    };
  });
}
