import { invalid, isPlainObject, own, preview, readOptions, readPlain } from "../_internal/boundary.js";
import type * as z from "zod/v4";
import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";
import { issuesFromZod } from "../errors/_fromZod.js";
import { ruleIssue } from "../errors/_issue.js";
import { RULES, type RuleId } from "../errors/rules.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { AnnualPlanRowSchema, type AnnualPlanRow } from "../model/annualPlan.js";
import type { Department } from "../model/department.js";
import { InspectionItemSchema, type InspectionItem } from "../model/inspectionItem.js";
import { createInspectionTargetSchema, type InspectionTarget } from "../model/inspectionTarget.js";
import { InspectorSchema, type Inspector } from "../model/inspector.js";
import { DEFAULT_RISK_CLASSES } from "../model/primitives.js";
import { inferCodeType } from "./_cells.js";
import { normalizeHeader, tableDefs, type ColumnDef, type TableId } from "./_tables.js";

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
  const def = own(defs, table);
  if (def === undefined) {
    throw new ShuangsuijiError("unknown-table", [
      { path: ["table"], rule: "unknown-table", clause: "Chongqing tables A–F", messageZh: "不支持的表", messageEn: `unknown table (supported: ${Object.keys(defs).join(", ")})`, value: preview(table) },
    ]);
  }
  // A plain, bounded copy of the rows: holes, Proxies, getters, BigInt or deep values are refused here, by path.
  const list = readPlain(rows, ["rows"]);
  if (!Array.isArray(list)) invalid(["rows"], "expected an array of rows (objects keyed by column header)", "应为行数组（以列标题为键的对象）", rows);
  const issues: RuleIssue[] = [];
  const normalizations: CellNormalization[] = [];
  const tableIssue = (id: RuleId, extra: Parameters<typeof ruleIssue>[2]): RuleIssue => ({ ...ruleIssue(id, [], extra), clause: `${def.clause}; ${RULES[id].clause}` });

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
  const headers = [...headerSet];
  const byVariant = new Map<string, ColumnDef>();
  for (const cd of def.columns) for (const v of cd.variants) if (!byVariant.has(v)) byVariant.set(v, cd);
  const byHeader = new Map<string, ColumnDef>();
  const headerOf = new Map<string, string>();
  const ignoredColumns: string[] = [];
  for (const h of headers) {
    const n = normalizeHeader(h);
    const c = byVariant.get(n);
    if (c === undefined) {
      ignoredColumns.push(h);
      continue;
    }
    const prev = headerOf.get(c.key);
    if (prev !== undefined) {
      issues.push(tableIssue("header-duplicate", { row: 1, column: h, value: h, detailZh: `与“${prev}”重复（${c.header}）`, detailEn: `same field as "${prev}" (${c.header})` }));
      continue;
    }
    byHeader.set(h, c);
    headerOf.set(c.key, h);
  }
  const defaults = opts.defaults ?? {};
  for (const c of def.columns) {
    if (c.required && !headerOf.has(c.key) && !Object.prototype.hasOwnProperty.call(defaults, c.key)) {
      issues.push(tableIssue("header-missing", { row: 1, column: c.header, detailZh: c.header, detailEn: `${c.header} (give the column or options.defaults.${c.key})` }));
    }
  }
  if (issues.length > 0) return deepFreeze({ ok: false, issues, normalizations, ignoredColumns, validCount: 0 });

  // 2. Departments.
  const deptIndex = new Map<string, string>();
  for (const d of opts.departments ?? []) {
    deptIndex.set(d.id, d.id);
    deptIndex.set(d.name, d.id);
  }
  const resolveDept = (v: string): string | undefined => (opts.departments === undefined ? v : deptIndex.get(v));

  const schema = schemaFor(table, classes);
  const records: TableRecords[T][] = [];
  const seenIds = new Map<string, number>();
  dataRows.forEach((row, i) => {
    const rowNo = i + 2;
    const fields: Record<string, unknown> = { ...defaults };
    const rowIssues: RuleIssue[] = [];
    for (const [h, c] of byHeader) {
      let raw = own(row, h);
      if (raw === undefined || raw === null) continue;
      if (typeof raw === "number" && Number.isFinite(raw)) {
        raw = String(raw);
      } else if (typeof raw !== "string") {
        rowIssues.push(tableIssue("cell-value", { row: rowNo, column: h, value: raw, detailZh: "单元格应为文本或数字", detailEn: "a cell must be text or a number" }));
        continue;
      }
      const s = raw as string;
      const trimmed = s.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, "");
      if (trimmed === "") continue;
      if (trimmed !== s) normalizations.push({ row: rowNo, column: h, from: s, change: "trimmed surrounding spaces" });
      const r = c.parse(trimmed);
      if (!r.ok) {
        rowIssues.push({
          path: [i, c.key], rule: r.rule ?? "cell-value", clause: def.clause, messageZh: r.zh, messageEn: r.en, row: rowNo, column: h, value: s,
        });
        continue;
      }
      if (r.note !== undefined) normalizations.push({ row: rowNo, column: h, from: s, change: r.note });
      let value = r.value;
      if (c.departments !== undefined) {
        const names = c.departments === "one" ? [value as string] : (value as string[]);
        const ids = names.map(resolveDept);
        const missing = names.filter((_, k) => ids[k] === undefined);
        if (missing.length > 0) {
          rowIssues.push({ ...tableIssue("unknown-department", { row: rowNo, column: h, value: s, detailZh: missing.join("、"), detailEn: missing.join(", ") }), path: [i, c.key] });
          continue;
        }
        value = c.departments === "one" ? ids[0] : ids;
      }
      fields[c.key] = value;
    }
    if (rowIssues.length > 0) {
      issues.push(...rowIssues);
      return;
    }
    const candidate = shape(table, fields);
    const parsed = schema.safeParse(candidate);
    if (!parsed.success) {
      for (const zi of issuesFromZod(parsed.error.issues, { clause: def.clause, prefix: [i], row: rowNo }, candidate)) {
        const key = String(zi.path[1] ?? "");
        const column = headerOf.get(key) ?? headerOf.get(sourceKey(table, key)) ?? def.columns.find((c) => c.key === key)?.header ?? key;
        issues.push({ ...zi, column, ...(zi.value === undefined ? {} : { value: own(row, column) ?? zi.value }) });
      }
      return;
    }
    const id = (parsed.data as { id?: string; seq?: number }).id ?? String((parsed.data as { seq?: number }).seq);
    const dup = seenIds.get(id);
    if (dup !== undefined) {
      issues.push({ ...tableIssue("unique-ids", { row: rowNo, column: headerOf.get("id") ?? headerOf.get("code") ?? headerOf.get("seq") ?? "id", value: id, detailZh: `与第${dup}行重复`, detailEn: `same as row ${dup}` }), path: [i, "id"] });
      return;
    }
    seenIds.set(id, rowNo);
    records.push(parsed.data as TableRecords[T]);
  });
  if (issues.length > 0) return deepFreeze({ ok: false, issues, normalizations, ignoredColumns, validCount: records.length });
  return deepFreeze({ ok: true, records, normalizations, ignoredColumns });
}

