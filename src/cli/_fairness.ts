// `fairness` on both cores: the simulated draws of every stratum are split by run ranges over worker threads, each
// running the sampler under test with the same per-run seeds (runSeed) that assessFairness uses. The selections come
// back as flat Int32Arrays, and assessFairness then replays them — so the report (tests, p-values, charts) is exactly
// the one a single-threaded assessFairness with that sampler gives, only computed in parallel.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { stratumQuota } from "../draw/targets/computeQuota.js";
import type { DrawUnit } from "../draw/targets/DrawUnit.js";
import type { SamplingPolicy } from "../draw/targets/SamplingPolicy.js";
import { boundedHeap, ticketHasher } from "../draw/targets/_pool.js";
import { assessFairness, type FairnessReport } from "../stats/assessFairness.js";
import { CANARY_SAMPLERS, type Sampler } from "../stats/samplers.js";
import { runSeed } from "../stats/simulateInclusion.js";
import type { Progress } from "./_progress.js";

/**
 * The library's stage-1 algorithm on one stratum, as `stage1Sampler` (shuangsuiji/stats) computes it — the k smallest
 * (ticket, id) — but with one reused ticket buffer and a bounded heap instead of a full sort: same indices, far less
 * work per run. test/cli/fairness.test.ts checks it against stage1Sampler.
 */
export const fastStage1Sampler: Sampler = (ids, k, seed) => {
  const hash = ticketHasher(seed, "fairness");
  const heap = boundedHeap(k);
  const w = new Int32Array(8);
  for (const id of ids) {
    hash(id, w);
    heap.offer(w, id);
  }
  const index = indexOf(ids);
  return heap.sorted().map((c) => index.get(c.id) as number);
};

const indexCache = new WeakMap<readonly string[], Map<string, number>>();
function indexOf(ids: readonly string[]): Map<string, number> {
  let m = indexCache.get(ids);
  if (m === undefined) {
    m = new Map(ids.map((id, i) => [id, i]));
    indexCache.set(ids, m);
  }
  return m;
}

/** Samplers selectable with `--sampler`: the real algorithm and the known-biased negative controls. */
export const SAMPLERS: Readonly<Record<string, Sampler>> = {
  real: fastStage1Sampler,
  "modulo-bias": CANARY_SAMPLERS.moduloBias,
  systematic: CANARY_SAMPLERS.systematic,
  "never-last": CANARY_SAMPLERS.neverLast,
};

/** One stratum to simulate. */
interface StratumJob {
  readonly riskClass: string;
  readonly ids: readonly string[];
  readonly k: number;
}

/** What a worker is asked to do: runs [from, to) of every stratum. */
export interface FairnessJob {
  readonly strata: readonly StratumJob[];
  readonly baseSeed: string;
  readonly sampler: string;
  readonly from: number;
  readonly to: number;
}

/** Runs a job (in a worker or inline); `onRuns(n)` is called with the number of unit-runs done since the last call. */
export function runFairnessJob(job: FairnessJob, onRuns: (n: number) => void): Int32Array[] {
  const sampler = SAMPLERS[job.sampler] as Sampler;
  return job.strata.map((s) => {
    const out = new Int32Array((job.to - job.from) * s.k);
    let pending = 0;
    for (let r = job.from; r < job.to; r++) {
      const sel = sampler(s.ids, s.k, runSeed(`${job.baseSeed}/${s.riskClass}`, r));
      if (sel.length !== s.k) throw new Error(`sampler ${job.sampler} returned ${sel.length} units instead of ${s.k}`);
      out.set(sel, (r - job.from) * s.k);
      pending += s.ids.length;
      if (pending >= 200_000) {
        onRuns(pending);
        pending = 0;
      }
    }
    onRuns(pending);
    return out;
  });
}

/** The worker side: runs the job it was given and posts progress and the selections back. */
export function fairnessWorker(job: FairnessJob, post: (msg: unknown, transfer?: ArrayBuffer[]) => void): void {
  const result = runFairnessJob(job, (n) => post({ progress: n }));
  post({ result }, result.map((a) => a.buffer as ArrayBuffer));
}

