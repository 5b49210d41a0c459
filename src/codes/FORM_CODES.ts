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
