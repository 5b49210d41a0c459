// The canonical text of a stage-2 record as UTF-8 bytes, hashed or compared as it is written (docs/spec-v1.md §2: the
// record digest is SHA-256 of the canonical JSON of every member but `digest`). A 10⁴-target record of 5 departments is
// about 4 MiB of text, nearly all of it teams and leaders, which repeat a few thousand distinct ids: each repeated piece
// of text (an id as a JSON string literal, a target group's list, the punctuation between members) is encoded once into
// an arena and copied from there, so a team costs one call appending three or four pieces (its opening with the first
// member, the other members, `random`, its targets) and no string is built.
// Three modes. "hash" (the draw): the text goes through one reused 64 KiB buffer; whenever a write would overflow it,
// its whole 64-byte blocks are compressed into a chained SHA-256 (`blockSha256`) and the 0–63 bytes left moved to its
// start — no buffer the size of the text is allocated per draw (it was ≈ 4 MiB of the draw's garbage). "keep" (the
// re-run inside verification): the whole text is kept in one growing buffer (`bytes()`) and hashed at the end.
// "compare" (the walking writer inside verification): the text goes through the reused buffer and each chunk is
// compared byte for byte with the kept text at the same offset (`matches()`), so the published record's text is
// neither kept nor hashed.
import { canonicalJson } from "../_shared/_encoding.js";
import { blockSha256, prefixHasherInto, wordsToHex, type BlockSha256 } from "../_shared/_sha256.js";

const encoder = new TextEncoder();
const NOTHING = new Uint8Array(0);

/** What a {@link RecordText} does with its bytes: keep them all, hash them chunk by chunk, or compare them with a text. */
export type RecordTextMode = "keep" | "hash" | { readonly compare: Uint8Array };

/** A growable UTF-8 byte buffer, with an arena of pieces that are written many times. */
export class RecordText {
  private buf: Uint8Array;
  /** `buf` as a DataView: pieces are copied four bytes at a time through it (replaced with `buf`). */
  private bufView: DataView;
  /** `buf` as 32-bit words ("compare": aligned comparisons). */
  private bufWords: Int32Array;
  private n = 0;
  /** "hash": the chained hash of the bytes already flushed. */
  private readonly hasher: BlockSha256 | undefined;
  /** "compare": the text compared with, how many of its bytes were compared, and whether they all matched. */
  private readonly expected: Uint8Array | undefined;
  private readonly expectedView: DataView | undefined;
  /** The expected text as 32-bit words, when it starts at a multiple of 4 in its buffer. */
  private readonly expectedWords: Int32Array | undefined;
  private compared = 0;
  private same = true;
  private arena = new Uint8Array(1 << 14);
  private arenaView = new DataView(this.arena.buffer);
  private end = 0;
  /** Piece k's offset in the arena and byte length: typed tables, grown by doubling (no boxed list of 10⁴ entries). */
  private start = new Int32Array(256);
  private sizes = new Int32Array(256);
  private pieces = 0;

  /**
   * @param mode - "keep" (default): every byte in one buffer; "hash": hashed chunk by chunk; `{ compare }`: compared
   *   chunk by chunk with `compare`.
   * @param chunk - the reused buffer's size in "hash" and "compare" modes (the initial size in "keep" mode); at least 64.
   */
  constructor(private readonly mode: RecordTextMode = "keep", chunk = 1 << 16) {
    this.buf = new Uint8Array(Math.max(64, chunk));
    this.bufView = new DataView(this.buf.buffer);
    this.bufWords = new Int32Array(this.buf.buffer, 0, this.buf.length >> 2);
    this.hasher = mode === "hash" ? blockSha256() : undefined;
    this.expected = typeof mode === "object" ? mode.compare : undefined;
    this.expectedView = this.expected === undefined ? undefined : new DataView(this.expected.buffer, this.expected.byteOffset, this.expected.byteLength);
    this.expectedWords = this.expected === undefined || this.expected.byteOffset % 4 !== 0 ? undefined : new Int32Array(this.expected.buffer, this.expected.byteOffset, this.expected.byteLength >> 2);
  }

