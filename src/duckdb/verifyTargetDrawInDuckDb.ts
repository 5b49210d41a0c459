import { seedNotes, type AnnouncedDrawInputs } from "../draw/targets/verifyTargetDraw.js";
import { guarded, isBuilt, targetRecordProblems } from "../draw/records/_checkRecord.js";
import { canonicalize } from "../draw/_shared/_encoding.js";
import { diffValues, MAX_MISMATCHES } from "../draw/records/_diff.js";
import { checkPoolInEngine } from "./_poolChecks.js";
import { requireBaseTable } from "./_baseTable.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import type { TargetDrawRecord } from "../draw/records/TargetDrawRecord.js";
import type { DrawMismatch, VerificationResult } from "../draw/targets/verifyTargetDraw.js";
import { assemblePoolCommitment } from "../sql/assemblePoolCommitment.js";
import { generateCommitmentSql } from "../sql/generateCommitmentSql.js";
import { invalid, isPlainObject, readPlain, RECORD_READ } from "../_internal/boundary.js";
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
 * @param announced - Values published before the draw (the commitment digest, the seed, the task id, the policy, the
 *   timeline), compared with the record as {@link shuangsuiji!verifyTargetDraw | verifyTargetDraw} compares them.
 * @param options - The engine's options (database, threads, memory limit, progress).
 * @returns `{ ok: true, notes }`, or `{ ok: false, mismatches, notes }` — a damaged record, a pool that cannot give
 *   it or breaks the pool rules of docs/spec-v1.md §3 (reported under `pool`), or a record that differs from what was
 *   announced (`announced.<field>`) is caught and reported here. Values are compared in canonical form: the member
 *   order of the published text does not matter (docs/spec-v1.md §2).
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-argument` when `@duckdb/node-api` is not
 *   installed or the pool's source is unusable; rule `pool-base-table` when a `{ table }` pool is not exactly one base
 *   table of a DuckDB database (a view or table macro — whose rows may depend on the query text —, a table of an
 *   attached non-DuckDB database, a table with a generated column, an ambiguous name). All statements of one
 *   verification run in one transaction (snapshot isolation: a concurrent writer cannot change the table between
 *   them); a file is read by path in each statement and must not change during the call (docs/scale.md "Sources").
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
 * const result = await verifyTargetDrawInDuckDb(record, { file: "pool.parquet" }, { poolCommitmentDigest: record.poolCommitment.digest });
 * if (!result.ok) console.error(result.mismatches);
 * ```
 */
export async function verifyTargetDrawInDuckDb(rawRecord: TargetDrawRecord, pool: DuckDbPool, announced: AnnouncedDrawInputs = {}, options: DuckDbOptions = {}): Promise<VerificationResult> {
  // a record that cannot be read as plain data (a Proxy, a BigInt, absurd nesting) is a damaged record, reported below
  let record: TargetDrawRecord;
  try {
    record = readPlain(rawRecord, ["record"], { ...RECORD_READ, keep: isBuilt }) as TargetDrawRecord;
  } catch {
    record = "[unreadable record]" as unknown as TargetDrawRecord;
  }
  // A damaged or self-contradictory record is reported, never run (the same self-check verifyTargetDraw starts with).
  const damaged = targetRecordProblems(record);
  if (damaged.length > 0) return conclude(damaged, record, announced, seedNotes((record as { seed?: TargetDrawRecord["seed"] } | null)?.seed, "seed.provenance"));
  const mismatches: DrawMismatch[] = [];
  // canonical form, as verifyTargetDraw: the member order of the published text never changes the verdict (spec §2)
  const push = (field: string, expected: unknown, actual: unknown) => diffValues(canonicalize(expected), canonicalize(actual), field, mismatches);
  const published = record.poolCommitment;
  const engine = await openEngine(options);
  let early: DrawMismatch[] | undefined;
  try {
    // one transaction (snapshot isolation): the source check, the pool rules, the commitment and the re-draw all read
    // the same state of the table; a table source must be one base table (pool-base-table, docs/scale.md "Sources")
    early = await engine.transaction(async (): Promise<DrawMismatch[] | undefined> => {
      await requireBaseTable(engine, sqlSource(pool));
      // a pool that breaks the rules of docs/spec-v1.md §3 gives no record (verifyTargetDraw reports it under `pool`)
      let poolProblems: DrawMismatch[] = [];
      try {
        await checkPoolInEngine(engine, sqlSource(pool));
      } catch (e) {
        if (!(e instanceof ShuangsuijiError) || e.code !== "invalid-input") throw e;
        poolProblems = guarded("pool", () => {
          throw e;
        });
      }
      if (poolProblems.length > 0) return poolProblems;
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
      return undefined;
    });
  } finally {
    engine.close();
  }
  if (early !== undefined) return conclude(early, record, announced, seedNotes(record.seed, "seed.provenance"));
  return conclude(mismatches, record, announced, seedNotes(record.seed, "seed.provenance"));
}

/** The announced inputs compared in canonical form (as verifyTargetDraw), one mismatch per field, at most MAX_MISMATCHES. */
function conclude(mismatches: DrawMismatch[], record: TargetDrawRecord, announced: AnnouncedDrawInputs, notes: VerificationResult["notes"]): VerificationResult {
  const r = record as Partial<TargetDrawRecord> | null | undefined;
  // read as plain data: a hostile announcement (a Proxy, a getter, a non-object) is reported, never thrown
  let given: Readonly<Record<string, unknown>> = {};
  try {
    const read = readPlain(announced ?? {}, ["announced"]);
    if (!isPlainObject(read)) invalid(["announced"], "expected the announced inputs as an object", "公布的输入应为对象", read);
    given = read;
  } catch (e) {
    mismatches.push(...guarded("announced", () => {
      throw e;
    }));
  }
  for (const [k, v] of Object.entries(given)) {
    if (v === undefined) continue;
    const published = k === "poolCommitmentDigest" ? (typeof r === "object" && r !== null ? r.poolCommitment?.digest : undefined) : typeof r === "object" && r !== null ? (r as Record<string, unknown>)[k] : undefined;
    diffValues(canonicalize(v), canonicalize(published), `announced.${k}`, mismatches);
  }
  const seen = new Set<string>();
  const unique = mismatches.filter((m) => (seen.has(m.field) ? false : (seen.add(m.field), true))).slice(0, MAX_MISMATCHES);
  return unique.length === 0 ? { ok: true, notes } : { ok: false, mismatches: unique, notes };
}
