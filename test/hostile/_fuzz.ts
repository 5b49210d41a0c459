// The fuzz loop. It runs inside a worker thread (see _worker.mjs) so that the main test can stop a call that does not
// return (the watchdog) or that exhausts memory, and report the input that did it.
import fc from "fast-check";
import { ENTRY_POINTS } from "./_entries.js";
import { baselines } from "./_baselines.js";
import { describeValue, hostileValue, materialize, mutate, mutation } from "./_hostile.js";

/** Inputs are generated in chunks (memory stays small with 10^4 inputs per export). */
export const CHUNK = 50;

export interface FuzzTarget { readonly entry: string; readonly name: string }
export interface Failure { readonly kind: "foreign-exception" | "bad-code" | "pollution" | "hang" | "crash" | "harness"; readonly message: string; readonly sample: string; readonly count: number }
export interface ExportReport { readonly entry: string; readonly name: string; readonly calls: number; readonly failures: readonly Failure[] }

function seedOf(base: number, name: string, chunk: number): number {
  let h = base | 0;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h + Math.imul(chunk, 0x9e3779b1)) | 0;
}

/** The arbitrary of argument lists for one export: pure junk, baselines with one argument replaced, mutated baselines. */
export function argsArbitrary(fn: (...a: unknown[]) => unknown, base: readonly (readonly unknown[])[] | undefined): fc.Arbitrary<() => unknown[]> {
  // Each input is a thunk: the hostile values (Proxies included) are built after fast-check has generated the recipe.
  const junk = fc.array(hostileValue, { minLength: 0, maxLength: Math.max(1, fn.length) + 1 }).map((specs) => () => specs.map(materialize));
  if (base === undefined || base.length === 0) return junk;
  const pickBase = fc.nat({ max: base.length - 1 });
  const replaced = fc.tuple(pickBase, fc.nat(), hostileValue).map(([b, i, v]) => () => {
    const args = mutate(base[b]!, []);
    args[i % Math.max(1, args.length)] = materialize(v);
    return args;
  });
  const mutated = fc.tuple(pickBase, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([b, ms]) => () => mutate(base[b]!, ms));
  return fc.oneof({ weight: 1, arbitrary: junk }, { weight: 2, arbitrary: replaced }, { weight: 5, arbitrary: mutated });
}

/** Regenerates input `index` of an export (for hang and crash reports). */
export async function inputAt(target: FuzzTarget, seed: number, index: number): Promise<unknown[]> {
  const fn = (await ENTRY_POINTS[target.entry]!())[target.name] as (...a: unknown[]) => unknown;
  const arb = argsArbitrary(fn, (await baselines())[target.name]);
  const chunk = Math.floor(index / CHUNK);
  return fc.sample(arb, { seed: seedOf(seed, target.name, chunk), numRuns: CHUNK })[index % CHUNK]!();
}

const PROTOS: readonly [string, object][] = [["Object.prototype", Object.prototype], ["Array.prototype", Array.prototype], ["Function.prototype", Function.prototype]];
function protoSnapshot(): string[] {
  return PROTOS.map(([n, p]) => `${n}:${Reflect.ownKeys(p).map(String).sort().join(",")}`);
}
function restorePrototypes(before: readonly string[]): void {
  PROTOS.forEach(([, p], i) => {
    const keep = new Set(before[i]!.slice(before[i]!.indexOf(":") + 1).split(","));
    for (const k of Reflect.ownKeys(p)) if (!keep.has(String(k))) delete (p as Record<PropertyKey, unknown>)[k];
  });
}

/** Normalises an error message so that one bug is one failure line (numbers and quoted values vary by input). */
function signature(e: unknown): string {
  if (!(e instanceof Error)) return `non-Error thrown: ${describeValue(e, 80)}`;
  const first = (e.message.split("\n")[0] ?? "").replace(/"[^"]*"|'[^']*'/g, "…").replace(/\d+(\.\d+)?/g, "N").slice(0, 160);
  return `${e.constructor.name}: ${first}`;
}

/**
 * Runs `runs` inputs against each target, in order. Before every call the shared progress cells are updated (export
 * index, input index, heartbeat) so that the watchdog in the main thread can name a call that never returns.
 */
export async function fuzz(
  targets: readonly FuzzTarget[], options: { readonly runs: number; readonly seed: number; readonly progress: Int32Array },
  report: (r: ExportReport) => void,
): Promise<void> {
  const { ShuangsuijiError, ERROR_CODES } = await import("../../src/index.js");
  const codes = new Set<string>(ERROR_CODES);
  const base = await baselines();
  for (let t = 0; t < targets.length; t++) {
    const target = targets[t]!;
    const fn = (await ENTRY_POINTS[target.entry]!())[target.name] as (...a: unknown[]) => unknown;
    const isClass = /^class\s/.test(Function.prototype.toString.call(fn));
    const arb = argsArbitrary(fn, base[target.name]);
    const failures = new Map<string, { kind: Failure["kind"]; sample: string; count: number }>();
    const fail = (kind: Failure["kind"], message: string, args: unknown[]) => {
      const f = failures.get(`${kind}|${message}`);
      if (f !== undefined) f.count++;
      else failures.set(`${kind}|${message}`, { kind, sample: describeValue(args), count: 1 });
    };
    let calls = 0;
    for (let chunk = 0; chunk * CHUNK < options.runs; chunk++) {
      const inputs = fc.sample(arb, { seed: seedOf(options.seed, target.name, chunk), numRuns: CHUNK });
      for (let i = 0; i < inputs.length && chunk * CHUNK + i < options.runs; i++) {
        let args: unknown[];
        try {
          args = inputs[i]!();
        } catch (e) {
          fail("harness", `could not build input: ${signature(e)}`, []);
          continue;
        }
        Atomics.store(options.progress, 0, t);
        Atomics.store(options.progress, 1, chunk * CHUNK + i);
        Atomics.add(options.progress, 2, 1);
        const before = protoSnapshot();
        try {
          const out: unknown = isClass ? Reflect.construct(fn, args) : Reflect.apply(fn, undefined, args);
          if (out instanceof Promise) await out;
        } catch (e) {
          if (!(e instanceof ShuangsuijiError)) fail("foreign-exception", signature(e), args);
          else if (!codes.has(e.code)) fail("bad-code", `code ${String(e.code)}`, args);
        }
        calls++;
        const after = protoSnapshot();
        if (after.join("|") !== before.join("|")) {
          fail("pollution", `prototype changed: ${after.filter((s, k) => s !== before[k]).join("; ").slice(0, 200)}`, args);
          restorePrototypes(before);
        }
      }
    }
    report({ entry: target.entry, name: target.name, calls, failures: [...failures].map(([k, f]) => ({ kind: f.kind, message: k.slice(k.indexOf("|") + 1), sample: f.sample, count: f.count })) });
  }
}
