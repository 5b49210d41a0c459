// hostile8b F4: invisible characters other than the controls and bidi controls — format characters (\p{Cf}: U+200B,
// U+2060, U+FEFF, U+00AD, tag characters), the line and paragraph separators, the Hangul fillers — are refused per
// cell (rule cell-invisible-character), by the full path and never accepted by the fast path; honest text (CJK,
// emoji with their variation selectors and joiners, flags, `#1号楼`) still imports.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importTable } from "../../src/index.js";
import { compileFastTargetRow } from "../../src/import/_fastRow.js";
import { hasControl, invisibleIndex } from "../../src/import/_cells.js";

const HEADER = ["行政相对人名称", "统一社会信用代码", "行政区划代码", "信用风险分类", "成立日期"];
const ROW = ["甲公司", "91350100M000100Y43", "411302", "A", "2020-01-01"];
const asRecords = (rows: readonly (readonly string[])[]) => rows.map((r) => Object.fromEntries(HEADER.map((h, j) => [h, r[j]])));
const withName = (name: string) => importTable("B.1", asRecords([ROW.map((v, j) => (j === 0 ? name : v))]));

const REFUSED: [string, string][] = [
  ["甲\u200b公司", "U+200B"], ["甲\u2060公司", "U+2060"], ["甲\ufeff公司", "U+FEFF"], ["甲\u00ad公司", "U+00AD"], ["甲\u200c公司", "U+200C"],
  ["甲\u{e0041}\u{e0042}公司", "U+E0041"], ["甲\u2028公司", "U+2028"], ["甲\u2029公司", "U+2029"], ["甲\u3164公司", "U+3164"],
  ["甲\u115f公司", "U+115F"], ["甲\u1160公司", "U+1160"], ["甲\uffa0公司", "U+FFA0"], ["甲\u180e公司", "U+180E"], ["甲\u200d公司", "U+200D"],
  ["甲\u{1d173}公司", "U+1D173"], ["🏴\u{e0067}\u{e0062}公司", "U+E0067"], ["甲\u2064公司", "U+2064"], ["甲\ufff9公司", "U+FFF9"],
];
const HONEST = ["甲公司", "#1号楼", "＃N/A", "①号店", "Ⅲ期", "〇号", "张·三", "👨\u200d👩\u200d👧 亲子店", "❤\ufe0f小店", "☕\ufe0f咖啡", "🇨🇳商行", "🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f} 苏格兰", "\u{20000}记", "Café Noël", "한국상회", "a\tb", "甲\n分店"];

describe("importTable: invisible characters in a cell (hostile8b F4)", () => {
  it("each is refused, one issue naming row, column, code point and position", () => {
    for (const [name, code] of REFUSED) {
      const r = withName(name);
      expect(r.ok, name).toBe(false);
      if (r.ok) continue;
      expect(r.issues, name).toHaveLength(1);
      expect(r.issues[0]).toMatchObject({ row: 2, column: "行政相对人名称", rule: "cell-invisible-character" });
      const at = name.startsWith("🏴") ? 3 : 2; // positions in UTF-16 code units, as for the controls
      expect(r.issues[0]!.messageZh).toContain(`单元格第 ${at} 个字符是不可见字符 ${code}`);
      expect(r.issues[0]!.messageEn).toContain(`character ${at} of the cell is the invisible character ${code}`);
    }
  });
  it("honest names import, in the full path and the fast path", () => {
    const fast = compileFastTargetRow("B.1", HEADER, ["A", "B", "C", "D"])!;
    for (const name of HONEST) {
      expect(withName(name).ok, name).toBe(true);
      if (name !== name.trim() || name.startsWith("#")) continue; // the fast path hands these to the full path by design
      expect(fast(ROW.map((v, j) => (j === 0 ? name : v))), name).toBeDefined();
    }
  });
  it("the fast path never accepts a row holding one", () => {
    const fast = compileFastTargetRow("B.1", HEADER, ["A", "B", "C", "D"])!;
    for (const [name] of REFUSED) expect(fast(ROW.map((v, j) => (j === 0 ? name : v))), name).toBeUndefined();
  });
  it("invisibleIndex agrees with \\p{Cf} and the listed separators and fillers, but for joined emoji and tag flags", () => {
    const other = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u115f\u1160\u3164\uffa0]/u;
    const piece = fc.oneof(
      fc.constantFrom("甲", "a", " ", "\t", "\n", "\u3000", "👨", "\ufe0f", "\u200d", "\u{e0067}", "\u{e007f}", "🏴", "\u200b", "\u00ad", "\u202e", "\u2028", "\u3164", "\u0600", "\u{110bd}", "\u{1bca0}"),
      fc.integer({ min: 0, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCodePoint(c)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }).map((a) => a.join("")), (s) => {
        const i = invisibleIndex(s);
        expect(hasControl(s)).toBe(i >= 0);
        // every character it refuses is one of the set; a string of none of the set is never refused
        if (i >= 0) expect(/\p{Cf}/u.test(String.fromCodePoint(s.codePointAt(i)!)) || other.test(s[i]!)).toBe(true);
        if (!/\p{Cf}/u.test(s) && !other.test(s)) expect(i).toBe(-1);
        // and a string with one of them that is neither a joiner nor a tag character is refused
        if (/[^\P{Cf}\u200d\u{e0020}-\u{e007f}]/u.test(s) || other.test(s)) expect(i).toBeGreaterThanOrEqual(0);
      }),
      { seed: 8204, numRuns: 5000 },
    );
  });
});
