// A directory row that InspectorSchema (Chongqing table C.1) certainly accepts, decided without parsing it. Stage 2
// checks every row of every directory on every draw (5 × 300 rows in the benchmark); a zod parse copies each row and
// its issues list (≈ 1.6 KiB of garbage a row, a sixth of what a draw allocated). The common row — exactly its five
// required members, plain values — is checked here by hand; any other row is parsed by the schema as before, so the
// answer and every reported problem stay the schema's (property test: test/draw/stage2Fast.test.ts).
import { INSPECTOR_CATEGORIES } from "../../model/inspector.js";

const CATEGORIES: ReadonlySet<unknown> = new Set(INSPECTOR_CATEGORIES);
const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** TextSchema / IdSchema: a non-empty string without surrounding white space (Chongqing table C.1). */
const isText = (v: unknown): boolean => typeof v === "string" && v.length > 0 && v === v.trim();

/**
 * True only when `InspectorSchema.safeParse(row)` succeeds (Chongqing table C.1): a plain object whose own members
 * are exactly `id`, `name`, `departmentId` (texts), `category` (one of INSPECTOR_CATEGORIES) and `expertise` (an array
 * of texts). False says nothing: the row is then parsed by the schema.
 */
export function isPlainInspector(row: unknown): boolean {
  if (row === null || typeof row !== "object" || Object.getPrototypeOf(row) !== Object.prototype) return false;
  const r = row as Record<string, unknown>;
  let members = 0;
  for (const k in r) {
    if (!hasOwn(r, k)) return false;
    members++;
  }
  // the five counted must be these five, own: with a polluted Object.prototype an inherited (non-enumerable) member
  // would otherwise stand in for a missing own one while an own optional member went unchecked
  if (members !== 5 || !hasOwn(r, "id") || !hasOwn(r, "name") || !hasOwn(r, "departmentId") || !hasOwn(r, "category") || !hasOwn(r, "expertise")) return false;
  if (!isText(r.id) || !isText(r.name) || !isText(r.departmentId) || !CATEGORIES.has(r.category)) return false;
  const expertise = r.expertise;
  if (!Array.isArray(expertise)) return false;
  for (let i = 0; i < expertise.length; i++) if (!isText(expertise[i])) return false;
  return true;
}
