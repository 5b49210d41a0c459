// End-to-end: spawns the built bin (dist/cli.js, built by test/globalSetup.ts) on fixtures and on the shipped examples.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeXlsx } from "../files/_fixtures.js";
import { seedFromDice } from "../../src/draw/seeds/seedFromDice.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const BIN = join(ROOT, "dist/cli.js");
const FIX = (f: string) => new URL(`./fixtures/${f}`, import.meta.url).pathname;
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: dir, env: { ...process.env, NO_COLOR: "1", SHUANGSUIJI_PROGRESS: "" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const dir = mkdtempSync(join(tmpdir(), "ssj-cli-"));
const path = (f: string) => join(dir, f);
const DICE = ["--dice", "314159265358979323846264338327950288419", "--witness", "张伟", "--witness", "李娜", "--date", "2026-04-01"];
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at |node:internal|TypeError|RangeError/);

describe("shuangsuiji CLI: the README walk-through on examples/data", () => {
  const pool = join(ROOT, "examples/data/pool.csv");
  it("commit prints the digest and counts to publish", () => {
    const r = cli("commit", "--pool", pool, "--registered-before", "2021-12-31", "--status", "存续", "--out", "commitment.json");
    expect(r.code, r.err).toBe(0);
    const c = JSON.parse(readFileSync(path("commitment.json"), "utf8"));
    expect(r.out).toContain(c.digest);
    expect(r.out).toMatch(/合格 eligible 2385/);
    expect(c.eligibility).toEqual({ registeredOnOrBefore: "2021-12-31", statuses: ["operating"] });
  });
  it("draw prints who was drawn per stratum; verify ends with a one-line verdict; ticket checks one unit", () => {
    const d = cli("draw", "--pool", pool, "--commitment", "commitment.json", "--policy", join(ROOT, "examples/data/policy.json"), "--task", "2026-T01", ...DICE, "--out", "record.json");
    expect(d.code, d.err).toBe(0);
    const record = JSON.parse(readFileSync(path("record.json"), "utf8"));
    expect(d.out).toContain(`抽中 ${record.selectedCount} 户`);
    const first = record.strata[0].selected[0];
    expect(d.out).toMatch(new RegExp(`A\\s+${first.unitId}\\s+南阳市`));
    expect(d.out).toContain(record.digest);
    // what was announced before the draw: the commitment of step 1, the task, the policy, the seed of the ceremony
    const announced = { commitment: JSON.parse(readFileSync(path("commitment.json"), "utf8")), taskId: "2026-T01", policy: JSON.parse(readFileSync(join(ROOT, "examples/data/policy.json"), "utf8")), seed: seedFromDice({ digits: DICE[1] as string, witnesses: ["张伟", "李娜"], date: "2026-04-01" }) };
    writeFileSync(path("announced.json"), JSON.stringify(announced));
    const v = cli("verify", "--record", "record.json", "--pool", pool, "--announced", "announced.json");
    expect(v.code).toBe(0);
    expect(v.out.trim().split("\n")).toHaveLength(1);
    expect(v.out).toMatch(/^一致 \/ IDENTICAL: .* 3000 个单位 units in the pool, 2385 合格 eligible, \d+ 抽中 selected in 4 类 strata/);
    const t = cli("ticket", "--record", "record.json", "--id", first.unitId, "--class", "A");
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/status\s+selected/);
  });
  it("verify against the wrong pool: a bounded list and a summary verdict, exit 1", () => {
    const v = cli("verify", "--record", "record.json", "--pool", join(ROOT, "examples/data/targets.json"));
    expect(v.code).toBe(1);
    const lines = v.out.trim().split("\n");
    expect(lines.length).toBeLessThanOrEqual(22);
    expect(lines.at(-1)).toMatch(/^不一致 \/ MISMATCH: \d+ 处差异 .*the pool is not the committed one/);
  });
});

