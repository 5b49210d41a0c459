/**
 * The main job, end to end as far as the library goes today: load the bundled county directories, validate them,
 * import a county spreadsheet with messy headers, and compute the deadlines the documents impose.
 *
 *   npm install && npm run demo
 */
import { readFileSync } from "node:fs";
import {
  AnnualPlanSchema, DepartmentSchema, InspectionItemSchema, InspectionTargetSchema, InspectorSchema, OUTCOMES,
  WOLONG_FORM_CODES, annualPlanDeadline, commitPool, computeDeadline, consequencesOf, countsTowardMinimum, dispatchTargets,
  drawInspectors, drawTargets, lockTargetDraw, parseUscc, seedFromDice, validateRecords, verifyTargetDraw, verifyTicket,
  startTask, recordTargetDraw, lockTargets, recordInspectorDraw, recordAdvanceNotice, replaceInspector, startInspection, recordResult, completeInspection,
  publishResults, publicView, verifyAuditTrail, advanceNotice, buildItemList, checkAnnualPlan, estimateDrawCounts, splitPlanRow,
  combineIndustryChecks, itemListTable, renderTable,
  type InspectionTarget, type InspectionRecordInput,
} from "shuangsuiji";
import { readCsvTable } from "shuangsuiji/node";

const data = (name: string): unknown => JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), "utf8"));
const line = (s = "") => console.log(s);
const must = <T>(label: string, r: { ok: true; records: readonly T[] } | { ok: false; issues: readonly { path: readonly (string | number)[]; messageEn: string }[] }): readonly T[] => {
  if (!r.ok) throw new Error(`${label}: ${r.issues.length} problems, first ${r.issues[0]?.path.join(".")}: ${r.issues[0]?.messageEn}`);
  return r.records;
};

line("双随机、一公开 — shuangsuiji demo (synthetic Nanyang Wolong county data set)");
line("=".repeat(72));

// 1. 一单两库: the item list and the two directories, validated at the boundary.
const departments = must("departments", validateRecords(DepartmentSchema, data("departments.json") as unknown[]));
const items = must("items", validateRecords(InspectionItemSchema, data("items.json") as unknown[]));
const targets = must("targets", validateRecords(InspectionTargetSchema, data("targets.json") as unknown[])) as readonly InspectionTarget[];
const inspectors = must("inspectors", validateRecords(InspectorSchema, data("inspectors.json") as unknown[]));
const plan = AnnualPlanSchema.parse(data("plan.json"));

line(`\n1. Item list 抽查事项清单: ${items.length} items (${items.filter((i) => i.category === "key").length} key 重点, ${items.filter((i) => i.category === "general").length} general 一般)`);
line(`   Departments 部门: ${departments.map((d) => d.name).join("、")}`);

const count = <K extends string>(xs: readonly K[]) => xs.reduce<Record<string, number>>((m, k) => ({ ...m, [k]: (m[k] ?? 0) + 1 }), {});
line(`\n2. Target directory 检查对象名录库: ${targets.length} records, all valid`);
line(`   by kind:        ${JSON.stringify(count(targets.map((t) => t.kind)))}`);
line(`   by risk class:  ${JSON.stringify(count(targets.map((t) => t.riskClass)))}`);
line(`   by district:    ${JSON.stringify(count(targets.map((t) => t.county ?? "?")))}`);
const operating = targets.filter((t) => t.status === undefined || t.status === "operating").length;
line(`   operating 存续: ${operating}; others are excluded by the Yanshi 7.2 cut-off when drawing`);
const sample = targets.find((t) => t.kind === "organisation");
if (sample?.kind === "organisation") {
  const p = parseUscc(sample.code);
  if (p.ok) line(`   e.g. ${sample.code}: ${p.parts.registrationAuthority.zh}/${p.parts.organisationCategory.zh}, 区划 ${p.parts.divisionCode}`);
}

line(`\n3. Inspector directory 执法检查人员名录库: ${inspectors.length} people`);
for (const d of departments) {
  const mine = inspectors.filter((i) => i.departmentId === d.id);
  line(`   ${d.name.padEnd(12, "　")} ${String(mine.length).padStart(3)} (${mine.filter(countsTowardMinimum).length} count toward the ≥2 minimum)`);
}

// 2. A county spreadsheet, as staff keep it: messy headers, Chinese dates, and two bad rows.
const csv = await readCsvTable(new URL("./data/targets-county.csv", import.meta.url).pathname, "B.1");
line(`\n4. Importing examples/data/targets-county.csv (table B.1 with messy headers)`);
if (csv.ok) line(`   ${csv.records.length} rows imported`);
else {
  line(`   ${csv.validCount} rows valid; every problem reported, nothing dropped or fixed silently:`);
  for (const i of csv.issues) line(`   • row ${i.row}, column ${i.column}: ${i.messageZh} / ${i.messageEn} [${i.clause}]`);
}
line(`   ${csv.normalizations.length} cell normalisations reported (e.g. "${csv.normalizations[0]?.from}" → ${csv.normalizations[0]?.change})`);

