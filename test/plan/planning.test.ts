import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  LIFECYCLE_PRESETS, ShuangsuijiError, adjustAnnualPlan, annualPlanDeadline, adjustItemList, annualPlanTable, buildItemList, checkAnnualPlan, combineIndustryChecks, estimateDrawCounts,
  itemListTable, planAdHocTask, renderTable, requireItemList, splitPlanRow, commitPool, computeQuota,
  type AnnualPlan, type Department, type InspectionItem,
} from "../../src/index.js";
import { AnnualPlanSchema, InspectionItemSchema } from "../../src/index.js";
import { readFileSync } from "node:fs";

const data = (f: string) => JSON.parse(readFileSync(new URL(`../../examples/data/${f}`, import.meta.url), "utf8"));
const departments: Department[] = data("departments.json");
const items: InspectionItem[] = data("items.json").map((i: unknown) => InspectionItemSchema.parse(i));
const plan: AnnualPlan = AnnualPlanSchema.parse(data("plan.json"));

describe("item list (Longting art. 8–10; Chongqing 5.1, A.1)", () => {
  it("the sample list is valid; the initiating department must be competent for the field (Longting art. 10)", () => {
    expect(buildItemList("卧龙区", items, departments).ok).toBe(true);
    const wrong = { ...items[0]!, id: "X-1", initiatingDepartmentId: "WJW", cooperatingDepartmentIds: [] };
    const r = buildItemList("卧龙区", [...items, wrong], departments);
    expect(!r.ok && r.issues.map((i) => [i.rule, i.clause])).toEqual([["initiating-competence", "Longting art. 10"]]);
    const unknown = buildItemList("x", items, departments.map(({ competentFields: _c, ...d }) => d));
    expect(unknown.ok && unknown.notes.every((n) => n.rule === "initiating-competence-unverified")).toBe(true);
  });
  it("adjustments produce a new version with a public change record; no reason or notice is refused", () => {
    const list = requireItemList(buildItemList("卧龙区", items, departments));
    const next = adjustItemList(list, { remove: ["SCJG-05"], add: [{ ...items[4]!, id: "SCJG-06", name: "广告发布行为检查" }] }, { on: "2026-06-01", reason: "《广告法》修订", publicNotice: "卧龙区联席办公告〔2026〕3号" }, departments);
    expect(next.version).toBe(2);
    expect(next.history[0]).toMatchObject({ version: 2, added: ["SCJG-06"], removed: ["SCJG-05"], publicNotice: "卧龙区联席办公告〔2026〕3号" });
    expect(list.items.some((i) => i.id === "SCJG-05")).toBe(true); // the old version is untouched
    expect(() => adjustItemList(list, { remove: ["SCJG-05"] }, { on: "2026-06-01", reason: "x", publicNotice: "" }, departments)).toThrowError(/public/);
  });
});

