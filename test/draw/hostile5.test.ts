// hostile5 (/work/adv/hostile5/FINDINGS.md): the streamed pool reader (src/draw/targets/_eachUnitAsync.ts) against
// thenable units, a batch whose length changes, iterators that break the protocol, early exits, and bad rows before
// an unreadable row.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ShuangsuijiError, commitPool, commitPoolAsync, type DrawUnit } from "../../src/index.js";

/** A hand-written async iterator over `xs`: its results' values are handed over as they are (never awaited). */
function rawAsync<T>(xs: readonly T[]): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]() {
      let i = 0;
      return { next: () => Promise.resolve(i < xs.length ? { value: xs[i++] as T, done: false } : { value: undefined as T, done: true }) };
    },
  };
}
/** Cuts `xs` into batches of the given sizes (cycled); -1 is a single unit not in an array. */
function cut<T>(xs: readonly T[], sizes: readonly number[]): (T | T[])[] {
  const out: (T | T[])[] = [];
  let i = 0;
  for (let s = 0; i < xs.length; s++) {
    const size = sizes[s % sizes.length] as number;
    if (size < 0) out.push(xs[i++] as T);
    else {
      out.push(xs.slice(i, i + Math.max(1, size)));
      i += Math.max(1, size);
    }
  }
  return out;
}
const thenable = (id: string, riskClass: string): DrawUnit =>
  ({ id, riskClass, then(res: (v: unknown) => void) { res({ id: "EVIL", riskClass: "A" }); } }) as unknown as DrawUnit;

describe("F2: a unit with a `then` member is a unit, however the pool is cut", () => {
  it("commitPool, and commitPoolAsync over sync and async sources, batched or not, agree", async () => {
    const unitArb = fc.record({ id: fc.integer({ min: 0, max: 40 }).map((n) => `U${n}`), riskClass: fc.constantFrom("A", "B"), thenable: fc.boolean() });
    await fc.assert(fc.asyncProperty(fc.uniqueArray(unitArb, { minLength: 1, maxLength: 30, selector: (u) => u.id }), fc.array(fc.integer({ min: -1, max: 6 }), { minLength: 1, maxLength: 5 }), async (spec, sizes) => {
      const pool = spec.map((u) => (u.thenable ? thenable(u.id, u.riskClass) : { id: u.id, riskClass: u.riskClass }));
      const expected = commitPool(pool);
      const batches = cut(pool, sizes) as unknown as DrawUnit[];
      for (const source of [pool, batches, rawAsync(pool), rawAsync(batches)]) expect(await commitPoolAsync(source)).toEqual(expected);
    }), { seed: 5, numRuns: 60 });
  });
});

describe("F3: a batch's length is read once", () => {
  it("a Proxy whose length grows after the limit check is read up to the length that was checked", async () => {
    let reads = 0;
    const target: unknown[] = [{ id: "U1", riskClass: "A" }];
    const batch = new Proxy(target, { get: (t, k, r) => (k === "length" ? (++reads === 1 ? 1 : 2_000_500) : Reflect.get(t, k, r)) });
    expect(await commitPoolAsync([batch] as unknown as DrawUnit[])).toEqual(commitPool([{ id: "U1", riskClass: "A" }]));
    expect(reads).toBe(1);
  });
});

