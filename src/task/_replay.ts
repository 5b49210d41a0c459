import { CN_CALENDAR } from "../calendar/CN_CALENDAR.js";
import type { HolidayCalendar } from "../calendar/HolidayCalendar.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import type { AnchoredHead, AuditEvent, TransitionName } from "./AuditEvent.js";
import { TRANSITIONS } from "./AuditEvent.js";
import type { TaskLifecycle, Transition } from "./TaskLifecycle.js";
import type { AuditProblem } from "./verifyAuditTrail.js";
import { GENESIS, calendarDigest, eventsFrom, expecting, finalDraft, replaceObjects, replayRun } from "./_lifecycle.js";
import { invalid, isPlainObject, readPlain, requireInteger, type Path } from "../_internal/boundary.js";
import { isKnownCalendar } from "../calendar/_known.js";
import { sameJson, type TextDigest } from "./_digest.js";
import { isCalendarFree } from "./_plain.js";
import { addAssistant } from "./addAssistant.js";
import { amendLockedList } from "./amendLockedList.js";
import { completeInspection } from "./completeInspection.js";
import { correctPublishedResult } from "./correctPublishedResult.js";
import { decideRecusalRequest } from "./decideRecusalRequest.js";
import { lockTargets } from "./lockTargets.js";
import { publishResults } from "./publishResults.js";
import { recordIdentityShown } from "./recordIdentityShown.js";
import { recordAdvanceNotice } from "./recordAdvanceNotice.js";
import { recordInspectorDraw } from "./recordInspectorDraw.js";
import { recordPenaltyInfoCollected } from "./recordPenaltyInfoCollected.js";
import { recordResult } from "./recordResult.js";
import { recordTargetDraw } from "./recordTargetDraw.js";
import { replaceInspector } from "./replaceInspector.js";
import { startInspection } from "./startInspection.js";
import { startTask } from "./startTask.js";

type Call = (t: TaskLifecycle, ...args: never[]) => Transition;

/** Every transition replay can re-invoke, by the name its events record. */
const REGISTRY: { readonly [K in TransitionName]: Call } = {
  startTask: ((_t: TaskLifecycle, task: Parameters<typeof startTask>[0], options: Parameters<typeof startTask>[1]) => startTask(task, options)) as Call,
  recordTargetDraw: recordTargetDraw as Call,
  lockTargets: lockTargets as Call,
  amendLockedList: amendLockedList as Call,
  recordInspectorDraw: recordInspectorDraw as Call,
  replaceInspector: replaceInspector as Call,
  decideRecusalRequest: decideRecusalRequest as Call,
  addAssistant: addAssistant as Call,
  startInspection: startInspection as Call,
  recordIdentityShown: recordIdentityShown as Call,
  recordAdvanceNotice: recordAdvanceNotice as Call,
  recordResult: recordResult as Call,
  completeInspection: completeInspection as Call,
  publishResults: publishResults as Call,
  correctPublishedResult: correctPublishedResult as Call,
  recordPenaltyInfoCollected: recordPenaltyInfoCollected as Call,
};

/** One problem found in a trail or a stored task. */
export interface TrailProblem {
  /** The event concerned (its position in the trail), when one is. */
  readonly seq?: number;
  /** The stored field concerned, e.g. `records[12]`, when one is. */
  readonly field?: string;
  /** What is wrong. */
  readonly problem: string;
  /** The same, in Chinese. */
  readonly problemZh: string;
}

export interface ReplayOptions {
  readonly calendars?: readonly HolidayCalendar[];
  readonly anchors?: readonly AnchoredHead[];
}

export type ReplayOutcome = { readonly ok: true; readonly task: TaskLifecycle } | { readonly ok: false; readonly problems: readonly TrailProblem[] };

export { sameJson } from "./_digest.js";

const FIELDS = ["seq", "type", "on", "actor", "payload", "transition", "input", "prevDigest", "digest"] as const;

function decodeInput(input: readonly unknown[], calendars: ReadonlyMap<string, HolidayCalendar>, seq: number): unknown[] {
  const resolve = (o: Record<string, unknown>): unknown => {
    if (typeof o.$calendar !== "string") return undefined;
    const c = calendars.get(o.$calendar);
    if (c === undefined) {
      throw new ShuangsuijiError("audit-trail-invalid", [{
        path: ["events", seq, "input"], rule: "calendar-supplied", clause: "docs/persistence.md",
        messageZh: `第${seq}条事件引用的节假日日历（${o.$calendar.slice(0, 12)}…）未提供`,
        messageEn: `event ${seq} was computed with a holiday calendar (digest ${o.$calendar}) that was not supplied: pass it in options.calendars`,
      }]);
    }
    return c;
  };
  // an omitted trailing argument was recorded as null
  return input.map((x) => (x === null ? undefined : replaceObjects(x, resolve)));
}

