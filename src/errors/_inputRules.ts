import { define, issueOf, type IssueExtra } from "./_rule.js";
import type { RuleIssue } from "./ShuangsuijiError.js";

/**
 * @internal Rules of every public boundary: plain data, bounded input, text and id hygiene.
 * Split out of the registry so that a bundle carries only the rules its code can report (issue 15, the light core);
 * {@link RULES} merges every group.
 */
export const INPUT_RULES = /* @__PURE__ */ define({
  "input-shape": {
    clause: "本库接口约定（非法规条款）/ library contract, no regulation: plain data at every public boundary",
    zh: "输入不是约定形式的普通数据",
    en: "the input is not plain data of the documented shape",
  },
  "input-limit": {
    clause: "本库接口约定（非法规条款）/ library contract, no regulation: bounded work for every input",
    zh: "输入超出文档规定的上限",
    en: "the input exceeds a documented limit",
  },
  "text-trimmed": {
    clause: "本库数据规范（非法规条款）/ library data hygiene, no regulation",
    zh: "文本不能为空，且首尾不能有空格",
    en: "text must be non-empty without leading or trailing spaces",
  },
  "unique-ids": {
    clause: "本库数据规范（非法规条款）/ library data hygiene, no regulation",
    zh: "标识不能重复",
    en: "ids must be unique",
  },
});

/** @internal */
export type InputRuleId = keyof typeof INPUT_RULES;

/** @internal A {@link RuleIssue} for a boundary rule. */
export const ruleIssue = (id: InputRuleId, path: readonly (string | number)[] = [], extra: IssueExtra = {}): RuleIssue => issueOf(INPUT_RULES[id], path, extra);