// 3. Plan and deadlines.
const due = annualPlanDeadline(plan.year, "wolong");
line(`\n5. Annual plan 年度抽查工作计划 ${plan.year}: ${plan.rows.length} rows; published ${plan.publishedOn}, due ${due.date} (${due.preset.basis}) → ${plan.publishedOn! <= due.date ? "on time" : "LATE"}`);
const done = "2026-09-30";
const pub = computeDeadline("results-publication", done);
const itemList = buildItemList("卧龙区部门联合抽查事项清单", items, departments);
line(`   item list: ${itemList.ok ? `valid, version ${itemList.list.version}; initiating departments competent for their fields (Longting art. 10)` : `${itemList.issues.length} problems`}`);
const check = checkAnnualPlan(plan, { items, departments, jurisdiction: "wolong" });
line(`   plan check: uncovered fields ${JSON.stringify(check.uncoveredFields)} (Longting art. 13); merge candidates ${check.mergeCandidates.length} (Chongqing 5.5)`);
const estimate = estimateDrawCounts(targets.filter((t) => t.industries?.includes("食品经营")), { strata: { A: { ratio: 0.03 }, B: { ratio: 0.05 }, C: { ratio: 0.2 }, D: { ratio: 0.6 } } }, { registeredOnOrBefore: "2025-12-31", statuses: ["operating"] });
line(`   row 1 before drawing: ${estimate.strata.map((s) => `${s.riskClass} ${s.quota}/${s.eligible}`).join(", ")} → ${estimate.total} targets`);
const tasks = splitPlanRow(plan, 3, [
  { id: "T-3a", name: "成品油经营企业联合抽查（城区）", window: { start: "2026-06-01", end: "2026-07-31" }, scope: { description: "城区" }, weight: 2 },
  { id: "T-3b", name: "成品油经营企业联合抽查（乡镇）", window: { start: "2026-08-01", end: "2026-09-30" }, scope: { description: "乡镇" }, weight: 1 },
]);
line(`   row 3 (${plan.rows[2]?.targetCount} targets) split into tasks: ${tasks.map((t) => `${t.id} ${t.targetCount}`).join(", ")} (Chongqing 6.2)`);
const oneVisit = combineIndustryChecks("食品经营", items, departments);
if (oneVisit.ok) line(`   一业一查 食品经营: led by ${oneVisit.leadDepartmentId}, items ${oneVisit.itemIds.join("+")} in one visit; departments ${oneVisit.departmentIds.join("、")}`);
line("   table A.1 (first rows):");
for (const l of renderTable(itemListTable(items.slice(0, 3), departments), "markdown").trimEnd().split("\n")) line(`     ${l}`);
line(`   A task completed on ${done} must publish results by ${pub.date} (20 working days, ${pub.definition.basis.slice(0, 2).join(", ")}; the 国庆 break is skipped, make-up Saturday 10-10 counts)`);
const pen = computeDeadline("penalty-info-collection", done);
line(`   Penalty information decided that day is collected by ${pen.date} (${pen.definition.basis.join(", ")})`);

