// The boundary's plain copy (readPlain / requireObject in boundary.ts) on the common case, without a path array, a stack
// entry and defineProperty calls per value: own enumerable data members of plain objects (null-prototype ones too, in
// their own key order, `__proto__` kept as an own data member), dense arrays, JSON's primitives, `keep` values by
// reference, within the given limits. On the first thing it does not expect — a hole, an accessor, a class instance, a
// BigInt, a value over a limit — it throws {@link DECLINE}, and the caller hands the value to the boundary reader, which
// copies or refuses it exactly as before (so results and errors stay the boundary's). Used where a whole argument is
// copied on every call: stage 2's input (src/draw/inspectors/_readInput.ts), a task transition's arguments
// (src/task/_args.ts). A stored trail's copy (src/task/_plain.ts `plainCopy`) is not this one: its limits count per
// event and it notes calendar references as it goes. @internal
import { INPUT_LIMITS } from "./boundary.js";

/** Thrown when the boundary reader must decide. @internal */
export const DECLINE: unique symbol = Symbol("decline");

/** @internal */
export interface FastCopyOptions {
  /** Values passed through by reference (e.g. records the library built). */
  readonly keep: (o: object) => boolean;
  /** The limits on values and array length (the boundary's defaults, or the record limits). */
  readonly maxNodes: number;
  readonly maxArrayLength: number;
  /** When given, holds the path of the value being read, so a read that throws can be refused at its path. */
  readonly at?: (string | number)[];
}

/** A plain copy of `value`, or {@link DECLINE} thrown (any other exception is a read that threw). @internal */
export function fastCopy(value: unknown, options: FastCopyOptions): unknown {
  const { keep, maxNodes, maxArrayLength, at } = options;
  const { maxDepth, maxStringLength } = INPUT_LIMITS;
  let nodes = 0;
  const copy = (v: unknown, depth: number): unknown => {
    if (++nodes > maxNodes) throw DECLINE;
    switch (typeof v) {
      case "string":
        if (v.length > maxStringLength) throw DECLINE;
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
    if (keep(v)) return v;
    if (depth >= maxDepth) throw DECLINE;
    if (Array.isArray(v)) {
      const n = v.length;
      if (n > maxArrayLength) throw DECLINE;
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        const d = Object.getOwnPropertyDescriptor(v, i);
        if (d === undefined || !("value" in d)) throw DECLINE; // a hole or an accessor
        at?.push(i);
        out[i] = copy(d.value, depth + 1);
        at?.pop();
      }
      return out;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) throw DECLINE;
    const out: Record<string, unknown> = proto === null ? (Object.create(null) as Record<string, unknown>) : {};
    for (const k of Object.keys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, k);
      if (d === undefined) continue;
      if (!("value" in d)) throw DECLINE;
      at?.push(k);
      const c = copy(d.value, depth + 1);
      at?.pop();
      if (k === "__proto__") Object.defineProperty(out, k, { value: c, enumerable: true, writable: true, configurable: true });
      else out[k] = c;
    }
    return out;
  };
  return copy(value, 0);
}
