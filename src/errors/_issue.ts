import type { RuleIssue } from "./ShuangsuijiError.js";
import { RULES, type RuleId } from "./rules.js";

/** Builds a {@link RuleIssue} for a named rule. */
export function ruleIssue(
  id: RuleId,
  path: readonly (string | number)[] = [],
  extra: Partial<Pick<RuleIssue, "row" | "column" | "value">> & { readonly detailZh?: string; readonly detailEn?: string } = {},
): RuleIssue {
  const r = RULES[id];
  const { detailZh, detailEn, ...rest } = extra;
  return {
    path,
    rule: id,
    clause: r.clause,
    messageZh: detailZh === undefined ? r.zh : `${r.zh}：${detailZh}`,
    messageEn: detailEn === undefined ? r.en : `${r.en}: ${detailEn}`,
    ...rest,
  };
}
