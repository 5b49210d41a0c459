import { deepFreeze } from "../_internal/deepFreeze.js";
import type { OutcomeId } from "./OUTCOMES.js";

/**
 * The nine result codes written in the 检查结果 column of the Wolong record form (Annex B, 说明(1)), mapped to outcomes.
 *
 * @category Result codes
 * @example
 * ```ts
 * import { WOLONG_FORM_CODES } from "shuangsuiji";
 * WOLONG_FORM_CODES[3]; // "unreachable-at-registered-address"
 * ```
 */
export const WOLONG_FORM_CODES = /* @__PURE__ */ deepFreeze({
  1: "no-problem-found",
  2: "information-not-published",
  3: "unreachable-at-registered-address",
  4: "ordered-to-rectify",
  5: "seriously-non-cooperative",
  6: "no-relevant-business-activity",
  7: "pending-follow-up",
  8: "compliant",
  9: "non-compliant",
} as const satisfies Record<number, OutcomeId>);

/**
 * A code 1–9 of the Wolong record form.
 *
 * @category Result codes
 */
export type WolongFormCode = keyof typeof WOLONG_FORM_CODES;

/**
 * The outcome list of Wancheng art. 21, in the order of the article.
 *
 * @category Result codes
 *
 * @example
 * ```ts
 * import { WANCHENG_OUTCOMES, OUTCOMES } from "shuangsuiji";
 * WANCHENG_OUTCOMES.map((o) => OUTCOMES[o].zh);
 * ```
 */
export const WANCHENG_OUTCOMES = /* @__PURE__ */ deepFreeze([
  "no-problem-found",
  "information-not-published",
  "unreachable-at-registered-address",
  "seriously-non-cooperative",
  "no-relevant-business-activity",
  "ordered-to-correct",
  "pending-follow-up",
  "compliant",
  "non-compliant",
  "other",
] as const satisfies readonly OutcomeId[]);

/**
 * The outcome list of Chongqing 6.6 (形成检查结果), in the order of the clause.
 *
 * @category Result codes
 *
 * @example
 * ```ts
 * import { CHONGQING_OUTCOMES } from "shuangsuiji";
 * CHONGQING_OUTCOMES.includes("falsified-public-information"); // true
 * ```
 */
export const CHONGQING_OUTCOMES = /* @__PURE__ */ deepFreeze([
  "no-problem-found",
  "no-relevant-business-activity",
  "information-not-published",
  "falsified-public-information",
  "unreachable-at-registered-address",
  "corrected-on-site",
  "further-rectification-required",
  "further-investigation-required",
  "seriously-non-cooperative",
  "administrative-decision-to-publish",
] as const satisfies readonly OutcomeId[]);

/**
 * The GSXT joint-check result dictionary (国家企业信用信息公示系统 联合抽查检查结果, the "new" list of regulations.md §3),
 * code → outcome: 1 未发现问题, 3 违反食品药品管理相关规定, 4 违反质量技术监督相关规定, 5 违反其他部门相关规定, 6 无法联系,
 * 7 已关闭停业或正在组织清算, 8 不配合检查情节严重, 9 注销, 10 被吊销, 11 被撤销, 12 迁出, B 未按规定公示应当公示的信息,
 * C 公示信息隐瞒真实情况弄虚作假, D 违反其他工商行政管理规定行为, E 发现问题经责令已改正, F 未发现开展本次抽查涉及的经营活动,
 * G 违反公安部门相关规定. Code 2 is not used by that list. The outcome list of the `longting` and `yanshi` presets
 * (Longting art. 22 and Yanshi 7.5 publish on GSXT and list no outcome of their own).
 *
 * @category Result codes
 * @example
 * ```ts
 * import { GSXT_RESULT_CODES } from "shuangsuiji";
 * GSXT_RESULT_CODES["12"]; // "moved-out"
 * ```
 */
export const GSXT_RESULT_CODES = /* @__PURE__ */ deepFreeze({
  "1": "no-problem-found",
  "3": "violates-food-drug-rules",
  "4": "violates-quality-supervision-rules",
  "5": "violates-other-department-rules",
  "6": "unreachable-at-registered-address",
  "7": "closed-or-liquidating",
  "8": "seriously-non-cooperative",
  "9": "deregistered",
  "10": "licence-revoked",
  "11": "registration-cancelled",
  "12": "moved-out",
  B: "information-not-published",
  C: "falsified-public-information",
  D: "violates-other-industry-commerce-rules",
  E: "corrected-after-order",
  F: "no-relevant-business-activity",
  G: "violates-public-security-rules",
} as const satisfies Record<string, OutcomeId>);
