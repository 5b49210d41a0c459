// Generates every single-field edit and every structural edit of a JSON record (the forger's moves), for the tamper
// suite. Each edit is returned with its path and a description; the caller recomputes the digest as a forger would.
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export interface Edit {
  readonly path: string;
  readonly kind: string;
  readonly value: Json;
}

const clone = <T extends Json>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function leafVariants(v: Json): [string, Json][] {
  if (v === null) return [["null→hex", "0".repeat(64)], ["null→0", 0]];
  if (typeof v === "boolean") return [["flip", !v]];
  if (typeof v === "number") {
    const out: [string, Json][] = [["+1", v + 1], ["string", String(v)]];
    if (v > 0) out.push(["-1", v - 1]);
    if (!Number.isInteger(v)) out.push(["+0.01", Math.round((v + 0.01) * 1e6) / 1e6]);
    return out;
  }
  if (typeof v === "string") {
    const out: [string, Json][] = [["append", `${v}x`], ["empty", ""], ["null", null]];
    if (/^[0-9a-f]+$/.test(v) && v.length >= 2) out.push(["hex-digit", v.slice(0, -1) + (v.endsWith("0") ? "1" : "0")]);
    if (/^[A-Z]$/.test(v)) out.push(["other-letter", v === "A" ? "B" : "A"]);
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) out.push(["day-1", v.slice(0, 8) + String(Math.max(1, Number(v.slice(8)) - 1)).padStart(2, "0")]);
    if (v !== v.trim() || v.length > 0) out.push(["padded", ` ${v}`]);
    return out;
  }
  return [];
}

/** Every edit: each leaf changed (several ways), each member deleted or nulled, an extra member on each object, each
 * array element duplicated, removed, or swapped with its neighbour, each array emptied. */
export function allEdits(root: Json, skip: (path: string) => boolean = () => false): Edit[] {
  const out: Edit[] = [];
  const at = (path: (string | number)[], f: (parent: Json[] | Record<string, Json>, key: string | number) => void, kind: string) => {
    const copy = clone(root);
    let p: Json = copy;
    for (let i = 0; i < path.length - 1; i++) p = (p as Record<string, Json>)[path[i] as string] as Json;
    f(p as Json[] | Record<string, Json>, path[path.length - 1] as string | number);
    out.push({ path: path.join("."), kind, value: copy });
  };
  const walk = (v: Json, path: (string | number)[]) => {
    const name = path.join(".");
    if (path.length > 0 && skip(name)) return;
    if (Array.isArray(v)) {
      if (path.length > 0 && v.length > 0) at(path, (p, k) => ((p as Record<string, Json>)[k as string] = []), "empty-array");
      v.forEach((x, i) => {
        at([...path, i], (p, k) => (p as Json[]).splice(k as number, 0, clone(x)), "duplicate-element");
        at([...path, i], (p, k) => (p as Json[]).splice(k as number, 1), "remove-element");
        if (i + 1 < v.length && JSON.stringify(x) !== JSON.stringify(v[i + 1])) at([...path, i], (p, k) => { const a = p as Json[]; const t = a[k as number] as Json; a[k as number] = a[(k as number) + 1] as Json; a[(k as number) + 1] = t; }, "swap-neighbours");
        walk(x, [...path, i]);
      });
      return;
    }
    if (v !== null && typeof v === "object") {
      at([...path, "__extra"], (p, k) => ((p as Record<string, Json>)[k as string] = 1), "extra-member");
      for (const [k, x] of Object.entries(v)) {
        if (skip([...path, k].join("."))) continue;
        at([...path, k], (p, kk) => delete (p as Record<string, Json>)[kk as string], "delete-member");
        walk(x, [...path, k]);
      }
      return;
    }
    if (path.length === 0) return;
    for (const [kind, nv] of leafVariants(v)) at(path, (p, k) => ((p as Record<string, Json>)[k as string] = nv), kind);
  };
  walk(root, []);
  return out;
}
