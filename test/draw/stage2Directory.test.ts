import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { directoryDigest } from "../../src/draw/inspectors/_directoryDigest.js";
import { canonicalDigest } from "../../src/draw/_shared/_canonicalDigest.js";
import { canonicalJson, utf8 } from "../../src/draw/_shared/_encoding.js";
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex } from "@noble/hashes/utils";
import { INSPECTOR_CATEGORIES, type Inspector } from "../../src/model/inspector.js";

// A department's directory digest is written without the generic canonical walk when every row is the common one
// (exactly id, name, departmentId, category, expertise; plain texts): it must be the generic digest, byte for byte, for
// any texts — escapes, every code point, lone surrogates — and any directory with another row falls back to it.
const text = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 12 }),
    fc.string({ unit: "binary", minLength: 1, maxLength: 12 }),
    fc.constantFrom("食品", "特种设备", "D1-0", 'a"b', "a\\b", "x\u2028y", "e\u0301", "𠀀", "a\u007fb", "\ud800x", "x\udfff"),
  )
  .filter((s) => s.length > 0 && s === s.trim());
const row = fc.record({
  id: text,
  name: text,
  departmentId: text,
  category: fc.constantFrom(...INSPECTOR_CATEGORIES),
  expertise: fc.array(text, { maxLength: 3 }),
});
const reference = (v: unknown) => bytesToHex(sha256(utf8(canonicalJson(v))));

describe("directoryDigest = canonicalDigest of the directory", () => {
  it("on directories of common rows (any texts)", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        const d = directoryDigest(rows as Inspector[]);
        expect(d).toBe(canonicalDigest(rows));
        expect(d).toBe(reference(rows));
      }),
      { seed: 13, numRuns: 1000 },
    );
  });

  it("on directories with other rows (optional members, null prototypes, key orders): the generic digest", () => {
    const other = fc.oneof(
      row.map((r) => ({ ...r, unit: "所1", unitKind: "station" })),
      row.map((r) => Object.assign(Object.create(null) as object, r)),
      row.map((r) => ({ name: r.name, expertise: r.expertise, id: r.id, category: r.category, departmentId: r.departmentId })),
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(row, other), { maxLength: 6 }), (rows) => {
        expect(directoryDigest(rows as Inspector[])).toBe(reference(rows));
      }),
      { seed: 14, numRuns: 500 },
    );
  });
});
