// The command table: each command declares its options (with help text) and its action, so `--help` per command,
// refusal of options a command does not take, and the usage text all come from one place. Another engine (e.g. a SQL
// back end) plugs in as an option of the commands that read a pool — add it to POOL_OPTIONS and branch in readers.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseDayNumber } from "../calendar/_days.js";
import { commitPoolAsync } from "../draw/targets/commitPool.js";
import { createSeed } from "../draw/seeds/createSeed.js";
import { drawTargetsAsync } from "../draw/targets/drawTargets.js";
import type { PoolCommitment } from "../draw/targets/PoolCommitment.js";
import { SamplingPolicySchema, type Eligibility, type SamplingPolicy } from "../draw/targets/SamplingPolicy.js";
import { seedFromDice } from "../draw/seeds/seedFromDice.js";
import type { TargetDrawRecord } from "../draw/records/TargetDrawRecord.js";
import { readAnnounced, verifyTargetDrawAsync, type AnnouncedDrawInputs, type DrawMismatch, type VerificationResult } from "../draw/targets/verifyTargetDraw.js";
import { DrawTimelineSchema, type DrawTimeline } from "../draw/records/DrawTimeline.js";
import { SeedRecordSchema, type SeedRecord } from "../draw/seeds/SeedRecord.js";
import { canonicalize } from "../draw/_shared/_encoding.js";
import { verifyTicket } from "../draw/targets/verifyTicket.js";
import { POOL_ALGORITHM, eligibilityOf } from "../draw/targets/_pool.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { issuesFromZod } from "../errors/_fromZod.js";
import { operatingStatus } from "../import/_cells.js";
import { OPERATING_STATUSES } from "../model/inspectionTarget.js";
import { renderFairnessHtml } from "../stats/renderFairnessHtml.js";
import type { FairnessReport } from "../stats/assessFairness.js";
import { EXIT, FileError, UsageError, issueLine, terminalSafe } from "./_errors.js";
import { parseJson, readJsonFile, writeFileAtomic } from "./_files.js";
import { SAMPLERS, assessFairnessParallel } from "./_fairness.js";
import { openPool, readPool, type PoolUnit } from "./_pool.js";
import { startProgress } from "./_progress.js";
import { withEngine } from "./_engine.js";

/** One option of a command. */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly multiple?: boolean;
  readonly arg?: string;
  readonly help: string;
}

/** What a command's action gets. */
export interface CommandContext {
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly version: string;
  readonly workerScript: URL;
  readonly argv: readonly string[];
}

/** A command of the command line. */
export interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly notes?: string;
  readonly run: (ctx: CommandContext) => Promise<number>;
}

const POOL_OPTIONS: Record<string, OptionSpec> = {
  pool: { type: "string", arg: "file", help: "名录文件 / the target pool: CSV with the Chinese headers of table B.1–B.3 (UTF-8, UTF-16 or GBK), or a JSON array of {id, riskClass, registrationDate?, status?, divisionCode?}" },
  table: { type: "string", arg: "B.1|B.2|B.3", help: "CSV的表 / which table the CSV is (default B.1: 行政相对人)" },
  sheet: { type: "string", arg: "name", help: "工作表 / .xlsx: the sheet to read, by name (default: the first visible sheet; the sheet read is named on stderr)" },
  "hidden-sheet": { type: "boolean", help: "读取隐藏的工作表 / .xlsx: read the sheet named by --sheet even though it is hidden (nobody opening the workbook sees it)" },
};

/** openPool's options from --sheet / --hidden-sheet; the sheet read is reported on stderr. */
const sheetOptions = (ctx: CommandContext) => ({
  ...(opt(ctx, "sheet") === undefined ? {} : { sheet: opt(ctx, "sheet") as string }),
  hiddenSheet: ctx.values["hidden-sheet"] === true,
  note: (line: string) => ctx.err(terminalSafe(line)),
});
const ELIGIBILITY_OPTIONS: Record<string, OptionSpec> = {
  "registered-before": { type: "string", arg: "YYYY-MM-DD", help: "只含此日及以前成立的 / only units registered on or before this date (Yanshi 7.2)" },
  status: { type: "string", multiple: true, arg: "status", help: `只含此登记状态 / only units with this status; repeatable (存续 = operating; also ${OPERATING_STATUSES.slice(1).join(", ")} or their Chinese names)` },
  division: { type: "string", multiple: true, arg: "code", help: "只含此行政区划 / only units in this 行政区划代码; repeatable" },
};
const POLICY_OPTION: Record<string, OptionSpec> = {
  policy: { type: "string", arg: "file|json", help: "抽查比例 / the sampling policy: a JSON file or inline JSON (format below)" },
};
const JSON_OPTION: Record<string, OptionSpec> = { json: { type: "boolean", help: "机器可读输出 / print the result as JSON on stdout" } };
const HELP: Record<string, OptionSpec> = { help: { type: "boolean", help: "本帮助 / this help" } };

