import { deepFreeze } from "../_internal/deepFreeze.js";
import { invalid, isPlainObject, own } from "../_internal/boundary.js";
import { parseModel } from "../model/parseModel.js";
import { SamplingPolicySchema } from "../draw/targets/SamplingPolicy.js";
import { MAX_UNITS, MAX_WORK, alphaArg, readWithFunctions, runsArg, seedArg } from "./_validate.js";
import { stratumQuota } from "../draw/targets/computeQuota.js";
import type { DrawUnit } from "../draw/targets/DrawUnit.js";
import type { SamplingPolicy } from "../draw/targets/SamplingPolicy.js";
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
  /**
   * The tests: marginal χ², binomial bounds, adjacent pairs — each run at the per-test level `testAlpha` of the report
   * (its `alpha`, and `rejected` = `pValue < testAlpha`), with its raw `pValue` and its Bonferroni-adjusted p-value.
   */
  readonly tests: readonly ReportTest[];
}

/**
 * One test of a {@link FairnessReport}: the test's own result at the report's per-test level, and its p-value adjusted
 * for the number of tests in the report.
 *
 * @category Statistics
 */
export type ReportTest = TestResult & {
  /** Bonferroni-adjusted p-value: min(1, m · `pValue`), m the number of tests in the report; rejected ⇔ below the report's `alpha`. */
  readonly adjustedPValue: number;
  /** Binomial bounds only: the band every count must lie in, and the units outside it. */
  readonly lower?: number;
  readonly upper?: number;
  readonly outliers?: readonly string[];
};

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
  /**
   * Family-wise significance level of the whole report: a fair sampler fails the report (some test rejects) with
   * probability at most `alpha` (Bonferroni over all its tests).
   */
  readonly alpha: number;
  /** How the family-wise level is kept: each of the `testCount` tests runs at `alpha / testCount`. */
  readonly correction: "bonferroni";
  /** Number of tests run over all strata (m). */
  readonly testCount: number;
  /** The level each test runs at: `alpha / testCount` (`alpha` when no test ran). */
  readonly testAlpha: number;
  /** Per stratum. */
  readonly strata: readonly StratumFairness[];
  /** True when no test rejected at `testAlpha` — the family-wise verdict at `alpha`. */
  readonly passed: boolean;
}

/**
 * Simulates the draw of each stratum of a pool under a policy (the real stage-1 algorithm, or a sampler under test) and
 * runs the marginal χ², the binomial bounds and the adjacent-pair test. `alpha` is the family-wise level of the whole
 * report: with m tests over all strata, each runs at α/m (Bonferroni), so a fair sampler fails the report with
 * probability at most α (docs/fairness.md "One verdict, one α"). Units keep their input order, which is what the
 * adjacent-pair test looks at.
 *
 * @param input - The pool (units with `id` and `riskClass`, in input order), the sampling policy, `runs` per stratum,
 *   `baseSeed`, and optionally `alpha` (the report's family-wise level, default 1e-4), a `sampler` under test and an
 *   `onProgress` callback.
 * @returns The report: every test of every stratum with its raw and adjusted p-value, the per-test level α/m, and
 *   `passed` when none rejected.
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-input` when an argument is malformed or out
 *   of its limits (the policy, the pool, `runs`, `alpha`, `baseSeed`, runs × units over the work limit), or a `sampler`
 *   returns anything but k distinct indices in range.
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
  const o = readWithFunctions(input, ["input"], ["sampler", "onProgress"]);
  const alpha = o.alpha === undefined ? 1e-4 : alphaArg(o.alpha, ["input", "alpha"]);
  const runs = runsArg(o.runs, ["input", "runs"]);
  const baseSeed = seedArg(o.baseSeed, ["input", "baseSeed"]);
  const policy = parseModel(SamplingPolicySchema, o.policy, "SamplingPolicy") as SamplingPolicy;
  const pool = o.pool;
  if (!Array.isArray(pool) || pool.length > MAX_UNITS) invalid(["input", "pool"], `expected an array of at most ${MAX_UNITS} units`, `应为不超过${MAX_UNITS}个单位的数组`, pool);
  (pool as unknown[]).forEach((u, i) => {
    if (!isPlainObject(u) || typeof u.id !== "string" || typeof u.riskClass !== "string") invalid(["input", "pool", i], "expected a unit { id, riskClass }", "应为单位 { id, riskClass }", u);
  });
  const units = pool as DrawUnit[];
  if (runs * Math.max(1, units.length) > MAX_WORK) invalid(["input", "runs"], `runs × units exceeds ${MAX_WORK}`, `runs与单位数之积超过${MAX_WORK}`, runs, "input-limit");
  const sampler = o.sampler as Sampler | undefined;
  const onProgress = o.onProgress as ((stratum: string, done: number, total: number) => void) | undefined;
  const classes = [...new Set(units.map((u) => u.riskClass))].sort();
  const plans = classes.map((cls) => {
    const ids = units.filter((u) => u.riskClass === cls).map((u) => u.id);
    return { cls, ids, q: stratumQuota(policy, cls, ids.length) };
  });
  // The tests each stratum will run are known before any simulation: the family size m and the per-test level α/m.
  const testsOf = (p: (typeof plans)[number]) => (p.q.quota === 0 || p.q.census ? 0 : p.q.quota >= 2 && p.ids.length >= 3 ? 3 : 2);
  const testCount = plans.reduce((n, p) => n + testsOf(p), 0);
  const testAlpha = alpha / Math.max(1, testCount);
  const adjust = <T extends TestResult>(t: T): T & { readonly adjustedPValue: number } => ({ ...t, adjustedPValue: Math.min(1, testCount * t.pValue) });
  const strata: StratumFairness[] = plans.map(({ cls, ids, q }) => {
    if (q.quota === 0) return { riskClass: cls, size: ids.length, quota: 0, skipped: own(policy.strata, cls) === undefined ? "no rule for this class" : "quota 0", tests: [] };
    if (q.census) return { riskClass: cls, size: ids.length, quota: q.quota, skipped: "census: every unit is taken, nothing random to test", tests: [] };
    const simulation = simulateInclusion({
      ids,
      k: q.quota,
      runs,
      baseSeed: `${baseSeed}/${cls}`,
      ...(sampler === undefined ? {} : { sampler }),
      ...(onProgress === undefined ? {} : { onProgress: (d: number, t: number) => onProgress(cls, d, t) }),
    });
    const tests = [
      adjust(inclusionChiSquare(simulation, testAlpha)),
      adjust(binomialBounds(simulation, testAlpha)),
      ...(q.quota >= 2 && ids.length >= 3 ? [adjust(adjacentPairTest(simulation, testAlpha))] : []),
    ];
    return { riskClass: cls, size: ids.length, quota: q.quota, simulation, tests };
  });
  return deepFreeze({ runs, baseSeed, alpha, correction: "bonferroni" as const, testCount, testAlpha, strata, passed: strata.every((s) => s.tests.every((t) => !t.rejected)) });
}