describe("annual plan (Longting art. 13–16; Chongqing 5.2, 5.4–5.5; Wancheng art. 5)", () => {
  it("the sample plan: uncovered fields are reported, merge candidates flagged, deadline met", () => {
    const r = checkAnnualPlan(plan, { items, departments, jurisdiction: "wolong" });
    expect(r.uncoveredFields).toEqual(["产品质量", "单用途预付卡", "生态环境"]);
    // Longting art. 13's field coverage binds under longting only (hostile9b F7): under wolong a warning, no issue
    expect(r.issues).toEqual([]);
    const lt = checkAnnualPlan(plan, { items, departments, jurisdiction: "longting" });
    expect(lt.issues.filter((i) => i.rule === "plan-coverage").map((i) => i.clause)).toEqual(["Longting art. 13", "Longting art. 13", "Longting art. 13"]);
    expect(r.publication).toMatchObject({ date: "2026-03-31", late: false });
    // Wancheng art. 5's end of February is the departments' submission to the 区联席办, not publication, and the norms
    // apply only from 2026-03-20 (art. 28): the same plan is not late under wancheng (F18; this assertion used to expect late: true)
    const wan = checkAnnualPlan(plan, { items, departments, jurisdiction: "wancheng" });
    expect(wan.publication).toMatchObject({ date: "2026-02-28", inForce: false, preset: { stage: "department-submission" } });
    expect(wan.publication?.late).toBeUndefined();
  });
  it("F18: Wancheng art. 5 sets no publication deadline and none before 2026-03-20; Wolong 1.2's 31 March binds (refusal and allowed side by side)", () => {
    const rules = (p: AnnualPlan, j: "wancheng" | "wolong") => checkAnnualPlan(p, { items, departments, jurisdiction: j }).issues.map((i) => i.rule);
    const on = (publishedOn: string, year = 2026) => ({ ...plan, year, publishedOn }) as AnnualPlan;
    expect(rules(on("2026-03-10"), "wancheng")).not.toContain("plan-publication");
    expect(annualPlanDeadline(2026, "wancheng")).toMatchObject({ date: "2026-02-28", inForce: false });
    expect(annualPlanDeadline(2027, "wancheng")).toMatchObject({ date: "2027-02-28", inForce: true, preset: { stage: "department-submission", effectiveFrom: "2026-03-20" } });
    expect(rules(on("2026-04-01"), "wolong")).toContain("plan-publication");
    expect(rules(on("2026-03-31"), "wolong")).not.toContain("plan-publication");
  });
  it("a row's ratio may not exceed a general item's cap; key items have none (Chongqing 5.2)", () => {
    const p = AnnualPlanSchema.parse({ ...plan, rows: [{ ...plan.rows[3]!, ratio: 0.2 }] }); // SCJG-01 is general, capped at 5%
    expect(checkAnnualPlan(p, { items, departments }).issues.map((i) => i.rule)).toContain("general-item-ratio-cap");
    const k = AnnualPlanSchema.parse({ ...plan, rows: [{ ...plan.rows[1]!, ratio: 1 }] }); // key items only
    expect(checkAnnualPlan(k, { items, departments }).issues.map((i) => i.rule)).not.toContain("general-item-ratio-cap");
  });

  it("a row that samples nothing, or whose window reaches outside the plan year, is reported; the sample plan is not (Chongqing 5.2, table D.1)", () => {
    const rules = (p: AnnualPlan) => checkAnnualPlan(p, { items, departments }).issues.map((i) => i.rule);
    expect(rules(plan)).not.toContain("plan-row-quantity");
    expect(rules(plan)).not.toContain("plan-year");
    const row0 = plan.rows[0]!;
    const zero = { ...plan, rows: [{ ...row0, ratio: 0 }, ...plan.rows.slice(1)] } as AnnualPlan;
    expect(rules(zero)).toContain("plan-row-quantity");
    const spanning = { ...plan, rows: [{ ...row0, window: { start: `${plan.year - 2}-01-01`, end: row0.window.end } }, ...plan.rows.slice(1)] } as AnnualPlan;
    expect(rules(spanning)).toContain("plan-year");
  });
  it("rows with alike targets and methods and overlapping windows are flagged for merging (Chongqing 5.5)", () => {
    const twin = { ...plan.rows[0]!, seq: 9, name: "餐饮第二轮", cooperatingDepartmentIds: [], cooperatingItemIds: [], window: { start: "2026-05-01", end: "2026-07-31" } };
    const p = AnnualPlanSchema.parse({ ...plan, rows: [...plan.rows, twin] });
    expect(checkAnnualPlan(p, { items, departments }).mergeCandidates).toContainEqual(expect.objectContaining({ rows: [1, 9], objectTypes: ["食品经营者"] }));
  });
  it("adjustments are recorded with their public notice (Longting art. 16)", () => {
    const r = adjustAnnualPlan(plan, { kind: "change-ratio", seq: 2, ratio: 0.15 }, { on: "2026-06-01", reason: "事故多发", publicNotice: "公告〔2026〕5号" });
    expect(r.plan.rows.find((x) => x.seq === 2)?.ratio).toBe(0.15);
    expect(r.record).toMatchObject({ kind: "change-ratio", clause: "Longting art. 16" });
    expect(() => adjustAnnualPlan(plan, { kind: "cancel", seq: 2 }, { on: "2026-06-01", reason: "x", publicNotice: " " })).toThrowError(ShuangsuijiError);
    expect(adjustAnnualPlan(plan, { kind: "cancel", seq: 2 }, { on: "2026-06-01", reason: "x", publicNotice: "公告" }).plan.rows).toHaveLength(3);
  });
  it("an adjustment of the wrong type is reported as a wrong type, with its value (hostile6a case 02)", () => {
    try {
      adjustAnnualPlan(plan, { kind: "change-count", seq: 2, targetCount: "12" } as never, { on: "2026-06-01", reason: "r", publicNotice: "公告" });
      expect.unreachable();
    } catch (e) {
      const issue = (e as ShuangsuijiError).issues.find((i) => i.path.includes("targetCount"));
      expect(issue).toMatchObject({ path: ["rows", 1, "targetCount"], messageZh: "字段类型错误", value: "12" });
    }
  });
  it("ad-hoc checks are allowed outside the plan and marked (Longting art. 13)", () => {
    const t = planAdHocTask({ id: "T-A", name: "燃气专项", initiatingDepartmentId: "YJGL", cooperatingDepartmentIds: ["SCJG"], scope: { description: "城区" }, targetCount: 10, window: { start: "2026-07-01", end: "2026-07-10" }, itemIds: ["YJGL-01"] }, { ground: "sudden-risk", explanation: "事故后排查" });
    expect(t.adHoc).toBe(true);
    expect(() => planAdHocTask({ ...t, planId: plan.id }, { ground: "sudden-risk", explanation: "x" })).toThrowError(/Longting art\. 13/);
  });
});

