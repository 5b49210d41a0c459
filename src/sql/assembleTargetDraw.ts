import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";
import { mergeTargetShards } from "../draw/targets/mergeTargetShards.js";
import type { TargetDrawRecord } from "../draw/records/TargetDrawRecord.js";
import { rowIssue } from "./_rows.js";
import { iterateInput, requireObject } from "../_internal/boundary.js";
import { shardOf, type AssembleTargetShardInput } from "./assembleTargetShard.js";
import { cappedIssues } from "../errors/_capIssues.js";

/**
 * Input of {@link assembleTargetDraw}: the draw's inputs and the rows of each shard (one entry for a single engine).
 *
 * @category SQL
 */
export interface AssembleTargetDrawInput extends Omit<AssembleTargetShardInput, "commitmentRows" | "selectionRows"> {
  /** Per shard: its commitment rows and its selection rows. */
  readonly shards: readonly Pick<AssembleTargetShardInput, "commitmentRows" | "selectionRows">[];
}

/**
 * Assembles the {@link TargetDrawRecord} of a draw computed in an SQL engine: each shard's rows become a
 * TargetDrawShard, mergeTargetShards checks them against the commitment (`pool-commitment-mismatch` otherwise) and
 * keeps per stratum the smallest tickets — the record is byte-identical to drawTargets's on the same pool, verifies
 * with verifyTargetDraw, and every enterprise checks its ticket with verifyTicket. An engine that returned fewer
 * candidates than a stratum's quota is refused (`invalid-input`, rule `engine-rows-short`), never published short:
 * rerun the selection with `prefilter: false`.
 *
 * @param raw - The draw's input without the pool, and `shards`: each engine's `commitmentRows` and `selectionRows`.
 * @returns The draw record, identical to {@link drawTargets} over the whole pool.
 * @throws {@link ShuangsuijiError} `invalid-input` when the input or a row is malformed, or an engine returned more or
 *   fewer units than the quota.
 * @throws {@link ShuangsuijiError} `seed-too-weak` when the seed is not a valid {@link SeedRecord} of at least 128
 *   bits.
 * @throws {@link ShuangsuijiError} `unsupported-algorithm` when the commitment was made by another algorithm version.
 * @throws {@link ShuangsuijiError} `pool-commitment-mismatch` when the shards together are not the pool committed to.
 * @category SQL
 * @example
 * ```ts
 * import { assembleTargetDraw, commitPool, createSeed } from "shuangsuiji";
 * const seed = createSeed("0123456789abcdef0123456789abcdef", { kind: "other", description: "example" });
 * const record = assembleTargetDraw({ taskId: "T-1", policy: { strata: {} }, seed, commitment: commitPool([]), shards: [{ commitmentRows: [], selectionRows: [] }] });
 * record.selectedCount; // 0
 * ```
 */
export function assembleTargetDraw(raw: AssembleTargetDrawInput): TargetDrawRecord {
  const { shards: rawShards, ...common } = requireObject(raw, [], { streams: ["shards"] }) as unknown as AssembleTargetDrawInput;
  const shards = [...iterateInput<unknown>(rawShards, ["shards"])].map((s, i) => requireObject(s, ["shards", i], { streams: ["commitmentRows", "selectionRows"] }));
  const parts = shards.map((s) => shardOf({ ...common, ...s } as unknown as AssembleTargetShardInput));
  const record = mergeTargetShards(parts, common);
  const issues: RuleIssue[] = [];
  for (const s of record.strata) {
    const expected = Math.min(s.quota, s.size);
    if (s.selected.length !== expected) issues.push({ ...rowIssue(["shards", "selectionRows", s.riskClass], `the engine returned ${s.selected.length} units for class ${s.riskClass}, the quota is ${expected}`, `引擎为${s.riskClass}类返回${s.selected.length}户，应抽${expected}户`, s.selected.length), rule: "engine-rows-short" });
  }
  if (issues.length > 0) throw new ShuangsuijiError("invalid-input", cappedIssues(issues));
  return record;
}
