import { CN_CALENDAR } from "../calendar/CN_CALENDAR.js";
import { computeDeadline, type Deadline } from "../calendar/computeDeadline.js";
import type { DeadlineRuleId } from "../calendar/DEADLINE_RULES.js";
import type { CalendarOptions } from "../calendar/HolidayCalendar.js";
import type { Lateness } from "./TaskLifecycle.js";

// A deadline computed on `outsideCoverage: "assume-weekdays"` is provisional: the year it reaches has no State Council
// holiday notice in the calendar, so its 工作日 are not known (Longting art. 22; Wolong 3.2; Chongqing 6.6). Lateness is
// never asserted from it: the act is judged on the calendar it is given, and when that calendar does not cover the
// year either, the act is on time only if it falls before that year begins (the deadline lies after it) — otherwise
// its lateness is undecided (`late: null`).

/** The last day a calendar covers. */
const lastCovered = (o: CalendarOptions | undefined): string => `${String((o?.calendar ?? CN_CALENDAR).lastYear).padStart(4, "0")}-12-31`;
const firstCovered = (o: CalendarOptions | undefined): string => `${String((o?.calendar ?? CN_CALENDAR).firstYear).padStart(4, "0")}-01-01`;

/**
 * Judges an act dated `on` against the `rule`'s deadline from `from`, on `calendar` (never throws for coverage): the
 * deadline (provisional when the calendar does not cover its year) and whether the act was late — `null` (undecided) when
 * the deadline is provisional and the act falls in the year the calendar does not cover (`null`: undecided).
 */
export function judgeLateness(rule: DeadlineRuleId, from: string, on: string, calendar: CalendarOptions | undefined): { readonly deadline: Deadline; readonly late: Lateness } {
  const deadline = computeDeadline(rule, from, { ...(calendar ?? {}), outsideCoverage: "assume-weekdays" });
  if (!deadline.provisional) return { deadline, late: on > deadline.date };
  // from a covered day, a provisional deadline lies after the covered years: an act within them is on time
  if (from >= firstCovered(calendar) && on <= lastCovered(calendar)) return { deadline, late: false };
  return { deadline, late: null };
}

/**
 * The deadline date to answer with on the caller's `calendar`, for a deadline recorded as `stored`: the recorded date
 * when it was final; otherwise recomputed on `calendar`. When that calendar does not cover the deadline's year either,
 * the provisional date is enough as long as every date compared with it (`latest`, the latest of them) lies within the
 * covered years; past them, the caller's `outsideCoverage: "assume-weekdays"` answers provisionally, and without it
 * `calendar-year-not-covered` is thrown (computeDeadline's) — or, with `uncovered: "undecided"`, `null` is returned.
 */
export function deadlineToAnswer(rule: DeadlineRuleId, stored: { readonly from: string; readonly date: string; readonly provisional?: boolean }, latest: string, calendar: CalendarOptions | undefined, uncovered: "throw" | "undecided" = "throw"): string | null {
  if (stored.provisional !== true) return stored.date;
  const d = computeDeadline(rule, stored.from, { ...(calendar ?? {}), outsideCoverage: "assume-weekdays" });
  if (!d.provisional || calendar?.outsideCoverage === "assume-weekdays") return d.date;
  if (stored.from >= firstCovered(calendar) && latest <= lastCovered(calendar)) return d.date;
  return uncovered === "undecided" ? null : computeDeadline(rule, stored.from, calendar).date;
}
