import { requireObject } from "../_internal/boundary.js";
import type { PoolCommitment } from "../draw/targets/PoolCommitment.js";
import type { SamplingPolicy } from "../draw/targets/SamplingPolicy.js";
import type { SeedRecord } from "../draw/seeds/SeedRecord.js";
import { USCC_BYTES, builder, checkDialect, unitsParts } from "./_sql.js";
import { setupStage1, ticketPrefixHex } from "./_seam.js";
import type { SqlDialect, SqlSource, SqlStatement } from "./SqlStatement.js";

/**
 * Input of {@link generateSelectionSql}: the draw's inputs, as for drawTargets, without the pool.
 *
 * @category SQL
 */
export interface SelectionSqlInput {
  /** Target dialect. */
  readonly dialect: SqlDialect;
  /** Where the pool is. */
  readonly source: SqlSource;
  /** The task (抽查任务) id; part of every ticket. */
  readonly taskId: string;
  /** Strata, ratios or counts. */
  readonly policy: SamplingPolicy;
  /** The seed, fixed after the commitment was published. */
  readonly seed: SeedRecord;
  /** The published commitment: it fixes the quotas and the eligibility rules. */
  readonly commitment: PoolCommitment;
  /**
   * Keep only tickets at most a per-stratum bound before ranking (default true): the bound is the quantile
   * (quota + 8·√quota + 64) / size of the uniform ticket space, so about that many units survive and the ranking sorts
   * thousands of rows instead of 10⁸. Exact whenever at least `quota` units survive — the quota smallest tickets are
   * then all below the bound; fewer survive with probability below 10⁻¹⁵, and {@link assembleTargetDraw} then refuses
   * the rows (rule `engine-rows-short`) so the caller reruns with `prefilter: false`.
   */
  readonly prefilter?: boolean;
}

const TICKET_SPACE = 1n << 256n;

/** The prefilter bound of a stratum, 64 hex digits: floor(2²⁵⁶ · (k + 8√k + 64) / n), capped at the largest ticket. */
function ticketBound(quota: number, size: number): string {
  const keep = BigInt(quota + Math.ceil(8 * Math.sqrt(quota)) + 64);
  const n = BigInt(Math.max(size, 1));
  const b = keep >= n ? TICKET_SPACE - 1n : (TICKET_SPACE * keep) / n;
  return b.toString(16).padStart(64, "0");
}

/**
 * The stage-1 selection as SQL (docs/draw.md): each eligible unit's ticket SHA-256(len‖tag ‖ len‖seed ‖ len‖task ‖
 * len‖id) as 64 hex digits, and per stratum the `quota` smallest, ordered by ticket then by the id's UTF-8 bytes (two
 * units can tie only if their ids are equal, which the draw refuses). Columns `risk_class, id, ticket`, ordered. The
 * quotas are fixed from the commitment before any unit is read, exactly as drawTargets fixes them.
 *
 * A prefilter (see `prefilter`) keeps only the tickets below a per-stratum bound before ranking, so the ranking
 * sorts about the quotas, not the pool. PostgreSQL ranks with `row_number()` and returns exactly the quotas; DuckDB
 * returns every ticket below its stratum's bound, in order (about quota + 8√quota + 64 per stratum: the assembly keeps
 * the quota), and ranks with `QUALIFY row_number()` only without the prefilter; ClickHouse (no window functions before 21.x) returns the `max quota` smallest per class
 * with `LIMIT n BY` — per shard when run through a Distributed table, in one SELECT over the table — and
 * {@link assembleTargetShard} keeps each
 * class's quota. That `n` is the only number written into a text: ClickHouse 18 accepts only a literal there.
 *
 * @param raw - The `dialect`, the `source`, the draw's `taskId`, `policy`, `seed` and `commitment`, and `prefilter`
 *   (default on).
 * @returns The statement: SQL text with placeholders, its parameters and its result columns.
 * @throws {@link ShuangsuijiError} `invalid-argument` when the dialect is unknown or the source is unusable (not
 *   exactly one of table and relation, an empty table or column name, a placeholder without a parameter).
 * @throws {@link ShuangsuijiError} `invalid-input` when the input is malformed (the policy, the commitment's shape, the
 *   seed's provenance).
 * @throws {@link ShuangsuijiError} `seed-too-weak` when the seed is not a valid {@link SeedRecord} of at least 128
 *   bits.
 * @throws {@link ShuangsuijiError} `unsupported-algorithm` when the commitment was made by another algorithm version.
 * @category SQL
 * @example
 * ```ts
 * import { commitPool, createSeed, generateSelectionSql } from "shuangsuiji";
 * const pool = [{ id: "U1", riskClass: "A" }, { id: "U2", riskClass: "A" }];
 * const seed = createSeed("0123456789abcdef0123456789abcdef", { kind: "other", description: "example" });
 * const q = generateSelectionSql({ dialect: "duckdb", source: { table: "units" }, taskId: "T-1", policy: { strata: { A: { count: 1 } } }, seed, commitment: commitPool(pool) });
 * q.columns; // ["risk_class", "id", "ticket"]
 * ```
 */
