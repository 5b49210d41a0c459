import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { AuditEventSchema, ShuangsuijiError, loadTask, recordResult, startInspection, verifyTask, type TaskLifecycle } from "../../src/index.js";
import { isEventEnvelope } from "../../src/task/_eventEnvelope.js";
import { plainCopy } from "../../src/task/_plain.js";
import { recordFor, teamsTask } from "./_scenario.js";

const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function stored(): TaskLifecycle {
  let t = startInspection(teamsTask(), { on: "2026-04-10", actor: "联合检查组" }).task;
  t = recordResult(t, recordFor(t, t.targetIds[0]!), { on: "2026-04-15", actor: "联合检查组" }).task;
  return json(t);
}

/** Values a damaged or forged member could hold. */
const junk = fc.oneof(
  fc.constantFrom(undefined, null, true, 0, -1, 1.5, -0, Number.MAX_SAFE_INTEGER + 1, "", " ", "x", "2026-02-30", "2026-04-10", "２０２６-04-10", "0".repeat(64), "A".repeat(64), "0".repeat(63), "recordResult", "toString", [], {}, Object.create(null) as object),
  fc.string(), fc.integer(), fc.double(), fc.array(fc.integer(), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
);
const KEYS = ["seq", "type", "on", "actor", "payload", "transition", "input", "prevDigest", "digest", "extra", "__proto__", "constructor"];

describe("isEventEnvelope (AuditEventSchema by hand, for loadTask)", () => {
  it("accepts every event of real trails", () => {
    for (const e of stored().audit) expect(isEventEnvelope(plainCopy(e, ["e"]))).toBe(true);
  });

  it("is never more lenient than the schema: whatever it accepts, AuditEventSchema accepts (damaged members, missing and extra keys)", () => {
    const events = stored().audit;
    fc.assert(
      fc.property(fc.nat(events.length - 1), fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.oneof(junk, fc.constant("<delete>"))), { minLength: 1, maxLength: 3 }), (i, edits) => {
        const e = plainCopy(events[i], ["e"]) as Record<string, unknown>;
        for (const [k, v] of edits) {
          if (v === "<delete>") delete e[k];
          else Object.defineProperty(e, k, { value: v, enumerable: true, writable: true, configurable: true });
        }
        const fast = isEventEnvelope(e);
        if (fast) expect(AuditEventSchema.safeParse(e).success).toBe(true);
        // and it agrees with the schema when the schema refuses, or on an untouched member set
        if (!AuditEventSchema.safeParse(e).success) expect(fast).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("loadTask reports a malformed event with the schema's issues, as before (invalid-input, path into audit)", () => {
    const s = stored() as unknown as { audit: Record<string, unknown>[] };
    s.audit[3]!.on = "2026-02-30";
    s.audit[5]!.extra = 1;
    try {
      loadTask(s);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ShuangsuijiError);
      const e = err as ShuangsuijiError;
      expect(e.code).toBe("invalid-input");
      const paths = e.issues.map((x) => x.path.join("."));
      expect(paths.some((p) => p.startsWith("3.on") || p.includes("3.on"))).toBe(true);
      expect(paths.some((p) => p.includes("5"))).toBe(true);
    }
  });

  it("loadTask of a well-formed stored task still replays it (same state as the task it was stored from)", () => {
    const s = stored();
    expect(json(loadTask(s))).toEqual(s);
  });
});

describe("loadTask reads a stored task once", () => {
  it("a getter or Proxy in a stored list is never run and is refused by path (invalid-input), the trail being sound", () => {
    let ran = false;
    const s = stored() as unknown as Record<string, unknown>;
    const records = s.records as Record<string, unknown>[];
    Object.defineProperty(records[0], "id", { enumerable: true, get: () => { ran = true; return "R"; } });
    try {
      loadTask(s);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ShuangsuijiError);
      expect((e as ShuangsuijiError).code).toBe("invalid-input");
      expect((e as ShuangsuijiError).issues[0]?.path.slice(0, 3)).toEqual(["value", "records", 0]);
    }
    expect(ran).toBe(false);
    const p = stored() as unknown as Record<string, unknown>;
    // a Proxy that reads as plain data is plain data (as before); one whose traps throw is refused, not crashed on
    p.teams = new Proxy(p.teams as object, { getOwnPropertyDescriptor: () => { throw new Error("trap"); } });
    expect(() => loadTask(p)).toThrow(ShuangsuijiError);
  });

  it("an edited stored field (not the trail) is named, as verifyTask names it", () => {
    const s = stored() as unknown as Record<string, unknown>;
    (s.targetIds as string[]).reverse();
    try {
      loadTask(s);
      expect.unreachable();
    } catch (e) {
      expect((e as ShuangsuijiError).code).toBe("audit-trail-invalid");
      expect((e as ShuangsuijiError).issues[0]?.path).toEqual(["targetIds[0]"]);
    }
  });
});

describe("verifyTask of a stored value with a throwing Proxy trap", () => {
  it("refuses it with invalid-input by path, not a foreign error", () => {
    const p = stored() as unknown as Record<string, unknown>;
    p.records = new Proxy(p.records as object, { getOwnPropertyDescriptor: () => { throw new Error("trap"); } });
    try {
      verifyTask(p as unknown as TaskLifecycle);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ShuangsuijiError);
      expect((e as ShuangsuijiError).code).toBe("invalid-input");
      expect((e as ShuangsuijiError).issues[0]?.path[1]).toBe("records");
    }
  });
});
