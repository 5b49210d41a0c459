import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  ShuangsuijiError, completeInspection,
  LIFECYCLE_PRESETS, loadTask, publicView, publishResults, recordIdentityShown, recordResult, replayTask, startInspection, verifyAuditTrail, verifyTask,
  AuditEventSchema, StoredTaskSchema, type AuditEvent, type TaskLifecycle,
} from "../../src/index.js";
import { canonicalDigest } from "../../src/task/_digest.js";
import { isValidCivilDate } from "../../src/calendar/isValidCivilDate.js";
import { canonicalJson, digestOf } from "../../src/draw/_shared/_encoding.js";
import { SCJG, WJW, recordFor, teamsTask } from "./_scenario.js";

// ---- random call sequences over the whole lifecycle -------------------------------------------------------------

// the random call sequences are shared with the text entries' property tests (test/task/_trails.ts)
import { CUSTOM, calendars, locked, run, sequence, withTeams, type Op } from "./_trails.js";
const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe("events are the source of truth: replay rebuilds the state", () => {
  it("for random call sequences, replay(events) equals the state, and the stored state verifies", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(sequence, fc.boolean(), (ops, fromLocked) => {
        const t = run(fromLocked ? locked : withTeams, ops);
        for (const e of t.audit) seen.add(e.type);
        const stored = json(t);
        // equal as data (key order aside: a replayed input is the stored, canonically ordered copy)
        expect(canonicalJson(replayTask(stored.audit, { calendars }))).toBe(canonicalJson(t));
        const v = verifyTask(stored, { calendars });
        expect(v.ok && canonicalJson(v.task)).toBe(canonicalJson(t));
        expect(StoredTaskSchema.safeParse(stored).success).toBe(true);
        for (const e of stored.audit) expect(AuditEventSchema.safeParse(e).success).toBe(true);
      }),
      { seed: 41, numRuns: 60 },
    );
    // the sequences exercise every kind of event, composite calls included
    for (const type of ["locked-list-amended", "inspector-replaced", "recusal-granted", "recusal-refused", "assistant-added", "result-recorded", "inspection-completed", "results-published", "result-corrected"]) {
      expect(seen.has(type), type).toBe(true);
    }
  });

  it("a JSON round trip, validated and continued, gives exactly what staying in memory gives", () => {
    fc.assert(
      fc.property(sequence, fc.nat(30), (ops, cut) => {
        const k = cut % (ops.length + 1);
        const inMemory = run(withTeams, ops);
        const reloaded = loadTask(json(run(withTeams, ops.slice(0, k))), { calendars });
        const continued = run(reloaded, ops.slice(k));
        expect(canonicalJson(continued)).toBe(canonicalJson(inMemory));
      }),
      { seed: 43, numRuns: 40 },
    );
  });

  it("a stored state edited without an event is caught, naming the field", () => {
    const t = json(run(withTeams, [{ kind: "start" }, { kind: "result", target: 0, outcome: "no-problem-found" }, { kind: "result", target: 1, outcome: "no-problem-found" }]));
    const edits: [string, (s: { -readonly [K in keyof TaskLifecycle]: unknown } & Record<string, unknown>) => void][] = [
      ["records[1]", (s) => { (s.records as { departments: { items: { outcomes: string[] }[] }[] }[])[1]!.departments[0]!.items[0]!.outcomes = ["non-compliant"]; }],
      ["records[2]", (s) => { (s.records as unknown[]).push((s.records as unknown[])[0]); }],
      ["teams[0]", (s) => { (s.teams as { leaderId: string }[])[0]!.leaderId = "SCJG-7"; }],
      ["targetIds[0]", (s) => { (s.targetIds as string[]).shift(); }],
      ["state", (s) => { s.state = "published"; }],
      ["publishedOn", (s) => { s.publishedOn = "2026-05-01"; }],
    ];
    for (const [field, edit] of edits) {
      const s = json(t) as unknown as Parameters<typeof edit>[0];
      edit(s);
      const v = verifyTask(s as unknown as TaskLifecycle);
      expect(v.ok, field).toBe(false);
      if (!v.ok) expect(v.problems.map((p) => p.field)).toContain(field);
      expect(() => loadTask(s)).toThrow(ShuangsuijiError);
    }
  });

  it("the legal rules' state (custom rules, identity shown, per-department publication, withheld records) replays and is verified", () => {
    // a county's own rules: Wolong's recorded identity step, the whole team signing (Chongqing 6.6)
    const rules = { ...LIFECYCLE_PRESETS.wolong, source: "某县实施细则", signatures: { who: "all-team-members" as const, clause: "Chongqing 6.6" }, publicationExemption: { allowed: true, clause: "某县实施细则 (依法不予公开的除外)" } };
    let t = startInspection(teamsTask(rules as never), { on: "2026-04-10", actor: "组" }).task;
    expect(t.preset).toBe("custom");
    for (const id of t.targetIds) {
      const team = t.teams.find((x) => x.targetIds.includes(id))!;
      t = recordIdentityShown(t, { targetId: id, inspectorIds: team.members.map((m) => m.inspectorId), on: "2026-04-15", actor: "组" }).task;
    }
    for (const id of t.targetIds) t = recordResult(t, recordFor(t, id), { on: "2026-04-16", actor: "组" }).task;
    t = completeInspection(t, { completedOn: "2026-04-20", actor: "组" }).task;
    const withheldId = t.records[0]!.id;
    t = publishResults(t, { publishedOn: "2026-04-21", actor: "SCJG", departmentId: "SCJG", withheld: [{ recordId: withheldId, reason: "涉及商业秘密", basis: "政府信息公开条例第15条" }] }).task;
    expect(t.state).toBe("results-recorded");
    const half = t;
    t = publishResults(t, { publishedOn: "2026-04-22", actor: "WJW", departmentId: "WJW" }).task;
    expect(t.state).toBe("published");
    expect(Object.keys(t.identityShown ?? {}).length).toBe(t.targetIds.length);
    // replay re-applies every input: the same state, new fields included; a reloaded half-published task continues alike
    const v = verifyTask(json(t));
    expect(v.ok && json(v.task)).toEqual(json(t));
    const continued = publishResults(loadTask(json(half)), { publishedOn: "2026-04-22", actor: "WJW", departmentId: "WJW" }).task;
    expect(json(continued)).toEqual(json(t));
    const edits: [string, (s: Record<string, unknown>) => void][] = [
      ["rules", (s) => { (s.rules as { identityShown: { required: boolean } }).identityShown.required = false; }],
      ["inspectionStartedOn", (s) => { s.inspectionStartedOn = "2026-04-01"; }],
      ["identityShown", (s) => { delete (s.identityShown as Record<string, unknown>)[t.targetIds[0]!]; }],
      ["departmentPublications", (s) => { (s.departmentPublications as Record<string, { late: boolean }>).WJW!.late = true; }],
      ["withheld", (s) => { s.withheld = []; }],
    ];
    for (const [field, edit] of edits) {
      const s = json(t) as unknown as Record<string, unknown>;
      edit(s);
      const w = verifyTask(s as unknown as TaskLifecycle);
      expect(w.ok, field).toBe(false);
      if (!w.ok) expect(w.problems.map((p) => p.field)).toContain(field);
    }
    // and a forged input in the trail (identity shown by someone else) is caught by replay, naming the event
    const forged = json(t) as unknown as { audit: { transition: string; input: { inspectorIds: string[] }[] }[] };
    const at = forged.audit.findIndex((e) => e.transition === "recordIdentityShown");
    forged.audit[at]!.input[0]!.inspectorIds = ["SCJG-7"];
    const r = verifyTask(forged as unknown as TaskLifecycle);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.seq).toBe(at);
  });

  it("transitions refuse a plain value that was not loaded (a forged or unverified state is never continued)", () => {
    const t = run(withTeams, [{ kind: "start" }]);
    const forged = { ...json(t), records: [] };
    try {
      recordResult(forged as TaskLifecycle, recordFor(t, t.targetIds[0]!), { on: "2026-04-15", actor: "p" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ShuangsuijiError);
      expect((e as ShuangsuijiError).issues[0]?.rule).toBe("task-provenance");
    }
    expect(() => recordResult(loadTask(json(t)), recordFor(t, t.targetIds[0]!), { on: "2026-04-15", actor: "p" })).not.toThrow();
  });

  it("a calendar other than the bundled one is recorded by digest; replay needs it", () => {
    const t = run(withTeams, [{ kind: "start" }, ...[0, 1, 2].map((target): Op => ({ kind: "result", target, outcome: "no-problem-found" })), { kind: "complete", day: 0, calendar: true }]);
    const e = t.audit[t.audit.length - 1]!;
    expect(e.input).toEqual([{ completedOn: "2026-05-01", actor: "p", calendar: { calendar: { $calendar: digestOf(CUSTOM) } } }]);
    expect(() => replayTask(json(t.audit))).toThrow(/calendar/);
    expect(replayTask(json(t.audit), { calendars }).publicationDeadline).toEqual(t.publicationDeadline);
  });
});

