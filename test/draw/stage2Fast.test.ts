import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { canonicalJson, utf8 } from "../../src/draw/_shared/_encoding.js";
import { drawStage2 } from "../../src/draw/inspectors/drawInspectors.js";
import { isPlainInspector } from "../../src/draw/inspectors/_plainInspector.js";
import { InspectorSchema } from "../../src/model/inspector.js";
import { commitPool, createSeed, drawTargets, lockTargetDraw, ShuangsuijiError, type DepartmentSpec, type DrawInspectorsInput, type DrawInspectorsResult, type Inspector, type LockedTargetList } from "../../src/index.js";

// drawInspectors draws a department with every group whole, no recusal, no workload cap and more than m available by
// a loop of its own (wholeTeams); every other department by the general loop (generalTeams). The test hook
// `{ general: true }` draws every department by the general loop: both must give the same outcome — the same record
// (members, order, frozenness), the same text and digest, the same refusal or thrown error — on any input.

const S1 = createSeed("22".repeat(16), { kind: "other", description: "stage 1" });
function lockedList(ids: readonly string[]): LockedTargetList {
  const pool = ids.map((id) => ({ id, riskClass: "A" }));
  return lockTargetDraw(drawTargets({ taskId: "T-F", pool, seed: S1, commitment: commitPool(pool), policy: { strata: { A: { ratio: 1 } } } }), { lockedOn: "2026-04-02", lockedBy: "信用监管科" });
}
const idText = fc.constantFrom("", "甲", "😀", "a\"b", "é", "Z");
const targetIds = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 60 }), idText).map(([n, s]) => `T${n}${s}`), { minLength: 1, maxLength: 30 });
const inspector = (dept: string) =>
  fc.record({ n: fc.integer({ min: 0, max: 80 }), s: idText, expert: fc.integer({ min: 0, max: 5 }), other: fc.integer({ min: 0, max: 150 }) }).map(({ n, s, expert, other }): Inspector => ({
    // now and then an inspector of another department or a bad category: the input is refused, by both paths alike
    id: `${dept}-${n}${s}`, name: `人员${n}`, departmentId: other === 0 ? "X" : dept, category: other === 1 ? ("nobody" as Inspector["category"]) : expert === 0 ? "expert" : "qualified-staff", expertise: ["食品"],
  }));
const directory = (dept: string) => fc.uniqueArray(inspector(dept), { minLength: 1, maxLength: 20, selector: (i) => i.id });
const seed2 = fc.uint8Array({ minLength: 16, maxLength: 16 }).filter((b) => b.some((x) => x !== 0x22)).map((b) => createSeed(Buffer.from(b).toString("hex"), { kind: "other", description: "第二次" }));

type Outcome = { kind: "result"; result: DrawInspectorsResult; text: Uint8Array | undefined } | { kind: "thrown"; code: string; issues: unknown; message: string };
function outcome(input: DrawInspectorsInput, general: boolean): Outcome {
  const sink: { text?: Uint8Array } = {};
  try {
    const result = drawStage2(input, sink, { general });
    return { kind: "result", result, text: sink.text === undefined ? undefined : Uint8Array.from(sink.text) };
  } catch (e) {
    if (!(e instanceof ShuangsuijiError)) throw e;
    return { kind: "thrown", code: e.code, issues: e.issues, message: e.message };
  }
}
const deeplyFrozen = (v: unknown): boolean => v === null || typeof v !== "object" || (Object.isFrozen(v) && Object.values(v).every(deeplyFrozen));

