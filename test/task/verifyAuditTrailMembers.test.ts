// A stored event member named like an Object.prototype property ("constructor", "toString", "__proto__", …) is covered
// by the event's digest like any other member: verifyAuditTrail refuses it as an edit (hostile7b F5).
import { describe, expect, it } from "vitest";
import { recordResult, startInspection, verifyAuditTrail, type AuditEvent } from "../../src/index.js";
import { recordFor, teamsTask } from "./_scenario.js";

function storedTrail(): string {
  let t = startInspection(teamsTask(), { on: "2026-04-10", actor: "SCJG" }).task;
  t = recordResult(t, recordFor(t, t.targetIds[0] as string), { on: "2026-04-15", actor: "SCJG-1" }).task;
  return JSON.stringify(t.audit);
}

describe("verifyAuditTrail covers every own member of an event, whatever its name", () => {
  const text = storedTrail();
  const honest = JSON.parse(text) as AuditEvent[];
  it("the honest trail verifies", () => expect(verifyAuditTrail(honest).ok).toBe(true));
  const names = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "__defineGetter__", "approvedBy"];
  for (const name of names) {
    it(`an added member "${name}" (JSON-parsed, own) on the last event is refused as an edit`, () => {
      // added to the JSON text, as an operator with SQL access would: JSON.parse makes it an own member
      const edited = text.replace(/\}\]$/, `,${JSON.stringify(name)}:{"approvedBy":"局长","outcomes":["non-compliant"]}}]`);
      const events = JSON.parse(edited) as unknown[];
      expect(Object.keys(events[events.length - 1] as object)).toContain(name);
      const r = verifyAuditTrail(events as AuditEvent[]);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.map((p) => p.problem)).toContain("the event's content does not match its digest (edited)");
    });
  }
});
