import { readFile } from "node:fs/promises";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { importTable, parseCsv, readTableFile } from "../../src/index.js";
import { encodeGbk, encodeUtf16, makeXlsx, type XlsxCell, rejection } from "./_fixtures.js";

const SAMPLE = new URL("../../examples/data/targets-county.csv", import.meta.url);
const sampleText = async (): Promise<string> => (await readFile(SAMPLE, "utf8")).replace(/^\uFEFF/u, "");


describe("readTableFile", () => {
  it("imports the county sample saved as UTF-8, GBK, UTF-16 LE tab-separated and .xlsx to the same records", async () => {
    const text = await sampleText();
    const reference = importTable("B.1", parseCsv(text).rows);
    const grid = parseCsv(text);
    const tsv = [grid.headers.join("\t"), ...grid.rows.map((r) => grid.headers.map((h) => r[h]).join("\t"))].join("\r\n");
    const xlsx = makeXlsx([{ name: "对象名录", rows: [grid.headers, ...grid.rows.map((r) => grid.headers.map((h) => r[h] ?? null))] }]);
    const variants = [
      { bytes: await readFile(SAMPLE), format: "csv", encoding: "utf-8" },
      { bytes: encodeGbk(text), format: "csv", encoding: "gb18030" },
      { bytes: encodeUtf16(tsv, "le", true), format: "csv", encoding: "utf-16le" },
      { bytes: xlsx, format: "xlsx", encoding: null },
    ] as const;
    for (const v of variants) {
      const t = await readTableFile(v.bytes);
      expect(t).toMatchObject({ format: v.format, encoding: v.encoding, headerRow: 1 });
      expect(importTable("B.1", t.rows)).toEqual(reference);
    }
  });

  it("reads .xlsx dates as civil dates, numbers as numbers, skips a title row, and lists the sheets", async () => {
    const rows: XlsxCell[][] = [
      ["南阳市卧龙区双随机抽查对象名录"],
      ["企业名称", "统一社会信用代码", "行政区划代码", "信用风险分类", "成立日期"],
      ["南阳某某餐饮有限公司", "91330100716105852F", 411303, "B类", { date: "2015-11-28" }],
      ["南阳某某建材有限公司", "91411303292557192T", 411303, "A类", { date: "2009-02-03" }],
    ];
    const bytes = makeXlsx([{ name: "说明", rows: [["见第二页", "x"]] }, { name: "名录", rows }]);
    const t = await readTableFile(bytes, { sheet: "名录" });
    expect(t).toMatchObject({ format: "xlsx", sheet: "名录", sheets: ["说明", "名录"], headerRow: 2 });
    expect(t.rows[0]).toEqual({ 企业名称: "南阳某某餐饮有限公司", 统一社会信用代码: "91330100716105852F", 行政区划代码: 411303, 信用风险分类: "B类", 成立日期: "2015-11-28" });
    const r = importTable("B.1", t.rows);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.records.map((x) => [x.riskClass, x.registrationDate])).toEqual([["B", "2015-11-28"], ["A", "2009-02-03"]]);
    expect((await readTableFile(bytes, { sheet: 2 })).sheet).toBe("名录");
    // A view into a larger buffer (as Node's readFile may return) reads the same.
    const pooled = new Uint8Array(bytes.length + 100);
    pooled.set(bytes, 37);
    expect((await readTableFile(Buffer.from(pooled.buffer, 37, bytes.length), { sheet: "名录" })).rows).toEqual(t.rows);
    const e = await rejection(readTableFile(bytes, { sheet: "汇总" }));
    expect(e.code).toBe("unsupported-file-type");
    expect(e.issues[0]!.messageZh).toContain("现有：说明、名录");
  });

  it("refuses a code that Excel stored as a number of 16+ digits (it has lost digits), naming every cell", async () => {
    const bytes = makeXlsx([{ name: "S", rows: [["企业名称", "统一社会信用代码"], ["甲", 914403001922038200], ["乙", "914403001922038216"], ["丙", 9.1440300192203e17]] }]);
    const e = await rejection(readTableFile(bytes));
    expect(e.code).toBe("invalid-input");
    expect(e.issues.map((i) => [i.rule, i.row, i.column])).toEqual([["xlsx-number-precision", 2, "B"], ["xlsx-number-precision", 4, "B"]]);
  });

  it("refuses a legacy .xls, a PDF, a ZIP that is not a workbook and an empty file, by content, with clear messages", async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const e1 = await rejection(readTableFile(xls, { fileName: "名录.xls" }));
    expect([e1.code, e1.issues[0]!.messageZh]).toEqual(["unsupported-file-type", "名录.xls：旧版 Excel 97-2003（.xls）或 WPS（.et）文件：请另存为 .xlsx 或“CSV UTF-8”"]);
    const e2 = await rejection(readTableFile(strToU8("%PDF-1.7\n...")));
    expect(e2.code).toBe("unsupported-file-type");
    const docx = zipSync({ "word/document.xml": strToU8("<w:document/>") });
    const e3 = await rejection(readTableFile(docx, { fileName: "a.docx" }));
    expect(e3.code).toBe("unsupported-file-type");
    expect(e3.issues[0]!.messageEn).toMatch(/^a\.docx: a ZIP file but not a readable \.xlsx workbook/);
    const e4 = await rejection(readTableFile(new Uint8Array(0), { fileName: "x.csv" }));
    expect([e4.code, e4.rule]).toEqual(["invalid-input", "file-empty"]);
  });

  it("refuses binary data that is not a table with undecodable-text, naming the encodings tried", async () => {
    const e = await rejection(readTableFile(new Uint8Array([0x41, 0xff, 0x00, 0x01, 0x02, 0x03])));
    expect(e.code).toBe("undecodable-text");
    expect(e.message).toMatch(/utf-16le.*utf-16be|utf-16be.*utf-16le/);
  });

  it("honours an explicit encoding and delimiter", async () => {
    const t = await readTableFile(encodeGbk("名称;代码\n甲;1\n"), { encoding: "gbk", delimiter: ";" });
    expect(t).toMatchObject({ encoding: "gb18030", delimiter: ";", rows: [{ 名称: "甲", 代码: "1" }] });
  });
});

