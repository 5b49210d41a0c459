// The shipped JSON Schemas' patterns mean what the library means, in every language a vendor validates with
// (hostile9a findings 3 and 4): ECMAScript (Ajv, with and without the u flag), Python `re` under jsonschema, and
// java.util.regex. The TypeScript checks always run; Python and Java run where python3 / java are installed (CI has
// python3 for tools/verify_draw.py; without jsonschema the Python check uses `re.search`, which is what jsonschema's
// `pattern` calls).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { z } from "zod";
import * as A from "../_arbitraries.js";
import { DepartmentSchema, InspectionTargetSchema, InspectorSchema, TextSchema } from "../../src/index.js";
import { readFileSync } from "node:fs";
import { MODEL_SCHEMAS, NOTE, buildJsonSchemas, portablePattern, zodJsonSchema } from "../../scripts/build-schemas.js";

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Every regex of a schema tree: `pattern` values and `patternProperties` keys. */
const patternsOf = (n: unknown, out = new Set<string>()): Set<string> => {
  if (Array.isArray(n)) n.forEach((x) => patternsOf(x, out));
  else if (isObj(n)) {
    if (typeof n.pattern === "string") out.add(n.pattern);
    if (isObj(n.patternProperties)) Object.keys(n.patternProperties).forEach((k) => out.add(k));
    Object.values(n).forEach((x) => patternsOf(x, out));
  }
  return out;
};

const shippedSchemas = buildJsonSchemas();
const shipped = [...patternsOf(shippedSchemas)];
const TEXT_PATTERN = patternsOf(zodJsonSchema(TextSchema)).values().next().value as string;

/**
 * What the library accepts for each shipped pattern: the JavaScript regex zod runs for it, and for the text pattern
 * TextSchema itself (rule `text-trimmed`).
 */
const oracle = new Map<string, (s: string) => boolean>();
for (const schema of Object.values(MODEL_SCHEMAS))
  for (const raw of patternsOf(zodJsonSchema(schema as z.ZodType))) {
    const re = new RegExp(raw);
    oracle.set(portablePattern(raw), raw === TEXT_PATTERN ? (s) => TextSchema.safeParse(s).success : (s) => re.test(s));
  }

