// shuangsuiji command line: commit, draw, verify, ticket and fairness from files. Node only.
import { statSync } from "node:fs";
import { parseArgs } from "node:util";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import pkg from "../../package.json" with { type: "json" };
import { EXIT, FileError, UsageError, describeError } from "./_errors.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { COMMANDS, EXIT_HELP, commandHelp, type Command } from "./_commands.js";
import { fairnessWorker, type FairnessJob } from "./_fairness.js";

const VERSION: string = pkg.version;

const USAGE = `shuangsuiji ${VERSION} — 双随机、一公开: verifiable draws from the command line / 可验证的随机抽取

Usage / 用法: shuangsuiji <command> [options]     (shuangsuiji <command> --help lists the command's options)

Commands / 命令 (in the order of a draw):
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`)
  .join("\n")}

  shuangsuiji --version     版本 / the version

Walk-through on the shipped sample files / 示例 (README):
  shuangsuiji commit --pool examples/data/pool.csv --registered-before 2021-12-31 --status 存续 --out commitment.json
  shuangsuiji draw   --pool examples/data/pool.csv --commitment commitment.json --policy examples/data/policy.json --task 2026-T01 \\
                     --dice 314159265358979323846264338327950288419 --witness 张伟 --witness 李娜 --date 2026-04-01 --out record.json
  shuangsuiji verify --record record.json --pool examples/data/pool.csv
  (big CSV/Parquet files: add --engine duckdb to commit, draw and verify — docs/scale.md / 大文件用数据库引擎)

