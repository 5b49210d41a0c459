// Civil dates as integer day numbers (days since 1970-01-01) — proleptic Gregorian, no Date objects, so no time-zone
// dependence. Algorithms after H. Hinnant, "chrono-Compatible Low-Level Date Algorithms".

export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Day numbers of 0001-01-01 and 9999-12-31, the years a civil date is written in: literals, so that bundlers inline
 * them (test/calendar/properties.test.ts checks them against dayNumber).
 */
export const FIRST_DAY = -719_162;
export const LAST_DAY = 2_932_896;

export function civilFromDayNumber(n: number): [y: number, m: number, d: number] {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

const pad = (n: number, w: number) => String(n).padStart(w, "0");

export function formatDayNumber(n: number): string {
  const [y, m, d] = civilFromDayNumber(n);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

const RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a `YYYY-MM-DD` string, or undefined when it is not a real date (years 0001–9999). */
export function parseDayNumber(s: string): number | undefined {
  const m = RE.exec(s);
  if (m === null) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return dayNumber(y, mo, d);
}

/** ISO weekday, Monday = 1 … Sunday = 7. 1970-01-01 was a Thursday. */
export function isoWeekday(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** Number of Mon–Fri days in (-∞, n] relative to a fixed origin; differences count weekdays in (a, b]. */
export function weekdayRank(n: number): number {
  const s = n + 3; // s ≡ 0 (mod 7) on Mondays
  const q = Math.floor((s + 1) / 7);
  const r = s + 1 - 7 * q;
  return 5 * q + Math.min(r, 5);
}
