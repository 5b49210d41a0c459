// Batched streams (DrawUnitStream, src/draw/targets/_eachUnitAsync.ts): a pool cut into batches — arrays of units,
// mixed with single units, in an async or a sync iterable — gives the same commitment, record, verification and errors
// as the same pool unbatched, with row numbers counted in units from the start of the pool (never per batch).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  ShuangsuijiError, commitPool, commitPoolAsync, createSeed, drawTargets, drawTargetsAsync, verifyTargetDraw, verifyTargetDrawAsync, type DrawUnit,
} from "../../src/index.js";
import { issuesOf, type Issue } from "./_issues.js";

const seed = createSeed("0123456789abcdef".repeat(4), { kind: "other", description: "test" });

/** Cuts `xs` at the given sizes (cycled); a size 0 is an empty batch, a size -1 a single unit (not in an array). */
function cut<T>(xs: readonly T[], sizes: readonly number[]): (T | T[])[] {
  const out: (T | T[])[] = [];
  let i = 0;
  for (let s = 0; i < xs.length || s < sizes.length; s++) {
    const size = sizes.length === 0 ? xs.length : (sizes[s % sizes.length] as number);
    if (size < 0) {
      if (i < xs.length) out.push(xs[i++] as T);
    } else {
      out.push(xs.slice(i, i + size));
      i += size;
    }
    if (s > xs.length + sizes.length) break;
  }
  if (i < xs.length) out.push(xs.slice(i)); // cuts of empty batches only: the rest in one
  return out;
}
async function* stream<T>(xs: readonly T[]): AsyncGenerator<T> {
  yield* xs;
}

const unitsArb = fc.uniqueArray(fc.record({ id: fc.oneof(fc.stringMatching(/^[0-9A-Z]{1,12}$/), fc.constantFrom("检查对象-1", "Ω-3", "a b")), riskClass: fc.constantFrom("A", "B", "C") }), { maxLength: 150, selector: (u) => u.id });
const sizesArb = fc.array(fc.integer({ min: -1, max: 40 }), { minLength: 1, maxLength: 8 });

describe("a batched pool stream is the same pool", () => {
  it("commitment, record and verification equal the in-memory ones, however the pool is cut (async or sync iterable)", async () => {
    await fc.assert(fc.asyncProperty(unitsArb, sizesArb, fc.integer({ min: 0, max: 100 }), fc.boolean(), async (pool, sizes, pct, syncIterable) => {
      const batches = cut(pool, sizes);
      expect(batches.flat()).toEqual(pool);
      const source = () => (syncIterable ? batches : stream(batches));
      const policy = { strata: { A: { ratio: pct / 100 }, B: { count: 3 }, C: { ratio: 1 } } };
      const commitment = commitPool(pool);
      expect(await commitPoolAsync(source())).toEqual(commitment);
      const r = drawTargets({ taskId: "T-B", pool, policy, seed, commitment });
      expect(await drawTargetsAsync({ taskId: "T-B", pool: source(), policy, seed, commitment })).toEqual(r);
      expect(await verifyTargetDrawAsync(r, source())).toEqual(verifyTargetDraw(r, pool));
      // a forged record fails alike, batched or not
      const forged = { ...r, selectedCount: r.selectedCount + 1 } as typeof r;
      expect(await verifyTargetDrawAsync(forged, source())).toEqual(await verifyTargetDrawAsync(forged, stream(pool)));
    }), { seed: 13, numRuns: 60 });
  });
});

