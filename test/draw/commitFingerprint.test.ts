// commitPool's id fingerprint is the commitment element's digest of the id under the class and eligibility of the
// pass's first valid unit (src/draw/targets/_pool.ts, unitProcessor; docs/benchmarks.md "Streamed 10⁷, round 4"):
// a streamed commitPoolAsync, which keeps no ids and trusts the fingerprint, must still find every repeated id —
// whatever class, eligibility or exclusion each of its rows carries — at the same rows, first rows and messages as
// the in-memory commitPool, which confirms every hit by comparing the ids.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { commitPool, commitPoolAsync, createSeed, drawTargets, drawTargetsAsync, type CommitPoolOptions, type DrawUnit } from "../../src/index.js";
import { issuesOf, type Issue } from "./_issues.js";

async function* batches<T>(xs: readonly T[], size: number): AsyncGenerator<T[]> {
  for (let i = 0; i < xs.length; i += size) yield xs.slice(i, i + size);
}

const options: CommitPoolOptions = { eligibility: { registeredOnOrBefore: "2021-12-31", statuses: ["operating"] }, exclusions: [{ unitId: "X1", reason: "test" }] };
const seed = createSeed("0123456789abcdef".repeat(4), { kind: "other", description: "test" });

// units over a few ids, so ids repeat, each row with its own class, date, status (eligible or one of the reasons)
const unitArb = fc.record(
  {
    id: fc.constantFrom("X1", "X2", "X3", "91411303000000000A", "U-1", "检查对象-1", " bad", "a b"),
    riskClass: fc.constantFrom("A", "B", "C", "a"),
    registrationDate: fc.constantFrom("2019-05-01", "2023-01-01", "2026-02-30"),
    status: fc.constantFrom("operating", "revoked"),
  },
  { requiredKeys: ["id", "riskClass"] },
);

describe("commitPool's fingerprint (the element digest under one class and reason) finds every repeated id", () => {
  it("streamed: the same rows, first rows and messages as the in-memory pool, whatever each row's class and eligibility", async () => {
    let repeats = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(unitArb, { maxLength: 40 }), fc.integer({ min: 1, max: 9 }), async (pool, size) => {
        const expected = await issuesOf(() => commitPool(pool as DrawUnit[], options));
        if (expected === "no error") accepted++;
        else if (expected.some(([, rule]) => rule === "unique-ids")) repeats++;
        expect(await issuesOf(() => commitPoolAsync(batches(pool as DrawUnit[], size), options))).toEqual(expected);
        expect(await issuesOf(() => commitPoolAsync(pool as DrawUnit[], options))).toEqual(expected);
        if (expected === "no error") expect(await commitPoolAsync(batches(pool as DrawUnit[], size), options)).toEqual(commitPool(pool as DrawUnit[], options));
      }),
      { seed: 29, numRuns: 400 },
    );
    // not vacuous: most pools repeat an id, some are accepted
    expect(repeats).toBeGreaterThan(60);
    expect(accepted).toBeGreaterThan(10);
  });

  it("a repeated id under another class, another reason or an exclusion is refused (the first valid unit fixes the fingerprint's class)", async () => {
    const cases: [DrawUnit[], number, number][] = [
      // [pool, repeated row, first row]
      [[{ id: "P1", riskClass: "A" }, { id: "P2", riskClass: "B" }, { id: "P1", riskClass: "B" }], 2, 0],
      [[{ id: "P0", riskClass: "C" }, { id: "P1", riskClass: "A" }, { id: "P1", riskClass: "C" }], 2, 1],
      [[{ id: "P1", riskClass: "A", registrationDate: "2023-01-01" }, { id: "P2", riskClass: "A" }, { id: "P1", riskClass: "A", registrationDate: "2019-01-01", status: "operating" }], 2, 0],
      [[{ id: "X1", riskClass: "A", status: "operating" }, { id: "P2", riskClass: "A", status: "operating" }, { id: "X1", riskClass: "D", status: "revoked" }], 2, 0],
      [[{ id: " bad", riskClass: "A" }, { id: "P1", riskClass: "Z", status: "revoked" }, { id: "P2", riskClass: "A" }, { id: "P1", riskClass: "A", status: "operating", registrationDate: "2019-01-01" }], 3, 1],
    ];
    for (const [pool, row, first] of cases) {
      const expected = await issuesOf(() => commitPool(pool, options));
      const got = await issuesOf(() => commitPoolAsync(batches(pool, 2), options));
      expect(got).toEqual(expected);
      expect((got as Issue[]).filter(([, rule]) => rule === "unique-ids")).toEqual([[[row, "id"], "unique-ids", `ids must be unique: same id as unit ${first}`, expect.stringContaining(`与第${first}项重复`)]]);
    }
  });

  it("at scale: one repeat under another class among 50,000 streamed units is found at its row; none, none found; the draw agrees", async () => {
    const pool: DrawUnit[] = Array.from({ length: 50_000 }, (_, i) => ({ id: `91411303${String(i).padStart(10, "0")}`, riskClass: "ABCD"[i % 4] as string }));
    const commitment = await commitPoolAsync(batches(pool, 4096));
    expect(commitment).toEqual(commitPool(pool));
    const policy = { strata: { A: { ratio: 0.05 }, B: { ratio: 0.05 }, C: { ratio: 0.05 }, D: { ratio: 0.05 } } };
    expect(await drawTargetsAsync({ taskId: "T", pool: batches(pool, 4096), policy, seed, commitment })).toEqual(drawTargets({ taskId: "T", pool, policy, seed, commitment }));
    const dup = [...pool, { id: pool[40_001]!.id, riskClass: "A" }]; // row 40,001 is class B
    const expected = await issuesOf(() => commitPool(dup));
    expect((expected as Issue[]).map(([p, , m]) => [p, m])).toEqual([[[50_000, "id"], expect.stringContaining("same id as unit 40001")]]);
    expect(await issuesOf(() => commitPoolAsync(batches(dup, 4096)))).toEqual(expected);
  });
});
