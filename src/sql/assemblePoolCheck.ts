import { invalid, requireObject } from "../_internal/boundary.js";
import { ruleIssue } from "../errors/_drawRules.js";
import type { RuleIssue } from "../errors/ShuangsuijiError.js";
import { poolIdProblem, unitIdIssue } from "../draw/targets/_pool.js";
import { POOL_CHECK_LISTED } from "./generatePoolCheckSql.js";

type Rows = Iterable<Readonly<Record<string, unknown>>>;

/**
 * Input of {@link assemblePoolCheck}: the rows each statement of {@link generatePoolCheckSql} returned.
 *
 * @category SQL
 */
export interface AssemblePoolCheckInput {
  /** The one row of `summary`. */
  readonly summary: Iterable<Readonly<Record<string, unknown>>>;
  /** The rows of `badClasses`; required when the summary's `n_class` is not 0. */
  readonly badClasses?: Iterable<Readonly<Record<string, unknown>>>;
  /** The rows of `badDates`; required when the summary's `n_date` is not 0. */
  readonly badDates?: Iterable<Readonly<Record<string, unknown>>>;
  /** The rows of `suspiciousIds`; required when the summary's `n_suspicious` is not 0. */
  readonly suspiciousIds?: Iterable<Readonly<Record<string, unknown>>>;
  /** The rows of `duplicates`. */
  readonly duplicates: Iterable<Readonly<Record<string, unknown>>>;
  /** The row of `duplicateCount`; required when `duplicates` has {@link POOL_CHECK_LISTED} rows. */
  readonly duplicateCount?: Iterable<Readonly<Record<string, unknown>>>;
}

/**
 * The verdict of {@link assemblePoolCheck}: the pool passes the §3 pool rules, or it is refused as a whole with
 * `invalid-input` (commitPool's code for the same pool) and its issues.
 *
 * @category SQL
 */
export type PoolCheckVerdict = { readonly ok: true } | { readonly ok: false; readonly code: "invalid-input"; readonly issues: readonly RuleIssue[] };

const CLAUSE = "docs/spec-v1.md §3";

/** A count column: text (as generated) or a number; a non-negative integer, else `invalid-input`. */
function count(v: unknown, path: readonly (string | number)[]): number {
  const n = typeof v === "string" && /^[0-9]+$/.test(v) ? Number(v) : typeof v === "number" ? v : NaN;
  if (!Number.isSafeInteger(n) || n < 0) invalid(path, "expected a count (a non-negative integer, as text or a number)", "应为计数（非负整数）", v);
  return n;
}

function text(v: unknown, path: readonly (string | number)[]): string {
  if (typeof v !== "string") invalid(path, "expected text", "应为文本", v);
  return v;
}

const rowsOf = (rows: Rows | undefined, name: string): readonly Readonly<Record<string, unknown>>[] => {
  if (rows === undefined) return [];
  if (typeof rows !== "object" || rows === null || typeof (rows as Iterable<unknown>)[Symbol.iterator] !== "function") invalid([name], "expected the statement's rows (an iterable)", "应为语句返回的行（可迭代对象）", rows);
  return [...rows].map((r, i) => requireObject(r, [name, i]));
};

/** "and N more rows break the same rule", as DuckDB's check says it. */
function more(issues: RuleIssue[], rule: string, total: number, listed: number): void {
  if (total > listed) issues.push({ path: [], rule, clause: CLAUSE, messageZh: `另有${total - listed}行违反同一规则（共${total}行）`, messageEn: `and ${total - listed} more rows break the same rule (${total} in all)` });
}

/**
 * Turns the rows of {@link generatePoolCheckSql}'s statements into the verdict of the pool rules that commitPool
 * enforces (docs/spec-v1.md §3: "a pool with a repeated id, an ill-formed id or a bad class is refused as a whole"),
 * with the issues DuckDB's checks give: `unit-id-canonical` (each suspicious id judged by the library's own pool-id
 * rule, once per distinct value), `risk-class`, `civil-date`, `unique-ids` (across classes too). Up to
 * {@link POOL_CHECK_LISTED} rows are listed per rule, by id in code-point order (an issue's path is `[id, field]`: an
 * engine row has no stable index), and a last issue per rule counts the rest.
 *
 * @param raw - The rows of each statement, by the statement's name.
 * @returns `{ ok: true }`, or `{ ok: false, code: "invalid-input", issues }` (bilingual issues naming the id, the rule
 *   and the clause).
 * @throws {@link ShuangsuijiError} `invalid-input` when a row is malformed or a statement's rows that the summary
 *   requires are missing.
 * @category SQL
 * @example
 * ```ts
 * import { assemblePoolCheck } from "shuangsuiji";
 * const v = assemblePoolCheck({
 *   summary: [{ n_class: "1", n_date: "0", n_suspicious: "1" }],
 *   badClasses: [{ ssj_id: "U-1", ssj_value: "a" }],
 *   suspiciousIds: [{ ssj_id: "U-\u200b2", ssj_n: "1" }],
 *   duplicates: [],
 * });
 * v.ok; // false: risk-class and unit-id-canonical
 * ```
 */