/** Options of {@link assessFairnessParallel}. */
export interface ParallelFairnessInput {
  readonly pool: readonly DrawUnit[];
  readonly policy: SamplingPolicy;
  readonly runs: number;
  readonly baseSeed: string;
  readonly alpha: number;
  readonly sampler: string;
  /** Worker threads; 1 runs inline. Default: the machine's available parallelism. */
  readonly workers?: number;
  /** The script a worker runs (the command line's own file). */
  readonly workerScript: URL;
  readonly progress: Progress;
}

/** Total unit-runs of a fairness assessment (the progress total). */
export function fairnessWork(strata: readonly StratumJob[], runs: number): number {
  return strata.reduce((n, s) => n + s.ids.length * runs, 0);
}

/** assessFairness with the simulations spread over worker threads (see the file comment). */
export async function assessFairnessParallel(input: ParallelFairnessInput): Promise<FairnessReport> {
  const classes = [...new Set(input.pool.map((u) => u.riskClass))].sort();
  const strata: StratumJob[] = [];
  for (const cls of classes) {
    const ids = input.pool.filter((u) => u.riskClass === cls).map((u) => u.id);
    const q = stratumQuota(input.policy, cls, ids.length);
    if (q.quota > 0 && !q.census) strata.push({ riskClass: cls, ids, k: q.quota });
  }
  const total = fairnessWork(strata, input.runs);
  const workers = Math.max(1, Math.min(input.workers ?? availableParallelism(), input.runs, 64));
  const bounds = Array.from({ length: workers + 1 }, (_, i) => Math.round((i * input.runs) / workers));
  let done = 0;
  const onRuns = (n: number) => {
    done += n;
    input.progress.tick(done);
  };
  const parts: Int32Array[][] =
    workers === 1 || (input.workers === undefined && total < 2_000_000)
      ? [runFairnessJob({ strata, baseSeed: input.baseSeed, sampler: input.sampler, from: 0, to: input.runs }, onRuns)]
      : await Promise.all(
          bounds.slice(0, -1).map(
            (from, w) =>
              new Promise<Int32Array[]>((resolve, reject) => {
                const job: FairnessJob = { strata, baseSeed: input.baseSeed, sampler: input.sampler, from, to: bounds[w + 1] as number };
                const worker = new Worker(input.workerScript, { workerData: { shuangsuijiFairnessJob: job } });
                worker.on("message", (m: { progress?: number; result?: Int32Array[] }) => {
                  if (m.progress !== undefined) onRuns(m.progress);
                  if (m.result !== undefined) resolve(m.result);
                });
                worker.on("error", reject);
                worker.on("exit", (code) => (code === 0 ? undefined : reject(new Error(`fairness worker exited with code ${code}`))));
              }),
          ),
        );
  input.progress.end();
  // Replay: the selections of run r of a stratum, keyed by that run's seed.
  const ranges = parts.length === 1 ? [0, input.runs] : bounds;
  const bySeed = new Map<string, Int32Array>();
  strata.forEach((s, si) => {
    parts.forEach((part, p) => {
      const sel = part[si] as Int32Array;
      for (let r = ranges[p] as number; r < (ranges[p + 1] as number); r++) {
        const o = (r - (ranges[p] as number)) * s.k;
        bySeed.set(runSeed(`${input.baseSeed}/${s.riskClass}`, r), sel.subarray(o, o + s.k));
      }
    });
  });
  const replay: Sampler = (_ids, _k, seed) => {
    const sel = bySeed.get(seed);
    if (sel === undefined) throw new Error(`no simulated run for seed ${seed}`);
    return Array.from(sel); // a plain array: assessFairness checks the sampler's result as plain data
  };
  return assessFairness({ pool: input.pool, policy: input.policy, runs: input.runs, baseSeed: input.baseSeed, alpha: input.alpha, sampler: replay });
}
