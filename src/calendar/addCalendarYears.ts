import { createHolidayCalendar } from "./createHolidayCalendar.js";
import { calendarFromData, isKnownCalendar } from "./_registry.js";
import { invalid, readPlain } from "./_read.js";
import type { CalendarYearData, HolidayCalendar } from "./HolidayCalendar.js";

/**
 * Returns a new calendar with `years` added (or replaced), for example the next year's notice, which the State
 * Council publishes each November — no library release needed. The result must still be contiguous. The original
 * calendar is unchanged.
 *
 * @param calendar - The calendar to extend (e.g. {@link CN_CALENDAR}, or plain calendar data); it is not modified.
 * @param years - The years to add, one {@link CalendarYearData} each (the notice's holidays and make-up working days);
 *   a year already in `calendar` is replaced.
 * @returns A new immutable calendar with the years of both.
 * @throws {@link ShuangsuijiError} `invalid-input` when `calendar` or `years` is not of its documented shape.
 * @throws {@link ShuangsuijiError} `calendar-data-invalid` when the merged years are not a valid calendar (e.g. not
 *   contiguous, a date outside its year, a day both off and working).
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
  const base = calendarFromData(readPlain(calendar, ["calendar"], isKnownCalendar), ["calendar"]);
  const extra = readPlain(years, ["years"]);
  if (!Array.isArray(extra)) invalid(["years"], "expected an array of years", "应为年度数组", years);
  const merged = new Map<number, unknown>(Object.values(base.years).map((y) => [y.year, y]));
  for (const y of extra as { year?: unknown }[]) merged.set(typeof y === "object" && y !== null ? (y.year as number) : Number.NaN, y);
  const added = (extra as { year?: unknown }[]).map((y) => String(typeof y === "object" && y !== null ? y.year : y)).join(", ");
  const calendarSource = base.source;
  return createHolidayCalendar([...merged.values()] as CalendarYearData[], { source: `${calendarSource}; years ${added.slice(0, 1000)} added by caller` });
}
