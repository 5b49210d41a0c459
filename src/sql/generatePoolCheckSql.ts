import { invalid, readOptions, requireObject } from "../_internal/boundary.js";
import { builder, checkDialect } from "./_sql.js";
import type { SqlDialect, SqlSource, SqlStatement } from "./SqlStatement.js";

/**
 * At most this many bad rows are listed per rule by the check statements (the counts are always complete), as in
 * DuckDB's own checks (docs/scale.md, "Pool rules in the engine").
 *
 * @category SQL
 * @example
 * ```ts
 * import { POOL_CHECK_LISTED } from "shuangsuiji";
 * POOL_CHECK_LISTED; // 20
 * ```
 */
export const POOL_CHECK_LISTED = 20;

/**
 * Options of {@link generatePoolCheckSql}.
 *
 * @category SQL
 */
export interface PoolCheckSqlOptions {
  /** Where the pool is (a table and its column names, or a relation expression). */
  readonly source: SqlSource;
  /**
   * Whether the source has a registration-date column to check (`civil-date`); default `true`. Give `false` for a pool
   * without one (commitPool checks a date only when a unit has one).
   */
  readonly registrationDate?: boolean;
}

/**
 * The pool-check statements for one engine. Run `summary` and `duplicates` always; `badClasses`, `badDates` and
 * `suspiciousIds` only when the summary's `n_class`, `n_date`, `n_suspicious` is not `"0"`; `duplicateCount` only when
 * `duplicates` returned {@link POOL_CHECK_LISTED} rows. Then give the rows to {@link assemblePoolCheck}.
 *
 * @category SQL
 */
export interface PoolCheckSql {
  /** One row: `n_class`, `n_date`, `n_suspicious` (rows with a bad class, a bad date, an id SQL cannot clear), as text. */
  readonly summary: SqlStatement;
  /** Up to 20 rows with a bad class (`ssj_id`, `ssj_value`), by id in code-point order. */
  readonly badClasses: SqlStatement;
  /** Up to 20 rows with a bad registration date (`ssj_id`, `ssj_value`); absent when `registrationDate` is false. */
  readonly badDates?: SqlStatement;
  /** Every distinct id SQL cannot clear (`ssj_id`, `ssj_n`: its row count), to be judged by the library's pool-id rule. */
  readonly suspiciousIds: SqlStatement;
  /** Up to 20 ids that appear more than once (`ssj_id`, `ssj_n`), by id. */
  readonly duplicates: SqlStatement;
  /** One row `ssj_n`: how many ids appear more than once. */
  readonly duplicateCount: SqlStatement;
}

/** Per-dialect pieces of the check expressions (ClickHouse 18.16: `match` is RE2 and unanchored). */
interface Dialect {
  /** `x` fully matches the RE2/ARE pattern `p` (written with `\xNN` escapes, ASCII only). */
  readonly full: (x: string, p: string) => string;
  readonly isNull: (x: string) => string;
  /** `x` as plain text (after an `isNull` test). */
  readonly notNull: (x: string) => string;
  readonly coalesce: (x: string) => string;
  readonly hasDoubleSpace: (x: string) => string;
  readonly noSpaces: (x: string) => string;
  /** Digits of `x` from `from`, `n` long, as an integer; only evaluated (PostgreSQL) or only meaningful (others) on `[0-9]` text. */
  readonly int: (x: string, from: number, n: number) => string;
  readonly countIf: (cond: string) => string;
  readonly count: string;
  /** An ORDER BY key in code-point (UTF-8 byte) order. */
  readonly byCodePoint: (x: string) => string;
  /** The text of a column (PostgreSQL and DuckDB cast, so that a non-text column compares as text). */
  readonly text: (x: string) => string;
  /** Boolean literals (ClickHouse 18.16 has none: 0 and 1). */
  readonly yes: string;
  readonly no: string;
}

