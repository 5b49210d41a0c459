// The canonical text of a stage-2 record as UTF-8 bytes in one buffer, hashed in place (docs/spec-v1.md §2: the record
// digest is SHA-256 of the canonical JSON of every member but `digest`). A 10⁴-target record of 5 departments is about
// 4 MiB of text, nearly all of it teams and leaders, which repeat a few thousand distinct ids: each repeated piece of
// text (an id as a JSON string literal, a target group's list, the punctuation between members) is encoded once into
// an arena and copied from there, so a team costs one call appending three or four pieces (its opening with the first
// member, the other members, `random`, its targets) and no string is built. The buffer is then
// hashed by the unrolled kernel straight from memory (`prefixHasherInto` over the whole text compresses its full
// blocks in place and pads the tail). The buffer is the size of the text — smaller than the record's own objects.
// Verification compares two such texts byte for byte (`bytes()`) rather than hashing the second one.
import { canonicalJson } from "../_shared/_encoding.js";
import { prefixHasherInto, wordsToHex } from "../_shared/_sha256.js";

const encoder = new TextEncoder();
const NOTHING = new Uint8Array(0);

/** A growable UTF-8 byte buffer, with an arena of pieces that are written many times. */
export class RecordText {
  private buf = new Uint8Array(1 << 16);
  /** `buf` as a DataView: pieces are copied four bytes at a time through it (replaced with `buf`). */
  private bufView = new DataView(this.buf.buffer);
  private n = 0;
  private arena = new Uint8Array(1 << 14);
  private arenaView = new DataView(this.arena.buffer);
  private end = 0;
  private start: number[] = [];
  private sizes: number[] = [];
  private list = new Int32Array(1);

  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.n + k));
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
    this.bufView = new DataView(next.buffer);
  }

  /** Makes room for `k` more bytes at once (appending grows the buffer as needed anyway). */
  reserve(k: number): void {
    this.room(k);
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
   * Appends `JSON.stringify(s)`, a JSON string literal: printable ASCII other than `"` and `\` written as is, any
   * other string through JSON.stringify (escapes) and UTF-8.
   */
  jsonString(s: string): void {
    const len = s.length;
    this.room(len + 2);
    const b = this.buf;
    let n = this.n;
    b[n++] = 0x22;
    for (let i = 0; i < len; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) {
        this.text(JSON.stringify(s)); // from this.n: the bytes written so far are overwritten
        return;
      }
      b[n++] = c;
    }
    b[n++] = 0x22;
    this.n = n;
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
    this.start.push(from);
    this.sizes.push(e - from);
    this.end = e;
    return this.start.length - 1;
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
    this.start.push(this.end);
    this.sizes.push(e - this.end);
    this.end = e;
    return this.start.length - 1;
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
    this.list[0] = piece;
    this.putAll(this.list, 1);
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

  /** Everything appended, as UTF-8 bytes (a view of the buffer: valid until more is appended). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.n);
  }

  /** SHA-256 of everything appended, as 64 hex digits. */
  digest(): string {
    const out = new Int32Array(8);
    prefixHasherInto(this.buf.subarray(0, this.n))(NOTHING, 0, out, 0);
    return wordsToHex(out);
  }
}
