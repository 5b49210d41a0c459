// The draw's figures, each with its ratio to the floor measured in the same run (bench/_harness.ts: node:crypto
// createHash("sha256") once per unit over the canonical ticket input bytes). Runs are interleaved (floor, then each
// figure, repeated) so a change of machine load hits all figures alike; min and median over the runs are printed, and
// the ratio is the median of the per-run ratios. Run: npx tsx bench/draw.ts [runs=5] [units=1000000]
import { commitPool, createSeed, drawInspectors, drawTargets, lockTargetDraw, verifyTargetDraw, verifyTargetDrawAsync, type Inspector } from "../src/index.js";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { floorInputs, hashFloor, interleaved, machine, makePool, ms, ratioPolicy, summarise, table, type Timing } from "./_harness.js";

const RUNS = Number(process.argv[2] ?? 5);
const N = Number(process.argv[3] ?? 1_000_000);
const seed = createSeed("0123456789abcdef".repeat(4), { kind: "other", description: "bench" });
const pool = makePool(N);
const commitment = commitPool(pool);
// let: released (with the record) before the cost-per-selected pair is measured again on its own, at the end
let floorBytes = floorInputs(seed.value, "BENCH", pool.map((u) => u.id));
const p5 = ratioPolicy(0.05);
const p50 = ratioPolicy(0.5);
let record = drawTargets({ taskId: "BENCH", pool, policy: p5, seed, commitment });
const tiny = { strata: { A: { count: 1 }, B: { count: 1 }, C: { count: 1 }, D: { count: 1 } } };

// stage 2: 10^4 locked targets, 5 departments of 300 inspectors each
const tenK = Array.from({ length: 10_000 }, (_, i) => ({ id: `T${String(i).padStart(5, "0")}`, riskClass: "A" }));
const locked = lockTargetDraw(drawTargets({ taskId: "BENCH2", pool: tenK, seed, commitment: commitPool(tenK), policy: { strata: { A: { ratio: 1 } } } }), { lockedOn: "2026-04-02", lockedBy: "bench" });
const departments = ["D1", "D2", "D3", "D4", "D5"].map((d) => ({
  departmentId: d,
  requiredExpertise: ["食品"],
  inspectors: Array.from({ length: 300 }, (_, i): Inspector => ({ id: `${d}-${i}`, name: `n${i}`, departmentId: d, category: "qualified-staff", expertise: ["食品"] })),
}));
const seed2 = createSeed("fedcba9876543210".repeat(4), { kind: "other", description: "bench 2" });
const stage2 = () => {
  const r = drawInspectors({ locked, seed: seed2, initiatingDepartmentId: "D1", departments });
  if (!r.ok) throw new Error("stage 2 failed");
};
// Warmed to a steady state before the interleaved runs, as bench/stage2.ts is: one warm-up call of a 10⁶-unit figure
// runs its loops 10⁶ times, one stage-2 call does not — its first calls in a process include compiling the draw
// (bench/stage2.ts prints that cold first call separately).
for (let i = 0; i < 10; i++) stage2();

const figures: [string, () => unknown][] = [
  [`drawTargets, ${N.toLocaleString("en")} units, 4 strata, 5%, default options`, () => drawTargets({ taskId: "BENCH", pool, policy: p5, seed, commitment })],
  [`drawTargets, same, commitmentCheck: "counts"`, () => drawTargets({ taskId: "BENCH", pool, policy: p5, seed, commitment, commitmentCheck: "counts" })],
  [`verifyTargetDraw of that draw`, () => {
    if (!verifyTargetDraw(record, pool).ok) throw new Error("verify failed");
  }],
  [`commitPool, ${N.toLocaleString("en")} units`, () => commitPool(pool)],
  [`drawTargets, 1 unit per stratum (default options)`, () => drawTargets({ taskId: "BENCH", pool, policy: tiny, seed, commitment })],
  [`drawTargets, 50% (default options)`, () => drawTargets({ taskId: "BENCH", pool, policy: p50, seed, commitment })],
  [`stage 2, 10⁴ targets × 5 departments × 300 inspectors (floor scaled to 10⁴ units)`, stage2],
];

