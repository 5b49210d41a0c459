import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CN_CALENDAR, addCalendarYears, completeInspection, loadTask, recordResult, replayTask, startInspection, verifyTask, type TaskLifecycle } from "../../src/index.js";
import { isCalendarFree, plainCopy } from "../../src/task/_plain.js";
import { canonicalJson } from "../../src/draw/_shared/_encoding.js";
import { recordFor, teamsTask } from "./_scenario.js";

// Replay advances one private working state in place instead of a frozen version per event (src/task/_lifecycle.ts,
// draftOf). What it hands out must be an ordinary live version: frozen, data properties in the live order, branchable,
// and never updated by a later replay or transition.

const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const inspecting = startInspection(teamsTask(), { on: "2026-04-10", actor: "联合检查组" }).task;
const on = { on: "2026-04-15", actor: "联合检查组" };

/** The task after recording the results of the targets picked (a target twice: refused, skipped). */
function withResults(picks: readonly number[]): TaskLifecycle {
  let t = inspecting;
  for (const p of picks) {
    const id = t.targetIds[p % t.targetIds.length]!;
    if (t.records.some((r) => r.target.targetId === id)) continue;
    t = recordResult(t, recordFor(t, id), on).task;
  }
  return t;
}

describe("replay's working state never escapes", () => {
  it("the replayed task is a frozen version like the live one: same members in the same order, data properties, equal as data", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20), { maxLength: 6 }), (picks) => {
        const live = withResults(picks);
        const replayed = replayTask(json(live).audit);
        expect(Object.isFrozen(replayed)).toBe(true);
        expect(Object.keys(replayed)).toEqual(Object.keys(live));
        for (const k of Object.keys(live)) {
          const a = Object.getOwnPropertyDescriptor(live, k)!;
          const b = Object.getOwnPropertyDescriptor(replayed, k)!;
          expect("value" in b, k).toBe("value" in a);
        }
        expect(canonicalJson(replayed)).toBe(canonicalJson(live));
        const v = verifyTask(json(live));
        expect(v.ok && canonicalJson(v.task)).toBe(canonicalJson(live));
      }),
      { seed: 7, numRuns: 25 },
    );
  });

  it("a replayed task branches like any version: two continuations never see each other, the replayed task never changes", () => {
    const live = withResults([0]);
    expect(live.targetIds.length).toBeGreaterThanOrEqual(3);
    const stored = json(live).audit;
    const r1 = replayTask(stored);
    const before = canonicalJson(r1);
    const a = recordResult(r1, recordFor(r1, r1.targetIds[1]!), on).task;
    const b = recordResult(r1, recordFor(r1, r1.targetIds[2]!), on).task;
    const r2 = replayTask(json(a).audit);
    expect(canonicalJson(r1)).toBe(before);
    expect(r1.audit.length).toBe(stored.length);
    expect(a.records.map((x) => x.target.targetId)).toEqual([live.targetIds[0], live.targetIds[1]]);
    expect(b.records.map((x) => x.target.targetId)).toEqual([live.targetIds[0], live.targetIds[2]]);
    expect(canonicalJson(r2)).toBe(canonicalJson(a));
    expect(r2).not.toBe(r1);
    // and the replay of a continued trail continues too
    const c = recordResult(r2, recordFor(r2, r2.targetIds[2]!), on).task;
    expect(c.records).toHaveLength(3);
    expect(b.records).toHaveLength(2);
    expect(canonicalJson(r2)).toBe(canonicalJson(a));
  });

  it("a trail refused half way hands out nothing, and the next replay starts afresh", () => {
    const live = withResults([0, 1, 2]);
    const stored = json(live).audit;
    const cut = stored.slice(0, stored.length - 1);
    const forged = json(stored);
    (forged[forged.length - 1]!.input[0] as { inspectedOn: string }).inspectedOn = "2026-04-16";
    expect(() => replayTask(forged)).toThrow(/audit-trail|replay/);
    expect(canonicalJson(replayTask(cut))).toBe(canonicalJson(withResults([0, 1])));
    expect(canonicalJson(replayTask(stored))).toBe(canonicalJson(live));
  });
});

describe("replay decodes calendars recorded by reference only where a trail holds one", () => {
  const CUSTOM = addCalendarYears(CN_CALENDAR, [{ year: CN_CALENDAR.lastYear + 1, holidays: [], workdays: [] }]);

  it("plainCopy marks a trail, or a stored task's trail, with no $calendar member anywhere, and only those", () => {
    const plain = json(withResults([0, 1]));
    expect(isCalendarFree(plainCopy(plain.audit, ["events"]))).toBe(true);
    expect(isCalendarFree((plainCopy(plain, ["task"], (k) => k !== "audit") as TaskLifecycle).audit)).toBe(true);
    expect(isCalendarFree(plain.audit)).toBe(false); // not a copy plainCopy made
    // a $calendar member at any depth of any event, even one no transition records there
    for (let i = 0; i < plain.audit.length; i++) {
      const trail = json(plain.audit) as unknown as { input: unknown[] }[];
      trail[i]!.input.push({ deep: [{ $calendar: "x" }] });
      expect(isCalendarFree(plainCopy(trail, ["events"])), String(i)).toBe(false);
    }
  });

  it("a trail that records a calendar by reference still needs it, and a $calendar member out of place is still refused on replay", () => {
    let t = withResults([0, 1, 2]);
    t = completeInspection(t, { completedOn: "2026-05-01", actor: "p", calendar: { calendar: CUSTOM } }).task;
    const stored = json(t);
    expect(() => replayTask(stored.audit)).toThrow(/calendar/);
    expect(canonicalJson(replayTask(stored.audit, { calendars: [CUSTOM] }))).toBe(canonicalJson(t));
    expect(canonicalJson(loadTask(stored, { calendars: [CUSTOM] }))).toBe(canonicalJson(t));
    const odd = json(withResults([0])).audit;
    (odd[odd.length - 1]!.input[1] as Record<string, unknown>).calendar = { calendar: { $calendar: "0".repeat(64) } };
    expect(() => replayTask(odd)).toThrow(/calendar/);
  });
});
