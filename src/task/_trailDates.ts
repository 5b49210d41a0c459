import { isPlainObject } from "../_internal/boundary.js";
import { isValidCivilDate } from "../calendar/isValidCivilDate.js";
import type { AuditProblem } from "./verifyAuditTrail.js";

/**
 * Event dates never go backwards (Chongqing 4, 全过程留痕; docs/lifecycle.md, docs/persistence.md): each event's `on`
 * is on or after the previous event's, civil dates comparing as text (docs/spec-v1.md §1). A chain recomputed around
 * a back-dated event is then refused by {@link verifyAuditTrail} itself, not only by a replay. Each `on` must first be a
 * real `YYYY-MM-DD` civil date (Chongqing 4; docs/spec-v1.md §1): otherwise that event is reported and left out of the
 * comparison, so a re-chained "2026-4-01" or any other text cannot slip past the text order. An event that is not an
 * object is left to the digest check; with `from`, the first event has no earlier date.
 *
 * @param events - The trail as read (events may be damaged).
 * @param offset - The sequence number of the first event.
 * @returns One problem per event whose date is not a civil date or is before the event it follows.
 */
export function trailDateProblems(events: readonly unknown[], offset: number): AuditProblem[] {
  const out: AuditProblem[] = [];
  let prev: string | undefined;
  events.forEach((e, i) => {
    if (!isPlainObject(e)) return;
    const on: unknown = e["on"];
    if (typeof on !== "string" || !isValidCivilDate(on)) {
      out.push({ seq: offset + i, problem: `the event's date (${typeof on === "string" ? JSON.stringify(on.slice(0, 40)) : typeof on}) is not a real YYYY-MM-DD civil date`, problemZh: "事件日期不是有效的公历日期（YYYY-MM-DD）" });
      return;
    }
    if (prev !== undefined && on < prev) out.push({ seq: offset + i, problem: `the event is dated ${on}, before the previous event (${prev}): event dates never go backwards`, problemZh: `事件日期${on}早于上一条事件（${prev}）：事件日期不能倒退` });
    if (prev === undefined || on > prev) prev = on;
  });
  return out;
}
