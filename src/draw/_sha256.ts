// A specialised synchronous SHA-256 (FIPS 180-4) for many short messages that share a prefix: the prefix's full
// blocks are compressed once (midstate) and each message then costs only its last one or two blocks. It writes the
// digest as eight big-endian 32-bit words, so tickets compare without hex conversion. General hashing uses
// @noble/hashes; this path is differential-tested against it and node:crypto (test/draw/sha256.test.ts).

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

function compress(h: Int32Array, w: Int32Array): void {
  for (let i = 16; i < 64; i++) {
    const w15 = w[i - 15] as number;
    const w2 = w[i - 2] as number;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) | 0;
  }
  let a = h[0] as number, b = h[1] as number, c = h[2] as number, d = h[3] as number;
  let e = h[4] as number, f = h[5] as number, g = h[6] as number, hh = h[7] as number;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (hh + S1 + ch + (K[i] as number) + (w[i] as number)) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) | 0;
    hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
  }
  h[0] = ((h[0] as number) + a) | 0; h[1] = ((h[1] as number) + b) | 0; h[2] = ((h[2] as number) + c) | 0; h[3] = ((h[3] as number) + d) | 0;
  h[4] = ((h[4] as number) + e) | 0; h[5] = ((h[5] as number) + f) | 0; h[6] = ((h[6] as number) + g) | 0; h[7] = ((h[7] as number) + hh) | 0;
}

/** Hashes `prefix ‖ suffix` for many suffixes; `out` receives the digest as 8 words (signed int32, big-endian order). */
export type PrefixHasher = (suffix: Uint8Array, out: Int32Array, suffixLength?: number) => void;

export function prefixHasher(prefix: Uint8Array): PrefixHasher {
  const full = prefix.length - (prefix.length % 64);
  const mid = new Int32Array(IV);
  const w = new Int32Array(64);
  const loadBlock = (bytes: Uint8Array, off: number) => {
    for (let i = 0; i < 16; i++) {
      const j = off + 4 * i;
      w[i] = ((bytes[j] as number) << 24) | ((bytes[j + 1] as number) << 16) | ((bytes[j + 2] as number) << 8) | (bytes[j + 3] as number);
    }
  };
  for (let off = 0; off < full; off += 64) {
    loadBlock(prefix, off);
    compress(mid, w);
  }
  const rest = prefix.subarray(full);
  let buf = new Uint8Array(128);
  return (suffix, out, suffixLength = suffix.length) => {
    const len = rest.length + suffixLength;
    const total = len + 9 <= 64 ? 64 : Math.ceil((len + 9) / 64) * 64;
    if (buf.length < total) buf = new Uint8Array(total);
    buf.set(rest, 0);
    for (let i = 0; i < suffixLength; i++) buf[rest.length + i] = suffix[i] as number;
    buf[len] = 0x80;
    buf.fill(0, len + 1, total);
    const bits = (full + len) * 8;
    // message length in bits, big-endian 64-bit (lengths here stay far below 2^32 bytes)
    const hi = Math.floor(bits / 0x100000000);
    buf[total - 8] = hi >>> 24; buf[total - 7] = hi >>> 16; buf[total - 6] = hi >>> 8; buf[total - 5] = hi;
    buf[total - 4] = bits >>> 24; buf[total - 3] = bits >>> 16; buf[total - 2] = bits >>> 8; buf[total - 1] = bits;
    out.set(mid);
    for (let off = 0; off < total; off += 64) {
      loadBlock(buf, off);
      compress(out, w);
    }
  };
}

/** Incremental SHA-256 over many writes (used to hash canonical JSON without building the whole string). */
export function streamingSha256() {
  const h = new Int32Array(IV);
  const w = new Int32Array(64);
  const block = new Uint8Array(64);
  let fill = 0;
  let total = 0;
  const encoder = new TextEncoder();
  const flush = () => {
    for (let i = 0; i < 16; i++) {
      const j = 4 * i;
      w[i] = ((block[j] as number) << 24) | ((block[j + 1] as number) << 16) | ((block[j + 2] as number) << 8) | (block[j + 3] as number);
    }
    compress(h, w);
    fill = 0;
  };
  const byte = (b: number) => {
    block[fill++] = b;
    if (fill === 64) flush();
  };
  return {
    /** Appends the UTF-8 bytes of `s` (ASCII copied straight into the block). */
    text(s: string): void {
      const n = s.length;
      for (let i = 0; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) {
          const bytes = encoder.encode(s.slice(i));
          for (const b of bytes) byte(b);
          total += i + bytes.length;
          return;
        }
        block[fill++] = c;
        if (fill === 64) flush();
      }
      total += n;
    },
    hex(): string {
      const bits = total * 8;
      byte(0x80);
      while (fill !== 56) byte(0);
      const hi = Math.floor(bits / 0x100000000);
      for (const b of [hi >>> 24, hi >>> 16, hi >>> 8, hi, bits >>> 24, bits >>> 16, bits >>> 8, bits]) byte(b & 255);
      return wordsToHex(h);
    },
  };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

export function wordsToHex(words: Int32Array): string {
  let s = "";
  for (let i = 0; i < 8; i++) {
    const v = words[i] as number;
    s += (HEX[(v >>> 24) & 255] as string) + (HEX[(v >>> 16) & 255] as string) + (HEX[(v >>> 8) & 255] as string) + (HEX[v & 255] as string);
  }
  return s;
}

/** Unsigned lexicographic comparison of two 8-word digests (= byte order of the big-endian digest). */
export function compareWords(a: Int32Array, b: Int32Array): number {
  for (let i = 0; i < 8; i++) {
    const x = (a[i] as number) >>> 0;
    const y = (b[i] as number) >>> 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
