// Valid calls of every exported function: the starting points that the hostile harness mutates (a mutation of a valid
// input reaches much deeper code than random junk). Keyed by export name; each entry lists argument tuples.
// A function export with no entry here fails the "every export has a baseline" test, so a new export cannot be
// forgotten: add its valid call below.
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as api from "../../src/index.js";
import { ITEMS, SCJG, WJW, TASK, POOL, drawnTask, teamsTask, recordFor } from "../task/_scenario.js";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const data = (f: string): unknown => JSON.parse(readFileSync(here(`../../examples/data/${f}`), "utf8"));

const POOL_CSV = join(tmpdir(), `shuangsuiji-hostile-pool-${process.pid}.csv`);
writeFileSync(POOL_CSV, "id,risk_class\nU1,A\nU2,A\nU3,B\nU4,B\n");
const noRows = async () => ({ rows: [] as unknown[] });
const FAKE_PG = { query: noRows, connect: async () => ({ query: noRows, release: () => undefined }) };

export type Baselines = Readonly<Record<string, () => readonly (readonly unknown[])[]>>;

function build(): Record<string, readonly (readonly unknown[])[]> {
  const departments = data("departments.json") as api.Department[];
  const items = (data("items.json") as unknown[]).map((i) => api.InspectionItemSchema.parse(i));
  const plan = api.AnnualPlanSchema.parse(data("plan.json"));
  const list = api.requireItemList(api.buildItemList("卧龙区", items, departments));
  const seed = api.createSeed("0123456789abcdef0123456789abcdef", { kind: "other", description: "hostile baseline" });
  const pool = [{ id: "U1", riskClass: "A" }, { id: "U2", riskClass: "A" }, { id: "U3", riskClass: "B" }, { id: "U4", riskClass: "B" }];
  const policy = { strata: { A: { count: 1 }, B: { ratio: 0.5 } } };
  const commitment = api.commitPool(pool);
  const drawInput = { taskId: "T", pool, seed, commitment, policy };
  const record = api.drawTargets(drawInput);
  const { pool: _p, ...shardInput } = drawInput;
  const shards = [api.drawTargetShard({ ...drawInput, pool: pool.slice(0, 2) }), api.drawTargetShard({ ...drawInput, pool: pool.slice(2) })];
  const locked = api.lockTargetDraw(record, { lockedOn: "2026-04-02", lockedBy: "信用监管科" });
  const directory = pool.map((u, i) => ({
    kind: "organisation", id: u.id, code: "91330100716105852F", codeType: "uscc", name: `对象${i}`, riskClass: u.riskClass,
    divisionCode: i % 2 ? "411303" : "411302", departmentIds: ["SCJG", "WJW"],
  }));
  const inspInput = {
    locked, seed: api.createSeed("62".repeat(16), { kind: "other", description: "t2" }), initiatingDepartmentId: "SCJG",
    departments: [{ departmentId: "SCJG", inspectors: SCJG }, { departmentId: "WJW", inspectors: WJW }],
  };
  const insp = api.drawInspectors(inspInput);
  const inspRecord = insp.ok ? insp.record : undefined;
  const { seed: _s, ...inspSetup } = inspInput;
  const shareA = "00112233445566778899aabbccddeeff";
  const shareB = "ffeeddccbbaa99887766554433221100";
  const head = { name: "李科长", role: "department-head", on: "2026-04-08", departmentId: "SCJG" };
  const principal = { name: "王局长", role: "principal-head", on: "2026-04-03", departmentId: "SCJG" };

  // lifecycle states
  const started = api.startTask(TASK, { preset: "chongqing", on: "2026-03-30", actor: "信用监管科", items: ITEMS }).task;
  const drawn = drawnTask("chongqing");
  const lockedTask = api.lockTargets(drawn, { on: "2026-04-01", actor: "信用监管科" }).task;
  const teams = teamsTask("chongqing");
  const team = teams.teams[0]!;
  const member = team.members.find((m) => m.departmentId === "SCJG" && m.inspectorId !== team.leaderId)!;
  const free = SCJG.find((i) => i.category !== "expert" && !teams.teams.some((t) => t.members.some((m) => m.inspectorId === i.id)))!;
  const inspecting = api.startInspection(teams, { on: "2026-04-10", actor: "组" }).task;
  let done = inspecting;
  for (const id of inspecting.targetIds) done = api.recordResult(done, recordFor(done, id), { on: "2026-04-15", actor: "x" }).task;
  const completed = api.completeInspection(done, { completedOn: "2026-09-30", actor: "x" }).task;
  const published = api.publishResults(api.publishResults(completed, { publishedOn: "2026-10-20", actor: "x", departmentId: "SCJG" }).task, { publishedOn: "2026-10-20", actor: "x", departmentId: "WJW" }).task;
  const firstTarget = inspecting.targetIds[0]!;
  // a finding a penalty was decided on (Longting art. 22 归集)
  const penalised = api.recordResult(inspecting, recordFor(inspecting, firstTarget, ["information-not-published"]), { on: "2026-04-15", actor: "x", penaltyDecidedOn: "2026-04-20" }).task;

  return {
    ShuangsuijiError: [["invalid-input", [{ path: ["a"], rule: "r", clause: "c", messageZh: "中", messageEn: "en" }]]],
    ruleMessage: [["civil-date"]],
    normalizeCode: [[" ９１３３０１００７１６１０５８５２ｆ "]],
    parseUscc: [["91330100716105852F"], ["91330100716105852A"]],
    isValidUscc: [["91330100716105852F"]],
    parseRegistrationNumber: [["110108000000016"]],
    isValidRegistrationNumber: [["110108000000016"]],
    parseResidentId: [["11010519491231002X"]],
    isValidResidentId: [["11010519491231002X"]],
    isValidDivisionCode: [["411303"]],
    outcomeFromFormCode: [[7]],
    formCodeOf: [["non-compliant"]],
    consequencesOf: [["unreachable-at-registered-address"]],
    isNegativeOutcome: [["non-compliant"]],
    countsTowardMinimum: [[{ category: "expert" }]],
    createInspectionTargetSchema: [[], [{ requireUsccForOrganisations: true }]],
    parseModel: [[api.InspectorSchema, { id: "I-1", name: "张三", departmentId: "SCJG", category: "qualified-staff", expertise: ["食品"] }]],
    parseTarget: [[directory[0]]],
    validateRecords: [[api.InspectorSchema, [{ id: "I-1" }, { id: "I-1" }]]],
    importTable: [["B.1", [{ " 企业名称 ": "南阳某某餐饮有限公司", 统一社会信用代码: "91330100716105852F", 行政区划代码: "411303", 信用风险分类: "B类" }]]],
    createSeed: [["0123456789abcdef0123456789abcdef", { kind: "other", description: "x" }]],
    seedFromLottery: [[{ name: "体彩排列5", drawId: "26101..26108", numbers: [3, 9, 1, 4, 7, 2, 2, 8, 0, 6, 5, 1, 9, 9, 3, 0, 4, 6, 2, 8, 7, 7, 1, 5, 0, 9, 3, 8, 4, 1, 6, 0, 2, 7, 5, 8, 1, 3, 9, 4] }, { maxNumber: 9 }]],
    seedFromDice: [[{ digits: "271828182845904523536028747135266249775", witnesses: ["张伟", "李娜"], date: "2026-04-01" }]],
    seedFromBeacon: [[{ source: "drand quicknet", round: "12345678", value: "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90" }]],
    commitSeedShare: [[shareA]],
    seedFromShares: [[[{ party: "SCJG", commitment: api.commitSeedShare(shareA), reveal: shareA }, { party: "WJW", commitment: api.commitSeedShare(shareB), reveal: shareB }]]],
    computeQuota: [[{ ratio: 0.05 }, 121], [{ count: 10 }, 4]],
    commitPool: [[pool]],
    commitPoolAsync: [[pool]],
    drawTargets: [[drawInput]],
    drawTargetsAsync: [[drawInput]],
    drawTargetShard: [[drawInput]],
    mergeTargetShards: [[shards, shardInput]],
    verifyTargetDraw: [[record, pool]],
    verifyTargetDrawAsync: [[record, pool]],
    computeTicket: [[{ seed: seed.value, taskId: "T", unitId: "U1" }]],
    verifyTicket: [[record, { unitId: "U2", riskClass: "A" }]],
    lockTargetDraw: [[record, { lockedOn: "2026-04-02", lockedBy: "信用监管科" }]],
    dispatchTargets: [[locked, directory, { by: "department", departmentIds: ["SCJG", "WJW"] }], [locked, directory, { by: "district" }]],
    drawInspectors: [[inspInput]],
    verifyInspectorDraw: [[inspRecord, inspInput], [inspRecord, inspInput, { inputsDigest: api.commitInspectorInputs(inspInput).digest }]],
    commitInspectorInputs: [[inspInput], [inspSetup]],
    startTask: [[TASK, { preset: "chongqing", on: "2026-03-30", actor: "信用监管科", items: ITEMS }]],
    recordTargetDraw: [[started, api.drawTargets({ taskId: TASK.id, pool: POOL, commitment: api.commitPool(POOL), policy: { strata: { A: { ratio: 0.5 } } }, seed: api.createSeed("61".repeat(16), { kind: "other", description: "t" }) }), { on: "2026-04-01", actor: "信用监管科" }]],
    lockTargets: [[drawn, { on: "2026-04-01", actor: "信用监管科" }]],
    amendLockedList: [[lockedTask, { remove: [lockedTask.targetIds[0]], add: [], reason: "已注销（抽取后核实）", approval: principal, on: "2026-04-03", actor: "信用监管科" }]],
    recordInspectorDraw: [[lockedTask, api.drawInspectors({ ...inspInput, locked: lockedTask.locked! }).ok ? (api.drawInspectors({ ...inspInput, locked: lockedTask.locked! }) as { record: unknown }).record : undefined, { on: "2026-04-02", actor: "各参与部门", drawInput: { ...inspInput, locked: undefined } }]],
    replaceInspector: [[teams, { targetId: team.targetIds[0], outgoingId: member.inspectorId, substituteId: free.id, reason: "health", approval: head, chosenBy: "城关所", directory: SCJG, on: "2026-04-08", actor: "x" }]],
    decideRecusalRequest: [[teams, { targetId: team.targetIds[0], inspectorId: member.inspectorId, grounds: "检查人员系该企业股东亲属", granted: true, decision: { ...head, on: "2026-04-09" }, substitute: { substituteId: free.id, chosenBy: "法制科", directory: SCJG }, on: "2026-04-09", actor: "法制科" }]],
    addAssistant: [[teams, { targetId: team.targetIds[0], assistant: { name: "赵工", organisation: "市特检院", kind: "testing-institution" }, on: "2026-04-09", actor: "组长" }]],
    advanceNotice: [[{ field: "食品经营", name: "食品经营者检查", objectType: "餐饮服务经营者" }, { preset: "chongqing" }], [{ field: "食品经营", name: "餐饮服务检查", objectType: "餐饮服务经营者", advanceNoticeCategory: "catering" }, { preset: "wolong" }], [{ field: "价格", name: "明码标价检查", objectType: "经营者" }, { preset: "longting", surpriseOnLead: true, lead: "12315投诉线索" }]],
    startInspection: [[teams, { on: "2026-04-10", actor: "组" }]],
    recordResult: [[inspecting, recordFor(inspecting, firstTarget), { on: "2026-04-15", actor: "x" }]],
    completeInspection: [[done, { completedOn: "2026-09-30", actor: "x" }]],
    publishResults: [[completed, { publishedOn: "2026-10-20", actor: "x", departmentId: "SCJG" }]],
    isPublicationOverdue: [[completed, "2026-11-04"]],
    recordPenaltyInfoCollected: [[penalised, { recordId: `R-${firstTarget}`, departmentId: "SCJG", decidedOn: "2026-04-20", on: "2026-04-22", actor: "区市场监管局" }]],
    overduePenaltyInfo: [[penalised, "2026-06-01"]],
    correctPublishedResult: [[published, { record: recordFor(published, firstTarget, ["no-problem-found"], `R-${firstTarget}`), reason: "异议属实：已按时公示", approval: { ...principal, on: "2026-11-20" }, objectionConfirmedOn: "2026-11-10", on: "2026-11-20", actor: "x" }]],
    verifyAuditTrail: [[published.audit]],
    publicView: [[published], [teams]],
    publishableDrawRecord: [[published, { on: "2026-10-20" }]],
    maskPhone: [["13912345678"]],
    maskPersonalData: [["联系电话138-1234-5678，身份证11010519491231002X，代码914403001922038216"]],
    loadTask: [[JSON.parse(JSON.stringify(published))]],
    verifyTask: [[published], [JSON.parse(JSON.stringify(published))]],
    replayTask: [[JSON.parse(JSON.stringify(published.audit))]],
    // the text entries (the core's and shuangsuiji/node's share the name and the call)
    replayTaskText: [[JSON.stringify(published.audit)]],
    loadTaskText: [[JSON.stringify(published)]],
    recordAdvanceNotice: [[teamsTask("chongqing", [], false), { targetId: firstTarget, given: { on: "2026-04-08", means: "电话告知" }, on: "2026-04-08", actor: "检查组" }]],
    recordIdentityShown: [[inspecting, { targetId: firstTarget, inspectorIds: inspecting.teams.find((t) => t.targetIds.includes(firstTarget))!.members.map((m) => m.inspectorId), on: "2026-04-12", actor: "组长" }]],
    checkRiskDifferentiation: [[[{ riskClass: "A", ratio: 0.03 }, { riskClass: "B", ratio: 0.05 }, { riskClass: "C", ratio: 0.04 }, { riskClass: "D", ratio: 1 }]]],
    // files
    decodeText: [[new TextEncoder().encode("企业名称,统一社会信用代码\n某某公司,91330100716105852F\n")]],
    parseCsv: [["企业名称,统一社会信用代码,行政区划代码,信用风险分类\n\"南阳某某餐饮有限公司\",91330100716105852F,411303,B类\n"]],
    readTableFile: [[new TextEncoder().encode("企业名称,统一社会信用代码,行政区划代码,信用风险分类\n南阳某某餐饮有限公司,91330100716105852F,411303,B类\n"), { fileName: "pool.csv" }]],
    // SQL generation and record assembly
    generateCommitmentSql: [[{ dialect: "postgresql", source: { table: "units" }, exclusions: [{ unitId: "U9", reason: "已列入重点监管" }] }]],
    generateSelectionSql: [[{ dialect: "duckdb", source: { table: "units" }, taskId: "T", policy, seed, commitment }]],
    clickhouseParams: [[api.generateCommitmentSql({ dialect: "clickhouse", source: { table: "units_all" } })]],
    assemblePoolCommitment: [[{ rows: [] }]],
    assembleTargetShard: [[{ taskId: "T-1", policy: { strata: {} }, seed, commitment: api.commitPool([]), commitmentRows: [], selectionRows: [] }]],
    assembleTargetDraw: [[{ taskId: "T-1", policy: { strata: {} }, seed, commitment: api.commitPool([]), shards: [{ commitmentRows: [], selectionRows: [] }] }]],
    generatePoolCheckSql: [["clickhouse", { source: { table: "units_all" } }]],
    assemblePoolCheck: [[{ summary: [{ n_class: "1", n_date: "0", n_suspicious: "1" }], badClasses: [{ ssj_id: "U-1", ssj_value: "a" }], badDates: [], suspiciousIds: [{ ssj_id: "U-\u200b2", ssj_n: "1" }], duplicates: [] }]],
    maskIdNumber: [["11010519491231002X"]],
    buildItemList: [["卧龙区", items, departments]],
    requireItemList: [[api.buildItemList("卧龙区", items, departments)]],
    adjustItemList: [[list, { remove: ["SCJG-05"] }, { on: "2026-06-01", reason: "《价格法》修订", publicNotice: "卧龙区联席办公告〔2026〕3号" }, departments]],
    checkAnnualPlan: [[plan, { items, departments, jurisdiction: "wolong" }]],
    adjustAnnualPlan: [[plan, { kind: "change-ratio", seq: 2, ratio: 0.15 }, { on: "2026-06-01", reason: "事故多发", publicNotice: "公告〔2026〕5号" }]],
    planAdHocTask: [[{ id: "T-ADHOC-1", name: "燃气安全专项联合检查", initiatingDepartmentId: "YJGL", cooperatingDepartmentIds: ["SCJG"], scope: { description: "城区餐饮场所" }, targetCount: 30, window: { start: "2026-07-01", end: "2026-07-20" }, itemIds: ["YJGL-01"] }, { ground: "sudden-risk", explanation: "燃气泄漏事故后的专项排查" }]],
    splitPlanRow: [[plan, 3, [{ id: "T-3a", name: "成品油第一批", window: { start: "2026-06-01", end: "2026-07-31" }, scope: { description: "城区" }, weight: 2 }, { id: "T-3b", name: "成品油第二批", window: { start: "2026-08-01", end: "2026-09-30" }, scope: { description: "乡镇" }, weight: 1 }]]],
    estimateDrawCounts: [[[{ id: "U1", riskClass: "A" }, { id: "U2", riskClass: "D" }], { strata: { A: { ratio: 0.05 }, D: { ratio: 0.6 } } }]],
    combineIndustryChecks: [["食品经营", items, departments]],
    itemListTable: [[items, departments]],
    annualPlanTable: [[plan, items, departments]],
    renderTable: [[[{ 序号: "1", 计划名称: "餐饮联合抽查" }], "markdown"], [[{ 序号: "1", 计划名称: "=cmd|' /C calc'!A0" }], "csv"]],
    evaluateCreditRepair: [[{ result: { outcomes: ["pending-follow-up"], publishedOn: "2026-01-10" }, measures: [{ kind: "penalty", type: "fine", decidedOn: "2026-01-20", publishedOn: "2026-01-22", tier: "ordinary" }], facts: { penaltyFulfilled: true, harmRemedied: true, noRepeatViolation: true }, evaluatedOn: "2026-05-01" }]],
    // calendar
    isValidCivilDate: [["2024-02-29"]],
    parseCivilDate: [["2026-10-09"]],
    civilDateFromDate: [[new Date(Date.UTC(2026, 0, 31, 16, 30))]],
    createHolidayCalendar: [[[{ year: 2030, holidays: [{ date: "2030-01-01", name: "元旦" }], workdays: [] }]]],
    addCalendarYears: [[api.CN_CALENDAR, [{ year: 2027, holidays: [{ date: "2027-01-01", name: "元旦" }], workdays: [], notices: ["(2027 notice)"] }]]],
    isWorkingDay: [["2026-10-10"], ["2026-10-10", { ignoreMakeupWorkdays: true }], ["2031-01-01", { outsideCoverage: "assume-weekdays" }]],
    isMakeupWorkday: [["2026-10-10"]],
    isPublicHoliday: [["2026-10-01"]],
    isStatutoryHoliday: [["2026-10-01"]],
    holidayName: [["2025-10-06"]],
    isProvisional: [["2027-03-01"]],
    addWorkingDays: [["2025-09-26", 20], ["2026-10-08", -1]],
    differenceInWorkingDays: [["2025-10-30", "2025-09-26"]],
    nextWorkingDay: [["2026-10-01"]],
    previousWorkingDay: [["2026-10-08"]],
    addLegalPeriod: [["2025-12-07", { months: 3 }, { rollOver: "holiday" }], ["2025-07-01", { days: 3 }]],
    computeDeadline: [["results-publication", "2025-09-26"]],
    annualPlanDeadline: [[2028, "wancheng"]],
    // stats
    stage1Sampler: [[["U1", "U2", "U3"], 1, "00112233445566778899aabbccddeeff"]],
    runSeed: [["fairness-2026", 0]],
    simulateInclusion: [[{ ids: ["a", "b", "c", "d"], k: 1, runs: 40, baseSeed: "x" }]],
    inclusionChiSquare: [[SIM]],
    binomialBounds: [[SIM]],
    adjacentPairTest: [[SIM]],
    subsetUniformityTest: [[SIM]],
    pooledChiSquare: [[[{ statistic: 1, df: 2, pValue: 0.5, alpha: 1e-4, rejected: false }]]],
    requiredRuns: [[{ pi: 0.05, delta: 0.2, units: 100, alpha: 0.01, power: 0.9 }]],
    simulateInspectorDraws: [[inspSetup, 3, "stage2-fairness"]],
    inspectorCounts: [[{ "SCJG-1": 2, "SCJG-2": 1 }, ["SCJG-1", "SCJG-2", "SCJG-3"], 1, 3]],
    chiSquareCdf: [[3, 2]],
    chiSquareSf: [[3, 2]],
    chiSquareQuantile: [[0.95, 2]],
    binomialCdf: [[3, 10, 0.5]],
    normalQuantile: [[0.975]],
    assessFairness: [[{ pool: Array.from({ length: 20 }, (_, i) => ({ id: `U${i}`, riskClass: i < 10 ? "A" : "B" })), policy: { strata: { A: { ratio: 0.2 }, B: { ratio: 0.3 } } }, runs: 30, baseSeed: "example" }]],
    renderFairnessHtml: [[REPORT, "<title>"]],
    // node
    readCsvTable: [[here("../../examples/data/targets-county.csv"), "B.1"]],
    // duckdb (an in-memory engine over a small CSV written to the temp directory) and postgres (a pool that answers nothing)
    commitPoolInDuckDb: [[{ file: POOL_CSV }]],
    drawTargetsInDuckDb: [[{ taskId: "T", pool: { file: POOL_CSV }, seed, commitment, policy }]],
    verifyTargetDrawInDuckDb: [[record, { file: POOL_CSV }]],
    createPostgresEventStore: [[FAKE_PG], [FAKE_PG, { table: "events_hostile" }]],
  };
}

// Small simulation results used as inputs of the statistical tests (computed once, lazily).
let SIM: unknown;
let REPORT: unknown;

let cached: Record<string, readonly (readonly unknown[])[]> | undefined;
/** The baselines, built once per process (they run real draws and lifecycles). */
export async function baselines(): Promise<Record<string, readonly (readonly unknown[])[]>> {
  if (cached === undefined) {
    const stats = await import("../../src/stats/index.js");
    SIM = stats.simulateInclusion({ ids: ["a", "b", "c", "d", "e", "f"], k: 2, runs: 60, baseSeed: "x" });
    REPORT = stats.assessFairness({ pool: Array.from({ length: 20 }, (_, i) => ({ id: `U${i}`, riskClass: "A" })), policy: { strata: { A: { ratio: 0.2 } } }, runs: 30, baseSeed: "r" });
    cached = build();
  }
  return cached;
}
