// recordInspectorDraw re-runs the stage-2 draw first and skips re-hashing a record equal to the re-run, member for
// member (src/task/recordInspectorDraw.ts, docs/benchmarks.md round 6). Every other record has its digest checked as
// before: a record that differs from the re-run anywhere — digest kept (edited), or digest recomputed (forged) — is
// refused with the same rule as before the shortcut, on the live path and on replay.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ShuangsuijiError, drawInspectors, lockTargets, recordInspectorDraw, replayTask, type AuditEvent, type InspectorDrawRecord } from "../../src/index.js";
import { digestOf } from "../../src/draw/_shared/_encoding.js";
import { ON, drawnTask, stage2Input } from "./_scenario.js";

const locked = lockTargets(drawnTask(), { on: ON, actor: "信用监管科" }).task;
const drawInput = stage2Input();
const r = drawInspectors({ locked: locked.locked!, ...drawInput });
if (!r.ok) throw new Error(r.messageEn);
const record = r.record;
const opts = { on: "2026-04-02", actor: "各参与部门", drawInput };
const rule = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(ShuangsuijiError);
    return (e as ShuangsuijiError).issues[0]?.rule;
  }
};
type Path = (string | number)[];
function leaves(v: unknown, at: Path = []): Path[] {
  if (v === null || typeof v !== "object") return [at];
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, [...at, i]));
  return Object.keys(v).flatMap((k) => leaves((v as Record<string, unknown>)[k], [...at, k]));
}

describe("recordInspectorDraw: a record equal to the re-run is not re-hashed; any other is checked as before", () => {
  it("the drawn record is accepted, on the live path and on replay", () => {
    const t = recordInspectorDraw(locked, JSON.parse(JSON.stringify(record)) as InspectorDrawRecord, opts).task;
    expect(t.state).toBe("inspectors-drawn");
    expect(replayTask(JSON.parse(JSON.stringify(t.audit)) as AuditEvent[]).teams).toEqual(t.teams);
  });

  it("one value edited anywhere: refused with record-digest (digest kept) or by the re-run (digest recomputed)", () => {
    const paths = leaves(record).filter((p) => p[0] !== "digest");
    fc.assert(fc.property(fc.nat(paths.length - 1), fc.boolean(), (k, rehash) => {
      const copy = JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
      const p = paths[k]!;
      const o = p.slice(0, -1).reduce<unknown>((x, key) => (x as Record<string | number, unknown>)[key], copy) as Record<string | number, unknown>;
      const last = p[p.length - 1]!;
      const old = o[last];
      o[last] = typeof old === "string" ? `${old}·` : typeof old === "number" ? old + 1 : typeof old === "boolean" ? !old : "x";
      if (rehash) {
        const { digest: _, ...body } = copy;
        copy.digest = digestOf(body);
      }
      const got = rule(() => recordInspectorDraw(locked, copy as unknown as InspectorDrawRecord, opts));
      expect(got).toBeDefined();
      if (!rehash) expect(got).toBe("record-digest");
      else expect(got).not.toBe("record-digest");
    }), { seed: 1411, numRuns: 150 });
  });
});

describe("recordInspectorDraw: a forged record of the wrong shape, digest recomputed, is refused by field (never a TypeError)", () => {
  it("refuses leaders' targetIds, a department's teams or a member that is not what the schema says, on the live path and on replay", () => {
    const forge = (edit: (r: Record<string, unknown>) => void): InspectorDrawRecord => {
      const { digest: _d, ...body } = JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
      edit(body);
      return { ...body, digest: digestOf(body) } as unknown as InspectorDrawRecord;
    };
    const forged = [
      forge((b) => { (b.leaders as Record<string, unknown>[])[0]!.targetIds = "T1"; }),
      forge((b) => { (b.leaders as Record<string, unknown>[])[0]!.targetIds = { 0: "x" }; }),
      forge((b) => { (b.departments as Record<string, unknown>[])[0]!.teams = 7; }),
      forge((b) => { b.leaders = null; }),
    ];
    for (const f of forged) {
      let thrown: unknown;
      try {
        recordInspectorDraw(locked, f, opts);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(ShuangsuijiError);
      expect((thrown as ShuangsuijiError).code).toBe("invalid-input");
      expect((thrown as ShuangsuijiError).issues[0]!.path[0]).toBe("record");
    }
    // the same forgery inside a stored trail: replay refuses it (ShuangsuijiError), never rethrows a TypeError
    const t = recordInspectorDraw(locked, record, opts).task;
    const events = JSON.parse(JSON.stringify(t.audit)) as { input: unknown[] }[];
    events[events.length - 1]!.input[0] = forged[0];
    expect(() => replayTask(events as unknown as AuditEvent[])).toThrow(ShuangsuijiError);
  });
});
