// Experiment (issue 13 item 5): the stage-1 draw on both cores with worker_threads — the pool cut into contiguous
// shards, workers draw all but one with drawTargetShard while the calling thread draws the last, mergeTargetShards
// merges them (the record is identical to drawTargets). It is NOT part of the library: it was to be kept only if it
// gained >= 1.5x on two cores, and it did not (docs/benchmarks.md). Run: npx tsx bench/parallel.ts [units] [runs]
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { availableParallelism, cpus } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { commitPool, createSeed, drawTargets, drawTargetShard, mergeTargetShards, type DrawTargetsInput, type DrawUnit, type TargetDrawRecord, type TargetDrawShard } from "../src/index.js";
import { machine, makePool, ms, ratioPolicy, summarise } from "./_harness.js";

interface DrawTargetsParallelOptions {
  /** Worker threads besides the calling thread (which draws a shard too); default the available cores minus one. */
  readonly workers?: number;
  /** Pools smaller than this are drawn on the calling thread alone (a worker costs tens of ms to start); default 200,000. */
  readonly threshold?: number;
}

const MARK = "shuangsuiji/draw-shard-worker/v1";

// The units of one shard cross the thread boundary as three flat values instead of 10⁵ structured-cloned objects: all
// ids concatenated in one string, their end offsets, and the one-letter risk classes as one string. Units with other
// fields (eligibility data) or anything unusual are drawn sequentially instead.
interface PackedShard {
  readonly ids: string;
  readonly ends: Uint32Array;
  readonly classes: string;
}

function pack(pool: readonly DrawUnit[], from: number, to: number): PackedShard | undefined {
  const ids: string[] = new Array(to - from);
  const classes: string[] = new Array(to - from);
  const ends = new Uint32Array(to - from);
  let end = 0;
  for (let i = from; i < to; i++) {
    const u = pool[i];
    if (typeof u !== "object" || u === null || typeof u.id !== "string" || typeof u.riskClass !== "string" || u.riskClass.length !== 1) return undefined;
    if (u.registrationDate !== undefined || u.status !== undefined || u.divisionCode !== undefined) return undefined;
    ids[i - from] = u.id;
    classes[i - from] = u.riskClass;
    end += u.id.length;
    ends[i - from] = end;
  }
  return { ids: ids.join(""), ends, classes: classes.join("") };
}

function unpack(p: PackedShard): DrawUnit[] {
  const out: DrawUnit[] = new Array(p.ends.length);
  let start = 0;
  for (let i = 0; i < p.ends.length; i++) {
    const end = p.ends[i] as number;
    out[i] = { id: p.ids.slice(start, end), riskClass: p.classes[i] as string };
    start = end;
  }
  return out;
}

type WorkerReply = { readonly ok: true; readonly shard: TargetDrawShard } | { readonly ok: false; readonly why: string };
let fallbacks = 0; // counted so the figure says whether the workers really drew

// This module is also the worker's script: started with the marker in workerData, it draws its shard and replies.
if (!isMainThread && (workerData as { mark?: unknown } | null)?.mark === MARK) {
  const data = workerData as { mark: string; input: Omit<DrawTargetsInput, "pool">; units: PackedShard };
  let reply: WorkerReply;
  try {
    reply = { ok: true, shard: drawTargetShard({ ...data.input, pool: unpack(data.units) }) };
  } catch (e) {
    reply = { ok: false, why: String(e) }; // the calling thread re-runs sequentially and throws the error with pool-wide indices
  }
  parentPort?.postMessage(reply);
}

function thisModule(): string {
  // ESM build and sources: import.meta.url; CommonJS build: __filename (import.meta is empty there)
  return typeof __filename === "string" ? __filename : fileURLToPath(import.meta.url);
}