describe("shuangsuiji CLI: commands", () => {
  it("commit → draw → verify → ticket on a small CSV; without --out the document goes to stdout and the summary to stderr", () => {
    const c = cli("commit", "--pool", FIX("pool-good.csv"));
    expect(c.code).toBe(0);
    expect(JSON.parse(c.out).digest).toMatch(/^[0-9a-f]{64}$/);
    expect(c.err).toContain(JSON.parse(c.out).digest);
    writeFileSync(path("c.json"), c.out);
    const draw = cli("draw", "--pool", FIX("pool-good.csv"), "--commitment", "c.json", "--policy", FIX("policy.json"), "--task", "T-E2E", ...DICE, "--out", "r.json");
    expect(draw.code, draw.err).toBe(0);
    const record = JSON.parse(readFileSync(path("r.json"), "utf8"));
    expect(record.seed.provenance.kind).toBe("dice");
    expect(record.strata.map((s: { quota: number }) => s.quota)).toEqual([2, 1]);
    expect(cli("verify", "--record", "r.json", "--pool", FIX("pool-good.csv")).code).toBe(0);
    const unit = record.strata[0].selected[0].unitId as string;
    const t = cli("ticket", "--record", "r.json", "--id", unit, "--class", "A", "--json");
    expect(t.code).toBe(0);
    expect(JSON.parse(t.out)).toMatchObject({ ticket: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
  it("verify exits 1 and lists every mismatch for a tampered record (--json)", () => {
    const record = JSON.parse(readFileSync(path("r.json"), "utf8"));
    record.strata[1].selected[0].unitId = "91110000802100433B" === record.strata[1].selected[0].unitId ? "914403001922038216" : "91110000802100433B";
    record.strata[0].quota = 3;
    writeFileSync(path("tampered.json"), JSON.stringify(record));
    const v = cli("verify", "--record", "tampered.json", "--pool", FIX("pool-good.csv"), "--json");
    expect(v.code).toBe(1);
    const fields = JSON.parse(v.out).mismatches.map((m: { field: string }) => m.field);
    expect(fields).toEqual(expect.arrayContaining(["digest", "strata.A.quota", "strata.B.selected[0].unitId"]));
  });
  it("--version, --help per command with its options and the policy format", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(cli("--version").out.trim()).toBe(pkg.version);
    const h = cli("draw", "--help");
    expect(h.code).toBe(0);
    for (const o of ["--pool", "--commitment", "--policy", "--task", "--dice", "--witness", "--date", "--seed", "--out"]) expect(h.out).toContain(o);
    expect(h.out).toMatch(/Policy format/);
    expect(h.out).toMatch(/Exit codes/);
    expect(cli("help", "fairness").out).toMatch(/--sampler/);
    expect(cli("--help").code).toBe(0);
    expect(cli().code).toBe(2);
  });
  it("unknown and irrelevant options, bad values: exit 2, bilingual, once, no internal path", () => {
    const cases: [string[], RegExp][] = [
      [["frobnicate"], /未知命令 frobnicate \/ unknown command/],
      [["verify", "--record", "r.json", "--pool", FIX("pool-good.csv"), "--out", "x.json"], /verify 不接受选项 --out.* \/ verify does not take --out \(it belongs to: commit, draw\)/],
      [["commit", "--pool", FIX("pool-good.csv"), "--json"], /commit does not take --json/],
      [["fairness", "--pool", FIX("pool-good.csv"), "--policy", FIX("policy.json"), "--runs", "-5"], /option --runs needs a value/],
      [["fairness", "--pool", FIX("pool-good.csv"), "--policy", FIX("policy.json"), "--runs", "0.1"], /--runs must be a whole number/],
      [["commit", "--pool", FIX("pool-good.csv"), "--registered-before", "2026-02-30"], /--registered-before is not a valid date/],
      [["commit", "--pool", FIX("pool-good.csv"), "--status", "alive"], /--status is not a known status/],
      [["draw", "--pool", FIX("pool-good.csv"), "--commitment", "c.json", "--policy", FIX("policy.json"), "--task", "T", ...DICE.slice(0, 6), "--date", "yesterday"], /--date is not a valid date/],
      [["draw", "--pool", FIX("pool-good.csv"), "--commitment", "c.json", "--policy", FIX("policy.json"), "--task", "T"], /give exactly one of --dice or --seed/],
      [["verify", "--record", "r.json"], /missing --pool/],
      [["draw", "--pool"], /--pool needs a value/],
      [["verify", "stray"], /unexpected argument stray/],
      [["fairness", "--pool", FIX("pool-good.csv"), "--policy", FIX("policy.json"), "--commitment", "c.json", "--status", "存续"], /do not also give/],
    ];
    for (const [args, re] of cases) {
      const r = cli(...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err).toMatch(re);
      expect(r.err.match(/错误 \/ error/g)).toHaveLength(1);
      noStack(r.err);
    }
  });
  it("--status accepts the Chinese names import accepts", () => {
    const r = cli("commit", "--pool", FIX("pool-good.csv"), "--status", "存续", "--status", "operating");
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).eligibility.statuses).toEqual(["operating"]);
  });
  it("bad rows: exit 3 with every row, column and rule, and a count", () => {
    const r = cli("commit", "--pool", FIX("pool-bad-rows.csv"));
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/row 2, 统一社会信用代码: .*校验码/);
    expect(r.err).toMatch(/row 3, 信用风险分类/);
    expect(r.err).toMatch(/2 行有误.* \/ 2 bad row\(s\) of \d+: nothing was done/);
  });
  it("an id repeated in another batch of a long CSV is reported with both rows", () => {
    const lines = readFileSync(join(ROOT, "examples/data/pool.csv"), "utf8").trimEnd().split("\r\n");
    writeFileSync(path("dup.csv"), `${[...lines, lines[5]].join("\r\n")}\r\n`);
    const r = cli("commit", "--pool", path("dup.csv"));
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/第3002行 row 3002, .*标识不能重复：与第6行重复 \/ ids must be unique: same as row 6/);
    expect(r.err).toMatch(/1 bad row\(s\) of 3001/);
  });
  it("the messy import example is refused with its two bad rows", () => {
    const r = cli("commit", "--pool", join(ROOT, "examples/data/targets-county.csv"));
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/2 bad row\(s\) of 20/);
  });
  it("a weak seed is refused", () => {
    const r = cli("draw", "--pool", FIX("pool-good.csv"), "--commitment", "c.json", "--policy", FIX("policy.json"), "--task", "T", "--seed", "abcd", "--provenance", "x");
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/seed-too-weak/);
  });
  it("an invalid policy names the field in both languages", () => {
    const r = cli("fairness", "--pool", FIX("pool-good.csv"), "--policy", FIX("policy-invalid.json"));
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/strata\.A\.ratio/);
    noStack(r.err);
  });
});

