import { deepFreeze } from "../_internal/deepFreeze.js";
import { canonicalDigest } from "./_digest.js";
import type { AnchoredHead, AuditEvent } from "./AuditEvent.js";
import { GENESIS } from "./_lifecycle.js";
import { anchorProblems } from "./_replay.js";

/**
 * Result of {@link verifyAuditTrail}.
 *
 * @category Task
 */
export type AuditVerification =
  | { readonly ok: true; readonly headDigest: string; readonly head: AnchoredHead }
  | { readonly ok: false; readonly problems: readonly { readonly seq: number; readonly problem: string }[] };

/**
 * Options of {@link verifyAuditTrail}.
 *
 * @category Task
 */
export interface VerifyAuditTrailOptions {
  /**
   * Published heads (锚定: e.g. printed in the results notice, see {@link publicView}) the trail must contain, each
   * at its position with its digest. A trail cut back before one of them (truncation), or rewritten up to it, fails.
   */
  readonly anchors?: readonly AnchoredHead[];
  /**
   * Verify only the events after a published head: the first event must be `from.seq + 1` and link to `from.digest`.
   * This is how later events prove they extend what was published, without the earlier events.
   */
  readonly from?: AnchoredHead;
}

/**
 * Verifies an audit trail (全过程留痕, Chongqing 4): sequence numbers without gaps, each event's digest matching its
 * content, and each event naming the previous event's digest. Any edit, deletion, insertion or reordering breaks it;
 * dropping the last events does not — compare with a published head (`anchors`) to catch that. This checks the chain
 * only; {@link replayTask} and {@link verifyTask} also check that every event is what its transition appends.
 *
 * @category Task
 * @example
 * ```ts
 * import { publicView, verifyAuditTrail, type TaskLifecycle } from "shuangsuiji";
 * declare const task: TaskLifecycle;
 * declare const noticeHead: ReturnType<typeof publicView>["head"]; // printed in the results notice
 * const v = verifyAuditTrail(task.audit, { anchors: noticeHead === undefined ? [] : [noticeHead] });
 * if (v.ok) console.log(v.head.seq, v.headDigest);
 * ```
 */
export function verifyAuditTrail(events: readonly AuditEvent[], options: VerifyAuditTrailOptions = {}): AuditVerification {
  const problems: { seq: number; problem: string }[] = [];
  const offset = options.from === undefined ? 0 : options.from.seq + 1;
  let prev = options.from?.digest ?? GENESIS;
  events.forEach((e, i) => {
    const { digest, ...body } = e;
    const seq = offset + i;
    if (e.seq !== seq) problems.push({ seq, problem: `sequence number ${e.seq} at position ${seq} (an event was removed, inserted or moved)` });
    if (canonicalDigest(body) !== digest) problems.push({ seq, problem: "the event's content does not match its digest (edited)" });
    if (e.prevDigest !== prev) problems.push({ seq, problem: seq === offset && options.from !== undefined ? "the first event does not extend the published head" : "the link to the previous event is broken (removed, inserted or reordered)" });
    prev = digest;
  });
  problems.push(...anchorProblems(events, options.anchors ?? [], offset));
  return deepFreeze(problems.length === 0 ? { ok: true, headDigest: prev, head: { seq: offset + events.length - 1, digest: prev } } : { ok: false, problems });
}
