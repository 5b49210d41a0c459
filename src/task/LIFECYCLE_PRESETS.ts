import * as z from "zod/v4";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { OUTCOME_IDS, type OutcomeId } from "../codes/OUTCOMES.js";
import { GSXT_RESULT_CODES } from "../codes/FORM_CODES.js";
import { ADVANCE_NOTICE_CATEGORIES } from "../model/inspectionItem.js";
import { TRIMMED_TEXT_PATTERN } from "../model/primitives.js";
import { ruleMessage } from "../errors/rules.js";

/**
 * Who may approve (审批) a step, lowest first: the department head (部门负责人) or the department's principal head
 * (主要负责人). A step that needs the department head also accepts the principal head (a higher 负责人); a step that needs
 * the principal head accepts nobody else (Chongqing 6.4, 6.6).
 *
 * @category Task
 * @example
 * ```ts
 * import { APPROVER_ROLES } from "shuangsuiji";
 * APPROVER_ROLES; // ["department-head", "principal-head"]
 * ```
 */
export const APPROVER_ROLES = /* @__PURE__ */ deepFreeze(["department-head", "principal-head"] as const);

/**
 * One of {@link APPROVER_ROLES}.
 *
 * @category Task
 */
export type ApproverRole = (typeof APPROVER_ROLES)[number];

// a clause text is kept as given: surrounding white space is refused (text-trimmed), never trimmed silently, as every
// other text of the library (TextSchema) and as the shipped JSON Schema's pattern says
const Clause = z
  .string()
  .min(1, { error: ruleMessage("text-trimmed") })
  .max(500)
  .refine((s) => s === s.trim(), { error: ruleMessage("text-trimmed") })
  .meta({ pattern: TRIMMED_TEXT_PATTERN });

/**
 * Schema of a lifecycle preset: the rules one source document sets. Custom presets passed to {@link startTask} are
 * validated against it.
 *
 * @category Task
 * @example
 * ```ts
 * import { LifecyclePresetSchema, LIFECYCLE_PRESETS } from "shuangsuiji";
 * LifecyclePresetSchema.parse({ ...LIFECYCLE_PRESETS.chongqing, source: "某县实施细则" });
 * ```
 */
