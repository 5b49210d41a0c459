import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { issuesFromZod } from "../errors/_fromZod.js";
import { parseCivilDate } from "../calendar/parseCivilDate.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import type { Department } from "../model/department.js";
import { InspectionItemSchema, type InspectionItem } from "../model/inspectionItem.js";
import type { ItemList } from "./ItemList.js";
import { itemProblems } from "./buildItemList.js";
import type { z } from "zod";

/**
 * Adjusts an item list (动态调整): adds, removes or updates items, producing a new version with a public change record
 * (Longting art. 8: 根据法律法规规章立改废释和工作实际情况等进行动态调整; Chongqing 5.1: 及时更新并…向社会公开). The change
 * needs a reason and the public notice it was published in; the result is checked like a new list.
 *
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
  list: ItemList,
  change: { readonly add?: readonly z.input<typeof InspectionItemSchema>[]; readonly remove?: readonly string[]; readonly update?: readonly z.input<typeof InspectionItemSchema>[] },
  meta: { readonly on: string; readonly reason: string; readonly publicNotice: string },
  departments: readonly Department[],
): ItemList {
  parseCivilDate(meta.on, "on");
  const fail = (path: string[], zh: string, en: string, value?: unknown): never => {
    throw new ShuangsuijiError("invalid-input", [{ path, rule: "item-list-change", clause: "Longting art. 8; Chongqing 5.1", messageZh: zh, messageEn: en, ...(value === undefined ? {} : { value }) }]);
  };
  if (meta.reason.trim() === "") fail(["reason"], "清单调整须说明理由", "a change needs a reason");
  if (meta.publicNotice.trim() === "") fail(["publicNotice"], "清单调整须向社会公开", "a change must be made public (give the notice)");
  const parse = (raw: z.input<typeof InspectionItemSchema>, path: string): InspectionItem => {
    const r = InspectionItemSchema.safeParse(raw);
    if (!r.success) throw new ShuangsuijiError("invalid-input", issuesFromZod(r.error.issues, { clause: "Chongqing table A.1", prefix: [path] }, raw));
    return r.data;
  };
  const ids = new Set(list.items.map((i) => i.id));
  const added = (change.add ?? []).map((x) => parse(x, "add"));
  const updated = (change.update ?? []).map((x) => parse(x, "update"));
  for (const a of added) if (ids.has(a.id)) fail(["add"], "新增事项已存在", "an added item already exists", a.id);
  for (const u of updated) if (!ids.has(u.id)) fail(["update"], "要修改的事项不存在", "an updated item does not exist", u.id);
  for (const r of change.remove ?? []) if (!ids.has(r)) fail(["remove"], "要删除的事项不存在", "a removed item does not exist", r);
  const items = [...list.items.filter((i) => !(change.remove ?? []).includes(i.id)).map((i) => updated.find((u) => u.id === i.id) ?? i), ...added];
  const problems = itemProblems(items, departments);
  if (problems.issues.length > 0) throw new ShuangsuijiError("invalid-input", problems.issues);
  const version = list.version + 1;
  return deepFreeze({
    owner: list.owner,
    version,
    items,
    history: [...list.history, { version, on: meta.on, reason: meta.reason, publicNotice: meta.publicNotice, added: added.map((a) => a.id), removed: [...(change.remove ?? [])], updated: updated.map((u) => u.id) }],
  });
}
