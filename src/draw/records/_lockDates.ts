import type { RuleIssue } from "../../errors/ShuangsuijiError.js";
import { ruleIssue } from "../../errors/_drawRules.js";
import type { TargetDrawRecord } from "./TargetDrawRecord.js";

/**
 * `lock-date-order` (Longting art. 19; docs/spec-v1.md §5.6, §8): a list cannot be locked before its pool commitment
 * was published, its seed was fixed or its dice were rolled. One rule for the lock's maker ({@link lockTargetDraw}) and
 * every consumer of a lock (`drawInspectors`, `commitInspectorInputs`, `verifyInspectorDraw`, `dispatchTargets`): a
 * lock object built by hand with an earlier `lockedOn` and a recomputed digest is refused wherever it is used.
 * Dates that are not text are left to the shape checks; civil dates compare as text (§1).
 *
 * @param record - The stage-1 record (already shape-checked).
 * @param lockedOn - The lock date.
 * @param path - Where `lockedOn` sits in the caller's input.
 * @returns One issue per record date the lock is dated before (none when in order).
 */
export function lockDateIssues(record: Pick<TargetDrawRecord, "timeline" | "seed">, lockedOn: string, path: readonly (string | number)[]): RuleIssue[] {
  const provenance = record.seed?.provenance;
  const dates: [string, unknown][] = [
    ["timeline.commitmentPublishedOn", record.timeline?.commitmentPublishedOn],
    ["timeline.seedFixedOn", record.timeline?.seedFixedOn],
    ["seed.provenance.date", provenance?.kind === "dice" ? provenance.date : undefined],
  ];
  return dates
    .filter((d): d is [string, string] => typeof d[1] === "string" && typeof lockedOn === "string" && lockedOn < d[1])
    .map(([field, d]) =>
      ruleIssue("lock-date-order", path, {
        value: lockedOn,
        detailZh: `锁定日期 ${lockedOn} 早于记录的 ${field}（${d}）`,
        detailEn: `the lock date ${lockedOn} is before the record's ${field} (${d})`,
      }),
    );
}
