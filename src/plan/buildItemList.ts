import { isPlainObject, readOptions, readPlain } from "../_internal/boundary.js";
import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";
import { issuesFromZod } from "../errors/_fromZod.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import type { Department } from "../model/department.js";
import { InspectionItemSchema, type InspectionItem } from "../model/inspectionItem.js";
import type { ItemList } from "./ItemList.js";
import type * as z from "zod/v4";
import { parseDepartments, parseItemList } from "./_input.js";

/** @internal Checks items against the department list; returns issues (errors) and notes (unverifiable rules). */
export function itemProblems(items: readonly InspectionItem[], departments: readonly Department[]): { issues: RuleIssue[]; notes: RuleIssue[] } {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const issues: RuleIssue[] = [];
  const notes: RuleIssue[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) issues.push({ path: [i, "id"], rule: "unique-ids", clause: "Chongqing table A.1", messageZh: "事项标识重复", messageEn: "duplicate item id", value: item.id });
    seen.add(item.id);
    for (const [k, id] of [["initiatingDepartmentId", item.initiatingDepartmentId], ...item.cooperatingDepartmentIds.map((c) => ["cooperatingDepartmentIds", c] as const)] as const) {
      if (!byId.has(id)) issues.push({ path: [i, k], rule: "unknown-department", clause: "Longting art. 10; Chongqing table A.1", messageZh: "部门不在部门名单中", messageEn: "the department is not in the department list", value: id });
    }
    const initiating = byId.get(item.initiatingDepartmentId);
    if (initiating !== undefined) {
      if (initiating.competentFields === undefined) {
        notes.push({ path: [i, "initiatingDepartmentId"], rule: "initiating-competence-unverified", clause: "Longting art. 10", messageZh: "未登记该部门的主管领域，无法核对发起部门资格", messageEn: "the department's competent fields are not recorded, so Longting art. 10 cannot be checked", value: initiating.id });
      } else if (!initiating.competentFields.includes(item.field)) {
        issues.push({ path: [i, "initiatingDepartmentId"], rule: "initiating-competence", clause: "Longting art. 10", messageZh: `发起部门应当是“${item.field}”领域的主管部门或有重要监管职责的部门`, messageEn: `the initiating department must be the competent department of the field "${item.field}" or one with major duties there`, value: initiating.id });
      }
    }
  });
  return { issues, notes };
}

/**
 * Fields an item must state where a document requires them: Wancheng art. 13 (逐项确定抽查依据、检查主体、检查内容、检查
 * 方式) and Chongqing 5.1 (清单包括…检查主体、检查方式、检查依据等内容). Deeply frozen.
 *
 * @category Planning
 * @example
 * ```ts
 * import { ITEM_FIELD_REQUIREMENTS } from "shuangsuiji";
 * ITEM_FIELD_REQUIREMENTS.chongqing.fields; // ["basis", "subject", "methods"]
 * ```
 */
export const ITEM_FIELD_REQUIREMENTS = deepFreeze({
  wancheng: { fields: ["basis", "subject", "content", "methods"], clause: "Wancheng art. 13" },
  chongqing: { fields: ["basis", "subject", "methods"], clause: "Chongqing 5.1" },
} as const);

const FIELD_ZH: Readonly<Record<string, string>> = { basis: "检查依据", subject: "检查主体", content: "检查内容", methods: "检查方式" };

/**
 * Result of {@link buildItemList}.
 *
 * @category Planning
 */
export type ItemListResult =
  | { readonly ok: true; readonly list: ItemList; readonly notes: readonly RuleIssue[] }
  | { readonly ok: false; readonly issues: readonly RuleIssue[]; readonly notes: readonly RuleIssue[] };

/**
 * Builds and checks an item list (抽查事项清单, Chongqing 5.1 and table A.1; Longting art. 8–10; Wancheng art. 13; Wolong 1.1):
 * every entry valid, ids unique, departments known, and the initiating department the competent department of the
 * field or one with major duties there (Longting art. 10 — checked against `Department.competentFields`; where those
 * are not recorded the check is reported as a note, not assumed). With `options.jurisdiction`, every item must also
 * state the fields that document requires ({@link ITEM_FIELD_REQUIREMENTS}: 依据/主体/内容/方式). All problems are
 * reported together.
 *
 * @param owner - Who maintains the list (the department or government level).
 * @param rawItems - The items (Chongqing table A.1).
 * @param departments - The departments the items name.
 * @param rawOptions - `jurisdiction`: also require the fields that document asks for.
 * @returns `{ ok: true, list, notes }`, or `{ ok: false, issues }` listing every problem — a bad list is a result, not
 *   an error.
 * @throws {@link ShuangsuijiError} `invalid-argument` when `owner` is empty, `rawItems` is not an array, or
 *   `jurisdiction` is not a key of {@link ITEM_FIELD_REQUIREMENTS}.
 * @throws {@link ShuangsuijiError} `invalid-input` when `rawItems` or the options cannot be read as plain data (past
 *   the input limits), or `departments` is malformed.
 * @category Planning
 * @example
 * ```ts
 * import { buildItemList } from "shuangsuiji";
 * const r = buildItemList("卧龙区部门联合抽查事项清单", [
 *   { id: "SCJG-02", field: "食品经营", name: "食品经营者检查", objectType: "食品经营者", initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: ["WJW"], category: "key" },
 * ], [{ id: "SCJG", name: "区市场监督管理局", competentFields: ["食品经营"] }, { id: "WJW", name: "区卫生健康委员会" }]);
 * r.ok; // true
 * ```
 */
