// A zod-free reader for the draw path's inputs (issue 15, "a light core"): a few combinators that run the same checks,
// in the same order, as the zod mini schemas of the draw (src/draw/records/recordSchemas.ts and the schemas it
// composes) and report the SAME issues — code, path, message, every field zod puts in an issue, same order — and the
// same parsed value. zod stays the source of the types and the JSON Schemas; the readers keep zod (29 KB minified,
// 8.5 KB min+gz) out of a browser bundle of the draw and the ticket check. test/draw/lightRead.test.ts compares every
// reader with its zod schema on valid and hostile inputs (docs/benchmarks.md "The draw's inputs are read without zod").
//
// Semantics mirrored from zod 4 (core/schemas.js, core/checks.js): a schema parses, then runs its checks unless an
// issue without `continue: true` was raised (length checks run on anything with a length unless an issue said
// `continue: false`); object members in declaration order, then unknown keys (strict objects: one
// `unrecognized_keys`); records over own enumerable keys; a discriminated union dispatches on its tag. Messages:
// the check's own text, else zod's global `customError`/`localeError` (whatever locale the application installed —
// read from zod's global config object, without importing zod), else "Invalid input". @internal

/** An issue as zod reports it after a parse (`$ZodIssue`): code, path, message and the code's own fields. */
export interface LightIssue {
  readonly code: string;
  readonly path: PropertyKey[];
  readonly message: string;
  readonly [field: string]: unknown;
}

/** A raw issue, before finalisation (as zod's schemas push them). */
interface Raw {
  code: string;
  path?: PropertyKey[];
  input?: unknown;
  continue?: boolean;
  /** the check's own message */
  m?: string;
  [field: string]: unknown;
}
interface Payload {
  value: unknown;
  issues: Raw[];
}

/** A reader: runs on a payload, pushes raw issues, sets the parsed value. `o`: optional (absence allowed). */
export interface Reader<T = unknown> {
  readonly run: (p: Payload) => void;
  readonly o?: boolean;
  /** phantom: the parsed type */
  readonly t?: T;
}
interface Check {
  readonly w?: boolean;
  readonly c: (p: Payload) => void;
}

const aborted = (p: Payload, from = 0): boolean => p.issues.slice(from).some((i) => i.continue !== true);
const isObject = (v: unknown): v is Record<PropertyKey, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** zod's `isPlainObject` (z.record's test). */
function isPlainObject(o: unknown): boolean {
  if (!isObject(o)) return false;
  const ctor = o.constructor as unknown;
  if (typeof ctor !== "function") return true;
  const prot = (ctor as { prototype?: unknown }).prototype;
  return isObject(prot) && Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf");
}

// a schema: its parse, then its checks (zod's runChecks)
function schema<T>(parse: (p: Payload) => boolean | void, checks: readonly Check[] = []): Reader<T> {
  return {
    run(p) {
      parse(p);
      let ab = aborted(p);
      for (const ch of checks) {
        if (ch.w === true) {
          // length checks (zod's `when`): anything non-nullish with a length, unless explicitly aborted
          const v = p.value as { length?: unknown } | null | undefined;
          if (p.issues.some((i) => i.continue === false) || v === null || v === undefined || v.length === undefined) continue;
        } else if (ab) continue;
        const n = p.issues.length;
        ch.c(p);
        if (!ab && p.issues.length !== n) ab = aborted(p, n);
      }
    },
  };
}

const typeIssue = (p: Payload, expected: string, extra?: object): void => {
  p.issues.push({ expected, code: "invalid_type", input: p.value, ...extra });
};

export const str = (...checks: Check[]): Reader<string> => schema((p) => typeof p.value === "string" || typeIssue(p, "string"), checks);
export const bool = (): Reader<boolean> => schema((p) => typeof p.value === "boolean" || typeIssue(p, "boolean"));
const numParse = (p: Payload): void => {
  const v = p.value;
  if (typeof v === "number" && Number.isFinite(v)) return;
  typeIssue(p, "number", typeof v === "number" ? { received: String(v) } : undefined);
};
export const num = (...checks: Check[]): Reader<number> => schema(numParse, checks);
/** `z.int()` (format `safeint`) with further checks. */
export const int = (...checks: Check[]): Reader<number> =>
  schema(numParse, [
    {
      c(p) {
        const v = p.value as number;
        if (!Number.isInteger(v)) {
          p.issues.push({ expected: "int", format: "safeint", code: "invalid_type", continue: false, input: v });
        } else if (!Number.isSafeInteger(v)) {
          p.issues.push({ input: v, code: v > 0 ? "too_big" : "too_small", ...(v > 0 ? { maximum: Number.MAX_SAFE_INTEGER } : { minimum: Number.MIN_SAFE_INTEGER }), note: "Integers must be within the safe integer range.", origin: "int", inclusive: true, continue: true });
        }
      },
    },
    ...checks,
  ]);
