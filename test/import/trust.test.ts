// Cells that hold no data (an Excel error value, hostile7b F16) or that could spoof a printed list (control and
// bidirectional characters, F20): refused by importTable, one issue per cell with its row, column and what it holds;
// the CSV fast path hands such rows to the full path; readTableFile gives an .xlsx error cell as the text it shows.
import { strToU8, zipSync, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { importTable, readTableFile, ShuangsuijiError } from "../../src/index.js";
import { compileFastTargetRow } from "../../src/import/_fastRow.js";
import { EXCEL_ERROR_VALUES } from "../../src/import/_cells.js";
import { makeXlsx } from "../files/_fixtures.js";

const HEADER = ["行政相对人名称", "统一社会信用代码", "行政区划代码", "信用风险分类", "成立日期"];
const ROWS = [
  ["甲公司", "91350100M000100Y43", "350100", "A", "2015-03-08"],
  ["乙公司", "91330100716105852F", "330100", "B", "2016-01-02"],
  ["丙公司", "9144030071526726XG", "440300", "A", "2017-05-06"],
];
const asRecords = (rows: readonly (readonly string[])[]) => rows.map((r) => Object.fromEntries(HEADER.map((h, j) => [h, r[j]])));
const ERRORS = ["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#GETTING_DATA", "#SPILL!", "#CALC!"];

describe("importTable: Excel error values (F16)", () => {
  it("each error value, in the id or any other cell: one issue per cell naming row, column and the error — no repeats, no enum names", () => {
    for (const e of ERRORS) {
      expect(EXCEL_ERROR_VALUES.has(e)).toBe(true);
      const rows = ROWS.map((r) => [...r]);
      rows[0]![1] = e; // the id
      rows[1]![3] = e; // the class
      rows[2]![0] = ` ${e} `; // a name, with spaces around it
      const r = importTable("B.1", asRecords(rows));
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.issues.map((i) => [i.row, i.column, i.rule])).toEqual([
        [2, "统一社会信用代码", "excel-error-cell"], [3, "信用风险分类", "excel-error-cell"], [4, "行政相对人名称", "excel-error-cell"],
      ]);
      for (const i of r.issues) {
        expect(i.messageZh).toContain(`单元格是 Excel 错误值 ${e}`);
        expect(i.messageEn).toContain(`the cell holds the Excel error value ${e}`);
        expect(`${i.messageZh}${i.messageEn}`).not.toMatch(/uscc|registration-number|expected one of|invalid_type/);
      }
    }
  });
  it("a cell that only looks like one stays data; the valid rows import", () => {
    const rows = ROWS.map((r) => [...r]);
    rows[0]![0] = "#1 商店"; // not an error value
    const r = importTable("B.1", asRecords(rows));
    expect(r.ok).toBe(true);
  });
});

describe("importTable: control and bidirectional characters (F20)", () => {
  it("a C1 control or a bidi override/isolate/mark in any text cell is refused with the code point and its position", () => {
    const cases: [string, string][] = [["南阳\u202e司公限有\u202c", "U+202E"], ["甲\u009b2J", "U+009B"], ["\u2066乙\u2069", "U+2066"], ["丙\u200f", "U+200F"], ["丁\u061c", "U+061C"], ["戊\u001b[2J", "U+001B"]];
    for (const [name, code] of cases) {
      const rows = ROWS.map((r) => [...r]);
      rows[1]![0] = name;
      const r = importTable("B.1", asRecords(rows));
      expect(r.ok, name).toBe(false);
      if (r.ok) continue;
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]).toMatchObject({ row: 3, column: "行政相对人名称", rule: "cell-control-character" });
      expect(r.issues[0]!.messageZh).toContain(code);
      expect(r.issues[0]!.messageEn).toContain(code);
      expect(r.issues[0]!.clause).toContain("CVE-2021-42574");
    }
    // a line break inside an address cell (Alt+Enter in Excel) and a zero-width joiner in a name are still text
    const ok = ROWS.map((r) => [...r]);
    ok[0]![0] = "甲公司\n分店";
    expect(importTable("B.1", asRecords(ok)).ok).toBe(true);
  });
  it("the CSV fast path never accepts such a row: it hands it to the full path", () => {
    const fast = compileFastTargetRow("B.1", HEADER, ["A", "B", "C", "D"])!;
    expect(fast(ROWS[0]!)).toBeDefined();
    for (const [j, v] of [[1, "#N/A"], [0, "#REF!"], [0, "甲\u202e乙"], [0, "甲\u009b"], [3, "#N/A"]] as const) {
      const row = [...ROWS[0]!];
      row[j] = v;
      expect(fast(row), v).toBeUndefined();
    }
  });
});

describe("readTableFile: an .xlsx error cell is read as the text it shows (F16), and its part as big as it declares (F15)", () => {
  const grid = (err: { error: string }, at: [number, number]) => [HEADER, ...ROWS].map((r, i) => r.map((v, j) => (i === at[0] && j === at[1] ? err : v)));
  it("#N/A in the id cell and #DIV/0! in the last cell: read as that text, then refused by importTable naming the cell", async () => {
    const rows = [...grid({ error: "#N/A" }, [2, 1])];
    // an error cell alone past the data's last row: read-excel-file drops it with the empty rows; it must come back
    rows.push([null, null, null, null, { error: "#DIV/0!" }] as never);
    const t = await readTableFile(makeXlsx([{ name: "名录", rows: rows as never }]));
    expect(t.rows[1]!["统一社会信用代码"]).toBe("#N/A");
    expect(t.rows[3]!["成立日期"]).toBe("#DIV/0!");
    const r = importTable("B.1", t.rows);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.filter((i) => i.rule === "excel-error-cell").map((i) => [i.row, i.column])).toEqual([[3, "统一社会信用代码"], [5, "成立日期"]]);
  });
  for (const part of ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"]) it(`a part (${part}) that inflates beyond its declared size is refused before read-excel-file reads it`, async () => {
    const good = makeXlsx([{ name: "名录", rows: [HEADER, ...ROWS] }]);
    // rebuild with the part inflating well (a run of spaces before its last closing tag), then lower its declared size
    // in the central directory
    const files = unzipSync(good);
    const xml = new TextDecoder().decode(files[part]!).replace(/(<\/[A-Za-z]+>)$/, `${" ".repeat(1 << 20)}$1`);
    files[part] = strToU8(xml);
    const zip = zipSync(files);
    const name = strToU8(part);
    let patched = 0;
    for (let p = 0; p + 46 < zip.length; p++) {
      if (zip[p] !== 0x50 || zip[p + 1] !== 0x4b || zip[p + 2] !== 0x01 || zip[p + 3] !== 0x02) continue;
      const n = zip[p + 28]! | (zip[p + 29]! << 8);
      if (n === name.length && name.every((b, k) => zip[p + 46 + k] === b)) {
        new DataView(zip.buffer, zip.byteOffset).setUint32(p + 24, 4096, true);
        patched++;
      }
    }
    expect(patched).toBe(1);
    const e = await readTableFile(zip, { fileName: "lie.xlsx" }).then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(ShuangsuijiError);
    expect((e as ShuangsuijiError).code).toBe("unsupported-file-type");
    expect((e as ShuangsuijiError).issues[0]!.messageEn).toContain(`${part} inflates beyond its declared size`);
    expect((e as ShuangsuijiError).issues[0]!.messageZh).toContain("lie.xlsx");
    expect((await readTableFile(good)).rows).toHaveLength(3);
  });
});
