import { invalid, isPlainObject, own, preview, readOptions, readPlain } from "../_internal/boundary.js";
import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";
import { ruleIssue } from "../errors/_issue.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import type { AnnualPlanRow } from "../model/annualPlan.js";
import type { Department } from "../model/department.js";
import type { InspectionItem } from "../model/inspectionItem.js";
import type { InspectionTarget } from "../model/inspectionTarget.js";
import type { Inspector } from "../model/inspector.js";
import { DEFAULT_RISK_CLASSES } from "../model/primitives.js";
import { compileTableImport } from "./_compile.js";
import { tableDefs, type TableId } from "./_tables.js";

export type { TableId } from "./_tables.js";

/**
 * The record type each table produces.
 *
 * @category Table import
 */
export interface TableRecords {
  /** 抽查事项清单 → {@link InspectionItem}. */
  "A.1": InspectionItem;
  /** 行政相对人 → organisation targets. */
  "B.1": InspectionTarget;
  /** 场地场所 → site targets. */
  "B.2": InspectionTarget;
  /** 产品 → product targets. */
  "B.3": InspectionTarget;
  /** 执法人员名录库 → {@link Inspector}. */
  "C.1": Inspector;
  /** 年度抽查工作计划表 → {@link AnnualPlanRow}. */
  "D.1": AnnualPlanRow;
}

/**
 * Options of {@link importTable}.
 *
 * @category Table import
 */
export interface ImportTableOptions {
  /** Credit-risk classes accepted (default A–D). */
  readonly riskClasses?: readonly [string, ...string[]];
  /**
   * The department list. When given, department cells (发起部门, 配合部门, 所属部门, 监管部门) may hold a department's name
   * or id and are resolved to ids; an unknown department is an error. When absent, cells are taken as ids.
   */
  readonly departments?: readonly Department[];
  /**
   * Values for columns the spreadsheet lacks — stated explicitly by the caller, never assumed (e.g. table A.1 has no
   * 事项类别 column; B tables have no 信用风险分类).
   */
  readonly defaults?: Readonly<Record<string, unknown>>;
}

/**
 * One normalisation applied to a cell (trimmed spaces, full-width digits, `5%` → `0.05`, `2026年3月1日` → `2026-03-01` …).
 * They are reported so that nothing changes silently.
 *
 * @category Table import
 */
export interface CellNormalization {
  /** 1-based spreadsheet row (header = row 1). */
  readonly row: number;
  /** Column header as given. */
  readonly column: string;
  /** The raw cell. */
  readonly from: unknown;
  /** What was done. */
  readonly change: string;
}

/**
 * Result of {@link importTable}.
 *
 * @category Table import
 */
export type ImportResult<T> =
  | {
      readonly ok: true;
      readonly records: readonly T[];
      readonly normalizations: readonly CellNormalization[];
      /** Headers that map to no field; their cells were not imported. */
      readonly ignoredColumns: readonly string[];
    }
  | {
      readonly ok: false;
      /** Every problem, each with row, column, value, rule and clause. */
      readonly issues: readonly RuleIssue[];
      readonly normalizations: readonly CellNormalization[];
      readonly ignoredColumns: readonly string[];
      /** How many rows were valid. */
      readonly validCount: number;
    };

/**
 * Maps spreadsheet rows keyed by the Chinese column headers of the standard's tables (Chongqing A.1, B.1, B.2, B.3,
 * C.1, D.1) to typed, validated records. Headers are matched tolerantly (surrounding spaces, full-width characters,
 * punctuation and common variants such as 统一社会信用代码 for 行政相对人编码); cells are normalised only in reported
 * ways. **Every** bad row is returned with its row number, column, value and the rule broken; nothing is dropped.
 *
 * Ids: B.1 uses the code (行政相对人编码); B.2 uses 场所编号, else `责任单位统一社会信用代码/场地场所`; B.3 the licence
 * number; A.1 事项编码, else `item-<序号>`; C.1 人员编号, else 执法证号, else `inspector-<序号>`.
 *
 * @param table - The standard table the rows come from: `"A.1"`, `"B.1"`, `"B.2"`, `"B.3"`, `"C.1"` or `"D.1"`.
 * @param rows - The spreadsheet rows, each an object keyed by column header (e.g. from {@link readTableFile} or {@link
 *   parseCsv}).
 * @param options - Risk classes, departments and default values for the records.
 * @returns `{ ok: true, records, normalizations }`, or `{ ok: false, issues }` with every bad row (row, column, value,
 *   rule, clause) — bad data is a result, not an error.
 * @throws {@link ShuangsuijiError} `unknown-table` when `table` is not one of the supported tables.
 * @throws {@link ShuangsuijiError} `invalid-input` when `rows` is not an array of plain objects or `options` is
 *   malformed (e.g. empty `riskClasses`, departments without `id`/`name`).
 * @category Table import
 * @example
 * ```ts
 * import { importTable } from "shuangsuiji";
 * const r = importTable("B.1", [
 *   { " 企业名称 ": "南阳某某餐饮有限公司", "统一社会信用代码": "91330100716105852F", "行政区划代码": "411303", "信用风险分类": "B类" },
 * ]);
 * if (r.ok) console.log(r.records[0]?.riskClass); // "B"
 * else console.log(r.issues.map((i) => `row ${i.row} ${i.column}: ${i.messageZh}`));
 * ```
 */
