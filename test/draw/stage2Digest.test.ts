import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { canonicalDigest } from "../../src/draw/_shared/_canonicalDigest.js";
import { canonicalJson, sha256Hex, utf8 } from "../../src/draw/_shared/_encoding.js";
import { stage2BodyDigest, stage2BodyText } from "../../src/draw/inspectors/_recordDigest.js";
import { drawStage2 } from "../../src/draw/inspectors/drawInspectors.js";
import { commitPool, createSeed, drawInspectors, drawTargets, lockTargetDraw, verifyInspectorDraw, type DepartmentSpec, type Inspector, type InspectorDrawRecord, type LockedTargetList } from "../../src/index.js";

// The stage-2 record digest is SHA-256 of the canonical JSON of the body (docs/spec-v1.md §2). drawInspectors writes
// that text while it draws (members in canonical order, teams and leaders from cached pieces); verification hashes a
// published record with a second writer (stage2BodyDigest). Both must be exactly the generic canonical digest.
const reference = (v: unknown) => sha256Hex(utf8(canonicalJson(v)));
const bodyOf = (r: InspectorDrawRecord): Record<string, unknown> => {
  const { digest: _digest, ...body } = r;
  return body;
};

const S1 = createSeed("11".repeat(16), { kind: "other", description: "stage 1" });
function lockedList(ids: readonly string[]): LockedTargetList {
  const pool = ids.map((id) => ({ id, riskClass: "A" }));
  return lockTargetDraw(drawTargets({ taskId: "T-D", pool, seed: S1, commitment: commitPool(pool), policy: { strata: { A: { ratio: 1 } } } }), { lockedOn: "2026-04-02", lockedBy: "信用监管科" });
}
// ids of every kind the boundary accepts: ASCII, Chinese, a supplementary character, JSON escapes are not allowed in ids
// but `"` and `\` are printable and must be escaped in the text
const idText = fc.constantFrom("", "甲", "乙-2", "😀", "a\"b", "c\\d", "é", "Z", "0");
const targetIds = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 40 }), idText).map(([n, s]) => `T${n}${s}`), { minLength: 1, maxLength: 12 });
const inspector = (dept: string) =>
  fc.record({ n: fc.integer({ min: 0, max: 60 }), s: idText, expert: fc.boolean() }).map(({ n, s, expert }): Inspector => ({
    id: `${dept}-${n}${s}`, name: `人员${n}`, departmentId: dept, category: expert ? "expert" : "qualified-staff", expertise: ["食品"],
  }));
const directory = (dept: string) => fc.uniqueArray(inspector(dept), { minLength: 2, maxLength: 14, selector: (i) => i.id });
const seed2 = fc.uint8Array({ minLength: 16, maxLength: 16 }).filter((b) => b.some((x) => x !== 0x11)).map((b) => createSeed(Buffer.from(b).toString("hex"), { kind: "other", description: "第二次" }));

