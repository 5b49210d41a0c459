import { stratumQuota } from "../draw/computeQuota.js";
import type { DrawUnit } from "../draw/DrawUnit.js";
import type { SamplingPolicy } from "../draw/SamplingPolicy.js";
import { simulateInclusion, type InclusionCounts } from "./simulateInclusion.js";
import type { Sampler } from "./samplers.js";
import { adjacentPairTest, binomialBounds, inclusionChiSquare, type TestResult } from "./tests.js";

/**
 * The fairness assessment of one stratum.
 *
 * @category Statistics
 */
export interface StratumFairness {
  /** Credit-risk class. */
  readonly riskClass: string;
  /** Units in the stratum. */
  readonly size: number;
  /** Quota per draw. */
  readonly quota: number;
  /** Why no test ran (empty stratum, quota 0, census), if so. */
  readonly skipped?: string;
  /** Simulation counts. */
  readonly simulation?: InclusionCounts;
  /** The tests: marginal χ², binomial bounds, adjacent pairs. */
  readonly tests: readonly (TestResult & { readonly lower?: number; readonly upper?: number; readonly outliers?: readonly string[] })[];
}

/**
 * A fairness report over a pool and a policy.
 *
 * @category Statistics
 */
export interface FairnessReport {
  /** Runs per stratum. */
  readonly runs: number;
  /** Base seed of the simulation. */
  readonly baseSeed: string;
  /** Significance level. */
  readonly alpha: number;
  /** Per stratum. */
  readonly strata: readonly StratumFairness[];
  /** True when no test rejected. */
  readonly passed: boolean;
}

/**
 * Simulates the draw of each stratum of a pool under a policy (the real stage-1 algorithm, or a sampler under test) and
 * runs the marginal χ², the binomial bounds and the adjacent-pair test at level `alpha`. Units keep their input order,
 * which is what the adjacent-pair test looks at.
 *
 * @category Statistics
 * @example
 * ```ts
 * import { assessFairness } from "shuangsuiji/stats";
 * const pool = Array.from({ length: 200 }, (_, i) => ({ id: `U${i}`, riskClass: i < 100 ? "A" : "B" }));
 * const report = assessFairness({ pool, policy: { strata: { A: { ratio: 0.05 }, B: { ratio: 0.2 } } }, runs: 2000, baseSeed: "example" });
 * report.passed; // true
 * ```
 */
export function assessFairness(input: {
  readonly pool: readonly DrawUnit[];
  readonly policy: SamplingPolicy;
  readonly runs: number;
  readonly baseSeed: string;
  readonly alpha?: number;
  readonly sampler?: Sampler;
  readonly onProgress?: (stratum: string, done: number, total: number) => void;
}): FairnessReport {
  const alpha = input.alpha ?? 1e-4;
  const classes = [...new Set(input.pool.map((u) => u.riskClass))].sort();
  const strata: StratumFairness[] = classes.map((cls) => {
    const ids = input.pool.filter((u) => u.riskClass === cls).map((u) => u.id);
    const q = stratumQuota(input.policy, cls, ids.length);
    if (q.quota === 0) return { riskClass: cls, size: ids.length, quota: 0, skipped: input.policy.strata[cls] === undefined ? "no rule for this class" : "quota 0", tests: [] };
    if (q.census) return { riskClass: cls, size: ids.length, quota: q.quota, skipped: "census: every unit is taken, nothing random to test", tests: [] };
    const simulation = simulateInclusion({
      ids,
      k: q.quota,
      runs: input.runs,
      baseSeed: `${input.baseSeed}/${cls}`,
      ...(input.sampler === undefined ? {} : { sampler: input.sampler }),
      ...(input.onProgress === undefined ? {} : { onProgress: (d: number, t: number) => input.onProgress?.(cls, d, t) }),
    });
    const tests = [inclusionChiSquare(simulation, alpha), binomialBounds(simulation, alpha), ...(q.quota >= 2 && ids.length >= 3 ? [adjacentPairTest(simulation, alpha)] : [])];
    return { riskClass: cls, size: ids.length, quota: q.quota, simulation, tests };
  });
  return Object.freeze({ runs: input.runs, baseSeed: input.baseSeed, alpha, strata, passed: strata.every((s) => s.tests.every((t) => !t.rejected)) });
}
