/**
 * Test-side engine drivers: PostgreSQL (127.0.0.1:54341, `pg`), DuckDB (in process) and the 2-shard ClickHouse cluster
 * (HTTP 8124/8125; scripts/ci/clickhouse.sh). Each loads a pool as a table and runs generated statements with their
 * parameters bound. `required()` is true in CI (CI=true, or SSJ_SQL_ENGINES=required): a missing engine then fails.
 */
import pg from "pg";
import { DuckDBInstance, LIST, INTEGER, VARCHAR, listValue, type DuckDBConnection } from "@duckdb/node-api";
import { clickhouseParams, type DrawUnit, type SqlParameter, type SqlStatement } from "../../src/index.js";
import { asRows } from "./_pools.js";

export type Row = Record<string, unknown>;
export const required = () => process.env["CI"] === "true" || process.env["SSJ_SQL_ENGINES"] === "required";

export interface TestEngine {
  readonly name: string;
  load(table: string, pool: readonly DrawUnit[]): Promise<void>;
  run(statement: SqlStatement): Promise<Row[]>;
  /** Runs a statement on each shard (one entry for a single-node engine); the table name `t` becomes the shard's. */
  runShards(statement: (table: string) => SqlStatement, table: string): Promise<Row[][]>;
  close(): Promise<void>;
}

const COLUMNS = ["id", "risk_class", "registration_date", "status", "division_code"] as const;

export async function postgres(): Promise<TestEngine> {
  const client = new pg.Client({ host: "127.0.0.1", port: 54341, user: "postgres", database: "postgres" });
  await client.connect();
  const value = (p: SqlParameter) => (p.type === "text" ? p.value : [...p.value]);
  return {
    name: "PostgreSQL",
    async load(table, pool) {
      await client.query(`DROP TABLE IF EXISTS "${table}"`);
      await client.query(`CREATE TABLE "${table}" (${COLUMNS.map((c) => `${c} text`).join(", ")})`);
      const rows = asRows(pool);
      for (let i = 0; i < rows.length; i += 20000) {
        const part = rows.slice(i, i + 20000);
        await client.query(`INSERT INTO "${table}" SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])`, COLUMNS.map((c) => part.map((r) => r[c])));
      }
    },
    async run(s) {
      return (await client.query(s.text, s.params.map(value))).rows as Row[];
    },
    async runShards(make, t) {
      return [(await client.query(make(t).text, make(t).params.map(value))).rows as Row[]];
    },
    close: () => client.end(),
  };
}

