import type { CalendarOptions } from "./HolidayCalendar.js";
import { STATUTORY, hasFlag } from "./_index.js";

/**
 * Whether `date` is a statutory holiday day (法定节假日) — the days of 《全国年节及纪念日放假办法》 art. 2 (11 a
 * year until 2024; 13 from 2025: 春节 4 days 除夕–初三 and 劳动节 5-1/5-2), i.e. the 3×-pay days. The other off days
 * of a holiday block are shifted weekend rest days and answer `false`. In a year the calendar does not cover, under
 * `outsideCoverage: "assume-weekdays"`, the days of art. 2 (2024 revision) answer `true` up to 2099 (see
 * {@link CalendarOptions}).
 *
 * @param date - A day `YYYY-MM-DD`.
 * @param options - The calendar and its options.
 * @returns `true` for a statutory holiday day.
 * @throws {@link ShuangsuijiError} `invalid-date` when `date` is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `invalid-input` when `options` is malformed (see {@link CalendarOptions}).
 * @throws {@link ShuangsuijiError} `calendar-year-not-covered` when `date` is outside the calendar's years and
 *   `options.outsideCoverage` is not `"assume-weekdays"`.
 * @category Calendar
 * @example
 * ```ts
 * import { isStatutoryHoliday } from "shuangsuiji/calendar";
 * isStatutoryHoliday("2025-01-28"); // true  (除夕, statutory from 2025)
 * isStatutoryHoliday("2023-01-21"); // false (除夕 2023: off, but statutory only from 2025)
 * isStatutoryHoliday("2027-02-05", { outsideCoverage: "assume-weekdays" }); // true (除夕 2027, by statute)
 * ```
 */
export function isStatutoryHoliday(date: string, options?: CalendarOptions): boolean {
  return hasFlag(date, options, STATUTORY);
}