export const LifecyclePresetSchema = z.strictObject({
  /** The document. */
  source: Clause,
  /**
   * Where a task comes from: every task names its annual plan (`planId`, Chongqing 6.2: 发起部门应根据年度抽查工作计划，
   * 细化…抽查任务), except an ad-hoc check (临时性联合抽查, {@link planAdHocTask}) on one of `adHocGrounds` — 突发风险
   * `sudden-risk`, 上级交办 `assigned-by-superior` (Longting art. 13). Empty: the document has no ad-hoc check; a task
   * outside the plan is added to the plan first (动态调整, {@link adjustAnnualPlan}). Absent (custom presets): a plan or
   * an ad-hoc check on either ground.
   */
  taskPlan: z.strictObject({ adHocGrounds: z.array(z.enum(["sudden-risk", "assigned-by-superior"])), clause: Clause }).optional(),
  /** Whether and how a locked target list may change. */
  lockedListChange: z.discriminatedUnion("allowed", [
    z.strictObject({ allowed: z.literal(false), clause: Clause }),
    z.strictObject({ allowed: z.literal(true), approver: z.enum(APPROVER_ROLES), clause: Clause }),
  ]),
  /**
   * The joint team's clause (联合检查组: who is on it, the leader from the initiating department), cited by the record-form
   * and replacement refusals about the team (`team`, `team-member`, `team-leader-initiating`). Absent (custom presets):
   * Wancheng art. 20.
   */
  team: z.strictObject({ clause: Clause }).optional(),
  /** Replacement of a drawn inspector: whether "other special circumstances" count, who approves. */
  replacement: z.strictObject({ allowOther: z.boolean(), approver: z.enum(APPROVER_ROLES), clause: Clause }),
  /** Correction of published results: who approves. */
  correction: z.strictObject({ approver: z.enum(APPROVER_ROLES), clause: Clause }),
  /**
   * Whether a correction after a confirmed objection is due within 5 working days (`objection-correction` of
   * DEADLINE_RULES, the 川渝 scheme 2025-08-14, in force in Chongqing), recorded `late` after them, read by
   * {@link correctPublishedResult}: `deadline: true` under `chongqing`; the Henan documents (Longting, Wancheng, Wolong,
   * Yanshi) set no correction deadline — `false`, the correction carries none and is never late. Absent (custom
   * presets): the 5 working days apply.
   */
  objectionCorrection: z.strictObject({ deadline: z.boolean(), clause: Clause }).optional(),
  /**
   * Who signs the record form: every member of the joint team (`all-team-members`, Chongqing 6.6: 由检查组全体成员签字确认)
   * or every inspector listed on the form (`inspectors-on-form`, Wolong 3.1: 执法人员在执法检查表上签字确认).
   */
  signatures: z.strictObject({ who: z.enum(["all-team-members", "inspectors-on-form"]), clause: Clause }),
  /** Whether showing identity and 执法证件 must be recorded before a result (Wolong 2.3; 行政处罚法 art. 55). */
  identityShown: z.strictObject({ required: z.boolean(), clause: Clause }),
  /**
   * The earliest point the drawn (selected) target and inspector lists may be made public — the draw record and the
   * ticket self-check reveal who was selected. `inspections-complete`: once every drawn target has been inspected
   * (Yanshi 8.3: 实施检查前…不得对外泄露抽取的待检查对象和执法检查人员名单); `results-published`: with the results. The pool
   * commitment and the seed are public before the draw under every preset. Optional for custom presets (absent = with
   * the results).
   */
  selectedListPublication: z.strictObject({ earliest: z.enum(["inspections-complete", "results-published"]), clause: Clause }).optional(),
  /**
   * Bounds on a task's target ratio (Yanshi 6: 按照5%-100%的比例…抽取). Absent: the document sets no bounds.
   */
  targetRatio: z.strictObject({ min: z.number().min(0).max(1), max: z.number().min(0).max(1), clause: Clause }).refine((r) => r.min <= r.max, { path: ["min"], message: "min ≤ max" }).optional(),
  /**
   * Whether a general item's 抽查比例上限 (`InspectionItem.maxRatio`) caps the task's ratio and draw (Chongqing 5.2:
   * 一般检查事项…抽查比例根据监管实际情况限制). Absent: not enforced by the preset.
   */
  generalItemRatioCap: z.strictObject({ enforced: z.boolean(), clause: Clause }).optional(),
  /**
   * The outcomes a record may carry under the document (Wolong Annex B 1–9; Chongqing 6.6; Wancheng art. 21; for
   * Longting art. 22 and Yanshi 7.5, which publish on GSXT and list none, exactly the GSXT joint-check result dictionary, `GSXT_RESULT_CODES`); `"any"` (custom
   * presets) accepts every {@link OUTCOME_IDS} id.
   */
  outcomes: z.strictObject({ allowed: z.union([z.literal("any"), z.array(z.enum(OUTCOME_IDS)).min(1)]), clause: Clause }).optional(),
  /**
   * Exemptions from advance notice (提前告知), read by {@link advanceNotice}: `itemFlag` — an item flagged
   * `noAdvanceNotice` on the item list (依法依规不予提前告知) is exempt; `categories` — the categories the document itself
   * names (Chongqing 6.5): an item whose `advanceNoticeCategory` is one of them is exempt; `surpriseOnLead` — a lead
   * calling for a surprise inspection, the lead recorded (Longting art. 21). An exemption the preset does not allow
   * exempts nothing; item keywords never exempt (they only suggest a category).
   */
  advanceNoticeExemptions: z.strictObject({
    itemFlag: z.boolean(),
    categories: z.array(z.enum(ADVANCE_NOTICE_CATEGORIES)),
    surpriseOnLead: z.boolean(),
    clause: Clause,
  }).optional(),
  /**
   * Whether a target is told in advance (提前告知) when no exemption applies: `required` — the document says notice is
   * given (Longting art. 21 原则上应当提前…告知; Chongqing 6.5 检查小组应在现场检查前…告知; Wolong 2.3 能提前告知…的，应提前告知);
   * `optional` — notice may be given (Wancheng art. 20 如有必要，可以…提前告知), also where the document has no rule. Absent
   * (custom presets): `optional`, citing the preset's `source`. Read by {@link advanceNotice}. `wherePossible`: notice
   * is owed only where it can be given (Wolong 2.3 能提前告知…的), so {@link recordAdvanceNotice} accepts `notGiven` with
   * its reason; {@link recordResult} refuses a result for a target with no recorded step where notice is `required`.
   * `wording`: the document's own words, as {@link advanceNotice} gives them (default the Longting/Chongqing wording when
   * required, 可以提前告知 when optional).
   */
  advanceNoticeRule: z.strictObject({ notice: z.enum(["required", "optional"]), wherePossible: z.boolean().optional(), clause: Clause, wording: z.strictObject({ zh: Clause, en: Clause }).optional() }).optional(),
  /**
   * 执法证号 requirements: `onForm` — every inspector listed under 执法人员 on the record form carries a 执法证号 (Wolong
   * Annex B); `substitute` — a substitute inspector must hold 执法资格, i.e. a 执法证号 (Chongqing 6.5: 在具备执法资格的
   * 其他检查人员中选派).
   */
  enforcementCertificate: z.strictObject({ onForm: z.boolean(), substitute: z.boolean(), clause: Clause }).optional(),
  /**
   * Witnesses of the target draw (Wolong 2.2: 建议抽取过程由两名以上执法人员见证), read by {@link recordTargetDraw}:
   * `minimum` — how many witnesses the seed's provenance names (dice: `witnesses`); `mustBeInspectors` — each is
   * 执法人员, i.e. an enforcement member (not an expert or third party) of the department directories passed as
   * `witnessDirectory`, matched by id or name; `required` — a shortfall is refused (`invalid-input`) instead of being
   * recorded on the draw event as `advisories`. Absent: witnesses are not checked.
   */
  drawWitnesses: z.strictObject({ minimum: z.int().min(1).max(100), mustBeInspectors: z.boolean(), required: z.boolean(), clause: Clause }).optional(),
  /**
   * Whether a result may be withheld from publication (不适合公开), read by {@link publishResults}: `allowed: true` where
   * the document has the exemption (Chongqing 6.6 除依法依规不适合公开的情形外; Wancheng art. 3 除法律法规有明确规定外),
   * `false` where it publishes every result (Longting art. 22, Wolong 3.2, Yanshi 7.5). Absent (custom presets): no
   * exemption — a custom preset states one with its clause.
   */
  publicationExemption: z.strictObject({ allowed: z.boolean(), clause: Clause }).optional(),
  /**
   * 行政处罚信息归集: `sevenWorkingDays` — the deciding department collects the penalty information within 7 working days
   * of the decision, late after (Longting art. 22 「在7个工作日内归集」); `false` — the document sets no fixed deadline
   * (Yanshi 7.5 「要及时归集」; Wolong, Wancheng, Chongqing: no 归集 rule), the collection is recorded with no deadline and
   * is never late or overdue. Absent (custom presets): no fixed deadline.
   */
  penaltyInfoCollection: z.strictObject({ sevenWorkingDays: z.boolean(), clause: Clause }).optional(),
  /**
   * The 检查对象 fields the document's record form requires, read by {@link recordResult} and
   * {@link correctPublishedResult} (`record-target-field`, `record-form-refused`): `required` — each of them; `atLeastOneOf` —
   * at least one field of each group; `nonMarketExempt` — a target whose code is not a market entity's (统一社会信用代码
   * not starting with 9, not a 15-digit 注册号) may leave them out (Wolong Annex B 说明(3): 检查对象为非市场主体时，相关数据项
   * 可根据工作实际作相应调整). Absent: the document prints no form, nothing beyond the name is required.
   */
  recordTargetFields: z.strictObject({
    required: z.array(z.enum(["code", "legalRepresentative", "idNumber", "phone", "address", "county"])),
    atLeastOneOf: z.array(z.array(z.enum(["code", "legalRepresentative", "idNumber", "phone", "address", "county"])).min(1)).optional(),
    nonMarketExempt: z.boolean(),
    clause: Clause,
  }).optional(),
  /**
   * Whether stage 2 may assign a department's inspectors instead of drawing them (`randomSide: "targets-only"` or
   * `"neither"`: a directory no larger than the team), read by {@link recordInspectorDraw}: `allowed` only where the
   * document has the single-side fallback (Longting art. 19 「因检查对象数量或执法检查人员数量限制无法实施双随机抽取的，可以只进行
   * 检查对象或执法检查人员的随机抽取」). The other documents draw the inspectors at random and have no fallback (Chongqing 6.5
   * 在检查人员名录库随机抽取检查人员; Wancheng art. 19 各自随机匹配; Yanshi 7.3 随机…抽取执法检查人员组, with wider scopes such as
   * 全局内随机; Wolong 2.2 部门联合“双随机”, 执法人员库): refused (`inspectors-drawn-at-random`), the refusal suggesting a
   * wider scope. Absent (custom presets): allowed, as Longting.
   */
  inspectorDrawFallback: z.strictObject({ allowed: z.boolean(), clause: Clause }).optional(),
  /**
   * An act outside the task window (a delayed task, {@link startInspection} and {@link recordResult} `outsideWindow`):
   * always the reason and the department head's approval; `publicNotice` — the document requires the adjustment to be
   * made public, so the public notice's reference and date are required too (Longting art. 16 「可对联合抽查年度工作计划进行
   * 调整，并将调整情况公开」; Chongqing 5.4 「动态调整，并及时…向社会公开」). Absent (custom presets): as Longting.
   */
  windowException: z.strictObject({ publicNotice: z.boolean(), clause: Clause }).optional(),
  /**
   * The document's record-keeping clause (全过程留痕: every step recorded, each dated on or after the one before), cited
   * when a step is dated before the previous one (`dates-out-of-order`, rule `chronology`): Chongqing 4 (实现全过程留痕),
   * Wancheng art. 4 (全程运行透明、痕迹可查), Longting art. 17 (…等环节有序组织实施), Yanshi 8.3 (检查轨迹清晰、检查记录完整),
   * Wolong Annex A (the guide's flow chart, one step after another; the guide has no record-keeping clause). Absent
   * (custom presets): Chongqing 4.
   */
  trail: z.strictObject({ clause: Clause }).optional(),
});

