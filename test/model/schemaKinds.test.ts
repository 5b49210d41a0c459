// The draw's record, policy and seed schemas are zod mini schemas (zod/v4/mini), so that a browser verifying a draw
// does not bundle zod classic; the model schemas stay zod classic. This file is also a type test (tsc checks it): what a
// user of the exported schemas can still do, and what changed (docs/draw.md "The draw's schemas are zod mini").
import { describe, expect, expectTypeOf, it } from "vitest";
import * as z from "zod";
import * as zm from "zod/mini";
import {
  DrawTimelineSchema, EligibilitySchema, ExclusionSchema, InspectionTargetSchema, InspectorDrawRecordSchema, LockedTargetListSchema,
  PoolCommitmentSchema, SamplingPolicySchema, SeedProvenanceSchema, SeedRecordSchema, StratumDrawSchema, StratumRuleSchema,
  TargetDrawRecordSchema, parseModel,
  type DrawTimeline, type Eligibility, type SamplingPolicy, type SeedRecord,
} from "../../src/index.js";

const policy = { strata: { A: { ratio: 0.05 }, D: { ratio: 0.6, min: 1 } }, itemCategory: "general" as const, generalMaxRatio: 0.6 };
const seed = { value: "0123456789abcdef0123456789abcdef", provenance: { kind: "other" as const, description: "test" } };

describe("the draw schemas are zod mini; users parse them as before", () => {
  it("parse / safeParse / parseAsync work and are typed by the inferred types", async () => {
    const p = SamplingPolicySchema.parse(policy);
    expectTypeOf(p).toEqualTypeOf<SamplingPolicy>();
    expect(p).toEqual(policy);
    const r = SeedRecordSchema.safeParse(seed);
    expect(r.success).toBe(true);
    if (r.success) expectTypeOf(r.data).toEqualTypeOf<SeedRecord>();
    expect(SamplingPolicySchema.safeParse({ strata: { a: { ratio: 2 } } }).success).toBe(false);
    await expect(DrawTimelineSchema.parseAsync({ seedFixedOn: "2026-02-30" })).rejects.toThrow();
  });

  it("z.infer / z.input from zod (classic) and zod/mini give the exported types", () => {
    expectTypeOf<z.infer<typeof SamplingPolicySchema>>().toEqualTypeOf<SamplingPolicy>();
    expectTypeOf<zm.infer<typeof SeedRecordSchema>>().toEqualTypeOf<SeedRecord>();
    expectTypeOf<z.input<typeof EligibilitySchema>>().toEqualTypeOf<Eligibility>();
    expectTypeOf<z.input<typeof DrawTimelineSchema>>().toEqualTypeOf<DrawTimeline>();
  });

  it("they compose inside zod classic schemas and with zod's functions (z.optional, z.array)", () => {
    const Announcement = z.object({ policy: SamplingPolicySchema, seed: z.optional(SeedRecordSchema), notes: z.string() });
    expect(Announcement.parse({ policy, notes: "n" })).toEqual({ policy, notes: "n" });
    expect(Announcement.safeParse({ policy: { strata: {} }, seed: { value: "00" }, notes: "n" }).success).toBe(false);
    expect(z.array(ExclusionSchema).parse([{ unitId: "U1", reason: "r" }])).toHaveLength(1);
    expect(zm.optional(StratumRuleSchema).parse(undefined)).toBeUndefined();
    // the library's own parse helper takes zod classic and zod mini schemas alike
    expect(parseModel(SamplingPolicySchema, policy)).toEqual(policy);
  });

  it("what changed: zod mini has no chained methods (use zod's functions instead)", () => {
    // @ts-expect-error — zod mini: z.optional(SamplingPolicySchema), not SamplingPolicySchema.optional()
    expect(() => SamplingPolicySchema.optional()).toThrow(TypeError);
    // @ts-expect-error — zod mini: z.extend(SeedRecordSchema, {...}) (zod/mini), not .extend()
    expect(typeof SeedRecordSchema.extend).toBe("undefined");
    // the model schemas are zod classic and keep their methods
    expect(typeof InspectionTargetSchema.optional).toBe("function");
  });

  it("every exported draw schema is a zod mini schema (and a zod core schema)", () => {
    for (const s of [
      SamplingPolicySchema, StratumRuleSchema, EligibilitySchema, ExclusionSchema, SeedRecordSchema, SeedProvenanceSchema, DrawTimelineSchema,
      PoolCommitmentSchema, StratumDrawSchema, TargetDrawRecordSchema, LockedTargetListSchema, InspectorDrawRecordSchema,
    ]) {
      expect(s).toBeInstanceOf(zm.ZodMiniType);
      expect(s).toBeInstanceOf(z.core.$ZodType);
    }
    expect(InspectionTargetSchema).toBeInstanceOf(z.ZodType);
  });
});
