import { describe, expect, it } from "vitest";
import { CN_CALENDAR, completeInspection, recordResult, replayTask, startInspection, type TaskLifecycle } from "../../src/index.js";
import { expecting, replayRun } from "../../src/task/_lifecycle.js";
import { recordFor, teamsTask } from "./_scenario.js";

// hostile6b F2: replay's in-place working state (draftOf) belongs to that replay only. A transition that caller code
// runs during a replay, on a task of its own, returns an ordinary frozen version that no later transition changes.

const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const on = { on: "2026-04-15", actor: "联合检查组" };

describe("caller code run during a replay never gets replay's working state (hostile6b case-08)", () => {
  let done = startInspection(teamsTask(), { on: "2026-04-10", actor: "联合检查组" }).task;
  for (const id of done.targetIds) done = recordResult(done, recordFor(done, id), on).task;
  const cnCopy = json(CN_CALENDAR) as unknown as typeof CN_CALENDAR;
  done = completeInspection(done, { completedOn: "2026-04-16", actor: "组", calendar: { calendar: cnCopy } }).task;
  const trail = json(done.audit);

  it("a Proxy calendar whose traps run transitions on the caller's task: that task never changes after it is returned", () => {
    const mine0 = teamsTask();
    let mine: TaskLifecycle | undefined;
    let seen: { state: string; events: number } | undefined;
    const act = () => {
      if (!/completeInspection/.test(new Error().stack ?? "")) return;
      if (mine === undefined) {
        mine = startInspection(mine0, { on: "2026-04-10", actor: "联合检查组" }).task;
        seen = { state: mine.state, events: mine.audit.length };
      } else {
        try {
          recordResult(mine, recordFor(mine, mine.targetIds[0]!), on);
        } catch {
          /* the result is not kept */
        }
      }
    };
    const P = new Proxy(cnCopy, {
      get: (o, k, r) => (act(), Reflect.get(o, k, r)),
      getOwnPropertyDescriptor: (o, k) => (act(), Reflect.getOwnPropertyDescriptor(o, k)),
      ownKeys: (o) => (act(), Reflect.ownKeys(o)),
    });
    const replayed = replayTask(trail, { calendars: [P] });
    expect(json(replayed)).toEqual(json(done));
    if (mine !== undefined) {
      expect({ state: mine.state, events: mine.audit.length, records: mine.records.length }).toEqual({ ...seen, records: 0 });
    }
  });

  it("transitions inside a replay's window on another task take the ordinary path (a frozen version each)", () => {
    const mine0 = startInspection(teamsTask(), { on: "2026-04-10", actor: "联合检查组" }).task;
    const ids = mine0.targetIds;
    expecting(replayRun(trail), () => {
      const a = recordResult(mine0, recordFor(mine0, ids[0]!), on).task;
      const before = json(a);
      const b = recordResult(a, recordFor(a, ids[1]!), on).task;
      expect(json(a)).toEqual(before);
      expect(a.audit.length + 1).toBe(b.audit.length);
      expect(b).not.toBe(a);
    });
    expect(mine0.records.length).toBe(0);
  });
});
