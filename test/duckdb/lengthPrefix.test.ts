/**
 * The DuckDB statements write the likely lengths (an 18-byte id, a 1-byte class, an empty reason) as constants and
 * compute the others (src/sql/_sql.ts, issue 16): ids of every byte length around 18, ASCII and Chinese, commit and
 * draw exactly as the library does.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commitPool, createSeed, drawTargets } from "../../src/index.js";
import { commitPoolInDuckDb, drawTargetsInDuckDb } from "../../src/duckdb/index.js";
import { canonical } from "../sql/_canonical.js";

const seed = createSeed("ffeeddccbbaa99887766554433221100", { kind: "other", description: "length prefixes" });
const taskId = "T-LEN-18";
// byte lengths 1 … 40: ASCII, six Chinese characters (18 bytes), Chinese mixed with ASCII (17, 18, 19 bytes), a
// 4-byte character (18 bytes = 4 + 14)
const ids: string[] = [];
for (let n = 1; n <= 40; n++) ids.push(`X${String(n).padStart(2, "0")}`.padEnd(n, "Z").slice(0, Math.max(n, 3)));
ids.push("企业信用代码", "企业A1234567890", "企业AB123456789012", "企业ABC12345678901", "𠀀9141130300000000", "91411303000000000X", "9141130300000000", "914113030000000000X");
const pool = ids.map((id, i) => ({ id, riskClass: "ABC"[i % 3] as string }));
const rules = { exclusions: [{ unitId: "企业信用代码", reason: "已列入重点监管" }] };
const policy = { strata: { A: { count: 7 }, B: { count: 20 }, C: { count: 9 } } };

describe("length prefixes as constants (DuckDB)", () => {
  it("ids of every byte length around 18, ASCII and Chinese: the same commitment and record as the library", async () => {
    const utf8 = new Set(ids.map((id) => new TextEncoder().encode(id).length));
    expect([17, 18, 19].every((n) => utf8.has(n))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const file = join(mkdtempSync(join(tmpdir(), "ssj-len-")), "pool.csv");
    writeFileSync(file, ["id,risk_class", ...pool.map((u) => `${u.id},${u.riskClass}`)].join("\n") + "\n");
    const expectedCommitment = commitPool(pool, rules);
    const commitment = await commitPoolInDuckDb({ file }, rules);
    expect(commitment.digest).toBe(expectedCommitment.digest);
    const expected = drawTargets({ taskId, pool, seed, commitment: expectedCommitment, policy });
    const record = await drawTargetsInDuckDb({ taskId, pool: { file }, seed, commitment, policy });
    expect(canonical(record)).toBe(canonical(expected));
  });
});
