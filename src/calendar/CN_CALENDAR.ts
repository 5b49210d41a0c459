import { BUNDLED_CALENDAR_DATA } from "./_data.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { registerCalendar } from "./_known.js";
import type { CalendarEntry, CalendarYearData, HolidayCalendar } from "./HolidayCalendar.js";

function expand(year: number, spec: string): CalendarEntry[] {
  if (spec === "") return [];
  const out: CalendarEntry[] = [];
  for (const group of spec.split(";")) {
    const [name, runs] = group.split(":") as [string, string];
    for (const run of runs.split(",")) out.push(...runDates(year, run).map((date) => ({ date, name })));
  }
  return out;
}

function runDates(year: number, run: string): string[] {
  const [a, b = a] = run.split("-") as [string, string?];
  const out: string[] = [];
  // Runs never cross a month end in a way that needs more than day stepping; step with Date-free arithmetic.
  let m = Number(a.slice(0, 2));
  let d = Number(a.slice(2));
  const endM = Number(b.slice(0, 2));
  const endD = Number(b.slice(2));
  for (;;) {
    out.push(`${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
    if (m === endM && d === endD) break;
    d++;
    const dim = m === 2 ? ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
    if (d > dim) {
      d = 1;
      m++;
    }
  }
  return out;
}

function bundled(): HolidayCalendar {
  const years: Record<number, CalendarYearData> = {};
  for (const [y, v] of Object.entries(BUNDLED_CALENDAR_DATA.years)) {
    const year = Number(y);
    years[year] = Object.freeze({
      year,
      holidays: Object.freeze(expand(year, v.h)),
      workdays: Object.freeze(expand(year, v.w)),
      statutoryDays: Object.freeze((v.s as string) === "" ? [] : v.s.split(",").flatMap((r) => runDates(year, r))),
      notices: Object.freeze([...(BUNDLED_CALENDAR_DATA.notices[y as keyof typeof BUNDLED_CALENDAR_DATA.notices] ?? [])]),
    });
  }
  return registerCalendar(
    deepFreeze({
      kind: "holiday-calendar" as const,
      source: BUNDLED_CALENDAR_DATA.source,
      firstYear: BUNDLED_CALENDAR_DATA.firstYear,
      lastYear: BUNDLED_CALENDAR_DATA.lastYear,
      years,
    }),
  );
}

/**
 * The official calendar shipped with the package: every holiday (放假), make-up working day (调休上班) and statutory
 * day (法定节假日) from the State Council General Office notices for **2010–2026** (the last announced year as of
 * this release), cross-checked day by day against four public datasets. Add later years with
 * {@link addCalendarYears}.
 *
 * @category Calendar
 * @example
 * ```ts
 * import { CN_CALENDAR } from "shuangsuiji/calendar";
 * console.log(CN_CALENDAR.firstYear, CN_CALENDAR.lastYear); // 2010 2026
 * ```
 */
export const CN_CALENDAR: HolidayCalendar = /* @__PURE__ */ bundled();
