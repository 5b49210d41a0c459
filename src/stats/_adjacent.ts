// The exact null distribution of the adjacent-pair total (adjacentPairTest; docs/fairness.md "Adjacent pairs: how the
// p-value is computed"). Under simple random sampling without replacement of k of N units in a row, the selected set
// is a 0/1 string with k ones; its number A of adjacent selected pairs is k − B, where B is the number of blocks of
// consecutive ones, and the number of strings with exactly B = b blocks is C(k−1, b−1)·C(N−k+1, b) (the b blocks are
// a composition of k into b parts, placed in b of the N−k+1 gaps between the zeros). Runs are independent, so the
// total over R runs is the R-fold convolution of that law.
import { gammaQ } from "./_dist.js";

/** A distribution on the integers off, off+1, …, off+p.length−1 (p may be unnormalised only where stated). */
export interface Lattice {
  readonly off: number;
  readonly p: Float64Array;
}

/** Most multiply-adds the exact convolution may spend before the saddlepoint approximation is used instead. */
export const EXACT_BUDGET = 10_000_000;

/** Entries below this fraction of the largest are dropped (their total mass is < 1e-290 of the whole). */
const NEGLIGIBLE = 1e-300;

/**
 * The exact law of A, the adjacent selected pairs of one run (k of N units, simple random sampling without
 * replacement): P(A = k − b) ∝ C(k−1, b−1)·C(N−k+1, b). Computed outward from the mode by term ratios (relative error
 * about |b − mode| · 2⁻⁵³, no logarithms or factorials), normalised, negligible ends dropped.
 */
export function adjacentLaw(N: number, k: number): Lattice {
  if (k <= 1) return { off: 0, p: Float64Array.of(1) };
  const gaps = N - k + 1;
  const bMin = 1;
  const bMax = Math.min(k, gaps);
  // ratio w(b+1)/w(b) = ((k − b)/b) · ((gaps − b)/(b + 1))
  const ratio = (b: number) => ((k - b) / b) * ((gaps - b) / (b + 1));
  let mode = bMin;
  while (mode < bMax && ratio(mode) >= 1) mode++;
  const w = new Float64Array(bMax - bMin + 1);
  w[mode - bMin] = 1;
  for (let b = mode; b < bMax; b++) w[b + 1 - bMin] = (w[b - bMin] as number) * ratio(b);
  for (let b = mode; b > bMin; b--) w[b - 1 - bMin] = (w[b - bMin] as number) / ratio(b - 1);
  let sum = 0;
  for (let i = w.length - 1; i >= 0; i--) sum += w[i] as number; // smallest terms first
  // A = k − b: reverse so that the index grows with A.
  const p = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) p[i] = (w[w.length - 1 - i] as number) / sum;
  return trim({ off: k - bMax, p });
}

/** Drops leading and trailing entries below NEGLIGIBLE × the largest. */
function trim(d: Lattice): Lattice {
  let max = 0;
  for (const v of d.p) if (v > max) max = v;
  const cut = max * NEGLIGIBLE;
  let lo = 0;
  let hi = d.p.length - 1;
  while (lo < hi && (d.p[lo] as number) < cut) lo++;
  while (hi > lo && (d.p[hi] as number) < cut) hi--;
  return lo === 0 && hi === d.p.length - 1 ? d : { off: d.off + lo, p: d.p.slice(lo, hi + 1) };
}

/** Direct convolution (all terms ≥ 0, so no cancellation: relative error ≲ length · 2⁻⁵³), trimmed. */
function convolve(a: Lattice, b: Lattice): Lattice {
  const out = new Float64Array(a.p.length + b.p.length - 1);
  for (let i = 0; i < a.p.length; i++) {
    const x = a.p[i] as number;
    if (x === 0) continue;
    for (let j = 0; j < b.p.length; j++) out[i + j] = (out[i + j] as number) + x * (b.p[j] as number);
  }
  return trim({ off: a.off + b.off, p: out });
}

/** Tail probabilities of the total T at t, and how they were computed. */
export interface Tails {
  /** P(T ≤ t). */
  readonly le: number;
  /** P(T ≥ t). */
  readonly ge: number;
  readonly method: "exact" | "saddlepoint";
}

/**
 * The law of the sum of R independent copies of `law`, by binary powering, or undefined when that would cost more
 * than `budget` multiply-adds (checked before each convolution, so the decision depends on the inputs only).
 */
export function sumLaw(law: Lattice, R: number, budget = EXACT_BUDGET): Lattice | undefined {
  let result: Lattice | undefined;
  let power = law;
  let spent = 0;
  for (let n = R; n > 0; n = Math.floor(n / 2)) {
    if (n % 2 === 1) {
      if (result === undefined) result = power;
      else {
        spent += result.p.length * power.p.length;
        if (spent > budget) return undefined;
        result = convolve(result, power);
      }
    }
    if (n > 1) {
      spent += power.p.length * power.p.length;
      if (spent > budget) return undefined;
      power = convolve(power, power);
    }
  }
  return result;
}

/** Both tails at t from an exact law, each summed from its far end (smallest terms first). */
function exactTails(d: Lattice, t: number): Tails {
  const last = d.off + d.p.length - 1;
  let le = 0;
  for (let x = d.off; x <= Math.min(t, last); x++) le += d.p[x - d.off] as number;
  let ge = 0;
  for (let x = last; x >= Math.max(t, d.off); x--) ge += d.p[x - d.off] as number;
  return { le: Math.min(1, le), ge: Math.min(1, ge), method: "exact" };
}

