// Times the built command line on a generated pool CSV of N rows (table B.1, valid USCCs): `commit`, `draw` and
// `verify`, each a separate process, with wall time, CPU time and peak resident memory from /usr/bin/time; R runs,
// interleaved (every command of run 1, then of run 2 …) so that a change in machine load hits all of them alike; min
// and median per figure, and the load average before and after.
//   npm run build && npx tsx scripts/bench-cli.ts [rows=1000000] [runs=5]
// Environment: CLI=path/to/cli.js (default dist/cli.js; several, comma-separated, are interleaved for an A/B
// comparison), POOL_DIR=dir (keep the generated pool there and reuse it), SHUANGSUIJI_WORKERS is passed through.
import { execFileSync, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { USCC_CHARSET, organisationCodeCheck, usccCheckCharacter } from "../src/ids/_uscc.js";

const N = Number(process.argv[2] ?? 1_000_000);
const RUNS = Number(process.argv[3] ?? 5);
const root = new URL("..", import.meta.url).pathname;
const clis = (process.env.CLI ?? join(root, "dist/cli.js")).split(",").map((p) => resolve(p));
const keep = process.env.POOL_DIR !== undefined;
const dir = keep ? resolve(process.env.POOL_DIR as string) : mkdtempSync(join(tmpdir(), "ssj-bench-cli-"));
mkdirSync(dir, { recursive: true });
const csv = join(dir, `pool-${N}.csv`);

/** Writes the pool: distinct valid USCCs, four risk classes, names, dates, status. */
async function writePool(): Promise<void> {
  const out = createWriteStream(csv);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r())));
  await write("\uFEFF行政相对人名称,统一社会信用代码,行政区划代码,信用风险分类,成立日期,登记状态\n");
  let chunk = "";
  for (let i = 0; i < N; i++) {
    // 91 + 411303 + organisation code (8 + check) + USCC check: distinct, valid codes.
    let body = "";
    for (let x = i, k = 0; k < 8; k++, x = Math.floor(x / 31)) body = (USCC_CHARSET[x % 31] as string) + body;
    body = body.replace(/[^0-9A-Z]/g, "0");
    const org = body + (organisationCodeCheck(body) ?? "0");
    const first17 = `91411303${org}`;
    const code = first17 + (usccCheckCharacter(first17) ?? "0");
    chunk += `企业${i},${code},411303,${"ABCD"[i % 4]},2015-03-0${1 + (i % 9)},存续\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = "";
    }
  }
  await write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
}

interface Timing {
  readonly wall: number;
  readonly cpu: number;
  readonly rssMiB: number;
}

function timed(cli: string, args: string[]): Timing {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", process.execPath, cli, ...args], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${args[0]} failed (status ${r.status}, signal ${r.signal}): ${r.stderr.slice(-2000)}`);
  const [wall, user, sys, kb] = (r.stderr.trim().split("\n").at(-1) as string).split(" ").map(Number) as [number, number, number, number];
  return { wall, cpu: user + sys, rssMiB: kb / 1024 };
}

if (!existsSync(clis[0] as string)) execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
if (!existsSync(csv)) await writePool();
const policy = '{"strata":{"A":{"ratio":0.05},"B":{"ratio":0.05},"C":{"ratio":0.05},"D":{"ratio":0.05}}}';
const load0 = loadavg();
const results = new Map<string, Timing[]>();
const add = (k: string, t: Timing) => results.set(k, [...(results.get(k) ?? []), t]);
for (let run = 0; run < RUNS; run++) {
  for (const [ci, cli] of clis.entries()) {
    const tag = clis.length === 1 ? "" : ` [${ci}]`;
    add(`commit${tag}`, timed(cli, ["commit", "--pool", csv, "--out", `c${ci}.json`]));
    add(`draw${tag}`, timed(cli, ["draw", "--pool", csv, "--commitment", `c${ci}.json`, "--policy", policy, "--task", "BENCH", "--seed", "0123456789abcdef0123456789abcdef", "--provenance", "bench", "--out", `r${ci}.json`]));
    add(`verify${tag}`, timed(cli, ["verify", "--record", `r${ci}.json`, "--pool", csv]));
  }
}
const load1 = loadavg();
const med = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};
const mm = (xs: number[], d = 1) => `${Math.min(...xs).toFixed(d)} / ${med(xs).toFixed(d)}`;
console.log(`${N.toLocaleString("en")} CSV rows, ${RUNS} interleaved runs; load average ${load0.map((l) => l.toFixed(2)).join(" ")} → ${load1.map((l) => l.toFixed(2)).join(" ")}`);
clis.forEach((c, i) => console.log(`  [${i}] ${c}`));
console.log("| command | wall s min / median | CPU s min / median | peak RSS MiB min / median |");
console.log("| --- | --- | --- | --- |");
for (const [k, ts] of results) console.log(`| ${k} | ${mm(ts.map((t) => t.wall))} | ${mm(ts.map((t) => t.cpu))} | ${mm(ts.map((t) => t.rssMiB), 0)} |`);
if (!keep) rmSync(dir, { recursive: true, force: true });
