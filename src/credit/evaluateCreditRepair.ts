import { readPlain } from "../_internal/boundary.js";
import * as z from "zod/v4";
import { match } from "ts-pattern";
import { addLegalPeriod, type LegalPeriod, type LegalPeriodOptions } from "../calendar/addLegalPeriod.js";
import { addWorkingDays } from "../calendar/addWorkingDays.js";
import { computeDeadline } from "../calendar/computeDeadline.js";
import { isProvisional } from "../calendar/isProvisional.js";
import { formatDayNumber, parseDayNumber } from "../calendar/_days.js";
import { OUTCOMES, type OutcomeDefinition, type OutcomeId } from "../codes/OUTCOMES.js";
import { issuesFromZod } from "../errors/_fromZod.js";
import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { OutcomeIdSchema } from "../model/inspectionRecord.js";
import { CivilDateSchema } from "../model/primitives.js";
import { CREDIT_RULE_SETS, PENALTY_TYPES, SEVERE_PENALTY_TYPES, type CreditRuleSet, type CreditTier, type TierRule } from "./CREDIT_RULE_SETS.js";

/**
 * Input of {@link evaluateCreditRepair}: the negative result, the measures based on the same finding, the facts repair
 * conditions depend on, and the evaluation date.
 *
 * @category Credit repair
 * @example
 * ```ts
 * import { CreditRepairInputSchema } from "shuangsuiji";
 * CreditRepairInputSchema.parse({
 *   result: { outcomes: ["non-compliant"], publishedOn: "2026-01-10" }, measures: [],
 *   facts: { penaltyFulfilled: true, harmRemedied: true, noRepeatViolation: true }, evaluatedOn: "2026-05-01",
 * });
 * ```
 */
export const CreditRepairInputSchema = z.strictObject({
  /** The spot-check result: its outcomes and the day it was published. */
  result: z.strictObject({ outcomes: z.array(OutcomeIdSchema).min(1), publishedOn: CivilDateSchema }),
  /** Measures based on the same finding (Wancheng art. 25). */
  measures: z.array(
    z.discriminatedUnion("kind", [
      z.strictObject({
        kind: z.literal("penalty"),
        /** 处罚种类. */
        type: z.enum(PENALTY_TYPES),
        decidedOn: CivilDateSchema,
        publishedOn: CivilDateSchema,
        /** 较低数额罚款 as defined by the province (45号令 art. 13). */
        lowerAmount: z.boolean().optional(),
        /** The tier the deciding authority assigned (required under the 2025 rules unless the penalty is minor by type). */
        tier: z.enum(["minor", "ordinary", "serious"]).optional(),
        /** End of a business or occupational restriction (a restriction beyond the period extends it — 45号令 art. 13). */
        restrictionEndsOn: CivilDateSchema.optional(),
        /** The day publication of the penalty stopped (repair granted, withdrawn), if it has. */
        stoppedOn: CivilDateSchema.optional(),
        /**
         * Why it stopped before its period ended: `repair` (提前停止公示, default: 总局令第45号 art. 14, all conditions met) or
         * `decision-withdrawn` (the decision changed, annulled, or held unlawful or void, publication withdrawn within 3
         * working days: 总局令第45号 art. 11). A withdrawal is not an early stop: no minimum period, no bar on the severe
         * types and no condition applies to it, and the linked result stops the same day (Wancheng art. 25). Needs `stoppedOn`
         * (the withdrawal day).
         */
        stopGround: z.enum(["repair", "decision-withdrawn"]).optional(),
      }),
      z.strictObject({
        kind: z.literal("abnormal-list"),
        /** Ground of listing (企业经营异常名录管理暂行办法 art. 4). */
        ground: z.enum(["no-annual-report", "information-not-published", "falsified-information", "unreachable"]),
        listedOn: CivilDateSchema,
        /** Whether the ground has been cured (report filed, information published or corrected, reachable again). */
        cured: z.boolean().optional(),
        removedOn: CivilDateSchema.optional(),
        /**
         * Why it was removed: `repair` (移出 once the ground is cured, default: 企业信息公示暂行条例 art. 17) or
         * `listing-revoked` (the listing decision itself revoked — 撤销列入决定, e.g. found wrong on objection, review or
         * suit): nothing was to be cured, and the linked result stops the same day (Wancheng art. 25). Needs `removedOn`.
         */
        removalGround: z.enum(["repair", "listing-revoked"]).optional(),
      }),
      z.strictObject({
        kind: z.literal("serious-list"),
        listedOn: CivilDateSchema,
        restrictionEndsOn: CivilDateSchema.optional(),
        removedOn: CivilDateSchema.optional(),
        /**
         * Why it was removed: `repair` (提前移出 or the automatic removal, default: 总局令第44号 periods) or `listing-revoked`
         * (the listing decision revoked — 撤销列入决定, e.g. because the heavier penalty it rests on, 总局令第44号 art. 2, was
         * changed, annulled, or held unlawful or void): not an early removal, so neither the year on the list nor the
         * early-removal conditions apply, and the linked result stops the same day (Wancheng art. 25). Needs `removedOn`.
         */
        removalGround: z.enum(["repair", "listing-revoked"]).optional(),
      }),
    ]),
  ),
  /** Facts the early-stop conditions depend on (45号令 art. 14; NDRC 2025). */
  facts: z.strictObject({
    /** (一) 已经自觉履行行政处罚决定中规定的义务. */
    penaltyFulfilled: z.boolean(),
    /** (二) 已经主动消除危害后果和不良影响. */
    harmRemedied: z.boolean(),
    /** (三) 未因同一类违法行为再次受到行政处罚. */
    noRepeatViolation: z.boolean(),
    /** 信用承诺 (NDRC 2025). */
    publicCommitment: z.boolean().optional(),
    /**
     * 问题已整改: the violation the result records is corrected (the 川渝 scheme's condition for repairing a result with no
     * penalty). When absent, `penaltyFulfilled && harmRemedied` stands for it.
     */
    corrected: z.boolean().optional(),
  }),
  /** The day of evaluation (an input: the library never reads the clock). */
  evaluatedOn: CivilDateSchema,
});

/**
 * Input of {@link evaluateCreditRepair} as plain data.
 *
 * @category Credit repair
 */
export type CreditRepairInput = z.input<typeof CreditRepairInputSchema>;

/**
 * Options of {@link evaluateCreditRepair}.
 *
 * @category Credit repair
 */
export interface CreditRepairOptions {
  /** Rule set; default chosen by the evaluation date among the SAMR sets (SAMR_2021 before 2025-12-25, SAMR_2025 from then). */
  readonly ruleSet?: keyof typeof CREDIT_RULE_SETS;
  /**
   * Jurisdiction preset: `wancheng` (art. 25: a result with no or only a minor penalty stops after the statutory period;
   * no separate application) or `chuanyu` (川渝 scheme 2025: those results may also be repaired on application once the
   * violation is corrected). Default `wancheng`.
   */
  readonly jurisdiction?: "wancheng" | "chuanyu";
  /**
   * How long a negative result with no or only a minor penalty stays published ("公示满法定期限", Wancheng art. 25).
   * **Not confirmed** by any national text read (the 川渝 scheme of 2025-08-14 says only "法定时间"; the standalone
   * period under 总局令第107号 is unknown); default 3 months, by analogy with the 3-month minor tier of 107号令 and 45号令 art. 13.
   */
  readonly standalonePeriod?: LegalPeriod;
  /**
   * Calendar and rollover options for period ends (民法典 arts. 201–203). Periods run years ahead, past the calendar's
   * last announced year: by default those years assume Mon–Fri working days less the statutory days of 《全国年节及纪念日放假办法》 art. 2
   * (docs/calendar.md) and the result is marked `provisional`;
   * `outsideCoverage: "throw"` refuses instead.
   */
  readonly periodOptions?: LegalPeriodOptions;
  /**
   * The outcome dictionary deciding which outcomes are negative information (default {@link OUTCOMES}, 川渝 scheme 2025).
   * It must define every outcome of the result, each with a boolean `isNegative`.
   */
  readonly dictionary?: { readonly [K in OutcomeId]?: Pick<OutcomeDefinition, "isNegative"> };
  /**
   * Serious-violation list periods (总局令第44号): early removal may be applied for after `applyAfter`, automatic removal
   * at `removeAfter`. Default 1 year and 3 years — **[UNCONFIRMED]** article numbers (《市场监督管理严重违法失信名单管理办法》, 总局令第44号).
   */
  readonly seriousListPeriods?: { readonly applyAfter: LegalPeriod; readonly removeAfter: LegalPeriod };
}

