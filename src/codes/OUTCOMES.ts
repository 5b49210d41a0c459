import { deepFreeze } from "../_internal/deepFreeze.js";
/**
 * Every inspection outcome (检查结果) the library knows: the nine codes of the Wolong record form (Annex B), the extended
 * outcomes of Wancheng art. 21 and Chongqing 6.6, and the status outcomes of the national result dictionary
 * (the GSXT joint-check result dictionary). A record may carry several.
 *
 * @category Result codes
 *
 * @example
 * ```ts
 * import { OUTCOME_IDS, type OutcomeId } from "shuangsuiji";
 * const all: readonly OutcomeId[] = OUTCOME_IDS;
 * ```
 */
export const OUTCOME_IDS = /* @__PURE__ */ deepFreeze([
  "no-problem-found",
  "information-not-published",
  "unreachable-at-registered-address",
  "ordered-to-rectify",
  "seriously-non-cooperative",
  "no-relevant-business-activity",
  "pending-follow-up",
  "compliant",
  "non-compliant",
  "ordered-to-correct",
  "falsified-public-information",
  "corrected-on-site",
  "further-rectification-required",
  "further-investigation-required",
  "administrative-decision-to-publish",
  "other",
  "closed-or-liquidating",
  "deregistered",
  "licence-revoked",
  "registration-cancelled",
  "moved-out",
  "violates-food-drug-rules",
  "violates-quality-supervision-rules",
  "violates-other-department-rules",
  "violates-other-industry-commerce-rules",
  "corrected-after-order",
  "violates-public-security-rules",
] as const);

/**
 * One of {@link OUTCOME_IDS}.
 *
 * @category Result codes
 */
export type OutcomeId = (typeof OUTCOME_IDS)[number];

/**
 * What an outcome sets in motion (《企业信息公示暂行条例》 arts. 10, 15, 17; 实施细则 art. 20; see {@link consequencesOf}).
 *
 * @category Result codes
 *
 * @example
 * ```ts
 * import { CONSEQUENCE_KINDS } from "shuangsuiji";
 * CONSEQUENCE_KINDS.includes("abnormal-list"); // true
 * ```
 */
export const CONSEQUENCE_KINDS = /* @__PURE__ */ deepFreeze([
  "abnormal-list",
  "order-to-publish",
  "publish-non-cooperation",
  "follow-up-case",
  "rectification-check",
  "publish-decision",
] as const);

/**
 * One of {@link CONSEQUENCE_KINDS}.
 *
 * @category Result codes
 */
export type ConsequenceKind = (typeof CONSEQUENCE_KINDS)[number];

/**
 * The definition of one outcome.
 *
 * @category Result codes
 */
export interface OutcomeDefinition {
  /** Exact Chinese label as written in the source document. */
  readonly zh: string;
  /** English label. */
  readonly en: string;
  /** Whether it is negative information subject to credit repair (《川渝市场监管“双随机、一公开”抽查检查结果公示信息修复工作方案》, 2025). */
  readonly isNegative: boolean;
  /** `status` outcomes describe the target's registration state rather than a finding. */
  readonly group: "finding" | "status";
  /** Documents that list it. */
  readonly sources: readonly string[];
}

/**
 * The outcome dictionary: labels, negativity and sources for every {@link OutcomeId}. The compiler checks that every
 * id has an entry. Pass your own (same shape) to the functions that take a `dictionary` to change `isNegative`.
 *
 * @category Result codes
 * @example
 * ```ts
 * import { OUTCOMES } from "shuangsuiji";
 * OUTCOMES["unreachable-at-registered-address"].zh; // "通过登记的住所(经营场所)无法取得联系"
 * ```
 */
