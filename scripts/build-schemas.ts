/**
 * Generates JSON Schema (draft 2020-12) for every model from the zod schemas, into dist/schemas/*.json, so that
 * vendors' Java or Python back ends validate the same data. Refinements that JSON Schema cannot express (check
 * characters, cross-field rules) are listed in each schema's description; validate with the library for those.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { z } from "zod";
import {
  AnnualPlanRowSchema, AnnualPlanSchema, AuditEventSchema, DepartmentSchema, StoredTaskSchema, InspectionItemSchema, InspectionRecordSchema,
  InspectionSchemeSchema, InspectionTargetSchema, InspectorSchema, JointTeamSchema, SpotCheckTaskSchema,
} from "../src/index.js";

export const MODEL_SCHEMAS = {
  Department: DepartmentSchema,
  InspectionItem: InspectionItemSchema,
  InspectionTarget: InspectionTargetSchema,
  Inspector: InspectorSchema,
  AnnualPlan: AnnualPlanSchema,
  AnnualPlanRow: AnnualPlanRowSchema,
  SpotCheckTask: SpotCheckTaskSchema,
  InspectionScheme: InspectionSchemeSchema,
  JointTeam: JointTeamSchema,
  InspectionRecord: InspectionRecordSchema,
  StoredTask: StoredTaskSchema,
  AuditEvent: AuditEventSchema,
} as const;

const NOTE =
  " Checks JSON Schema cannot express (USCC/ID check characters, real calendar dates, cross-field rules such as " +
  "start ≤ end or leader ∈ members) are enforced by the shuangsuiji library itself.";

export function buildJsonSchemas(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(MODEL_SCHEMAS)) {
    const json = z.toJSONSchema(schema as z.ZodType, { target: "draft-2020-12", io: "input", unrepresentable: "throw" }) as Record<string, unknown>;
    out[name] = {
      ...json,
      $id: `https://unpkg.com/shuangsuiji/dist/schemas/${name}.json`,
      title: name,
      description: `${String(json.description ?? name)}.${NOTE}`,
    };
  }
  return out;
}

if (process.argv[1]?.endsWith("build-schemas.ts")) {
  const dir = new URL("../dist/schemas/", import.meta.url);
  mkdirSync(dir, { recursive: true });
  const schemas = buildJsonSchemas();
  for (const [name, json] of Object.entries(schemas)) writeFileSync(new URL(`${name}.json`, dir), `${JSON.stringify(json, null, 2)}\n`);
  console.log(`wrote ${Object.keys(schemas).length} JSON Schemas to dist/schemas/`);
}
