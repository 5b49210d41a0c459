import { invalid, requireObject, requireString } from "../_internal/boundary.js";
import type { SqlSource } from "../sql/SqlStatement.js";

/**
 * A pool DuckDB reads where it lies: a CSV or Parquet file (read as it streams, never loaded into JavaScript) or a
 * table of the database. CSV files need a header row; every cell is read as text (ids keep leading zeros, dates stay
 * `YYYY-MM-DD`), an empty cell is NULL. Column names default to `id`, `risk_class`, `registration_date`, `status`,
 * `division_code`.
 *
 * @category DuckDB
 */
export type DuckDbPool =
  | { readonly file: string; readonly format?: "csv" | "parquet"; readonly columns?: SqlSource["columns"] }
  | { readonly table: string; readonly columns?: SqlSource["columns"] };

/** @internal The generated SQL's source for a pool: the file path is a bound parameter. */
export function sqlSource(raw: DuckDbPool): SqlSource {
  // read once and checked: a file or a table, named by a string (issue 17)
  const pool = requireObject(raw, ["pool"]) as DuckDbPool;
  if ("table" in pool) requireString(pool.table, ["pool", "table"], 1_000);
  else requireString((pool as { file?: unknown }).file, ["pool", "file"], 10_000);
  const fmt: unknown = (pool as { format?: unknown }).format;
  if (fmt !== undefined && fmt !== "csv" && fmt !== "parquet") invalid(["pool", "format"], 'expected "csv" or "parquet"', "应为“csv”或“parquet”", fmt);
  const columns = pool.columns === undefined ? {} : { columns: pool.columns };
  if ("table" in pool) return { table: pool.table, ...columns };
  const format = pool.format ?? (/\.parquet$/i.test(pool.file) ? "parquet" : "csv");
  const relation = format === "parquet" ? "read_parquet({pool_file})" : "read_csv({pool_file}, header = true, all_varchar = true)";
  return { relation, params: [{ name: "pool_file", type: "text", value: pool.file }], ...columns };
}
