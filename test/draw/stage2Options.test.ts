// hostile9a finding 1: the stage-2 options (docs/spec-v1.md §9.2) are read at the boundary of drawInspectors, its
// verifier and commitInspectorInputs by one reader: junk is refused as `invalid-input` naming its path, rule and clause
// in both languages (never used quietly, never a raw TypeError), every bad option at once; `null` is absent.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  ShuangsuijiError, commitInspectorInputs, commitPool, createSeed, drawInspectors, drawTargets, lockTargetDraw, verifyInspectorDraw,
  type DrawInspectorsInput, type Inspector,
} from "../../src/index.js";

const S1 = createSeed("11".repeat(16), { kind: "other", description: "stage 1" });
const pool = Array.from({ length: 6 }, (_, i) => ({ id: `T${i}`, riskClass: "A" }));
const locked = lockTargetDraw(drawTargets({ taskId: "T-OPT", pool, seed: S1, commitment: commitPool(pool), policy: { strata: { A: { ratio: 1 } } } }), { lockedOn: "2026-04-02", lockedBy: "信用监管科" });
const targets = locked.record.strata[0]!.selected.map((u) => u.unitId);
const person = (departmentId: string, unit?: string) => (id: string): Inspector => ({ id, name: id, departmentId, category: "qualified-staff", expertise: ["食品"], ...(unit === undefined ? {} : { unit, unitKind: "station" as const }) });
const base: DrawInspectorsInput = {
  locked,
  seed: createSeed("22".repeat(16), { kind: "other", description: "stage 2" }),
  initiatingDepartmentId: "SCJG",
  departments: [
    { departmentId: "SCJG", inspectors: ["A1", "A2", "A3", "A4", "A5"].map(person("SCJG", "城关所")), requiredExpertise: ["食品"], expertiseMatch: "any", workloadCap: 8, scope: { kind: "stations", stations: ["城关所"] } },
    { departmentId: "WJW", inspectors: ["B1", "B2", "B3", "B4"].map(person("WJW")), teamSize: 2, targetIds: targets.slice(0, 3) },
  ],
  recusals: [{ inspectorId: "A1", targetId: targets[0]!, reason: "亲属关系" }],
  unavailable: [{ inspectorId: "B4", reason: "病假" }],
  allowSingleSideFallback: true,
  groupSize: 1,
};
const honest = drawInspectors(base);
if (!honest.ok) throw new Error(honest.messageEn);
const record = JSON.parse(JSON.stringify(honest.record));

const withDepartment = (k: number, field: string, value: unknown): DrawInspectorsInput => {
  const input = structuredClone(base) as unknown as { departments: Record<string, unknown>[] };
  input.departments[k]![field] = value;
  return input as unknown as DrawInspectorsInput;
};
const withTop = (field: string, value: unknown): DrawInspectorsInput => ({ ...structuredClone(base), locked, [field]: value }) as DrawInspectorsInput;

/** The refusal of `f`: a ShuangsuijiError (anything else fails the test). */
function refused(f: () => unknown): ShuangsuijiError {
  try {
    f();
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(ShuangsuijiError);
    return e as ShuangsuijiError;
  }
  throw new Error("not refused");
}
const startsWith = (path: readonly (string | number)[], prefix: readonly (string | number)[]) => prefix.every((p, i) => path[i] === p);
const pathText = (path: readonly (string | number)[]) => path.reduce<string>((s, p) => (typeof p === "number" ? `${s}[${p}]` : s === "" ? p : `${s}.${p}`), "");

/** Refused by the draw, the commitment and (as a mismatch, never thrown) the verifier, at `path`. */
function refusedEverywhere(input: DrawInspectorsInput, path: readonly (string | number)[]): void {
  for (const e of [refused(() => drawInspectors(input)), refused(() => commitInspectorInputs(input))]) {
    expect(e.code).toBe("invalid-input");
    const at = e.issues.filter((x) => startsWith(x.path, path));
    expect(at.length, `${JSON.stringify(path)} in ${JSON.stringify(e.issues.map((x) => x.path))}`).toBeGreaterThan(0);
    for (const i of at) {
      expect(i.messageZh).toMatch(/[\u4e00-\u9fff]/);
      expect(i.messageEn).toMatch(/[a-z]/);
      expect(i.clause).toMatch(/Longting|Yanshi|Chongqing|行政处罚法|spec-v1/);
      expect(i.rule).toMatch(/^[a-z-]+$/);
    }
  }
  const v = verifyInspectorDraw(record, input);
  expect(v.ok).toBe(false);
  if (!v.ok) expect(v.mismatches.some((m) => m.field.startsWith(`rerun.${pathText(path)}`)), JSON.stringify(v.mismatches)).toBe(true);
}