describe("tasks and draw estimates (Chongqing 6.2; D.1)", () => {
  const dir = Array.from({ length: 200 }, (_, k) => ({ id: `U${k}`, riskClass: "A" }));
  const general = { id: "SCJG-01", name: "一般事项", category: "general" as const, maxRatio: 0.05 };
  it("F08: a general item capped at 5% is not estimated at 50% under chongqing (Chongqing 5.2); 5% is allowed, and key items or longting do not cap", () => {
    const e = (() => { try { estimateDrawCounts(dir, { strata: { A: { ratio: 0.5 } } }, {}, { preset: "chongqing", items: [general] }); } catch (x) { return x as ShuangsuijiError; } return undefined; })();
    expect(e).toBeInstanceOf(ShuangsuijiError);
    expect(e?.issues[0]).toMatchObject({ rule: "general-item-ratio-cap", path: ["policy", "strata", "A", "ratio"] });
    expect(e?.issues[0]?.clause).toMatch(/^Chongqing 5\.2/);
    expect(estimateDrawCounts(dir, { strata: { A: { ratio: 0.05 } } }, {}, { preset: "chongqing", items: [general] }).total).toBe(10);
    // a count rule is checked through its quota: 11 of 200 exceeds ceil(5% × 200) = 10
    expect(() => estimateDrawCounts(dir, { strata: { A: { count: 11 } } }, {}, { preset: "chongqing", items: [general] })).toThrowError(/general-item-ratio-cap|Chongqing 5\.2/);
    expect(estimateDrawCounts(dir, { strata: { A: { count: 10 } } }, {}, { preset: "chongqing", items: [general] }).total).toBe(10);
    expect(estimateDrawCounts(dir, { strata: { A: { ratio: 0.5 } } }, {}, { preset: "chongqing", items: [{ ...general, category: "key", maxRatio: undefined }] }).total).toBe(100);
    expect(estimateDrawCounts(dir, { strata: { A: { ratio: 0.5 } } }, {}, { preset: "longting", items: [general] }).total).toBe(100);
    expect(LIFECYCLE_PRESETS.chongqing.generalItemRatioCap).toMatchObject({ enforced: true });
  });
  it("F21: a yanshi task is not estimated at 1% (Yanshi 6: 5%–100%); 5% is allowed; every bad stratum is listed", () => {
    const two = [...dir, ...dir.map((u) => ({ ...u, id: `V${u.id}`, riskClass: "B" }))];
    const e = (() => { try { estimateDrawCounts(two, { strata: { A: { ratio: 0.01 }, B: { ratio: 0.02 } } }, {}, { preset: "yanshi" }); } catch (x) { return x as ShuangsuijiError; } return undefined; })();
    expect(e?.issues.map((i) => [i.rule, i.path.join(".")])).toEqual([["target-ratio-bounds", "policy.strata.A.ratio"], ["target-ratio-bounds", "policy.strata.B.ratio"]]);
    expect(e?.issues[0]?.clause).toMatch(/^Yanshi 6/);
    expect(estimateDrawCounts(two, { strata: { A: { ratio: 0.05 }, B: { ratio: 1 } } }, {}, { preset: "yanshi" }).total).toBe(210);
    expect(LIFECYCLE_PRESETS.yanshi.targetRatio).toEqual({ min: 0.05, max: 1, clause: expect.stringMatching(/^Yanshi 6/) });
    expect(() => estimateDrawCounts(dir, { strata: { A: { ratio: 0.05 } } }, {}, { preset: "nowhere" as never })).toThrowError(ShuangsuijiError);
  });
  it("estimates per stratum equal the quotas the draw will use", () => {
    const directory = data("targets.json") as { id: string; riskClass: string; status?: string; registrationDate?: string }[];
    const policy = { strata: { A: { ratio: 0.03 }, B: { ratio: 0.05 }, C: { ratio: 0.2 }, D: { ratio: 0.6 } } };
    const est = estimateDrawCounts(directory, policy, { statuses: ["operating"] });
    const c = commitPool(directory, { eligibility: { statuses: ["operating"] } });
    for (const s of est.strata) expect(s.quota).toBe(computeQuota(policy.strata[s.riskClass as "A"]!, c.strata[s.riskClass] ?? 0).quota);
    expect(est.ineligible).toEqual(c.ineligible);
  });
});

