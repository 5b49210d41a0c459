import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { InspectionRecordSchema, OUTCOME_IDS, ShuangsuijiError, recordResult, startInspection } from "../../src/index.js";
import { readRecordForm } from "../../src/task/_recordForm.js";
import { sameJson } from "../../src/task/_digest.js";
import { recordFor, refusal, teamsTask } from "./_scenario.js";

// readRecordForm is InspectionRecordSchema by hand (recordResult's fast path). It must never be more lenient than the
// schema and, when it answers, answer exactly what the schema returns (same members, same order).

const base = () => recordFor(startInspection(teamsTask(), { on: "2026-04-10", actor: "联合检查组" }).task, "T1");

const junk = fc.oneof(
  fc.constantFrom<unknown>(undefined, null, true, 0, 1.5, "", " ", " x", "x ", "x", "\u3000x", "x\u00a0", "2026-02-30", "2026-04-10", "2026-4-10", "２０２６-04-10", "2026-04-10\n",
    "13800001111", "+86 (10) 1234-5678", "1", "abc", "no-problem-found", "non-compliant", "toString", "signed", "refused", "direct-result", "unreachable", [], [""], ["x"], {}, Object.create(null) as object),
  fc.string({ maxLength: 4 }), fc.integer(), fc.array(fc.constantFrom<unknown>("x", "", undefined, 1), { maxLength: 2 }), fc.dictionary(fc.constantFrom("kind", "x", "signedOn", "__proto__"), fc.constantFrom<unknown>("signed", "2026-04-15", 1), { maxKeys: 2 }),
);
/** Member names the schema knows at some level, and others. */
const KEYS = ["id", "taskId", "inspectedOn", "inspectors", "target", "departments", "handlingOpinion", "remarks", "targetConfirmation", "inspectorSignatures",
  "inspectorId", "name", "unit", "certificateNumber", "phone", "targetId", "code", "legalRepresentative", "idNumber", "address", "county", "departmentId", "items",
  "itemId", "itemName", "outcomes", "notes", "kind", "signedOn", "signatory", "recordedBy", "evidence", "statement", "reason", "signedOn", "extra", "__proto__", "0", "1"];

/** Every object and array inside a value (the places an edit can land). */
function nodes(v: unknown, out: object[] = []): object[] {
  if (v !== null && typeof v === "object") {
    out.push(v);
    for (const x of Object.values(v)) nodes(x, out);
  }
  return out;
}

/** Valid forms of every shape: signed, refused, direct results, every optional member. */
function validForms(): Record<string, unknown>[] {
  const b = base();
  return [
    b,
    { ...b, handlingOpinion: "", remarks: "责令整改" },
    { ...b, targetConfirmation: { kind: "refused", recordedBy: ["SCJG-1"], evidence: ["录像"], statement: "拒绝签字" } },
    { ...b, targetConfirmation: { kind: "direct-result", reason: "unreachable", evidence: ["现场照片"] } },
    { ...b, targetConfirmation: { signatory: "张三", signedOn: "2026-04-15", kind: "signed" } },
    { ...b, departments: [{ items: [{ notes: "", outcomes: [...OUTCOME_IDS], itemName: "x", itemId: "I-1" }], departmentId: "SCJG" }] },
    { ...b, target: { county: "卧龙区", address: "某路1号", targetId: "T1", name: "某某" } },
  ];
}

const same = (fast: unknown, schema: unknown) => expect(JSON.stringify(fast)).toBe(JSON.stringify(schema));


/**
 * A copy of a valid form with random edits applied: each edit picks a node (object or array) of the form and sets a
 * member the schema knows (or not), or one the node has (an element, a member present), to a value — or deletes it.
 */
