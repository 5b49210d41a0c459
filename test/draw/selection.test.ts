// The stage-1 pass's two private structures (issue 13): the selection buffer that keeps each stratum's k smallest
// tickets (boundedHeap) and the fingerprint log that finds repeated ids at the end (fingerprintLog) — each checked
// against its definition on random inputs, including the paths only large inputs take (compaction, radix ordering,
// bucketed duplicate search) and the rare ones (tickets sharing their first 64 bits, bad rows skipped).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { boundedHeap, fingerprintLog, fingerprintTable } from "../../src/draw/targets/_pool.js";
import { compareWords, wordsToHex } from "../../src/draw/_shared/_sha256.js";
import { compareUtf8 } from "../../src/draw/_shared/_encoding.js";

/** A deterministic word stream (xorshift32) so large cases stay cheap to describe. */
function words(seed: number) {
  let x = seed | 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x | 0;
  };
}

describe("boundedHeap: the k smallest (ticket, id) in order", () => {
  const definition = (offers: readonly { w: Int32Array; id: string }[], k: number) =>
    [...offers].sort((a, b) => compareWords(a.w, b.w) || compareUtf8(a.id, b.id)).slice(0, k).map((o) => ({ unitId: o.id, ticket: wordsToHex(o.w) }));
  it("random offers, small and large k, many shared ticket prefixes (compaction, radix order, tie runs)", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 0, max: 6000 }), fc.integer({ min: 0, max: 9000 }), fc.integer({ min: 0, max: 3 }), (s, k, n, shared) => {
      const next = words(s);
      const offers = Array.from({ length: n }, (_, i) => {
        const w = Int32Array.from({ length: 8 }, next);
        // shared = 1: first word from 4 values; 2: first two words from 4 values; 3: whole ticket from 4 values
        if (shared >= 1) w[0] = (w[0]! & 3) - 2;
        if (shared >= 2) w[1] = w[0]!;
        if (shared >= 3) w.fill(w[0]!);
        const tag = ["", "é", "检", '"', "\\", "😀"][(next() >>> 0) % 12] ?? "";
        return { w, id: `U${(next() >>> 0) % 100_000}${tag}-${i}` };
      });
      const h = boundedHeap(k);
      for (const o of offers) h.offer(o.w, o.id);
      // the pass calls offer only for a first word at or below the gate: the same selection
      const gated = boundedHeap(k);
      for (const o of offers) if ((o.w[0]! >>> 0) <= gated.gate[0]!) gated.offer(o.w, o.id);
      const want = definition(offers, k);
      expect(gated.sortedSelected()).toEqual(want);
      // copyIds (streamed pools): the held ids are flat copies
      const copied = boundedHeap(k, true);
      for (const o of offers) copied.offer(o.w, o.id);
      expect(copied.sortedSelected()).toEqual(want);
      expect(copied.recordSelected()).toEqual(want.map((x) => ({ ticket: x.ticket, unitId: x.unitId })));
      expect(h.sortedSelected()).toEqual(want);
      expect(h.recordSelected()).toEqual(want.map((x) => ({ ticket: x.ticket, unitId: x.unitId })));
      expect(h.sorted().map((c) => ({ unitId: c.id, ticket: wordsToHex(c.w) }))).toEqual(want);
    }), { seed: 13, numRuns: 40 });
  });
  it("compaction by the first word's top 16 bits (buffers of 4,096 and more): the same k kept as the definition", () => {
    // mode 0: random words; 1: the top 16 bits from 3 values (one huge bucket at the cut); 2: first word from 5
    // values (ties broken by the other words); 3: each offer's top bits descending (every offer kept, then dropped)
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 2700, max: 9000 }), fc.integer({ min: 4200, max: 30000 }), fc.integer({ min: 0, max: 3 }), (s, k, n, mode) => {
      const next = words(s);
      const offers = Array.from({ length: n }, (_, i) => {
        const w = Int32Array.from({ length: 8 }, next);
        if (mode === 1) w[0] = ((((next() >>> 0) % 3) - 1) << 16) | (w[0]! & 0xffff);
        if (mode === 2) w[0] = ((next() >>> 0) % 5) - 2;
        if (mode === 3) w[0] = (0x7fffffff - i * 65536) | 0;
        return { w, id: `U${(next() >>> 0) % 1000}-${i}` };
      });
      const h = boundedHeap(k);
      for (const o of offers) if ((o.w[0]! >>> 0) <= h.gate[0]!) h.offer(o.w, o.id);
      const want = definition(offers, k);
      expect(h.sortedSelected()).toEqual(want);
      // sized once from a hint (a draw passes the committed stratum size; a wrong hint changes nothing but memory)
      for (const hint of [n, 1, 10 * n]) {
        const sized = boundedHeap(k, false, hint);
        for (const o of offers) if ((o.w[0]! >>> 0) <= sized.gate[0]!) sized.offer(o.w, o.id);
        expect(sized.sortedSelected()).toEqual(want);
      }
    }), { seed: 7, numRuns: 24 });
  });
  it("an equal ticket is kept by id (the threshold compares the id too)", () => {
    const w = new Int32Array(8).fill(-1);
    const h = boundedHeap(2);
    for (const id of ["D", "C", "B", "A", "E", "A0"]) h.offer(w, id);
    for (let i = 0; i < 200; i++) h.offer(w, `Z${i}`);
    expect(h.sortedSelected().map((x) => x.unitId)).toEqual(["A", "A0"]);
  });
});

