// reimpl5 finding 6: verifyAuditTrail checks that event dates never go backwards, as docs/lifecycle.md promises, and
// that seq starts at 0 and rises by 1 (docs/persistence.md).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { recordResult, replayTask, startInspection, verifyAuditTrail, type AuditEvent } from "../../src/index.js";
import { digestOf } from "../../src/draw/_shared/_encoding.js";
import { recordFor, teamsTask } from "./_scenario.js";

const json = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
/** Every digest and link recomputed, as a forger with write access to the store would. */
function rechain(events: AuditEvent[]): AuditEvent[] {
  const out = events.map((e) => ({ ...e }));
  for (let i = 0; i < out.length; i++) {
    const { digest: _, ...body } = { ...out[i]!, prevDigest: i === 0 ? "0".repeat(64) : out[i - 1]!.digest };
    out[i] = { ...body, digest: digestOf(body) } as AuditEvent;
  }
  return out;
}

let t = startInspection(teamsTask(), { on: "2026-04-10", actor: "组" }).task;
for (const id of t.targetIds) t = recordResult(t, recordFor(t, id), { on: "2026-04-15", actor: "组" }).task;
const events: AuditEvent[] = json([...t.audit]);

describe("reimpl5 finding 6: verifyAuditTrail — event dates never go backwards", () => {
  it("a back-dated event with the chain recomputed is refused, naming the event; the honest trail passes", () => {
    expect(verifyAuditTrail(events).ok).toBe(true);
    const k = events.length - 2;
    const trail = [...events];
    trail[k] = { ...events[k]!, on: "2026-03-01" };
    const v = verifyAuditTrail(rechain(trail));
    expect(v.ok).toBe(false);
    expect(!v.ok && v.problems).toEqual([{ seq: k, problem: expect.stringMatching(/2026-03-01.*never go backwards/), problemZh: expect.stringMatching(/2026-03-01早于上一条事件/) }]);
    expect(() => replayTask(rechain(trail))).toThrow(); // replay refused it already
    // the same date as the previous event is in order
    const same = [...events];
    same[k] = { ...events[k]!, on: events[k - 1]!.on };
    expect(verifyAuditTrail(rechain(same))).toMatchObject({ ok: true });
  });

  it("with `from`, the dates of the later events are checked among themselves", () => {
    const head = { seq: 2, digest: events[2]!.digest };
    expect(verifyAuditTrail(events.slice(3), { from: head }).ok).toBe(true);
    const later = rechain([...events]);
    const k = events.length - 1;
    later[k] = { ...later[k]!, on: "2020-01-01" };
    const re = rechain(later);
    expect(verifyAuditTrail(re.slice(3), { from: { seq: 2, digest: re[2]!.digest } }).ok).toBe(false);
  });

  it("seq starts at 0 and rises by 1: a chain numbered from 1 is refused", () => {
    const from1 = rechain(events.map((e) => ({ ...e, seq: e.seq + 1 })));
    const v = verifyAuditTrail(from1);
    expect(!v.ok && v.problems[0]).toMatchObject({ seq: 0, problem: expect.stringMatching(/sequence number 1 at position 0/) });
  });

  it("property: moving any one event's date before an earlier event's is refused, naming that event", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: events.length - 1 }), fc.integer({ min: 1, max: 400 }), (k, days) => {
        const latest = events.slice(0, k).reduce((m, e) => (e.on > m ? e.on : m), events[0]!.on);
        const back = new Date(Date.parse(`${latest}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
        const trail = [...events];
        trail[k] = { ...events[k]!, on: back };
        const v = verifyAuditTrail(rechain(trail));
        expect(!v.ok && v.problems.some((p) => p.seq === k && /never go backwards/.test(p.problem))).toBe(true);
      }),
      { numRuns: 40, seed: 6 },
    );
  });
});

describe("hostile5 F4b: each event's date is a real civil date before the order is compared", () => {
  it("a re-chained trail back-dating an event in a non-canonical spelling (or any text) is refused at that event", () => {
    const k = events.length - 1;
    for (const on of ["2026-4-01", "~back-dated", "2026-02-30", "2026-04-01T00:00", "", 20260401, null]) {
      const trail = [...events];
      trail[k] = { ...events[k]!, on } as unknown as AuditEvent;
      const v = verifyAuditTrail(rechain(trail));
      expect(v.ok, String(on)).toBe(false);
      expect(!v.ok && v.problems.some((p) => p.seq === k && /civil date/.test(p.problem)), String(on)).toBe(true);
    }
  });
  it("every honest trail still passes (dates as the transitions write them)", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: events.length }), (n) => verifyAuditTrail(events.slice(0, n)).ok));
  });
});
