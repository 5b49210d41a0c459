import { simulateInclusion, subsetUniformityTest } from "./src/stats/index.ts";
const ids = Array.from({ length: 6 }, (_, i) => `U${String(i).padStart(3, "0")}`);
const ps: number[] = [];
for (let s = 0; s < 60; s++) ps.push(subsetUniformityTest(simulateInclusion({ ids, k: 2, runs: 15_000, baseSeed: `big-${s}` })).pValue);
const hist = Array.from({length: 5}, (_, b) => ps.filter(p => p >= b/5 && p < (b+1)/5).length);
console.log("quintiles", hist, "below 0.01:", ps.filter(p => p < 0.01).length, "min", Math.min(...ps).toExponential(2));
// pooled: sum of X² over 60 independent runs ~ χ²(840)
