import { createHolidayCalendar } from "./createHolidayCalendar.js";
import type { CalendarYearData, HolidayCalendar } from "./HolidayCalendar.js";

/**
 * Returns a new calendar with `years` added (or replaced), for example the next year's notice, which the State
 * Council publishes each November — no library release needed. The result must still be contiguous. The original
 * calendar is unchanged.
 *
 * @category Calendar
 * @example
 * ```ts
 * import { CN_CALENDAR, addCalendarYears, isWorkingDay } from "shuangsuiji/calendar";
 * const cal = addCalendarYears(CN_CALENDAR, [
 *   { year: 2027, holidays: [{ date: "2027-01-01", name: "元旦" }], workdays: [], notices: ["(2027 notice)"] },
 * ]);
 * isWorkingDay("2027-01-01", { calendar: cal }); // false
 * ```
 */
export function addCalendarYears(calendar: HolidayCalendar, years: readonly CalendarYearData[]): HolidayCalendar {
  const merged = new Map<number, CalendarYearData>(Object.values(calendar.years).map((y) => [y.year, y]));
  for (const y of years) merged.set(y.year, y);
  const added = years.map((y) => y.year).join(", ");
  return createHolidayCalendar([...merged.values()], { source: `${calendar.source}; years ${added} added by caller` });
}