/** Valid examples: each pattern must accept at least one (add one here for a new pattern). */
const SEEDS = [
  "411302", "350100", "0377-63123456", "+86 (10) 6312", "13912345678", "2026-04-01", "91350100M000100Y43",
  "0123456789abcdef".repeat(4), "0123456789abcdef".repeat(2), "314159265358979", "A", "D", "市场监督管理局", "SCJG-001",
  "张 伟", "a\nb", "x", "𝒳 y",
];
const DIGITS = ["٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "०१२३४५६७८९", "０１２３４５６７８９", [..."𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗"].join("")];
const SPACES = [..."\t\n\v\f\r \u0085\u00a0\u1680\u180e\u2000\u2005\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff"];
/** The variants that separate the dialects: final newlines and white space, Unicode digits, case, NUL, lone surrogates. */
const variants = (s: string): string[] => [
  s, s + "\n", s + "\r\n", "\n" + s, s + "\n\n", s.toUpperCase(), s + "\u0000", s + "\ud800", "\udc00" + s, s.slice(0, -1), s + s.slice(-1),
  ...SPACES.flatMap((w) => [s + w, w + s]),
  ...DIGITS.map((d) => s.replace(/[0-9]/g, (x) => [...d][Number(x)] as string)),
  ...DIGITS.map((d) => s.replace(/[0-9]/, (x) => [...d][Number(x)] as string)),
];
const random = fc.sample(fc.string({ unit: fc.constantFrom(..."0189af-AZ 名", ...SPACES, "٣", "３", "\ud835\udfce"), maxLength: 8 }), { seed: 20261205, numRuns: 400 });
const corpus: [pattern: string, text: string][] = shipped.flatMap((p) => [
  ...new Set([...SEEDS.filter((s) => oracle.get(p)?.(s)).flatMap(variants), ...SPACES, ...random, ""]),
].map((s): [string, string] => [p, s]));

describe("shipped patterns: the portable subset", () => {
  it("every shipped pattern came from a library regex, and each has a valid example to vary", () => {
    expect(shipped.length).toBeGreaterThanOrEqual(10);
    for (const p of shipped) {
      expect(oracle.has(p), p).toBe(true);
      expect(SEEDS.some((s) => oracle.get(p)!(s)), `no example in SEEDS matches ${p}: add one`).toBe(true);
    }
  });

  it("no \\d \\D \\w \\W \\s \\S \\b \\B \\p, no . and no $ (except [\\s\\S], any character in every dialect); rewriting is the identity", () => {
    for (const p of shipped) {
      const rest = p.split("[\\s\\S]").join("");
      expect(rest, p).not.toMatch(/\\[dDwWsSbBpPkZzA]|(?<!\\)[.$]/);
      expect(portablePattern(p)).toBe(p);
      expect(() => new RegExp(p, "u")).not.toThrow();
    }
  });

  it("under JavaScript (with and without the u flag) each pattern accepts exactly what the library accepts", () => {
    for (const [p, s] of corpus) {
      const want = oracle.get(p)!(s);
      expect(new RegExp(p).test(s), `${p} ${JSON.stringify(s)}`).toBe(want);
      expect(new RegExp(p, "u").test(s), `${p} /u ${JSON.stringify(s)}`).toBe(want);
    }
  });

  it("the newline and Unicode-digit variants of valid values are refused (finding 3's values)", () => {
    const digits = shipped.filter((p) => p.includes("[0-9]"));
    expect(digits.length).toBeGreaterThanOrEqual(5);
    for (const p of shipped) {
      const re = new RegExp(p, "u");
      for (const s of SEEDS.filter((x) => oracle.get(p)!(x))) {
        expect(re.test(s + "\n"), `${p} ${JSON.stringify(s)}+\\n`).toBe(false);
        if (digits.includes(p) && /[0-9]/.test(s)) for (const d of DIGITS) expect(re.test(s.replace(/[0-9]/, (x) => [...d][Number(x)] as string)), `${p} ${d}`).toBe(false);
      }
    }
  });
});

describe("the text pattern is TextSchema's rule text-trimmed (finding 4)", () => {
  it("is on every text field: Department.name, Inspector.departmentId, InspectionTarget names, StoredTask's task.name", () => {
    const S = shippedSchemas as Record<string, Json>;
    const props = (s: unknown) => (s as { properties: Record<string, Json> }).properties;
    expect(props(S.Department).name!.pattern).toBe(TEXT_PATTERN);
    expect(props(S.Inspector).departmentId!.pattern).toBe(TEXT_PATTERN);
    for (const v of (S.InspectionTarget as { oneOf: unknown[] }).oneOf) expect(props(v).name!.pattern).toBe(TEXT_PATTERN);
    expect(props(props(S.StoredTask).task).name!.pattern).toBe(TEXT_PATTERN);
  });

  it("its white space is exactly String.prototype.trim's, over every code point", () => {
    const re = new RegExp(TEXT_PATTERN, "u");
    const trimmed: number[] = [];
    const refused: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const c = String.fromCodePoint(cp);
      if (c.trim() === "") trimmed.push(cp);
      if (!re.test(c)) refused.push(cp);
    }
    expect(refused).toEqual(trimmed);
    expect(trimmed).toHaveLength(25);
  });

  it("accepts exactly what TextSchema accepts (property)", () => {
    const re = new RegExp(TEXT_PATTERN);
    const reU = new RegExp(TEXT_PATTERN, "u");
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom(...SPACES, "a", "名", "\ud800", "\udfff"), fc.string({ unit: "binary", maxLength: 1 })), maxLength: 12 }), (s) => {
        const ok = TextSchema.safeParse(s).success;
        expect(re.test(s)).toBe(ok);
        expect(reU.test(s)).toBe(ok);
      }),
      { seed: 20261205, numRuns: 3000 },
    );
  });
});

