/**
 * Who must approve (审批) a step: the department head (部门负责人) or the department's principal head (主要负责人).
 *
 * @category Task
 */
export type ApproverRole = "department-head" | "principal-head";

/**
 * The lifecycle rules one source document sets.
 *
 * @category Task
 */
export interface LifecyclePreset {
  /** The document. */
  readonly source: string;
  /** Whether and how a locked target list may change. */
  readonly lockedListChange: { readonly allowed: false; readonly clause: string } | { readonly allowed: true; readonly approver: ApproverRole; readonly clause: string };
  /** Replacement of a drawn inspector: the allowed reasons, whether "other special circumstances" count, who approves. */
  readonly replacement: { readonly allowOther: boolean; readonly approver: ApproverRole; readonly clause: string };
  /** Correction of published results: who approves. */
  readonly correction: { readonly approver: ApproverRole; readonly clause: string };
}

/**
 * Lifecycle presets per source document:
 * - **longting** — the locked list never changes (art. 19: 一经锁定不可更改); replacement for 岗位调整、工作冲突、
 *   健康状况、执法回避 with the department head's approval (art. 19);
 * - **chongqing** — the list changes only with the principal head's approval, recorded as an amendment (6.4: 经本部门主要
 *   负责人审批后予以更正); replacement as Longting, the substitute chosen from qualified staff, not re-drawn (6.5);
 *   published results corrected only with the principal head's approval (6.6);
 * - **wancheng** — the list is not addressed (treated as Longting's: never); replacement 因特殊情况确需更换 with the
 *   department head's approval, not re-drawn (art. 19), so other circumstances are allowed with an explanation; published
 *   results 不得擅自更改 (art. 21).
 *
 * Longting and Chongqing enumerate the reasons with "等特殊情况"; this library reads the enumeration strictly (no
 * "other") for those presets — choose `wancheng` or a custom preset for a looser reading.
 *
 * @category Task
 * @example
 * ```ts
 * import { LIFECYCLE_PRESETS } from "shuangsuiji";
 * LIFECYCLE_PRESETS.chongqing.lockedListChange; // { allowed: true, approver: "principal-head", clause: "Chongqing 6.4" }
 * ```
 */
export const LIFECYCLE_PRESETS = {
  longting: {
    source: "Longting measures (2022)",
    lockedListChange: { allowed: false, clause: "Longting art. 19" },
    replacement: { allowOther: false, approver: "department-head", clause: "Longting art. 19" },
    correction: { approver: "department-head", clause: "Longting art. 22 (谁检查、谁录入、谁公开); no correction rule — department head assumed" },
  },
  chongqing: {
    source: "Chongqing standard",
    lockedListChange: { allowed: true, approver: "principal-head", clause: "Chongqing 6.4" },
    replacement: { allowOther: false, approver: "department-head", clause: "Chongqing 6.5" },
    correction: { approver: "principal-head", clause: "Chongqing 6.6" },
  },
  wancheng: {
    source: "Wancheng norms (2026)",
    lockedListChange: { allowed: false, clause: "Wancheng art. 18 (list dispatched as drawn); Longting art. 19" },
    replacement: { allowOther: true, approver: "department-head", clause: "Wancheng art. 19" },
    correction: { approver: "department-head", clause: "Wancheng art. 21 (抽查检查结果公开后不得擅自更改)" },
  },
} as const satisfies Record<string, LifecyclePreset>;

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
export const REPLACEMENT_REASONS = ["post-change", "work-conflict", "health", "recusal", "other"] as const;

/**
 * One of {@link REPLACEMENT_REASONS}.
 *
 * @category Task
 */
export type ReplacementReason = (typeof REPLACEMENT_REASONS)[number];
