import type { CalendarOptions } from "./HolidayCalendar.js";
import { MAKEUP, hasFlag } from "./_index.js";

/**
 * Whether `date` is a make-up working day (调休上班): a Saturday or Sunday the notice declares a working day. Outside
 * coverage with `assume-weekdays` there are none.
 *
 * @param date - A day `YYYY-MM-DD`.
 * @param options - The calendar and its options.
 * @returns `true` for a make-up working day of the notice.
 * @throws {@link ShuangsuijiError} `invalid-date` when `date` is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `invalid-input` when `options` is malformed (see {@link CalendarOptions}).
 * @throws {@link ShuangsuijiError} `calendar-year-not-covered` when `date` is outside the calendar's years and
 *   `options.outsideCoverage` is not `"assume-weekdays"`.
 * @category Calendar
 * @example
 * ```ts
 * import { isMakeupWorkday } from "shuangsuiji/calendar";
 * isMakeupWorkday("2026-02-14"); // true (Saturday before 春节)
 * ```
 */
export function isMakeupWorkday(date: string, options?: CalendarOptions): boolean {
  return hasFlag(date, options, MAKEUP);
}