const itemArb = fc.record({
  id: fc.stringMatching(/^I-\d{1,4}$/),
  field: fc.constantFrom("食品经营", "特种设备", "价格", "安全生产", "公共场所卫生"),
  objectType: fc.constantFrom("食品经营者", "特种设备使用单位", "经营者"),
  category: fc.constantFrom("key" as const, "general" as const),
  maxRatio: fc.integer({ min: 1, max: 100 }).map((p) => p / 100),
  methods: fc.subarray(["on-site", "documents", "online"] as const, { minLength: 1 }),
  dept: fc.constantFrom("SCJG", "WJW", "YJGL"),
}).map(({ dept, maxRatio, category, ...i }): InspectionItem => ({ ...i, name: `${i.field}检查${i.id}`, category, ...(category === "general" ? { maxRatio } : {}), initiatingDepartmentId: dept, cooperatingDepartmentIds: [] }));
const itemsArb = fc.uniqueArray(itemArb, { minLength: 1, maxLength: 12, selector: (i) => i.id });

describe("planning properties", () => {
  it("every generated plan over a random item list covers every field or reports exactly the uncovered ones", () => {
    fc.assert(
      fc.property(itemsArb, fc.array(fc.nat(), { maxLength: 6 }), (its, picks) => {
        const rows = picks.map((k, n) => {
          const it = its[k % its.length]!;
          return { seq: n + 1, name: `计划${n}`, initiatingDepartmentId: it.initiatingDepartmentId, cooperatingDepartmentIds: [], initiatingItemIds: [it.id], cooperatingItemIds: [], targetDescription: it.objectType, window: { start: "2026-04-01", end: "2026-06-30" }, targetCount: 5 };
        });
        if (rows.length === 0) return;
        const p = AnnualPlanSchema.parse({ id: "P", year: 2026, name: "计划", rows });
        const r = checkAnnualPlan(p, { items: its, departments });
        const covered = new Set(rows.map((x) => its.find((i) => i.id === x.initiatingItemIds[0])!.field));
        expect(r.uncoveredFields).toEqual([...new Set(its.map((i) => i.field))].filter((f) => !covered.has(f)).sort());
        expect(r.issues.filter((i) => i.rule === "plan-coverage").map((i) => i.value)).toEqual(r.uncoveredFields);
      }),
      { seed: 41, numRuns: 300 },
    );
  });
  it("task ratios never exceed their items' bounds: checkAnnualPlan flags every row that does", () => {
    fc.assert(
      fc.property(itemsArb, fc.integer({ min: 1, max: 100 }), (its, pct) => {
        const ratio = pct / 100;
        const rows = its.map((it, n) => ({ seq: n + 1, name: `计划${n}`, initiatingDepartmentId: it.initiatingDepartmentId, cooperatingDepartmentIds: [], initiatingItemIds: [it.id], cooperatingItemIds: [], targetDescription: it.objectType, window: { start: "2026-04-01", end: "2026-06-30" }, ratio }));
        const r = checkAnnualPlan(AnnualPlanSchema.parse({ id: "P", year: 2026, name: "计划", rows }), { items: its, departments });
        const flagged = new Set(r.issues.filter((i) => i.rule === "general-item-ratio-cap").map((i) => i.path[1]));
        its.forEach((it, n) => expect(flagged.has(n)).toBe(it.category === "general" && it.maxRatio !== undefined && ratio > it.maxRatio));
      }),
      { seed: 42, numRuns: 300 },
    );
  });
  it("一业一查 merging is idempotent, and every industry item is either combined or excluded with a reason", () => {
    fc.assert(
      fc.property(itemsArb, fc.constantFrom("食品经营", "特种设备", "价格", "安全生产"), (its, industry) => {
        const once = combineIndustryChecks(industry, its, departments);
        if (!once.ok) return;
        const again = combineIndustryChecks(industry, its.filter((i) => once.itemIds.includes(i.id)), departments);
        expect(again.ok && again.itemIds).toEqual(once.itemIds);
        expect(again.ok && again.leadDepartmentId).toBe(once.leadDepartmentId);
        const inIndustry = its.filter((i) => i.field === industry || i.objectType === industry).map((i) => i.id).sort();
        expect([...once.itemIds, ...once.excluded.map((e) => e.itemId)].sort()).toEqual(inIndustry);
        expect(departments.find((d) => d.id === once.leadDepartmentId)?.competentFields).toContain(industry);
      }),
      { seed: 43, numRuns: 300 },
    );
  });
  it("splitting a plan row into tasks: their counts sum to the row's count", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 6 }).filter((w) => w.some((x) => x > 0)), (count, weights) => {
        const p = AnnualPlanSchema.parse({ ...plan, rows: [{ ...plan.rows[2]!, targetCount: count }] });
        const tasks = splitPlanRow(p, p.rows[0]!.seq, weights.map((w, i) => ({ id: `T-${i}`, name: `批次${i}`, window: { start: "2026-06-01", end: "2026-09-30" }, scope: { description: "x" }, weight: w })));
        expect(tasks.reduce((n, t) => n + (t.targetCount ?? 0), 0)).toBe(count);
        tasks.forEach((t, i) => expect(Math.abs((t.targetCount ?? 0) - (count * weights[i]!) / weights.reduce((a, b) => a + b, 0))).toBeLessThan(1));
      }),
      { seed: 44, numRuns: 500 },
    );
  });
});

