import {
  ShuangsuijiError, commitPool, createSeed, drawInspectors, drawTargets, lockTargets, recordAdvanceNotice, recordInspectorDraw, LIFECYCLE_PRESETS, recordTargetDraw, startTask,
  type Inspector, type InspectionItem, type InspectionRecordInput, type LifecyclePresetId, type SpotCheckTaskInput, type TaskLifecycle,
} from "../../src/index.js";

export const TASK: SpotCheckTaskInput = {
  id: "T-LIFE", planId: "PLAN-2026", name: "餐饮服务单位联合抽查", initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: ["WJW"],
  scope: { description: "卧龙区餐饮服务经营者" }, ratio: 0.5, window: { start: "2026-04-01", end: "2026-09-30" }, itemIds: ["SCJG-02", "WJW-01"],
};
/** The scenario's item-list entries (synthetic: both key items, so no general-item cap applies to its 50% draw). */
export const ITEMS: InspectionItem[] = [
  { id: "SCJG-02", field: "食品经营", name: "食品经营者落实食品安全主体责任情况检查", objectType: "食品经营者", initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: ["WJW"], category: "key" },
  { id: "WJW-01", field: "公共卫生", name: "公共场所卫生监督检查", objectType: "公共场所经营者", initiatingDepartmentId: "WJW", cooperatingDepartmentIds: ["SCJG"], category: "key" },
];
export const POOL = ["91350100M000100Y43", "91330100716105852F", "9144030071526726XG", "914403001922038216", "91110000802100433B", "11010519491231002X"].map((id) => ({ id, riskClass: "A" }));
const staff = (dept: string, n: number, extra: Partial<Inspector> = {}): Inspector[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${dept}-${i + 1}`, name: `${dept}人员${i + 1}`, phone: `1380000${String(i).padStart(4, "0")}`, departmentId: dept, certificateNumber: `执法证${dept}-${i + 1}`, category: "qualified-staff", expertise: ["食品", "公共卫生"], ...extra }));
export const SCJG = [...staff("SCJG", 7), { id: "SCJG-X", name: "专家", departmentId: "SCJG", category: "expert" as const, expertise: ["食品"] }];
export const WJW = staff("WJW", 5);
export const ON = "2026-04-01";

export function drawnTask(preset: LifecyclePresetId = "chongqing"): TaskLifecycle {
  let t = startTask(TASK, { preset, on: "2026-03-30", actor: "信用监管科", items: ITEMS }).task;
  const record = drawTargets({ taskId: TASK.id, pool: POOL, commitment: commitPool(POOL), policy: { strata: { A: { ratio: 0.5 } } }, seed: createSeed("61".repeat(16), { kind: "other", description: "t" }) });
  t = recordTargetDraw(t, record, { on: ON, actor: "信用监管科" }).task;
  return t;
}

/** The inputs of the scenario's stage-2 draw, except the locked list. */
export const stage2Input = (recusals: readonly { inspectorId: string; targetId: string; reason: string }[] = []) => ({
  seed: createSeed("62".repeat(16), { kind: "other", description: "t2" }), initiatingDepartmentId: "SCJG", recusals,
  departments: [{ departmentId: "SCJG", inspectors: SCJG }, { departmentId: "WJW", inspectors: WJW }],
});

/** The scenario's task with its inspectors drawn and, unless `notice` is false, advance notice recorded ({@link withNotice}). */
export function teamsTask(preset: LifecyclePresetId = "chongqing", recusals: readonly { inspectorId: string; targetId: string; reason: string }[] = [], notice = true): TaskLifecycle {
  const t = lockTargets(drawnTask(preset), { on: ON, actor: "信用监管科" }).task;
  const drawInput = stage2Input(recusals);
  const r = drawInspectors({ locked: t.locked!, ...drawInput });
  if (!r.ok) throw new Error(r.messageEn);
  const teams = recordInspectorDraw(t, r.record, { on: "2026-04-02", actor: "各参与部门", drawInput }).task;
  return notice ? withNotice(teams) : teams;
}

/**
 * Records advance notice (given on the day of the last step) for every target without one, where the task's preset
 * requires notice (Chongqing 6.5; Longting art. 21; Wolong 2.3); other tasks are returned as they are.
 */
export function withNotice(t: TaskLifecycle, on?: string): TaskLifecycle {
  const rules = t.rules ?? LIFECYCLE_PRESETS[t.preset as keyof typeof LIFECYCLE_PRESETS];
  if (rules?.advanceNoticeRule?.notice !== "required") return t;
  const day = on ?? t.audit[t.audit.length - 1]!.on;
  for (const targetId of t.targetIds) if (t.advanceNotices?.[targetId] === undefined) t = recordAdvanceNotice(t, { targetId, given: { on: day, means: "书面告知" }, on: day, actor: "检查组" }).task;
  return t;
}

/** A valid record for one target, signed by its team's members. */
export function recordFor(t: TaskLifecycle, targetId: string, outcomes: InspectionRecordInput["departments"][number]["items"][number]["outcomes"] = ["no-problem-found"], id = `R-${targetId}`): InspectionRecordInput {
  // before teams exist, an outsider's record (the library must refuse it)
  const team = t.teams.find((x) => x.targetIds.includes(targetId)) ?? { members: [{ inspectorId: "SCJG-1", departmentId: "SCJG" }, { inspectorId: "WJW-1", departmentId: "WJW" }] };
  const all = [...SCJG, ...WJW];
  return {
    id, taskId: t.task.id, inspectedOn: "2026-04-15",
    inspectors: team.members.map((m) => ({ inspectorId: m.inspectorId, name: all.find((i) => i.id === m.inspectorId)!.name, unit: m.departmentId, certificateNumber: `执法证${m.inspectorId}`, phone: "13800001111" })),
    target: { targetId, name: `对象${targetId.slice(-4)}`, code: targetId, phone: "13912345678", legalRepresentative: "张三", idNumber: "11010519491231002X", address: "卧龙区某路1号", county: "卧龙区" },
    departments: [
      { departmentId: "SCJG", items: [{ itemName: "食品经营者检查", outcomes }] },
      { departmentId: "WJW", items: [{ itemName: "公共场所卫生检查", outcomes: ["no-problem-found"] }] },
    ],
    handlingOpinion: "联系电话13912345678，负责人身份证11010519491231002X",
    targetConfirmation: { kind: "signed", signedOn: "2026-04-15" },
    inspectorSignatures: team.members.map((m) => ({ inspectorId: m.inspectorId, signedOn: "2026-04-15" })),
  };
}

/** The ShuangsuijiError a call throws (fails the test when it does not throw, or throws something else). */
export function refusal(f: () => unknown): ShuangsuijiError {
  try {
    f();
  } catch (e) {
    if (e instanceof ShuangsuijiError) return e;
    throw e;
  }
  throw new Error("not refused");
}