const DIALECTS: Readonly<Record<SqlDialect, Dialect>> = {
  postgresql: {
    full: (x, p) => `(${x} ~ '^(?:${p})$')`,
    isNull: (x) => `${x} IS NULL`,
    notNull: (x) => x,
    coalesce: (x) => `coalesce(${x}, '')`,
    hasDoubleSpace: (x) => `strpos(${x}, '  ') > 0`,
    noSpaces: (x) => `replace(${x}, ' ', '')`,
    int: (x, from, n) => `CAST(substring(${x}, ${from}, ${n}) AS integer)`,
    countIf: (c) => `CAST(count(*) FILTER (WHERE ${c}) AS text)`,
    count: "CAST(count(*) AS text)",
    byCodePoint: (x) => `${x} COLLATE "C"`,
    text: (x) => `CAST(${x} AS text)`,
    yes: "true",
    no: "false",
  },
  duckdb: {
    full: (x, p) => `regexp_full_match(${x}, '${p}')`,
    isNull: (x) => `${x} IS NULL`,
    notNull: (x) => x,
    coalesce: (x) => `coalesce(${x}, '')`,
    hasDoubleSpace: (x) => `contains(${x}, '  ')`,
    noSpaces: (x) => `replace(${x}, ' ', '')`,
    int: (x, from, n) => `coalesce(TRY_CAST(substring(${x}, ${from}, ${n}) AS INTEGER), 0)`,
    countIf: (c) => `CAST(count(*) FILTER (WHERE ${c}) AS VARCHAR)`,
    count: "CAST(count(*) AS VARCHAR)",
    byCodePoint: (x) => x,
    text: (x) => `CAST(${x} AS VARCHAR)`,
    yes: "true",
    no: "false",
  },
  clickhouse: {
    // string literals unescape backslashes: `\\x21` reaches RE2 as `\x21`
    full: (x, p) => `match(${x}, '^(?:${p.replace(/\\/g, "\\\\")})$')`,
    isNull: (x) => `isNull(${x})`,
    notNull: (x) => `assumeNotNull(${x})`,
    coalesce: (x) => `ifNull(${x}, '')`,
    hasDoubleSpace: (x) => `position(${x}, '  ') > 0`,
    noSpaces: (x) => `replaceAll(${x}, ' ', '')`,
    int: (x, from, n) => `toInt32OrZero(substring(${x}, ${from}, ${n}))`,
    countIf: (c) => `toString(countIf(${c}))`,
    count: "toString(count())",
    byCodePoint: (x) => x,
    text: (x) => x,
    yes: "1",
    no: "0",
  },
};

/**
 * `unit-id-canonical` (docs/spec-v1.md §3): the ids SQL cannot clear by itself. SQL accepts only what is plainly
 * canonical — first one cheap class test (printable ASCII without spaces or lower case: every USCC), then printable
 * ASCII without a leading or trailing space or two spaces in a row that is not a USCC shape (18 letters and digits once
 * spaces are removed) unless already upper case without spaces. Every other id (NULL, empty, non-ASCII, …) is fetched
 * once per distinct value and judged by the library's own `poolIdProblem` (NFC, NFKC, format and control characters,
 * look-alike spaces, full-width forms): one rule, never a second copy in SQL. The same predicate as DuckDB's
 * (src/duckdb/_poolChecks.ts), in each dialect.
 */
function suspicious(d: Dialect, id: string): string {
  const v = d.notNull(id);
  const plain = d.full(v, "[\\x21-\\x60\\x7b-\\x7e]+");
  const printable = d.full(v, "[\\x21-\\x7e](?:[\\x20-\\x7e]*[\\x21-\\x7e])?");
  const usccShape = d.full(d.noSpaces(v), "[0-9A-Za-z]{18}");
  return `(${d.isNull(id)} OR (NOT ${plain} AND NOT (${printable} AND NOT ${d.hasDoubleSpace(v)} AND NOT (${usccShape} AND ${v} <> upper(${d.noSpaces(v)})))))`;
}

/** `risk-class` (docs/spec-v1.md §3; 国市监信发〔2022〕6号 classes): one capital letter A–Z. */
const badClass = (d: Dialect, c: string) => `(${d.isNull(c)} OR NOT ${d.full(d.notNull(c), "[A-Z]")})`;

