import { deepFreeze } from "../_internal/deepFreeze.js";
/**
 * The SQL dialects the library generates the stage-1 draw for. `postgresql` (≥ 11: `sha256`, `int4send`), `duckdb`
 * (≥ 1.1) and `clickhouse` (≥ 18.16: `SHA256`, `LIMIT … BY`, parameters as the external table `ssj_params`). The
 * guide docs/scale.md lists the engines the same text serves.
 *
 * @category SQL
 * @example
 * ```ts
 * import { SQL_DIALECTS } from "shuangsuiji";
 * SQL_DIALECTS.includes("duckdb"); // true
 * ```
 */
export const SQL_DIALECTS = /* @__PURE__ */ deepFreeze(["postgresql", "duckdb", "clickhouse"] as const);

/**
 * One of {@link SQL_DIALECTS}.
 *
 * @category SQL
 */
export type SqlDialect = (typeof SQL_DIALECTS)[number];

/**
 * A bound parameter. Values never enter the SQL text: PostgreSQL and DuckDB bind them positionally (`$1` is the first
 * parameter of the list), ClickHouse reads them from a one-row external table `ssj_params` whose columns are the
 * parameters' names (see {@link clickhouseParams}).
 *
 * @category SQL
 */
export type SqlParameter =
  | { readonly name: string; readonly type: "text"; readonly value: string }
  | { readonly name: string; readonly type: "text[]"; readonly value: readonly string[] }
  | { readonly name: string; readonly type: "integer[]"; readonly value: readonly number[] };

/**
 * Generated SQL: the text, its parameters in binding order, and the result columns in order.
 *
 * @category SQL
 */
export interface SqlStatement {
  /** The dialect the text is written in. */
  readonly dialect: SqlDialect;
  /** The query text; it contains no value from the input, only placeholders. */
  readonly text: string;
  /** Parameters, in the order `$1`, `$2`, … (PostgreSQL, DuckDB) or as the columns of `ssj_params` (ClickHouse). */
  readonly params: readonly SqlParameter[];
  /** The result columns, in order. */
  readonly columns: readonly string[];
}

/**
 * Where the pool is: a table or view (its name is quoted as an identifier, dotted names part by part), or a relation
 * expression written by the integrator (e.g. DuckDB `read_parquet({path})`) in which `{name}` marks a parameter given
 * in `params`. The expression is trusted program text, never user data. Column names default to `id`, `risk_class`,
 * `registration_date`, `status`, `division_code`; the last three are read only when the eligibility rules need them.
 *
 * @category SQL
 */
export interface SqlSource {
  /** Table or view name, e.g. `units` or `registry.units`. */
  readonly table?: string;
  /** Or a relation expression with `{name}` placeholders. */
  readonly relation?: string;
  /** The parameters the relation expression uses. */
  readonly params?: readonly SqlParameter[];
  /** Column names in the source, when they differ from the defaults. */
  readonly columns?: {
    readonly id?: string;
    readonly riskClass?: string;
    readonly registrationDate?: string;
    readonly status?: string;
    readonly divisionCode?: string;
  };
}