// ---- tampering ------------------------------------------------------------------------------------------------

/** Recomputes every digest and link from `from` on, as a forger with write access to the store would. */
function rechain(events: AuditEvent[], renumber = true): AuditEvent[] {
  const out = events.map((e) => ({ ...e }));
  for (let i = 0; i < out.length; i++) {
    const { digest: _, ...body } = { ...out[i]!, ...(renumber ? { seq: i } : {}), prevDigest: i === 0 ? "0".repeat(64) : out[i - 1]!.digest };
    out[i] = { ...body, digest: digestOf(body) };
  }
  return out;
}

describe("tampering with a stored trail is detected", () => {
  const t = run(withTeams, [{ kind: "start" }, { kind: "recusal", team: 0, member: 1, sub: 6, granted: true }, ...[0, 1, 2].map((target): Op => ({ kind: "result", target, outcome: "no-problem-found" })), { kind: "complete", day: 1, calendar: false }, { kind: "publish", day: 2 }]);
  const events: AuditEvent[] = json([...t.audit]);
  const head = publicView(t).head!;
  const n = events.length;
  const refused = (trail: AuditEvent[], anchored: boolean) => {
    try {
      replayTask(trail, anchored ? { anchors: [head] } : {});
      return false;
    } catch (e) {
      expect((e as ShuangsuijiError).code).toBe("audit-trail-invalid");
      return true;
    }
  };
  const editArb = fc.record({
    i: fc.nat(n - 1),
    field: fc.constantFrom("type", "on", "actor", "payload", "transition", "input", "seq"),
    value: fc.oneof(fc.string(), fc.integer(), fc.constant("2026-05-02")),
  });
  const edit = (e: AuditEvent, field: string, value: unknown): AuditEvent => {
    const v: Record<string, unknown> = { ...e };
    if (field === "payload") v.payload = { ...e.payload, x: value };
    else if (field === "input") v.input = [...e.input, value];
    else if (field === "transition") v.transition = e.transition === "recordResult" ? "startInspection" : "recordResult";
    else v[field] = typeof e[field as keyof AuditEvent] === typeof value && e[field as keyof AuditEvent] !== value ? value : `${String(e[field as keyof AuditEvent])}·`;
    return v as unknown as AuditEvent;
  };
  /** The trail with one tampering applied; `undefined` when it would change nothing (a swap of an event with itself). */
  const tampered = (how: string, i: number, j: number, field: string, value: unknown): AuditEvent[] | undefined => {
    const trail = [...events];
    if (how === "edit") trail[i] = edit(events[i]!, field, value);
    if (how === "delete") trail.splice(i, 1);
    if (how === "insert") trail.splice(i, 0, { ...events[j]! });
    if (how === "swap") {
      if (i === j) return undefined;
      [trail[i], trail[j]] = [events[j]!, events[i]!];
    }
    if (how === "truncate") trail.splice(Math.max(1, i));
    return trail;
  };

  it("without the digests recomputed: every edit, deletion, insertion and reordering, by replay and by the chain", () => {
    expect(replayTask(events).state).toBe("published");
    fc.assert(
      fc.property(editArb, fc.nat(n - 1), fc.constantFrom("edit", "delete", "insert", "swap"), ({ i, field, value }, j, how) => {
        const trail = tampered(how, i, j, field, value);
        if (trail === undefined) return;
        const truncation = how === "delete" && i === n - 1;
        // cutting the last event leaves a valid shorter trail: only the published head tells
        expect(refused(trail, false)).toBe(!truncation);
        expect(refused(trail, true)).toBe(true);
        if (!truncation) expect(verifyAuditTrail(trail).ok).toBe(false);
        expect(verifyAuditTrail(trail, { anchors: [head] }).ok).toBe(false);
      }),
      { seed: 47, numRuns: 300 },
    );
  });

  it("with every digest recomputed by the forger: an event that is not what its transition appends is caught by replay; anything is caught against the published head", () => {
    fc.assert(
      fc.property(editArb, fc.nat(n - 1), fc.constantFrom("edit", "delete", "insert", "swap", "truncate"), ({ i, field, value }, j, how) => {
        const trail = tampered(how, i, j, field, value);
        if (trail === undefined) return;
        const seqEdit = how === "edit" && field === "seq";
        const forged = rechain(trail, !seqEdit);
        // the chain alone cannot tell, unless the dates now go backwards or are not civil dates (docs/lifecycle.md:
        // verifyAuditTrail checks them; hostile5 F4b)
        const datesInOrder = forged.every((e, k) => isValidCivilDate(e.on) && (k === 0 || !(e.on < forged[k - 1]!.on)));
        if (!seqEdit) expect(verifyAuditTrail(forged).ok).toBe(datesInOrder);
        expect(refused(forged, true)).toBe(true);
        // payload, type, actor, date, transition and sequence come from the input: a lone edit of them never replays
        if (how === "edit" && field !== "input") expect(refused(forged, false)).toBe(true);
      }),
      { seed: 53, numRuns: 300 },
    );
  });

  it("the error names the event", () => {
    const trail = [...events];
    trail[4] = edit(events[4]!, "payload", "x");
    expect(() => replayTask(rechain(trail))).toThrow(/event 4 \(/);
  });
});

// ---- anchoring -----------------------------------------------------------------------------------------------

describe("anchoring the head (docs/persistence.md)", () => {
  const t = run(withTeams, [{ kind: "start" }, ...[0, 1, 2].map((target): Op => ({ kind: "result", target, outcome: "no-problem-found" })), { kind: "complete", day: 1, calendar: false }, { kind: "publish", day: 2 }]);
  it("the public view carries the head; the publication event carries the head it seals", () => {
    const last = t.audit[t.audit.length - 1]!;
    expect(publicView(t).head).toEqual({ seq: last.seq, digest: last.digest });
    expect(last.type).toBe("results-published");
    expect(last.payload.head).toEqual({ seq: last.seq - 1, digest: last.prevDigest });
    expect(publicView(json(t)).head).toEqual(publicView(t).head); // also for a stored value
  });
  it("later events prove they extend the published head, without the earlier events", () => {
    const head = publicView(t).head!;
    const corrected = run(t, [{ kind: "correct", target: 1 }, { kind: "correct", target: 2 }]);
    const later = corrected.audit.slice(head.seq + 1);
    expect(later).toHaveLength(2);
    expect(verifyAuditTrail(later, { from: head })).toMatchObject({ ok: true, head: { seq: head.seq + 2 } });
    expect(verifyAuditTrail(later, { from: { seq: head.seq, digest: "f".repeat(64) } }).ok).toBe(false);
    expect(verifyAuditTrail(later.slice(1), { from: head }).ok).toBe(false);
    // and the whole trail still contains the published head
    expect(verifyAuditTrail(corrected.audit, { anchors: [head] }).ok).toBe(true);
    expect(verifyTask(json(corrected), { anchors: [head], calendars }).ok).toBe(true);
  });
  it("a head copied from a printed notice in upper case is the same head (hostile8a F3); any other digest is not", () => {
    const head = publicView(t).head!;
    const upper = { seq: head.seq, digest: head.digest.toUpperCase() };
    const corrected = run(t, [{ kind: "correct", target: 1 }]);
    expect(verifyAuditTrail(corrected.audit, { anchors: [upper] }).ok).toBe(true);
    expect(verifyTask(json(corrected), { anchors: [upper], calendars }).ok).toBe(true);
    expect(replayTask(json(corrected.audit), { anchors: [upper], calendars }).audit).toHaveLength(corrected.audit.length);
    const later = corrected.audit.slice(head.seq + 1);
    expect(verifyAuditTrail(later, { from: upper })).toMatchObject({ ok: true, head: { seq: head.seq + 1 } });
    const other = { seq: head.seq, digest: `${head.digest.slice(0, 63).toUpperCase()}${head.digest[63] === "0" ? "1" : "0"}` };
    expect(verifyAuditTrail(corrected.audit, { anchors: [other] }).ok).toBe(false);
    expect(verifyAuditTrail(later, { from: other }).ok).toBe(false);
    expect(verifyAuditTrail(corrected.audit, { anchors: [{ seq: head.seq, digest: ` ${head.digest}` }] }).ok).toBe(false);
  });
});

// ---- representation --------------------------------------------------------------------------------------------

describe("values stay immutable while lists are shared", () => {
  const t0 = run(withTeams, [{ kind: "start" }]);
  const [a, b] = t0.targetIds as [string, string];
  it("older versions and branches never see each other's appends", () => {
    const t1 = recordResult(t0, recordFor(t0, a), { on: "2026-04-15", actor: "p" }).task;
    const t2 = recordResult(t1, recordFor(t1, b), { on: "2026-04-15", actor: "p" }).task;
    const branch = recordResult(t1, recordFor(t1, b, ["information-not-published"]), { on: "2026-04-16", actor: "q" }).task; // t1 is no longer the newest
    const again = recordResult(t0, recordFor(t0, b), { on: "2026-04-17", actor: "r" }).task;
    expect([t0.records.length, t1.records.length, t2.records.length, branch.records.length, again.records.length]).toEqual([0, 1, 2, 2, 1]);
    expect([t0.audit.length, t1.audit.length, t2.audit.length, branch.audit.length]).toEqual([t0.audit.length, t0.audit.length + 1, t0.audit.length + 2, t0.audit.length + 2]);
    expect(branch.records[1]!.departments[0]!.items[0]!.outcomes).toEqual(["information-not-published"]);
    expect(t2.records[1]!.departments[0]!.items[0]!.outcomes).toEqual(["no-problem-found"]);
    expect(again.records[0]!.target.targetId).toBe(b);
    for (const x of [t0, t1, t2, branch, again]) expect(verifyTask(json(x)).ok).toBe(true);
    // a branch's index is its own: b is recorded on `branch`, not on t1
    expect(() => recordResult(t1, recordFor(t1, b), { on: "2026-04-15", actor: "p" })).not.toThrow();
    expect(() => recordResult(branch, recordFor(branch, b), { on: "2026-04-15", actor: "p" })).toThrow(ShuangsuijiError);
  });
  it("tasks, lists, elements and events are frozen", () => {
    const t1 = recordResult(t0, recordFor(t0, a), { on: "2026-04-15", actor: "p" }).task;
    for (const v of [t1, t1.records, t1.records[0], t1.records[0]!.target, t1.audit, t1.audit[0], t1.audit.at(-1)!.input, t1.audit.at(-1)!.payload, t1.teams]) {
      expect(Object.isFrozen(v)).toBe(true);
    }
    expect(() => { (t1.records as unknown[]).push(1); }).toThrow(TypeError);
    expect(() => { (t1 as { state: string }).state = "published"; }).toThrow(TypeError);
  });
  it("the caller's input objects are copied, not frozen or kept", () => {
    const form = recordFor(t0, a);
    const options = { on: "2026-04-15", actor: "p" };
    const r = recordResult(t0, form, options);
    expect(Object.isFrozen(form) || Object.isFrozen(options)).toBe(false);
    options.actor = "changed";
    expect(r.event.input[1]).toEqual({ on: "2026-04-15", actor: "p" });
    expect(replayTask(json(r.task.audit)).records).toHaveLength(1);
  });
});

describe("event digests", () => {
  it("the fast canonical digest equals digestOf on any JSON value", () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => { expect(canonicalDigest(v)).toBe(digestOf(v)); }), { seed: 59, numRuns: 500 });
    expect(canonicalDigest({ b: 1, a: { "10": 1, "2": [1, { y: 1, x: null }] } })).toBe(digestOf({ a: { "2": [1, { x: null, y: 1 }], "10": 1 }, b: 1 }));
  });
});