describe("stage-2 record digest: the text written while drawing is the canonical JSON of the record", () => {
  it("record.digest = canonicalDigest(body) = stage2BodyDigest(body) for random draws (unicode ids, subsets, groups, recusals, caps, fallbacks)", () => {
    let drawn = 0;
    fc.assert(
      fc.property(
        targetIds, directory("市场监管局"), directory("WJW"), seed2, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 3 }),
        fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }), fc.boolean(), fc.nat(), fc.string({ unit: "grapheme", maxLength: 4 }),
        (ids, a, b, seed, groupSize, m, cap, fallback, pick, reason) => {
          const locked = lockedList(ids);
          const sorted = [...ids].sort();
          const recusals = a.slice(0, 2).map((i, k) => ({ inspectorId: i.id, targetId: sorted[(pick + k) % sorted.length] as string, reason: `${reason}回避` }));
          const departments: DepartmentSpec[] = [
            { departmentId: "市场监管局", inspectors: a, teamSize: m, ...(cap === undefined ? {} : { workloadCap: cap }) },
            { departmentId: "WJW", inspectors: b, targetIds: sorted.filter((_, k) => (k + pick) % 3 !== 0) },
          ];
          const r = drawInspectors({ locked, seed, initiatingDepartmentId: "市场监管局", departments, recusals, groupSize, allowSingleSideFallback: fallback });
          if (!r.ok) return;
          drawn++;
          const body = bodyOf(r.record);
          expect(r.record.digest).toBe(reference(body));
          expect(canonicalDigest(body)).toBe(r.record.digest);
          expect(stage2BodyDigest(body)).toBe(r.record.digest);
          // verification compares texts instead of hashing twice: the draw's text and the walking writer's are the
          // canonical JSON, byte for byte
          const sink: { text?: Uint8Array } = {};
          drawStage2({ locked, seed, initiatingDepartmentId: "市场监管局", departments, recusals, groupSize, allowSingleSideFallback: fallback }, sink);
          expect(sink.text).toEqual(utf8(canonicalJson(body)));
          expect(stage2BodyText(body).bytes()).toEqual(utf8(canonicalJson(body)));
          // a copy through JSON (no shared arrays, members in another order) has the same digest by the walking writer
          const copy = JSON.parse(JSON.stringify(body, Object.keys(body).reverse().concat(["departmentId", "directoryDigest", "eligibleCounts", "teams", "targetIds", "random", "inspectorIds", "leaderId", "available", "directory", "expertise", "qualified", "scope", "inspectorId", "targetId", "reason", "value", "provenance", "kind", "description", "entropyBits"]))) as Record<string, unknown>;
          if (canonicalJson(copy) === canonicalJson(body)) expect(stage2BodyDigest(copy)).toBe(r.record.digest);
        },
      ),
      { seed: 13, numRuns: 400 },
    );
    expect(drawn).toBeGreaterThan(80); // the property ran on real draws
  });

  it("the walking writer equals the generic digest for any body: odd teams and leaders, extra members, holes, escapes", () => {
    const text = fc.oneof(fc.string({ maxLength: 5 }), fc.string({ unit: "grapheme", maxLength: 3 }), fc.constantFrom("\"", "\\", "\u2028", "😀", "检查"));
    const ids = fc.array(text, { maxLength: 3 });
    const json = fc.letrec((tie) => ({ v: fc.oneof({ depthSize: "small" }, text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie("v"), { maxLength: 3 }), fc.dictionary(text, tie("v"), { maxKeys: 3 })) })).v;
    const team = fc.oneof(
      fc.record({ inspectorIds: ids, random: fc.boolean(), targetIds: ids }),
      fc.record({ inspectorIds: ids, random: fc.boolean(), targetIds: ids, extra: json }),
      fc.record({ inspectorIds: ids, random: fc.boolean(), targetIds: ids, more: fc.constant(undefined) }),
      fc.record({ inspectorIds: fc.array(fc.oneof(text, fc.integer()), { maxLength: 2 }), random: json, targetIds: ids }),
      fc.record({ inspectorIds: ids, targetIds: ids }),
      json,
    );
    const leader = fc.oneof(fc.record({ leaderId: text, targetIds: ids }), fc.record({ leaderId: json, targetIds: json }), fc.record({ leaderId: text, targetIds: ids, x: json }), json);
    const department = fc.oneof(fc.record({ departmentId: text, directoryDigest: text, eligibleCounts: json, teams: fc.array(team, { maxLength: 4 }) }), fc.record({ teams: json }), json);
    const body = fc.record({
      algorithm: text, departments: fc.oneof(fc.array(department, { maxLength: 3 }), json), leaders: fc.oneof(fc.array(leader, { maxLength: 4 }), json),
      kind: text, recusals: json, seed: json, taskId: text, zz: fc.option(json, { nil: undefined }),
    });
    fc.assert(fc.property(body, (b) => {
      expect(stage2BodyDigest(b)).toBe(reference(b));
    }), { seed: 21, numRuns: 1500 });
    // sparse arrays: a hole is null in JSON
    const sparse: unknown[] = [];
    sparse[2] = { inspectorIds: ["a"], random: true, targetIds: ["t"] };
    const holes = { departments: [{ teams: sparse }], leaders: [, { leaderId: "x", targetIds: ["t"] }] };
    expect(stage2BodyDigest(holes)).toBe(reference(holes));
  });

  it("a large record (the text grows past its first buffers): the written text hashes like the generic walk", () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `U${String(i).padStart(4, "0")}检查`);
    const locked = lockedList(ids);
    const staff = (d: string) => Array.from({ length: 40 }, (_, i): Inspector => ({ id: `${d}-${i}`, name: "n", departmentId: d, category: "qualified-staff", expertise: [] }));
    const r = drawInspectors({ locked, seed: createSeed("ab".repeat(16), { kind: "other", description: "s2" }), initiatingDepartmentId: "A", departments: [{ departmentId: "A", inspectors: staff("A"), teamSize: 3 }, { departmentId: "B", inspectors: staff("B") }] });
    if (!r.ok) throw new Error("draw failed");
    expect(r.record.digest).toBe(canonicalDigest(bodyOf(r.record)));
    expect(stage2BodyDigest(bodyOf(r.record))).toBe(r.record.digest);
  });
});