export const literal = <T extends string>(value: T): Reader<T> =>
  schema((p) => p.value === value || void p.issues.push({ code: "invalid_value", values: [value], input: p.value }));
export const oneOf = <T extends string>(values: readonly T[]): Reader<T> =>
  schema((p) => values.includes(p.value as T) || void p.issues.push({ code: "invalid_value", values: [...values], input: p.value }));

/** `z.regex`: origin string, format regex, the pattern as text. */
export const regex = (re: RegExp, m?: string): Check => ({
  c(p) {
    if (!re.test(p.value as string)) p.issues.push({ origin: "string", code: "invalid_format", format: "regex", input: p.value, pattern: re.toString(), continue: true, ...(m === undefined ? {} : { m }) });
  },
});
/** `z.minLength`: `.length`, as zod counts (UTF-16 code units; never a copy of the text, which may be huge). */
export const minLength = (minimum: number): Check => ({
  w: true,
  c(p) {
    const v = p.value as string | unknown[];
    if (v.length >= minimum) return;
    p.issues.push({ origin: Array.isArray(v) ? "array" : typeof v === "string" ? "string" : "unknown", code: "too_small", minimum, inclusive: true, input: v, continue: true });
  },
});
/** `z.gte` / `z.nonnegative` (`inclusive`), `z.gt` / `z.positive` (not). */
export const atLeast = (minimum: number, inclusive: boolean, m?: string): Check => ({
  c(p) {
    const v = p.value as number;
    if (inclusive ? v >= minimum : v > minimum) return;
    p.issues.push({ origin: "number", code: "too_small", minimum, input: v, inclusive, continue: true, ...(m === undefined ? {} : { m }) });
  },
});
/** `z.lte`. */
export const atMost = (maximum: number, m?: string): Check => ({
  c(p) {
    const v = p.value as number;
    if (v <= maximum) return;
    p.issues.push({ origin: "number", code: "too_big", maximum, input: v, inclusive: true, continue: true, ...(m === undefined ? {} : { m }) });
  },
});
/** `z.refine(fn, { error, path })`. */
export const refine = <T>(fn: (v: T) => boolean, m: string, path: PropertyKey[] = []): Check => ({
  c(p) {
    if (!fn(p.value as T)) p.issues.push({ code: "custom", input: p.value, path: [...path], continue: true, m });
  },
});

const prefix = (key: PropertyKey, from: Raw[], to: Raw[]): void => {
  for (const i of from) {
    i.path = [key, ...(i.path ?? [])];
    to.push(i);
  }
};

type Shape = Record<string, Reader>;
type Out<S extends Shape> = { [K in keyof S]: S[K] extends Reader<infer T> ? T : never };

/** `z.object` (unknown keys dropped) or `z.strictObject` (`strict`: unknown keys reported), then its checks. */
export function object<S extends Shape>(shape: S, strict: boolean, ...checks: Check[]): Reader<Out<S>> {
  const keys = Object.keys(shape);
  return schema((p) => {
    const input = p.value;
    if (!isObject(input)) return typeIssue(p, "object");
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const el = shape[key] as Reader;
      const r: Payload = { value: input[key], issues: [] };
      el.run(r);
      const present = key in input;
      if (!present && el.o === true) continue;
      prefix(key, r.issues, p.issues);
      if (!present) {
        if (r.issues.length === 0) p.issues.push({ code: "invalid_type", expected: "nonoptional", input: undefined, path: [key] });
        continue;
      }
      out[key] = r.value;
    }
    p.value = out;
    if (!strict) return;
    const unknown: string[] = [];
    for (const key in input) if (!keys.includes(key)) unknown.push(key);
    if (unknown.length > 0) p.issues.push({ code: "unrecognized_keys", keys: unknown, input, continue: true });
  }, checks);
}