describe("hostile batches report what the unbatched pool reports", () => {
  // bad rows of every kind, and repeated ids, spread over the pool so batch boundaries fall between and beside them
  const base: DrawUnit[] = Array.from({ length: 60 }, (_, i) => ({ id: `U${i}`, riskClass: "ABC"[i % 3] as string }));
  const hostile: unknown[] = [...base];
  hostile.splice(3, 0, { id: " U-bad", riskClass: "A" });
  hostile.splice(10, 0, { id: "U7", riskClass: "B" });
  hostile.splice(17, 0, { id: "U-class", riskClass: "a" });
  hostile.splice(29, 0, { id: "U-date", riskClass: "A", registrationDate: "2026-02-30" });
  hostile.splice(30, 0, null, 42, "U-str");
  hostile.splice(51, 0, { id: "U50", riskClass: "C" }, { id: "\u200bU9", riskClass: "A" });
  hostile.push({ id: "U0", riskClass: "A" });
  it("every bad row at once, numbered in units from the start of the pool, for any cut", async () => {
    const flat = hostile.filter((x) => !Array.isArray(x));
    const expected = await issuesOf(() => commitPool(flat as DrawUnit[]));
    expect(expected).not.toBe("no error");
    const rows = (expected as Issue[]).map(([p]) => p[0]);
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows).toEqual([...rows].sort((a, b) => (a as number) - (b as number)));
    const commitment = commitPool(base);
    const policy = { strata: { A: { ratio: 0.5 }, B: { ratio: 0.5 }, C: { ratio: 0.5 } } };
    for (const sizes of [[1], [2], [7], [-1, 5, 0], [13, -1, -1, 3], [1000]]) {
      const batches = cut(flat, sizes) as unknown as DrawUnit[];
      expect(await issuesOf(() => commitPoolAsync(stream(batches)))).toEqual(expected);
      expect(await issuesOf(() => commitPoolAsync(batches))).toEqual(expected);
      expect(await issuesOf(() => drawTargetsAsync({ taskId: "T", pool: stream(batches), policy, seed, commitment }))).toEqual(expected);
      const v = await verifyTargetDrawAsync(drawTargets({ taskId: "T", pool: base, policy, seed, commitment }), stream(batches));
      expect(v.ok).toBe(false);
    }
    // inside a batch an array is one (bad) unit, at its row, as the in-memory pool has it
    const nested = [...base.slice(0, 8), [{ id: "nested", riskClass: "A" }], ...base.slice(8, 20)] as unknown as DrawUnit[];
    const nestedExpected = await issuesOf(() => commitPool(nested));
    expect((nestedExpected as Issue[]).map(([p]) => p)).toEqual([[8, "id"], [8, "riskClass"]]);
    expect(await issuesOf(() => commitPoolAsync(stream([nested.slice(0, 5), nested.slice(5)])))).toEqual(nestedExpected);
  });
  it("a unit whose read throws is reported at its row in the pool, batched or not", async () => {
    const trap = new Proxy({}, { get: () => { throw new Error("trap"); } });
    const pool = [...base.slice(0, 23), trap, ...base.slice(23)] as DrawUnit[];
    // (an async generator's own yield awaits, so reads `then` of the trap: the reference is the sync iterable)
    const expected = await issuesOf(() => commitPoolAsync(pool));
    expect(expected).not.toBe("no error");
    expect((expected as Issue[])[0]?.[0]).toEqual(["pool", 23]);
    for (const sizes of [[1], [5], [10, -1], [100]]) {
      expect(await issuesOf(() => commitPoolAsync(stream(cut(pool, sizes))))).toEqual(expected);
      expect(await issuesOf(() => drawTargetsAsync({ taskId: "T", pool: stream(cut(pool, sizes)), policy: { strata: { A: { count: 1 } } }, seed, commitment: commitPool(base) }))).toEqual(expected);
    }
    // a batch whose element read throws (a getter on the array)
    const batch: DrawUnit[] = base.slice(20, 30);
    Object.defineProperty(batch, 4, { get: () => { throw new Error("gone"); } });
    expect(await issuesOf(() => commitPoolAsync(stream([base.slice(0, 20), batch])))).toEqual([[["pool", 24], "input-shape", expect.any(String), expect.any(String)]]);
  });
  it("a stream that fails after some batches is reported at the row it reached, its error kept as the cause", async () => {
    async function* failing() {
      yield base.slice(0, 10);
      yield base[10]!;
      yield base.slice(11, 25);
      throw new Error("disk gone");
    }
    let caught: unknown;
    try {
      await commitPoolAsync(failing());
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ShuangsuijiError);
    expect((caught as ShuangsuijiError).issues[0]?.path).toEqual(["pool", 25]);
    expect(((caught as ShuangsuijiError).cause as Error).message).toBe("disk gone");
    expect((await verifyTargetDrawAsync(drawTargets({ taskId: "T", pool: base, policy: { strata: { A: { count: 2 } } }, seed, commitment: commitPool(base) }), failing())).ok).toBe(false);
  });
  it("a batch longer than the array limit is refused at its row, never read hole by hole", async () => {
    const huge: unknown[] = [];
    huge.length = 2 ** 32 - 1;
    const e = await issuesOf(() => commitPoolAsync(stream([base.slice(0, 7), huge as DrawUnit[]])));
    expect(e).toEqual([[["pool", 7], "input-limit", expect.stringContaining("batch"), expect.any(String)]]);
    expect(await issuesOf(() => commitPoolAsync([...base.slice(0, 3), huge] as DrawUnit[]))).toEqual([[["pool", 3], "input-limit", expect.any(String), expect.any(String)]]);
    expect((await verifyTargetDrawAsync(drawTargets({ taskId: "T", pool: base, policy: { strata: { A: { count: 1 } } }, seed, commitment: commitPool(base) }), [huge] as unknown as DrawUnit[])).ok).toBe(false);
  });
  it("a pool that is not iterable is refused as before", async () => {
    for (const bad of [undefined, null, 7, "units", { id: "U1" }]) {
      const e = await issuesOf(() => commitPoolAsync(bad as never));
      expect(e).not.toBe("no error");
      expect((e as Issue[])[0]?.[0]).toEqual(["pool"]);
    }
  });
});

