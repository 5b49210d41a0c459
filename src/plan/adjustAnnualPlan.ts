import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { issuesFromZod } from "../errors/_fromZod.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { AnnualPlanRowSchema, AnnualPlanSchema, type AnnualPlan, type AnnualPlanRow } from "../model/annualPlan.js";
import type * as z from "zod/v4";
import { parseChangeMeta, parsePlan } from "./_input.js";

const structuredCopy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/**
 * An adjustment of an annual plan (Longting art. 16: 临时增设、延迟、取消…任务，以及更改抽查比例和频次).
 *
 * @category Planning
 */
export type PlanAdjustment =
  | { readonly kind: "add"; readonly row: z.input<typeof AnnualPlanRowSchema> }
  | { readonly kind: "delay"; readonly seq: number; readonly window: { readonly start: string; readonly end: string } }
  | { readonly kind: "cancel"; readonly seq: number }
  | { readonly kind: "change-ratio"; readonly seq: number; readonly ratio: number }
  | { readonly kind: "change-count"; readonly seq: number; readonly targetCount: number }
  | { readonly kind: "change-frequency"; readonly seq: number; readonly frequencyPerYear: number };


/**
 * Applies one adjustment to an annual plan and returns the new plan with the adjustment record. Every adjustment must
 * be made public (Longting art. 16: 将调整情况公开; Chongqing 5.4: 及时…向社会公开), so `publicNotice` is required.
 * The new plan is validated like the original.
 *
 * @param plan - The annual plan.
 * @param adjustment - One adjustment: add, remove or change a row (see {@link PlanAdjustment}).
 * @param meta - The date `on`, the `reason` and the `publicNotice` the adjustment was published in.
 * @returns The new plan and the adjustment record.
 * @throws {@link ShuangsuijiError} `invalid-input` when the plan, the adjustment or `meta` is malformed (an unknown
 *   adjustment kind or row, no reason or public notice), or the adjusted plan is not a valid plan.
 * @category Planning
 * @example
 * ```ts
 * import { adjustAnnualPlan, type AnnualPlan } from "shuangsuiji";
 * declare const plan: AnnualPlan;
 * const { plan: next, record } = adjustAnnualPlan(plan, { kind: "cancel", seq: 3 }, { on: "2026-06-01", reason: "上级部署专项整治替代", publicNotice: "卧龙区联席办公告〔2026〕5号" });
 * ```
 */
export function adjustAnnualPlan(
  plan: AnnualPlan,
  adjustment: PlanAdjustment,
  meta: { readonly on: string; readonly reason: string; readonly publicNotice: string },
): { readonly plan: AnnualPlan; readonly record: PlanAdjustment & { readonly on: string; readonly reason: string; readonly publicNotice: string; readonly clause: string } } {
  const current = parsePlan(plan);
  const m = parseChangeMeta(meta, "Longting art. 16");
  if (adjustment === null || typeof adjustment !== "object" || !["add", "cancel", "delay", "change-ratio", "change-count", "change-frequency"].includes((adjustment as { kind?: unknown }).kind as string)) {
    throw new ShuangsuijiError("invalid-input", [{ path: ["adjustment", "kind"], rule: "plan-adjustment", clause: "Longting art. 16", messageZh: "调整类型无效", messageEn: "unknown adjustment kind (add, cancel, delay, change-ratio, change-count, change-frequency)" }]);
  }
  const fail = (path: string[], zh: string, en: string): never => {
    throw new ShuangsuijiError("invalid-input", [{ path, rule: "plan-adjustment", clause: "Longting art. 16", messageZh: zh, messageEn: en }]);
  };
  if (m.reason.trim() === "") fail(["reason"], "计划调整须说明理由", "an adjustment needs a reason");
  if (m.publicNotice.trim() === "") fail(["publicNotice"], "计划调整情况应当公开", "an adjustment must be made public");
  const find = (seq: number): AnnualPlanRow => current.rows.find((r) => r.seq === seq) ?? fail(["seq"], "计划行不存在", `no plan row ${seq}`);
  let rows: unknown[];
  switch (adjustment.kind) {
    case "add":
      rows = [...current.rows, adjustment.row];
      break;
    case "cancel":
      find(adjustment.seq);
      rows = current.rows.filter((r) => r.seq !== adjustment.seq);
      break;
    case "delay":
      find(adjustment.seq);
      rows = current.rows.map((r) => (r.seq === adjustment.seq ? { ...r, window: adjustment.window } : r));
      break;
    case "change-ratio":
      find(adjustment.seq);
      rows = current.rows.map((r) => (r.seq === adjustment.seq ? { ...r, ratio: adjustment.ratio } : r));
      break;
    case "change-count":
      find(adjustment.seq);
      rows = current.rows.map((r) => (r.seq === adjustment.seq ? { ...r, targetCount: adjustment.targetCount } : r));
      break;
    case "change-frequency":
      find(adjustment.seq);
      rows = current.rows.map((r) => (r.seq === adjustment.seq ? { ...r, frequencyPerYear: adjustment.frequencyPerYear } : r));
      break;
  }
  const adjusted = { ...current, rows };
  const r = AnnualPlanSchema.safeParse(adjusted);
  // the value checked is the one the issues' paths point into (a wrong type is reported as such, with its value)
  if (!r.success) throw new ShuangsuijiError("invalid-input", issuesFromZod(r.error.issues, { clause: "Chongqing table D.1; Longting art. 16" }, adjusted), { cause: r.error });
  return deepFreeze({ plan: r.data, record: { ...structuredCopy(adjustment), ...m, clause: "Longting art. 16" } });
}
