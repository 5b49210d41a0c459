// In-process tests of the command line's parts: the fast stage-1 sampler used by `fairness`, the replayed parallel
// assessment, progress lines, the text table, encoding sniffing and atomic writes.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assessFairness, stage1Sampler, CANARY_SAMPLERS } from "../../src/stats/index.js";
import { fastStage1Sampler, runFairnessJob, assessFairnessParallel } from "../../src/cli/_fairness.js";
import { progressLine } from "../../src/cli/_progress.js";
import { textTable } from "../../src/cli/_commands.js";
import { safePrefix, sniffEncoding, writeFileAtomic } from "../../src/cli/_files.js";
import { fingerprintSet } from "../../src/cli/_pool.js";
import { FileError } from "../../src/cli/_errors.js";

const seedArb = fc.uint8Array({ minLength: 16, maxLength: 32 }).map((b) => Buffer.from(b).toString("hex"));
const idsArb = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 24 }).map((s) => s.trim()).filter((s) => s !== ""), { minLength: 1, maxLength: 60 });

describe("fastStage1Sampler", () => {
  it("selects exactly what stage1Sampler selects (same indices, same order)", () => {
    fc.assert(
      fc.property(idsArb, fc.nat(), seedArb, (ids, kRaw, seed) => {
        const k = kRaw % (ids.length + 1);
        expect([...fastStage1Sampler(ids, k, seed)]).toEqual([...stage1Sampler(ids, k, seed)]);
      }),
      { numRuns: 300 },
    );
  });
});

describe("parallel fairness", () => {
  const pool = Array.from({ length: 90 }, (_, i) => ({ id: `U${i}`, riskClass: i < 60 ? "A" : "B" }));
  const policy = { strata: { A: { ratio: 0.1 }, B: { count: 3 } } };
  const off = { tick: () => undefined, end: () => undefined };
  it("a job split into run ranges gives the same selections as one range", () => {
    const strata = [{ riskClass: "A", ids: pool.slice(0, 60).map((u) => u.id), k: 6 }];
    const whole = runFairnessJob({ strata, baseSeed: "s", sampler: "real", from: 0, to: 40 }, () => undefined)[0] as Int32Array;
    const a = runFairnessJob({ strata, baseSeed: "s", sampler: "real", from: 0, to: 17 }, () => undefined)[0] as Int32Array;
    const b = runFairnessJob({ strata, baseSeed: "s", sampler: "real", from: 17, to: 40 }, () => undefined)[0] as Int32Array;
    expect([...a, ...b]).toEqual([...whole]);
  });
  it("equals assessFairness with the real sampler, and with a canary (inline path)", async () => {
    const inline = await assessFairnessParallel({ pool, policy, runs: 500, baseSeed: "x", alpha: 1e-4, sampler: "real", workers: 1, workerScript: new URL(import.meta.url), progress: off });
    expect(inline).toEqual(assessFairness({ pool, policy, runs: 500, baseSeed: "x", alpha: 1e-4 }));
    const canary = await assessFairnessParallel({ pool, policy, runs: 500, baseSeed: "x", alpha: 1e-4, sampler: "systematic", workers: 1, workerScript: new URL(import.meta.url), progress: off });
    expect(canary).toEqual(assessFairness({ pool, policy, runs: 500, baseSeed: "x", alpha: 1e-4, sampler: CANARY_SAMPLERS.systematic }));
  });
});

describe("fingerprintSet", () => {
  it("finds every repeated id, never a fresh one (within what a 64-bit fingerprint can tell), across growth", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 400 }), (ids) => {
        const set = fingerprintSet();
        const exact = new Set<string>();
        for (const id of ids) {
          expect(set.add(id)).toBe(exact.has(id));
          exact.add(id);
        }
      }),
      { numRuns: 200 },
    );
    const big = fingerprintSet();
    for (let i = 0; i < 200_000; i++) expect(big.add(`9141130${i}`)).toBe(false);
    expect(big.add("91411305")).toBe(true);
  });
});

describe("progress, tables, encodings, atomic writes", () => {
  it("progress lines show percent, rate and ETA", () => {
    expect(progressLine("读取 reading", "rows", 250_000, 1_000_000, 2)).toBe("读取 reading  25% 250k/1.0M rows · 125k rows/s · 剩余 ETA 6 s");
    expect(progressLine("x", "runs", 0, 10, 0)).toMatch(/ETA \?/);
  });
  it("text tables pad Chinese as double width", () => {
    expect(textTable([["类别", "x"], ["A", "y"]])).toEqual(["类别  x", "A     y"]);
  });
  it("sniffs BOMs, UTF-16 without a BOM, GB18030, and refuses binary", () => {
    expect(sniffEncoding("f", new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: "utf-8", bom: 3 });
    expect(sniffEncoding("f", new Uint8Array([0xff, 0xfe, 0x41, 0]))).toEqual({ encoding: "utf-16le", bom: 2 });
    expect(sniffEncoding("f", new Uint8Array(Buffer.from("ab,cd\n", "utf16le")))).toEqual({ encoding: "utf-16le", bom: 0 });
    expect(sniffEncoding("f", new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]))).toEqual({ encoding: "gb18030", bom: 0 }); // 你好 in GBK
    expect(() => sniffEncoding("f", new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 0, 0, 0]))).toThrow(FileError);
    expect(() => sniffEncoding("f", new Uint8Array([0x80, 0xff, 0x80, 0xff]))).toThrow(/undecodable/);
  });
  it("sniffs with the library's decodeText on a prefix cut at a line break, so a character cut by the head is no problem", () => {
    const line = "企业名称,统一社会信用代码\n";
    const utf8 = new Uint8Array(Buffer.from(line.repeat(5000)));
    for (const cut of [1000, 1001, 1002]) {
      expect(sniffEncoding("f", utf8.subarray(0, cut))).toEqual({ encoding: "utf-8", bom: 0 }); // not mistaken for GB18030
      expect(safePrefix(utf8.subarray(0, cut), false).at(-1)).toBe(0x0a);
    }
    const u16 = new Uint8Array(Buffer.from(line.repeat(100), "utf16le"));
    for (const cut of [301, 302, 303]) expect(sniffEncoding("f", u16.subarray(0, cut))).toEqual({ encoding: "utf-16le", bom: 0 });
    expect(safePrefix(u16.subarray(0, 301), false).length % 2).toBe(0);
    // GB18030 with its byte-order mark (84 31 95 33), as decodeText knows it
    expect(sniffEncoding("f", new Uint8Array([0x84, 0x31, 0x95, 0x33, 0xc4, 0xe3, 0x0a]), true)).toEqual({ encoding: "gb18030", bom: 4 });
  });
  it("atomic writes replace the whole file and leave no temporary file", () => {
    const dir = mkdtempSync(join(tmpdir(), "ssj-atomic-"));
    writeFileSync(join(dir, "o.json"), "old");
    writeFileAtomic(join(dir, "o.json"), "new");
    expect(readFileSync(join(dir, "o.json"), "utf8")).toBe("new");
    expect(() => writeFileAtomic(join(dir, "missing/o.json"), "x")).toThrow(FileError);
    expect(readdirSync(dir)).toEqual(["o.json"]);
  });
});
