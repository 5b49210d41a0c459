import { invalid, isPlainObject, readPlain, requireFinite, requireInteger } from "../_internal/boundary.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { MAX_UNITS, alphaArg, probabilityArg, resultsArg, simArg } from "./_validate.js";
import { binomialCdf, chiSquareSf, normalQuantile } from "./_dist.js";
import { adjacentLaw, sumTails } from "./_adjacent.js";
import { binomial, type InclusionCounts } from "./simulateInclusion.js";

/**
 * The outcome of one statistical test.
 *
 * @category Statistics
 */
export interface TestResult {
  /** Test name. */
  readonly test: string;
  /** The statistic. */
  readonly statistic: number;
  /** Degrees of freedom, where the test has them. */
  readonly df?: number;
  /** p-value. */
  readonly pValue: number;
  /** Significance level used. */
  readonly alpha: number;
  /** `pValue < alpha`. */
  readonly rejected: boolean;
  /** How to read it. */
  readonly note: string;
}

const result = (r: TestResult): TestResult => Object.freeze(r);

/**
 * Marginal inclusion: the scaled chi-square for sampling without replacement,
 * X² = ((N−1)/N)·Σ(Cᵢ − Rπ)² / (Rπ(1−π)) ~ χ²(N−1) (the inclusion counts of simple random sampling without
 * replacement have covariance −Rπ(1−π)/(N−1), hence the factors; the plain Pearson statistic is miscalibrated here —
 * docs/fairness.md).
 *
 * @param sim - Counts from {@link simulateInclusion}.
 * @param alpha - Significance level (default 1e-4).
 * @returns The X² statistic, its degrees of freedom and p-value, and the verdict.
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-input` when `sim` is not valid counts or
 *   `alpha` is not in (0, 1).
 * @category Statistics
 * @example
 * ```ts
 * import { inclusionChiSquare, simulateInclusion } from "shuangsuiji/stats";
 * const sim = simulateInclusion({ ids: Array.from({ length: 50 }, (_, i) => `U${i}`), k: 5, runs: 2000, baseSeed: "x" });
 * inclusionChiSquare(sim, 1e-4).rejected; // false for a fair sampler
 * ```
 */
export function inclusionChiSquare(sim: InclusionCounts, alpha = 1e-4): TestResult {
  sim = simArg(sim);
  alpha = alphaArg(alpha, ["alpha"]);
  const N = sim.ids.length;
  const pi = sim.k / N;
  const e = sim.runs * pi;
  let s = 0;
  for (const c of sim.counts) s += (c - e) ** 2;
  const x2 = ((N - 1) / N) * (s / (e * (1 - pi)));
  const p = chiSquareSf(x2, N - 1);
  return result({ test: "inclusion chi-square (SRSWOR-scaled)", statistic: x2, df: N - 1, pValue: p, alpha, rejected: p < alpha, note: `π = ${Number(pi.toPrecision(4))}, expected count ${e.toFixed(1)} per unit` });
}

/**
 * Per-unit binomial bounds with Bonferroni over N units: each Cᵢ ~ Bin(R, π); a unit outside the two-sided
 * 1 − α/N interval is flagged (catches "the last unit is never drawn" and off-by-one errors).
 *
 * @param sim - Counts from {@link simulateInclusion}.
 * @param alpha - Family significance level, Bonferroni over the units (default 1e-4).
 * @returns The bounds every count must lie in, the units outside them, and the verdict.
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-input` when `sim` is not valid counts or
 *   `alpha` is not in (0, 1).
 * @category Statistics
 * @example
 * ```ts
 * import { binomialBounds, simulateInclusion } from "shuangsuiji/stats";
 * const sim = simulateInclusion({ ids: ["a", "b", "c", "d"], k: 1, runs: 400, baseSeed: "x" });
 * binomialBounds(sim).outliers; // []
 * ```
 */
export function binomialBounds(sim: InclusionCounts, alpha = 1e-4): TestResult & { readonly lower: number; readonly upper: number; readonly outliers: readonly string[] } {
  sim = simArg(sim);
  alpha = alphaArg(alpha, ["alpha"]);
  const N = sim.ids.length;
  const pi = sim.k / N;
  const a = alpha / N / 2;
  // smallest count with CDF ≥ a, and largest with upper tail ≥ a (binary searches: the CDF is monotone)
  const search = (ok: (c: number) => boolean, lo: number, hi: number, first: boolean) => {
    while (lo < hi) {
      const mid = first ? (lo + hi) >> 1 : (lo + hi + 1) >> 1;
      if (ok(mid) === first) hi = first ? mid : mid - 1;
      else lo = first ? mid + 1 : mid;
    }
    return lo;
  };
  const lower = search((c) => binomialCdf(c, sim.runs, pi) >= a, 0, sim.runs, true);
  const upper = search((c) => 1 - binomialCdf(c - 1, sim.runs, pi) >= a, 0, sim.runs, false);
  const outliers = sim.ids.filter((_, i) => (sim.counts[i] as number) < lower || (sim.counts[i] as number) > upper);
  const worst = Math.min(...sim.counts.map((c) => Math.min(binomialCdf(c, sim.runs, pi), 1 - binomialCdf(c - 1, sim.runs, pi))));
  const p = Math.min(1, 2 * N * worst);
  return Object.freeze({
    ...result({ test: "per-unit binomial bounds (Bonferroni)", statistic: worst, pValue: p, alpha, rejected: outliers.length > 0, note: `each count must lie in [${lower}, ${upper}]` }),
    lower,
    upper,
    outliers,
  });
}