${EXIT_HELP}`;

/** Options no command declares but every command accepts. */
const optionOwners = (name: string): string[] => Object.entries(COMMANDS).filter(([, c]) => name in c.options).map(([n]) => n);

/** Turns node:util parseArgs errors into a bilingual usage error naming the option and where it belongs. */
function argError(command: string, e: Error & { code?: string }): UsageError {
  const name = /'(-[^' ]+)/.exec(e.message)?.[1] ?? "";
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const owners = optionOwners(name.replace(/^-+/, ""));
    return new UsageError(
      `${command} 不接受选项 ${name}${owners.length > 0 ? `（它属于 ${owners.join("、")}）` : ""}`,
      `${command} does not take ${name}${owners.length > 0 ? ` (it belongs to: ${owners.join(", ")})` : ""}`,
    );
  }
  if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return new UsageError(`选项 ${name} 缺少值或值不对`, `option ${name} needs a value (or is not a flag)`);
  if (e.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
    const arg = /'([^']+)'/.exec(e.message)?.[1] ?? "";
    return new UsageError(`多余的参数 ${arg}`, `unexpected argument ${arg} (options start with --)`);
  }
  return new UsageError("参数有误", e.message.split("\n")[0] ?? "bad arguments");
}

/**
 * A single-valued option given twice is refused (node:util's parseArgs keeps the last silently): the task id, the seed,
 * the pool are exactly what was announced (Wolong 2.2), never whichever came last on the command line.
 */
function repeatedOption(spec: Command, tokens: readonly { readonly kind: string; readonly name?: string }[]): void {
  const seen = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== "option" || t.name === undefined) continue;
    if (spec.options[t.name]?.multiple === true) continue;
    if (seen.has(t.name)) throw new UsageError(`选项 --${t.name} 给了两次（只能给一次）`, `option --${t.name} is given twice (it takes one value)`);
    seen.add(t.name);
  }
}

/** Options that name files the command reads, and those it writes. */
const INPUT_OPTIONS = ["pool", "commitment", "policy", "record", "announced"] as const;
const OUTPUT_OPTIONS = ["out", "html"] as const;

/**
 * An output that is one of the command's inputs (the same file, by device and inode: also through a link or another
 * spelling of the path) is refused before anything is read, so a run never overwrites its own evidence — the pool
 * `verify` needs later, the published commitment.
 */
function outputIsInput(values: Readonly<Record<string, unknown>>): void {
  const id = (p: unknown): string | undefined => {
    if (typeof p !== "string" || p === "") return undefined;
    try {
      const st = statSync(p);
      return `${st.dev}:${st.ino}`;
    } catch {
      return undefined; // not there (yet), or inline JSON: cannot be the same file
    }
  };
  for (const o of OUTPUT_OPTIONS) {
    const out = id(values[o]);
    if (out === undefined) continue;
    for (const i of INPUT_OPTIONS) {
      if (id(values[i]) === out) {
        throw new UsageError(`--${o} 与 --${i} 是同一个文件（${String(values[o])}）：输出会覆盖输入，请换一个输出文件`, `--${o} and --${i} are the same file (${String(values[o])}): the output would overwrite the input; choose another output file`);
      }
    }
  }
  if (id(values["out"]) !== undefined && id(values["out"]) === id(values["html"])) {
    throw new UsageError("--out 与 --html 是同一个文件", "--out and --html are the same file");
  }
}

/** Runs the command line; resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const err = (s: string) => process.stderr.write(`${s}\n`);
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    if (command === "help" && rest[0] !== undefined && rest[0] in COMMANDS) out(commandHelp(rest[0]));
    else (command === undefined ? err : out)(USAGE);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === "--version" || command === "-v" || command === "version") {
    out(VERSION);
    return EXIT.ok;
  }
  const spec: Command | undefined = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  let json = false;
  try {
    if (spec === undefined) {
      throw new UsageError(`未知命令 ${command}`, `unknown command ${command} (one of ${Object.keys(COMMANDS).join(", ")})`);
    }
    let values: Record<string, string | boolean | string[] | undefined>;
    try {
      const parsed = parseArgs({ args: [...rest], strict: true, allowPositionals: false, tokens: true, options: { ...spec.options, help: { type: "boolean", short: "h" } } });
      values = parsed.values;
      repeatedOption(spec, parsed.tokens);
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw argError(command, e as Error & { code?: string });
    }
    json = values.json === true;
    if (values.help === true) {
      out(commandHelp(command));
      return EXIT.ok;
    }
    outputIsInput(values);
    return await spec.run({ values, out, err, version: VERSION, workerScript: new URL(import.meta.url), argv });
  } catch (caught) {
    // a pool file's own error raised while the library read the stream comes back as the cause: report the file error
    const e = caught instanceof ShuangsuijiError && caught.cause instanceof FileError ? caught.cause : caught;
    const { lines, code } = describeError(e);
    // --json promises JSON on stdout: a refused input is reported there instead, so a script never parses an empty
    // (or mixed) output; the exit code is the same
    if (json) out(JSON.stringify({ ok: false, error: { exitCode: code, messages: lines.map((l) => l.replace(/^\s*•\s*/, "")) } }, null, 2));
    else for (const l of lines) err(l);
    if (code === EXIT.usage) err(spec === undefined ? "shuangsuiji --help 列出命令 / lists the commands" : `shuangsuiji ${command} --help 列出选项 / lists its options`);
    return code;
  }
}

if (!isMainThread && (workerData as { shuangsuijiFairnessJob?: FairnessJob } | null)?.shuangsuijiFairnessJob !== undefined) {
  const port = parentPort;
  fairnessWorker((workerData as { shuangsuijiFairnessJob: FairnessJob }).shuangsuijiFairnessJob, (m, transfer) => port?.postMessage(m, transfer ?? []));
} else if (isMainThread) {
  // A reader that closed the pipe (`shuangsuiji ticket … | head`) is not an error of ours: stop quietly, as Unix tools do.
  const closedPipe = (e: unknown) => (e as { code?: unknown } | null)?.code === "EPIPE";
  process.stdout.on("error", (e) => {
    if (closedPipe(e)) process.exit(process.exitCode ?? 0);
  });
  // A last guard: a bug must still end in one line and exit 70, never a stack trace.
  process.on("uncaughtException", (e) => {
    if (closedPipe(e)) process.exit(process.exitCode ?? 0);
    for (const l of describeError(e).lines) process.stderr.write(`${l}\n`);
    process.exit(EXIT.internal);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      for (const l of describeError(e).lines) process.stderr.write(`${l}\n`);
      process.exitCode = EXIT.internal;
    },
  );
}
