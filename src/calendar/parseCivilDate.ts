import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { ruleIssue } from "../errors/_calendarRules.js";
import type { CivilDate } from "./CivilDate.js";
import { isValidCivilDate } from "./isValidCivilDate.js";
import { preview } from "./_read.js";

/**
 * Checks that `value` is a real `YYYY-MM-DD` date and returns it branded. Throws {@link ShuangsuijiError} with code
 * `invalid-date` otherwise — it never "fixes" `2026-02-30` into March.
 *
 * @param value - The text to check.
 * @param field - The field name the error's issue points at (default `"date"`).
 * @returns `value`, branded {@link CivilDate}.
 * @throws {@link ShuangsuijiError} `invalid-date` when `value` is not a real `YYYY-MM-DD` date (years 0001–9999).
 * @category Calendar
 * @example
 * ```ts
 * import { parseCivilDate } from "shuangsuiji/calendar";
 * const d = parseCivilDate("2026-10-09");
 * ```
 */
export function parseCivilDate(value: string, field = "date"): CivilDate {
  const f = typeof field === "string" && field.length <= 200 ? field : "date";
  if (typeof value !== "string" || !isValidCivilDate(value)) {
    throw new ShuangsuijiError("invalid-date", [ruleIssue("civil-date", [f], { value: preview(value) })]);
  }
  return value;
}