/**
 * `civil-date` (docs/spec-v1.md §3, the Calendar rule of parseDayNumber): `YYYY-MM-DD` in ASCII digits naming a day
 * that exists in the proleptic Gregorian calendar, year ≥ 1; `2021-02-30` and `2021/3/1` are refused, never compared as
 * text. A NULL date is no date (not checked).
 */
function badDate(d: Dialect, x: string): string {
  const v = d.notNull(x);
  const y = d.int(v, 1, 4);
  const m = d.int(v, 6, 2);
  const day = d.int(v, 9, 2);
  const leap = `((${y} % 4 = 0 AND ${y} % 100 <> 0) OR ${y} % 400 = 0)`;
  const last = `CASE WHEN ${m} = 2 THEN (CASE WHEN ${leap} THEN 29 ELSE 28 END) WHEN ${m} IN (4, 6, 9, 11) THEN 30 ELSE 31 END`;
  const exists = `(${y} >= 1 AND ${m} >= 1 AND ${m} <= 12 AND ${day} >= 1 AND ${day} <= ${last})`;
  // PostgreSQL evaluates a CASE's branches in order: the casts run only on matching text
  return `(CASE WHEN ${d.isNull(x)} THEN ${d.no} WHEN NOT ${d.full(v, "[0-9]{4}-[0-9]{2}-[0-9]{2}")} THEN ${d.yes} ELSE NOT ${exists} END)`;
}

/**
 * The pool rules that commitPool enforces (docs/spec-v1.md §3) as SQL for PostgreSQL, ClickHouse or DuckDB: run them
 * in the engine before {@link generateCommitmentSql} / {@link generateSelectionSql} (which assume a valid pool), then
 * {@link assemblePoolCheck} gives the verdict and the bilingual issues — the same refusals as commitPool. Bad classes
 * and dates and the ids that appear twice (in one class or across classes) are found in SQL; ids that are not
 * plainly canonical ASCII are listed once per distinct value and judged by the library's own pool-id rule. Values are
 * never spliced into the text. ClickHouse: run them through the Distributed table (or on one server); unlike the draw
 * statements they merge on the initiator (no `distributed_group_by_no_merge`), so duplicates across shards are found
 * whatever the sharding key.
 *
 * @param dialect - `postgresql`, `clickhouse` or `duckdb`.
 * @param raw - The `source` (as for generateCommitmentSql) and `registrationDate` (`false` when the source has no
 *   registration-date column).
 * @returns The statements: summary, bad classes, bad dates, suspicious ids, duplicates and the duplicate count.
 * @throws {@link ShuangsuijiError} `invalid-argument` when the dialect is unknown or the source is unusable.
 * @throws {@link ShuangsuijiError} `invalid-input` when the options are malformed (an unknown key, a non-boolean flag).
 * @category SQL
 * @example
 * ```ts
 * import { generatePoolCheckSql } from "shuangsuiji";
 * const q = generatePoolCheckSql("postgresql", { source: { table: "units" } });
 * q.summary.columns; // ["n_class", "n_date", "n_suspicious"]
 * ```
 */
