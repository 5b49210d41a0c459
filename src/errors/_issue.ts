import type { RuleIssue } from "./ShuangsuijiError.js";
import { issueOf, type IssueExtra } from "./_rule.js";
import { RULES, type RuleId } from "./rules.js";

/** Builds a {@link RuleIssue} for a named rule (any rule; the light paths use the group modules' `ruleIssue`). */
export function ruleIssue(id: RuleId, path: readonly (string | number)[] = [], extra: IssueExtra = {}): RuleIssue {
  return issueOf(RULES[id], path, extra);
}
