// Times the built command line (dist/cli.js) on a generated pool CSV of N rows (table B.1, valid USCCs): `commit` and
// `draw`, each a separate process, with wall time, CPU time and peak resident memory from /usr/bin/time.
//   npm run build && npx tsx scripts/bench-cli.ts [rows=1000000]
import { execFileSync, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { USCC_CHARSET, organisationCodeCheck, usccCheckCharacter } from "../src/ids/_uscc.js";

const N = Number(process.argv[2] ?? 1_000_000);
const root = new URL("..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "ssj-bench-cli-"));
const csv = join(dir, "pool.csv");

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

function timed(args: string[]): { wall: number; cpu: number; rssMiB: number } {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", process.execPath, join(root, "dist/cli.js"), ...args], { cwd: dir, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${args[0]} failed (status ${r.status}, signal ${r.signal}): ${r.stderr}`);
  const [wall, user, sys, kb] = (r.stderr.trim().split("\n").at(-1) as string).split(" ").map(Number) as [number, number, number, number];
  return { wall, cpu: user + sys, rssMiB: kb / 1024 };
}

if (!existsSync(join(root, "dist/cli.js"))) execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
await writePool();
const f = (x: { wall: number; cpu: number; rssMiB: number }) => `${x.wall.toFixed(1)} s wall, ${x.cpu.toFixed(1)} s CPU, peak RSS ${x.rssMiB.toFixed(0)} MiB`;
const c = timed(["commit", "--pool", csv, "--out", "c.json"]);
console.log(`${N.toLocaleString("en")} CSV rows — commit: ${f(c)}`);
const d = timed(["draw", "--pool", csv, "--commitment", "c.json", "--policy", '{"strata":{"A":{"ratio":0.05},"B":{"ratio":0.05},"C":{"ratio":0.05},"D":{"ratio":0.05}}}',
  "--task", "BENCH", "--seed", "0123456789abcdef0123456789abcdef", "--provenance", "bench", "--out", "r.json"]);
console.log(`${N.toLocaleString("en")} CSV rows — draw: ${f(d)}`);
if (process.env.KEEP === undefined) rmSync(dir, { recursive: true, force: true });
else console.log(csv);
