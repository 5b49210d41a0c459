import { deepFreeze } from "../_internal/deepFreeze.js";
import type { LegalPeriod } from "../calendar/addLegalPeriod.js";

/**
 * A severity tier of 违法失信信息 (总局令第107号, 2025; NDRC 信用修复管理办法, 2025).
 *
 * @category Credit repair
 */
export type CreditTier = "minor" | "ordinary" | "serious";

/**
 * Publication rules for one tier: when the entity may apply for early stop, and when publication stops by itself.
 *
 * @category Credit repair
 */
export interface TierRule {
  /** Minimum period before an application; `undefined` = no application needed (stops automatically). */
  readonly applyAfter?: LegalPeriod;
  /** Publication stops automatically at the end of this period. */
  readonly autoStopAfter: LegalPeriod;
  /** The clause. */
  readonly basis: string;
}

/**
 * A versioned credit-repair rule set, chosen by the evaluation date (or named explicitly).
 *
 * @category Credit repair
 */
export interface CreditRuleSet {
  /** Id. */
  readonly id: "SAMR_2021" | "SAMR_2025" | "NDRC_2023" | "NDRC_2025";
  /** Platform: the enterprise credit information system (GSXT, SAMR rules) or 信用中国 (NDRC rules). */
  readonly platform: "gsxt" | "credit-china";
  /** In force from (inclusive). */
  readonly from: string;
  /** In force until (inclusive), if superseded. */
  readonly until?: string;
  /** Where periods start: the publication date (45号令) or the decision date (NDRC). */
  readonly periodStartsAt: "publication" | "decision";
  /** Penalty publication by tier. */
  readonly tiers: Readonly<Record<CreditTier, TierRule>>;
  /** Whether the rule set brings spot-check negative results into repair (SAMR 2025 does; 2021 did not). */
  readonly coversSpotCheckResults: boolean;
  /** Sources, with their confidence. */
  readonly sources: readonly string[];
}

const m = (months: number): LegalPeriod => ({ months });
const y = (years: number): LegalPeriod => ({ years });

/**
 * The rule sets (45号令 《市场监督管理行政处罚信息公示规定》; 国市监信规〔2021〕3号 《市场监督管理信用修复管理办法》;
 * NDRC rules for 信用中国). SAMR_2021 maps 45号令 art. 13 onto tiers: a reprimand or lower-amount fine is
 * `minor` (3 months, automatic), any other penalty `ordinary`/`serious` (3 years; early application after a minimum
 * period reported as 6 months [SECONDARY]). SAMR_2025 is 总局令第107号 (in force 2025-12-25) [SECONDARY; article
 * numbers unconfirmed]. The NDRC sets govern 信用中国 and count from the decision date.
 *
 * @category Credit repair
 * @example
 * ```ts
 * import { CREDIT_RULE_SETS } from "shuangsuiji";
 * CREDIT_RULE_SETS.SAMR_2025.tiers.ordinary; // { applyAfter: { months: 3 }, autoStopAfter: { years: 1 }, … }
 * ```
 */