const normalCdf = (z: number): number => (z >= 0 ? 1 - 0.5 * gammaQ(0.5, (z * z) / 2) : 0.5 * gammaQ(0.5, (z * z) / 2));
const normalPdf = (z: number): number => Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);

/** The cumulant generating function of `law` (shifted to start at 0) and its first two derivatives at s. */
function cgf(logp: Float64Array, s: number): { K: number; K1: number; K2: number } {
  let m = -Infinity;
  for (let j = 0; j < logp.length; j++) m = Math.max(m, (logp[j] as number) + s * j);
  let z = 0;
  let z1 = 0;
  let z2 = 0;
  for (let j = 0; j < logp.length; j++) {
    const e = Math.exp((logp[j] as number) + s * j - m);
    z += e;
    z1 += e * j;
    z2 += e * j * j;
  }
  const K1 = z1 / z;
  return { K: m + Math.log(z), K1, K2: Math.max(0, z2 / z - K1 * K1) };
}

/**
 * Lugannani–Rice saddlepoint approximation with Daniels' second continuity correction (lattice variables) for
 * P(S ≥ t), S the sum of R copies of X on 0…m with log-probabilities `logp`: x̃ = t − ½, R·K′(ŝ) = x̃,
 * ŵ = sgn(ŝ)·√(2(ŝx̃ − R·K(ŝ))), ũ = 2·sinh(ŝ/2)·√(R·K″(ŝ)), P ≈ 1 − Φ(ŵ) + φ(ŵ)(1/ũ − 1/ŵ).
 * Returns P(S ≥ t) when `upper`, else P(S ≤ t − 1) (the same formula, computed from the lower side).
 */
function saddleTail(logp: Float64Array, R: number, t: number, upper: boolean, mean: number, sd: number, skew: number): number {
  const m = logp.length - 1;
  if (t <= 0) return upper ? 1 : 0;
  if (t > R * m) return upper ? 0 : 1;
  const x = t - 0.5;
  if (Math.abs(x - mean) < 1e-3 * sd) {
    // at the centre the formula is 0/0 (and loses digits near it): its limit, the one-term Edgeworth expansion
    const z = (x - mean) / sd;
    const e = (normalPdf(z) * skew * (z * z - 1)) / 6;
    return upper ? 1 - normalCdf(z) + e : normalCdf(z) - e;
  }
  const y = x / R;
  // K′ is increasing: bracket, then safeguarded Newton on K′(s) = y
  let lo = -1;
  let hi = 1;
  for (let i = 0; i < 64 && cgf(logp, lo).K1 > y; i++) lo *= 2;
  for (let i = 0; i < 64 && cgf(logp, hi).K1 < y; i++) hi *= 2;
  let s = 0;
  for (let i = 0; i < 200; i++) {
    const c = cgf(logp, s);
    const f = c.K1 - y;
    if (Math.abs(f) <= 4e-16 * Math.max(1, y)) break; // K′(s) = y to rounding
    if (f > 0) hi = s;
    else lo = s;
    let next = c.K2 > 0 ? s - f / c.K2 : (lo + hi) / 2;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - s) <= 1e-15 * Math.max(1, Math.abs(s))) {
      s = next;
      break;
    }
    s = next;
  }
  const c = cgf(logp, s);
  const w = Math.sign(s) * Math.sqrt(Math.max(0, 2 * (s * x - R * c.K)));
  const u = 2 * Math.sinh(s / 2) * Math.sqrt(R * c.K2);
  const corr = normalPdf(w) * (1 / u - 1 / w);
  const p = upper ? normalCdf(-w) + corr : normalCdf(w) - corr;
  return Math.min(1, Math.max(0, p));
}

/**
 * P(T ≤ t) and P(T ≥ t) for T the sum of R independent copies of `law`: exact (binary-powered convolution) when that
 * costs at most `budget` multiply-adds, else the lattice saddlepoint approximation.
 */
export function sumTails(law: Lattice, R: number, t: number, budget = EXACT_BUDGET): Tails {
  // moments of the shifted law (X = A − off)
  const logp = law.p.map((v) => (v > 0 ? Math.log(v) : -Infinity));
  const c = cgf(logp, 0);
  const mean = R * c.K1;
  const sd = Math.sqrt(R * c.K2);
  // The last convolution dominates the cost: the total's law is about min(R·width, 80·sd + width) wide where it is
  // above 1e-300 of its peak. Skip a convolution that could not finish within the budget (one run needs none); the
  // budget is also enforced while convolving.
  const width = Math.min(R * (law.p.length - 1) + 1, 80 * sd + law.p.length);
  const exact = R > 1 && width * width > budget ? undefined : sumLaw(law, R, budget);
  if (exact !== undefined) return exactTails(exact, t);
  const ts = t - R * law.off;
  let k3 = 0;
  law.p.forEach((v, j) => (k3 += v * (j - c.K1) ** 3));
  const skew = (R * k3) / sd ** 3;
  return { le: saddleTail(logp, R, ts + 1, false, mean, sd, skew), ge: saddleTail(logp, R, ts, true, mean, sd, skew), method: "saddlepoint" };
}
