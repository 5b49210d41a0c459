// Validation at the public boundary (issue 17): every public function reads its arguments through these helpers, so
// a wrong type, a hole, a Proxy or getter that throws, a BigInt, a cyclic or absurdly deep value, or an inherited
// property name used as a key becomes ShuangsuijiError "invalid-input" naming the path — never a foreign exception,
// a hang or a stack overflow. @internal
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { ruleIssue } from "../errors/_inputRules.js";
import { isPlainObject, own, preview } from "./_plainValue.js";

export { isPlainObject, own, preview };

/**
 * Documented limits of free-form input (README "Limits"): nesting depth, number of values, array length, string length.
 * They are far above any real inspection workload and small enough that work and memory stay bounded.
 */
export const INPUT_LIMITS = Object.freeze({
  /** Nesting depth of objects and arrays. */
  maxDepth: 64,
  /** Values (objects, arrays and primitives) in one argument. */
  maxNodes: 5_000_000,
  /** Elements of one array. */
  maxArrayLength: 2_000_000,
  /** UTF-16 code units of one string. */
  maxStringLength: 1_000_000,
  /**
   * Values in one record-shaped argument (a stage-1 draw record, the shards merged into one): three per selected unit
   * or candidate, so 4·10⁷ values hold about 1.3·10⁷ units — a 10⁸-unit pool drawn at 5 % over two shards needs 3·10⁷.
   * Only the readers of records and shards use it ({@link RECORD_READ}); every other argument keeps `maxNodes`.
   */
  maxRecordNodes: 40_000_000,
  /** Elements of one array in a record-shaped argument (one stratum's selected units or candidates). */
  maxRecordArrayLength: 20_000_000,
});

export type Path = readonly (string | number)[];

/** Throws `invalid-input` for one path. */
export function invalid(path: Path, en: string, zh: string, value?: unknown, rule: "input-shape" | "input-limit" = "input-shape"): never {
  throw new ShuangsuijiError("invalid-input", [ruleIssue(rule, [...path], { detailEn: en, detailZh: zh, ...(value === undefined ? {} : { value: preview(value) }) })]);
}


export interface ReadOptions {
  /** Objects passed through by reference, unread (e.g. a calendar or a zod schema the caller got from us). */
  readonly keep?: (v: object) => boolean;
  /** Dates are copied (otherwise they are refused). */
  readonly dates?: boolean;
  readonly maxDepth?: number;
  readonly maxArrayLength?: number;
  /** Values in the argument (default {@link INPUT_LIMITS}.maxNodes). */
  readonly maxNodes?: number;
}

/**
 * The read limits of a record-shaped argument (README "Limits"): a draw record or the shards of one scale with the
 * units selected, so they get {@link INPUT_LIMITS}.maxRecordNodes values and maxRecordArrayLength elements per array;
 * depth, string length and every check of {@link readPlain} are unchanged.
 */
export const RECORD_READ: ReadOptions = Object.freeze({ maxNodes: INPUT_LIMITS.maxRecordNodes, maxArrayLength: INPUT_LIMITS.maxRecordArrayLength });

/**
 * Reads a JSON-like argument into a fresh copy: plain objects (null-prototype ones too), dense arrays, strings,
 * finite or non-finite numbers, booleans, null and undefined. Refused with `invalid-input` naming the path: holes,
 * BigInt, symbols, functions, class instances, accessors, nesting deeper than {@link INPUT_LIMITS}.maxDepth (cycles
 * included), and anything whose reading throws (Proxies, getters). Own keys such as `__proto__` are kept as plain data
 * properties, so they can never reach a prototype. Iterative: no stack depth depends on the input.
 */
