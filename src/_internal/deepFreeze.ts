/**
 * Freezes plain objects and arrays and everything reachable from them, iteratively (no recursion, so a deeply nested
 * value cannot overflow the stack). It descends into objects that are already frozen too: a shallowly frozen object
 * can still hold mutable children. Typed arrays cannot be frozen by the language and are left as they are; callers
 * never put them in results. @internal
 */
export function deepFreeze<T>(value: T): T {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || (typeof v !== "object" && typeof v !== "function") || seen.has(v) || ArrayBuffer.isView(v)) continue;
    seen.add(v);
    Object.freeze(v);
    for (const k of Reflect.ownKeys(v as object)) {
      const d = Object.getOwnPropertyDescriptor(v, k);
      if (d !== undefined && "value" in d && d.value !== null && typeof d.value === "object") stack.push(d.value);
    }
  }
  return value;
}
