// Stage-2 anti-grinding (docs/spec-v1.md §9.1): recusals in code-unit order, the seed fixed after the lock and the
// inputs announcement, and the inputs commitment (commitInspectorInputs) compared by verifyInspectorDraw.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  commitInspectorInputs, commitPool, createSeed, drawInspectors, drawTargets, lockTargetDraw, seedFromBeacon, seedFromDice, verifyInspectorDraw,
  type DrawInspectorsInput, type Inspector, type LockedTargetList,
} from "../../src/index.js";
import { canonicalJson, digestOf } from "../../src/draw/_shared/_encoding.js";
import { refusal } from "../task/_scenario.js";

const S1 = createSeed("11".repeat(16), { kind: "other", description: "stage 1" });
function lockedList(n: number): LockedTargetList {
  const pool = Array.from({ length: n }, (_, i) => ({ id: `T${String(i).padStart(3, "0")}`, riskClass: "A" }));
  return lockTargetDraw(drawTargets({ taskId: "T-IN", pool, seed: S1, commitment: commitPool(pool), policy: { strata: { A: { ratio: 1 } } } }), { lockedOn: "2026-04-02", lockedBy: "信用监管科" });
}
const staff = (id: string): Inspector => ({ id, name: id, departmentId: "SCJG", category: "qualified-staff", expertise: ["食品"] });
const locked = lockedList(6);
const targets = locked.record.strata[0]!.selected.map((u) => u.unitId);
const seed = seedFromBeacon({ source: "drand quicknet", round: "999001", value: "5e".repeat(32) });
const base: DrawInspectorsInput = {
  locked, seed, initiatingDepartmentId: "SCJG",
  departments: [{ departmentId: "SCJG", inspectors: ["a-1", "B-1", "c-1", "D-1", "e-1", "F-1", "g-1", "H-1"].map(staff) }],
};
const codeUnitOrder = (xs: readonly string[]) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

describe("finding 25: recusals are listed in UTF-16 code-unit order of their canonical JSON (spec §2, §9.4)", () => {
  it("mixed-case ids and Chinese reasons: code-unit order, not a locale's collation", () => {
    const recusals = [
      { inspectorId: "a-1", targetId: targets[0]!, reason: "亲属关系" },
      { inspectorId: "B-1", targetId: targets[1]!, reason: "利害关系" },
      { inspectorId: "a-1", targetId: targets[2]!, reason: "利害关系" },
      { inspectorId: "a-1", targetId: targets[2]!, reason: "亲属关系" },
    ];
    const r = drawInspectors({ ...base, recusals });
    if (!r.ok) throw new Error(r.messageEn);
    const keys = r.record.recusals.map((x) => canonicalJson(x));
    expect(keys).toEqual(codeUnitOrder(keys));
    expect(r.record.recusals[0]!.inspectorId).toBe("B-1"); // "B" (0x42) < "a" (0x61); localeCompare puts "a" first
    expect(verifyInspectorDraw(JSON.parse(JSON.stringify(r.record)), { ...base, recusals: [...recusals].reverse() }).ok).toBe(true);
  });
  it("a record listing the recusals in another order (digest recomputed) is a mismatch", () => {
    const recusals = [{ inspectorId: "a-1", targetId: targets[0]!, reason: "x" }, { inspectorId: "B-1", targetId: targets[0]!, reason: "x" }];
    const r = drawInspectors({ ...base, recusals });
    if (!r.ok) throw new Error(r.messageEn);
    const forged = JSON.parse(JSON.stringify(r.record));
    forged.recusals.reverse();
    const { digest: _d, ...body } = forged;
    forged.digest = digestOf(body);
    expect(body.recusals[0].inspectorId).toBe("a-1");
    expect(verifyInspectorDraw(forged, { ...base, recusals }).ok).toBe(false);
  });
});

