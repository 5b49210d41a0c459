import { DATE_RULES } from "./_dateRules.js";
import { INPUT_RULES, type InputRuleId } from "./_inputRules.js";
import { define, issueOf, type IssueExtra, type RuleDefinition } from "./_rule.js";
import type { RuleIssue } from "./ShuangsuijiError.js";

/**
 * @internal Target-draw rules (pool, seeds, quotas) and the risk-class rule units are checked against; stage 2's own
 * rules are in `_stage2Rules.ts`.
 * Split out of the registry so that a bundle carries only the rules its code can report (issue 15, the light core);
 * {@link RULES} merges every group.
 */
export const DRAW_RULES = /* @__PURE__ */ define({
  "seed-entropy": {
    clause: "本库抽取规范 docs/spec-v1.md §5，参照RFC 3797（非法规条款）/ library draw specification docs/spec-v1.md §5, after RFC 3797; no regulation",
    zh: "随机种子至少需要128位熵",
    en: "a seed carries at least 128 bits of entropy",
  },
  "seed-share-reveal": {
    clause: "本库抽取规范 docs/spec-v1.md §5（承诺—揭示，非法规条款）/ library draw specification docs/spec-v1.md §5, commit–reveal; no regulation",
    zh: "揭示值与事先承诺不符",
    en: "the revealed share does not match its earlier commitment",
  },
  "stratum-rule": {
    clause: "Longting art. 15; Yanshi sec. 6; Chongqing 6.3",
    zh: "分层规则应给出比例或数量之一，且下限不大于上限",
    en: "a stratum rule gives a ratio or a count (not both), with min ≤ max",
  },
  "unit-id-canonical": {
    clause: "本库抽取规范 docs/spec-v1.md §3（非法规条款）/ library draw specification docs/spec-v1.md §3, no regulation",
    zh: "对象标识应为非空、去除首尾空白的NFC规范化文本，不含零宽等格式字符及全角ASCII字符",
    en: "a unit id is non-empty, trimmed, NFC-normalised text without format characters (zero-width…) or full-width ASCII forms",
  },
  "overall-floor": {
    clause: "企业公示信息抽查办法 art. 4 (不少于3%)",
    zh: "抽取总数低于规定的最低比例",
    en: "the total drawn is below the required overall floor",
  },
  "general-item-ratio-cap": {
    clause: "Chongqing 5.2",
    zh: "一般检查事项的抽查比例超过上限",
    en: "the ratio of a general inspection item exceeds its cap",
  },
  "key-item-no-cap": {
    clause: "Chongqing 5.2",
    zh: "重点检查事项抽查比例不设上限",
    en: "a key inspection item has no upper bound on its ratio",
  },
  "risk-class": {
    clause: "国市监信发〔2022〕6号 (A–D); configurable",
    zh: "信用风险分类不在允许的集合中",
    en: "the credit-risk class is not in the configured set",
  },
  "lock-date-order": {
    clause: "Longting art. 19; docs/spec-v1.md §5.6, §8",
    zh: "名单不能在名录承诺公布或种子确定之前锁定",
    en: "a list cannot be locked before its pool commitment or its seed",
  },
  announced: {
    clause: "本库抽取规范 docs/spec-v1.md §10（非法规条款）/ library draw specification docs/spec-v1.md §10, no regulation",
    zh: "公示项未知或不可识别（拒绝，不忽略）",
    en: "an unknown or unreadable announced member (refused, never ignored)",
  },
  "ratio-range": {
    clause: "Chongqing 5.2 (抽查比例: a proportion, 0–100%)",
    zh: "抽查比例应在0到1之间",
    en: "a sampling ratio lies between 0 and 1",
  },
});

/** @internal */
export type DrawRuleId = keyof typeof DRAW_RULES;

/** @internal Every rule the draw reports: its own, the boundary rules and `civil-date`. */
export type DrawIssueRuleId = DrawRuleId | InputRuleId | "civil-date";

/** @internal A {@link RuleIssue} for a rule the draw reports (the draw's bundle carries no other rule's text). */
export function ruleIssue(id: DrawIssueRuleId, path: readonly (string | number)[] = [], extra: IssueExtra = {}): RuleIssue {
  const r: RuleDefinition = id === "civil-date" ? DATE_RULES[id] : id in INPUT_RULES ? INPUT_RULES[id as InputRuleId] : DRAW_RULES[id as DrawRuleId];
  return issueOf(r, path, extra);
}