describe("readTableFile: hidden sheets and oversized workbooks (hostile7b F13, F15)", () => {
  const header = ["行政相对人名称", "统一社会信用代码", "信用风险分类"];
  const visible = [header, ["甲公司", "91330100716105852F", "A"]];
  const backup = [header, ["甲公司", "91330100716105852F", "D"]];

  it("reads the first VISIBLE sheet, not a hidden or very hidden first sheet, and lists the hidden ones", async () => {
    for (const state of ["hidden", "veryHidden"] as const) {
      const bytes = makeXlsx([{ name: "备份", rows: backup, state }, { name: "名录", rows: visible }]);
      const t = await readTableFile(bytes);
      expect(t).toMatchObject({ sheet: "名录", sheets: ["备份", "名录"], hiddenSheets: ["备份"] });
      expect(t.rows[0]!["信用风险分类"]).toBe("A");
    }
    const plain = await readTableFile(makeXlsx([{ name: "名录", rows: visible }]));
    expect(plain.hiddenSheets).toEqual([]);
    expect((await readTableFile(strToU8("a,b\n1,2\n"))).hiddenSheets).toEqual([]);
  });

  it("refuses a hidden sheet named by name or position unless hiddenSheet is true, bilingual and named", async () => {
    const bytes = makeXlsx([{ name: "备份", rows: backup, state: "veryHidden" }, { name: "名录", rows: visible }]);
    for (const sheet of ["备份", 1] as const) {
      const e = await rejection(readTableFile(bytes, { sheet }));
      expect([e.code, e.issues[0]!.rule]).toEqual(["unsupported-file-type", "xlsx-sheet-hidden"]);
      expect(e.issues[0]!.messageZh).toContain("工作表“备份”是深度隐藏");
      expect(e.issues[0]!.messageEn).toContain('sheet "备份" is very hidden');
    }
    const t = await readTableFile(bytes, { sheet: "备份", hiddenSheet: true });
    expect(t.sheet).toBe("备份");
    expect(t.rows[0]!["信用风险分类"]).toBe("D");
    const e = await rejection(readTableFile(bytes, { hiddenSheet: "yes" as unknown as boolean }));
    expect(e.issues[0]!.path).toEqual(["options", "hiddenSheet"]);
  });

  it("refuses a workbook whose every sheet is hidden", async () => {
    const e = await rejection(readTableFile(makeXlsx([{ name: "备份", rows: backup, state: "hidden" }])));
    expect(e.issues[0]!.rule).toBe("xlsx-sheet-hidden");
    expect(e.issues[0]!.messageEn).toMatch(/every sheet of the workbook is hidden \(备份\)/);
  });

  it("refuses a part that declares a ZIP-bomb inflation before inflating anything", async () => {
    const bytes = makeXlsx([{ name: "名录", rows: visible }]);
    // Patch the central directory: the sheet part now declares 400 MiB uncompressed.
    const b = new Uint8Array(bytes);
    const dv = new DataView(b.buffer);
    let eocd = b.length - 22;
    while (dv.getUint32(eocd, true) !== 0x06054b50) eocd--;
    let p = dv.getUint32(eocd + 16, true);
    const names = new TextDecoder();
    for (let k = 0; k < dv.getUint16(eocd + 10, true); k++) {
      const n = dv.getUint16(p + 28, true);
      if (names.decode(b.subarray(p + 46, p + 46 + n)) === "xl/worksheets/sheet1.xml") dv.setUint32(p + 24, 400 * 2 ** 20, true);
      p += 46 + n + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
    }
    const e = await rejection(readTableFile(b, { fileName: "bomb.xlsx" }));
    expect(e.code).toBe("unsupported-file-type");
    expect(e.issues[0]!.messageEn).toMatch(/^bomb\.xlsx: the workbook inflates to 400 MiB \(xl\/worksheets\/sheet1\.xml: 0 MiB to 400 MiB\), beyond the limit/);
    expect(e.issues[0]!.messageZh).toContain("ZIP 炸弹");
  });
});
