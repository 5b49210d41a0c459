// Whether a published stage-2 record is, member for member, the record the re-run built (verifyInspectorDraw's first
// check, docs/spec-v1.md §10): `same`, the generic deep equality, and `sameRecord`, the same answer for a record we
// built, by the same reads in the same order, with the teams and leaders compared by name (differential property test
// on published records edited at random: test/draw/stage2Same.test.ts). @internal
import type { DrawnTeam, InspectorDrawRecord } from "./InspectorDrawRecord.js";

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * @internal `same(expected, actual)` for a record the re-run built, the same answer by the same reads in the same order, with
 * the teams and leaders — 1.2 × 10⁵ of the record's objects — compared member by member by name rather than by the
 * generic walk (a lookup by a variable key on the published side for each member of each object).
 */
export function sameRecord(expected: InspectorDrawRecord, actual: unknown): boolean {
  return sameObject(expected, actual, (k, x, y) => {
    if (k === "departments") return sameList(x as readonly object[], y, sameDepartment);
    if (k === "leaders") return sameList(x as readonly object[], y, sameLeader);
    return same(x, y);
  });
}

const sameDepartment = (x: object, y: unknown): boolean => sameObject(x, y, (k, a, b) => (k === "teams" ? sameList(a as readonly object[], b, sameTeam) : same(a, b)));

/** `same(a, b)` for an object `a` we built (not an array), each member compared by `member`. */
function sameObject(a: object, b: unknown, member: (k: string, x: unknown, y: unknown) => boolean): boolean {
  if (a === b) return true;
  if (typeof b !== "object" || b === null || Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (!hasOwn(x, k)) continue;
    if (!hasOwn(y, k) || !member(k, x[k], y[k])) return false;
    n++;
  }
  return ownCount(y) === n;
}

/** Own enumerable string-keyed members, as `same` counts them. */
function ownCount(y: object): number {
  let m = 0;
  for (const k in y) if (hasOwn(y, k)) m++;
  return m;
}

/** `same(a, b)` for an array `a` we built, each element compared by `item`. */
function sameList(a: readonly object[], b: unknown, item: (x: object, y: unknown) => boolean): boolean {
  if (a === b) return true;
  if (!Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!item(a[i] as object, b[i])) return false;
  return true;
}

/** `same(a, b)` for a list of strings `a` we built: element for element, `===`. */
function sameStrings(a: readonly string[], b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `same(a, b)` for a team we built: its three members (in its own order: inspectorIds, random, targetIds), by name. */
function sameTeam(a: object, b: unknown): boolean {
  if (a === b) return true;
  if (typeof b !== "object" || b === null || Array.isArray(b)) return false;
  const x = a as DrawnTeam;
  const y = b as Record<string, unknown>;
  return (
    hasOwn(y, "inspectorIds") && sameStrings(x.inspectorIds, y.inspectorIds) &&
    hasOwn(y, "random") && x.random === y.random &&
    hasOwn(y, "targetIds") && sameStrings(x.targetIds, y.targetIds) &&
    ownCount(y) === 3
  );
}

/** `same(a, b)` for a leader we built: its two members (leaderId, targetIds), by name. */
function sameLeader(a: object, b: unknown): boolean {
  if (a === b) return true;
  if (typeof b !== "object" || b === null || Array.isArray(b)) return false;
  const x = a as { readonly leaderId: string; readonly targetIds: readonly string[] };
  const y = b as Record<string, unknown>;
  return hasOwn(y, "leaderId") && x.leaderId === y.leaderId && hasOwn(y, "targetIds") && sameStrings(x.targetIds, y.targetIds) && ownCount(y) === 2;
}

/** @internal Deep equality of a value we built (plain objects, arrays, strings, numbers, booleans) with a published one. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (!Object.prototype.hasOwnProperty.call(x, k)) continue;
    if (!Object.prototype.hasOwnProperty.call(y, k) || !same(x[k], y[k])) return false;
    n++;
  }
  let m = 0;
  for (const k in y) if (Object.prototype.hasOwnProperty.call(y, k)) m++;
  return n === m;
}
