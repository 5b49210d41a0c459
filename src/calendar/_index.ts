import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { ruleIssue } from "../errors/_calendarRules.js";
import { FIRST_DAY, LAST_DAY, civilFromDayNumber, dayNumber, formatDayNumber, isoWeekday, parseDayNumber, weekdayRank } from "./_days.js";
import type { CalendarOptions, HolidayCalendar } from "./HolidayCalendar.js";
import type { CivilDate } from "./CivilDate.js";
import { invalid, isPlainObject, preview, readPlain } from "./_read.js";
import { calendarFromData, isKnownCalendar } from "./_registry.js";
import { CN_CALENDAR } from "./CN_CALENDAR.js";
import { STATUTORY_LAST_YEAR, statutoryDays } from "./_statutory.js";

// Day status flags of the index.
const WORKING = 1;
export const MAKEUP = 2;
export const HOLIDAY = 4;
export const STATUTORY = 8;

interface Index {
  readonly start: number;
  readonly end: number;
  readonly status: Uint8Array;
  readonly names: ReadonlyMap<number, string>;
  /** cum[i] = working days in [start, start+i]. */
  readonly cum: Int32Array;
  cumNoMakeup?: Int32Array;
  /** The index under `outsideCoverage: "assume-weekdays"`, to the statutory days' last year (see {@link buildIndex}). */
  assumed?: Index;
}

const cache = new WeakMap<HolidayCalendar, Index>();

/**
 * The day index of `cal`, to `lastYear`: a year after the calendar's last (under `outsideCoverage: "assume-weekdays"`)
 * is Mon–Fri less the statutory days of 《全国年节及纪念日放假办法》 art. 2, which are never working days whatever a
 * later notice adds ({@link statutoryDays}: 元旦, 除夕–初三, 清明, 劳动节, 端午, 中秋, 国庆; hostile9b F1).
 */
function buildIndex(cal: HolidayCalendar, lastYear = cal.lastYear): Index {
  const start = dayNumber(cal.firstYear, 1, 1);
  const end = dayNumber(lastYear, 12, 31);
  const status = new Uint8Array(end - start + 1);
  const names = new Map<number, string>();
  for (let n = start; n <= end; n++) status[n - start] = isoWeekday(n) <= 5 ? WORKING : 0;
  for (let y = cal.firstYear; y <= lastYear; y++) {
    const yd = cal.years[y];
    if (yd === undefined) {
      for (const [n, name] of statutoryDays(y)) {
        status[n - start] = HOLIDAY | STATUTORY;
        names.set(n, name);
      }
      continue;
    }
    for (const h of yd.holidays) {
      const n = parseDayNumber(h.date) as number;
      status[n - start] = HOLIDAY;
      names.set(n, h.name);
    }
    for (const w of yd.workdays) {
      const n = parseDayNumber(w.date) as number;
      status[n - start] = WORKING | MAKEUP;
      names.set(n, w.name);
    }
    for (const s of yd.statutoryDays ?? []) {
      const n = parseDayNumber(s) as number;
      status[n - start] = (status[n - start] as number) | STATUTORY;
    }
  }
  return { start, end, status, names, cum: cumulate(status, 0) };
}

/** Running count of the days flagged WORKING and not `skip` (MAKEUP: make-up working days not counted). */
function cumulate(status: Uint8Array, skip: number): Int32Array {
  const cum = new Int32Array(status.length);
  let c = 0;
  status.forEach((f, i) => {
    if ((f & (WORKING | skip)) === WORKING) c++;
    cum[i] = c;
  });
  return cum;
}

/** The resolved view of a calendar under a set of options, over day numbers. */
export interface Engine {
  /** Status flags of a covered day, or undefined outside coverage (after the coverage check). */
  flags(n: number, field: string): number | undefined;
  isWorking(n: number, field: string): boolean;
  /** Cumulative working-day count F(n); F(b) − F(a) = working days in (a, b]. */
  count(n: number, field: string): number;
  /** Smallest day number x with F(x) ≥ target (it is always a working day). */
  firstWithCount(target: number, field: string): number;
  covered(n: number): boolean;
  nameOf(n: number): string | undefined;
}

/**
 * Reads {@link CalendarOptions} at the boundary: a plain object whose `calendar` is one made by this library (kept by
 * reference) or plain calendar data (checked by {@link calendarFromData}); `outsideCoverage` and
 * `ignoreMakeupWorkdays` of their documented types. Other keys (e.g. `rollOver`) are left to the caller.
 */
export function readCalendarOptions(options: unknown): CalendarOptions & Record<string, unknown> {
  if (options === undefined) return {};
  const o = readPlain(options, ["options"], isKnownCalendar);
  if (!isPlainObject(o)) invalid(["options"], "expected an options object", "应为选项对象", options);
  const { calendar, outsideCoverage, ignoreMakeupWorkdays } = o;
  if (outsideCoverage !== undefined && outsideCoverage !== "throw" && outsideCoverage !== "assume-weekdays") {
    invalid(["options", "outsideCoverage"], 'expected "throw" or "assume-weekdays"', "应为 throw 或 assume-weekdays", outsideCoverage);
  }
  if (ignoreMakeupWorkdays !== undefined && typeof ignoreMakeupWorkdays !== "boolean") {
    invalid(["options", "ignoreMakeupWorkdays"], "expected a boolean", "应为布尔值", ignoreMakeupWorkdays);
  }
  return { ...o, ...(calendar === undefined ? {} : { calendar: calendarFromData(calendar, ["options", "calendar"]) }) } as CalendarOptions & Record<string, unknown>;
}