describe("verifyInspectorDraw: the fast path (re-run equal member for member) decides exactly as the detailed comparison", () => {
  const locked = lockedList(["T1", "T2", "T3", "T4", "甲"]);
  const staff = (d: string) => Array.from({ length: 6 }, (_, i): Inspector => ({ id: `${d}-${i}`, name: "n", departmentId: d, category: "qualified-staff", expertise: [] }));
  const input = { locked, seed: createSeed("22".repeat(16), { kind: "other" as const, description: "s2" }), initiatingDepartmentId: "A", departments: [{ departmentId: "A", inspectors: staff("A") }, { departmentId: "B", inspectors: staff("B"), targetIds: ["T2", "甲"] }] };
  const r = drawInspectors(input);
  if (!r.ok) throw new Error("draw failed");
  const record = r.record;
  const fields = (v: ReturnType<typeof verifyInspectorDraw>) => (v.ok ? [] : v.mismatches.map((m) => m.field));
  it("accepts the record, and a JSON copy with its members in another order (no shared arrays)", () => {
    expect(verifyInspectorDraw(record, input).ok).toBe(true);
    const reordered = JSON.parse(JSON.stringify(record, Object.keys(record).reverse().concat(["teams", "targetIds", "random", "inspectorIds", "leaderId", "departmentId", "directoryDigest", "eligibleCounts", "available", "directory", "expertise", "qualified", "scope", "value", "provenance", "kind", "description", "entropyBits"]))) as InspectorDrawRecord;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(record));
    expect(verifyInspectorDraw(reordered, input).ok).toBe(true);
  });
  it("refuses an extra member even when undefined (the record schema), at the top and in a team", () => {
    expect(fields(verifyInspectorDraw({ ...record, extra: undefined } as never, input))).toEqual([""]);
    const d0 = record.departments[0]!;
    const teams = d0.teams.map((t, k) => (k === 1 ? { ...t, note: undefined } : t));
    expect(fields(verifyInspectorDraw({ ...record, departments: [{ ...d0, teams }, ...record.departments.slice(1)] } as never, input))).toEqual(["departments[0].teams[1]"]);
  });
  it("names the digest when only the digest differs, and the team when a forger recomputes the digest", () => {
    expect(fields(verifyInspectorDraw({ ...record, digest: "0".repeat(64) }, input))).toEqual(["digest"]);
    const d0 = record.departments[0]!;
    const t0 = d0.teams[0]!;
    const other = staff("A").map((i) => i.id).find((id) => !t0.inspectorIds.includes(id))!;
    const forged = { ...record, departments: [{ ...d0, teams: [{ ...t0, inspectorIds: [other, ...t0.inspectorIds.slice(1)] }, ...d0.teams.slice(1)] }, ...record.departments.slice(1)] };
    const { digest: _d, ...body } = forged;
    const v = verifyInspectorDraw({ ...forged, digest: reference(body) }, input);
    // the record is self-consistent; the re-run differs in the team and therefore in the digest
    expect(fields(v)).toEqual(["departments.A.teams[0].inspectorIds[0]", "digest"]);
  });
});

describe("the record text's buffer", () => {
  it("one very long inspector id in a directory does not reserve its length for every team", () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `T${i}`);
    const locked = lockedList(ids);
    // 2.7 MB of UTF-8 in the directory (an auxiliary expert: never on a team); reserved per team it would be gigabytes
    const long = `A-${"长".repeat(900_000)}`;
    const inspectors = [long, "A-1", "A-2", "A-3"].map((id, k): Inspector => ({ id, name: "n", departmentId: "A", category: k === 0 ? "expert" : "qualified-staff", expertise: [] }));
    const r = drawInspectors({ locked, seed: createSeed("cd".repeat(16), { kind: "other", description: "s2" }), initiatingDepartmentId: "A", departments: [{ departmentId: "A", inspectors }] });
    if (!r.ok) throw new Error("draw failed");
    expect(r.record.digest).toBe(canonicalDigest(bodyOf(r.record)));
  });
});
