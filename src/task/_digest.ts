import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, canonicalJson, utf8 } from "../draw/_shared/_encoding.js";

// Events are hashed often (every transition, every replayed event, every verification), so the canonical JSON of an
// event is produced by the native JSON.stringify over objects whose keys are already in canonical order. The result
// is byte for byte `canonicalJson` (keys sorted by UTF-16 code units, undefined members dropped): tested against it.

const INTEGER_KEY = /^(?:0|[1-9]\d*)$/;

/** A frozen deep copy with keys in canonical order and `undefined` members dropped; `null` when that is not enough. */
function canonicalCopy(v: unknown): unknown {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      out[i] = x === undefined ? null : canonicalCopy(x);
      if (out[i] === NOT_CANONICAL) return NOT_CANONICAL;
    }
    return Object.freeze(out);
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const x = o[k];
    if (x === undefined) continue;
    // engines order integer-like keys first whatever the insertion order: JSON.stringify would not be canonical
    if (INTEGER_KEY.test(k)) return NOT_CANONICAL;
    const c = canonicalCopy(x);
    if (c === NOT_CANONICAL) return NOT_CANONICAL;
    out[k] = c;
  }
  return Object.freeze(out);
}
const NOT_CANONICAL = Symbol("not canonical");

/**
 * The value as stored in an event: plain, frozen, keys in canonical order. Values with integer-like keys are kept
 * as a frozen copy in plain order (they hash through the slower canonical encoder).
 */
export function storedCopy(v: unknown): unknown {
  const c = canonicalCopy(v);
  if (c === NOT_CANONICAL) return Object.freeze(JSON.parse(canonicalJson(v)) as unknown);
  if (c !== null && typeof c === "object") CANONICAL.add(c);
  return c;
}

/** Frozen copies made by {@link storedCopy} in canonical order: hashing them needs no second walk to check it. */
const CANONICAL = new WeakSet<object>();

/** Whether JSON.stringify of the value is its canonical JSON. */
function isCanonical(v: unknown): boolean {
  if (v === null || typeof v !== "object") return v !== undefined;
  if (CANONICAL.has(v)) return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!isCanonical(v[i])) return false;
    return true;
  }
  let last: string | undefined;
  const o = v as Record<string, unknown>;
  for (const k in o) {
    if ((last !== undefined && !(last < k)) || INTEGER_KEY.test(k) || !isCanonical(o[k])) return false;
    last = k;
  }
  return true;
}

/** SHA-256 (hex) of the canonical JSON of a value: equal to `digestOf` of draw/_encoding, faster on events. */
export function canonicalDigest(v: unknown): string {
  const text = isCanonical(v) ? JSON.stringify(v) : canonicalJson(v);
  return bytesToHex(sha256(utf8(text)));
}