export function importTable<T extends TableId>(
  table: T,
  rows: readonly Readonly<Record<string, unknown>>[],
  options: ImportTableOptions = {},
): ImportResult<TableRecords[T]> {
  const opts = readOptions(options, ["options"], ["riskClasses", "departments", "defaults"]) as ImportTableOptions;
  if (opts.riskClasses !== undefined && (!Array.isArray(opts.riskClasses) || opts.riskClasses.length === 0 || opts.riskClasses.length > 100 || !opts.riskClasses.every((c) => typeof c === "string" && c !== ""))) {
    invalid(["options", "riskClasses"], "expected 1–100 non-empty class names", "应为1–100个非空的分类名称", opts.riskClasses);
  }
  if (opts.departments !== undefined && (!Array.isArray(opts.departments) || !opts.departments.every((d) => isPlainObject(d) && typeof d.id === "string" && typeof d.name === "string"))) {
    invalid(["options", "departments"], "expected departments { id, name }", "应为部门 { id, name } 数组", opts.departments);
  }
  if (opts.defaults !== undefined && !isPlainObject(opts.defaults)) invalid(["options", "defaults"], "expected an object of default values", "应为默认值对象", opts.defaults);
  const classes = opts.riskClasses ?? DEFAULT_RISK_CLASSES;
  const defs = tableDefs(classes);
  if (own(defs, table) === undefined) {
    throw new ShuangsuijiError("unknown-table", [
      { path: ["table"], rule: "unknown-table", clause: "Chongqing tables A–F", messageZh: "不支持的表", messageEn: `unknown table (supported: ${Object.keys(defs).join(", ")})`, value: preview(table) },
    ]);
  }
  // A plain, bounded copy of the rows: holes, Proxies, getters, BigInt or deep values are refused here, by path.
  const list = readPlain(rows, ["rows"]);
  if (!Array.isArray(list)) invalid(["rows"], "expected an array of rows (objects keyed by column header)", "应为行数组（以列标题为键的对象）", rows);
  const issues: RuleIssue[] = [];
  const normalizations: CellNormalization[] = [];

  // 1. Headers: the union of keys over all rows, in first-seen order.
  // Linear in the number of cells: a Set of headers and a Map from header variant to column.
  const headerSet = new Set<string>();
  list.forEach((r: unknown, i) => {
    if (!isPlainObject(r)) {
      issues.push({ ...ruleIssue("input-shape", [i], { detailZh: "每行应为以列标题为键的对象", detailEn: "each row must be an object keyed by column header", value: preview(r) }), row: i + 2 });
      return;
    }
    for (const k of Object.keys(r)) headerSet.add(k);
  });
  if (issues.length > 0) return deepFreeze({ ok: false, issues, normalizations, ignoredColumns: [], validCount: 0 });
  const dataRows = list as Record<string, unknown>[];
  const compiled = compileTableImport(table, [...headerSet], { classes, ...(opts.departments === undefined ? {} : { departments: opts.departments }), defaults: opts.defaults ?? {} });
  if (!compiled.ok) return deepFreeze({ ok: false, issues: [...compiled.issues], normalizations, ignoredColumns: compiled.ignoredColumns, validCount: 0 });
  const { ignoredColumns, headerOf, tableIssue } = compiled;

  const records: TableRecords[T][] = [];
  const seenIds = new Map<string, number>();
  dataRows.forEach((row, i) => {
    const rowNo = i + 2;
    const r = compiled.row(row, i, normalizations);
    if (!r.ok) {
      issues.push(...r.issues);
      return;
    }
    const id = (r.record as { id?: string; seq?: number }).id ?? String((r.record as { seq?: number }).seq);
    const dup = seenIds.get(id);
    if (dup !== undefined) {
      issues.push({ ...tableIssue("unique-ids", { row: rowNo, column: headerOf.get("id") ?? headerOf.get("code") ?? headerOf.get("seq") ?? "id", value: id, detailZh: `与第${dup}行重复`, detailEn: `same as row ${dup}` }), path: [i, "id"] });
      return;
    }
    seenIds.set(id, rowNo);
    records.push(r.record as TableRecords[T]);
  });
  if (issues.length > 0) return deepFreeze({ ok: false, issues, normalizations, ignoredColumns, validCount: records.length });
  return deepFreeze({ ok: true, records, normalizations, ignoredColumns });
}
