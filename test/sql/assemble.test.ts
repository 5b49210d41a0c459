/** Record assembly without an engine: rows computed in JavaScript stand in for an engine's, and forged rows are refused. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assemblePoolCommitment, assembleTargetDraw, clickhouseParams, commitPool, computeTicket, createSeed, drawTargets, generateCommitmentSql, generateSelectionSql,
  SQL_DIALECTS,
} from "../../src/index.js";
import { MATRIX } from "./_pools.js";

const seed = createSeed("ffeeddccbbaa99887766554433221100", { kind: "other", description: "assembly" });
const taskId = "T-assemble";
const c = MATRIX[0]!;
const commitment = commitPool(c.pool, c.rules);
const expected = drawTargets({ taskId, pool: c.pool, seed, commitment, policy: c.policy });
/** The selection rows an honest engine returns: every stratum's selected units. */
const honest = () => expected.strata.flatMap((s) => s.selected.map((u) => ({ risk_class: s.riskClass, id: u.unitId, ticket: u.ticket })));
/** Count rows an honest engine returns. */
const counts = [
  ...Object.entries(commitment.strata).map(([k, n]) => ({ risk_class: k, reason: "", units: String(n) })),
  { risk_class: "A", reason: "excluded", units: String(commitment.ineligible["excluded"]) },
];

describe("assembleTargetDraw", () => {
  it("honest rows give drawTargets's record", () => {
    const r = assembleTargetDraw({ taskId, policy: c.policy, seed, commitment, commitmentCheck: "counts", shards: [{ commitmentRows: counts, selectionRows: honest().reverse() }] });
    expect(r.digest).toBe(expected.digest);
  });

  it("rows split over any number of shards merge into the same record", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(3), { minLength: honest().length, maxLength: honest().length }), (where) => {
        const rows = honest();
        const shards = [0, 1, 2, 3].map((k) => ({ commitmentRows: k === 0 ? counts : [], selectionRows: rows.filter((_, i) => where[i] === k) }));
        return assembleTargetDraw({ taskId, policy: c.policy, seed, commitment, commitmentCheck: "counts", shards }).digest === expected.digest;
      }),
      { numRuns: 30 },
    );
  });

  it("refuses a forged ticket, an undrawn class and a short stratum", () => {
    const rows = honest();
    const forged = rows.map((r, i) => (i === 0 ? { ...r, ticket: "0".repeat(64) } : r));
    expect(() => assembleTargetDraw({ taskId, policy: c.policy, seed, commitment, commitmentCheck: "counts", shards: [{ commitmentRows: counts, selectionRows: forged }] })).toThrow(expect.objectContaining({ code: "invalid-input" }));
    const stranger = [...rows, { risk_class: "Q", id: "X", ticket: computeTicket({ seed: seed.value, taskId, unitId: "X" }) }];
    expect(() => assembleTargetDraw({ taskId, policy: c.policy, seed, commitment, commitmentCheck: "counts", shards: [{ commitmentRows: counts, selectionRows: stranger }] })).toThrow(expect.objectContaining({ code: "invalid-input" }));
    try {
      assembleTargetDraw({ taskId, policy: c.policy, seed, commitment, commitmentCheck: "counts", shards: [{ commitmentRows: counts, selectionRows: rows.slice(1) }] });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: "invalid-input", issues: [expect.objectContaining({ rule: "engine-rows-short" })] });
    }
  });

  it("refuses counts that are not the committed pool's", () => {
    const wrong = counts.map((r, i) => (i === 0 ? { ...r, units: String(Number(r.units) + 1) } : r));
    expect(() => assembleTargetDraw({ taskId, policy: c.policy, seed, commitment, commitmentCheck: "counts", shards: [{ commitmentRows: wrong, selectionRows: honest() }] })).toThrow(expect.objectContaining({ code: "pool-commitment-mismatch" }));
  });
});

