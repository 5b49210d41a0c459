import { readArg } from "./_args.js";
import { digestOf } from "../draw/_shared/_encoding.js";
import type { TargetDrawRecord } from "../draw/records/TargetDrawRecord.js";
import type { Approval, TaskLifecycle, Transition } from "./TaskLifecycle.js";
import { advance, appended, recheckedDigest, refuse, requireState } from "./_lifecycle.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { itemCapOf, strataRatioIssues } from "./_ratioRules.js";
import { initiatingDepartment, presetOf, requireApproval, requireChronology, text } from "./_rules.js";
import { drawWitnesses } from "./_witnesses.js";
import type { Inspector } from "../model/inspector.js";

/**
 * Records the stage-1 draw of the task (发起部门统一抽取, Longting art. 19). A second draw before the lock is a
 * **redraw**: it is allowed only where the preset lets the drawn list change (Chongqing 6.4; refused under Longting
 * art. 19, Wancheng and Wolong: `redraw-not-allowed`), needs a reason and the approval of the preset's approver
 * (Chongqing 6.4: 本部门主要负责人) dated on or after the draw it supersedes, runs on the same committed pool and policy
 * (`redraw-same-pool-and-policy`), is appended and linked to the draw it supersedes, and never overwrites it (the Zhejiang systems' "delete and draw again" is exactly what this forbids). After the lock a
 * redraw is refused — the list changes only through {@link amendLockedList} where the preset allows. The redraw's
 * approval is dated on or before the redraw; no step is dated before the previous one.
 *
 * The draw selects at least the quantity the task declares — `ceil(ratio × eligible units)` or `targetCount`
 * (`draw-honours-task-quantity`, Longting art. 19; Chongqing 6.4 按照预定的比例); strata may differ by credit risk.
 * Every stratum obeys the preset's ratio rules, all violations reported at once: within its `targetRatio` — the stated
 * ratio, and a quota of at least ceil(floor × eligible) for every class with eligible units (`target-ratio-bounds`,
 * Yanshi 6: 5%–100%); and, where the preset enforces `generalItemRatioCap`, at or below the smallest `maxRatio` of the
 * task's general items (`task.items`, given to {@link startTask}) — a stated ratio above it or a quota above
 * ceil(cap × eligible) is refused (`general-item-ratio-cap`, Chongqing 5.2).
 *
 * @param t - The task (a value returned by a lifecycle function, or by {@link loadTask}).
 * @param rawRecord - The stage-1 record of {@link drawTargets}.
 * @param rawOptions - The date `on`, the `actor`, and for a redraw its `reason` and approval; `witnessDirectory`, the
 *   department directories the seed's witnesses are looked up in where the preset's `drawWitnesses` asks for 执法人员
 *   (Wolong 2.2 建议…由两名以上执法人员见证: under `wolong` a shortfall is recorded as `advisories` in the event's payload).
 * @returns The new task and the audit event recorded.
 * @throws {@link ShuangsuijiError} `illegal-transition` when the task is not in a state that allows this step, or a
 *   draw is already recorded and this is not a reasoned, approved redraw, or the preset allows no redraw.
 * @throws {@link ShuangsuijiError} `invalid-input` when `t` is not a live task, the record is missing or altered, or
 *   belongs to another task, selects fewer units than the task declares, draws a stratum outside the preset's ratio
 *   bounds or above the general-item cap, or a redraw changes the pool or the policy.
 * @throws {@link ShuangsuijiError} `approval-missing`, `approval-role` or `approval-late` when a redraw's approval is
 *   absent, names no department or another than the initiating department (本部门主要负责人, Chongqing 6.4), is from
 *   the wrong role, or dated after it.
 * @throws {@link ShuangsuijiError} `invalid-date` when a date is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `dates-out-of-order` when `on` is before the task's previous event, or the approval
 *   before the task was created or before the draw it supersedes.
 * @category Task
 * @example
 * ```ts
 * import { recordTargetDraw, type TaskLifecycle, type TargetDrawRecord } from "shuangsuiji";
 * declare const planned: TaskLifecycle;
 * declare const record: TargetDrawRecord;
 * const { task } = recordTargetDraw(planned, record, { on: "2026-04-01", actor: "信用监管科" });
 * ```
 */
