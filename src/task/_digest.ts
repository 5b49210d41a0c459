import { canonicalJson } from "../draw/_shared/_encoding.js";
import { directHasher, wordsToHex } from "../draw/_shared/_sha256.js";

// Events are hashed often (every transition, every replayed event, every verification), so the canonical JSON of an
// event is produced by the native JSON.stringify over objects whose keys are already in canonical order. The result
// is byte for byte `canonicalJson` (keys sorted by UTF-16 code units, undefined members dropped): tested against it.

const INTEGER_KEY = /^(?:0|[1-9]\d*)$/;
/** Whether a key is integer-like (INTEGER_KEY), testing the regular expression only on keys that start with a digit. */
const isIntegerKey = (k: string): boolean => {
  const c = k.charCodeAt(0);
  return c >= 48 && c <= 57 && INTEGER_KEY.test(k);
};

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
    if (isIntegerKey(k)) return NOT_CANONICAL;
    const c = canonicalCopy(x);
    if (c === NOT_CANONICAL) return NOT_CANONICAL;
    // an assignment to "__proto__" would set the copy's prototype and drop the member from the digest
    if (k === "__proto__") Object.defineProperty(out, k, { value: c, enumerable: true, writable: true, configurable: true });
    else out[k] = c;
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
    if ((last !== undefined && !(last < k)) || isIntegerKey(k) || !isCanonical(o[k])) return false;
    last = k;
  }
  return true;
}

/**
 * SHA-256 (hex) of `JSON.stringify(v)`, for a value the caller knows to be canonical already: a plain object whose keys
 * are written in canonical order and whose members are primitives JSON keeps or values {@link adoptEqual} accepted or
 * {@link isStoredCanonical} reports. Equal to {@link canonicalDigest} of it (no walk to check it).
 */
export function canonicalTextDigest(v: object, digest: TextDigest = textDigest): string {
  return digest(JSON.stringify(v));
}

/** Whether `v` is a copy {@link storedCopy} made in canonical order (JSON.stringify of it is its canonical JSON). */
export const isStoredCanonical = (v: unknown): boolean => v !== null && typeof v === "object" && CANONICAL.has(v);

/** SHA-256 (hex) of the canonical JSON of a value: equal to `digestOf` of draw/_encoding, faster on events. */
export function canonicalDigest(v: unknown, digest: TextDigest = textDigest): string {
  return digest(isCanonical(v) ? JSON.stringify(v) : canonicalJson(v));
}

/**
 * SHA-256 of a text's UTF-8 bytes as 64 lower-case hex digits: the library's kernel ({@link textDigest}), or in the
 * Node-only entry node:crypto's (src/node/_nativeDigest.ts, differential-tested against it). Chosen by the library's
 * own entries, never taken from a caller: a digest function is what a forger would want to supply.
 */
export type TextDigest = (text: string) => string;

// One reusable hasher: the text is UTF-8-encoded straight into its buffer (no byte array per event), and the unrolled
// compression of the draw's ticket hasher runs over it — about twice the speed of encoding and hashing with
// @noble/hashes on event-sized texts (docs/benchmarks.md). Differential-tested against @noble/hashes. The whole text
// goes to the native encoder at once, from the start of the buffer: an event's text has a non-ASCII character within
// its first dozen characters (the actor comes first), so the ASCII loop before it did little but add a `slice` and a
// `subarray` view per text.
const hasher = directHasher(new Uint8Array(0));
const encoder = new TextEncoder();
const words = new Int32Array(8);

/** SHA-256 (hex) of the UTF-8 bytes of a text. */
export function textDigest(text: string): string {
  // at most 3 bytes per UTF-16 code unit; the prefix is empty, so the message starts at buf[0]
  const buf = hasher.reserve(3 * text.length);
  hasher.finish(encoder.encodeInto(text, buf).written, words, 0);
  return wordsToHex(words);
}

/** JSON equality: members whose value is `undefined` count as absent (as in the digest and in JSON). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (x[k] === undefined) continue;
    n++;
    if (!sameJson(x[k], y[k])) return false;
  }
  for (const k in y) if (y[k] !== undefined) n--;
  return n === 0;
}

/** Replaces an object by another before it is compared (calendars recorded by reference), or `undefined`. */
export type Swap = (o: Record<string, unknown>) => unknown;

