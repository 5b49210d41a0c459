import type { CalendarOptions } from "./HolidayCalendar.js";
import { dayArg, engine } from "./_index.js";

/**
 * Whether the working-day status of `date` is an assumption (its year is not covered by the calendar) rather than a
 * fact from a notice. Never throws for coverage.
 *
 * @param date - A day `YYYY-MM-DD`.
 * @param options - The calendar and its options.
 * @returns `true` when `date`'s year is not in the calendar.
 * @throws {@link ShuangsuijiError} `invalid-date` when `date` is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `invalid-input` when `options` is malformed (see {@link CalendarOptions}).
 * @category Calendar
 * @example
 * ```ts
 * import { isProvisional } from "shuangsuiji/calendar";
 * isProvisional("2026-12-31"); // false
 * isProvisional("2027-01-04"); // true (no 2027 notice bundled)
 * ```
 */
export function isProvisional(date: string, options?: CalendarOptions): boolean {
  return !engine(options).covered(dayArg(date));
}