describe("reports in the standard's column order", () => {
  it("table A.1 and table D.1 as CSV and Markdown", () => {
    const a1 = itemListTable(items, departments);
    expect(Object.keys(a1[0]!)).toEqual(["序号", "抽查领域", "抽查事项", "检查对象", "发起部门", "配合部门", "事项类别", "备注"]);
    expect(a1[1]).toMatchObject({ 发起部门: "区市场监督管理局", 配合部门: "区卫生健康委员会", 事项类别: "重点检查事项" });
    const d1 = annualPlanTable(plan, items, departments);
    expect(Object.keys(d1[0]!)).toEqual(["序号", "计划名称", "发起部门", "配合部门", "抽查事项（发起部门）", "抽查事项（配合部门）", "抽查对象", "抽查时间", "抽查比例", "抽取对象数量（户）"]);
    expect(d1[0]).toMatchObject({ 抽查比例: "5%", 抽查时间: "2026-04-01至2026-06-30" });
    const csv = renderTable(d1, "csv");
    expect(csv.startsWith("\uFEFF序号,计划名称")).toBe(true);
    expect(renderTable(a1, "markdown").split("\n")[1]).toBe("| --- | --- | --- | --- | --- | --- | --- | --- |");
  });
});

describe("a ratio above 1 cites the proportion rule, not Yanshi's bounds unless they are in force", () => {
  it("Chongqing 5.2: 1.5 is refused without citing Yanshi; Yanshi 6 is cited when its bounds apply (0.001), and 0.05 passes them", () => {
    let caught: unknown;
    try {
      checkAnnualPlan({ ...plan, rows: plan.rows.map((r) => ({ ...r, ratio: 1.5 })) }, { items, departments });
    } catch (e) {
      caught = e;
    }
    const clausesOf = (caught as { issues: { rule: string; clause: string }[] }).issues.filter((i) => i.rule === "ratio-range").map((i) => i.clause);
    expect(clausesOf.length).toBeGreaterThan(0);
    for (const c of clausesOf) expect(c).not.toMatch(/Yanshi/);
    const low = checkAnnualPlan({ ...plan, rows: plan.rows.map((r) => ({ ...r, ratio: 0.001 })) }, { items, departments, ratioBounds: "yanshi" });
    expect(low.issues.filter((i) => i.rule === "ratio-bounds").map((i) => i.clause)).toContain("Yanshi 6");
    const ok = checkAnnualPlan({ ...plan, rows: plan.rows.map((r) => ({ ...r, ratio: 0.05 })) }, { items, departments, ratioBounds: "yanshi" });
    expect(ok.issues.filter((i) => i.rule === "ratio-bounds")).toEqual([]);
  });
});