/**
 * Replays a trail: re-invokes each event's transition with its recorded input and requires the event it appends to
 * be the stored one, field for field (hence digest for digest and link for link), with no member outside the event
 * schema. Stops at the first event that differs, naming it. O(total size of the events). `digest` is the SHA-256 the
 * events' digests are recomputed with (the library's kernel unless a Node-only entry passes node:crypto's) — a separate
 * parameter, never read from `options`, which come from the caller.
 */
export function replay(events: readonly AuditEvent[], options: ReplayOptions = {}, digest?: TextDigest): ReplayOutcome {
  if (!Array.isArray(events) || events.length === 0) return { ok: false, problems: [{ seq: 0, problem: "the trail is empty: it has no task-planned event", problemZh: "审计记录为空：没有任务计划事件" }] };
  const calendars = new Map<string, HolidayCalendar>([[calendarDigest(CN_CALENDAR), CN_CALENDAR]]);
  // the caller's calendars are read once, here, into plain copies (calendars this library built are used as they are):
  // no caller code (a Proxy's trap, a getter) runs inside the replay loop (hostile6b F2)
  const given = readPlain(options.calendars ?? [], ["options", "calendars"], { keep: isKnownCalendar }) as HolidayCalendar[];
  const anchors = readAnchors(options.anchors, ["options", "anchors"]);
  for (const c of given) calendars.set(calendarDigest(c), c);
  const token = replayRun(events, digest);
  let t = undefined as unknown as TaskLifecycle;
  let prev = GENESIS;
  // a trail copied by plainCopy with no `$calendar` member anywhere: decoding would return every input unchanged
  const decode = !isCalendarFree(events);
  for (let i = 0; i < events.length; ) {
    const e = events[i] as AuditEvent | undefined;
    const stop = (problem: string, problemZh: string): ReplayOutcome => ({ ok: false, problems: [{ seq: i, problem, problemZh }] });
    if (e === null || typeof e !== "object") return stop("not an event object", "不是审计事件对象");
    if (e.seq !== i) return stop(`sequence number ${String(e.seq)} at position ${i} (an event was removed, inserted or moved)`, `第${i}位的事件序号为${String(e.seq)}（事件被删除、插入或移动）`);
    if (e.prevDigest !== prev) return stop("the link to the previous event is broken (removed, inserted, reordered or edited)", "与上一条事件的链接断开（事件被删除、插入、调换或编辑）");
    if (!(TRANSITIONS as readonly unknown[]).includes(e.transition) || !Array.isArray(e.input)) return stop(`unknown transition ${JSON.stringify(e.transition)} or no recorded input`, "未知的转换函数或缺少所记录的输入");
    if ((i === 0) !== (e.transition === "startTask")) return i === 0 ? stop("the first event must be task-planned (startTask)", "第一条事件必须是任务计划（startTask）") : stop("startTask after the first event", "任务计划（startTask）只能是第一条事件");
    let result: Transition;
    try {
      const args = decode ? decodeInput(e.input, calendars, i) : e.input.map((x) => (x === null ? undefined : x));
      // the stored events are offered to advance (see expecting): what it appends equal to them shares their content
      result = expecting(token, () => (REGISTRY[e.transition] as (t: TaskLifecycle, ...a: unknown[]) => Transition)(t, ...args));
    } catch (err) {
      if (!(err instanceof ShuangsuijiError)) throw err;
      const issue = err.issues[0];
      return stop(`${e.transition} refuses the recorded input on replay (${issue?.rule ?? err.code}: ${issue?.messageEn ?? err.message})`, `重放时${e.transition}拒绝所记录的输入（${issue?.rule ?? err.code}：${issue?.messageZh ?? err.message}）`);
    }
    const produced = eventsFrom(result.task, i);
    for (let j = 0; j < produced.length; j++) {
      const p = produced[j] as AuditEvent;
      const s = events[i + j] as AuditEvent | undefined;
      if (s === undefined) return { ok: false, problems: [{ seq: i + j, problem: `the call of ${e.transition} at event ${i} appends ${produced.length} events; the trail ends before the last (truncated)`, problemZh: `第${i}条事件的${e.transition}调用追加${produced.length}条事件，记录在最后一条之前结束（被截断）` }] };
      // a member outside the event schema is covered by no digest: refused, as loadTask (AuditEventSchema) and
      // verifyAuditTrail refuse it, so what verifyTask calls ok is exactly what the replay produced (Chongqing 4)
      let extra: string | undefined;
      // own enumerable members, in order (for-in: no key array per event; an inherited member is not the event's)
      if (s !== null && typeof s === "object") for (const k in s) if (Object.hasOwn(s, k) && !(FIELDS as readonly string[]).includes(k)) { extra = k; break; }
      if (extra !== undefined) return { ok: false, problems: [{ seq: i + j, problem: `event ${i + j} (${String(s.type)}): member ${JSON.stringify(extra)} is not part of an audit event (covered by no digest: added, or forged)`, problemZh: `成员${JSON.stringify(extra)}不属于审计事件（不受任何摘要覆盖：被添加或伪造）` }] };
      const field = FIELDS.find((f) => !sameJson(p[f], s[f]));
      if (field !== undefined) {
        const what = field === "digest" ? "its digest does not match its content (edited)" : `its ${field} differs from what ${e.transition} appends on replay (edited, or forged)`;
        const whatZh = field === "digest" ? "事件内容与其摘要不符（被编辑）" : `其${field}与重放时${e.transition}追加的内容不同（被编辑或伪造）`;
        return { ok: false, problems: [{ seq: i + j, problem: `event ${i + j} (${String(s.type)}): ${what}`, problemZh: whatZh }] };
      }
    }
    t = result.task;
    prev = (produced[produced.length - 1] as AuditEvent).digest;
    i += produced.length;
  }
  const problems = anchorProblems(events, anchors);
  // the transitions advanced one working state in place (see draftOf in _lifecycle); the task handed out is frozen
  return problems.length > 0 ? { ok: false, problems } : { ok: true, task: finalDraft(t) };
}

