import type { PoolCommitment } from "../draw/targets/PoolCommitment.js";
import type { Eligibility, Exclusion } from "../draw/targets/SamplingPolicy.js";
import { poolConfig, toCommitment } from "./_seam.js";
import { requireObject } from "../_internal/boundary.js";
import { stateFromRows, type SqlRow } from "./_rows.js";

/**
 * Input of {@link assemblePoolCommitment}.
 *
 * @category SQL
 */
export interface AssemblePoolCommitmentInput {
  /** The rows of {@link generateCommitmentSql} (check `"digest"`), from one engine or from every shard concatenated. */
  readonly rows: Iterable<Readonly<Record<string, unknown>>>;
  /** The same eligibility the SQL was generated with. */
  readonly eligibility?: Eligibility;
  /** The same exclusions the SQL was generated with. */
  readonly exclusions?: readonly Exclusion[];
}

/**
 * Assembles the {@link PoolCommitment} from the engine's commitment rows: the word sums carried into the multiset sum
 * modulo 2²⁵⁶, the counts per stratum and per ineligibility reason — the same value commitPool computes from the same
 * pool, so it is published and checked exactly like one (docs/draw.md, seed discipline). Rows of several shards may
 * be given together: the sum is order-independent.
 *
 * @param raw - The rows of {@link generateCommitmentSql}'s statement (any iterable), and the same `eligibility` and
 *   `exclusions`.
 * @returns The pool commitment, identical to {@link commitPool} over the same units.
 * @throws {@link ShuangsuijiError} `invalid-input` when a row is malformed (every bad row listed) or the eligibility or
 *   exclusions are malformed.
 * @category SQL
 * @example
 * ```ts
 * import { assemblePoolCommitment, commitPool } from "shuangsuiji";
 * const c = assemblePoolCommitment({ rows: [] });
 * c.digest === commitPool([]).digest; // true: the empty pool
 * ```
 */
export function assemblePoolCommitment(raw: AssemblePoolCommitmentInput): PoolCommitment {
  const input = requireObject(raw, [], { streams: ["rows"] }) as unknown as AssemblePoolCommitmentInput;
  const config = poolConfig({ ...(input.eligibility === undefined ? {} : { eligibility: input.eligibility }), ...(input.exclusions === undefined ? {} : { exclusions: input.exclusions }) });
  return toCommitment(stateFromRows(input.rows as Iterable<SqlRow>, true, ["rows"]), config);
}
