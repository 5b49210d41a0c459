import { ShuangsuijiError } from "../../errors/ShuangsuijiError.js";
import { parseCivilDate } from "../../calendar/parseCivilDate.js";
import { deepFreeze } from "../../_internal/deepFreeze.js";
import { canonicalize } from "../_shared/_encoding.js";
import { lockDigest, lockedByIssue, markBuilt, readOnce, refuse, targetRecordProblems } from "./_checkRecord.js";
import { lockDateIssues } from "./_lockDates.js";
import type { LockedTargetList } from "./LockedTargetList.js";
import type { TargetDrawRecord } from "./TargetDrawRecord.js";

/**
 * Locks a stage-1 record (Longting art. 19: 一经锁定不可更改). The record must be internally consistent first (its
 * digest, every listed ticket, quotas re-derived from its policy, one stratum per class, the seed's derivation —
 * docs/spec-v1.md §7), so a record edited after the draw, even with its digest recomputed, cannot be locked; and the
 * lock date cannot be before the record's timeline dates or its dice roll (docs/spec-v1.md §5.6, §8). Changing a locked list later is the task lifecycle's business (an approved
 * amendment or a linked redraw — Chongqing 6.4), never an edit.
 *
 * @param record - The stage-1 draw record.
 * @param lock - `lockedOn` (`YYYY-MM-DD`) and `lockedBy` (who locked it).
 * @returns The locked list, with its lock digest.
 * @throws {@link ShuangsuijiError} `invalid-input` when the record contradicts itself or was altered after the draw
 *   (every mismatch listed), or `lockedBy` is empty or not trimmed.
 * @throws {@link ShuangsuijiError} `invalid-date` when `lockedOn` is not a real `YYYY-MM-DD` date.
 * @category Draw
 * @example
 * ```ts
 * import { commitPool, createSeed, drawTargets, lockTargetDraw } from "shuangsuiji";
 * const pool = [{ id: "U1", riskClass: "A" }];
 * const seed = createSeed("0123456789abcdef0123456789abcdef", { kind: "other", description: "example" });
 * const record = drawTargets({ taskId: "T", pool, seed, commitment: commitPool(pool), policy: { strata: { A: { ratio: 1 } } } });
 * const locked = lockTargetDraw(record, { lockedOn: "2026-04-02", lockedBy: "区市场监管局 信用监管科" });
 * ```
 */
export function lockTargetDraw(record: TargetDrawRecord, lock: { readonly lockedOn: string; readonly lockedBy: string }): LockedTargetList {
  // checked and locked from one read of the caller's value (a getter must not show the check one record, the lock another)
  record = readOnce(record, ["record"]);
  const problems = targetRecordProblems(record);
  if (problems.length > 0) {
    refuse("invalid-input", problems, "Longting art. 19; docs/spec-v1.md §7", "抽取记录自相矛盾或已被改动，不能锁定", "the record contradicts itself or was altered after the draw: it cannot be locked");
  }
  parseCivilDate(lock?.lockedOn, "lockedOn");
  // docs/spec-v1.md §5.6, §8: a list cannot be locked before its seed existed or its pool commitment was published
  const early = lockDateIssues(record, lock.lockedOn, ["lockedOn"]);
  if (early.length > 0) throw new ShuangsuijiError("invalid-input", early);
  const byIssue = lockedByIssue(lock.lockedBy, ["lockedBy"]);
  if (byIssue !== undefined) throw new ShuangsuijiError("invalid-input", [byIssue]);
  return markBuilt(deepFreeze(canonicalize({ kind: "locked-target-list" as const, record, lockedOn: lock.lockedOn, lockedBy: lock.lockedBy, digest: lockDigest(record.digest, lock.lockedOn, lock.lockedBy) })));
}
