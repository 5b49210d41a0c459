// The prefix hashers reuse a message's padding and bit length when the next message has the same length
// (src/draw/_shared/_sha256.ts, midstateEngine.finish; docs/benchmarks.md "Streamed 10⁷, round 5"). The pass over a
// pool writes each id's characters into both hash buffers before it knows whether the unit is valid, and commitPool
// hashes a fingerprint element only for units outside the pass's first class and reason: a refused row's id, or a
// free unit's longer id, lands past the end of the next message and would corrupt reused padding. These tests mix
// id lengths, refused rows and free units so that every such write happens, and check the commitment and the tickets
// against node:crypto and the repeated rows against a plain scan.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { commitPool, commitPoolAsync, createSeed, drawTargets, drawTargetsAsync, type CommitPoolOptions, type DrawUnit } from "../../src/index.js";
import { ShuangsuijiError } from "../../src/index.js";
import { canonicalJson, lengthDelimited } from "../../src/draw/_shared/_encoding.js";
import { POOL_ALGORITHM, hexToBytesField } from "../../src/draw/targets/_pool.js";
import { issuesOf } from "./_issues.js";

async function* batches<T>(xs: readonly T[], size: number): AsyncGenerator<T[]> {
  for (let i = 0; i < xs.length; i += size) yield xs.slice(i, i + size);
}

const sha = (...parts: Uint8Array[]): Buffer => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return h.digest();
};

const options: CommitPoolOptions = { eligibility: { statuses: ["operating"] } };
const seed = createSeed("0123456789abcdef".repeat(4), { kind: "other", description: "padding reuse" });

/** The v1 commitment digest computed with node:crypto: Σ SHA-256(len‖id ‖ len‖class ‖ len‖reason) mod 2^256. */
function referenceDigest(pool: readonly DrawUnit[]): string {
  let sum = 0n;
  for (const u of pool) {
    const reason = u.status === "operating" ? "" : u.status === undefined ? "status-unknown" : "status-not-allowed";
    sum = (sum + BigInt(`0x${sha(lengthDelimited([u.id, u.riskClass, reason])).toString("hex")}`)) % 2n ** 256n;
  }
  const sumBytes = Uint8Array.from(sum.toString(16).padStart(64, "0").match(/../g)!, (b) => parseInt(b, 16));
  const config = { eligibility: options.eligibility, exclusions: [] };
  return sha(lengthDelimited([POOL_ALGORITHM, String(pool.length), sumBytes, canonicalJson(config)])).toString("hex");
}

// short and long ids (printable ASCII, some non-ASCII), so that consecutive messages change length both ways
const shortId = fc.constantFrom("S1", "S2", "S33", "S444", "SX-5");
const longId = fc.constantFrom("L".repeat(40), "L-long-identifier-0123456789-abcdefghij", "长标识".repeat(9), "M".repeat(70));
const validUnit = fc.record({
  id: fc.oneof(shortId, longId),
  riskClass: fc.constantFrom("A", "B", "C"),
  status: fc.constantFrom("operating", "operating", "revoked"),
});
// refused rows: a long id that breaks the pool-id rule (two spaces), or a bad class with a long valid id
const badUnit = fc.oneof(
  fc.record({ id: fc.constantFrom(`bad  ${"x".repeat(50)}`, `x ${"y".repeat(80)}  z`), riskClass: fc.constant("A"), status: fc.constant("operating") }),
  fc.record({ id: longId, riskClass: fc.constant("a"), status: fc.constant("operating") }),
);
const row = fc.oneof({ arbitrary: validUnit, weight: 5 }, { arbitrary: badUnit, weight: 1 });

/** [row, first row] of every repeated id among the valid rows, in row order (a plain scan). */
function repeatsOf(pool: readonly DrawUnit[], valid: readonly boolean[]): [number, number][] {
  const first = new Map<string, number>();
  const out: [number, number][] = [];
  pool.forEach((u, i) => {
    if (!valid[i]) return;
    const f = first.get(u.id);
    if (f === undefined) first.set(u.id, i);
    else out.push([i, f]);
  });
  return out;
}

async function refusalOf(f: () => unknown): Promise<ShuangsuijiError | undefined> {
  try {
    await f();
  } catch (e) {
    expect(e).toBeInstanceOf(ShuangsuijiError);
    return e as ShuangsuijiError;
  }
  return undefined;
}

const repeatedRows = (e: ShuangsuijiError): [number, number][] =>
  e.issues.filter((i) => i.rule === "unique-ids").map((i) => [i.path[0] as number, Number(/same id as unit (\d+)/.exec(i.messageEn)![1])]);

