import { readArg } from "./_args.js";
import type { AdvanceNoticeRecorded, TaskLifecycle, Transition } from "./TaskLifecycle.js";
import { advance, advanceNoticeFor, refuse, requireState } from "./_lifecycle.js";
import { presetOf, requireChronology, requireDate, teamOf, text } from "./_rules.js";

/**
 * The advance-notice step for one target: exactly one of
 * - `given` — notice was given on `on` by `means` (书面、电话、传真等形式);
 * - `surpriseOnLead` — a surprise inspection on a lead the department holds (掌握问题线索需要实施突击检查), the `lead`
 *   and the day `on` it was decided (Longting art. 21);
 * - `notGiven` — no notice, with the `reason`.
 *
 * @category Task
 */
export type AdvanceNoticeStep =
  | { readonly given: { readonly on: string; readonly means: string } }
  | { readonly surpriseOnLead: { readonly lead: string; readonly on: string } }
  | { readonly notGiven: { readonly reason: string } };

const NONE = { itemFlag: false, categories: [] as readonly string[], surpriseOnLead: false } as const;

/**
 * Records the advance notice (提前告知) of one target, or its recorded exemption. Where the preset's
 * `advanceNoticeRule` is `required` (Chongqing 6.5; Longting art. 21; Wolong 2.3), {@link recordResult} refuses a result
 * for a target without this step dated on or before its inspection. The exemption must be one the preset allows, checked
 * here with the preset's own clause:
 * - `surpriseOnLead` — only where the preset allows a surprise inspection on a lead (`longting`, Longting art. 21);
 * - `notGiven` — under a preset whose notice is owed only where possible (`wolong`, Wolong 2.3: 能提前告知…的), with its
 *   reason; or where one of the task's `items` is in a category the preset exempts, or flagged `noAdvanceNotice` where
 *   the preset honours the flag (`chongqing`, Chongqing 6.5: 食品生产和销售企业、餐饮服务、食用农产品交易市场、安全生产等);
 * - under an `optional` preset (Wancheng art. 20; Yanshi 7.4) every form is recorded and none is required.
 *
 * One step per target; the notice (or the decision to inspect by surprise) is dated on or before the day recorded.
 *
 * @param t - The task, once inspectors are drawn (`inspectors-drawn`) or during inspection (`inspecting`).
 * @param rawInput - The `targetId`, exactly one of `given` / `surpriseOnLead` / `notGiven` ({@link AdvanceNoticeStep}),
 *   the `actor` and the day `on` the step is recorded.
 * @returns The new task (its `advanceNotices[targetId]` set) and the audit event `advance-notice-recorded`.
 * @throws {@link ShuangsuijiError} `record-form-refused` (rule `advance-notice-exemption`) when the exemption is not one
 *   the preset allows, naming the preset's clause.
 * @throws {@link ShuangsuijiError} `illegal-transition` when the task is not in `inspectors-drawn` or `inspecting`.
 * @throws {@link ShuangsuijiError} `invalid-input` when the input is missing, the target has no team, not exactly one
 *   form is given, `means`, `lead` or `reason` is empty, or a step is already recorded for the target.
 * @throws {@link ShuangsuijiError} `invalid-date` when a date is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `dates-out-of-order` when `on` is before the task's previous event, or the notice is
 *   dated after `on`.
 * @category Task
 * @example
 * ```ts
 * import { recordAdvanceNotice, type TaskLifecycle } from "shuangsuiji";
 * declare const drawn: TaskLifecycle;
 * recordAdvanceNotice(drawn, { targetId: "91350100M000100Y43", given: { on: "2026-04-08", means: "书面告知" }, on: "2026-04-08", actor: "检查组" });
 * recordAdvanceNotice(drawn, { targetId: "91330100716105852F", surpriseOnLead: { lead: "12315举报 2026-0412", on: "2026-04-09" }, on: "2026-04-09", actor: "检查组" });
 * ```
 */
