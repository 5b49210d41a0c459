// The calendar's own boundary reader (issue 15, the calendar bundle ≤ 9 KB): what `shuangsuiji/calendar` needs of
// src/_internal/boundary.ts, with the same checks, limits, paths, rules and bilingual texts, and no more — no
// streams, record limits, date copying or read options, and only the two boundary rules the calendar can report. It
// is recursive where boundary.ts is iterative (the depth check bounds the recursion at INPUT_LIMITS.maxDepth) and
// visits the values in the same order, so that the first problem found, and the path reported, are the same.
// test/calendar/read.test.ts compares the two on valid and hostile input (fast-check). @internal
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { issueOf, type RuleDefinition } from "../errors/_rule.js";
import { isPlainObject, own, preview } from "../_internal/_plainValue.js";

export { isPlainObject, own, preview };

export type Path = readonly (string | number)[];

// The limits of INPUT_LIMITS (src/_internal/boundary.ts, README "Limits") that plain calendar input meets.
const MAX_DEPTH = 64;
const MAX_NODES = 5_000_000;
const MAX_ARRAY = 2_000_000;
const MAX_STRING = 1_000_000;

/**
 * `input-shape` and `input-limit` of INPUT_RULES (src/errors/_inputRules.ts), the same texts (a test compares them),
 * without the rules the calendar never reports. Plain literals (no template strings), so that a bundle that takes only
 * `preview` from this module (the draw's, through parseCivilDate) drops them.
 */
const RULES: Readonly<Record<"input-shape" | "input-limit", RuleDefinition>> = {
  /** Library contract, no regulation: plain data at every public boundary. */
  "input-shape": { id: "input-shape", clause: "本库接口约定（非法规条款）/ library contract, no regulation: plain data at every public boundary", zh: "输入不是约定形式的普通数据", en: "the input is not plain data of the documented shape" },
  /** Library contract, no regulation: bounded work for every input. */
  "input-limit": { id: "input-limit", clause: "本库接口约定（非法规条款）/ library contract, no regulation: bounded work for every input", zh: "输入超出文档规定的上限", en: "the input exceeds a documented limit" },
};

/** Throws `invalid-input` for one path (boundary.ts `invalid`). */
export function invalid(path: Path, en: string, zh: string, value?: unknown, rule: "input-shape" | "input-limit" = "input-shape"): never {
  throw new ShuangsuijiError("invalid-input", [issueOf(RULES[rule], [...path], { detailEn: en, detailZh: zh, ...(value === undefined ? {} : { value: preview(value) }) })]);
}


const define = (o: object, k: string, value: unknown) => Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true });

/**
 * Reads a JSON-like argument into a fresh copy, as boundary.ts `readPlain` does with its default limits (objects
 * passed `keep` are kept by reference): the same values accepted, the same refusals at the same paths, found in the
 * same order — depth first, an array's elements first to last, an object's keys last to first, a container's own
 * properties all read before any of them is visited.
 */
export function readPlain(value: unknown, path: Path, keep?: (v: object) => boolean): unknown {
  let nodes = 0;
  let at = path;
  const read = (src: unknown, p: Path, depth: number): unknown => {
    at = p;
    if (++nodes > MAX_NODES) invalid(p, `more than ${MAX_NODES} values`, `值的数量超过${MAX_NODES}`, undefined, "input-limit");
    const t = typeof src;
    if (t === "string" && (src as string).length > MAX_STRING) invalid(p, `string longer than ${MAX_STRING}`, `字符串长度超过${MAX_STRING}`, src, "input-limit");
    if (t === "bigint" || t === "symbol" || t === "function") invalid(p, `a ${t} is not plain data`, `${t}不是普通数据`, src);
    if (src === null || t !== "object") return src;
    const obj = src as object;
    if (keep?.(obj) === true) return obj;
    if (depth >= MAX_DEPTH) invalid(p, `nested deeper than ${MAX_DEPTH} levels (or cyclic)`, `嵌套超过${MAX_DEPTH}层（或存在循环引用）`, undefined, "input-limit");
    // boundary.ts asks this (it copies dates when told to): a Proxy's getPrototypeOf trap runs here as it runs there
    if (obj instanceof Date) {
      /* not plain data: refused below */
    }
    const keys: (string | number)[] = [];
    const values: unknown[] = [];
    let out: Record<string | number, unknown>;
    if (Array.isArray(obj)) {
      const len = obj.length;
      if (len > MAX_ARRAY) invalid(p, `more than ${MAX_ARRAY} elements`, `元素超过${MAX_ARRAY}个`, obj, "input-limit");
      out = new Array<unknown>(len) as unknown as Record<number, unknown>;
      for (let i = len - 1; i >= 0; i--) {
        const d = Object.getOwnPropertyDescriptor(obj, i);
        if (d === undefined) invalid([...p, i], "an array may not have holes", "数组不能有空位");
        if (!("value" in d)) invalid([...p, i], "accessor properties are not plain data", "访问器属性不是普通数据");
        keys.push(i);
        values.push(d.value);
      }
    } else {
      if (!isPlainObject(obj)) invalid(p, "expected a plain object or array", "应为普通对象或数组", obj);
      out = Object.getPrototypeOf(obj) === null ? (Object.create(null) as Record<string, unknown>) : {};
      for (const k of Object.keys(obj)) {
        const d = Object.getOwnPropertyDescriptor(obj, k);
        if (d === undefined) continue;
        if (!("value" in d)) invalid([...p, k], "accessor properties are not plain data", "访问器属性不是普通数据");
        define(out, k, undefined); // in the input's key order
        keys.push(k);
        values.push(d.value);
      }
    }
    // visited in the order boundary.ts's stack pops them (the reverse of the order read): elements first to last,
    // keys last to first
    for (let j = keys.length - 1; j >= 0; j--) define(out, keys[j] as string, read(values[j], [...p, keys[j] as string], depth + 1));
    return out;
  };
  try {
    return read(value, path, 0);
  } catch (e) {
    if (e instanceof ShuangsuijiError) throw e;
    return invalid(at, "the value could not be read (a Proxy or getter threw)", "无法读取该值（Proxy或访问器抛出异常）");
  }
}

/** A string argument (length-limited; boundary.ts `requireString`). */
export function requireString(value: unknown, path: Path, maxLength: number): string {
  if (typeof value !== "string") invalid(path, "expected a string", "应为字符串", value);
  if (value.length > maxLength) invalid(path, `string longer than ${maxLength}`, `字符串长度超过${maxLength}`, value, "input-limit");
  return value;
}

/** An optional options object, unknown keys refused (boundary.ts `readOptions`). */
export function readOptions(value: unknown, path: Path, allowed: readonly string[]): Record<string, unknown> {
  if (value === undefined) return {};
  const o = readPlain(value, path);
  if (!isPlainObject(o)) invalid(path, "expected an options object", "应为选项对象", value);
  for (const k of Object.keys(o)) if (!allowed.includes(k)) invalid([...path, k], `unknown option (allowed: ${allowed.join(", ")})`, `未知选项（允许：${allowed.join("、")}）`);
  return o;
}