describe("streamed passes in a row (the fingerprint log's memory reused, candidates' ids copied)", () => {
  it("large enough for full log chunks: each pass finds its own duplicates and draws the in-memory record", async () => {
    const n = 300_000; // past one full 2^18-entry log chunk, so a later pass reuses an earlier one's
    const pool: DrawUnit[] = Array.from({ length: n }, (_, i) => ({ id: `9141130${String(i).padStart(11, "0")}`, riskClass: "AB"[i % 2] as string }));
    const batches = cut(pool, [4096]);
    const commitment = await commitPoolAsync(stream(batches));
    expect(commitment).toEqual(commitPool(pool));
    const policy = { strata: { A: { ratio: 0.3 }, B: { count: 7 } } };
    const r = await drawTargetsAsync({ taskId: "T-R", pool: stream(batches), policy, seed, commitment });
    expect(r).toEqual(drawTargets({ taskId: "T-R", pool, policy, seed, commitment }));
    // a repeated id far from its first row, after passes that released their chunks: found, named by both rows
    const dup = [...pool, { id: pool[5]!.id, riskClass: "B" }];
    const want = await issuesOf(() => commitPool(dup));
    expect((want as Issue[]).map(([p, rule]) => [p, rule])).toEqual([[[n, "id"], "unique-ids"]]);
    expect(await issuesOf(() => commitPoolAsync(stream(cut(dup, [4096]))))).toEqual([[[n, "id"], "unique-ids", expect.stringContaining("same id as unit 5"), expect.any(String)]]);
    expect(await issuesOf(() => drawTargetsAsync({ taskId: "T-R", pool: stream(cut(dup, [4096])), policy, seed, commitment }))).toEqual(
      await issuesOf(() => commitPoolAsync(stream(cut(dup, [4096])))),
    );
    expect((await verifyTargetDrawAsync(r, stream(batches))).ok).toBe(true);
  }, 120_000);
  it("flatCopy is the same text (non-ASCII, astral, lone surrogates, long)", async () => {
    const { flatCopy } = await import("../../src/draw/targets/_pool.js");
    for (const s of ["", "A", "检查对象-1", "𝒜b", "\ud800x", "x\udfff", "a".repeat(256), "b".repeat(300), `${"9141"}${"1303".repeat(3)}`]) expect(flatCopy(s)).toBe(s);
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => flatCopy(s) === s), { seed: 13, numRuns: 300 });
  });
});