export function recordAdvanceNotice(t: TaskLifecycle, rawInput: { readonly targetId: string; readonly actor: string; readonly on: string } & AdvanceNoticeStep): Transition {
  const input = readArg(t, rawInput, []);
  requireState(t, ["inspectors-drawn", "inspecting"], "record advance notice", "Chongqing 6.5; Longting art. 21; Wolong 2.3");
  if (input === null || typeof input !== "object") refuse("invalid-input", "input", "Chongqing 6.5; Longting art. 21; Wolong 2.3", "缺少输入", "input required");
  const rules = presetOf(t);
  const rule = rules.advanceNoticeRule ?? { notice: "optional" as const, clause: `${rules.source} (no advance-notice rule)` };
  const ex = rules.advanceNoticeExemptions ?? { ...NONE, clause: `${rules.source} (no advance-notice exemption)` };
  const clause = rule.clause;
  const on = requireChronology(t, input.on, "record advance notice");
  const targetId = text(input.targetId, ["targetId"]);
  if (teamOf(t, targetId) === undefined) refuse("invalid-input", "team", clause, "该检查对象没有检查组", "no team inspects that target", ["targetId"], input.targetId);
  if (advanceNoticeFor(t, targetId) !== undefined) refuse("invalid-input", "advance-notice-once", clause, "该检查对象的提前告知已记录", "the advance notice of that target is already recorded", ["targetId"], targetId);
  const i = input as Record<string, unknown>;
  const forms = (["given", "surpriseOnLead", "notGiven"] as const).filter((k) => i[k] !== undefined);
  if (forms.length !== 1) refuse("invalid-input", "advance-notice-form", clause, "应填写且只填写一项：given（已告知）、surpriseOnLead（突击检查）或notGiven（未告知）", "give exactly one of given, surpriseOnLead, notGiven", [], forms);
  const form = forms[0]!;
  const part = i[form];
  if (part === null || typeof part !== "object") refuse("invalid-input", "advance-notice-form", clause, "提前告知内容应为对象", `${form} must be an object`, [form]);
  const p = part as Record<string, unknown>;
  let value: AdvanceNoticeRecorded;
  if (form === "given") {
    const d = requireDate(p.on, ["given", "on"]);
    if (d > on) refuse("dates-out-of-order", "advance-notice-date", clause, `告知日期（${d}）晚于记录日期（${on}）`, `the notice (${d}) is dated after the step (${on})`, ["given", "on"], d);
    const means = text(p.means, ["given", "means"]);
    if (means === "") refuse("invalid-input", "advance-notice-means", clause, "应记录告知方式（书面、电话、传真等）", "record how notice was given (means)", ["given", "means"], p.means);
    value = { recordedOn: on, given: { on: d, means } };
  } else if (form === "surpriseOnLead") {
    const d = requireDate(p.on, ["surpriseOnLead", "on"]);
    if (d > on) refuse("dates-out-of-order", "advance-notice-date", ex.clause, `突击检查决定日期（${d}）晚于记录日期（${on}）`, `the surprise inspection (${d}) is dated after the step (${on})`, ["surpriseOnLead", "on"], d);
    const lead = text(p.lead, ["surpriseOnLead", "lead"]);
    if (lead === "") refuse("invalid-input", "surprise-lead", "Longting art. 21", "突击检查须记录所掌握的问题线索", "a surprise inspection needs the lead it acts on (lead)", ["surpriseOnLead", "lead"], p.lead);
    if (rule.notice === "required" && !ex.surpriseOnLead) refuse("record-form-refused", "advance-notice-exemption", ex.clause, "本规则未规定掌握问题线索实施突击检查可不提前告知", "this preset gives no surprise-inspection exception to advance notice", ["surpriseOnLead"]);
    value = { recordedOn: on, surpriseOnLead: { lead, on: d } };
  } else {
    const reason = text(p.reason, ["notGiven", "reason"]);
    if (reason === "") refuse("invalid-input", "advance-notice-reason", clause, "未提前告知应说明理由", "record why notice was not given (reason)", ["notGiven", "reason"], p.reason);
    let ground: "item-flag" | "category" | "not-possible" | "optional" | undefined;
    if (rule.notice === "optional") ground = "optional";
    else {
      const items = t.items ?? [];
      if (items.some((it) => it.advanceNoticeCategory !== undefined && (ex.categories as readonly string[]).includes(it.advanceNoticeCategory))) ground = "category";
      else if (ex.itemFlag && items.some((it) => it.noAdvanceNotice === true)) ground = "item-flag";
      else if (rule.wherePossible === true) ground = "not-possible";
    }
    if (ground === undefined) refuse("record-form-refused", "advance-notice-exemption", `${ex.clause}; ${clause}`, "本任务的事项不属于本规则不予提前告知的情形，应提前告知", "no item of this task is in a category this preset exempts from advance notice: notice must be given", ["notGiven"]);
    value = { recordedOn: on, notGiven: { reason, ground } };
  }
  const { recordedOn: _r, ...payload } = value;
  return advance(t, { advanceNotice: { targetId, value } }, { type: "advance-notice-recorded", on, actor: text(input.actor, ["actor"]), payload: { targetId, ...payload, clause: rule.notice === "required" ? clause.split(" (")[0]! : clause }, transition: "recordAdvanceNotice", input: [input] });
}
