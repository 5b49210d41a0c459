// Random valid trails (the call sequences of events.test.ts) and one tampering of their JSON text, for the property
// tests of the text entries (test/task/replayText.test.ts, test/node/replayTaskText.test.ts).
import fc from "fast-check";
import {
  CN_CALENDAR, ShuangsuijiError, addAssistant, addCalendarYears, amendLockedList, completeInspection, correctPublishedResult, decideRecusalRequest,
  lockTargets, publishResults, recordResult, replaceInspector, startInspection,
  type AuditEvent, type TaskLifecycle,
} from "../../src/index.js";
import { isNegativeOutcome } from "../../src/codes/isNegativeOutcome.js";
import { INPUT_LIMITS } from "../../src/_internal/boundary.js";
import { canonicalJson, digestOf } from "../../src/draw/_shared/_encoding.js";
import { POOL, SCJG, WJW, drawnTask, recordFor, teamsTask } from "./_scenario.js";
import { publishAll } from "./_publish.js";

export type Op =
  | { kind: "amend"; pick: number }
  | { kind: "replace"; team: number; member: number; sub: number }
  | { kind: "recusal"; team: number; member: number; sub: number; granted: boolean }
  | { kind: "assistant"; team: number }
  | { kind: "start" }
  | { kind: "result"; target: number; outcome: "no-problem-found" | "information-not-published" }
  | { kind: "complete"; day: number; calendar: boolean }
  | { kind: "publish"; day: number }
  | { kind: "correct"; target: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("amend" as const), pick: fc.nat(11) }),
  fc.record({ kind: fc.constant("replace" as const), team: fc.nat(3), member: fc.nat(9), sub: fc.nat(12) }),
  fc.record({ kind: fc.constant("recusal" as const), team: fc.nat(3), member: fc.nat(9), sub: fc.nat(12), granted: fc.boolean() }),
  fc.record({ kind: fc.constant("assistant" as const), team: fc.nat(3) }),
  fc.constant({ kind: "start" as const }),
  fc.record({ kind: fc.constant("result" as const), target: fc.nat(5), outcome: fc.constantFrom("no-problem-found" as const, "information-not-published" as const) }),
  fc.record({ kind: fc.constant("complete" as const), day: fc.nat(40), calendar: fc.boolean() }),
  fc.record({ kind: fc.constant("publish" as const), day: fc.nat(40) }),
  fc.record({ kind: fc.constant("correct" as const), target: fc.nat(5) }),
);