/**
 * Adjacent-pair co-selection: under simple random sampling the number of input-order neighbours both selected in one
 * run has an exact law (k − B, B the number of blocks of consecutive selected units, P(B = b) ∝ C(k−1, b−1)·C(N−k+1, b)),
 * so the total over R independent runs has the R-fold convolution of it as its null law. The two-sided p-value is
 * min(1, 2·min(P(T ≤ t), P(T ≥ t))) at the observed total t, computed exactly (convolution in doubles, all terms
 * positive) when that costs at most 4·10⁷ multiply-adds, otherwise by the lattice saddlepoint approximation
 * (Lugannani–Rice with Daniels' continuity correction) on the same exact per-run law — accuracy in docs/fairness.md.
 * Systematic sampling (uniform marginals!) fails it badly.
 *
 * @param sim - Counts from {@link simulateInclusion}.
 * @param alpha - Significance level (default 1e-4).
 * @returns The z statistic of the adjacent-pair total against its exact mean and variance, its two-sided p-value
 *   (exact or saddlepoint, named in `note`) and the verdict.
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-input` when `sim` is not valid counts or
 *   `alpha` is not in (0, 1).
 * @category Statistics
 * @example
 * ```ts
 * import { adjacentPairTest, simulateInclusion } from "shuangsuiji/stats";
 * const sim = simulateInclusion({ ids: Array.from({ length: 50 }, (_, i) => `U${i}`), k: 5, runs: 2000, baseSeed: "x" });
 * adjacentPairTest(sim).rejected; // false
 * ```
 */
export function adjacentPairTest(sim: InclusionCounts, alpha = 1e-4): TestResult {
  sim = simArg(sim);
  alpha = alphaArg(alpha, ["alpha"]);
  const N = sim.ids.length;
  const k = sim.k;
  const p2 = (k * (k - 1)) / (N * (N - 1));
  const p3 = N > 2 ? (p2 * (k - 2)) / (N - 2) : 0;
  const p4 = N > 3 ? (p3 * (k - 3)) / (N - 3) : 0;
  const mean = (N - 1) * p2;
  const second = (N - 1) * p2 + 2 * (N - 2) * p3 + (N - 2) * (N - 3) * p4;
  const variance = Math.max(second - mean * mean, 1e-300);
  const z = (sim.adjacentPairs - sim.runs * mean) / Math.sqrt(sim.runs * variance);
  const tails = sumTails(adjacentLaw(N, k), sim.runs, sim.adjacentPairs);
  const p = Math.min(1, 2 * Math.min(tails.le, tails.ge));
  return result({ test: "adjacent-pair co-selection", statistic: z, pValue: p, alpha, rejected: p < alpha, note: `observed ${sim.adjacentPairs}, expected ${(sim.runs * mean).toFixed(1)}; p ${tails.method === "exact" ? "exact" : "saddlepoint"}` });
}

/**
 * Exact subset uniformity on a small case: every one of the C(N, k) subsets should be equally frequent (Pearson χ² with
 * C(N, k) − 1 degrees of freedom). Needs `sim.subsets` (tracked when C(N, k) is small).
 *
 * @param sim - Counts from {@link simulateInclusion} with subset counts (small N and k).
 * @param alpha - Significance level (default 1e-4).
 * @returns The χ² over the C(N, k) subsets, its p-value and the verdict.
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-input` when `sim` is not valid counts or
 *   `alpha` is not in (0, 1).
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-argument` when `sim` has no subset counts
 *   (C(N, k) was above `maxSubsets`).
 * @category Statistics
 * @example
 * ```ts
 * import { simulateInclusion, subsetUniformityTest } from "shuangsuiji/stats";
 * const sim = simulateInclusion({ ids: ["a", "b", "c", "d", "e", "f"], k: 2, runs: 3000, baseSeed: "x" });
 * subsetUniformityTest(sim).rejected; // false
 * ```
 */