describe("portablePattern (scripts/build-schemas.ts)", () => {
  it("rewrites \\d and a final $, and keeps the rest", () => {
    expect(portablePattern("^\\d{6}$")).toBe("^[0-9]{6}(?![\\s\\S])");
    expect(portablePattern("^\\d{17}[\\dX]$")).toBe("^[0-9]{17}[0-9X](?![\\s\\S])");
    expect(portablePattern("^\\+?[0-9][0-9\\- ()]{2,30}$")).toBe("^\\+?[0-9][0-9\\- ()]{2,30}(?![\\s\\S])");
    expect(portablePattern("^a\\$")).toBe("^a\\$");
    expect(portablePattern("^[^\\u0020\\u3000](?:[\\s\\S]*x)?(?![\\s\\S])")).toBe("^[^\\u0020\\u3000](?:[\\s\\S]*x)?(?![\\s\\S])");
  });
  it.each([
    ["^\\w+$", "\\w"], ["^\\s$", "\\s"], ["^a\\b", "\\b"], ["^\\D$", "\\D"], ["^\\p{L}$", "\\p"], ["^(a)\\1$", "\\1"], ["^a$|^b$", "a $ before the end"],
    ["^a.b$", "a ."], ["^(?<=a)b$", "(?<"], ["^(?i)a$", "(?i"], ["^[a[b]]$", "class inside a class"], ["^[a&&b]$", "&&"], ["^[a--b]$", "--"],
    ["^[]$", "empty class"], ["^a{$", "not a quantifier"], ["^\\-$", "\\-"], ["^[a$", "unclosed"], ["^😀$", "outside the BMP"],
  ])("refuses %s (%s)", (p, what) => {
    expect(() => portablePattern(p)).toThrow(what);
  });
  it("is what the build applies: each shipped pattern is the rewrite of a library regex", () => {
    const raw = new Set<string>();
    for (const schema of Object.values(MODEL_SCHEMAS)) patternsOf(zodJsonSchema(schema as z.ZodType), raw);
    expect(new Set(shipped)).toEqual(new Set([...raw].map(portablePattern)));
    expect([...raw].some((p) => p.includes("\\d") || p.endsWith("$"))).toBe(true);
  });
});

