import { CN_CALENDAR } from "./CN_CALENDAR.js";
import type { CalendarOptions } from "./HolidayCalendar.js";
import { FLAG, dayArg, engine } from "./_index.js";

/**
 * Whether `date` is a make-up working day (调休上班): a Saturday or Sunday the notice declares a working day. Outside
 * coverage with `assume-weekdays` there are none.
 *
 * @category Calendar
 * @example
 * ```ts
 * import { isMakeupWorkday } from "shuangsuiji/calendar";
 * isMakeupWorkday("2026-02-14"); // true (Saturday before 春节)
 * ```
 */
export function isMakeupWorkday(date: string, options?: CalendarOptions): boolean {
  const f = engine(options, CN_CALENDAR).flags(dayArg(date, "date"), "date");
  return f !== undefined && (f & FLAG.MAKEUP) !== 0;
}
