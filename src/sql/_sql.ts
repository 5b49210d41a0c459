import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import type { Eligibility, Exclusion } from "../draw/targets/SamplingPolicy.js";
import { SQL_DIALECTS, type SqlDialect, type SqlParameter, type SqlSource, type SqlStatement } from "./SqlStatement.js";

const PLACEHOLDER = /\{([a-z_][a-z0-9_]*)\}/g;

function misuse(path: readonly (string | number)[], en: string, zh: string, value?: unknown): ShuangsuijiError {
  return new ShuangsuijiError("invalid-argument", [{ path, rule: "sql-generation", clause: "docs/scale.md", messageZh: zh, messageEn: en, value }]);
}

export function checkDialect(dialect: unknown): SqlDialect {
  if (!(SQL_DIALECTS as readonly unknown[]).includes(dialect)) throw misuse(["dialect"], `unknown SQL dialect (one of ${SQL_DIALECTS.join(", ")})`, "不支持的SQL方言", dialect);
  return dialect as SqlDialect;
}

/** Dialect fragments. `b` = bytes (PostgreSQL bytea, DuckDB BLOB, ClickHouse String). */
export interface Fragments {
  readonly ident: (name: string) => string;
  readonly utf8: (text: string) => string;
  /**
   * The byte length of `bytes` as 4 bytes big-endian. `likely`: the length most rows have (18 for a USCC id, 1 for a
   * class, 0 for an eligible unit's reason): DuckDB writes that one as a constant and computes only the others.
   */
  readonly be32Length: (bytes: string, likely?: number) => string;
  /** `fromHex(prefixHex) ‖ be32Length(bytes) ‖ bytes` (the ticket's message); DuckDB folds the prefix and the likely length into one constant. */
  readonly prefixed: (prefixHex: string, bytes: string, likely?: number) => string;
  readonly concat: (...bytes: string[]) => string;
  readonly fromHex: (hex: string) => string;
  /** SHA-256 as 64 lower-case hex digits. */
  readonly sha256Hex: (bytes: string) => string;
  /**
   * The digest split into summed parts: a relation with `risk_class, reason` and the parts' columns, read from `units`,
   * and each part's result column with its exact sum: `w0 … w7` (the big-endian 32-bit words) or `b<shift>` (a part
   * weighing 2^shift). PostgreSQL and ClickHouse
   * sum eight 32-bit words; DuckDB casts the digest's two 128-bit halves once each and sums 96 + 32 bits of each as
   * HUGEINT (sum(UHUGEINT) is a DOUBLE in DuckDB; 10⁸ · 2⁹⁶ < 2¹²⁷ stays exact). ClickHouse has none: its statement is
   * one SELECT over the table (generateCommitmentSql).
   */
  readonly digestParts?: (element: string, units: string) => { readonly relation: string; readonly sums: readonly (readonly [column: string, sum: string])[] };
  readonly asText: (x: string) => string;
  readonly contains: (list: string, x: string) => string;
  /** The element of `values` at the position of `key` in `keys` (two parallel text lists). */
  readonly pick: (keys: string, values: string, key: string) => string;
  readonly sumText: (x: string) => string;
  readonly countText: string;
}

const WORDS32 = [0, 1, 2, 3, 4, 5, 6, 7] as const;
/** A unified social credit code (统一社会信用代码, GB 32100-2015) is 18 ASCII characters: the likely id length. */
export const USCC_BYTES = 18;
/** A length as 8 hex digits (4 bytes big-endian). */
const hex32 = (n: number) => n.toString(16).padStart(8, "0");
/** DuckDB: the 4-byte big-endian length of a BLOB, computed per row. */
const duckBe32 = (b: string) => `CAST(CAST(CAST(octet_length(${b}) AS INTEGER) AS BIT) AS BLOB)`;
/** DuckDB: a known length as a BLOB literal (`'\\x00\\x00\\x00\\x12'::BLOB` for 18). */
const duckBe32Literal = (n: number) => `'${hex32(n).replace(/(..)/g, "\\x$1")}'::BLOB`;
const quoteDouble = (s: string) => `"${s.replace(/"/g, '""')}"`;