export async function duckdb(): Promise<TestEngine & { connection: DuckDBConnection }> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  const connection = await instance.connect();
  const bind = (p: SqlParameter) => (p.type === "text" ? p.value : listValue([...p.value]));
  const type = (p: SqlParameter) => (p.type === "text" ? VARCHAR : p.type === "text[]" ? LIST(VARCHAR) : LIST(INTEGER));
  return {
    name: "DuckDB",
    connection,
    async load(table, pool) {
      await connection.run(`CREATE OR REPLACE TABLE "${table}" (${COLUMNS.map((c) => `${c} VARCHAR`).join(", ")})`);
      const appender = await connection.createAppender(table);
      for (const r of asRows(pool)) {
        for (const c of COLUMNS) {
          const v = r[c];
          if (v === null) appender.appendNull();
          else appender.appendVarchar(v);
        }
        appender.endRow();
      }
      appender.closeSync();
    },
    async run(s) {
      return (await connection.runAndReadAll(s.text, s.params.map(bind), s.params.map(type))).getRowObjectsJS() as Row[];
    },
    async runShards(make, t) {
      const s = make(t);
      return [(await connection.runAndReadAll(s.text, s.params.map(bind), s.params.map(type))).getRowObjectsJS() as Row[]];
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

export const CH_HTTP = [8124, 8125] as const;

/** Runs a query on one ClickHouse server over HTTP; the statement's parameters go as the external table ssj_params. */
export async function clickhouseQuery(port: number, text: string, params?: SqlStatement, body?: string): Promise<string> {
  const url = new URL(`http://127.0.0.1:${port}/`);
  let init: RequestInit;
  if (params !== undefined) {
    const ext = clickhouseParams(params);
    url.searchParams.set("query", text);
    url.searchParams.set(`${ext.name}_structure`, ext.structure);
    url.searchParams.set(`${ext.name}_format`, ext.format);
    const form = new FormData();
    form.set(ext.name, new Blob([ext.data]), ext.name);
    init = { method: "POST", body: form };
  } else if (body !== undefined) {
    url.searchParams.set("query", text);
    url.searchParams.set("insert_distributed_sync", "1"); // the INSERT returns once both shards hold their rows
    init = { method: "POST", body };
  } else {
    init = { method: "POST", body: text };
  }
  // a kept-alive connection the server has just closed fails once with EPIPE: a fresh connection then answers
  const res = await fetch(url, init).catch(() => fetch(url, init));
  const out = await res.text();
  if (!res.ok) throw new Error(`ClickHouse ${port}: ${out.slice(0, 500)}`);
  return out;
}

export const jsonRows = (text: string): Row[] => text.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as Row);

/** The cluster: a local MergeTree table on each shard and a Distributed table over both (sharding key cityHash64(id)). */
export async function clickhouse(): Promise<TestEngine & { runShard(shard: number, s: SqlStatement): Promise<Row[]>; runLocalShards(make: (table: string) => SqlStatement, t: string): Promise<Row[][]> }> {
  for (const port of CH_HTTP) if ((await clickhouseQuery(port, "SELECT 1")).trim() !== "1") throw new Error("ClickHouse not answering");
  return {
    name: "ClickHouse (2 shards, Distributed)",
    async load(table, pool) {
      const cols = COLUMNS.map((c) => `${c} ${c === "id" || c === "risk_class" ? "String" : "Nullable(String)"}`).join(", ");
      for (const port of CH_HTTP) {
        await clickhouseQuery(port, `DROP TABLE IF EXISTS ${table}_local`);
        await clickhouseQuery(port, `DROP TABLE IF EXISTS ${table}`);
        await clickhouseQuery(port, `CREATE TABLE ${table}_local (${cols}) ENGINE = MergeTree ORDER BY id`);
        await clickhouseQuery(port, `CREATE TABLE ${table} AS ${table}_local ENGINE = Distributed(ssj, default, ${table}_local, cityHash64(id))`);
      }
      const rows = asRows(pool).map((r) => JSON.stringify(r)).join("\n");
      await clickhouseQuery(CH_HTTP[0], `INSERT INTO ${table} FORMAT JSONEachRow`, undefined, rows);
      const counts = await Promise.all(CH_HTTP.map(async (port) => Number(await clickhouseQuery(port, `SELECT count() FROM ${table}_local`))));
      const all = Number(await clickhouseQuery(CH_HTTP[0], `SELECT count() FROM ${table}`));
      if (all !== pool.length || counts.reduce((a, b) => a + b, 0) !== pool.length || (pool.length > 100 && counts.some((n) => n === 0))) {
        throw new Error(`Distributed insert: ${all} rows through the Distributed table, ${counts.join(" + ")} on the shards, ${pool.length} expected`);
      }
    },
    async run(s) {
      // a statement without parameters (the pool checks) sends no external table
      return jsonRows(await clickhouseQuery(CH_HTTP[0], `${s.text} FORMAT JSONEachRow`, s.params.length === 0 ? undefined : s));
    },
    /** Runs a statement on one shard's server (its local table named in the statement). */
    async runShard(shard, s) {
      return jsonRows(await clickhouseQuery(CH_HTTP[shard] as number, `${s.text} FORMAT JSONEachRow`, s));
    },
    /** One statement through the Distributed table `t` on shard 1's server: both shards' rows, concatenated. */
    async runShards(make, t) {
      const s = make(t);
      return [jsonRows(await clickhouseQuery(CH_HTTP[0], `${s.text} FORMAT JSONEachRow`, s))];
    },
    /** Each shard's server runs the statement on its local table `<t>_local`, both at once. */
    async runLocalShards(make: (table: string) => SqlStatement, t: string) {
      return Promise.all(CH_HTTP.map(async (port) => {
        const s = make(`${t}_local`);
        return jsonRows(await clickhouseQuery(port, `${s.text} FORMAT JSONEachRow`, s));
      }));
    },
    async close() {},
  };
}

/** Opens an engine, or returns why it is unavailable. */
export async function tryOpen<T>(open: () => Promise<T>): Promise<{ engine?: T; why?: string }> {
  try {
    return { engine: await open() };
  } catch (e) {
    return { why: e instanceof Error ? e.message : String(e) };
  }
}
