// The compiled fast path for target rows agrees with importTable: whenever it accepts a row, importTable accepts the
// same row with the same record; it accepts well-formed rows (so it is actually used); and importTable's per-row path
// (compileTableImport), which the command line falls back to, reports exactly what importTable reports.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { importTable } from "../../src/import/importTable.js";
import { compileTableImport } from "../../src/import/_compile.js";
import { compileFastTargetRow } from "../../src/import/_fastRow.js";
import { USCC_CHARSET, organisationCodeCheck, usccCheckCharacter } from "../../src/ids/_uscc.js";
import { DEFAULT_RISK_CLASSES } from "../../src/model/primitives.js";

const CLASSES = DEFAULT_RISK_CLASSES;

/** A valid USCC: 9 + category + division + organisation code + check character. */
const usccArb = fc
  .record({
    cat: fc.constantFrom("1", "2", "3"),
    div: fc.constantFrom("411303", "110105", "330100", "500101"),
    body: fc.array(fc.constantFrom(...USCC_CHARSET.replace(/[^0-9A-Z]/g, "")), { minLength: 8, maxLength: 8 }).map((a) => a.join("")),
  })
  .map(({ cat, div, body }) => {
    const org = body + (organisationCodeCheck(body) ?? "0");
    const first17 = `9${cat}${div}${org}`;
    return first17 + (usccCheckCharacter(first17) ?? "0");
  });

/** Mutations a county spreadsheet really has: spaces, full-width or lower-case letters, a wrong character, emptiness. */
const mutate = (s: string) =>
  fc.oneof(
    { weight: 40, arbitrary: fc.constant(s) },
    fc.constant(` ${s}`),
    fc.constant(`${s}\u3000`),
    fc.constant(s.toLowerCase()),
    fc.constant(s.replace(/[0-9A-Z]/, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))),
    fc.constant(s.slice(0, -1) + (s.endsWith("0") ? "1" : "0")),
    fc.constant(s.slice(1)),
    fc.constant(""),
    fc.constant("\t"),
    fc.string({ maxLength: 20 }),
  );