const POLICY_FORMAT = `Policy format / 抽查比例格式 (policy.json):
  { "strata": { "A": { "ratio": 0.03 }, "B": { "ratio": 0.05 }, "C": { "ratio": 0.2, "min": 1 }, "D": { "count": 10 } },
    "rounding": "ceil" }
  strata      per credit-risk class (信用风险分类 A–Z): "ratio" 抽查比例 in [0, 1] or "count" 抽取数量, optional "min"/"max";
              a class without a rule contributes nothing
  rounding    "ceil" (default) | "floor" | "half-up" — ratio × stratum size to a whole quota
  itemCategory "key" | "general", generalMaxRatio, overallFloor { ratio, basis } — optional (Chongqing 5.2)`;

const need = (ctx: CommandContext, name: string): string => {
  const v = ctx.values[name];
  if (typeof v !== "string" || v === "") throw new UsageError(`缺少参数 --${name}`, `missing --${name}`);
  return v;
};
const opt = (ctx: CommandContext, name: string): string | undefined => ctx.values[name] as string | undefined;
const list = (ctx: CommandContext, name: string): string[] | undefined => ctx.values[name] as string[] | undefined;
const showProgress = (ctx: CommandContext) => ctx.values.json !== true;

function civilDate(name: string, value: string): string {
  if (parseDayNumber(value) === undefined) throw new UsageError(`--${name} 不是有效日期（应为 YYYY-MM-DD）：${value}`, `--${name} is not a valid date (YYYY-MM-DD): ${value}`);
  return value;
}

/** Eligibility from --registered-before, --status (Chinese or English) and --division. */
function eligibilityFrom(ctx: CommandContext): Eligibility {
  const before = opt(ctx, "registered-before");
  const statuses = list(ctx, "status")?.map((s) => {
    if ((OPERATING_STATUSES as readonly string[]).includes(s)) return s as (typeof OPERATING_STATUSES)[number];
    const r = operatingStatus(s.trim());
    if (r.ok) return r.value as (typeof OPERATING_STATUSES)[number];
    throw new UsageError(`--status 不是已知的登记状态：${s}`, `--status is not a known status: ${s} (one of ${OPERATING_STATUSES.join(", ")}, or 存续, 注销, 吊销 …)`);
  });
  const divisions = list(ctx, "division");
  return {
    ...(before === undefined ? {} : { registeredOnOrBefore: civilDate("registered-before", before) }),
    ...(statuses === undefined ? {} : { statuses: [...new Set(statuses)] }),
    ...(divisions === undefined ? {} : { divisionCodes: divisions }),
  };
}

function policyFrom(arg: string): SamplingPolicy {
  const inline = arg.trim().startsWith("{");
  const raw = inline ? parseJson("--policy", arg) : readJsonFile(arg);
  const r = SamplingPolicySchema.safeParse(raw);
  if (!r.success) throw new FileError(inline ? "--policy" : arg, issuesFromZod(r.error.issues, { clause: "Longting art. 15; Chongqing 5.2, 6.3" }, raw).map(issueLine));
  return r.data;
}

function commitmentFrom(file: string): PoolCommitment {
  const c = readJsonFile(file) as Partial<PoolCommitment> | null;
  if (typeof c !== "object" || c === null || c.algorithm !== POOL_ALGORITHM || typeof c.digest !== "string" || typeof c.strata !== "object" || typeof c.state !== "object") {
    throw new FileError(file, [`不是名录承诺文件（应由 shuangsuiji commit 生成） / not a pool commitment (as written by shuangsuiji commit, algorithm ${POOL_ALGORITHM})`]);
  }
  return c as PoolCommitment;
}

/** Reads a target-draw record, refusing a damaged one with the first missing part named. */
function recordFrom(file: string): TargetDrawRecord {
  const r = readJsonFile(file) as Record<string, unknown> | null;
  const bad = (what: string) => new FileError(file, [`不是完整的抽取记录（${what}） / not a complete target-draw record (${what})`]);
  if (typeof r !== "object" || r === null || r.kind !== "target-draw") throw bad('kind ≠ "target-draw"');
  for (const [k, t] of [["taskId", "string"], ["digest", "string"], ["algorithm", "string"], ["seed", "object"], ["poolCommitment", "object"], ["policy", "object"]] as const) {
    if (typeof r[k] !== t || r[k] === null) throw bad(`${k}`);
  }
  if (typeof (r.seed as { value?: unknown }).value !== "string") throw bad("seed.value");
  if (!Array.isArray(r.strata) || r.strata.some((s) => typeof s !== "object" || s === null || !Array.isArray((s as { selected?: unknown }).selected))) throw bad("strata");
  return r as unknown as TargetDrawRecord;
}

/** Writes a JSON document to --out (atomically) or stdout. */
function emit(ctx: CommandContext, data: unknown): void {
  const text = `${JSON.stringify(data, null, 2)}\n`;
  const file = opt(ctx, "out");
  if (file === undefined) process.stdout.write(text);
  else writeFileAtomic(file, text);
}