export function assemblePoolCheck(raw: AssemblePoolCheckInput): PoolCheckVerdict {
  const input = requireObject(raw, [], { keep: (v: unknown) => typeof v === "object" && v !== null && typeof (v as Iterable<unknown>)[Symbol.iterator] === "function" && !Array.isArray(v) }) as unknown as AssemblePoolCheckInput;
  const summary = rowsOf(input.summary, "summary");
  if (summary.length !== 1) invalid(["summary"], "expected the summary statement's one row", "应为汇总语句的一行结果", summary.length);
  const s = summary[0] as Readonly<Record<string, unknown>>;
  const nClass = count(s["n_class"], ["summary", 0, "n_class"]);
  const nDate = count(s["n_date"], ["summary", 0, "n_date"]);
  const nSuspicious = count(s["n_suspicious"], ["summary", 0, "n_suspicious"]);
  const issues: RuleIssue[] = [];
  const listed = (name: "badClasses" | "badDates", rule: "risk-class" | "civil-date", field: string, total: number) => {
    const rows = rowsOf(input[name], name).slice(0, POOL_CHECK_LISTED);
    if (total > 0 && rows.length === 0) invalid([name], `the summary counts ${total} rows: give this statement's rows`, `汇总有${total}行：须给出该语句的结果`);
    rows.forEach((r, i) => issues.push(ruleIssue(rule, [text(r["ssj_id"], [name, i, "ssj_id"]), field], { value: text(r["ssj_value"], [name, i, "ssj_value"]) })));
    more(issues, rule, total, rows.length);
  };
  listed("badClasses", "risk-class", "riskClass", nClass);
  listed("badDates", "civil-date", "registrationDate", nDate);
  // ids SQL could not clear: judged by the pool-id rule itself (never a second copy of it in SQL)
  if (nSuspicious > 0 && input.suspiciousIds === undefined) invalid(["suspiciousIds"], `the summary counts ${nSuspicious} ids SQL cannot clear: run suspiciousIds and give its rows`, `汇总有${nSuspicious}个SQL无法判定的标识：须运行 suspiciousIds 并给出其结果`);
  const suspicious = rowsOf(input.suspiciousIds, "suspiciousIds")
    // in the statement's order: by id, code point by code point
    .map((r, i) => ({ id: text(r["ssj_id"], ["suspiciousIds", i, "ssj_id"]), n: count(r["ssj_n"], ["suspiciousIds", i, "ssj_n"]) }));
  let badIdRows = 0;
  let listedIds = 0;
  for (const { id, n } of suspicious) {
    const why = poolIdProblem(id);
    if (why === undefined) continue;
    badIdRows += n;
    if (listedIds < POOL_CHECK_LISTED) {
      issues.push(unitIdIssue([id, "id"], why, id));
      listedIds++;
    }
  }
  more(issues, "unit-id-canonical", badIdRows, listedIds);
  const dups = rowsOf(input.duplicates, "duplicates").slice(0, POOL_CHECK_LISTED);
  dups.forEach((r, i) => {
    const id = text(r["ssj_id"], ["duplicates", i, "ssj_id"]);
    const n = count(r["ssj_n"], ["duplicates", i, "ssj_n"]);
    issues.push(ruleIssue("unique-ids", [id, "id"], { value: id, detailZh: `该标识出现${n}次`, detailEn: `this id appears ${n} times` }));
  });
  if (dups.length === POOL_CHECK_LISTED) {
    const c = rowsOf(input.duplicateCount, "duplicateCount");
    if (c.length !== 1) invalid(["duplicateCount"], `duplicates listed ${POOL_CHECK_LISTED} ids: run duplicateCount and give its one row`, `重复标识已列出${POOL_CHECK_LISTED}个：须运行 duplicateCount 并给出其一行结果`);
    more(issues, "unique-ids", count((c[0] as Readonly<Record<string, unknown>>)["ssj_n"], ["duplicateCount", 0, "ssj_n"]), dups.length);
  }
  return issues.length === 0 ? Object.freeze({ ok: true as const }) : Object.freeze({ ok: false as const, code: "invalid-input" as const, issues: Object.freeze(issues) });
}
