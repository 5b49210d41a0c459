import { bench, describe } from "vitest";
import { simulateInclusion } from "../src/stats/index.js";

const hundred = Array.from({ length: 100 }, (_, i) => `U${i}`);
describe("fairness simulation: 2×10^4 draws of 100 units", () => {
  bench("simulateInclusion (real stage-1 algorithm, k = 5)", () => void simulateInclusion({ ids: hundred, k: 5, runs: 20_000, baseSeed: "bench" }), { iterations: 5, warmupIterations: 1, time: 0 });
});
