/** The DuckDB path's record assembly from result columns (src/duckdb/_assemble.ts): drawTargets's bytes, nothing trusted. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { commitPool, createSeed, drawTargets, lockTargetDraw, verifyTargetDraw, type TargetDrawRecord } from "../../src/index.js";
import { isBuilt } from "../../src/draw/records/_checkRecord.js";
import { assembleFromColumns, plainId, type SelectionColumns } from "../../src/duckdb/_assemble.js";
import { poolIdProblem, ticketHex } from "../../src/draw/targets/_pool.js";
import { setupStage1 } from "../../src/draw/targets/_stage1.js";
import { MATRIX } from "../sql/_pools.js";
import type { ShuangsuijiError } from "../../src/errors/ShuangsuijiError.js";

const seed = createSeed("00112233445566778899aabbccddeeff", { kind: "other", description: "assembly" });
const taskId = "T-2026-016";

function caseOf(k: number) {
  const c = MATRIX[k]!;
  const commitment = commitPool(c.pool, c.rules);
  const expected = drawTargets({ taskId, pool: c.pool, seed, commitment, policy: c.policy });
  const input = { taskId, seed, commitment, policy: c.policy };
  // the count rows an engine returns for check "counts"
  const counts = [
    ...Object.entries(commitment.strata).map(([cls, n]) => ({ risk_class: cls, reason: "", units: String(n) })),
    ...Object.entries(commitment.ineligible).map(([reason, n]) => ({ risk_class: "A", reason, units: String(n) })),
  ];
  const rows = expected.strata.flatMap((s) => s.selected.map((u) => ({ cls: s.riskClass, id: u.unitId, ticket: u.ticket })));
  return { c, commitment, expected, input, counts, rows };
}

const columnsOf = (rows: readonly { cls: string; id: string; ticket: string }[]): SelectionColumns => ({
  riskClass: rows.map((r) => r.cls),
  id: rows.map((r) => r.id),
  ticket: rows.map((r) => r.ticket),
  count: rows.length,
});

const thrown = (f: () => unknown): ShuangsuijiError => {
  try {
    f();
  } catch (e) {
    return e as ShuangsuijiError;
  }
  throw new Error("expected a throw");
};

describe("assembleFromColumns", () => {
  for (const k of [0, 1]) {
    it(`gives drawTargets's record byte for byte (${MATRIX[k]!.name})`, () => {
      const { c, expected, input, counts, rows } = caseOf(k);
      const record: TargetDrawRecord = assembleFromColumns(setupStage1(input), counts, "counts", columnsOf(rows));
      expect(JSON.stringify(record)).toBe(JSON.stringify(expected));
      expect(verifyTargetDraw(record, c.pool).ok).toBe(true);
    });
  }

  it("gives the same record whatever order the engine returns the rows in", () => {
    const { expected, input, counts, rows } = caseOf(0);
    const setup = setupStage1(input);
    fc.assert(
      fc.property(fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }), (shuffled) => {
        expect(assembleFromColumns(setup, counts, "counts", columnsOf(shuffled)).digest).toBe(expected.digest);
      }),
      { numRuns: 20 },
    );
  });

  it("refuses a wrong ticket, a class not drawn, a unit twice and a bad id, every row named", () => {
    const { input, counts, rows } = caseOf(0);
    const bad = [...rows];
    bad[0] = { ...bad[0]!, ticket: "0".repeat(64) };
    bad[1] = { ...bad[1]!, cls: "Z" };
    bad[2] = { ...bad[3]! };
    bad[4] = { ...bad[4]!, id: " padded" };
    const e = thrown(() => assembleFromColumns(setupStage1(input), counts, "counts", columnsOf(bad)));
    expect(e.code).toBe("invalid-input");
    const paths = e.issues.map((i) => JSON.stringify(i.path));
    expect(paths).toEqual(expect.arrayContaining(['["selectionRows",0,"ticket"]', '["selectionRows",1,"risk_class"]', '["selectionRows",3,"id"]', '["selectionRows",4,"id"]']));
    expect(e.issues.find((i) => JSON.stringify(i.path) === '["selectionRows",3,"id"]')?.rule).toBe("unique-ids");
  });

  it("refuses a unit the commitment excludes by name", () => {
    const { input, counts, rows } = caseOf(0);
    const setup = setupStage1(input);
    const excludedId = setup.config.exclusions[0]!.unitId;
    const cls = rows[0]!.cls;
    const bad = [...rows, { cls, id: excludedId, ticket: ticketHex(seed.value, taskId, excludedId) }];
    const e = thrown(() => assembleFromColumns(setup, counts, "counts", columnsOf(bad)));
    expect(e.code).toBe("invalid-input");
    expect(e.issues.map((i) => JSON.stringify(i.path))).toContain(JSON.stringify(["selectionRows", rows.length, "id"]));
  });

  it("refuses fewer rows than a quota (engine-rows-short) and counts that are not the commitment's", () => {
    const { input, counts, rows } = caseOf(0);
    const e = thrown(() => assembleFromColumns(setupStage1(input), counts, "counts", columnsOf(rows.slice(1))));
    expect(e.code).toBe("invalid-input");
    expect(e.issues.some((i) => i.rule === "engine-rows-short")).toBe(true);
    const fewer = counts.map((r, i) => (i === 0 ? { ...r, units: String(Number(r.units) - 1) } : r));
    expect(thrown(() => assembleFromColumns(setupStage1(input), fewer, "counts", columnsOf(rows))).code).toBe("pool-commitment-mismatch");
  });

  it("clears an id without the pool-id rule's costlier tests only when the rule accepts it", () => {
    const chars = fc.oneof(fc.constantFrom(" ", "a", "z", "A", "Z", "0", "9", "~", "!", "\u3000", "\u00a0", "é", "\t"), fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 20 }).map((a) => a.join("")), (id) => {
        if (plainId(id)) expect(poolIdProblem(id)).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
    expect(plainId("91411303MA40ABCD1X")).toBe(true);
    expect(plainId("91411303ma40abcd1x")).toBe(false);
    expect(plainId("")).toBe(false);
  });
});

// Forger 4, attack 02: the engine's rows can name units that are not the quota-smallest, or in no pool, with correct
// tickets — nothing without the pool can tell. So the assembled record is never marked "built": every use runs the
// full record self-check (as for mergeTargetShards's output), and only a verifier with the pool can accept it.
describe("assembleFromColumns: the record is not trusted as built (attack 02)", () => {
  it("honest rows: drawTargets's bytes, not marked built, still locked after the full check", () => {
    const { expected, input, counts, rows } = caseOf(0);
    const record = assembleFromColumns(setupStage1(input), counts, "counts", columnsOf(rows));
    expect(JSON.stringify(record)).toBe(JSON.stringify(expected));
    expect(isBuilt(expected)).toBe(true);
    expect(isBuilt(record)).toBe(false);
    expect(Object.isFrozen(record)).toBe(true);
    expect(lockTargetDraw(record, { lockedOn: "2026-04-02", lockedBy: "局" }).record.digest).toBe(expected.digest);
  });
  it("rows naming a unit in no pool, with its ticket recomputed: assembled, not built, and refused by verifyTargetDraw with the pool", () => {
    const { c, input, counts, rows } = caseOf(0);
    const cls = rows[0]!.cls;
    const ghost = "GHOST-ENTERPRISE-1";
    const forged = [{ cls, id: ghost, ticket: ticketHex(seed.value, taskId, ghost) }, ...rows.filter((r, i) => i !== 0)];
    const record = assembleFromColumns(setupStage1(input), counts, "counts", columnsOf(forged));
    expect(isBuilt(record)).toBe(false);
    expect(verifyTargetDraw(record, c.pool).ok).toBe(false);
  });
});
