import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { z } from "zod";
import * as A from "../_arbitraries.js";
import {
  AnnualPlanRowSchema, AnnualPlanSchema, DepartmentSchema, InspectionItemSchema, InspectionRecordSchema, InspectionSchemeSchema,
  InspectionTargetSchema, InspectorSchema, JointTeamSchema, ShuangsuijiError, SpotCheckTaskSchema, parseModel,
} from "../../src/index.js";
import { buildJsonSchemas } from "../../scripts/build-schemas.js";

const MODELS: [string, z.ZodType, fc.Arbitrary<Record<string, unknown>>][] = [
  ["Department", DepartmentSchema, A.department],
  ["InspectionItem", InspectionItemSchema, A.inspectionItem],
  ["InspectionTarget", InspectionTargetSchema, A.inspectionTarget],
  ["Inspector", InspectorSchema, A.inspector],
  ["AnnualPlan", AnnualPlanSchema, A.annualPlan],
  ["AnnualPlanRow", AnnualPlanRowSchema, A.annualPlanRow],
  ["SpotCheckTask", SpotCheckTaskSchema, A.spotCheckTask],
  ["InspectionScheme", InspectionSchemeSchema, A.inspectionScheme],
  ["JointTeam", JointTeamSchema, A.jointTeam],
  ["InspectionRecord", InspectionRecordSchema, A.inspectionRecord],
];

const jsonSchemas = buildJsonSchemas();
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
const FC = { seed: 20261123, numRuns: 150 };

describe.each(MODELS)("%s", (name, schema, arb) => {
  it("accepts every generated valid record, and parsing round-trips it unchanged", () => {
    fc.assert(
      fc.property(arb, (rec) => {
        const parsed = parseModel(schema, rec);
        expect(parsed).toEqual(rec);
        expect(Object.isFrozen(parsed)).toBe(true);
      }),
      FC,
    );
  });

  it("names the field when any single top-level field is corrupted", () => {
    fc.assert(
      fc.property(arb, fc.nat(), (rec, k) => {
        const keys = Object.keys(rec);
        const key = keys[k % keys.length] as string;
        const bad = { ...rec, [key]: { corrupted: true } };
        try {
          parseModel(schema, bad);
          return false;
        } catch (e) {
          expect(e).toBeInstanceOf(ShuangsuijiError);
          const err = e as ShuangsuijiError;
          expect(err.code).toBe("invalid-input");
          // a corrupted discriminator leaves no branch to validate against: zod reports it at the root
          const named = err.issues.some((i) => i.path[0] === key) || (key === "kind" && err.issues.some((i) => i.rule === "schema:invalid_union"));
          expect(named, `${key}: ${JSON.stringify(err.issues.map((i) => i.path))}`).toBe(true);
          for (const i of err.issues) {
            expect(i.messageZh.length).toBeGreaterThan(0);
            expect(i.messageEn.length).toBeGreaterThan(0);
            expect(i.clause.length).toBeGreaterThan(0);
          }
          return true;
        }
      }),
      FC,
    );
  });

  it("generated valid records are accepted by the shipped JSON Schema", () => {
    const validate = ajv.compile(jsonSchemas[name] as object);
    fc.assert(
      fc.property(arb, (rec) => {
        const ok = validate(rec);
        expect(ok, JSON.stringify(validate.errors)).toBe(true);
      }),
      FC,
    );
  });
});

describe("cross-field rules (each cites its clause)", () => {
  const base = { taskId: "T-1", targetIds: ["X"], initiatingDepartmentId: "SCJG", leaderId: "I-2", members: [{ inspectorId: "I-1", departmentId: "SCJG" }, { inspectorId: "I-2", departmentId: "WJW" }] };
  it("team leader must come from the initiating department — Chongqing 6.5; Wancheng art. 20", () => {
    const r = JointTeamSchema.safeParse(base);
    expect(r.success).toBe(false);
    expect(() => parseModel(JointTeamSchema, base)).toThrowError(/Wancheng art\. 20/);
  });
  it("key items have no ratio cap — Chongqing 5.2", () => {
    expect(() =>
      parseModel(InspectionItemSchema, { id: "X", field: "f", name: "n", objectType: "o", initiatingDepartmentId: "A", cooperatingDepartmentIds: [], category: "key", maxRatio: 0.1 }),
    ).toThrowError(/Chongqing 5\.2/);
  });
  it("a plan row states a ratio or a count — Chongqing D.1", () => {
    const row = { seq: 1, name: "n", initiatingDepartmentId: "A", cooperatingDepartmentIds: [], initiatingItemIds: ["i"], cooperatingItemIds: [], targetDescription: "t", window: { start: "2026-04-01", end: "2026-06-30" } };
    expect(AnnualPlanRowSchema.safeParse(row).success).toBe(false);
    expect(AnnualPlanRowSchema.safeParse({ ...row, targetCount: 10 }).success).toBe(true);
  });
  it("a window ends on or after it starts, and dates are real", () => {
    const row = { seq: 1, name: "n", initiatingDepartmentId: "A", cooperatingDepartmentIds: [], initiatingItemIds: ["i"], cooperatingItemIds: [], targetDescription: "t", ratio: 0.05 };
    expect(AnnualPlanRowSchema.safeParse({ ...row, window: { start: "2026-06-01", end: "2026-04-01" } }).success).toBe(false);
    expect(AnnualPlanRowSchema.safeParse({ ...row, window: { start: "2026-02-30", end: "2026-04-01" } }).success).toBe(false);
  });
  it("a refusal to sign needs recorded evidence — Longting art. 21; Wancheng art. 20", () => {
    const rec = fc.sample(A.inspectionRecord, { seed: 1, numRuns: 1 })[0]!;
    const bad = { ...rec, targetConfirmation: { kind: "refused", recordedBy: ["I-1"], evidence: [], statement: "拒绝签字" } };
    expect(() => parseModel(InspectionRecordSchema, bad)).toThrowError(/refusal/);
  });
  it("an organisation's id is its code and the code validates as its type — Chongqing B.1; GB 32100", () => {
    const ok = { kind: "organisation", id: "91350100M000100Y43", code: "91350100M000100Y43", codeType: "uscc", name: "n", riskClass: "A", divisionCode: "350100" };
    expect(InspectionTargetSchema.safeParse(ok).success).toBe(true);
    expect(InspectionTargetSchema.safeParse({ ...ok, id: "other" }).success).toBe(false);
    try {
      parseModel(InspectionTargetSchema, { ...ok, code: "91350100M000100Y44", id: "91350100M000100Y44" });
      expect.unreachable();
    } catch (e) {
      expect((e as ShuangsuijiError).issues.map((i) => i.rule)).toContain("uscc-check-character");
      expect((e as ShuangsuijiError).issues[0]?.path).toEqual(["code"]);
    }
  });
  it("untrimmed text is refused, not trimmed silently", () => {
    expect(DepartmentSchema.safeParse({ id: "A", name: " 市场监管局" }).success).toBe(false);
  });
  it("risk classes are configurable", async () => {
    const { createInspectionTargetSchema } = await import("../../src/index.js");
    const S = createInspectionTargetSchema({ riskClasses: ["A", "B", "C", "D", "E"] });
    const t = { kind: "project", id: "P", name: "n", riskClass: "E", divisionCode: "411303" };
    expect(S.safeParse(t).success).toBe(true);
    expect(InspectionTargetSchema.safeParse(t).success).toBe(false);
  });
});
