import type { DrawTimeline } from "../records/DrawTimeline.js";
import type { PoolCommitment } from "./PoolCommitment.js";
import type { SamplingPolicy } from "./SamplingPolicy.js";
import type { SeedRecord } from "../seeds/SeedRecord.js";
import type { DrawUnit } from "./_pool.js";

/**
 * Inputs of {@link drawTargets}.
 *
 * @category Draw
 */
export interface DrawTargetsInput {
  /** The task (抽查任务) id; part of every ticket. */
  readonly taskId: string;
  /** The target pool: validated records (an {@link InspectionTarget} works), in any order. */
  readonly pool: Iterable<DrawUnit>;
  /** Strata, ratios or counts, rounding, caps. */
  readonly policy: SamplingPolicy;
  /** The seed, fixed after the commitment was published. */
  readonly seed: SeedRecord;
  /** {@link commitPool} of the same pool, made before the seed. */
  readonly commitment: PoolCommitment;
  /**
   * How the draw checks that the pool is the committed one: `"digest"` (default) recomputes the full multiset digest
   * (a second hash per unit); `"counts"` compares the unit count and every stratum and ineligibility count only, about
   * twice as fast — the digest is then checked by {@link verifyTargetDraw}, as every auditor does anyway.
   */
  readonly commitmentCheck?: "digest" | "counts";
  /** When the commitment was published and the seed fixed: recorded and checked (docs/spec-v1.md §5.6). */
  readonly timeline?: DrawTimeline;
}
