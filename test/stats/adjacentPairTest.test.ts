// adjacentPairTest's p-value (hostile9a finding 2): the exact law of the adjacent-pair total against reference values
// from scipy/numpy (test/stats/fixtures/adjacentPairs.py), the saddlepoint branch against the exact one, the per-run
// law's moments against the closed form from the joint inclusion probabilities, and the false-alarm rate of a fair
// sampler with fixed seeds.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { adjacentPairTest, simulateInclusion } from "../../src/stats/index.js";
import { adjacentLaw, sumLaw, sumTails } from "../../src/stats/_adjacent.js";
import { binomialCdf } from "../../src/stats/_dist.js";
import { binomialInterval, fairSampler } from "./_fair.js";

interface Case { N: number; k: number; R: number; t: number; le: number; ge: number }
const fixture = JSON.parse(readFileSync(new URL("./fixtures/adjacentPairs.json", import.meta.url), "utf8")) as { cases: Case[] };
const rel = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(b), 1e-300));
/** Counts for adjacentPairTest with a given total (the test reads only ids, k, runs and adjacentPairs). */
const simOf = (N: number, k: number, R: number, t: number) => ({ ids: Array.from({ length: N }, (_, i) => `U${i}`), k, runs: R, counts: new Array<number>(N).fill(0), adjacentPairs: t });
const twoSided = (le: number, ge: number) => Math.min(1, 2 * Math.min(le, ge));

describe("adjacentPairTest p-values against scipy/numpy (fixture)", () => {
  it.each(fixture.cases.map((c) => [c.N, c.k, c.R, c.t, c] as const))("N=%i k=%i R=%i total %i", (_N, _k, _R, _t, c) => {
    const r = adjacentPairTest(simOf(c.N, c.k, c.R, c.t), 1e-4);
    const exact = /p exact/.test(r.note);
    // exact convolution: rounding only; saddlepoint (large totals only): ≤ 1e-5 relative on this grid
    expect(rel(r.pValue, twoSided(c.le, c.ge)), `${r.note}: ${r.pValue} vs ${twoSided(c.le, c.ge)}`).toBeLessThanOrEqual(exact ? 1e-9 : 1e-5);
    const tails = sumTails(adjacentLaw(c.N, c.k), c.R, c.t);
    expect(rel(tails.le, c.le)).toBeLessThanOrEqual(exact ? 1e-9 : 1e-5);
    expect(rel(tails.ge, c.ge)).toBeLessThanOrEqual(exact ? 1e-9 : 1e-5);
  });
  it("the adversary's four totals (k = 2, α = 1e-4) are no longer rejected: p is the exact binomial tail", () => {
    for (const [N, R, t, p] of [[1000, 2000, 12, 1.8e-3], [3000, 2000, 6, 5.0e-3], [200, 300, 10, 2.0e-3], [200, 2000, 38, 4.0e-4]] as const) {
      const r = adjacentPairTest(simOf(N, 2, R, t), 1e-4);
      expect(r.rejected).toBe(false);
      expect(r.pValue).toBeCloseTo(p, 4);
      expect(r.note).toMatch(/p exact/);
    }
  });
  it("both branches are used on the grid, and the saddlepoint alone is within 7% everywhere (which is why small totals are exact)", () => {
    const methods = new Set(fixture.cases.map((c) => sumTails(adjacentLaw(c.N, c.k), c.R, c.t).method));
    expect(methods).toEqual(new Set(["exact", "saddlepoint"]));
    for (const c of fixture.cases) {
      const s = sumTails(adjacentLaw(c.N, c.k), c.R, c.t, 0);
      expect(rel(twoSided(s.le, s.ge), twoSided(c.le, c.ge)), `N=${c.N} k=${c.k} R=${c.R} t=${c.t}`).toBeLessThan(0.07);
    }
  });
});

