import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { compareWords } from "../draw/_sha256.js";
import { hexToBytes } from "../draw/_encoding.js";
import { ticketHasher } from "../draw/_pool.js";

/**
 * A sampler under test: given the units in input order, a quota and a per-run seed (hex), returns the selected indices.
 *
 * @category Statistics
 */
export type Sampler = (ids: readonly string[], k: number, runSeed: string) => readonly number[];

/**
 * The library's real stage-1 algorithm on one stratum (tickets = SHA-256 per unit, the k smallest), with the run seed
 * as the draw seed and task id `fairness`. Identical to `drawTargets` (main entry) on that stratum.
 *
 * @category Statistics
 * @example
 * ```ts
 * import { stage1Sampler } from "shuangsuiji/stats";
 * stage1Sampler(["U1", "U2", "U3"], 1, "00112233445566778899aabbccddeeff");
 * ```
 */
export const stage1Sampler: Sampler = (ids, k, runSeed) => {
  const h = ticketHasher(runSeed, "fairness");
  const tickets = ids.map((id) => {
    const w = new Int32Array(8);
    h(id, w);
    return w;
  });
  const order = ids.map((_, i) => i).sort((a, b) => compareWords(tickets[a] as Int32Array, tickets[b] as Int32Array) || ((ids[a] as string) < (ids[b] as string) ? -1 : 1));
  return order.slice(0, k);
};

function rngFor(runSeed: string) {
  const b = hexToBytes(runSeed);
  const w = (o: number) => (((b[o] ?? 0) << 24) | ((b[o + 1] ?? 0) << 16) | ((b[o + 2] ?? 0) << 8) | (b[o + 3] ?? 0)) | 0;
  return xoroshiro128plusFromState([w(0), w(4), w(8), w(12) | 1]);
}

/**
 * Deliberately biased samplers that a fairness test must reject — proof that the test has power
 * (draw-research.md §4 recipe 5):
 * - `moduloBias`: picks with `byte % remaining`, as code does that reduces a small random value modulo the range;
 * - `systematic`: one random start, then every ⌊N/k⌋-th unit (the skipping scheme found in deployed systems);
 * - `neverLast`: a fair draw that never considers the last unit.
 *
 * @category Statistics
 * @example
 * ```ts
 * import { CANARY_SAMPLERS } from "shuangsuiji/stats";
 * CANARY_SAMPLERS.systematic(["a", "b", "c", "d"], 2, "00112233445566778899aabbccddeeff");
 * ```
 */
export const CANARY_SAMPLERS: { readonly moduloBias: Sampler; readonly systematic: Sampler; readonly neverLast: Sampler } = {
  moduloBias: (ids, k, runSeed) => {
    const rng = rngFor(runSeed);
    const idx = ids.map((_, i) => i);
    const out: number[] = [];
    for (let i = 0; i < k; i++) {
      const byte = uniformInt(rng, 0, 255);
      const j = i + (byte % (idx.length - i));
      [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
      out.push(idx[i] as number);
    }
    return out;
  },
  systematic: (ids, k, runSeed) => {
    if (k === 0) return [];
    const step = Math.floor(ids.length / k);
    const start = uniformInt(rngFor(runSeed), 0, step - 1);
    return Array.from({ length: k }, (_, i) => start + i * step);
  },
  neverLast: (ids, k, runSeed) => {
    const rng = rngFor(runSeed);
    const idx = ids.slice(0, -1).map((_, i) => i);
    for (let i = 0; i < k; i++) {
      const j = uniformInt(rng, i, idx.length - 1);
      [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
    }
    return idx.slice(0, k);
  },
};
