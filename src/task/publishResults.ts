import type { TaskLifecycle, Transition } from "./TaskLifecycle.js";
import { advance, headOf, requireState } from "./_lifecycle.js";

/**
 * Publishes the results (谁检查、谁录入、谁公开). From here on they are immutable: only an approved correction changes
 * them ({@link correctPublishedResult}). Publication after the deadline is allowed but recorded as late.
 *
 * @category Task
 * @example
 * ```ts
 * import { publishResults, type TaskLifecycle } from "shuangsuiji";
 * declare const recorded: TaskLifecycle;
 * const { event } = publishResults(recorded, { publishedOn: "2026-10-28", actor: "区市场监管局" });
 * event.payload.late; // false
 * ```
 */
export function publishResults(t: TaskLifecycle, options: { readonly publishedOn: string; readonly actor: string }): Transition {
  requireState(t, ["results-recorded"], "publish the results", "Wolong 3.2; Wancheng art. 21");
  const deadline = t.publicationDeadline?.date as string;
  const late = options.publishedOn > deadline;
  return advance(
    t,
    { state: "published", publishedOn: options.publishedOn },
    { type: "results-published", on: options.publishedOn, actor: options.actor, payload: { deadline, late, records: t.records.map((r) => r.id), head: headOf(t) }, transition: "publishResults", input: [options] },
  );
}
