// `--engine duckdb` for commit, draw and verify (issue 16 item 3): the pool file is read where it lies by DuckDB (the
// optional peer @duckdb/node-api), never loaded into this process — CSV or Parquet files of 10⁸ rows. The commands'
// other options keep their meaning; the ones the engine path does not support are refused by name.
import type { PoolCommitment } from "../draw/targets/PoolCommitment.js";
import type { Eligibility, SamplingPolicy } from "../draw/targets/SamplingPolicy.js";
import type { SeedRecord } from "../draw/seeds/SeedRecord.js";
import type { TargetDrawRecord } from "../draw/records/TargetDrawRecord.js";
import type { DuckDbOptions, DuckDbPool, DuckDbProgress } from "../duckdb/index.js";
import { parseDayNumber } from "../calendar/_days.js";
import { createSeed } from "../draw/seeds/createSeed.js";
import { seedFromDice } from "../draw/seeds/seedFromDice.js";
import { EXIT, UsageError } from "./_errors.js";
import type { Command, CommandContext, OptionSpec } from "./_commands.js";

/** The options `--engine` adds to commit, draw and verify. */
export const ENGINE_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  engine: { type: "string", arg: "duckdb", help: "在数据库引擎中运行 / run in an engine where the file lies: duckdb (optional peer @duckdb/node-api) — --pool is then a CSV (header row) or Parquet file with columns id, risk_class, registration_date, status, division_code" },
  column: { type: "string", multiple: true, arg: "key=name", help: "列名 / with --engine: a column name, e.g. id=uscc (keys: id, riskClass, registrationDate, status, divisionCode); repeatable" },
  threads: { type: "string", arg: "n", help: "线程数 / with --engine: DuckDB threads (default: one per core)" },
  "memory-limit": { type: "string", arg: "size", help: "内存上限 / with --engine: DuckDB memory limit, e.g. 3GB (larger work spills to disk)" },
  "temp-directory": { type: "string", arg: "dir", help: "溢出目录 / with --engine: where DuckDB spills" },
};

/** What the engine path needs from the command table (passed in, so the two files stay independent). */
export interface EngineHelpers {
  readonly eligibilityFrom: (ctx: CommandContext) => Eligibility;
  readonly policyFrom: (arg: string) => SamplingPolicy;
  readonly commitmentFrom: (file: string) => PoolCommitment;
  readonly recordFrom: (file: string) => TargetDrawRecord;
  readonly emit: (ctx: CommandContext, data: unknown) => void;
}

/** Options a command has that the engine path does not support (they read the library's own CSV tables). */
const UNSUPPORTED: Readonly<Record<string, readonly string[]>> = { commit: ["table", "sheet", "hidden-sheet"], draw: ["table", "sheet", "hidden-sheet"], verify: ["table", "sheet", "hidden-sheet"] };
const ENGINE_ONLY = Object.keys(ENGINE_OPTIONS).filter((k) => k !== "engine");
const COLUMN_KEYS = ["id", "riskClass", "registrationDate", "status", "divisionCode"] as const;

const str = (ctx: CommandContext, name: string): string | undefined => ctx.values[name] as string | undefined;
const need = (ctx: CommandContext, name: string): string => {
  const v = str(ctx, name);
  if (v === undefined || v === "") throw new UsageError(`缺少参数 --${name}`, `missing --${name}`);
  return v;
};

function poolOf(ctx: CommandContext): DuckDbPool {
  const columns: Record<string, string> = {};
  for (const c of (ctx.values["column"] as string[] | undefined) ?? []) {
    const m = /^([A-Za-z]+)=(.+)$/.exec(c);
    if (m === null || !(COLUMN_KEYS as readonly string[]).includes(m[1] as string)) {
      throw new UsageError(`--column 应为 键=列名：${c}`, `--column is key=name with key one of ${COLUMN_KEYS.join(", ")}: ${c}`);
    }
    columns[m[1] as string] = m[2] as string;
  }
  return { file: need(ctx, "pool"), ...(Object.keys(columns).length === 0 ? {} : { columns }) };
}

function engineOptions(ctx: CommandContext): DuckDbOptions {
  const threads = str(ctx, "threads");
  if (threads !== undefined && !/^[1-9][0-9]{0,3}$/.test(threads)) throw new UsageError(`--threads 应为正整数：${threads}`, `--threads is a positive integer: ${threads}`);
  const memory = str(ctx, "memory-limit");
  const temp = str(ctx, "temp-directory");
  // progress on stderr about every 2 s (a terminal, or SHUANGSUIJI_PROGRESS=1), never with --json
  const show = ctx.values["json"] !== true && (process.stderr.isTTY === true || process.env["SHUANGSUIJI_PROGRESS"] === "1");
  let last = -Infinity;
  const onProgress = (p: DuckDbProgress) => {
    if (p.percent === 100 ? p.seconds < 2 : p.seconds - last < 2) return;
    last = p.seconds;
    const pct = p.percent < 0 ? "  ?" : p.percent.toFixed(0).padStart(3);
    ctx.err(`DuckDB ${p.step} ${pct}% · ${p.seconds.toFixed(0)} s`);
  };
  return {
    ...(threads === undefined ? {} : { threads: Number(threads) }),
    ...(memory === undefined ? {} : { memoryLimit: memory }),
    ...(temp === undefined ? {} : { tempDirectory: temp }),
    ...(show ? { onProgress } : {}),
  };
}