export const CREDIT_RULE_SETS = /* @__PURE__ */ deepFreeze({
  SAMR_2021: {
    id: "SAMR_2021", platform: "gsxt", from: "2021-09-01", until: "2025-12-24", periodStartsAt: "publication", coversSpotCheckResults: false,
    tiers: {
      minor: { autoStopAfter: m(3), basis: "总局令第45号 art. 13 (通报批评或较低数额罚款: 3个月)" },
      ordinary: { applyAfter: m(6), autoStopAfter: y(3), basis: "总局令第45号 art. 13–14 (3年; minimum before early stop 6 months [SECONDARY])" },
      serious: { applyAfter: m(6), autoStopAfter: y(3), basis: "总局令第45号 art. 13–14 (3年; minimum 6 months [SECONDARY])" },
    },
    sources: ["总局令第45号 [TEXT]", "国市监信规〔2021〕3号 [SECONDARY: 6-month minimum]"],
  },
  SAMR_2025: {
    id: "SAMR_2025", platform: "gsxt", from: "2025-12-25", periodStartsAt: "publication", coversSpotCheckResults: true,
    tiers: {
      minor: { autoStopAfter: m(3), basis: "总局令第107号: 轻微 — stops automatically after 3 months [SECONDARY]" },
      ordinary: { applyAfter: m(3), autoStopAfter: y(1), basis: "总局令第107号: 一般 — apply after 3 months, automatic at 1 year [SECONDARY]" },
      serious: { applyAfter: y(1), autoStopAfter: y(3), basis: "总局令第107号: 严重 — apply after 1 year, automatic at 3 years [SECONDARY]" },
    },
    sources: ["市场监督管理信用修复管理办法 (总局令第107号, 2025-11-21, in force 2025-12-25) [SECONDARY; article numbers unconfirmed]"],
  },
  NDRC_2023: {
    id: "NDRC_2023", platform: "credit-china", from: "2023-05-01", until: "2026-03-31", periodStartsAt: "decision", coversSpotCheckResults: false,
    tiers: {
      minor: { applyAfter: m(3), autoStopAfter: y(3), basis: "发展改革委令2023年第58号: 最短3个月、最长3年 [SECONDARY]" },
      ordinary: { applyAfter: m(3), autoStopAfter: y(3), basis: "发展改革委令2023年第58号 [SECONDARY]" },
      serious: { applyAfter: y(1), autoStopAfter: y(3), basis: "发展改革委令2023年第58号 (特种设备、安全生产、消防: 最短1年) [SECONDARY]" },
    },
    sources: ["失信行为纠正后的信用信息修复管理办法（试行）(NDRC 2023) [SECONDARY]"],
  },
  NDRC_2025: {
    id: "NDRC_2025", platform: "credit-china", from: "2026-04-01", periodStartsAt: "decision", coversSpotCheckResults: false,
    tiers: {
      minor: { applyAfter: { days: 1 }, autoStopAfter: m(3), basis: "信用修复管理办法 (NDRC 2025): 轻微 — at most 3 months, repair once fulfilled [SECONDARY]" },
      ordinary: { applyAfter: m(3), autoStopAfter: y(1), basis: "信用修复管理办法 (NDRC 2025): 一般 — 3 months to 1 year [SECONDARY]" },
      serious: { applyAfter: y(1), autoStopAfter: y(3), basis: "信用修复管理办法 (NDRC 2025): 严重 — 1 to 3 years [SECONDARY]" },
    },
    sources: ["信用修复管理办法 (NDRC, adopted 2025-11-19, in force 2026-04-01) [SECONDARY]"],
  },
} as const satisfies Record<string, CreditRuleSet>);

/**
 * Penalty types that can never stop publication early (总局令第45号 art. 14): 责令停产停业、限制开展生产经营活动、限制从业、
 * 降低资质等级、吊销许可证件、吊销营业执照.
 *
 * @category Credit repair
 * @example
 * ```ts
 * import { SEVERE_PENALTY_TYPES } from "shuangsuiji";
 * SEVERE_PENALTY_TYPES.includes("licence-revoked"); // true
 * ```
 */
export const SEVERE_PENALTY_TYPES = /* @__PURE__ */ deepFreeze(["suspension-ordered", "business-restricted", "occupation-restricted", "qualification-downgraded", "licence-revoked", "business-licence-revoked"] as const);

/**
 * Penalty types (行政处罚种类).
 *
 * @category Credit repair
 * @example
 * ```ts
 * import { PENALTY_TYPES } from "shuangsuiji";
 * PENALTY_TYPES.includes("fine"); // true
 * ```
 */
export const PENALTY_TYPES = /* @__PURE__ */ deepFreeze(["warning", "public-reprimand", "fine", "confiscation", ...SEVERE_PENALTY_TYPES, "other"] as const);

/**
 * One of {@link PENALTY_TYPES}.
 *
 * @category Credit repair
 */
export type PenaltyType = (typeof PENALTY_TYPES)[number];
