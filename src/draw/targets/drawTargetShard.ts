import { iterateInput, readingElement } from "../../_internal/boundary.js";
import { deepFreeze } from "../../_internal/deepFreeze.js";
import { stateToJson, type DrawUnit } from "./_pool.js";
import { buildTargetRecord, checkCommitment, drawPass, selectionsFromHeaps } from "./_buildRecord.js";
import type { TargetDrawRecord } from "../records/TargetDrawRecord.js";
import { STAGE1_ALGORITHM, setupStage1 } from "./_stage1.js";
import type { DrawTargetsInput } from "./DrawTargetsInput.js";
import type { TargetDrawShard } from "./TargetDrawShard.js";

/** @internal The shared single pass: commitment contribution, eligibility, tickets and bounded heaps. */
export function shardPass(input: Omit<DrawTargetsInput, "pool">, keepIds = true) {
  const setup = setupStage1(input);
  const commitmentCheck = input.commitmentCheck ?? "digest";
  const p = drawPass(setup, commitmentCheck === "digest", keepIds);
  const shard = (): TargetDrawShard => {
    p.finish();
    return deepFreeze({
      kind: "target-draw-shard" as const,
      algorithm: STAGE1_ALGORITHM,
      taskId: setup.taskId,
      seed: setup.seed.value,
      state: stateToJson(p.state),
      commitmentCheck,
      candidates: Object.fromEntries([...setup.quotas.keys()].map((cls) => [cls, (/^[A-Z]$/.test(cls) ? p.heaps[cls.charCodeAt(0) - 65]?.sortedSelected() : undefined) ?? []])),
    });
  };
  /** The record straight from this pass (one shard: no copy, no re-validation, no re-sort). */
  const record = (): TargetDrawRecord => {
    p.finish();
    checkCommitment(p.state, setup, commitmentCheck === "digest");
    return buildTargetRecord(setup, selectionsFromHeaps(setup, p.heaps));
  };
  return { setup, add: p.add, issues: p.issues, shard, record };
}

/**
 * Draws one shard of a pool (any partition of it): see {@link TargetDrawShard}. The quotas come from the commitment,
 * so every shard knows them before seeing any unit.
 *
 * @param input - As {@link drawTargets}, with `pool` one shard of the pool.
 * @returns The shard: its candidates per stratum (the smallest tickets) and its share of the commitment's state.
 * @throws {@link ShuangsuijiError} `invalid-input` when the input is malformed (a unit, the policy, the commitment's
 *   shape, the timeline or the seed's provenance).
 * @throws {@link ShuangsuijiError} `seed-too-weak` when the seed is not a valid {@link SeedRecord} of at least 128
 *   bits.
 * @throws {@link ShuangsuijiError} `unsupported-algorithm` when the commitment was made by another algorithm version.
 * @category Draw
 * @example
 * ```ts
 * import { commitPool, createSeed, drawTargetShard, mergeTargetShards } from "shuangsuiji";
 * const pool = [{ id: "U1", riskClass: "A" }, { id: "U2", riskClass: "A" }, { id: "U3", riskClass: "A" }];
 * const commitment = commitPool(pool);
 * const seed = createSeed("0123456789abcdef0123456789abcdef", { kind: "other", description: "example" });
 * const input = { taskId: "T-1", policy: { strata: { A: { count: 1 } } }, seed, commitment };
 * const record = mergeTargetShards([drawTargetShard({ ...input, pool: pool.slice(0, 2) }), drawTargetShard({ ...input, pool: pool.slice(2) })], input);
 * ```
 */
export function drawTargetShard(input: DrawTargetsInput): TargetDrawShard {
  const pass = shardPass(input);
  let i = 0;
  for (const u of iterateInput<DrawUnit>(input.pool, ["pool"])) readingElement(["pool", i++], () => pass.add(u));
  return pass.shard();
}