/** `z.record(key, value)` (a key failing its schema: `invalid_key`) or `z.partialRecord(z.enum(…), value)` (`partial`: unknown keys reported together). */
export function record<V>(key: Reader<string>, value: Reader<V>, partial = false): Reader<Record<string, V>> {
  return schema((p) => {
    const input = p.value as Record<PropertyKey, unknown>;
    if (!isPlainObject(input)) return typeIssue(p, "record");
    const out: Record<PropertyKey, unknown> = {};
    const unknown: PropertyKey[] = [];
    for (const k of Reflect.ownKeys(input)) {
      if (k === "__proto__" || !Object.prototype.propertyIsEnumerable.call(input, k)) continue;
      const kr: Payload = { value: k, issues: [] };
      key.run(kr);
      if (kr.issues.length > 0) {
        if (partial) unknown.push(k);
        else p.issues.push({ code: "invalid_key", origin: "record", issues: kr.issues.map(finalize), input: k, path: [k] });
        continue;
      }
      const r: Payload = { value: input[k], issues: [] };
      value.run(r);
      prefix(k, r.issues, p.issues);
      out[k] = r.value;
    }
    p.value = out;
    if (unknown.length > 0) p.issues.push({ code: "unrecognized_keys", input, keys: unknown, continue: true });
  });
}

/** `z.array(element)`, then its checks. */
export const array = <T>(element: Reader<T>, ...checks: Check[]): Reader<T[]> =>
  schema((p) => {
    const input = p.value;
    if (!Array.isArray(input)) return typeIssue(p, "array");
    const out: unknown[] = new Array(input.length);
    for (let i = 0; i < input.length; i++) {
      const r: Payload = { value: input[i], issues: [] };
      element.run(r);
      prefix(i, r.issues, p.issues);
      out[i] = r.value;
    }
    p.value = out;
  }, checks);

/** `z.optional`. */
export const optional = <T>(inner: Reader<T>): Reader<T | undefined> => ({ o: true, run: (p) => void (p.value === undefined || inner.run(p)) });
/** `z.nullable`. */
export const nullable = <T>(inner: Reader<T>): Reader<T | null> => ({ ...(inner.o === true ? { o: true } : {}), run: (p) => void (p.value === null || inner.run(p)) });

/** `z.discriminatedUnion(tag, options)`: each option keyed by its tag's literal. */
export const union = <T>(tag: string, options: readonly (readonly [string, Reader])[]): Reader<T> => ({
  run(p) {
    const input = p.value;
    if (!isObject(input)) return typeIssue(p, "object");
    const value = input[tag];
    const opt = options.find(([v]) => v === value);
    if (opt !== undefined) return opt[1].run(p);
    p.issues.push({ code: "invalid_union", errors: [], note: "No matching discriminator", discriminator: tag, options: options.map(([v]) => v), input, path: [tag] });
  },
});

interface ZodConfig {
  customError?: (i: Raw) => unknown;
  localeError?: (i: Raw) => unknown;
}
const text = (m: unknown): string | undefined => (typeof m === "string" ? m : (m as { message?: string } | undefined)?.message);

/** An issue as zod finalises it: its fields without the input, a path, and the message. */
function finalize(i: Raw): LightIssue {
  const config = (globalThis as { __zod_globalConfig?: ZodConfig }).__zod_globalConfig;
  const message = i.m ?? text(config?.customError?.(i)) ?? text(config?.localeError?.(i)) ?? "Invalid input";
  const full: Record<string, unknown> = {};
  for (const k of Object.keys(i)) if (k !== "continue" && k !== "input" && k !== "m" && k !== "__proto__") full[k] = i[k];
  full.path ??= [];
  full.message = message;
  return full as unknown as LightIssue;
}

/** What `schema.safeParse(value)` gives: the parsed value, or the issues. */
export type ReadResult<T> = { readonly success: true; readonly data: T } | { readonly success: false; readonly issues: LightIssue[] };

/** Reads a value: zod's `safeParse` without zod. */
export function read<T>(reader: Reader<T>, value: unknown): ReadResult<T> {
  const p: Payload = { value, issues: [] };
  reader.run(p);
  return p.issues.length === 0 ? { success: true, data: p.value as T } : { success: false, issues: p.issues.map(finalize) };
}
