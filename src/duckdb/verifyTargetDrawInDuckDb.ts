import { seedNotes } from "../draw/verifyTargetDraw.js";
import { isBuilt, targetRecordProblems } from "../draw/_checkRecord.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import type { TargetDrawRecord } from "../draw/TargetDrawRecord.js";
import type { DrawMismatch, VerificationResult } from "../draw/verifyTargetDraw.js";
import { assemblePoolCommitment } from "../sql/assemblePoolCommitment.js";
import { generateCommitmentSql } from "../sql/generateCommitmentSql.js";
import { readPlain } from "../_internal/boundary.js";
import { openEngine, type DuckDbOptions } from "./_engine.js";
import { drawOnEngine } from "./drawTargetsInDuckDb.js";
import { sqlSource, type DuckDbPool } from "./DuckDbPool.js";

/**
 * Re-runs a published stage-1 record inside DuckDB against the pool file or table and lists every mismatch: the pool
 * commitment is recomputed from the pool under the record's own eligibility rules and exclusions, the draw is redone
 * from the record's task id, policy and seed, and every field of the recomputed record — digest included — is
 * compared with the published one. What verifyTargetDraw does in JavaScript, for pools too large for memory.
 *
 * @param rawRecord - The published draw record.
 * @param pool - The pool as the verifier has it: a file or a table (see {@link DuckDbPool}).
 * @param options - The engine's options (database, threads, memory limit, progress).
 * @returns `{ ok: true, notes }`, or `{ ok: false, mismatches, notes }` — a damaged record or a pool that cannot give
 *   it is caught and reported here.
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-argument` when `@duckdb/node-api` is not
 *   installed or the pool's source is unusable.
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-input` when the options are malformed, or a
 *   row the engine returns is malformed.
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `engine-error` when DuckDB fails (a missing file or
 *   column, out of memory), naming the step.
 * @category DuckDB
 * @example
 * ```ts
 * import type { TargetDrawRecord } from "shuangsuiji";
 * import { verifyTargetDrawInDuckDb } from "shuangsuiji/duckdb";
 * declare const record: TargetDrawRecord;
 * const result = await verifyTargetDrawInDuckDb(record, { file: "pool.parquet" });
 * if (!result.ok) console.error(result.mismatches);
 * ```
 */
export async function verifyTargetDrawInDuckDb(rawRecord: TargetDrawRecord, pool: DuckDbPool, options: DuckDbOptions = {}): Promise<VerificationResult> {
  // a record that cannot be read as plain data (a Proxy, a BigInt, absurd nesting) is a damaged record, reported below
  let record: TargetDrawRecord;
  try {
    record = readPlain(rawRecord, ["record"], { keep: isBuilt }) as TargetDrawRecord;
  } catch {
    record = "[unreadable record]" as unknown as TargetDrawRecord;
  }
  // A damaged or self-contradictory record is reported, never run (the same self-check verifyTargetDraw starts with).
  const damaged = targetRecordProblems(record);
  if (damaged.length > 0) return { ok: false, mismatches: damaged, notes: seedNotes((record as { seed?: TargetDrawRecord["seed"] } | null)?.seed, "seed.provenance") };
  const mismatches: DrawMismatch[] = [];
  const push = (field: string, expected: unknown, actual: unknown) => {
    if (JSON.stringify(expected) !== JSON.stringify(actual)) mismatches.push({ field, expected, actual });
  };
  const published = record.poolCommitment;
  const engine = await openEngine(options);
  try {
    const rules = { eligibility: published.eligibility, exclusions: published.exclusions };
    const rows = await engine.rows(generateCommitmentSql({ dialect: "duckdb", source: sqlSource(pool), ...rules }), "commitment");
    const commitment = assemblePoolCommitment({ rows, ...rules });
    for (const k of ["digest", "unitCount", "eligibleCount", "strata", "ineligible"] as const) push(`poolCommitment.${k}`, commitment[k], published[k]);
    let redrawn: TargetDrawRecord | undefined;
    try {
      redrawn = await drawOnEngine(engine, { taskId: record.taskId, policy: record.policy, seed: record.seed, commitment, pool, ...(record.timeline === undefined ? {} : { timeline: record.timeline }) });
    } catch (e) {
      if (!(e instanceof ShuangsuijiError)) throw e;
      push("record", `a record drawn from this pool (${e.code})`, "a record the pool cannot give");
    }
    if (redrawn !== undefined) {
      const again = redrawn as unknown as Readonly<Record<string, unknown>>;
      const got = record as unknown as Readonly<Record<string, unknown>>;
      for (const k of new Set([...Object.keys(again), ...Object.keys(got)])) if (k !== "poolCommitment") push(k, again[k], got[k]);
    }
  } finally {
    engine.close();
  }
  const notes = seedNotes(record.seed, "seed.provenance");
  return mismatches.length === 0 ? { ok: true, notes } : { ok: false, mismatches, notes };
}
