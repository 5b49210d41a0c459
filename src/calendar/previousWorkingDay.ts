import type { CivilDate } from "./CivilDate.js";
import { addWorkingDays } from "./addWorkingDays.js";
import type { CalendarOptions } from "./HolidayCalendar.js";

/**
 * The last working day strictly before `date`.
 *
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