  /**
   * "hash": compresses the buffer's whole blocks and moves the 0–63 bytes left to its start; "compare": compares the
   * buffer but its last 0–3 bytes (all of it when `final`) with the expected text at the same offset, and moves those
   * 0–3 bytes to its start — so the offset compared is always a multiple of 4.
   */
  private flush(final = false): void {
    const n = this.n;
    if (this.hasher !== undefined) {
      const full = n - (n % 64);
      this.hasher.blocks(this.bufView, 0, full);
      this.buf.copyWithin(0, full, n);
      this.n = n - full;
      return;
    }
    const e = this.expected as Uint8Array;
    const at = this.compared;
    const upto = final ? n : n & ~3;
    if (this.same) {
      if (at + upto > e.length) this.same = false;
      else {
        // four bytes at a time — through aligned 32-bit views when the expected text starts at a multiple of 4 (`at`
        // always is), else unaligned loads through DataViews —, the last 0–3 one by one
        const words = upto & ~3;
        let i = 0;
        const ew = this.expectedWords;
        if (ew !== undefined) {
          const bw = this.bufWords;
          const base = at >> 2;
          for (; i < words; i += 4) if (bw[i >> 2] !== ew[base + (i >> 2)]) break;
        } else {
          const bv = this.bufView;
          const ev = this.expectedView as DataView;
          for (; i < words; i += 4) if (bv.getInt32(i) !== ev.getInt32(at + i)) break;
        }
        if (i < words) this.same = false;
        else for (; i < upto; i++) if (this.buf[i] !== e[at + i]) this.same = false;
      }
    }
    this.compared = at + upto;
    if (upto < n) this.buf.copyWithin(0, upto, n);
    this.n = n - upto;
  }

  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    if (this.mode !== "keep") {
      this.flush();
      if (this.n + k <= this.buf.length) return;
    }
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.n + k));
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
    this.bufView = new DataView(next.buffer);
    this.bufWords = new Int32Array(next.buffer, 0, next.length >> 2);
  }

  /** "keep" mode: makes room for `k` more bytes at once (appending grows the buffer as needed anyway); else nothing. */
  reserve(k: number): void {
    if (this.mode === "keep") this.room(k);
  }

  /** Makes room for `count` more pieces at once (storing grows the tables as needed anyway). */
  reservePieces(count: number): void {
    const want = this.pieces + count;
    if (want <= this.start.length) return;
    const start = new Int32Array(want);
    start.set(this.start.subarray(0, this.pieces));
    this.start = start;
    const sizes = new Int32Array(want);
    sizes.set(this.sizes.subarray(0, this.pieces));
    this.sizes = sizes;
  }

  /** The byte length of a stored piece. */
  size(piece: number): number {
    return this.sizes[piece] as number;
  }

  /** Appends the UTF-8 bytes of `s` (JSON text as is). */
  text(s: string): void {
    const len = s.length;
    this.room(3 * len);
    const b = this.buf;
    let n = this.n;
    for (let i = 0; i < len; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.n = n + encoder.encodeInto(s.slice(i), b.subarray(n)).written;
        return;
      }
      b[n++] = c;
    }
    this.n = n;
  }

  /** Appends one byte (an ASCII character code). */
  byte(c: number): void {
    this.room(1);
    this.buf[this.n++] = c;
  }

  /**
   * Appends `JSON.stringify(s)`, a JSON string literal: printable ASCII other than `"` and `\` written as is, other
   * characters of the Basic Multilingual Plane that JSON.stringify leaves unescaped encoded to UTF-8 in place (no
   * string built), any other string (escapes, surrogates) through JSON.stringify and UTF-8.
   */
  jsonString(s: string): void {
    const len = s.length;
    this.room(3 * len + 2);
    const b = this.buf;
    let n = this.n;
    b[n++] = 0x22;
    for (let i = 0; i < len; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c) b[n++] = c;
      else if (c >= 0x80 && c < 0x800) {
        // not escaped by JSON.stringify: its UTF-8, two bytes
        b[n++] = 0xc0 | (c >> 6);
        b[n++] = 0x80 | (c & 0x3f);
      } else if (c >= 0x800 && (c < 0xd800 || c > 0xdfff)) {
        // three bytes (a surrogate, paired or not, goes through JSON.stringify below)
        b[n++] = 0xe0 | (c >> 12);
        b[n++] = 0x80 | ((c >> 6) & 0x3f);
        b[n++] = 0x80 | (c & 0x3f);
      } else {
        // a control character, `"`, `\`, DEL or a surrogate: JSON.stringify's escapes, from this.n (what was written
        // so far is overwritten)
        this.text(JSON.stringify(s));
        return;
      }
    }
    b[n++] = 0x22;
    this.n = n;
  }

  /**
   * Appends the JSON string literals of `ids`, comma-separated (the inside of a JSON array of strings): what
   * {@link jsonString} and a comma byte between them append, with one capacity check for a short list of printable
   * ASCII ids; any other id, and the ids after it, through {@link jsonString}.
   */
  jsonStrings(ids: readonly string[]): void {
    let need = 0;
    for (let k = 0; k < ids.length; k++) need += (ids[k] as string).length + 3;
    if (need > 4096) return this.jsonStringsFrom(ids, 0);
    this.room(need);
    const b = this.buf;
    let n = this.n;
    for (let k = 0; k < ids.length; k++) {
      const s = ids[k] as string;
      const at = n;
      if (k > 0) b[n++] = 0x2c;
      b[n++] = 0x22;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) {
          this.n = at; // this id and the rest one by one
          return this.jsonStringsFrom(ids, k);
        }
        b[n++] = c;
      }
      b[n++] = 0x22;
    }
    this.n = n;
  }

  private jsonStringsFrom(ids: readonly string[], from: number): void {
    for (let k = from; k < ids.length; k++) {
      if (k > 0) this.byte(0x2c);
      this.jsonString(ids[k] as string);
    }
  }

  /** Appends the canonical JSON of a JSON value (docs/spec-v1.md §2). */
  json(v: unknown): void {
    this.text(canonicalJson(v));
  }

  /** Stores the UTF-8 bytes of `s` as a piece to append many times; returns its number. */
  piece(s: string): number {
    const len = s.length;
    this.arenaRoom(3 * len);
    const a = this.arena;
    const from = this.end;
    let e = from;
    for (let i = 0; i < len; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        e += encoder.encodeInto(s.slice(i), a.subarray(e)).written;
        break;
      }
      a[e++] = c;
    }
    this.end = e;
    return this.record(from, e - from);
  }

  /** Records the piece at `from` of `size` bytes (already written in the arena); returns its number. */
  private record(from: number, size: number): number {
    const k = this.pieces;
    if (k === this.start.length) {
      const start = new Int32Array(2 * k + 16);
      start.set(this.start);
      this.start = start;
      const sizes = new Int32Array(2 * k + 16);
      sizes.set(this.sizes);
      this.sizes = sizes;
    }
    this.start[k] = from;
    this.sizes[k] = size;
    this.pieces = k + 1;
    return k;
  }

  /**
   * Stores, for one string `s`, the pieces `prefixes[i] + JSON.stringify(s)` for each i, numbered consecutively;
   * returns the first one's number. Printable ASCII other than `"` and `\` is written byte by byte without building a
   * string (the prefixes: ASCII).
   */
  quotedPieces(s: string, prefixes: readonly string[]): number {
    const len = s.length;
    for (let i = 0; i < len; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) {
        const json = JSON.stringify(s);
        const first = this.piece(`${prefixes[0] as string}${json}`);
        for (let p = 1; p < prefixes.length; p++) this.piece(`${prefixes[p] as string}${json}`);
        return first;
      }
    }
    let first = -1;
    for (let p = 0; p < prefixes.length; p++) {
      const prefix = prefixes[p] as string;
      this.arenaRoom(prefix.length + len + 2);
      const a = this.arena;
      const from = this.end;
      let e = from;
      for (let i = 0; i < prefix.length; i++) a[e++] = prefix.charCodeAt(i);
      a[e++] = 0x22;
      for (let i = 0; i < len; i++) a[e++] = s.charCodeAt(i);
      a[e++] = 0x22;
      this.end = e;
      const k = this.record(from, e - from);
      if (p === 0) first = k;
    }
    return first;
  }

  /**
   * Stores `JSON.stringify(ids) + close` as a piece (`close`: ASCII); returns its number. Ids of printable ASCII other
   * than `"` and `\` are written as they are, without building the string.
   */
  listPiece(ids: readonly string[], close: string): number {
    let len = 2 + close.length;
    for (let k = 0; k < ids.length; k++) len += (ids[k] as string).length + 3;
    this.arenaRoom(len);
    const a = this.arena;
    let e = this.end;
    a[e++] = 0x5b;
    for (let k = 0; k < ids.length; k++) {
      const s = ids[k] as string;
      if (k > 0) a[e++] = 0x2c;
      a[e++] = 0x22;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return this.piece(`${JSON.stringify(ids)}${close}`); // nothing stored yet
        a[e++] = c;
      }
      a[e++] = 0x22;
    }
    a[e++] = 0x5d;
    for (let i = 0; i < close.length; i++) a[e++] = close.charCodeAt(i);
    const from = this.end;
    this.end = e;
    return this.record(from, e - from);
  }

  private arenaRoom(k: number): void {
    if (this.end + k <= this.arena.length) return;
    const next = new Uint8Array(Math.max(this.arena.length * 2, this.end + k));
    next.set(this.arena.subarray(0, this.end));
    this.arena = next;
    this.arenaView = new DataView(next.buffer);
  }

  /** Appends a stored piece. */
  put(piece: number): void {
    const len = this.sizes[piece] as number;
    const from = this.start[piece] as number;
    if (this.n + len > this.buf.length) this.room(len);
    const b = this.buf;
    const a = this.arena;
    const bv = this.bufView;
    const av = this.arenaView;
    const n = this.n;
    const words = len & ~3;
    let i = 0;
    for (; i < words; i += 4) bv.setInt32(n + i, av.getInt32(from + i));
    for (; i < len; i++) b[n + i] = a[from + i] as number;
    this.n = n + len;
  }

  /**
   * Appends the stored pieces `pieces[0..count)`, in order, each copied four bytes at a time through DataViews (an
   * unaligned 32-bit load and store each; the last 0–3 bytes one by one): no call into a native copy and no view
   * object per piece (a typed-array view is a sizeable object, and `set` costs a call per piece of a team).
   */
  putAll(pieces: Int32Array, count: number): void {
    const start = this.start;
    const sizes = this.sizes;
    let total = 0;
    for (let k = 0; k < count; k++) total += sizes[pieces[k] as number] as number;
    if (this.n + total > this.buf.length) this.room(total);
    const b = this.buf;
    const a = this.arena;
    const bv = this.bufView;
    const av = this.arenaView;
    let n = this.n;
    for (let k = 0; k < count; k++) {
      const piece = pieces[k] as number;
      const len = sizes[piece] as number;
      const from = start[piece] as number;
      const words = len & ~3;
      let i = 0;
      for (; i < words; i += 4) bv.setInt32(n + i, av.getInt32(from + i));
      for (; i < len; i++) b[n + i] = a[from + i] as number;
      n += len;
    }
    this.n = n;
  }

  /** "keep" mode: everything appended, as UTF-8 bytes (a view of the buffer: valid until more is appended). */
  bytes(): Uint8Array {
    if (this.mode !== "keep") throw new Error("RecordText: bytes() needs the keep mode");
    return this.buf.subarray(0, this.n);
  }

  /** "keep" or "hash" mode: SHA-256 of everything appended, as 64 hex digits ("hash": once, at the end). */
  digest(): string {
    const out = new Int32Array(8);
    if (this.hasher !== undefined) this.hasher.finishInto(this.buf, this.n, out, 0);
    else if (this.mode === "keep") prefixHasherInto(this.buf.subarray(0, this.n))(NOTHING, 0, out, 0);
    else throw new Error("RecordText: digest() needs the keep or hash mode");
    return wordsToHex(out);
  }

  /** "compare" mode: whether everything appended is exactly the expected text, byte for byte (at the end). */
  matches(): boolean {
    if (this.expected === undefined) throw new Error("RecordText: matches() needs the compare mode");
    this.flush(true);
    return this.same && this.compared === this.expected.length;
  }
}