/**
 * Replay's adoption of a stored value (the payload or one input argument of a stored event), in one walk: whether
 * `stored` is exactly the canonical copy {@link storedCopy} would make of `value` (after `swap`) — same JSON, keys in
 * canonical order, no integer-like key, nothing JSON would drop or change (no `undefined`, only finite numbers) — with
 * each part of `stored` frozen in place as it is matched. Returns 0 when it is not (then the caller copies `value`;
 * parts of `stored` may be frozen, which is harmless: it must be the caller's own), 1 when it is, 2 when it is and
 * `swap` replaced something. `stored` must be the caller's own value (a private copy) or already frozen.
 */
export function adoptEqual(stored: unknown, value: unknown, swap?: Swap): 0 | 1 | 2 {
  swapWith = swap;
  swapped = false;
  try {
    if (!equalCanonical(stored, value)) return 0;
  } finally {
    swapWith = undefined;
  }
  // not added to CANONICAL: the caller (advance) knows it holds a canonical value and hashes it with
  // canonicalTextDigest; an entry per payload and input argument of every replayed event — 3 × 10⁵ on a 10⁵-event
  // trail — was an ephemeron table the collector kept rehashing and walking (docs/benchmarks.md round 5)
  return swapped ? 2 : 1;
}

const hasOwn = Object.hasOwn;
let swapWith: Swap | undefined;
let swapped = false;

function equalCanonical(s: unknown, v: unknown): boolean {
  if (v === null) return s === null;
  switch (typeof v) {
    case "string":
    case "boolean":
      return s === v;
    case "number":
      return s === v && Number.isFinite(v);
    case "object":
      break;
    default:
      return false;
  }
  if (s === null || typeof s !== "object") return false;
  if (Array.isArray(v)) {
    if (!Array.isArray(s) || s.length !== v.length) return false;
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (!equalCanonical(s[i], x === undefined ? null : x)) return false;
    }
    Object.freeze(s);
    return true;
  }
  if (Array.isArray(s)) return false;
  const o = v as Record<string, unknown>;
  if (swapWith !== undefined) {
    const r = swapWith(o);
    if (r !== undefined) {
      swapped = true;
      return equalCanonical(s, r);
    }
  }
  const proto = Object.getPrototypeOf(s) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  const so = s as Record<string, unknown>;
  let last: string | undefined;
  if (so === o) {
    // the value is the stored object itself (a transition that records its argument as replay handed it over: the
    // form recordResult checked in place, an input read without a copy): every own enumerable member is compared with
    // itself, so what is left to check is what makes it canonical — own members (for-in also lists inherited
    // enumerable ones), keys strictly increasing and not integer-like, values JSON keeps (no `undefined`, finite
    // numbers, canonical objects) — and the member count matches by construction
    for (const k in so) {
      if (!hasOwn(so, k) || (last !== undefined && !(last < k)) || isIntegerKey(k)) return false;
      last = k;
      const x = so[k];
      if (x === undefined || !equalCanonical(x, x)) return false;
    }
    Object.freeze(s);
    return true;
  }
  let n = 0;
  // for-in instead of Object.keys: the same own enumerable string keys in the same order, read from the map's enum
  // cache without allocating a key array per object (a third of the keys arrays a replay made). Inherited enumerable
  // members, listed after the own ones, are not the stored copy's: `hasOwn` turns them into "not equal" (then the
  // caller copies, which is always right).
  for (const k in so) {
    if (!hasOwn(so, k) || (last !== undefined && !(last < k)) || isIntegerKey(k) || !hasOwn(o, k)) return false;
    last = k;
    const x = o[k];
    if (x === undefined || !equalCanonical(so[k], x)) return false;
    n++;
  }
  // and the value has no other member that JSON writes (storedCopy copies own enumerable members, as Object.keys)
  for (const k in o) if (hasOwn(o, k) && o[k] !== undefined) n--;
  if (n !== 0) return false;
  Object.freeze(s);
  return true;
}
