import { CN_CALENDAR } from "./CN_CALENDAR.js";
import type { CalendarOptions } from "./HolidayCalendar.js";
import { dayArg, engine } from "./_index.js";

/**
 * The number of working days `d` with `earlier < d ≤ later` (negative when `later` is before `earlier`). It inverts
 * {@link addWorkingDays}: `differenceInWorkingDays(addWorkingDays(x, n), x) === n` for `n ≥ 0`. O(1).
 *
 * @category Calendar
 * @example
 * ```ts
 * import { differenceInWorkingDays } from "shuangsuiji/calendar";
 * differenceInWorkingDays("2025-10-30", "2025-09-26"); // 20
 * ```
 */
export function differenceInWorkingDays(later: string, earlier: string, options?: CalendarOptions): number {
  const e = engine(options, CN_CALENDAR);
  return e.count(dayArg(later, "later"), "later") - e.count(dayArg(earlier, "earlier"), "earlier");
}
