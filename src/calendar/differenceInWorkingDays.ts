import type { CalendarOptions } from "./HolidayCalendar.js";
import { dayArg, engine } from "./_index.js";

/**
 * The number of working days `d` with `earlier < d ≤ later` (negative when `later` is before `earlier`). It inverts
 * {@link addWorkingDays}: `differenceInWorkingDays(addWorkingDays(x, n), x) === n` for `n ≥ 0`. O(1).
 *
 * @param later - The end day `YYYY-MM-DD` (counted).
 * @param earlier - The start day `YYYY-MM-DD` (not counted).
 * @param options - The calendar and its options.
 * @returns The number of working days in (`earlier`, `later`], negative when `later` comes first.
 * @throws {@link ShuangsuijiError} `invalid-date` when `later` or `earlier` is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `invalid-input` when `options` is malformed (see {@link CalendarOptions}).
 * @throws {@link ShuangsuijiError} `calendar-year-not-covered` when either day is outside the calendar's years and
 *   `options.outsideCoverage` is not `"assume-weekdays"`.
 * @category Calendar
 * @example
 * ```ts
 * import { differenceInWorkingDays } from "shuangsuiji/calendar";
 * differenceInWorkingDays("2025-10-30", "2025-09-26"); // 20
 * ```
 */
export function differenceInWorkingDays(later: string, earlier: string, options?: CalendarOptions): number {
  const e = engine(options);
  return e.count(dayArg(later, "later"), "later") - e.count(dayArg(earlier, "earlier"), "earlier");
}
