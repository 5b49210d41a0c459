/** Recursively freezes plain objects and arrays so results cannot be mutated by callers. @internal */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (v !== null && typeof v === "object") deepFreeze(v);
      }
    } else {
      for (const k in value) {
        const v: unknown = (value as Record<string, unknown>)[k];
        if (v !== null && typeof v === "object") deepFreeze(v);
      }
    }
  }
  return value;
}
