/**
 * Forger 4, attack 03: a `{ table }` pool whose rows depend on the statement reading it (a view on current_query(), a
 * table macro, a generated column) is refused by commit, draw and verification alike (`pool-base-table`); a base table,
 * qualified or not, is accepted; all statements of one call share one transaction.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { ShuangsuijiError, commitPool, createSeed, drawTargets } from "../../src/index.js";
import { commitPoolInDuckDb, drawTargetsInDuckDb, verifyTargetDrawInDuckDb } from "../../src/duckdb/index.js";
import { openEngine } from "../../src/duckdb/_engine.js";
import { MATRIX, asRows } from "../sql/_pools.js";

const c = MATRIX[1]!;
const seed = createSeed("00112233445566778899aabbccddeeff", { kind: "other", description: "source isolation" });
const taskId = "T-2026-018";
const dir = mkdtempSync(join(tmpdir(), "ssj-duckdb-iso-"));
const csv = join(dir, "pool.csv");
const database = join(dir, "pool.duckdb");
const commitment = commitPool(c.pool, c.rules);
const honest = drawTargets({ taskId, pool: c.pool, seed, commitment, policy: c.policy });
const drawn = honest.strata.flatMap((s) => s.selected.map((u) => `'${u.unitId.replace(/'/g, "''")}'`));

beforeAll(async () => {
  const q = (v: string | null) => (v === null ? "" : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  writeFileSync(csv, ["id,risk_class,registration_date,status,division_code", ...asRows(c.pool).map((r) => [r.id, r.risk_class, r.registration_date, r.status, r.division_code].map(q).join(","))].join("\n") + "\n");
  const db = await DuckDBInstance.create(database);
  const con = await db.connect();
  await con.run("CREATE TABLE units AS SELECT * FROM read_csv($1, header = true, all_varchar = true)", [csv]);
  // the forger's view: honest for the commitment query, the drawn units hidden from the selection query only
  await con.run(`CREATE VIEW pool_view AS SELECT * FROM units WHERE NOT (current_query() LIKE '%AS ticket%' AND id IN (${drawn.join(",")}))`);
  await con.run("CREATE VIEW plain_view AS SELECT * FROM units");
  await con.run("CREATE TABLE generated_units (id VARCHAR, risk_class VARCHAR, registration_date VARCHAR, status VARCHAR, division_code VARCHAR, x VARCHAR GENERATED ALWAYS AS (current_query()) VIRTUAL)");
  await con.run("INSERT INTO generated_units (id, risk_class, registration_date, status, division_code) SELECT * FROM units");
  await con.run("CREATE TABLE units_and_macro AS SELECT * FROM units");
  await con.run("CREATE MACRO units_and_macro() AS TABLE SELECT * FROM units");
  con.closeSync();
  db.closeSync();
});

async function refusal(p: Promise<unknown>): Promise<ShuangsuijiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ShuangsuijiError) return e;
    throw e;
  }
  throw new Error("not refused");
}

describe("a DuckDB pool given as { table } is one base table (pool-base-table)", () => {
  const input = { taskId, seed, commitment, policy: c.policy };
  for (const [name, table] of [
    ["a view whose rows depend on the query text (attack 03)", "pool_view"],
    ["a plain view", "plain_view"],
    ["a table with a generated column", "generated_units"],
    ["a name that is also a table macro", "units_and_macro"],
    ["a name that is no relation", "no_such_units"],
  ] as const) {
    it(`${name}: commitPoolInDuckDb, drawTargetsInDuckDb and verifyTargetDrawInDuckDb refuse it`, async () => {
      // one after the other (each opens the database file)
      for (const call of [
        () => commitPoolInDuckDb({ table }, { ...c.rules, database }),
        () => drawTargetsInDuckDb({ ...input, pool: { table } }, { database }),
        () => verifyTargetDrawInDuckDb(JSON.parse(JSON.stringify(honest)), { table }, { poolCommitmentDigest: commitment.digest }, { database }),
      ]) {
        const e = await refusal(call());
        expect(e.code).toBe("invalid-argument");
        expect(e.issues[0]?.rule).toBe("pool-base-table");
        expect(e.issues[0]?.path).toEqual(["pool", "table"]);
        expect(e.issues[0]?.messageZh).toMatch(/基本表/);
        expect(e.issues[0]?.messageEn).toMatch(/base table/);
      }
    });
  }
  for (const table of ["units", "main.units", "pool.main.units", "UNITS"]) {
    it(`the base table as ${table}: committed, drawn and verified as the library does`, async () => {
      expect((await commitPoolInDuckDb({ table }, { ...c.rules, database })).digest).toBe(commitment.digest);
      const record = await drawTargetsInDuckDb({ ...input, pool: { table } }, { database });
      expect(JSON.stringify(record)).toBe(JSON.stringify(honest));
      expect((await verifyTargetDrawInDuckDb(JSON.parse(JSON.stringify(record)), { table }, { poolCommitmentDigest: commitment.digest }, { database })).ok).toBe(true);
    });
  }
});

describe("the engine runs one call's statements in one transaction (snapshot isolation)", () => {
  it("one transaction id inside, a new one after; rolled back when the work throws", async () => {
    const engine = await openEngine({});
    try {
      const txid = async () => String((await engine.rows({ dialect: "duckdb", text: "SELECT CAST(txid_current() AS VARCHAR) AS t", params: [], columns: ["t"] }, "check"))[0]?.["t"]);
      const [a, b] = await engine.transaction(async () => [await txid(), await txid()]);
      expect(a).toBe(b);
      expect(await txid()).not.toBe(a);
      await expect(engine.transaction(async () => {
        await engine.rows({ dialect: "duckdb", text: "CREATE TEMP TABLE scratch AS SELECT 1 AS x", params: [], columns: [] }, "check");
        throw new Error("stop");
      })).rejects.toThrow("stop");
      // rolled back: the table made inside is gone, and the connection is usable again
      const left = await engine.rows({ dialect: "duckdb", text: "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'scratch'", params: [], columns: ["n"] }, "check");
      expect(left[0]?.["n"]).toBe(0);
    } finally {
      engine.close();
    }
  });
});