describe("the exact law", () => {
  it("one run: sums to 1, and its mean and variance are the closed forms from the joint inclusion probabilities", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 3000 }), fc.double({ min: 0, max: 1, noNaN: true }), (N, f) => {
        const k = Math.min(N, Math.floor(f * (N + 1)));
        const law = adjacentLaw(N, k);
        let s = 0;
        let m1 = 0;
        let m2 = 0;
        law.p.forEach((p, i) => {
          const a = law.off + i;
          s += p;
          m1 += p * a;
          m2 += p * a * a;
        });
        const p2 = (k * (k - 1)) / (N * (N - 1));
        const p3 = N > 2 ? (p2 * (k - 2)) / (N - 2) : 0;
        const p4 = N > 3 ? (p3 * (k - 3)) / (N - 3) : 0;
        const mean = (N - 1) * p2;
        const variance = (N - 1) * p2 + 2 * (N - 2) * p3 + (N - 2) * (N - 3) * p4 - mean * mean;
        expect(Math.abs(s - 1)).toBeLessThan(1e-12);
        expect(Math.abs(m1 - mean)).toBeLessThanOrEqual(1e-9 * Math.max(1, mean));
        expect(Math.abs(m2 - m1 * m1 - variance)).toBeLessThanOrEqual(1e-7 * Math.max(1, mean * mean));
      }),
      { seed: 9, numRuns: 400 },
    );
  });
  it("R runs: P(T ≤ t) + P(T ≥ t + 1) = 1, and k = 2 is Binomial(R, 2/N)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 400 }), fc.integer({ min: 1, max: 3000 }), fc.double({ min: 0, max: 1, noNaN: true }), (N, R, f) => {
        const t = Math.floor(f * (R + 1));
        const a = sumTails(adjacentLaw(N, 2), R, t);
        const b = sumTails(adjacentLaw(N, 2), R, t + 1);
        expect(a.method).toBe("exact");
        expect(Math.abs(a.le + b.ge - 1)).toBeLessThan(1e-12);
        const ref = binomialCdf(t, R, 2 / N);
        if (ref > 1e-250) expect(rel(a.le, ref)).toBeLessThan(1e-8);
      }),
      { seed: 10, numRuns: 300 },
    );
  });
  it("the saddlepoint branch agrees with the exact convolution where it is used (total's sd ≥ 40): ≤ 1e-4 relative where p < 0.1, 1e-3 absolute above", () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 400 }), fc.double({ min: 0.05, max: 0.95, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), (N, f, zt) => {
        const k = Math.max(2, Math.round(f * N));
        const law = adjacentLaw(N, k);
        let m = 0;
        let v = 0;
        law.p.forEach((p, i) => (m += p * (law.off + i)));
        law.p.forEach((p, i) => (v += p * (law.off + i - m) ** 2));
        const R = Math.max(2, Math.ceil((45 * 45) / v)); // sd of the total ≈ 45
        const t = Math.round(R * m + zt * Math.sqrt(R * v));
        const s = sumTails(law, R, t);
        expect(s.method).toBe("saddlepoint");
        const x = sumTails(law, R, t, 1e9);
        expect(x.method).toBe("exact");
        const [ps, px] = [twoSided(s.le, s.ge), twoSided(x.le, x.ge)];
        if (px < 0.1) expect(rel(ps, px)).toBeLessThan(1e-4);
        else expect(Math.abs(ps - px)).toBeLessThan(1e-3);
      }),
      { seed: 11, numRuns: 15 },
    );
  });
});

describe("calibration: a fair sampler's false-alarm rate at α (fixed seeds)", () => {
  // With S simulations the number of rejections is Bin(S, size), size = P(p < α) under the null, computed exactly from
  // the law. Asserted: size ≤ α; the count lies in the two-sided 1 − 10⁻⁶ binomial interval of Bin(S, size); and it
  // is at most the upper 10⁻⁶ point of Bin(S, α). (The normal approximation had size 1.9% at α = 1% on the first design.)
  it.each([
    [40, 2, 30, 0.01, 4000],
    [30, 5, 40, 0.01, 3000],
  ])("N = %i, k = %i, R = %i runs, α = %f, %i simulations", (N, k, R, alpha, S) => {
    const ids = Array.from({ length: N }, (_, i) => `U${i}`);
    const law = sumLaw(adjacentLaw(N, k), R) as NonNullable<ReturnType<typeof sumLaw>>;
    let size = 0;
    law.p.forEach((p, i) => {
      if (adjacentPairTest(simOf(N, k, R, law.off + i), alpha).pValue < alpha) size += p;
    });
    expect(size).toBeLessThanOrEqual(alpha);
    let rejected = 0;
    for (let s = 0; s < S; s++) if (adjacentPairTest(simulateInclusion({ ids, k, runs: R, baseSeed: `calibration-${N}-${k}-${s}`, sampler: fairSampler }), alpha).rejected) rejected++;
    const [lo, hi] = binomialInterval(S, size, 1e-6);
    expect(rejected, `size ${size}`).toBeGreaterThanOrEqual(lo);
    expect(rejected, `size ${size}`).toBeLessThanOrEqual(hi);
    expect(rejected).toBeLessThanOrEqual(binomialInterval(S, alpha, 2e-6)[1]);
  });
});
