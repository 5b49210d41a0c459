// A fair sampler for calibration tests, independent of the library's draw: simple random sampling without
// replacement by a partial Fisher–Yates shuffle driven by pure-rand's xoroshiro128+ seeded from the run seed.
import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { binomialCdf } from "../../src/stats/_dist.js";
import type { Sampler } from "../../src/stats/index.js";

export const fairSampler: Sampler = (ids, k, runSeed) => {
  const w = (o: number) => Number.parseInt(runSeed.slice(o, o + 8), 16) | 0;
  const rng = xoroshiro128plusFromState([w(0), w(8), w(16), w(24) | 1]);
  const idx = ids.map((_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = uniformInt(rng, i, idx.length - 1);
    [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
  }
  return idx.slice(0, k);
};

/** The two-sided interval [lo, hi] that X ~ Bin(n, p) falls outside with probability at most `level`. */
export function binomialInterval(n: number, p: number, level: number): [number, number] {
  let lo = 0;
  while (binomialCdf(lo, n, p) < level / 2) lo++;
  let hi = n;
  while (hi > 0 && 1 - binomialCdf(hi - 1, n, p) < level / 2) hi--;
  return [lo, hi];
}
