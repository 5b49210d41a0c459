import { deepFreeze } from "../_internal/deepFreeze.js";
import { invalid, isPlainObject, own, readPlain } from "../_internal/boundary.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { parseModel, validateRecords } from "../model/parseModel.js";
import { AnnualPlanSchema } from "../model/annualPlan.js";
import { DepartmentSchema } from "../model/department.js";
import { InspectionItemSchema } from "../model/inspectionItem.js";
import type { AnnualPlan } from "../model/annualPlan.js";
import type { Department } from "../model/department.js";
import type { InspectionItem } from "../model/inspectionItem.js";

/**
 * Table A.1 (部门联合“双随机、一公开”抽查事项清单) as rows keyed by its Chinese headers, in the standard's column order:
 * 序号, 抽查领域, 抽查事项, 检查对象, 发起部门, 配合部门, 备注 — plus 事项类别 (Chongqing 5.1). Department ids become names.
 *
 * @param items - The item list's items.
 * @param departments - The departments they name.
 * @returns One row per item keyed by the Chinese column headers of Chongqing table A.1.
 * @throws {@link ShuangsuijiError} `invalid-input` when the items or departments are malformed (every problem listed).
 * @category Planning
 * @example
 * ```ts
 * import { itemListTable, renderTable, type Department, type InspectionItem } from "shuangsuiji";
 * declare const items: readonly InspectionItem[];
 * declare const departments: readonly Department[];
 * console.log(renderTable(itemListTable(items, departments), "markdown"));
 * ```
 */
export function itemListTable(items: readonly InspectionItem[], departments: readonly Department[]): readonly Readonly<Record<string, string>>[] {
  const list = records(InspectionItemSchema, items, "items");
  const names = deptNames(departments);
  const name = (id: string) => names.get(id) ?? id;
  return deepFreeze(
    list.map((i, k) => ({
      序号: String(i.seq ?? k + 1),
      抽查领域: i.field,
      抽查事项: i.name,
      检查对象: i.objectType,
      发起部门: name(i.initiatingDepartmentId),
      配合部门: i.cooperatingDepartmentIds.map(name).join("、"),
      事项类别: i.category === "key" ? "重点检查事项" : "一般检查事项",
      备注: i.remarks ?? "",
    })),
  );
}

/**
 * Table D.1 (年度抽查工作计划表) as rows keyed by its Chinese headers, in the standard's column order: 序号, 计划名称,
 * 发起部门, 配合部门, 抽查事项（发起部门）, 抽查事项（配合部门）, 抽查对象, 抽查时间, 抽查比例, 抽取对象数量（户）.
 *
 * @param plan - The annual plan.
 * @param items - The items its rows name.
 * @param departments - The departments its rows name.
 * @returns One row per plan row keyed by the Chinese column headers of Chongqing table D.1.
 * @throws {@link ShuangsuijiError} `invalid-input` when the plan, items or departments are malformed (every problem
 *   listed).
 * @category Planning
 * @example
 * ```ts
 * import { annualPlanTable, renderTable, type AnnualPlan, type Department, type InspectionItem } from "shuangsuiji";
 * declare const plan: AnnualPlan;
 * declare const items: readonly InspectionItem[];
 * declare const departments: readonly Department[];
 * const csv = renderTable(annualPlanTable(plan, items, departments), "csv");
 * ```
 */
export function annualPlanTable(plan: AnnualPlan, items: readonly InspectionItem[], departments: readonly Department[]): readonly Readonly<Record<string, string>>[] {
  const p = parseModel(AnnualPlanSchema, plan, "Chongqing table D.1") as AnnualPlan;
  const names = deptNames(departments);
  const itemNames = new Map(records(InspectionItemSchema, items, "items").map((i) => [i.id, i.name]));
  const dept = (id: string) => names.get(id) ?? id;
  const item = (id: string) => itemNames.get(id) ?? id;
  const pct = (r: number) => `${Number((r * 100).toFixed(4))}%`;
  return deepFreeze(
    p.rows.map((r) => ({
      序号: String(r.seq),
      计划名称: r.name,
      发起部门: dept(r.initiatingDepartmentId),
      配合部门: r.cooperatingDepartmentIds.map(dept).join("、"),
      "抽查事项（发起部门）": r.initiatingItemIds.map(item).join("；"),
      "抽查事项（配合部门）": r.cooperatingItemIds.map(item).join("；"),
      抽查对象: r.targetDescription,
      抽查时间: `${r.window.start}至${r.window.end}`,
      抽查比例: r.ratio === undefined ? "" : pct(r.ratio),
      "抽取对象数量（户）": r.targetCount === undefined ? "" : String(r.targetCount),
    })),
  );
}

