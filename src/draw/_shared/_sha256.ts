// A specialised synchronous SHA-256 (FIPS 180-4) for many short messages that share a prefix: the prefix's full
// blocks are compressed once (midstate) and each message then costs only its last one or two blocks, with no
// allocation per message. Digests are written as eight big-endian 32-bit words into caller-provided storage, so
// tickets compare as words and become hex only when a record is built. The compression is `_compress.ts` (unrolled)
// for Node and CommonJS, `_compressCompact.ts` for browsers (package.json "browser"): one copy of everything else.
// Differential-tested against @noble/hashes and node:crypto on every length class, with either compression
// (test/draw/sha256.test.ts, sha256Compact.test.ts).

import { IV, compressBytes } from "./_compress.js";

/** Storage for digests: 8 words per digest, most significant word first (an Int32Array or a Uint32Array). */
export type DigestWords = Int32Array | Uint32Array;

function writeBitLength(buf: Uint8Array, at: number, byteLength: number): void {
  // the 64-bit big-endian bit count: high word ⌊8·len / 2³²⌋ (`>>> 0` floors a positive quotient below 2³²), low word
  // 8·len mod 2³² (`<< 3` takes len mod 2³² first: the same low bits) — no float division and floor per message
  const hi = (byteLength / 0x20000000) >>> 0;
  const lo = byteLength << 3;
  buf[at] = hi >>> 24; buf[at + 1] = hi >>> 16; buf[at + 2] = hi >>> 8; buf[at + 3] = hi;
  buf[at + 4] = lo >>> 24; buf[at + 5] = lo >>> 16; buf[at + 6] = lo >>> 8; buf[at + 7] = lo;
}

/**
 * The shared engine of the prefix hashers: the prefix's full blocks compressed once, its tail kept at the start of a
 * reusable buffer; callers write the message's remaining bytes after the tail and call `finish`.
 */
function midstateEngine(prefix: Uint8Array) {
  const full = prefix.length - (prefix.length % 64);
  const mid = new Int32Array(IV);
  const prefixView = new DataView(prefix.buffer, prefix.byteOffset, prefix.byteLength);
  for (let off = 0; off < full; off += 64) compressBytes(mid, prefixView, off, mid, 0);
  const restLength = prefix.length - full;
  const state = new Int32Array(8);
  // the message length (prefix tail included) whose padding and bit length are in `buf` now, -1 when none: a message
  // of the same length as the last one reuses them (no zeroing, no length per message) — callers write only the
  // message's own bytes, below that length, or say otherwise (`invalidate`)
  let padded = -1;
  const engine = {
    restLength,
    buf: new Uint8Array(128),
    /** `buf` as a DataView (the kernel reads big-endian words through it); replaced with `buf`. */
    view: undefined as unknown as DataView,
    /** Makes room for `n` message bytes after the prefix tail (plus padding). */
    reserve(n: number): Uint8Array {
      if (restLength + n + 72 > engine.buf.length) {
        const next = new Uint8Array(Math.max(engine.buf.length * 2, restLength + n + 72));
        next.set(engine.buf.subarray(0, restLength));
        engine.buf = next;
        engine.view = new DataView(next.buffer);
        padded = -1;
      }
      return engine.buf;
    },
    /** The caller wrote bytes past its message's end (a refused unit's id): the next `finish` pads afresh. */
    invalidate(): void {
      padded = -1;
    },
    /** Pads the buffered tail of `restLength + n` bytes and compresses it from the midstate into out[offset..). */
    finish(n: number, out: DigestWords, offset: number): void {
      const buf = engine.buf;
      const view = engine.view;
      const len = restLength + n;
      const total = len + 9 <= 64 ? 64 : (len + 9 + 63) & ~63;
      const tail = total - 8;
      if (len !== padded) {
        buf[len] = 0x80;
        // the zero padding, a word at a time once aligned (tail is a multiple of 8); byte by byte it was 3 % of the
        // streamed 10^7 commit + draw's CPU profile
        let i = len + 1;
        for (; (i & 3) !== 0 && i < tail; i++) buf[i] = 0;
        for (; i < tail; i += 4) view.setInt32(i, 0);
        writeBitLength(buf, tail, full + len);
        padded = len;
      }
      if (total === 64) {
        compressBytes(mid, view, 0, out, offset);
        return;
      }
      compressBytes(mid, view, 0, state, 0);
      for (let o = 64; o < tail - 56; o += 64) compressBytes(state, view, o, state, 0);
      compressBytes(state, view, total - 64, out, offset);
    },
  };
  engine.view = new DataView(engine.buf.buffer);
  engine.buf.set(prefix.subarray(full), 0);
  return engine;
}

