import { ruleIssue } from "./_inputRules.js";
import type { RuleIssue } from "./ShuangsuijiError.js";

/** @internal The most issues one {@link ShuangsuijiError} holds (its constructor refuses a longer list). */
export const MAX_ISSUES = 100_000;

/**
 * @internal The issues an input error reports, at most {@link MAX_ISSUES}: a longer list (or `notListed` issues a
 * producer stopped collecting) keeps its first `MAX_ISSUES − 1` issues, in order, and ends with one `input-limit` issue
 * (path `[]`) giving the honest count of the issues not listed. So a batch with more bad rows than that is still
 * refused as `invalid-input` naming its first bad rows — never `invalid-argument` from the error's own constructor.
 * (Library contract, no regulation: bounded work for every input.)
 */
export function cappedIssues(issues: readonly RuleIssue[], notListed = 0): readonly RuleIssue[] {
  const total = issues.length + notListed;
  if (total <= MAX_ISSUES) return issues;
  const kept = issues.slice(0, MAX_ISSUES - 1);
  const more = total - kept.length;
  return [
    ...kept,
    ruleIssue("input-limit", [], {
      detailEn: `${more} more issues not listed (${total} in all; the first ${kept.length} are listed, at most ${MAX_ISSUES} issues are reported)`,
      detailZh: `另有${more}项问题未列出（共${total}项；已列出前${kept.length}项，最多报告${MAX_ISSUES}项）`,
      value: total,
    }),
  ];
}
