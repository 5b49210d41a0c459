import type { CivilDate } from "./CivilDate.js";
import { addWorkingDays } from "./addWorkingDays.js";
import type { CalendarOptions } from "./HolidayCalendar.js";

/**
 * The last working day strictly before `date`.
 *
 * @param date - A day `YYYY-MM-DD`.
 * @param options - The calendar and its options.
 * @returns The last working day before `date`.
 * @throws {@link ShuangsuijiError} `invalid-date` when `date` is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `invalid-input` when `options` is malformed (see {@link CalendarOptions}).
 * @throws {@link ShuangsuijiError} `calendar-year-not-covered` when the search leaves the calendar's years and
 *   `options.outsideCoverage` is not `"assume-weekdays"`.
 * @throws {@link ShuangsuijiError} `invalid-argument` when the result would fall before 0001-01-01.
 * @category Calendar
 * @example
 * ```ts
 * import { previousWorkingDay } from "shuangsuiji/calendar";
 * previousWorkingDay("2026-10-08"); // "2026-09-30"
 * ```
 */
export function previousWorkingDay(date: string, options?: CalendarOptions): CivilDate {
  return addWorkingDays(date, -1, options);
}
