import { digestOf } from "../draw/_encoding.js";
import type { TargetDrawRecord } from "../draw/TargetDrawRecord.js";
import type { Approval, TaskLifecycle, Transition } from "./TaskLifecycle.js";
import { advance, appended, refuse, requireState } from "./_lifecycle.js";
import { requireApproval, requireChronology, text } from "./_rules.js";

/**
 * Records the stage-1 draw of the task (发起部门统一抽取, Longting art. 19). A second draw before the lock is a
 * **redraw**: it needs a reason and the department head's approval, is appended and linked to the draw it supersedes,
 * and never overwrites it (the Zhejiang systems' "delete and draw again" is exactly what this forbids). After the lock a
 * redraw is refused — the list changes only through {@link amendLockedList} where the preset allows. The redraw's
 * approval is dated on or before the redraw; no step is dated before the previous one.
 *
 * @param t - The task (a value returned by a lifecycle function, or by {@link loadTask}).
 * @param record - The stage-1 record of {@link drawTargets}.
 * @param options - The date `on`, the `actor`, and for a redraw its `reason` and approval.
 * @returns The new task and the audit event recorded.
 * @throws {@link ShuangsuijiError} `illegal-transition` when the task is not in a state that allows this step, or a
 *   draw is already recorded and this is not a reasoned, approved redraw.
 * @throws {@link ShuangsuijiError} `invalid-input` when `t` is not a live task, the record is missing or altered, or
 *   belongs to another task.
 * @throws {@link ShuangsuijiError} `approval-missing`, `approval-role` or `approval-late` when a redraw's approval is
 *   absent, from the wrong role, or dated after it.
 * @throws {@link ShuangsuijiError} `invalid-date` when a date is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `dates-out-of-order` when `on` is before the task's previous event, or the approval
 *   before the task was created.
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
  record: TargetDrawRecord,
  options: { readonly on: string; readonly actor: string; readonly redraw?: { readonly reason: string; readonly approval: Approval } },
): Transition {
  requireState(t, ["planned", "targets-drawn"], "record a target draw", "Longting art. 19");
  const on = requireChronology(t, options?.on, "record a target draw");
  if (record === null || typeof record !== "object") refuse("invalid-input", "record", "docs/draw.md", "缺少抽取记录", "a target draw record is required", ["record"]);
  const { digest, ...body } = record;
  if (record?.kind !== "target-draw" || digestOf(body) !== digest) refuse("invalid-input", "record-digest", "docs/draw.md", "抽取记录已被改动", "the draw record was altered (its digest does not match)", ["record"]);
  if (record.taskId !== t.task.id) refuse("invalid-input", "task-id", "Longting art. 19", "抽取记录属于其他任务", `the record is for task ${record.taskId}, not ${t.task.id}`, ["record", "taskId"], record.taskId);
  // the seed's own date (dice roll) cannot be after the draw is recorded: the seed comes first (Wolong 2.2)
  const seedDate = (record.seed?.provenance as { readonly date?: unknown } | undefined)?.date;
  if (typeof seedDate === "string" && seedDate > on) refuse("dates-out-of-order", "seed-before-record", "Wolong 2.2", `随机种子的日期（${seedDate}）晚于抽取记录的录入日期（${on}）`, `the seed is dated ${seedDate}, after the draw is recorded (${on})`, ["record", "seed", "provenance", "date"], seedDate);
  const previous = t.targetDraws[t.targetDraws.length - 1];
  if (previous !== undefined) {
    if (options.redraw === undefined || text(options.redraw.reason) === "") {
      refuse("illegal-transition", "redraw-needs-reason", "Longting art. 19; Chongqing 4 (全过程留痕)", "重新抽取须说明理由并经批准，且不得覆盖原抽取结果", "a redraw needs a reason and an approval, and never overwrites the earlier draw", ["redraw"]);
    }
  }
  const approval = previous === undefined ? undefined : requireApproval(t, options.redraw?.approval, "department-head", "Chongqing 4; Longting art. 19", "重新抽取", on, ["redraw", "approval"]);
  const entry = approval === undefined ? { record } : { record, supersedes: (previous as NonNullable<typeof previous>).record.digest, reason: text(options.redraw?.reason), approval };
  return advance(
    t,
    { state: "targets-drawn", targetDraws: appended(entry) },
    {
      type: previous === undefined ? "targets-drawn" : "targets-redrawn",
      on,
      actor: text(options.actor),
      payload: { recordDigest: record.digest, selected: record.selectedCount, ...(approval === undefined ? {} : { supersedes: previous?.record.digest, reason: entry.reason, approvedBy: approval.name, approvedOn: approval.on }) },
      transition: "recordTargetDraw",
      input: [record, options],
    },
  );
}