/** The seed from --dice/--witness/--date or --seed/--provenance, with draw's rules (exactly one of the two). */
function seedFrom(ctx: CommandContext): SeedRecord {
  const dice = str(ctx, "dice");
  const hex = str(ctx, "seed");
  const witnesses = ctx.values["witness"] as string[] | undefined;
  if ((dice === undefined) === (hex === undefined)) throw new UsageError("请给出 --dice 或 --seed 之一", "give exactly one of --dice or --seed");
  if (dice !== undefined && str(ctx, "provenance") !== undefined) throw new UsageError("--provenance 只用于 --seed", "--provenance goes with --seed, not --dice");
  if (hex !== undefined && (str(ctx, "date") !== undefined || witnesses !== undefined)) throw new UsageError("--witness、--date 只用于 --dice", "--witness and --date go with --dice, not --seed");
  if (dice === undefined) return createSeed((hex as string).toLowerCase(), { kind: "other", description: str(ctx, "provenance") ?? "given on the command line" });
  const date = need(ctx, "date");
  if (parseDayNumber(date) === undefined) throw new UsageError(`--date 不是有效日期（应为 YYYY-MM-DD）：${date}`, `--date is not a valid date (YYYY-MM-DD): ${date}`);
  return seedFromDice({ digits: dice, witnesses: witnesses ?? [], date });
}

async function runInEngine(name: string, ctx: CommandContext, h: EngineHelpers): Promise<number> {
  const engine = str(ctx, "engine");
  if (engine !== "duckdb") throw new UsageError(`--engine 只支持 duckdb：${String(engine)}`, `--engine supports duckdb only: ${String(engine)}`);
  for (const o of UNSUPPORTED[name] ?? []) {
    if (ctx.values[o] !== undefined) throw new UsageError(`--engine duckdb 不支持 --${o}（列名用 --column）`, `--engine duckdb does not take --${o} (name the columns with --column)`);
  }
  const duck = await import("../duckdb/index.js");
  const pool = poolOf(ctx);
  const options = engineOptions(ctx);
  const say = str(ctx, "out") === undefined ? ctx.err : ctx.out;
  if (name === "commit") {
    const c = await duck.commitPoolInDuckDb(pool, { eligibility: h.eligibilityFrom(ctx), ...options });
    h.emit(ctx, c);
    say(`名录承诺 / pool commitment (DuckDB) — 请在确定随机种子之前公布 / publish this BEFORE the seed is drawn: digest ${c.digest}; units ${c.unitCount}, eligible ${c.eligibleCount}`);
    return EXIT.ok;
  }
  if (name === "draw") {
    const commitment = h.commitmentFrom(need(ctx, "commitment"));
    const policy = h.policyFrom(need(ctx, "policy"));
    const seed = seedFrom(ctx);
    const record = await duck.drawTargetsInDuckDb({ taskId: need(ctx, "task"), pool, policy, seed, commitment }, options);
    h.emit(ctx, record);
    say(`抽取结果 / draw result (DuckDB) — 抽中 ${record.selectedCount} 户 / ${record.selectedCount} selected in ${record.strata.length} 类 strata; record digest ${record.digest}`);
    return EXIT.ok;
  }
  const record = h.recordFrom(need(ctx, "record"));
  const r = await duck.verifyTargetDrawInDuckDb(record, pool, {}, options);
  if (ctx.values["json"] === true) {
    ctx.out(JSON.stringify(r, null, 2));
    return r.ok ? EXIT.ok : EXIT.failed;
  }
  if (r.ok) {
    ctx.out(`一致 / IDENTICAL: 记录可逐字节复现 / the record re-runs byte for byte (DuckDB) — ${record.selectedCount} 抽中 selected; digest ${record.digest}`);
    return EXIT.ok;
  }
  const shown = r.mismatches.slice(0, 20);
  for (const m of shown) ctx.out(`  • ${m.field}: 复算 re-run ${JSON.stringify(m.expected)}, 记录 record ${m.actual === undefined ? "（缺失 absent）" : JSON.stringify(m.actual)}`);
  if (r.mismatches.length > shown.length) ctx.out(`  … 另有 ${r.mismatches.length - shown.length} 处 / and ${r.mismatches.length - shown.length} more (--json lists all)`);
  ctx.out(`不一致 / MISMATCH: ${r.mismatches.length} 处差异 difference(s) (DuckDB)`);
  return EXIT.failed;
}

/**
 * The command table with `--engine` on commit, draw and verify: their options gain {@link ENGINE_OPTIONS}; without
 * `--engine` they run as before (and refuse the engine-only options), with it the engine path runs.
 */
export function withEngine(commands: Readonly<Record<string, Command>>, h: EngineHelpers): Readonly<Record<string, Command>> {
  const out: Record<string, Command> = { ...commands };
  for (const name of ["commit", "draw", "verify"]) {
    const c = commands[name];
    if (c === undefined) continue;
    out[name] = {
      ...c,
      usage: `${c.usage}\n  shuangsuiji ${name} --engine duckdb --pool <file.csv|file.parquet> [--column key=name]… [--threads n] [--memory-limit 3GB] …`,
      options: { ...c.options, ...ENGINE_OPTIONS },
      run: (ctx) => {
        if (ctx.values["engine"] !== undefined) return runInEngine(name, ctx, h);
        for (const o of ENGINE_ONLY) {
          if (ctx.values[o] !== undefined) throw new UsageError(`--${o} 只用于 --engine duckdb`, `--${o} goes with --engine duckdb`);
        }
        return c.run(ctx);
      },
    };
  }
  return out;
}
