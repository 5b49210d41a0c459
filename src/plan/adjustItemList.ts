import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { issuesFromZod } from "../errors/_fromZod.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import type { Department } from "../model/department.js";
import { InspectionItemSchema, type InspectionItem } from "../model/inspectionItem.js";
import type { ItemList } from "./ItemList.js";
import { itemProblems } from "./buildItemList.js";
import * as z from "zod/v4";
import { parseChangeMeta, parseDepartments, parseItemList, parseWith } from "./_input.js";

/**
 * Adjusts an item list (动态调整): adds, removes or updates items, producing a new version with a public change record
 * (Longting art. 8: 根据法律法规规章立改废释和工作实际情况等进行动态调整; Chongqing 5.1: 及时更新并…向社会公开). The change
 * needs a reason and the public notice it was published in; the result is checked like a new list.
 *
 * @param rawList - The current item list.
 * @param change - Items to `add`, ids to `remove`, items to `update`.
 * @param meta - The date `on`, the `reason` and the `publicNotice` the change was published in.
 * @param departments - The departments the items name (checked as in {@link buildItemList}).
 * @returns The new version of the list, with its change record.
 * @throws {@link ShuangsuijiError} `invalid-input` when the list, the change or `meta` is malformed (an unknown id, an
 *   added id that exists, no reason or notice), or the new list breaks a rule of {@link buildItemList} (every problem
 *   listed).
 * @category Planning
 * @example
 * ```ts
 * import { adjustItemList, type Department, type ItemList } from "shuangsuiji";
 * declare const list: ItemList;
 * declare const departments: readonly Department[];
 * const next = adjustItemList(list, { remove: ["SCJG-05"] }, { on: "2026-06-01", reason: "《价格法》修订", publicNotice: "卧龙区联席办公告〔2026〕3号" }, departments);
 * ```
 */
export function adjustItemList(
  rawList: ItemList,
  change: { readonly add?: readonly z.input<typeof InspectionItemSchema>[]; readonly remove?: readonly string[]; readonly update?: readonly z.input<typeof InspectionItemSchema>[] },
  meta: { readonly on: string; readonly reason: string; readonly publicNotice: string },
  departments: readonly Department[],
): ItemList {
  const list = parseItemList(rawList);
  const m = parseChangeMeta(meta, "Longting art. 8; Chongqing 5.1");
  const depts = parseDepartments(departments);
  const c = parseWith(z.object({ add: z.array(z.unknown()).max(100_000).optional(), remove: z.array(z.string()).max(100_000).optional(), update: z.array(z.unknown()).max(100_000).optional() }), change, "Longting art. 8", ["change"]) as typeof change;
  const fail = (path: string[], zh: string, en: string, value?: unknown): never => {
    throw new ShuangsuijiError("invalid-input", [{ path, rule: "item-list-change", clause: "Longting art. 8; Chongqing 5.1", messageZh: zh, messageEn: en, ...(value === undefined ? {} : { value }) }]);
  };
  if (m.reason.trim() === "") fail(["reason"], "清单调整须说明理由", "a change needs a reason");
  if (m.publicNotice.trim() === "") fail(["publicNotice"], "清单调整须向社会公开", "a change must be made public (give the notice)");
  const parse = (raw: z.input<typeof InspectionItemSchema>, path: string): InspectionItem => {
    const r = InspectionItemSchema.safeParse(raw); // raw is part of the copy parseWith read
    if (!r.success) throw new ShuangsuijiError("invalid-input", issuesFromZod(r.error.issues, { clause: "Chongqing table A.1", prefix: [path] }, raw));
    return r.data;
  };
  const ids = new Set(list.items.map((i) => i.id));
  const added = (c.add ?? []).map((x) => parse(x, "add"));
  const updated = (c.update ?? []).map((x) => parse(x, "update"));
  for (const a of added) if (ids.has(a.id)) fail(["add"], "新增事项已存在", "an added item already exists", a.id);
  for (const u of updated) if (!ids.has(u.id)) fail(["update"], "要修改的事项不存在", "an updated item does not exist", u.id);
  for (const r of c.remove ?? []) if (!ids.has(r)) fail(["remove"], "要删除的事项不存在", "a removed item does not exist", r);
  const removed = new Set(c.remove ?? []);
  const items = [...list.items.filter((i) => !removed.has(i.id)).map((i) => updated.find((u) => u.id === i.id) ?? i), ...added];
  const problems = itemProblems(items, depts);
  if (problems.issues.length > 0) throw new ShuangsuijiError("invalid-input", problems.issues);
  const version = list.version + 1;
  return deepFreeze({
    owner: list.owner,
    version,
    items,
    history: [...list.history, { version, on: m.on, reason: m.reason, publicNotice: m.publicNotice, added: added.map((a) => a.id), removed: [...(c.remove ?? [])], updated: updated.map((u) => u.id) }],
  });
}
