// The JSON Schemas shipped in the package (scripts/build-schemas.ts): titled and discriminated variants, Chinese enum
// labels, $ids that resolve inside the package, and validators that report one variant's errors.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { ENUM_LABELS, MODEL_SCHEMAS, buildJsonSchemas } from "../../scripts/build-schemas.js";

const schemas = buildJsonSchemas() as Record<string, Record<string, unknown>>;
const nodes = (n: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] => {
  if (Array.isArray(n)) n.forEach((x) => nodes(x, out));
  else if (typeof n === "object" && n !== null) {
    out.push(n as Record<string, unknown>);
    Object.values(n).forEach((x) => nodes(x, out));
  }
  return out;
};

describe("JSON Schemas", () => {
  it("one schema per model, each with an $id that is its own file name inside the package's schemas/ export", () => {
    expect(Object.keys(schemas)).toEqual(Object.keys(MODEL_SCHEMAS));
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    expect(pkg.exports["./schemas/*.json"]).toBe("./dist/schemas/*.json");
    for (const [name, s] of Object.entries(schemas)) {
      expect(s.$id).toBe(`${name}.json`);
      expect(JSON.stringify(s)).not.toMatch(/https?:\/\/(?!json-schema\.org)/);
    }
  });
  it("every union variant is titled; InspectionTarget is discriminated by kind", () => {
    for (const s of Object.values(schemas)) for (const n of nodes(s)) for (const v of [...((n.oneOf as unknown[]) ?? []), ...((n.anyOf as unknown[]) ?? [])]) expect((v as { title?: string }).title).toBeTypeOf("string");
    const t = schemas.InspectionTarget as { discriminator?: unknown; oneOf: { title: string }[] };
    expect(t.discriminator).toEqual({ propertyName: "kind" });
    expect(t.oneOf.map((v) => v.title)).toEqual(["InspectionTarget (organisation)", "InspectionTarget (site)", "InspectionTarget (product)", "InspectionTarget (project)"]);
  });
  it("every enum value has a Chinese label, in enum order", () => {
    let enums = 0;
    for (const s of Object.values(schemas))
      for (const n of nodes(s))
        if (Array.isArray(n.enum)) {
          enums++;
          expect(n["x-enum-descriptions"]).toEqual(n.enum.map((e) => ENUM_LABELS[String(e)]));
          for (const l of n["x-enum-descriptions"] as string[]) expect(l).toMatch(/[\u4e00-\u9fff]/);
        }
    expect(enums).toBeGreaterThan(10);
  });
  it("validators load every schema by its $id and, with the discriminator, report one bad field once", () => {
    const ajv = new Ajv2020({ allErrors: true, discriminator: true, strict: true });
    ajv.addKeyword("x-enum-descriptions");
    ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
    for (const s of Object.values(schemas)) ajv.addSchema(s);
    const validate = ajv.getSchema("InspectionTarget.json");
    expect(validate).toBeDefined();
    const good = { kind: "organisation", id: "91350100M000100Y43", code: "91350100M000100Y43", codeType: "uscc", name: "甲公司", riskClass: "A", divisionCode: "350100" };
    expect(validate?.(good), JSON.stringify(validate?.errors)).toBe(true);
    expect(validate?.({ ...good, riskClass: "E" })).toBe(false);
    expect(validate?.errors).toHaveLength(1);
    expect(validate?.errors?.[0]?.instancePath).toBe("/riskClass");
  });
});
