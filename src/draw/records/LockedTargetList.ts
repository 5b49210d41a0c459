import type { TargetDrawRecord } from "./TargetDrawRecord.js";

/**
 * A confirmed (locked) stage-1 list: 抽取的检查对象名单一经锁定不可更改 (Longting art. 19). Stage 2 runs only on one.
 *
 * @category Draw
 */
export interface LockedTargetList {
  /** Discriminant. */
  readonly kind: "locked-target-list";
  /** The stage-1 record, unchanged. */
  readonly record: TargetDrawRecord;
  /** The day the list was confirmed. */
  readonly lockedOn: string;
  /** Who confirmed it. */
  readonly lockedBy: string;
  /** SHA-256 over the record digest and the lock fields. */
  readonly digest: string;
}
