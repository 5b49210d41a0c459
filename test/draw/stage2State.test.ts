import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createHash } from "node:crypto";
import { canonicalJson, utf8 } from "../../src/draw/_shared/_encoding.js";
import { drawStage2 } from "../../src/draw/inspectors/drawInspectors.js";
import { commitPool, createSeed, drawTargets, lockTargetDraw, type DrawInspectorsInput, type Inspector } from "../../src/index.js";

// The stage-2 record is deeply frozen, and nothing a call builds — the record, its text handed to verification — is
// shared with or changed by another call (the record text, its piece tables, the directory digests' writers are all
// per call), nor by later changes to the caller's input.

const S1 = createSeed("55".repeat(16), { kind: "other", description: "stage 1" });
const locked = (() => {
  const pool = Array.from({ length: 40 }, (_, i) => ({ id: `U${String(i).padStart(2, "0")}`, riskClass: "A" }));
  return lockTargetDraw(drawTargets({ taskId: "T-ST", pool, seed: S1, commitment: commitPool(pool), policy: { strata: { A: { ratio: 1 } } } }), { lockedOn: "2026-04-02", lockedBy: "信用监管科" });
})();
const staff = (d: string, n: number, tag: string): Inspector[] => Array.from({ length: n }, (_, i) => ({ id: `${d}-${i}${tag}`, name: `人员${i}`, departmentId: d, category: "qualified-staff", expertise: ["食品"] }));
const seed = (b: number) => createSeed(b.toString(16).padStart(2, "0").repeat(16), { kind: "other", description: "第二次" });
const input = (b: number, n: number, tag: string): DrawInspectorsInput => ({ locked, seed: seed(b), initiatingDepartmentId: "A", groupSize: 1 + (b % 3), departments: [{ departmentId: "A", inspectors: staff("A", n, tag) }, { departmentId: "B", inspectors: staff("B", n + 1, tag), teamSize: 3 }] });
const deeplyFrozen = (v: unknown): boolean => v === null || typeof v !== "object" || (Object.isFrozen(v) && Object.values(v).every(deeplyFrozen));
const hex = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const bodyText = (record: object) => {
  const { digest: _d, ...body } = record as { digest: string };
  return utf8(canonicalJson(body));
};

describe("stage 2: a deeply frozen record, no state shared between calls", () => {
  it("two calls with different inputs: each record deeply frozen, its text and digest unchanged by the other call or by edits of the input", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 250 }), fc.integer({ min: 1, max: 250 }), fc.integer({ min: 4, max: 9 }), fc.constantFrom("", "甲", "é"), (b1, b2, n, tag) => {
        fc.pre(b1 !== 0x55 && b2 !== 0x55); // not the stage-1 seed
        const in1 = input(b1, n, tag);
        const sink1: { text?: Uint8Array } = {};
        const r1 = drawStage2(in1, sink1);
        if (!r1.ok) throw new Error("draw failed");
        const json1 = JSON.stringify(r1.record);
        const text1 = Uint8Array.from(sink1.text as Uint8Array);
        expect(deeplyFrozen(r1)).toBe(true);
        expect(hex(text1)).toBe(r1.record.digest);
        expect(text1).toEqual(bodyText(r1.record));
        // a second call, another input, and the first input edited afterwards
        const sink2: { text?: Uint8Array } = {};
        const r2 = drawStage2(input(b2, n + 1, tag === "" ? "乙" : ""), sink2);
        (in1.departments[0]!.inspectors as Inspector[]).reverse();
        (in1.departments[0]!.inspectors[0] as { name: string }).name = "changed";
        if (!r2.ok) throw new Error("draw failed");
        expect(deeplyFrozen(r2)).toBe(true);
        expect(JSON.stringify(r1.record)).toBe(json1);
        expect(sink1.text).toEqual(text1); // the first call's text is its own buffer
        expect(hex(sink2.text as Uint8Array)).toBe(r2.record.digest);
        // no object of one record is an object of the other (groups are shared within a record, never across)
        const objects = (v: unknown, out: Set<object>) => {
          if (v !== null && typeof v === "object" && !out.has(v)) {
            out.add(v);
            for (const x of Object.values(v)) objects(x, out);
          }
          return out;
        };
        const first = objects(r1.record, new Set());
        for (const o of objects(r2.record, new Set())) expect(first.has(o)).toBe(false);
      }),
      { seed: 5, numRuns: 60 },
    );
  });
});

describe("stage 2: the input frame's parse skipped only when the schema accepts", () => {
  it("framed(v) implies the frame schema accepts v, on values near the frame", async () => {
    const z = await import("zod/v4/mini");
    const { frame, framed } = await import("../../src/draw/inspectors/drawInspectors.js");
    const loose = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined), fc.array(fc.anything(), { maxLength: 2 }), fc.dictionary(fc.string(), fc.anything(), { maxKeys: 2 }));
    const department = fc.oneof(
      fc.record({ departmentId: fc.oneof(fc.string(), loose), inspectors: fc.oneof(fc.array(fc.anything(), { maxLength: 3 }), loose) }, { requiredKeys: [] }),
      loose,
      // an array carrying the members (not an object to the schema)
      fc.tuple(fc.string(), fc.array(fc.anything(), { maxLength: 2 })).map(([departmentId, inspectors]) => Object.assign([], { departmentId, inspectors })),
    );
    const value = fc.oneof(fc.record({ departments: fc.oneof(fc.array(department, { maxLength: 3 }), loose), initiatingDepartmentId: fc.oneof(fc.string(), loose) }, { requiredKeys: [] }), loose);
    let accepted = 0;
    fc.assert(
      fc.property(value, (v) => {
        if (framed(v)) {
          accepted++;
          expect(z.safeParse(frame(), v).success).toBe(true);
        }
      }),
      { seed: 8, numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(100);
  });
});
