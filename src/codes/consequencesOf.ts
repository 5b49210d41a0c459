import { match } from "ts-pattern";
import { OUTCOMES, type ConsequenceKind, type OutcomeId } from "./OUTCOMES.js";
import { invalid, own } from "../_internal/boundary.js";

/**
 * A consequence an outcome triggers, with its legal basis.
 *
 * @category Result codes
 */
export interface Consequence {
  /** What happens. */
  readonly kind: ConsequenceKind;
  /** 中文说明。 */
  readonly zh: string;
  /** English explanation. */
  readonly en: string;
  /** The clause. */
  readonly basis: string;
}

const c = (kind: ConsequenceKind, zh: string, en: string, basis: string): Consequence => Object.freeze({ kind, zh, en, basis });

const ABNORMAL_UNREACHABLE = c("abnormal-list", "列入经营异常名录", "put on the abnormal-operations list", "企业经营异常名录管理暂行办法 art. 4(4) [SECONDARY]; 市场主体登记管理条例实施细则 art. 20");
const ABNORMAL_FALSIFIED = c("abnormal-list", "列入经营异常名录", "put on the abnormal-operations list", "企业信息公示暂行条例 art. 17(2)");
const FOLLOW_UP = c("follow-up-case", "转入后续调查处理（可能立案处罚）", "follow-up investigation (a penalty case may follow)", "Longting art. 22; Wancheng art. 22");
const RECTIFY = c("rectification-check", "督促整改并复查", "follow up on the rectification", "Longting art. 21; Chongqing 6.7");

/**
 * What an outcome sets in motion (《企业信息公示暂行条例》 arts. 10, 15, 17; 《市场主体登记管理条例实施细则》 art. 20):
 * unreachable or falsified → abnormal-operations list; information not published → order to publish, then the
 * abnormal list if not cured by the deadline; seriously non-cooperative → published (a publication, not a listing);
 * pending, non-compliant or a GSXT 违反…规定 finding → a follow-up case. Exhaustive over {@link OUTCOME_IDS}: a new outcome does not compile
 * until its consequences are decided.
 *
 * @param outcome - An outcome id of {@link OUTCOME_IDS}.
 * @returns The consequences, each with its basis (empty for an outcome that sets nothing in motion).
 * @throws {@link ShuangsuijiError} `invalid-input` when `outcome` is not one of {@link OUTCOME_IDS}.
 * @category Result codes
 * @example
 * ```ts
 * import { consequencesOf } from "shuangsuiji";
 * consequencesOf("unreachable-at-registered-address").map((c) => c.kind); // ["abnormal-list"]
 * ```
 */
export function consequencesOf(outcome: OutcomeId): readonly Consequence[] {
  if (own(OUTCOMES, outcome) === undefined) invalid(["outcome"], "unknown outcome id (see OUTCOME_IDS)", "未知的检查结果代码（见 OUTCOME_IDS）", outcome);
  return Object.freeze(match<OutcomeId, readonly Consequence[]>(outcome)
    .with("unreachable-at-registered-address", () => [ABNORMAL_UNREACHABLE])
    .with("falsified-public-information", () => [ABNORMAL_FALSIFIED])
    .with("information-not-published", () => [
      c("order-to-publish", "责令限期公示", "ordered to publish within a deadline", "企业信息公示暂行条例 art. 10"),
      c("abnormal-list", "逾期仍未公示的，列入经营异常名录", "put on the abnormal-operations list if still unpublished by the deadline", "企业信息公示暂行条例 art. 17(1)"),
    ])
    .with("seriously-non-cooperative", () => [
      c("publish-non-cooperation", "通过企业信用信息公示系统公示", "published on the enterprise credit information system", "企业信息公示暂行条例 art. 15"),
    ])
    .with(
      "pending-follow-up",
      "further-investigation-required",
      "non-compliant",
      "violates-food-drug-rules",
      "violates-quality-supervision-rules",
      "violates-other-department-rules",
      "violates-other-industry-commerce-rules",
      "violates-public-security-rules",
      () => [FOLLOW_UP],
    )
    .with("ordered-to-rectify", "ordered-to-correct", "further-rectification-required", () => [RECTIFY])
    .with("administrative-decision-to-publish", () => [
      c("publish-decision", "依法公示行政决定", "publish the administrative decision as the law requires", "Chongqing 6.6; 总局令第45号 art. 9"),
    ])
    .with(
      "no-problem-found",
      "no-relevant-business-activity",
      "compliant",
      "corrected-on-site",
      "corrected-after-order",
      "other",
      "closed-or-liquidating",
      "deregistered",
      "licence-revoked",
      "registration-cancelled",
      "moved-out",
      () => [],
    )
    .exhaustive());
}
