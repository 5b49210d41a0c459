// Issue 17, item 0: rules and results are immutable for real. Every exported constant is deep-frozen; a result shares
// no mutable object with the rules or with the caller's input; inputs are copied, never frozen in place. The test
// mutates everything reachable from every exported constant and from every result (and the inputs after each call),
// then shows that every later call returns exactly what it returned before.
// This file vandalises module state on purpose: vitest runs it in its own module graph (isolated test file).
import { describe, expect, it } from "vitest";
import { types } from "node:util";
import { ENTRY_POINTS } from "./_entries.js";
import { baselines } from "./_baselines.js";
import { clonePlain, isOpaque } from "./_hostile.js";
import { KNOWN_FAILING, KNOWN_MUTABLE } from "./_known.js";

type Obj = Record<PropertyKey, unknown>;

/** Objects reachable from a value (own data properties), zod schemas and Proxies excluded. */
function reachable(root: unknown, limit = 200_000): object[] {
  const out: object[] = [];
  const seen = new Set<object>();
  const stack = [root];
  while (stack.length > 0 && out.length < limit) {
    const v = stack.pop();
    if (v === null || (typeof v !== "object" && typeof v !== "function") || seen.has(v) || types.isProxy(v)) continue;
    seen.add(v);
    if (typeof v === "object" && isOpaque(v)) continue;
    if (typeof v === "object") out.push(v);
    for (const k of Reflect.ownKeys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, k);
      if (d !== undefined && "value" in d && d.value !== null && typeof d.value === "object") stack.push(d.value);
    }
  }
  return out;
}

/** Tries every mutation on every reachable object; frozen objects refuse them (strict mode throws, caught). */
function vandalise(root: unknown): void {
  for (const o of reachable(root)) {
    const t = (f: () => void) => {
      try {
        f();
      } catch {
        // frozen: refused, as it should be
      }
    };
    for (const k of Reflect.ownKeys(o)) {
      const v = (Object.getOwnPropertyDescriptor(o, k) as PropertyDescriptor | undefined)?.value as unknown;
      t(() => {
        (o as Obj)[k] = typeof v === "number" ? -999 : typeof v === "string" ? "VANDAL" : typeof v === "boolean" ? !v : Array.isArray(v) ? [] : v === undefined ? "VANDAL" : {};
      });
    }
    t(() => {
      (o as Obj).vandal = true;
    });
    if (Array.isArray(o)) t(() => o.push("VANDAL"));
    if (o instanceof Map || o instanceof Set) t(() => o.clear());
  }
}

/** A stable rendering of a value (functions by name, cycles marked). */
function fingerprint(v: unknown): string {
  const seen = new Set<object>();
  const go = (x: unknown, depth: number): string => {
    if (typeof x === "function") return `[fn ${x.name}]`;
    if (typeof x === "bigint") return `${x}n`;
    if (x === null || typeof x !== "object") return JSON.stringify(x) ?? String(x);
    if (seen.has(x)) return "[cycle]";
    if (depth > 200) return "[deep]";
    if (isOpaque(x)) return "[opaque]";
    seen.add(x);
    let s: string;
    if (x instanceof Date) s = `Date(${x.getTime()})`;
    else if (ArrayBuffer.isView(x)) s = `${x.constructor.name}(${Array.from(x as Uint8Array).join(",")})`;
    else if (Array.isArray(x)) s = `[${x.map((e) => go(e, depth + 1)).join(",")}]`;
    else if (x instanceof Map) s = `Map{${[...x].map(([k, e]) => `${go(k, depth + 1)}:${go(e, depth + 1)}`).join(",")}}`;
    else if (x instanceof Error) s = `${x.name}(${x.message})`;
    else s = `{${Object.keys(x).sort().map((k) => `${JSON.stringify(k)}:${go((x as Obj)[k], depth + 1)}`).join(",")}}`;
    seen.delete(x);
    return s;
  };
  return go(v, 0);
}

async function callOnce(fn: (...a: unknown[]) => unknown, args: unknown[]): Promise<{ value?: unknown; error?: string }> {
  try {
    const isClass = /^class\s/.test(Function.prototype.toString.call(fn));
    const out = isClass ? Reflect.construct(fn, args) : Reflect.apply(fn, undefined, args);
    return { value: out instanceof Promise ? await out : out };
  } catch (e) {
    return { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

async function functions(): Promise<[string, (...a: unknown[]) => unknown][]> {
  const out = new Map<string, (...a: unknown[]) => unknown>();
  for (const load of Object.values(ENTRY_POINTS)) for (const [k, v] of Object.entries(await load())) if (typeof v === "function") out.set(k, v as (...a: unknown[]) => unknown);
  return [...out];
}
async function constants(): Promise<[string, unknown][]> {
  const out = new Map<string, unknown>();
  for (const load of Object.values(ENTRY_POINTS)) {
    for (const [k, v] of Object.entries(await load())) if (typeof v === "object" && v !== null && !isOpaque(v)) out.set(k, v);
  }
  return [...out];
}
const tolerated = (name: string) => KNOWN_FAILING[name] !== undefined || KNOWN_MUTABLE[name] !== undefined;

describe("immutability of rules, results and inputs (issue 17, item 0)", () => {
  it("every exported constant is deep-frozen (zod schemas aside: zod owns them)", async () => {
    const problems: string[] = [];
    for (const [name, value] of await constants()) {
      const thawed = reachable(value).filter((o) => !Object.isFrozen(o));
      if (thawed.length > 0 && !tolerated(name)) problems.push(`${name}: ${thawed.length} reachable object(s) not frozen`);
    }
    expect(problems).toEqual([]);
  });

  it("mutating results, inputs and constants changes no later call; inputs are never frozen in place", async () => {
    const base = await baselines();
    const fns = await functions();
    const problems: string[] = [];
    const before = new Map<string, string[]>();
    for (const [name, fn] of fns) {
      const prints: string[] = [];
      for (const args of base[name] ?? []) {
        const input = clonePlain([...args]) as unknown[];
        const wasFrozen = new Set(reachable(input).filter((o) => Object.isFrozen(o)));
        const first = await callOnce(fn, input);
        const print = fingerprint(first);
        prints.push(print);
        const frozenNow = reachable(input).filter((o) => Object.isFrozen(o) && !wasFrozen.has(o));
        if (frozenNow.length > 0 && !tolerated(name)) problems.push(`${name}: froze ${frozenNow.length} object(s) of the caller's input in place`);
        vandalise(input);
        if (fingerprint(first) !== print && !tolerated(name)) problems.push(`${name}: the result changed when the caller mutated its input afterwards (shares objects with the input)`);
        vandalise(first.value);
        const again = fingerprint(await callOnce(fn, clonePlain([...args]) as unknown[]));
        if (again !== print && !tolerated(name)) problems.push(`${name}: a later call changed after its previous result was mutated`);
      }
      before.set(name, prints);
    }
    for (const [, value] of await constants()) vandalise(value);
    for (const [name, fn] of fns) {
      const args = base[name] ?? [];
      for (let i = 0; i < args.length; i++) {
        const now = fingerprint(await callOnce(fn, clonePlain([...args[i]!]) as unknown[]));
        if (now !== before.get(name)![i] && !tolerated(name)) problems.push(`${name}: changed after the exported constants were mutated`);
      }
    }
    expect(problems, problems.join("\n")).toEqual([]);
  }, 300_000);
});
