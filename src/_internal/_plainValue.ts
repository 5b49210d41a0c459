// Small readers of plain values shared by the library's boundary (boundary.ts) and the calendar's own reader
// (src/calendar/_read.ts): a module with no imports and no module-level state, so a bundle that takes one of them
// carries nothing else (the calendar entry's 9 KB budget, docs/benchmarks.md "Bundle size"). @internal

/** A short, safe rendering of an offending value (the value itself may be huge, hostile or unserialisable). */
export function preview(v: unknown): unknown {
  try {
    if (typeof v === "string") return v.length > 200 ? `${v.slice(0, 200)}…` : v;
    if (typeof v === "number" || typeof v === "boolean" || v === null || v === undefined) return v;
    if (typeof v === "bigint") return `${v}n`;
    if (typeof v === "symbol" || typeof v === "function") return `[${typeof v}]`;
    return Array.isArray(v) ? `[array of ${v.length}]` : "[object]";
  } catch {
    return "[unreadable]";
  }
}

/** Own-property lookup: never reaches `Object.prototype` (so `"__proto__"`, `"valueOf"` are just unknown keys). */
export function own<V>(table: Readonly<Record<string, V>>, key: unknown): V | undefined {
  return typeof key === "string" && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** True for `{}`-style objects (prototype `Object.prototype` or `null`), false for arrays, class instances, Proxies' targets aside. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const p = Object.getPrototypeOf(v) as unknown;
  return p === Object.prototype || p === null;
}
