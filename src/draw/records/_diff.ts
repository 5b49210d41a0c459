import type { DrawMismatch } from "../targets/verifyTargetDraw.js";

/** At most this many mismatches are listed (bounded work and output for hostile records); the rest are counted. */
export const MAX_MISMATCHES = 1000;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const own = (o: Record<string, unknown>, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

/** Arrays of records keyed by one of these fields are compared by key (paths like `strata.B`), when keys are unique. */
const KEYS = ["riskClass", "departmentId"] as const;

function keyOf(items: readonly unknown[]): (typeof KEYS)[number] | undefined {
  for (const k of KEYS) {
    if (items.length === 0 || !items.every((x) => isObject(x) && typeof own(x, k) === "string")) continue;
    if (new Set(items.map((x) => own(x as Record<string, unknown>, k))).size === items.length) return k;
  }
  return undefined;
}

/**
 * Compares a recomputed value (`expected`) with a published one (`actual`) field by field, in canonical form: every
 * leaf that differs, every missing or extra member or element is one mismatch with its path. Own properties only;
 * stops after {@link MAX_MISMATCHES}.
 */
export function diffValues(expected: unknown, actual: unknown, path: string, out: DrawMismatch[]): void {
  if (out.length >= MAX_MISMATCHES) return;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const k = keyOf(expected);
    if (k !== undefined && keyOf(actual) === k) {
      const byKey = new Map(actual.map((x) => [own(x as Record<string, unknown>, k) as string, x]));
      const mine = new Set<string>();
      for (const e of expected) {
        const key = own(e as Record<string, unknown>, k) as string;
        mine.add(key);
        diffValues(e, byKey.get(key), `${path}.${key}`, out);
      }
      for (const [key, a] of byKey) if (!mine.has(key)) push(out, `${path}.${key}`, undefined, a);
      // same members in another order is a difference too (records are canonical)
      if (expected.length === actual.length && expected.some((e, i) => own(e as Record<string, unknown>, k) !== own(actual[i] as Record<string, unknown>, k))) {
        push(out, `${path}(order)`, expected.map((e) => own(e as Record<string, unknown>, k)), actual.map((a) => own(a as Record<string, unknown>, k)));
      }
      return;
    }
    const n = Math.max(expected.length, actual.length);
    for (let i = 0; i < n && out.length < MAX_MISMATCHES; i++) diffValues(i < expected.length ? expected[i] : undefined, i < actual.length ? actual[i] : undefined, `${path}[${i}]`, out);
    return;
  }
  if (isObject(expected) && isObject(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    for (const k of keys) diffValues(own(expected, k), own(actual, k), path === "" ? k : `${path}.${k}`, out);
    return;
  }
  if (expected === actual) return;
  if (typeof expected === "number" && typeof actual === "number" && Object.is(expected, actual)) return;
  push(out, path, expected, actual);
}

function push(out: DrawMismatch[], field: string, expected: unknown, actual: unknown): void {
  if (out.length < MAX_MISMATCHES) out.push({ field, expected, actual });
}
