import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createHash } from "node:crypto";
import { sha256 } from "@noble/hashes/sha2";
import { prefixHasher, wordsToHex, compareWords } from "../../src/draw/_sha256.js";
import { bytesToHex, lengthDelimited } from "../../src/draw/_encoding.js";

const nodeHex = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const concat = (a: Uint8Array, b: Uint8Array) => { const o = new Uint8Array(a.length + b.length); o.set(a); o.set(b, a.length); return o; };

describe("record digests stream canonical JSON into an incremental SHA-256", () => {
  it("digestOf(v) = sha256(utf8(canonicalJson(v))) for random JSON values, including non-ASCII text", async () => {
    const { canonicalJson, digestOf, utf8 } = await import("../../src/draw/_encoding.js");
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(digestOf(v)).toBe(nodeHex(utf8(canonicalJson(v))));
      }),
      { seed: 8, numRuns: 1500 },
    );
    const big = { teams: Array.from({ length: 5000 }, (_, i) => ({ targetIds: [`T${i}`], inspectorIds: [`张${i}`, `I${i}`], random: i % 3 > 0 })) };
    expect(digestOf(big)).toBe(nodeHex(utf8(canonicalJson(big))));
  });
});

describe("specialised SHA-256 (midstate) — differential against @noble/hashes and node:crypto", () => {
  it("FIPS 180-4 vectors", () => {
    const out = new Int32Array(8);
    const h = prefixHasher(new Uint8Array(0));
    h(new TextEncoder().encode("abc"), out);
    expect(wordsToHex(out)).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    h(new Uint8Array(0), out);
    expect(wordsToHex(out)).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    h(new TextEncoder().encode("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"), out);
    expect(wordsToHex(out)).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  });
  it("random prefixes and suffixes of every length up to 300 bytes agree with both references", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), (p, s) => {
        const out = new Int32Array(8);
        prefixHasher(p)(s, out);
        const got = wordsToHex(out);
        const all = concat(p, s);
        expect(got).toBe(bytesToHex(sha256(all)));
        expect(got).toBe(nodeHex(all));
      }),
      { seed: 3, numRuns: 3000 },
    );
  });
  it("large inputs (record digests): 1 MB and odd sizes agree with both references", () => {
    const out = new Int32Array(8);
    for (const n of [1_000_000, 64 * 1024 + 55, 123_457]) {
      const big = new Uint8Array(n).map((_, i) => (i * 2654435761) >>> 24);
      prefixHasher(new Uint8Array(0))(big, out);
      expect(wordsToHex(out)).toBe(nodeHex(big));
      expect(wordsToHex(out)).toBe(bytesToHex(sha256(big)));
    }
  });
  it("one hasher reused across many suffixes gives independent results", () => {
    const p = lengthDelimited(["shuangsuiji/stage1/v1", "seed", "T-1"]);
    const h = prefixHasher(p);
    const out = new Int32Array(8);
    for (const id of ["a", "bb", "x".repeat(100), "", "统一社会信用代码"]) {
      const s = lengthDelimited([id]);
      h(s, out);
      expect(wordsToHex(out)).toBe(nodeHex(concat(p, s)));
    }
  });
  it("word comparison is byte-lexicographic order", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 20 }), fc.uint8Array({ minLength: 1, maxLength: 20 }), (x, y) => {
        const a = new Int32Array(8);
        const b = new Int32Array(8);
        const h = prefixHasher(new Uint8Array(0));
        h(x, a);
        h(y, b);
        const ha = wordsToHex(a);
        const hb = wordsToHex(b);
        expect(Math.sign(compareWords(a, b))).toBe(ha < hb ? -1 : ha > hb ? 1 : 0);
      }),
      { seed: 4, numRuns: 2000 },
    );
  });
});
