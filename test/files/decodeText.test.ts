import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeText, ShuangsuijiError } from "../../src/index.js";
import { encodeGbk, encodeUtf16 } from "./_fixtures.js";

const SAMPLE = "企业名称,统一社会信用代码,风险等级\n南阳市宛城区宛白河石油销售店,92411302433357347A,B类\n";
// Table text: ASCII structure plus common CJK and full-width punctuation, as county spreadsheets hold.
const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
const ascii = fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz0123456789,.-\" \n");
const punct = fc.constantFrom("，", "。", "（", "）", "：", "、", "《", "》");
const tableText = fc.array(fc.oneof({ weight: 3, arbitrary: ascii }, { weight: 3, arbitrary: cjk }, { weight: 1, arbitrary: punct }), { minLength: 1, maxLength: 200 }).map((a) => `${a.join("")},`);

describe("decodeText", () => {
  it("reads UTF-8 with and without a BOM", () => {
    const utf8 = new TextEncoder().encode(SAMPLE);
    expect(decodeText(utf8)).toMatchObject({ text: SAMPLE, encoding: "utf-8", detectedBy: "validity" });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect(decodeText(withBom)).toMatchObject({ text: SAMPLE, encoding: "utf-8", detectedBy: "bom" });
    expect(decodeText(withBom.buffer).text).toBe(SAMPLE);
  });

  it("reads GBK (Excel's plain CSV on Chinese Windows) by validity, after UTF-8 was tried", () => {
    const d = decodeText(encodeGbk(SAMPLE));
    expect(d).toMatchObject({ text: SAMPLE, encoding: "gb18030", detectedBy: "validity" });
    expect(d.tried).toEqual([{ encoding: "utf-8", rejected: "invalid byte sequence" }, { encoding: "gb18030" }]);
  });

  it("reads GB18030 four-byte sequences (CJK Extension B, GB 18030-2022) and a GB18030 BOM", () => {
    // 𠀀 U+20000 is 95 32 82 36 in GB18030.
    const bytes = new Uint8Array([...encodeGbk("名称,"), 0x95, 0x32, 0x82, 0x36]);
    expect(decodeText(bytes).text).toBe("名称,𠀀");
    expect(decodeText(new Uint8Array([0x84, 0x31, 0x95, 0x33, ...encodeGbk("名称")]))).toMatchObject({ text: "名称", encoding: "gb18030", detectedBy: "bom" });
  });

  it("reads UTF-16 LE and BE with a BOM (Excel's 'Unicode text') and without one by where the NULs fall", () => {
    for (const endian of ["le", "be"] as const) {
      expect(decodeText(encodeUtf16(SAMPLE, endian, true))).toMatchObject({ text: SAMPLE, encoding: `utf-16${endian}`, detectedBy: "bom" });
      expect(decodeText(encodeUtf16(SAMPLE, endian, false))).toMatchObject({ text: SAMPLE, encoding: `utf-16${endian}`, detectedBy: "validity" });
    }
  });

  it("round-trips any table text through UTF-8, GBK and UTF-16 (property)", () => {
    fc.assert(
      fc.property(tableText, (text) => {
        expect(decodeText(new TextEncoder().encode(text)).text).toBe(text);
        // GBK bytes that are also valid UTF-8 are ambiguous by nature (no byte tells them apart); there the decoder
        // may keep the UTF-8 reading when it is as typical of Chinese text. Every other GBK text must round-trip.
        const gbk = encodeGbk(text);
        let asUtf8: string | undefined;
        try {
          asUtf8 = new TextDecoder("utf-8", { fatal: true }).decode(gbk);
        } catch {
          asUtf8 = undefined;
        }
        const d = decodeText(gbk).text;
        if (asUtf8 === undefined || asUtf8 === text) expect(d).toBe(text);
        else expect([text, asUtf8]).toContain(d);
        expect(decodeText(encodeUtf16(text, "le", true)).text).toBe(text);
        expect(decodeText(encodeUtf16(text, "be", false)).text).toBe(text);
      }),
      { numRuns: 300, seed: 20261124 },
    );
  });

  it("prefers GBK when a short GBK text is also valid UTF-8 but reads as foreign letters", () => {
    // 一 = D2 BB in GBK, which is also the UTF-8 encoding of Cyrillic һ (U+04BB).
    const d = decodeText(encodeGbk("一,"));
    expect(d).toMatchObject({ text: "一,", encoding: "gb18030" });
    expect(d.tried[0]).toEqual({ encoding: "utf-8", rejected: "valid, but less typical of Chinese text than gb18030" });
    // Genuine UTF-8 Chinese text is never taken for GBK.
    expect(decodeText(new TextEncoder().encode("一,")).encoding).toBe("utf-8");
  });

  it("decodes with an explicit encoding, gbk and gb2312 meaning gb18030", () => {
    expect(decodeText(encodeGbk(SAMPLE), { encoding: "gbk" })).toMatchObject({ text: SAMPLE, encoding: "gb18030", detectedBy: "option" });
    expect(decodeText(encodeUtf16(SAMPLE, "le", true), { encoding: "utf-16le" }).text).toBe(SAMPLE);
  });

  it("refuses binary data, naming every encoding tried and why", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    try {
      decodeText(png);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ShuangsuijiError);
      const err = e as ShuangsuijiError;
      expect(err.code).toBe("undecodable-text");
      expect(err.issues[0]!.messageEn).toMatch(/tried utf-16\w\w: .+; utf-16\w\w: /);
      expect(err.issues[0]!.messageZh).toMatch(/已尝试 utf-16(le、utf-16be|be、utf-16le)/);
    }
    // Bytes that are neither UTF-8 nor GB18030: 0xFF is never a GB18030 lead byte.
    expect(() => decodeText(new Uint8Array([0x41, 0xff, 0xfe, 0x41]))).toThrow(/tried utf-8: invalid byte sequence; gb18030: invalid byte sequence/);
    // Valid UTF-8 holding a control character is not table text.
    expect(() => decodeText(new Uint8Array([0x41, 0x01, 0x42]))).toThrow(/control character U\+0001 at character 2/);
  });

  it("refuses bytes that contradict their BOM or the encoding asked for", () => {
    expect(() => decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xc6, 0xf3]))).toThrow(ShuangsuijiError);
    expect(() => decodeText(encodeGbk(SAMPLE), { encoding: "utf-8" })).toThrow(/tried utf-8: invalid byte sequence/);
  });
});
