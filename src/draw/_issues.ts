import type { RuleIssue } from "../errors/ShuangsuijiError.js";

/** A draw rule issue whose rule id is specific to the draw (not in the shared registry); clause cited, both languages. */
export function drawIssue(rule: string, path: readonly (string | number)[], clause: string, messageZh: string, messageEn: string, value?: unknown): RuleIssue {
  return value === undefined ? { path, rule, clause, messageZh, messageEn } : { path, rule, clause, messageZh, messageEn, value };
}
