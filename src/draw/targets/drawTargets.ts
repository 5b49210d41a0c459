import type { SeedRecord } from "../seeds/SeedRecord.js";
import type { TargetDrawRecord } from "../records/TargetDrawRecord.js";
import type { DrawUnit } from "./_pool.js";
import { eachUnitAsync, type DrawUnitStream } from "./_eachUnitAsync.js";
import { eachUnit } from "../_shared/_each.js";
import { shardPass } from "./drawTargetShard.js";
import type { DrawTargetsInput } from "./DrawTargetsInput.js";

export type { DrawUnit } from "./_pool.js";
export type { DrawTargetsInput } from "./DrawTargetsInput.js";


/**
 * Stage 1 of the two-stage draw (二次随机, Longting art. 19): the initiating department draws targets by risk class.
 * Each eligible unit gets a ticket — SHA-256 of the length-delimited (algorithm tag, seed, task id, unit id) — and in
 * each stratum the `quota` smallest tickets are selected (full digests compared; ties by id). The result does not
 * depend on the pool's order, one enterprise can check its own ticket against the stratum threshold, and SQL can
 * reproduce it (docs/draw.md). A stratum with no more units than its quota is taken whole and marked as a census.
 * The pool must match the commitment made before the seed, else `pool-commitment-mismatch`.
 *
 * @param input - `taskId`, the `pool`, the `policy`, the `seed` and the `commitment` published before the seed (and
 *   optionally the `timeline`).
 * @returns The draw record: per stratum the selected units with their tickets and the threshold, and the record's
 *   digest.
 * @throws {@link ShuangsuijiError} `invalid-input` when the input is malformed (a unit, the policy, the commitment's
 *   shape, the timeline or the seed's provenance).
 * @throws {@link ShuangsuijiError} `seed-too-weak` when the seed is not a valid {@link SeedRecord} of at least 128
 *   bits.
 * @throws {@link ShuangsuijiError} `unsupported-algorithm` when the commitment was made by another algorithm version.
 * @throws {@link ShuangsuijiError} `pool-commitment-mismatch` when the pool is not the one committed to (the
 *   differences are listed).
 * @category Draw
 * @example
 * ```ts
 * import { commitPool, drawTargets, seedFromDice } from "shuangsuiji";
 * const pool = [
 *   { id: "91350100M000100Y43", riskClass: "B" }, { id: "91330100716105852F", riskClass: "B" },
 *   { id: "914403001922038216", riskClass: "D" },
 * ];
 * const commitment = commitPool(pool);                       // publish commitment.digest first
 * const seed = seedFromDice({ digits: "271828182845904523536028747135266249775", witnesses: ["张伟", "李娜"], date: "2026-04-01" });
 * const record = drawTargets({ taskId: "T-2026-01", pool, commitment, seed, policy: { strata: { B: { ratio: 0.5 }, D: { ratio: 1 } } } });
 * record.strata.map((s) => [s.riskClass, s.selected.map((u) => u.unitId)]);
 * ```
 */
export function drawTargets(input: DrawTargetsInput): TargetDrawRecord {
  const pass = shardPass(input);
  eachUnit<DrawUnit>(input.pool, ["pool"], pass.add);
  return pass.record();
}

/**
 * {@link drawTargets} over an async iterable (a database cursor, a file stream) in O(quota) memory: the quotas are known
 * from the commitment before the pass, so only the best candidates of each stratum are kept.
 *
 * @param input - As {@link drawTargets}, with `pool` an async or sync iterable of units or of batches of units (a
 *   {@link DrawUnitStream}: one `await` per batch).
 * @returns The same record as {@link drawTargets}.
 * @throws {@link ShuangsuijiError} `invalid-input`, `seed-too-weak`, `unsupported-algorithm` or
 *   `pool-commitment-mismatch`, when {@link drawTargets} would.
 * @category Draw
 * @example
 * ```ts
 * import { commitPoolAsync, drawTargetsAsync, createSeed } from "shuangsuiji";
 * async function* rows() { for (let i = 0; i < 1000; i++) yield { id: `U${i}`, riskClass: "A" }; }
 * const commitment = await commitPoolAsync(rows());
 * const seed = createSeed("0123456789abcdef0123456789abcdef", { kind: "other", description: "example" });
 * const record = await drawTargetsAsync({ taskId: "T-1", pool: rows(), commitment, seed, policy: { strata: { A: { ratio: 0.05 } } } });
 * ```
 */
export async function drawTargetsAsync(
  input: Omit<DrawTargetsInput, "pool"> & { readonly pool: DrawUnitStream },
): Promise<TargetDrawRecord> {
  // a stream is not kept: duplicate ids are found by 64-bit fingerprint (see fingerprintLog)
  const pass = shardPass(input, false);
  await eachUnitAsync(input.pool, ["pool"], pass.add, pass.issues);
  return pass.record();
}
