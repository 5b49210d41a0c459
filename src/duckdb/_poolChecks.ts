import { ruleIssue } from "../errors/_drawRules.js";
import { poolIdProblem, unitIdIssue } from "../draw/targets/_pool.js";
import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";
import { builder } from "../sql/_sql.js";
import type { SqlSource, SqlStatement } from "../sql/SqlStatement.js";
import type { Engine } from "./_engine.js";
import { cappedIssues } from "../errors/_capIssues.js";

/** At most this many bad rows are listed per rule (the counts are always complete). */
export const LISTED_PER_RULE = 20;

/**
 * JavaScript's `String.prototype.trim` whitespace (WhiteSpace and LineTerminator, ECMA-262 §12.2–12.3) as an RE2 class:
 * an id starting or ending with one of these is not trimmed (isCanonicalText).
 */
const JS_TRIM = "[\\x{09}-\\x{0D}\\x{20}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]";

/**
 * The ids SQL cannot clear by itself for the pool-id rule (`poolIdProblem`, docs/spec-v1.md §3). SQL accepts only what
 * is plainly canonical: printable ASCII without a leading or trailing space or two spaces in a row, and not a USCC
 * shape (18 letters and digits once spaces are removed) unless already upper case without spaces — for such an id the
 * rule is exactly this. Every other id (NULL, empty, non-ASCII, …) is fetched once per distinct value and judged by
 * the library's own `poolIdProblem` (NFC, NFKC, format and control characters, look-alike spaces): one rule, never a
 * second copy in SQL that could drift from it.
 */
export const SUSPICIOUS_ID_SQL = (id: string) =>
  // first one cheap class test that clears printable ASCII without spaces or lower case (every USCC): such an id breaks
  // none of the tests after it, which then run only on the rest (issue 16: 4.2 → 1.2 CPU s at 10⁷ ids)
  `((${id} IS NULL OR NOT regexp_full_match(${id}, '[\\x21-\\x60\\x7b-\\x7e]+')) AND ` +
  `(${id} IS NULL OR NOT (regexp_full_match(${id}, '[\\x21-\\x7e](?:[\\x20-\\x7e]*[\\x21-\\x7e])?') AND NOT contains(${id}, '  ') AND ` +
  `NOT (regexp_full_match(replace(${id}, ' ', ''), '[0-9A-Za-z]{18}') AND ${id} <> upper(replace(${id}, ' ', ''))))))`;

/**
 * {@link SUSPICIOUS_ID_SQL} as a value (a column of a projection): DuckDB evaluates every operand of an `AND` in a
 * projection, so the cheap class test goes first in a `CASE`, which runs the other tests only on the rows that fail it
 * (as a `WHERE` does: 1.2 against 5.5 CPU s at 10⁷ ids). Same truth value for every id, NULL included.
 */
const SUSPICIOUS_ID_VALUE_SQL = (id: string) => `(CASE WHEN regexp_full_match(${id}, '[\\x21-\\x60\\x7b-\\x7e]+') THEN false ELSE ${SUSPICIOUS_ID_SQL(id)} END)`;

/** `risk-class`: one capital letter A–Z. */
const BAD_CLASS_SQL = (c: string) => `(${c} IS NULL OR NOT regexp_full_match(${c}, '[A-Z]'))`;

/** `civil-date` (Calendar rule; parseDayNumber): `YYYY-MM-DD` in ASCII digits, a day that exists, year ≥ 1. */
const BAD_DATE_SQL = (d: string) =>
  `(${d} IS NOT NULL AND NOT (regexp_full_match(${d}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') AND NOT starts_with(${d}, '0000') AND try_strptime(${d}, '%Y-%m-%d') IS NOT NULL))`;

interface Parts {
  readonly b: ReturnType<typeof builder>;
  readonly from: string;
  readonly id: string;
  readonly cls: string;
  readonly date: string;
}

