// End-to-end: spawns the built bin (dist/cli.js, built by test/globalSetup.ts) on fixtures.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BIN = new URL("../../dist/cli.js", import.meta.url).pathname;
const FIX = (f: string) => new URL(`./fixtures/${f}`, import.meta.url).pathname;
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const dir = mkdtempSync(join(tmpdir(), "ssj-cli-"));
const path = (f: string) => join(dir, f);

describe("shuangsuiji CLI", () => {
  it("commit → draw → verify → ticket on a good CSV with Chinese headers", () => {
    expect(cli("commit", "--pool", FIX("pool-good.csv"), "--out", path("c.json")).code).toBe(0);
    const draw = cli("draw", "--pool", FIX("pool-good.csv"), "--commitment", path("c.json"), "--policy", FIX("policy.json"), "--task", "T-E2E",
      "--dice", "314159265358979323846264338327950288419", "--witness", "张伟", "--witness", "李娜", "--date", "2026-04-01", "--out", path("r.json"));
    expect(draw.code, draw.err).toBe(0);
    const record = JSON.parse(readFileSync(path("r.json"), "utf8"));
    expect(record.kind).toBe("target-draw");
    expect(record.seed.provenance.kind).toBe("dice");
    expect(record.strata.map((s: { quota: number }) => s.quota)).toEqual([2, 1]);
    const v = cli("verify", "--record", path("r.json"), "--pool", FIX("pool-good.csv"));
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/identical/);
    const unit = record.strata[0].selected[0].unitId as string;
    const t = cli("ticket", "--record", path("r.json"), "--id", unit, "--class", "A", "--json");
    expect(t.code).toBe(0);
    expect(JSON.parse(t.out)).toMatchObject({ listed: true, shouldBeSelected: true, consistent: true });
  });
  it("verify exits 1 and lists every mismatch for a tampered record", () => {
    const record = JSON.parse(readFileSync(path("r.json"), "utf8"));
    record.strata[1].selected[0].unitId = "91110000802100433B" === record.strata[1].selected[0].unitId ? "914403001922038216" : "91110000802100433B";
    record.strata[0].quota = 3;
    writeFileSync(path("tampered.json"), JSON.stringify(record));
    const v = cli("verify", "--record", path("tampered.json"), "--pool", FIX("pool-good.csv"), "--json");
    expect(v.code).toBe(1);
    const fields = JSON.parse(v.out).mismatches.map((m: { field: string }) => m.field);
    expect(fields).toEqual(expect.arrayContaining(["digest", "strata.A.quota", "strata.B.selected[0].unitId"]));
  });
  it("verify exits 1 when the pool differs from the one drawn from", () => {
    writeFileSync(path("pool-changed.json"), JSON.stringify([{ id: "91350100M000100Y43", riskClass: "A" }, { id: "91330100716105852F", riskClass: "A" }]));
    const v = cli("verify", "--record", path("r.json"), "--pool", path("pool-changed.json"));
    expect(v.code).toBe(1);
    expect(v.out).toMatch(/poolCommitment.digest/);
  });
  it("bad rows: exit 3 with every row, column and rule", () => {
    const r = cli("commit", "--pool", FIX("pool-bad-rows.csv"));
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/row 2, 统一社会信用代码: .*校验码/);
    expect(r.err).toMatch(/row 3, 信用风险分类/);
  });
  it("malformed CSV, missing file, invalid policy: exit 3 with a clear message", () => {
    expect(cli("commit", "--pool", FIX("pool-malformed.csv")).err).toMatch(/malformed CSV/);
    expect(cli("commit", "--pool", path("missing.csv")).code).toBe(3);
    const r = cli("fairness", "--pool", FIX("pool-good.csv"), "--policy", FIX("policy-invalid.json"));
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/strata\.A\.ratio/);
  });
  it("bad arguments: exit 2 with usage", () => {
    expect(cli("frobnicate").code).toBe(2);
    expect(cli("draw", "--pool").code).toBe(2);
    const r = cli("verify", "--record", path("r.json"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/missing --pool/);
    expect(cli("fairness", "--pool", FIX("pool-good.csv"), "--policy", FIX("policy.json"), "--runs", "-5").code).toBe(2);
    expect(cli("--help").code).toBe(0);
  });
  it("a weak seed is refused", () => {
    const r = cli("draw", "--pool", FIX("pool-good.csv"), "--commitment", path("c.json"), "--policy", FIX("policy.json"), "--task", "T", "--seed", "abcd", "--provenance", "x");
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/seed-too-weak/);
  });
  it("fairness: JSON report with p-values and a self-contained HTML report", () => {
    const pool = Array.from({ length: 120 }, (_, i) => ({ id: `U${String(i).padStart(3, "0")}`, riskClass: i < 100 ? "A" : "B" }));
    writeFileSync(path("pool120.json"), JSON.stringify(pool));
    const r = cli("fairness", "--pool", path("pool120.json"), "--policy", '{"strata":{"A":{"ratio":0.05},"B":{"ratio":1}}}', "--runs", "3000", "--html", path("report.html"), "--json");
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.passed).toBe(true);
    expect(report.strata[0].tests.map((t: { test: string }) => t.test)).toEqual(["inclusion chi-square (SRSWOR-scaled)", "per-unit binomial bounds (Bonferroni)", "adjacent-pair co-selection"]);
    expect(report.strata[1].skipped).toMatch(/census/);
    const html = readFileSync(path("report.html"), "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<svg");
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3)/); // self-contained
  });
});
