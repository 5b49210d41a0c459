import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import type { CivilDate } from "./CivilDate.js";
import type { CalendarOptions } from "./HolidayCalendar.js";
import { civilFromDayNumber, dayNumber, daysInMonth } from "./_days.js";
import { HOLIDAY, dayArg, engine, readCalendarOptions, toCivil } from "./_index.js";
import { isPlainObject, preview, readPlain } from "./_read.js";

/**
 * A period counted in days, months or years (exactly one unit, a positive integer).
 *
 * @category Calendar
 */
export type LegalPeriod = { readonly days: number } | { readonly months: number } | { readonly years: number };

/**
 * Options of {@link addLegalPeriod}.
 *
 * @category Calendar
 */
export interface LegalPeriodOptions extends CalendarOptions {
  /**
   * What 民法典 art. 203 rolls over when the last day is a 法定休假日:
   * - `"non-working-day"` (default): any day that is not a working day — statutory holidays, the notice's shifted
   *   rest days and ordinary weekends (Saturday and Sunday are rest days: 《国务院关于职工工作时间的规定》 art. 7);
   * - `"holiday"`: only days off under the holiday notice (the literal reading); an ordinary weekend does not roll;
   * - `"none"`: no rollover (art. 204: another law may provide otherwise).
   */
  readonly rollOver?: "non-working-day" | "holiday" | "none";
}

/**
 * The last day of a period counted under 民法典 arts. 201–203: the start day is not counted (201); a month or year
 * period ends on the corresponding day of the final month, or on that month's last day if it has none (202); if that
 * last day is a 法定休假日, the period ends on the day after the holiday ends (203, see `rollOver`). Used for the
 * 3-month and 3-year publication periods of 45号令 art. 13 and the credit-repair periods.
 *
 * @param date - The start day `YYYY-MM-DD` (not counted itself).
 * @param period - Exactly one of `{ days }`, `{ months }` or `{ years }`, a positive whole number.
 * @param options - The calendar and its options, and `rollOver` (what a last day on a rest day rolls over).
 * @returns The last day of the period, after any rollover.
 * @throws {@link ShuangsuijiError} `invalid-date` when `date` is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `invalid-argument` when `period` is not one positive whole number of days, months or
 *   years, `options.rollOver` is unknown, or the result falls after 9999-12-31.
 * @throws {@link ShuangsuijiError} `invalid-input` when `options` is malformed (see {@link CalendarOptions}).
 * @throws {@link ShuangsuijiError} `calendar-year-not-covered` when the rollover needs a day outside the calendar's
 *   years and `options.outsideCoverage` is not `"assume-weekdays"` (never with `rollOver: "none"`).
 * @category Calendar
 * @example
 * ```ts
 * import { addLegalPeriod } from "shuangsuiji/calendar";
 * addLegalPeriod("2025-11-30", { months: 3 }); // "2026-02-28": no 30 Feb → month end (a make-up working Saturday)
 * addLegalPeriod("2025-12-07", { months: 3 }); // "2026-03-09": 3-07 is a Saturday → next working day
 * addLegalPeriod("2025-12-07", { months: 3 }, { rollOver: "holiday" }); // "2026-03-07": a weekend does not roll
 * addLegalPeriod("2025-07-01", { months: 3 }); // "2025-10-09": 10-01 falls in the 国庆 break
 * ```
 */
export function addLegalPeriod(date: string, period: LegalPeriod, options: LegalPeriodOptions = {}): CivilDate {
  const start = dayArg(date);
  const opts = readCalendarOptions(options);
  const p = readPlain(period, ["period"]);
  const entries = (isPlainObject(p) ? Object.entries(p) : []) as [string, unknown][];
  const [unit, amount] = entries[0] ?? ["", undefined];
  if (entries.length !== 1 || !["days", "months", "years"].includes(unit) || !Number.isSafeInteger(amount) || (amount as number) < 1 || (amount as number) > 9999 * 366) {
    throw new ShuangsuijiError("invalid-argument", [
      {
        path: ["period"],
        rule: "legal-period",
        clause: "民法典 art. 201–202",
        messageZh: "期间应为且仅为一个正整数的日、月或年",
        messageEn: "a period is exactly one positive whole number of days, months or years",
        value: preview(period),
      },
    ]);
  }
  const k = amount as number;
  let last: number;
  if (unit === "days") {
    last = start + k;
  } else {
    const [y, m, d] = civilFromDayNumber(start);
    const monthIndex = y * 12 + (m - 1) + (unit === "months" ? k : 12 * k);
    const ty = Math.floor(monthIndex / 12);
    const tm = (monthIndex % 12) + 1;
    last = dayNumber(ty, tm, Math.min(d, daysInMonth(ty, tm)));
  }
  const mode = opts.rollOver ?? "non-working-day";
  if (mode !== "non-working-day" && mode !== "holiday" && mode !== "none") {
    throw new ShuangsuijiError("invalid-argument", [
      { path: ["options", "rollOver"], rule: "legal-period", clause: "民法典 art. 203–204", messageZh: "rollOver 取值无效", messageEn: 'rollOver must be "non-working-day", "holiday" or "none"', value: preview(mode) },
    ]);
  }
  toCivil(last); // a last day beyond 9999-12-31 is refused before any rollover loop
  if (mode === "none") return toCivil(last);
  const e = engine(opts);
  if (mode === "non-working-day") {
    while (!e.isWorking(last, "date")) last++;
  } else {
    for (;;) {
      const f = e.flags(last, "date");
      if (f === undefined || (f & HOLIDAY) === 0) break;
      last++;
    }
  }
  return toCivil(last);
}