/**
 * The lifecycle rules one source document sets; see {@link LifecyclePresetSchema}.
 *
 * @category Task
 */
export type LifecyclePreset = z.infer<typeof LifecyclePresetSchema>;

// Longting art. 22 and Yanshi 7.5 publish the results on 国家企业信用信息公示系统 (GSXT) and list no outcomes of their own:
// their set is exactly the GSXT joint-check result dictionary (regulations.md §3; GSXT_RESULT_CODES). The Nanyang wording
// (合格/不合格, 待后续处理, 其他情况, 依法责令…改正: Wolong Annex B, Wancheng art. 21) and Chongqing's are not on it.
const GSXT_OUTCOMES: OutcomeId[] = Object.values(GSXT_RESULT_CODES);

/**
 * Lifecycle presets per source document:
 * - **longting** — the locked list never changes (art. 19: 一经锁定不可更改); replacement for 岗位调整、工作冲突、
 *   健康状况、执法回避 with the department head's approval (art. 19); inspectors on the form sign (art. 21); notice in
 *   advance unless a recorded lead calls for a surprise inspection (art. 21); outcomes of the GSXT joint-check result dictionary, on
 *   which art. 22 publishes (the measures list none);
 * - **chongqing** — the list changes only with the principal head's approval, recorded as an amendment (6.4: 经本部门主要
 *   负责人审批后予以更正); replacement as Longting, the substitute chosen from qualified staff, not re-drawn (6.5); notice
 *   in advance except for food production and sale, catering, edible farm-produce markets, work safety and items
 *   flagged 依法依规不予提前告知 (6.5);
 *   published results corrected only with the principal head's approval (6.6); the whole team signs (6.6);
 * - **wancheng** — the list is not addressed (treated as Longting's: never); replacement 因特殊情况确需更换 with the
 *   department head's approval, not re-drawn (art. 19), so other circumstances are allowed with an explanation; published
 *   results 不得擅自更改 (art. 21);
 * - **wolong** — the guide has no rule for changing a drawn list or replacing an inspector: the library allows neither a
 *   list change nor an "other" reason (Wolong 2.2, the draw 公平、公正、公开; the Kaifeng Longting measures do not apply in
 *   Nanyang); inspectors show identity and 执法证件 before inspecting, recorded as a step (Wolong 2.3), sign the form
 *   (Wolong 3.1) and carry a 执法证号 on it (Wolong Annex B); a draw not witnessed by two 执法人员 is recorded with an
 *   advisory (Wolong 2.2 建议…见证);
 * - **yanshi** — the Yanshi plan (偃市监〔2023〕13号, a single-bureau plan): ratios 5%–100% per risk class, applied by
 *   {@link startTask} and {@link recordTargetDraw} (Yanshi 6); drawn lists confidential before inspection (Yanshi 8.3);
 *   results within 20 working days (Yanshi 7.5); tasks from the plan or a list assigned from above (Yanshi 7.2); no
 *   list-change, replacement or correction rule — none allowed, department head assumed.
 *
 * A result may be withheld as 不适合公开 (`publicationExemption`) only under `chongqing` (Chongqing 6.6 除依法依规不适合公开的
 * 情形外) and `wancheng` (Wancheng art. 3 除法律法规有明确规定外); `longting`, `wolong` and `yanshi` publish every result.
 *
 * Every task names its plan; only `longting` (突发风险、上级交办, art. 13) and `yanshi` (上级交办, 7.2) admit an ad-hoc
 * check ({@link planAdHocTask}) outside it (`taskPlan`).
 *
 * Longting and Chongqing enumerate the reasons with "等特殊情况"; this library reads the enumeration strictly (no
 * "other") for those presets — choose `wancheng` or a custom preset (validated by {@link LifecyclePresetSchema}) for a
 * looser reading. The presets are deeply frozen.
 *
 * @category Task
 * @example
 * ```ts
 * import { LIFECYCLE_PRESETS } from "shuangsuiji";
 * LIFECYCLE_PRESETS.chongqing.lockedListChange; // { allowed: true, approver: "principal-head", clause: "Chongqing 6.4" }
 * ```
 */
