import { streamingSha256 } from "./_sha256.js";
import { canonicalDigest } from "./_canonicalDigest.js";

const encoder = new TextEncoder();

export const utf8 = (s: string): Uint8Array => encoder.encode(s);

export function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += b.toString(16).padStart(2, "0");
  return s;
}

/**
 * The canonical length-delimited encoding: for each field, its byte length as a 4-byte big-endian unsigned integer
 * followed by the bytes. Strings are UTF-8 (NFC is required of ids at the boundary).
 */
export function lengthDelimited(fields: readonly (string | Uint8Array)[]): Uint8Array {
  const parts = fields.map((f) => (typeof f === "string" ? utf8(f) : f));
  const out = new Uint8Array(parts.reduce((n, p) => n + 4 + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out[o] = p.length >>> 24; out[o + 1] = p.length >>> 16; out[o + 2] = p.length >>> 8; out[o + 3] = p.length;
    out.set(p, o + 4);
    o += 4 + p.length;
  }
  return out;
}

/**
 * SHA-256 (hex) of one message, through the library's own kernel (`_sha256.ts`): the draw's bundles ship one SHA-256
 * implementation, not two (issue 15). Differential-tested against node:crypto (test/draw/encoding.test.ts).
 */
export function sha256Hex(bytes: Uint8Array): string {
  const h = streamingSha256();
  h.bytes(bytes);
  return h.hex();
}

/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no white space, `undefined` members dropped (as
 * JSON.stringify does). Built by concatenation — records can hold 10⁵ objects.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) {
    // arrays of strings, numbers and booleans serialise identically through the native encoder
    if (value.every((v) => v === null || (typeof v !== "object" && v !== undefined))) return JSON.stringify(value);
    let s = "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) s += ",";
      const v: unknown = value[i];
      s += v === undefined ? "null" : canonicalJson(v);
    }
    return `${s}]`;
  }
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  let s = "{";
  let first = true;
  for (const k of keys) {
    const v = o[k];
    if (v === undefined) continue;
    if (!first) s += ",";
    first = false;
    s += `${JSON.stringify(k)}:${canonicalJson(v)}`;
  }
  return `${s}}`;
}

/**
 * SHA-256 (hex) of a value's canonical JSON, streamed into an incremental hasher: records can hold 10⁵ objects and the
 * JSON text is never built as one string. Identical to `sha256(utf8(canonicalJson(value)))` (tested).
 */
export function digestOf(value: unknown): string {
  // one streaming canonical walker serves the whole library (shape cache, printable-ASCII fast path)
  return canonicalDigest(value);
}

/**
 * A deep copy of a JSON value with every object's keys in sorted (UTF-16 code unit) order and `undefined` members
 * dropped, so that `JSON.stringify` of the copy is its canonical JSON: records are built through this, and a re-run
 * serialises byte for byte like the published record whatever the pool order (docs/spec-v1.md §2).
 */
export function canonicalize<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v: unknown) => (v === undefined ? null : canonicalize(v))) as T;
  const o = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o).sort()) {
    const v = o[k];
    if (v !== undefined) out[k] = canonicalize(v);
  }
  return out as T;
}

/**
 * Orders two strings by their UTF-8 bytes (= Unicode code point order), the tie-break of docs/spec-v1.md §6 that SQL's
 * `COLLATE "C"` also uses. Differs from `<` on UTF-16 code units only when a supplementary character meets U+E000–U+FFFF.
 */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** A lone (unpaired) surrogate: such a string is not well-formed Unicode and has no UTF-8 encoding. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string is well-formed Unicode (no lone surrogate), so that its UTF-8 bytes identify it. */
export const isWellFormed = (s: string): boolean => !LONE_SURROGATE.test(s);