export function generatePoolCheckSql(dialect: SqlDialect, raw: PoolCheckSqlOptions): PoolCheckSql {
  const name = checkDialect(dialect);
  const o = readOptions(requireObject(raw, ["options"]), ["options"], ["source", "registrationDate"]);
  const source = requireObject(o["source"], ["options", "source"]) as unknown as SqlSource;
  const withDate = o["registrationDate"] ?? true;
  if (typeof withDate !== "boolean") invalid(["options", "registrationDate"], "expected true or false", "应为 true 或 false", withDate);
  const d = DIALECTS[name];
  const n = POOL_CHECK_LISTED;
  const statement = (make: (cols: { id: string; c: string; date: string }, from: string) => string, columns: readonly string[]): SqlStatement => {
    const b = builder(name);
    const col = (key: "id" | "riskClass" | "registrationDate", dflt: string) => {
      const c = source.columns?.[key] ?? dflt;
      if (typeof c !== "string" || c === "") invalid(["options", "source", "columns", key], "column name must be non-empty text", "列名不能为空", c);
      return b.f.ident(c);
    };
    let from: string;
    if (source.table !== undefined && source.relation === undefined) {
      if (typeof source.table !== "string" || source.table === "" || source.table.split(".").some((p) => p === "")) invalid(["options", "source", "table"], "table name must be non-empty text", "表名不能为空", source.table);
      from = source.table.split(".").map(b.f.ident).join(".");
    } else if (source.relation !== undefined && source.table === undefined && typeof source.relation === "string") {
      for (const p of source.params ?? []) b.add(p);
      from = source.relation;
    } else {
      return invalid(["options", "source"], "give exactly one of source.table and source.relation", "须且只须给出表名或关系表达式之一");
    }
    const cols = { id: col("id", "id"), c: col("riskClass", "risk_class"), date: withDate ? col("registrationDate", "registration_date") : "" };
    let text: string;
    if (name === "clickhouse") text = make(cols, from);
    else {
      // PostgreSQL and DuckDB read the columns as text once, in a subquery
      const inner = `SELECT ${d.text(cols.id)} AS id, ${d.text(cols.c)} AS c${withDate ? `, ${d.text(cols.date)} AS d` : ""} FROM ${from}`;
      text = make({ id: "id", c: "c", date: "d" }, `(${inner}) s`);
    }
    // the check statements merge on the ClickHouse initiator: no distributed_group_by_no_merge (see above)
    return b.render(text, columns, { mergeOnInitiator: true });
  };
  const listed = (pick: (c: { id: string; c: string; date: string }) => { bad: string; value: string }) =>
    statement((c, from) => {
      const p = pick(c);
      return `SELECT ${d.coalesce(c.id)} AS ssj_id, ${d.coalesce(p.value)} AS ssj_value FROM ${from} WHERE ${p.bad} ORDER BY ${d.byCodePoint(d.coalesce(c.id))}, ${d.byCodePoint(d.coalesce(p.value))} LIMIT ${n}`;
    }, ["ssj_id", "ssj_value"]);
  const summary = statement(
    (c, from) => `SELECT ${d.countIf(badClass(d, c.c))} AS n_class, ${withDate ? d.countIf(badDate(d, c.date)) : `'0'`} AS n_date, ${d.countIf(suspicious(d, c.id))} AS n_suspicious FROM ${from}`,
    ["n_class", "n_date", "n_suspicious"],
  );
  const badClasses = listed((c) => ({ bad: badClass(d, c.c), value: c.c }));
  const badDates = withDate ? listed((c) => ({ bad: badDate(d, c.date), value: c.date })) : undefined;
  const suspiciousIds = statement(
    (c, from) => `SELECT ${d.coalesce(c.id)} AS ssj_id, ${d.count} AS ssj_n FROM ${from} WHERE ${suspicious(d, c.id)} GROUP BY ${d.coalesce(c.id)} ORDER BY ${d.byCodePoint(d.coalesce(c.id))}`,
    ["ssj_id", "ssj_n"],
  );
  const groups = (c: { id: string }, from: string) => `FROM ${from} WHERE NOT ${d.isNull(c.id)} GROUP BY ${c.id} HAVING count(*) > 1`;
  const duplicates = statement(
    (c, from) => `SELECT ${d.notNull(c.id)} AS ssj_id, ${d.count} AS ssj_n ${groups(c, from)} ORDER BY ${d.byCodePoint(c.id)} LIMIT ${n}`,
    ["ssj_id", "ssj_n"],
  );
  const duplicateCount = statement((c, from) => `SELECT ${d.count} AS ssj_n FROM (SELECT ${c.id} AS ssj_id ${groups(c, from)}) g`, ["ssj_n"]);
  return Object.freeze({ summary, badClasses, ...(badDates === undefined ? {} : { badDates }), suspiciousIds, duplicates, duplicateCount });
}