const counts = (o: Readonly<Record<string, number>>): string => {
  const e = Object.entries(o);
  return e.length === 0 ? "—" : e.map(([k, v]) => `${k} ${v}`).join(", ");
};

/** A plain text table with columns padded to their widest cell (CJK counts double). */
export function textTable(rows: readonly (readonly string[])[]): string[] {
  const wide = (c: number) => (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6);
  const width = (s: string) => {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) i++; // a surrogate pair: one character, never wide here
      n += wide(c) ? 2 : 1;
    }
    return n;
  };
  const cols = Math.max(...rows.map((r) => r.length));
  const w = Array.from({ length: cols }, (_, c) => Math.max(...rows.map((r) => width(r[c] ?? ""))));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell + " ".repeat((w[c] as number) - width(cell)))).join("  ").trimEnd());
}

const commit: Command = {
  summary: "名录承诺 / commit to the pool before the seed exists; prints the digest and counts to publish",
  usage: "shuangsuiji commit --pool <file> [--table B.1] [--registered-before YYYY-MM-DD] [--status 存续]… [--division code]… [--out commitment.json]",
  options: { ...POOL_OPTIONS, ...ELIGIBILITY_OPTIONS, out: { type: "string", arg: "file", help: "写入承诺 / write the commitment JSON here (default: stdout, summary on stderr)" }, ...HELP },
  async run(ctx) {
    const eligibility = eligibilityFrom(ctx);
    const pool = openPool(need(ctx, "pool"), opt(ctx, "table") ?? "B.1", {
      ...sheetOptions(ctx), progress: true });
    const c = await guard(pool, () => commitPoolAsync(pool.units, { eligibility }));
    emit(ctx, c);
    const say = opt(ctx, "out") === undefined ? ctx.err : ctx.out;
    say("名录承诺 / pool commitment — 请在确定随机种子之前公布 / publish this BEFORE the seed is drawn:");
    for (const l of textTable([
      ["  摘要 digest", c.digest],
      ["  单位 units", `${c.unitCount} (合格 eligible ${c.eligibleCount})`],
      ["  各类 strata", counts(c.strata)],
      ["  不合格 ineligible", counts(c.ineligible)],
      ["  资格 eligibility", JSON.stringify(c.eligibility)],
    ])) say(l);
    if (opt(ctx, "out") !== undefined) say(`已写入 / written to ${opt(ctx, "out")}`);
    say("公布什么 / what to announce, and when:");
    say("  1. 现在、在种子确定之前：上面的摘要和各项数量（或整个承诺文件），以及任务编号和抽查比例");
    say("     now, BEFORE the seed exists: the digest and counts above (or the whole commitment file), the task id and the policy");
    say("  2. 摇号现场：种子（骰子数字、见证人、日期） / at the ceremony: the seed (dice digits, witnesses, date)");
    say('  复核者将这些写入 announced.json（{"commitment": …, "taskId": …, "policy": …, "seed": …}）并运行');
    say("  auditors put them in announced.json and run: shuangsuiji verify --record record.json --pool <file> --announced announced.json");
    say("  （不对照公布内容，修改过比例或种子并重算摘要的记录也能“一致” / without it, a record re-made with another policy or seed still re-runs identical）");
    return EXIT.ok;
  },
};

/** Runs a pool consumer; bad rows found while streaming take precedence over what the consumer threw. */
async function guard<T>(pool: ReturnType<typeof openPool>, f: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await f();
  } catch (e) {
    pool.finish();
    throw e;
  }
  pool.finish();
  return result;
}

/**
 * Keeps unit names for the draw summary in pools of up to `max` named units; beyond that the map is dropped (a name
 * map of millions would cost more memory than the draw) and the summary lists ids only.
 */
function nameKeeper(names: Map<string, string>, max = 200_000): (u: PoolUnit) => void {
  let keep = true;
  return (u) => {
    if (keep && u.name !== undefined) {
      names.set(u.id, u.name);
      if (names.size > max) {
        names.clear();
        keep = false;
      }
    }
  };
}

