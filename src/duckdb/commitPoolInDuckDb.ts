import type { PoolCommitment } from "../draw/targets/PoolCommitment.js";
import type { CommitPoolOptions } from "../draw/targets/commitPool.js";
import { assemblePoolCommitment } from "../sql/assemblePoolCommitment.js";
import { generateCommitmentSql } from "../sql/generateCommitmentSql.js";
import { openEngine, readEngineOptions, type DuckDbOptions } from "./_engine.js";
import { sqlSource, type DuckDbPool } from "./DuckDbPool.js";
import { checkPoolInEngine } from "./_poolChecks.js";
import { requireBaseTable } from "./_baseTable.js";

/**
 * Commits to a pool inside DuckDB: the same {@link PoolCommitment} commitPool computes (docs/draw.md, seed
 * discipline), from a CSV/Parquet file or a table of 10⁸ rows, in one scan. Publish it before the seed exists.
 *
 * @param pool - The pool: a CSV or Parquet file, or a table, with its column names (see {@link DuckDbPool}).
 * @param rawOptions - The eligibility rules and exclusions (as {@link shuangsuiji!commitPool | commitPool}), and the
 *   engine's options (database, threads, memory limit, progress).
 * @returns The commitment, identical to {@link shuangsuiji!commitPool | commitPool} over the same units.
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-argument` when `@duckdb/node-api` is not
 *   installed or the pool's source is unusable (e.g. an empty table or column name).
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-input` when the options are malformed, a
 *   row the engine returns is malformed, or the pool breaks the rules commitPool enforces (docs/spec-v1.md §3: an id
 *   repeated or not canonical, a class not A–Z, a registration date that is no day): every rule broken, its first
 *   rows by id and its count.
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-argument` rule `pool-base-table` when a
 *   `{ table }` pool is not exactly one base table of a DuckDB database (a view, a table macro, a table of an attached
 *   non-DuckDB database, a table with a generated column, an ambiguous name); all statements run in one transaction.
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `engine-error` when DuckDB fails (a missing file or
 *   column, out of memory), naming the step.
 * @category DuckDB
 * @example
 * ```ts
 * import { commitPoolInDuckDb } from "shuangsuiji/duckdb";
 * const commitment = await commitPoolInDuckDb({ file: "pool.parquet" }, { eligibility: { registeredOnOrBefore: "2025-12-31" } });
 * console.log(commitment.digest, commitment.eligibleCount);
 * ```
 */
export async function commitPoolInDuckDb(pool: DuckDbPool, rawOptions: CommitPoolOptions & DuckDbOptions = {}): Promise<PoolCommitment> {
  const options = readEngineOptions(rawOptions) as CommitPoolOptions & DuckDbOptions;
  const { eligibility, exclusions } = options;
  const source = sqlSource(pool);
  const statement = generateCommitmentSql({ dialect: "duckdb", source, ...(eligibility === undefined ? {} : { eligibility }), ...(exclusions === undefined ? {} : { exclusions }) });
  const engine = await openEngine(options);
  try {
    // the pool rules commitPool enforces (docs/spec-v1.md §3), checked in the engine: a bad pool is refused as a whole
    // one transaction (snapshot isolation), a table source one base table (pool-base-table, docs/scale.md "Sources")
    const rows = await engine.transaction(async () => {
      await requireBaseTable(engine, source);
      await checkPoolInEngine(engine, source);
      return engine.rows(statement, "commitment");
    });
    return assemblePoolCommitment({ rows, ...(eligibility === undefined ? {} : { eligibility }), ...(exclusions === undefined ? {} : { exclusions }) });
  } finally {
    engine.close();
  }
}
