import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createHash } from "node:crypto";
import { RecordText } from "../../src/draw/inspectors/_recordText.js";
import { utf8 } from "../../src/draw/_shared/_encoding.js";

// The stage-2 record text is hashed chunk by chunk through a small reused buffer ("hash") and compared chunk by chunk
// with a kept text ("compare"): both must treat the text exactly as the whole buffer ("keep") does, wherever the chunk
// boundaries fall — inside a multi-byte character, a piece, a JSON string literal.
const nodeHex = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.constantFrom("😀😀😀", "检查对象", "é", "\"", "\\", "\u2028", "a".repeat(150), "甲".repeat(70), "𠀀".repeat(33)),
  // every code point, lone surrogates included, and the UTF-8 length boundaries (jsonString encodes the BMP in place)
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom("\u007f", "\u0080", "\u07ff", "\u0800", "\ud7ff", "\ue000", "\uffff", "\ud800", "x\udc00y", "\udbff\udfff", "\u0000\u001f", "食品\n"),
);
/** The prefixes of an inspector id's pieces in the record text (as drawInspectors stores them). */
const PREFIXES = ["", ",", '{"inspectorIds":[', ',{"inspectorIds":['];
type Op = { kind: "text" | "json" | "piece" | "byte" | "jsonString" | "list" | "quoted" | "strings"; s: string; ids: string[] };
const op = fc.record({ kind: fc.constantFrom<Op["kind"]>("text", "json", "piece", "byte", "jsonString", "list", "quoted", "strings"), s: text, ids: fc.array(text, { maxLength: 4 }) });

/** Writes the ops into `t`; returns the expected text (what the writes append, as a JS string). */
function write(t: RecordText, ops: readonly Op[]): string {
  let expected = "";
  const pieces: number[] = [];
  const strings: string[] = [];
  for (const o of ops) {
    switch (o.kind) {
      case "text": t.text(o.s); expected += o.s; break;
      case "json": t.json({ b: o.ids, a: o.s }); expected += JSON.stringify({ a: o.s, b: o.ids }); break;
      case "byte": t.byte(0x2c); expected += ","; break;
      case "jsonString": t.jsonString(o.s); expected += JSON.stringify(o.s); break;
      case "strings": {
        // now and then a list long enough (over 4 KiB) for the one-by-one path
        const ids = o.s.length % 3 === 0 ? Array.from({ length: 60 }, () => [...o.ids, "a".repeat(80)]).flat() : o.ids;
        t.jsonStrings(ids);
        expected += ids.map((id) => JSON.stringify(id)).join(",");
        break;
      }
      case "piece": pieces.push(t.piece(o.s)); strings.push(o.s); break;
      case "list": pieces.push(t.listPiece(o.ids, "}")); strings.push(`${JSON.stringify(o.ids)}}`); break;
      case "quoted": {
        // four pieces, numbered consecutively: prefix + JSON string literal
        const first = t.quotedPieces(o.s, PREFIXES);
        PREFIXES.forEach((p, i) => {
          pieces.push(first + i);
          strings.push(`${p}${JSON.stringify(o.s)}`);
        });
        break;
      }
    }
    // put every stored piece again (one by one, then all at once): copies from the arena across chunk boundaries
    if (pieces.length > 0 && o.s.length % 2 === 0) {
      const k = o.s.length % pieces.length;
      t.put(pieces[k] as number);
      expected += strings[k];
      t.putAll(Int32Array.from(pieces), pieces.length);
      expected += strings.join("");
    }
  }
  return expected;
}

describe("RecordText: hashed or compared chunk by chunk = the whole text", () => {
  it("'hash' with a chunk of 64–300 bytes gives SHA-256 of the 'keep' bytes, which are the UTF-8 of the text", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), fc.integer({ min: 64, max: 300 }), (ops, chunk) => {
        const keep = new RecordText("keep", chunk);
        const expected = write(keep, ops);
        const bytes = keep.bytes();
        expect(bytes).toEqual(utf8(expected));
        const hashed = new RecordText("hash", chunk);
        write(hashed, ops);
        expect(hashed.digest()).toBe(nodeHex(bytes));
        expect(keep.digest()).toBe(nodeHex(bytes));
        const compared = new RecordText({ compare: bytes.slice() }, chunk);
        write(compared, ops);
        expect(compared.matches()).toBe(true);
        for (const offset of [1, 2, 3]) {
          // the kept text at an offset of its buffer that is not a multiple of 4 (unaligned loads)
          const shifted = new Uint8Array(bytes.length + offset);
          shifted.set(bytes, offset);
          const unaligned = new RecordText({ compare: shifted.subarray(offset) }, chunk);
          write(unaligned, ops);
          expect(unaligned.matches()).toBe(true);
        }
      }),
      { seed: 31, numRuns: 500 },
    );
  });

  it("the chunk boundary inside a multi-byte character: every split of 1–4-byte characters hashes alike", () => {
    for (const ch of ["a", "é", "检", "😀"]) {
      for (let lead = 0; lead < 70; lead++) {
        const s = "x".repeat(lead) + ch.repeat(40);
        const hashed = new RecordText("hash", 64);
        hashed.text(s);
        hashed.text(s); // the second write flushes with the first's last character split across the boundary
        expect(hashed.digest()).toBe(nodeHex(utf8(s + s)));
      }
    }
  });

  it("'compare' refuses any single-byte change, any truncation and any extension of the kept text", () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 20 }), fc.integer({ min: 64, max: 200 }), fc.nat(), fc.integer({ min: 1, max: 255 }), fc.constantFrom("edit", "cut", "extend"), (ops, chunk, where, delta, how) => {
        const keep = new RecordText("keep", chunk);
        write(keep, ops);
        const bytes = keep.bytes();
        let other: Uint8Array;
        if (how === "extend") other = Uint8Array.from([...bytes, delta]);
        else {
          if (bytes.length === 0) return;
          const i = where % bytes.length;
          if (how === "cut") other = bytes.slice(0, i);
          else {
            other = bytes.slice();
            other[i] = ((other[i] as number) + delta) & 0xff;
          }
        }
        const compared = new RecordText({ compare: other }, chunk);
        write(compared, ops);
        expect(compared.matches()).toBe(false);
        // the same text starting at an odd offset of its buffer (compared through unaligned loads)
        const shifted = new Uint8Array(other.length + 3);
        shifted.set(other, 1 + (where % 3));
        const unaligned = new RecordText({ compare: shifted.subarray(1 + (where % 3), 1 + (where % 3) + other.length) }, chunk);
        write(unaligned, ops);
        expect(unaligned.matches()).toBe(false);
      }),
      { seed: 37, numRuns: 500 },
    );
  });

  it("the text read back or hashed in the wrong mode is a thrown error, not a wrong answer", () => {
    expect(() => new RecordText("hash").bytes()).toThrow(/keep mode/);
    expect(() => new RecordText({ compare: new Uint8Array(0) }).digest()).toThrow(/keep or hash/);
    expect(() => new RecordText("keep").matches()).toThrow(/compare mode/);
  });
});