/**
 * A prefix hasher whose message buffer the caller fills in place (no copy per message): write the message's `n` bytes
 * at `buf[at..at+n)` — after `reserve(n)`, which may replace `buf` — then `finish(n, out, offset)` pads, compresses from
 * the prefix's midstate and writes the digest as 8 words to out[offset..). Several hashers can then take one id written
 * once per buffer (the stage-1 ticket and the commitment contribution of a unit).
 */
export interface DirectHasher {
  /** The message buffer (its first `at` bytes are the prefix's tail; replaced by `reserve` when it grows). */
  readonly buf: Uint8Array;
  /** Where the message's bytes start in `buf`. */
  readonly at: number;
  /** Makes room for `n` message bytes; returns the (possibly new) buffer. */
  reserve(n: number): Uint8Array;
  /** Hashes `prefix ‖ buf[at..at+n)` into out[offset..offset+8). */
  finish(n: number, out: DigestWords, offset: number): void;
  /**
   * Says that bytes past the last message's end were written (`finish` reuses the padding of a message of the same
   * length as the one before, which a write past its end would have overwritten).
   */
  invalidate(): void;
}

/** A {@link DirectHasher} for a fixed prefix (its full blocks compressed once). */
export function directHasher(prefix: Uint8Array): DirectHasher {
  const engine = midstateEngine(prefix);
  return {
    get buf() {
      return engine.buf;
    },
    at: engine.restLength,
    reserve: engine.reserve,
    finish: engine.finish,
    invalidate: engine.invalidate,
  };
}

/**
 * Hashes `prefix ‖ suffix[0..suffixLength)` for many suffixes; the digest goes to `out[offset..offset+8)` as 8 words.
 * A call allocates nothing (unless a suffix is longer than any before).
 */
export type PrefixHasherInto = (suffix: Uint8Array, suffixLength: number, out: DigestWords, offset: number) => void;

/** A {@link PrefixHasherInto} for a fixed prefix (compressed once). */
export function prefixHasherInto(prefix: Uint8Array): PrefixHasherInto {
  const engine = midstateEngine(prefix);
  const at = engine.restLength;
  return (suffix, suffixLength, out, offset) => {
    const buf = engine.reserve(suffixLength);
    for (let i = 0; i < suffixLength; i++) buf[at + i] = suffix[i] as number;
    engine.finish(suffixLength, out, offset);
  };
}

/**
 * Hashes `prefix ‖ len(field) ‖ utf8(field)` (len = UTF-8 byte length, 4-byte big-endian: the library's
 * length-delimited field) for many text fields, writing ASCII straight into the block: the stage-1 ticket of a unit id
 * with the per-draw prefix (tag, seed, task id) compressed once.
 */
export type FieldHasherInto = (field: string, out: DigestWords, offset: number) => void;

