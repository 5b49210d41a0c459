/** Forger 17, 18, 08: the DuckDB path refuses pools that break spec §3, compares canonically, and checks announcements. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, LIST, VARCHAR, listValue } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { commitPool, createSeed, drawTargets, verifyTargetDraw } from "../../src/index.js";
import { isCanonicalText } from "../../src/draw/targets/_pool.js";
import { commitPoolInDuckDb, drawTargetsInDuckDb, verifyTargetDrawInDuckDb } from "../../src/duckdb/index.js";
import { LISTED_PER_RULE, SUSPICIOUS_ID_SQL } from "../../src/duckdb/_poolChecks.js";
import { poolIdProblem } from "../../src/draw/targets/_pool.js";
import { ShuangsuijiError } from "../../src/errors/ShuangsuijiError.js";

const dir = mkdtempSync(join(tmpdir(), "ssj-duckdb-rules-"));
const seed = createSeed("00112233445566778899aabbccddeeff", { kind: "other", description: "pool rules" });
const eligibility = { registeredOnOrBefore: "2021-12-31", statuses: ["operating" as const] };
type Row = { id: string; riskClass: string; registrationDate?: string; status?: string };
const csvOf = (name: string, pool: readonly Row[]) => {
  const file = join(dir, name);
  const q = (v: string | undefined) => (v === undefined ? "" : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  writeFileSync(file, ["id,risk_class,registration_date,status", ...pool.map((u) => [u.id, u.riskClass, u.registrationDate, u.status].map(q).join(","))].join("\n") + "\n");
  return file;
};
const good: Row[] = Array.from({ length: 10 }, (_, i) => ({ id: `U-${i}`, riskClass: i % 2 ? "B" : "A", registrationDate: "2015-01-01", status: "operating" }));
const rulesOf = (e: unknown) => (e instanceof ShuangsuijiError ? [...new Set(e.issues.map((i) => i.rule))].sort() : []);
const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e;
  }
  return undefined;
};

describe("DuckDB pool rules (docs/spec-v1.md §3)", () => {
  const bad: Row[] = [
    ...good,
    { id: "U-1", riskClass: "A", registrationDate: "2015-01-01", status: "operating" }, // U-1 also in class B
    { id: "U-\u200b2", riskClass: "C", registrationDate: "2015-01-01", status: "operating" }, // a look-alike of U-2
    { id: "U-20", riskClass: "A", registrationDate: "2021-02-30", status: "operating" }, // no such day
    { id: "U-21", riskClass: "A", registrationDate: "2021/3/1", status: "operating" }, // another spelling
    { id: "U-22", riskClass: "a", status: "operating" }, // not a class
  ];
  const file = csvOf("bad.csv", bad);
  const js = (() => {
    try {
      commitPool(bad as never, { eligibility });
    } catch (e) {
      return e;
    }
  })();

  it("commitPoolInDuckDb refuses the pool as a whole with commitPool's rules, naming the rows", async () => {
    const e = await refusal(commitPoolInDuckDb({ file }, { eligibility }));
    expect(e).toBeInstanceOf(ShuangsuijiError);
    expect((e as ShuangsuijiError).code).toBe("invalid-input");
    expect(rulesOf(e)).toEqual(rulesOf(js));
    expect(rulesOf(e)).toEqual(["civil-date", "risk-class", "unique-ids", "unit-id-canonical"]);
    const values = (e as ShuangsuijiError).issues.map((i) => (i as { value?: unknown }).value);
    expect(values).toEqual(expect.arrayContaining(["U-1", "U-\u200b2", "2021-02-30", "2021/3/1", "a"]));
  });

  it("drawTargetsInDuckDb refuses it before the seed is used, whatever the seed; verifyTargetDrawInDuckDb reports it", async () => {
    // a commitment made elsewhere (of the good rows): the draw must fail on the pool rules, not on the commitment
    const commitment = commitPool(good as never, { eligibility });
    for (const s of [seed, createSeed("ffeeddccbbaa99887766554433221100", { kind: "other", description: "another" })]) {
      const e = await refusal(drawTargetsInDuckDb({ taskId: "T-17", pool: { file }, seed: s, commitment, policy: { strata: { A: { ratio: 0.5 }, B: { ratio: 0.5 } } } }));
      expect(rulesOf(e)).toEqual(rulesOf(js));
    }
    const record = drawTargets({ taskId: "T-17", pool: good as never, seed, commitment, policy: { strata: { A: { ratio: 0.5 }, B: { ratio: 0.5 } } } });
    const v = await verifyTargetDrawInDuckDb(record, { file });
    expect(v.ok).toBe(false);
    expect(verifyTargetDraw(record, bad as never).ok).toBe(false);
    expect(!v.ok && v.mismatches.map((m) => m.field)).toEqual(expect.arrayContaining(["pool.U-1.id", "pool.U-20.registrationDate"]));
  });

  it("lists at most a bounded number of rows per rule and counts them all", async () => {
    const many: Row[] = [...good, ...Array.from({ length: LISTED_PER_RULE + 7 }, (_, i) => ({ id: `D-${i}`, riskClass: "A", registrationDate: `2020-02-${30 + (i % 2)}` }))];
    const e = (await refusal(commitPoolInDuckDb({ file: csvOf("many.csv", many) }))) as ShuangsuijiError;
    const dates = e.issues.filter((i) => i.rule === "civil-date");
    expect(dates.length).toBe(LISTED_PER_RULE + 1);
    expect(dates.at(-1)?.messageEn).toContain(`${LISTED_PER_RULE + 7} in all`);
  });

  it("a pool without a registration date column is checked without it", async () => {
    const file2 = join(dir, "plain.csv");
    writeFileSync(file2, "id,risk_class\n" + good.map((u) => `${u.id},${u.riskClass}`).join("\n") + "\nU-3,A\n");
    expect(rulesOf(await refusal(commitPoolInDuckDb({ file: file2 })))).toEqual(["unique-ids"]);
  });

  it("SQL clears an id only when the pool-id rule accepts it: every BMP code point, alone, inside and at either end, and USCC shapes", async () => {
    const ids: string[] = ["", " ", "a b", "a  b", " a", "a ", "e\u0301", "\u00e9", "Ａ", "U\u00a0X", "\u3000U", "U\u3000",
      "91350100m000100y43", "91350100M000100Y43", "91350100 M000100Y43", "913501 00M000 100Y43", "9135010 0M000100Y4 3x"];
    for (let c = 1; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue; // DuckDB text is UTF-8: no lone surrogates
      const ch = String.fromCharCode(c);
      ids.push(`U${ch}X`, `${ch}U`, `U${ch}`);
    }
    ids.push("U\u{1D173}X", "\u{E0001}U", "U\u{1F600}"); // astral: a Cf, a tag, an emoji
    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    const r = await con.runAndReadAll(`SELECT i, ${SUSPICIOUS_ID_SQL("id")} AS suspicious FROM (SELECT unnest($1::VARCHAR[]) AS id, generate_subscripts($1::VARCHAR[], 1) AS i)`, [listValue(ids)], [LIST(VARCHAR)]);
    const clearedButBad: string[] = [];
    let cleared = 0;
    for (const row of r.getRowObjectsJS()) {
      const id = ids[Number(row["i"]) - 1] as string;
      if (row["suspicious"] as boolean) continue; // judged by poolIdProblem itself (checkPoolInEngine)
      cleared++;
      if (poolIdProblem(id) !== undefined) clearedButBad.push(JSON.stringify(id));
    }
    con.closeSync();
    db.closeSync();
    expect(clearedButBad.slice(0, 20)).toEqual([]);
    expect(cleared).toBeGreaterThan(200); // plain ASCII ids are cleared in SQL, not fetched
  });
});

describe("verifyTargetDrawInDuckDb: canonical comparison (forger 18) and announced inputs (forger 08)", () => {
  const pool = good.map((u) => ({ id: u.id, riskClass: u.riskClass }));
  const file = csvOf("plain2.csv", pool);
  const policy = { strata: { A: { count: 2 }, B: { count: 2 } } };
  const record = drawTargets({ taskId: "T-18", pool, seed, commitment: commitPool(pool), policy });
  const reverse = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(reverse) : v !== null && typeof v === "object" ? Object.fromEntries(Object.keys(v).reverse().map((k) => [k, reverse((v as Record<string, unknown>)[k])])) : v;

  it("the member order of the published text does not change the verdict", async () => {
    const reordered = reverse(JSON.parse(JSON.stringify(record))) as typeof record;
    expect(await verifyTargetDrawInDuckDb(reordered, { file })).toEqual(verifyTargetDraw(reordered, pool));
    expect((await verifyTargetDrawInDuckDb(reordered, { file })).ok).toBe(true);
  });

  it("compares the record with the announced inputs as verifyTargetDraw does", async () => {
    const announced = { poolCommitmentDigest: record.poolCommitment.digest, seed, taskId: "T-18", policy };
    expect((await verifyTargetDrawInDuckDb(record, { file }, announced)).ok).toBe(true);
    const wrong = { ...announced, policy: { strata: { A: { count: 3 }, B: { count: 2 } } }, poolCommitmentDigest: "0".repeat(64) };
    const v = await verifyTargetDrawInDuckDb(record, { file }, wrong);
    const j = verifyTargetDraw(record, pool, wrong);
    expect(v).toEqual(j);
    expect(!v.ok && v.mismatches.map((m) => m.field)).toEqual(expect.arrayContaining(["announced.poolCommitmentDigest"]));
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error("boom"); } });
    const h = await verifyTargetDrawInDuckDb(record, { file }, hostile as never);
    expect(h.ok).toBe(false);
    expect(!h.ok && h.mismatches.some((m) => m.field.startsWith("announced"))).toBe(true);
  });
});
