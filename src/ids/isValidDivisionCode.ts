import { divisionCodeProblem } from "./_division.js";

/**
 * Whether a string is a well-formed 6-digit administrative division code (行政区划代码, GB/T 2260): six digits with an
 * assigned province-level prefix. It checks the format, not membership in the current code list (codes change yearly).
 *
 * @param code - The code to check.
 * @returns `true` for six digits with an assigned province-level prefix.
 * @throws Never — any value, even a non-string, gives `true` or `false`.
 * @category Identifiers
 * @example
 * ```ts
 * import { isValidDivisionCode } from "shuangsuiji";
 * isValidDivisionCode("411303"); // true (Nanyang Wolong)
 * isValidDivisionCode("991303"); // false
 * ```
 */
export function isValidDivisionCode(code: string): boolean {
  return typeof code === "string" && !divisionCodeProblem(code);
}
