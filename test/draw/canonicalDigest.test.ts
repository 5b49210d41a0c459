import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { canonicalDigest } from "../../src/draw/_shared/_canonicalDigest.js";
import { canonicalJson, digestOf, sha256Hex, utf8 } from "../../src/draw/_shared/_encoding.js";

// The streamed record digest hashes exactly the bytes of the canonical JSON text (docs/spec-v1.md §2).
const reference = (v: unknown) => sha256Hex(utf8(canonicalJson(v)));
const text = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.constantFrom("", "\"\\\u0000\u001f\u007f\u2028", "检查对象-甲", "😀"));
const leaf = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
const anyValue = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("v"), { maxLength: 6 }), fc.dictionary(fc.oneof(text, fc.constantFrom("a", "b", "inspectorIds", "Z", "é")), tie("v"), { maxKeys: 6 })),
})).v;
const value = anyValue.filter((v) => v !== undefined); // a record is never undefined

describe("canonicalDigest streams exactly the canonical JSON bytes", () => {
  it("equals SHA-256 of canonicalJson on random values (strings of every kind, undefined members, nested shapes)", () => {
    fc.assert(fc.property(value, (v) => {
      expect(canonicalDigest(v)).toBe(reference(v));
    }), { seed: 5, numRuns: 2000 });
  });
  it("across the 64 KiB chunk boundary, long strings, many objects of a few shapes, key orders", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 70_000 }), fc.string({ unit: "grapheme", maxLength: 3 }), (n, long, u) => {
        const rows = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? { targetIds: [`T${i}`], random: i % 3 === 0, inspectorIds: [`S-${i}${u}`, "x"] } : { z: i, a: u, m: undefined }));
        const v = { rows, long: "a".repeat(long) + u, longer: u.repeat(long % 5000), b: [] as unknown[] };
        expect(canonicalDigest(v)).toBe(reference(v));
      }),
      { seed: 6, numRuns: 40 },
    );
  });
  it("is the record digest the library has always used (digestOf)", () => {
    fc.assert(fc.property(value, (v) => {
      expect(canonicalDigest(v)).toBe(digestOf(v));
    }), { seed: 7, numRuns: 300 });
  });
});