/**
 * When each jurisdiction's local rule on spot-check negative results took effect: Wancheng art. 25 (宛区双随机办〔2026〕3号,
 * 自发布之日起施行, 2026-03-20); the 川渝 scheme (2025-08-14). Before that, and before a national rule set covering
 * spot-check results (总局令第107号, from 2025-12-25), no repair rule applied to them: the evaluator says `out-of-scope`.
 *
 * @category Credit repair
 * @example
 * ```ts
 * import { CREDIT_JURISDICTIONS } from "shuangsuiji";
 * CREDIT_JURISDICTIONS.wancheng.from; // "2026-03-20"
 * ```
 */
export const CREDIT_JURISDICTIONS = deepFreeze({
  wancheng: { from: "2026-03-20", basis: "Wancheng art. 25 (宛区双随机办〔2026〕3号, 自发布之日起施行, Wancheng art. 28)" },
  chuanyu: { from: "2025-08-14", basis: "川渝抽查检查结果公示信息修复工作方案 (2025-08-14) [SECONDARY]" },
} as const);

/**
 * A condition not (yet) met.
 *
 * @category Credit repair
 */
export interface UnmetCondition {
  /** Which. */
  readonly condition: "minimum-period" | "penalty-fulfilled" | "harm-remedied" | "no-repeat-violation" | "not-on-lists" | "ground-cured" | "public-commitment" | "violation-corrected";
  /** The clause. */
  readonly clause: string;
  /** 中文. */
  readonly zh: string;
  /** English. */
  readonly en: string;
}

/**
 * Fields every {@link CreditRepairResult} carries.
 *
 * @category Credit repair
 */
export interface CreditRepairCommon {
  /** The rule set applied. */
  readonly ruleSet: CreditRuleSet["id"];
  /** True when a reported date depends on a year the holiday calendar does not cover yet (see `periodOptions`). */
  readonly provisional: boolean;
  /** Clauses behind the decision. */
  readonly basis: readonly string[];
  /** 中文说明。 */
  readonly explanationZh: string;
  /** English explanation. */
  readonly explanationEn: string;
  /**
   * For an uncured abnormal-list entry: the first day it escalates to the serious-violation list (listed for 3 years
   * without meeting its duties, 企业信息公示暂行条例 art. 17) and the first day of the 60-day public reminder before it.
   */
  readonly escalation?: { readonly listedOn: string; readonly escalatesOn: string; readonly reminderFrom: string; readonly basis: string };
}

/**
 * Result of {@link evaluateCreditRepair}. Dates are "from" dates: `earliestApplicationOn` is the first day an application
 * may be made (the day after the minimum period ends), `autoStopOn` the first day the information is no longer published
 * (the day after the period ends, 民法典 arts. 201–203 with rollover).
 *
 * @category Credit repair
 */
export type CreditRepairResult =
  | (CreditRepairCommon & { readonly status: "not-negative" })
  | (CreditRepairCommon & { readonly status: "out-of-scope" })
  | (CreditRepairCommon & { readonly status: "not-yet-published"; readonly publishedOn: string })
  | (CreditRepairCommon & { readonly status: "published"; readonly linked: boolean; readonly earliestApplicationOn?: string; readonly autoStopOn?: string; readonly unmetConditions: readonly UnmetCondition[] })
  | (CreditRepairCommon & { readonly status: "eligible-for-application"; readonly linked: boolean; readonly autoStopOn?: string; readonly processingDeadline: string })
  | (CreditRepairCommon & { readonly status: "auto-stopped"; readonly stoppedOn: string; readonly reason: "period-expired" | "linked-measure-stopped" })
  | (CreditRepairCommon & { readonly status: "never-early"; readonly autoStopOn?: string });

type ParsedInput = z.output<typeof CreditRepairInputSchema>;

/** Facts that contradict each other or the clauses: every one is reported (the input is never silently fixed). */
function consistencyIssues(input: ParsedInput): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const add = (path: (string | number)[], rule: string, clause: string, zh: string, en: string, value?: unknown) => issues.push({ path, rule, clause, messageZh: zh, messageEn: en, ...(value === undefined ? {} : { value }) });
  const order = (path: (string | number)[], before: string, after: string | undefined, zh: string, en: string) => {
    if (after !== undefined && after < before) add(path, "dates-in-order", "总局令第45号 arts. 9, 13; 企业信息公示暂行条例 art. 17", zh, en, after);
  };
  // the measures are facts known on the evaluation day: one decided or listed later is not a fact yet (总局令第45号 art. 9)
  const notYet = (path: (string | number)[], on: string, zh: string, en: string) => {
    if (input.evaluatedOn < on) add(path, "evaluation-after-measure", "总局令第45号 art. 9; Wancheng art. 25", zh, en, on);
  };
  input.measures.forEach((m, k) => {
    if (m.kind === "penalty") notYet(["measures", k, "decidedOn"], m.decidedOn, `评估日（${input.evaluatedOn}）早于处罚决定日期`, `the evaluation (${input.evaluatedOn}) is dated before the penalty decision (${m.decidedOn})`);
    else notYet(["measures", k, "listedOn"], m.listedOn, `评估日（${input.evaluatedOn}）早于列入名录日期`, `the evaluation (${input.evaluatedOn}) is dated before the listing (${m.listedOn})`);
    if (m.kind === "penalty") {
      order(["measures", k, "publishedOn"], m.decidedOn, m.publishedOn, "公示日期早于处罚决定日期", "the penalty is published before it was decided");
      order(["measures", k, "stoppedOn"], m.publishedOn, m.stoppedOn, "停止公示日期早于公示日期", "publication stopped before it started");
      order(["measures", k, "restrictionEndsOn"], m.decidedOn, m.restrictionEndsOn, "限制期限结束早于处罚决定", "the restriction ends before the decision");
      const severe = (SEVERE_PENALTY_TYPES as readonly string[]).includes(m.type);
      if (severe && m.tier === "minor") add(["measures", k, "tier"], "severe-not-minor", "总局令第45号 art. 14", "责令停产停业、限制、降级、吊销等处罚不能属轻微情形，不得提前停止公示", "a suspension, restriction, downgrade or revocation cannot be a minor penalty: it never stops early", m.type);
      if (m.lowerAmount === true && m.type !== "fine") add(["measures", k, "lowerAmount"], "lower-amount-fine-only", "总局令第45号 art. 13", "“较低数额罚款”仅适用于罚款", "lowerAmount applies to fines only", m.type);
      // a ground of a stop that never happened: the decision is said withdrawn, but no withdrawal day is given — the
      // evaluator would otherwise answer for a penalty still published (总局令第45号 arts. 11, 14)
      if (m.stopGround !== undefined && m.stoppedOn === undefined) add(["measures", k, "stoppedOn"], "stop-ground-without-date", "总局令第45号 arts. 11, 14", `给出了停止公示的理由（${m.stopGround === "decision-withdrawn" ? "决定被变更、撤销而撤回" : "提前停止公示"}），但未给出停止公示日期（stoppedOn）`, `a ground for the stop is given (${m.stopGround}) but not the day publication stopped (stoppedOn)`, m.stopGround);
    } else {
      order(["measures", k, "removedOn"], m.listedOn, m.removedOn, "移出日期早于列入日期", "removed before it was listed");
      if (m.removalGround !== undefined && m.removedOn === undefined) add(["measures", k, "removedOn"], "removal-ground-without-date", m.kind === "serious-list" ? "总局令第44号 art. 2; Wancheng art. 25" : "企业信息公示暂行条例 art. 17; Wancheng art. 25", `给出了移出的理由（${m.removalGround === "listing-revoked" ? "撤销列入决定" : "信用修复"}），但未给出移出日期（removedOn）`, `a ground for the removal is given (${m.removalGround}) but not the day of removal (removedOn)`, m.removalGround);
    }
  });
  return issues;
}

