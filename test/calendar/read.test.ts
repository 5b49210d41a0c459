// The calendar's own boundary reader (src/calendar/_read.ts) against the library's (src/_internal/boundary.ts): the
// same copies of valid input, the same refusals (code, rule, clause, path, bilingual message, value) of hostile input,
// and the same reads of the caller's objects in the same order (every Proxy trap logged), so that a Proxy that
// changes its answers between reads meets both readers alike.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as lib from "../../src/_internal/boundary.js";
import * as cal from "../../src/calendar/_read.js";
import { INPUT_RULES } from "../../src/errors/_inputRules.js";
import { ShuangsuijiError } from "../../src/errors/ShuangsuijiError.js";

const FC = { seed: 15, numRuns: 600 };

// A description of an input, built afresh for each reader (the Proxies' logs and counters start over).
type ProxyMode = "none" | "log" | "throw-getPrototypeOf" | "throw-ownKeys" | "throw-gopd" | "throw-get" | "nth";
type Desc =
  | { t: "prim"; v: unknown }
  | { t: "bigint" | "symbol" | "function" | "date" | "map" | "kept" | "cycle" | "long-string" }
  | { t: "deep"; n: number }
  | { t: "arr"; items: Desc[]; hole: number; accessor: number; proxy: ProxyMode; nth: number }
  | { t: "obj"; entries: [string, Desc][]; nullProto: boolean; accessor: number; throwingGetter: boolean; proxy: ProxyMode; nth: number };

const kept = new WeakSet<object>();
const keep = (v: object) => kept.has(v);

function make(d: Desc, log: string[], parent?: object): unknown {
  switch (d.t) {
    case "prim":
      return d.v;
    case "bigint":
      return 12n;
    case "symbol":
      return Symbol("s");
    case "function":
      return () => 1;
    case "date":
      return new Date(0);
    case "map":
      return new Map();
    case "long-string":
      return "x".repeat(1_000_001);
    case "kept": {
      const k = { kind: "kept" };
      kept.add(k);
      return k;
    }
    case "cycle":
      return parent ?? {};
    case "deep": {
      let v: unknown = 1;
      for (let i = 0; i < d.n; i++) v = i % 2 === 0 ? [v] : { v };
      return v;
    }
    case "arr": {
      const a: unknown[] = [];
      d.items.forEach((x, i) => {
        if (i === d.hole) a.length = i + 1;
        else if (i === d.accessor) Object.defineProperty(a, i, { get: () => 1, enumerable: true, configurable: true });
        else a[i] = make(x, log, a);
      });
      return wrap(a, d.proxy, d.nth, log);
    }
    case "obj": {
      const o: Record<string, unknown> = d.nullProto ? (Object.create(null) as Record<string, unknown>) : {};
      d.entries.forEach(([k, x], i) => {
        if (i === d.accessor) {
          Object.defineProperty(o, k, {
            get: () => {
              if (d.throwingGetter) throw new Error("getter");
              return 1;
            },
            enumerable: true, configurable: true,
          });
        } else Object.defineProperty(o, k, { value: make(x, log, o), enumerable: true, writable: true, configurable: true });
      });
      return wrap(o, d.proxy, d.nth, log);
    }
  }
}

function wrap(target: object, mode: ProxyMode, nth: number, log: string[]): object {
  if (mode === "none") return target;
  let calls = 0;
  const trap = (name: string) => {
    log.push(name);
    calls++;
    if (mode === `throw-${name}` || (mode === "nth" && calls === nth)) throw new Error(name);
  };
  return new Proxy(target, {
    getPrototypeOf: (t) => (trap("getPrototypeOf"), Reflect.getPrototypeOf(t)),
    ownKeys: (t) => (trap("ownKeys"), Reflect.ownKeys(t)),
    getOwnPropertyDescriptor: (t, k) => (trap("gopd"), Reflect.getOwnPropertyDescriptor(t, k)),
    get: (t, k, r) => (trap("get"), Reflect.get(t, k, r)),
    has: (t, k) => (trap("has"), Reflect.has(t, k)),
  });
}

const proxyMode = fc.constantFrom<ProxyMode>("none", "none", "none", "log", "throw-getPrototypeOf", "throw-ownKeys", "throw-gopd", "throw-get", "nth");
const key = fc.oneof(fc.constantFrom("a", "b", "__proto__", "constructor", "valueOf", "0", "kind", "years"), fc.string({ maxLength: 4 }));
const prim = fc.oneof(
  fc.string({ maxLength: 8 }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant(Number.NaN), fc.constant(-0),
).map((v): Desc => ({ t: "prim", v }));
const special = fc.constantFrom<Desc>({ t: "bigint" }, { t: "symbol" }, { t: "function" }, { t: "date" }, { t: "map" }, { t: "kept" }, { t: "cycle" }, { t: "long-string" });
const desc: fc.Arbitrary<Desc> = fc.letrec<{ d: Desc }>((tie) => ({
  d: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { arbitrary: prim, weight: 4 },
    { arbitrary: special, weight: 1 },
    { arbitrary: fc.integer({ min: 58, max: 70 }).map((n): Desc => ({ t: "deep", n })), weight: 1 },
    {
      arbitrary: fc.record({ items: fc.array(tie("d"), { maxLength: 5 }), hole: fc.integer({ min: -3, max: 4 }), accessor: fc.integer({ min: -3, max: 4 }), proxy: proxyMode, nth: fc.integer({ min: 1, max: 6 }) })
        .map((r): Desc => ({ t: "arr", ...r })),
      weight: 2,
    },
    {
      arbitrary: fc.record({
        entries: fc.uniqueArray(fc.tuple(key, tie("d")), { maxLength: 5, selector: ([k]) => k }), nullProto: fc.boolean(), accessor: fc.integer({ min: -3, max: 4 }), throwingGetter: fc.boolean(),
        proxy: proxyMode, nth: fc.integer({ min: 1, max: 6 }),
      }).map((r): Desc => ({ t: "obj", ...r })),
      weight: 2,
    },
  ),
})).d;

