import type { SelectedUnit } from "../records/TargetDrawRecord.js";

/**
 * The partial result of drawing one shard of a pool: its share of the commitment and, per stratum, its best
 * candidates (at most the stratum's quota). Shards drawn separately — on several machines, or as SQL partitions —
 * merge with {@link mergeTargetShards} into exactly the single-pass record.
 *
 * @category Draw
 */
export interface TargetDrawShard {
  /** Discriminant. */
  readonly kind: "target-draw-shard";
  /** Stage-1 algorithm version. */
  readonly algorithm: string;
  /** Task id. */
  readonly taskId: string;
  /** Seed value, hex. */
  readonly seed: string;
  /** This shard's multiset sum and counts. */
  readonly state: { readonly sum: string; readonly unitCount: number; readonly strata: Readonly<Record<string, number>>; readonly ineligible: Readonly<Record<string, number>> };
  /** Whether `state.sum` was computed (`digest`) or only the counts (`counts`). */
  readonly commitmentCheck: "digest" | "counts";
  /** Best candidates per stratum, in ticket order. */
  readonly candidates: Readonly<Record<string, readonly SelectedUnit[]>>;
}
