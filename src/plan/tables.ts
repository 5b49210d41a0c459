import { deepFreeze } from "../_internal/deepFreeze.js";
import type { AnnualPlan } from "../model/annualPlan.js";
import type { Department } from "../model/department.js";
import type { InspectionItem } from "../model/inspectionItem.js";

/**
 * Table A.1 (部门联合“双随机、一公开”抽查事项清单) as rows keyed by its Chinese headers, in the standard's column order:
 * 序号, 抽查领域, 抽查事项, 检查对象, 发起部门, 配合部门, 备注 — plus 事项类别 (Chongqing 5.1). Department ids become names.
 *
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
  const name = (id: string) => departments.find((d) => d.id === id)?.name ?? id;
  return deepFreeze(
    items.map((i, k) => ({
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
  const dept = (id: string) => departments.find((d) => d.id === id)?.name ?? id;
  const item = (id: string) => items.find((i) => i.id === id)?.name ?? id;
  const pct = (r: number) => `${Number((r * 100).toFixed(4))}%`;
  return deepFreeze(
    plan.rows.map((r) => ({
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
 * @category Planning
 * @example
 * ```ts
 * import { renderTable } from "shuangsuiji";
 * renderTable([{ 序号: "1", 计划名称: "餐饮联合抽查" }], "markdown");
 * ```
 */
export function renderTable(rows: readonly Readonly<Record<string, string>>[], format: "csv" | "markdown"): string {
  const headers = Object.keys(rows[0] ?? {});
  if (format === "csv") {
    const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    return `\uFEFF${[headers, ...rows.map((r) => headers.map((h) => r[h] ?? ""))].map((line) => line.map(cell).join(",")).join("\r\n")}\r\n`;
  }
  const esc = (v: string) => v.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
  return [`| ${headers.join(" | ")} |`, `| ${headers.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${headers.map((h) => esc(r[h] ?? "")).join(" | ")} |`)].join("\n") + "\n";
}
