import { DATE_RULES } from "./_dateRules.js";
import { define, issueOf, type IssueExtra } from "./_rule.js";
import type { RuleIssue } from "./ShuangsuijiError.js";

/**
 * @internal Calendar rules: all that `shuangsuiji/calendar` reports.
 * Split out of the registry so that a bundle carries only the rules its code can report (issue 15, the light core);
 * {@link RULES} merges every group.
 */
export const CALENDAR_RULES = /* @__PURE__ */ Object.freeze({
  ...define({
    "calendar-coverage": {
      clause: "国务院办公厅关于部分节假日安排的通知 (annual)",
      zh: "该年度的节假日安排不在日历数据中，无法判断工作日",
      en: "the year is not covered by the holiday calendar, so working days cannot be determined",
    },
    "calendar-year-data": {
      clause: "国务院办公厅关于部分节假日安排的通知; 全国年节及纪念日放假办法",
      zh: "日历年度数据不一致",
      en: "the calendar year data is inconsistent",
    },
  }),
  // `civil-date` is shared with the draw (`_dateRules.ts`)
  ...DATE_RULES,
});

/** @internal */
export type CalendarRuleId = keyof typeof CALENDAR_RULES;

/** @internal A {@link RuleIssue} for a calendar rule. */
export const ruleIssue = (id: CalendarRuleId, path: readonly (string | number)[] = [], extra: IssueExtra = {}): RuleIssue => issueOf(CALENDAR_RULES[id], path, extra);