export function readPlain(value: unknown, path: Path, options: ReadOptions = {}): unknown {
  const maxDepth = options.maxDepth ?? INPUT_LIMITS.maxDepth;
  const maxArray = options.maxArrayLength ?? INPUT_LIMITS.maxArrayLength;
  const maxNodes = options.maxNodes ?? INPUT_LIMITS.maxNodes;
  let nodes = 0;
  const root: { v?: unknown } = {};
  const stack: { src: unknown; put: (v: unknown) => void; path: Path; depth: number }[] = [{ src: value, put: (v) => (root.v = v), path, depth: 0 }];
  let at: Path = path;
  try {
    while (stack.length > 0) {
      const { src, put, path: p, depth } = stack.pop()!;
      at = p;
      if (++nodes > maxNodes) invalid(p, `more than ${maxNodes} values`, `值的数量超过${maxNodes}`, undefined, "input-limit");
      switch (typeof src) {
        case "string":
          if (src.length > INPUT_LIMITS.maxStringLength) invalid(p, `string longer than ${INPUT_LIMITS.maxStringLength}`, `字符串长度超过${INPUT_LIMITS.maxStringLength}`, src, "input-limit");
          put(src);
          continue;
        case "number":
        case "boolean":
        case "undefined":
          put(src);
          continue;
        case "bigint":
        case "symbol":
        case "function":
          invalid(p, `a ${typeof src} is not plain data`, `${typeof src}不是普通数据`, src);
      }
      if (src === null) {
        put(null);
        continue;
      }
      const obj = src as object;
      if (options.keep?.(obj) === true) {
        put(obj);
        continue;
      }
      if (depth >= maxDepth) invalid(p, `nested deeper than ${maxDepth} levels (or cyclic)`, `嵌套超过${maxDepth}层（或存在循环引用）`, undefined, "input-limit");
      if (obj instanceof Date && options.dates === true) {
        put(new Date(Date.prototype.getTime.call(obj)));
        continue;
      }
      if (Array.isArray(obj)) {
        const len = obj.length;
        if (len > maxArray) invalid(p, `more than ${maxArray} elements`, `元素超过${maxArray}个`, obj, "input-limit");
        const out: unknown[] = new Array<unknown>(len);
        put(out);
        for (let i = len - 1; i >= 0; i--) {
          const d = Object.getOwnPropertyDescriptor(obj, i);
          if (d === undefined) invalid([...p, i], "an array may not have holes", "数组不能有空位");
          if (!("value" in d)) invalid([...p, i], "accessor properties are not plain data", "访问器属性不是普通数据");
          stack.push({ src: d.value, put: (v) => (out[i] = v), path: [...p, i], depth: depth + 1 });
        }
        continue;
      }
      if (!isPlainObject(obj)) invalid(p, "expected a plain object or array", "应为普通对象或数组", obj);
      const out: Record<string, unknown> = Object.getPrototypeOf(obj) === null ? (Object.create(null) as Record<string, unknown>) : {};
      put(out);
      for (const k of Object.keys(obj)) {
        const d = Object.getOwnPropertyDescriptor(obj, k);
        if (d === undefined) continue;
        if (!("value" in d)) invalid([...p, k], "accessor properties are not plain data", "访问器属性不是普通数据");
        // defined now, in the input's key order; the value is filled in when the stack reaches it
        const define = (v: unknown) => Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
        define(undefined);
        stack.push({ src: d.value, put: define, path: [...p, k], depth: depth + 1 });
      }
    }
  } catch (e) {
    if (e instanceof ShuangsuijiError) throw e;
    invalid(at, "the value could not be read (a Proxy or getter threw)", "无法读取该值（Proxy或访问器抛出异常）");
  }
  return root.v;
}

/** A string argument (length-limited). */
export function requireString(value: unknown, path: Path, maxLength: number = INPUT_LIMITS.maxStringLength): string {
  if (typeof value !== "string") invalid(path, "expected a string", "应为字符串", value);
  if (value.length > maxLength) invalid(path, `string longer than ${maxLength}`, `字符串长度超过${maxLength}`, value, "input-limit");
  return value;
}

/** A finite number argument. */
export function requireFinite(value: unknown, path: Path): number {
  if (typeof value !== "number" || !Number.isFinite(value)) invalid(path, "expected a finite number", "应为有限数值", value);
  return value;
}