export function buildItemList(
  owner: string,
  rawItems: readonly z.input<typeof InspectionItemSchema>[],
  departments: readonly Department[],
  rawOptions: { readonly jurisdiction?: keyof typeof ITEM_FIELD_REQUIREMENTS } = {},
): ItemListResult {
  const options = readOptions(rawOptions, ["options"], ["jurisdiction"]) as typeof rawOptions;
  const bad = (path: string, en: string, value: unknown): never => {
    throw new ShuangsuijiError("invalid-argument", [{ path: [path], rule: path, clause: "Chongqing 5.1", messageZh: "参数无效", messageEn: en, value }]);
  };
  if (typeof owner !== "string" || owner.trim() === "") bad("owner", "the list's owner is a non-empty string", owner);
  const items = readPlain(rawItems, ["items"], { maxArrayLength: 100_000 }) as typeof rawItems;
  if (!Array.isArray(items)) bad("items", "items must be an array (at most 100000)", undefined);
  const depts = parseDepartments(departments);
  const jurisdiction = options?.jurisdiction;
  if (jurisdiction !== undefined && (typeof jurisdiction !== "string" || !Object.hasOwn(ITEM_FIELD_REQUIREMENTS, jurisdiction))) bad("jurisdiction", `unknown jurisdiction (${Object.keys(ITEM_FIELD_REQUIREMENTS).join(", ")})`, jurisdiction);
  const required = jurisdiction === undefined ? undefined : ITEM_FIELD_REQUIREMENTS[jurisdiction];
  const issues: RuleIssue[] = [];
  const valid: InspectionItem[] = [];
  items.forEach((raw, i) => {
    const r = InspectionItemSchema.safeParse(raw);
    if (!r.success) {
      issues.push(...issuesFromZod(r.error.issues, { clause: "Chongqing table A.1", prefix: [i] }, raw));
      return;
    }
    valid.push(r.data);
    for (const f of required?.fields ?? []) {
      const v = r.data[f];
      if (v === undefined || (Array.isArray(v) && v.length === 0)) {
        issues.push({ path: [i, f], rule: "item-field-required", clause: required?.clause ?? "", messageZh: `抽查事项应逐项确定${FIELD_ZH[f] ?? f}`, messageEn: `each item must state its ${f} (${required?.clause})`, value: r.data.id });
      }
    }
  });
  const checked = itemProblems(valid, depts);
  issues.push(...checked.issues);
  if (issues.length > 0) return deepFreeze({ ok: false, issues, notes: checked.notes });
  return deepFreeze({ ok: true, list: { owner, version: 1, items: valid, history: [] }, notes: checked.notes });
}

/**
 * Throws `invalid-input` for a failed {@link ItemListResult}; returns the list otherwise.
 *
 * @param raw - The result of {@link buildItemList}.
 * @returns The list, when the result is `ok`.
 * @throws {@link ShuangsuijiError} `invalid-input` when the result is not `ok` (its issues are the error's issues), or
 *   its list is malformed.
 * @throws {@link ShuangsuijiError} `invalid-argument` when `raw` is not an item-list result at all.
 * @category Planning
 * @example
 * ```ts
 * import { buildItemList, requireItemList } from "shuangsuiji";
 * const list = requireItemList(buildItemList("清单", [], []));
 * ```
 */
export function requireItemList(raw: ItemListResult): ItemList {
  const r = readPlain(raw, []) as ItemListResult;
  if (r === null || typeof r !== "object" || (r.ok !== true && r.ok !== false)) throw new ShuangsuijiError("invalid-argument", [{ path: [], rule: "item-list-result", clause: "Chongqing 5.1", messageZh: "不是清单构建结果", messageEn: "not a result of buildItemList" }]);
  if (!r.ok) throw new ShuangsuijiError("invalid-input", Array.isArray(r.issues) ? r.issues.filter((i) => isPlainObject(i) && typeof i.messageEn === "string" && typeof i.messageZh === "string" && Array.isArray(i.path)) : []);
  return deepFreeze(parseItemList(r.list));
}
