// hostile9a finding 5, as the clerk reads it: `shuangsuiji verify` on a malformed record prints the broken rule in both
// languages and what the record holds (`记录 record ""`), never zod's issue code as the record's value.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { commitPool, drawTargets } from "../../src/index.js";
import { GOLDEN_OPTIONS, GOLDEN_POLICY, GOLDEN_POOL, GOLDEN_SEED, GOLDEN_TASK } from "../draw/_golden.js";

const BIN = join(new URL("../../", import.meta.url).pathname, "dist/cli.js");
const dir = mkdtempSync(join(tmpdir(), "ssj-cli-mismatch-"));
const record = drawTargets({ taskId: GOLDEN_TASK, pool: GOLDEN_POOL, policy: GOLDEN_POLICY, seed: GOLDEN_SEED, commitment: commitPool(GOLDEN_POOL, GOLDEN_OPTIONS) });
writeFileSync(join(dir, "pool.json"), JSON.stringify(GOLDEN_POOL));
const verify = (edit: (r: Record<string, unknown>) => void) => {
  const r = JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
  edit(r);
  writeFileSync(join(dir, "record.json"), JSON.stringify(r));
  const p = spawnSync(process.execPath, [BIN, "verify", "--record", "record.json", "--pool", "pool.json"], { encoding: "utf8", cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
  return { code: p.status, out: p.stdout + p.stderr };
};

describe("shuangsuiji verify: a malformed record's lines (hostile9a finding 5)", () => {
  it("an empty taskId: the rule in both languages, the record's own value", () => {
    const v = verify((r) => (r.taskId = ""));
    expect(v.code).toBe(1);
    const line = v.out.split("\n").find((l) => l.includes("• taskId:"));
    expect(line).toBeDefined();
    expect(line).toContain('记录 record ""');
    expect(line).toMatch(/schema:too_small: 取值过小或元素过少 \/ too small/);
    expect(v.out).not.toContain('"too_small"');
  });
  it("a missing member is printed as absent, not as undefined", () => {
    const v = verify((r) => delete (r.strata as Record<string, unknown>[])[0]!.threshold);
    expect(v.code).toBe(1);
    const line = v.out.split("\n").find((l) => l.includes("• strata[0].threshold:"));
    expect(line).toContain("记录 record （缺失 absent）");
    expect(v.out).not.toMatch(/record undefined/);
  });
});
