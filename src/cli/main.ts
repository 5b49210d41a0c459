// shuangsuiji command line: draw, verify and check fairness from files. Node only.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { commitPool } from "../draw/commitPool.js";
import { createSeed } from "../draw/createSeed.js";
import { drawTargets } from "../draw/drawTargets.js";
import { SamplingPolicySchema } from "../draw/SamplingPolicy.js";
import { seedFromDice } from "../draw/seedFromDice.js";
import type { PoolCommitment } from "../draw/PoolCommitment.js";
import type { TargetDrawRecord } from "../draw/TargetDrawRecord.js";
import { verifyTargetDraw } from "../draw/verifyTargetDraw.js";
import { verifyTicket } from "../draw/verifyTicket.js";
import type { TableId } from "../import/importTable.js";
import { assessFairness } from "../stats/assessFairness.js";
import { renderFairnessHtml } from "../stats/renderFairnessHtml.js";
import { InputFileError, describeError, readJson, readPool } from "./_io.js";

const USAGE = `shuangsuiji — 双随机、一公开: verifiable draws from the command line

Usage:
  shuangsuiji commit   --pool <pool.csv|json> [--table B.1] [--registered-before YYYY-MM-DD] [--status operating]... [--out commitment.json]
  shuangsuiji draw     --pool <file> --commitment <commitment.json> --policy <policy.json|'{json}'> --task <id>
                       (--seed <hex ≥ 32 digits> --provenance <text> | --dice <digits> --witness <name> --witness <name> --date <YYYY-MM-DD>)
                       [--out record.json]
  shuangsuiji verify   --record <record.json> --pool <file> [--json]
  shuangsuiji ticket   --record <record.json> --id <unit id> --class <risk class> [--json]
  shuangsuiji fairness --pool <file> --policy <policy> [--runs 20000] [--base-seed <text>] [--alpha 1e-4] [--html report.html] [--json]

Pools are CSV files with the Chinese headers of tables B.1–B.3 (see --table) or JSON arrays of {id, riskClass, …}.
Exit codes: 0 success; 1 verification or fairness failed; 2 bad arguments; 3 bad input file.
`;

const out = (s: string) => process.stdout.write(`${s}\n`);
const err = (s: string) => process.stderr.write(`${s}\n`);

class UsageError extends Error {}

function need(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== "string" || v === "") throw new UsageError(`缺少参数 / missing --${name}`);
  return v;
}

