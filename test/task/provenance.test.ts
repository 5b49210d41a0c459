import { describe, expect, it } from "vitest";
import { ShuangsuijiError, recordResult, startInspection, verifyTask, type TaskLifecycle } from "../../src/index.js";
import { isLiveTask } from "../../src/task/_lifecycle.js";
import { recordFor, teamsTask } from "./_scenario.js";

const rule = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ShuangsuijiError);
    return (e as ShuangsuijiError).issues[0]?.rule;
  }
  return undefined;
};

// A live task's provenance (its core) is a private class field stamped on the frozen task object: only a task made
// by a transition carries it, and nothing that copies, wraps or imitates one does.
describe("live-task provenance (the private core stamp)", () => {
  const t = startInspection(teamsTask(), { on: "2026-04-10", actor: "联合检查组" }).task;
  const form = recordFor(t, t.targetIds[0]!);
  const on = { on: "2026-04-15", actor: "联合检查组" };

  it("a task made by a transition is live; every version stays so", () => {
    expect(isLiveTask(t)).toBe(true);
    expect(isLiveTask(recordResult(t, form, on).task)).toBe(true);
    expect(Object.isFrozen(t)).toBe(true);
  });

  it("copies, wraps and imitations are not live and are refused by the transitions (task-provenance)", () => {
    const descriptors = Object.create(Object.getPrototypeOf(t) as object, Object.getOwnPropertyDescriptors(t)) as TaskLifecycle;
    const fakes: [string, unknown][] = [
      ["spread copy", { ...t }],
      ["same getters, new object", descriptors],
      ["Proxy of a live task", new Proxy(t, {})],
      ["structuredClone of a snapshot", structuredClone(JSON.parse(JSON.stringify(t)) as unknown)],
      ["object inheriting from a live task", Object.create(t) as unknown],
    ];
    for (const [what, fake] of fakes) {
      expect(isLiveTask(fake), what).toBe(false);
      // refused: as unproven state, or (copied accessors) as a value that is not plain data
      expect(["task-provenance", "input-shape"], what).toContain(rule(() => recordResult(fake as TaskLifecycle, form, on)));
    }
    // and no reflection exposes the stamp to copy it
    expect(Object.getOwnPropertySymbols(t).every((s) => s === Symbol.for("nodejs.util.inspect.custom"))).toBe(true);
    expect(Reflect.ownKeys(t).filter((k) => typeof k === "string" && !(k in JSON.parse(JSON.stringify(t)))).length).toBe(0);
  });

  it("primitives and null are not live (and do not throw)", () => {
    for (const v of [null, undefined, 0, "task", true, Symbol("x")]) expect(isLiveTask(v)).toBe(false);
  });

  it("verifyTask reads a non-live imitation as stored data and verifies it against its trail", () => {
    const copy = { ...t } as TaskLifecycle;
    const v = verifyTask(copy);
    expect(v.ok).toBe(true);
    if (v.ok) expect(isLiveTask(v.task)).toBe(true);
  });
});

// hostile5 F1: a plain object shaped like startTask's empty task (kind "task-lifecycle", `audit: []`) used to be
// accepted by every transition and came back live; the empty task is now stamped, so no shape is ever trusted.
describe("no plain object is a live task, whatever its trail (hostile5 F1)", () => {
  const t = startInspection(teamsTask(), { on: "2026-04-10", actor: "联合检查组" }).task;
  const on = { on: "2026-04-15", actor: "联合检查组" };
  const snap = JSON.parse(JSON.stringify(t)) as Record<string, unknown>;

  it("a snapshot with an empty trail is refused by the transitions, in every state", async () => {
    const L = await import("../../src/index.js");
    const { TASK_STATES } = await import("../../src/task/TaskLifecycle.js");
    for (const state of TASK_STATES) {
      const forged = { ...snap, state, audit: [] } as unknown as TaskLifecycle;
      expect(isLiveTask(forged)).toBe(false);
      const calls: [string, () => unknown][] = [
        ["recordAdvanceNotice", () => L.recordAdvanceNotice(forged, { targetId: t.targetIds[0]!, given: { on: "2026-04-10", means: "书面告知" }, on: "2026-04-10", actor: "检查组" })],
        ["recordResult", () => recordResult(forged, recordFor(t, t.targetIds[0]!), on)],
        ["lockTargets", () => L.lockTargets(forged, on)],
        ["completeInspection", () => L.completeInspection(forged, { completedOn: "2026-04-20", actor: "联合检查组" })],
        ["publishResults", () => L.publishResults(forged, { on: "2026-04-21", actor: "联合检查组" } as never)],
      ];
      for (const [name, call] of calls) expect(rule(call), `${name} in ${state}`).toBe("task-provenance");
    }
  });

  it("a task started by startTask is still live from its first version", () => {
    expect(isLiveTask(t)).toBe(true);
    expect(t.audit[0]?.transition).toBe("startTask");
  });
});
