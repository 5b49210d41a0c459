import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";
import { ruleIssue } from "../errors/_calendarRules.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { isoWeekday, parseDayNumber } from "./_days.js";
import { invalid, isPlainObject, readPlain, requireString } from "./_read.js";
import { registerCalendar } from "./_known.js";
import type { CalendarYearData, HolidayCalendar } from "./HolidayCalendar.js";

// The checks of createHolidayCalendar, shared with every function that accepts plain calendar data (`_registry.ts`).
// Imported directly, never injected: the package is "sideEffects": false, so a bundler drops a module nothing imports
// (and with it any registration it would make), and a calendar function bundled without createHolidayCalendar must
// still check the plain data it is given.

/** Most years one calendar may cover (public as MAX_CALENDAR_YEARS). */
export const MAX_YEARS = 1000;

/** @internal Reads, checks and freezes per-year data into a calendar (createHolidayCalendar's checks). */
export const buildCalendar = (years: unknown, source: string): HolidayCalendar => build(readYears(years), source);

/** Reads and shape-checks the per-year data (a copy: the caller's objects are never frozen or kept). */
function readYears(input: unknown): CalendarYearData[] {
  const years = readPlain(input, ["years"]);
  if (!Array.isArray(years)) invalid(["years"], "expected an array of years", "应为年度数组", input);
  if (years.length > MAX_YEARS) invalid(["years"], `more than ${MAX_YEARS} years`, `年度超过${MAX_YEARS}个`, years, "input-limit");
  const entries = (v: unknown, path: (string | number)[]) => {
    if (!Array.isArray(v)) invalid(path, "expected an array of { date, name }", "应为 { date, name } 数组", v);
    v.forEach((e, j) => {
      if (!isPlainObject(e)) invalid([...path, j], "expected { date, name }", "应为 { date, name }", e);
      requireString(e.date, [...path, j, "date"], 10);
      requireString(e.name, [...path, j, "name"], 200);
    });
  };
  const strings = (v: unknown, path: (string | number)[], max: number) => {
    if (v === undefined) return;
    if (!Array.isArray(v)) invalid(path, "expected an array of strings", "应为字符串数组", v);
    v.forEach((s, j) => requireString(s, [...path, j], max));
  };
  years.forEach((yd, i) => {
    if (!isPlainObject(yd)) invalid([i], "expected a year's data { year, holidays, workdays }", "应为年度数据 { year, holidays, workdays }", yd);
    entries(yd.holidays, [i, "holidays"]);
    entries(yd.workdays, [i, "workdays"]);
    strings(yd.statutoryDays, [i, "statutoryDays"], 10);
    strings(yd.notices, [i, "notices"], 10_000);
  });
  return years as CalendarYearData[];
}

function build(years: readonly CalendarYearData[], source: string): HolidayCalendar {
  const issues: RuleIssue[] = [];
  const bad = (path: (string | number)[], en: string, zh: string, value?: unknown) =>
    issues.push(ruleIssue("calendar-year-data", path, { detailEn: en, detailZh: zh, value }));
  if (years.length === 0) bad([], "no years given", "未提供任何年度");
  const byYear = new Map<number, CalendarYearData>();
  years.forEach((yd, i) => {
    if (!Number.isInteger(yd.year) || yd.year < 1 || yd.year > 9999) return bad([i, "year"], "not a year", "年度无效", yd.year);
    if (byYear.has(yd.year)) bad([i, "year"], `year ${yd.year} given twice`, `${yd.year}年重复`, yd.year);
    byYear.set(yd.year, yd);
    const seen = new Set<string>();
    const dateOk = (d: string, path: (string | number)[]) => {
      const n = typeof d === "string" ? parseDayNumber(d) : undefined;
      if (n === undefined) {
        issues.push(ruleIssue("civil-date", path, { value: d }));
        return undefined;
      }
      if (!d.startsWith(`${String(yd.year).padStart(4, "0")}-`)) bad(path, `date not in ${yd.year}`, `日期不属于${yd.year}年`, d);
      return n;
    };
    yd.holidays.forEach((h, j) => {
      dateOk(h.date, [i, "holidays", j, "date"]);
      if (seen.has(h.date)) bad([i, "holidays", j, "date"], "date listed twice", "日期重复", h.date);
      seen.add(h.date);
    });
    yd.workdays.forEach((w, j) => {
      const n = dateOk(w.date, [i, "workdays", j, "date"]);
      if (n !== undefined && isoWeekday(n) <= 5) {
        bad([i, "workdays", j, "date"], "a make-up working day must be a Saturday or Sunday", "调休上班日应为周六或周日", w.date);
      }
      if (seen.has(w.date)) bad([i, "workdays", j, "date"], "date is both a holiday and a working day", "日期既是假日又是工作日", w.date);
      seen.add(w.date);
    });
    const holidaySet = new Set(yd.holidays.map((h) => h.date));
    (yd.statutoryDays ?? []).forEach((s, j) => {
      dateOk(s, [i, "statutoryDays", j]);
      if (!holidaySet.has(s)) bad([i, "statutoryDays", j], "a statutory day must be one of the holidays", "法定节假日应属于放假日期", s);
    });
  });
  const ys = [...byYear.keys()].sort((a, b) => a - b);
  const first = ys[0] ?? 0;
  const last = ys[ys.length - 1] ?? 0;
  if (ys.length > 0 && last - first + 1 !== ys.length) {
    bad([], `years must be contiguous (${first}–${last} has gaps)`, `年度必须连续（${first}–${last}有缺失）`);
  }
  if (issues.length > 0) throw new ShuangsuijiError("calendar-data-invalid", issues);
  const record: Record<number, CalendarYearData> = {};
  for (const y of ys) record[y] = byYear.get(y)!;
  return registerCalendar(deepFreeze({ kind: "holiday-calendar" as const, source, firstYear: first, lastYear: last, years: record }));
}
