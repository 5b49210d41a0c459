// The text entries of shuangsuiji/node (node:crypto's SHA-256) answer exactly as the core's (the library's kernel) and
// as replayTask / loadTask of JSON.parse of the text: the same task or the same refusal, on random valid trails and the
// same trails tampered with (a value edited with and without every digest recomputed, events removed, moved or cut off,
// members added, limits exceeded). A digest the native hasher got wrong would show as a refused honest trail or an
// accepted forged one.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadTask, loadTaskText as coreLoad, replayTask, replayTaskText as coreReplay, type AuditEvent } from "../../src/index.js";
import { loadTaskText, replayTaskText } from "../../src/node/index.js";
import { canonicalJson } from "../../src/draw/_shared/_encoding.js";
import { calendars, locked, outcome, run, sequence, tamperArb, tampered, withTeams } from "../task/_trails.js";

describe("shuangsuiji/node replayTaskText and loadTaskText", () => {
  it("answer as the core entries and as the value entries, on random valid and tampered trails", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(sequence, fc.boolean(), tamperArb, (ops, fromLocked, tamper) => {
        const t = run(fromLocked ? locked : withTeams, ops);
        const text = tampered(t.audit, tamper);
        const native = outcome(() => replayTaskText(text, { calendars }));
        expect(native).toEqual(outcome(() => coreReplay(text, { calendars })));
        expect(native).toEqual(outcome(() => replayTask(JSON.parse(text) as AuditEvent[], { calendars })));
        if (tamper.kind === "none") expect(native).toEqual({ ok: canonicalJson(t) });
        seen.add("ok" in native ? "ok" : native.code);
        const stored = JSON.stringify({ ...(JSON.parse(JSON.stringify(t)) as object), audit: JSON.parse(text) as unknown });
        const loaded = outcome(() => loadTaskText(stored, { calendars }));
        expect(loaded).toEqual(outcome(() => coreLoad(stored, { calendars })));
        expect(loaded).toEqual(outcome(() => loadTask(JSON.parse(stored), { calendars })));
      }),
      { seed: 1409, numRuns: 80 },
    );
    expect(seen).toEqual(new Set(["ok", "audit-trail-invalid", "invalid-input"]));
  });
});