export const LIFECYCLE_PRESETS = deepFreeze({
  longting: {
    source: "Longting measures (2022)",
    taskPlan: { adHocGrounds: ["sudden-risk", "assigned-by-superior"], clause: "Longting art. 13 (未列入联合抽查年度工作计划的，可以由发起部门组织临时性联合抽查: 突发风险、上级交办); Longting art. 16 (临时增设任务: 调整计划并公开)" },
    lockedListChange: { allowed: false, clause: "Longting art. 19" },
    team: { clause: "Longting art. 20 (联合抽查发起部门应牵头成立联合检查组，并确定组长)" },
    replacement: { allowOther: false, approver: "department-head", clause: "Longting art. 19" },
    correction: { approver: "department-head", clause: "Longting art. 22 (谁检查、谁录入、谁公开); no correction rule — department head assumed" },
    objectionCorrection: { deadline: false, clause: "Longting art. 22 (the measures set no deadline for correcting a published result)" },
    signatures: { who: "inspectors-on-form", clause: "Longting art. 21" },
    identityShown: { required: false, clause: "行政处罚法 art. 55 (not a recorded step in Longting)" },
    selectedListPublication: { earliest: "results-published", clause: "Longting art. 22 (results are published; the measures do not publish the drawn list, so it goes out with the results)" },
    generalItemRatioCap: { enforced: false, clause: "Longting art. 15 (ratios by credit risk; no key/general item cap)" },
    outcomes: { allowed: GSXT_OUTCOMES, clause: "Longting art. 22 (通过国家企业信用信息公示系统…向社会公示; the measures give no outcome list: exactly the GSXT joint-check result dictionary, codes 1, 3–12, B–G)" },
    advanceNoticeExemptions: { itemFlag: false, categories: [], surpriseOnLead: true, clause: "Longting art. 21 (掌握问题线索需要实施突击检查的除外)" },
    advanceNoticeRule: { notice: "required", clause: "Longting art. 21 (实地核查原则上应当提前以书面或电话、传真等形式…一次性告知检查事项、检查时间以及需要准备的检查材料)" },
    enforcementCertificate: { onForm: false, substitute: false, clause: "Longting art. 21 (no 执法证号 rule for the form or substitutes)" },
    publicationExemption: { allowed: false, clause: "Longting art. 22 (在抽查任务完成后20个工作日内，将抽查检查结果录入监督平台，通过国家企业信用信息公示系统或相关平台网站向社会公示; no 不适合公开 exemption)" },
    penaltyInfoCollection: { sevenWorkingDays: true, clause: "Longting art. 22" },
    inspectorDrawFallback: { allowed: true, clause: "Longting art. 19 (因检查对象数量或执法检查人员数量限制无法实施双随机抽取的，可以只进行检查对象或执法检查人员的随机抽取)" },
    windowException: { publicNotice: true, clause: "Longting art. 16" },
    trail: { clause: "Longting art. 17 (联合抽查活动应当依托监督平台，按照分类建库、摇号派发、实地核查、公示处理等环节有序组织实施)" },
  },
  chongqing: {
    source: "Chongqing standard",
    taskPlan: { adHocGrounds: [], clause: "Chongqing 6.2 (发起部门应根据年度抽查工作计划，细化…抽查任务); Chongqing 5.4 (计划可根据工作实际动态调整: the standard has no ad-hoc check — a task outside the plan is added to the plan first)" },
    lockedListChange: { allowed: true, approver: "principal-head", clause: "Chongqing 6.4" },
    team: { clause: "Chongqing 6.5 (各任务执行部门应随机抽取检查人员组成检查小组，任务发起部门的检查人员为组长)" },
    replacement: { allowOther: false, approver: "department-head", clause: "Chongqing 6.5" },
    correction: { approver: "principal-head", clause: "Chongqing 6.6" },
    objectionCorrection: { deadline: true, clause: "Chongqing 6.6 (检查结果公开后…确需变更的…更正); 川渝市场监管“双随机、一公开”抽查检查结果公示信息修复工作方案 (2025-08-14) [SECONDARY] (异议查实后5个工作日内更正; in force in Chongqing)" },
    signatures: { who: "all-team-members", clause: "Chongqing 6.6" },
    identityShown: { required: false, clause: "行政处罚法 art. 55 (not a recorded step in Chongqing)" },
    selectedListPublication: { earliest: "results-published", clause: "Chongqing 6.6 (results are published; the standard does not publish the drawn list, so it goes out with the results)" },
    generalItemRatioCap: { enforced: true, clause: "Chongqing 5.2 (一般检查事项…抽查比例根据监管实际情况限制；严格控制…一般检查事项的抽查比例)" },
    outcomes: { allowed: ["no-problem-found", "no-relevant-business-activity", "information-not-published", "falsified-public-information", "unreachable-at-registered-address", "corrected-on-site", "further-rectification-required", "further-investigation-required", "seriously-non-cooperative", "administrative-decision-to-publish"], clause: "Chongqing 6.6 (抽查检查结果包括未发现问题…作出行政决定等依法应当公示的情况)" },
    advanceNoticeExemptions: { itemFlag: true, categories: ["food-production-and-sale", "catering", "edible-farm-produce-market", "work-safety"], surpriseOnLead: false, clause: "Chongqing 6.5 (除涉及食品生产和销售企业、餐饮服务、食用农产品交易市场、安全生产等检查依法依规不予提前告知的情形外)" },
    advanceNoticeRule: { notice: "required", clause: "Chongqing 6.5 (检查小组应在现场检查前以书面或电话、传真等形式，告知被检查对象检查的时间及配合检查的相关要求)" },
    enforcementCertificate: { onForm: false, substitute: true, clause: "Chongqing 6.5 (调整更换人员在具备执法资格的其他检查人员中选派)" },
    publicationExemption: { allowed: true, clause: "Chongqing 6.6 (除依法依规不适合公开的情形外)" },
    penaltyInfoCollection: { sevenWorkingDays: false, clause: "Chongqing 6.6 (the standard sets no deadline for collecting penalty information)" },
    inspectorDrawFallback: { allowed: false, clause: "Chongqing 6.5 (在检查人员名录库随机抽取检查人员；各任务执行部门应随机抽取检查人员组成检查小组: no single-side fallback)" },
    recordTargetFields: { required: ["county", "legalRepresentative", "address", "phone"], atLeastOneOf: [["code", "idNumber"]], nonMarketExempt: false, clause: "Chongqing F.1 (主体名称、统一社会信用代码、所属区县、证件（照）号码、法定代表人、检查地址、联系电话: 统一社会信用代码 or, for a target without one, 证件（照）号码)" },
    windowException: { publicNotice: true, clause: "Chongqing 5.4 (可根据工作实际动态调整，并及时…向社会公开); Chongqing 6.2 (执行时间)" },
    trail: { clause: "Chongqing 4 (应对计划制定、名单抽取、结果公示、数据存档等联合抽查工作程序规范化建设，实现全过程留痕)" },
  },
  wancheng: {
    source: "Wancheng norms (2026)",
    taskPlan: { adHocGrounds: [], clause: "Wancheng art. 17 (按照年度工作计划，由发起部门制定…工作方案; the norms have no ad-hoc check)" },
    lockedListChange: { allowed: false, clause: "Wancheng art. 18 (list dispatched as drawn; the norms provide no change)" },
    team: { clause: "Wancheng art. 20 (联合检查小组应由随机匹配的所有执法检查人员组成；由发起部门执法检查人员担任组长)" },
    replacement: { allowOther: true, approver: "department-head", clause: "Wancheng art. 19" },
    correction: { approver: "department-head", clause: "Wancheng art. 21 (抽查检查结果公开后不得擅自更改)" },
    objectionCorrection: { deadline: false, clause: "Wancheng art. 21 (抽查检查结果公开后不得擅自更改; the norms set no correction deadline)" },
    signatures: { who: "inspectors-on-form", clause: "Wancheng art. 20" },
    identityShown: { required: false, clause: "行政处罚法 art. 55 (not a recorded step in Wancheng)" },
    selectedListPublication: { earliest: "results-published", clause: "Wancheng art. 21 (results are published; the norms do not publish the drawn list, so it goes out with the results)" },
    generalItemRatioCap: { enforced: false, clause: "Wancheng art. 10 (ratios by credit risk; no key/general item cap)" },
    outcomes: { allowed: ["no-problem-found", "information-not-published", "unreachable-at-registered-address", "seriously-non-cooperative", "no-relevant-business-activity", "ordered-to-correct", "pending-follow-up", "compliant", "non-compliant", "other"], clause: "Wancheng art. 21 (抽查检查结果包括：…合格/不合格；其他情况)" },
    advanceNoticeExemptions: { itemFlag: false, categories: [], surpriseOnLead: false, clause: "Wancheng art. 20 (如有必要…提前告知; no exemption list)" },
    advanceNoticeRule: { notice: "optional", clause: "Wancheng art. 20 (在现场检查前，如有必要，可以书面或电话、传真等形式，提前告知)", wording: { zh: "如有必要，可以书面或电话、传真等形式提前告知", en: "where useful, notice may be given in writing or by phone or fax" } },
    enforcementCertificate: { onForm: false, substitute: false, clause: "Wancheng art. 19 (no 执法证号 rule for the form or substitutes)" },
    publicationExemption: { allowed: true, clause: "Wancheng art. 3 (除法律法规有明确规定外，抽查事项、抽查计划、抽查结果都应及时、准确、规范向社会公开)" },
    penaltyInfoCollection: { sevenWorkingDays: false, clause: "Wancheng art. 12 (失信信息…依法通过国家企业信用信息公示系统…公示; the norms set no 归集 deadline)" },
    inspectorDrawFallback: { allowed: false, clause: "Wancheng art. 19 (由各参与部门在监管平台各自随机匹配执法检查人员: no single-side fallback)" },
    windowException: { publicNotice: false, clause: "Wancheng art. 17 (工作方案…时间安排; the norms have no delay rule and require no public notice of it)" },
    trail: { clause: "Wancheng art. 4 (实施全程电子化管理…全程运行透明、痕迹可查、效果可评、责任可追)" },
  },
  wolong: {
    source: "Wolong guide (2025)",
    taskPlan: { adHocGrounds: [], clause: "Wolong 2.2 (建立联合抽查计划与任务); Wolong 1.2 (计划可根据工作实际动态调整: the guide has no ad-hoc check)" },
    lockedListChange: { allowed: false, clause: "Wolong 2.2 (抽取结果公平、公正、公开; the guide provides no change to a drawn list — none allowed)" },
    team: { clause: "Wolong 2.3 (牵头部门应积极组织本单位和配合单位成立联合检查组)" },
    replacement: { allowOther: false, approver: "department-head", clause: "Wolong 2.3 (联合检查组; the guide has no replacement rule — enumerated reasons and the department head assumed)" },
    correction: { approver: "department-head", clause: "Wolong 3.2; no correction rule — department head assumed" },
    objectionCorrection: { deadline: false, clause: "Wolong 3.2 (the guide sets no deadline for correcting a published result)" },
    signatures: { who: "inspectors-on-form", clause: "Wolong 3.1" },
    identityShown: { required: true, clause: "Wolong 2.3" },
    selectedListPublication: { earliest: "results-published", clause: "Wolong 3.2 (results are published; the guide does not publish the drawn list, so it goes out with the results)" },
    generalItemRatioCap: { enforced: false, clause: "Wolong 2.2 (检查比例 set by the task; no key/general item cap)" },
    outcomes: { allowed: ["no-problem-found", "information-not-published", "unreachable-at-registered-address", "ordered-to-rectify", "seriously-non-cooperative", "no-relevant-business-activity", "pending-follow-up", "compliant", "non-compliant"], clause: "Wolong Annex B (检查结果栏填写相应编号: 1、未发现问题 … 9、不合格)" },
    advanceNoticeExemptions: { itemFlag: false, categories: [], surpriseOnLead: false, clause: "Wolong 2.3 (能提前告知…的，应提前告知; no exemption list)" },
    advanceNoticeRule: { notice: "required", wherePossible: true, clause: "Wolong 2.3 (能提前告知检查对象检查内容的，应提前告知)", wording: { zh: "能提前告知检查对象检查内容的，应提前告知", en: "where the target can be told the content of the inspection in advance, it is told" } },
    enforcementCertificate: { onForm: true, substitute: true, clause: "Wolong Annex B (执法人员: 姓名 单位 执法证号 电话); Wolong 2.3 (出示执法证件)" },
    // 建议 (recommended): advisory — a shortfall is a warning on the draw event, never a refusal
    drawWitnesses: { minimum: 2, mustBeInspectors: true, required: false, clause: "Wolong 2.2 (建议抽取过程由两名以上执法人员见证: recommended, recorded as an advisory)" },
    publicationExemption: { allowed: false, clause: "Wolong 3.2 (自检查结束之日起20个工作日内，检查人员通过协同监管平台录入检查结果并公示; no 不适合公开 exemption)" },
    penaltyInfoCollection: { sevenWorkingDays: false, clause: "Wolong 3.2 (the guide sets no deadline for collecting penalty information)" },
    inspectorDrawFallback: { allowed: false, clause: "Wolong 2.2 (部门联合“双随机、一公开”: 依据监管人员业务专长建立执法人员库; the guide has no single-side fallback)" },
    recordTargetFields: { required: ["code", "legalRepresentative", "phone", "address"], nonMarketExempt: true, clause: "Wolong Annex B (检查对象: 名称、统一社会信用代码/注册号、法定代表人/负责人、电话、地址; 说明(3) 检查对象为非市场主体时，相关数据项可根据工作实际作相应调整)" },
    windowException: { publicNotice: false, clause: "Wolong 2.2 (检查时间); Wolong 1.2 (该计划可根据工作实际动态调整; no public notice of the adjustment required)" },
    trail: { clause: "Wolong Annex A (部门联合“双随机、一公开”工作流程图: each step follows the one before; the guide has no record-keeping clause)" },
  },
  yanshi: {
    source: "Yanshi plan (2023)",
    taskPlan: { adHocGrounds: ["assigned-by-superior"], clause: "Yanshi 7.2 (确定双随机抽查计划…也可以按照被上级抽中后下发的企业名单进行检查: only 上级交办 outside the plan)" },
    lockedListChange: { allowed: false, clause: "Yanshi 7.2 (统一摇号随机抽取; the plan provides no change to a drawn list — none allowed)" },
    team: { clause: "Yanshi 7.3 (抽取执法检查人员组，与待检查对象进行匹配，确定被检查主体、检查责任人及检查内容)" },
    replacement: { allowOther: false, approver: "department-head", clause: "Yanshi 7.3 (执法检查人员组随机抽取; the plan has no replacement rule — enumerated reasons and the department head assumed)" },
    correction: { approver: "department-head", clause: "Yanshi 7.5; no correction rule — department head assumed" },
    objectionCorrection: { deadline: false, clause: "Yanshi 7.5 (the plan sets no deadline for correcting a published result)" },
    signatures: { who: "inspectors-on-form", clause: "Yanshi 8.3 (检查记录完整; the plan has no signature rule — inspectors on the form sign)" },
    identityShown: { required: false, clause: "行政处罚法 art. 55 (not a recorded step in Yanshi)" },
    selectedListPublication: { earliest: "inspections-complete", clause: "Yanshi 8.3 (实施检查前…不得对外泄露抽取的待检查对象和执法检查人员名单)" },
    targetRatio: { min: 0.05, max: 1, clause: "Yanshi 6 (按照5%-100%的比例在企业检查对象名录库中抽取)" },
    generalItemRatioCap: { enforced: false, clause: "Yanshi 6 (ratios 5%–100% by risk; no key/general item cap)" },
    outcomes: { allowed: GSXT_OUTCOMES, clause: "Yanshi 7.5 (将抽查检查结果通过公示系统进行公示; the plan gives no outcome list: exactly the GSXT joint-check result dictionary, codes 1, 3–12, B–G)" },
    advanceNoticeExemptions: { itemFlag: false, categories: [], surpriseOnLead: false, clause: "Yanshi 7.4 (no advance-notice rule)" },
    advanceNoticeRule: { notice: "optional", clause: "Yanshi 7.4 (采用合理方式，实施检查; the plan has no advance-notice rule — notice may be given)", wording: { zh: "本计划未规定提前告知，可以提前告知", en: "the plan has no advance-notice rule: notice may be given" } },
    enforcementCertificate: { onForm: false, substitute: true, clause: "Yanshi 5 (执法检查人员名录库内容包括：姓名、单位、职务、业务专长、执法证号; 具有行政执法资格)" },
    publicationExemption: { allowed: false, clause: "Yanshi 7.5 (在抽查任务完成后20个工作日内，将抽查检查结果通过公示系统进行公示; no 不适合公开 exemption)" },
    penaltyInfoCollection: { sevenWorkingDays: false, clause: "Yanshi 7.5 (要及时归集至公示系统: no fixed number of days)" },
    inspectorDrawFallback: { allowed: false, clause: "Yanshi 7.3 (随机抽取执法检查人员组: 全局内随机、局机关与市场监管所随机、若干市场监管所随机、单一市场监管所随机; no single-side fallback — widen the scope)" },
    windowException: { publicNotice: false, clause: "Yanshi 7.2 (the plan has no delay rule and requires no public notice of it)" },
    trail: { clause: "Yanshi 8.3 (检查中做到检查轨迹清晰、检查记录完整)" },
  },
} as const satisfies Record<string, LifecyclePreset>);

/**
 * A preset name of {@link LIFECYCLE_PRESETS}.
 *
 * @category Task
 */
export type LifecyclePresetId = keyof typeof LIFECYCLE_PRESETS;

/**
 * Reasons a drawn inspector may be replaced (Longting art. 19; Chongqing 6.5; Wancheng art. 19): 岗位调整 post change,
 * 工作冲突 work conflict, 健康状况 health, 执法回避 recusal, and `other` where the preset allows it.
 *
 * @category Task
 * @example
 * ```ts
 * import { REPLACEMENT_REASONS } from "shuangsuiji";
 * REPLACEMENT_REASONS.includes("health"); // true
 * ```
 */
export const REPLACEMENT_REASONS = Object.freeze(["post-change", "work-conflict", "health", "recusal", "other"] as const);

/**
 * One of {@link REPLACEMENT_REASONS}.
 *
 * @category Task
 */
export type ReplacementReason = (typeof REPLACEMENT_REASONS)[number];
