/** The Node entry shuangsuiji/duckdb: commit, draw and verify from a CSV file, a Parquet file and a table. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { commitPool, createSeed, drawTargets, verifyTargetDraw } from "../../src/index.js";
import { commitPoolInDuckDb, drawTargetsInDuckDb, verifyTargetDrawInDuckDb, type DuckDbProgress } from "../../src/duckdb/index.js";
import { MATRIX, asRows } from "../sql/_pools.js";
import { canonical } from "../sql/_canonical.js";

const c = MATRIX[1]!; // every ineligibility reason
const seed = createSeed("00112233445566778899aabbccddeeff", { kind: "other", description: "duckdb entry" });
const taskId = "T-2026-017";
const dir = mkdtempSync(join(tmpdir(), "ssj-duckdb-"));
const csv = join(dir, "pool.csv");
const parquet = join(dir, "pool.parquet");
const database = join(dir, "pool.duckdb");

beforeAll(async () => {
  const q = (v: string | null) => (v === null ? "" : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const rows = asRows(c.pool);
  writeFileSync(csv, ["id,risk_class,registration_date,status,division_code", ...rows.map((r) => [r.id, r.risk_class, r.registration_date, r.status, r.division_code].map(q).join(","))].join("\n") + "\n");
  const db = await DuckDBInstance.create(database);
  const con = await db.connect();
  await con.run("CREATE TABLE units AS SELECT * FROM read_csv($1, header = true, all_varchar = true)", [csv]);
  await con.run(`COPY units TO '${parquet.replace(/'/g, "''")}' (FORMAT parquet)`);
  con.closeSync();
  db.closeSync();
});

describe("shuangsuiji/duckdb", () => {
  const expected = drawTargets({ taskId, pool: c.pool, seed, commitment: commitPool(c.pool, c.rules), policy: c.policy });
  for (const [name, pool, options] of [
    ["a CSV file", { file: csv }, {}],
    ["a Parquet file", { file: parquet }, {}],
    ["a table of a database file", { table: "units" }, { database }],
  ] as const) {
    it(`commits, draws and verifies ${name} exactly as the library does`, async () => {
      const commitment = await commitPoolInDuckDb(pool, { ...c.rules, ...options });
      expect(commitment.digest).toBe(expected.poolCommitment.digest);
      const steps: DuckDbProgress["step"][] = [];
      const record = await drawTargetsInDuckDb({ taskId, pool, seed, commitment, policy: c.policy }, { ...options, onProgress: (p) => steps.push(p.step) });
      expect(canonical(record)).toBe(canonical(expected));
      expect(steps).toEqual(expect.arrayContaining(["check", "selection"]));
      expect(verifyTargetDraw(record, c.pool).ok).toBe(true);
      // the same verdict and notes as verifyTargetDraw (a seed of kind "other" is noted as not re-derivable)
      expect(await verifyTargetDrawInDuckDb(record, pool, {}, options)).toEqual(verifyTargetDraw(record, c.pool));
    });
  }

  it("verification lists a forged selection and a pool that is not the committed one", async () => {
    const s0 = expected.strata[0]!;
    const forged = { ...expected, strata: [{ ...s0, selected: [...s0.selected.slice(1), s0.selected[0]!] }, ...expected.strata.slice(1)] };
    const r = await verifyTargetDrawInDuckDb(forged, { file: csv });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.mismatches.some((m) => m.field.startsWith("strata"))).toBe(true);
    const other = drawTargets({ taskId, pool: c.pool.slice(1), seed, commitment: commitPool(c.pool.slice(1), c.rules), policy: c.policy });
    const r2 = await verifyTargetDrawInDuckDb(other, { file: csv });
    expect(!r2.ok && r2.mismatches.map((m) => m.field)).toEqual(expect.arrayContaining(["poolCommitment.digest", "poolCommitment.unitCount"]));
  });

  it("refuses to draw a file that is not the committed pool", async () => {
    const commitment = commitPool(c.pool.slice(2), c.rules);
    await expect(drawTargetsInDuckDb({ taskId, pool: { file: csv }, seed, commitment, policy: c.policy })).rejects.toMatchObject({ code: "pool-commitment-mismatch" });
  });
});
