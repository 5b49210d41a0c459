// The boundary read of a stage-2 input (issue 17), fast. `requireObject(raw, [], { keep: isBuilt })` copies every
// value through a generic iterative reader (a stack entry, a closure, a path array and two defineProperty calls per
// value): for 5 directories of 300 inspectors that copy was about a tenth of the whole draw. This reader makes the same
// copy recursively with none of that, and hands anything it does not expect — a hole, an accessor, a class instance,
// a Date, a BigInt, a string or array over the limits, nesting deeper than the limit — to `requireObject` from the
// start, which then copies or refuses it exactly as before: the result and every error are the boundary's own
// (differential test: test/draw/stage2ReadInput.test.ts). A read that throws (a Proxy or getter) is refused at its
// path with the boundary's error, never read twice.
import { INPUT_LIMITS, invalid, isPlainObject, requireObject } from "../../_internal/boundary.js";
import { isBuilt } from "../records/_checkRecord.js";

/** Thrown inside the fast copy when the generic reader must decide. */
const DECLINE: unique symbol = Symbol("decline");

/**
 * `requireObject(raw, [], { keep: isBuilt })`, the same copy (plain objects, null-prototype ones too, in their own key
 * order; dense arrays; primitives; built records by reference) or the same `invalid-input` error.
 */
export function readStage2Input(raw: unknown): Record<string, unknown> {
  if (isPlainObject(raw)) {
    let nodes = 0;
    const maxString = INPUT_LIMITS.maxStringLength;
    const maxArray = INPUT_LIMITS.maxArrayLength;
    const maxDepth = INPUT_LIMITS.maxDepth;
    const maxNodes = INPUT_LIMITS.maxNodes;
    const at: (string | number)[] = []; // the path of the value being read (a read that throws is refused there)
    const copy = (v: unknown, depth: number): unknown => {
      if (++nodes > maxNodes) throw DECLINE;
      switch (typeof v) {
        case "string":
          if (v.length > maxString) throw DECLINE;
          return v;
        case "number":
        case "boolean":
        case "undefined":
          return v;
        case "object":
          break;
        default:
          throw DECLINE; // bigint, symbol, function
      }
      if (v === null) return null;
      if (isBuilt(v)) return v;
      if (depth >= maxDepth) throw DECLINE;
      if (Array.isArray(v)) {
        const len = v.length;
        if (len > maxArray) throw DECLINE;
        const out = new Array<unknown>(len);
        for (let i = 0; i < len; i++) {
          const d = Object.getOwnPropertyDescriptor(v, i);
          if (d === undefined || !("value" in d)) throw DECLINE; // a hole or an accessor
          at.push(i);
          out[i] = copy(d.value, depth + 1);
          at.pop();
        }
        return out;
      }
      if (!isPlainObject(v)) throw DECLINE;
      const out: Record<string, unknown> = Object.getPrototypeOf(v) === null ? (Object.create(null) as Record<string, unknown>) : {};
      for (const k of Object.keys(v)) {
        const d = Object.getOwnPropertyDescriptor(v, k);
        if (d === undefined) continue;
        if (!("value" in d)) throw DECLINE;
        at.push(k);
        const x = copy(d.value, depth + 1);
        at.pop();
        // `__proto__` stays an own data property, as the boundary keeps it
        if (k === "__proto__") Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
        else out[k] = x;
      }
      return out;
    };
    try {
      return copy(raw, 0) as Record<string, unknown>;
    } catch (e) {
      // a read that threw is refused at its path, as the boundary refuses it — never read a second time (hostile5 F6)
      if (e !== DECLINE) invalid(at, "the value could not be read (a Proxy or getter threw)", "无法读取该值（Proxy或访问器抛出异常）");
      // DECLINE: the boundary reads it from the start and copies it or names the problem
    }
  }
  return requireObject(raw, [], { keep: isBuilt });
}