/** An integer in [min, max]. */
export function requireInteger(value: unknown, path: Path, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value)) invalid(path, "expected an integer", "应为整数", value);
  if (value < min || value > max) invalid(path, `expected an integer from ${min} to ${max}`, `应为${min}至${max}之间的整数`, value, "input-limit");
  return value;
}

/** An optional options object, read as plain data; unknown keys are refused so that typos do not pass silently. */
export function readOptions(value: unknown, path: Path, allowed: readonly string[], read?: ReadOptions): Record<string, unknown> {
  if (value === undefined) return {};
  const o = readPlain(value, path, read);
  if (!isPlainObject(o)) invalid(path, "expected an options object", "应为选项对象", value);
  for (const k of Object.keys(o)) if (!allowed.includes(k)) invalid([...path, k], `unknown option (allowed: ${allowed.join(", ")})`, `未知选项（允许：${allowed.join("、")}）`);
  return o;
}

/** An argument that must be a plain object: read with {@link readPlain} into a fresh copy, else `invalid-input`. */
export function requireObject(value: unknown, path: Path, options?: ReadOptions & { readonly streams?: readonly string[] }): Record<string, unknown> {
  let keep = options?.keep;
  const streams = options?.streams ?? [];
  if (streams.length > 0) {
    // the named fields (iterables of rows or units, possibly generators) are passed through by reference, unread
    const kept = new Set<unknown>();
    try {
      if (isPlainObject(value)) {
        for (const k of streams) {
          const d = Object.getOwnPropertyDescriptor(value, k);
          if (d !== undefined && "value" in d && typeof d.value === "object" && d.value !== null) kept.add(d.value);
        }
      }
    } catch {
      invalid(path, "the value could not be read (a Proxy or getter threw)", "无法读取该值（Proxy或访问器抛出异常）");
    }
    const outer = keep;
    keep = (v) => kept.has(v) || outer?.(v) === true;
  }
  const o = readPlain(value, path, { ...options, ...(keep === undefined ? {} : { keep }) });
  if (!isPlainObject(o)) invalid(path, "expected an object", "应为对象", value);
  return o;
}

/**
 * Iterates a caller's iterable (an array, a generator, a stream of rows) once, turning a non-iterable or an iterator
 * that throws into `invalid-input` at `path` (the element's index appended) — the elements themselves are checked by
 * the caller. Used where copying the whole input first would break streaming (a pool of millions of units).
 */
export function* iterateInput<T>(value: unknown, path: Path): Generator<T, void, undefined> {
  let it: Iterator<T>;
  try {
    if (value === null || value === undefined || typeof value === "string" || typeof (value as Iterable<T>)[Symbol.iterator] !== "function") invalid(path, "expected an array or iterable", "应为数组或可迭代对象", value);
    it = (value as Iterable<T>)[Symbol.iterator]();
  } catch (e) {
    if (e instanceof ShuangsuijiError) throw e;
    invalid(path, "the value could not be read (a Proxy or getter threw)", "无法读取该值（Proxy或访问器抛出异常）");
  }
  for (let i = 0; ; i++) {
    let r: IteratorResult<T>;
    try {
      r = it.next();
    } catch (e) {
      if (e instanceof ShuangsuijiError) throw e;
      invalid([...path, i], "the value could not be read (an iterator, Proxy or getter threw)", "无法读取该值（迭代器、Proxy或访问器抛出异常）");
    }
    if (r.done === true) return;
    yield r.value;
  }
}

/** A bytes argument: a `Uint8Array` (any view of it is read as is) or an `ArrayBuffer`, else `invalid-input`. */
export function requireBytes(value: unknown, path: Path): Uint8Array {
  try {
    if (value instanceof Uint8Array) return value;
    if (value instanceof ArrayBuffer) return new Uint8Array(value);
  } catch {
    invalid(path, "the value could not be read (a Proxy threw)", "无法读取该值（Proxy抛出异常）");
  }
  return invalid(path, "expected a Uint8Array or an ArrayBuffer", "应为 Uint8Array 或 ArrayBuffer", value);
}

