import { deepFreeze } from "../_internal/deepFreeze.js";
import { invalid, requireInteger } from "../_internal/boundary.js";
import { idsArg } from "./_validate.js";
import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { compareWords } from "../draw/_shared/_sha256.js";
import { hexToBytes } from "../draw/_shared/_encoding.js";
import { ticketHasher } from "../draw/targets/_pool.js";

/**
 * A sampler under test: given the units in input order, a quota and a per-run seed (hex), returns the selected indices.
 *
 * @category Statistics
 */
export type Sampler = (ids: readonly string[], k: number, runSeed: string) => readonly number[];

/** @internal Checks a sampler's arguments (ids, 0 ≤ k ≤ N, a hex run seed) and freezes its answer. */
function checked(sampler: Sampler): Sampler {
  return (ids, k, runSeed) => {
    const list = idsArg(ids, ["ids"]);
    const kk = requireInteger(k, ["k"], 0, list.length);
    if (typeof runSeed !== "string" || !/^(?:[0-9a-fA-F]{2}){16,64}$/.test(runSeed)) invalid(["runSeed"], "expected 32–128 hex digits", "应为32–128位十六进制数字", runSeed);
    return Object.freeze([...sampler(list, kk, runSeed)]);
  };
}

/** @internal The stage-1 sampler without argument checks (simulateInclusion checks once, not per run). */
export const stage1SamplerUnchecked: Sampler = (ids, k, runSeed) => {
  const h = ticketHasher(runSeed, "fairness");
  const tickets = ids.map((id) => {
    const w = new Int32Array(8);
    h(id, w);
    return w;
  });
  const order = ids.map((_, i) => i).sort((a, b) => compareWords(tickets[a] as Int32Array, tickets[b] as Int32Array) || ((ids[a] as string) < (ids[b] as string) ? -1 : 1));
  return order.slice(0, k);
};

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
export const stage1Sampler: Sampler = /* @__PURE__ */ checked(stage1SamplerUnchecked);

function rngFor(runSeed: string) {
  const b = hexToBytes(runSeed);
  const w = (o: number) => (((b[o] ?? 0) << 24) | ((b[o + 1] ?? 0) << 16) | ((b[o + 2] ?? 0) << 8) | (b[o + 3] ?? 0)) | 0;
  return xoroshiro128plusFromState([w(0), w(4), w(8), w(12) | 1]);
}

/**
 * Deliberately biased samplers that a fairness test must reject — proof that the test has power
 * (the canaries of docs/fairness.md):
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
export const CANARY_SAMPLERS: { readonly moduloBias: Sampler; readonly systematic: Sampler; readonly neverLast: Sampler } = /* @__PURE__ */ canaries({
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
});

/** Wraps each canary with the argument checks and freezes the table (it is an exported constant). */
function canaries<T extends Record<string, Sampler>>(table: T): T {
  return deepFreeze(Object.fromEntries(Object.entries(table).map(([k, f]) => [k, checked(f)])) as T);
}
