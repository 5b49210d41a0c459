import type { CivilDate } from "./CivilDate.js";
import { DEADLINE_RULES, type DeadlineRule, type DeadlineRuleId } from "./DEADLINE_RULES.js";
import type { CalendarOptions } from "./HolidayCalendar.js";
import { addWorkingDays } from "./addWorkingDays.js";
import { dayArg, engine } from "./_index.js";
import { own, preview } from "./_read.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";

/**
 * A computed deadline with its legal basis.
 *
 * @category Deadlines
 */
export interface Deadline {
  /** The rule applied. */
  readonly rule: DeadlineRuleId;
  /** The event date the period runs from. */
  readonly from: CivilDate;
  /** The last day (inclusive, to 24:00 or close of business — 民法典 art. 203). */
  readonly date: CivilDate;
  /** The rule's definition, basis included. */
  readonly definition: DeadlineRule;
  /** True when some day in the period lies in a year the calendar does not cover (only with `assume-weekdays`). */
  readonly provisional: boolean;
}

/**
 * Computes a working-day deadline of {@link DEADLINE_RULES}: the `workingDays`-th working day after `from` (the
 * event's own day not counted, 民法典 art. 201), with its legal basis.
 *
 * @param rule - A key of {@link DEADLINE_RULES}.
 * @param from - The day of the triggering event, `YYYY-MM-DD` (not counted).
 * @param options - The calendar and its options.
 * @returns The deadline, its rule and basis, and whether it rests on an assumed (not yet announced) year.
 * @throws {@link ShuangsuijiError} `invalid-argument` when `rule` is not a key of {@link DEADLINE_RULES} or the result
 *   falls after 9999-12-31.
 * @throws {@link ShuangsuijiError} `invalid-date` when `from` is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `invalid-input` when `options` is malformed (see {@link CalendarOptions}).
 * @throws {@link ShuangsuijiError} `calendar-year-not-covered` when the count leaves the calendar's years and
 *   `options.outsideCoverage` is not `"assume-weekdays"`.
 * @category Deadlines
 * @example
 * ```ts
 * import { computeDeadline } from "shuangsuiji";
 * const d = computeDeadline("results-publication", "2025-09-26");
 * console.log(d.date, d.definition.basis[0]); // "2025-10-30" "Wolong 3.2"
 * ```
 */
export function computeDeadline(rule: DeadlineRuleId, from: string, options?: CalendarOptions): Deadline {
  const definition: DeadlineRule | undefined = own<DeadlineRule>(DEADLINE_RULES, rule);
  if (definition === undefined) {
    throw new ShuangsuijiError("invalid-argument", [
      { path: ["rule"], rule: "deadline-rule", clause: "DEADLINE_RULES", messageZh: "未知的期限规则", messageEn: `unknown deadline rule (rules: ${Object.keys(DEADLINE_RULES).join(", ")})`, value: preview(rule) },
    ]);
  }
  const date = addWorkingDays(from, definition.workingDays, options);
  const e = engine(options);
  const provisional = !e.covered(dayArg(from, "from")) || !e.covered(dayArg(date));
  return Object.freeze({ rule, from: addWorkingDays(from, 0), date, definition, provisional });
}
