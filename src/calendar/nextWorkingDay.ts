import type { CivilDate } from "./CivilDate.js";
import { addWorkingDays } from "./addWorkingDays.js";
import type { CalendarOptions } from "./HolidayCalendar.js";

/**
 * The first working day strictly after `date`.
 *
 * @param date - A day `YYYY-MM-DD`.
 * @param options - The calendar and its options.
 * @returns The first working day after `date`.
 * @throws {@link ShuangsuijiError} `invalid-date` when `date` is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `invalid-input` when `options` is malformed (see {@link CalendarOptions}).
 * @throws {@link ShuangsuijiError} `calendar-year-not-covered` when the search leaves the calendar's years and
 *   `options.outsideCoverage` is not `"assume-weekdays"`.
 * @throws {@link ShuangsuijiError} `invalid-argument` when the result would fall after 9999-12-31.
 * @category Calendar
 * @example
 * ```ts
 * import { nextWorkingDay } from "shuangsuiji/calendar";
 * nextWorkingDay("2026-09-30"); // "2026-10-08"
 * ```
 */
export function nextWorkingDay(date: string, options?: CalendarOptions): CivilDate {
  return addWorkingDays(date, 1, options);
}
