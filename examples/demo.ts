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
  type InspectionTarget,
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
line(`   A task completed on ${done} must publish results by ${pub.date} (20 working days, ${pub.definition.basis.slice(0, 2).join(", ")}; the 国庆 break is skipped, make-up Saturday 10-10 counts)`);
const pen = computeDeadline("penalty-info-collection", done);
line(`   Penalty information decided that day is collected by ${pen.date} (${pen.definition.basis.join(", ")})`);

line(`\n6. Result codes 检查结果 (Wolong Annex B):`);
for (const [code, id] of Object.entries(WOLONG_FORM_CODES)) {
  const c = consequencesOf(id).map((x) => x.kind).join(", ");
  line(`   ${code} ${OUTCOMES[id].zh}${OUTCOMES[id].isNegative ? " [negative]" : ""}${c ? ` → ${c}` : ""}`);
}
// 4. The two-stage draw (二次随机), witnessed.
line(`\n7. Two-stage draw 二次随机 for plan row 1 (${plan.rows[0]?.name}), Longting art. 19`);
const taskId = "WOLONG-2026-T01";
const restaurants = targets.filter((t) => t.industries?.includes("食品经营"));
const eligibility = { registeredOnOrBefore: "2025-12-31", statuses: ["operating" as const] };
const commitment = commitPool(restaurants, { eligibility });
line(`   a. pool committed BEFORE the seed: ${commitment.unitCount} units, ${commitment.eligibleCount} eligible ${JSON.stringify(commitment.strata)}`);
line(`      digest ${commitment.digest.slice(0, 16)}… (published); ineligible ${JSON.stringify(commitment.ineligible)}`);
const seed = seedFromDice({ digits: "314159265358979323846264338327950288419", witnesses: ["张伟（信用监管科）", "李娜（法制科）"], date: "2026-04-01" });
line(`   b. seed from 39 witnessed ten-sided dice (${seed.provenance.kind === "dice" ? seed.provenance.witnesses.join("、") : ""}): ${seed.value.slice(0, 16)}…`);
const policy = { strata: { A: { ratio: 0.03 }, B: { ratio: 0.05 }, C: { ratio: 0.2 }, D: { ratio: 0.6 } }, itemCategory: "key" as const };
const draw = drawTargets({ taskId, pool: restaurants, policy, seed, commitment });
for (const s of draw.strata) line(`   c. class ${s.riskClass}: ${s.quotaRule.padEnd(22)} → ${s.selected.length} drawn, threshold ${s.threshold?.slice(0, 10) ?? "—"}…`);
const locked = lockTargetDraw(draw, { lockedOn: "2026-04-01", lockedBy: "区市场监督管理局 信用监管科" });
line(`   d. list locked (一经锁定不可更改), record digest ${draw.digest.slice(0, 16)}…`);
const verified = verifyTargetDraw(draw, restaurants);
const one = draw.strata.find((s) => s.selected.length > 0)?.selected[0];
const self = one === undefined ? undefined : verifyTicket(draw, { unitId: one.unitId, riskClass: restaurants.find((t) => t.id === one.unitId)?.riskClass ?? "A" });
line(`   e. auditor re-run: ${verified.ok ? "identical" : "MISMATCH"}; enterprise self-check: ${self?.explanationZh ?? "—"}`);
const perDept = dispatchTargets(locked, restaurants, { by: "department", departmentIds: ["SCJG", "WJW"] });
line(`   f. dispatched: 市场监管 ${perDept.SCJG?.length} targets, 卫健 ${perDept.WJW?.length} targets (within each department's remit)`);
const stage2 = drawInspectors({
  locked,
  seed: seedFromDice({ digits: "271828182845904523536028747135266249775", witnesses: ["张伟（信用监管科）", "王强（法制科）"], date: "2026-04-02" }),
  initiatingDepartmentId: "SCJG",
  departments: [
    { departmentId: "SCJG", inspectors: inspectors.filter((i) => i.departmentId === "SCJG"), requiredExpertise: ["食品"], workloadCap: 8 },
    { departmentId: "WJW", inspectors: inspectors.filter((i) => i.departmentId === "WJW"), requiredExpertise: ["公共卫生"], targetIds: perDept.WJW ?? [], workloadCap: 20 },
  ],
});
if (stage2.ok) {
  const firstTeam = stage2.record.departments.map((d) => `${d.departmentId}: ${d.teams[0]?.inspectorIds.join("+")}`).join("; ");
  line(`   g. inspectors drawn per department (own seed): ${stage2.record.departments.map((d) => `${d.departmentId} ${d.teams.length} teams`).join(", ")}; randomSide = ${stage2.record.randomSide}`);
  line(`      first target ${stage2.record.leaders[0]?.targetIds[0]}: ${firstTeam}; leader ${stage2.record.leaders[0]?.leaderId} (initiating department)`);
} else {
  line(`   g. stage 2 infeasible: ${stage2.messageZh} / ${stage2.messageEn}`);
}
line("\nNext in the walk-through (open issues): results → publication → audit trail.");