const draw: Command = {
  summary: "抽取检查对象 / draw the targets after the commitment was published and the seed fixed; prints who was drawn",
  usage:
    "shuangsuiji draw --pool <file> --commitment <commitment.json> --policy <policy.json> --task <id>\n" +
    "                 (--dice <digits> --witness <name> --witness <name> --date YYYY-MM-DD | --seed <hex> [--provenance <text>])\n" +
    "                 [--table B.1] [--out record.json]",
  options: {
    ...POOL_OPTIONS,
    commitment: { type: "string", arg: "file", help: "事先公布的名录承诺 / the published commitment (from shuangsuiji commit); its eligibility rules apply" },
    ...POLICY_OPTION,
    task: { type: "string", arg: "id", help: "抽查任务编号 / the task id (part of every ticket)" },
    dice: { type: "string", arg: "digits", help: "十面骰子掷出的数字 / digits rolled with ten-sided dice, ≥ 39 of them (≥ 128 bits)" },
    witness: { type: "string", multiple: true, arg: "name", help: "见证人 / a witness of the roll; repeatable (Wolong 2.2: two or more)" },
    date: { type: "string", arg: "YYYY-MM-DD", help: "掷骰日期 / the date of the roll" },
    seed: { type: "string", arg: "hex", help: "随机种子 / a seed given as ≥ 32 hex digits (instead of --dice)" },
    provenance: { type: "string", arg: "text", help: "种子来源说明 / where --seed comes from (recorded in the record)" },
    out: { type: "string", arg: "file", help: "写入抽取记录 / write the draw record here (default: stdout, summary on stderr)" },
    ...HELP,
  },
  notes: POLICY_FORMAT,
  async run(ctx) {
    const dice = opt(ctx, "dice");
    const seedHex = opt(ctx, "seed");
    if ((dice === undefined) === (seedHex === undefined)) throw new UsageError("请给出 --dice 或 --seed 之一", "give exactly one of --dice or --seed");
    if (dice !== undefined && opt(ctx, "provenance") !== undefined) throw new UsageError("--provenance 只用于 --seed", "--provenance goes with --seed, not --dice");
    if (seedHex !== undefined && (opt(ctx, "date") !== undefined || list(ctx, "witness") !== undefined)) {
      throw new UsageError("--witness、--date 只用于 --dice", "--witness and --date go with --dice, not --seed");
    }
    const taskId = need(ctx, "task");
    const policy = policyFrom(need(ctx, "policy"));
    const commitment = commitmentFrom(need(ctx, "commitment"));
    const seed =
      dice !== undefined
        ? seedFromDice({ digits: dice, witnesses: list(ctx, "witness") ?? [], date: civilDate("date", need(ctx, "date")) })
        : createSeed((seedHex as string).toLowerCase(), { kind: "other", description: opt(ctx, "provenance") ?? "given on the command line" });
    const names = new Map<string, string>();
    const pool = openPool(need(ctx, "pool"), opt(ctx, "table") ?? "B.1", {
      ...sheetOptions(ctx), progress: true, onUnit: nameKeeper(names) });
    const record = await guard(pool, () => drawTargetsAsync({ taskId, pool: pool.units, policy, seed, commitment }));
    emit(ctx, record);
    const say = opt(ctx, "out") === undefined ? ctx.err : ctx.out;
    say(`抽取结果 / draw result — 任务 task ${record.taskId}; 种子 seed ${record.seed.value.slice(0, 16)}… (${record.seed.provenance.kind}); 名录 pool ${commitment.digest.slice(0, 16)}…`);
    for (const l of textTable([
      ["类别 class", "合格 eligible", "抽取 drawn", "规则 rule", "门限 threshold"],
      ...record.strata.map((s) => [s.riskClass, String(s.size), String(s.quota), s.quotaRule, s.census ? "census 全部" : s.threshold === null ? "—" : `${s.threshold.slice(0, 16)}…`]),
    ])) say(`  ${l}`);
    say(`抽中 ${record.selectedCount} 户 / ${record.selectedCount} selected:`);
    for (const l of textTable(record.strata.flatMap((s) => s.selected.map((u) => [s.riskClass, u.unitId, terminalSafe(names.get(u.unitId) ?? ""), `${u.ticket.slice(0, 12)}…`])))) say(`  ${l}`);
    say(`记录摘要 / record digest ${record.digest}${opt(ctx, "out") === undefined ? "" : ` — 已写入 / written to ${opt(ctx, "out")}`}`);
    return EXIT.ok;
  },
};

/** The members an --announced file may have. */
const ANNOUNCED_KEYS = ["commitment", "poolCommitmentDigest", "taskId", "policy", "seed", "timeline"] as const;

const ANNOUNCED_FORMAT = `Announced inputs / 事先公布的内容 (--announced announced.json): what was published BEFORE the draw, so that a
record re-drawn with a changed policy, seed, task or pool does not re-run "identical" from its own fields:
  { "commitment": { … },      the commitment as \`shuangsuiji commit --out\` wrote it (digest and counts), or instead
    "poolCommitmentDigest": "<64 hex>",  only its digest
    "taskId": "2026-T01",     the task id
    "policy": { "strata": … },  the task's sampling policy (format of --policy)
    "seed": { "value": "<hex>", "provenance": { "kind": "dice", … } },  the seed as read out at the ceremony
    "timeline": { … } }       the announced dates, as the record's "timeline" states them
  Every member is optional, at least one is needed, others are refused; each one given must equal the record's.`;