/**
 * @internal A digest as printed on a notice: 64 hex digits in either case are the same digest (docs/persistence.md
 * "Anchoring the head"; as stage 1's announced digests, docs/spec-v1.md §10). Events store it in lower case.
 */
export function publishedDigest(d: string): string {
  return /^[0-9a-fA-F]{64}$/.test(d) ? d.toLowerCase() : d;
}

/**
 * @internal Published heads as a caller gives them (`anchors`, `from`), read once: a list of `{ seq, digest }` with
 * `seq` an integer from -1 and `digest` a string, else `invalid-input` naming the path (never a TypeError later).
 */
export function readAnchors(v: unknown, path: Path): readonly AnchoredHead[] {
  if (v === undefined) return [];
  const list = readPlain(v, path);
  if (!Array.isArray(list)) invalid(path, "expected a list of published heads", "应为已公布链头的列表", v);
  list.forEach((a, i) => readHead(a, [...path, i]));
  return list as AnchoredHead[];
}

/** @internal One published head `{ seq, digest }` (see {@link readAnchors}). */
export function readHead(v: unknown, path: Path): AnchoredHead {
  if (!isPlainObject(v) || typeof v["digest"] !== "string") invalid(path, "expected a published head { seq, digest }", "应为已公布的链头 { seq, digest }", v);
  requireInteger(v["seq"], [...path, "seq"], -1, Number.MAX_SAFE_INTEGER - 1);
  return v as unknown as AnchoredHead;
}

/** Published heads the trail must contain (anchors); events are at their own positions (a trail from genesis). */
export function anchorProblems(events: readonly AuditEvent[], anchors: readonly AnchoredHead[], offset = 0): AuditProblem[] {
  const out: AuditProblem[] = [];
  for (const a of anchors) {
    const e = events[a.seq - offset];
    if (e === undefined) out.push({ seq: a.seq, problem: `the published head ${a.seq} (${a.digest.slice(0, 12)}…) is missing: the trail ends at ${offset + events.length - 1} (truncated)`, problemZh: `缺少已公布的链头（第${a.seq}条事件，${a.digest.slice(0, 12)}…）：记录止于第${offset + events.length - 1}条（被截断）` });
    else if ((e as { digest?: unknown } | null)?.digest !== publishedDigest(a.digest)) out.push({ seq: a.seq, problem: `event ${a.seq} is not the published head (${a.digest.slice(0, 12)}…): the trail was rewritten`, problemZh: `第${a.seq}条事件不是已公布的链头（${a.digest.slice(0, 12)}…）：记录被改写` });
  }
  return out;
}
