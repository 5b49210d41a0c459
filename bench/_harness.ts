// Shared helpers of the benchmark scripts: repeated timing (min and median), the native-hash floor, the machine.
import { createHash } from "node:crypto";
import { cpus, loadavg, totalmem } from "node:os";
import { hexToBytes, lengthDelimited } from "../src/draw/_shared/_encoding.js";
import { STAGE1_ALGORITHM } from "../src/draw/targets/_pool.js";

export interface Timing {
  readonly min: number;
  readonly median: number;
  readonly runs: readonly number[];
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed (ms). */
export function time(fn: () => unknown, runs = 5, warmup = 1): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  return summarise(t);
}

export async function timeAsync(fn: () => Promise<unknown>, runs = 5, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  return summarise(t);
}

export function summarise(t: readonly number[]): Timing {
  const s = [...t].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
  return { min: s[0] as number, median, runs: t };
}

/**
 * The floor: node:crypto `createHash("sha256")` once per unit over the canonical ticket input bytes (length-delimited
 * tag, seed bytes, task id, unit id — exactly what a ticket hashes), the bytes prepared before timing.
 */
export function floorInputs(seedHex: string, taskId: string, ids: readonly string[]): Uint8Array[] {
  return ids.map((id) => lengthDelimited([STAGE1_ALGORITHM, hexToBytes(seedHex), taskId, id]));
}

export function hashFloor(inputs: readonly Uint8Array[]): void {
  for (const b of inputs) createHash("sha256").update(b).digest();
}

export const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

export function machine(): string {
  const c = cpus();
  return `${c.length} × ${c[0]?.model.trim() ?? "?"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${process.platform}, Node ${process.version}; load average at start ${loadavg().map((x) => x.toFixed(1)).join(" ")} (shared machine: absolute times are noisy, ratios are taken in the same run)`;
}

/** A markdown table. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (r: readonly string[]) => `| ${r.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

/** A pool of `n` USCC-like ids over four risk classes, deterministic. */
export const CLASSES = ["A", "B", "C", "D"] as const;
export const unitId = (i: number): string => `91411303${String(i).padStart(10, "0")}`;
export const makePool = (n: number) => Array.from({ length: n }, (_, i) => ({ id: unitId(i), riskClass: CLASSES[i % 4] as string }));
export const ratioPolicy = (ratio: number) => ({ strata: Object.fromEntries(CLASSES.map((c) => [c, { ratio }])) });

/**
 * Warms every figure once, then repeats `runs` times: the floor, then each figure in order (ms per call). Interleaving
 * makes a change of machine load hit the floor and the figures alike, so per-run ratios stay meaningful.
 */
export function interleaved(floor: () => unknown, figures: readonly (readonly [string, () => unknown])[], runs: number): { floor: number[]; figures: number[][] } {
  floor();
  for (const [, f] of figures) f();
  const out = { floor: [] as number[], figures: figures.map(() => [] as number[]) };
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    floor();
    out.floor.push(performance.now() - t);
    figures.forEach(([, f], i) => {
      t = performance.now();
      f();
      (out.figures[i] as number[]).push(performance.now() - t);
    });
  }
  return out;
}