describe("assemblePoolCommitment", () => {
  it("carries word sums modulo 2^256 and refuses a bad class or count", () => {
    const all = "4294967295";
    const row = { risk_class: "A", reason: "", units: "1", w0: all, w1: all, w2: all, w3: all, w4: all, w5: all, w6: all, w7: all };
    const one = { ...row, w0: "0", w1: "0", w2: "0", w3: "0", w4: "0", w5: "0", w6: "0", w7: "1" };
    // (2^256 - 1) + 1 wraps to 0
    expect(assemblePoolCommitment({ rows: [row, one] }).state.sum).toBe("0".repeat(64));
    // DuckDB's parts: b<shift> weighs 2^shift; 2^96-1 at 160, 2^32-1 at 128, … is 2^256-1 again
    const parts = { risk_class: "A", reason: "", units: "1", b160: String(2n ** 96n - 1n), b128: all, b32: String(2n ** 96n - 1n), b0: all };
    expect(assemblePoolCommitment({ rows: [parts] }).state.sum).toBe("f".repeat(64));
    expect(assemblePoolCommitment({ rows: [parts, { ...parts, b160: "0", b128: "0", b32: "0", b0: "2" }] }).state.sum).toBe("0".repeat(63) + "1");
    expect(() => assemblePoolCommitment({ rows: [{ ...parts, b32: "-1" }] })).toThrow(expect.objectContaining({ code: "invalid-input" }));
    expect(() => assemblePoolCommitment({ rows: [{ ...row, risk_class: "a" }] })).toThrow(expect.objectContaining({ code: "invalid-input" }));
    expect(() => assemblePoolCommitment({ rows: [{ ...row, units: "-1" }] })).toThrow(expect.objectContaining({ code: "invalid-input" }));
    expect(() => assemblePoolCommitment({ rows: [{ ...row, reason: "bribed" }] })).toThrow(expect.objectContaining({ code: "invalid-input" }));
  });
});

describe("generated SQL", () => {
  it("never carries an input value in its text, in any dialect", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SQL_DIALECTS), fc.string({ minLength: 1, maxLength: 12 }).map((s) => `Ω${s.trim() || "x"}'`), (dialect, odd) => {
        const rules = { exclusions: [{ unitId: odd, reason: "r" }], eligibility: { registeredOnOrBefore: "2025-12-31", divisionCodes: ["411303"] } };
        const q1 = generateCommitmentSql({ dialect, source: { table: "units" }, ...rules });
        const q2 = generateSelectionSql({ dialect, source: { table: "units" }, taskId: `T-${odd}`, policy: c.policy, seed, commitment: commitPool([], rules) });
        return [q1, q2].every((q) => !q.text.includes(odd) && !q.text.includes("2025-12-31") && !q.text.includes("411303") && !q.text.includes(seed.value));
      }),
      { numRuns: 50 },
    );
  });

  it("binds positionally in PostgreSQL and DuckDB, through ssj_params in ClickHouse", () => {
    const q = generateSelectionSql({ dialect: "postgresql", source: { table: "registry.units" }, taskId, policy: c.policy, seed, commitment });
    expect(q.text).toContain('FROM "registry"."units"');
    expect(q.text).toMatch(/\$1::text\[\]/);
    expect(q.params.map((p) => p.name)).toEqual(["excluded_ids", "classes", "ticket_prefix", "ticket_bounds", "quotas"]);
    const ch = generateSelectionSql({ dialect: "clickhouse", source: { table: "units" }, taskId, policy: c.policy, seed, commitment });
    expect(ch.text).toContain("(SELECT ticket_prefix FROM ssj_params)");
    expect(JSON.parse(clickhouseParams(ch).data)).toMatchObject({ classes: ["A", "B", "C", "D"] });
    expect(() => clickhouseParams(q)).toThrow(expect.objectContaining({ code: "invalid-argument" }));
    expect(() => generateCommitmentSql({ dialect: "oracle" as never, source: { table: "u" } })).toThrow(expect.objectContaining({ code: "invalid-argument" }));
    expect(() => generateCommitmentSql({ dialect: "duckdb", source: { relation: "read_csv({file})" } })).toThrow(expect.objectContaining({ code: "invalid-argument" }));
  });
});
