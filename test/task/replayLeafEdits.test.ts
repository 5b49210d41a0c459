// Replay against a forger who edits one value deep inside an event (a result's record form, an advance notice, a
// payload member) and recomputes every digest, and against a store that only reorders members (src/task/_plain.ts,
// _digest.ts adoptEqual: the boundary copy and the adoption walk, docs/benchmarks.md round 5).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ShuangsuijiError, publicView, recordResult, replayTask, startInspection, verifyAuditTrail, type AuditEvent, type TaskLifecycle } from "../../src/index.js";
import { digestOf } from "../../src/draw/_shared/_encoding.js";
import { recordFor, teamsTask } from "./_scenario.js";
import { getAt, leaves, type Path } from "./_trails.js";

const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function rechain(events: AuditEvent[]): AuditEvent[] {
  const out = events.map((e) => ({ ...e }));
  for (let i = 0; i < out.length; i++) {
    const { digest: _, ...body } = { ...out[i]!, prevDigest: i === 0 ? "0".repeat(64) : out[i - 1]!.digest };
    out[i] = { ...body, digest: digestOf(body) };
  }
  return out;
}

// a task whose trail ends in advance notices and results (the events a platform-scale trail is made of)
let live: TaskLifecycle = startInspection(teamsTask(), { on: "2026-04-10", actor: "联合检查组" }).task;
for (const id of live.targetIds.slice(0, 4)) live = recordResult(live, recordFor(live, id, ["no-problem-found"]), { on: "2026-04-15", actor: "联合检查组" }).task;
const events: AuditEvent[] = json([...live.audit]);
const head = publicView(live).head!;
const late = events.map((e, i) => (e.type === "result-recorded" || e.type === "advance-notice-recorded" ? i : -1)).filter((i) => i >= 0);

function setAt(v: unknown, p: Path, x: unknown): void {
  const o = getAt(v, p.slice(0, -1)) as Record<string | number, unknown>;
  o[p[p.length - 1]!] = x;
}
/** A value JSON tells apart from `old`. */
const other = (old: unknown, x: string | number | boolean | null): unknown =>
  JSON.stringify(x) !== JSON.stringify(old) ? x : typeof old === "string" ? `${old}·` : typeof old === "number" ? old + 1 : old === true ? false : "x";

/** The same JSON with every object's members in reverse order (what a store may give back). */
function reversed(v: unknown): unknown {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(reversed);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).reverse()) out[k] = reversed((v as Record<string, unknown>)[k]);
  return out;
}

const refused = (trail: AuditEvent[], options = {}): boolean => {
  try {
    replayTask(trail, options);
    return false;
  } catch (e) {
    expect(e).toBeInstanceOf(ShuangsuijiError);
    expect((e as ShuangsuijiError).code).toBe("audit-trail-invalid");
    return true;
  }
};

describe("one value edited deep inside an advance-notice or result event", () => {
  it("the honest trail replays to the live state", () => {
    expect(json(replayTask(events))).toEqual(json(live));
    expect(late.length).toBeGreaterThan(4);
  });

  it("without the digests recomputed: refused by replay and by the chain, naming the event", () => {
    fc.assert(
      fc.property(fc.constantFrom(...late), fc.nat(), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant("2026-04-16")), (i, pick, x) => {
        const trail = json(events);
        const paths = leaves({ payload: trail[i]!.payload, input: trail[i]!.input });
        const p = paths[pick % paths.length]!;
        setAt(trail[i], p, other(getAt(trail[i], p), x));
        expect(refused(trail)).toBe(true);
        try {
          replayTask(trail);
        } catch (e) {
          expect((e as ShuangsuijiError).issues[0]?.path).toEqual(["events", i]);
        }
        expect(verifyAuditTrail(trail).ok).toBe(false);
      }),
      { seed: 1405, numRuns: 200 },
    );
  });

  it("with every digest recomputed: a payload edit never replays; an input edit replays only as another history (another state), never against the published head", () => {
    fc.assert(
      fc.property(fc.constantFrom(...late), fc.nat(), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant("2026-04-16")), fc.boolean(), (i, pick, x, inPayload) => {
        const trail = json(events);
        const paths = leaves(inPayload ? trail[i]!.payload : trail[i]!.input).map((p) => [inPayload ? "payload" : "input", ...p]);
        const p = paths[pick % paths.length]!;
        setAt(trail[i], p, other(getAt(trail[i], p), x));
        const forged = rechain(trail);
        expect(refused(forged, { anchors: [head] })).toBe(true);
        if (inPayload) expect(refused(forged)).toBe(true);
        else if (!refused(forged)) expect(json(replayTask(forged))).not.toEqual(json(live));
      }),
      { seed: 1406, numRuns: 200 },
    );
  });

  it("members in another order (the same JSON) replay to the same state, with the canonical events", () => {
    fc.assert(
      fc.property(fc.subarray(late, { minLength: 1 }), (at) => {
        const trail = json(events);
        for (const i of at) trail[i] = reversed(trail[i]) as AuditEvent;
        const r = replayTask(trail, { anchors: [head] });
        expect(json(r)).toEqual(json(live));
        expect(JSON.stringify(r.audit)).toBe(JSON.stringify(live.audit));
      }),
      { seed: 1407, numRuns: 30 },
    );
  });

  it("a member added or removed anywhere in a payload or an input, digests recomputed: a payload never replays; an input replays only as another history", () => {
    fc.assert(
      fc.property(fc.constantFrom(...late), fc.nat(), fc.boolean(), fc.boolean(), (i, pick, inPayload, add) => {
        const trail = json(events);
        const root = inPayload ? trail[i]!.payload : trail[i]!.input;
        const objects: Record<string, unknown>[] = [];
        const walk = (v: unknown): void => {
          if (v === null || typeof v !== "object") return;
          if (!Array.isArray(v)) objects.push(v as Record<string, unknown>);
          for (const x of Object.values(v)) walk(x);
        };
        walk(root);
        const o = objects[pick % objects.length]!;
        const keys = Object.keys(o);
        if (add || keys.length === 0) o.zz = "x";
        else delete o[keys[pick % keys.length]!];
        const forged = rechain(trail);
        expect(refused(forged, { anchors: [head] })).toBe(true);
        // an input member the transition does not read (an added one) is recorded as given: another history
        if (inPayload) expect(refused(forged)).toBe(true);
        else if (!refused(forged)) expect(json(replayTask(forged))).not.toEqual(json(live));
      }),
      { seed: 1408, numRuns: 200 },
    );
  });
});
