// Draw benchmarks for the SQL engines (docs/benchmarks.md, docs/scale.md). One measurement per invocation, printed as a
// JSON line; peak memory is this process's maximum resident set (DuckDB runs in process, so it is counted).
//   npx tsx scripts/bench-sql.ts duckdb <units> [parquet|csv] [--memory-limit 3GB]   commit + draw from a file
//   npx tsx scripts/bench-sql.ts js <units>                                          commitPool + drawTargets, streamed
//   npx tsx scripts/bench-sql.ts clickhouse <units>     2-shard cluster (scripts/ci/clickhouse.sh): through the Distributed
//                                                       table, then per shard on its local table (the time per shard)
// duckdb also times its floor in the same run: `SELECT count(*), min(sha256(id))` over the same file (one scan, one hash
// per unit), and reports total / floor and the process's CPU seconds (both threads) next to the wall times.
// --runs k repeats the measurement in the same process and adds min and median of the totals.
// The pool is bench-stream.ts's: id 91411303 + i padded to 10 digits, class A–D by i mod 4, 5 % per stratum. Files are
// generated once under .tmp/bench-sql/ (not timed). Every engine's record digest is printed: they must be equal.
//   npx tsx scripts/bench-sql.ts duckdb-steps <units>   each statement of commit + draw timed alone (CPU s of the
//                                                       process, wall s, rows), after the same-run floor: where it goes
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import {
  assemblePoolCommitment, assembleTargetDraw, clickhouseParams, commitPoolAsync, createSeed, drawTargetsAsync, generateCommitmentSql, generateSelectionSql,
  type SqlStatement,
} from "../src/index.js";
import { commitPoolInDuckDb, drawTargetsInDuckDb } from "../src/duckdb/index.js";
import { poolCheckSql } from "../src/duckdb/_poolChecks.js";
import { sqlSource } from "../src/duckdb/DuckDbPool.js";

const [engine = "duckdb", nText = "1000000", ...rest] = process.argv.slice(2);
const N = Number(nText);
const format = rest.includes("csv") ? "csv" : "parquet";
const memoryLimit = rest.includes("--memory-limit") ? rest[rest.indexOf("--memory-limit") + 1] : undefined;
const runs = rest.includes("--runs") ? Number(rest[rest.indexOf("--runs") + 1]) : 1;
const seed = createSeed("0123456789abcdef".repeat(4), { kind: "other", description: "sql bench" });
const taskId = "BENCH-SQL";
// --ratio r (default 0.05): at 10⁸, 5 % selects 5×10⁶ units; mergeTargetShards reads at most 5×10⁶ values (three per
// selected unit: src/_internal/boundary.ts, rule input-limit), so 10⁸ runs use --ratio 0.01
const ratio = rest.includes("--ratio") ? Number(rest[rest.indexOf("--ratio") + 1]) : 0.05;
const policy = { strata: { A: { ratio }, B: { ratio }, C: { ratio }, D: { ratio } } };
const CLASSES = ["A", "B", "C", "D"];
const idSql = (i: string) => `'91411303' || lpad(CAST(${i} AS VARCHAR), 10, '0')`;
const seconds = (t0: number) => Number(((performance.now() - t0) / 1000).toFixed(2));
const peakMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function poolFile(): Promise<string> {
  const dir = join(".tmp", "bench-sql");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `pool-${N}.${format}`);
  if (!existsSync(file)) {
    const db = await DuckDBInstance.create(":memory:");
    const c = await db.connect();
    const opts = format === "parquet" ? "(FORMAT parquet)" : "(FORMAT csv, HEADER true)";
    await c.run(`COPY (SELECT ${idSql("i")} AS id, chr(65 + CAST(i % 4 AS INTEGER)) AS risk_class FROM range(${N}) t(i)) TO '${file}' ${opts}`);
    c.closeSync();
    db.closeSync();
  }
  return file;
}

async function chQuery(port: number, text: string, params?: SqlStatement): Promise<string> {
  const url = new URL(`http://127.0.0.1:${port}/`);
  url.searchParams.set("query", text);
  const init: RequestInit = { method: "POST" };
  if (params !== undefined) {
    const ext = clickhouseParams(params);
    url.searchParams.set(`${ext.name}_structure`, ext.structure);
    url.searchParams.set(`${ext.name}_format`, ext.format);
    const form = new FormData();
    form.set(ext.name, new Blob([ext.data]), ext.name);
    init.body = form;
  }
  url.searchParams.set("insert_distributed_sync", "1");
  // a kept-alive connection the server has just closed fails once with EPIPE: a fresh connection then answers
  const res = await fetch(url, init).catch(() => fetch(url, init));
  const out = await res.text();
  if (!res.ok) throw new Error(out.slice(0, 400));
  return out;
}
const rowsOf = (t: string) => t.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as Record<string, unknown>);

