import { lengthDelimited, sha256Hex } from "../draw/_encoding.js";
import { stage1Sampler, type Sampler } from "./samplers.js";

/**
 * Counts from {@link simulateInclusion}.
 *
 * @category Statistics
 */
export interface InclusionCounts {
  /** Units, in input order. */
  readonly ids: readonly string[];
  /** Quota per run. */
  readonly k: number;
  /** Runs. */
  readonly runs: number;
  /** How often each unit was selected (same order as `ids`). */
  readonly counts: readonly number[];
  /** Total over runs of pairs (i, i+1) in input order both selected. */
  readonly adjacentPairs: number;
  /** Per selected subset (sorted indices joined by ","), how often — only when C(N, k) ≤ `maxSubsets`. */
  readonly subsets?: Readonly<Record<string, number>>;
}

/**
 * The seed of run r: SHA-256 of the length-delimited (`shuangsuiji/stats/v1`, base seed, r). Reproducible and
 * independent across runs, so a statistical test with a fixed base seed always gives the same answer.
 *
 * @category Statistics
 * @example
 * ```ts
 * import { runSeed } from "shuangsuiji/stats";
 * runSeed("fairness-2026", 0);
 * ```
 */
export function runSeed(baseSeed: string, r: number): string {
  return sha256Hex(lengthDelimited(["shuangsuiji/stats/v1", baseSeed, String(r)]));
}

/**
 * Runs a sampler R times with seeds derived from a base seed and counts inclusions, adjacent co-selections and (for
 * small cases) whole subsets. By default it runs the library's real stage-1 algorithm.
 *
 * @category Statistics
 * @example
 * ```ts
 * import { simulateInclusion } from "shuangsuiji/stats";
 * const ids = Array.from({ length: 100 }, (_, i) => `U${i}`);
 * const sim = simulateInclusion({ ids, k: 5, runs: 2000, baseSeed: "example" });
 * ```
 */
export function simulateInclusion(input: {
  readonly ids: readonly string[];
  readonly k: number;
  readonly runs: number;
  readonly baseSeed: string;
  readonly sampler?: Sampler;
  readonly maxSubsets?: number;
  /** Called after each run (for progress bars). */
  readonly onProgress?: (done: number, total: number) => void;
}): InclusionCounts {
  const { ids, k, runs } = input;
  const sampler = input.sampler ?? stage1Sampler;
  const counts = new Array<number>(ids.length).fill(0);
  const trackSubsets = binomial(ids.length, k) <= (input.maxSubsets ?? 1000);
  const subsets: Record<string, number> = {};
  const mark = new Uint8Array(ids.length);
  let adjacentPairs = 0;
  for (let r = 0; r < runs; r++) {
    const sel = sampler(ids, k, runSeed(input.baseSeed, r));
    mark.fill(0);
    for (const i of sel) {
      counts[i] = (counts[i] as number) + 1;
      mark[i] = 1;
    }
    for (let i = 0; i + 1 < ids.length; i++) if (mark[i] && mark[i + 1]) adjacentPairs++;
    if (trackSubsets) {
      const key = [...sel].sort((a, b) => a - b).join(",");
      subsets[key] = (subsets[key] ?? 0) + 1;
    }
    if (input.onProgress !== undefined && ((r + 1) % 500 === 0 || r + 1 === runs)) input.onProgress(r + 1, runs);
  }
  return Object.freeze({ ids, k, runs, counts, adjacentPairs, ...(trackSubsets ? { subsets } : {}) });
}

/** C(n, k) as a double (exact for the small cases where subsets are tracked). @internal */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) r = (r * (n - i + 1)) / i;
  return Math.round(r);
}
