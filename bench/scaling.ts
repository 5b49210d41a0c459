// The scaling line: drawTargets (default options, 4 strata, 5%) at 10^4 … 10^6 units from an in-memory array, and 10^7
// units streamed from an async generator (commitPoolAsync, then drawTargetsAsync: the pool never exists in memory),
// yielding batches of 4096 units as a cursor or file reader would (one await per batch; the ids sliced from one decoded
// text per batch, the batch array and unit objects reused; `--unbatched` in the child's arguments yields one fresh unit
// per await instead, for comparison).
// Each size runs in a fresh child process, so its peak resident memory (maxRSS) is its own; each child also measures
// the floor (node:crypto createHash once per unit over the ticket bytes, on up to 10^5 units, scaled) in the same run,
// after the figure and its peak RSS are taken (the floor's native hash contexts stay resident).
// `--bundled`: the children run this script bundled by esbuild (into .tmp/) under plain node instead of under tsx, so
// their peak RSS is the library's and the runtime's, without tsx's loader (about 90 MiB more at every size).
// Run: npx tsx bench/scaling.ts [runs=5] [largest=10000000] [smallest=10000] [--unbatched] [--bundled]
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { commitPool, commitPoolAsync, createSeed, drawTargets, drawTargetsAsync, verifyTargetDrawAsync } from "../src/index.js";
import { floorInputs, hashFloor, machine, makePool, ms, ratioPolicy, summarise, table, unitId, CLASSES } from "./_harness.js";

const seed = createSeed("0123456789abcdef".repeat(4), { kind: "other", description: "scaling bench" });
const policy = ratioPolicy(0.05);

const BATCH = 4096;
const ID_PREFIX = "91411303"; // unitId(i) = ID_PREFIX + i in 10 digits
const ID_LENGTH = 18;

async function child(n: number, streamed: boolean, verify = false, unbatched = false): Promise<void> {
  // the floor, measured in this process after the figure and its peak RSS are taken: node:crypto's hash contexts
  // (2 × 10^5 of them) leave tens of MiB of native memory resident, which is the floor's, not the draw's
  const measureFloor = (): number => {
    const sample = Math.min(n, 100_000);
    const bytes = floorInputs(seed.value, "SCALE", Array.from({ length: sample }, (_, i) => unitId(i)));
    hashFloor(bytes);
    const t0 = performance.now();
    hashFloor(bytes);
    return ((performance.now() - t0) * n) / sample;
  };
  let t: number;
  let selected: number;
  if (streamed) {
    async function* single() {
      for (let i = 0; i < n; i++) yield { id: unitId(i), riskClass: CLASSES[i % 4] as string };
    }
    // as a file or cursor reader yields them: the batch's ids decoded from one byte buffer into one string and sliced
    // from it (flat slices, no per-id concatenation), the batch array and its unit objects reused from batch to batch
    // (the library reads a batch before asking for the next and never keeps a unit object: test/draw/streamBatches)
    const decoder = new TextDecoder();
    async function* batched() {
      const batch = Array.from({ length: BATCH }, () => ({ id: "", riskClass: "A" }));
      const bytes = new Uint8Array(ID_LENGTH * BATCH);
      for (let k = 0; k < BATCH; k++) for (let c = 0; c < ID_PREFIX.length; c++) bytes[ID_LENGTH * k + c] = ID_PREFIX.charCodeAt(c);
      // the running number's digits (as a reader's buffer would hold them), incremented from unit to unit and copied
      // into the batch's bytes: no division per digit
      const digits = new Uint8Array(ID_LENGTH - ID_PREFIX.length).fill(48);
      for (let i = 0; i < n; i += BATCH) {
        const end = Math.min(n, i + BATCH);
        if (end - i < BATCH) batch.length = end - i;
        for (let j = i; j < end; j++) {
          const o = ID_LENGTH * (j - i) + ID_PREFIX.length;
          for (let d = 0; d < digits.length; d++) bytes[o + d] = digits[d] as number;
          let d = digits.length - 1;
          while (d >= 0 && digits[d] === 57) digits[d--] = 48;
          if (d >= 0) digits[d] = (digits[d] as number) + 1;
        }
        const text = decoder.decode(bytes);
        for (let j = i; j < end; j++) {
          const u = batch[j - i] as { id: string; riskClass: string };
          const o = ID_LENGTH * (j - i);
          u.id = text.slice(o, o + ID_LENGTH); // = unitId(j)
          u.riskClass = CLASSES[j % 4] as string;
        }
        if ((i === 0 || end === n) && batch.some((u, k) => u.id !== unitId(i + k))) throw new Error("bench ids differ from unitId");
        yield batch;
      }
    }
    const units = unbatched ? single : batched;
    // CPU time (user + sys of the whole process, the collector's helper threads included) beside the wall time: on a
    // shared machine it moves less with the load than the wall time does
    const c0 = process.cpuUsage();
    t = performance.now();
    const commitment = await commitPoolAsync(units());
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    const record = await drawTargetsAsync({ taskId: "SCALE", pool: units(), seed, commitment, policy });
    selected = record.selectedCount;
    const t2 = performance.now();
    const c2 = process.cpuUsage();
    const cpu = { cpuCommit: (c1.user + c1.system - c0.user - c0.system) / 1000, cpuDraw: (c2.user + c2.system - c1.user - c1.system) / 1000 };
    if (verify) {
      // the streamed verifier after the draw in the same process: its peak includes the draw's
      if (!(await verifyTargetDrawAsync(record, units())).ok) throw new Error("verify failed");
      const verifyMs = performance.now() - t2;
      const maxRssKiB = process.resourceUsage().maxRSS;
      console.log(JSON.stringify({ n, streamed, commit: 0, draw: verifyMs, floor: measureFloor(), selected, maxRssKiB }));
      return;
    }
    const maxRssKiB = process.resourceUsage().maxRSS;
    console.log(JSON.stringify({ n, streamed, commit: t1 - t, draw: t2 - t1, ...cpu, floor: measureFloor(), selected, maxRssKiB }));
    return;
  }
  const pool = makePool(n);
  const commitment = commitPool(pool);
  drawTargets({ taskId: "SCALE", pool, seed, commitment, policy });
  t = performance.now();
  selected = drawTargets({ taskId: "SCALE", pool, seed, commitment, policy }).selectedCount;
  const draw = performance.now() - t;
  const maxRssKiB = process.resourceUsage().maxRSS;
  console.log(JSON.stringify({ n, streamed, commit: 0, draw, floor: measureFloor(), selected, maxRssKiB }));
}

