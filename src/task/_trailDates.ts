import { isPlainObject } from "../_internal/boundary.js";

/**
 * Event dates never go backwards (Chongqing 4, 全过程留痕; docs/lifecycle.md, docs/persistence.md): each event's `on`
 * is on or after the previous event's, civil dates comparing as text (docs/spec-v1.md §1). A chain recomputed around
 * a back-dated event is then refused by {@link verifyAuditTrail} itself, not only by a replay. An event without a
 * text date is left to the digest check (its content is damaged); with `from`, the first event has no earlier date.
 *
 * @param events - The trail as read (events may be damaged).
 * @param offset - The sequence number of the first event.
 * @returns One problem per event dated before the event it follows.
 */
export function trailDateProblems(events: readonly unknown[], offset: number): { seq: number; problem: string }[] {
  const out: { seq: number; problem: string }[] = [];
  let prev: string | undefined;
  events.forEach((e, i) => {
    const on = isPlainObject(e) && typeof e["on"] === "string" ? e["on"] : undefined;
    if (on === undefined) return;
    if (prev !== undefined && on < prev) out.push({ seq: offset + i, problem: `the event is dated ${on}, before the previous event (${prev}): event dates never go backwards` });
    if (prev === undefined || on > prev) prev = on;
  });
  return out;
}