function parts(source: SqlSource): Parts {
  const b = builder("duckdb");
  const s = source;
  const col = (key: keyof NonNullable<SqlSource["columns"]>, dflt: string) => b.f.ident(s.columns?.[key] ?? dflt);
  let from: string;
  if (s.table !== undefined) from = s.table.split(".").map(b.f.ident).join(".");
  else {
    for (const p of s.params ?? []) b.add(p);
    from = s.relation as string;
  }
  return { b, from, id: col("id", "id"), cls: col("riskClass", "risk_class"), date: col("registrationDate", "registration_date") };
}

/**
 * The §3 pool rules as DuckDB statements (docs/scale.md, "pool rules"): the source's columns (is there a registration
 * date column?), the bad rows per rule (counts and the first ids in text order) with the count of ids SQL cannot clear,
 * those ids (run only when that count is not zero), and the ids that appear more than once (found by a 64-bit hash,
 * then confirmed by id).
 */
export function poolCheckSql(source: SqlSource) {
  const columns = (): SqlStatement => {
    const p = parts(source);
    return p.b.render(`SELECT * FROM ${p.from} LIMIT 0`, []);
  };
  const rows = (withDate: boolean): SqlStatement => {
    const p = parts(source);
    const n = LISTED_PER_RULE;
    const d = withDate ? `CAST(${p.date} AS VARCHAR)` : "CAST(NULL AS VARCHAR)";
    const text =
      `SELECT count(*) FILTER (WHERE bc) AS n_class, count(*) FILTER (WHERE bd) AS n_date, count(*) FILTER (WHERE bi) AS n_suspicious, ` +
      `min({'id': coalesce(id, ''), 'v': coalesce(c, '')}, ${n}) FILTER (WHERE bc) AS classes, ` +
      `min({'id': coalesce(id, ''), 'v': d}, ${n}) FILTER (WHERE bd) AS dates ` +
      `FROM (SELECT id, c, d, ${BAD_CLASS_SQL("c")} AS bc, ${BAD_DATE_SQL("d")} AS bd, ${SUSPICIOUS_ID_VALUE_SQL("id")} AS bi ` +
      `FROM (SELECT CAST(${p.id} AS VARCHAR) AS id, CAST(${p.cls} AS VARCHAR) AS c, ${d} AS d FROM ${p.from}) s) t`;
    return p.b.render(text, ["n_class", "n_date", "n_suspicious", "classes", "dates"]);
  };
  const suspiciousIds = (): SqlStatement => {
    const p = parts(source);
    const text =
      `SELECT coalesce(id, '') AS id, CAST(count(*) AS VARCHAR) AS n FROM (SELECT CAST(${p.id} AS VARCHAR) AS id FROM ${p.from}) s ` +
      `WHERE ${SUSPICIOUS_ID_SQL("id")} GROUP BY id ORDER BY id`;
    return p.b.render(text, ["id", "n"]);
  };
  const duplicateHashes = (): SqlStatement => {
    const p = parts(source);
    const text =
      `SELECT count(*) AS groups, min(h, ${LISTED_PER_RULE * 5}) AS hashes FROM ` +
      `(SELECT hash(id) AS h FROM (SELECT CAST(${p.id} AS VARCHAR) AS id FROM ${p.from}) s WHERE id IS NOT NULL GROUP BY h HAVING count(*) > 1) g`;
    return p.b.render(text, ["groups", "hashes"]);
  };
  const duplicates = (hashes: readonly string[]): SqlStatement => {
    const p = parts(source);
    const list = p.b.add({ name: "ssj_hashes", type: "text[]", value: hashes });
    const text =
      `SELECT id, CAST(count(*) AS VARCHAR) AS n FROM (SELECT CAST(${p.id} AS VARCHAR) AS id FROM ${p.from}) s ` +
      `WHERE id IS NOT NULL AND list_contains(${list}, CAST(hash(id) AS VARCHAR)) GROUP BY id HAVING count(*) > 1 ORDER BY id`;
    return p.b.render(text, ["id", "n"]);
  };
  return { columns, rows, suspiciousIds, duplicateHashes, duplicates };
}

