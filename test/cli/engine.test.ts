// `--engine duckdb` on commit, draw and verify (issue 16 item 3): the built bin, DuckDB in process.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { commitPool, createSeed, drawTargets, verifyTargetDraw } from "../../src/index.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const BIN = join(ROOT, "dist/cli.js");
const dir = mkdtempSync(join(tmpdir(), "ssj-cli-engine-"));
const path = (f: string) => join(dir, f);
const cli = (env: Record<string, string>, ...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: dir, env: { ...process.env, NO_COLOR: "1", SHUANGSUIJI_PROGRESS: "", ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const pool = Array.from({ length: 60 }, (_, i) => ({ id: `9135${String(i).padStart(14, "0")}`, riskClass: "ABCD"[i % 4] as string, registrationDate: `20${String(10 + (i % 15))}-03-0${1 + (i % 9)}`, status: i % 7 === 0 ? "deregistered" : "operating" }));
writeFileSync(path("pool.csv"), "uscc,risk_class,registration_date,status\n" + pool.map((u) => `${u.id},${u.riskClass},${u.registrationDate},${u.status}`).join("\n") + "\n");
const SEED = "00112233445566778899aabbccddeeff";
const policy = { strata: { A: { ratio: 0.2 }, B: { count: 3 }, C: { ratio: 0.5 } } };
writeFileSync(path("policy.json"), JSON.stringify(policy));
const E = ["--engine", "duckdb", "--pool", "pool.csv", "--column", "id=uscc"];

describe("shuangsuiji --engine duckdb", () => {
  it("commit, draw and verify give the library's commitment and record; verify says IDENTICAL", () => {
    const c = cli({}, "commit", ...E, "--registered-before", "2021-12-31", "--status", "存续", "--out", "commitment.json");
    expect(c.code, c.err).toBe(0);
    const eligibility = { registeredOnOrBefore: "2021-12-31", statuses: ["operating" as const] };
    const expectedCommitment = commitPool(pool as never, { eligibility });
    expect(JSON.parse(readFileSync(path("commitment.json"), "utf8")).digest).toBe(expectedCommitment.digest);
    const d = cli({ SHUANGSUIJI_PROGRESS: "1" }, "draw", ...E, "--commitment", "commitment.json", "--policy", "policy.json", "--task", "T-E", "--seed", SEED, "--out", "record.json");
    expect(d.code, d.err).toBe(0);
    const record = JSON.parse(readFileSync(path("record.json"), "utf8"));
    const seed = createSeed(SEED, { kind: "other", description: "given on the command line" });
    const expected = drawTargets({ taskId: "T-E", pool: pool as never, seed, commitment: expectedCommitment, policy });
    expect(JSON.stringify(record)).toBe(JSON.stringify(expected));
    expect(verifyTargetDraw(record, pool as never).ok).toBe(true);
    const v = cli({}, "verify", ...E, "--record", "record.json");
    expect(v.code, v.err).toBe(0);
    expect(v.out).toMatch(/^一致 \/ IDENTICAL/);
    // a forged record: exit 1 with the differences
    writeFileSync(path("forged.json"), JSON.stringify({ ...record, taskId: "T-F" }));
    const f = cli({}, "verify", ...E, "--record", "forged.json", "--json");
    expect(f.code).toBe(1);
    expect(JSON.parse(f.out).ok).toBe(false);
  });

  it("refuses a pool that breaks spec §3, options the engine path does not support, and engine options without --engine", () => {
    writeFileSync(path("dup.csv"), "id,risk_class\nU1,A\nU2,B\nU1,B\n");
    const bad = cli({}, "commit", "--engine", "duckdb", "--pool", "dup.csv");
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/U1\.id: .*ids must be unique/);
    const t = cli({}, "commit", ...E, "--table", "B.2");
    expect(t.code).toBe(2);
    expect(t.err).toMatch(/--engine duckdb does not take --table/);
    const n = cli({}, "commit", "--pool", "pool.csv", "--threads", "2");
    expect(n.code).toBe(2);
    expect(n.err).toMatch(/--threads goes with --engine duckdb/);
    const x = cli({}, "commit", "--engine", "spark", "--pool", "pool.csv");
    expect(x.code).toBe(2);
    expect(cli({}, "draw", "--help").out).toMatch(/--engine <duckdb>/);
  });
});