describe("the checks the schemas cannot express", () => {
  it("are listed in every schema's description and in docs/persistence.md", () => {
    const docs = readFileSync(new URL("../../docs/persistence.md", import.meta.url), "utf8").split("## JSON Schemas for other languages")[1]!.split("\n## ")[0]!;
    for (const s of Object.values(shippedSchemas)) expect(String((s as Json).description).endsWith(NOTE)).toBe(true);
    for (const topic of ["check characters", "province prefix", "2026-02-30", "FormatChecker", "start ≤ end", "id = its code", "codeType", "ratio or count", "unique ids", "UTF-16 code units", "trims", "recomputation", "String.prototype.trim", "[0-9]"])
      for (const [where, text] of [["NOTE", NOTE], ["docs/persistence.md", docs.replace(/`/g, "").replace(/equal to/g, "=")]] as const) expect(text, `${where}: ${topic}`).toContain(topic);
  });
});

// ---- other languages -------------------------------------------------------------------------------------------

const has = (cmd: string, args: string[]): boolean => spawnSync(cmd, args, { stdio: "ignore" }).status === 0;
const python = has("python3", ["-c", "import re"]);
const jsonschema = python && has("python3", ["-c", "import jsonschema, referencing"]);
const java = has("java", ["-version"]);

const PY = String.raw`
import json, re, sys
cases = json.load(open(sys.argv[1], encoding="utf-8"))
try:
    from jsonschema import Draft202012Validator, FormatChecker
    from referencing import Registry, Resource
except ImportError:
    Draft202012Validator = None
out = {"engine": "re"}
if Draft202012Validator is None:
    out["patterns"] = [re.search(p, s) is not None for p, s in cases["patterns"]]
else:
    out["engine"] = "jsonschema"
    val = {}
    def check(p, s):
        if p not in val: val[p] = Draft202012Validator({"type": "string", "pattern": p})
        return val[p].is_valid(s)
    out["patterns"] = [check(p, s) for p, s in cases["patterns"]]
    schemas = cases["schemas"]
    reg = Registry().with_resources([(s["$id"], Resource.from_contents(s)) for s in schemas.values()])
    out["documents"] = [Draft202012Validator(schemas[n], registry=reg, format_checker=FormatChecker()).is_valid(v) for n, v in cases["documents"]]
print(json.dumps(out))
`;

const JAVA = String.raw`
import java.nio.file.*; import java.util.*; import java.util.regex.*;
public class PatternCheck {
  static String decode(String hex) { if (hex.isEmpty()) return ""; StringBuilder b = new StringBuilder(); for (String u : hex.split(",")) b.append((char) Integer.parseInt(u, 16)); return b.toString(); }
  public static void main(String[] a) throws Exception {
    Map<String, Pattern> cache = new HashMap<>(); StringBuilder out = new StringBuilder();
    for (String line : Files.readAllLines(Paths.get(a[0]))) {
      String[] f = line.split("\t", -1); String p = decode(f[0]);
      Pattern re = cache.computeIfAbsent(p, Pattern::compile);
      out.append(re.matcher(decode(f[1])).find() ? '1' : '0');
    }
    System.out.print(out);
  }
}
`;

const units = (s: string): string => [...Array(s.length).keys()].map((i) => s.charCodeAt(i).toString(16)).join(",");

/** Library-valid documents with one edit a spreadsheet or another language makes (findings 3 and 4's values). */
const documents = (): [name: string, value: unknown, schema: z.ZodType][] => {
  const [d] = fc.sample(A.department, { seed: 7, numRuns: 1 }) as Json[];
  const [i] = fc.sample(A.inspector, { seed: 7, numRuns: 1 }) as Json[];
  const [t] = fc.sample(A.organisationTarget, { seed: 7, numRuns: 1 }) as Json[];
  const D = (o: Json): [string, unknown, z.ZodType] => ["Department", { ...d, divisionCode: "411302", ...o }, DepartmentSchema];
  const I = (o: Json): [string, unknown, z.ZodType] => ["Inspector", { ...i, ...o }, InspectorSchema];
  const T = (o: Json): [string, unknown, z.ZodType] => ["InspectionTarget", { ...t, ...o }, InspectionTargetSchema];
  const div = "411302";
  return [
    D({}), I({}), T({}),
    D({ divisionCode: `${div}\n` }), D({ divisionCode: div.replace(/[0-9]/g, (x) => "٠١٢٣٤٥٦٧٨٩"[Number(x)]!) }), D({ divisionCode: div.replace(/[0-9]/g, (x) => "０１２３４５６７８９"[Number(x)]!) }),
    D({ name: `${String(d!.name)} ` }), D({ name: `\u00a0${String(d!.name)}` }), D({ id: `${String(d!.id)}\n` }),
    I({ name: `${String(i!.name)}\n` }), I({ departmentId: ` ${String(i!.departmentId)}` }), I({ phone: "13912345678\n" }),
    T({ name: `${String(t!.name)}\u3000` }), T({ divisionCode: `${String(t!.divisionCode)}\n` }), T({ registrationDate: "2026-04-01\n" }),
  ];
};

describe("shipped patterns in other languages", () => {
  it(python ? `Python ${jsonschema ? "jsonschema (Draft 2020-12)" : "re.search (jsonschema not installed)"} accepts exactly what the library accepts` : "Python: skipped, python3 not found", () => {
    if (!python) return;
    const dir = mkdtempSync(join(tmpdir(), "schema-patterns-"));
    try {
      const docs = documents();
      writeFileSync(join(dir, "cases.json"), JSON.stringify({ patterns: corpus, schemas: shippedSchemas, documents: docs.map(([n, v]) => [n, v]) }));
      writeFileSync(join(dir, "check.py"), PY);
      const r = spawnSync("python3", [join(dir, "check.py"), join(dir, "cases.json")], { encoding: "utf8", maxBuffer: 1 << 26 });
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as { engine: string; patterns: boolean[]; documents?: boolean[] };
      expect(out.engine).toBe(jsonschema ? "jsonschema" : "re");
      const wrong = corpus.filter(([p, s], k) => out.patterns[k] !== oracle.get(p)!(s)).map(([p, s]) => `${p} ${JSON.stringify(s)}`);
      expect(wrong).toEqual([]);
      if (out.documents !== undefined) {
        expect(out.documents).toEqual(docs.map(([, v, schema]) => schema.safeParse(v).success));
        expect(out.documents.filter(Boolean)).toHaveLength(3);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it(java ? "Java java.util.regex (Matcher.find, as Java validators call it) accepts exactly what the library accepts" : "Java: skipped, java not found", () => {
    if (!java) return;
    const dir = mkdtempSync(join(tmpdir(), "schema-patterns-"));
    try {
      writeFileSync(join(dir, "cases.tsv"), corpus.map(([p, s]) => `${units(p)}\t${units(s)}`).join("\n") + "\n");
      writeFileSync(join(dir, "PatternCheck.java"), JAVA);
      const r = spawnSync("java", [join(dir, "PatternCheck.java"), join(dir, "cases.tsv")], { encoding: "utf8", maxBuffer: 1 << 26 });
      expect(r.status, r.stderr).toBe(0);
      const wrong = corpus.filter(([p, s], k) => (r.stdout[k] === "1") !== oracle.get(p)!(s)).map(([p, s]) => `${p} ${JSON.stringify(s)}`);
      expect(r.stdout).toHaveLength(corpus.length);
      expect(wrong).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