function edited(base: unknown, edits: readonly (readonly [number, string | number, unknown])[]): unknown {
  const f = JSON.parse(JSON.stringify(base)) as unknown;
  for (const [at, key, v] of edits) {
    const all = nodes(f);
    const o = all[at % all.length] as Record<string, unknown>;
    const own = Object.keys(o);
    const k = typeof key === "string" ? key : own.length === 0 ? "x" : own[key % own.length]!;
    if (v === "<delete>") delete o[k];
    else Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return f;
}

describe("readRecordForm (InspectionRecordSchema by hand, for recordResult)", () => {
  it("answers the schema's output for valid forms: signed, refused, direct results, optional members, every outcome", () => {
    const b = base();
    const forms: unknown[] = [
      ...validForms(),
      JSON.parse(JSON.stringify(b)) as unknown,
      Object.assign(Object.create(null) as object, b),
    ];
    for (const f of forms) {
      const r = InspectionRecordSchema.safeParse(f);
      expect(r.success).toBe(true);
      const fast = readRecordForm(f);
      expect(fast).toBeDefined();
      same(fast, r.data);
      expect(fast).not.toBe(f);
    }
  });

  it("is never more lenient than the schema, and answers exactly its output (random edits anywhere in the form)", () => {
    const bases = validForms();
    fc.assert(
      fc.property(fc.nat(bases.length - 1), fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...KEYS), fc.nat()), fc.oneof(junk, fc.constant("<delete>"))), { minLength: 1, maxLength: 3 }), (which, edits) => {
        const f = edited(bases[which], edits);
        const fast = readRecordForm(f);
        const r = InspectionRecordSchema.safeParse(f);
        if (fast !== undefined) {
          expect(r.success).toBe(true);
          same(fast, r.success ? r.data : undefined);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it("agrees with the schema on every member of every form set to every damaged value, or deleted (exhaustive)", () => {
    const values: unknown[] = [undefined, null, true, 0, 1.5, "", " ", " x", "x ", "x", "\u3000x", "x\u00a0", "\ufeffx", "2026-02-30", "2026-04-10", "2026-4-10", "２０２６-04-10", "2026-04-10\n",
      "13800001111", "+86 (10) 1234-5678", "1", "12", "abc", "no-problem-found", "bogus-outcome", "toString", "signed", "refused", "direct-result", "unreachable",
      "seriously-non-cooperative", [], [""], ["x"], [" x"], {}, { kind: "signed" }, "<delete>"];
    let checked = 0;
    for (const form of validForms()) {
      const count = nodes(form).length;
      for (let at = 0; at < count; at++) {
        const keys = Object.keys(nodes(JSON.parse(JSON.stringify(form)))[at]!);
        for (const k of [...keys, "extra"]) {
          for (const v of values) {
            const f = JSON.parse(JSON.stringify(form)) as unknown;
            const o = nodes(f)[at] as Record<string, unknown>;
            if (v === "<delete>") delete o[k];
            else o[k] = v;
            const fast = readRecordForm(f);
            const r = InspectionRecordSchema.safeParse(f);
            if (fast !== undefined) {
              expect(r.success, JSON.stringify(f)).toBe(true);
              same(fast, r.success ? r.data : undefined);
            }
            // and it decides every plain form the schema accepts (no member present as undefined)
            else if (r.success && v !== undefined) expect.fail(`left to the schema: ${JSON.stringify(f)}`);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it("leaves to the schema what it does not decide: holes, an optional member present as undefined, duplicate departments, a getter that throws", () => {
    const b = base();
    const holes = { ...b, inspectors: [b.inspectors[0], , b.inspectors[1]] };
    expect(readRecordForm(holes)).toBeUndefined();
    expect(InspectionRecordSchema.safeParse(holes).success).toBe(false);
    expect(readRecordForm({ ...b, remarks: undefined })).toBeUndefined();
    const dup = { ...b, departments: [b.departments[0], b.departments[0]] };
    expect(readRecordForm(dup)).toBeUndefined();
    expect(InspectionRecordSchema.safeParse(dup).success).toBe(false);
    const getter = { ...b };
    Object.defineProperty(getter, "remarks", { enumerable: true, get: () => { throw new Error("boom"); } });
    expect(readRecordForm(getter)).toBeUndefined();
    class Form { constructor(readonly id: string) {} }
    expect(readRecordForm(Object.assign(new Form("R-1"), b))).toBeUndefined();
  });

  it("recordResult still reports the schema's issues for a refused form (fields named, every issue)", () => {
    const t = startInspection(teamsTask(), { on: "2026-04-10", actor: "联合检查组" }).task;
    const f = recordFor(t, t.targetIds[0]!);
    const bad = { ...f, inspectedOn: "2026-02-30", target: { ...f.target, name: " 对象" }, extra: 1 };
    const e = refusal(() => recordResult(t, bad as typeof f, { on: "2026-04-15", actor: "联合检查组" }));
    expect(e).toBeInstanceOf(ShuangsuijiError);
    expect(e.code).toBe("invalid-input");
    const r = InspectionRecordSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(e.issues.length).toBe(r.success ? 0 : r.error.issues.length);
    expect(e.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["inspectedOn", "target.name"]));
  });
});

describe("readRecordForm under a polluted Object.prototype (hostile6b F4, case-13)", () => {
  const polluted = <T>(key: string, value: unknown, f: () => T): T => {
    Object.defineProperty(Object.prototype, key, { value, enumerable: false, configurable: true, writable: true });
    try {
      return f();
    } finally {
      delete (Object.prototype as Record<string, unknown>)[key];
    }
  };

  it.each([
    ["county", " padded county "],
    ["phone", "not a phone"],
    ["certificateNumber", ""],
    ["remarks", 42],
    ["notes", " x "],
  ])("an optional member %s inherited from Object.prototype: never more lenient than InspectionRecordSchema", (key, value) => {
    const t = startInspection(teamsTask(), { on: "2026-04-10", actor: "联合检查组" }).task;
    const rec = recordFor(t, t.targetIds[0]!) as unknown as { target: Record<string, unknown>; inspectors: Record<string, unknown>[]; departments: { items: Record<string, unknown>[] }[] } & Record<string, unknown>;
    for (const o of [rec, rec.target, ...rec.inspectors, ...rec.departments.flatMap((d) => d.items)]) delete o[key];
    polluted(key, value, () => {
      const z = InspectionRecordSchema.safeParse(rec);
      const fast = readRecordForm(rec);
      if (!z.success) expect(fast).toBeUndefined();
      else if (fast !== undefined) same(fast, z.data);
      let accepted = true;
      try {
        recordResult(t, rec as never, { on: "2026-04-15", actor: "联合检查组" });
      } catch (e) {
        expect(e).toBeInstanceOf(ShuangsuijiError);
        accepted = false;
      }
      if (!z.success) expect(accepted).toBe(false);
    });
  });
});

// Round 7: on replay's working state recordResult checks the recorded form in place (readRecordForm(form, true)): the
// same checks and the same answer as the copying read, but the form itself is returned — so replay's adoption walk meets
// the stored form itself. It must answer exactly when the copying read answers, with the same JSON, or refuse the same.
describe("readRecordForm in place (replay's working state)", () => {
  const answer = (f: unknown, inPlace: boolean): { value?: unknown; error?: unknown } => {
    try {
      return { value: readRecordForm(f, inPlace) };
    } catch (e) {
      return { error: e instanceof ShuangsuijiError ? { code: e.code, issues: e.issues } : String(e) };
    }
  };
  const agree = (f: unknown) => {
    const copy = answer(JSON.parse(JSON.stringify(f)) as unknown, false);
    const kept = answer(f, true);
    expect(kept.error).toEqual(copy.error);
    expect(kept.value === undefined).toBe(copy.value === undefined);
    if (kept.value !== undefined) {
      expect(kept.value).toBe(f);
      expect(sameJson(kept.value, copy.value)).toBe(true);
    }
  };

  it("returns the form itself for valid forms of every shape, equal as JSON to the copy", () => {
    for (const f of validForms()) {
      const parsed = JSON.parse(JSON.stringify(f)) as unknown;
      expect(readRecordForm(parsed, true)).toBe(parsed);
      agree(JSON.parse(JSON.stringify(f)));
    }
  });

  it("answers exactly when the copying read answers, with the same JSON or the same refusal (random edits anywhere)", () => {
    const bases = validForms();
    fc.assert(
      fc.property(fc.nat(bases.length - 1), fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...KEYS), fc.nat()), fc.oneof(junk, fc.constant("<delete>"), fc.constantFrom("a\u0000b", "\ud800x"))), { minLength: 1, maxLength: 3 }), (which, edits) => {
        const f = edited(bases[which], edits);
        // JSON cannot carry undefined members: replay's forms are plain JSON data
        agree(JSON.parse(JSON.stringify(f)));
      }),
      { numRuns: 3000 },
    );
  });

  it("agrees with the copying read on every member of every form set to every damaged value, or deleted (exhaustive)", () => {
    const values: unknown[] = [null, true, 0, 1.5, "", " ", " x", "x ", "x", "\u3000x", "\ufeffx", "2026-02-30", "2026-04-10", "2026-4-10", "2026-04-10\n",
      "13800001111", "1", "abc", "no-problem-found", "bogus-outcome", "toString", "signed", "refused", "direct-result", "unreachable", [], [""], ["x"], {}, { kind: "signed" }, "<delete>"];
    let checked = 0;
    for (const form of validForms()) {
      const count = nodes(form).length;
      for (let at = 0; at < count; at++) {
        const keys = Object.keys(nodes(JSON.parse(JSON.stringify(form)))[at]!);
        for (const k of [...keys, "extra", "__proto__"]) {
          for (const v of values) {
            const f = JSON.parse(JSON.stringify(form)) as unknown;
            const o = nodes(f)[at] as Record<string, unknown>;
            if (v === "<delete>") delete o[k];
            else Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
            agree(f);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it.each(["county", "phone", "remarks", "notes", "kind", "signedOn", "itemId"])("agrees under a polluted Object.prototype (%s inherited)", (key) => {
    const t = startInspection(teamsTask(), { on: "2026-04-10", actor: "联合检查组" }).task;
    for (const value of [" padded ", "not a phone", 42, "2026-04-15", "signed"]) {
      const rec = JSON.parse(JSON.stringify(recordFor(t, t.targetIds[0]!))) as Record<string, unknown> & { target: Record<string, unknown> };
      delete rec[key];
      delete rec.target[key];
      Object.defineProperty(Object.prototype, key, { value, enumerable: false, configurable: true, writable: true });
      try {
        const z = InspectionRecordSchema.safeParse(rec);
        const kept = readRecordForm(rec, true);
        if (!z.success) expect(kept).toBeUndefined();
        const copy = readRecordForm(rec);
        expect(kept === undefined).toBe(copy === undefined);
      } finally {
        delete (Object.prototype as Record<string, unknown>)[key];
      }
    }
  });
});
