// Streams 10^7 units from an async generator through commitPoolAsync and drawTargetsAsync and reports time and peak
// heap use, to show O(quota) memory: the pool never exists in memory. Run: npx tsx scripts/bench-stream.ts [units]
import { commitPoolAsync, createSeed, drawTargetsAsync } from "../src/index.js";

const N = Number(process.argv[2] ?? 10_000_000);
const CLASSES = ["A", "B", "C", "D"];
async function* units() {
  for (let i = 0; i < N; i++) yield { id: `91411303${String(i).padStart(10, "0")}`, riskClass: CLASSES[i % 4] as string };
}
let peak = 0;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 50);
const t0 = performance.now();
const commitment = await commitPoolAsync(units());
const t1 = performance.now();
const seed = createSeed("0123456789abcdef".repeat(4), { kind: "other", description: "stream bench" });
const record = await drawTargetsAsync({ taskId: "STREAM", pool: units(), seed, commitment, commitmentCheck: "counts", policy: { strata: { A: { ratio: 0.05 }, B: { ratio: 0.05 }, C: { ratio: 0.05 }, D: { ratio: 0.05 } } } });
const t2 = performance.now();
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().heapUsed);
console.log(`${N.toLocaleString()} units: commit ${((t1 - t0) / 1000).toFixed(1)} s, draw ${((t2 - t1) / 1000).toFixed(1)} s, selected ${record.selectedCount.toLocaleString()}, peak heap ${(peak / 2 ** 20).toFixed(0)} MiB`);