export function generateSelectionSql(raw: SelectionSqlInput): SqlStatement {
  const input = requireObject(raw, []) as unknown as SelectionSqlInput;
  const dialect = checkDialect(input.dialect);
  const setup = setupStage1(input);
  const b = builder(dialect);
  const { f } = b;
  // the units relation adds the source's and the rules' parameters, so it is built once, first, whichever the dialect
  const parts = unitsParts(b, { source: input.source, eligibility: setup.config.eligibility, exclusions: setup.config.exclusions });
  const units = () => `SELECT ${parts.id} AS id, ${parts.cls} AS risk_class, ${parts.reason} AS reason FROM ${parts.from}`;
  const drawn = [...setup.quotas].filter(([, q]) => q.quota > 0);
  const classes = b.add({ name: "classes", type: "text[]", value: drawn.map(([c]) => c) });
  const prefix = b.add({ name: "ticket_prefix", type: "text", value: ticketPrefixHex(setup.seed.value, setup.taskId) });
  const ticket = f.sha256Hex(f.prefixed(prefix, f.utf8("id"), USCC_BYTES));
  const columns = ["risk_class", "id", "ticket"];
  if (dialect === "clickhouse") {
    // one SELECT over the table (no subquery): through a Distributed table each shard hashes, filters and keeps its own
    // `most` smallest per class; the assembly merges the shards' lists (docs/scale.md)
    const u = parts;
    const most = Math.max(0, ...drawn.map(([, q]) => q.quota));
    const bound = input.prefilter === false ? "" : ` AND ticket <= ${f.pick(classes, b.add({ name: "ticket_bounds", type: "text[]", value: drawn.map(([c, q]) => ticketBound(q.quota, setup.commitment.strata[c] ?? 0)) }), "risk_class")}`;
    return b.render(
      `SELECT ${u.cls} AS risk_class, ${u.id} AS id, ${ticket} AS ticket FROM ${u.from} WHERE ${u.reason} = '' AND ${f.contains(classes, "risk_class")}${bound} ` +
        `ORDER BY risk_class, ticket, id LIMIT ${most} BY risk_class`,
      columns,
    );
  }
  if (dialect === "duckdb") {
    const all = `SELECT risk_class, id, ${ticket} AS ticket FROM (${units()}) u WHERE reason = ''`;
    if (input.prefilter === false) {
      const quotas = b.add({ name: "quotas", type: "integer[]", value: drawn.map(([, q]) => q.quota) });
      return b.render(
        `WITH q AS (SELECT unnest(${classes}) AS risk_class, unnest(${quotas}) AS quota) ` +
          `SELECT t.risk_class, t.id, t.ticket FROM (${all}) t JOIN q ON q.risk_class = t.risk_class ` +
          `QUALIFY row_number() OVER (PARTITION BY t.risk_class ORDER BY t.ticket, ${f.utf8("t.id")}) <= q.quota ORDER BY t.risk_class, t.ticket, ${f.utf8("t.id")}`,
        columns,
      );
    }
    // issue 16: one constant bound (the largest stratum bound) filters every ticket where it is computed, so the join to
    // the ≤ 26-row table of per-stratum bounds sees ≈ the quotas, not the pool; no window: the rows below the bounds
    // (≈ quota + 8√quota + 64 per stratum) come back in ticket order and the assembly keeps each stratum's quota, as it
    // does for ClickHouse's LIMIT BY (≈ 3 CPU s less at 10⁷ than QUALIFY row_number() after a join of every ticket)
    const stratumBounds = drawn.map(([c, q]) => ticketBound(q.quota, setup.commitment.strata[c] ?? 0));
    const bounds = b.add({ name: "ticket_bounds", type: "text[]", value: stratumBounds });
    const top = b.add({ name: "ticket_bound", type: "text", value: stratumBounds.reduce((m, x) => (x > m ? x : m), "") });
    return b.render(
      `WITH q AS (SELECT unnest(${classes}) AS risk_class, unnest(${bounds}) AS bound) ` +
        `SELECT t.risk_class, t.id, t.ticket FROM (${all}) t JOIN q ON q.risk_class = t.risk_class AND t.ticket <= q.bound WHERE t.ticket <= ${top} ` +
        `ORDER BY t.risk_class, t.ticket, ${f.utf8("t.id")}`,
      columns,
    );
  }
  let tickets = `SELECT risk_class, id, ${ticket} AS ticket FROM (${units()}) u WHERE reason = '' AND ${f.contains(classes, "risk_class")}`;
  if (input.prefilter !== false) {
    const bounds = b.add({ name: "ticket_bounds", type: "text[]", value: drawn.map(([c, q]) => ticketBound(q.quota, setup.commitment.strata[c] ?? 0)) });
    tickets = `SELECT risk_class, id, ticket FROM (${tickets}) t0 WHERE ticket <= ${f.pick(classes, bounds, "risk_class")}`;
  }
  const quotas = b.add({ name: "quotas", type: "integer[]", value: drawn.map(([, q]) => q.quota) });
  const q = `SELECT * FROM unnest(${classes}, ${quotas}) AS q(risk_class, quota)`;
  const text =
    `WITH q AS (${q}), r AS (SELECT t.risk_class, t.id, t.ticket, row_number() OVER (PARTITION BY t.risk_class ORDER BY t.ticket, ${f.utf8("t.id")}) AS rk FROM (${tickets}) t) ` +
    `SELECT r.risk_class, r.id, r.ticket FROM r JOIN q ON q.risk_class = r.risk_class WHERE r.rk <= q.quota ORDER BY r.risk_class, r.ticket, ${f.utf8("r.id")}`;
  return b.render(text, columns);
}
