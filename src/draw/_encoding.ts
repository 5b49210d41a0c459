import { sha256 } from "@noble/hashes/sha2";

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

export const sha256Hex = (bytes: Uint8Array): string => bytesToHex(sha256(bytes));

/** Canonical JSON: object keys sorted, no white space, `undefined` members dropped (as JSON.stringify does). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export const digestOf = (value: unknown): string => sha256Hex(utf8(canonicalJson(value)));