/** A {@link FieldHasherInto} for a fixed prefix (compressed once). */
export function fieldHasherInto(prefix: Uint8Array): FieldHasherInto {
  const engine = midstateEngine(prefix);
  const at = engine.restLength + 4;
  const encoder = new TextEncoder();
  return (field, out, offset) => {
    const n = field.length;
    const buf = engine.reserve(4 + 3 * n);
    let i = 0;
    for (; i < n; i++) {
      const c = field.charCodeAt(i);
      if (c > 0x7f) break;
      buf[at + i] = c;
    }
    const bytes = i === n ? n : i + encoder.encodeInto(field.slice(i), buf.subarray(at + i)).written;
    buf[at - 4] = bytes >>> 24; buf[at - 3] = bytes >>> 16; buf[at - 2] = bytes >>> 8; buf[at - 1] = bytes;
    engine.finish(4 + bytes, out, offset);
  };
}

/** Hashes `prefix ‖ suffix` for many suffixes; `out` receives the digest as 8 words (signed int32, big-endian order). */
export type PrefixHasher = (suffix: Uint8Array, out: Int32Array, suffixLength?: number) => void;

export function prefixHasher(prefix: Uint8Array): PrefixHasher {
  const h = prefixHasherInto(prefix);
  return (suffix, out, suffixLength = suffix.length) => h(suffix, suffixLength, out, 0);
}

/**
 * @internal Writes `JSON.stringify(s)` (a JSON string literal) as bytes at `out[at]` when every character of `s` is
 * printable ASCII other than `"` and a backslash (no escape, one byte each), and returns the offset after it; returns
 * -1 (the bytes written are then garbage) for any other text, whose literal the caller writes from `JSON.stringify`.
 * The caller makes room for `s.length + 2` bytes. The one in-place literal writer of the draw's canonical texts (the
 * streaming hasher's `jsonString`, the stage-1 record digest, the selected tickets' id literals).
 */
export function writeAsciiJsonString(s: string, out: Uint8Array, at: number): number {
  const n = s.length;
  let f = at;
  out[f++] = 0x22;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return -1;
    out[f++] = c;
  }
  out[f++] = 0x22;
  return f;
}

/** Incremental SHA-256 over many writes (used to hash canonical JSON without building the whole string). */
export function streamingSha256() {
  const h = new Int32Array(IV);
  // 16 blocks of buffer: the per-byte work is one store and one bound check; compressions run in batches
  const block = new Uint8Array(1024);
  const blockView = new DataView(block.buffer);
  let fill = 0;
  let total = 0;
  const encoder = new TextEncoder();
  const flush = () => {
    for (let o = 0; o < fill; o += 64) compressBytes(h, blockView, o, h, 0);
    total += fill;
    fill = 0;
  };
  const bytes = (b: Uint8Array) => {
    for (let i = 0; i < b.length; i++) {
      block[fill++] = b[i] as number;
      if (fill === 1024) flush();
    }
  };
  // Appends the UTF-8 bytes of `s` (ASCII copied straight into the buffer).
  const text = (s: string): void => {
    const n = s.length;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        bytes(encoder.encode(s.slice(i)));
        return;
      }
      block[fill++] = c;
      if (fill === 1024) flush();
    }
  };
  const digestInto = (out: DigestWords, offset: number): void => {
    const length = total + fill;
    block[fill++] = 0x80;
    if (fill % 64 > 56) while (fill % 64 !== 0) block[fill++] = 0;
    if (fill === 1024) flush();
    while (fill % 64 !== 56) block[fill++] = 0;
    writeBitLength(block, fill, length);
    fill += 8;
    for (let o = 0; o < fill; o += 64) compressBytes(h, blockView, o, h, 0);
    for (let i = 0; i < 8; i++) out[offset + i] = h[i] as number;
  };
  return {
    /** Appends the UTF-8 bytes of `s` (ASCII copied straight into the buffer). */
    text,
    /** Appends raw bytes. */
    bytes,
    /** Appends `JSON.stringify(s)` (a JSON string literal), without building it when `s` needs no escape. */
    jsonString(s: string): void {
      const n = s.length;
      if (fill + n + 2 < 1024) {
        // fast path: the whole literal fits in the buffer and every char is printable ASCII other than " and \
        const f = writeAsciiJsonString(s, block, fill);
        if (f >= 0) {
          fill = f;
          if (fill === 1024) flush();
          return;
        }
      }
      text(JSON.stringify(s));
    },
    /**
     * Appends the JSON string literal of the 64 hex digits at hex[offset..offset+64) (lower-case ASCII codes, as
     * {@link wordsToHexBytes} writes them: no escape needed) — `jsonString` of that ticket without reading a string.
     */
    jsonHexBytes(hex: Uint8Array, offset: number): void {
      if (fill + 66 <= 1024) {
        // the literal fits before the buffer is full: copied without a flush check per byte
        let f = fill;
        block[f++] = 0x22;
        for (let i = 0; i < 64; i++) block[f + i] = hex[offset + i] as number;
        f += 64;
        block[f++] = 0x22;
        fill = f;
        if (fill === 1024) flush();
        return;
      }
      block[fill++] = 0x22;
      if (fill === 1024) flush();
      for (let i = 0; i < 64; i++) {
        block[fill++] = hex[offset + i] as number;
        if (fill === 1024) flush();
      }
      block[fill++] = 0x22;
      if (fill === 1024) flush();
    },
    /** Finishes the hash into 8 words at out[offset..) (the hasher cannot be used afterwards). */
    digestInto,
    /** Finishes the hash as 64 hex digits (the hasher cannot be used afterwards). */
    hex(): string {
      const out = new Int32Array(8);
      digestInto(out, 0);
      return wordsToHex(out);
    },
  };
}