const num = (v: unknown) => Number(typeof v === "bigint" ? v : (v ?? 0));

/**
 * Refuses, as a whole and before any seed is used, a pool that breaks the §3 rules commitPool enforces
 * (docs/spec-v1.md §3: "a pool with a repeated id, an ill-formed id or a bad class is refused as a whole"): ids that
 * are not canonical text (`unit-id-canonical`), classes that are not one capital letter (`risk-class`), registration
 * dates that are not existing `YYYY-MM-DD` days (`civil-date`), ids that appear twice (`unique-ids`, across classes
 * too). `invalid-input` lists up to {@link LISTED_PER_RULE} rows per rule (by id, in text order; each issue's path is
 * `[id, field]`, where commitPool's is `[index, field]`: an engine row has no stable index) and counts all.
 */
export async function checkPoolInEngine(engine: Engine, source: SqlSource): Promise<void> {
  const q = poolCheckSql(source);
  const names = await engine.columnNames(q.columns());
  const dateColumn = (source.columns?.registrationDate ?? "registration_date").toLowerCase();
  const withDate = names.some((n) => n.toLowerCase() === dateColumn);
  const [r] = await engine.rows(q.rows(withDate), "validation");
  const issues: RuleIssue[] = [];
  const more = (rule: string, total: number, listed: number) => {
    if (total > listed) issues.push({ path: [], rule, clause: "docs/spec-v1.md §3", messageZh: `另有${total - listed}行违反同一规则（共${total}行）`, messageEn: `and ${total - listed} more rows break the same rule (${total} in all)` });
  };
  if (r !== undefined) {
    const classes = (r["classes"] as { id: string; v: string }[] | null) ?? [];
    for (const x of classes) issues.push(ruleIssue("risk-class", [x.id, "riskClass"], { value: x.v }));
    more("risk-class", num(r["n_class"]), classes.length);
    const dates = (r["dates"] as { id: string; v: string }[] | null) ?? [];
    for (const x of dates) issues.push(ruleIssue("civil-date", [x.id, "registrationDate"], { value: x.v }));
    more("civil-date", num(r["n_date"]), dates.length);
  }
  // ids SQL could not clear: judged by the pool-id rule itself, once per distinct value; counted in the scan above,
  // fetched only when there are any (issue 16: one scan of the pool fewer per call, ≈ 0.3 CPU s at 10⁷)
  let badIdRows = 0;
  let listedIds = 0;
  const suspicious = r === undefined || num(r["n_suspicious"]) > 0 ? await engine.rows(q.suspiciousIds(), "validation") : [];
  for (const row of suspicious) {
    const id = String(row["id"]);
    const why = poolIdProblem(id);
    if (why === undefined) continue;
    badIdRows += num(row["n"]);
    if (listedIds < LISTED_PER_RULE) {
      issues.push(unitIdIssue([id, "id"], why, id));
      listedIds++;
    }
  }
  more("unit-id-canonical", badIdRows, listedIds);
  const [g] = await engine.rows(q.duplicateHashes(), "validation");
  const groups = num(g?.["groups"]);
  if (groups > 0) {
    const hashes = ((g?.["hashes"] as unknown[] | null) ?? []).map((h) => String(h));
    const dups = await engine.rows(q.duplicates(hashes), "validation");
    // a 64-bit hash shared by two different ids is no duplicate: only the confirmed ids count
    const collisions = hashes.length - new Set(dups.map((d) => d["id"])).size;
    const listed = dups.slice(0, LISTED_PER_RULE);
    for (const d of listed) {
      issues.push(ruleIssue("unique-ids", [String(d["id"]), "id"], { value: d["id"], detailZh: `该标识出现${String(d["n"])}次`, detailEn: `this id appears ${String(d["n"])} times` }));
    }
    more("unique-ids", groups - Math.max(0, collisions), listed.length);
  }
  if (issues.length > 0) throw new ShuangsuijiError("invalid-input", cappedIssues(issues));
}