describe("a department's options are read at the boundary (hostile9a finding 1; spec §9.2)", () => {
  it("the honest input draws and verifies; its nulls are absent members", () => {
    expect(verifyInspectorDraw(record, base).ok).toBe(true);
    // null for a member whose value changes no team (the cap does not bind; "any" and 2 are the defaults): the same
    // record; the inputs digest is the one of the member left out
    for (const [k, field] of [[0, "workloadCap"], [0, "expertiseMatch"], [0, "targetIds"], [1, "teamSize"]] as const) {
      const input = withDepartment(k, field, null);
      const r = drawInspectors(input);
      expect(r.ok && r.record.digest, field).toBe(honest.record.digest);
      expect(verifyInspectorDraw(record, input).ok, field).toBe(true);
      const left = withDepartment(k, field, undefined);
      delete (left.departments[k] as unknown as Record<string, unknown>)[field];
      expect(commitInspectorInputs(input).digest, field).toBe(commitInspectorInputs(left).digest);
    }
  });
  it("null is absent for every optional member, at the top and in a department: the same digest as leaving it out", () => {
    const nulls = { ...base, targetIds: null, groupSize: null, recusals: null, unavailable: null, allowSingleSideFallback: null, seedFixedOn: null, inputsAnnouncedOn: null } as unknown as DrawInspectorsInput;
    const absent = { locked: base.locked, seed: base.seed, initiatingDepartmentId: base.initiatingDepartmentId, departments: base.departments };
    const a = drawInspectors(nulls);
    const b = drawInspectors(absent);
    expect(a.ok && b.ok && a.record.digest === b.record.digest).toBe(true);
    expect(commitInspectorInputs(nulls).digest).toBe(commitInspectorInputs(absent).digest);
    const d = { departmentId: "SCJG", inspectors: base.departments[0]!.inspectors, requiredExpertise: null, expertiseMatch: null, scope: null, teamSize: null, workloadCap: null, targetIds: null };
    const onlyNulls = { ...absent, departments: [d] } as unknown as DrawInspectorsInput;
    const plain = { ...absent, departments: [{ departmentId: "SCJG", inspectors: base.departments[0]!.inspectors }] };
    const c = drawInspectors(onlyNulls);
    const e = drawInspectors(plain);
    expect(c.ok && e.ok && c.record.digest === e.record.digest).toBe(true);
    expect(commitInspectorInputs(onlyNulls).digest).toBe(commitInspectorInputs(plain).digest);
    // the caller's input is not changed (the boundary reads a copy)
    expect(d.workloadCap).toBeNull();
  });
  it("the reporter's cases are refused as invalid-input at their path, by the draw, the commitment and the verifier", () => {
    const trials: [string, unknown][] = [
      ["expertiseMatch", "abc"], ["expertiseMatch", { all: true }], ["workloadCap", "8"], ["workloadCap", [8]], ["workloadCap", "abc"], ["workloadCap", -1], ["workloadCap", 1.5],
      ["requiredExpertise", "食品"], ["requiredExpertise", [""]], ["requiredExpertise", [7]], ["targetIds", "T0"], ["targetIds", [1]], ["scope", "411302"], ["scope", {}],
      ["scope", { kind: "station" }], ["scope", { kind: "stations", stations: "城关所" }], ["scope", { kind: "whole-bureau", stations: [] }], ["teamSize", "2"], ["teamSize", 1e300],
    ];
    for (const [field, x] of trials) refusedEverywhere(withDepartment(0, field, x), ["departments", 0, field]);
  });
  it("the top-level options too", () => {
    const trials: [string, unknown][] = [
      ["recusals", {}], ["recusals", "x"], ["recusals", [1]], ["recusals", [{ inspectorId: "A1", targetId: targets[0], reason: "x", note: 1 }]], ["recusals", [{ inspectorId: "A1", targetId: targets[0] }]],
      ["unavailable", "x"], ["unavailable", [1]], ["unavailable", [{ inspectorId: "", reason: "x" }]], ["targetIds", "x"], ["targetIds", {}], ["allowSingleSideFallback", "no"], ["allowSingleSideFallback", 0],
      ["groupSize", "1"], ["groupSize", 0],
    ];
    for (const [field, x] of trials) refusedEverywhere(withTop(field, x), [field]);
  });
  it("every bad option is reported at once, each once", () => {
    const input = withTop("unavailable", "x");
    const d = (input.departments[0] as unknown as Record<string, unknown>);
    Object.assign(d, { workloadCap: "8", expertiseMatch: "abc", scope: {} });
    (input as unknown as Record<string, unknown>).recusals = [{ inspectorId: 1, targetId: targets[0], reason: "x" }];
    const e = refused(() => drawInspectors(input));
    const paths = e.issues.map((i) => pathText(i.path));
    expect(paths).toEqual(expect.arrayContaining(["unavailable", "departments[0].workloadCap", "departments[0].expertiseMatch", "departments[0].scope.kind", "recusals[0].inspectorId"]));
    expect(new Set(paths).size).toBe(paths.length);
    expect(refused(() => commitInspectorInputs(input)).issues.map((i) => pathText(i.path))).toEqual(expect.arrayContaining(["unavailable", "departments[0].workloadCap", "recusals[0].inspectorId"]));
  });
});

