// assessFairness's verdict is family-wise (hostile9a finding 6): with m tests over all strata each runs at α/m
// (Bonferroni), so a fair sampler fails the whole report with probability at most α.
import { describe, expect, it } from "vitest";
import { CANARY_SAMPLERS, assessFairness } from "../../src/stats/index.js";
import { binomialInterval, fairSampler } from "./_fair.js";

const pool = ["A", "B", "C", "D"].flatMap((c) => Array.from({ length: 60 }, (_, i) => ({ id: `${c}${i}`, riskClass: c })));
const policy = { strata: { A: { ratio: 0.1 }, B: { ratio: 0.1 }, C: { ratio: 0.1 }, D: { ratio: 0.1 } } };

describe("assessFairness: one verdict at one α", () => {
  it("runs every test at α/m and reports raw and Bonferroni-adjusted p-values", () => {
    const r = assessFairness({ pool: [...pool, { id: "E0", riskClass: "E" }, { id: "F0", riskClass: "F" }, { id: "F1", riskClass: "F" }], policy: { strata: { ...policy.strata, F: { count: 1 } } }, runs: 200, baseSeed: "family", alpha: 0.01 });
    // 4 strata × 3 tests + F (quota 1: χ² and bounds); E has no rule
    expect(r.testCount).toBe(14);
    expect(r.correction).toBe("bonferroni");
    expect(r.testAlpha).toBeCloseTo(0.01 / 14, 15);
    expect(r.alpha).toBe(0.01);
    const tests = r.strata.flatMap((s) => s.tests);
    expect(tests).toHaveLength(14);
    for (const t of tests) {
      expect(t.alpha).toBe(r.testAlpha);
      expect(t.adjustedPValue).toBe(Math.min(1, 14 * t.pValue));
      expect(t.rejected).toBe(t.adjustedPValue < r.alpha);
    }
    expect(r.passed).toBe(tests.every((t) => !t.rejected));
  });
  it("a report with no test (all census or no rule) passes with testCount 0", () => {
    const r = assessFairness({ pool: pool.slice(0, 5), policy: { strata: { A: { ratio: 1 } } }, runs: 10, baseSeed: "none" });
    expect([r.testCount, r.testAlpha, r.passed]).toEqual([0, 1e-4, true]);
  });
  it("a biased sampler still fails the report", () => {
    const r = assessFairness({ pool, policy, runs: 2000, baseSeed: "family-canary", alpha: 1e-4, sampler: CANARY_SAMPLERS.systematic });
    expect(r.passed).toBe(false);
    expect(r.strata.every((s) => s.tests.find((t) => t.test === "adjacent-pair co-selection")?.rejected === true)).toBe(true);
  });
});

describe("calibration: a fair sampler fails the report at most at rate α (fixed seeds)", () => {
  // 4 strata × 60 units, ratio 0.1 (k = 6), 300 runs, α = 0.01: 12 tests per report. The number of failed reports out
  // of S is at most Bin(S, α) if the family-wise level holds; asserted: at most its upper 10⁻⁶ point. Without the
  // correction the same seeds fail ≈ 10% of reports (hostile9a case-04: 156 of 1500), far above that bound.
  it("S = 600 reports", () => {
    const alpha = 0.01;
    const S = 600;
    let failed = 0;
    let failedUncorrected = 0;
    for (let s = 0; s < S; s++) {
      const r = assessFairness({ pool, policy, runs: 300, baseSeed: `family-calibration-${s}`, alpha, sampler: fairSampler });
      if (!r.passed) failed++;
      if (r.strata.some((st) => st.tests.some((t) => t.pValue < alpha))) failedUncorrected++;
    }
    const upper = binomialInterval(S, alpha, 2e-6)[1];
    expect(failed).toBeLessThanOrEqual(upper);
    expect(failedUncorrected).toBeGreaterThan(upper); // the calibration can tell the two apart
  });
});
