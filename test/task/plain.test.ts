// The boundary copy of a stored trail (plainCopy) and the stored-state comparison (storedEquals) tell data members
// from accessors with __lookupGetter__ (and the descriptor for a member that reads as undefined) instead of a
// descriptor object per member (src/task/_plain.ts, docs/benchmarks.md round 5): they must decide exactly as readPlain
// and the descriptor did, and never run a getter or setter.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ShuangsuijiError } from "../../src/index.js";
import { readPlain } from "../../src/_internal/boundary.js";
import { plainCopy, storedEquals } from "../../src/task/_plain.js";

type Hazard = "getter" | "setter" | "empty-accessor" | "hole" | "null-proto" | "own-proto" | "proxy" | "instance" | "undefined" | "none";
const HAZARDS: Hazard[] = ["getter", "setter", "empty-accessor", "hole", "null-proto", "own-proto", "proxy", "instance", "undefined", "none"];
let runs = 0;

/** `v` (fresh JSON) with one hazard put on the `pick`-th container. */
function withHazard(v: unknown, pick: number, h: Hazard): unknown {
  const containers: object[] = [];
  const walk = (x: unknown): void => {
    if (x === null || typeof x !== "object") return;
    containers.push(x);
    for (const y of Object.values(x)) walk(y);
  };
  walk(v);
  if (containers.length === 0 || h === "none") return v;
  const c = containers[pick % containers.length] as Record<string, unknown> & unknown[];
  const key = Array.isArray(c) ? c.length : "k";
  const swap = (make: (o: object) => object): unknown => {
    if (c === v) return make(c);
    const walk2 = (x: unknown): void => {
      if (x === null || typeof x !== "object") return;
      for (const k of Object.keys(x)) {
        const y = (x as Record<string, unknown>)[k];
        if (y === c) (x as Record<string, unknown>)[k] = make(c);
        else walk2(y);
      }
    };
    walk2(v);
    return v;
  };
  switch (h) {
    case "getter":
      Object.defineProperty(c, key, { enumerable: true, configurable: true, get: () => { runs++; return 1; } });
      return v;
    case "setter":
      Object.defineProperty(c, key, { enumerable: true, configurable: true, set: () => { runs++; } });
      return v;
    case "empty-accessor":
      Object.defineProperty(c, key, { enumerable: true, configurable: true, get: undefined, set: undefined } as unknown as PropertyDescriptor);
      return v;
    case "hole":
      if (Array.isArray(c)) c.length += 1;
      return v;
    case "undefined":
      (c as Record<string | number, unknown>)[key] = undefined;
      return v;
    case "null-proto":
      return Array.isArray(c) ? v : swap((o) => Object.assign(Object.create(null) as object, o));
    case "own-proto":
      if (!Array.isArray(c)) Object.defineProperty(c, "__proto__", { value: { a: 1 }, enumerable: true, writable: true, configurable: true });
      return v;
    case "proxy":
      return swap((o) => new Proxy(o, {}));
    case "instance":
      return swap((o) => (Array.isArray(o) ? o : Object.assign(new (class Row {})(), o)));
  }
}

const outcome = (f: () => unknown): { ok: true; value: unknown; proto: unknown[] } | { ok: false; code: string; path: unknown } => {
  try {
    const value = f();
    // prototypes along the way (null-prototype objects stay so), as data
    const proto: unknown[] = [];
    const walk = (x: unknown): void => {
      if (x === null || typeof x !== "object") return;
      proto.push(Object.getPrototypeOf(x) === null ? "null" : Array.isArray(x) ? "array" : "object");
      for (const k of Object.keys(x)) walk((x as Record<string, unknown>)[k]);
    };
    walk(value);
    return { ok: true, value, proto };
  } catch (e) {
    if (!(e instanceof ShuangsuijiError)) throw e;
    return { ok: false, code: e.code, path: e.issues[0]?.path };
  }
};

/** `v` with its `pick`-th leaf (or itself, when a leaf) replaced by another JSON value. */
function changeLeaf(v: unknown, pick: number): unknown {
  const other = (x: unknown): unknown => (typeof x === "string" ? `${x}·` : typeof x === "number" ? (x === 0 ? 1 : -x) : typeof x === "boolean" ? !x : 0);
  const slots: [Record<string | number, unknown>, string | number][] = [];
  const walk = (x: unknown): void => {
    if (x === null || typeof x !== "object") return;
    for (const k of Object.keys(x)) {
      const y = (x as Record<string, unknown>)[k];
      if (y === null || typeof y !== "object") slots.push([x as Record<string, unknown>, Array.isArray(x) ? Number(k) : k]);
      else walk(y);
    }
  };
  walk(v);
  if (slots.length === 0) return v !== null && typeof v === "object" ? (Array.isArray(v) ? [...v, 0] : { ...v, added: 0 }) : other(v);
  const [o, k] = slots[pick % slots.length]!;
  o[k] = other(o[k]);
  return v;
}

const jsonArb = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);

describe("plainCopy decides as readPlain does, member by member, and never runs a getter or setter", () => {
  it("random JSON with one hazard anywhere: the same copy (keys, order, prototypes) or the same refusal at the same path", () => {
    fc.assert(
      fc.property(jsonArb, fc.nat(), fc.constantFrom(...HAZARDS), (json, pick, h) => {
        runs = 0;
        const a = withHazard(JSON.parse(JSON.stringify(json ?? null)), pick, h);
        const b = withHazard(JSON.parse(JSON.stringify(json ?? null)), pick, h);
        const mine = outcome(() => plainCopy(a, ["x"]));
        const theirs = outcome(() => readPlain(b, ["x"]));
        expect(runs).toBe(0);
        expect(mine).toEqual(theirs);
        if (mine.ok && theirs.ok) expect(JSON.stringify(mine.value)).toBe(JSON.stringify(theirs.value));
      }),
      { seed: 1409, numRuns: 2000 },
    );
  });

  it("an accessor with neither getter nor setter is refused at its path (what the getter lookup cannot tell)", () => {
    const v = { a: [1, 2, { b: 3 }] };
    Object.defineProperty(v.a[2] as object, "c", { enumerable: true, get: undefined, set: undefined } as unknown as PropertyDescriptor);
    const r = outcome(() => plainCopy(v, ["events"]));
    expect(r).toEqual({ ok: false, code: "invalid-input", path: ["events", "a", 2, "c"] });
  });
});

describe("storedEquals reads the stored value through data members only", () => {
  it("equal JSON is equal; one hazard (an accessor, a hole) makes it unequal without running anything; one changed leaf is unequal", () => {
    fc.assert(
      fc.property(jsonArb, fc.nat(), fc.constantFrom<Hazard>("getter", "setter", "empty-accessor", "hole", "null-proto", "proxy", "none"), (json, pick, h) => {
        runs = 0;
        const expected = JSON.parse(JSON.stringify(json ?? null)) as unknown;
        const stored = withHazard(JSON.parse(JSON.stringify(json ?? null)), pick, h);
        const eq = storedEquals(stored, expected);
        expect(runs).toBe(0);
        if (h === "none" || h === "null-proto" || h === "proxy") expect(eq).toBe(true);
        if (h === "getter" || h === "setter" || h === "empty-accessor") expect(eq).toBe(expected === null || typeof expected !== "object");
        const changed = changeLeaf(JSON.parse(JSON.stringify(json ?? null)), pick);
        expect(JSON.stringify(changed)).not.toBe(JSON.stringify(expected));
        expect(storedEquals(changed, expected)).toBe(false);
      }),
      { seed: 1410, numRuns: 2000 },
    );
  });
});
