import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importTable, parseCsv, ShuangsuijiError } from "../../src/index.js";

const issuesOf = (f: () => unknown): ShuangsuijiError["issues"] => {
  try {
    f();
  } catch (e) {
    if (e instanceof ShuangsuijiError) return e.issues;
    throw e;
  }
  throw new Error("no error");
};

/** RFC 4180 writer, used as the oracle of the round-trip property. */
const writeCsv = (grid: readonly (readonly string[])[], d: string, eol: string): string =>
  grid.map((r) => r.map((c) => (/[",\t\r\n]/u.test(c) || c === "" ? `"${c.replace(/"/g, '""')}"` : c)).join(d)).join(eol) + eol;

describe("parseCsv", () => {
  it("reads quoted fields with escaped quotes, delimiters and line breaks, any line end, keeping text as text", () => {
    const t = parseCsv('企业名称,统一社会信用代码,住所\r\n"某某""餐饮""店",0123,"南阳市,卧龙区\n仲景路"\r\n乙,,丙\n');
    expect(t.headers).toEqual(["企业名称", "统一社会信用代码", "住所"]);
    expect(t.rows).toEqual([
      { 企业名称: '某某"餐饮"店', 统一社会信用代码: "0123", 住所: "南阳市,卧龙区\n仲景路" },
      { 企业名称: "乙", 统一社会信用代码: "", 住所: "丙" },
    ]);
    expect(t).toMatchObject({ delimiter: ",", headerRow: 1 });
    expect(Object.isFrozen(t.rows[0])).toBe(true);
  });

  it("detects Excel's tab-separated 'Unicode text' and accepts a BOM and a last line without a line end", () => {
    expect(parseCsv("\uFEFFa\tb\n1\t2")).toMatchObject({ delimiter: "\t", rows: [{ a: "1", b: "2" }] });
    expect(parseCsv("a;b\n1;2", { delimiter: ";" }).rows).toEqual([{ a: "1", b: "2" }]);
  });

  it("skips title rows above the header and trailing empty rows, keeps empty rows between data (row numbers stay the file's)", () => {
    const t = parseCsv("某某县双随机抽查对象名录,,\n企业名称,统一社会信用代码,行政区划代码\n甲,91330100716105852F,411303\n,,\n乙,x,411303\n,,\n\n");
    expect(t.headerRow).toBe(2);
    expect(t.rows).toHaveLength(3);
    expect(t.rows[1]).toEqual({ 企业名称: "", 统一社会信用代码: "", 行政区划代码: "" });
  });

  it("reports every ragged row, duplicate header and header-less data at once, with rows", () => {
    const issues = issuesOf(() => parseCsv("a,b,a,\n1,2,3,\n1,2\n1,2,3,4,5\n1,2,3,x\n"));
    expect(issues.map((i) => [i.rule, i.row])).toEqual([
      ["header-duplicate", 1],
      ["header-empty", 1],
      ["row-width", 3],
      ["row-width", 4],
    ]);
    expect(issues[2]!.messageZh).toContain("第 3 行有 2 个字段，表头有 4 个");
  });

  it("reports an unclosed quote and text after a closing quote", () => {
    expect(issuesOf(() => parseCsv('a,b\n"1,2\n3,4\n')).map((i) => [i.rule, i.row])).toEqual([["csv-quote", 2]]);
    expect(issuesOf(() => parseCsv('a,b\n"1"x,2\n')).map((i) => i.messageEn)).toEqual(["row 2: text follows a closing quote"]);
    expect(() => parseCsv("a,b", { delimiter: '"' })).toThrow(/one character, not a quote/);
  });

  it("round-trips any grid written by an RFC 4180 writer (property)", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "Z", "9", " ", ",", "\t", '"', "\n", "\r\n", "企", "业", "（"), maxLength: 8 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((w) =>
          fc.tuple(fc.uniqueArray(fc.string({ unit: fc.constantFrom("名", "称", "代", "码", "A", "b"), minLength: 1, maxLength: 4 }), { minLength: w, maxLength: w }), fc.array(fc.array(cell, { minLength: w, maxLength: w }), { maxLength: 6 })),
        ),
        fc.constantFrom(",", "\t"),
        fc.constantFrom("\n", "\r\n"),
        ([header, body], d, eol) => {
          // Trailing all-empty rows are dropped by design; keep the property about the rest.
          while (body.length > 0 && body[body.length - 1]!.every((c) => c.trim() === "")) body.pop();
          const t = parseCsv(writeCsv([header, ...body], d, eol), { delimiter: d });
          expect(t.headers).toEqual(header);
          expect(t.rows).toEqual(body.map((r) => Object.fromEntries(header.map((h, j) => [h, r[j]]))));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("feeds importTable: the shipped county sample gives the same result as from rows", async () => {
    const { readFile } = await import("node:fs/promises");
    const text = await readFile(new URL("../../examples/data/targets-county.csv", import.meta.url), "utf8");
    const r = importTable("B.1", parseCsv(text).rows);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => [i.row, i.column, i.rule])).toEqual([[9, "统一社会信用代码", "uscc-check-character"], [15, "风险等级", "cell-value"]]);
  });
});
