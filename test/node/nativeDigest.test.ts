// node:crypto's SHA-256 (src/node/_nativeDigest.ts) against the library's kernel (textDigest) and @noble/hashes: the
// same hex on every text — every padding length around one and two blocks, ASCII and not, lone surrogates (both
// encode them as U+FFFD), a text longer than any before — and on every event text of a trail.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { sha256 } from "@noble/hashes/sha2";
import { nativeTextDigest } from "../../src/node/_nativeDigest.js";
import { textDigest } from "../../src/task/_digest.js";
import { bytesToHex, utf8 } from "../../src/draw/_shared/_encoding.js";
import { run, sequence, withTeams } from "../task/_trails.js";

const noble = (s: string) => bytesToHex(sha256(utf8(s)));

describe("nativeTextDigest (shuangsuiji/node) ≡ the library's SHA-256 kernel", () => {
  it("on every length class and any UTF-16 text", () => {
    for (let n = 0; n <= 200; n++) {
      for (const s of ["a".repeat(n), `${"b".repeat(n)}联合`, `🙂${"c".repeat(n)}\udc00`]) {
        expect(nativeTextDigest(s)).toBe(textDigest(s));
        expect(nativeTextDigest(s)).toBe(noble(s));
      }
    }
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 400 }), (s) => { expect(nativeTextDigest(s)).toBe(textDigest(s)); }), { seed: 1406, numRuns: 1000 });
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (s) => { expect(nativeTextDigest(s)).toBe(textDigest(s)); }), { seed: 1407, numRuns: 500 });
    const big = `检查${"x".repeat(200_000)}🙂\ud800`;
    expect(nativeTextDigest(big)).toBe(textDigest(big));
    expect(nativeTextDigest("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("on the event texts of random trails", () => {
    fc.assert(fc.property(sequence, (ops) => {
      for (const e of run(withTeams, ops).audit) {
        const s = JSON.stringify(e);
        expect(nativeTextDigest(s)).toBe(textDigest(s));
      }
    }), { seed: 1408, numRuns: 20 });
  });
});