/** A value as data: prototypes (null or not), own keys in order, numbers as written (NaN, -0), kept objects by identity. */
function shape(v: unknown, seen = new Map<object, number>()): unknown {
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : Number.isNaN(v) ? "NaN" : v;
  if (v === undefined) return "<undefined>";
  if (v === null || typeof v !== "object") return v;
  if (kept.has(v)) return { kept: v };
  if (seen.has(v)) return { ref: seen.get(v) };
  seen.set(v, seen.size);
  if (Array.isArray(v)) return { array: Object.keys(v).length === v.length ? v.map((x) => shape(x, seen)) : "holes" };
  return { proto: Object.getPrototypeOf(v) === null ? "null" : "object", entries: Reflect.ownKeys(v).map((k) => [String(k), shape((v as Record<string, unknown>)[k as string], seen)]) };
}

function outcome(run: () => unknown): unknown {
  try {
    return { ok: shape(run()) };
  } catch (e) {
    if (!(e instanceof ShuangsuijiError)) return { foreign: String(e) };
    return { code: e.code, issues: e.issues.map((i) => ({ ...i, value: shape(i.value) })), message: e.message };
  }
}

/** Runs both readers on fresh copies of the input: outcomes and trap logs. */
function both(d: Desc, run: (reader: typeof lib | typeof cal, v: unknown) => unknown) {
  const logLib: string[] = [];
  const logCal: string[] = [];
  return {
    lib: { outcome: outcome(() => run(lib, make(d, logLib))), log: logLib },
    cal: { outcome: outcome(() => run(cal, make(d, logCal))), log: logCal },
  };
}

describe("the calendar's reader reports what the library's boundary reader reports", () => {
  it("readPlain: the same copy or the same refusal, the same reads in the same order", () => {
    let refused = 0;
    let trapped = 0;
    fc.assert(
      fc.property(desc, fc.boolean(), (d, withKeep) => {
        const r = both(d, (reader, v) => (reader === lib ? lib.readPlain(v, ["options"], withKeep ? { keep } : {}) : cal.readPlain(v, ["options"], withKeep ? keep : undefined)));
        expect(r.cal.outcome).toEqual(r.lib.outcome);
        expect(r.cal.log).toEqual(r.lib.log);
        if ((r.lib.outcome as { code?: string }).code !== undefined) refused++;
        if (r.lib.log.length > 0) trapped++;
      }),
      FC,
    );
    // the generator reaches refusals and Proxies often enough to mean something
    expect(refused).toBeGreaterThan(100);
    expect(trapped).toBeGreaterThan(50);
  });

  it("readOptions, requireString, isPlainObject, preview and own agree", () => {
    fc.assert(
      fc.property(desc, fc.integer({ min: 0, max: 12 }), key, (d, max, k) => {
        const opts = both(d, (reader, v) => reader.readOptions(v, ["options"], ["source", "a", "__proto__"]));
        expect(opts.cal.outcome).toEqual(opts.lib.outcome);
        expect(opts.cal.log).toEqual(opts.lib.log);
        const str = both(d, (reader, v) => reader.requireString(v, ["years", 0, "name"], max));
        expect(str.cal.outcome).toEqual(str.lib.outcome);
        const plain = both(d, (reader, v) => reader.isPlainObject(v));
        expect(plain.cal.outcome).toEqual(plain.lib.outcome);
        expect(plain.cal.log).toEqual(plain.lib.log);
        const shown = both(d, (reader, v) => reader.preview(v));
        expect(shown.cal.outcome).toEqual(shown.lib.outcome);
        const table = { a: 1, [k]: 2 };
        expect(cal.own(table, k)).toBe(lib.own(table, k));
        expect(cal.own({}, k)).toBe(lib.own({}, k));
      }),
      FC,
    );
  });

  it("the same refusal at the limits: values, array length", () => {
    const wide = new Array<number>(2_000_000).fill(0);
    const tooMany = [wide, wide, wide]; // 6,000,004 values: past the 5,000,000 limit inside the third copy
    const tooLong = new Array<number>(2_000_001);
    for (const v of [tooMany, tooLong, { years: tooLong }]) {
      const a = outcome(() => lib.readPlain(v, ["years"]));
      expect(outcome(() => cal.readPlain(v, ["years"]))).toEqual(a);
      expect((a as { issues: { rule: string }[] }).issues[0]!.rule).toBe("input-limit");
    }
  });

  it("invalid builds the issue boundary.ts builds, with INPUT_RULES' texts", () => {
    for (const rule of ["input-shape", "input-limit"] as const) {
      const a = outcome(() => lib.invalid(["x", 1], "en", "中", "v".repeat(300), rule));
      expect(outcome(() => cal.invalid(["x", 1], "en", "中", "v".repeat(300), rule))).toEqual(a);
      const issue = (a as { issues: { clause: string; messageZh: string; messageEn: string }[] }).issues[0]!;
      expect(issue.clause).toBe(INPUT_RULES[rule].clause);
      expect(issue.messageZh).toBe(`${INPUT_RULES[rule].zh}：中`);
      expect(issue.messageEn).toBe(`${INPUT_RULES[rule].en}: en`);
    }
    expect(outcome(() => cal.invalid([], "en", "中"))).toEqual(outcome(() => lib.invalid([], "en", "中")));
  });
});