// what §9.2 accepts for each option (null and absence aside)
const texts = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === "string" && x !== "");
const whole = (v: unknown, min: number) => Number.isSafeInteger(v) && (v as number) >= min;
const exactly = (v: unknown, members: Record<string, (x: unknown) => boolean>) =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).every((k) => k in members) && Object.entries(members).every(([k, ok]) => ok((v as Record<string, unknown>)[k]));
const text = (x: unknown) => typeof x === "string" && x !== "";
const VALID: Record<string, (v: unknown) => boolean> = {
  requiredExpertise: texts,
  expertiseMatch: (v) => v === "any" || v === "all",
  scope: (v) => exactly(v, { kind: (k) => k === "whole-bureau" }) || exactly(v, { kind: (k) => k === "station", station: text }) || exactly(v, { kind: (k) => k === "stations" || k === "bureau-and-stations", stations: texts }),
  teamSize: (v) => whole(v, 2),
  workloadCap: (v) => whole(v, 0),
  targetIds: texts,
  groupSize: (v) => whole(v, 1),
  recusals: (v) => Array.isArray(v) && v.every((r) => exactly(r, { inspectorId: text, targetId: text, reason: (x) => typeof x === "string" })),
  unavailable: (v) => Array.isArray(v) && v.every((r) => exactly(r, { inspectorId: text, reason: (x) => typeof x === "string" })),
  allowSingleSideFallback: (v) => typeof v === "boolean",
};
const DEPARTMENT = ["requiredExpertise", "expertiseMatch", "scope", "teamSize", "workloadCap", "targetIds"];
const TOP = ["targetIds", "groupSize", "recusals", "unavailable", "allowSingleSideFallback"];
const junk = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom("8", "any ", "ALL", "", [8], [""], [null], { kind: "station" }, { kind: "stations", stations: [1] }, { kind: "x" }, 1.5, -1, 1e300, Number.NaN, Infinity, true, "true"),
  fc.array(fc.oneof(fc.anything({ maxDepth: 1 }), fc.record({ inspectorId: fc.anything({ maxDepth: 0 }), targetId: fc.anything({ maxDepth: 0 }), reason: fc.anything({ maxDepth: 0 }) })), { maxLength: 3 }),
);

describe("property: junk in any option is an invalid-input naming that option, never another exception", () => {
  it("in a department", () => {
    fc.assert(
      fc.property(fc.constantFrom(0, 1), fc.constantFrom(...DEPARTMENT), junk, (k, field, x) => {
        fc.pre(x !== null && x !== undefined && !VALID[field]!(x));
        refusedEverywhere(withDepartment(k, field, x), ["departments", k, field]);
      }),
      { numRuns: 150 },
    );
  });
  it("at the top", () => {
    fc.assert(
      fc.property(fc.constantFrom(...TOP), junk, (field, x) => {
        fc.pre(x !== null && x !== undefined && !VALID[field]!(x));
        refusedEverywhere(withTop(field, x), [field]);
      }),
      { numRuns: 150 },
    );
  });
  it("honest options are unchanged: what the reader accepts draws exactly as before (the record verifies)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.constantFrom("any", "all"), fc.boolean(), (cap, match, fallback) => {
        const input = { ...withDepartment(0, "workloadCap", cap), allowSingleSideFallback: fallback };
        (input.departments[0] as unknown as Record<string, unknown>).expertiseMatch = match;
        const r = drawInspectors(input);
        if (r.ok) expect(verifyInspectorDraw(JSON.parse(JSON.stringify(r.record)), input).ok).toBe(true);
        else expect(r.code).toBe("not-enough-inspectors");
      }),
      { numRuns: 40 },
    );
  });
});
