import { lengthDelimited, sha256Hex } from "../draw/_shared/_encoding.js";
import { stage1SamplerUnchecked, type Sampler } from "./samplers.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { invalid, requireInteger } from "../_internal/boundary.js";
import { MAX_WORK, idsArg, readWithFunctions, runsArg, seedArg } from "./_validate.js";

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
 * @param baseSeed - The simulation's base seed.
 * @param r - The run number, a whole number ≥ 0.
 * @returns The run's seed: SHA-256 (hex) of the length-delimited `shuangsuiji/stats/v1`, `baseSeed`, `r`.
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-input` when `baseSeed` is not acceptable
 *   text or `r` is not a whole number ≥ 0.
 * @category Statistics
 * @example
 * ```ts
 * import { runSeed } from "shuangsuiji/stats";
 * runSeed("fairness-2026", 0);
 * ```
 */
export function runSeed(baseSeed: string, r: number): string {
  seedArg(baseSeed, ["baseSeed"]);
  requireInteger(r, ["r"], 0, Number.MAX_SAFE_INTEGER);
  return sha256Hex(lengthDelimited(["shuangsuiji/stats/v1", baseSeed, String(r)]));
}

/**
 * Runs a sampler R times with seeds derived from a base seed and counts inclusions, adjacent co-selections and (for
 * small cases) whole subsets. By default it runs the library's real stage-1 algorithm.
 *
 * @param input - `ids` (the stratum, in input order), `k` (drawn per run), `runs`, `baseSeed`, and optionally `sampler`
 *   (default: the real stage-1 draw) and `maxSubsets` (track subset counts while C(N, k) is at most this).
 * @returns Selection counts per unit, adjacent-pair co-selections and, for small cases, subset counts.
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-input` when an argument is malformed or out
 *   of its limits (`k` above the number of ids, runs × units over the work limit), or the sampler returns anything but
 *   `k` distinct indices in range.
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
  const o = readWithFunctions(input, ["input"], ["sampler", "onProgress"]);
  const ids = idsArg(o.ids, ["input", "ids"]);
  const k = requireInteger(o.k, ["input", "k"], 0, ids.length);
  const runs = runsArg(o.runs, ["input", "runs"]);
  const baseSeed = seedArg(o.baseSeed, ["input", "baseSeed"]);
  const maxSubsets = o.maxSubsets === undefined ? 1000 : requireInteger(o.maxSubsets, ["input", "maxSubsets"], 0, 1_000_000);
  if (runs * Math.max(1, ids.length) > MAX_WORK) invalid(["input", "runs"], `runs × units exceeds ${MAX_WORK}`, `runs与单位数之积超过${MAX_WORK}`, runs, "input-limit");
  const custom = o.sampler as Sampler | undefined;
  const onProgress = o.onProgress as ((done: number, total: number) => void) | undefined;
  const sampler = custom ?? stage1SamplerUnchecked;
  const counts = new Array<number>(ids.length).fill(0);
  const trackSubsets = binomial(ids.length, k) <= maxSubsets;
  const subsets = new Map<string, number>();
  const mark = new Uint8Array(ids.length);
  let adjacentPairs = 0;
  for (let r = 0; r < runs; r++) {
    const sel = sampler(ids, k, runSeed(baseSeed, r));
    if (custom !== undefined) checkSelection(sel, ids.length, k);
    mark.fill(0);
    for (const i of sel) {
      counts[i] = (counts[i] as number) + 1;
      mark[i] = 1;
    }
    for (let i = 0; i + 1 < ids.length; i++) if (mark[i] && mark[i + 1]) adjacentPairs++;
    if (trackSubsets) {
      const key = [...sel].sort((a, b) => a - b).join(",");
      subsets.set(key, (subsets.get(key) ?? 0) + 1);
    }
    if (onProgress !== undefined && ((r + 1) % 500 === 0 || r + 1 === runs)) onProgress(r + 1, runs);
  }
  return deepFreeze({ ids, k, runs, counts, adjacentPairs, ...(trackSubsets ? { subsets: Object.fromEntries(subsets) } : {}) });
}

/** A caller's sampler must return k distinct indices into the ids. */
function checkSelection(sel: unknown, n: number, k: number): asserts sel is readonly number[] {
  if (!Array.isArray(sel) || sel.length !== k || new Set(sel).size !== k || !sel.every((i) => Number.isInteger(i) && i >= 0 && i < n)) {
    invalid(["input", "sampler"], `the sampler must return ${k} distinct indices in [0, ${n})`, `抽样函数应返回${k}个互不相同的[0, ${n})内的下标`, sel);
  }
}

/** C(n, k) as a double (exact for the small cases where subsets are tracked). @internal */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) r = (r * (n - i + 1)) / i;
  return Math.round(r);
}
