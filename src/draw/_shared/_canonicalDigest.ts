// SHA-256 of a value's canonical JSON (docs/spec-v1.md §2), streamed: the JSON text is written straight into the
// hasher's block buffer and never built as one string. Exactly the bytes of `utf8(canonicalJson(value))` (differential
// test on random values: test/draw/canonicalDigest.test.ts). Built for large records made of many objects of a few
// shapes (a stage-2 record of 10⁴ targets is 4 MiB): each shape's sorted, JSON-encoded member names are prepared once,
// printable-ASCII strings are copied character by character; a caller that knows its record's shape can write it
// through the same stream without a generic walk (`canonicalWriter`).
import { streamingSha256 } from "./_sha256.js";

interface Shape {
  readonly keys: readonly string[];
  /** Member names in canonical order. */
  readonly sorted: readonly string[];
  /** For each, the JSON text `"name":` and `,"name":`. */
  readonly first: readonly string[];
  readonly rest: readonly string[];
}

/** SHA-256 (64 lower-case hex digits) of the canonical JSON of a JSON value (keys sorted, `undefined` members dropped). */
export function canonicalDigest(value: unknown): string {
  const w = canonicalWriter();
  w.value(value);
  return w.hex();
}

/**
 * A canonical-JSON → SHA-256 stream. `value` writes any JSON value canonically; `string` a string literal; `text`
 * JSON text as is (punctuation, member names, or JSON already in canonical form), UTF-8 encoded — for callers that write a large record of a
 * known shape directly, without a generic walk (docs/spec-v1.md §2; such callers are tested against
 * {@link canonicalDigest}).
 */
export interface CanonicalWriter {
  value(v: unknown): void;
  string(s: string): void;
  text(s: string): void;
  hex(): string;
}

export function canonicalWriter(): CanonicalWriter {
  const h = streamingSha256();
  const string = (s: string) => h.jsonString(s);
  const shapes: Shape[] = [];
  let last: Shape | undefined;
  const same = (s: Shape, keys: readonly string[]): boolean => {
    if (s.keys.length !== keys.length) return false;
    for (let i = 0; i < keys.length; i++) if (s.keys[i] !== keys[i]) return false;
    return true;
  };
  const shapeOf = (keys: readonly string[]): Shape => {
    if (last !== undefined && same(last, keys)) return last;
    for (const s of shapes) if (same(s, keys)) return (last = s);
    const sorted = [...keys].sort();
    const shape: Shape = { keys: [...keys], sorted, first: sorted.map((k) => `${JSON.stringify(k)}:`), rest: sorted.map((k) => `,${JSON.stringify(k)}:`) };
    if (shapes.length < 64) shapes.push(shape);
    return (last = shape);
  };
  const walk = (v: unknown): void => {
    if (typeof v === "string") return h.jsonString(v);
    if (typeof v === "number") return h.text(Number.isFinite(v) ? String(v) : "null");
    if (v === null || typeof v !== "object") return h.text(JSON.stringify(v));
    if (Array.isArray(v)) {
      h.text("[");
      for (let i = 0; i < v.length; i++) {
        if (i > 0) h.text(",");
        const x: unknown = v[i];
        if (x === undefined) h.text("null");
        else walk(x);
      }
      h.text("]");
      return;
    }
    const o = v as Record<string, unknown>;
    const shape = shapeOf(Object.keys(o));
    h.text("{");
    let first = true;
    for (let k = 0; k < shape.sorted.length; k++) {
      const x = o[shape.sorted[k] as string];
      if (x === undefined) continue;
      h.text(first ? (shape.first[k] as string) : (shape.rest[k] as string));
      first = false;
      walk(x);
    }
    h.text("}");
  };
  return { value: walk, string, text: (s: string) => h.text(s), hex: () => h.hex() };
}
