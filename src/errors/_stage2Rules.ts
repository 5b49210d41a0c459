import { INPUT_RULES, type InputRuleId } from "./_inputRules.js";
import { DRAW_RULES, type DrawRuleId } from "./_drawRules.js";
import { define, issueOf, type IssueExtra, type RuleDefinition } from "./_rule.js";
import type { RuleIssue } from "./ShuangsuijiError.js";

/**
 * @internal Rules only the inspector draw (stage 2) and the joint team report: split from `DRAW_RULES` so that the
 * target draw's bundles (`verifyTicket`, draw + verify) do not carry their texts (issue 15, the light core);
 * {@link RULES} merges every group.
 */
export const STAGE2_RULES = /* @__PURE__ */ define({
  "not-enough-inspectors": {
    clause: "Longting art. 19, 21; Yanshi 7.3; 行政处罚法 art. 42–43",
    zh: "符合条件的执法检查人员不足，无法组成检查组",
    en: "too few eligible inspectors to form the team",
  },
  "stage2-own-seed": {
    clause: "Longting art. 19 (二次随机: each stage its own draw)",
    zh: "第二次随机应使用自己的种子",
    en: "stage 2 uses its own seed, not stage 1's",
  },
  "stage2-seed-after-lock": {
    clause: "Longting art. 19 (锁定名单后由各部门二次随机); docs/spec-v1.md §9.1, §9.5",
    zh: "第二次随机种子应在名单锁定及第二次随机输入公布当日或之后确定",
    en: "the stage-2 seed is fixed on or after the day the list was locked and the stage-2 inputs were announced",
  },
  "team-leader-initiating": {
    clause: "Chongqing 6.5; Wancheng art. 20",
    zh: "联合检查组组长应由发起部门的检查人员担任",
    en: "the joint team's leader must be an inspector of the initiating department",
  },
});

/** @internal */
export type Stage2RuleId = keyof typeof STAGE2_RULES;

/** @internal A {@link RuleIssue} for a rule the inspector draw reports: its own, the target draw's and the boundary rules. */
export function stage2RuleIssue(id: Stage2RuleId | DrawRuleId | InputRuleId, path: readonly (string | number)[] = [], extra: IssueExtra = {}): RuleIssue {
  const r: RuleDefinition = id in STAGE2_RULES ? STAGE2_RULES[id as Stage2RuleId] : id in INPUT_RULES ? INPUT_RULES[id as InputRuleId] : DRAW_RULES[id as DrawRuleId];
  return issueOf(r, path, extra);
}