function runWorker(input: Omit<DrawTargetsInput, "pool">, units: PackedShard): Promise<WorkerReply> {
  const file = thisModule();
  return new Promise((resolve) => {
    // run from TypeScript sources by tsx: the worker registers the same loader before importing this file
    const script = file.endsWith(".ts") ? `import("tsx/esm/api").then((t) => { t.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); })` : file;
    const w = new Worker(script, {
      eval: file.endsWith(".ts"),
      workerData: { mark: MARK, input, units },
      transferList: [units.ends.buffer as ArrayBuffer],
    });
    let done = false;
    const finish = (r: WorkerReply) => {
      if (done) return;
      done = true;
      resolve(r);
      void w.terminate();
    };
    w.once("message", (m: WorkerReply) => finish(m));
    w.once("error", (e) => finish({ ok: false, why: String(e) }));
    w.once("exit", () => finish({ ok: false, why: "exited" }));
  });
}

// The record is identical to drawTargets(input); small pools, bad units or a failing worker fall back to it.
async function drawTargetsParallel(input: DrawTargetsInput & { readonly pool: readonly DrawUnit[] }, options: DrawTargetsParallelOptions = {}): Promise<TargetDrawRecord> {
  const pool = input.pool;
  const cores = typeof availableParallelism === "function" ? availableParallelism() : cpus().length;
  const workers = Math.max(0, Math.floor(options.workers ?? cores - 1));
  if (!Array.isArray(pool) || workers === 0 || pool.length < (options.threshold ?? 200_000)) return drawTargets(input);
  const { pool: _all, ...common } = input;
  const parts = workers + 1;
  const size = Math.ceil(pool.length / parts);
  const replies: Promise<WorkerReply>[] = [];
  for (let k = 0; k < workers; k++) {
    const units = pack(pool, k * size, Math.min(pool.length, (k + 1) * size));
    if (units === undefined) return drawTargets(input);
    replies.push(runWorker(common, units));
  }
  const own = (function* () {
    for (let i = workers * size; i < pool.length; i++) yield pool[i] as DrawUnit;
  })();
  let mine: TargetDrawShard;
  try {
    mine = drawTargetShard({ ...common, pool: own });
  } catch {
    await Promise.all(replies);
    return drawTargets(input);
  }
  const shards: TargetDrawShard[] = [];
  for (const r of await Promise.all(replies)) {
    if (!r.ok) {
      fallbacks++;
      if (fallbacks === 1) console.error(`worker failed: ${r.why}`);
      return drawTargets(input);
    }
    shards.push(r.shard);
  }
  shards.push(mine);
  try {
    return mergeTargetShards(shards, common);
  } catch {
    return drawTargets(input); // the same error, raised by the sequential path itself
  }
}

if (isMainThread) {
  const N = Number(process.argv[2] ?? 1_000_000);
  const RUNS = Number(process.argv[3] ?? 5);
  const pool = makePool(N);
  const seed = createSeed("0123456789abcdef".repeat(4), { kind: "other", description: "parallel bench" });
  const input = { taskId: "PAR", pool, seed, commitment: commitPool(pool), policy: ratioPolicy(0.05) };
  const same = (await drawTargetsParallel(input, { workers: 1 })).digest === drawTargets(input).digest;
  if (!same) throw new Error("the parallel record differs from the sequential one");
  const seq: number[] = [];
  const par: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    let t = performance.now();
    drawTargets(input);
    seq.push(performance.now() - t);
    t = performance.now();
    await drawTargetsParallel(input, { workers: 1 });
    par.push(performance.now() - t);
  }
  const s1 = summarise(seq);
  const s2 = summarise(par);
  console.log(`machine: ${machine()}`);
  console.log(`${N.toLocaleString("en")} units, 4 strata, 5%, default options, ${RUNS} interleaved runs; identical records: ${same}`);
  console.log(`sequential drawTargets: min ${ms(s1.min)} ms, median ${ms(s1.median)} ms`);
  console.log(`calling thread + 1 worker: min ${ms(s2.min)} ms, median ${ms(s2.median)} ms`);
  console.log(`runs that fell back to the sequential draw: ${fallbacks}`);
  console.log(`gain (sequential / parallel, median of per-run ratios): ${summarise(seq.map((x, i) => x / (par[i] as number))).median.toFixed(2)}×`);
}
