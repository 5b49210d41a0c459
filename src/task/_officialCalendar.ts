import { CN_CALENDAR } from "../calendar/CN_CALENDAR.js";
import type { CalendarOptions, HolidayCalendar } from "../calendar/HolidayCalendar.js";
import { refuse } from "./_lifecycle.js";
import { text } from "./_rules.js";

/** The working days of the legal deadlines are the State Council's (国务院办公厅关于部分节假日安排的通知; regulations.md §5). */
export const OFFICIAL_CALENDAR_CLAUSE = "Longting art. 22; Wolong 3.2; Wancheng art. 21; Chongqing 6.6; Yanshi 7.5 (20个工作日: 工作日 per 国务院办公厅关于部分节假日安排的通知)";

const AGREES = new WeakMap<object, boolean>();
const dates = (xs: readonly { readonly date: string }[] | undefined) => (xs ?? []).map((x) => x.date).sort().join(",");

/**
 * 《全国年节及纪念日放假办法》 art. 2 (4th revision, from 2025): the fixed-date days of 元旦, 劳动节 and 国庆 every year's
 * notice gives off, and the number of statutory days (13; 11 before 2025). Art. 6 makes up a nationwide holiday falling
 * on a weekend on a working day, and art. 7's swaps (调休) pair a weekday off with a weekend worked, so a year's
 * weekdays off minus its make-up working days is the number of statutory days — from one below (a swap across the
 * year's end) to two above (a one-off notice: 2015, 2020); the bundled 2010–2026 notices give 10–13 for 11 and 13 for 13.
 * The lunar-dated days (春节, 清明, 端午, 中秋) cannot be placed without a lunar table: only their count is checked.
 */
function statutoryProblem(y: number, entry: { readonly holidays?: readonly { readonly date: string }[]; readonly workdays?: readonly { readonly date: string }[] } | undefined): string | undefined {
  if (entry === undefined) return `${y}年没有节假日数据 / no data for ${y}`;
  const since2025 = y >= 2025;
  const fixed = since2025 ? ["01-01", "05-01", "05-02", "10-01", "10-02", "10-03"] : ["01-01", "05-01", "10-01", "10-02", "10-03"];
  const off = new Set((entry.holidays ?? []).map((h) => h.date));
  const missing = fixed.map((md) => `${String(y).padStart(4, "0")}-${md}`).filter((d) => !off.has(d));
  if (missing.length > 0) return `${y}年缺少法定节假日${missing.join("、")} / ${y} lacks the statutory days ${missing.join(", ")}`;
  const weekday = (d: string) => {
    const w = new Date(`${d}T00:00:00Z`).getUTCDay();
    return w !== 0 && w !== 6;
  };
  const net = [...off].filter(weekday).length - (entry.workdays ?? []).length;
  const days = since2025 ? 13 : 11;
  if (net < days - 1 || net > days + 2) return `${y}年工作日放假${net}天（扣除调休上班），与法定节假日${days}天不符 / ${y} takes ${net} weekdays off net of make-up working days, not the ${days} statutory days`;
  return undefined;
}

const PROBLEMS = new WeakMap<object, string | null>();

/**
 * Why a calendar is not the official one, or `undefined` when it is: on every year the bundle covers it must agree with
 * the bundled official calendar (holidays and make-up working days); a year the bundle does not cover (a later State
 * Council notice added with addCalendarYears) cannot be compared, so where the deadline touches it (`years`, first and
 * last) it must at least hold 《全国年节及纪念日放假办法》 art. 2's fixed-date statutory days and take as many weekdays off
 * (net of make-up days) as there are statutory days (hostile7a F5: a made-up year otherwise moved the legal deadline
 * without the opt-out).
 */
export function officialCalendarProblem(cal: HolidayCalendar, years?: { readonly first: number; readonly last: number }): string | undefined {
  if (cal === CN_CALENDAR) return undefined;
  let bundled = PROBLEMS.get(cal);
  if (bundled === undefined) {
    let problem: string | undefined;
    for (let y = Math.max(cal.firstYear, CN_CALENDAR.firstYear); problem === undefined && y <= Math.min(cal.lastYear, CN_CALENDAR.lastYear); y++) {
      const a = cal.years[y];
      const b = CN_CALENDAR.years[y]!;
      if (a === undefined || dates(a.holidays) !== dates(b.holidays) || dates(a.workdays) !== dates(b.workdays)) problem = `${y}年与官方日历不一致 / ${y} differs from the official calendar`;
    }
    bundled = problem ?? null;
    PROBLEMS.set(cal, bundled);
  }
  if (bundled !== null) return bundled;
  if (years === undefined) return undefined;
  for (let y = Math.max(years.first, cal.firstYear); y <= Math.min(years.last, cal.lastYear); y++) {
    if (CN_CALENDAR.years[y] !== undefined) continue;
    const problem = statutoryProblem(y, cal.years[y]);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** Whether a calendar agrees with the official one on the years the bundle covers (see {@link officialCalendarProblem}). */
export const agreesWithOfficial = (cal: HolidayCalendar): boolean => officialCalendarProblem(cal) === undefined;

/**
 * The calendar a legal deadline is computed on (the deadline's `span`, from the event to the last day, decides which
 * added years are checked): the caller's, if it agrees with the official one; otherwise refused
 * (`official-calendar`) unless the caller explicitly opts out with a reason (`nonOfficialCalendar`), which is returned to
 * be recorded.
 */
export function requireOfficialCalendar(options: CalendarOptions | undefined, optOut: unknown, path: (string | number)[], span?: { readonly from: string; readonly to: string }): { readonly official: boolean; readonly nonOfficialReason?: string } {
  const cal = options?.calendar;
  const problem = cal === undefined ? undefined : officialCalendarProblem(cal, span === undefined ? undefined : { first: Number(span.from.slice(0, 4)), last: Number(span.to.slice(0, 4)) });
  if (problem === undefined) return { official: true };
  const reason = optOut !== null && typeof optOut === "object" ? text((optOut as { reason?: unknown }).reason, ["nonOfficialCalendar", "reason"]) : "";
  if (reason === "") {
    refuse("invalid-input", "official-calendar", `${OFFICIAL_CALENDAR_CLAUSE}; 全国年节及纪念日放假办法 (第二条)`, `法定期限的工作日以国务院办公厅节假日安排通知为准：所给日历不是官方日历（${problem.split(" / ")[0]}）；确需使用，须以 nonOfficialCalendar.reason 明示理由并记录`, `the working days of a legal deadline are the State Council's: the calendar given is not the official one (${problem.split(" / ")[1]}); to use it anyway, opt out explicitly with nonOfficialCalendar.reason, which is recorded`, path);
  }
  return { official: false, nonOfficialReason: reason };
}
