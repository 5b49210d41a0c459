import { INPUT_LIMITS, readPlain, type Path } from "../_internal/boundary.js";

// A stored trail or task (JSON read back from a database) is copied once at the boundary, so a Proxy or getter is never
// run later. `readPlain` does that with a path for every value, which costs more than the replay itself on a large
// trail; this copy checks the same things (plain objects and dense arrays of data properties, primitives that JSON
// has, the documented limits) without paths, and on the first thing it does not accept hands the value to `readPlain`,
// which refuses it naming the path (or, for a value that reads differently the second time, returns its own copy).

const NOT_PLAIN: unique symbol = Symbol("not plain");

/**
 * A plain copy of a JSON-like value, with `readPlain`'s checks and errors; fast on plain data. The limit on the number
 * of values applies to each element of a top-level list — each event of a trail, each record, event or team of a stored
 * task — not to the whole: a 10⁵-event trail holds more than five million values, each event a few dozen. @internal
 */
export function plainCopy(value: unknown, path: Path): unknown {
  let nodes = 0;
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
      for (let i = 0; i < n; i++) {
        const d = Object.getOwnPropertyDescriptor(v, i);
        if (d === undefined || !("value" in d)) throw NOT_PLAIN;
        // a top-level list (a trail, or a stored task's list field): the limit counts per element
        if (depth <= 1) nodes = 0;
        out[i] = copy(d.value, depth + 1);
      }
      return out;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) throw NOT_PLAIN;
    const out: Record<string, unknown> = proto === null ? (Object.create(null) as Record<string, unknown>) : {};
    for (const k of Object.keys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, k);
      if (d === undefined) continue;
      if (!("value" in d)) throw NOT_PLAIN;
      const c = copy(d.value, depth + 1);
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
