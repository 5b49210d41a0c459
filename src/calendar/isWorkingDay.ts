import type { CalendarOptions } from "./HolidayCalendar.js";
import { dayArg, engine } from "./_index.js";

/**
 * Whether `date` is a working day (工作日) for state organs: a make-up working day (调休上班), or a Monday–Friday that
 * is not a holiday of the notice (《国务院关于职工工作时间的规定》 art. 7; the annual 国务院办公厅 notice). O(1).
 *
 * @param date - A day `YYYY-MM-DD`.
 * @param options - The calendar and its options.
 * @returns `true` for a working day.
 * @throws {@link ShuangsuijiError} `invalid-date` when `date` is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `invalid-input` when `options` is malformed (see {@link CalendarOptions}).
 * @throws {@link ShuangsuijiError} `calendar-year-not-covered` when `date` is outside the calendar's years and
 *   `options.outsideCoverage` is not `"assume-weekdays"`.
 * @category Calendar
 * @example
 * ```ts
 * import { isWorkingDay } from "shuangsuiji/calendar";
 * isWorkingDay("2026-10-01"); // false (国庆节)
 * isWorkingDay("2026-10-10"); // true  (a make-up Saturday)
 * isWorkingDay("2026-10-10", { ignoreMakeupWorkdays: true }); // false
 * isWorkingDay("2027-01-01", { outsideCoverage: "assume-weekdays" }); // false (元旦: a statutory day every year)
 * ```
 */
export function isWorkingDay(date: string, options?: CalendarOptions): boolean {
  return engine(options).isWorking(dayArg(date), "date");
}