describe("inspection frequency per plan row (Longting arts. 15–16)", () => {
  const row0 = plan.rows[0]!;
  const withRows = (...rows: Record<string, unknown>[]): AnnualPlan => AnnualPlanSchema.parse({ ...plan, rows: rows.map((r, i) => ({ ...row0, seq: i + 1, ...r })) });
  it("a riskier class's row inspected less often than a safer class's row of the same items warns; more often does not", () => {
    const bad = checkAnnualPlan(withRows({ riskClass: "A", frequencyPerYear: 2, ratio: 0.05 }, { riskClass: "D", frequencyPerYear: 1, ratio: 0.2 }), { items, departments, riskClassOrder: ["A", "B", "C", "D"] });
    expect(bad.warnings.map((w) => [w.rule, w.path.join("."), w.clause])).toEqual([["risk-frequency-order", "rows.1.frequencyPerYear", "Longting art. 15; Longting art. 16"]]);
    const good = checkAnnualPlan(withRows({ riskClass: "A", frequencyPerYear: 1, ratio: 0.05 }, { riskClass: "D", frequencyPerYear: 4, ratio: 0.2 }), { items, departments, riskClassOrder: ["A", "B", "C", "D"] });
    expect(good.warnings).toEqual([]);
    // rows of different items are not compared
    const other = checkAnnualPlan(withRows({ riskClass: "A", frequencyPerYear: 2 }, { riskClass: "D", frequencyPerYear: 1, initiatingItemIds: [items.find((i) => i.initiatingDepartmentId === row0.initiatingDepartmentId && !row0.initiatingItemIds.includes(i.id))!.id] }), { items, departments, riskClassOrder: ["A", "D"] });
    expect(other.warnings).toEqual([]);
  });
  it("a frequency that does not fit the row's window, a zero frequency, or a class outside the order is refused", () => {
    const r = checkAnnualPlan(withRows({ window: { start: "2026-04-01", end: "2026-04-10" }, frequencyPerYear: 12 }, { riskClass: "Z", frequencyPerYear: 1 }), { items, departments, riskClassOrder: ["A", "D"] });
    expect(r.issues.filter((i) => i.rule.startsWith("plan-row-")).map((i) => [i.rule, i.path.join(".")])).toEqual([["plan-row-frequency", "rows.0.frequencyPerYear"], ["plan-row-risk-class", "rows.1.riskClass"]]);
    expect(() => withRows({ frequencyPerYear: 0 })).toThrow();
    expect(checkAnnualPlan(withRows({ window: { start: "2026-04-01", end: "2026-04-10" }, frequencyPerYear: 10 }), { items, departments }).issues.some((i) => i.rule === "plan-row-frequency")).toBe(false);
  });
  it("a change of frequency is an adjustment made public (Longting art. 16)", () => {
    const p = withRows({ frequencyPerYear: 1 });
    const { plan: next, record } = adjustAnnualPlan(p, { kind: "change-frequency", seq: 1, frequencyPerYear: 2 }, { on: "2026-06-01", reason: "投诉举报增多", publicNotice: "公告〔2026〕7号" });
    expect(next.rows[0]!.frequencyPerYear).toBe(2);
    expect(record).toMatchObject({ kind: "change-frequency", clause: "Longting art. 16" });
    expect(() => adjustAnnualPlan(p, { kind: "change-frequency", seq: 1, frequencyPerYear: 0 }, { on: "2026-06-01", reason: "x", publicNotice: "y" })).toThrow(ShuangsuijiError);
  });
});

