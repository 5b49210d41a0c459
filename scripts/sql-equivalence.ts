/**
 * Runs the SQL query published in docs/draw.md on PostgreSQL and checks that it selects exactly what drawTargets
 * selects (same tickets, same units, every stratum). Starts a throw-away cluster on a Unix socket under /tmp (no
 * network). Needs PostgreSQL's server binaries (Debian package `postgresql`); `.ci/run` installs them.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { commitPool, drawTargets, createSeed } from "../src/index.js";

const doc = readFileSync(new URL("../docs/draw.md", import.meta.url), "utf8");
const sql = /```sql\n([\s\S]*?)```/.exec(doc)?.[1];
const seedHex = /decode\('([0-9a-f]+)', 'hex'\)/.exec(sql ?? "")?.[1];
const task = /convert_to\('([^']+)', 'UTF8'\) AS task/.exec(sql ?? "")?.[1];
if (sql === undefined || seedHex === undefined || task === undefined) throw new Error("no SQL block with seed and task found in docs/draw.md");

const versions = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").sort() : [];
const bin = versions.length > 0 ? `/usr/lib/postgresql/${versions[versions.length - 1]}/bin` : undefined;
if (bin === undefined) {
  console.error("PostgreSQL server binaries not found (apt-get install postgresql)");
  process.exit(1);
}

// A pool with Chinese ids, USCCs and plain ids across four strata.
const classes = ["A", "B", "C", "D"];
const pool = Array.from({ length: 2000 }, (_, i) => ({ id: i % 7 === 0 ? `检查对象-${i}` : `91411303${String(i).padStart(10, "0")}`, riskClass: classes[i % 4] as string }));
const seed = createSeed(seedHex, { kind: "other", description: "sql equivalence" });
const record = drawTargets({ taskId: task, pool, seed, commitment: commitPool(pool), policy: { strata: { A: { ratio: 0.05 }, B: { ratio: 0.1 }, C: { count: 7 }, D: { ratio: 0.5 } } } });

const dir = mkdtempSync(join(tmpdir(), "ssj-pg-"));
chmodSync(dir, 0o777);
const asPostgres = (cmd: string) => {
  const r = spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", cmd], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd}\n${r.stderr}`);
  return r.stdout;
};
const root = process.getuid?.() === 0;
const run = (cmd: string) => (root ? asPostgres(cmd) : execFileSync("sh", ["-c", cmd], { encoding: "utf8" }));
run(`${bin}/initdb -D ${dir}/data -A trust -E UTF8 --locale=C.UTF-8 >/dev/null`);
run(`${bin}/pg_ctl -D ${dir}/data -o "-p 54319 -k ${dir} -c listen_addresses=''" -l ${dir}/log -w start >/dev/null`);
try {
  const load = [
    "CREATE TABLE units (id text PRIMARY KEY, risk_class text NOT NULL);",
    "CREATE TABLE quotas (risk_class text PRIMARY KEY, quota int NOT NULL);",
    ...pool.map((u) => `INSERT INTO units VALUES ('${u.id}', '${u.riskClass}');`),
    ...record.strata.map((s) => `INSERT INTO quotas VALUES ('${s.riskClass}', ${s.quota});`),
  ].join("\n");
  const psql = (input: string) => run(`psql -h ${dir} -p 54319 -U postgres -v ON_ERROR_STOP=1 -qAt -F '|' <<'SQL'\n${input}\nSQL`);
  psql(load);
  const rows = psql(sql).trim().split("\n").map((l) => l.split("|"));
  const expected = record.strata.flatMap((s) => s.selected.map((u) => [s.riskClass, u.unitId, u.ticket]));
  const same = JSON.stringify(rows) === JSON.stringify(expected);
  console.log(`SQL (docs/draw.md) on PostgreSQL: ${rows.length} rows, drawTargets: ${expected.length} — ${same ? "identical" : "DIFFERENT"}`);
  if (!same) {
    for (let i = 0; i < Math.max(rows.length, expected.length); i++) if (JSON.stringify(rows[i]) !== JSON.stringify(expected[i])) console.error(`row ${i}: sql ${JSON.stringify(rows[i])} vs lib ${JSON.stringify(expected[i])}`);
    process.exitCode = 1;
  }
} finally {
  run(`${bin}/pg_ctl -D ${dir}/data -m fast stop >/dev/null`);
}