describe("fingerprintLog: the repeated rows, as inserting every row into one table in row order finds them", () => {
  const reference = (rows: readonly [number, number, number, string][], confirm: boolean) => {
    const t = fingerprintTable();
    const ids = new Map(rows.map((r) => [r[2], r[3]]));
    const out: [number, number][] = [];
    for (const [hi, lo, index, id] of rows) {
      const first = t.insert(hi, lo, index, confirm ? (f) => ids.get(f) === id : undefined);
      if (first >= 0) out.push([index, first]);
    }
    return out;
  };
  // sieveBits: the sieve's first bitmap made tiny (5, 9 bits: most entries pass it) or left to its size from the count
  it("random fingerprints from a small or large space, skipped rows, ids that collide or not, sieved", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 1, max: 40_000 }), fc.boolean(), fc.boolean(), fc.constantFrom(undefined, 5, 9, 14), (s, n, space, skips, confirm, sieveBits) => {
      const next = words(s);
      const rows: [number, number, number, string][] = [];
      let index = 0;
      for (let i = 0; i < n; i++) {
        if (skips && (next() & 7) === 0) index++; // a bad row: never logged
        const v = (next() >>> 0) % space;
        // the fingerprint spreads v over all 64 bits; the id equals v, or (a "collision") differs for odd rows
        const id = (next() & 15) === 0 ? `x${i}` : `v${v}`;
        rows.push([Math.imul(v, 0x9e3779b1) ^ (v << 7), Math.imul(v ^ 0x5bd1e995, 0x85ebca6b), index++, id]);
      }
      const log = fingerprintLog(next() & 1 ? n : 0);
      for (const [hi, lo, i] of rows) log.push(hi, lo, i);
      const ids = new Map(rows.map((r) => [r[2], r[3]]));
      expect(log.duplicates(confirm ? (a, b) => ids.get(a) === ids.get(b) : undefined, sieveBits)).toEqual(reference(rows, confirm));
    }), { seed: 13, numRuns: 60 });
  });
});

describe("fingerprintLog's sieve: no repeated fingerprint among many distinct ones, then one repeat found", () => {
  it("50,000 distinct random fingerprints (every sieve size), then each way of repeating one of them", () => {
    const next = words(7);
    const rows = Array.from({ length: 50_000 }, () => [next(), next()] as const);
    for (const sieveBits of [undefined, 10, 16, 20]) {
      const log = fingerprintLog();
      rows.forEach(([hi, lo], i) => log.push(hi, lo, i));
      expect(log.duplicates(undefined, sieveBits)).toEqual([]);
      for (const [first, row] of [[0, 1], [17, 49_999], [25_000, 25_001]] as const) {
        const again = fingerprintLog(rows.length);
        rows.forEach(([hi, lo], i) => (i === row ? again.push(rows[first]![0], rows[first]![1], i) : again.push(hi, lo, i)));
        expect(again.duplicates(undefined, sieveBits)).toEqual([[row, first]]);
      }
    }
  });
});