const HEX_CODES = Array.from("0123456789abcdef", (c) => c.charCodeAt(0));
// the two lower-case hex digit codes of each byte value
const HEX_PAIRS = /* @__PURE__ */ Uint8Array.from({ length: 512 }, (_, i) => HEX_CODES[i & 1 ? (i >> 1) & 15 : i >> 5] as number);

/**
 * Writes the 64 lower-case hex digits (ASCII codes) of the digest at words[offset..offset+8) to out[at..at+64): the
 * tickets of a selection are written this way into one buffer and decoded to text once (see boundedHeap).
 */
export function wordsToHexBytes(words: DigestWords, offset: number, out: Uint8Array, at: number): void {
  for (let i = 0; i < 8; i++) {
    const v = words[offset + i] as number;
    const o = at + 8 * i;
    const b0 = (v >>> 23) & 0x1fe;
    const b1 = (v >>> 15) & 0x1fe;
    const b2 = (v >>> 7) & 0x1fe;
    const b3 = (v << 1) & 0x1fe;
    out[o] = HEX_PAIRS[b0] as number; out[o + 1] = HEX_PAIRS[b0 + 1] as number;
    out[o + 2] = HEX_PAIRS[b1] as number; out[o + 3] = HEX_PAIRS[b1 + 1] as number;
    out[o + 4] = HEX_PAIRS[b2] as number; out[o + 5] = HEX_PAIRS[b2 + 1] as number;
    out[o + 6] = HEX_PAIRS[b3] as number; out[o + 7] = HEX_PAIRS[b3 + 1] as number;
  }
}
const hexCodes = new Array<number>(64).fill(0);

/**
 * The 64 lower-case hex digits of the digest at words[offset..offset+8): one flat string built from 64 character codes
 * (no chain of 32 partial strings to concatenate and flatten: a record lists one per selected unit).
 */
export function wordsToHex(words: DigestWords, offset = 0): string {
  for (let i = 0; i < 8; i++) {
    const v = words[offset + i] as number;
    const o = 8 * i;
    hexCodes[o] = HEX_CODES[(v >>> 28) & 15] as number;
    hexCodes[o + 1] = HEX_CODES[(v >>> 24) & 15] as number;
    hexCodes[o + 2] = HEX_CODES[(v >>> 20) & 15] as number;
    hexCodes[o + 3] = HEX_CODES[(v >>> 16) & 15] as number;
    hexCodes[o + 4] = HEX_CODES[(v >>> 12) & 15] as number;
    hexCodes[o + 5] = HEX_CODES[(v >>> 8) & 15] as number;
    hexCodes[o + 6] = HEX_CODES[(v >>> 4) & 15] as number;
    hexCodes[o + 7] = HEX_CODES[v & 15] as number;
  }
  return String.fromCharCode.apply(null, hexCodes);
}