const nextDay = (d: string) => formatDayNumber((parseDayNumber(d) as number) + 1);
const later = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined ? a : a > b ? a : b);

const COND: Record<UnmetCondition["condition"], Omit<UnmetCondition, "condition">> = {
  "minimum-period": { clause: "总局令第45号 art. 14; 总局令第107号", zh: "未满最短公示期限", en: "the minimum publication period has not passed" },
  "penalty-fulfilled": { clause: "总局令第45号 art. 14(1)", zh: "尚未履行行政处罚决定规定的义务", en: "the penalty's obligations are not fulfilled" },
  "harm-remedied": { clause: "总局令第45号 art. 14(2)", zh: "尚未主动消除危害后果和不良影响", en: "the harm and its effects are not remedied" },
  "no-repeat-violation": { clause: "总局令第45号 art. 14(3)", zh: "因同一类违法行为再次受到行政处罚", en: "penalised again for the same kind of violation" },
  "not-on-lists": { clause: "总局令第45号 art. 14(4)", zh: "仍在经营异常名录或严重违法失信名单中", en: "still on the abnormal-operations or serious-violation list" },
  "ground-cured": { clause: "企业经营异常名录管理暂行办法 (removal on cure) [SECONDARY]", zh: "列入经营异常名录的情形尚未消除", en: "the ground of the abnormal-list entry is not cured" },
  "public-commitment": { clause: "信用修复管理办法 (NDRC 2025) [SECONDARY]", zh: "尚未作出信用承诺", en: "no public credit commitment made" },
  "violation-corrected": { clause: "川渝抽查检查结果公示信息修复工作方案 (2025-08-14) [SECONDARY]", zh: "检查发现的问题尚未整改", en: "the problem the inspection found is not corrected" },
};

/**
 * The negative outcomes the 川渝 scheme (2025-08-14) lets an enterprise repair **on application** once corrected, each with
 * the item of the scheme's list it falls under: 未按规定公示应当公示的信息; 通过登记的住所（经营场所）无法联系; 发现问题，依法责令
 * 立即改正或者限期改正; 发现问题，待后续调查处理; 不合格; 其它情况 [SECONDARY, regulations.md §1.6]. Not on it: 不配合检查情节严重
 * (published under 企业信息公示暂行条例 art. 15), 公示信息隐瞒真实情况弄虚作假 (a ground of the abnormal list, 条例 art. 17) and
 * 作出行政决定等依法应当公示的情况 (published with the decision, under its own rules): those stop only with the period or with
 * the linked measure.
 */
const CHUANYU_REPAIRABLE: Readonly<Partial<Record<OutcomeId, string>>> = {
  "information-not-published": "未按规定公示应当公示的信息",
  "unreachable-at-registered-address": "通过登记的住所（经营场所）无法联系",
  "ordered-to-correct": "发现问题，依法责令立即改正或者限期改正",
  "ordered-to-rectify": "发现问题，依法责令立即改正或者限期改正",
  "corrected-after-order": "发现问题，依法责令立即改正或者限期改正",
  "corrected-on-site": "发现问题，依法责令立即改正或者限期改正",
  "further-rectification-required": "发现问题，依法责令立即改正或者限期改正",
  "pending-follow-up": "发现问题，待后续调查处理",
  "further-investigation-required": "发现问题，待后续调查处理",
  "non-compliant": "不合格",
  other: "其它情况",
  "violates-food-drug-rules": "其它情况",
  "violates-quality-supervision-rules": "其它情况",
  "violates-other-department-rules": "其它情况",
  "violates-other-industry-commerce-rules": "其它情况",
  "violates-public-security-rules": "其它情况",
};

/** Outcomes whose standalone stop waits on a follow-up that may still bring a penalty (Wancheng art. 21, 25). */
const PENDING_OUTCOMES: readonly string[] = ["pending-follow-up", "further-investigation-required"];
const unmet = (c: UnmetCondition["condition"]): UnmetCondition => ({ condition: c, ...COND[c] });

interface MeasureStatus {
  readonly stoppedOn?: string;
  readonly autoStopOn?: string;
  readonly earliestApplicationOn?: string;
  readonly neverEarly: boolean;
  readonly unmet: UnmetCondition[];
  readonly basis: string[];
  /** Which processing time an application for it has. */
  readonly processing: "penalty" | "abnormal-list";
  /** The stop is a withdrawal of the decision (总局令第45号 art. 11) or a revoked listing, not a repair. */
  readonly annulled?: "decision-withdrawn" | "listing-revoked";
}

/**
 * Evaluates when a negative spot-check result (抽查检查结果负面信息) stops being published and when the enterprise may
 * apply for repair (信用修复):
 * - a non-negative outcome publishes nothing negative (result-code dictionary);
 * - **linked stop** (Wancheng art. 25; 总局令第107号): when a penalty (other than a minor one), an abnormal-list entry or
 *   a serious-list entry is based on the same finding, the result stops on the day the last such measure stops or is
 *   removed, and repair goes through those measures — early application after the tier's minimum period with the four
 *   conditions of 45号令 art. 14 (plus a credit commitment under NDRC 2025); severe penalty types (suspension,
 *   restriction, downgrade, revoked licences) can never stop early; a restriction beyond the period extends it;
 * - otherwise (no or only a minor penalty) the result stops after the standalone period (an option: the national value
 *   is unconfirmed; a penalty made only after it ended does not publish the result again), and under the 川渝 preset
 *   may be repaired on application once corrected (`facts.corrected`) — only the outcomes on the 川渝 scheme's list
 *   (not 不配合检查情节严重, 弄虚作假, 作出行政决定等依法应当公示的情况).
 *
 * A penalty's `tier` is the authority's classification from 总局令第107号 on (honoured); under the 2021 rules the type fixes
 * a reprimand or lower-amount fine at 3 months (45号令 art. 13) and another tier is refused. A period that began before
 * the rule set chosen by the evaluation date took effect gets the more favourable of the two sets' dates, never a date
 * under the new set before its entry into force (立法法 art. 104; the transition is [UNCONFIRMED] and said so). The
 * processing time is the rule set's of the evaluation day (7 working days, 15 under the 2021 measures; 5 for an
 * abnormal-list removal [UNCONFIRMED]).
 *
 * Periods use {@link addLegalPeriod}; an eligible application's processing deadline uses working days (7, 总局令第107号).
 * Rule sets are chosen by the evaluation date unless one is named. Before any rule covering spot-check results was in
 * force (the 2021 SAMR measures did not cover them; Wancheng art. 25 applies from 2026-03-20) the answer is
 * `out-of-scope`. Facts out of order (published before decided, stopped before published, removed before listed, an
 * evaluation dated before a penalty decision or a listing — 45号令 art. 9) and contradictions (a severe penalty claimed
 * `minor`, `lowerAmount` on anything but a fine — 45号令 arts. 13–14) are refused, all at once; so is a penalty's claimed
 * stop before its tier's minimum publication period (an ordinary fine: 3 months, 45号令 art. 14; 总局令第107号). A serious-list
 * removal dated before the minimum time on the list (1 year, 总局令第44号) is refused the same way: it cannot stop the
 * linked result. A decision changed, annulled, or held unlawful or void and withdrawn (`stopGround: "decision-withdrawn"`,
 * 总局令第45号 art. 11) and a listing decision revoked (`removalGround: "listing-revoked"`) are not early stops: the
 * linked result stops on the withdrawal or removal day whatever the tier, type or time published (Wancheng art. 25).
 * The standalone stop, like a penalty's, is never dated before the first rule covering spot-check results applied
 * (立法法 art. 104, [UNCONFIRMED transition]). A custom `dictionary` decides negativity. An uncured abnormal-list entry
 * reports its escalation date (条例 art. 17).
 *
 * @param rawInput - The negative result (outcomes, publication date), the `measures` based on the same finding
 *   (penalties, list entries), the enterprise's `facts` (corrected, fulfilled, repeat violations…) and `evaluatedOn`.
 * @param rawOptions - The `ruleSet`, the `jurisdiction` preset, the outcome `dictionary`, the standalone and
 *   serious-list periods and the `periodOptions` (calendar, rollover).
 * @returns When publication stops and whether, from when and how repair may be applied for, with the unmet conditions
 *   and the legal basis of each step.
 * @throws {@link ShuangsuijiError} `invalid-input` when the input is malformed (a date that is not a real `YYYY-MM-DD`
 *   date included) or contradicts itself (every problem listed), e.g. a severe penalty stopped early or a penalty
 *   without the tier its rule set needs.
 * @throws {@link ShuangsuijiError} `invalid-argument` when `ruleSet` or `jurisdiction` is unknown, or `dictionary` is
 *   not an object defining every outcome of the result with a boolean `isNegative`.
 * @throws {@link ShuangsuijiError} `calendar-year-not-covered` only with `periodOptions.outsideCoverage: "throw"`, when
 *   a period ends outside the calendar's years.
 * @category Credit repair
 * @example
 * ```ts
 * import { evaluateCreditRepair } from "shuangsuiji";
 * const r = evaluateCreditRepair({
 *   result: { outcomes: ["pending-follow-up"], publishedOn: "2026-01-10" },
 *   measures: [{ kind: "penalty", type: "fine", decidedOn: "2026-01-20", publishedOn: "2026-01-22", tier: "ordinary" }],
 *   facts: { penaltyFulfilled: true, harmRemedied: true, noRepeatViolation: true },
 *   evaluatedOn: "2026-05-01",
 * });
 * r.status; // "eligible-for-application" (3 months passed under 总局令第107号)
 * ```
 */