export const OUTCOMES: { readonly [K in OutcomeId]: OutcomeDefinition } = /* @__PURE__ */ deepFreeze({
  "no-problem-found": { zh: "未发现问题", en: "no problem found", isNegative: false, group: "finding", sources: ["Wolong Annex B (1)", "Wancheng art. 21", "Chongqing 6.6"] },
  "information-not-published": { zh: "未按规定公示应当公示的信息", en: "information that must be published was not published as required", isNegative: true, group: "finding", sources: ["Wolong Annex B (2)", "Wancheng art. 21", "Chongqing 6.6"] },
  "unreachable-at-registered-address": { zh: "通过登记的住所(经营场所)无法取得联系", en: "cannot be reached at the registered address (business premises)", isNegative: true, group: "finding", sources: ["Wolong Annex B (3)", "Wancheng art. 21 (无法联系)", "Chongqing 6.6 (无法联系)"] },
  "ordered-to-rectify": { zh: "发现问题已责令整改", en: "problem found, ordered to rectify", isNegative: true, group: "finding", sources: ["Wolong Annex B (4)"] },
  "seriously-non-cooperative": { zh: "不配合检查情节严重", en: "seriously refused to cooperate with the inspection", isNegative: true, group: "finding", sources: ["Wolong Annex B (5)", "Wancheng art. 21", "Chongqing 6.6"] },
  "no-relevant-business-activity": { zh: "未发现本次抽查涉及的经营活动", en: "no business activity within the scope of this check was found", isNegative: false, group: "finding", sources: ["Wolong Annex B (6)", "Wancheng art. 21 (未发现开展本次抽查涉及的经营活动)", "Chongqing 6.6 (未开展本次抽查涉及的经营活动)"] },
  "pending-follow-up": { zh: "发现问题待后续处理", en: "problem found, pending follow-up", isNegative: true, group: "finding", sources: ["Wolong Annex B (7)", "Wancheng art. 21 (发现问题，待后续调查处理)"] },
  compliant: { zh: "合格", en: "compliant", isNegative: false, group: "finding", sources: ["Wolong Annex B (8)", "Wancheng art. 21"] },
  "non-compliant": { zh: "不合格", en: "non-compliant", isNegative: true, group: "finding", sources: ["Wolong Annex B (9)", "Wancheng art. 21"] },
  "ordered-to-correct": { zh: "发现问题，依法责令立即改正或者限期改正", en: "problem found, ordered to correct at once or within a deadline", isNegative: true, group: "finding", sources: ["Wancheng art. 21"] },
  "falsified-public-information": { zh: "公示信息隐瞒真实情况弄虚作假", en: "published information concealed facts or was falsified", isNegative: true, group: "finding", sources: ["Chongqing 6.6"] },
  "corrected-on-site": { zh: "发现问题已当场改正", en: "problem found and corrected on the spot", isNegative: true, group: "finding", sources: ["Chongqing 6.6"] },
  "further-rectification-required": { zh: "发现问题需进一步整改", en: "problem found, further rectification required", isNegative: true, group: "finding", sources: ["Chongqing 6.6"] },
  "further-investigation-required": { zh: "发现问题需进一步调查处理", en: "problem found, further investigation required", isNegative: true, group: "finding", sources: ["Chongqing 6.6"] },
  "administrative-decision-to-publish": { zh: "作出行政决定等依法应当公示的情况", en: "an administrative decision or other matter that must be published by law", isNegative: true, group: "finding", sources: ["Chongqing 6.6"] },
  other: { zh: "其他情况", en: "other circumstances", isNegative: true, group: "finding", sources: ["Wancheng art. 21"] },
  "closed-or-liquidating": { zh: "已关闭停业或正在组织清算", en: "closed, suspended or in liquidation", isNegative: false, group: "status", sources: ["GSXT joint-check result dictionary (国家企业信用信息公示系统)"] },
  deregistered: { zh: "注销", en: "deregistered", isNegative: false, group: "status", sources: ["GSXT joint-check result dictionary (国家企业信用信息公示系统)"] },
  "licence-revoked": { zh: "被吊销", en: "business licence revoked", isNegative: false, group: "status", sources: ["GSXT joint-check result dictionary (国家企业信用信息公示系统)"] },
  "registration-cancelled": { zh: "被撤销", en: "registration cancelled", isNegative: false, group: "status", sources: ["GSXT joint-check result dictionary (国家企业信用信息公示系统)"] },
  "moved-out": { zh: "迁出", en: "moved to another jurisdiction", isNegative: false, group: "status", sources: ["GSXT joint-check result dictionary (国家企业信用信息公示系统)"] },
  "violates-food-drug-rules": { zh: "违反食品药品管理相关规定", en: "violates food and drug regulations", isNegative: true, group: "finding", sources: ["GSXT joint-check result dictionary (国家企业信用信息公示系统) code 3"] },
  "violates-quality-supervision-rules": { zh: "违反质量技术监督相关规定", en: "violates quality and technical supervision regulations", isNegative: true, group: "finding", sources: ["GSXT joint-check result dictionary (国家企业信用信息公示系统) code 4"] },
  "violates-other-department-rules": { zh: "违反其他部门相关规定", en: "violates another department's regulations", isNegative: true, group: "finding", sources: ["GSXT joint-check result dictionary (国家企业信用信息公示系统) code 5"] },
  "violates-other-industry-commerce-rules": { zh: "违反其他工商行政管理规定行为", en: "other violation of industry and commerce administration rules", isNegative: true, group: "finding", sources: ["GSXT joint-check result dictionary (国家企业信用信息公示系统) code D"] },
  "corrected-after-order": { zh: "发现问题经责令已改正", en: "problem found, corrected after an order", isNegative: true, group: "finding", sources: ["GSXT joint-check result dictionary (国家企业信用信息公示系统) code E"] },
  "violates-public-security-rules": { zh: "违反公安部门相关规定", en: "violates public-security regulations", isNegative: true, group: "finding", sources: ["GSXT joint-check result dictionary (国家企业信用信息公示系统) code G"] },
});