/** The engine of `options.calendar`, by default {@link CN_CALENDAR}, under the options. */
export function engine(rawOptions: CalendarOptions | undefined): Engine {
  const options = readCalendarOptions(rawOptions);
  const cal = options.calendar ?? CN_CALENDAR;
  let idx = cache.get(cal);
  if (idx === undefined) {
    idx = buildIndex(cal);
    cache.set(cal, idx);
  }
  const own = idx;
  const assume = options.outsideCoverage === "assume-weekdays";
  // assumed: the statutory days of the years after the calendar are not working days; the coverage stays the calendar's
  const ix = assume ? (idx.assumed ??= buildIndex(cal, Math.max(cal.lastYear, STATUTORY_LAST_YEAR))) : idx;
  // with ignoreMakeupWorkdays, a working day flagged MAKEUP is not one
  const skip = options.ignoreMakeupWorkdays === true ? MAKEUP : 0;
  const cum = skip === 0 ? ix.cum : (ix.cumNoMakeup ??= cumulate(ix.status, MAKEUP));
  const covered = (n: number) => n >= own.start && n <= own.end;
  const indexed = (n: number) => n >= ix.start && n <= ix.end;
  const total = cum[cum.length - 1] as number;
  const uncovered = (n: number, field: string): never => {
    const [y] = civilFromDayNumber(n);
    throw new ShuangsuijiError("calendar-year-not-covered", [
      ruleIssue("calendar-coverage", [field], {
        value: formatDayNumber(n),
        detailZh: `${y}年不在${cal.firstYear}–${cal.lastYear}年范围内；可用 addCalendarYears 添加新通知，或显式选择 outsideCoverage: "assume-weekdays"`,
        detailEn: `${y} is outside ${cal.firstYear}–${cal.lastYear}; add the new notice with addCalendarYears, or opt in to outsideCoverage: "assume-weekdays"`,
      }),
    ]);
  };
  const check = (n: number, field: string) => {
    if (!covered(n) && !assume) uncovered(n, field);
  };
  // Weekday-only counting outside the index (beyond coverage, and beyond the statutory days under assume-weekdays),
  // anchored so that F(start − 1) = 0.
  const raw = (n: number): number =>
    n < ix.start ? weekdayRank(n) - weekdayRank(ix.start - 1) : n > ix.end ? total + weekdayRank(n) - weekdayRank(ix.end) : (cum[n - ix.start] as number);
  const count = (n: number, field: string): number => {
    check(n, field);
    return raw(n);
  };
  const firstWithCount = (target: number, field: string): number => {
    if (!assume && (target < 1 || target > total)) uncovered(target < 1 ? ix.start - 1 : ix.end + 1, field);
    // F is non-decreasing: binary search over every day a civil date can name, and a week either side (a result
    // there is refused by toCivil)
    let lo = FIRST_DAY - 7;
    let hi = LAST_DAY + 7;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (raw(mid) >= target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  return {
    covered,
    flags(n, field) {
      check(n, field);
      return indexed(n) ? (ix.status[n - ix.start] as number) : undefined;
    },
    isWorking(n, field) {
      check(n, field);
      return indexed(n) ? ((ix.status[n - ix.start] as number) & (WORKING | skip)) === WORKING : isoWeekday(n) <= 5;
    },
    count,
    firstWithCount,
    nameOf: (n) => ix.names.get(n),
  };
}


/** Whether `date` (the argument `date`) carries `flag` in the calendar of `options`; false outside the index (an uncovered year under assume-weekdays: only its statutory days carry flags). */
export const hasFlag = (date: string, options: CalendarOptions | undefined, flag: number): boolean =>
  ((engine(options).flags(dayArg(date), "date") ?? 0) & flag) !== 0;

/** Parses a date argument or throws `invalid-date` naming the field. */
export function dayArg(value: string, field = "date"): number {
  const n = typeof value === "string" ? parseDayNumber(value) : undefined; // anchored: a long string fails at once
  if (n === undefined) throw new ShuangsuijiError("invalid-date", [ruleIssue("civil-date", [field], { value: preview(value) })]);
  return n;
}

/** Formats a day number; a result outside 0001-01-01…9999-12-31 is refused (`invalid-argument`), never written with 5+ digits. */
export const toCivil = (n: number): CivilDate => {
  if (!(n >= FIRST_DAY && n <= LAST_DAY)) {
    throw new ShuangsuijiError("invalid-argument", [
      ruleIssue("civil-date", [], { detailZh: "结果超出0001–9999年范围", detailEn: "the result falls outside the years 0001–9999" }),
    ]);
  }
  return formatDayNumber(n) as CivilDate;
};
