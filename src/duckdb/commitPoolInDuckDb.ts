import type { PoolCommitment } from "../draw/PoolCommitment.js";
import type { CommitPoolOptions } from "../draw/commitPool.js";
import { assemblePoolCommitment } from "../sql/assemblePoolCommitment.js";
import { generateCommitmentSql } from "../sql/generateCommitmentSql.js";
import { openEngine, readEngineOptions, type DuckDbOptions } from "./_engine.js";
import { sqlSource, type DuckDbPool } from "./DuckDbPool.js";

/**
 * Commits to a pool inside DuckDB: the same {@link PoolCommitment} commitPool computes (docs/draw.md, seed
 * discipline), from a CSV/Parquet file or a table of 10⁸ rows, in one scan. Publish it before the seed exists.
 *
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
  const statement = generateCommitmentSql({ dialect: "duckdb", source: sqlSource(pool), ...(eligibility === undefined ? {} : { eligibility }), ...(exclusions === undefined ? {} : { exclusions }) });
  const engine = await openEngine(options);
  try {
    const rows = await engine.rows(statement, "commitment");
    return assemblePoolCommitment({ rows, ...(eligibility === undefined ? {} : { eligibility }), ...(exclusions === undefined ? {} : { exclusions }) });
  } finally {
    engine.close();
  }
}