const codeArb = fc.oneof(
  { weight: 6, arbitrary: usccArb },
  fc.constant("11010519491231002X"), // a resident id
  fc.constant("110105194912310021"), // all digits, not a valid resident id
  fc.constant("410100000000001"), // 15 digits: a registration number
  fc.stringMatching(/^[0-9A-Z-]{4,20}$/),
).chain(mutate);
const nameArb = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 99999 }).map((i) => `南阳某某餐饮有限公司${i}`) }, fc.string({ maxLength: 12 })).chain(mutate);
const divisionArb = fc.oneof({ weight: 5, arbitrary: fc.constantFrom("411303", "110105", "500101") }, fc.constantFrom("999999", "41130", "４１１３０３", "000000")).chain(mutate);
const classArb = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...CLASSES) }, fc.constantFrom("B类", "a", "E", "信用风险低", "A级", "constructor", "__proto__")).chain(mutate);
const dateArb = fc
  .oneof({ weight: 5, arbitrary: fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
    fc.constantFrom("2015/3/1", "2015年3月1日", "20150301", "42000", "2026-02-30", "2015-3-1", "0000-01-01"))
  .chain(mutate);
const statusArb = fc.oneof({ weight: 4, arbitrary: fc.constantFrom("存续", "注销", "吊销", "在营") }, fc.constantFrom("operating", "存续（在营、开业、在册）", "不明")).chain(mutate);
const phoneArb = fc.oneof({ weight: 4, arbitrary: fc.constantFrom("0377-63123456", "13800138000", "+86 377 6312") }, fc.constantFrom("电话", "1", "(0377)6312")).chain(mutate);
const listArb = fc.oneof(fc.constantFrom("餐饮、食品销售", "零售", ",,", "、 、"), fc.string({ maxLength: 10 }));

/** Rows of table B.1 over a random subset of columns, as cells in header order. */
const b1 = fc
  .record({
    name: nameArb,
    code: codeArb,
    div: divisionArb,
    cls: classArb,
    date: dateArb,
    status: statusArb,
    phone: phoneArb,
    industries: listArb,
    legal: fc.oneof(fc.constant("张伟"), fc.string({ maxLength: 6 })),
    extra: fc.string({ maxLength: 6 }),
  })
  .map((r) => ({
    header: ["行政相对人名称", "统一社会信用代码", "行政区划代码", "信用风险分类", "成立日期", "登记状态", "联系电话", "行业", "法定代表人", "备注"],
    cells: [r.name, r.code, r.div, r.cls, r.date, r.status, r.phone, r.industries, r.legal, r.extra],
  }));

const b3 = fc
  .record({ licence: fc.constantFrom("SC10641130300012", "sc1064", "XK16-204-00321"), name: nameArb, uscc: usccArb.chain(mutate), div: divisionArb, cls: classArb, issue: dateArb, expiry: dateArb })
  .map((r) => ({ header: ["生产许可证编号", "企业名称", "统一社会信用代码", "行政区划代码", "信用风险分类", "发证日期", "有效期至"], cells: [r.licence, r.name, r.uscc, r.div, r.cls, r.issue, r.expiry] }));

const b2 = fc
  .record({ id: fc.oneof(fc.constant(""), fc.constant("SITE-1"), fc.string({ maxLength: 6 })), name: nameArb, unit: nameArb, uscc: fc.oneof(fc.constant(""), usccArb.chain(mutate)), div: divisionArb, cls: classArb })
  .map((r) => ({ header: ["场所编号", "场地场所", "责任单位", "责任单位统一社会信用代码", "行政区划代码", "信用风险分类"], cells: [r.id, r.name, r.unit, r.uscc, r.div, r.cls] }));

const rowObject = (header: readonly string[], cells: readonly string[]) => Object.fromEntries(header.map((h, i) => [h, cells[i] as string]));

function agree(table: "B.1" | "B.2" | "B.3", header: readonly string[], cells: readonly string[]): boolean {
  const fast = compileFastTargetRow(table, header, CLASSES);
  expect(fast).toBeDefined();
  const rec = fast?.(cells);
  const slow = importTable(table, [rowObject(header, cells)]);
  if (rec !== undefined) {
    expect(slow.ok, JSON.stringify({ cells, slow })).toBe(true);
    if (slow.ok) expect(rec).toStrictEqual({ ...slow.records[0] });
  }
  return rec !== undefined;
}

describe("compileFastTargetRow", () => {
  it("B.1: accepts a row only when importTable accepts it, with the same record (random and mutated rows)", () => {
    let accepted = 0;
    fc.assert(
      fc.property(b1, ({ header, cells }) => {
        if (agree("B.1", header, cells)) accepted++;
      }),
      { numRuns: 1500 },
    );
    expect(accepted).toBeGreaterThan(50); // the fast path is used
  });
  it("B.2 and B.3: same agreement", () => {
    let accepted = 0;
    fc.assert(fc.property(b2, ({ header, cells }) => void (agree("B.2", header, cells) && accepted++)), { numRuns: 800 });
    fc.assert(fc.property(b3, ({ header, cells }) => void (agree("B.3", header, cells) && accepted++)), { numRuns: 800 });
    expect(accepted).toBeGreaterThan(100);
  });
  it("accepts every well-formed row of a clean pool", () => {
    const header = ["行政相对人名称", "统一社会信用代码", "行政区划代码", "信用风险分类", "成立日期", "登记状态"];
    const fast = compileFastTargetRow("B.1", header, CLASSES);
    fc.assert(
      fc.property(usccArb, fc.constantFrom(...CLASSES), (code, cls) => {
        const cells = ["某某公司", code, "411303", cls, "2015-03-01", "存续"];
        expect(fast?.(cells)).toStrictEqual({ ...(importTable("B.1", [rowObject(header, cells)]) as { records: readonly object[] }).records[0] });
      }),
      { numRuns: 300 },
    );
  });
  it("declines headers it does not handle, so that the full path reports them", () => {
    expect(compileFastTargetRow("B.1", ["行政相对人名称", "统一社会信用代码", "行政区划代码"], CLASSES)).toBeUndefined(); // 信用风险分类 missing
    expect(compileFastTargetRow("B.1", ["行政相对人名称", "统一社会信用代码", "信用代码", "行政区划代码", "信用风险分类"], CLASSES)).toBeUndefined(); // duplicate field
    expect(compileFastTargetRow("B.1", ["行政相对人名称", "统一社会信用代码", "编码类型", "行政区划代码", "信用风险分类"], CLASSES)).toBeUndefined(); // 编码类型
    expect(compileFastTargetRow("C.1", ["姓名"], CLASSES)).toBeUndefined();
    expect(compileFastTargetRow("B.1", ["行政相对人名称", "统一社会信用代码", "统一社会信用代码", "行政区划代码", "信用风险分类"], CLASSES)).toBeUndefined(); // one header twice
    // repeated columns that map to nothing (Excel's trailing empty headers) do not matter
    const fast = compileFastTargetRow("B.1", ["行政相对人名称", "统一社会信用代码", "行政区划代码", "信用风险分类", "", ""], CLASSES);
    expect(fast?.(["某某公司", "91350100M000100Y43", "350100", "B", "", ""])).toEqual({ kind: "organisation", id: "91350100M000100Y43", code: "91350100M000100Y43", codeType: "uscc", name: "某某公司", divisionCode: "350100", riskClass: "B" });
  });
});

describe("compileTableImport (the per-row path the command line falls back to)", () => {
  it("reports for one row exactly what importTable reports, at the row's number in the whole file", () => {
    fc.assert(
      fc.property(b1, fc.nat(10_000), ({ header, cells }, at) => {
        const row = rowObject(header, cells);
        const c = compileTableImport("B.1", header, { classes: CLASSES, defaults: {} });
        expect(c.ok).toBe(true);
        if (!c.ok) return;
        const one = c.row(row, at);
        // importTable of the row alone, shifted by `at` rows
        const alone = importTable("B.1", [row]);
        if (alone.ok) {
          expect(one.ok).toBe(true);
          if (one.ok) expect(one.record).toStrictEqual({ ...alone.records[0] });
        } else {
          expect(one.ok).toBe(false);
          const shift = (i: (typeof alone.issues)[number]) => ({ ...i, ...(i.row === undefined ? {} : { row: i.row + at }), path: typeof i.path[0] === "number" ? [i.path[0] + at, ...i.path.slice(1)] : i.path });
          if (!one.ok) expect(one.issues.map((i) => ({ ...i }))).toEqual(alone.issues.map(shift));
        }
      }),
      { numRuns: 500 },
    );
  });
});
