import { describe, expect, it } from "vitest";
import { importTable, type Department } from "../../src/index.js";

const departments: Department[] = [
  { id: "SCJG", name: "区市场监督管理局" },
  { id: "WJW", name: "区卫生健康委员会" },
];

describe("importTable B.1 — messy real-world headers", () => {
  const rows = [
    { " 企业名称 ": "南阳市卧龙区甲有限公司", "统一社会信用代码/注册号": "91350100M000100Y43", "住所（经营场所）": "中州路1号", "联系电话": 13800000000, "所属区县": "卧龙区", "行政区划代码": "411303", "风险等级": "B类", "成立日期": "2015年3月8日", "经营状态": "存续", "备注": "x" },
    { "行政相对人名称": "乙店", "行政相对人编码": "１１０１０８０００００００１６", "行政区划代码": "411303", "信用风险分类": "信用风险高（D类）", "登记日期": "44561" },
  ];
  it("maps variants, full-width brackets and surrounding spaces to the standard's fields", () => {
    // rows 1 and 2 use different header variants of the same columns: each variant maps, but only once per sheet
    const r1 = importTable("B.1", [rows[0]!]);
    expect(r1.ok).toBe(true);
    if (!r1.ok) return;
    const t = r1.records[0]!;
    expect(t).toMatchObject({ kind: "organisation", id: "91350100M000100Y43", codeType: "uscc", riskClass: "B", registrationDate: "2015-03-08", status: "operating", phone: "13800000000" });
    expect(r1.ignoredColumns).toEqual(["备注"]);
    expect(r1.normalizations.map((n) => n.change)).toEqual(expect.arrayContaining(["B类 → B", "date 2015年3月8日 → 2015-03-08", "存续 → operating"]));
    const r2 = importTable("B.1", [rows[1]!]);
    expect(r2.ok).toBe(true);
    if (r2.ok) {
      expect(r2.records[0]).toMatchObject({ id: "110108000000016", codeType: "registration-number", riskClass: "D", registrationDate: "2021-12-31" });
      expect(r2.normalizations.some((n) => n.change === "full-width-to-half-width")).toBe(true);
    }
  });
  it("refuses two headers that mean the same field", () => {
    const r = importTable("B.1", rows);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.rule)).toContain("header-duplicate");
  });
  it("reports a missing required column unless the caller gives a default", () => {
    const row = { 企业名称: "甲", 统一社会信用代码: "91350100M000100Y43", 行政区划代码: "350100" };
    const r = importTable("B.1", [row]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ rule: "header-missing", row: 1, column: "信用风险分类" });
    const r2 = importTable("B.1", [row], { defaults: { riskClass: "B" } });
    expect(r2.ok).toBe(true);
  });
});

describe("importTable reports every bad row, nothing dropped", () => {
  it("one issue per bad cell, with row number, column, value and rule", () => {
    const rows = [
      { 企业名称: "好", 统一社会信用代码: "91350100M000100Y43", 行政区划代码: "350100", 信用风险分类: "A" },
      { 企业名称: "坏1", 统一社会信用代码: "91350100M000100Y44", 行政区划代码: "350100", 信用风险分类: "A" },
      { 企业名称: "坏2", 统一社会信用代码: "91330100716105852F", 行政区划代码: "99", 信用风险分类: "Z", 成立日期: "2026-02-30" },
      { 企业名称: "重复", 统一社会信用代码: "91350100M000100Y43", 行政区划代码: "350100", 信用风险分类: "A" },
    ];
    const r = importTable("B.1", rows);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.validCount).toBe(1);
    const summary = r.issues.map((i) => [i.row, i.column, i.rule]);
    expect(summary).toEqual(
      expect.arrayContaining([
        [3, "统一社会信用代码", "uscc-check-character"],
        [4, "信用风险分类", "cell-value"],
        [4, "成立日期", "civil-date"],
        [5, "统一社会信用代码", "unique-ids"],
      ]),
    );
    const bad = r.issues.find((i) => i.row === 3)!;
    expect(bad.value).toBe("91350100M000100Y44");
    expect(bad.clause).toMatch(/GB 32100/);
  });
});

describe("importTable A.1, C.1, D.1 with department resolution", () => {
  it("A.1: resolves department names, maps 事项类别 and 检查方式", () => {
    const r = importTable(
      "A.1",
      [{ 序号: "1", 抽查领域: "食品经营", 抽查事项: "食品经营者检查", 检查对象: "食品经营者", 发起部门: "区市场监督管理局", 配合部门: "区卫生健康委员会", 事项类别: "重点检查事项", 检查方式: "现场检查、书面检查" }],
      { departments },
    );
    expect(r.ok && r.records[0]).toMatchObject({ id: "item-1", initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: ["WJW"], category: "key", methods: ["on-site", "documents"] });
  });
  it("A.1: an unknown department is an error, not dropped", () => {
    const r = importTable("A.1", [{ 序号: "1", 抽查领域: "f", 抽查事项: "i", 检查对象: "o", 发起部门: "不存在局", 事项类别: "一般" }], { departments });
    expect(!r.ok && r.issues[0]).toMatchObject({ rule: "unknown-department", row: 2, column: "发起部门" });
  });
  it("C.1: inspectors with categories and expertise lists", () => {
    const r = importTable("C.1", [{ 序号: 1, 姓名: "张三", 电话: "13800000000", 所属部门: "SCJG", 人员类别: "行政执法类公务员", 业务专长: "食品，特种设备", 执法证号: "豫41130001" }], { departments });
    expect(r.ok && r.records[0]).toMatchObject({ id: "豫41130001", category: "enforcement-civil-servant", expertise: ["食品", "特种设备"] });
  });
  it("D.1: plan rows with a window and a percentage ratio", () => {
    const r = importTable(
      "D.1",
      [{ 序号: "1", 计划名称: "餐饮联合抽查", 发起部门: "SCJG", 配合部门: "WJW", "抽查事项（发起部门）": "SCJG-02", "抽查事项（配合部门）": "WJW-01", 抽查对象: "餐饮", 抽查时间: "2026年4月1日至2026年6月30日", 抽查比例: "5%" }],
      { departments },
    );
    expect(r.ok && r.records[0]).toMatchObject({ window: { start: "2026-04-01", end: "2026-06-30" }, ratio: 0.05, initiatingItemIds: ["SCJG-02"], cooperatingItemIds: ["WJW-01"] });
  });
  it("unknown tables are misuse", () => {
    expect(() => importTable("Z.9" as "A.1", [])).toThrowError(/unknown table/);
  });
});

describe("importTable: one line per cell (hostile7b F16)", () => {
  it("an empty code cell is named once, not again through the id and code type derived from it", () => {
    const r = importTable("B.1", [
      { 行政相对人名称: "甲公司", 统一社会信用代码: "", 行政区划代码: "350100", 信用风险分类: "A" },
      { 行政相对人名称: "乙公司", 统一社会信用代码: "91330100716105852F", 行政区划代码: "330100", 信用风险分类: "A" },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.row, i.column, i.messageEn])).toEqual([[2, "统一社会信用代码", "required field is missing (expected string)"]]);
  });
});
