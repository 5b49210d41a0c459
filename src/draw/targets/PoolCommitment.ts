import type { Eligibility, Exclusion } from "./SamplingPolicy.js";

/**
 * A commitment to the canonical target pool, computed **before** the seed exists and stored in the draw record
 * (seed discipline: the pool cannot be chosen to suit a known seed). `digest` covers the multiset of units (id, class,
 * registration date, status, district — order-independent), their count and the eligibility rules; `strata` gives the
 * eligible size of each credit-risk class, which fixes every quota before drawing.
 *
 * @category Draw
 */
export interface PoolCommitment {
  /** `shuangsuiji/pool/v1`. */
  readonly algorithm: string;
  /** SHA-256, hex. */
  readonly digest: string;
  /** Units in the pool. */
  readonly unitCount: number;
  /** Eligible units. */
  readonly eligibleCount: number;
  /** Eligible units per credit-risk class. */
  readonly strata: Readonly<Record<string, number>>;
  /** Ineligible units per reason. */
  readonly ineligible: Readonly<Record<string, number>>;
  /** The eligibility filters applied (Yanshi 7.2). */
  readonly eligibility: Eligibility;
  /** Units excluded by name, with reasons, sorted by id. */
  readonly exclusions: readonly Exclusion[];
  /** Internal mergeable state (multiset sum), for shards. */
  readonly state: { readonly sum: string; readonly unitCount: number; readonly strata: Readonly<Record<string, number>>; readonly ineligible: Readonly<Record<string, number>> };
}
