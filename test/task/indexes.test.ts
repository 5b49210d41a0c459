import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { recordResult, replayTask, startInspection, type TaskLifecycle } from "../../src/index.js";
import { isOnList, recordById, recordOfTarget, teamIndexOf, teamOfTarget } from "../../src/task/_lifecycle.js";
import { recordFor, teamsTask } from "./_scenario.js";

// The O(1) look-ups the rules use (records by target and by id, the list in force, the team of a target) against a
// scan of the task's own lists, on every version of random histories that branch (an older version continued while a
// newer one exists copies its store) and on their replays (replay's working state and its indexes).
describe("list indexes (recordOfTarget, recordById, isOnList, teamOfTarget)", () => {
  const start = startInspection(teamsTask(), { on: "2026-04-10", actor: "联合检查组" }).task;
  const on = { on: "2026-04-15", actor: "联合检查组" };

  const agree = (t: TaskLifecycle, probes: readonly string[]) => {
    for (const id of [...t.targetIds, ...probes]) {
      expect(recordOfTarget(t, id)).toBe(t.records.find((r) => r.target.targetId === id));
      expect(recordById(t, `R-${id}`)).toBe(t.records.find((r) => r.id === `R-${id}`));
      expect(recordById(t, id)).toBe(t.records.find((r) => r.id === id));
      expect(isOnList(t, id)).toBe(t.targetIds.includes(id));
      const k = t.teams.findIndex((team) => team.targetIds.includes(id));
      expect(teamIndexOf(t, id)).toBe(k);
      expect(teamOfTarget(t, id)).toBe(k < 0 ? undefined : t.teams[k]);
    }
  };

  it("answer as a scan of the lists on every version of branching histories, and after replay", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 10 }), (steps) => {
        const versions: TaskLifecycle[] = [start];
        for (const [from, target] of steps) {
          const t = versions[from % versions.length]!;
          const open = t.targetIds.filter((id) => recordOfTarget(t, id) === undefined);
          if (open.length === 0) continue;
          // the record id names its target, or (every other step) another id, so ids and targets differ as keys
          const targetId = open[target % open.length]!;
          const form = recordFor(t, targetId, ["no-problem-found"], target % 2 === 0 ? `R-${targetId}` : `X${target}-${targetId}`);
          try {
            versions.push(recordResult(t, form, on).task);
          } catch {
            // a record id taken on this branch: refused (one-record), as the scan says
            expect(t.records.some((r) => r.id === form.id)).toBe(true);
          }
        }
        const probes = ["nobody", "R-nobody", "\u0000R-x"];
        for (const v of versions) {
          agree(v, probes);
          const replayed = replayTask(JSON.parse(JSON.stringify(v.audit)));
          agree(replayed, probes);
          expect(JSON.stringify(replayed)).toBe(JSON.stringify(v));
        }
      }),
      { numRuns: 40 },
    );
  });

  it("a replayed task's inspector draw record (an adopted argument, not walked again) is frozen to its leaves and is its event's input", () => {
    const deepFrozen = (v: unknown): boolean => v === null || typeof v !== "object" || (Object.isFrozen(v) && Object.values(v).every(deepFrozen));
    const replayed = replayTask(JSON.parse(JSON.stringify(start.audit)));
    expect(deepFrozen(replayed.inspectorDraw)).toBe(true);
    const drawn = replayed.audit.find((e) => e.transition === "recordInspectorDraw")!;
    expect(replayed.inspectorDraw).toBe(drawn.input[0]);
    expect(JSON.stringify(replayed.inspectorDraw)).toBe(JSON.stringify(start.inspectorDraw));
  });
});
