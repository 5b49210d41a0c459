import type { Approval, TaskLifecycle } from "./TaskLifecycle.js";
import { refuse } from "./_lifecycle.js";
import { presetOf, requireApproval, requireDate, requireOrder, text } from "./_rules.js";

/** The recorded exception for an act outside the task window (startInspection, recordResult). */
export interface WindowException {
  readonly reason: string;
  readonly approvedBy: string;
  readonly approvedOn: string;
  readonly publicNotice?: { readonly reference: string; readonly on: string };
}

/** `outsideWindow` of {@link startInspection} and {@link recordResult}. */
export interface OutsideWindowInput {
  readonly reason: string;
  readonly approval: Approval;
  /** The public notice of the adjusted plan (调整情况公开): its reference (文号 or URL) and date. */
  readonly publicNotice?: { readonly reference: string; readonly on: string };
}

/** Longting art. 16 for custom presets that do not say: the adjustment is made public. */
const DEFAULT = { publicNotice: true, clause: "Longting art. 16" } as const;

/**
 * Checks an exception to the task window: a reason, the department head's approval dated on or before `actOn`, and —
 * where the preset's document requires the adjustment to be made public (Longting art. 16 「并将调整情况公开」; Chongqing
 * 5.4 「及时…向社会公开」) — the public notice's reference and date, on or before `actOn`. Refusals cite the preset's
 * `windowException.clause`.
 */
export function windowException(t: TaskLifecycle, x: OutsideWindowInput, actOn: string, what: { zh: string; en: string }): WindowException {
  const rule = presetOf(t).windowException ?? DEFAULT;
  const cl = rule.clause;
  const reason = text(x.reason, ["outsideWindow", "reason"]);
  if (reason === "") refuse("invalid-input", "window-exception-reason", cl, `${what.zh}须说明理由（延迟、延期）`, `${what.en} needs the reason (delay, extension)`, ["outsideWindow", "reason"]);
  const a = requireApproval(t, x.approval, "department-head", cl, "超出任务时间实施检查", actOn, ["outsideWindow", "approval"]);
  const n = x.publicNotice as unknown;
  if (n === undefined || n === null) {
    if (rule.publicNotice) refuse("invalid-input", "window-exception-public-notice", cl, `${what.zh}：任务延迟须调整计划并将调整情况公开，应记录公开的文号或网址及日期`, `${what.en}: a delayed task needs the plan adjusted and the adjustment made public; record the public notice (publicNotice: reference and date)`, ["outsideWindow", "publicNotice"]);
    return { reason, approvedBy: a.name, approvedOn: a.on };
  }
  const o = (typeof n === "object" ? n : {}) as Record<string, unknown>;
  const reference = text(o.reference, ["outsideWindow", "publicNotice", "reference"]);
  if (reference === "") refuse("invalid-input", "window-exception-public-notice", cl, "调整情况公开的文号或网址不能为空", "the public notice needs its reference (document number or URL)", ["outsideWindow", "publicNotice", "reference"]);
  const on = requireDate(o.on, ["outsideWindow", "publicNotice", "on"]);
  requireOrder(on, actOn, "window-exception-notice-first", cl, `调整情况公开（${on}）应早于或当日于${what.zh}（${actOn}）`, `the adjustment must be made public (${on}) on or before the act outside the window (${actOn})`, ["outsideWindow", "publicNotice", "on"]);
  return { reason, approvedBy: a.name, approvedOn: a.on, publicNotice: { reference, on } };
}
