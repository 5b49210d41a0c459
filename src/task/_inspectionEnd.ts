import type { TaskLifecycle } from "./TaskLifecycle.js";

/**
 * The end of the inspection (检查结束之日, Wolong 3.2; 抽查任务完成, Longting art. 22; Chongqing 6.6): the latest
 * `inspectedOn` of the task's records — the day the last target was inspected, not the day a result was entered, so
 * entering results late never moves the 20-working-day deadline. `undefined` before the first record.
 */
export function inspectionEndedOn(t: TaskLifecycle): string | undefined {
  let end: string | undefined;
  for (const r of t.records) if (end === undefined || r.inspectedOn > end) end = r.inspectedOn;
  return end;
}

/**
 * The records entered (their `result-recorded` event) after a deadline, with the entry date: Wolong 3.2
 * 「自检查结束之日起20个工作日内…录入检查结果并公示」 and Longting art. 22 「…20个工作日内，将抽查检查结果录入」 bound the
 * entry as well as the publication.
 */
export function entriesAfter(t: TaskLifecycle, deadline: string): { recordId: string; enteredOn: string }[] {
  const out: { recordId: string; enteredOn: string }[] = [];
  for (const e of t.audit) if (e.type === "result-recorded" && e.on > deadline) out.push({ recordId: String(e.payload.recordId), enteredOn: e.on });
  return out;
}
