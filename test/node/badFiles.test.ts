// readCsvTable under bad files (issue 17): each a ShuangsuijiError naming what was tried, never "missing column".
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ShuangsuijiError } from "../../src/index.js";
import { readCsvTable } from "../../src/node/index.js";

const dir = mkdtempSync(join(tmpdir(), "shuangsuiji-badfiles-"));
const header = "企业名称,统一社会信用代码,行政区划代码,信用风险分类\n某某公司,91330100716105852F,411303,B类\n";
const file = (name: string, bytes: Uint8Array | string): string => {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
};
async function failure(path: unknown): Promise<ShuangsuijiError> {
  try {
    await readCsvTable(path as string, "B.1");
  } catch (e) {
    if (e instanceof ShuangsuijiError) return e;
    throw e;
  }
  throw new Error("expected a ShuangsuijiError");
}

describe("readCsvTable bad-file matrix", () => {
  it.each<[string, () => unknown, string, RegExp]>([
    ["missing file", () => join(dir, "nope.csv"), "file-missing", /no such file/],
    ["directory", () => dir, "file-is-directory", /directory/],
    ["UTF-16 LE with BOM", () => file("u16le.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(header, "utf16le")])), "file-encoding", /UTF-16/],
    ["UTF-16 without BOM", () => file("u16.csv", Buffer.from(header, "utf16le")), "file-encoding", /UTF-16/],
    ["GBK (Excel's default CSV)", () => file("gbk.csv", Buffer.from([0xc6, 0xf3, 0xd2, 0xb5, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0x61, 0x0a])), "file-encoding", /GBK/],
    ["binary garbage", () => file("bin.csv", Buffer.from([0x80, 0x81, 0xff, 0x00, 0xfe, 0x90, 0x80])), "file-encoding", /neither UTF-8 nor GBK/],
    ["truncated quote", () => file("trunc.csv", `${header}"某某,`), "csv-malformed", /malformed CSV/],
    ["not a path", () => undefined, "input-shape", /string/],
  ])("%s", async (_name, make, rule, message) => {
    const e = await failure(make());
    expect(e.code).toBe("invalid-input");
    expect(e.rule).toBe(rule);
    expect(e.message).toMatch(message);
    expect(e.issues[0]?.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });
  it("a UTF-8 file with a BOM is read", async () => {
    const r = await readCsvTable(file("ok.csv", `\uFEFF${header}`), "B.1");
    expect(r.ok).toBe(true);
  });
});