/**
 * Renders table rows as CSV (RFC 4180 quoting, with a UTF-8 byte-order mark so spreadsheet programs read Chinese) or as
 * a Markdown table. Columns follow the first row's key order.
 *
 * CSV output neutralises spreadsheet formula injection: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return (other than a plain number such as `-3`) is written with a leading apostrophe, so `=HYPERLINK(…)` arrives in
 * Excel/WPS as the text `'=HYPERLINK(…)`, never as a formula (OWASP "CSV Injection").
 *
 * @param rows - Rows keyed by column header (e.g. from {@link itemListTable}).
 * @param format - `"csv"` (RFC 4180, formula-like cells neutralised) or `"markdown"`.
 * @returns The table as text.
 * @throws {@link ShuangsuijiError} `invalid-input` when `rows` is not an array of objects of strings, or `format` is
 *   unknown.
 * @category Planning
 * @example
 * ```ts
 * import { renderTable } from "shuangsuiji";
 * renderTable([{ 序号: "1", 计划名称: "餐饮联合抽查" }], "markdown");
 * ```
 */
export function renderTable(rows: readonly Readonly<Record<string, string>>[], format: "csv" | "markdown"): string {
  const list = readPlain(rows, ["rows"]);
  if (!Array.isArray(list)) invalid(["rows"], "expected an array of rows", "应为行数组", rows);
  list.forEach((r: unknown, i) => {
    if (!isPlainObject(r)) invalid(["rows", i], "expected a row { header: text }", "应为行 { 列标题: 文本 }", r);
    for (const [k, v] of Object.entries(r)) if (typeof v !== "string") invalid(["rows", i, k], "a cell must be text", "单元格应为文本", v);
  });
  if (format !== "csv" && format !== "markdown") invalid(["format"], 'expected "csv" or "markdown"', "应为 csv 或 markdown", format);
  const data = list as Record<string, string>[];
  const headers = Object.keys(data[0] ?? {});
  if (format === "csv") {
    const cell = (raw: string) => {
      const v = neutraliseFormula(raw);
      return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    };
    return `\uFEFF${[headers, ...data.map((r) => headers.map((h) => own(r, h) ?? ""))].map((line) => line.map(cell).join(",")).join("\r\n")}\r\n`;
  }
  const esc = (v: string) => v.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
  return [`| ${headers.map(esc).join(" | ")} |`, `| ${headers.map(() => "---").join(" | ")} |`, ...data.map((r) => `| ${headers.map((h) => esc(own(r, h) ?? "")).join(" | ")} |`)].join("\n") + "\n";
}

/**
 * Spreadsheet formula injection (CSV injection, OWASP): a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is opened by Excel, WPS and LibreOffice as a live formula (`=HYPERLINK(…)`, `=cmd|' /C calc'!A0`). Such a cell
 * is written with a leading apostrophe `'`, which spreadsheets show as text and do not evaluate. Plain numbers such as
 * `-3` or `+86` are left as they are (they cannot run anything).
 */
function neutraliseFormula(v: string): string {
  return /^[=+\-@\t\r]/.test(v) && !/^[+-]?\d+(\.\d+)?%?$/.test(v) ? `'${v}` : v;
}

function records<T>(schema: import("zod").ZodType<T>, value: unknown, path: string): T[] {
  const r = validateRecords(schema, value as readonly unknown[], `Chongqing table A.1 (${path})`);
  if (!r.ok) throw new ShuangsuijiError("invalid-input", r.issues.map((i) => ({ ...i, path: [path, ...i.path] })));
  return [...r.records] as T[];
}

function deptNames(departments: unknown): Map<string, string> {
  return new Map(records(DepartmentSchema, departments, "departments").map((d) => [d.id, d.name]));
}
