import { deepFreeze } from "../_internal/deepFreeze.js";
import { digestOf } from "../draw/_encoding.js";
import type { AuditEvent } from "./AuditEvent.js";
import { GENESIS } from "./_lifecycle.js";

/**
 * Result of {@link verifyAuditTrail}.
 *
 * @category Task
 */
export type AuditVerification = { readonly ok: true; readonly headDigest: string } | { readonly ok: false; readonly problems: readonly { readonly seq: number; readonly problem: string }[] };

/**
 * Verifies an audit trail (全过程留痕, Chongqing 4): sequence numbers 0, 1, 2, … without gaps, each event's digest
 * matching its content, and each event naming the previous event's digest. Any edit, deletion, insertion or
 * reordering breaks it. Compare `headDigest` with a published one to detect truncation at the end.
 *
 * @category Task
 * @example
 * ```ts
 * import { verifyAuditTrail, type TaskLifecycle } from "shuangsuiji";
 * declare const task: TaskLifecycle;
 * const v = verifyAuditTrail(task.audit);
 * if (v.ok) console.log(v.headDigest);
 * ```
 */
export function verifyAuditTrail(events: readonly AuditEvent[]): AuditVerification {
  const problems: { seq: number; problem: string }[] = [];
  let prev = GENESIS;
  events.forEach((e, i) => {
    const { digest, ...body } = e;
    if (e.seq !== i) problems.push({ seq: i, problem: `sequence number ${e.seq} at position ${i} (an event was removed, inserted or moved)` });
    if (digestOf(body) !== digest) problems.push({ seq: i, problem: "the event's content does not match its digest (edited)" });
    if (e.prevDigest !== prev) problems.push({ seq: i, problem: "the link to the previous event is broken (removed, inserted or reordered)" });
    prev = digest;
  });
  return deepFreeze(problems.length === 0 ? { ok: true, headDigest: prev } : { ok: false, problems });
}
