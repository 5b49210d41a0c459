import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Every .ts file under a directory. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const expand = (nums: string): string[] =>
  nums.split(/\s*,\s*/).flatMap((n) => {
    const range = /^(\d+)\s*[–-]\s*(\d+)$/.exec(n);
    if (range === null) return [n];
    const [a, b] = [Number(range[1]), Number(range[2])];
    return b > a && b - a < 50 ? Array.from({ length: b - a + 1 }, (_, k) => String(a + k)) : [n];
  });

// Canonical clause keys: "Longting art. 19", "Chongqing 6.5", "Chongqing A.1", "Wolong Annex B", "Yanshi 8.3",
// "行政处罚法 art. 43", "总局令第45号 art. 14" … Sub-items ("art. 14(1)") fold into the article.
const PATTERNS: readonly [RegExp, (m: RegExpExecArray) => string[]][] = [
  [/\b(Longting|Wancheng) arts?\. ((?:\d+(?:\s*[–-]\s*\d+)?)(?:\s*,\s*\d+(?:\s*[–-]\s*\d+)?)*)/g, (m) => expand(m[2] as string).map((n) => `${m[1]} art. ${n}`)],
  [/\b(Chongqing|Wolong|Yanshi) (?:table |sec\. |§)?(Annex [A-F]|[A-F]\.\d+|\d+(?:\.\d+)*)/g, (m) => [`${m[1]} ${m[2]}`]],
  [/(行政处罚法|民法典|企业信息公示暂行条例|总局令第\d+号) arts?\. ((?:\d+(?:\s*[–-]\s*\d+)?)(?:\s*,\s*\d+(?:\s*[–-]\s*\d+)?)*)/g, (m) => expand(m[2] as string).map((n) => `${m[1]} art. ${n}`)],
];

/** The canonical clause keys cited in a text. */
export function clausesIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const [re, keys] of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) for (const k of keys(m)) out.add(k);
  }
  return out;
}

/** Clause keys cited anywhere in the source (JSDoc and the clause strings of errors), with one file citing each. */
export function citedInSource(root: string): Map<string, string> {
  const cited = new Map<string, string>();
  for (const f of sourceFiles(root)) for (const k of clausesIn(readFileSync(f, "utf8"))) if (!cited.has(k)) cited.set(k, f);
  return cited;
}

export interface MatrixRow {
  readonly clause: string;
  readonly requirement: string;
  readonly exports: readonly string[];
  readonly tests: readonly { readonly file: string; readonly name: string }[];
  readonly verdict: string;
  readonly line: number;
}

/** Rows of the clause matrix tables in docs/clauses.md: `| clause | requirement | export | test | verdict |`. */
export function matrixRows(markdown: string): MatrixRow[] {
  const rows: MatrixRow[] = [];
  markdown.split("\n").forEach((line, i) => {
    const cells = line.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
    if (cells.length !== 5 || cells[0] === "clause" || /^-+$/.test(cells[0] ?? "")) return;
    const [clause, requirement, exp, test, verdict] = cells as [string, string, string, string, string];
    rows.push({
      clause: clause.replace(/`/g, ""),
      requirement,
      exports: [...exp.replace(/\([^)]*\)/g, "").matchAll(/`([A-Za-z_][A-Za-z0-9_]*)`/g)].map((m) => m[1] as string),
      tests: [...test.matchAll(/`([^`]+\.test\.ts) › ([^`]+)`/g)].map((m) => ({ file: m[1] as string, name: m[2] as string })),
      verdict,
      line: i + 1,
    });
  });
  return rows;
}