function schemaFor(table: TableId, classes: readonly [string, ...string[]] | readonly string[]): z.ZodType {
  switch (table) {
    case "A.1":
      return InspectionItemSchema;
    case "C.1":
      return InspectorSchema;
    case "D.1":
      return AnnualPlanRowSchema;
    default:
      return createInspectionTargetSchema({ riskClasses: classes as readonly [string, ...string[]] });
  }
}

/** Which input column a derived field comes from, for error reporting. */
function sourceKey(table: TableId, key: string): string {
  if (key === "id") return table === "B.1" ? "code" : table === "B.3" ? "licenceNumber" : key;
  if (key === "codeType") return "code";
  return key;
}

/** Completes the intermediate row into the model's shape (kind, derived ids). */
function shape(table: TableId, f: Record<string, unknown>): Record<string, unknown> {
  const out = { ...f };
  const str = (k: string) => (typeof f[k] === "string" ? (f[k] as string) : undefined);
  switch (table) {
    case "A.1":
      out.id ??= f.seq === undefined ? undefined : `item-${String(f.seq)}`;
      out.cooperatingDepartmentIds ??= [];
      break;
    case "B.1":
      out.kind = "organisation";
      out.id = f.code;
      out.codeType ??= typeof f.code === "string" ? inferCodeType(f.code) : undefined;
      break;
    case "B.2":
      out.kind = "site";
      out.id ??= `${str("responsibleUnitUscc") ?? str("responsibleUnit") ?? ""}/${str("name") ?? ""}`;
      break;
    case "B.3":
      out.kind = "product";
      out.id = f.licenceNumber;
      break;
    case "C.1":
      out.id ??= f.certificateNumber ?? (f.seq === undefined ? undefined : `inspector-${String(f.seq)}`);
      break;
    case "D.1":
      out.cooperatingDepartmentIds ??= [];
      out.cooperatingItemIds ??= [];
      break;
  }
  return out;
}