describe("stage 2: the fast team loop equals the general one", () => {
  it("same record, text, digest, refusal or error for random inputs (teams of 2–5, groups, subsets, recusals, caps, fallbacks, bad rows)", () => {
    let fast = 0;
    let refused = 0;
    fc.assert(
      fc.property(
        targetIds, directory("市场监管局"), directory("WJW"), directory("SW"), seed2, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 3 }),
        fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }), fc.boolean(), fc.nat(), fc.integer({ min: 0, max: 3 }),
        (ids, a, b, c, seed, groupSize, m, m2, cap, fallback, pick, variant) => {
          const locked = lockedList(ids);
          const sorted = [...ids].sort();
          // variant 0: every department whole (the fast loop for each); 1: a cap; 2: recusals; 3: a dispatch subset
          const recusals = variant === 2 ? a.slice(0, 2).map((i, k) => ({ inspectorId: i.id, targetId: sorted[(pick + k) % sorted.length] as string, reason: "回避" })) : [];
          const departments: DepartmentSpec[] = [
            { departmentId: "市场监管局", inspectors: a, teamSize: m, ...(variant === 1 && cap !== undefined ? { workloadCap: cap } : {}) },
            { departmentId: "WJW", inspectors: b, teamSize: m2, ...(variant === 3 ? { targetIds: sorted.filter((_, k) => (k + pick) % 3 !== 0) } : {}) },
            { departmentId: "SW", inspectors: c, requiredExpertise: pick % 5 === 0 ? ["药品"] : ["食品"] },
          ];
          const input: DrawInspectorsInput = { locked, seed, initiatingDepartmentId: "市场监管局", departments, recusals, groupSize, allowSingleSideFallback: fallback };
          const x = outcome(input, false);
          const y = outcome(input, true);
          expect(x).toEqual(y);
          if (x.kind === "result" && x.result.ok && y.kind === "result" && y.result.ok) {
            fast++;
            // the same members in the same order (JSON keeps insertion order), deeply frozen, the text canonical
            expect(JSON.stringify(x.result.record)).toBe(JSON.stringify(y.result.record));
            expect(deeplyFrozen(x.result.record)).toBe(true);
            const { digest: _d, ...body } = x.result.record;
            expect(x.text).toEqual(utf8(canonicalJson(body)));
          } else refused++;
        },
      ),
      { seed: 29, numRuns: 500 },
    );
    expect(fast).toBeGreaterThan(100); // real draws, …
    expect(refused).toBeGreaterThan(20); // … and refusals and errors
  });
});

describe("stage 2: a directory row accepted without parsing", () => {
  it("isPlainInspector(row) only when InspectorSchema accepts the row (random rows, members and values)", () => {
    const text = fc.oneof(fc.constantFrom("A-1", "张三", "食品", "", " x", "x ", "\t", "\u3000甲", "甲\n"), fc.string({ maxLength: 4 }));
    const value = fc.oneof(text, fc.integer(), fc.constant(undefined), fc.constant(null), fc.array(text, { maxLength: 3 }), fc.constantFrom("qualified-staff", "expert", "nobody"));
    const row = fc.record(
      { id: value, name: value, departmentId: value, category: value, expertise: fc.oneof(fc.array(text, { maxLength: 3 }), value), phone: value, seq: fc.integer(), extra: value },
      { requiredKeys: [] },
    );
    const good = fc.record({ id: fc.constantFrom("A-1", "甲"), name: fc.constantFrom("张三", "n"), departmentId: fc.constant("D"), category: fc.constantFrom("qualified-staff", "expert", "enforcement-civil-servant"), expertise: fc.array(fc.constantFrom("食品", "药品"), { maxLength: 2 }) });
    // a good row with one member changed to any value, or one more member
    const near = fc.tuple(good, fc.constantFrom("id", "name", "departmentId", "category", "expertise", "phone", "seq"), value).map(([g, k, v]) => ({ ...g, [k]: v }));
    let plain = 0;
    fc.assert(
      fc.property(fc.oneof(row, good, near, good.map((g) => Object.assign(Object.create(null) as object, g)), good.map((g) => Object.defineProperty({ ...g }, "hidden", { value: 1, enumerable: false }))), (r) => {
        if (!isPlainInspector(r)) return;
        plain++;
        expect(InspectorSchema.safeParse(r).success).toBe(true);
      }),
      { seed: 31, numRuns: 3000 },
    );
    expect(plain).toBeGreaterThan(500);
  });
  it("a member inherited from a polluted Object.prototype never stands in for a missing own one (hostile6b F4)", () => {
    const row = { id: "W-1", name: "李四", departmentId: "WJW", category: "qualified-staff", phone: "not a phone" };
    Object.defineProperty(Object.prototype, "expertise", { value: [], enumerable: false, configurable: true });
    try {
      expect(InspectorSchema.safeParse(row).success).toBe(false);
      expect(isPlainInspector(row)).toBe(false);
    } finally {
      delete (Object.prototype as Record<string, unknown>).expertise;
    }
  });
});