describe("a stream that reuses its batch array and unit objects (as bench/scaling.ts and buffer-reusing readers do)", () => {
  /**
   * Yields the pool in batches of `size`, always the same array holding the same unit objects, overwritten for each
   * batch; the ids are slices of one text per batch (as a file reader's are). If the library kept a unit object or
   * the batch array past the batch, the overwrite would change what it later reads.
   */
  function reused(pool: readonly object[], size: number): AsyncGenerator<DrawUnit[]> {
    return reusedBatches(pool as readonly Record<string, unknown>[], size) as unknown as AsyncGenerator<DrawUnit[]>;
  }
  async function* reusedBatches(pool: readonly Record<string, unknown>[], size: number): AsyncGenerator<Record<string, unknown>[]> {
    const batch = Array.from({ length: size }, () => ({}) as Record<string, unknown>);
    for (let i = 0; i < pool.length; i += size) {
      const part = pool.slice(i, i + size);
      batch.length = part.length;
      const text = part.map((u) => (typeof u.id === "string" ? u.id : "")).join("");
      let at = 0;
      part.forEach((u, k) => {
        const o = batch[k] ?? {};
        batch[k] = o;
        for (const key of Object.keys(o)) delete o[key];
        Object.assign(o, u);
        if (typeof u.id === "string") {
          o.id = text.slice(at, at + u.id.length);
          at += u.id.length;
        }
      });
      yield batch;
      // the reader's next batch overwrites: scribble over this one now, before the library asks for more
      for (const o of batch) {
        o.id = "SCRIBBLED";
        o.riskClass = "Z";
      }
    }
  }
  it("gives the commitment, record and verification of the pool as it was read", async () => {
    await fc.assert(fc.asyncProperty(unitsArb, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 100 }), async (pool, size, pct) => {
      const policy = { strata: { A: { ratio: pct / 100 }, B: { count: 3 }, C: { ratio: 1 } } };
      const commitment = commitPool(pool);
      expect(await commitPoolAsync(reused(pool, size))).toEqual(commitment);
      const r = drawTargets({ taskId: "T-R", pool, policy, seed, commitment });
      expect(await drawTargetsAsync({ taskId: "T-R", pool: reused(pool, size), policy, seed, commitment })).toEqual(r);
      expect(await verifyTargetDrawAsync(r, reused(pool, size))).toEqual(verifyTargetDraw(r, pool));
    }), { seed: 14, numRuns: 60 });
  });
  it("reports every bad row of a hostile pool as the in-memory pool does, with global row numbers", async () => {
    const base: Record<string, unknown>[] = Array.from({ length: 50 }, (_, i) => ({ id: `U${i}`, riskClass: "ABC"[i % 3] as string }));
    const hostile = [...base];
    hostile.splice(4, 0, { id: "U-bad ", riskClass: "A" });
    hostile.splice(12, 0, { id: "U3", riskClass: "C" });
    hostile.splice(20, 0, { id: "U-class", riskClass: "b" }, { id: "U-date", riskClass: "A", registrationDate: "2026-13-01" }, { riskClass: "A" });
    hostile.push({ id: "U49", riskClass: "A" });
    const expected = await issuesOf(() => commitPool(hostile as unknown as DrawUnit[]));
    expect((expected as Issue[]).length).toBeGreaterThanOrEqual(6);
    const commitment = commitPool(base as unknown as DrawUnit[]);
    for (const size of [1, 3, 8, 100]) {
      expect(await issuesOf(() => commitPoolAsync(reused(hostile, size)))).toEqual(expected);
      expect(await issuesOf(() => drawTargetsAsync({ taskId: "T", pool: reused(hostile, size), policy: { strata: { A: { count: 2 } } }, seed, commitment }))).toEqual(expected);
    }
  });
});