export const FRAGMENTS: Readonly<Record<SqlDialect, Fragments>> = {
  postgresql: {
    ident: quoteDouble,
    utf8: (t) => `convert_to(${t}, 'UTF8')`,
    be32Length: (b) => `int4send(octet_length(${b}))`,
    prefixed: (h, b) => `decode(${h}, 'hex') || int4send(octet_length(${b})) || ${b}`,
    concat: (...b) => b.join(" || "),
    fromHex: (h) => `decode(${h}, 'hex')`,
    sha256Hex: (b) => `encode(sha256(${b}), 'hex')`,
    digestParts: (e, units) => ({
      relation: `SELECT risk_class, reason, encode(sha256(${e}), 'hex') AS d FROM (${units}) u`,
      sums: WORDS32.map((i) => [`w${i}`, `CAST(sum(('x' || substr(d, ${1 + 8 * i}, 8))::bit(32)::bigint) AS text)`] as const),
    }),
    asText: (x) => `CAST(${x} AS text)`,
    contains: (list, x) => `${x} = ANY(${list})`,
    pick: (k, v, key) => `(${v})[array_position(${k}, ${key})]`,
    sumText: (x) => `CAST(sum(${x}) AS text)`,
    countText: "CAST(count(*) AS text)",
  },
  duckdb: {
    ident: quoteDouble,
    utf8: (t) => `encode(${t})`,
    // INTEGER → BIT is the 32 bits big-endian, BIT → BLOB their 4 bytes: a third cheaper than printf + unhex; the likely
    // length as a constant BLOB, the casts only for the other rows (issue 16: ≈ 0.4 CPU s per prefix at 10⁷)
    be32Length: (b, likely) => (likely === undefined ? duckBe32(b) : `CASE octet_length(${b}) WHEN ${likely} THEN ${duckBe32Literal(likely)} ELSE ${duckBe32(b)} END`),
    // the constant prefix and the likely length as one constant (computed once per vector), then one concatenation
    prefixed: (h, b, likely) =>
      likely === undefined ? `unhex(${h}) || ${duckBe32(b)} || ${b}` : `CASE octet_length(${b}) WHEN ${likely} THEN unhex(${h} || '${hex32(likely)}') ELSE unhex(${h}) || ${duckBe32(b)} END || ${b}`,
    concat: (...b) => b.join(" || "),
    fromHex: (h) => `unhex(${h})`,
    sha256Hex: (b) => `sha256(${b})`,
    // unhex + BIT → UHUGEINT parses a 128-bit half at once: 12 % less CPU than four 64-bit hex casts (issue 16)
    digestParts: (e, units) => ({
      relation:
        `SELECT risk_class, reason, CAST(CAST(d[1:16] AS BIT) AS UHUGEINT) AS hi, CAST(CAST(d[17:32] AS BIT) AS UHUGEINT) AS lo ` +
        `FROM (SELECT risk_class, reason, unhex(sha256(${e})) AS d FROM (${units}) u) h0`,
      sums: [
        ["b160", "CAST(sum(CAST(hi >> 32 AS HUGEINT)) AS VARCHAR)"],
        ["b128", "CAST(sum(CAST(hi & 4294967295::UHUGEINT AS HUGEINT)) AS VARCHAR)"],
        ["b32", "CAST(sum(CAST(lo >> 32 AS HUGEINT)) AS VARCHAR)"],
        ["b0", "CAST(sum(CAST(lo & 4294967295::UHUGEINT AS HUGEINT)) AS VARCHAR)"],
      ],
    }),
    asText: (x) => `CAST(${x} AS VARCHAR)`,
    contains: (list, x) => `list_contains(${list}, ${x})`,
    pick: (k, v, key) => `list_extract(${v}, list_position(${k}, ${key}))`,
    sumText: (x) => `CAST(sum(${x}) AS VARCHAR)`,
    countText: "CAST(count(*) AS VARCHAR)",
  },
  clickhouse: {
    ident: (s) => `\`${s.replace(/\\/g, "\\\\").replace(/`/g, "\\`")}\``,
    utf8: (t) => t,
    // 2^32 + n printed as hex is "1" followed by the eight hex digits of n: drop the "01" byte.
    be32Length: (b) => `unhex(substring(hex(toUInt64(length(${b})) + 4294967296), 3))`,
    prefixed: (h, b) => `concat(unhex(${h}), unhex(substring(hex(toUInt64(length(${b})) + 4294967296), 3)), ${b})`,
    concat: (...b) => `concat(${b.join(", ")})`,
    fromHex: (h) => `unhex(${h})`,
    sha256Hex: (b) => `lower(hex(SHA256(${b})))`,
    asText: (x) => `toString(${x})`,
    contains: (list, x) => `has(${list}, ${x})`,
    pick: (k, v, key) => `transform(${key}, ${k}, ${v}, '')`,
    sumText: (x) => `toString(sum(${x}))`,
    countText: "toString(count())",
  },
};

/** A statement under construction: `{name}` placeholders, rendered per dialect at the end. */
export function builder(dialect: SqlDialect) {
  const params: SqlParameter[] = [];
  const add = (p: SqlParameter): string => {
    if (params.some((q) => q.name === p.name)) throw misuse(["params", p.name], `parameter ${p.name} given twice`, "参数重复");
    params.push(p);
    return `{${p.name}}`;
  };
  /** `mergeOnInitiator`: a ClickHouse statement whose Distributed GROUP BY must merge on the initiator (the pool checks). */
  const render = (text: string, columns: readonly string[], options: { readonly mergeOnInitiator?: boolean } = {}): SqlStatement => {
    const index = new Map(params.map((p, i) => [p.name, i] as const));
    const out = text.replace(PLACEHOLDER, (_, name: string) => {
      const i = index.get(name);
      if (i === undefined) throw misuse(["source", "relation"], `placeholder {${name}} has no parameter`, "占位符没有对应参数", name);
      const p = params[i] as SqlParameter;
      if (dialect === "clickhouse") return `(SELECT ${name} FROM ssj_params)`;
      const type = dialect === "postgresql" ? { text: "text", "text[]": "text[]", "integer[]": "integer[]" }[p.type] : { text: "VARCHAR", "text[]": "VARCHAR[]", "integer[]": "INTEGER[]" }[p.type];
      return `$${i + 1}::${type}`;
    });
    // ClickHouse 18.16 through a Distributed table: each shard runs the whole statement on its part and the initiator
    // only concatenates the shards' rows (the assembly adds their sums and counts and merges their k smallest). Merging on
    // the initiator instead fails there (Code: 10, the parameter subqueries are folded on one side only: docs/scale.md).
    // On a plain MergeTree table the setting does nothing.
    const settings = dialect === "clickhouse" && options.mergeOnInitiator !== true ? " SETTINGS distributed_group_by_no_merge = 1" : "";
    return Object.freeze({ dialect, text: out + settings, params: Object.freeze([...params]), columns: Object.freeze([...columns]) });
  };
  return { f: FRAGMENTS[dialect], add, render };
}

