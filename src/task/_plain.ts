import { INPUT_LIMITS, readPlain, type Path } from "../_internal/boundary.js";

// A stored trail or task (JSON read back from a database) is copied once at the boundary, so a Proxy or getter is never
// run later. `readPlain` does that with a path for every value, which costs more than the replay itself on a large
// trail; this copy checks the same things (plain objects and dense arrays of data properties, primitives that JSON
// has, the documented limits) without paths, and on the first thing it does not accept hands the value to `readPlain`,
// which refuses it naming the path (or, for a value that reads differently the second time, returns its own copy).

const NOT_PLAIN: unique symbol = Symbol("not plain");

/**
 * Copies (a trail, or a stored task's trail) that plainCopy walked whole and in which no object has a `$calendar`
 * member: replay's decoding of holiday calendars recorded by reference (see decodeInput in _replay) would return every
 * input of them unchanged, so it is skipped. Only copies this module made are in it (private, never handed out).
 */
const CALENDAR_FREE = new WeakSet<object>();

/** Whether `copy` is a list plainCopy made in which no object has a `$calendar` member. @internal */
export const isCalendarFree = (copy: unknown): boolean => typeof copy === "object" && copy !== null && CALENDAR_FREE.has(copy);

// Telling a data member from an accessor without running it: `Object.getOwnPropertyDescriptor` answers with a new
// descriptor object per member — about a fifth of everything a replay allocated (a 10⁴-target trail: 118 of 621 MB,
// docs/benchmarks.md round 5), hence a scavenge in five. `__lookupGetter__` (ECMA-262 Annex B, in every engine the
// library runs on) answers without allocating: `undefined` for an own data member (the lookup stops there), the
// getter of an accessor. An accessor without a getter (a setter only, or neither) reads as `undefined` without running
// anything, so whenever a member reads as `undefined` the descriptor is asked as before (rare in stored JSON: it has no
// `undefined`). Captured once here, so a later change to Object.prototype does not reach the walk.
const lookupGetter = (Object.prototype as { __lookupGetter__?: (k: PropertyKey) => unknown }).__lookupGetter__;
const LOOKUPS = typeof lookupGetter === "function";
const hasOwn = Object.hasOwn;
/** What {@link ownData} answers for a member that is not there (no own member of that name: a hole, or gone). */
const ABSENT: unique symbol = Symbol("absent");
/** What {@link ownData} answers for an accessor (never run). */
const ACCESSOR: unique symbol = Symbol("accessor");

/**
 * The value of own member `k` of `o` when it is a data member — read once, no getter or setter ever run —,
 * {@link ABSENT} when `o` has no own member `k`, {@link ACCESSOR} when it is an accessor: for ordinary objects exactly
 * what `Object.getOwnPropertyDescriptor(o, k)` tells (`undefined`, a descriptor without `value`, or its `value`).
 * A Proxy is not ordinary: its `getOwnPropertyDescriptor` and `get` traps both run here and the copy takes what `get`
 * answers, so a Proxy whose traps disagree may be copied differently than by the descriptor alone. Either way the
 * checks run on the one copy made, and the copy is what is replayed and returned (hostile7c F1, LOW: no forgery passes;
 * JavaScript cannot tell a Proxy from its target).
 */
function ownData(o: object, k: string | number): unknown {
  if (!LOOKUPS) return fromDescriptor(o, k);
  if (!hasOwn(o, k)) return ABSENT;
  if (lookupGetter!.call(o, k) !== undefined) return ACCESSOR;
  const x = (o as Record<string | number, unknown>)[k];
  // `undefined`: a data member holding it, or an accessor without a getter (the descriptor tells)
  return x === undefined ? fromDescriptor(o, k) : x;
}

function fromDescriptor(o: object, k: string | number): unknown {
  const d = Object.getOwnPropertyDescriptor(o, k);
  return d === undefined ? ABSENT : "value" in d ? d.value : ACCESSOR;
}

/**
 * A plain copy of a JSON-like value, with `readPlain`'s checks and errors; fast on plain data. The limit on the number
 * of values applies to each element of a top-level list — each event of a trail, each record, event or team of a stored
 * task — not to the whole: a 10⁵-event trail holds more than five million values, each event a few dozen. With
 * `keepTop`, the members of a top-level object it names are passed through as they are (their data descriptor read,
 * nothing under them read or copied): the caller reads them itself. @internal
 */
export function plainCopy(value: unknown, path: Path, keepTop?: (key: string) => boolean): unknown {
  let nodes = 0;
  let calendarKeys = 0;
  const { maxDepth, maxNodes, maxArrayLength, maxStringLength } = INPUT_LIMITS;
  const copy = (v: unknown, depth: number): unknown => {
    if (++nodes > maxNodes) throw NOT_PLAIN;
    switch (typeof v) {
      case "string":
        if (v.length > maxStringLength) throw NOT_PLAIN;
        return v;
      case "number":
      case "boolean":
      case "undefined":
        return v;
      case "object":
        break;
      default:
        throw NOT_PLAIN;
    }
    if (v === null) return null;
    if (depth >= maxDepth) throw NOT_PLAIN;
    if (Array.isArray(v)) {
      const n = v.length;
      if (n > maxArrayLength) throw NOT_PLAIN;
      const out = new Array<unknown>(n);
      const before = calendarKeys;
      for (let i = 0; i < n; i++) {
        // a top-level list (a trail, or a stored task's list field): the limit counts per element
        if (depth <= 1) nodes = 0;
        const x = ownData(v, i);
        if (x === ABSENT || x === ACCESSOR) throw NOT_PLAIN; // a hole or an accessor
        out[i] = copy(x, depth + 1);
      }
      if (depth <= 1 && calendarKeys === before) CALENDAR_FREE.add(out);
      return out;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) throw NOT_PLAIN;
    const out: Record<string, unknown> = proto === null ? (Object.create(null) as Record<string, unknown>) : {};
    for (const k of Object.keys(v)) {
      const x = ownData(v, k);
      if (x === ABSENT) continue;
      if (x === ACCESSOR) throw NOT_PLAIN;
      if (k === "$calendar") calendarKeys++;
      // a member of the top-level object the caller reads itself (without running a getter: see verifyTask)
      const c = depth === 0 && keepTop?.(k) === true ? x : copy(x, depth + 1);
      if (k === "__proto__") Object.defineProperty(out, k, { value: c, enumerable: true, writable: true, configurable: true });
      else out[k] = c;
    }
    return out;
  };
  try {
    return copy(value, 0);
  } catch {
    // NOT_PLAIN, or a Proxy trap or getter that threw: readPlain names the path and refuses it — element by element for
    // the top-level lists, so that the limits count as above
    return readByElement(value, path, 0);
  }
}

