import type { DrawTimeline } from "./DrawTimeline.js";
import type { PoolCommitment } from "../targets/PoolCommitment.js";
import type { SamplingPolicy } from "../targets/SamplingPolicy.js";
import type { SeedRecord } from "../seeds/SeedRecord.js";

/**
 * One selected unit and its ticket.
 *
 * @category Draw
 */
export interface SelectedUnit {
  /** The unit's id. */
  readonly unitId: string;
  /** SHA-256 ticket, 64 hex digits. */
  readonly ticket: string;
}

/**
 * The draw of one stratum.
 *
 * @category Draw
 */
export interface StratumDraw {
  /** Credit-risk class. */
  readonly riskClass: string;
  /** Eligible units in the stratum. */
  readonly size: number;
  /** Units drawn. */
  readonly quota: number;
  /** How the quota was computed. */
  readonly quotaRule: string;
  /** Every eligible unit was taken (Longting art. 19: not random). */
  readonly census: boolean;
  /** The largest selected ticket: a unit of this stratum is selected exactly when its ticket ≤ threshold. */
  readonly threshold: string | null;
  /** The selected units in ticket order. */
  readonly selected: readonly SelectedUnit[];
}

/**
 * The frozen, self-contained record of a stage-1 target draw (发起部门统一抽取, Longting art. 19). With the pool, anyone can
 * re-run it byte for byte ({@link verifyTargetDraw}); without the pool, an enterprise can check its own ticket
 * ({@link verifyTicket}).
 *
 * @category Draw
 */
export interface TargetDrawRecord {
  /** Discriminant. */
  readonly kind: "target-draw";
  /** `shuangsuiji/stage1/v1`: the exact encoding and selection rule (docs/draw.md). */
  readonly algorithm: string;
  /** Task id, hashed into every ticket. */
  readonly taskId: string;
  /** The seed and its provenance. */
  readonly seed: SeedRecord;
  /** The pool commitment made before the seed. */
  readonly poolCommitment: PoolCommitment;
  /** The sampling policy. */
  readonly policy: SamplingPolicy;
  /** When the commitment was published and the seed fixed, if stated (docs/spec-v1.md §5.6). */
  readonly timeline?: DrawTimeline;
  /** Per-stratum results, classes in alphabetical order. */
  readonly strata: readonly StratumDraw[];
  /** Total selected. */
  readonly selectedCount: number;
  /** Whether the targets were drawn at random (`false` when every stratum was a census). */
  readonly random: boolean;
  /** SHA-256 of the canonical JSON of every other field. */
  readonly digest: string;
}
