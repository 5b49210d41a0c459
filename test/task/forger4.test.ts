// Forger 4, attack 06: a stored event with a member outside the event schema (covered by no digest) is refused by
// replayTask and verifyTask, naming the event and the member, as loadTask and verifyAuditTrail already refuse it.
import { describe, expect, it } from "vitest";
import { loadTask, recordResult, replayTask, startInspection, verifyAuditTrail, verifyTask, type TaskLifecycle } from "../../src/index.js";
import { recordFor, refusal, teamsTask } from "./_scenario.js";

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function storedTask(): TaskLifecycle {
  let t = startInspection(teamsTask(), { on: "2026-04-10", actor: "SCJG" }).task;
  const target = t.targetIds[0] as string;
  t = recordResult(t, recordFor(t, target), { on: "2026-04-15", actor: "SCJG-1" }).task;
  return clone(t);
}

describe("06: replayTask and verifyTask refuse a stored event member outside the event schema (Chongqing 4)", () => {
  const stored = storedTask();
  const n = stored.audit.length;
  it("the honest JSON copy replays and verifies", () => {
    expect(verifyTask(clone(stored)).ok).toBe(true);
    expect(replayTask(clone(stored).audit).audit.length).toBe(n);
  });
  for (const at of [0, 1, n - 1]) {
    it(`an extra member on event ${at}: refused by replayTask and verifyTask (event index and member named), as by loadTask and verifyAuditTrail`, () => {
      const s = clone(stored) as unknown as { audit: Record<string, unknown>[] };
      (s.audit[at] as Record<string, unknown>)["approvedBy"] = "局长";
      const e = refusal(() => replayTask(s.audit as unknown as TaskLifecycle["audit"]));
      expect(e.code).toBe("audit-trail-invalid");
      expect(e.issues[0]?.path).toEqual(["events", at]);
      expect(e.issues[0]?.messageEn).toMatch(new RegExp(`event ${at} .*member "approvedBy"`));
      const v = verifyTask(s as unknown as TaskLifecycle);
      expect(v.ok).toBe(false);
      expect(JSON.stringify(v)).toMatch(/member \\"approvedBy\\"/);
      expect(() => loadTask(s as unknown as TaskLifecycle)).toThrow();
      expect(verifyAuditTrail(s.audit as unknown as TaskLifecycle["audit"]).ok).toBe(false);
    });
  }
});
