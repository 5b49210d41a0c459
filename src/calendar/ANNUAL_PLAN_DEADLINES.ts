import { deepFreeze } from "../_internal/deepFreeze.js";

/**
 * When a jurisdiction's annual spot-check plan must be public. `day: "end"` means the month's last day.
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
}

/**
 * Annual plan publication deadlines per source document. The Longting measures (art. 16) and the Yanshi plan set no
 * calendar date, so they have no preset.
 *
 * @category Deadlines
 * @example
 * ```ts
 * import { ANNUAL_PLAN_DEADLINES } from "shuangsuiji/calendar";
 * ANNUAL_PLAN_DEADLINES.wancheng.basis; // "Wancheng art. 5"
 * ```
 */
export const ANNUAL_PLAN_DEADLINES = /* @__PURE__ */ deepFreeze({
  /** 区联席办于每年3月底前公布全区…抽查计划 — Wolong 1.2. */
  wolong: { month: 3, day: "end", basis: "Wolong 1.2", zh: "每年3月底前公布全区抽查计划" },
  /** 年度联合抽查工作计划应在3月31日前…向社会公开 — Chongqing §5 (制定年度联合抽查工作计划). */
  chongqing: { month: 3, day: 31, basis: "Chongqing §5 (制定年度联合抽查工作计划)", zh: "年度联合抽查工作计划应在3月31日前向社会公开" },
  /** 每年2月底前…制定…年度“一业一查”部门联合抽查计划 — Wancheng art. 5. */
  wancheng: { month: 2, day: "end", basis: "Wancheng art. 5", zh: "每年2月底前制定本年度“一业一查”部门联合抽查计划" },
} as const satisfies Record<string, AnnualPlanDeadlinePreset>);

/**
 * A jurisdiction preset of {@link ANNUAL_PLAN_DEADLINES}.
 *
 * @category Deadlines
 */
export type AnnualPlanJurisdiction = keyof typeof ANNUAL_PLAN_DEADLINES;
