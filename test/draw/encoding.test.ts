import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createHash } from "node:crypto";
import { sha256Hex } from "../../src/draw/_shared/_encoding.js";

const nodeHex = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("sha256Hex (one-shot hashes: seed derivation, pool commitment, seed shares) runs on the library's kernel", () => {
  it("FIPS 180-4 vectors", () => {
    const te = new TextEncoder();
    expect(sha256Hex(te.encode("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex(new Uint8Array(0))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex(te.encode("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  });
  it("every length up to 2,100 bytes (padding at 55/56/63/64 and across the 1,024-byte buffer) agrees with node:crypto", () => {
    const buf = new Uint8Array(2100);
    for (let i = 0; i < buf.length; i++) buf[i] = (i * 131 + 7) & 255;
    for (let n = 0; n <= buf.length; n++) expect(sha256Hex(buf.subarray(0, n)), `length ${n}`).toBe(nodeHex(buf.subarray(0, n)));
  });
  it("random messages agree with node:crypto", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 5000 }), (b) => {
      expect(sha256Hex(b)).toBe(nodeHex(b));
    }), { seed: 15, numRuns: 300 });
  });
});