/** Unsigned lexicographic comparison of two 8-word digests (= byte order of the big-endian digest). */
export function compareWords(a: DigestWords, b: DigestWords): number {
  return compareWordsAt(a, 0, b, 0);
}

/** {@link compareWords} of the digests at a[ai..ai+8) and b[bi..bi+8): -1, 0 or 1. */
export function compareWordsAt(a: DigestWords, ai: number, b: DigestWords, bi: number): number {
  for (let i = 0; i < 8; i++) {
    const x = (a[ai + i] as number) >>> 0;
    const y = (b[bi + i] as number) >>> 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * SHA-256 of the UTF-8 bytes of many texts (the JSON of audit events), encoded straight into a reusable buffer: no
 * allocation per text but the digest, unless a text is longer than any before.
 */
export function textHasherInto(): (text: string, out: DigestWords, offset: number) => void {
  const engine = midstateEngine(new Uint8Array(0));
  const encoder = new TextEncoder();
  return (text, out, offset) => {
    const n = text.length;
    const buf = engine.reserve(3 * n);
    let i = 0;
    // ASCII copied char by char (as fieldHasherInto); the first non-ASCII char hands the rest to the native encoder
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c > 0x7f) break;
      buf[i] = c;
    }
    const bytes = i === n ? n : i + encoder.encodeInto(text.slice(i), buf.subarray(i)).written;
    engine.finish(bytes, out, offset);
  };
}

/**
 * A chained SHA-256 whose message the caller hands over in runs of whole 64-byte blocks read straight from its own
 * buffer (`blocks`), then the last 0–63 bytes (`finishInto`, which pads them): a text written into a small reused
 * buffer is hashed chunk by chunk as it is written, with no copy into the hasher and no buffer the size of the text
 * (the stage-2 record text, src/draw/inspectors/_recordText.ts). The digest is SHA-256 of the concatenation of every
 * run and the tail, whatever the run sizes (property test: test/draw/sha256.test.ts).
 */
export interface BlockSha256 {
  /** Compresses `view[from..from+length)`, `length` a multiple of 64, into the running state. */
  blocks(view: DataView, from: number, length: number): void;
  /** Hashes `tail[0..n)` (any n: its whole blocks first), pads, and writes the digest as 8 words to out[offset..). */
  finishInto(tail: Uint8Array, n: number, out: DigestWords, offset: number): void;
}

/** A fresh {@link BlockSha256} (one message; its state is spent by `finishInto`). */
export function blockSha256(): BlockSha256 {
  const h = new Int32Array(IV);
  const pad = new Uint8Array(128);
  const padView = new DataView(pad.buffer);
  let total = 0;
  const blocks = (view: DataView, from: number, length: number): void => {
    if (length % 64 !== 0) throw new RangeError("blockSha256: blocks() takes whole 64-byte blocks");
    for (let o = from, end = from + length; o < end; o += 64) compressBytes(h, view, o, h, 0);
    total += length;
  };
  return {
    blocks,
    finishInto(tail, n, out, offset) {
      const full = n - (n % 64);
      if (full > 0) blocks(new DataView(tail.buffer, tail.byteOffset, tail.byteLength), 0, full);
      const rest = n - full;
      for (let i = 0; i < rest; i++) pad[i] = tail[full + i] as number;
      pad[rest] = 0x80;
      const size = rest + 9 <= 64 ? 64 : 128;
      pad.fill(0, rest + 1, size - 8);
      writeBitLength(pad, size - 8, total + rest);
      compressBytes(h, padView, 0, h, 0);
      if (size === 128) compressBytes(h, padView, 64, h, 0);
      for (let i = 0; i < 8; i++) out[offset + i] = h[i] as number;
    },
  };
}
