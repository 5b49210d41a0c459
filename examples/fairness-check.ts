/**
 * For test engineers: prove that a draw is fair — and that the test would notice if it were not.
 *   npx tsx --tsconfig examples/tsconfig.json examples/fairness-check.ts
 */
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CANARY_SAMPLERS, adjacentPairTest, assessFairness, binomialBounds, inclusionChiSquare, renderFairnessHtml, requiredRuns, simulateInclusion,
} from "shuangsuiji/stats";

const ids = Array.from({ length: 100 }, (_, i) => `U${String(i).padStart(3, "0")}`);
const alpha = 1e-4;

// 1. How many runs do I need? To see a 20% relative bias at π = 5% over 100 units (family α = 0.01, power 0.9):
console.log(`runs needed: ${requiredRuns({ pi: 0.05, delta: 0.2, units: 100 })}`);

// 2. The real algorithm, 20,000 seeded runs (reproducible: same base seed → same counts → same verdict).
const real = simulateInclusion({ ids, k: 5, runs: 20_000, baseSeed: "example-real" });
for (const t of [inclusionChiSquare(real, alpha), binomialBounds(real, alpha), adjacentPairTest(real, alpha)]) {
  console.log(`real      ${t.rejected ? "REJECTED" : "pass    "} ${t.test}: p = ${t.pValue.toPrecision(3)}`);
}

// 3. The canaries: the same tests must reject deliberately biased samplers.
for (const [name, sampler] of Object.entries(CANARY_SAMPLERS)) {
  const sim = simulateInclusion({ ids, k: 5, runs: 20_000, baseSeed: `example-${name}`, sampler });
  const rejected = [inclusionChiSquare(sim, alpha), binomialBounds(sim, alpha), adjacentPairTest(sim, alpha)].filter((t) => t.rejected).map((t) => t.test);
  console.log(`${name.padEnd(11)}${rejected.length > 0 ? `rejected by: ${rejected.join("; ")}` : "NOT rejected — the test has no power here"}`);
}

// 4. A whole pool under a policy, as an HTML report.
const pool = ids.map((id, i) => ({ id, riskClass: i < 60 ? "A" : i < 90 ? "B" : "D" }));
const report = assessFairness({ pool, policy: { strata: { A: { ratio: 0.05 }, B: { ratio: 0.2 }, D: { ratio: 0.6 } } }, runs: 5_000, baseSeed: "example-report" });
// Outside the repository: running an example never leaves files in the tree.
const file = join(tmpdir(), "shuangsuiji-fairness-report.html");
writeFileSync(file, renderFairnessHtml(report));
console.log(`report: ${file} (${report.passed ? "passed" : "FAILED"})`);
