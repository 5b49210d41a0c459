import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { INPUT_LIMITS, requireObject } from "../../src/_internal/boundary.js";
import { isBuilt } from "../../src/draw/records/_checkRecord.js";
import { readStage2Input } from "../../src/draw/inspectors/_readInput.js";
import { ShuangsuijiError } from "../../src/errors/ShuangsuijiError.js";
import { commitPool, createSeed, drawTargets, lockTargetDraw } from "../../src/index.js";

// The stage-2 boundary read is a fast copy that must be exactly `requireObject(raw, [], { keep: isBuilt })`: the same
// value (own keys in the same order, the same prototypes, built records by reference) or the same invalid-input error.
type Outcome = { ok: true; value: unknown } | { ok: false; code: string; issues: unknown };
const run = (f: () => unknown): Outcome => {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (!(e instanceof ShuangsuijiError)) throw e;
    return { ok: false, code: e.code, issues: e.issues };
  }
};
/** Structure including prototypes (null or Object.prototype) and own key order, which toStrictEqual does not pin. */
function shape(v: unknown): unknown {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(shape);
  return { proto: Object.getPrototypeOf(v) === null ? "null" : "object", members: Object.keys(v).map((k) => [k, shape((v as Record<string, unknown>)[k])]) };
}
const same = (raw: unknown) => {
  const fast = run(() => readStage2Input(raw));
  const reference = run(() => requireObject(raw, [], { keep: isBuilt }));
  expect(fast).toStrictEqual(reference);
  if (fast.ok && reference.ok) expect(shape(fast.value)).toStrictEqual(shape(reference.value));
};

describe("readStage2Input: the boundary's copy or error, fast", () => {
  it("equals requireObject on arbitrary values (null prototypes, __proto__ keys, holes, Dates, BigInts, boxed values, Maps)", () => {
    const anything = fc.anything({
      withNullPrototype: true, withBigInt: true, withDate: true, withSparseArray: true, withBoxedValues: true, withMap: true,
      withSet: true, withObjectString: true, withTypedArray: true, withUnicodeString: true, maxDepth: 4,
      key: fc.oneof(fc.string(), fc.constantFrom("__proto__", "constructor", "toString", "0", "length")),
    });
    fc.assert(fc.property(anything, (v) => same(v)), { numRuns: 400 });
    fc.assert(fc.property(fc.dictionary(fc.string(), anything), (v) => same(v)), { numRuns: 400 });
  });

  it("equals requireObject on getters, throwing Proxies, functions, symbols, cycles, depth and length limits", () => {
    const getter = { departments: [{ get inspectors() { return []; } }] };
    const throwing = { departments: new Proxy([], { getOwnPropertyDescriptor() { throw new Error("boom"); } }) };
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    let deep: unknown = "x";
    for (let i = 0; i < INPUT_LIMITS.maxDepth + 2; i++) deep = { deep };
    let justDeepEnough: unknown = "x";
    for (let i = 0; i < INPUT_LIMITS.maxDepth - 1; i++) justDeepEnough = [justDeepEnough];
    const proto = JSON.parse('{"__proto__": {"polluted": true}, "x": [1, {"__proto__": 2}]}') as unknown;
    const cases: unknown[] = [
      getter, throwing, cyclic, { deep }, { d: justDeepEnough }, proto, { f: () => 1 }, { s: Symbol("s") }, { n: 10n },
      { long: "x".repeat(INPUT_LIMITS.maxStringLength + 1) }, { big: new Array(INPUT_LIMITS.maxArrayLength + 1).fill(0) },
      { hole: [1, , 3] }, { date: new Date(0) }, new Date(0), [1, 2], "text", null, undefined, 5, Object.create(null),
      { cls: new (class X { a = 1; })() }, { nested: { inspectors: [{ id: "A", expertise: ["食品"], n: NaN, i: -Infinity, z: -0 }] } },
    ];
    for (const c of cases) same(c);
  });

  it("passes a built record (a locked list) by reference, as the boundary does", () => {
    const pool = [{ id: "U1", riskClass: "A" }];
    const s1 = createSeed("0123456789abcdef0123456789abcdef", { kind: "other", description: "stage 1" });
    const locked = lockTargetDraw(drawTargets({ taskId: "T", pool, seed: s1, commitment: commitPool(pool), policy: { strata: { A: { ratio: 1 } } } }), { lockedOn: "2026-04-02", lockedBy: "x" });
    const raw = { locked, departments: [{ departmentId: "D", inspectors: [] }] };
    const out = readStage2Input(raw);
    expect(out.locked).toBe(locked);
    expect(out).not.toBe(raw);
    expect(out.departments).not.toBe(raw.departments);
    same(raw);
  });
});

// hostile5 F6: a read that throws is refused where it threw, as the boundary refuses it — the input is never read a
// second time (a value whose first read throws and second succeeds used to be accepted).
describe("readStage2Input: a throwing read is refused, never read twice", () => {
  const oneShot = (trap: "getOwnPropertyDescriptor" | "ownKeys" | "getPrototypeOf") => {
    let n = 0;
    return new Proxy({ a: 1 }, { [trap]: (t: object, k?: PropertyKey) => { if (n++ === 0) throw new Error("first read fails"); return trap === "ownKeys" ? Reflect.ownKeys(t) : trap === "getPrototypeOf" ? Reflect.getPrototypeOf(t) : Reflect.getOwnPropertyDescriptor(t, k!); } });
  };
  it("at any depth, with the boundary's error and path (each side reading its own fresh input)", () => {
    for (const trap of ["getOwnPropertyDescriptor", "ownKeys", "getPrototypeOf"] as const) {
      for (const wrap of [(p: unknown) => ({ x: p }), (p: unknown) => ({ a: [1, { b: p }] }), (p: unknown) => ({ list: [p, 2] })]) {
        let reads = 0;
        const counted = () => { reads++; return wrap(oneShot(trap)); };
        const fast = run(() => readStage2Input(counted()));
        const reference = run(() => requireObject(counted(), [], { keep: isBuilt }));
        expect(reads).toBe(2);
        expect(fast.ok, trap).toBe(false);
        expect(fast).toStrictEqual(reference);
      }
    }
  });
});
