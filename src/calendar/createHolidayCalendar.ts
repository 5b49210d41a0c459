import { readOptions, requireString } from "./_read.js";
import { MAX_YEARS, buildCalendar } from "./_buildCalendar.js";
import type { CalendarYearData, HolidayCalendar } from "./HolidayCalendar.js";

/**
 * Most years one calendar may cover (documented limit, README "Limits"): it bounds the index a calendar needs
 * (one byte and one 32-bit count per day).
 *
 * @category Calendar
 * @example
 * ```ts
 * import { MAX_CALENDAR_YEARS } from "shuangsuiji/calendar";
 * MAX_CALENDAR_YEARS; // 1000
 * ```
 */
export const MAX_CALENDAR_YEARS = MAX_YEARS;

/**
 * Options for {@link createHolidayCalendar}.
 *
 * @category Calendar
 */
export interface CreateHolidayCalendarOptions {
  /** Where the data comes from; shown in deadline results. */
  readonly source?: string;
}

/**
 * Builds an immutable {@link HolidayCalendar} from per-year notice data, checking it thoroughly: the years must be
 * contiguous; every date must be real and belong to its year; a make-up working day must be a Saturday or Sunday and
 * not also a holiday; statutory days must be holidays. All problems are reported together
 * (`calendar-data-invalid`).
 *
 * @param years - One {@link CalendarYearData} per year, contiguous.
 * @param options - `source`: where the data comes from, recorded on the calendar.
 * @returns An immutable {@link HolidayCalendar}.
 * @throws {@link ShuangsuijiError} `calendar-data-invalid` when the years are not a valid calendar (every problem
 *   listed in `issues`).
 * @throws {@link ShuangsuijiError} `invalid-input` when `options` is not an object or `source` is not text.
 * @category Calendar
 * @example
 * ```ts
 * import { createHolidayCalendar, isWorkingDay } from "shuangsuiji/calendar";
 * const cal = createHolidayCalendar([
 *   { year: 2030, holidays: [{ date: "2030-01-01", name: "元旦" }], workdays: [] },
 * ]);
 * isWorkingDay("2030-01-01", { calendar: cal }); // false
 * ```
 */
export function createHolidayCalendar(
  years: readonly CalendarYearData[],
  options: CreateHolidayCalendarOptions = {},
): HolidayCalendar {
  const { source } = readOptions(options, ["options"], ["source"]);
  if (source !== undefined) requireString(source, ["options", "source"], 10_000);
  return buildCalendar(years, (source as string | undefined) ?? "user-supplied");
}
