import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { ruleIssue } from "../errors/_issue.js";
import { parseCivilDate } from "../calendar/parseCivilDate.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { digestOf } from "./_encoding.js";
import type { LockedTargetList } from "./LockedTargetList.js";
import type { TargetDrawRecord } from "./TargetDrawRecord.js";

/**
 * Locks a stage-1 record (Longting art. 19: 一经锁定不可更改). The record's digest is checked first, so a record edited
 * after the draw cannot be locked. Changing a locked list later is the task lifecycle's business (an approved
 * amendment or a linked redraw — Chongqing 6.4), never an edit.
 *
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
  const { digest, ...body } = record;
  if (record?.kind !== "target-draw" || digestOf(body) !== digest) {
    throw new ShuangsuijiError("invalid-input", [
      { path: ["record", "digest"], rule: "record-digest", clause: "docs/draw.md", messageZh: "抽取记录的摘要与内容不符，记录已被改动", messageEn: "the record's digest does not match its content: it was altered after the draw" },
    ]);
  }
  parseCivilDate(lock.lockedOn, "lockedOn");
  if (typeof lock.lockedBy !== "string" || lock.lockedBy.trim() === "") throw new ShuangsuijiError("invalid-input", [ruleIssue("text-trimmed", ["lockedBy"])]);
  const fields = { kind: "locked-target-list" as const, recordDigest: digest, lockedOn: lock.lockedOn, lockedBy: lock.lockedBy };
  return deepFreeze({ kind: "locked-target-list" as const, record, lockedOn: lock.lockedOn, lockedBy: lock.lockedBy, digest: digestOf(fields) });
}
