import type { CivilDate } from "./CivilDate.js";
import type { CalendarOptions } from "./HolidayCalendar.js";
import { dayArg, engine, toCivil } from "./_index.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";

/**
 * The `n`-th working day after `date`. The start day itself is never counted (民法典 art. 201: 开始的当日不计入),
 * whether or not it is a working day, so "within 20 working days from the task's completion" ends on
 * `addWorkingDays(completion, 20)`. A negative `n` counts back: the `|n|`-th working day before `date`. `n = 0`
 * returns `date` unchanged. O(log n) on the precomputed index.
 *
 * @param date - The start day `YYYY-MM-DD` (not counted).
 * @param n - Working days to add (negative: count back; 0: `date` itself).
 * @param options - The calendar and its options.
 * @returns The `n`-th working day after (or before) `date`.
 * @throws {@link ShuangsuijiError} `invalid-argument` when `n` is not a safe integer or the result falls outside the
 *   years 0001–9999.
 * @throws {@link ShuangsuijiError} `invalid-date` when `date` is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `invalid-input` when `options` is malformed (see {@link CalendarOptions}).
 * @throws {@link ShuangsuijiError} `calendar-year-not-covered` when the count leaves the calendar's years and
 *   `options.outsideCoverage` is not `"assume-weekdays"`.
 * @category Calendar
 * @example
 * ```ts
 * import { addWorkingDays } from "shuangsuiji/calendar";
 * // Task completed Friday 2025-09-26: the 国庆/中秋 break is skipped, the make-up days 9-28 and 10-11 count.
 * addWorkingDays("2025-09-26", 20); // "2025-10-30"
 * addWorkingDays("2026-10-08", -1); // "2026-09-30"
 * ```
 */
export function addWorkingDays(date: string, n: number, options?: CalendarOptions): CivilDate {
  if (!Number.isSafeInteger(n)) {
    throw new ShuangsuijiError("invalid-argument", [
      { path: ["n"], rule: "integer", clause: "民法典 art. 201", messageZh: "工作日数应为整数", messageEn: "the number of working days must be an integer", value: n },
    ]);
  }
  const d = dayArg(date);
  if (n === 0) return toCivil(d);
  const e = engine(options);
  return toCivil(n > 0 ? e.firstWithCount(e.count(d, "date") + n, "date") : e.firstWithCount(e.count(d - 1, "date") + n + 1, "date"));
}
