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
        return { w, id: `U${(next() >>> 0) % 100_000}-${i}` };
      });
      const h = boundedHeap(k);
      for (const o of offers) h.offer(o.w, o.id);
      const want = definition(offers, k);
      expect(h.sortedSelected()).toEqual(want);
      expect(h.recordSelected()).toEqual(want.map((x) => ({ ticket: x.ticket, unitId: x.unitId })));
      expect(h.sorted().map((c) => ({ unitId: c.id, ticket: wordsToHex(c.w) }))).toEqual(want);
    }), { seed: 13, numRuns: 40 });
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
  it("random fingerprints from a small or large space, skipped rows, ids that collide or not, scattered in groups", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 1, max: 40_000 }), fc.boolean(), fc.boolean(), fc.constantFrom(undefined, 1, 700, 5000), (s, n, space, skips, confirm, budget) => {
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
      expect(log.duplicates(confirm ? (a, b) => ids.get(a) === ids.get(b) : undefined, budget)).toEqual(reference(rows, confirm));
    }), { seed: 13, numRuns: 40 });
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
});