/** Reads --announced: the inputs published before the draw ({@link AnnouncedDrawInputs}) and the announced commitment. */
function announcedFrom(file: string, command = "verify"): { readonly inputs: AnnouncedDrawInputs; readonly commitment?: Readonly<Record<string, unknown>> } {
  const a = readJsonFile(file) as Record<string, unknown> | null;
  const bad = (zh: string, en: string) => new FileError(file, [`${zh} / ${en} (shuangsuiji ${command} --help)`]);
  if (typeof a !== "object" || a === null || Array.isArray(a)) throw bad("应为JSON对象", "expected a JSON object of the announced inputs");
  const unknown = Object.keys(a).filter((k) => !(ANNOUNCED_KEYS as readonly string[]).includes(k));
  if (unknown.length > 0) throw bad(`未知成员 ${unknown.join("、")}`, `unknown member(s) ${unknown.join(", ")} (allowed: ${ANNOUNCED_KEYS.join(", ")})`);
  if (Object.keys(a).length === 0) throw bad("没有任何公布内容", `nothing announced: give at least one of ${ANNOUNCED_KEYS.join(", ")}`);
  if (a.commitment !== undefined && a.poolCommitmentDigest !== undefined) throw bad("commitment 与 poolCommitmentDigest 只能给一个", "give commitment or poolCommitmentDigest, not both");
  const issues: string[] = [];
  const check = (key: string, ok: boolean, zh: string, en: string) => {
    if (a[key] !== undefined && !ok) issues.push(`${key}: ${zh} / ${en}`);
  };
  const c = a.commitment as Partial<PoolCommitment> | undefined;
  check("commitment", typeof c === "object" && c !== null && c.algorithm === POOL_ALGORITHM && typeof c.digest === "string" && typeof c.strata === "object", "不是名录承诺（应由 shuangsuiji commit 生成）", `not a pool commitment (as written by shuangsuiji commit, algorithm ${POOL_ALGORITHM})`);
  check("poolCommitmentDigest", typeof a.poolCommitmentDigest === "string" && /^[0-9a-f]{64}$/.test(a.poolCommitmentDigest), "应为64位小写十六进制", "must be 64 lower-case hex digits");
  check("taskId", typeof a.taskId === "string" && a.taskId !== "", "应为非空字符串", "must be a non-empty string");
  for (const [key, schema, clause] of [["policy", SamplingPolicySchema, "Longting art. 15; Chongqing 5.2, 6.3"], ["seed", SeedRecordSchema, "Wolong 2.2; docs/spec-v1.md §5"], ["timeline", DrawTimelineSchema, "docs/spec-v1.md §5.6"]] as const) {
    if (a[key] === undefined) continue;
    const r = schema.safeParse(a[key]);
    if (!r.success) issues.push(...issuesFromZod(r.error.issues, { clause }, a[key]).map((i) => `${key}: ${issueLine(i)}`));
  }
  if (issues.length > 0) throw new FileError(file, issues);
  const digest = c?.digest ?? (a.poolCommitmentDigest as string | undefined);
  // the raw announced values are compared (the schemas above add no defaults), so what was published is what is checked
  const inputs: AnnouncedDrawInputs = {
    ...(digest === undefined ? {} : { poolCommitmentDigest: digest }),
    ...(a.taskId === undefined ? {} : { taskId: a.taskId as string }),
    ...(a.policy === undefined ? {} : { policy: a.policy as SamplingPolicy }),
    ...(a.seed === undefined ? {} : { seed: a.seed as SeedRecord }),
    ...(a.timeline === undefined ? {} : { timeline: a.timeline as DrawTimeline }),
  };
  return c === undefined ? { inputs } : { inputs, commitment: c as Record<string, unknown> };
}

/** The announced commitment's other members (counts, eligibility, exclusions) against the record's commitment. */
function commitmentMismatches(announced: Readonly<Record<string, unknown>>, record: TargetDrawRecord): DrawMismatch[] {
  const published = record.poolCommitment as unknown as Record<string, unknown>;
  const out: DrawMismatch[] = [];
  for (const k of Object.keys(announced).sort()) {
    if (k === "digest") continue; // compared by the library as announced.poolCommitmentDigest
    const a = JSON.stringify(canonicalize(announced[k]));
    const p = JSON.stringify(canonicalize(published?.[k]));
    if (a !== p) out.push({ field: `announced.commitment.${k}`, expected: announced[k], actual: published?.[k] });
  }
  return out;
}

