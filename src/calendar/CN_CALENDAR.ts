import { BUNDLED_CALENDAR_DATA } from "./_data.js";
import { buildCalendar } from "./_buildCalendar.js";
import { dayNumber, formatDayNumber } from "./_days.js";
import type { CalendarEntry, HolidayCalendar } from "./HolidayCalendar.js";

// Decodes the compact form of _data.ts (described there; written by scripts/build-calendar.ts): runs of days as the
// name's letter, the day of the year in two base-36 digits and the length minus one in one; the statutory days as one
// base-36 code per holiday run, offset × 5 + count.
/** @internal The festival headings of the bundled data (元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节 first). */
export const NAMES = BUNDLED_CALENDAR_DATA.names.split(",");

/** The days of the runs in `spec`, in order, with their names; with `codes`, each run's statutory days go to `statutory`. */
function runs(year: number, spec: string, codes = "", statutory: string[] = []): CalendarEntry[] {
  const out: CalendarEntry[] = [];
  const jan1 = dayNumber(year, 1, 1);
  for (let i = 0; i < spec.length; i += 4) {
    const first = jan1 + parseInt(spec.slice(i + 1, i + 3), 36);
    // offset × 5 + count; NaN without a code (make-up working days): no statutory day
    const code = parseInt(codes[i / 4]!, 36);
    const offset = (code / 5) | 0;
    for (let k = 0; k <= parseInt(spec[i + 3]!, 36); k++) {
      const date = formatDayNumber(first + k);
      out.push({ date, name: NAMES[spec.charCodeAt(i) - 97]! });
      if (k >= offset && k < offset + (code % 5)) statutory.push(date);
    }
  }
  return out;
}

// Built and checked as createHolidayCalendar builds and checks a caller's years (deep-frozen, registered).
const bundled = (): HolidayCalendar =>
  buildCalendar(
    BUNDLED_CALENDAR_DATA.years.map((text, i) => {
      const year = BUNDLED_CALENDAR_DATA.firstYear + i;
      const [h, w, s, n] = text.split("|") as [string, string, string, string];
      const statutoryDays: string[] = [];
      return {
        year,
        holidays: runs(year, h, s, statutoryDays),
        workdays: runs(year, w),
        statutoryDays: statutoryDays.sort(),
        notices: (n === "" ? [] : n.split(" ")).map((u) => `http${u[0] === "s" ? "s" : ""}://www.gov.cn/zhengce/zhengceku/${u.replace(/^s/, "")}.htm`),
      };
    }),
    BUNDLED_CALENDAR_DATA.source,
  );

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
