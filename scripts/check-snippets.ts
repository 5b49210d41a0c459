/**
 * Extracts every fenced code block of README.md and docs/*.md and checks it, so that what a reader copies works:
 * - ```ts blocks are type-checked together against the public API ("shuangsuiji", "/calendar", "/stats", "/node"
 *   resolve to src/), must not use top-level `await` (it fails in a default CommonJS project), and are then run with tsx
 *   from the repository root;
 * - ```json blocks must parse;
 * - ```sh blocks marked `<!-- snippet: run -->` run in bash (-euo pipefail) from the repository root (after
 *   `npm run build`, so `npx shuangsuiji` is the built command line).
 * A comment on the line before a block changes that: `<!-- snippet: compile-only -->` (type-check, do not run — e.g. it
 * needs a file the reader has), `<!-- snippet: skip -->` (not code: output, a grammar, pseudo-code).
 *   npx tsx scripts/check-snippets.ts [--no-run] [file.md …]   (default: README.md and every docs/*.md)
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const out = join(root, ".tmp/snippets");
const noRun = process.argv.includes("--no-run");

/** One fenced block. */
export interface Snippet {
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly lang: string;
  readonly directive: "default" | "run" | "compile-only" | "skip";
  readonly code: string;
}

/** The fenced blocks of a Markdown text, with the directive on the closest non-blank line before each. */
export function extractSnippets(file: string, markdown: string): Snippet[] {
  const lines = markdown.split(/\r?\n/);
  const found: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)/.exec(lines[i] as string);
    if (open === null) continue;
    const fence = open[2] as string;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !(lines[j] as string).trimStart().startsWith(fence)) body.push(lines[j++] as string);
    let k = i - 1;
    while (k >= 0 && (lines[k] as string).trim() === "") k--;
    const d = /<!--\s*snippet:\s*(run|compile-only|skip)\b/.exec(lines[k] ?? "");
    found.push({ file, line: i + 1, lang: (open[3] as string).toLowerCase(), directive: (d?.[1] as Snippet["directive"]) ?? "default", code: body.join("\n") });
    i = j;
  }
  return found;
}

/** Top-level `await` (a line at column 0 that awaits): valid only in ES modules. */
export const topLevelAwait = (code: string): number => code.split("\n").findIndex((l) => /^(?:(?:const|let|var)\s[^=]*=\s*)?await\b|^\S.*=\s*await\b/.test(l));

if (process.argv[1]?.endsWith("check-snippets.ts")) {
  const docs = readdirSync(join(root, "docs")).filter((f) => f.endsWith(".md")).sort().map((f) => `docs/${f}`);
  const only = process.argv.slice(2).filter((a) => a.endsWith(".md"));
  const snippets = (only.length > 0 ? only : ["README.md", ...docs]).flatMap((f) => extractSnippets(f, readFileSync(join(root, f), "utf8")));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const failures: string[] = [];
  const ts: { s: Snippet; name: string }[] = [];
  for (const s of snippets) {
    const where = `${s.file}:${s.line}`;
    if (s.directive === "skip") continue;
    if (s.lang === "ts" || s.lang === "typescript") {
      const tla = topLevelAwait(s.code);
      if (tla >= 0) failures.push(`${where}: top-level await on line ${s.line + 1 + tla} (fails in a CommonJS project: wrap it in an async function)`);
      const name = `${s.file.replace(/[/.]/g, "_")}_L${s.line}.ts`;
      writeFileSync(join(out, name), `// from ${where}\n${s.code}\nexport {};\n`);
      ts.push({ s, name });
    } else if (s.lang === "json") {
      try {
        JSON.parse(s.code);
      } catch (e) {
        failures.push(`${where}: JSON does not parse (${(e as Error).message})`);
      }
    }
  }
  writeFileSync(join(out, "tsconfig.json"), JSON.stringify({ extends: "../../examples/tsconfig.json", compilerOptions: { noUnusedLocals: false }, include: ["./*.ts"] }, null, 2));
  const tsc = spawnSync(join(root, "node_modules/.bin/tsc"), ["--noEmit", "--pretty", "false", "-p", join(out, "tsconfig.json")], { encoding: "utf8" });
  if (tsc.status !== 0) {
    for (const l of tsc.stdout.split("\n").filter((x) => x.includes("error TS"))) {
      const m = /([\w.-]+)_L(\d+)\.ts\((\d+),(\d+)\): (.*)$/.exec(l);
      failures.push(m === null ? l : `${(m[1] as string).replace(/_md$/, ".md").replace(/^docs_/, "docs/")}:${Number(m[2]) + Number(m[3]) - 1}: ${m[5]}`);
    }
  }
  let ran = 0;
  if (!noRun && tsc.status === 0) {
    if (!existsSync(join(root, "dist/cli.js"))) {
      failures.push("dist/cli.js is missing: run `npm run build` before checking the shell snippets");
    } else {
      for (const { s, name } of ts) {
        if (s.directive === "compile-only") continue;
        const r = spawnSync(join(root, "node_modules/.bin/tsx"), ["--tsconfig", join(out, "tsconfig.json"), join(out, name)], { cwd: root, encoding: "utf8" });
        ran++;
        if (r.status !== 0) failures.push(`${s.file}:${s.line}: the snippet fails when run:\n    ${(r.stderr || r.stdout).trim().split("\n").slice(0, 6).join("\n    ")}`);
      }
      for (const s of snippets.filter((x) => x.directive === "run" && (x.lang === "sh" || x.lang === "bash"))) {
        try {
          execFileSync("bash", ["-euo", "pipefail", "-c", s.code], { cwd: root, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
          ran++;
        } catch (e) {
          const err = e as { stderr?: string; stdout?: string; status?: number };
          failures.push(`${s.file}:${s.line}: the shell snippet exits ${err.status}:\n    ${`${err.stderr ?? ""}${err.stdout ?? ""}`.trim().split("\n").slice(-6).join("\n    ")}`);
        }
      }
    }
  }
  if (failures.length > 0) {
    console.error(`doc snippets that do not work (${failures.length}):\n  ${failures.join("\n  ")}`);
    process.exit(1);
  }
  console.log(`${snippets.length} doc snippets: ${ts.length} TypeScript blocks compile, ${ran} ran`);
}