export function recordTargetDraw(
  t: TaskLifecycle,
  rawRecord: TargetDrawRecord,
  rawOptions: { readonly on: string; readonly actor: string; readonly redraw?: { readonly reason: string; readonly approval: Approval }; readonly witnessDirectory?: readonly Inspector[] },
): Transition {
  const record = readArg(t, rawRecord, ["record"]);
  const options = readArg(t, rawOptions, []);
  requireState(t, ["planned", "targets-drawn"], "record a target draw", "Longting art. 19");
  const on = requireChronology(t, options?.on, "record a target draw");
  if (record === null || typeof record !== "object") refuse("invalid-input", "record", "docs/draw.md", "缺少抽取记录", "a target draw record is required", ["record"]);
  const { digest, ...body } = record;
  // on replay the stage-1 record (5×10⁴ units on a provincial task) is hashed from its native JSON text (recheckedDigest)
  if (record?.kind !== "target-draw" || recheckedDigest(t, body) !== digest) refuse("invalid-input", "record-digest", "docs/draw.md", "抽取记录已被改动", "the draw record was altered (its digest does not match)", ["record"]);
  if (record.taskId !== t.task.id) refuse("invalid-input", "task-id", "Longting art. 19", "抽取记录属于其他任务", `the record is for task ${record.taskId}, not ${t.task.id}`, ["record", "taskId"], record.taskId);
  // the seed's own date (dice roll) cannot be after the draw is recorded: the seed comes first (Wolong 2.2)
  const seedDate = (record.seed?.provenance as { readonly date?: unknown } | undefined)?.date;
  if (typeof seedDate === "string" && seedDate > on) refuse("dates-out-of-order", "seed-before-record", "Wolong 2.2", `随机种子的日期（${seedDate}）晚于抽取记录的录入日期（${on}）`, `the seed is dated ${seedDate}, after the draw is recorded (${on})`, ["record", "seed", "provenance", "date"], seedDate);
  const witnessed = drawWitnesses(t, record, options);
  // the draw honours the quantity the task declares (Longting art. 19 按照计划确定的比例; Chongqing 6.4 按照预定的比例):
  // at least ceil(ratio × eligible units) or the declared count; strata may still differ by credit risk (Longting art. 15)
  const eligible = record.poolCommitment?.eligibleCount ?? 0;
  const declared = t.task.targetCount ?? (t.task.ratio === undefined ? 0 : Math.min(eligible, Math.ceil(t.task.ratio * eligible - 1e-9)));
  if (record.selectedCount < Math.min(declared, eligible)) {
    refuse("invalid-input", "draw-honours-task-quantity", "Longting art. 19; Chongqing 6.4", `抽取了${record.selectedCount}户，少于任务确定的${t.task.targetCount === undefined ? `比例${t.task.ratio}（${eligible}户中${declared}户）` : `数量${declared}户`}`, `the draw selected ${record.selectedCount} unit(s), fewer than the task declares (${t.task.targetCount === undefined ? `ratio ${t.task.ratio} of ${eligible}: ${declared}` : `count ${declared}`})`, ["record", "selectedCount"], record.selectedCount);
  }
  // the preset's ratio rules, per stratum, on what was actually drawn (Yanshi 6: 5%–100%; Chongqing 5.2: a general
  // item's cap, from the task's items) — the same rules startTask applied to the task's ratio
  const rules = presetOf(t);
  const strata = Array.isArray(record.strata) ? record.strata : [];
  const ratioIssues = strataRatioIssues(rules, itemCapOf(rules, t.items), strata.map((s) => {
    const rule = (record.policy?.strata as Record<string, { ratio?: number; count?: number }> | undefined)?.[s.riskClass];
    return { riskClass: s.riskClass, eligible: s.size, quota: s.quota, ...(rule === undefined ? {} : { rule }) };
  }), ["record", "policy"], (_cls, k) => ["record", "strata", k, "quota"]);
  if (ratioIssues.length > 0) throw new ShuangsuijiError("invalid-input", ratioIssues);
  const previous = t.targetDraws[t.targetDraws.length - 1];
  if (previous !== undefined) {
    if (options.redraw === undefined || text(options.redraw.reason, ["redraw", "reason"]) === "") {
      refuse("illegal-transition", "redraw-needs-reason", "Longting art. 19; Chongqing 4 (全过程留痕)", "重新抽取须说明理由并经批准，且不得覆盖原抽取结果", "a redraw needs a reason and an approval, and never overwrites the earlier draw", ["redraw"]);
    }
  }
  let approval: Approval | undefined;
  if (previous !== undefined) {
    // a redraw replaces the drawn list: only where the document lets the list change, on its approver's word
    // (Chongqing 6.4 名单一经确认不可擅自更改，确需更改的，经本部门主要负责人审批; Longting art. 19 统一抽取, 名单一经锁定不可更改)
    const change = presetOf(t).lockedListChange;
    if (!change.allowed) refuse("illegal-transition", "redraw-not-allowed", change.clause, "本规范不允许更改抽取产生的检查对象名单，不得重新抽取", "this preset's document does not allow the drawn list to change: no redraw", ["redraw"]);
    // the redraw runs on the same committed pool and the same policy as the draw it supersedes (Longting art. 19
    // 按照计划确定的比例…统一抽取): only the seed differs
    const prev = previous.record;
    if (digestOf(record.poolCommitment) !== digestOf(prev.poolCommitment) || digestOf(record.policy) !== digestOf(prev.policy)) {
      refuse("invalid-input", "redraw-same-pool-and-policy", `${change.clause}; Longting art. 19`, "重新抽取须在原抽取的同一名录库和同一抽取规则上进行", "a redraw must run on the same committed pool and the same policy as the draw it supersedes", ["record"]);
    }
    approval = requireApproval(t, options.redraw?.approval, change.approver, change.clause, "重新抽取", on, ["redraw", "approval"], { on: lastDrawOn(t), zh: "原抽取日期", en: "the draw it supersedes" }, initiatingDepartment(t));
  }
  const entry = approval === undefined ? { record } : { record, supersedes: (previous as NonNullable<typeof previous>).record.digest, reason: text(options.redraw?.reason, ["redraw", "reason"]), approval };
  return advance(
    t,
    { state: "targets-drawn", targetDraws: appended(entry) },
    {
      type: previous === undefined ? "targets-drawn" : "targets-redrawn",
      on,
      actor: text(options.actor, ["actor"]),
      payload: { recordDigest: record.digest, selected: record.selectedCount, ...(approval === undefined ? {} : { supersedes: previous?.record.digest, reason: entry.reason, approvedBy: approval.name, approvedOn: approval.on }), ...witnessed },
      transition: "recordTargetDraw",
      input: [record, options],
    },
  );
}

/** The date of the draw a redraw supersedes. */
function lastDrawOn(t: TaskLifecycle): string | undefined {
  const audit = t.audit;
  for (let i = audit.length - 1; i >= 0; i--) if (audit[i]!.type === "targets-drawn" || audit[i]!.type === "targets-redrawn") return audit[i]!.on;
  return undefined;
}