/** A calendar other than the bundled one (a made-up 2031): events computed with it record it by digest. */
export const CUSTOM = addCalendarYears(CN_CALENDAR, [{ year: CN_CALENDAR.lastYear + 1, holidays: [], workdays: [] }]);
const day = (base: string, n: number) => new Date(Date.parse(`${base}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const dir = [...SCJG, ...WJW];
const approval = { name: "王局长", role: "principal-head" as const, on: "2026-04-05", departmentId: "SCJG" };

function apply(t: TaskLifecycle, op: Op): TaskLifecycle {
  const team = t.teams[("team" in op ? op.team : 0) % Math.max(1, t.teams.length)];
  switch (op.kind) {
    case "amend": {
      const id = POOL.map((u) => u.id)[op.pick % POOL.length]!;
      const on = t.targetIds.includes(id);
      return amendLockedList(t, { add: on ? [] : [id], remove: on ? [id] : [], reason: "核实", approval, on: "2026-04-05", actor: "p" }).task;
    }
    case "replace": {
      if (team === undefined) return t;
      const m = team.members[op.member % team.members.length]!;
      return replaceInspector(t, { targetId: team.targetIds[0]!, outgoingId: m.inspectorId, substituteId: dir[op.sub % dir.length]!.id, reason: "health", approval: { ...approval, departmentId: m.departmentId }, chosenBy: "部门", directory: dir, newLeaderId: dir[op.sub % dir.length]!.id, on: "2026-04-08", actor: "p" }).task;
    }
    case "recusal": {
      if (team === undefined) return t;
      const m = team.members[op.member % team.members.length]!;
      const sub = dir[op.sub % dir.length]!;
      return decideRecusalRequest(t, { targetId: team.targetIds[0]!, inspectorId: m.inspectorId, grounds: "申请", granted: op.granted, refusalReason: "无利害关系", decision: { ...approval, role: "department-head", departmentId: m.departmentId }, substitute: { substituteId: sub.id, chosenBy: "部门", directory: dir, newLeaderId: sub.id }, on: "2026-04-09", actor: "p" }).task;
    }
    case "assistant":
      return team === undefined ? t : addAssistant(t, { targetId: team.targetIds[0]!, assistant: { name: "赵工", kind: "expert" }, on: "2026-04-09", actor: "组长" }).task;
    case "start":
      return startInspection(t, { on: "2026-04-10", actor: "p" }).task;
    case "result":
      return recordResult(t, recordFor(t, t.targetIds[op.target % Math.max(1, t.targetIds.length)] ?? "none", [op.outcome]), { on: "2026-04-15", actor: "p", ...(isNegativeOutcome(op.outcome) ? { penaltyDecidedOn: "2026-04-20" } : {}) }).task;
    case "complete":
      return completeInspection(t, { completedOn: day("2026-05-01", op.day), actor: "p", ...(op.calendar ? { calendar: { calendar: CUSTOM } } : {}) }).task;
    case "publish":
      return publishAll(t, { publishedOn: day(t.completedOn ?? "2026-05-01", op.day), actor: "p" }).task;
    case "correct": {
      const id = t.records[op.target % Math.max(1, t.records.length)]?.target.targetId ?? "none";
      return correctPublishedResult(t, { record: recordFor(t, id, ["no-problem-found"]), reason: "异议属实", approval: { ...approval, on: "2026-12-01" }, objectionConfirmedOn: "2026-11-30", on: "2026-12-01", actor: "p", calendar: { calendar: CUSTOM } }).task;
    }
  }
}

/** Applies the ops, skipping refused ones (typed refusals only). */
export function run(start: TaskLifecycle, ops: readonly Op[]): TaskLifecycle {
  let t = start;
  for (const op of ops) {
    try {
      t = apply(t, op);
    } catch (e) {
      if (!(e instanceof ShuangsuijiError)) throw e;
    }
  }
  return t;
}

/** Ops that reach publication often: all results, then completion and publication, then anything. */
export const sequence = fc.tuple(fc.array(opArb, { maxLength: 8 }), fc.array(opArb, { maxLength: 8 })).map(([a, b]): Op[] => [
  ...a, { kind: "start" }, ...[0, 1, 2, 3, 4, 5].map((target): Op => ({ kind: "result", target, outcome: "no-problem-found" })),
  { kind: "complete", day: 3, calendar: a.length % 2 === 0 }, { kind: "publish", day: 5 }, ...b,
]);
export const calendars = [CUSTOM];
export const locked = lockTargets(drawnTask("chongqing"), { on: "2026-04-01", actor: "x" }).task;
export const withTeams = teamsTask("chongqing");

type Outcome = { ok: string } | { code: string; issues: string };
/** What an entry answers: the task (as canonical JSON) or its refusal (code and issues). */
export function outcome(f: () => TaskLifecycle): Outcome {
  try {
    return { ok: canonicalJson(f()) };
  } catch (e) {
    if (!(e instanceof ShuangsuijiError)) throw e;
    return { code: e.code, issues: JSON.stringify(e.issues) };
  }
}

function rechain(events: Record<string, unknown>[]): void {
  for (let i = 0; i < events.length; i++) {
    const { digest: _, ...body } = { ...events[i]!, prevDigest: i === 0 ? "0".repeat(64) : events[i - 1]!.digest } as Record<string, unknown>;
    events[i] = { ...body, digest: digestOf(body) };
  }
}

export type Path = (string | number)[];
/** Every path to a leaf (string, number, boolean, null) under `v`. */
export function leaves(v: unknown, at: Path = []): Path[] {
  if (v === null || typeof v !== "object") return [at];
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, [...at, i]));
  return Object.keys(v).flatMap((k) => leaves((v as Record<string, unknown>)[k], [...at, k]));
}
export const getAt = (v: unknown, p: Path): unknown => p.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], v);

export type Tamper =
  | { kind: "none" }
  | { kind: "edit"; event: number; leaf: number; rehash: boolean }
  | { kind: "remove" | "truncate"; event: number }
  | { kind: "swap"; event: number }
  | { kind: "member"; event: number; leaf: number; name: "__proto__" | "extra" | "$calendar"; rehash: boolean }
  | { kind: "deep"; event: number }
  | { kind: "long"; event: number };

export const tamperArb: fc.Arbitrary<Tamper> = fc.oneof(
  fc.constant({ kind: "none" as const }),
  fc.record({ kind: fc.constant("edit" as const), event: fc.nat(), leaf: fc.nat(), rehash: fc.boolean() }),
  fc.record({ kind: fc.constantFrom("remove" as const, "truncate" as const), event: fc.nat() }),
  fc.record({ kind: fc.constant("swap" as const), event: fc.nat() }),
  fc.record({ kind: fc.constant("member" as const), event: fc.nat(), leaf: fc.nat(), name: fc.constantFrom("__proto__" as const, "extra" as const, "$calendar" as const), rehash: fc.boolean() }),
  fc.record({ kind: fc.constant("deep" as const), event: fc.nat() }),
  fc.record({ kind: fc.constant("long" as const), event: fc.nat() }),
);

/** The trail's JSON text after one tampering, written as text (a `__proto__` member is an own member of the text). */
export function tampered(trail: readonly AuditEvent[], t: Tamper): string {
  const ev = JSON.parse(JSON.stringify(trail)) as Record<string, unknown>[];
  const at = "event" in t ? t.event % ev.length : 0;
  const marker = "\u0000MEMBER\u0000";
  switch (t.kind) {
    case "none":
      break;
    case "edit": {
      const ls = leaves(ev[at]).filter((p) => p[0] !== "digest" || !t.rehash);
      const p = ls[t.leaf % ls.length]!;
      const o = getAt(ev[at], p.slice(0, -1)) as Record<string | number, unknown>;
      const k = p[p.length - 1]!;
      const old = o[k];
      o[k] = typeof old === "string" ? `${old}·` : typeof old === "number" ? old + 1 : typeof old === "boolean" ? !old : "x";
      if (t.rehash) rechain(ev);
      break;
    }
    case "remove":
      ev.splice(at, 1);
      break;
    case "truncate":
      ev.length = Math.max(1, at);
      break;
    case "swap":
      if (at + 1 < ev.length) [ev[at], ev[at + 1]] = [ev[at + 1]!, ev[at]!];
      break;
    case "member": {
      // an object somewhere in the event (the event itself, or one under it) gets a member
      const objects = [[], ...leaves(ev[at]).map((p) => p.slice(0, -1))].filter((p) => { const o = getAt(ev[at], p); return o !== null && typeof o === "object" && !Array.isArray(o); });
      const o = getAt(ev[at], objects[t.leaf % objects.length]!) as Record<string, unknown>;
      o[marker] = t.name === "$calendar" ? "0".repeat(64) : { a: 1 };
      if (t.rehash) rechain(ev);
      return JSON.stringify(ev).replace(JSON.stringify(marker), JSON.stringify(t.name));
    }
    case "deep": {
      let v: unknown = 1;
      for (let i = 0; i < INPUT_LIMITS.maxDepth; i++) v = [v];
      (ev[at] as Record<string, unknown>).payload = v;
      break;
    }
    case "long":
      (ev[at] as Record<string, unknown>).actor = "检".repeat(INPUT_LIMITS.maxStringLength + 1);
      break;
  }
  return JSON.stringify(ev);
}

