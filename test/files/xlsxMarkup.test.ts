// hostile8b F1, F6: an .xlsx error cell is found however its XML is spelled (character references, either quote, white
// space around "="), its text is read as XML reads it, and a t="e" cell is never data; a sheet that read-excel-file
// cannot parse is refused with the library's own bilingual reason, never its internal TypeError.
import { describe, expect, it } from "vitest";
import { importTable, readTableFile } from "../../src/index.js";
import { makeXlsx, type XlsxCell, rejection } from "./_fixtures.js";

const HEADER = ["行政相对人名称", "统一社会信用代码", "信用风险分类", "行政区划代码", "住所"];
const ROW = ["甲公司", "91350100M000100Y43", "A", "411302"];
const book = (address: XlsxCell) => makeXlsx([{ name: "名录", rows: [HEADER, [...ROW, address]] }]);

describe(".xlsx error cells read as XML reads them (hostile8b F1)", () => {
  const refused: Record<string, { readonly raw: string; readonly shown: string }> = {
    "honest t=\"e\"": { raw: `<c r="REF" t="e"><f>NA()</f><v>#N/A</v></c>`, shown: "#N/A" },
    "t=\"&#101;\"": { raw: `<c r="REF" t="&#101;"><f>NA()</f><v>#N/A</v></c>`, shown: "#N/A" },
    "t='&#x65;' in single quotes": { raw: `<c r='REF' t='&#x65;'><v>#REF!</v></c>`, shown: "#REF!" },
    "r=\"&#69;2\"": { raw: `<c r="&#69;2" t="e"><f>NA()</f><v>#N/A</v></c>`, shown: "#N/A" },
    "<v>&#35;N/A</v>": { raw: `<c r="REF" t="e"><v>&#35;N/A</v></c>`, shown: "#N/A" },
    "<v>&#x23;DIV/0!</v> with a CDATA": { raw: `<c r="REF" t="e"><v>&#x23;<![CDATA[DIV/0!]]></v></c>`, shown: "#DIV/0!" },
    "no value": { raw: `<c r="REF" t="e"/>`, shown: "#N/A" },
  };
  for (const [k, { raw, shown }] of Object.entries(refused)) {
    it(`${k}: given as the error text, which importTable refuses naming row and column`, async () => {
      const f = await readTableFile(book({ raw }), { fileName: "t.xlsx" });
      expect(f.rows[0]!["住所"]).toBe(shown);
      const r = importTable("B.1", f.rows);
      if (r.ok) throw new Error("accepted");
      expect(r.issues.map((i) => [i.rule, i.row, i.column])).toEqual([["excel-error-cell", 2, "住所"]]);
    });
  }
  for (const [k, text] of Object.entries({ "#FOO!": "#FOO!", "an address": "南阳市某路1号", "an escaped address": "某路&#49;号" })) {
    it(`a t="e" cell holding ${k} is refused as an error cell, naming its text, never read as data`, async () => {
      const e = await rejection(readTableFile(book({ raw: `<c r="REF" t="e"><v>${text}</v></c>` }), { fileName: "t.xlsx" }));
      expect(e.code).toBe("invalid-input");
      const shown = text.replace("&#49;", "1");
      expect(e.issues[0]).toMatchObject({ rule: "excel-error-cell", row: 2, column: "E", value: shown });
      expect(e.issues[0]!.messageZh).toContain(`第 2 行 E 列是错误值单元格（t="e"），其内容“${shown}”`);
      expect(e.issues[0]!.messageEn).toContain(`row 2, column E is an error cell (t="e") holding "${shown}"`);
    });
  }
  it("an error cell without a readable address is refused, not dropped", async () => {
    const e = await rejection(readTableFile(book({ raw: `<c r="E" t="e"><v>#N/A</v></c>` }), { fileName: "t.xlsx" }));
    expect(e.issues[0]).toMatchObject({ rule: "excel-error-cell" });
    expect(e.issues[0]!.messageEn).toMatch(/without a readable address \(r\)/);
  });
  it("honest cells pass: text that looks like an error value but is a string cell, t=\"s\", t=\"str\", an entity in text", async () => {
    for (const [raw, want] of [
      [`<c r="REF" t="inlineStr"><is><t>#1号楼</t></is></c>`, "#1号楼"],
      [`<c r="REF" t="str"><f>A1</f><v>某路&amp;1号</v></c>`, "某路&1号"],
      [`<c r="REF" t="inlineStr"><is><t>Excel&#x2019;s</t></is></c>`, "Excel\u2019s"],
    ] as const) {
      const f = await readTableFile(book({ raw }), { fileName: "t.xlsx" });
      expect(f.rows[0]!["住所"]).toBe(want);
    }
  });
});

describe("a sheet read-excel-file cannot parse is refused bilingually (hostile8b F6)", () => {
  it("white space around an attribute's = : refused naming the tag, no TypeError quoted", async () => {
    const e = await rejection(readTableFile(book({ raw: `<c r = "REF"  t = "inlineStr" ><is><t>某路1号</t></is></c>` }), { fileName: "t.xlsx" }));
    expect(e.code).toBe("unsupported-file-type");
    expect(e.issues[0]).toMatchObject({ rule: "xlsx-markup" });
    expect(e.message).not.toMatch(/TypeError|Cannot read properties/);
    expect(e.issues[0]!.messageZh).toMatch(/^t\.xlsx：工作表的 XML 中有属性写成“=”两侧带空格（<c r = "E2"/);
    expect(e.issues[0]!.messageEn).toMatch(/white space around "="/);
  });
  it("\" = \" in a cell's text is no markup problem", async () => {
    const f = await readTableFile(book("a = b"), { fileName: "t.xlsx" });
    expect(f.rows[0]!["住所"]).toBe("a = b");
  });
});