const verify: Command = {
  summary: "复核抽取 / re-run a published draw from its record and the pool, against what was announced; exit 0 identical, 1 with every difference",
  usage: "shuangsuiji verify --record <record.json> --pool <file> [--announced <announced.json>] [--table B.1] [--json]",
  options: {
    record: { type: "string", arg: "file", help: "公布的抽取记录 / the published draw record" },
    ...POOL_OPTIONS,
    announced: {
      type: "string",
      arg: "file",
      help: "事先公布的内容 / what was announced before the draw: commitment (or its digest), task id, policy, seed, dates (format below). Without it only the record's own consistency is checked",
    },
    ...JSON_OPTION,
    ...HELP,
  },
  notes: ANNOUNCED_FORMAT,
  async run(ctx) {
    const record = recordFrom(need(ctx, "record"));
    const announcedFile = opt(ctx, "announced");
    const announced = announcedFile === undefined ? undefined : announcedFrom(announcedFile);
    let rows = 0;
    const pool = openPool(need(ctx, "pool"), opt(ctx, "table") ?? "B.1", {
      ...sheetOptions(ctx),
      progress: showProgress(ctx),
      onUnit: () => {
        rows++;
      },
    });
    // the verifier reports a pool it cannot read as a mismatch; the CLI reports the file instead (exit 3)
    let readError: { readonly e: unknown } | undefined;
    const units = (async function* () {
      try {
        yield* pool.units;
      } catch (e) {
        readError = { e };
        throw e;
      }
    })();
    const result = await verifyTargetDrawAsync(record, units, announced?.inputs ?? {});
    pool.finish();
    if (readError !== undefined) throw readError.e;
    const extra = announced?.commitment === undefined ? [] : commitmentMismatches(announced.commitment, record);
    const r: VerificationResult = extra.length === 0 ? result : { ok: false, mismatches: [...(result.ok ? [] : result.mismatches), ...extra], notes: result.notes };
    if (ctx.values.json === true) {
      ctx.out(JSON.stringify({ ...r, announced: Object.keys(announced?.inputs ?? {}) }, null, 2));
      return r.ok ? EXIT.ok : EXIT.failed;
    }
    const facts = `${rows} 个单位 units in the pool, ${record.poolCommitment.eligibleCount} 合格 eligible, ${record.selectedCount} 抽中 selected in ${record.strata.length} 类 strata`;
    if (r.ok && announced === undefined) {
      // re-running from the record's own inputs cannot see a record re-made with another policy, seed or task (and
      // its digest recomputed): only the announced inputs can, so the verdict does not claim more than was checked
      ctx.out(
        `自洽 / CONSISTENT: 记录可由其自身输入逐字节复现，但未对照事先公布的内容（加 --announced） / the record re-runs byte for byte from its own inputs, ` +
          `but was NOT checked against what was announced before the draw (add --announced) — ${facts}; digest ${record.digest}`,
      );
      return EXIT.ok;
    }
    if (r.ok) {
      const what = Object.keys(announced?.inputs ?? {}).map((k) => (k === "poolCommitmentDigest" ? (announced?.commitment === undefined ? "commitment digest" : "commitment") : k));
      ctx.out(`一致 / IDENTICAL: 记录可逐字节复现，且与事先公布的内容一致 / the record re-runs byte for byte and matches the announced ${what.join(", ")} — ${facts}; digest ${record.digest}`);
      return EXIT.ok;
    }
    const shown = r.mismatches.slice(0, 20);
    for (const m of shown) ctx.out(`  • ${m.field}: ${m.field.startsWith("announced.") ? "公布 announced" : "复算 re-run"} ${JSON.stringify(m.expected)}, 记录 record ${m.actual === undefined ? "（缺失 absent）" : JSON.stringify(m.actual)}`);
    if (r.mismatches.length > shown.length) ctx.out(`  … 另有 ${r.mismatches.length - shown.length} 处 / and ${r.mismatches.length - shown.length} more (--json lists all)`);
    const poolDiffers = r.mismatches.some((m) => m.field.startsWith("poolCommitment"));
    const announcementDiffers = r.mismatches.some((m) => m.field.startsWith("announced."));
    ctx.out(
      `不一致 / MISMATCH: ${r.mismatches.length} 处差异 difference(s)${poolDiffers ? "; 名录与承诺不符（文件不对？） / the pool is not the committed one (wrong file?)" : ""}${announcementDiffers ? "; 记录与事先公布的内容不符 / the record differs from what was announced" : ""} — ${facts}`,
    );
    return EXIT.failed;
  },
};

const ticket: Command = {
  summary: "自查 / one enterprise checks its own ticket against the published record (no pool needed)",
  usage: "shuangsuiji ticket --record <record.json> --id <统一社会信用代码> --class <A–Z> [--announced <announced.json>] [--json]",
  options: {
    record: { type: "string", arg: "file", help: "公布的抽取记录 / the published draw record" },
    id: { type: "string", arg: "id", help: "本单位编码 / the unit's id (统一社会信用代码 for an enterprise)" },
    class: { type: "string", arg: "A–Z", help: "本单位信用风险分类 / the unit's credit-risk class" },
    announced: {
      type: "string",
      arg: "file",
      help: "事先公布的内容 / what was announced before the draw (the file verify takes, format below); the record must match it, else \"inconsistent\" (not-as-announced), exit 1",
    },
    ...JSON_OPTION,
    ...HELP,
  },
  notes: `${ANNOUNCED_FORMAT}
  ticket uses every member: "commitment" as the announced pool commitment (its digest AND per-class counts, which
  fix every quota and which the digest alone does not bind in algorithm v1: docs/spec-v1.md §4, §10); with only
  "poolCommitmentDigest" the record's per-class counts are NOT checked. Without --announced the record is checked
  only against itself.`,
  async run(ctx) {
    const record = recordFrom(need(ctx, "record"));
    const announcedFile = opt(ctx, "announced");
    let announced: AnnouncedDrawInputs | undefined;
    if (announcedFile !== undefined) {
      const { inputs, commitment } = announcedFrom(announcedFile, "ticket");
      // the announced commitment as a whole (digest and counts) replaces its digest alone (docs/spec-v1.md §10, §11)
      const { poolCommitmentDigest: _digest, ...rest } = inputs;
      announced = commitment === undefined ? inputs : { ...rest, poolCommitment: commitment as unknown as PoolCommitment };
      try {
        readAnnounced(announced); // what verifyTicket would refuse (a commitment without its counts, unknown members) is a bad file: exit 3
      } catch (e) {
        if (e instanceof ShuangsuijiError) throw new FileError(announcedFile, e.issues.map(issueLine));
        throw e;
      }
    }
    const r = verifyTicket(record, { unitId: need(ctx, "id").trim(), riskClass: need(ctx, "class").trim().toUpperCase() }, announced) as unknown as Record<string, unknown>;
    const failed = r.consistent === false || r.status === "inconsistent";
    if (ctx.values.json === true) ctx.out(JSON.stringify(r, null, 2));
    else {
      // Printed generically: bilingual messages first, then every other field of the result.
      const keys = Object.keys(r);
      for (const k of keys.filter((k) => /Zh$/.test(k))) ctx.out(String(r[k]));
      for (const k of keys.filter((k) => /En$/.test(k))) ctx.out(String(r[k]));
      for (const l of textTable(keys.filter((k) => !/(Zh|En)$/.test(k)).map((k) => [`  ${k}`, typeof r[k] === "string" ? (r[k] as string) : JSON.stringify(r[k])]))) ctx.out(l);
    }
    return failed ? EXIT.failed : EXIT.ok;
  },
};

