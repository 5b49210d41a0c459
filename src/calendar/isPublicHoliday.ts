import { CN_CALENDAR } from "./CN_CALENDAR.js";
import type { CalendarOptions } from "./HolidayCalendar.js";
import { FLAG, dayArg, engine } from "./_index.js";

/**
 * Whether `date` is a day off declared by the holiday notice (放假): statutory days plus the shifted rest days of the
 * block (weekend days inside an announced range included). An ordinary weekend merely adjoining a block is not.
 *
 * @category Calendar
 * @example
 * ```ts
 * import { isPublicHoliday } from "shuangsuiji/calendar";
 * isPublicHoliday("2026-02-23"); // true (春节 block, Monday)
 * isPublicHoliday("2026-03-07"); // false (ordinary Saturday)
 * ```
 */
export function isPublicHoliday(date: string, options?: CalendarOptions): boolean {
  const f = engine(options, CN_CALENDAR).flags(dayArg(date, "date"), "date");
  return f !== undefined && (f & FLAG.HOLIDAY) !== 0;
}
