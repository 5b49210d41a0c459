import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { same, sameRecord } from "../../src/draw/inspectors/_sameRecord.js";
import { commitPool, createSeed, drawInspectors, drawTargets, lockTargetDraw, verifyInspectorDraw, type DrawInspectorsInput, type Inspector, type InspectorDrawRecord } from "../../src/index.js";

// verifyInspectorDraw's first check — the published record equals the re-run's, member for member — compares teams and
// leaders by name (sameRecord) instead of by the generic walk (same): on any published value, the two must answer alike.

const S1 = createSeed("33".repeat(16), { kind: "other", description: "stage 1" });
const S2 = createSeed("44".repeat(16), { kind: "other", description: "stage 2" });
function input(targets: number, groupSize: number, fallback: boolean): DrawInspectorsInput {
  const pool = Array.from({ length: targets }, (_, i) => ({ id: `U${i}`, riskClass: "A" }));
  const locked = lockTargetDraw(drawTargets({ taskId: "T-S", pool, seed: S1, commitment: commitPool(pool), policy: { strata: { A: { ratio: 1 } } } }), { lockedOn: "2026-04-02", lockedBy: "信用监管科" });
  const staff = (d: string, n: number) => Array.from({ length: n }, (_, i): Inspector => ({ id: `${d}-${i}`, name: `人员${i}`, departmentId: d, category: "qualified-staff", expertise: ["食品"] }));
  return { locked, seed: S2, initiatingDepartmentId: "A", groupSize, departments: [{ departmentId: "A", inspectors: staff("A", 5) }, { departmentId: "B", inspectors: staff("B", fallback ? 2 : 4) }] };
}
const records: InspectorDrawRecord[] = [input(6, 1, false), input(7, 2, true), input(3, 3, false)].map((i) => {
  const r = drawInspectors(i);
  if (!r.ok) throw new Error("draw failed");
  return r.record;
});

/** A plain, unfrozen copy (what a published record read from JSON is). */
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
/** Every object or array inside `v` (itself included), in a fixed order. */
function containers(v: unknown, out: object[] = []): object[] {
  if (v === null || typeof v !== "object") return out;
  out.push(v);
  for (const k of Object.keys(v)) containers((v as Record<string, unknown>)[k], out);
  return out;
}
const values = [undefined, null, 0, Number.NaN, true, false, "", "A-1", "U1", [], {}, ["A-1"], { leaderId: "A-1" }];
type Edit = { at: number; kind: number; value: number; key: number };
/** Applies one edit of eleven kinds to a container of `root`: change, delete or add a member, hide one, inherit one… */
function edit(root: unknown, e: Edit): void {
  const all = containers(root);
  const c = all[e.at % all.length] as Record<string, unknown>;
  const keys = Object.keys(c);
  const key = keys.length > 0 ? (keys[e.key % keys.length] as string) : "0";
  const value = structuredClone(values[e.value % values.length]); // a fresh one: edits may change it later
  switch (e.kind % 11) {
    case 0: c[key] = value; break;
    case 1: delete c[key]; break;
    case 2: c[["extra", "random", "targetIds", "inspectorIds", "leaderId"][e.value % 5] as string] = value; break;
    case 3: Object.defineProperty(c, key, { value: c[key], enumerable: false }); break; // an own member, not enumerable
    case 4: { const v = c[key]; delete c[key]; Object.setPrototypeOf(c, { [key]: v }); break; } // inherited, not own
    case 5: { const v = c[key]; Object.defineProperty(c, key, { get: () => v, enumerable: true }); break; } // a getter, same value
    case 6: if (Array.isArray(c)) c.length += 1; else c[key] = plain(c[key]); break; // a hole at the end, or a copy
    case 7: if (Array.isArray(c)) c.pop(); else Object.setPrototypeOf(c, null); break;
    case 8: c[key] = typeof c[key] === "object" && c[key] !== null ? Object.assign({}, c[key]) : value; break; // an array as an object
    case 9: Object.defineProperty(c, Symbol("s"), { value: 1, enumerable: true }); break; // a symbol member (not JSON)
    case 10: { const v = c[key]; delete c[key]; Object.setPrototypeOf(c, { [key]: v }); c.extra = value; break; } // inherited, and as many own members
  }
}

describe("sameRecord = same on published records", () => {
  it("equal copies are the same; any edit answers as the generic walk does", () => {
    for (const r of records) {
      expect(sameRecord(r, plain(r))).toBe(true);
      expect(sameRecord(r, r)).toBe(true);
    }
    let differ = 0;
    fc.assert(
      fc.property(fc.nat(records.length - 1), fc.array(fc.record({ at: fc.nat(), kind: fc.nat(), value: fc.nat(), key: fc.nat() }), { minLength: 1, maxLength: 3 }), (which, edits) => {
        const r = records[which] as InspectorDrawRecord;
        const published = plain(r);
        for (const e of edits) {
          try {
            edit(published, e);
          } catch {
            // an edit that cannot be made (a member made read-only by an earlier edit) is skipped
          }
        }
        const expected = same(r, published);
        if (!expected) differ++;
        expect(sameRecord(r, published)).toBe(expected);
      }),
      { seed: 21, numRuns: 3000 },
    );
    expect(differ).toBeGreaterThan(1500); // most edits make a difference
  });

  it("verification still accepts the honest record and refuses an edited team", () => {
    const i = input(6, 1, false);
    const r = drawInspectors(i);
    if (!r.ok) throw new Error("draw failed");
    expect(verifyInspectorDraw(plain(r.record) as InspectorDrawRecord, i).ok).toBe(true);
    const edited = plain(r.record) as { departments: { teams: { inspectorIds: string[] }[] }[] };
    edited.departments[0]!.teams[0]!.inspectorIds.reverse();
    expect(verifyInspectorDraw(edited as unknown as InspectorDrawRecord, i).ok).toBe(false);
  });
});