const measured = interleaved(() => hashFloor(floorBytes), figures, RUNS);
const floorRuns = measured.floor;
const runs = measured.figures;
const floor = summarise(floorRuns);
const STAGE2 = figures.length - 1;
const ratio = (t: readonly number[], i: number) => {
  // stage 2 is compared with the floor for 10^4 units (the targets it draws for)
  const scale = i === STAGE2 ? 10_000 / N : 1;
  return summarise(t.map((x, r) => x / ((floorRuns[r] as number) * scale))).median;
};
const timings: Timing[] = runs.map(summarise);
console.log(`machine: ${machine()}`);
console.log(`runs: ${RUNS} (interleaved), units: ${N.toLocaleString("en")}\n`);
const rows = [[`floor: node:crypto createHash once per unit over the ticket bytes, ${N.toLocaleString("en")} units`, ms(floor.min), ms(floor.median), "1"]];
figures.forEach(([name], i) => {
  const t = timings[i] as Timing;
  rows.push([name, ms(t.min), ms(t.median), `${ratio(t.runs, i).toFixed(2)}×`]);
});
console.log(table(["figure", "min ms", "median ms", "ratio to floor (median of per-run ratios)"], rows));
// cost per selected unit: the 50% draw minus the 1-per-stratum draw, over the extra selected units
const sel50 = drawTargets({ taskId: "BENCH", pool, policy: p50, seed, commitment }).selectedCount;
const extra = (runs[5] as number[]).map((x, r) => (x - (runs[4] as number[])[r]!) / (sel50 - 4));
const per = summarise(extra.map((x) => x * 1000));
const perUnit = summarise((runs[4] as number[]).map((x) => (x * 1000) / N));
console.log(`\ncost per selected unit (50% draw − 1-per-stratum draw, over ${(sel50 - 4).toLocaleString("en")} extra selected): min ${per.min.toFixed(2)} µs, median ${per.median.toFixed(2)} µs; per unselected unit (1-per-stratum draw / units): median ${perUnit.median.toFixed(2)} µs`);
console.log(`floor per unit: median ${((floor.median * 1000) / N).toFixed(2)} µs`);
// the streamed verifier (async: timed after the interleaved figures, with a floor run before each of its runs)
async function* streamed() {
  yield* pool;
}
const asyncFloor: number[] = [];
const asyncRuns: number[] = [];
for (let r = 0; r < RUNS + 1; r++) {
  let t = performance.now();
  hashFloor(floorBytes);
  const f = performance.now() - t;
  t = performance.now();
  if (!(await verifyTargetDrawAsync(record, streamed())).ok) throw new Error("async verify failed");
  if (r > 0) {
    asyncFloor.push(f);
    asyncRuns.push(performance.now() - t);
  }
}
const av = summarise(asyncRuns);
console.log(`verifyTargetDrawAsync of that draw, pool from an async generator: min ${ms(av.min)} ms, median ${ms(av.median)} ms, ratio to floor ${summarise(asyncRuns.map((x, r) => x / (asyncFloor[r] as number))).median.toFixed(2)}× (median of per-run ratios; floor median ${ms(summarise(asyncFloor).median)} ms)`);

// The cost per selected unit again, the two draws alone (alternating, after one untimed pair), once the bench's own
// data is released and collected: the floor's 10^6 input arrays (each its own ArrayBuffer, ≈ 200 MB of live heap) and
// the records of the figures above. In the interleaved runs every mark-compact the 50 % draw triggers has to mark that
// data too — 2–6× the collection cost of a heap holding the pool alone (a `--trace-gc` and PerformanceObserver study,
// docs/benchmarks.md "Streamed 10⁷ and the cost per selected unit, round 4") — so the row above charges the draw for
// the bench's memory. Here the pool (and the draws' own output) is the only large live data, as in a process that
// draws; the collections the draws' own allocations cause are still inside their time (nothing is collected between
// the timed runs).
floorBytes = [];
record = undefined as unknown as typeof record;
figures.length = 0;
setFlagsFromString("--expose-gc");
(runInNewContext("gc") as () => void)();
const tinyDraw = () => drawTargets({ taskId: "BENCH", pool, policy: tiny, seed, commitment });
const halfDraw = () => drawTargets({ taskId: "BENCH", pool, policy: p50, seed, commitment });
tinyDraw();
halfDraw();
const alone: [number[], number[]] = [[], []];
for (let r = 0; r < RUNS; r++) {
  let t = performance.now();
  tinyDraw();
  alone[0].push(performance.now() - t);
  t = performance.now();
  halfDraw();
  alone[1].push(performance.now() - t);
}
const perAlone = summarise(alone[1].map((x, r) => ((x - (alone[0][r] as number)) * 1000) / (sel50 - 4)));
console.log(`cost per selected unit, the two draws alone (the bench's floor inputs and records released and collected first; ${RUNS} alternating runs): min ${perAlone.min.toFixed(2)} µs, median ${perAlone.median.toFixed(2)} µs (1 per stratum ${ms(summarise(alone[0]).median)} ms, 50% ${ms(summarise(alone[1]).median)} ms, medians)`);
