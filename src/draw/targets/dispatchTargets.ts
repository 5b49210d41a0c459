import { ShuangsuijiError } from "../../errors/ShuangsuijiError.js";
import { invalid, iterateInput, requireObject, type Path } from "../../_internal/boundary.js";
import { deepFreeze } from "../../_internal/deepFreeze.js";
import type { InspectionTarget } from "../../model/inspectionTarget.js";
import type { LockedTargetList } from "../records/LockedTargetList.js";
import { lockProblems, readOnce, refuse } from "../records/_checkRecord.js";

/**
 * Splits a locked list for dispatch: `by: "department"` gives each participating department the targets within its
 * remit (a target's `departmentIds`; a target without them goes to every department) — 分发至各参与部门 (Longting
 * art. 19; Longting art. 18: 各参与部门监管职责范围内); `by: "district"` partitions by 行政区划代码 when an upper level
 * draws for lower levels (Wancheng art. 18). Every locked target must be found among `targets`.
 *
 * @param locked - The locked list of {@link lockTargetDraw}.
 * @param targets - The directory records of (at least) the locked targets: `id`, `divisionCode` and `departmentIds`.
 * @param options - `{ by: "department", departmentIds }` or `{ by: "district" }`.
 * @returns The locked target ids per department id, or per division code.
 * @throws {@link ShuangsuijiError} `draw-not-locked` when `locked` is not a consistent locked list.
 * @throws {@link ShuangsuijiError} `invalid-input` when `options` or a target is malformed, a target dispatched by
 *   district has no division code, or a locked target is missing from `targets`.
 * @category Draw
 * @example
 * ```ts
 * import { dispatchTargets, type InspectionTarget, type LockedTargetList } from "shuangsuiji";
 * declare const locked: LockedTargetList;
 * declare const directory: readonly InspectionTarget[];
 * const perDepartment = dispatchTargets(locked, directory, { by: "department", departmentIds: ["SCJG", "WJW"] });
 * const perDistrict = dispatchTargets(locked, directory, { by: "district" });
 * ```
 */
export function dispatchTargets(
  locked: LockedTargetList,
  targets: Iterable<Pick<InspectionTarget, "id" | "divisionCode"> & { readonly departmentIds?: readonly string[] | undefined }>,
  options: { readonly by: "department"; readonly departmentIds: readonly string[] } | { readonly by: "district" },
): Readonly<Record<string, readonly string[]>> {
  const opts = requireObject(options, ["options"]);
  if (opts["by"] !== "district" && opts["by"] !== "department") invalid(["options", "by"], 'expected "department" or "district"', "应为“department”或“district”", opts["by"]);
  const departmentIds = opts["by"] === "department" ? requireIdList(opts["departmentIds"], ["options", "departmentIds"]) : [];
  // checked and used from one read of the caller's value (a getter must not show the check one list, the dispatch another)
  locked = readOnce(locked, ["locked"]);
  const problems = lockProblems(locked);
  if (problems.length > 0) refuse("draw-not-locked", problems, "Longting art. 19; docs/spec-v1.md §8", "锁定名单或其抽取记录不一致，不能分发", "the locked list or its record is not internally consistent: it cannot be dispatched");
  const wanted = new Set(locked.record.strata.flatMap((s) => s.selected.map((u) => u.unitId)));
  const found = new Map<string, Pick<InspectionTarget, "id" | "divisionCode"> & { readonly departmentIds?: readonly string[] | undefined }>();
  let i = 0;
  for (const raw of iterateInput<unknown>(targets, ["targets"])) {
    const at = ["targets", i++];
    const t = requireObject(raw, at);
    if (typeof t["id"] !== "string") invalid([...at, "id"], "expected an id string", "应为标识字符串", t["id"]);
    if (!wanted.has(t["id"])) continue;
    if (opts["by"] === "district" && typeof t["divisionCode"] !== "string") invalid([...at, "divisionCode"], "a target dispatched by district needs its division code", "按区划分发的检查对象须有区划代码", t["divisionCode"]);
    if (t["departmentIds"] !== undefined) requireIdList(t["departmentIds"], [...at, "departmentIds"]);
    found.set(t["id"], t as unknown as Pick<InspectionTarget, "id" | "divisionCode"> & { readonly departmentIds?: readonly string[] | undefined });
  }
  const missing = [...wanted].filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new ShuangsuijiError("invalid-input", missing.map((id) => ({ path: ["targets"], rule: "dispatch", clause: "Longting art. 19", messageZh: "锁定名单中的检查对象不在名录中", messageEn: "a locked target is missing from the directory given", value: id })));
  }
  // a Map, then an object with own data properties: a key such as "__proto__" is a group like any other
  const groups = new Map<string, string[]>();
  const ids = [...wanted].sort();
  if (opts["by"] === "district") {
    for (const id of ids) {
      const code = found.get(id)?.divisionCode as string;
      const g = groups.get(code) ?? [];
      g.push(id);
      groups.set(code, g);
    }
  } else {
    for (const d of departmentIds) groups.set(d, ids.filter((id) => found.get(id)?.departmentIds?.includes(d) ?? true));
  }
  const out: Record<string, string[]> = {};
  for (const [k, v] of groups) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return deepFreeze(out);
}

function requireIdList(v: unknown, path: Path): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) invalid(path, "expected a list of id strings", "应为标识字符串列表", v);
  return v as string[];
}
