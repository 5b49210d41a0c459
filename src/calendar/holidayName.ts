import type { CalendarOptions } from "./HolidayCalendar.js";
import { dayArg, engine } from "./_index.js";

/**
 * The festival heading a date belongs to in the notice — for holidays and for make-up working days — or `undefined`.
 * In a year the calendar does not cover, under `outsideCoverage: "assume-weekdays"`, the festival of a statutory day
 * (see {@link CalendarOptions}).
 *
 * @param date - A day `YYYY-MM-DD`.
 * @param options - The calendar and its options.
 * @returns The festival's name (e.g. `"国庆节、中秋节"`), or `undefined` for an ordinary day.
 * @throws {@link ShuangsuijiError} `invalid-date` when `date` is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `invalid-input` when `options` is malformed (see {@link CalendarOptions}).
 * @throws {@link ShuangsuijiError} `calendar-year-not-covered` when `date` is outside the calendar's years and
 *   `options.outsideCoverage` is not `"assume-weekdays"`.
 * @category Calendar
 * @example
 * ```ts
 * import { holidayName } from "shuangsuiji/calendar";
 * holidayName("2025-10-06"); // "国庆节、中秋节"
 * holidayName("2025-09-28"); // "国庆节、中秋节" (its make-up Sunday)
 * holidayName("2027-02-06", { outsideCoverage: "assume-weekdays" }); // "春节" (正月初一 2027, by statute)
 * ```
 */
export function holidayName(date: string, options?: CalendarOptions): string | undefined {
  const e = engine(options);
  const n = dayArg(date);
  e.flags(n, "date");
  return e.nameOf(n);
}
