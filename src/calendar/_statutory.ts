import { NAMES } from "./CN_CALENDAR.js";
import { dayNumber } from "./_days.js";
import { STATUTORY_DAYS_DATA } from "./_statutoryData.js";

/** @internal Last year whose statutory days are known without a notice (the end of the generated lunar table). */
export const STATUTORY_LAST_YEAR = STATUTORY_DAYS_DATA.firstYear + STATUTORY_DAYS_DATA.qingming.length - 1;

/**
 * @internal The statutory days (法定节假日) of year `y` as [day number, festival], for a year that a calendar does not
 * cover, from 2025 to {@link STATUTORY_LAST_YEAR} (none for another year): the 13 days of 《全国年节及纪念日放假办法》
 * art. 2 (2024 revision, in force 2025-01-01), which hold every year whatever the annual notice adds — 元旦 1 January;
 * 春节 除夕 and 正月初一–初三; 清明; 劳动节 1–2 May; 端午 五月初五; 中秋 八月十五; 国庆 1–3 October — the lunar-dated ones
 * from the generated table (_statutoryData.ts). The notice's other days off and its make-up working days (调休, and
 * art. 6's day in lieu of a holiday on a weekend) are unknown: none is placed. 中秋 on a day of 国庆 is named as the
 * notices name that day (国庆节、中秋节).
 */
export function statutoryDays(y: number): [number, string][] {
  const k = y - STATUTORY_DAYS_DATA.firstYear;
  const q = STATUTORY_DAYS_DATA.qingming[k];
  if (q === undefined) return [];
  const v = (i: number) => parseInt(STATUTORY_DAYS_DATA.lunar[2 * k + i]!, 36);
  // one base-36 digit per lunar interval: 0–2 days over the shortest, 3–5 with a leap month in it (+27)
  const months = (x: number) => x + (x > 2 ? 27 : 0);
  const d = (m: number, day: number) => dayNumber(y, m, day);
  const chuyi = d(1, 21) + v(0);
  const duanwu = chuyi + 121 + months((v(1) / 6) | 0);
  const zhongqiu = duanwu + 97 + months(v(1) % 6);
  const days = [d(1, 1), chuyi - 1, chuyi, chuyi + 1, chuyi + 2, d(4, +q), d(5, 1), d(5, 2), duanwu, zhongqiu, d(10, 1), d(10, 2), d(10, 3)];
  // the festival of each day, as an index into NAMES (元旦 0, 春节 1, 清明节 2, 劳动节 3, 端午节 4, 中秋节 5, 国庆节 6)
  return days.map((n, i) => [n, NAMES[i > 9 && n === zhongqiu ? 9 : +"0111123345666"[i]!]!]);
}
