import { invalid, isPlainObject, readPlain } from "../_internal/boundary.js";
import type { Inspector } from "./inspector.js";

/**
 * Whether an inspector counts toward the minimum team size (≥2 per department on site, Longting art. 21;
 * 行政处罚法 art. 42): enforcement staff do; auxiliary experts, testing institutions and research institutes never do
 * (Chongqing 5 辅助检查人员; Longting art. 20 "在满足执法检查人员要求的前提下").
 *
 * @param inspector - The inspector, or any object with its `category`.
 * @returns `true` for enforcement staff (categories `enforcement-civil-servant`, `qualified-staff`,
 *   `supervision-staff`).
 * @throws {@link ShuangsuijiError} `invalid-input` when `inspector` is not a plain object.
 * @category Model
 * @example
 * ```ts
 * import { countsTowardMinimum } from "shuangsuiji";
 * countsTowardMinimum({ category: "expert" }); // false
 * ```
 */
export function countsTowardMinimum(inspector: Pick<Inspector, "category">): boolean {
  const i = readPlain(inspector, ["inspector"]);
  if (!isPlainObject(i)) invalid(["inspector"], "expected an inspector { category }", "应为检查人员 { category }", inspector);
  return (
    i.category === "enforcement-civil-servant" ||
    i.category === "qualified-staff" ||
    i.category === "supervision-staff"
  );
}
