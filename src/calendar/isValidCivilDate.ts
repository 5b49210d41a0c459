import type { CivilDate } from "./CivilDate.js";
import { parseDayNumber } from "./_days.js";

/**
 * Whether `value` is a real calendar date written `YYYY-MM-DD` (years 0001–9999). `2026-02-30` and `2026-2-3` are not.
 *
 * @param value - Any value.
 * @returns `true` when `value` is a real `YYYY-MM-DD` date.
 * @throws Never — any value, even a non-string, gives `true` or `false`.
 * @category Calendar
 * @example
 * ```ts
 * import { isValidCivilDate } from "shuangsuiji/calendar";
 * isValidCivilDate("2024-02-29"); // true
 * isValidCivilDate("2026-02-30"); // false
 * ```
 */
export function isValidCivilDate(value: string): value is CivilDate {
  return typeof value === "string" && value.length === 10 && parseDayNumber(value) !== undefined;
}