describe("F4: more bad rows than one error lists", () => {
  it("is still invalid-input: the first rows in order, then one input-limit issue with the honest count", async () => {
    const N = 100_003;
    const bad = Array.from({ length: N }, (_, i) => ({ id: `U${i}`, riskClass: "a" }));
    const batches = Array.from({ length: Math.ceil(N / 1000) }, (_, i) => bad.slice(i * 1000, i * 1000 + 1000)) as unknown as DrawUnit[];
    for (const f of [() => commitPool(bad), () => commitPoolAsync(bad), () => commitPoolAsync(batches)]) {
      let e: unknown;
      try {
        await f();
      } catch (x) {
        e = x;
      }
      expect(e).toBeInstanceOf(ShuangsuijiError);
      const err = e as ShuangsuijiError;
      expect(err.code).toBe("invalid-input");
      expect(err.issues.length).toBe(100_000);
      expect(err.issues.slice(0, 3).map((i) => i.path)).toEqual([["pool", 0, "riskClass"], ["pool", 1, "riskClass"], ["pool", 2, "riskClass"]].map((p) => expect.arrayContaining(p.slice(1))));
      expect(err.issues[99_998]?.path).toContain(99_998);
      const last = err.issues[99_999]!;
      expect(last.rule).toBe("input-limit");
      expect(last.value).toBe(N);
      expect(last.messageEn).toMatch(/4 more issues not listed \(100003 in all/);
    }
  });
  it("cappedIssues leaves a list of at most 100,000 as it is", async () => {
    const { cappedIssues } = await import("../../src/errors/_capIssues.js");
    const issues = Array.from({ length: 100_000 }, (_, i) => ({ path: [i], rule: "r", clause: "c", messageZh: "z", messageEn: "e" }));
    expect(cappedIssues(issues)).toBe(issues);
    expect(cappedIssues(issues, 1)).toHaveLength(100_000);
  });
});

/** The error a call throws (or "no error"). */
const caught = async (f: () => unknown): Promise<unknown> => {
  try {
    await f();
  } catch (e) {
    return e;
  }
  return "no error";
};
/** An iterable whose iterator yields `units` and then returns `bad` from next(); counts the calls. */
function broken(units: readonly unknown[], bad: unknown, isAsync: boolean) {
  const calls = { n: 0 };
  const iterator = { next: () => { calls.n++; const v = calls.n <= units.length ? { value: units[calls.n - 1], done: false } : bad; return isAsync ? Promise.resolve(v) : v; } };
  return { calls, iterable: isAsync ? { [Symbol.asyncIterator]: () => iterator } : { [Symbol.iterator]: () => iterator } };
}

describe("F4c/F5: iterator protocol and closing the caller's iterator", () => {
  const units = [{ id: "U1", riskClass: "A" }, [{ id: "U2", riskClass: "A" }, { id: "U3", riskClass: "B" }]];
  it("a non-object iterator result is invalid-input at the row reached (never a TypeError, never an endless read)", async () => {
    const { asyncInput } = await import("../../src/_internal/boundary.js");
    for (const bad of [null, undefined, 5, "x", true, Symbol("s")]) {
      for (const isAsync of [true, false]) {
        const b = broken(units, bad, isAsync);
        const e = await caught(() => commitPoolAsync(b.iterable as never));
        expect(e, String(bad)).toBeInstanceOf(ShuangsuijiError);
        expect((e as ShuangsuijiError).code).toBe("invalid-input");
        expect((e as ShuangsuijiError).issues[0]?.path).toEqual(["pool", 3]);
        expect((e as ShuangsuijiError).cause).toBeInstanceOf(TypeError);
        expect(b.calls.n).toBe(3);
        const b2 = broken(units, bad, isAsync);
        const e2 = await caught(async () => { for await (const _ of asyncInput(b2.iterable, ["rows"])) void _; });
        expect(e2).toBeInstanceOf(ShuangsuijiError);
        expect((e2 as ShuangsuijiError).issues[0]?.path).toEqual(["rows", 2]);
        expect(b2.calls.n).toBe(3);
      }
    }
  });
  it("a read refused midway closes the caller's iterator (its finally runs); a stream that ends or fails itself is not closed again", async () => {
    let closed = 0;
    async function* rows(tail: unknown) {
      try {
        yield { id: "U1", riskClass: "A" };
        yield tail;
        yield { id: "U9", riskClass: "A" };
      } finally {
        closed++;
      }
    }
    const trap = { riskClass: "A", get id(): string { throw new Error("gone"); } };
    const huge: unknown[] = [];
    huge.length = 2 ** 32 - 1;
    for (const tail of [trap, huge]) {
      closed = 0;
      expect(await caught(() => commitPoolAsync(rows(tail) as never))).toBeInstanceOf(ShuangsuijiError);
      expect(closed).toBe(1);
    }
    // a sync iterator is closed too; a return() that throws does not replace the reason
    let syncClosed = 0;
    const it = { i: 0, next() { return this.i++ === 0 ? { value: trap, done: false } : { value: undefined, done: true }; }, return() { syncClosed++; throw new Error("close failed"); } };
    const e = await caught(() => commitPoolAsync({ [Symbol.iterator]: () => it } as never));
    expect((e as ShuangsuijiError).issues[0]?.path).toEqual(["pool", 0]);
    expect(syncClosed).toBe(1);
    // asyncInput: a consumer that stops early closes the source
    const { asyncInput } = await import("../../src/_internal/boundary.js");
    closed = 0;
    for await (const _ of asyncInput(rows({ id: "U2", riskClass: "A" }), ["rows"])) break;
    expect(closed).toBe(1);
  });
});

describe("F7: bad rows before an unreadable row are reported with it", () => {
  it("commitPool, commitPoolAsync and drawTargetsAsync, batched or not", async () => {
    const trap = { riskClass: "A", get id(): string { throw new Error("gone"); } };
    const pool = [{ id: "U0", riskClass: "A" }, { id: "U1", riskClass: "a" }, { id: "U2", riskClass: "A" }, { id: "U3", riskClass: "?" }, trap, { id: "U5", riskClass: "b" }] as DrawUnit[];
    const { createSeed, drawTargetsAsync } = await import("../../src/index.js");
    const seed = createSeed("0123456789abcdef".repeat(4), { kind: "other", description: "t" });
    const commitment = commitPool([{ id: "U0", riskClass: "A" }]);
    const rows = (e: unknown) => (e as ShuangsuijiError).issues.map((i) => i.path.filter((p) => typeof p === "number")[0]);
    expect(rows(await caught(() => commitPool(pool)))).toEqual([1, 3, 4]);
    for (const source of [pool, [pool.slice(0, 3), pool.slice(3)], rawAsync(pool), rawAsync([pool.slice(0, 2), pool.slice(2)])]) {
      expect(rows(await caught(() => commitPoolAsync(source as never)))).toEqual([1, 3, 4]);
      expect(rows(await caught(() => drawTargetsAsync({ taskId: "T", pool: source as never, commitment, seed, policy: { strata: { A: { count: 1 } } } })))).toEqual([1, 3, 4]);
    }
  });
});
