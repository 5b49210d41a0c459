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
  it.each<[string, () => unknown, string, string, RegExp]>([
    ["missing file", () => join(dir, "nope.csv"), "invalid-input", "file-missing", /no such file/],
    ["directory", () => dir, "invalid-input", "file-is-directory", /directory/],
    ["empty file", () => file("empty.csv", ""), "invalid-input", "file-empty", /empty/],
    ["binary garbage", () => file("bin.csv", Buffer.from([0x80, 0x81, 0xff, 0x00, 0xfe, 0x90, 0x80])), "undecodable-text", "text-encoding", /utf-16|gb18030/i],
    ["legacy .xls workbook", () => file("old.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), "unsupported-file-type", "file-type", /xls/i],
    ["truncated quote", () => file("trunc.csv", `${header}"某某,`), "invalid-input", "csv-quote", /quote/i],
    ["not a path", () => undefined, "invalid-input", "input-shape", /string/],
  ])("%s", async (_name, make, code, rule, message) => {
    const e = await failure(make());
    expect(e.code).toBe(code);
    expect(e.rule).toBe(rule);
    expect(e.message).toMatch(message);
    expect(e.issues[0]?.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });
  it("the same table saved as UTF-8 with a BOM, UTF-16 LE/BE (with and without BOM) and GBK imports to the same records", async () => {
    const expected = await readCsvTable(file("ok.csv", `\uFEFF${header}`), "B.1");
    expect(expected.ok).toBe(true);
    const le = Buffer.from(header, "utf16le");
    const be = Buffer.from(le).swap16();
    const gbk = new Uint8Array([...header].flatMap((ch) => gbkBytes(ch)));
    for (const [name, bytes] of [
      ["u16le.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), le])],
      ["u16le-nobom.csv", le],
      ["u16be.csv", Buffer.concat([Buffer.from([0xfe, 0xff]), be])],
      ["gbk.csv", gbk],
    ] as const) {
      const r = await readCsvTable(file(name, bytes), "B.1");
      expect(r, name).toEqual(expected);
    }
  });
});

/** GBK bytes of one character, found by searching the decoder (Node has no GBK encoder); ASCII as is. */
function gbkBytes(ch: string): number[] {
  if (ch.charCodeAt(0) < 0x80) return [ch.charCodeAt(0)];
  const dec = new TextDecoder("gbk");
  for (let hi = 0x81; hi <= 0xfe; hi++) for (let lo = 0x40; lo <= 0xfe; lo++) if (dec.decode(new Uint8Array([hi, lo])) === ch) return [hi, lo];
  throw new Error(`no GBK code for ${ch}`);
}
