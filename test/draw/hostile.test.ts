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
