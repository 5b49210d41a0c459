import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { ruleIssue } from "../errors/_calendarRules.js";
import type { CivilDate } from "./CivilDate.js";
import { FIRST_DAY, LAST_DAY, formatDayNumber } from "./_days.js";
import { preview } from "./_read.js";


const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * The civil date in China of an instant. China Standard Time is UTC+8 with no daylight saving since 1991, so the
 * mapping is `floor((epochMillis + 8 h) / 1 day)` — the machine's own time zone plays no part. Before 1992 (when
 * summer time was used in 1986–1991) the result can differ by one hour's worth of date near midnight; official
 * deadlines in this library start in 2010.
 *
 * @param date - An instant (a JavaScript `Date`).
 * @returns Its date in China (UTC+8), `YYYY-MM-DD`.
 * @throws {@link ShuangsuijiError} `invalid-date` when `date` is not a valid `Date` or falls outside the years
 *   0001–9999.
 * @category Calendar
 * @example
 * ```ts
 * import { civilDateFromDate } from "shuangsuiji/calendar";
 * civilDateFromDate(new Date("2026-01-31T16:30:00Z")); // "2026-02-01" (00:30 in Beijing)
 * ```
 */
export function civilDateFromDate(date: Date): CivilDate {
  let ms = Number.NaN;
  try {
    ms = Date.prototype.getTime.call(date); // throws for anything that is not a Date
  } catch {
    // refused below
  }
  const day = Math.floor((ms + CHINA_OFFSET_MS) / 86_400_000);
  if (!Number.isFinite(ms) || day < FIRST_DAY || day > LAST_DAY) {
    throw new ShuangsuijiError("invalid-date", [ruleIssue("civil-date", ["date"], { value: preview(date), detailZh: "应为0001–9999年内的有效 Date", detailEn: "expected a valid Date in the years 0001–9999" })]);
  }
  return formatDayNumber(day) as CivilDate;
}
