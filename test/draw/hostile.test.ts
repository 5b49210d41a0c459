// Issue 17's contract for the draw: for any hostile input, every draw export returns or throws ShuangsuijiError —
// never a TypeError — and verifiers return { ok: false } for damaged records.
import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.js";

const HOSTILE: unknown[] = [
  undefined, null, 0, Number.NaN, -1, "", "x", true, [], {}, [null], { id: null }, { kind: "target-draw" }, { kind: "locked-target-list", record: null },
  Object.create({ kind: "target-draw", strata: [] }), { __proto__: null }, { value: "00".repeat(16), provenance: null }, { strata: null }, { pool: 5 },
];
const EXPORTS: [string, (x: unknown) => unknown][] = [
  ["createSeed(value)", (x) => lib.createSeed(x as string, { kind: "other", description: "d" })],
  ["createSeed(provenance)", (x) => lib.createSeed("00".repeat(16), x as never)],
  ["seedFromDice", (x) => lib.seedFromDice(x as never)],
  ["seedFromLottery", (x) => lib.seedFromLottery(x as never, x as never)],
  ["seedFromBeacon", (x) => lib.seedFromBeacon(x as never)],
  ["seedFromShares", (x) => lib.seedFromShares(x as never)],
  ["commitSeedShare", (x) => lib.commitSeedShare(x as never)],
  ["commitPool(pool)", (x) => lib.commitPool(x as never)],
  ["commitPool(options)", (x) => lib.commitPool([], x as never)],
  ["computeQuota", (x) => lib.computeQuota(x as never, x as never)],
  ["computeTicket", (x) => lib.computeTicket(x as never)],
  ["drawTargets", (x) => lib.drawTargets(x as never)],
  ["drawTargetShard", (x) => lib.drawTargetShard(x as never)],
  ["mergeTargetShards", (x) => lib.mergeTargetShards(x as never, x as never)],
  ["verifyTargetDraw", (x) => lib.verifyTargetDraw(x as never, [])],
  ["verifyTicket", (x) => lib.verifyTicket(x as never, { unitId: "U1", riskClass: "A" })],
  ["verifyTicket(query)", (x) => lib.verifyTicket({} as never, x as never)],
  ["lockTargetDraw", (x) => lib.lockTargetDraw(x as never, x as never)],
  ["dispatchTargets", (x) => lib.dispatchTargets(x as never, [], { by: "district" })],
  ["drawInspectors", (x) => lib.drawInspectors(x as never)],
  ["verifyInspectorDraw", (x) => lib.verifyInspectorDraw(x as never, x as never)],
];

describe("hostile inputs: a result or a ShuangsuijiError, never a foreign error", () => {
  for (const [name, f] of EXPORTS) {
    it(name, () => {
      const foreign: string[] = [];
      for (const x of HOSTILE) {
        try {
          const r = f(x);
          if (name.startsWith("verify") && name !== "verifyTicket(query)" && x !== null && typeof r === "object" && r !== null && "ok" in r) expect((r as { ok: boolean }).ok).toBe(false);
        } catch (e) {
          if (!(e instanceof lib.ShuangsuijiError)) foreign.push(`${JSON.stringify(x) ?? String(x)}: ${(e as Error).message}`);
        }
      }
      expect(foreign).toEqual([]);
    });
  }
});

describe("a damaged unit count never sizes the duplicate table (hostile fuzz input #36)", () => {
  const pool = [{ id: "U1", riskClass: "A" }, { id: "U2", riskClass: "A" }, { id: "U3", riskClass: "B" }];
  const seed = lib.createSeed("0123456789abcdef0123456789abcdef", { kind: "other", description: "d" });
  const record = lib.drawTargets({ taskId: "T", pool, seed, commitment: lib.commitPool(pool), policy: { strata: { A: { count: 1 }, B: { count: 1 } } } });
  // NaN once sized the table to zero slots, and the probe for a free slot never ended
  for (const unitCount of [Number.NaN, -1, Number.POSITIVE_INFINITY, 1e300]) {
    it(`unitCount ${unitCount}: both verifiers report it`, async () => {
      const damaged = JSON.parse(JSON.stringify(record)) as typeof record & { poolCommitment: { unitCount: number } };
      damaged.poolCommitment.unitCount = unitCount;
      expect(lib.verifyTargetDraw(damaged, pool).ok).toBe(false);
      expect((await lib.verifyTargetDrawAsync(damaged, pool)).ok).toBe(false);
    });
  }
});