// hostile9b F7 (case-05): Longting art. 13 (联合抽查年度工作计划应覆盖部门联合抽查事项清单中的所有抽查领域) is the Kaifeng Longting
// measures' rule. Wolong 1.2, Wancheng art. 5, Chongqing 5 and the Yanshi plan set no field-coverage rule.
describe("F7 — Longting art. 13's field coverage applies where the Longting measures apply", () => {
  const withoutFirstField = (() => {
    const drop = items[0]!.field;
    const rows = plan.rows.filter((r) => ![...r.initiatingItemIds, ...r.cooperatingItemIds].some((id) => items.find((i) => i.id === id)?.field === drop));
    return { plan: AnnualPlanSchema.parse({ ...plan, rows }), drop };
  })();
  // one row per item: every field of the list covered
  const everyField = AnnualPlanSchema.parse({
    ...plan,
    rows: items.map((it, n) => ({ ...plan.rows[0]!, seq: n + 1, name: `行${n + 1}`, initiatingDepartmentId: it.initiatingDepartmentId, cooperatingDepartmentIds: [], initiatingItemIds: [it.id], cooperatingItemIds: [], targetDescription: it.objectType })),
  });
  it("the reproducer: under chongqing, wolong, wancheng and yanshi an uncovered field is a warning naming the Longting measures, not an issue", () => {
    for (const jurisdiction of ["chongqing", "wolong", "wancheng", "yanshi"] as const) {
      const r = checkAnnualPlan(withoutFirstField.plan, { items, departments, jurisdiction });
      expect(r.uncoveredFields, jurisdiction).toContain(withoutFirstField.drop);
      expect(r.issues.filter((i) => i.rule === "plan-coverage"), jurisdiction).toEqual([]);
      const w = r.warnings.filter((i) => i.rule === "plan-coverage");
      expect(w.map((i) => i.value), jurisdiction).toEqual(r.uncoveredFields);
      for (const i of w) {
        expect(i.clause).toMatch(/^Longting art\. 13 \(advisory/);
        expect(i.messageZh).toContain("仅作提示");
        expect(i.messageEn).toContain(`the ${jurisdiction} document sets none`);
      }
    }
  });
  it("under longting, and for a plan checked without a jurisdiction, an uncovered field is an issue citing Longting art. 13; a plan covering every field has none", () => {
    for (const jurisdiction of ["longting", undefined] as const) {
      const r = checkAnnualPlan(withoutFirstField.plan, { items, departments, ...(jurisdiction === undefined ? {} : { jurisdiction }) });
      expect(r.ok).toBe(false);
      const cov = r.issues.filter((i) => i.rule === "plan-coverage");
      expect(cov.map((i) => i.value)).toEqual(r.uncoveredFields);
      expect(cov.map((i) => i.value)).toContain(withoutFirstField.drop);
      for (const i of cov) {
        expect(i.clause).toBe("Longting art. 13");
        expect(i.messageZh).toContain("龙亭区办法第十三条");
        expect(i.messageEn).toContain("Longting art. 13");
      }
      const all = checkAnnualPlan(everyField, { items, departments, ...(jurisdiction === undefined ? {} : { jurisdiction }) });
      expect(all.uncoveredFields).toEqual([]);
      expect(all.issues.filter((i) => i.rule === "plan-coverage")).toEqual([]);
      expect(all.warnings.filter((i) => i.rule === "plan-coverage")).toEqual([]);
    }
    // Longting (art. 16) sets no calendar date for the plan: no publication deadline reported
    expect(checkAnnualPlan(plan, { items, departments, jurisdiction: "longting" }).publication).toBeUndefined();
  });
  it("Chongqing 5 keeps its own rule (general and key items), whatever the field coverage", () => {
    const keyOnly = AnnualPlanSchema.parse({ ...everyField, rows: everyField.rows.filter((r) => items.find((i) => i.id === r.initiatingItemIds[0])?.category === "key") });
    const r = checkAnnualPlan(keyOnly, { items, departments, jurisdiction: "chongqing" });
    expect(r.issues.map((i) => [i.rule, i.clause])).toEqual([["plan-item-categories", "Chongqing 5"]]);
    expect(r.warnings.filter((i) => i.rule === "plan-coverage").length).toBe(r.uncoveredFields.length);
    expect(checkAnnualPlan(everyField, { items, departments, jurisdiction: "chongqing" }).issues.filter((i) => i.rule === "plan-item-categories")).toEqual([]);
  });
  it("an unknown jurisdiction is refused by name", () => {
    for (const j of ["kaifeng", "__proto__", 7]) {
      let e: unknown;
      try { checkAnnualPlan(plan, { items, departments, jurisdiction: j as never }); } catch (x) { e = x; }
      expect(e).toBeInstanceOf(ShuangsuijiError);
      expect((e as ShuangsuijiError).code).toBe("invalid-argument");
      expect((e as ShuangsuijiError).issues[0]).toMatchObject({ path: ["jurisdiction"], rule: "plan-jurisdiction" });
    }
  });
  it("property: every uncovered field is an issue exactly where Longting art. 13 applies, a warning elsewhere, never both", () => {
    fc.assert(
      fc.property(itemsArb, fc.array(fc.nat(), { maxLength: 6 }), fc.constantFrom(undefined, "longting" as const, "wolong" as const, "wancheng" as const, "chongqing" as const, "yanshi" as const), (its, picks, jurisdiction) => {
        const rows = picks.map((k, n) => {
          const it = its[k % its.length]!;
          return { seq: n + 1, name: `计划${n}`, initiatingDepartmentId: it.initiatingDepartmentId, cooperatingDepartmentIds: [], initiatingItemIds: [it.id], cooperatingItemIds: [], targetDescription: it.objectType, window: { start: "2026-04-01", end: "2026-06-30" }, targetCount: 5 };
        });
        if (rows.length === 0) return;
        const r = checkAnnualPlan(AnnualPlanSchema.parse({ id: "P", year: 2026, name: "计划", rows }), { items: its, departments, ...(jurisdiction === undefined ? {} : { jurisdiction }) });
        const asIssue = r.issues.filter((i) => i.rule === "plan-coverage").map((i) => i.value);
        const asWarning = r.warnings.filter((i) => i.rule === "plan-coverage").map((i) => i.value);
        const longting = jurisdiction === undefined || jurisdiction === "longting";
        expect(asIssue).toEqual(longting ? r.uncoveredFields : []);
        expect(asWarning).toEqual(longting ? [] : r.uncoveredFields);
      }),
      { seed: 47, numRuns: 300 },
    );
  });
});
