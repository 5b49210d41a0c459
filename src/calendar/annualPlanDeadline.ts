import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import type { CivilDate } from "./CivilDate.js";
import { ANNUAL_PLAN_DEADLINES, type AnnualPlanDeadlinePreset, type AnnualPlanJurisdiction } from "./ANNUAL_PLAN_DEADLINES.js";
import { daysInMonth } from "./_days.js";
import { own, preview } from "./_read.js";

/**
 * A fixed-date deadline with its basis.
 *
 * @category Deadlines
 */
export interface AnnualPlanDeadline {
  /** The last day the plan may be published. */
  readonly date: CivilDate;
  /** The preset used. */
  readonly preset: AnnualPlanDeadlinePreset;
  /** False when the date falls before the document's `effectiveFrom`: the rule did not exist yet for that year. */
  readonly inForce: boolean;
}

/**
 * The fixed date a jurisdiction's document sets for `year`'s annual plan: 31 March for the public plan (Wolong 1.2,
 * Chongqing §5), or the end of February (the 29th in leap years) for the lead departments' submission to the 区联席办
 * (Wancheng art. 5 — **not** a publication deadline: see `preset.stage`). `inForce` is false when the date falls
 * before the document took effect (Wancheng: 2026-03-20, art. 28). A fixed calendar date is not a period, so 民法典
 * art. 203 does not move it.
 *
 * @param year - The plan's year (1–9999).
 * @param jurisdiction - A key of {@link ANNUAL_PLAN_DEADLINES}.
 * @returns The deadline date and the preset it comes from.
 * @throws {@link ShuangsuijiError} `invalid-argument` when `jurisdiction` is not a preset or `year` is not a whole
 *   number from 1 to 9999.
 * @category Deadlines
 * @example
 * ```ts
 * import { annualPlanDeadline } from "shuangsuiji";
 * annualPlanDeadline(2028, "wancheng").date; // "2028-02-29"
 * ```
 */
export function annualPlanDeadline(year: number, jurisdiction: AnnualPlanJurisdiction): AnnualPlanDeadline {
  const preset: AnnualPlanDeadlinePreset | undefined = own<AnnualPlanDeadlinePreset>(ANNUAL_PLAN_DEADLINES, jurisdiction);
  if (typeof year !== "number" || !Number.isInteger(year) || year < 1 || year > 9999 || preset === undefined) {
    throw new ShuangsuijiError("invalid-argument", [
      {
        path: preset === undefined ? ["jurisdiction"] : ["year"],
        rule: "annual-plan-deadline",
        clause: "Wolong 1.2; Chongqing §5; Wancheng art. 5",
        messageZh: "年度或辖区预设无效",
        messageEn: `unknown jurisdiction preset or invalid year (presets: ${Object.keys(ANNUAL_PLAN_DEADLINES).join(", ")})`,
        value: preview(preset === undefined ? jurisdiction : year),
      },
    ]);
  }
  const day = preset.day === "end" ? daysInMonth(year, preset.month) : preset.day;
  const date = `${String(year).padStart(4, "0")}-${String(preset.month).padStart(2, "0")}-${String(day).padStart(2, "0")}` as CivilDate;
  return Object.freeze({ date, preset, inForce: preset.effectiveFrom === undefined || date >= preset.effectiveFrom });
}