const sha256File = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

const fairness: Command = {
  summary: "公平性检验 / simulate many draws of the eligible pool and test that every unit is equally likely",
  usage:
    "shuangsuiji fairness --pool <file> --policy <policy.json> [--commitment <file> | --registered-before … --status … --division …]\n" +
    "                     [--runs 20000] [--base-seed text] [--alpha 1e-4] [--sampler real] [--workers n] [--html report.html] [--json]",
  options: {
    ...POOL_OPTIONS,
    ...POLICY_OPTION,
    commitment: { type: "string", arg: "file", help: "用承诺的资格规则 / take the eligibility rules from this commitment (as the draw does)" },
    ...ELIGIBILITY_OPTIONS,
    runs: { type: "string", arg: "n", help: "每类模拟次数 / simulated draws per stratum (default 20000)" },
    "base-seed": { type: "string", arg: "text", help: "模拟的基础种子 / base seed of the simulation (default shuangsuiji-fairness): same seed, same verdict" },
    alpha: { type: "string", arg: "α", help: "整份报告的显著性水平（Bonferroni 分到每项检验） / family-wise significance level of the whole report, split over its tests by Bonferroni (default 1e-4)" },
    sampler: { type: "string", arg: "name", help: `被检验的抽样器 / the sampler under test: ${Object.keys(SAMPLERS).join(" | ")}; the others are known-biased negative controls that must FAIL` },
    workers: { type: "string", arg: "n", help: "工作线程数 / worker threads (default: all cores)" },
    html: { type: "string", arg: "file", help: "HTML报告 / write a self-contained HTML report here" },
    ...JSON_OPTION,
    ...HELP,
  },
  notes: `${POLICY_FORMAT}\nExit: 0 every test passed, 1 a test rejected fairness (expected for a negative-control --sampler).`,
  async run(ctx) {
    const runs = Number(opt(ctx, "runs") ?? "20000");
    const alpha = Number(opt(ctx, "alpha") ?? "1e-4");
    const workers = opt(ctx, "workers") === undefined ? undefined : Number(opt(ctx, "workers"));
    const sampler = opt(ctx, "sampler") ?? "real";
    if (!Number.isSafeInteger(runs) || runs < 1 || runs > 10_000_000) throw new UsageError("--runs 应为 1 到 10000000 的整数", "--runs must be a whole number from 1 to 10000000");
    if (!(alpha > 0 && alpha < 1)) throw new UsageError("--alpha 应在 0 和 1 之间", "--alpha must be between 0 and 1");
    if (workers !== undefined && !(Number.isSafeInteger(workers) && workers >= 1 && workers <= 64)) throw new UsageError("--workers 应为 1 到 64 的整数", "--workers must be a whole number from 1 to 64");
    if (!(sampler in SAMPLERS)) throw new UsageError(`未知的 --sampler：${sampler}`, `unknown --sampler ${sampler} (one of ${Object.keys(SAMPLERS).join(", ")})`);
    const commitmentFile = opt(ctx, "commitment");
    const flags = eligibilityFrom(ctx);
    if (commitmentFile !== undefined && Object.keys(flags).length > 0) {
      throw new UsageError("--commitment 已含资格规则，不能再给 --registered-before/--status/--division", "--commitment carries the eligibility rules: do not also give --registered-before/--status/--division");
    }
    const commitment = commitmentFile === undefined ? undefined : commitmentFrom(commitmentFile);
    const config = commitment === undefined ? { eligibility: flags, exclusions: [] } : { eligibility: commitment.eligibility, exclusions: commitment.exclusions };
    const policy = policyFrom(need(ctx, "policy"));
    const poolFile = need(ctx, "pool");
    const { units } = await readPool(poolFile, opt(ctx, "table") ?? "B.1", { progress: showProgress(ctx), ...sheetOptions(ctx) });
    const excluded = new Set(config.exclusions.map((e) => e.unitId));
    const eligible = units.filter((u) => eligibilityOf(u, config, excluded) === undefined);
    if (new Set(eligible.map((u) => u.id)).size !== eligible.length) throw new FileError(poolFile, ["单位编码有重复 / unit ids are not unique"]);
    const total = eligible.length * runs;
    const report: FairnessReport = await assessFairnessParallel({
      pool: eligible, policy, runs, baseSeed: opt(ctx, "base-seed") ?? "shuangsuiji-fairness", alpha, sampler,
      ...(workers === undefined ? {} : { workers }),
      workerScript: ctx.workerScript,
      progress: startProgress(showProgress(ctx), "模拟 simulating", "unit-runs", total),
    });
    const html = opt(ctx, "html");
    if (html !== undefined) {
      const inputs: [string, string][] = [
        ["名录 pool", `${poolFile} (SHA-256 ${sha256File(poolFile)}), ${units.length} units, ${eligible.length} eligible`],
        ["资格 eligibility", JSON.stringify(config.eligibility) + (commitment === undefined ? "" : ` (from ${commitmentFile}, digest ${commitment.digest})`)],
        ["抽查比例 policy", JSON.stringify(policy)],
        ["抽样器 sampler", sampler === "real" ? "real — shuangsuiji stage 1 (SHA-256 tickets, k smallest)" : `${sampler} — known-biased negative control`],
        ["模拟 runs", `${runs} per stratum, base seed ${report.baseSeed}, family-wise α = ${alpha} (Bonferroni over ${report.testCount} tests)`],
        ["版本 version", `shuangsuiji ${ctx.version}, Node ${process.version}`],
        ["命令 command", `shuangsuiji ${ctx.argv.join(" ")}`],
      ];
      writeFileAtomic(html, renderFairnessHtml(report, { inputs }));
    }
    if (ctx.values.json === true) {
      ctx.out(JSON.stringify({ ...report, sampler, eligibility: config.eligibility, units: units.length, eligible: eligible.length, strata: report.strata.map(({ simulation: _s, ...s }) => s) }, null, 2));
    } else {
      ctx.out(`名录 pool: ${units.length} units, ${eligible.length} 合格 eligible; 抽样器 sampler ${sampler}; ${runs} runs per stratum`);
      for (const s of report.strata) {
        ctx.out(`${s.riskClass} 类 class: ${s.size} units, quota ${s.quota}${s.skipped === undefined ? "" : ` — 未检验 not tested: ${s.skipped}`}`);
        for (const t of s.tests) ctx.out(`  ${t.rejected ? "✗ 拒绝" : "✓ 通过"} ${t.test}: statistic ${t.statistic.toPrecision(5)}${t.df === undefined ? "" : ` (df ${t.df})`}, p = ${t.pValue.toPrecision(3)}, adjusted p = ${t.adjustedPValue.toPrecision(3)}`);
      }
      const level = `family-wise α = ${alpha} (Bonferroni: ${report.testCount} tests, each at ${report.testAlpha < 1e-3 ? report.testAlpha.toExponential(2) : Number(report.testAlpha.toPrecision(3))}; adjusted p = min(1, ${report.testCount}·p))`;
      ctx.out(report.passed ? `通过 / PASSED at ${level}` : `未通过 / FAILED at ${level}${sampler === "real" ? "" : " — 阴性对照被识破，检验有效 / the negative control was caught: the test has power"}`);
      if (html !== undefined) ctx.out(`报告 / report written to ${html}`);
    }
    return report.passed ? EXIT.ok : EXIT.failed;
  },
};

/** Every command, in the order `--help` lists them (the walk-through order). */
// --engine duckdb on commit, draw and verify (issue 16): src/cli/_engine.ts
export const COMMANDS: Readonly<Record<string, Command>> = withEngine({ commit, draw, verify, ticket, fairness }, { eligibilityFrom, policyFrom, commitmentFrom, recordFrom, emit });

/** The help text of one command: usage, options with their help, notes and exit codes. */
export function commandHelp(name: string): string {
  const c = COMMANDS[name] as Command;
  const opts = Object.entries(c.options).map(([k, o]) => [`  --${k}${o.arg === undefined ? "" : ` <${o.arg}>`}`, o.help]);
  return [`shuangsuiji ${name} — ${c.summary}`, "", `Usage / 用法:\n  ${c.usage}`, "", "Options / 选项:", ...textTable(opts), ...(c.notes === undefined ? [] : ["", c.notes]), "", EXIT_HELP].join("\n");
}

/** Exit codes, as documented. */
export const EXIT_HELP = `Exit codes / 退出码: 0 success 成功; 1 check failed 复核或检验未通过; 2 bad arguments 参数错误; 3 bad input file 输入文件有误; 4 cannot write output 无法写出; 70 internal error 内部错误`;