export function subsetUniformityTest(sim: InclusionCounts, alpha = 1e-4): TestResult {
  sim = simArg(sim);
  alpha = alphaArg(alpha, ["alpha"]);
  const subsets = sim.subsets;
  if (subsets === undefined) {
    throw new ShuangsuijiError("invalid-argument", [{ path: ["sim", "subsets"], rule: "subset-tracking", clause: "docs/fairness.md (subset uniformity)", messageZh: "该模拟未记录子集（C(N, k) 过大）", messageEn: "subsetUniformityTest needs a simulation small enough to track subsets" }]);
  }
  const m = binomial(sim.ids.length, sim.k);
  const e = sim.runs / m;
  let x2 = 0;
  const seen = Object.values(subsets);
  for (const c of seen) x2 += (c - e) ** 2 / e;
  x2 += (m - seen.length) * e; // subsets never drawn
  const p = chiSquareSf(x2, m - 1);
  return result({ test: "exact subset uniformity", statistic: x2, df: m - 1, pValue: p, alpha, rejected: p < alpha, note: `${m} subsets, ${e.toFixed(1)} expected each` });
}

/**
 * Pools independent χ² tests (e.g. the same test on several base seeds): the statistics and degrees of freedom add.
 * More powerful against a consistent bias than any single run, and less at the mercy of one run's chance extreme.
 *
 * @param results - χ² results of independent strata (each with `df`).
 * @param alpha - Significance level (default 1e-4).
 * @returns One χ² over the summed statistics and degrees of freedom.
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-input` when `results` is not an array of
 *   test results with `df`, or `alpha` is not in (0, 1).
 * @category Statistics
 * @example
 * ```ts
 * import { pooledChiSquare, simulateInclusion, subsetUniformityTest } from "shuangsuiji/stats";
 * const runs = ["a", "b"].map((s) => subsetUniformityTest(simulateInclusion({ ids: ["1", "2", "3", "4"], k: 2, runs: 600, baseSeed: s })));
 * pooledChiSquare(runs).df; // 10
 * ```
 */
export function pooledChiSquare(results: readonly TestResult[], alpha = 1e-4): TestResult {
  results = resultsArg(results, ["results"]);
  alpha = alphaArg(alpha, ["alpha"]);
  const statistic = results.reduce((s, r) => s + r.statistic, 0);
  const df = results.reduce((s, r) => s + (r.df ?? 0), 0);
  const p = chiSquareSf(statistic, df);
  return result({ test: `pooled (${results.length}×) ${results[0]?.test ?? "χ²"}`, statistic, df, pValue: p, alpha, rejected: p < alpha, note: `${results.length} independent runs` });
}

/**
 * Runs needed to detect a relative bias δ in one unit's inclusion probability π with power 1 − β, Bonferroni over N
 * units at family level α: R ≥ (z_{α/2N} + z_β)² · (1 − π) / (π δ²) (normal approximation to the binomial; docs/fairness.md).
 *
 * @param input - `pi` (inclusion probability, in (0, 1)), `delta` (relative bias to detect, > 0), `units` (N), and
 *   optionally `alpha` (family level, default 0.01) and `power` (default 0.9).
 * @returns The number of runs R (rounded up).
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-input` when `input` is not that object or a
 *   value is out of range.
 * @category Statistics
 * @example
 * ```ts
 * import { requiredRuns } from "shuangsuiji/stats";
 * requiredRuns({ pi: 0.05, delta: 0.2, units: 100, alpha: 0.01, power: 0.9 }); // ≈ 12,700
 * ```
 */
export function requiredRuns(input: { readonly pi: number; readonly delta: number; readonly units: number; readonly alpha?: number; readonly power?: number }): number {
  const o = readPlain(input, ["input"]);
  if (!isPlainObject(o)) invalid(["input"], "expected { pi, delta, units, alpha?, power? }", "应为 { pi, delta, units, alpha?, power? }", input);
  const pi = probabilityArg(o.pi, ["input", "pi"]);
  const delta = requireFinite(o.delta, ["input", "delta"]);
  const units = requireInteger(o.units, ["input", "units"], 1, MAX_UNITS);
  const alpha = o.alpha === undefined ? 0.01 : alphaArg(o.alpha, ["input", "alpha"]);
  const power = o.power === undefined ? 0.9 : alphaArg(o.power, ["input", "power"]);
  if (!(pi > 0 && pi < 1) || !(delta > 0)) invalid(["input"], "pi must be in (0, 1) and delta > 0", "pi应在(0, 1)内且delta大于0", input);
  const z = normalQuantile(1 - alpha / (2 * units)) + normalQuantile(power);
  return Math.ceil((z * z * (1 - pi)) / (pi * delta * delta));
}