describe("finding 19b: the stage-2 seed is fixed on or after the lock and the inputs announcement (Longting art. 19; spec §9.1)", () => {
  const dice = (date: string) => seedFromDice({ digits: "271828182845904523536028747135266249775", witnesses: ["张伟", "李娜"], date });
  it("a dice seed rolled before the lock is refused by drawInspectors and reported by verifyInspectorDraw", () => {
    const e = refusal(() => drawInspectors({ ...base, seed: dice("2026-01-01") }));
    expect(e.code).toBe("invalid-input");
    expect(e.issues[0]).toMatchObject({ path: ["seed", "provenance", "date"], rule: "stage2-seed-after-lock" });
    expect(e.issues[0]!.clause).toContain("Longting art. 19");
    expect(e.issues[0]!.messageZh).toContain("早于名单锁定日");
    const honest = drawInspectors({ ...base, seed: dice("2026-04-02") });
    if (!honest.ok) throw new Error(honest.messageEn);
    expect(verifyInspectorDraw(honest.record, { ...base, seed: dice("2026-04-02") }).ok).toBe(true);
    // the record of the early seed, built by hand as the old code did, is a mismatch now
    expect(verifyInspectorDraw(honest.record, { ...base, seed: dice("2026-01-01") }).ok).toBe(false);
  });
  it("seedFixedOn for a dateless provenance; the announcement date bounds it", () => {
    expect(refusal(() => drawInspectors({ ...base, seedFixedOn: "2026-04-01" })).issues[0]!.path).toEqual(["seedFixedOn"]);
    expect(drawInspectors({ ...base, seedFixedOn: "2026-04-02" }).ok).toBe(true);
    expect(refusal(() => drawInspectors({ ...base, seedFixedOn: "2026-04-03", inputsAnnouncedOn: "2026-04-04" })).issues[0]!.rule).toBe("stage2-seed-after-lock");
    expect(refusal(() => drawInspectors({ ...base, inputsAnnouncedOn: "2026-04-04" })).issues[0]!.path).toEqual(["seedFixedOn"]);
    expect(refusal(() => drawInspectors({ ...base, seedFixedOn: "2026-04-05", inputsAnnouncedOn: "2026-04-01" })).issues[0]!.path).toEqual(["inputsAnnouncedOn"]);
    expect(refusal(() => drawInspectors({ ...base, seed: dice("2026-04-05"), seedFixedOn: "2026-04-06" })).issues[0]!.path).toEqual(["seedFixedOn"]);
    expect(refusal(() => drawInspectors({ ...base, seedFixedOn: "2026-4-5" })).issues[0]!.rule).toBe("civil-date");
    expect(drawInspectors({ ...base, seedFixedOn: "2026-04-04", inputsAnnouncedOn: "2026-04-04" }).ok).toBe(true);
  });
});

