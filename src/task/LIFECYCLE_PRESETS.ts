import * as z from "zod/v4";
import { deepFreeze } from "../_internal/deepFreeze.js";

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

const Clause = z.string().trim().min(1).max(500);

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
  /** Whether and how a locked target list may change. */
  lockedListChange: z.discriminatedUnion("allowed", [
    z.strictObject({ allowed: z.literal(false), clause: Clause }),
    z.strictObject({ allowed: z.literal(true), approver: z.enum(APPROVER_ROLES), clause: Clause }),
  ]),
  /** Replacement of a drawn inspector: whether "other special circumstances" count, who approves. */
  replacement: z.strictObject({ allowOther: z.boolean(), approver: z.enum(APPROVER_ROLES), clause: Clause }),
  /** Correction of published results: who approves. */
  correction: z.strictObject({ approver: z.enum(APPROVER_ROLES), clause: Clause }),
  /**
   * Who signs the record form: every member of the joint team (`all-team-members`, Chongqing 6.6: 由检查组全体成员签字确认)
   * or every inspector listed on the form (`inspectors-on-form`, Wolong 3.1: 执法人员在执法检查表上签字确认).
   */
  signatures: z.strictObject({ who: z.enum(["all-team-members", "inspectors-on-form"]), clause: Clause }),
  /** Whether showing identity and 执法证件 must be recorded before a result (Wolong 2.3; 行政处罚法 art. 55). */
  identityShown: z.strictObject({ required: z.boolean(), clause: Clause }),
});

/**
 * The lifecycle rules one source document sets; see {@link LifecyclePresetSchema}.
 *
 * @category Task
 */
export type LifecyclePreset = z.infer<typeof LifecyclePresetSchema>;

/**
 * Lifecycle presets per source document:
 * - **longting** — the locked list never changes (art. 19: 一经锁定不可更改); replacement for 岗位调整、工作冲突、
 *   健康状况、执法回避 with the department head's approval (art. 19); inspectors on the form sign (art. 21);
 * - **chongqing** — the list changes only with the principal head's approval, recorded as an amendment (6.4: 经本部门主要
 *   负责人审批后予以更正); replacement as Longting, the substitute chosen from qualified staff, not re-drawn (6.5);
 *   published results corrected only with the principal head's approval (6.6); the whole team signs (6.6);
 * - **wancheng** — the list is not addressed (treated as Longting's: never); replacement 因特殊情况确需更换 with the
 *   department head's approval, not re-drawn (art. 19), so other circumstances are allowed with an explanation; published
 *   results 不得擅自更改 (art. 21);
 * - **wolong** — the guide is silent on locks and replacement (the Henan rule of Longting art. 19 applies); inspectors
 *   show identity and 执法证件 before inspecting, recorded as a step (Wolong 2.3), and sign the form (Wolong 3.1).
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
    lockedListChange: { allowed: false, clause: "Longting art. 19" },
    replacement: { allowOther: false, approver: "department-head", clause: "Longting art. 19" },
    correction: { approver: "department-head", clause: "Longting art. 22 (谁检查、谁录入、谁公开); no correction rule — department head assumed" },
    signatures: { who: "inspectors-on-form", clause: "Longting art. 21" },
    identityShown: { required: false, clause: "行政处罚法 art. 55 (not a recorded step in Longting)" },
  },
  chongqing: {
    source: "Chongqing standard",
    lockedListChange: { allowed: true, approver: "principal-head", clause: "Chongqing 6.4" },
    replacement: { allowOther: false, approver: "department-head", clause: "Chongqing 6.5" },
    correction: { approver: "principal-head", clause: "Chongqing 6.6" },
    signatures: { who: "all-team-members", clause: "Chongqing 6.6" },
    identityShown: { required: false, clause: "行政处罚法 art. 55 (not a recorded step in Chongqing)" },
  },
  wancheng: {
    source: "Wancheng norms (2026)",
    lockedListChange: { allowed: false, clause: "Wancheng art. 18 (list dispatched as drawn); Longting art. 19" },
    replacement: { allowOther: true, approver: "department-head", clause: "Wancheng art. 19" },
    correction: { approver: "department-head", clause: "Wancheng art. 21 (抽查检查结果公开后不得擅自更改)" },
    signatures: { who: "inspectors-on-form", clause: "Wancheng art. 20" },
    identityShown: { required: false, clause: "行政处罚法 art. 55 (not a recorded step in Wancheng)" },
  },
  wolong: {
    source: "Wolong guide (2025)",
    lockedListChange: { allowed: false, clause: "Longting art. 19 (Henan rule; the Wolong guide is silent)" },
    replacement: { allowOther: false, approver: "department-head", clause: "Longting art. 19 (Henan rule; the Wolong guide is silent)" },
    correction: { approver: "department-head", clause: "Wolong 3.2; no correction rule — department head assumed" },
    signatures: { who: "inspectors-on-form", clause: "Wolong 3.1" },
    identityShown: { required: true, clause: "Wolong 2.3" },
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
