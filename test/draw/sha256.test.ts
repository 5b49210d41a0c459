import { describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { createHash } from "node:crypto";
import { sha256 } from "@noble/hashes/sha2";
import * as unrolled from "../../src/draw/_shared/_sha256.js";
import * as unrolledCompression from "../../src/draw/_shared/_compress.js";
import * as compactCompression from "../../src/draw/_shared/_compressCompact.js";
import { bytesToHex, lengthDelimited } from "../../src/draw/_shared/_encoding.js";

// Two compressions with the same exports under one set of hashers (_sha256.ts): the unrolled one (_compress.ts: Node,
// CommonJS) and the compact one (_compressCompact.ts: browsers, through the package.json "browser" field: issue 15,
// docs/benchmarks.md "Bundle size"). The hashers are loaded a second time on the compact compression (a fresh module
// graph with _compress.ts given _compressCompact.ts), and both get every differential test below;
// test/draw/sha256Compact.test.ts runs the draw's digests and golden vectors on the compact one and
// test/draw/sha256Browser.test.ts checks which compression a browser bundle carries.
type Kernel = typeof unrolled;
const COMPRESS = "../../src/draw/_shared/_compress.js";
async function hashersOnCompact(): Promise<Kernel> {
  vi.resetModules();
  vi.doMock(COMPRESS, async () => await import("../../src/draw/_shared/_compressCompact.js"));
  try {
    return await import("../../src/draw/_shared/_sha256.js");
  } finally {
    vi.doUnmock(COMPRESS);
    vi.resetModules();
  }
}
const compact = await hashersOnCompact();
const KERNELS: readonly (readonly [string, Kernel])[] = [["unrolled compression (_compress.ts)", unrolled], ["compact compression (_compressCompact.ts)", compact]];

describe("the two compressions", () => {
  it("export the same names, each of the same kind and arity, and the same initial hash value", () => {
    const shape = (k: object) => Object.entries(k).map(([name, f]) => [name, typeof f, typeof f === "function" ? (f as (...a: unknown[]) => unknown).length : -1]).sort();
    expect(shape(compactCompression)).toEqual(shape(unrolledCompression));
    expect(compactCompression.IV.map((x) => x | 0)).toEqual(unrolledCompression.IV.map((x) => x | 0)); // as 32-bit words
    expect(compact).not.toBe(unrolled);
    expect(compact.streamingSha256).not.toBe(unrolled.streamingSha256);
  });
  it("are two modules in Node (the browser map is not applied there: Node and the tests run the unrolled one)", () => {
    expect(compact.streamingSha256).not.toBe(unrolled.streamingSha256);
    expect(compact.prefixHasherInto).not.toBe(unrolled.prefixHasherInto);
  });
});

const nodeHex = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const concat = (a: Uint8Array, b: Uint8Array) => { const o = new Uint8Array(a.length + b.length); o.set(a); o.set(b, a.length); return o; };

describe("record digests stream canonical JSON into an incremental SHA-256", () => {
  it("digestOf(v) = sha256(utf8(canonicalJson(v))) for random JSON values, including non-ASCII text", async () => {
    const { canonicalJson, digestOf, utf8 } = await import("../../src/draw/_shared/_encoding.js");
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

// Lengths that straddle every padding case: empty, one block with and without room for the length field (55/56 bytes),
// exact blocks (64, 128), and several blocks.
const BOUNDARY_LENGTHS = [0, 1, 31, 32, 54, 55, 56, 57, 63, 64, 65, 118, 119, 120, 127, 128, 129, 183, 184, 191, 192, 200];
const bytesOf = (n: number, salt: number) => Uint8Array.from({ length: n }, (_, i) => (Math.imul(i + 1, 2654435761) + salt) >>> 24);

for (const [kernel, k] of KERNELS) {
describe(kernel, () => {
  const { blockSha256, compareWords, compareWordsAt, directHasher, fieldHasherInto, prefixHasher, prefixHasherInto, streamingSha256, textHasherInto, wordsToHex, wordsToHexBytes } = k;

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


  describe("word-output hashers (prefixHasherInto, fieldHasherInto) — differential on every length class", () => {
    it("prefix × suffix lengths around the block boundaries (0..200 bytes each) agree with node:crypto and @noble/hashes", () => {
      const out = new Uint32Array(3 * 8);
      for (const pl of BOUNDARY_LENGTHS) {
        const p = bytesOf(pl, pl);
        const h = prefixHasherInto(p);
        for (const sl of BOUNDARY_LENGTHS) {
          const s = bytesOf(sl, 7 * sl + 1);
          h(s, sl, out, 8); // middle slot: the neighbours must stay untouched
          const all = concat(p, s);
          expect(wordsToHex(out, 8)).toBe(nodeHex(all));
          expect(wordsToHex(out, 8)).toBe(bytesToHex(sha256(all)));
          expect(Array.from(out.subarray(0, 8)).concat(Array.from(out.subarray(16)))).toEqual(new Array(16).fill(0));
        }
      }
    });
    it("a long suffix after short ones, then short ones again, is unaffected by bytes left in the buffer", () => {
      const p = bytesOf(70, 3);
      const h = prefixHasherInto(p);
      const out = new Int32Array(8);
      for (const n of [10, 500, 3, 190, 0, 64 * 20 + 7, 1]) {
        const s = bytesOf(n, n);
        h(s, n, out, 0);
        expect(wordsToHex(out)).toBe(nodeHex(concat(p, s)));
      }
    });
    it("random prefixes and suffixes (multi-block, uses only the first suffixLength bytes) agree with both references", () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 400 }), fc.uint8Array({ maxLength: 400 }), fc.nat(400), (p, s, cut) => {
          const n = Math.min(cut, s.length);
          const out = new Uint32Array(8);
          prefixHasherInto(p)(s, n, out, 0);
          const all = concat(p, s.subarray(0, n));
          expect(wordsToHex(out)).toBe(nodeHex(all));
          expect(wordsToHex(out)).toBe(bytesToHex(sha256(all)));
        }),
        { seed: 11, numRuns: 2000 },
      );
    });
    it("fieldHasherInto(prefix)(s) = SHA-256(prefix ‖ lengthDelimited([s])) for ASCII, non-ASCII UTF-8 and long text", () => {
      const prefix = lengthDelimited(["shuangsuiji/stage1/v1", bytesOf(32, 9), "T-2026-01"]);
      const h = fieldHasherInto(prefix);
      const out = new Uint32Array(8);
      const fixed = ["", "a", "91350100M000100Y43", "统一社会信用代码", "x".repeat(200), "é".repeat(30), "a😀b", "U".repeat(54), "中".repeat(40) + "tail"];
      for (const id of fixed) {
        h(id, out, 0);
        expect(wordsToHex(out)).toBe(nodeHex(concat(prefix, lengthDelimited([id]))));
      }
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 150 }), fc.string({ unit: "binary", maxLength: 120 }), (p, id) => {
          const o = new Int32Array(16);
          fieldHasherInto(p)(id, o, 8);
          const all = concat(p, lengthDelimited([id]));
          expect(wordsToHex(o, 8)).toBe(nodeHex(all));
          expect(wordsToHex(o, 8)).toBe(bytesToHex(sha256(all)));
        }),
        { seed: 12, numRuns: 800 },
      );
    });
    it("streamingSha256 over random chunkings (text and bytes, across its 1 KiB buffer) agrees with node:crypto", () => {
      fc.assert(
        fc.property(fc.array(fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), fc.uint8Array({ maxLength: 1500 })), { maxLength: 12 }), (parts) => {
          const h = streamingSha256();
          const enc = new TextEncoder();
          let all = new Uint8Array(0);
          for (const part of parts) {
            if (typeof part === "string") h.text(part);
            else h.bytes(part);
            all = concat(all, typeof part === "string" ? enc.encode(part) : part);
          }
          const out = new Uint32Array(8);
          h.digestInto(out, 0);
          expect(wordsToHex(out)).toBe(nodeHex(all));
        }),
        { seed: 13, numRuns: 1500 },
      );
      for (let n = 0; n <= 2200; n++) {
        if (n > 200 && n % 64 !== 0 && (n + 1) % 64 !== 0 && (n + 9) % 64 > 2 && n % 1024 > 3) continue;
        const b = bytesOf(n, 5);
        const h = streamingSha256();
        h.bytes(b);
        expect(h.hex()).toBe(nodeHex(b));
      }
    });
    it("compareWordsAt orders digests stored side by side in one Uint32Array as their hex strings", () => {
      fc.assert(
        fc.property(fc.array(fc.uint8Array({ maxLength: 20 }), { minLength: 2, maxLength: 30 }), (inputs) => {
          const slab = new Uint32Array(8 * inputs.length);
          const h = prefixHasherInto(new Uint8Array(0));
          inputs.forEach((x, i) => h(x, x.length, slab, 8 * i));
          const order = inputs.map((_, i) => i).sort((a, b) => compareWordsAt(slab, 8 * a, slab, 8 * b) || a - b);
          const hexes = inputs.map((_, i) => wordsToHex(slab, 8 * i));
          const byHex = inputs.map((_, i) => i).sort((a, b) => ((hexes[a] as string) < (hexes[b] as string) ? -1 : (hexes[a] as string) > (hexes[b] as string) ? 1 : a - b));
          expect(order).toEqual(byHex);
        }),
        { seed: 14, numRuns: 500 },
      );
    });
  });

  describe("streamingSha256.jsonString", () => {
    it("appends exactly JSON.stringify(s): plain ASCII, escapes, control chars, non-ASCII, lone surrogates, long text", () => {
      const enc = new TextEncoder();
      const check = (parts: readonly string[]) => {
        const h = streamingSha256();
        for (const p of parts) h.jsonString(p);
        expect(h.hex()).toBe(nodeHex(enc.encode(parts.map((p) => JSON.stringify(p)).join(""))));
      };
      check(["", "a", 'q"uote', "back\\slash", "tab\tnl\n", "\u007f", "é", "统一", "\ud800", "x".repeat(1030)]);
      fc.assert(fc.property(fc.array(fc.string({ unit: "binary", maxLength: 80 }), { maxLength: 40 }), (parts) => check(parts)), { seed: 15, numRuns: 800 });
      fc.assert(fc.property(fc.array(fc.string({ maxLength: 300 }), { maxLength: 20 }), (parts) => check(parts)), { seed: 16, numRuns: 300 });
    });
  });

  describe("streamingSha256().jsonHexBytes: the JSON literal of a digest's hex, from its digit codes (wordsToHexBytes)", () => {
    it("wordsToHexBytes writes the codes of wordsToHex, at any offset", () => {
      fc.assert(fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: 16, maxLength: 16 }), fc.integer({ min: 0, max: 70 }), (ws, at) => {
        const words = Int32Array.from(ws);
        const out = new Uint8Array(at + 64 + 3).fill(0x2a);
        wordsToHexBytes(words, 8, out, at);
        expect(new TextDecoder().decode(out.subarray(at, at + 64))).toBe(wordsToHex(words, 8));
        expect([...out.subarray(0, at), ...out.subarray(at + 64)].every((b) => b === 0x2a)).toBe(true);
      }), { seed: 12, numRuns: 400 });
      expect(wordsToHex(Int32Array.from([0, -1, 0x0123abcd, -0x7fffffff - 1, 0x7fffffff, 16, 255, 256]))).toBe("00000000ffffffff0123abcd800000007fffffff00000010000000ff00000100");
    });
    it("equals jsonString(wordsToHex(words)) at every fill of the 1 KiB buffer", () => {
      fc.assert(fc.property(fc.integer({ min: 0, max: 2100 }), fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: 16, maxLength: 16 }), (lead, ws) => {
        const words = Int32Array.from(ws);
        const a = streamingSha256();
        const b = streamingSha256();
        a.text("x".repeat(lead));
        b.text("x".repeat(lead));
        const hex = new Uint8Array(64 + 5);
        wordsToHexBytes(words, 8, hex, 5);
        a.jsonHexBytes(hex, 5);
        b.jsonString(wordsToHex(words, 8));
        a.text("}");
        b.text("}");
        expect(a.hex()).toBe(b.hex());
      }), { seed: 13, numRuns: 400 });
    });
  });

  describe("directHasher: messages written in place after the prefix — differential with node:crypto", () => {
    it("random prefixes and messages of every length up to 300 bytes, the buffer grown and reused", () => {
      fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), fc.array(fc.uint8Array({ maxLength: 300 }), { minLength: 1, maxLength: 6 }), (prefix, messages) => {
        const h = directHasher(prefix);
        const out = new Int32Array(16);
        for (const m of messages) {
          const buf = h.reserve(m.length);
          buf.set(m, h.at);
          h.finish(m.length, out, 8);
          const want = createHash("sha256").update(prefix).update(m).digest("hex");
          expect(wordsToHex(out, 8)).toBe(want);
          expect(h.buf).toBe(buf);
        }
      }), { seed: 17, numRuns: 300 });
    });

    it("messages of one length in a row reuse the padding; junk written past a message's end, then invalidate(), is padded afresh", () => {
      fc.assert(fc.property(fc.uint8Array({ maxLength: 130 }), fc.array(fc.tuple(fc.nat({ max: 3 }), fc.uint8Array({ maxLength: 140 }), fc.nat({ max: 90 })), { minLength: 1, maxLength: 12 }), (prefix, steps) => {
        const h = directHasher(prefix);
        h.reserve(400);
        const out = new Int32Array(8);
        let last = new Uint8Array(0);
        for (const [kind, bytes, junk] of steps) {
          // kind 0: a message of the last length (new content); 1: any message; 2: junk past the last message's end
          // (invalidated); 3: the same message again
          const m = kind === 0 ? Uint8Array.from(last, (b, i) => b ^ (bytes[i % Math.max(1, bytes.length)] ?? 1)) : kind === 3 ? last : bytes;
          if (kind === 2) {
            h.buf.fill(0xa5, h.at + last.length, h.at + last.length + junk);
            h.invalidate();
          }
          h.buf.set(m, h.at);
          h.finish(m.length, out, 0);
          expect(wordsToHex(out)).toBe(createHash("sha256").update(prefix).update(m).digest("hex"));
          last = m;
        }
      }), { seed: 19, numRuns: 400 });
    });
  });

  describe("blockSha256: a chained hash fed whole blocks from the caller's buffer, then a padded tail", () => {
    it("any split into runs of whole blocks and a tail of any length agrees with node:crypto and @noble/hashes", () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 1200 }), fc.array(fc.nat({ max: 6 }), { maxLength: 12 }), fc.nat({ max: 64 }), (msg, runs, offset) => {
          const h = blockSha256();
          // the message at an odd offset inside a bigger buffer: blocks are read through a DataView at `from`
          const buf = new Uint8Array(offset + msg.length);
          buf.set(msg, offset);
          const view = new DataView(buf.buffer);
          let at = 0;
          for (const blocks of runs) {
            const len = Math.min(blocks * 64, (msg.length - at) & ~63);
            h.blocks(view, offset + at, len);
            at += len;
          }
          const out = new Int32Array(8);
          h.finishInto(buf.subarray(offset + at), msg.length - at, out, 0);
          expect(wordsToHex(out)).toBe(nodeHex(msg));
          expect(wordsToHex(out)).toBe(bytesToHex(sha256(msg)));
        }),
        { seed: 29, numRuns: 400 },
      );
    });
    it("refuses a run that is not whole blocks", () => {
      expect(() => blockSha256().blocks(new DataView(new ArrayBuffer(64)), 0, 63)).toThrow(RangeError);
    });
  });

  // Every API is compared with both references on every message length from 0 to 300 bytes (all padding cases: 0–55 one
  // block, 56–63 two, and so on up to five blocks), and on random multi-block messages (issue 15: written for the compact
  // compression, 8 passes of 8 rounds over a 64-word schedule, its round constants and initial value computed).
  describe("every length 0–300 and random multi-block messages", () => {
    const msgs = Array.from({ length: 301 }, (_, n) => bytesOf(n, 3 * n + 11));
    const want = msgs.map((m) => nodeHex(m));
    it("references agree with each other (sanity)", () => {
      for (const n of [0, 55, 56, 64, 119, 300]) expect(bytesToHex(sha256(msgs[n] as Uint8Array))).toBe(want[n]);
    });
    it("prefixHasher / prefixHasherInto with the message split at the start, the middle, block boundaries and the end", () => {
      const out = new Uint32Array(24);
      msgs.forEach((m, n) => {
        for (const k of new Set([0, n >> 1, n & ~63, Math.min(n, 64), Math.max(0, n - 1), n])) {
          prefixHasherInto(m.subarray(0, k))(m.subarray(k), n - k, out, 8);
          expect(wordsToHex(out, 8)).toBe(want[n]);
        }
        const o = new Int32Array(8);
        prefixHasher(new Uint8Array(0))(m, o);
        expect(wordsToHex(o)).toBe(want[n]);
      });
      expect(Array.from(out.subarray(0, 8)).concat(Array.from(out.subarray(16)))).toEqual(new Array(16).fill(0));
    });
    it("sha256Hex, streamingSha256 (bytes in chunks of 1, 7, 64 and whole; ASCII text), blockSha256, directHasher, textHasherInto", async () => {
      // sha256Hex (_encoding.ts) runs on the unrolled kernel in Node; on the compact one: test/draw/sha256Compact.test.ts
      const { sha256Hex } = await import("../../src/draw/_shared/_encoding.js");
      const text = textHasherInto();
      msgs.forEach((m, n) => {
        if (k === unrolled) expect(sha256Hex(m)).toBe(want[n]);
        for (const chunk of [1, 7, 64, 301]) {
          const s = streamingSha256();
          for (let i = 0; i < n; i += chunk) s.bytes(m.subarray(i, i + chunk));
          expect(s.hex()).toBe(want[n]);
        }
        const ascii = m.map((b) => 0x20 + (b % 95));
        const s = streamingSha256();
        s.text(new TextDecoder().decode(ascii));
        expect(s.hex()).toBe(nodeHex(ascii));
        const tw = new Int32Array(8);
        text(new TextDecoder().decode(ascii), tw, 0);
        expect(wordsToHex(tw)).toBe(nodeHex(ascii));
        const b = blockSha256();
        const full = n & ~63;
        if (full > 0) b.blocks(new DataView(m.buffer, m.byteOffset, m.byteLength), 0, full);
        const out = new Int32Array(8);
        b.finishInto(m.subarray(full), n - full, out, 0);
        expect(wordsToHex(out)).toBe(want[n]);
        const d = directHasher(m.subarray(0, n >> 2));
        d.reserve(n - (n >> 2)).set(m.subarray(n >> 2), d.at);
        d.finish(n - (n >> 2), out, 0);
        expect(wordsToHex(out)).toBe(want[n]);
      });
    });
    it("fieldHasherInto on ids of every UTF-8 length 0–300 (ASCII and mixed) after prefixes of every length class", () => {
      const out = new Uint32Array(8);
      for (const pl of BOUNDARY_LENGTHS) {
        const p = bytesOf(pl, pl + 5);
        const h = fieldHasherInto(p);
        for (let n = 0; n <= 300; n += pl % 2 === 0 ? 1 : 7) {
          const id = n % 3 === 0 ? "x".repeat(n) : `${"中".repeat(n % 50)}${"y".repeat(n)}`;
          h(id, out, 0);
          const all = concat(p, lengthDelimited([id]));
          expect(wordsToHex(out)).toBe(nodeHex(all));
        }
      }
    });
    it("random multi-block messages (up to 5,000 bytes), streamed in random chunks and hashed after random prefixes", () => {
      fc.assert(
        fc.property(fc.uint8Array({ minLength: 64, maxLength: 5000 }), fc.array(fc.nat({ max: 700 }), { maxLength: 10 }), fc.nat(5000), (m, cuts, k0) => {
          const all = nodeHex(m);
          expect(bytesToHex(sha256(m))).toBe(all);
          const s = streamingSha256();
          let at = 0;
          for (const c of cuts) {
            s.bytes(m.subarray(at, at + c));
            at = Math.min(m.length, at + c);
          }
          s.bytes(m.subarray(at));
          expect(s.hex()).toBe(all);
          const k = k0 % (m.length + 1);
          const out = new Int32Array(8);
          prefixHasherInto(m.subarray(0, k))(m.subarray(k), m.length - k, out, 0);
          expect(wordsToHex(out)).toBe(all);
        }),
        { seed: 31, numRuns: 300 },
      );
    });
  });
});
}

// The compact kernel computes its round constants and initial value (the unrolled one lists them).
describe("the compact kernel's round constants and initial value are exact, whatever the engine's Math.cbrt and Math.sqrt round to", () => {
  it("with Math.cbrt and Math.sqrt off by up to ±1e-9 (relative) the kernel still matches node:crypto", async () => {
    const { vi } = await import("vitest");
    const { cbrt, sqrt } = Math;
    for (const skew of [1 + 1e-9, 1 - 1e-9, 1 + 2 ** -52, 1 - 2 ** -52]) {
      vi.resetModules();
      Math.cbrt = (x: number) => cbrt(x) * skew;
      Math.sqrt = (x: number) => sqrt(x) * (2 - skew);
      try {
        const k = await hashersOnCompact();
        Math.cbrt = cbrt;
        Math.sqrt = sqrt;
        for (const n of [0, 3, 55, 56, 64, 200]) {
          const out = new Int32Array(8);
          k.prefixHasher(new Uint8Array(0))(bytesOf(n, n), out);
          expect(k.wordsToHex(out)).toBe(nodeHex(bytesOf(n, n)));
        }
      } finally {
        Math.cbrt = cbrt;
        Math.sqrt = sqrt;
      }
    }
    vi.resetModules();
  });
});