describe("finding 11: commitInspectorInputs binds the stage-2 inputs before the seed (spec §9.1, §10)", () => {
  it("marking a colleague unavailable after the seed is caught against the announced digest", () => {
    const announced = { inputsDigest: commitInspectorInputs(base).digest };
    const honest = drawInspectors(base);
    if (!honest.ok) throw new Error(honest.messageEn);
    expect(verifyInspectorDraw(honest.record, base, announced).ok).toBe(true);
    let caught = 0;
    for (const i of base.departments[0]!.inspectors) {
      const ground = { ...base, unavailable: [{ inspectorId: i.id, reason: "出差" }] };
      const r = drawInspectors(ground);
      if (!r.ok) continue;
      expect(verifyInspectorDraw(r.record, ground).ok).toBe(true); // without the announcement nothing can tell
      const v = verifyInspectorDraw(r.record, ground, announced);
      expect(v.ok).toBe(false);
      if (!v.ok) expect(v.mismatches.map((m) => m.field)).toEqual(["announced.inputsDigest"]);
      caught++;
    }
    expect(caught).toBe(8);
  });
  it("every input that decides the teams changes the digest; order and defaults do not", () => {
    const d0 = commitInspectorInputs(base);
    expect(d0.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(d0.kind).toBe("inspector-inputs");
    const dept = base.departments[0]!;
    const variants: DrawInspectorsInput[] = [
      { ...base, unavailable: [{ inspectorId: "a-1", reason: "病假" }] },
      { ...base, recusals: [{ inspectorId: "a-1", targetId: targets[0]!, reason: "亲属关系" }] },
      { ...base, groupSize: 2 },
      { ...base, allowSingleSideFallback: false },
      { ...base, targetIds: targets.slice(1) },
      { ...base, departments: [{ ...dept, workloadCap: 2 }] },
      { ...base, departments: [{ ...dept, teamSize: 3 }] },
      { ...base, departments: [{ ...dept, requiredExpertise: ["食品"] }] },
      { ...base, departments: [{ ...dept, requiredExpertise: ["食品"], expertiseMatch: "all" }] },
      { ...base, departments: [{ ...dept, scope: { kind: "station", station: "城关所" } }] },
      { ...base, departments: [{ ...dept, targetIds: targets.slice(2) }] },
      { ...base, departments: [{ ...dept, inspectors: dept.inspectors.slice(1) }] },
      { ...base, locked: lockTargetDraw(locked.record, { lockedOn: "2026-04-03", lockedBy: "信用监管科" }) },
    ];
    const digests = variants.map((v) => commitInspectorInputs(v).digest);
    expect(new Set([d0.digest, ...digests]).size).toBe(variants.length + 1);
    // the same inputs written differently: one digest
    const same: DrawInspectorsInput[] = [
      { ...base, departments: [{ ...dept, inspectors: [...dept.inspectors].reverse(), teamSize: 2, scope: { kind: "whole-bureau" }, expertiseMatch: "any", requiredExpertise: [] }], groupSize: 1, allowSingleSideFallback: true, recusals: [], unavailable: [] },
      { ...base, seed: createSeed("77".repeat(16), { kind: "other", description: "not an input" }), seedFixedOn: "2026-04-09", inputsAnnouncedOn: "2026-04-08" },
      { ...base, targetIds: [...targets].reverse() },
    ];
    for (const s of same) expect(commitInspectorInputs(s).digest).toBe(d0.digest);
  });
  it("property: the announced digest accepts the honest draw and refuses any changed unavailable list", () => {
    fc.assert(
      fc.property(fc.subarray(base.departments[0]!.inspectors.map((i) => i.id), { maxLength: 3 }), fc.subarray(base.departments[0]!.inspectors.map((i) => i.id), { minLength: 1, maxLength: 2 }), (gone, more) => {
        const input = { ...base, unavailable: gone.map((inspectorId) => ({ inspectorId, reason: "出差" })) };
        const announced = { inputsDigest: commitInspectorInputs(input).digest };
        const r = drawInspectors(input);
        if (!r.ok) return;
        expect(verifyInspectorDraw(r.record, input, announced).ok).toBe(true);
        const changed = { ...input, unavailable: [...input.unavailable, ...more.filter((m) => !gone.includes(m)).map((inspectorId) => ({ inspectorId, reason: "出差" }))] };
        if (changed.unavailable.length === input.unavailable.length) return;
        const r2 = drawInspectors(changed);
        if (r2.ok) expect(verifyInspectorDraw(r2.record, changed, announced).ok).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
  it("misuse is a typed, bilingual refusal; a wrong announcement never throws", () => {
    expect(refusal(() => commitInspectorInputs({ ...base, locked: {} as LockedTargetList })).code).toBe("draw-not-locked");
    const e = refusal(() => commitInspectorInputs({ ...base, groupSize: 0 }));
    expect(e.code).toBe("invalid-input");
    expect(e.issues.some((i) => i.path.includes("groupSize"))).toBe(true);
    const honest = drawInspectors(base);
    if (!honest.ok) throw new Error(honest.messageEn);
    for (const bad of [null, "x", { inputsDigest: 3 }, {}] as unknown[]) expect(verifyInspectorDraw(honest.record, base, bad as { inputsDigest: string }).ok).toBe(false);
  });
});