line(`\n6. Result codes 检查结果 (Wolong Annex B):`);
for (const [code, id] of Object.entries(WOLONG_FORM_CODES)) {
  const c = consequencesOf(id).map((x) => x.kind).join(", ");
  line(`   ${code} ${OUTCOMES[id].zh}${OUTCOMES[id].isNegative ? " [negative]" : ""}${c ? ` → ${c}` : ""}`);
}
// 4. The task lifecycle around the two-stage draw (二次随机), witnessed.
line(`\n7. Task lifecycle for plan row 1 (${plan.rows[0]?.name}) under the Chongqing preset`);
const taskId = "WOLONG-2026-T01";
let task = startTask(
  { id: taskId, planId: plan.id, planRowSeq: 1, name: "餐饮服务单位联合抽查（第一批）", initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: ["WJW"],
    scope: { description: "卧龙区餐饮服务经营者" }, ratio: 0.05, window: { start: "2026-04-01", end: "2026-06-30" }, itemIds: ["SCJG-02", "WJW-01"] },
  // the task's item-list entries: WJW-01 is a general item capped at 20%, which caps every class of the draw (Chongqing 5.2)
  { preset: "chongqing", on: "2026-03-31", actor: "区市场监督管理局", items },
).task;
const restaurants = targets.filter((t) => t.industries?.includes("食品经营"));
const eligibility = { registeredOnOrBefore: "2025-12-31", statuses: ["operating" as const] };
const commitment = commitPool(restaurants, { eligibility });
line(`   a. pool committed BEFORE the seed: ${commitment.unitCount} units, ${commitment.eligibleCount} eligible ${JSON.stringify(commitment.strata)}`);
line(`      digest ${commitment.digest.slice(0, 16)}… (published); ineligible ${JSON.stringify(commitment.ineligible)}`);
const seed = seedFromDice({ digits: "314159265358979323846264338327950288419", witnesses: ["张伟（信用监管科）", "李娜（法制科）"], date: "2026-04-01" });
line(`   b. seed from 39 witnessed ten-sided dice (${seed.provenance.kind === "dice" ? seed.provenance.witnesses.join("、") : ""}): ${seed.value.slice(0, 16)}…`);
// riskier classes are inspected more (Longting art. 15), within the general item WJW-01's 20% cap (Chongqing 5.2)
const policy = { strata: { A: { ratio: 0.03 }, B: { ratio: 0.05 }, C: { ratio: 0.1 }, D: { ratio: 0.2 } } };
const draw = drawTargets({ taskId, pool: restaurants, policy, seed, commitment });
for (const s of draw.strata) line(`   c. class ${s.riskClass}: ${s.quotaRule.padEnd(22)} → ${s.selected.length} drawn, threshold ${s.threshold?.slice(0, 10) ?? "—"}…`);
task = recordTargetDraw(task, draw, { on: "2026-04-01", actor: "信用监管科" }).task;
task = lockTargets(task, { on: "2026-04-01", actor: "区市场监督管理局 信用监管科" }).task;
const locked = task.locked ?? lockTargetDraw(draw, { lockedOn: "2026-04-01", lockedBy: "x" });
line(`   d. list locked (一经锁定不可更改), ${task.targetIds.length} targets; public view sealed before inspection: ${publicView(task).sealed}`);
const verified = verifyTargetDraw(draw, restaurants);
const one = draw.strata.find((s) => s.selected.length > 0)?.selected[0];
const self = one === undefined ? undefined : verifyTicket(draw, { unitId: one.unitId, riskClass: restaurants.find((t) => t.id === one.unitId)?.riskClass ?? "A" });
line(`   e. auditor re-run: ${verified.ok ? "identical" : "MISMATCH"}; enterprise self-check: ${self?.explanationZh ?? "—"}`);
const perDept = dispatchTargets(locked, restaurants, { by: "department", departmentIds: ["SCJG", "WJW"] });
line(`   f. dispatched: 市场监管 ${perDept.SCJG?.length} targets, 卫健 ${perDept.WJW?.length} targets (within each department's remit)`);
const scjgStaff = inspectors.filter((i) => i.departmentId === "SCJG");
const stage2Input = {
  seed: seedFromDice({ digits: "271828182845904523536028747135266249775", witnesses: ["张伟（信用监管科）", "王强（法制科）"], date: "2026-04-02" }),
  initiatingDepartmentId: "SCJG",
  departments: [
    { departmentId: "SCJG", inspectors: scjgStaff, requiredExpertise: ["食品"], workloadCap: 8 },
    { departmentId: "WJW", inspectors: inspectors.filter((i) => i.departmentId === "WJW"), requiredExpertise: ["公共卫生"], targetIds: perDept.WJW ?? [], workloadCap: 20 },
  ],
};
const stage2 = drawInspectors({ locked, ...stage2Input });
if (!stage2.ok) throw new Error(`stage 2 infeasible: ${stage2.messageEn}`);
// the lifecycle re-runs the draw from its inputs (the directories included) before recording it
task = recordInspectorDraw(task, stage2.record, { on: "2026-04-02", actor: "各参与部门", drawInput: stage2Input }).task;
const firstTeam = task.teams[0];
line(`   g. inspectors drawn by each department with its own seed; randomSide = ${stage2.record.randomSide}; first team: ${firstTeam?.members.map((m) => m.inspectorId).join("+")}, leader ${firstTeam?.leaderId}`);
const outgoing = firstTeam?.members.find((m) => m.departmentId === "SCJG" && m.inspectorId !== firstTeam.leaderId);
const substitute = scjgStaff.find((i) => countsTowardMinimum(i) && i.expertise.includes("食品") && !firstTeam?.members.some((m) => m.inspectorId === i.id));
if (firstTeam !== undefined && outgoing !== undefined && substitute !== undefined) {
  task = replaceInspector(task, {
    targetId: firstTeam.targetIds[0] as string, outgoingId: outgoing.inspectorId, substituteId: substitute.id, reason: "health",
    approval: { name: "李科长", role: "department-head", on: "2026-04-08", departmentId: "SCJG" }, chosenBy: "城关市场监管所", directory: scjgStaff, on: "2026-04-08", actor: "区市场监督管理局",
  }).task;
  line(`   h. ${outgoing.inspectorId} replaced (健康状况, approved by the department head) by ${substitute.id}, chosen by the department — not re-drawn (Chongqing 6.5)`);
}
// the item list states the item's Chongqing 6.5 category (SCJG-02: food production and sale); keywords would only suggest it
const foodItem = items.find((i) => i.id === "SCJG-02");
if (foodItem !== undefined) {
  const notice = advanceNotice(foodItem, { preset: "chongqing" });
  line(`   i. advance notice for the food item: ${notice.notice} (${notice.basis}: ${notice.reasonZh})`);
}
// the notice step (or the exemption) recorded for every target before the on-site check (Chongqing 6.5): results are refused without it
const exempt = foodItem !== undefined && advanceNotice(foodItem, { preset: "chongqing" }).notice === "exempt";
for (const targetId of task.targetIds) {
  task = recordAdvanceNotice(task, exempt ? { targetId, notGiven: { reason: "食品生产和销售企业检查依法依规不予提前告知" }, on: "2026-04-09", actor: "联合检查组" } : { targetId, given: { on: "2026-04-09", means: "电话告知" }, on: "2026-04-09", actor: "联合检查组" }).task;
}
line(`      recorded for all ${task.targetIds.length} targets (recordAdvanceNotice): ${exempt ? "not given, on the item's category" : "given by telephone"}`);
task = startInspection(task, { on: "2026-04-10", actor: "联合检查组" }).task;
const byId = new Map(targets.map((t) => [t.id, t]));
let inspectionDay = 10;
for (const team of task.teams) {
  const targetId = team.targetIds[0] as string;
  const target = byId.get(targetId);
  const outcome = inspectionDay % 7 === 0 ? "information-not-published" : inspectionDay % 11 === 0 ? "further-rectification-required" : "no-problem-found";
  const day = `2026-04-${String(Math.min(30, inspectionDay++)).padStart(2, "0")}`;
  const record: InspectionRecordInput = {
    id: `REC-${targetId}`, taskId, inspectedOn: day,
    inspectors: team.members.map((m) => ({ inspectorId: m.inspectorId, name: inspectors.find((i) => i.id === m.inspectorId)?.name ?? m.inspectorId, unit: m.departmentId })),
    // the 检查对象 fields of the Chongqing form (F.1): 所属区县, 法定代表人, 检查地址, 联系电话 and the code
    target: {
      targetId, name: target?.name ?? targetId, code: targetId,
      ...Object.fromEntries((["phone", "county", "address", "legalRepresentative"] as const).flatMap((k) => {
        const v = target === undefined ? undefined : (target as Partial<Record<string, unknown>>)[k];
        return typeof v === "string" ? [[k, v]] : [];
      })),
    },
    departments: [...new Set(team.members.map((m) => m.departmentId))].map((d) => ({ departmentId: d, items: [{ itemName: d === "SCJG" ? "食品经营者检查" : "公共场所卫生检查", outcomes: [d === "SCJG" ? outcome : "no-problem-found"] }] })),
    targetConfirmation: { kind: "signed", signedOn: day },
    inspectorSignatures: team.members.map((m) => ({ inspectorId: m.inspectorId, signedOn: day })),
  };
  task = recordResult(task, record, { on: day, actor: "联合检查组" }).task;
}
const negatives = task.audit.filter((e) => e.type === "result-recorded" && Array.isArray(e.payload.consequences) && e.payload.consequences.length > 0).length;
line(`   j. ${task.records.length} record forms entered; ${negatives} with follow-up consequences (e.g. ordered to publish → abnormal list if uncured)`);
task = completeInspection(task, { completedOn: "2026-05-06", actor: "区市场监督管理局" }).task;
line(`   k. completed 2026-05-06; inspection ended ${task.publicationDeadline?.from} → results due ${task.publicationDeadline?.date} (20 working days; ${task.publicationDeadline?.definition.basis.slice(0, 2).join(", ")})`);
// 谁检查、谁录入、谁公开 (Longting art. 22): each department publishes its own results
task = publishResults(task, { publishedOn: "2026-05-20", actor: "区市场监督管理局", departmentId: "SCJG" }).task;
task = publishResults(task, { publishedOn: "2026-05-21", actor: "区卫生健康委员会", departmentId: "WJW" }).task;
const view = publicView(task);
line(`   l. published by SCJG 2026-05-20 and WJW 2026-05-21 (on time); public view lists ${view.results.length} results, no inspector names or unmasked phone numbers`);
const trail = verifyAuditTrail(task.audit);
line(`   m. audit trail: ${task.audit.length} hash-chained events, ${trail.ok ? `verified, head ${trail.headDigest.slice(0, 16)}…` : "BROKEN"}`);
line("\nDone: plan → draw → lock → inspectors → replacement → results → deadline → publication → verified audit trail.");
