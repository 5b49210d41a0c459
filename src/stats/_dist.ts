import { invalid, requireFinite, requireInteger } from "../_internal/boundary.js";
// Special functions for the fairness statistics. Hand-written to keep the runtime free of heavy dependencies, and
// differential-tested against @stdlib (a well-kept reference implementation) and published table values in
// test/stats/distributions.test.ts.

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7; relative error ~1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0] as number;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += (LANCZOS[i] as number) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised lower incomplete gamma P(a, x): series for x < a + 1, Lentz continued fraction otherwise. */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  if (!Number.isFinite(x)) return 1;
  const lg = logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return Math.min(1, sum * Math.exp(-x + a * Math.log(x) - lg));
  }
  return 1 - gammaQcf(a, x, lg);
}

/** Regularised upper incomplete gamma Q(a, x) = 1 − P(a, x), accurate in the far tail. */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  if (x < a + 1) return 1 - gammaP(a, x);
  return gammaQcf(a, x, logGamma(a));
}

function gammaQcf(a: number, x: number, lg: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return Math.exp(-x + a * Math.log(x) - lg) * h;
}

/**
 * χ² CDF with k degrees of freedom.
 *
 * @param x - The statistic, a number ≥ 0.
 * @param k - Degrees of freedom, in (0, 10^9].
 * @returns P(X ≤ x) for X ~ χ²(k).
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-input` when `x` is negative or not a number,
 *   or `k` is out of range.
 */
export const chiSquareCdf = (x: number, k: number): number => gammaP(dfArg(k) / 2, statArg(x) / 2);
/**
 * χ² upper tail (the p-value of a statistic).
 *
 * @param x - The statistic, a number ≥ 0.
 * @param k - Degrees of freedom, in (0, 10^9].
 * @returns P(X > x) for X ~ χ²(k) (accurate far into the tail, where `1 − chiSquareCdf` is 0).
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-input` when `x` is negative or not a number,
 *   or `k` is out of range.
 */
export const chiSquareSf = (x: number, k: number): number => gammaQ(dfArg(k) / 2, statArg(x) / 2);

/** Degrees of freedom: positive and finite, at most 10^9 (documented limit; the series converge in bounded steps). */
function dfArg(k: unknown): number {
  const v = requireFinite(k, ["k"]);
  if (!(v > 0 && v <= 1e9)) invalid(["k"], "degrees of freedom must be in (0, 10^9]", "自由度应在(0, 10^9]内", k, "input-limit");
  return v;
}
/** A statistic: a number ≥ 0 (+Infinity allowed). */
function statArg(x: unknown): number {
  if (typeof x !== "number" || Number.isNaN(x) || x < 0) invalid(["x"], "a χ² statistic must be a number ≥ 0", "χ²统计量应为不小于0的数", x);
  return x;
}

/**
 * χ² quantile by bisection on the upper tail (monotone; 200 halvings reach full double precision).
 *
 * @param p - A probability in [0, 1).
 * @param k - Degrees of freedom, in (0, 10^9].
 * @returns The x with P(X ≤ x) = p for X ~ χ²(k).
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-input` when `p` is outside [0, 1) or `k` is
 *   out of range.
 */
export function chiSquareQuantile(p: number, k: number): number {
  const pr = requireFinite(p, ["p"]);
  if (!(pr >= 0 && pr < 1)) invalid(["p"], "p must be in [0, 1)", "p应在[0, 1)内", p);
  dfArg(k);
  let lo = 0;
  let hi = Math.max(1, k);
  while (chiSquareCdf(hi, k) < p) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (chiSquareCdf(mid, k) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Regularised incomplete beta I_x(a, b) (continued fraction, modified Lentz; Numerical Recipes §6.4). */
export function betaIncReg(a: number, b: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x > (a + 1) / (a + b + 2)) return 1 - betaIncReg(b, a, 1 - x);
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return (Math.exp(lnFront) * h) / a;
}

/**
 * Binomial CDF P(X ≤ x) for X ~ Bin(n, p) = I_{1−p}(n − x, x + 1).
 *
 * @param x - The number of successes (any number; it is floored).
 * @param n - Trials, a whole number from 0 to 10^12.
 * @param p - Success probability in [0, 1].
 * @returns P(X ≤ x) for X ~ Bin(n, p).
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-input` when `x` is not a number, `n` is not
 *   a whole number in range or `p` is outside [0, 1].
 */
export function binomialCdf(x: number, n: number, p: number): number {
  if (typeof x !== "number" || Number.isNaN(x)) invalid(["x"], "x must be a number", "x应为数值", x);
  requireInteger(n, ["n"], 0, 1e12);
  const pr = requireFinite(p, ["p"]);
  if (!(pr >= 0 && pr <= 1)) invalid(["p"], "p must be in [0, 1]", "p应在[0, 1]内", p);
  const k = Math.floor(x);
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  return betaIncReg(n - k, k + 1, 1 - p);
}

/**
 * Standard normal quantile (Wichura, AS 241 PPND16; relative accuracy ~1e-16).
 *
 * @param p - A probability in [0, 1].
 * @returns The standard normal quantile (−∞ at 0, +∞ at 1).
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-input` when `p` is not a number in [0, 1].
 */
export function normalQuantile(p: number): number {
  if (typeof p !== "number" || Number.isNaN(p)) invalid(["p"], "p must be a number in [0, 1]", "p应为[0, 1]内的数", p);
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q * (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r + 133.14166789178437745) * r + 3.387132872796366608)) /
      (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r + 42.313330701600911252) * r + 1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let val: number;
  if (r <= 5) {
    r -= 1.6;
    val =
      (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r + 4.6303378461565452959) * r + 1.42343711074968357734) /
      (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r + 2.05319162663775882187) * r + 1);
  } else {
    r -= 5;
    val =
      (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r + 5.4637849111641143699) * r + 6.6579046435011037772) /
      (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r + 0.59983220655588793769) * r + 1);
  }
  return q < 0 ? -val : val;
}
