import { requireObject, readPlain } from "../_internal/boundary.js";
import type { Eligibility, Exclusion } from "../draw/targets/SamplingPolicy.js";
import { FRAGMENTS, USCC_BYTES, builder, checkDialect, unitsParts, unitsRelation } from "./_sql.js";

const CH_WORDS = [0, 1, 2, 3, 4, 5, 6, 7] as const;
import { poolConfig } from "./_seam.js";
import type { SqlDialect, SqlSource, SqlStatement } from "./SqlStatement.js";

/**
 * Input of {@link generateCommitmentSql}.
 *
 * @category SQL
 */
export interface CommitmentSqlInput {
  /** Target dialect. */
  readonly dialect: SqlDialect;
  /** Where the pool is. */
  readonly source: SqlSource;
  /** Eligibility filters (Yanshi 7.2), as for commitPool. */
  readonly eligibility?: Eligibility;
  /** Units excluded by name, as for commitPool. */
  readonly exclusions?: readonly Exclusion[];
  /**
   * `"digest"` (default) sums every unit's commitment hash; `"counts"` only counts units per stratum and reason — the
   * cheap check a draw may run against a published commitment (the digest is then checked by every verifier).
   */
  readonly check?: "digest" | "counts";
}

/**
 * The pool commitment as SQL (docs/draw.md, "pool commitment"): one row per (risk class, eligibility) with the unit
 * count and, per big-endian word, the sum of the units' SHA-256(len‖id ‖ len‖class ‖ len‖reason) — the engine sums
 * words exactly (bigint, numeric, hugeint), {@link assemblePoolCommitment} carries them into the sum modulo 2²⁵⁶.
 * Columns: `risk_class, reason, units` and the sums, all text: `w0 … w7` (the digest's big-endian 32-bit words:
 * PostgreSQL, ClickHouse) or `b160, b128, b32, b0` (DuckDB: each 128-bit half parsed once, its top 96 and low 32 bits
 * summed; `b<shift>` weighs 2^shift); `reason` is '' for eligible units. Rules and exclusions are bound
 * parameters, never spliced into the text.
 *
 * @param raw - The `dialect`, the `source` (a table and its columns, or a relation), the `eligibility` and
 *   `exclusions`, and `check` (`"digest"` or `"counts"`).
 * @returns The statement: SQL text with placeholders, its parameters and its result columns.
 * @throws {@link ShuangsuijiError} `invalid-argument` when the dialect is unknown or the source is unusable (not
 *   exactly one of table and relation, an empty table or column name, a placeholder without a parameter).
 * @throws {@link ShuangsuijiError} `invalid-input` when the input or the eligibility or exclusions are malformed.
 * @category SQL
 * @example
 * ```ts
 * import { generateCommitmentSql } from "shuangsuiji";
 * const q = generateCommitmentSql({ dialect: "postgresql", source: { table: "units" }, exclusions: [{ unitId: "U9", reason: "已列入重点监管" }] });
 * q.params[0]; // { name: "excluded_ids", type: "text[]", value: ["U9"] }
 * ```
 */
export function generateCommitmentSql(raw: CommitmentSqlInput): SqlStatement {
  const input = readPlain(requireObject(raw, []), []) as unknown as CommitmentSqlInput;
  requireObject(input.source, ["source"]);
  const b = builder(checkDialect(input.dialect));
  const config = poolConfig({ ...(input.eligibility === undefined ? {} : { eligibility: input.eligibility }), ...(input.exclusions === undefined ? {} : { exclusions: input.exclusions }) });
  const { f } = b;
  const counts = ["risk_class", "reason", "units"];
  if (b.f === FRAGMENTS.clickhouse) {
    // one SELECT over the table (no subquery): through a Distributed table each shard runs it whole (docs/scale.md)
    const u = unitsParts(b, { source: input.source, eligibility: config.eligibility, exclusions: config.exclusions });
    const head = `SELECT ${u.cls} AS risk_class, ${u.reason} AS reason, ${f.countText} AS units`;
    const tail = `FROM ${u.from} GROUP BY risk_class, reason ORDER BY risk_class, reason`;
    if (input.check === "counts") return b.render(`${head} ${tail}`, counts);
    const element = f.concat(f.be32Length(u.id), u.id, f.be32Length("risk_class"), "risk_class", f.be32Length("reason"), "reason");
    const sums = CH_WORDS.map((i) => `toString(sum(reinterpretAsUInt32(reverse(substring(${i === 0 ? `(SHA256(${element}) AS ssj_d)` : "ssj_d"}, ${1 + 4 * i}, 4))))) AS w${i}`);
    return b.render(`${head}, ${sums.join(", ")} ${tail}`, [...counts, ...CH_WORDS.map((i) => `w${i}`)]);
  }
  const units = unitsRelation(b, { source: input.source, eligibility: config.eligibility, exclusions: config.exclusions });
  if (input.check === "counts") {
    return b.render(`SELECT risk_class, reason, ${f.countText} AS units FROM (${units}) u GROUP BY risk_class, reason ORDER BY risk_class, reason`, counts);
  }
  // the likely lengths (a USCC's 18 bytes, one class letter, an eligible unit's empty reason) as constants (issue 16)
  const element = f.concat(f.be32Length(f.utf8("id"), USCC_BYTES), f.utf8("id"), f.be32Length(f.utf8("risk_class"), 1), f.utf8("risk_class"), f.be32Length(f.utf8("reason"), 0), f.utf8("reason"));
  const parts = (f.digestParts as NonNullable<typeof f.digestParts>)(element, units);
  const text =
    `SELECT risk_class, reason, ${f.countText} AS units, ${parts.sums.map(([c, sum]) => `${sum} AS ${c}`).join(", ")} ` +
    `FROM (${parts.relation}) h GROUP BY risk_class, reason ORDER BY risk_class, reason`;
  return b.render(text, [...counts, ...parts.sums.map(([c]) => c)]);
}
