import { CN_CALENDAR } from "../calendar/CN_CALENDAR.js";
import type { CalendarOptions, HolidayCalendar } from "../calendar/HolidayCalendar.js";
import { refuse } from "./_lifecycle.js";
import { text } from "./_rules.js";

/** The working days of the legal deadlines are the State Council's (国务院办公厅关于部分节假日安排的通知; regulations.md §5). */
export const OFFICIAL_CALENDAR_CLAUSE = "Longting art. 22; Wolong 3.2; Wancheng art. 21; Chongqing 6.6; Yanshi 7.5 (20个工作日: 工作日 per 国务院办公厅关于部分节假日安排的通知)";

const AGREES = new WeakMap<object, boolean>();
const dates = (xs: readonly { readonly date: string }[] | undefined) => (xs ?? []).map((x) => x.date).sort().join(",");

/**
 * Whether a calendar agrees with the bundled official calendar on every year both cover (holidays and make-up working
 * days). Years the bundle does not cover (a later State Council notice added with addCalendarYears) cannot be checked.
 */
export function agreesWithOfficial(cal: HolidayCalendar): boolean {
  if (cal === CN_CALENDAR) return true;
  const known = AGREES.get(cal);
  if (known !== undefined) return known;
  let ok = true;
  for (let y = Math.max(cal.firstYear, CN_CALENDAR.firstYear); ok && y <= Math.min(cal.lastYear, CN_CALENDAR.lastYear); y++) {
    const a = cal.years[y];
    const b = CN_CALENDAR.years[y]!;
    ok = a !== undefined && dates(a.holidays) === dates(b.holidays) && dates(a.workdays) === dates(b.workdays);
  }
  AGREES.set(cal, ok);
  return ok;
}

/**
 * The calendar a legal deadline is computed on: the caller's, if it agrees with the official one; otherwise refused
 * (`official-calendar`) unless the caller explicitly opts out with a reason (`nonOfficialCalendar`), which is returned to
 * be recorded.
 */
export function requireOfficialCalendar(options: CalendarOptions | undefined, optOut: unknown, path: (string | number)[]): { readonly official: boolean; readonly nonOfficialReason?: string } {
  const cal = options?.calendar;
  if (cal === undefined || agreesWithOfficial(cal)) return { official: true };
  const reason = optOut !== null && typeof optOut === "object" ? text((optOut as { reason?: unknown }).reason) : "";
  if (reason === "") {
    refuse("invalid-input", "official-calendar", OFFICIAL_CALENDAR_CLAUSE, "法定期限的工作日以国务院办公厅节假日安排通知为准：所给日历与官方日历不一致；确需使用，须以 nonOfficialCalendar.reason 明示理由并记录", "the working days of a legal deadline are the State Council's: the calendar given differs from the official one; to use it anyway, opt out explicitly with nonOfficialCalendar.reason, which is recorded", path);
  }
  return { official: false, nonOfficialReason: reason };
}