export function evaluateCreditRepair(rawInput: CreditRepairInput, rawOptions: CreditRepairOptions = {}): CreditRepairResult {
  // read once: a Proxy, getter, hole or absurd size is refused by path before zod walks it
  const input = readPlain(rawInput, ["input"], { maxArrayLength: 100_000 });
  const options = readPlain(rawOptions, ["options"], { keep: (v) => v === OUTCOMES }) as CreditRepairOptions;
  const parsed = CreditRepairInputSchema.safeParse(input);
  if (!parsed.success) throw new ShuangsuijiError("invalid-input", issuesFromZod(parsed.error.issues, { clause: "Wancheng art. 25; 总局令第45号" }, input), { cause: parsed.error });
  const { result, measures, facts, evaluatedOn } = parsed.data;
  const opts = (options !== null && typeof options === "object" ? options : {}) as CreditRepairOptions;
  const bad = (path: (string | number)[], rule: string, clause: string, zh: string, en: string, value?: unknown): never => {
    throw new ShuangsuijiError("invalid-argument", [{ path, rule, clause, messageZh: zh, messageEn: en, ...(value === undefined ? {} : { value }) }]);
  };
  if (opts.ruleSet !== undefined && (typeof opts.ruleSet !== "string" || !Object.hasOwn(CREDIT_RULE_SETS, opts.ruleSet))) bad(["ruleSet"], "rule-set", "CREDIT_RULE_SETS", "未知的规则集", `unknown rule set (${Object.keys(CREDIT_RULE_SETS).join(", ")})`, opts.ruleSet);
  const jurisdiction = opts.jurisdiction ?? "wancheng";
  if (typeof jurisdiction !== "string" || !Object.hasOwn(CREDIT_JURISDICTIONS, jurisdiction)) bad(["jurisdiction"], "jurisdiction", "CREDIT_JURISDICTIONS", "未知的辖区预设", `unknown jurisdiction (${Object.keys(CREDIT_JURISDICTIONS).join(", ")})`, jurisdiction);
  const dictionary = opts.dictionary ?? OUTCOMES;
  if (dictionary === null || typeof dictionary !== "object") bad(["dictionary"], "dictionary", "OUTCOMES", "结果字典无效", "the outcome dictionary must be an object", dictionary);
  for (const o of result.outcomes) {
    const d = Object.hasOwn(dictionary, o) ? (dictionary as Record<string, unknown>)[o] : undefined;
    if (d === null || typeof d !== "object" || typeof (d as { isNegative?: unknown }).isNegative !== "boolean") bad(["dictionary", o], "dictionary-entry", "OUTCOMES; 川渝 scheme (2025)", `结果字典缺少“${o}”或其isNegative`, `the dictionary has no boolean isNegative for "${o}"`);
  }
  const inconsistent = consistencyIssues(parsed.data);
  if (inconsistent.length > 0) throw new ShuangsuijiError("invalid-input", inconsistent);
  const rs: CreditRuleSet = opts.ruleSet !== undefined ? CREDIT_RULE_SETS[opts.ruleSet] : evaluatedOn >= CREDIT_RULE_SETS.SAMR_2025.from ? CREDIT_RULE_SETS.SAMR_2025 : CREDIT_RULE_SETS.SAMR_2021;
  const local = CREDIT_JURISDICTIONS[jurisdiction as keyof typeof CREDIT_JURISDICTIONS];
  const serious = opts.seriousListPeriods ?? { applyAfter: { years: 1 }, removeAfter: { years: 3 } };
  if (serious === null || typeof serious !== "object" || serious.applyAfter === null || typeof serious.applyAfter !== "object" || serious.removeAfter === null || typeof serious.removeAfter !== "object") bad(["seriousListPeriods"], "serious-list-periods", "总局令第44号", "严重违法失信名单期限无效", "seriousListPeriods needs applyAfter and removeAfter periods", serious);
  const localInForce = evaluatedOn >= local.from;
  const periodOptions: LegalPeriodOptions = { outsideCoverage: "assume-weekdays", ...opts.periodOptions };
  const period = (from: string, p: LegalPeriod) => nextDay(addLegalPeriod(from, p, periodOptions));
  const done = (r: Record<string, unknown>) => {
    const dates = ["autoStopOn", "earliestApplicationOn", "processingDeadline", "stoppedOn"].map((k) => r[k]).filter((d): d is string => typeof d === "string");
    return deepFreeze({ ruleSet: rs.id, provisional: dates.some((d) => isProvisional(d, periodOptions)), ...(escalation === undefined ? {} : { escalation }), ...r }) as unknown as CreditRepairResult;
  };
  const uncured = measures.find((m): m is Extract<(typeof measures)[number], { kind: "abnormal-list" }> => m.kind === "abnormal-list" && m.cured !== true && (m.removedOn === undefined || m.removedOn > evaluatedOn));
  const escalation = uncured === undefined ? undefined : (() => {
    const escalatesOn = period(uncured.listedOn, { years: 3 });
    return { listedOn: uncured.listedOn, escalatesOn, reminderFrom: formatDayNumber((parseDayNumber(escalatesOn) as number) - 60), basis: "企业信息公示暂行条例 art. 17 (满3年未履行公示义务的，列入严重违法企业名单); reminder 60 days before [SECONDARY]" };
  })();

  const negative = result.outcomes.filter((o) => (dictionary as Record<string, { isNegative: boolean }>)[o]?.isNegative === true);
  if (negative.length === 0) {
    return done({ status: "not-negative", basis: ["川渝 scheme (2025) negative outcomes; regulations.md §3"], explanationZh: "检查结果不属于负面信息，无需信用修复", explanationEn: "the result is not negative information: nothing to repair" });
  }
  if (evaluatedOn < result.publishedOn) {
    return done({ status: "not-yet-published", publishedOn: result.publishedOn, basis: ["Wancheng art. 21"], explanationZh: "检查结果尚未公示", explanationEn: "the result is not published yet" });
  }
  if (!localInForce && !rs.coversSpotCheckResults) {
    return done({
      status: "out-of-scope",
      basis: [`${rs.id}: spot-check negative results are outside its scope (${rs.sources[0] ?? rs.id})`, `${local.basis}: in force from ${local.from}`],
      explanationZh: `评估日（${evaluatedOn}）适用的信用修复规则不涵盖抽查检查结果负面信息，本地规则自${local.from}起施行：无可适用的修复规则`,
      explanationEn: `on ${evaluatedOn} the applicable rule set (${rs.id}) did not cover spot-check negative results and the local rule applies only from ${local.from}: no repair rule applies`,
    });
  }
  // each preset cites its own document (the 川渝 scheme is not Wancheng art. 25); before it is in force, the national rule
  const linkClause = !localInForce ? "总局令第107号 (同时停止公示相应的抽查检查结果负面信息) [SECONDARY]"
    : jurisdiction === "chuanyu" ? "川渝抽查检查结果公示信息修复工作方案 (2025-08-14): 基于同一违法行为的行政处罚、经营异常名录、严重违法失信名单信息停止公示或移出的，同时停止公示 [SECONDARY]"
    : "Wancheng art. 25 (同时停止公示相应的抽查检查结果负面信息)";
  const standaloneClause = !localInForce ? "总局令第107号 (公示满法定期限) [SECONDARY]"
    : jurisdiction === "chuanyu" ? "川渝抽查检查结果公示信息修复工作方案 (2025-08-14): 公示满法定时间的，主动停止公示 [SECONDARY]"
    : "Wancheng art. 25 (公示满法定期限后应当停止公示)";
  // the time to decide an application is the rule in force when it is decided (procedure follows the rules of its day):
  // 7 working days under 总局令第107号, 15 under 国市监信规〔2021〕3号 [SECONDARY: "cut from 15 to 7"]; removal from the
  // abnormal list 5 working days [UNCONFIRMED, regulations.md §1.4]
  const processing = (kind: "penalty" | "abnormal-list"): { readonly date: string; readonly days: number; readonly basis: string } => {
    if (kind === "abnormal-list") return { date: addWorkingDays(evaluatedOn, 5, periodOptions), days: 5, basis: "企业经营异常名录管理暂行办法: 移出决定5个工作日 [UNCONFIRMED, regulations.md §1.4]" };
    if (rs.id === "SAMR_2021") return { date: addWorkingDays(evaluatedOn, 15, periodOptions), days: 15, basis: "国市监信规〔2021〕3号: 15个工作日 [SECONDARY]" };
    const d = computeDeadline("repair-processing", evaluatedOn, periodOptions);
    return { date: d.date, days: d.definition.workingDays, basis: d.definition.basis.join("; ") };
  };

  const onList = measures.some((m) => (m.kind === "abnormal-list" || m.kind === "serious-list") && (m.removedOn === undefined || m.removedOn > evaluatedOn));
  const conditions = (withLists: boolean): UnmetCondition[] => [
    ...(facts.penaltyFulfilled ? [] : [unmet("penalty-fulfilled")]),
    ...(facts.harmRemedied ? [] : [unmet("harm-remedied")]),
    ...(facts.noRepeatViolation ? [] : [unmet("no-repeat-violation")]),
    ...(withLists && onList ? [unmet("not-on-lists")] : []),
    ...(rs.id === "NDRC_2025" && facts.publicCommitment !== true ? [unmet("public-commitment")] : []),
  ];

  const tierOf = (m: Extract<(typeof measures)[number], { kind: "penalty" }>, set: CreditRuleSet = rs, strict = true): CreditTier => {
    const minorByType = m.type === "warning" || m.type === "public-reprimand" || m.lowerAmount === true;
    // from 总局令第107号 on the tier is the deciding authority's classification: a reprimand tiered ordinary is not 轻微
    if (set.id !== "SAMR_2021" && m.tier !== undefined) return m.tier;
    if (minorByType) {
      // under 45号令 art. 13 the type fixes the 3-month period: another tier claimed for it contradicts the rule
      if (strict && m.tier !== undefined && m.tier !== "minor") {
        throw new ShuangsuijiError("invalid-input", [{
          path: ["measures", "tier"], rule: "tier-contradicts-type", clause: "总局令第45号 art. 13",
          messageZh: `通报批评、警告或较低数额罚款按总局令第45号第十三条公示3个月，不能为“${m.tier === "serious" ? "严重" : "一般"}”分级`,
          messageEn: `under 总局令第45号 art. 13 a warning, reprimand or lower-amount fine is published 3 months: it cannot be tiered ${m.tier}`,
          value: m.tier,
        }]);
      }
      return "minor";
    }
    if (m.tier !== undefined) return m.tier;
    if (set.id === "SAMR_2021") return "ordinary";
    throw new ShuangsuijiError("invalid-input", [
      { path: ["measures", "tier"], rule: "penalty-tier", clause: rs.sources[0] ?? rs.id, messageZh: "2025年起须给出处罚信息的轻微/一般/严重分级", messageEn: `the ${rs.id} rules need the penalty's tier (minor, ordinary or serious)`, value: m.type },
    ]);
  };

  // Standalone period (Wancheng art. 25, first sentence): a result on which no penalty or listing was made by the end of
  // it has stopped; a measure made later does not publish it again (it is published under its own rules)
  const standalone = opts.standalonePeriod ?? { months: 3 };
  // A period that ended before any rule covering spot-check results was in force here did not stop the result then: a
  // rule does not reach back before its entry into force, except in the party's favour (立法法 art. 104) — so the stop
  // is no earlier than the first day such a rule applied (总局令第107号 from 2025-12-25 when the rule set covers spot-check
  // results; the local rule from its own date, Wancheng art. 28 / the 川渝 scheme), as for penalties. Whether the rules
  // reach results published before they took effect is not confirmed [UNCONFIRMED transition].
  const periodStop = period(result.publishedOn, standalone);
  const covering = [{ from: local.from, basis: local.basis }, ...(rs.coversSpotCheckResults ? [{ from: rs.from, basis: `${rs.sources[0] ?? rs.id}` }] : [])]
    .reduce((a, b) => (b.from < a.from ? b : a));
  const standaloneTransition = periodStop < covering.from;
  const standaloneStop = standaloneTransition ? covering.from : periodStop;
  const afterStop: string[] = [];
  const linked: MeasureStatus[] = [];
  for (const m of measures) {
    const status = match(m)
      .with({ kind: "penalty" }, (p): MeasureStatus | undefined => {
        const tier = tierOf(p);
        if (tier === "minor" && p.restrictionEndsOn === undefined) return undefined; // a minor penalty does not link (Wancheng art. 25)
        const rule = rs.tiers[tier];
        const start = rs.periodStartsAt === "publication" ? p.publishedOn : p.decidedOn;
        const restriction = p.restrictionEndsOn === undefined ? undefined : nextDay(p.restrictionEndsOn);
        let autoStopOn = later(period(start, rule.autoStopAfter), restriction);
        const neverEarly = (SEVERE_PENALTY_TYPES as readonly string[]).includes(p.type);
        let earliest = rule.applyAfter === undefined ? undefined : period(start, rule.applyAfter);
        const transition: string[] = [];
        // A period that began before the rule set chosen by the evaluation date was in force: a rule does not reach back
        // before its entry into force, except in the party's favour (立法法 art. 104). So each date is the more favourable
        // of the rules in force when the period began and the new rules — the latter never before their entry into force.
        // Whether 总局令第107号 reaches information published before 2025-12-25 is not confirmed [UNCONFIRMED].
        const old = opts.ruleSet === undefined && start < rs.from && rs.id === "SAMR_2025" ? CREDIT_RULE_SETS.SAMR_2021 : undefined;
        if (old !== undefined) {
          const oldRule: TierRule = old.tiers[tierOf(p, old, false)];
          const notBefore = (d: string | undefined) => (d === undefined ? undefined : d < rs.from ? rs.from : d);
          const earlier = (a: string | undefined, b: string | undefined) => (a === undefined || b === undefined ? undefined : a < b ? a : b);
          autoStopOn = earlier(later(period(start, oldRule.autoStopAfter), restriction), notBefore(autoStopOn)) ?? autoStopOn;
          earliest = oldRule.applyAfter === undefined || earliest === undefined ? undefined : earlier(period(start, oldRule.applyAfter), notBefore(earliest));
          transition.push(`${oldRule.basis} (in force when publication began, ${start})`, `立法法 art. 104: 不溯及既往，有利于当事人的除外 — the more favourable of ${old.id} and ${rs.id}, no date under ${rs.id} before ${rs.from} [UNCONFIRMED transition]`);
        }
        // A decision changed, annulled, or held unlawful or void is withdrawn from publication (撤回, 总局令第45号 art. 11):
        // that is not an early stop (提前停止公示, art. 14), so neither the tier's minimum period nor the bar on the severe
        // types applies, and the negative result stops with it (Wancheng art. 25: 停止公示行政处罚信息…同时停止公示)
        const withdrawn = p.stopGround === "decision-withdrawn" && p.stoppedOn !== undefined;
        const hintZh = "（决定被依法变更、撤销、确认违法或者确认无效而撤回的，不属于提前停止公示，请标明 stopGround: \"decision-withdrawn\"，总局令第45号第十一条）";
        const hintEn = ` (a decision changed, annulled, or held unlawful or void and withdrawn is not an early stop: set stopGround: "decision-withdrawn", 总局令第45号 art. 11)`;
        // a stop the rules forbid is not a fact to build on: the severe types never stop before their period ends,
        // whatever else is claimed (总局令第45号 art. 14)
        if (!withdrawn && p.stoppedOn !== undefined && neverEarly && autoStopOn !== undefined && p.stoppedOn < autoStopOn) {
          throw new ShuangsuijiError("invalid-input", [{
            path: ["measures", "stoppedOn"], rule: "early-stop-forbidden", clause: "总局令第45号 art. 14",
            messageZh: `该类处罚不得提前停止公示（期满日${autoStopOn}），停止日期${p.stoppedOn}与规定不符${hintZh}`,
            messageEn: `this penalty type may never stop early (its period ends ${autoStopOn}); a stop on ${p.stoppedOn} contradicts the rules${hintEn}`,
            value: p.stoppedOn,
          }]);
        }
        // nor does any other penalty stop before its tier's minimum publication period (ordinary: 3 months under
        // 总局令第107号); a stop claimed earlier contradicts the rules (总局令第45号 art. 14; 总局令第107号)
        const minimumEnd = neverEarly ? undefined : (earliest ?? autoStopOn);
        if (!withdrawn && p.stoppedOn !== undefined && minimumEnd !== undefined && p.stoppedOn < minimumEnd) {
          throw new ShuangsuijiError("invalid-input", [{
            path: ["measures", "stoppedOn"], rule: "stop-before-minimum-period", clause: `总局令第45号 art. 14; ${rule.basis}`,
            messageZh: `${tier === "minor" ? "轻微" : tier === "ordinary" ? "一般" : "严重"}失信信息最短公示期限未满（${minimumEnd}起方可停止），停止日期${p.stoppedOn}与规定不符${hintZh}`,
            messageEn: `the ${tier} tier's minimum publication period runs until ${minimumEnd}; a stop on ${p.stoppedOn} contradicts the rules${hintEn}`,
            value: p.stoppedOn,
          }]);
        }
        // an early stop granted as repair needs every condition of 总局令第45号 art. 14: a stop the input's own facts
        // contradict (not fulfilled, harm not remedied, repeated) is not a fact to build a linked stop on (Wancheng art. 25);
        // a withdrawn decision (art. 11) stops without them
        if (p.stoppedOn !== undefined && (autoStopOn === undefined || p.stoppedOn < autoStopOn) && p.stopGround !== "decision-withdrawn") {
          const contradicted = conditions(false).filter((c) => c.condition === "penalty-fulfilled" || c.condition === "harm-remedied" || c.condition === "no-repeat-violation");
          if (contradicted.length > 0) {
            throw new ShuangsuijiError("invalid-input", contradicted.map((c) => ({
              path: ["facts", c.condition === "penalty-fulfilled" ? "penaltyFulfilled" : c.condition === "harm-remedied" ? "harmRemedied" : "noRepeatViolation"], rule: "early-stop-conditions-unmet", clause: `${c.clause}; Wancheng art. 25`,
              messageZh: `处罚信息于${p.stoppedOn}提前停止公示，但输入的事实表明：${c.zh}（提前停止公示须满足全部条件；因决定被撤销而撤回的，请标明 stopGround: "decision-withdrawn"）`,
              messageEn: `the penalty stopped early on ${p.stoppedOn}, but the input's facts say: ${c.en} (an early stop needs every condition; for a decision annulled and withdrawn, set stopGround: "decision-withdrawn")`,
              value: p.stoppedOn,
            })));
          }
        }
        // once withdrawn, the stop is the withdrawal day whatever the rule sets say: their transition does not date it
        const settled = withdrawn && (p.stoppedOn as string) <= evaluatedOn;
        return {
          ...(p.stoppedOn === undefined ? {} : { stoppedOn: p.stoppedOn }),
          ...(autoStopOn === undefined ? {} : { autoStopOn }),
          ...(neverEarly || earliest === undefined ? {} : { earliestApplicationOn: earliest }),
          neverEarly,
          unmet: neverEarly ? [] : [...(earliest !== undefined && evaluatedOn < earliest ? [unmet("minimum-period")] : []), ...conditions(true)],
          basis: [
            ...(withdrawn ? [`总局令第45号 art. 11 (行政处罚决定被依法变更、撤销、确认违法或者确认无效的…撤回: withdrawn on ${p.stoppedOn}; a withdrawal, not an early stop under art. 14 — no minimum period, no bar on the severe types, no condition)`] : []),
            rule.basis, ...(settled ? [] : transition),
            ...(neverEarly && !settled ? ["总局令第45号 art. 14 (不得提前停止公示)"] : []), ...(p.restrictionEndsOn === undefined ? [] : ["总局令第45号 art. 13 (限制期限超过公示期限的，按实际限制期限执行)"]),
          ],
          processing: "penalty",
          ...(withdrawn ? { annulled: "decision-withdrawn" as const } : {}),
        };
      })
      .with({ kind: "abnormal-list" }, (a): MeasureStatus => {
        // removal (移出) follows the cure of the ground (企业信息公示暂行条例 art. 17): a removal of an entry the input marks
        // not cured contradicts it and cannot stop the linked result (Wancheng art. 25)
        // a listing decision revoked (撤销列入决定: found wrong on objection, review or suit) had no ground to cure: its
        // removal is not a repair, and the linked result stops the same day (Wancheng art. 25)
        const revoked = a.removalGround === "listing-revoked" && a.removedOn !== undefined;
        if (!revoked && a.removedOn !== undefined && a.cured === false) {
          throw new ShuangsuijiError("invalid-input", [{
            path: ["measures", "removedOn"], rule: "removal-ground-not-cured", clause: "企业信息公示暂行条例 art. 17; Wancheng art. 25",
            messageZh: `经营异常名录于${a.removedOn}移出，但输入标明列入情形尚未消除（cured: false），不能据此同时停止公示抽查检查结果负面信息（列入决定被撤销的，请标明 removalGround: "listing-revoked"）`,
            messageEn: `the abnormal-list entry is removed on ${a.removedOn}, but the input marks its ground not cured (cured: false); the removal cannot stop the linked negative result (for a listing decision revoked, set removalGround: "listing-revoked")`,
            value: a.removedOn,
          }]);
        }
        return {
        ...(a.removedOn === undefined ? {} : { stoppedOn: a.removedOn }),
        neverEarly: false,
        ...(a.cured === true ? { earliestApplicationOn: a.listedOn } : {}),
        unmet: a.cured === true ? [] : [unmet("ground-cured")],
        processing: "abnormal-list",
        basis: [
          ...(revoked ? [`listing decision revoked (撤销列入决定) on ${a.removedOn}: removed without a cure, not a repair (企业信息公示暂行条例 art. 17 removes on cure; a revoked listing leaves nothing to cure) [UNCONFIRMED article of the revocation rule]`] : []),
          "企业信息公示暂行条例 art. 17; 企业经营异常名录管理暂行办法 art. 4 [SECONDARY]", `escalates to the serious-violation list after 3 years uncured: ${period(a.listedOn, { years: 3 })} (条例 art. 17)`,
        ],
        ...(revoked ? { annulled: "listing-revoked" as const } : {}),
        };
      })
      .with({ kind: "serious-list" }, (s): MeasureStatus => {
        const earliest = period(s.listedOn, serious.applyAfter);
        const autoStopOn = later(period(s.listedOn, serious.removeAfter), s.restrictionEndsOn === undefined ? undefined : nextDay(s.restrictionEndsOn));
        // A listing revoked (撤销列入决定) is not an early removal (提前移出, a repair): the listing rests on a heavier
        // penalty (总局令第44号 art. 2), and when that penalty is changed, annulled, or held unlawful or void, or the
        // listing is itself annulled, the entry goes without the year on the list or the early-removal conditions; the
        // linked result stops the same day (Wancheng art. 25)
        const revoked = s.removalGround === "listing-revoked" && s.removedOn !== undefined;
        const hintZh = "（列入决定被撤销的，不属于提前移出，请标明 removalGround: \"listing-revoked\"）";
        const hintEn = ` (a listing decision revoked is not an early removal: set removalGround: "listing-revoked")`;
        // a removal before the minimum time on the list is not a fact to build a linked stop on: early removal
        // (提前移出) may be applied for only after 1 year on the list (总局令第44号, regulations.md §1.3)
        if (!revoked && s.removedOn !== undefined && s.removedOn < earliest) {
          throw new ShuangsuijiError("invalid-input", [{
            path: ["measures", "removedOn"], rule: "removal-before-minimum-period",
            clause: "总局令第44号 (提前移出 only after 1 year on the list; article number [UNCONFIRMED], regulations.md §1.3); Wancheng art. 25",
            messageZh: `严重违法失信名单列入满${JSON.stringify(serious.applyAfter)}后方可申请提前移出（${earliest}起），移出日期${s.removedOn}与规定不符，不能据此同时停止公示抽查检查结果负面信息${hintZh}`,
            messageEn: `early removal from the serious-violation list may be applied for only from ${earliest}; a removal on ${s.removedOn} contradicts the rules and cannot stop the linked negative result${hintEn}`,
            value: s.removedOn,
          }]);
        }
        // early removal (提前移出, before the automatic removal) needs the penalty fulfilled, the harm remedied and no
        // further heavier penalty (总局令第44号, regulations.md §1.3): a removal the input's own facts contradict is not a
        // fact to stop the linked result on (Wancheng art. 25), as for a penalty's early stop (总局令第45号 art. 14)
        if (!revoked && s.removedOn !== undefined && autoStopOn !== undefined && s.removedOn < autoStopOn) {
          const contradicted = conditions(false).filter((c) => c.condition === "penalty-fulfilled" || c.condition === "harm-remedied" || c.condition === "no-repeat-violation");
          if (contradicted.length > 0) {
            throw new ShuangsuijiError("invalid-input", contradicted.map((c) => ({
              path: ["facts", c.condition === "penalty-fulfilled" ? "penaltyFulfilled" : c.condition === "harm-remedied" ? "harmRemedied" : "noRepeatViolation"], rule: "early-removal-conditions-unmet",
              clause: "总局令第44号 (提前移出: 已履行行政处罚、已消除危害、未再受较重行政处罚; article number [UNCONFIRMED], regulations.md §1.3); Wancheng art. 25",
              messageZh: `严重违法失信名单于${s.removedOn}提前移出（自动移出日${autoStopOn}），但输入的事实表明：${c.zh}，不能据此同时停止公示抽查检查结果负面信息${hintZh}`,
              messageEn: `the serious-list entry was removed early on ${s.removedOn} (automatic removal ${autoStopOn}), but the input's facts say: ${c.en}; the removal cannot stop the linked negative result${hintEn}`,
              value: s.removedOn,
            })));
          }
        }
        return {
          processing: "penalty",
          ...(s.removedOn === undefined ? {} : { stoppedOn: s.removedOn }),
          ...(autoStopOn === undefined ? {} : { autoStopOn }),
          earliestApplicationOn: earliest,
          neverEarly: false,
          unmet: [...(evaluatedOn < earliest ? [unmet("minimum-period")] : []), ...conditions(false)],
          basis: [
            ...(revoked ? [`listing decision revoked (撤销列入决定) on ${s.removedOn}: the listing rests on a heavier penalty (总局令第44号 art. 2) [SECONDARY]; a revocation is not an early removal (提前移出) — no year on the list, no early-removal condition [UNCONFIRMED article of the revocation rule]`] : []),
            `市场监督管理严重违法失信名单管理办法 (总局令第44号): apply after ${JSON.stringify(serious.applyAfter)}, removed automatically at ${JSON.stringify(serious.removeAfter)} (option seriousListPeriods) [UNCONFIRMED article numbers]`,
          ],
          ...(revoked ? { annulled: "listing-revoked" as const } : {}),
        };
      })
      .exhaustive();
    const made = m.kind === "penalty" ? m.decidedOn : m.listedOn;
    if (status !== undefined && made >= standaloneStop) afterStop.push(made);
    else if (status !== undefined) linked.push(status);
  }

  if (linked.length > 0) {
    const stopOf = (s: MeasureStatus) => s.stoppedOn ?? s.autoStopOn;
    const allStopped = linked.every((s) => stopOf(s) !== undefined && evaluatedOn >= (stopOf(s) as string));
    const basis = [...new Set([linkClause, "总局令第107号 [SECONDARY]", ...linked.flatMap((s) => s.basis)])];
    const transitional = basis.some((b) => b.includes("[UNCONFIRMED transition]"));
    const tZh = transitional ? "（新旧规则的过渡适用未经确认：按有利于当事人的规则计算，且不早于新规则施行之日）" : "";
    const tEn = transitional ? " (the transition between the rule sets is unconfirmed: the more favourable rule applied, never before the new rules took effect)" : "";
    if (allStopped) {
      const stoppedOn = linked.map(stopOf).reduce(later) as string;
      // the last stop a withdrawal (总局令第45号 art. 11) or a revoked listing: said as such, not as a repair
      const last = linked.filter((s) => stopOf(s) === stoppedOn).map((s) => s.annulled);
      if (last.every((a) => a !== undefined)) {
        const whatZh = last.includes("decision-withdrawn") && last.includes("listing-revoked") ? "行政处罚决定被依法变更、撤销、确认违法或者确认无效而撤回公示，列入决定被撤销而移出" : last.includes("decision-withdrawn") ? "行政处罚决定被依法变更、撤销、确认违法或者确认无效，处罚信息撤回公示（总局令第45号第十一条）" : "列入名录或名单的决定被撤销而移出";
        const whatEn = last.includes("decision-withdrawn") && last.includes("listing-revoked") ? "the penalty decision was changed or annulled and withdrawn, and the listing revoked" : last.includes("decision-withdrawn") ? "the penalty decision was changed, annulled, or held unlawful or void, and its publication withdrawn (总局令第45号 art. 11)" : "the listing decision was revoked and the entry removed";
        return done({ status: "auto-stopped", stoppedOn, reason: "linked-measure-stopped", basis, explanationZh: `${whatZh}，于${stoppedOn}停止公示；抽查检查结果负面信息同日停止公示（不属于提前停止公示或提前移出）${tZh}`, explanationEn: `${whatEn} on ${stoppedOn}; the negative result stopped the same day (not an early stop or early removal)${tEn}` });
      }
      return done({ status: "auto-stopped", stoppedOn, reason: "linked-measure-stopped", basis, explanationZh: `相关处罚或名单信息已于${stoppedOn}停止公示/移出，抽查检查结果负面信息同日停止公示${tZh}`, explanationEn: `the linked penalty or list entry stopped on ${stoppedOn}; the negative result stopped the same day${tEn}` });
    }
    const open = linked.filter((s) => stopOf(s) === undefined || evaluatedOn < (stopOf(s) as string));
    const autoStopOn = open.every((s) => s.autoStopOn !== undefined) ? (linked.map(stopOf).reduce(later) as string) : undefined;
    if (open.some((s) => s.neverEarly)) {
      return done({ status: "never-early", ...(autoStopOn === undefined ? {} : { autoStopOn }), basis, explanationZh: `相关行政处罚不得提前停止公示${autoStopOn === undefined ? "" : `，${autoStopOn}起停止公示`}`, explanationEn: `the linked penalty can never stop early${autoStopOn === undefined ? "" : `; publication stops from ${autoStopOn}`}` });
    }
    const unmetAll = [...new Map(open.flatMap((s) => s.unmet).map((u) => [u.condition, u])).values()];
    if (unmetAll.length === 0) {
      // several open measures: the application is decided when the slowest of them is
      const p = [...new Set(open.map((s) => s.processing))].map(processing).reduce((a, b) => (b.date > a.date ? b : a));
      const processingDeadline = p.date;
      return done({ status: "eligible-for-application", linked: true, ...(autoStopOn === undefined ? {} : { autoStopOn }), processingDeadline, basis: [...basis, p.basis], explanationZh: `可申请相关处罚/名单信息的信用修复；修复后抽查检查结果负面信息同时停止公示（受理后${p.days}个工作日内办结，至${processingDeadline}）`, explanationEn: `may apply to repair the linked penalty or list entry; the negative result stops with it (decided within ${p.days} working days: by ${processingDeadline})` });
    }
    const earliest = open.map((s) => s.earliestApplicationOn).reduce(later, undefined);
    return done({
      status: "published", linked: true, unmetConditions: unmetAll, ...(earliest === undefined ? {} : { earliestApplicationOn: earliest }), ...(autoStopOn === undefined ? {} : { autoStopOn }), basis,
      explanationZh: `仍在公示；未满足：${unmetAll.map((u) => u.zh).join("；")}${tZh}`, explanationEn: `still published; not met: ${unmetAll.map((u) => u.en).join("; ")}${tEn}`,
    });
  }

  // Standalone: no penalty, or only a minor one (Wancheng art. 25).
  const autoStopOn = standaloneStop;
  const basis = [
    standaloneClause, "standalone period: an option, default 3 months [UNCONFIRMED national value, regulations.md §1.6]",
    ...(standaloneTransition ? [`${covering.basis}: in force from ${covering.from}`, `立法法 art. 104: 不溯及既往，有利于当事人的除外 — the standalone period would stop the result from ${periodStop}, before any rule covering spot-check results applied (${covering.from}): stopped from ${covering.from} at the earliest [UNCONFIRMED transition]`] : []),
    ...(afterStop.length === 0 ? [] : [`a penalty or listing made on ${afterStop.join(", ")}, after the standalone period ended (${standaloneStop}), does not publish the result again (Wancheng art. 25)`]),
  ];
  const sZh = standaloneTransition ? `（公示期按期限计算止于${periodStop}之前，但当时尚无涵盖抽查检查结果的修复规则：自${covering.from}规则施行之日起停止；新旧规则的过渡适用未经确认）` : "";
  const sEn = standaloneTransition ? ` (the period alone would end it from ${periodStop}, but no rule covering spot-check results applied before ${covering.from}: stopped from that day at the earliest; the transition is unconfirmed)` : "";
  if (evaluatedOn >= autoStopOn) {
    return done({ status: "auto-stopped", stoppedOn: autoStopOn, reason: "period-expired", basis, explanationZh: `公示期满，${autoStopOn}起停止公示${sZh}`, explanationEn: `the publication period ended; stopped from ${autoStopOn}${sEn}` });
  }
  // a result whose follow-up is pending keeps this date only if no penalty or listing follows (Wancheng art. 25)
  const pending = negative.some((o) => PENDING_OUTCOMES.includes(o));
  const caveatZh = (pending ? "（待后续调查处理：若据此作出行政处罚或列入名单，改随该处罚或名单停止公示）" : "") + sZh;
  const caveatEn = (pending ? " (follow-up pending: if a penalty or listing follows, the result stops with it instead)" : "") + sEn;
  if (jurisdiction === "chuanyu" && localInForce) {
    // only the outcomes on the 川渝 scheme's list are repaired on application; the others wait for the period
    const notListed = negative.filter((o) => CHUANYU_REPAIRABLE[o] === undefined);
    if (notListed.length > 0) {
      const names = notListed.map((o) => OUTCOMES[o].zh).join("、");
      return done({
        status: "published", linked: false, unmetConditions: [], autoStopOn, basis: [...basis, "川渝抽查检查结果公示信息修复工作方案 (2025-08-14): 可申请修复的负面信息限于方案所列情形 [SECONDARY]"],
        explanationZh: `“${names}”不属于川渝方案可申请修复的情形：仍在公示，${autoStopOn}起自动停止${caveatZh}`,
        explanationEn: `${notListed.join(", ")} is not among the outcomes the 川渝 scheme lets an enterprise repair on application: still published; stops automatically from ${autoStopOn}${caveatEn}`,
      });
    }
    const corrected = facts.corrected ?? (facts.penaltyFulfilled && facts.harmRemedied);
    if (corrected) {
      const p = processing("penalty");
      return done({
        status: "eligible-for-application", linked: false, autoStopOn, processingDeadline: p.date,
        basis: [...basis, "川渝抽查检查结果公示信息修复工作方案 (2025-08-14): 问题已整改的，可申请修复 [SECONDARY]", `${p.basis} — the scheme states no time of its own: the penalty rule's, by analogy [UNCONFIRMED]`],
        explanationZh: `问题已整改，可申请修复抽查检查结果公示信息（参照${p.days}个工作日办结，至${p.date}）${sZh}`,
        explanationEn: `the problem is corrected: repair of the published result may be applied for (decided within ${p.days} working days by analogy: by ${p.date})${sEn}`,
      });
    }
    return done({ status: "published", linked: false, unmetConditions: [unmet("violation-corrected")], autoStopOn, basis, explanationZh: `仍在公示，${autoStopOn}起自动停止；整改后可申请修复${caveatZh}`, explanationEn: `still published; stops automatically from ${autoStopOn}; repair may be applied for once corrected${caveatEn}` });
  }
  return done({ status: "published", linked: false, unmetConditions: [], autoStopOn, basis, explanationZh: `仍在公示，${autoStopOn}起自动停止，无需申请${caveatZh}`, explanationEn: `still published; stops automatically from ${autoStopOn}, no application needed${caveatEn}` });
}
