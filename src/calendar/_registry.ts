import { invalid, isPlainObject, type Path } from "./_read.js";
import type { CalendarYearData, HolidayCalendar } from "./HolidayCalendar.js";
import { buildCalendar } from "./_buildCalendar.js";
import { isKnownCalendar } from "./_known.js";

export { isKnownCalendar, registerCalendar } from "./_known.js";

/**
 * A calendar argument: one made by this library, or plain calendar data (already read by readPlain), which is
 * re-checked in full by createHolidayCalendar — so a hand-made `{ firstYear: 1, lastYear: 1e6 }` cannot make a
 * function loop over a million years.
 */
export function calendarFromData(value: unknown, path: Path): HolidayCalendar {
  if (value !== null && typeof value === "object" && isKnownCalendar(value)) return value as HolidayCalendar;
  if (!isPlainObject(value) || value.kind !== "holiday-calendar" || !isPlainObject(value.years)) {
    invalid(path, "expected a HolidayCalendar (from createHolidayCalendar, addCalendarYears or CN_CALENDAR)", "应为节假日日历（由 createHolidayCalendar、addCalendarYears 或 CN_CALENDAR 得到）");
  }
  const years = Object.values(value.years) as CalendarYearData[];
  const cal = buildCalendar(years, typeof value.source === "string" ? value.source : "user-supplied");
  if (cal.firstYear !== value.firstYear || cal.lastYear !== value.lastYear) {
    invalid(path, `firstYear/lastYear do not match the years given (${cal.firstYear}–${cal.lastYear})`, `firstYear/lastYear与所给年度（${cal.firstYear}–${cal.lastYear}）不符`);
  }
  return cal;
}
