import type { CivilDate } from "./CivilDate.js";
import { addWorkingDays } from "./addWorkingDays.js";
import type { CalendarOptions } from "./HolidayCalendar.js";

/**
 * The first working day strictly after `date`.
 *
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
