import { deepFreeze } from "../_internal/deepFreeze.js";

/**
 * One working-day deadline rule: how many working days, counted from which event, and its legal basis.
 *
 * @category Deadlines
 */
export interface DeadlineRule {
  /** Working days after the event (the event's own day not counted, 民法典 art. 201). */
  readonly workingDays: number;
  /** The event the period runs from. */
  readonly fromZh: string;
  /** The event the period runs from (English). */
  readonly fromEn: string;
  /** What must be done. */
  readonly zh: string;
  /** What must be done (English). */
  readonly en: string;
  /** Clauses establishing the rule; `[SECONDARY]` marks a source not read in full text (only an official summary or extract). */
  readonly basis: readonly string[];
}

/**
 * The working-day deadlines of the source documents and the national rules they rely on. Use with
 * {@link computeDeadline}.
 *
 * @category Deadlines
 * @example
 * ```ts
 * import { DEADLINE_RULES } from "shuangsuiji";
 * DEADLINE_RULES["results-publication"].workingDays; // 20
 * ```
 */
export const DEADLINE_RULES = /* @__PURE__ */ deepFreeze({
  /** Results entered and published within 20 working days of task completion — all five seed documents. */
  "results-publication": {
    workingDays: 20,
    fromZh: "抽查任务完成（检查结束）之日",
    fromEn: "the day the spot-check task was completed",
    zh: "录入并公示抽查检查结果",
    en: "enter and publish the inspection results",
    basis: ["Wolong 3.2", "Longting art. 22", "Wancheng art. 21", "Yanshi 7.5", "Chongqing 6.6 (公示检查结果)", "企业信息公示暂行条例 art. 6"],
  },
  /** Penalty information collected onto the platforms within 7 working days — Longting art. 22. */
  "penalty-info-collection": {
    workingDays: 7,
    fromZh: "作出行政处罚决定之日",
    fromEn: "the day the penalty decision was made",
    zh: "行政处罚信息归集至协同监督平台和市公共信用信息平台并公示",
    en: "collect the penalty information onto the supervision and credit platforms and publish it",
    basis: ["Longting art. 22"],
  },
  /** Penalty published within 20 working days of the decision (same province) — 45号令 art. 9. */
  "penalty-publication": {
    workingDays: 20,
    fromZh: "作出行政处罚决定之日",
    fromEn: "the day the penalty decision was made",
    zh: "公示行政处罚信息（同一省内）",
    en: "publish the penalty (same province)",
    basis: ["市场监督管理行政处罚信息公示规定 (总局令第45号) art. 9"],
  },
  /** Cross-province: push to the registration authority within 10 working days — 45号令 art. 10. */
  "penalty-push-cross-province": {
    workingDays: 10,
    fromZh: "作出行政处罚决定之日",
    fromEn: "the day the penalty decision was made",
    zh: "推送至当事人登记地市场监督管理部门（跨省）",
    en: "push the penalty to the registration-place authority (other province)",
    basis: ["总局令第45号 art. 10"],
  },
  /** Cross-province: the receiving authority publishes within 10 working days of receipt — 45号令 art. 10. */
  "penalty-publication-on-receipt": {
    workingDays: 10,
    fromZh: "收到推送信息之日",
    fromEn: "the day the pushed penalty was received",
    zh: "登记地部门协助公示行政处罚信息（跨省）",
    en: "publish the pushed penalty (receiving authority, other province)",
    basis: ["总局令第45号 art. 10"],
  },
  /** Withdraw a publication within 3 working days after the decision is changed or annulled — 45号令 art. 11. */
  "penalty-withdrawal": {
    workingDays: 3,
    fromZh: "行政处罚决定被变更、撤销、确认违法或无效之日",
    fromEn: "the day the decision was changed, annulled or declared unlawful or void",
    zh: "撤回行政处罚公示信息",
    en: "withdraw the published penalty",
    basis: ["总局令第45号 art. 11"],
  },
  /** Correct an error within 5 working days once an objection is confirmed — 川渝 scheme (2025-08-14). */
  "objection-correction": {
    workingDays: 5,
    fromZh: "异议查实之日",
    fromEn: "the day the objection was confirmed",
    zh: "更正错误的抽查检查结果公示信息",
    en: "correct the published result after a confirmed objection",
    basis: ["川渝市场监管“双随机、一公开”抽查检查结果公示信息修复工作方案 (2025-08-14) [SECONDARY]"],
  },
  /** Process a credit-repair application within 7 working days (15 before) — 总局令第107号. */
  "repair-processing": {
    workingDays: 7,
    fromZh: "受理信用修复申请之日",
    fromEn: "the day the repair application was accepted",
    zh: "作出信用修复决定（行政处罚、严重违法失信名单）",
    en: "decide a credit-repair application (penalty or serious-violation list)",
    basis: ["市场监督管理信用修复管理办法 (总局令第107号, in force 2025-12-25) [SECONDARY; article not confirmed]"],
  },
  /** Push a repair decision to the registration-place authority within 3 working days — 总局令第107号. */
  "repair-push-cross-province": {
    workingDays: 3,
    fromZh: "作出信用修复决定之日",
    fromEn: "the day the repair decision was made",
    zh: "将信用修复决定推送至登记地部门（跨省）",
    en: "push the repair decision to the registration-place authority (other province)",
    basis: ["总局令第107号 [SECONDARY; article not confirmed]"],
  },
} as const satisfies Record<string, DeadlineRule>);

/**
 * Id of one of the {@link DEADLINE_RULES}.
 *
 * @category Deadlines
 */
export type DeadlineRuleId = keyof typeof DEADLINE_RULES;