describe("shuangsuiji CLI: bad files (issue 17 item 4)", () => {
  mkdirSync(path("a-directory"));
  writeFileSync(path("empty.csv"), "");
  writeFileSync(path("empty.json"), "");
  writeFileSync(path("truncated.json"), '{"kind":"target-draw","strata":[');
  writeFileSync(path("garbage.csv"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
  writeFileSync(path("latin1.csv"), Buffer.concat([Buffer.from("行政相对人名称,统一社会信用代码\n", "utf8"), Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x0a])]).subarray(3 * 7 + 1));
  writeFileSync(path("huge-line.csv"), `a,b\n${"x".repeat(2 ** 20 + 10)},1\n`);
  writeFileSync(path("header-only.csv"), "行政相对人名称,统一社会信用代码,行政区划代码,信用风险分类\n");
  writeFileSync(path("not-a-record.json"), JSON.stringify({ kind: "target-draw" }));
  writeFileSync(path("array.json"), "[]");
  writeFileSync(path("sheet.xlsx"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
  writeFileSync(path("legacy.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
  const cases: [string, string[], RegExp][] = [
    ["missing file", ["commit", "--pool", path("missing.csv")], /missing\.csv: 文件不存在 \/ file not found$/],
    ["directory", ["commit", "--pool", path("a-directory")], /is a directory, not a file$/],
    ["empty CSV", ["commit", "--pool", path("empty.csv")], /文件为空 \/ the file is empty$/],
    ["empty JSON", ["verify", "--record", path("empty.json"), "--pool", FIX("pool-good.csv")], /the file is empty$/],
    ["truncated JSON", ["verify", "--record", path("truncated.json"), "--pool", FIX("pool-good.csv")], /JSON不完整.* \/ truncated JSON/],
    ["binary garbage", ["commit", "--pool", path("garbage.csv")], /(binary file, not text \(it contains NUL bytes\)|undecodable text \(tried UTF-8, UTF-16, GB18030\/GBK\))$/],
    ["huge line", ["commit", "--pool", path("huge-line.csv")], /a record longer than 1048576 characters/],
    ["header only", ["commit", "--pool", path("header-only.csv")], /only a header row, no data rows$/],
    ["malformed CSV", ["commit", "--pool", FIX("pool-malformed.csv")], /unbalanced quotes|malformed CSV/],
    ["damaged record", ["ticket", "--record", path("not-a-record.json"), "--id", "X", "--class", "A"], /not a complete target-draw record \(taskId\)$/],
    ["damaged record (verify)", ["verify", "--record", path("not-a-record.json"), "--pool", FIX("pool-good.csv")], /not a complete target-draw record/],
    ["not a commitment", ["draw", "--pool", FIX("pool-good.csv"), "--commitment", path("array.json"), "--policy", FIX("policy.json"), "--task", "T", ...DICE], /not a pool commitment/],
    ["a damaged workbook", ["commit", "--pool", path("sheet.xlsx")], /sheet\.xlsx|xlsx|workbook|ZIP/i],
    ["a legacy .xls workbook", ["commit", "--pool", path("legacy.xls")], /\.xls|Excel 97|legacy|unsupported/i],
    ["policy is a directory", ["fairness", "--pool", FIX("pool-good.csv"), "--policy", path("a-directory")], /is a directory, not a file$/],
  ];
  for (const [name, args, re] of cases) {
    it(`${name}: one bilingual line, exit 3, no stack trace`, () => {
      const r = cli(...args);
      expect(r.code, r.err).toBe(3);
      const lines = r.err.trim().split("\n");
      expect(lines, r.err).toHaveLength(1);
      expect(lines[0]).toMatch(/^错误 \/ error: /);
      expect(lines[0]).toMatch(re);
      noStack(r.err);
    });
  }
  it("--out into a missing directory: exit 4, nothing written; a failed run leaves an existing output untouched", () => {
    const r = cli("commit", "--pool", FIX("pool-good.csv"), "--out", path("no-such-dir/c.json"));
    expect(r.code).toBe(4);
    expect(r.err.trim()).toMatch(/^错误 \/ error: .*cannot write the output file/);
    writeFileSync(path("keep.json"), "previous");
    expect(cli("commit", "--pool", path("missing.csv"), "--out", "keep.json").code).toBe(3);
    expect(readFileSync(path("keep.json"), "utf8")).toBe("previous");
    expect(cli("commit", "--pool", FIX("pool-good.csv"), "--out", "a-directory").code).toBe(4);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
  it("UTF-16 and GBK CSVs are decoded (the encoding is detected, not assumed)", () => {
    const text = readFileSync(FIX("pool-good.csv"), "utf8").replace(/^\uFEFF/, "");
    writeFileSync(path("utf16.csv"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    const gbk = new Uint8Array([...text].flatMap((ch) => [...gbkBytes(ch)]));
    writeFileSync(path("gbk.csv"), gbk);
    const expected = JSON.parse(cli("commit", "--pool", FIX("pool-good.csv")).out).digest;
    for (const f of ["utf16.csv", "gbk.csv"]) {
      const r = cli("commit", "--pool", path(f));
      expect(r.code, `${f}: ${r.err}`).toBe(0);
      expect(JSON.parse(r.out).digest).toBe(expected);
    }
  });
});

describe("shuangsuiji CLI: spreadsheets", () => {
  it("an .xlsx pool (with a title row) commits to the same digest as the same table in CSV", () => {
    const grid = parseCsv(readFileSync(FIX("pool-good.csv"), "utf8"));
    const rows = grid.map((r) => r.map((c) => (c === "" ? null : c)));
    writeFileSync(path("pool.xlsx"), makeXlsx([{ name: "对象名录", rows: [["双随机抽查对象名录"], ...rows] }]));
    const expected = JSON.parse(cli("commit", "--pool", FIX("pool-good.csv")).out).digest;
    const r = cli("commit", "--pool", path("pool.xlsx"));
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).digest).toBe(expected);
  });
});

/** A tiny CSV splitter for the fixture (no quoted commas in pool-good.csv). */
function parseCsv(text: string): string[][] {
  return text.replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l !== "").map((l) => l.split(","));
}

/** GBK bytes of one character, found by searching the decoder (Node has no GBK encoder); ASCII as is. */
function gbkBytes(ch: string): number[] {
  if (ch.charCodeAt(0) < 0x80) return [ch.charCodeAt(0)];
  const dec = new TextDecoder("gbk");
  for (let hi = 0x81; hi <= 0xfe; hi++) for (let lo = 0x40; lo <= 0xfe; lo++) if (dec.decode(new Uint8Array([hi, lo])) === ch) return [hi, lo];
  throw new Error(`no GBK code for ${ch}`);
}

describe("shuangsuiji CLI: fairness", () => {
  const pool = Array.from({ length: 120 }, (_, i) => ({ id: `U${String(i).padStart(3, "0")}`, riskClass: i < 100 ? "A" : "B", registrationDate: i % 10 === 0 ? "2025-01-01" : "2019-01-01" }));
  writeFileSync(path("pool120.json"), JSON.stringify(pool));
  it("JSON report with p-values, the eligible pool only, and an HTML report with its inputs", () => {
    const r = cli("fairness", "--pool", "pool120.json", "--policy", '{"strata":{"A":{"ratio":0.05},"B":{"ratio":1}}}', "--registered-before", "2021-12-31", "--runs", "3000", "--html", "report.html", "--json");
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.passed).toBe(true);
    expect(report.eligible).toBe(108);
    expect(report.strata[0].size).toBe(90);
    expect(report.strata[0].tests.map((t: { test: string }) => t.test)).toEqual(["inclusion chi-square (SRSWOR-scaled)", "per-unit binomial bounds (Bonferroni)", "adjacent-pair co-selection"]);
    expect(report.strata[1].skipped).toMatch(/census/);
    // family-wise α: Bonferroni over the report's 3 tests, raw and adjusted p-values (hostile9a finding 6)
    expect([report.alpha, report.testCount, report.correction]).toEqual([1e-4, 3, "bonferroni"]);
    for (const t of report.strata[0].tests) expect(t.adjustedPValue).toBe(Math.min(1, 3 * t.pValue));
    const html = readFileSync(path("report.html"), "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<svg");
    expect(html).toMatch(/输入 \/ Inputs/);
    // the inputs table once: the caller's inputs replace the report's own settings table, not added beside it
    expect(html.match(/输入 \/ Inputs/g)).toHaveLength(1);
    expect(html).not.toMatch(/运行设置 \/ Run settings/);
    expect(html.match(/pool120\.json \(SHA-256/g)).toHaveLength(1);
    expect(html).toMatch(/shuangsuiji \d+\.\d+\.\d+/);
    expect(html).toContain("registeredOnOrBefore");
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3)/); // self-contained
  });
  it("a negative control (a known-biased sampler) is caught: exit 1", () => {
    const r = cli("fairness", "--pool", "pool120.json", "--policy", '{"strata":{"A":{"ratio":0.05},"B":{"ratio":0.2}}}', "--runs", "4000", "--sampler", "systematic");
    expect(r.code, r.err).toBe(1);
    expect(r.out).toMatch(/未通过 \/ FAILED at family-wise α = 0\.0001 \(Bonferroni: 6 tests, each at 1\.67e-5; adjusted p = min\(1, 6·p\)\).*the negative control was caught/);
    expect(r.out).toMatch(/✗ 拒绝 adjacent-pair co-selection: .*, p = .*, adjusted p = /);
  });
  it("worker threads give the same report as one thread", () => {
    const big = Array.from({ length: 200 }, (_, i) => ({ id: `W${i}`, riskClass: "A" }));
    writeFileSync(path("pool400.json"), JSON.stringify(big));
    const run = (w: string) => JSON.parse(cli("fairness", "--pool", "pool400.json", "--policy", '{"strata":{"A":{"ratio":0.1}}}', "--runs", "2000", "--workers", w, "--json").out);
    expect(run("2")).toEqual(run("1"));
  });
  it("examples do not write into the repository", () => {
    expect(existsSync(join(ROOT, "fairness-report.html"))).toBe(false);
  });
});