/**
 * Runs `read` (which reads one element of a caller's streamed input, e.g. a pool unit), turning an exception thrown
 * by a Proxy or getter in that element into `invalid-input` at `path`. Streams are not copied first (constant memory),
 * so this is where their elements' hostile reads are caught.
 */
export function readingElement<T>(path: Path, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof ShuangsuijiError) throw e;
    return invalid(path, "the value could not be read (a Proxy or getter threw)", "无法读取该值（Proxy或访问器抛出异常）");
  }
}

/** {@link iterateInput} for an async iterable (a cursor, a stream) or a sync one. */
export async function* asyncInput<T>(value: unknown, path: Path): AsyncGenerator<T, void, undefined> {
  let it: AsyncIterator<T> | Iterator<T>;
  try {
    const v = value as Partial<AsyncIterable<T> & Iterable<T>> | null | undefined;
    if (v !== null && v !== undefined && typeof v[Symbol.asyncIterator] === "function") it = v[Symbol.asyncIterator]!();
    else if (v !== null && v !== undefined && typeof v !== "string" && typeof v[Symbol.iterator] === "function") it = v[Symbol.iterator]!();
    else return invalid(path, "expected an array, iterable or async iterable", "应为数组、可迭代或异步可迭代对象", value);
  } catch (e) {
    if (e instanceof ShuangsuijiError) throw e;
    return invalid(path, "the value could not be read (a Proxy or getter threw)", "无法读取该值（Proxy或访问器抛出异常）");
  }
  // as for…of: the caller's iterator is closed (return()) when the read stops early — a refused element, or the
  // consumer of this generator stopping — so its finally blocks (a DB cursor, a file) run; not when its own next()
  // threw or broke the protocol, nor once it is done
  let open = true;
  try {
    for (let i = 0; ; i++) {
      let r: unknown;
      try {
        r = await it.next();
      } catch (e) {
        open = false;
        if (e instanceof ShuangsuijiError) throw e;
        // the caller's own stream failed (an I/O error, say): reported as invalid-input, its error kept as the cause
        throw new ShuangsuijiError("invalid-input", [ruleIssue("input-shape", [...path, i], { detailEn: "the value could not be read (an iterator, Proxy or getter threw)", detailZh: "无法读取该值（迭代器、Proxy或访问器抛出异常）" })], { cause: e });
      }
      // an iterator result must be an object (ECMAScript IteratorNext): refused at the element reached
      if (r === null || (typeof r !== "object" && typeof r !== "function")) {
        open = false;
        throw new ShuangsuijiError(
          "invalid-input",
          [ruleIssue("input-shape", [...path, i], { detailEn: "the stream's iterator broke the iterator protocol (next() returned a non-object)", detailZh: "该流的迭代器不符合迭代器协议（next() 返回的不是对象）", value: preview(r) })],
          { cause: new TypeError(`Iterator result ${String(r)} is not an object`) },
        );
      }
      let value: T;
      try {
        if ((r as IteratorResult<T>).done) {
          open = false;
          return;
        }
        value = (r as IteratorResult<T>).value;
      } catch (e) {
        open = false;
        if (e instanceof ShuangsuijiError) throw e;
        return invalid([...path, i], "the value could not be read (a Proxy or getter threw)", "无法读取该值（Proxy或访问器抛出异常）");
      }
      try {
        yield value; // an async generator awaits the value: a thenable Proxy or getter throws here
      } catch (e) {
        if (e instanceof ShuangsuijiError) throw e;
        return invalid([...path, i], "the value could not be read (a Proxy or getter threw)", "无法读取该值（Proxy或访问器抛出异常）");
      }
    }
  } finally {
    if (open) {
      try {
        const close = (it as { return?: unknown }).return;
        if (typeof close === "function") await close.call(it);
      } catch {
        /* the read's own outcome is reported */
      }
    }
  }
}