describe("a record's digest, streamed with its shape known, is the generic canonical digest of its body", () => {
  it("random pools and policies, non-ASCII and escaped ids, with and without a timeline", async () => {
    const { commitPool, createSeed, drawTargets } = await import("../../src/index.js");
    const { digestOf } = await import("../../src/draw/_shared/_encoding.js");
    const seed = createSeed("0123456789abcdef".repeat(4), { kind: "other", description: "test" });
    const ids = fc.oneof(fc.stringMatching(/^[0-9A-Z]{1,12}$/), fc.constantFrom("检查对象-1", "Ω-3", "a\"b", "c\\d", "e/f"));
    fc.assert(fc.property(fc.uniqueArray(fc.record({ id: ids, riskClass: fc.constantFrom("A", "B", "C") }), { maxLength: 60, selector: (u) => u.id }), fc.integer({ min: 0, max: 100 }), fc.boolean(), (pool, pct, timeline) => {
      const r = drawTargets({
        taskId: "T-任务\"1", pool, seed, commitment: commitPool(pool), policy: { strata: { A: { ratio: pct / 100 }, B: { count: 2 } } },
        ...(timeline ? { timeline: { commitmentPublishedOn: "2026-03-01", seedFixedOn: "2026-03-02" } } : {}),
      });
      const { digest, ...body } = r;
      expect(digestOf(body)).toBe(digest);
    }), { seed: 13, numRuns: 60 });
  });
  it("ids longer than the 64 KiB text buffer, and a commitment whose text alone fills it (many exclusions)", async () => {
    const { commitPool, createSeed, drawTargets } = await import("../../src/index.js");
    const { digestOf } = await import("../../src/draw/_shared/_encoding.js");
    const seed = createSeed("0123456789abcdef".repeat(4), { kind: "other", description: "test" });
    const long = (c: string, n: number) => `L${c.repeat(n)}`;
    const pool = [
      ...Array.from({ length: 40 }, (_, i) => ({ id: `U${i}`, riskClass: "A" })),
      { id: long("x", 70_000), riskClass: "A" }, { id: long("检", 30_000), riskClass: "A" }, { id: long('"', 40_000), riskClass: "B" }, { id: "V1", riskClass: "B" },
    ];
    const exclusions = Array.from({ length: 3000 }, (_, i) => ({ unitId: `EXCLUDED-${i}-${"z".repeat(20)}`, reason: `停业整顿 ${i}` }));
    for (const options of [{}, { exclusions }]) {
      const r = drawTargets({ taskId: "T-long", pool, seed, commitment: commitPool(pool, options), policy: { strata: { A: { ratio: 1 }, B: { ratio: 1 } } } });
      expect(r.selectedCount).toBe(44);
      const { digest, ...body } = r;
      expect(digestOf(body)).toBe(digest);
    }
  });
  it("a record of 8,003 selected units (many 64 KiB buffers of text), ids with escapes and non-ASCII among them", async () => {
    const { commitPool, createSeed, drawTargets } = await import("../../src/index.js");
    const { digestOf } = await import("../../src/draw/_shared/_encoding.js");
    const seed = createSeed("0123456789abcdef".repeat(4), { kind: "other", description: "test" });
    const odd = ["检查对象-", "Ω-", 'a"b', "c\\d", "e/f", "😀"];
    const pool = Array.from({ length: 24_000 }, (_, i) => ({ id: i % 7 === 0 ? `${odd[i % odd.length]}${i}` : `91411303${String(i).padStart(10, "0")}`, riskClass: "ABC"[i % 3] as string }));
    const r = drawTargets({ taskId: "T-大", pool, seed, commitment: commitPool(pool), policy: { strata: { A: { ratio: 0.5 }, B: { ratio: 0.5 }, C: { count: 3 } } } });
    expect(r.selectedCount).toBe(8_003);
    const { digest, ...body } = r;
    expect(digestOf(body)).toBe(digest);
  });
});

describe("the pass's one-read id check accepts exactly the ids the pool-id rule accepts", () => {
  it("random ids: printable ASCII with spaces, lower case, characters above Z, 18-character USCC shapes, non-ASCII", async () => {
    const { commitPool, ShuangsuijiError } = await import("../../src/index.js");
    const { poolIdProblem } = await import("../../src/draw/targets/_pool.js");
    const chars = fc.constantFrom(..."0123456789AZaz []{}~^_`\"\\|-./!".split(""), "\u00e9", "\u3000", "\uff21", "\t", "\u200b");
    const id = fc.oneof(fc.string({ unit: chars, minLength: 0, maxLength: 20 }), fc.string({ unit: chars, minLength: 18, maxLength: 18 }), fc.stringMatching(/^[0-9A-Za-z]{18}$/));
    fc.assert(fc.property(id, (s) => {
      let accepted = true;
      try {
        commitPool([{ id: s, riskClass: "A" }]);
      } catch (e) {
        if (!(e instanceof ShuangsuijiError)) throw e;
        accepted = false;
        expect(e.issues.map((i) => i.path.join("."))).toContain("0.id");
      }
      expect(accepted).toBe(poolIdProblem(s) === undefined);
    }), { seed: 13, numRuns: 3000 });
  });
});