describe("padding reused between messages of one length: refused rows and free units write past a message's end", () => {
  it("distinct valid ids of mixed lengths: the commitment equals node:crypto's, streamed or not, and every selected ticket too", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(validUnit, { selector: (u) => u.id, maxLength: 9 }), fc.array(fc.nat({ max: 99 }), { minLength: 30, maxLength: 60 }), fc.integer({ min: 1, max: 7 }), async (base, salts, size) => {
        // distinct ids: the base ids with numbered suffixes of varying length
        const pool: DrawUnit[] = salts.map((s, i) => {
          const u = base[i % Math.max(1, base.length)] ?? { id: "Z", riskClass: "A", status: "operating" };
          return { ...u, id: `${u.id}-${i}${"#".repeat(s % 5)}` };
        });
        const want = referenceDigest(pool);
        const c = await commitPoolAsync(batches(pool, size), options);
        expect(c.digest).toBe(want);
        expect(commitPool(pool, options).digest).toBe(want);
        const input = { taskId: "T-PAD", seed, commitment: c, policy: { strata: { A: { ratio: 0.6 }, B: { ratio: 0.6 }, C: { ratio: 0.6 } } } };
        const record = await drawTargetsAsync({ ...input, pool: batches(pool, size) });
        expect(drawTargets({ ...input, pool })).toEqual(record);
        const prefix = hexToBytesField(seed.value, "T-PAD");
        const te = new TextEncoder();
        for (const s of record.strata) for (const e of s.selected) expect(e.ticket).toBe(sha(prefix, lengthDelimited([te.encode(e.unitId)])).toString("hex"));
      }),
      { seed: 71, numRuns: 150 },
    );
  });

  it("repeated ids among refused rows and free units' longer ids: the same repeated rows and first rows as a plain scan", async () => {
    let repeats = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 2, maxLength: 40 }), fc.integer({ min: 1, max: 9 }), async (pool, size) => {
        const valid = pool.map((u) => u.riskClass !== "a" && !u.id.includes("  "));
        const want = repeatsOf(pool, valid);
        if (want.length > 0) repeats++;
        // every bad row, at its global row, with the same messages, streamed in batches or not
        expect(await issuesOf(() => commitPoolAsync(batches(pool, size), options))).toEqual(await issuesOf(() => commitPool(pool, options)));
        for (const f of [() => commitPoolAsync(batches(pool, size), options), () => commitPool(pool, options)]) {
          const e = await refusalOf(f);
          if (e === undefined) {
            expect(want).toEqual([]);
            expect(valid.every((v) => v)).toBe(true);
          } else expect(repeatedRows(e)).toEqual(want);
        }
        // the draw pass (the ticket is the fingerprint) under a commitment of the valid, distinct rows
        const clean = pool.filter((u, i) => valid[i] && !want.some(([r]) => r === i));
        const commitment = commitPool(clean, options);
        const e = await refusalOf(() => drawTargetsAsync({ taskId: "T-PAD", pool: batches(pool, size), seed, commitment, policy: { strata: { A: { ratio: 0.5 } } } }));
        if (e !== undefined) expect(repeatedRows(e)).toEqual(want);
        else expect(want).toEqual([]);
      }),
      { seed: 73, numRuns: 400 },
    );
    expect(repeats).toBeGreaterThan(100);
  });

  it("a repeated short id on both sides of a free unit's long id (commitPool's fingerprint element hashed, skipped, hashed)", async () => {
    // the first valid unit fixes class A: A units are free; B units pay the fingerprint element (the first id is the
    // longest, so the buffers have grown before the rest — a growth pads afresh anyway)
    const pool: DrawUnit[] = [
      { id: "F".repeat(90), riskClass: "A", status: "operating" },
      { id: "R1", riskClass: "B", status: "operating" },
      { id: "Q2", riskClass: "B", status: "operating" },
      { id: "free-unit-with-a-much-longer-id-0123456789", riskClass: "A", status: "operating" },
      { id: "R1", riskClass: "B", status: "operating" },
    ];
    for (const size of [1, 2, 5]) {
      const e = await refusalOf(() => commitPoolAsync(batches(pool, size), options));
      expect(e && repeatedRows(e)).toEqual([[4, 1]]);
    }
    // after a refused row with a long id, too
    const pool2: DrawUnit[] = [pool[0]!, pool[1]!, pool[2]!, { id: `bad  ${"x".repeat(60)}`, riskClass: "B", status: "operating" }, pool[4]!];
    const e2 = await refusalOf(() => commitPoolAsync(batches(pool2, 3), options));
    expect(e2 && repeatedRows(e2)).toEqual([[4, 1]]);
    expect(e2!.issues.map((i) => i.path[0])).toEqual([3, 4]);
  });
});
