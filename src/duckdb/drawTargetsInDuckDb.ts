import { requireObject } from "../_internal/boundary.js";
import { setupStage1 } from "../draw/targets/_stage1.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import type { DrawTargetsInput } from "../draw/targets/drawTargets.js";
import type { TargetDrawRecord } from "../draw/records/TargetDrawRecord.js";
import { assembleFromColumns } from "./_assemble.js";
import { generateCommitmentSql } from "../sql/generateCommitmentSql.js";
import { generateSelectionSql } from "../sql/generateSelectionSql.js";
import { openEngine, type DuckDbOptions, type Engine } from "./_engine.js";
import { sqlSource, type DuckDbPool } from "./DuckDbPool.js";
import { checkPoolInEngine } from "./_poolChecks.js";
import { requireBaseTable } from "./_baseTable.js";

/**
 * Input of {@link drawTargetsInDuckDb}: drawTargets's input with the pool where DuckDB reads it.
 *
 * @category DuckDB
 */
export interface DrawTargetsInDuckDbInput {
  /** The task (抽查任务) id; part of every ticket. */
  readonly taskId: string;
  /** The pool: a CSV/Parquet file or a table. */
  readonly pool: DuckDbPool;
  /** Strata, ratios or counts, rounding, caps. */
  readonly policy: DrawTargetsInput["policy"];
  /** The seed, fixed after the commitment was published. */
  readonly seed: DrawTargetsInput["seed"];
  /** The commitment published before the seed (from commitPoolInDuckDb or the library's commitPool). */
  readonly commitment: DrawTargetsInput["commitment"];
  /** The announced dates (commitment published, seed fixed), checked and recorded as drawTargets does. */
  readonly timeline?: DrawTargetsInput["timeline"];
  /** `"digest"` (default) recomputes the full commitment digest; `"counts"` only the counts (the verifiers check the digest). */
  readonly commitmentCheck?: "digest" | "counts";
}

/** @internal Runs the check and the selection on an open engine and assembles the record. */
export async function drawOnEngine(engine: Engine, input: DrawTargetsInDuckDbInput): Promise<TargetDrawRecord> {
  const source = sqlSource(input.pool);
  const check = input.commitmentCheck ?? "digest";
  const c = input.commitment;
  const commitmentRows = await engine.rows(generateCommitmentSql({ dialect: "duckdb", source, eligibility: c.eligibility, exclusions: c.exclusions, check }), "check");
  const setup = setupStage1(input);
  const select = async (prefilter: boolean) => {
    const r = await engine.columns(generateSelectionSql({ dialect: "duckdb", source, taskId: input.taskId, policy: input.policy, seed: input.seed, commitment: c, prefilter }), "selection");
    const col = (name: string) => r.byName.get(name) ?? [];
    // built as drawTargets builds its record, every row checked (./_assemble.ts); same bytes as assembleTargetDraw's merge
    return assembleFromColumns(setup, commitmentRows, check, { riskClass: col("risk_class"), id: col("id"), ticket: col("ticket"), count: r.count });
  };
  try {
    return await select(true);
  } catch (e) {
    // fewer units than a quota below the prefilter's bound (probability < 1e-15): rank the whole stratum instead
    if (e instanceof ShuangsuijiError && e.code === "invalid-input" && e.issues.some((i) => i.rule === "engine-rows-short")) return select(false);
    throw e;
  }
}

/**
 * The stage-1 draw inside DuckDB: checks the pool against the published commitment (the full digest, or with
 * `commitmentCheck: "counts"` the counts only), selects per stratum the quota smallest tickets, and assembles the
 * record — byte-identical to drawTargets on the same pool, verified by verifyTargetDraw and verifyTicket
 * (docs/scale.md). `pool-commitment-mismatch` when the file is not the committed pool.
 *
 * @param raw - As {@link shuangsuiji!drawTargets | drawTargets}, with `pool` a {@link DuckDbPool} (a file or a table),
 *   and `commitmentCheck`.
 * @param options - The engine's options (database, threads, memory limit, progress).
 * @returns The draw record, byte-identical to {@link shuangsuiji!drawTargets | drawTargets} on the same pool.
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-input` when the input is malformed (the
 *   policy, the commitment's shape, the seed's provenance, a row the engine returns), or the pool breaks the rules
 *   commitPool enforces (docs/spec-v1.md §3), checked before the seed is used.
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `seed-too-weak` when the seed is not a valid {@link
 *   shuangsuiji!SeedRecord | SeedRecord} of at least 128 bits.
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `unsupported-algorithm` when the commitment was made
 *   by another algorithm version.
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `pool-commitment-mismatch` when the pool is not the
 *   one committed to.
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-argument` when `@duckdb/node-api` is not
 *   installed or the pool's source is unusable; rule `pool-base-table` when a `{ table }` pool is not exactly one base
 *   table of a DuckDB database (a view, a table macro, a table of an attached SQLite/Postgres database, a table with a
 *   generated column, or an ambiguous name): such a source can give each statement different rows. Every statement of
 *   the draw runs in one transaction (snapshot isolation); a file is read by path in each statement, so it must not
 *   change during the call (docs/scale.md "Sources").
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `engine-error` when DuckDB fails (a missing file or
 *   column, out of memory), naming the step.
 * @category DuckDB
 * @example
 * ```ts
 * import { createSeed } from "shuangsuiji";
 * import { commitPoolInDuckDb, drawTargetsInDuckDb } from "shuangsuiji/duckdb";
 * const pool = { file: "pool.csv" };
 * const commitment = await commitPoolInDuckDb(pool);
 * const seed = createSeed("0123456789abcdef0123456789abcdef", { kind: "other", description: "example" });
 * const record = await drawTargetsInDuckDb({ taskId: "T-1", pool, seed, commitment, policy: { strata: { A: { ratio: 0.05 } } } }, { onProgress: (p) => console.error(p.step, p.percent) });
 * ```
 */
export async function drawTargetsInDuckDb(raw: DrawTargetsInDuckDbInput, options: DuckDbOptions = {}): Promise<TargetDrawRecord> {
  // read and checked before an engine is opened (issue 17)
  const input = requireObject(raw, ["input"]) as unknown as DrawTargetsInDuckDbInput;
  sqlSource(input.pool);
  setupStage1(input);
  const engine = await openEngine(options);
  try {
    // one transaction (snapshot isolation): the source check, the pool rules, the commitment check and the selection
    // all read the same state of the table (docs/scale.md "Sources")
    return await engine.transaction(async () => {
      // a table source is one base table, never a view or macro whose rows depend on the statement (pool-base-table)
      await requireBaseTable(engine, sqlSource(input.pool));
      // the pool rules of docs/spec-v1.md §3 before the seed is used: a bad pool is refused whatever the seed selects
      await checkPoolInEngine(engine, sqlSource(input.pool));
      return drawOnEngine(engine, input);
    });
  } finally {
    engine.close();
  }
}