function policyFrom(arg: string) {
  const raw = arg.trim().startsWith("{") ? JSON.parse(arg) : readJson(arg);
  const r = SamplingPolicySchema.safeParse(raw);
  if (!r.success) throw new InputFileError(arg.trim().startsWith("{") ? "--policy" : arg, r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  return r.data;
}

function progress(json: boolean) {
  if (json || !process.stderr.isTTY) return undefined;
  return (stratum: string, done: number, total: number) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(Math.round((100 * done) / total)).padStart(3)}% class ${stratum}${done === total ? "\n" : ""}`);
  };
}

export function main(argv: readonly string[]): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    out(USAGE);
    return command === undefined ? 2 : 0;
  }
  try {
    const { values } = parseArgs({
      args: [...rest],
      strict: true,
      options: {
        pool: { type: "string" }, table: { type: "string" }, commitment: { type: "string" }, policy: { type: "string" },
        task: { type: "string" }, seed: { type: "string" }, provenance: { type: "string" }, dice: { type: "string" },
        witness: { type: "string", multiple: true }, date: { type: "string" }, out: { type: "string" }, record: { type: "string" },
        id: { type: "string" }, class: { type: "string" }, runs: { type: "string" }, "base-seed": { type: "string" },
        alpha: { type: "string" }, html: { type: "string" }, json: { type: "boolean" },
        "registered-before": { type: "string" }, status: { type: "string", multiple: true },
      },
    });
    const json = values.json === true;
    const table = (values.table ?? "B.1") as TableId;
    const write = (data: unknown) => {
      const text = `${JSON.stringify(data, null, 2)}\n`;
      if (values.out !== undefined) writeFileSync(values.out, text);
      else process.stdout.write(text);
    };
    switch (command) {
      case "commit": {
        const pool = readPool(need(values, "pool"), table);
        const eligibility = {
          ...(values["registered-before"] === undefined ? {} : { registeredOnOrBefore: values["registered-before"] }),
          ...(values.status === undefined ? {} : { statuses: values.status as ("operating" | "deregistered")[] }),
        };
        write(commitPool(pool, { eligibility }));
        return 0;
      }
      case "draw": {
        const pool = readPool(need(values, "pool"), table);
        const commitment = readJson(need(values, "commitment")) as PoolCommitment;
        const policy = policyFrom(need(values, "policy"));
        const seed =
          values.dice !== undefined
            ? seedFromDice({ digits: values.dice, witnesses: values.witness ?? [], date: need(values, "date") })
            : createSeed(need(values, "seed").toLowerCase(), { kind: "other", description: values.provenance ?? "given on the command line" });
        write(drawTargets({ taskId: need(values, "task"), pool, policy, seed, commitment }));
        return 0;
      }
      case "verify": {
        const record = readJson(need(values, "record")) as TargetDrawRecord;
        if (record?.kind !== "target-draw") throw new InputFileError(need(values, "record"), ["不是抽取记录 / not a target-draw record"]);
        const pool = readPool(need(values, "pool"), table);
        const r = verifyTargetDraw(record, pool);
        if (json) out(JSON.stringify(r, null, 2));
        else if (r.ok) out(`identical: the record re-runs byte for byte (${record.selectedCount} selected, digest ${record.digest})\n一致：记录可逐字节复现`);
        else {
          out(`MISMATCH: ${r.mismatches.length} difference(s) / 不一致：`);
          for (const m of r.mismatches) out(`  • ${m.field}: re-run ${JSON.stringify(m.expected)}, record ${JSON.stringify(m.actual)}`);
        }
        return r.ok ? 0 : 1;
      }
      case "ticket": {
        const record = readJson(need(values, "record")) as TargetDrawRecord;
        if (record?.kind !== "target-draw") throw new InputFileError(need(values, "record"), ["不是抽取记录 / not a target-draw record"]);
        const r = verifyTicket(record, { unitId: need(values, "id"), riskClass: need(values, "class") });
        if (json) out(JSON.stringify(r, null, 2));
        else out(`${r.explanationZh}\n${r.explanationEn}\nticket ${r.ticket}\nthreshold ${r.threshold ?? "—"}`);
        return r.consistent ? 0 : 1;
      }
      case "fairness": {
        const pool = readPool(need(values, "pool"), table);
        const policy = policyFrom(need(values, "policy"));
        const runs = Number(values.runs ?? "20000");
        const alpha = Number(values.alpha ?? "1e-4");
        if (!Number.isInteger(runs) || runs < 1) throw new UsageError(`--runs 应为正整数 / must be a positive whole number`);
        if (!(alpha > 0 && alpha < 1)) throw new UsageError(`--alpha 应在0和1之间 / must be between 0 and 1`);
        const onProgress = progress(json);
        const report = assessFairness({ pool, policy, runs, baseSeed: values["base-seed"] ?? "shuangsuiji-fairness", alpha, ...(onProgress === undefined ? {} : { onProgress }) });
        if (values.html !== undefined) writeFileSync(values.html, renderFairnessHtml(report));
        if (json) {
          out(JSON.stringify({ ...report, strata: report.strata.map(({ simulation: _s, ...s }) => s) }, null, 2));
        } else {
          for (const s of report.strata) {
            out(`class ${s.riskClass}: ${s.size} units, quota ${s.quota}${s.skipped === undefined ? "" : ` — ${s.skipped}`}`);
            for (const t of s.tests) out(`  ${t.rejected ? "✗" : "✓"} ${t.test}: statistic ${t.statistic.toPrecision(5)}${t.df === undefined ? "" : ` (df ${t.df})`}, p = ${t.pValue.toPrecision(3)}`);
          }
          out(report.passed ? `passed at α = ${alpha} (${runs} runs per stratum) / 通过` : `FAILED at α = ${alpha} / 未通过`);
          if (values.html !== undefined) out(`report written to ${values.html}`);
        }
        return report.passed ? 0 : 1;
      }
      default:
        throw new UsageError(`未知命令 / unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS"))) {
      err(`error: ${e.message}\n`);
      err(USAGE);
      return 2;
    }
    for (const l of describeError(e)) err(l);
    return 3;
  }
}

process.exitCode = main(process.argv.slice(2));