describe("the shipped JSON Schemas of a stored task and of an event", () => {
  it("accept stored tasks and events, and refuse malformed ones", async () => {
    const { buildJsonSchemas } = await import("../../scripts/build-schemas.js");
    const { Ajv2020 } = await import("ajv/dist/2020.js");
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
    const schemas = buildJsonSchemas();
    const task = ajv.compile(schemas.StoredTask as object);
    const event = ajv.compile(schemas.AuditEvent as object);
    const t = json(run(withTeams, [{ kind: "start" }, ...[0, 1, 2].map((target): Op => ({ kind: "result", target, outcome: "no-problem-found" })), { kind: "complete", day: 1, calendar: false }, { kind: "publish", day: 2 }, { kind: "correct", target: 0 }]));
    expect(task(t), JSON.stringify(task.errors)).toBe(true);
    for (const e of t.audit) expect(event(e), JSON.stringify(event.errors)).toBe(true);
    expect(event({ ...t.audit[0], digest: "X" })).toBe(false);
    expect(event({ ...t.audit[0], extra: 1 })).toBe(false); // a member outside the digest could carry anything
    expect(event({ ...t.audit[0], transition: "deleteEverything" })).toBe(false);
    expect(task({ ...t, audit: [] })).toBe(false);
    expect(task({ ...t, records: [{ id: "R" }] })).toBe(false);
  });
});

