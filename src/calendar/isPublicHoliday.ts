import type { CalendarOptions } from "./HolidayCalendar.js";
import { HOLIDAY, hasFlag } from "./_index.js";

/**
 * Whether `date` is a day off declared by the holiday notice (放假): statutory days plus the shifted rest days of the
 * block (weekend days inside an announced range included). An ordinary weekend merely adjoining a block is not. In a
 * year the calendar does not cover, under `outsideCoverage: "assume-weekdays"`, the statutory days (see
 * {@link CalendarOptions}), which every notice gives off.
 *
 * @param date - A day `YYYY-MM-DD`.
 * @param options - The calendar and its options.
 * @returns `true` for a day off declared by the notice.
 * @throws {@link ShuangsuijiError} `invalid-date` when `date` is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `invalid-input` when `options` is malformed (see {@link CalendarOptions}).
 * @throws {@link ShuangsuijiError} `calendar-year-not-covered` when `date` is outside the calendar's years and
 *   `options.outsideCoverage` is not `"assume-weekdays"`.
 * @category Calendar
 * @example
 * ```ts
 * import { isPublicHoliday } from "shuangsuiji/calendar";
 * isPublicHoliday("2026-02-23"); // true (春节 block, Monday)
 * isPublicHoliday("2026-03-07"); // false (ordinary Saturday)
 * ```
 */
export function isPublicHoliday(date: string, options?: CalendarOptions): boolean {
  return hasFlag(date, options, HOLIDAY);
}