export interface UnitsInput {
  readonly source: SqlSource;
  readonly eligibility?: Eligibility | undefined;
  readonly exclusions?: readonly Exclusion[] | undefined;
}

/**
 * `SELECT id, risk_class, reason FROM <source>`: reason is '' for an eligible unit or its ineligibility reason, tested
 * in eligibilityOf's order (docs/draw.md; Yanshi 7.2 for the cut-off and statuses).
 */
export function unitsRelation(b: ReturnType<typeof builder>, input: UnitsInput): string {
  const u = unitsParts(b, input);
  return `SELECT ${u.id} AS id, ${u.cls} AS risk_class, ${u.reason} AS reason FROM ${u.from}`;
}

/**
 * The units' expressions without the subquery: ClickHouse's statements read the table in their one SELECT, so that
 * through a Distributed table every shard runs all of it (hashes, sums, ranking) on its own part (docs/scale.md).
 */
export function unitsParts(b: ReturnType<typeof builder>, input: UnitsInput): { readonly id: string; readonly cls: string; readonly reason: string; readonly from: string } {
  const { f } = b;
  const s = input.source;
  const col = (key: keyof NonNullable<SqlSource["columns"]>, dflt: string) => {
    const name = s.columns?.[key] ?? dflt;
    if (typeof name !== "string" || name === "") throw misuse(["source", "columns", key], "column name must be non-empty text", "列名不能为空", name);
    return f.ident(name);
  };
  let from: string;
  if (s.table !== undefined && s.relation === undefined) {
    if (typeof s.table !== "string" || s.table === "" || s.table.split(".").some((p) => p === "")) throw misuse(["source", "table"], "table name must be non-empty text", "表名不能为空", s.table);
    from = s.table.split(".").map(f.ident).join(".");
  } else if (s.relation !== undefined && s.table === undefined) {
    for (const p of s.params ?? []) b.add(p);
    from = s.relation;
  } else {
    throw misuse(["source"], "give exactly one of source.table and source.relation", "须且只须给出表名或关系表达式之一");
  }
  const id = col("id", "id");
  const e = input.eligibility ?? {};
  const include = e.whenUnknown === "include";
  const whens: string[] = [];
  const excluded = b.add({ name: "excluded_ids", type: "text[]", value: [...new Set((input.exclusions ?? []).map((x) => x.unitId))].sort() });
  whens.push(`WHEN ${f.contains(excluded, id)} THEN 'excluded'`);
  if (e.registeredOnOrBefore !== undefined) {
    const d = f.asText(col("registrationDate", "registration_date"));
    const cutoff = b.add({ name: "registered_on_or_before", type: "text", value: e.registeredOnOrBefore });
    if (include) whens.push(`WHEN ${d} IS NOT NULL AND ${d} > ${cutoff} THEN 'registered-after-cutoff'`);
    else whens.push(`WHEN ${d} IS NULL THEN 'registration-date-unknown'`, `WHEN ${d} > ${cutoff} THEN 'registered-after-cutoff'`);
  }
  if (e.statuses !== undefined) {
    const st = col("status", "status");
    const list = b.add({ name: "statuses", type: "text[]", value: [...e.statuses] });
    if (include) whens.push(`WHEN ${st} IS NOT NULL AND NOT ${f.contains(list, st)} THEN 'status-not-allowed'`);
    else whens.push(`WHEN ${st} IS NULL THEN 'status-unknown'`, `WHEN NOT ${f.contains(list, st)} THEN 'status-not-allowed'`);
  }
  if (e.divisionCodes !== undefined) {
    const dc = col("divisionCode", "division_code");
    const list = b.add({ name: "division_codes", type: "text[]", value: [...e.divisionCodes] });
    whens.push(`WHEN ${dc} IS NULL OR NOT ${f.contains(list, dc)} THEN 'outside-districts'`);
  }
  const cls = col("riskClass", "risk_class");
  // ClickHouse reads Nullable columns: assumeNotNull keeps the key columns plain String (a NULL id fails validation).
  const key = (x: string) => (b.f === FRAGMENTS.clickhouse ? `assumeNotNull(${x})` : x);
  return { id: key(id), cls: key(cls), reason: `CASE ${whens.join(" ")} ELSE '' END`, from };
}