describe("the boundary copy of a stored trail (fast path) refuses what readPlain refuses, naming the path", () => {
  it("a getter, a Proxy, a BigInt or a hole inside an event is invalid-input at its path; the plain trail replays", async () => {
    const { replayTask, verifyAuditTrail, verifyTask, ShuangsuijiError } = await import("../../src/index.js");
    const t = teamsTask();
    const plain = JSON.parse(JSON.stringify(t.audit)) as unknown[];
    expect(replayTask(plain as never).state).toBe(t.state);
    const withGetter = JSON.parse(JSON.stringify(t.audit)) as Record<string, unknown>[];
    Object.defineProperty(withGetter[1]!, "actor", { enumerable: true, get: () => "x" });
    const proxied = JSON.parse(JSON.stringify(t.audit)) as unknown[];
    proxied[2] = new Proxy(proxied[2] as object, { getOwnPropertyDescriptor: () => { throw new Error("trap"); } });
    const big = JSON.parse(JSON.stringify(t.audit)) as Record<string, unknown>[];
    big[0]!.seq = 0n;
    const holes = JSON.parse(JSON.stringify(t.audit)) as unknown[];
    holes.length += 1;
    for (const [bad, path] of [[withGetter, ["events", 1, "actor"]], [proxied, ["events", 2]], [big, ["events", 0, "seq"]], [holes, ["events", holes.length - 1]]] as const) {
      for (const f of [() => replayTask(bad as never), () => verifyAuditTrail(bad as never), () => verifyTask({ ...JSON.parse(JSON.stringify(t)), audit: bad } as never)]) {
        let e: unknown;
        try {
          f();
        } catch (x) {
          e = x;
        }
        expect(e).toBeInstanceOf(ShuangsuijiError);
        expect((e as InstanceType<typeof ShuangsuijiError>).code).toBe("invalid-input");
        // replayTask and verifyAuditTrail name ["events", …], verifyTask ["task", "audit", …]
        expect((e as InstanceType<typeof ShuangsuijiError>).issues[0]?.path.slice(-(path.length - 1))).toEqual(path.slice(1));
      }
    }
  });
});