if (process.argv[2] === "--child") {
  await child(Number(process.argv[3]), process.argv[4] !== "array", process.argv[4] === "verify", process.argv.includes("--unbatched"));
} else {
  const UNBATCHED = process.argv.includes("--unbatched"); // the streamed rows yield one unit per await
  const BUNDLED = process.argv.includes("--bundled");
  const args = process.argv.filter((a) => a !== "--unbatched" && a !== "--bundled");
  const RUNS = Number(args[2] ?? 5);
  const LARGEST = Number(args[3] ?? 10_000_000);
  let self = fileURLToPath(import.meta.url);
  let runner = ["--import", "tsx"];
  if (BUNDLED) {
    const { buildSync } = await import("esbuild");
    mkdirSync(".tmp", { recursive: true });
    buildSync({ entryPoints: [self], bundle: true, platform: "node", format: "esm", target: "node18", outfile: ".tmp/scaling-bench.mjs", logLevel: "warning" });
    self = ".tmp/scaling-bench.mjs";
    runner = [];
  }
  const SMALLEST = Number(args[4] ?? 10_000);
  const sizes = [10_000, 100_000, 1_000_000, 10_000_000].filter((n) => n <= LARGEST && n >= SMALLEST);
  const jobs: [number, "array" | "streamed" | "verify"][] = sizes.map((n) => [n, n >= 10_000_000 ? "streamed" : "array"]);
  if (LARGEST >= 10_000_000) jobs.push([10_000_000, "verify"]);
  console.log(`machine: ${machine()}\nruns per size: ${RUNS} (each a fresh process${BUNDLED ? ", this script bundled by esbuild, plain node" : ", under tsx"})\n`);
  const rows: string[][] = [];
  let baseRss: number | undefined; // the smallest size's peak: the runtime and the code, not the draw
  for (const [n, mode] of jobs) {
    const streamed = mode !== "array";
    const runs = Array.from({ length: RUNS }, () => JSON.parse(execFileSync(process.execPath, [...runner, self, "--child", String(n), mode, ...(UNBATCHED ? ["--unbatched"] : [])], { encoding: "utf8", maxBuffer: 1 << 20 }).trim().split("\n").pop() as string) as { commit: number; draw: number; floor: number; selected: number; maxRssKiB: number });
    const total = summarise(runs.map((r) => r.commit + r.draw));
    const ratio = summarise(runs.map((r) => r.draw / r.floor));
    const rss = summarise(runs.map((r) => r.maxRssKiB / 1024));
    const sel = (runs[0] as { selected: number }).selected;
    baseRss ??= rss.median;
    rows.push([
      n.toLocaleString("en"),
      `${mode === "verify" ? "async stream: verifyTargetDrawAsync (timed alone; peak RSS includes the draw before it)" : streamed ? "async stream: commitPoolAsync + drawTargetsAsync" : "array: drawTargets"}${streamed ? (UNBATCHED ? ", one unit per await" : `, batches of ${BATCH}`) : ""}`,
      `${ms(total.min)} / ${ms(total.median)}${streamed && mode !== "verify" ? ` (commit ${ms(summarise(runs.map((r) => r.commit)).median)} + draw ${ms(summarise(runs.map((r) => r.draw)).median)})` : ""}`,
      `${ratio.median.toFixed(2)}×`,
      `${rss.median.toFixed(0)} MiB`,
      `${sel.toLocaleString("en")}`,
      n === sizes[0] ? "(baseline)" : mode === "verify" ? "—" : `${(((rss.median - baseRss) * 1024) / sel).toFixed(2)} KiB`,
    ]);
  }
  console.log(table(["units", "how", "ms min / median (stream: commit + draw)", "draw (or verify) / floor", "peak RSS (median)", "selected", "(peak RSS − baseline) per selected unit"], rows));
}