function readByElement(value: unknown, path: Path, depth: number): unknown {
  if (depth > 1) return readPlain(value, path);
  // the container itself (plain, dense, data properties), its children passed through unread, then each child
  const shallow = readPlain(value, path, { keep: (o) => o !== value });
  if (Array.isArray(shallow)) return shallow.map((x, i) => readPlain(x, [...path, i]));
  if (shallow === null || typeof shallow !== "object") return shallow;
  const out = shallow as Record<string, unknown>;
  for (const k of Object.keys(out)) {
    const v = out[k];
    const c = Array.isArray(v) ? readByElement(v, [...path, k], depth + 1) : readPlain(v, [...path, k]);
    Object.defineProperty(out, k, { value: c, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * Whether a stored value (read once, through data descriptors: a getter is never run) equals, as JSON, a value the
 * library built (`sameJson` semantics: `undefined` members count as absent). `false` also for anything `plainCopy`
 * would not accept as it is (an accessor, a non-plain object): the caller then takes the copying path, which refuses
 * such a value by path. The walk is bounded by the library's value, whatever the stored one holds. @internal
 */
export function storedEquals(s: unknown, e: unknown): boolean {
  if (s === e) return typeof s !== "function" && typeof s !== "symbol" && typeof s !== "bigint";
  if (s === null || e === null || typeof s !== "object" || typeof e !== "object") return false;
  if (Array.isArray(e)) {
    if (!Array.isArray(s) || s.length !== e.length) return false;
    for (let i = 0; i < e.length; i++) {
      const y = ownData(s, i);
      if (y === ABSENT || y === ACCESSOR) return false;
      const x: unknown = e[i];
      if (!storedEquals(y === undefined ? null : y, x === undefined ? null : x)) return false;
    }
    return true;
  }
  if (Array.isArray(s)) return false;
  const proto = Object.getPrototypeOf(s) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  const o = e as Record<string, unknown>;
  let n = 0;
  for (const k of Object.keys(s)) {
    const y = ownData(s, k);
    if (y === ABSENT) continue;
    if (y === ACCESSOR) return false;
    if (y === undefined) continue;
    if (!Object.hasOwn(o, k) || !storedEquals(y, o[k])) return false;
    n++;
  }
  for (const k in o) if (o[k] !== undefined) n--;
  return n === 0;
}

/**
 * plainCopy's checks on a value `JSON.parse` has just made, without copying it — for the text entries (replayTaskText,
 * loadTaskText). What JSON.parse returns is already what plainCopy would make: objects with `Object.prototype`, whose
 * members (a `"__proto__"` key included) are own enumerable data members created as such, dense arrays, strings, finite
 * numbers, booleans and `null` — no getter, setter, Proxy, hole or class instance can be written in JSON — and it is
 * fresh: nobody else holds a reference to it, so replay may freeze and keep it as its own copy. What is left to check
 * are the documented limits, counted exactly as plainCopy counts them (values per element of a top-level list, depth,
 * array length, string length): `true` when they hold — the caller then uses the value as the copy, and its top-level
 * lists with no `$calendar` member are marked as plainCopy marks its copies —; `false` when one does not (the caller
 * then hands the value to plainCopy, which refuses it naming the path, as for any value). With `keepTop`, the members
 * of a top-level object it names are not walked (plainCopy passes them through unread). @internal
 */
export function parsedWithinLimits(value: unknown, keepTop?: (key: string) => boolean): boolean {
  let nodes = 0;
  let calendarKeys = 0;
  const { maxDepth, maxNodes, maxArrayLength, maxStringLength } = INPUT_LIMITS;
  const marks: object[] = [];
  const check = (v: unknown, depth: number): boolean => {
    if (++nodes > maxNodes) return false;
    if (typeof v === "string") return v.length <= maxStringLength;
    if (v === null || typeof v !== "object") return true;
    if (depth >= maxDepth) return false;
    if (Array.isArray(v)) {
      const n = v.length;
      if (n > maxArrayLength) return false;
      const before = calendarKeys;
      for (let i = 0; i < n; i++) {
        if (depth <= 1) nodes = 0;
        if (!check(v[i], depth + 1)) return false;
      }
      if (depth <= 1 && calendarKeys === before) marks.push(v);
      return true;
    }
    const o = v as Record<string, unknown>;
    // for-in: JSON.parse's objects have only own enumerable members and Object.prototype has none enumerable
    for (const k in o) {
      if (k === "$calendar") calendarKeys++;
      if (depth === 0 && keepTop?.(k) === true) continue;
      if (!check(o[k], depth + 1)) return false;
    }
    return true;
  };
  if (!check(value, 0)) return false;
  for (const m of marks) CALENDAR_FREE.add(m);
  return true;
}
