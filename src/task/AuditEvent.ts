/**
 * One entry of a task's append-only audit trail (全过程留痕, Chongqing 4). Each event carries the digest of the previous
 * one, so {@link verifyAuditTrail} detects any edit, deletion, insertion or reordering.
 *
 * @category Task
 */
export interface AuditEvent {
  /** 0, 1, 2, … */
  readonly seq: number;
  /** What happened, e.g. `targets-locked`. */
  readonly type: string;
  /** The civil date it happened. */
  readonly on: string;
  /** Who did it. */
  readonly actor: string;
  /** The facts of the step (ids, reasons, approvals, digests). */
  readonly payload: Readonly<Record<string, unknown>>;
  /** Digest of the previous event (64 zeros for the first). */
  readonly prevDigest: string;
  /** SHA-256 of this event's canonical JSON without `digest`. */
  readonly digest: string;
}
