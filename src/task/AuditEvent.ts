import { deepFreeze } from "../_internal/deepFreeze.js";
/**
 * The names of the transition functions an audit event can record. {@link replayTask} re-invokes the named function
 * with the recorded input, so the rules in force are applied again on every replay.
 *
 * @category Task
 * @example
 * ```ts
 * import { TRANSITIONS } from "shuangsuiji";
 * TRANSITIONS.includes("recordResult"); // true
 * ```
 */
export const TRANSITIONS = /* @__PURE__ */ deepFreeze([
  "startTask",
  "recordTargetDraw",
  "lockTargets",
  "amendLockedList",
  "recordInspectorDraw",
  "replaceInspector",
  "decideRecusalRequest",
  "addAssistant",
  "startInspection",
  "recordIdentityShown",
  "recordAdvanceNotice",
  "recordResult",
  "completeInspection",
  "publishResults",
  "correctPublishedResult",
  "recordPenaltyInfoCollected",
] as const);

/**
 * One of {@link TRANSITIONS}.
 *
 * @category Task
 */
export type TransitionName = (typeof TRANSITIONS)[number];

/**
 * One entry of a task's append-only audit trail (全过程留痕, Chongqing 4). Each event carries the digest of the previous
 * one, so {@link verifyAuditTrail} detects any edit, deletion, insertion or reordering; and it carries the transition
 * that produced it with that call's validated input, so {@link replayTask} rebuilds the task from its events alone
 * (the events are the source of truth; see docs/persistence.md).
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
  /** The facts of the step (ids, reasons, approvals, digests), derived from the input by the rules. */
  readonly payload: Readonly<Record<string, unknown>>;
  /**
   * The transition function called. A call that appends several events (a granted recusal appends `recusal-granted`
   * then `inspector-replaced`) names its own function on each event it appends.
   */
  readonly transition: TransitionName;
  /**
   * The arguments of that call after the task, as validated: `recordResult(task, record, options)` records
   * `[record, options]`. A holiday calendar inside is recorded by reference, `{ "$calendar": "<sha-256>" }`.
   */
  readonly input: readonly unknown[];
  /** Digest of the previous event (64 zeros for the first). */
  readonly prevDigest: string;
  /** SHA-256 of this event's canonical JSON without `digest`. */
  readonly digest: string;
}

/**
 * A published head of an audit trail (锚定): the sequence number and digest of an event, printed in a public notice or
 * kept by a third party. A trail that no longer contains this exact event at this position was truncated or
 * rewritten; a trail that does, proves by its digest chain that it extends what was published.
 *
 * @category Task
 * @example
 * ```ts
 * import { publicView, type AnchoredHead, type TaskLifecycle } from "shuangsuiji";
 * declare const published: TaskLifecycle;
 * const head: AnchoredHead | undefined = publicView(published).head;
 * ```
 */
export interface AnchoredHead {
  /** Sequence number of the event. */
  readonly seq: number;
  /** Its digest. */
  readonly digest: string;
}
