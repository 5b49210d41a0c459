import { deepFreeze } from "../_internal/deepFreeze.js";

/**
 * A fixed annual date a jurisdiction's document sets for its spot-check plan: when the plan must be public
 * (`stage: "publication"`), or when departments must draw up and submit their plans for review
 * (`stage: "department-submission"`, which sets no public-plan date). `day: "end"` means the month's last day.
 *
 * @category Deadlines
 */
export interface AnnualPlanDeadlinePreset {
  /** Month (1–12). */
  readonly month: number;
  /** Day of month, or `"end"` for the last day. */
  readonly day: number | "end";
  /** The clause. */
  readonly basis: string;
  /** What the clause requires. */
  readonly zh: string;
  /** Whose act the date bounds: the public plan, or the departments' drafts submitted for review. */
  readonly stage: "publication" | "department-submission";
  /** The document's effective date, when known: a deadline falling before it was not yet in force. */
  readonly effectiveFrom?: string;
}

/**
 * Annual plan dates per source document. Wolong 1.2 and Chongqing 5.4 bound the public plan. Wancheng art. 5 bounds
 * the lead departments' drafts (每年2月底前，由各行业牵头发起部门…统筹制定…计划，报区联席办): the district then reviews and
 * publishes with no date, so Wancheng sets **no publication deadline**; the norms take effect on 2026-03-20 (art. 28
 * 自发布之日起施行), so no Wancheng date applies before then. The Longting measures (art. 16) and the Yanshi plan set no
 * calendar date, so they have no preset.
 *
 * @category Deadlines
 * @example
 * ```ts
 * import { ANNUAL_PLAN_DEADLINES } from "shuangsuiji";
 * ANNUAL_PLAN_DEADLINES.wancheng.stage; // "department-submission"
 * ```
 */
export const ANNUAL_PLAN_DEADLINES = /* @__PURE__ */ deepFreeze({
  /** 区联席办于每年3月底前公布全区…抽查计划 — Wolong 1.2. */
  wolong: { month: 3, day: "end", basis: "Wolong 1.2", zh: "每年3月底前公布全区抽查计划", stage: "publication" },
  /** 年度联合抽查工作计划应在3月31日前…向社会公开 — Chongqing §5 (制定年度联合抽查工作计划). */
  chongqing: { month: 3, day: 31, basis: "Chongqing §5 (制定年度联合抽查工作计划)", zh: "年度联合抽查工作计划应在3月31日前向社会公开", stage: "publication" },
  /**
   * 每年2月底前，由各行业牵头发起部门…统筹制定…计划，报区联席办 — Wancheng art. 5: the departments' submission date, not
   * the district's publication; in force from 2026-03-20 (Wancheng art. 28).
   */
  wancheng: { month: 2, day: "end", basis: "Wancheng art. 5 (牵头发起部门制定并报区联席办); in force from 2026-03-20 (Wancheng art. 28)", zh: "每年2月底前，各行业牵头发起部门制定本年度计划报区联席办（区联席办审核汇总后向社会公开，无日期）", stage: "department-submission", effectiveFrom: "2026-03-20" },
} as const satisfies Record<string, AnnualPlanDeadlinePreset>);

/**
 * A jurisdiction preset of {@link ANNUAL_PLAN_DEADLINES}.
 *
 * @category Deadlines
 */
export type AnnualPlanJurisdiction = keyof typeof ANNUAL_PLAN_DEADLINES;