async function once(): Promise<Record<string, unknown>> {
let result: Record<string, unknown>;
if (engine === "duckdb") {
  const file = await poolFile();
  const pool = { file };
  const options = memoryLimit === undefined ? {} : { memoryLimit };
  // the floor, same file, same run: DuckDB's own scan with one SHA-256 per unit (no element, no sums, no ranking)
  const floorDb = await DuckDBInstance.create(":memory:", memoryLimit === undefined ? {} : { memory_limit: memoryLimit });
  const fc = await floorDb.connect();
  const fcpu0 = process.cpuUsage();
  const f0 = performance.now();
  await fc.runAndReadAll(`SELECT count(*), min(sha256(id)) FROM read_parquet('${file}')`.replace("read_parquet", format === "parquet" ? "read_parquet" : "read_csv"));
  const floor = seconds(f0);
  const fcpu = process.cpuUsage(fcpu0);
  fc.closeSync();
  floorDb.closeSync();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const commitment = await commitPoolInDuckDb(pool, options);
  const commit = seconds(t0);
  const t1 = performance.now();
  const record = await drawTargetsInDuckDb({ taskId, pool, seed, commitment, policy, commitmentCheck: "counts" }, options);
  const draw = seconds(t1);
  const cpu = process.cpuUsage(cpu0);
  const total = Number((commit + draw).toFixed(2));
  result = {
    engine: `duckdb (${format}, ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB)`, units: N, commit, draw, total, selected: record.selectedCount, digest: record.digest, peakMiB: peakMiB(),
    floorSha256: floor, ratioToFloor: Number((total / floor).toFixed(2)), cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
    floorCpuSeconds: Number(((fcpu.user + fcpu.system) / 1e6).toFixed(1)), cpuRatioToFloor: Number(((cpu.user + cpu.system) / (fcpu.user + fcpu.system)).toFixed(2)),
  };
} else if (engine === "duckdb-steps") {
  // each generated statement alone, in the order commit + draw runs them (the suspicious-id listing runs only when the
  // class/date scan counts any: never on this pool); CPU seconds of the process, both DuckDB threads
  const file = await poolFile();
  const source = sqlSource({ file }); // the relation the library reads the file by
  const db = await DuckDBInstance.create(":memory:", memoryLimit === undefined ? {} : { memory_limit: memoryLimit });
  const c = await db.connect();
  const { VARCHAR, LIST, INTEGER, listValue } = await import("@duckdb/node-api");
  const time = async (s: SqlStatement | string) => {
    const st = typeof s === "string" ? { text: s, params: [] } : s;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await c.runAndReadAll(st.text, st.params.map((p) => (p.type === "text" ? p.value : listValue([...p.value]))), st.params.map((p) => (p.type === "text" ? VARCHAR : p.type === "text[]" ? LIST(VARCHAR) : LIST(INTEGER))));
    const cpu = process.cpuUsage(cpu0);
    return { cpu: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)), wall: seconds(t0), rows: r.currentRowCount };
  };
  const steps: Record<string, unknown> = { floor: await time(`SELECT count(*), min(sha256(id)) FROM read_parquet('${file}')`) };
  const q = poolCheckSql(source);
  steps["rules: class, date, suspicious ids"] = await time(q.rows(false));
  steps["rules: repeated ids"] = await time(q.duplicateHashes());
  const commitment = await commitPoolInDuckDb({ file }); // not timed: the selection needs it
  steps["commitment"] = await time(generateCommitmentSql({ dialect: "duckdb", source }));
  steps["counts check"] = await time(generateCommitmentSql({ dialect: "duckdb", source, check: "counts" }));
  steps["selection"] = await time(generateSelectionSql({ dialect: "duckdb", source, taskId, policy, seed, commitment }));
  c.closeSync();
  db.closeSync();
  result = { engine: "duckdb steps (parquet)", units: N, steps, total: 0 };
} else if (engine === "js") {
  async function* units() {
    for (let i = 0; i < N; i++) yield { id: `91411303${String(i).padStart(10, "0")}`, riskClass: CLASSES[i % 4] as string };
  }
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const commitment = await commitPoolAsync(units());
  const commit = seconds(t0);
  const t1 = performance.now();
  const record = await drawTargetsAsync({ taskId, pool: units(), seed, commitment, policy, commitmentCheck: "counts" });
  const draw = seconds(t1);
  const cpu = process.cpuUsage(cpu0);
  result = { engine: "js (streamed)", units: N, commit, draw, total: Number((commit + draw).toFixed(2)), selected: record.selectedCount, digest: record.digest, peakMiB: peakMiB(), cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)) };
} else if (engine === "clickhouse") {
  const ports = [8124, 8125];
  const table = `bench_${N}`;
  const exists = (await chQuery(ports[0] as number, `EXISTS TABLE ${table}`)).trim() === "1";
  if (!exists || Number(await chQuery(ports[0] as number, `SELECT count() FROM ${table}`)) !== N) {
    for (const p of ports) {
      await chQuery(p, `DROP TABLE IF EXISTS ${table}`);
      await chQuery(p, `DROP TABLE IF EXISTS ${table}_local`);
      await chQuery(p, `CREATE TABLE ${table}_local (id String, risk_class String) ENGINE = MergeTree ORDER BY id`);
      await chQuery(p, `CREATE TABLE ${table} AS ${table}_local ENGINE = Distributed(ssj, default, ${table}_local, cityHash64(id))`);
    }
    await chQuery(ports[0] as number, `INSERT INTO ${table} SELECT concat('91411303', leftPadZeros) AS id, char_class AS risk_class FROM (SELECT number, substring(toString(10000000000 + number), 2) AS leftPadZeros, ['A','B','C','D'][number % 4 + 1] AS char_class FROM numbers(${N}))`);
  }
  const local = { table: `${table}_local` };
  const dist = { table };
  const shardRun = async (port: number, s: SqlStatement) => {
    const t = performance.now();
    const rows = rowsOf(await chQuery(port, `${s.text} FORMAT JSONEachRow`, s));
    return { rows, s: seconds(t) };
  };
  // through the Distributed table: one statement on shard 1's server, each shard computing its part
  const t0 = performance.now();
  const commitRows = (await shardRun(ports[0] as number, generateCommitmentSql({ dialect: "clickhouse", source: dist }))).rows;
  const commitment = assemblePoolCommitment({ rows: commitRows });
  const commit = seconds(t0);
  const t1 = performance.now();
  const checkRows = (await shardRun(ports[0] as number, generateCommitmentSql({ dialect: "clickhouse", source: dist, check: "counts" }))).rows;
  const selRows = (await shardRun(ports[0] as number, generateSelectionSql({ dialect: "clickhouse", source: dist, taskId, policy, seed, commitment }))).rows;
  const record = assembleTargetDraw({ taskId, policy, seed, commitment, commitmentCheck: "counts", shards: [{ commitmentRows: checkRows, selectionRows: selRows }] });
  const draw = seconds(t1);
  // the time per shard: the same statements on each shard's local table, one shard at a time
  const perShard = [];
  for (const p of ports) {
    const c = await shardRun(p, generateCommitmentSql({ dialect: "clickhouse", source: local }));
    const k = await shardRun(p, generateCommitmentSql({ dialect: "clickhouse", source: local, check: "counts" }));
    const sel = await shardRun(p, generateSelectionSql({ dialect: "clickhouse", source: local, taskId, policy, seed, commitment }));
    perShard.push({ units: c.rows.reduce((n, r) => n + Number(r["units"]), 0), commit: c.s, check: k.s, selection: sel.s });
  }
  // the floor: each shard's count() and min(SHA256(id)) over its local table, through the Distributed table
  const f0 = performance.now();
  await chQuery(ports[0] as number, `SELECT min(SHA256(id)) FROM ${table} SETTINGS distributed_group_by_no_merge = 1`);
  const floor = seconds(f0);
  const total = Number((commit + draw).toFixed(2));
  result = { engine: "clickhouse 2 shards (Distributed table)", units: N, commit, draw, total, selected: record.selectedCount, digest: record.digest, perShard, floorSha256: floor, ratioToFloor: Number((total / floor).toFixed(2)), clientPeakMiB: peakMiB() };
} else {
  throw new Error(`unknown engine ${engine}`);
}
return result;
}

const all: Record<string, unknown>[] = [];
for (let r = 0; r < runs; r++) all.push(await once());
const totals = all.map((r) => r["total"] as number).sort((a, b) => a - b);
const last = all[all.length - 1] as Record<string, unknown>;
// CPU seconds per run (both DuckDB threads and Node) and the same-run floor's: on a shared machine the comparable figures
const cpus = all.map((r) => r["cpuSeconds"] as number | undefined).filter((x): x is number => x !== undefined);
const sortedCpus = [...cpus].sort((a, b) => a - b);
console.log(JSON.stringify({ ...last, runs, totals: all.map((r) => r["total"]), commits: all.map((r) => r["commit"]), draws: all.map((r) => r["draw"]), min: totals[0], median: totals[Math.floor((totals.length - 1) / 2)],
  ...(cpus.length === 0 ? {} : { cpuSecondsPerRun: cpus, floorCpuSecondsPerRun: all.map((r) => r["floorCpuSeconds"]), cpuMin: sortedCpus[0], cpuMedian: sortedCpus[Math.floor((sortedCpus.length - 1) / 2)] }), load: (await import("node:os")).loadavg().map((x) => Number(x.toFixed(1))) }));