describe("the documented value limit counts per element of a trail, not for the whole trail", () => {
  it("200,000 small events pass the boundary; one event over the limit is refused at its path; a getter in the last is named", async () => {
    const { plainCopy } = await import("../../src/task/_plain.js");
    const { ShuangsuijiError } = await import("../../src/index.js");
    const many = Array.from({ length: 200_000 }, (_, i) => ({ seq: i, input: [1, 2, 3, { a: "x" }] }));
    expect((plainCopy(many, ["events"]) as unknown[]).length).toBe(200_000);
    const refusedAt = (v: unknown) => {
      try {
        plainCopy(v, ["events"]);
      } catch (e) {
        if (e instanceof ShuangsuijiError) return [e.issues[0]?.rule, e.issues[0]?.path];
        throw e;
      }
      return undefined;
    };
    expect(refusedAt([{ a: new Array(5_000_001).fill(0) }])).toEqual(["input-limit", ["events", 0, "a"]]);
    expect(refusedAt([...many, Object.defineProperty({}, "x", { enumerable: true, get: () => 1 })])).toEqual(["input-shape", ["events", 200_000, "x"]]);
  });
});

describe("published heads given wrongly are misuse, named by path (replay read them unchecked)", () => {
  const t = run(withTeams, [{ kind: "start" }]);
  it("replayTask / verifyTask / verifyAuditTrail refuse anchors that are not a list of { seq, digest }", () => {
    for (const anchors of [{ seq: 0, digest: "x" }, "head", [null], [{ seq: "1", digest: "x" }], [{ seq: 0 }]]) {
      for (const call of [() => replayTask(json(t.audit), { anchors: anchors as never, calendars }), () => verifyAuditTrail(t.audit, { anchors: anchors as never })]) {
        let error: unknown;
        try {
          call();
        } catch (e) {
          error = e;
        }
        expect(error, JSON.stringify(anchors)).toBeInstanceOf(ShuangsuijiError);
        expect((error as ShuangsuijiError).issues[0]!.path.slice(0, 2)).toEqual(["options", "anchors"]);
      }
    }
  });
});
