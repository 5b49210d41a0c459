// The text entries (replayTaskText, loadTaskText; src/task/_text.ts): a trail or stored task handed over as JSON text
// is parsed and replayed without the boundary copy. Property: on random valid trails and on the same trails tampered
// with (a value edited, with and without every digest recomputed; an event removed, moved or cut off; a member added,
// `__proto__` included; nesting or text past the input limits) the text entry gives exactly what the value entry
// gives for JSON.parse of the text — the same task, or the same refusal with the same issues.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ShuangsuijiError, loadTask, loadTaskText, recordResult, replayTask, replayTaskText, type AuditEvent } from "../../src/index.js";
import { canonicalJson } from "../../src/draw/_shared/_encoding.js";
import { recordFor } from "./_scenario.js";
import { calendars, locked, outcome, run, sequence, tamperArb, tampered, withTeams } from "./_trails.js";

describe("replayTaskText and loadTaskText answer as replayTask and loadTask of JSON.parse of the text", () => {
  it("on random valid trails and the same trails tampered with", () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(sequence, fc.boolean(), tamperArb, (ops, fromLocked, tamper) => {
        const t = run(fromLocked ? locked : withTeams, ops);
        const text = tampered(t.audit, tamper);
        const value = outcome(() => replayTask(JSON.parse(text) as AuditEvent[], { calendars }));
        expect(outcome(() => replayTaskText(text, { calendars }))).toEqual(value);
        if (tamper.kind === "none") expect(value).toEqual({ ok: canonicalJson(t) });
        kinds.add(`${tamper.kind}:${"ok" in value ? "ok" : value.code}`);
        // the stored task: its trail tampered with the same way, or a stored field edited
        const stored = `{${JSON.stringify(JSON.parse(JSON.stringify(t)) as object).slice(1, -1).replace(/"audit":\[.*\]/s, "\"audit\":" + text)}}`;
        expect(outcome(() => loadTaskText(stored, { calendars }))).toEqual(outcome(() => loadTask(JSON.parse(stored), { calendars })));
      }),
      { seed: 1405, numRuns: 120 },
    );
    // the tamperings reached both answers
    expect([...kinds].some((k) => k.endsWith(":ok"))).toBe(true);
    expect([...kinds].some((k) => k.endsWith(":audit-trail-invalid"))).toBe(true);
    expect([...kinds].some((k) => k.endsWith(":invalid-input"))).toBe(true);
  });

  it("a stored field edited without an event is named, as by loadTask", () => {
    const t = run(withTeams, [{ kind: "start" }, { kind: "result", target: 0, outcome: "no-problem-found" }]);
    const s = JSON.parse(JSON.stringify(t)) as { records: { inspectedOn: string }[] };
    s.records[0]!.inspectedOn = "2026-04-16";
    const text = JSON.stringify(s);
    const r = outcome(() => loadTaskText(text));
    expect(r).toEqual(outcome(() => loadTask(JSON.parse(text))));
    expect("code" in r && r.code).toBe("audit-trail-invalid");
    expect("issues" in r && r.issues).toContain("records[0]");
  });

  it("a `__proto__` key in the text is an own member, refused by name as in a value; no prototype is set", () => {
    const t = run(withTeams, [{ kind: "start" }, { kind: "result", target: 0, outcome: "no-problem-found" }]);
    const text = tampered(t.audit, { kind: "member", event: t.audit.length - 1, leaf: 0, name: "__proto__", rehash: true });
    const parsed = JSON.parse(text) as object[];
    expect(Object.hasOwn(parsed[parsed.length - 1]!, "__proto__")).toBe(true);
    const r = outcome(() => replayTaskText(text));
    expect(r).toEqual(outcome(() => replayTask(parsed as AuditEvent[])));
    expect("issues" in r && r.issues).toContain("__proto__");
  });

  it("refuses what is not JSON text, in both languages", () => {
    for (const [bad, code] of [[42, "invalid-argument"], [null, "invalid-argument"], ["[{", "invalid-input"], ["", "invalid-input"]] as const) {
      for (const f of [() => replayTaskText(bad as string), () => loadTaskText(bad as string)]) {
        const e = (() => { try { f(); } catch (x) { return x; } return undefined; })() as ShuangsuijiError;
        expect(e).toBeInstanceOf(ShuangsuijiError);
        expect(e.code).toBe(code);
        expect(e.issues[0]!.rule).toBe("json-text");
        expect(e.issues[0]!.messageZh).toMatch(/JSON/);
      }
    }
  });

  it("the parsed trail is replay's own: the task handed out shares nothing the caller holds, and is frozen", () => {
    const t = run(withTeams, [{ kind: "start" }, { kind: "result", target: 0, outcome: "no-problem-found" }]);
    const r = replayTaskText(JSON.stringify(t.audit));
    expect(canonicalJson(r)).toBe(canonicalJson(t));
    expect(Object.isFrozen(r.audit[r.audit.length - 1]!.input)).toBe(true);
    expect(() => recordResult(r, recordFor(r, r.targetIds[1]!, ["no-problem-found"]), { on: "2026-04-15", actor: "p" })).not.toThrow();
  });
});
