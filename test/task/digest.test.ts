import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { sha256 } from "@noble/hashes/sha2";
import { recordResult, replayTask, startInspection, verifyTask, type AuditEvent, type TaskLifecycle } from "../../src/index.js";
import { adoptEqual, canonicalDigest, storedCopy, textDigest } from "../../src/task/_digest.js";
import { bytesToHex, utf8 } from "../../src/draw/_shared/_encoding.js";
import { recordFor, teamsTask } from "./_scenario.js";

const noble = (s: string) => bytesToHex(sha256(utf8(s)));

describe("event digests (src/task/_digest)", () => {
  it("textDigest is the SHA-256 of the UTF-8 bytes, as @noble/hashes computes it, on every length class and any UTF-16 text", () => {
    // every padding case around one and two blocks, ASCII and not, and lone surrogates (encoded as U+FFFD by both)
    for (let n = 0; n <= 200; n++) {
      expect(textDigest("a".repeat(n))).toBe(noble("a".repeat(n)));
      expect(textDigest(`${"b".repeat(n)}联合`)).toBe(noble(`${"b".repeat(n)}联合`));
    }
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => { expect(textDigest(s)).toBe(noble(s)); }), { seed: 61, numRuns: 500 });
    // a text longer than any before grows the buffer; shorter texts after it still hash right
    const big = `检查${"x".repeat(100_000)}🙂\ud800`;
    expect(textDigest(big)).toBe(noble(big));
    expect(textDigest("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("storedCopy keeps a \"__proto__\" member as an own data member (an assignment would set the prototype and drop it)", () => {
    const v = JSON.parse('{"b":1,"__proto__":{"x":"hidden"},"a":[{"__proto__":2}]}') as unknown;
    const c = storedCopy(v) as Record<string, unknown>;
    expect(JSON.stringify(c)).toBe('{"__proto__":{"x":"hidden"},"a":[{"__proto__":2}],"b":1}');
    expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
    expect(canonicalDigest(c)).toBe(canonicalDigest(v));
  });

  it("adoptEqual adopts (and freezes) a stored value only when it is the canonical copy of the value, losslessly", () => {
    const ok = { a: [1, { b: "x", c: null }], d: true };
    expect(adoptEqual(ok, { d: true, e: undefined, a: [1, { c: null, b: "x" }] })).toBe(1);
    expect(Object.isFrozen(ok) && Object.isFrozen(ok.a) && Object.isFrozen(ok.a[1])).toBe(true);
    expect(canonicalDigest(ok)).toBe(bytesToHex(sha256(utf8('{"a":[1,{"b":"x","c":null}],"d":true}'))));
    // not canonical or not lossless (stored as given), or not the same JSON
    for (const bad of [{ b: 1, a: 2 }, { a: { d: 1, c: 2 } }, { a: undefined }, [1, undefined], { "1": 1 }, { a: Number.NaN }, { a: 1n }, { a: () => 1 }, { a: new Date(0) }]) {
      expect(adoptEqual(bad, bad)).toBe(0);
    }
    for (const [s, v] of [[{ a: 1 }, { a: 2 }], [{ a: 1 }, { a: 1, b: 2 }], [{ a: 1, b: 2 }, { a: 1 }], [[1], [1, 2]], [{ a: [1] }, { a: { 0: 1 } }], [{ a: null }, { a: undefined }], [{ a: "1" }, { a: 1 }]] as const) {
      expect(adoptEqual(structuredClone(s), v)).toBe(0);
    }
    const inherited = Object.assign(Object.create({ b: 2 }) as object, { a: 1, d: 5 });
    expect(adoptEqual({ a: 1, b: 2 }, inherited)).toBe(0);
    // a swapped object (a calendar recorded by reference) is compared as its replacement
    const swap = (o: Record<string, unknown>) => (o.kind === "cal" ? { $calendar: "d" } : undefined);
    expect(adoptEqual({ c: { $calendar: "d" }, x: 1 }, { x: 1, c: { kind: "cal", days: [1] } }, swap)).toBe(2);
    expect(adoptEqual({ c: { $calendar: "e" }, x: 1 }, { x: 1, c: { kind: "cal" } }, swap)).toBe(0);
  });
});

describe("replay adopts the stored content it re-derives", () => {
  const base = (() => {
    let t = startInspection(teamsTask(), { on: "2026-04-10", actor: "联合检查组" }).task;
    for (const id of t.targetIds) t = recordResult(t, recordFor(t, id), { on: "2026-04-15", actor: "联合检查组" }).task;
    return t;
  })();
  const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as AuditEvent[];

  it("the replayed events are deeply frozen, in canonical order, and byte for byte the stored ones", () => {
    const stored = json(base.audit);
    const t = replayTask(stored);
    expect(JSON.stringify(t.audit)).toBe(JSON.stringify(base.audit));
    const frozen = (v: unknown): boolean => v === null || typeof v !== "object" || (Object.isFrozen(v) && Object.values(v).every(frozen));
    expect(frozen(t.audit) && frozen(t.records)).toBe(true);
    // the caller's array is not frozen or kept: replay works on its own copy
    expect(Object.isFrozen(stored[0]!.input)).toBe(false);
    // a record and the input of the event that recorded it are one object (one copy per record)
    const last = t.audit[t.audit.length - 1]!;
    expect(t.records[t.records.length - 1]).toBe(last.input[0]);
  });

  it("a stored trail whose keys are out of canonical order (another serializer) replays to the same events", () => {
    const reversed = (v: unknown): unknown => {
      if (v === null || typeof v !== "object") return v;
      if (Array.isArray(v)) return v.map(reversed);
      return Object.fromEntries(Object.keys(v).reverse().map((k) => [k, reversed((v as Record<string, unknown>)[k])]));
    };
    const t = replayTask(reversed(json(base.audit)) as AuditEvent[]);
    expect(JSON.stringify(t.audit)).toBe(JSON.stringify(base.audit));
    expect(verifyTask(t).ok).toBe(true);
  });

  it("continuing a replayed task (whose events share the stored objects) appends the same event as in memory", () => {
    const half = (() => {
      let t = startInspection(teamsTask(), { on: "2026-04-10", actor: "联合检查组" }).task;
      const id = t.targetIds[0]!;
      t = recordResult(t, recordFor(t, id), { on: "2026-04-15", actor: "联合检查组" }).task;
      return t;
    })();
    const next = half.targetIds[1]!;
    const inMemory = recordResult(half, recordFor(half, next), { on: "2026-04-15", actor: "联合检查组" }).event;
    const replayed: TaskLifecycle = replayTask(json(half.audit));
    expect(recordResult(replayed, recordFor(replayed, next), { on: "2026-04-15", actor: "联合检查组" }).event).toEqual(inMemory);
  });
});

describe("verifyTask compares a stored task's fields where they lie", () => {
  const done = (() => {
    let t = startInspection(teamsTask(), { on: "2026-04-10", actor: "联合检查组" }).task;
    for (const id of t.targetIds) t = recordResult(t, recordFor(t, id), { on: "2026-04-15", actor: "联合检查组" }).task;
    return t;
  })();
  const stored = () => JSON.parse(JSON.stringify(done)) as Record<string, unknown> & { records: Record<string, unknown>[] };

  it("accepts the stored task, with members JSON would drop", () => {
    const s = stored();
    s.records[0]!.extra = undefined;
    expect(verifyTask(s as never).ok).toBe(true);
  });

  it("names an edited, added or removed record, as the copying path does", () => {
    const edited = stored();
    edited.records[1]!.inspectedOn = "2026-04-16";
    const v = verifyTask(edited as never);
    expect(v.ok ? [] : v.problems.map((p) => p.field)).toEqual(["records[1]"]);
    const added = stored();
    added.records[0]!.note = "x";
    expect(verifyTask(added as never).ok).toBe(false);
    const removed = stored();
    removed.records.pop();
    expect(verifyTask(removed as never).ok).toBe(false);
  });

  it("never runs a getter in a stored field, and refuses it by path", () => {
    let ran = 0;
    const s = stored();
    const record = s.records[0]!;
    const id = record.id;
    Object.defineProperty(record, "id", { enumerable: true, get: () => { ran++; return id; } });
    expect(() => verifyTask(s as never)).toThrow(expect.objectContaining({ code: "invalid-input" }));
    expect(ran).toBe(0);
  });
});

// Round 7: on replay, recordTargetDraw checks the stage-1 record's digest with canonicalDigest (native JSON.stringify of
// a record stored in canonical order, hashed with the replay's SHA-256) instead of the draw's digestOf: the same digest
// on any plain data replay can hand over — keys in any order, integer-like keys, undefined members, -0, lone surrogates.
describe("canonicalDigest equals the draw's digestOf on plain data", () => {
  const key = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom("0", "1", "10", "01", "-1", "a", "b", "__proto__", "检查", "\ud800", "$calendar"));
  const leaf = fc.oneof(fc.string({ unit: "binary", maxLength: 6 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom<unknown>(-0, 1e21, 5e-324, null, true, false, undefined, "\ud800", "\u2028"));
  // a record's body is an object (an array too, for the walkers' sake); members and elements are any value
  const { top } = fc.letrec((tie) => ({
    top: fc.oneof(tie("object"), tie("array")),
    value: fc.oneof({ depthSize: "small" }, leaf, tie("array"), tie("object")),
    array: fc.array(tie("value"), { maxLength: 4 }),
    object: fc.array(fc.tuple(key, tie("value")), { maxLength: 5 }).map((entries) => {
      const o: Record<string, unknown> = {};
      for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
      return o;
    }),
  }));

  it("on random values, and on their canonical copies (the stored order), with either SHA-256", async () => {
    const { digestOf, canonicalize } = await import("../../src/draw/_shared/_encoding.js");
    const { nativeTextDigest } = await import("../../src/node/_nativeDigest.js");
    fc.assert(
      fc.property(top, (v) => {
        const d = digestOf(v);
        expect(canonicalDigest(v)).toBe(d);
        expect(canonicalDigest(v, nativeTextDigest)).toBe(d);
        const stored = JSON.parse(JSON.stringify(canonicalize(v))) as unknown;
        expect(canonicalDigest(stored, nativeTextDigest)).toBe(digestOf(stored));
      }),
      { numRuns: 3000 },
    );
  });
});
