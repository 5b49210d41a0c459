import { deepFreeze } from "../_internal/deepFreeze.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { parseDepartments, parseItems } from "./_input.js";
import type { Department } from "../model/department.js";
import type { InspectionItem } from "../model/inspectionItem.js";

/**
 * Result of {@link combineIndustryChecks}.
 *
 * @category Planning
 */
export type IndustryCheck =
  | {
      readonly ok: true;
      /** The industry (行业领域). */
      readonly industry: string;
      /** The lead: the industry's competent department (行业主管部门牵头, Wancheng art. 2). */
      readonly leadDepartmentId: string;
      /** Departments taking part, the lead first. */
      readonly departmentIds: readonly string[];
      /** The object type all combined items inspect: one visit per target (进一次门、查多项事). */
      readonly objectType: string;
      /** Items combined into the one joint check, in id order. */
      readonly itemIds: readonly string[];
      /** Items of the industry that cannot be combined, with the reason. */
      readonly excluded: readonly { readonly itemId: string; readonly reasonZh: string; readonly reasonEn: string }[];
    }
  | { readonly ok: false; readonly industry: string; readonly reasonZh: string; readonly reasonEn: string; readonly clause: string };

/**
 * 一业一查 (Wancheng art. 2–3, 17): gathers every department's items for one industry that apply to the same targets
 * into one joint check led by the industry's competent department, so each target is visited once (进一次门、查多项事).
 * The combined object type is the one most items of the industry inspect (ties: alphabetical); items inspecting other
 * objects, or checked only off-site (documents, online, remote — no visit to combine), are reported as not combinable.
 * The result depends only on the set of items, so combining the combined items again changes nothing.
 *
 * @param industry - The industry (e.g. 餐饮).
 * @param itemsInput - The items of every department.
 * @param departmentsInput - The departments.
 * @returns The joint check (lead department, items, object type) and the items that cannot be combined, with why.
 * @throws {@link ShuangsuijiError} `invalid-input` when `industry` is empty, or the items or departments are malformed.
 * @category Planning
 * @example
 * ```ts
 * import { combineIndustryChecks, type Department, type InspectionItem } from "shuangsuiji";
 * declare const items: readonly InspectionItem[];
 * declare const departments: readonly Department[];
 * const check = combineIndustryChecks("食品经营", items, departments);
 * if (check.ok) console.log(check.leadDepartmentId, check.itemIds);
 * ```
 */
export function combineIndustryChecks(industry: string, itemsInput: readonly InspectionItem[], departmentsInput: readonly Department[]): IndustryCheck {
  if (typeof industry !== "string" || industry.trim() === "") throw new ShuangsuijiError("invalid-input", [{ path: ["industry"], rule: "industry", clause: "Wancheng art. 2", messageZh: "应给出行业", messageEn: "the industry is a non-empty string", value: industry }]);
  const items = parseItems(itemsInput);
  const departments = parseDepartments(departmentsInput);
  const lead = departments.filter((d) => d.competentFields?.includes(industry)).map((d) => d.id).sort()[0];
  if (lead === undefined) {
    return deepFreeze({ ok: false, industry, reasonZh: `没有登记为“${industry}”主管部门的部门，无法确定牵头部门`, reasonEn: `no department is recorded as competent for "${industry}": no lead`, clause: "Wancheng art. 2 (由行业主管部门牵头)" });
  }
  const inIndustry = items.filter((i) => i.field === industry || i.objectType === industry).sort((a, b) => (a.id < b.id ? -1 : 1));
  const onSite = (i: InspectionItem) => i.methods === undefined || i.methods.some((m) => m === "on-site" || m === "sampling-test" || m === "commissioned");
  const counts = new Map<string, number>();
  for (const i of inIndustry.filter(onSite)) counts.set(i.objectType, (counts.get(i.objectType) ?? 0) + 1);
  const objectType = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  if (objectType === undefined) {
    return deepFreeze({ ok: false, industry, reasonZh: "该行业没有需要实地检查的事项", reasonEn: "no item of the industry needs an on-site visit", clause: "Wancheng art. 2, 17" });
  }
  const combined: InspectionItem[] = [];
  const excluded: { itemId: string; reasonZh: string; reasonEn: string }[] = [];
  for (const i of inIndustry) {
    if (!onSite(i)) excluded.push({ itemId: i.id, reasonZh: "仅书面或网络等非现场检查，无需进门", reasonEn: "checked off-site only (documents, online, remote): no visit to combine" });
    else if (i.objectType !== objectType) excluded.push({ itemId: i.id, reasonZh: `检查对象为“${i.objectType}”，与“${objectType}”不同，不能同一次进门`, reasonEn: `inspects "${i.objectType}", not "${objectType}": not the same visit` });
    else combined.push(i);
  }
  const departmentIds = [lead, ...[...new Set(combined.flatMap((i) => [i.initiatingDepartmentId, ...i.cooperatingDepartmentIds]))].filter((d) => d !== lead).sort()];
  return deepFreeze({ ok: true, industry, leadDepartmentId: lead, departmentIds, objectType, itemIds: combined.map((i) => i.id), excluded });
}
