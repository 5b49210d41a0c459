import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import type { InspectionTarget } from "../model/inspectionTarget.js";
import type { LockedTargetList } from "./LockedTargetList.js";
import { lockProblems, refuse } from "./_checkRecord.js";

/**
 * Splits a locked list for dispatch: `by: "department"` gives each participating department the targets within its
 * remit (a target's `departmentIds`; a target without them goes to every department) — 分发至各参与部门 (Longting
 * art. 19; Longting art. 18: 各参与部门监管职责范围内); `by: "district"` partitions by 行政区划代码 when an upper level
 * draws for lower levels (Wancheng art. 18). Every locked target must be found among `targets`.
 *
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
  const problems = lockProblems(locked);
  if (problems.length > 0) refuse("draw-not-locked", problems, "Longting art. 19; docs/spec-v1.md §8", "锁定名单或其抽取记录不一致，不能分发", "the locked list or its record is not internally consistent: it cannot be dispatched");
  const wanted = new Set(locked.record.strata.flatMap((s) => s.selected.map((u) => u.unitId)));
  const found = new Map<string, Pick<InspectionTarget, "id" | "divisionCode"> & { readonly departmentIds?: readonly string[] | undefined }>();
  for (const t of targets) if (wanted.has(t.id)) found.set(t.id, t);
  const missing = [...wanted].filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new ShuangsuijiError("invalid-input", missing.map((id) => ({ path: ["targets"], rule: "dispatch", clause: "Longting art. 19", messageZh: "锁定名单中的检查对象不在名录中", messageEn: "a locked target is missing from the directory given", value: id })));
  }
  const out: Record<string, string[]> = {};
  const ids = [...wanted].sort();
  if (options.by === "district") {
    for (const id of ids) (out[found.get(id)?.divisionCode as string] ??= []).push(id);
  } else {
    for (const d of options.departmentIds) out[d] = ids.filter((id) => found.get(id)?.departmentIds?.includes(d) ?? true);
  }
  return deepFreeze(out);
}
