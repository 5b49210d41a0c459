import { ShuangsuijiError, type ErrorCode } from "../errors/ShuangsuijiError.js";
import { parseCivilDate } from "../calendar/parseCivilDate.js";
import { validDate } from "./_civilDate.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { isPlainObject, readPlain } from "../_internal/boundary.js";
import { digestOf } from "../draw/_shared/_encoding.js";
import { adoptEqual, canonicalDigest, canonicalTextDigest, isStoredCanonical, storedCopy, textDigest, type TextDigest } from "./_digest.js";
import type { InspectionRecord } from "../model/inspectionRecord.js";
import type { AnchoredHead, AuditEvent, TransitionName } from "./AuditEvent.js";
import { TASK_STATES, type TaskLifecycle, type TaskState, type Transition } from "./TaskLifecycle.js";

export const GENESIS = "0".repeat(64);

export function refuse(code: ErrorCode, rule: string, clause: string, zh: string, en: string, path: (string | number)[] = [], value?: unknown): never {
  throw new ShuangsuijiError(code, [{ path, rule, clause, messageZh: zh, messageEn: en, ...(value === undefined ? {} : { value }) }]);
}

/** Refuses unless the task is in one of the given states. */
export function requireState(raw: TaskLifecycle, allowed: readonly TaskState[], step: string, clause: string): void {
  // A live task (made by this library's transitions, frozen, its provenance recorded) is read as is: O(1). Anything
  // else is refused below (coreOf) — but read once first, so a Proxy, getter or damaged value is refused by name
  // instead of throwing a foreign error here.
  const t = isLiveTask(raw) ? raw : (readPlain(raw, ["task"]) as TaskLifecycle);
  if (!isPlainObject(t) || t.kind !== "task-lifecycle") refuse("invalid-input", "task", "shuangsuiji task lifecycle", "不是任务状态对象", "not a task lifecycle object (use startTask)");
  if (typeof t.state !== "string") refuse("invalid-input", "task", "shuangsuiji task lifecycle", "不是任务状态对象", "not a task lifecycle object (use startTask)", ["state"]);
  // only a live task is accepted (startTask's empty task is live too, see emptyLiveTask): refused before any field is used
  if (!isLiveTask(raw)) refuseProvenance();
  if (!allowed.includes(t.state)) {
    refuse(
      "illegal-transition",
      `transition:${step}`,
      clause,
      `当前状态为“${t.state}”，不能执行“${step}”（允许的状态：${allowed.join("、")}）`,
      `cannot ${step} in state "${t.state}" (allowed from: ${allowed.join(", ")})`,
      ["state"],
      t.state,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Representation. A task version is a frozen object whose list fields are getters over append-only stores shared with
// the versions before it: appending a result or an event pushes onto the shared store (O(1)) and the new version sees
// one more element; older versions keep their own length and never see it. A list is materialised as a frozen array
// the first time a version's field is read (O(list), cached per version). Appending to a version that is not the
// newest of its line copies the store first (copy on branch), so every version stays immutable.
// ---------------------------------------------------------------------------------------------------------------

export const LIST_KEYS = ["targetDraws", "amendments", "targetIds", "teams", "replacements", "records", "corrections", "audit"] as const;
export type ListKey = (typeof LIST_KEYS)[number];
export type ItemOf<K extends ListKey> = TaskLifecycle[K][number];
type ScalarKey = Exclude<keyof TaskLifecycle, ListKey | "identityShown" | "advanceNotices">;
/** What `identityShown` holds for one target. */
export type Shown = NonNullable<TaskLifecycle["identityShown"]>[string];
/** What `advanceNotices` holds for one target. */
export type Notice = NonNullable<TaskLifecycle["advanceNotices"]>[string];
type Scalars = { readonly [K in ScalarKey]: TaskLifecycle[K] };

/**
 * An append-only store shared by successive versions, with an index from keys to first positions (and a second one,
 * `ids`, for the lists with a second key space: records by their own id).
 */
interface Log<T> {
  readonly store: T[];
  readonly index: Map<string, number>;
  readonly ids: Map<string, number>;
  indexed: number;
}
interface View<T> {
  readonly log: Log<T>;
  readonly length: number;
}
type Lists = { readonly [K in ListKey]: View<ItemOf<K>> };
/**
 * `identityShown`, a record keyed by target, kept as an append-only log of (target, value) entries shared like the
 * lists: recording one showing costs O(1), a lookup O(1) ({@link identityShownFor}); the record is materialised on read.
 */
interface ShownLog<V = Shown> {
  readonly store: { readonly key: string; readonly value: V }[];
  readonly at: Map<string, number[]>;
  indexed: number;
}
interface ShownView<V = Shown> {
  readonly log: ShownLog<V>;
  readonly length: number;
}
interface Core {
  readonly scalars: Scalars;
  readonly lists: Lists;
  readonly shown: ShownView;
  /** `advanceNotices`, kept like `identityShown` (one entry per target, O(1) to record and to look up). */
  readonly notices: ShownView<Notice>;
  readonly cache: { [K in ListKey]?: readonly ItemOf<K>[] } & { identityShown?: Readonly<Record<string, Shown>>; advanceNotices?: Readonly<Record<string, Notice>> };
  /** Set on replay's working state only (see {@link draftOf}): the one task object that reads it. */
  readonly draft?: TaskLifecycle;
}
/** Replay's working state: one core updated in place, event after event (see {@link draftOf}). */
type DraftCore = { -readonly [K in keyof Core]: Core[K] } & { scalars: Record<string, unknown>; lists: Record<string, View<unknown>>; draft: TaskLifecycle };

const emptyShown = <V = Shown>(): ShownView<V> => ({ log: { store: [], at: new Map(), indexed: 0 }, length: 0 });

function pushShown<V>(view: ShownView<V>, key: string, value: V): ShownView<V> {
  // as push(): share the store when newest of its line, otherwise copy it (a branch)
  const log = view.log.store.length === view.length ? view.log : { store: view.log.store.slice(0, view.length), at: new Map<string, number[]>(), indexed: 0 } as ShownLog<V>;
  // the value is plain data the transition built (dates, ids, texts): freezeData, not the generic deepFreeze and its
  // descriptor per member
  log.store.push(Object.freeze({ key, value: freezeData(value) }));
  return { log, length: view.length + 1 };
}

function shownAt<V>(view: ShownView<V>, key: string): V | undefined {
  const { log } = view;
  for (; log.indexed < log.store.length; log.indexed++) {
    const k = (log.store[log.indexed] as ShownLog<V>["store"][number]).key;
    const a = log.at.get(k);
    if (a === undefined) log.at.set(k, [log.indexed]);
    else a.push(log.indexed);
  }
  const a = log.at.get(key) ?? [];
  for (let i = a.length - 1; i >= 0; i--) if ((a[i] as number) < view.length) return (log.store[a[i] as number] as ShownLog<V>["store"][number]).value;
  return undefined;
}

function shownRecord(core: Core): Readonly<Record<string, Shown>> {
  if (core.cache.identityShown !== undefined) return core.cache.identityShown;
  const out: Record<string, Shown> = {};
  for (let i = 0; i < core.shown.length; i++) {
    const e = core.shown.log.store[i] as ShownLog["store"][number];
    out[e.key] = e.value;
  }
  core.cache.identityShown = Object.freeze(out);
  return core.cache.identityShown;
}

function noticeRecord(core: Core): Readonly<Record<string, Notice>> {
  if (core.cache.advanceNotices !== undefined) return core.cache.advanceNotices;
  const out: Record<string, Notice> = {};
  for (let i = 0; i < core.notices.length; i++) {
    const e = core.notices.log.store[i] as ShownLog<Notice>["store"][number];
    out[e.key] = e.value;
  }
  core.cache.advanceNotices = Object.freeze(out);
  return core.cache.advanceNotices;
}

/** Indexes `key` at position `at` unless an earlier element has it (positions are first positions). */
const first = (index: Map<string, number>, key: string, at: number): void => {
  if (!index.has(key)) index.set(key, at);
};

/**
 * How list elements are indexed, so that they are found in O(1): each element's keys entered straight into the log's
 * maps (no key array or joined key built per element, and a lookup by record id builds no key either).
 */
const INDEX: { readonly [K in ListKey]?: (log: Log<ItemOf<K>>, x: ItemOf<K>, at: number) => void } = {
  // a record under its target and, in the second map, under its own id
  records: (log, r, at) => {
    first(log.index, r.target.targetId, at);
    first(log.ids, r.id, at);
  },
  targetIds: (log, id, at) => first(log.index, id, at),
  teams: (log, team, at) => {
    for (const id of team.targetIds) first(log.index, id, at);
  },
  // 执法回避 replacements under "outgoing NUL target" (Chongqing 6.5: the outgoing inspector stays recused there)
  replacements: (log, r, at) => {
    if (r.reason === "recusal") for (const id of r.targetIds) first(log.index, `${r.outgoingId}\u0000${id}`, at);
  },
};

/**
 * The core of a live task, kept in a private class field stamped onto the frozen task object (a base constructor that
 * returns its argument lets a subclass's field initialiser install the field on any object): as unforgeable as a
 * WeakMap entry — no code outside this class can read, write or fake it, no reflection lists it — but read through an
 * inline-cached field instead of a hash lookup, and with no ephemeron table for the collector to trace (replay makes
 * one task version per event, almost all garbage at once).
 */
class Stamp {
  constructor(o: object) {
    return o;
  }
}
class Cores extends Stamp {
  readonly #core: Core;
  private constructor(o: object, core: Core) {
    super(o);
    this.#core = core;
  }
  /** Stamps `core` onto `o` (not yet frozen: a field cannot be added to a non-extensible object). */
  static set(o: object, core: Core): void {
    new Cores(o, core);
  }
  /** The core of a live task; `undefined` for anything else (a primitive, a Proxy, a copy, a forged object). */
  static get(o: unknown): Core | undefined {
    return typeof o === "object" && o !== null && #core in o ? (o as Cores).#core : undefined;
  }
  static has(o: unknown): boolean {
    return typeof o === "object" && o !== null && #core in o;
  }
}
const CORES = Cores;

const logOf = <T>(items: readonly T[]): View<T> => ({ log: { store: [...items], index: new Map(), ids: new Map(), indexed: 0 }, length: items.length });

function push<T>(view: View<T>, items: readonly T[]): View<T> {
  // newest of its line: share the store; otherwise copy it (a branch), so the other line never sees these items
  const log = view.log.store.length === view.length ? view.log : logOf(view.log.store.slice(0, view.length)).log;
  for (const x of items) log.store.push(x);
  return { log, length: view.length + items.length };
}

/**
 * Position in the view of the first element with key `k` (in the log's second key space with `byId`), or -1: O(1)
 * amortised — the elements appended since the last lookup are indexed first, each once per log.
 */
function positionOf<K extends ListKey>(view: View<ItemOf<K>>, key: K, k: string, byId = false): number {
  const { log } = view;
  const store = log.store;
  if (log.indexed < store.length) {
    const index = INDEX[key] as (log: Log<ItemOf<K>>, x: ItemOf<K>, at: number) => void;
    for (; log.indexed < store.length; log.indexed++) index(log, store[log.indexed] as ItemOf<K>, log.indexed);
  }
  const p = (byId ? log.ids : log.index).get(k);
  return p !== undefined && p < view.length ? p : -1;
}

function listOf<K extends ListKey>(core: Core, key: K): readonly ItemOf<K>[] {
  const cached = core.cache[key];
  if (cached !== undefined) return cached;
  const view = core.lists[key] as View<ItemOf<K>>;
  const out = Object.freeze(view.log.store.slice(0, view.length));
  (core.cache as Record<K, readonly ItemOf<K>[]>)[key] = out;
  return out;
}

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * Freezes an item a transition appends — validated plain data (zod output, or built by the transition), acyclic and of
 * bounded depth — and everything in it. `deepFreeze` does the same for any value (cycles, accessors, symbols) at
 * several times the cost; appending a result is on the path that must stay O(size of the event) and cheap.
 */
function freezeData<T>(v: T): T {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) freezeData(v[i]);
  } else {
    const o = v as Record<string, unknown>;
    for (const k in o) if (Object.hasOwn(o, k)) freezeData(o[k]);
  }
  return Object.freeze(v);
}

function makeTask(core: Core): TaskLifecycle {
  const s = core.scalars;
  const t: TaskLifecycle = {
    kind: "task-lifecycle",
    task: s.task,
    preset: s.preset,
    ...(s.rules === undefined ? {} : { rules: s.rules }),
    ...(s.items === undefined ? {} : { items: s.items }),
    state: s.state,
    get targetDraws() { return listOf(core, "targetDraws"); },
    ...(s.locked === undefined ? {} : { locked: s.locked }),
    get amendments() { return listOf(core, "amendments"); },
    get targetIds() { return listOf(core, "targetIds"); },
    ...(s.inspectorDraw === undefined ? {} : { inspectorDraw: s.inspectorDraw }),
    get teams() { return listOf(core, "teams"); },
    get replacements() { return listOf(core, "replacements"); },
    get records() { return listOf(core, "records"); },
    ...(s.completedOn === undefined ? {} : { completedOn: s.completedOn }),
    ...(s.publicationDeadline === undefined ? {} : { publicationDeadline: s.publicationDeadline }),
    ...(s.publishedOn === undefined ? {} : { publishedOn: s.publishedOn }),
    get corrections() { return listOf(core, "corrections"); },
    ...(s.inspectionStartedOn === undefined ? {} : { inspectionStartedOn: s.inspectionStartedOn }),
    ...(s.departmentPublications === undefined ? {} : { departmentPublications: s.departmentPublications }),
    ...(s.withheld === undefined ? {} : { withheld: s.withheld }),
    ...(s.penaltyInfo === undefined ? {} : { penaltyInfo: s.penaltyInfo }),
    get audit() { return listOf(core, "audit"); },
  };
  if (core.shown.length > 0) Object.defineProperty(t, "identityShown", { enumerable: true, get: () => shownRecord(core) });
  if (core.notices.length > 0) Object.defineProperty(t, "advanceNotices", { enumerable: true, get: () => noticeRecord(core) });
  // console.log / util.inspect show the values, not "[Getter]"
  Object.defineProperty(t, INSPECT, { value: () => plainTask(t) });
  CORES.set(t, core);
  return Object.freeze(t);
}

/**
 * Replay's working task. Replay applies thousands of events in a row and keeps only the last version, so instead of a
 * frozen version per event (an object, its getters, copies of the scalar and list tables — most of replay's garbage)
 * the transitions it re-invokes advance ONE private state in place: a core stamped like every live version (so every
 * transition accepts it and runs every rule on it, exactly as on a live task), read through getters. It never leaves
 * the library: replay hands out {@link finalDraft}'s frozen version, and only {@link advance} under {@link expecting}
 * (replay re-running a stored trail) makes or updates one. Every transition appends through `advance` as its last
 * step (decideRecusalRequest chains its two), so no transition reads the state it was given after updating it.
 */
function draftOf(core: Core): DraftCore {
  const d = {
    scalars: { ...core.scalars }, lists: { ...core.lists }, shown: core.shown, notices: core.notices, cache: {}, draft: undefined as unknown as TaskLifecycle,
  } as DraftCore;
  const t = {
    kind: "task-lifecycle",
    get task() { return d.scalars.task; },
    get preset() { return d.scalars.preset; },
    get rules() { return d.scalars.rules; },
    get items() { return d.scalars.items; },
    get state() { return d.scalars.state; },
    get targetDraws() { return listOf(d, "targetDraws"); },
    get locked() { return d.scalars.locked; },
    get amendments() { return listOf(d, "amendments"); },
    get targetIds() { return listOf(d, "targetIds"); },
    get inspectorDraw() { return d.scalars.inspectorDraw; },
    get teams() { return listOf(d, "teams"); },
    get replacements() { return listOf(d, "replacements"); },
    get records() { return listOf(d, "records"); },
    get completedOn() { return d.scalars.completedOn; },
    get publicationDeadline() { return d.scalars.publicationDeadline; },
    get publishedOn() { return d.scalars.publishedOn; },
    get corrections() { return listOf(d, "corrections"); },
    get inspectionStartedOn() { return d.scalars.inspectionStartedOn; },
    get departmentPublications() { return d.scalars.departmentPublications; },
    get withheld() { return d.scalars.withheld; },
    get penaltyInfo() { return d.scalars.penaltyInfo; },
    get audit() { return listOf(d, "audit"); },
    get identityShown() { return d.shown.length > 0 ? shownRecord(d) : undefined; },
    get advanceNotices() { return d.notices.length > 0 ? noticeRecord(d) : undefined; },
  } as unknown as TaskLifecycle;
  CORES.set(t, d);
  d.draft = Object.freeze(t);
  return d;
}

/** The frozen live version of replay's working task (the task itself when it is one already). */
export function finalDraft(t: TaskLifecycle): TaskLifecycle {
  const core = CORES.get(t);
  if (core?.draft === undefined) return t;
  return makeTask({ scalars: { ...core.scalars }, lists: { ...core.lists }, shown: core.shown, notices: core.notices, cache: {} });
}

/** A plain snapshot (data properties only) of a task: what JSON.stringify writes. */
export function plainTask(t: TaskLifecycle): TaskLifecycle {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(t)) out[k] = (t as unknown as Record<string, unknown>)[k];
  return out as unknown as TaskLifecycle;
}

function coreOf(t: TaskLifecycle): Core {
  const core = CORES.get(t);
  if (core !== undefined) return core;
  return refuseProvenance();
}

/**
 * The live empty task startTask appends its first event to (docs/persistence.md: only values made by the lifecycle
 * transitions are live). It is stamped like every other version, so no plain object is ever recognised by its shape;
 * it never leaves the library (startTask returns the version with the task-planned event).
 */
export function emptyLiveTask(t: TaskLifecycle): TaskLifecycle {
  const scalars: Record<string, unknown> = {};
  for (const k of Object.keys(t)) if (!(LIST_KEYS as readonly string[]).includes(k)) scalars[k] = (t as unknown as Record<string, unknown>)[k];
  const lists: Record<string, View<unknown>> = {};
  for (const k of LIST_KEYS) lists[k] = logOf(deepFreeze([...((t[k] as readonly unknown[] | undefined) ?? [])]));
  return makeTask({ scalars: deepFreeze(scalars) as unknown as Scalars, lists: lists as unknown as Lists, shown: emptyShown(), notices: emptyShown<Notice>(), cache: {} });
}

function refuseProvenance(): never {
  return refuse(
    "invalid-input",
    "task-provenance",
    "docs/persistence.md",
    "任务状态不是由本库的状态转换产生的（例如从数据库读出的 JSON），须先用 loadTask 校验并重放",
    "this task value was not produced by a lifecycle transition (e.g. JSON read from a database): load it with loadTask, which verifies it against its audit trail, or rebuild it with replayTask",
    [],
  );
}

/** Whether a value is a live task produced by the lifecycle functions of this copy of the library. */
export const isLiveTask = (t: unknown): boolean => typeof t === "object" && t !== null && CORES.has(t);

const APPEND: unique symbol = Symbol("append");
/** Items to append to a list field, in O(items) (see {@link advance}). */
export interface Appended<T> {
  readonly [APPEND]: readonly T[];
}
/** Appends to a list field without copying it: `advance(t, { records: appended(rec) }, ev)`. */
export const appended = <T>(...items: T[]): Appended<T> => ({ [APPEND]: items });

/** One target's entry of `identityShown` (see {@link advance}). */
export interface ShownChange {
  readonly targetId: string;
  readonly value: Shown;
}

/**
 * The changes a transition makes: new scalar values, whole new lists, items {@link appended} to a list, or one
 * target's `identityShown` entry.
 */
export type Changes = { readonly [K in ScalarKey]?: TaskLifecycle[K] } & { readonly [K in ListKey]?: readonly ItemOf<K>[] | Appended<ItemOf<K>> } & { readonly identityShown?: ShownChange; readonly advanceNotice?: { readonly targetId: string; readonly value: Notice } };

/** What a transition records in its event besides the chain fields. */
export interface EventDraft {
  readonly type: string;
  readonly on: string;
  readonly actor: string;
  readonly payload: Record<string, unknown>;
  /** The public transition function called: replay re-invokes it. */
  readonly transition: TransitionName;
  /** That call's arguments after the task, validated (see AuditEvent.input). */
  readonly input: readonly unknown[];
}

/**
 * One replay in progress (set by {@link expecting} for the duration of one transition call that replay makes). `events`
 * is the stored trail it is re-running: advance reads the stored event at the position it appends and, when that
 * event's payload or input equals (as JSON) what the call records, adopts the stored object ({@link adoptEqual}:
 * compared, checked canonical and frozen in one walk) instead of making a canonical copy of its own. The event appended
 * is the same JSON either way — replay still compares every field and its digest is computed from the content — so
 * this saves a copy per event, not a check: a forged stored value is simply not equal and not adopted.
 *
 * `draft` is this replay's own working state (draftOf), created by the first event it appends and updated in place
 * only by advances on it: a transition that caller code runs during a replay (a Proxy read inside a replayed call) on
 * a task of its own never takes the in-place path, so no value handed out is ever updated later (hostile6b F2).
 */
export interface ReplayRun {
  readonly events: readonly AuditEvent[];
  draft: DraftCore | undefined;
  /** The SHA-256 the events' digests are recomputed with: the library's kernel, or node:crypto's in shuangsuiji/node. */
  readonly digest: TextDigest;
}

let run: ReplayRun | undefined;

/** A new replay token for a stored trail (one per replay). */
export const replayRun = (events: readonly AuditEvent[], digest: TextDigest = textDigest): ReplayRun => ({ events, draft: undefined, digest });

/** Runs `call` (one transition re-invoked by replay) with the stored trail offered to {@link advance}. */
export function expecting<T>(r: ReplayRun, call: () => T): T {
  const outer = run;
  run = r;
  try {
    return call();
  } finally {
    run = outer;
  }
}

/**
 * Whether `t` is the working task of the replay in progress, i.e. the call is replay re-invoking a transition on its
 * own state with the recorded input (already one plain copy of the stored trail): its arguments are not copied again.
 */
export function isReplayWorkingTask(t: unknown): boolean {
  const r = run;
  return r !== undefined && r.draft !== undefined && typeof t === "object" && t !== null && CORES.get(t as TaskLifecycle) === r.draft;
}

/**
 * The canonical digest of a record a transition re-checks on replay's working state — `digestOf` of draw/_encoding for
 * the plain JSON data replay hands over (`canonicalDigest`: the same digest, test/task/digest.test.ts), taken by native
 * `JSON.stringify` over a record stored in canonical order and hashed with the replay's SHA-256; `digestOf` otherwise.
 */
export function recheckedDigest(t: TaskLifecycle, v: unknown): string {
  const r = run;
  return r !== undefined && isReplayWorkingTask(t) ? canonicalDigest(v, r.digest) : digestOf(v);
}

/** The swap that records a holiday calendar by reference (see encodeInput). */
const calendarRef = (o: Record<string, unknown>): unknown => (o.kind === "holiday-calendar" ? { $calendar: calendarDigest(o) } : undefined);

/**
 * The stored event's input, adopted (see {@link adoptEqual}) when it is the canonical copy of this call's recorded
 * input, with the arguments recorded as they are (no calendar inside) mapped to their stored copy; or `undefined`.
 */
function adoptedInput(stored: unknown, input: readonly unknown[]): { input: readonly unknown[]; shared: Map<unknown, unknown> } | undefined {
  if (!Array.isArray(stored) || stored.length !== input.length) return undefined;
  const shared = new Map<unknown, unknown>();
  for (let i = 0; i < input.length; i++) {
    const x = input[i] === undefined ? null : input[i];
    const r = adoptEqual(stored[i], x, calendarRef);
    if (r === 0) return undefined;
    if (r === 1 && x !== null && typeof x === "object") shared.set(x, stored[i]);
  }
  Object.freeze(stored);
  return { input: stored, shared };
}

/** A character that is neither white space nor a format character: what a named actor must contain. */
const VISIBLE = /[^\p{Cf}\s\u3000]/u;

/**
 * Appends an audit event and returns the new frozen task. Costs O(size of the event + size of the changes): lists
 * are shared with the previous version, never copied, unless a change replaces a whole list.
 */
export function advance(t: TaskLifecycle, changes: Changes, ev: EventDraft): Transition {
  // the event's date (parseCivilDate refuses it by name; the few dates of a trail are remembered once valid)
  if (!validDate(ev.on)) parseCivilDate(ev.on, "on");
  // every step names who acted, with a visible character (全过程留痕, Chongqing 4)
  if (typeof ev.actor !== "string" || !VISIBLE.test(ev.actor)) refuse("invalid-input", "actor-required", "Chongqing 4 (全过程留痕)", "须记录执行该步骤的单位或人员", "record who took this step (actor)", ["actor"], ev.actor);
  const core = coreOf(t);
  const audit = core.lists.audit;
  const prev = audit.length === 0 ? GENESIS : (audit.log.store[audit.length - 1] as AuditEvent).digest;
  // on replay the stored event at this position, when its content is what this call records, is adopted as is
  const at: unknown = run?.events[audit.length];
  const stored = at !== null && typeof at === "object" ? (at as AuditEvent) : undefined;
  const adoptedPayload = stored !== undefined && adoptEqual(stored.payload, ev.payload) !== 0;
  const payload = (adoptedPayload ? stored.payload : storedCopy(ev.payload)) as AuditEvent["payload"];
  // An item appended to a list that is also an argument of the call (recordResult's record) shares the event's frozen
  // copy of it instead of being frozen again: the task holds one copy of each record, not two.
  let adoptedArgs = stored === undefined ? undefined : adoptedInput(stored.input, ev.input);
  const adoptedArgsCanonical = adoptedArgs !== undefined;
  if (adoptedArgs === undefined) {
    const encoded = encodeInput(ev.input);
    const copy = storedCopy(encoded) as AuditEvent["input"];
    const shared = new Map<unknown, unknown>();
    for (let i = 0; i < encoded.length; i++) {
      const x = ev.input[i];
      if (x !== null && typeof x === "object" && encoded[i] === x) shared.set(x, copy[i]);
    }
    adoptedArgs = { input: copy, shared };
  }
  const { input, shared } = adoptedArgs as { input: AuditEvent["input"]; shared: Map<unknown, unknown> };
  // keys in canonical order, so the digest is the native JSON.stringify of the body; when the payload and the input are
  // known canonical (adopted on replay: adoptEqual checked them; or copies storedCopy made in canonical order) without
  // a walk to check them, and the other members are texts and a number
  const body = { actor: ev.actor, input, on: ev.on, payload, prevDigest: prev, seq: audit.length, transition: ev.transition, type: ev.type };
  const known = (adoptedPayload || isStoredCanonical(payload)) && (adoptedArgsCanonical || isStoredCanonical(input));
  const h = run?.digest ?? textDigest;
  const digest = known ? canonicalTextDigest(body, h) : canonicalDigest(body, h);
  const event: AuditEvent = Object.freeze({ seq: audit.length, type: ev.type, on: ev.on, actor: ev.actor, payload, transition: ev.transition, input, prevDigest: prev, digest });
  // on replay, one working state updated in place (draftOf); otherwise a new frozen version sharing the lists
  // only this replay's own state: its first event (on the empty task) creates it, later ones update it
  const r = run;
  const draft = r === undefined ? undefined : core.draft !== undefined ? (core === r.draft ? (core as DraftCore) : undefined) : r.draft === undefined && audit.length === 0 ? (r.draft = draftOf(core)) : undefined;
  const scalars: Record<string, unknown> = draft?.scalars ?? { ...core.scalars };
  const lists: Record<string, View<unknown>> = draft?.lists ?? { ...core.lists };
  let shown = core.shown;
  let notices = core.notices;
  for (const k in changes) {
    if (!Object.hasOwn(changes, k)) continue;
    const v = (changes as Record<string, unknown>)[k];
    if (k === "advanceNotice") {
      const c = v as { targetId: string; value: Notice };
      notices = pushShown(notices, c.targetId, c.value);
      continue;
    }
    if (k === "identityShown") {
      const c = v as ShownChange;
      shown = pushShown(shown, c.targetId, c.value);
      continue;
    }
    if (!(LIST_KEYS as readonly string[]).includes(k)) {
      // an argument of the call whose stored copy is itself (replay adopted the stored argument it passed: compared,
      // checked canonical and frozen to the leaves by the adoption walk) is not walked again: recordInspectorDraw's
      // record on a 5×10⁴-target task
      scalars[k] = v !== null && typeof v === "object" && shared.get(v) === v ? v : freezeData(v);
      continue;
    }
    const view = lists[k] as View<unknown>;
    const add = (v as Partial<Appended<unknown>>)[APPEND];
    lists[k] = add === undefined ? logOf(freezeData([...(v as readonly unknown[])])) : push(view, add.map((x) => shared.get(x) ?? freezeData(x)));
  }
  lists.audit = push(lists.audit as View<unknown>, [event]);
  if (draft !== undefined) {
    draft.shown = shown;
    draft.notices = notices;
    draft.cache = {};
    return Object.freeze({ task: draft.draft, event });
  }
  const task = makeTask({ scalars: scalars as unknown as Scalars, lists: lists as unknown as Lists, shown, notices, cache: {} });
  return Object.freeze({ task, event });
}

/** The record of a target on the task, in O(1). */
export function recordOfTarget(t: TaskLifecycle, targetId: string): InspectionRecord | undefined {
  const view = coreOf(t).lists.records;
  const p = positionOf(view, "records", targetId);
  return p < 0 ? undefined : view.log.store[p];
}

/** When and by whom identity was shown at a target (`identityShown[targetId]`), in O(1). */
export const identityShownFor = (t: TaskLifecycle, targetId: string): Shown | undefined => shownAt(coreOf(t).shown, targetId);

/** The advance-notice step recorded for a target (`advanceNotices[targetId]`), in O(1). */
export const advanceNoticeFor = (t: TaskLifecycle, targetId: string): Notice | undefined => shownAt(coreOf(t).notices, targetId);

/** The record with a given id, in O(1). */
export function recordById(t: TaskLifecycle, recordId: string): InspectionRecord | undefined {
  const view = coreOf(t).lists.records;
  const p = positionOf(view, "records", recordId, true);
  return p < 0 ? undefined : view.log.store[p];
}

/** Whether the task has any replacement at all (when not, {@link wasRecusedBy} is false for everyone), in O(1). */
export const hasReplacements = (t: TaskLifecycle): boolean => coreOf(t).lists.replacements.length > 0;

/** Whether an earlier 执法回避 replacement took an inspector off a target, in O(1). */
export const wasRecusedBy = (t: TaskLifecycle, inspectorId: string, targetId: string): boolean =>
  positionOf(coreOf(t).lists.replacements, "replacements", `${inspectorId}\u0000${targetId}`) >= 0;

/** The latest event (`undefined` before the first), in O(1) for a live task. */
export function lastEventOf(t: TaskLifecycle): AuditEvent | undefined {
  const core = isLiveTask(t) ? coreOf(t) : undefined;
  if (core === undefined) return t.audit[t.audit.length - 1];
  const audit = core.lists.audit;
  return audit.length === 0 ? undefined : audit.log.store[audit.length - 1];
}

/** The first event (startTask's), in O(1) for a live task. */
export function firstEventOf(t: TaskLifecycle): AuditEvent | undefined {
  const core = isLiveTask(t) ? coreOf(t) : undefined;
  if (core === undefined) return t.audit[0];
  const audit = core.lists.audit;
  return audit.length === 0 ? undefined : audit.log.store[0];
}

/** Whether a target is on the list in force, in O(1). */
export const isOnList = (t: TaskLifecycle, targetId: string): boolean => positionOf(coreOf(t).lists.targetIds, "targetIds", targetId) >= 0;

/** Position in `t.teams` of the team inspecting a target (-1 when none), in O(1). */
export const teamIndexOf = (t: TaskLifecycle, targetId: string): number => positionOf(coreOf(t).lists.teams, "teams", targetId);

/** The team inspecting a target, in O(1). */
export function teamOfTarget(t: TaskLifecycle, targetId: string): TaskLifecycle["teams"][number] | undefined {
  const view = coreOf(t).lists.teams;
  const p = positionOf(view, "teams", targetId);
  return p < 0 ? undefined : view.log.store[p];
}

/** The latest event's sequence number and digest (`undefined` before the first event), in O(1). */
export function headOf(t: TaskLifecycle): AnchoredHead | undefined {
  if (!isLiveTask(t)) {
    // a stored (plain) value: read its last event
    const e = t.audit[t.audit.length - 1];
    return e === undefined ? undefined : Object.freeze({ seq: e.seq, digest: e.digest });
  }
  const audit = coreOf(t).lists.audit;
  const last = audit.log.store[audit.length - 1];
  return audit.length === 0 || last === undefined ? undefined : Object.freeze({ seq: last.seq, digest: last.digest });
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs as recorded: plain JSON data, copied (the caller's objects are never frozen or kept), holiday calendars by
// reference to their digest so a result event does not carry a whole calendar.
// ---------------------------------------------------------------------------------------------------------------

const CALENDAR_DIGESTS = new WeakMap<object, string>();

/** The digest a holiday calendar is recorded under. */
export function calendarDigest(calendar: object): string {
  let d = CALENDAR_DIGESTS.get(calendar);
  if (d === undefined) {
    d = digestOf(calendar);
    CALENDAR_DIGESTS.set(calendar, d);
  }
  return d;
}

/**
 * Copy on write: `swap` may return a replacement for an object (or `undefined` to descend into it); only the paths to
 * replaced objects are copied. Used to record calendars by reference and to resolve them on replay.
 */
export function replaceObjects(v: unknown, swap: (o: Record<string, unknown>) => unknown): unknown {
  if (v === null || typeof v !== "object") {
    if (typeof v === "function" || typeof v === "symbol" || typeof v === "bigint") {
      refuse("invalid-input", "input-storable", "docs/persistence.md", "输入含有不能记录的值", "the input holds a value that cannot be recorded as JSON", [], String(v));
    }
    return v;
  }
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const w = replaceObjects(v[i], swap);
      if (w !== v[i]) (out ??= [...v])[i] = w;
    }
    return out ?? v;
  }
  const o = v as Record<string, unknown>;
  const replaced = swap(o);
  if (replaced !== undefined) return replaced;
  let out: Record<string, unknown> | undefined;
  for (const k in o) {
    const w = replaceObjects(o[k], swap);
    if (w !== o[k]) (out ??= { ...o })[k] = w;
  }
  return out ?? o;
}

/** An omitted trailing argument is recorded as null (and replayed as undefined); calendars by digest. */
const encodeInput = (input: readonly unknown[]): readonly unknown[] => input.map((x) => (x === undefined ? null : replaceObjects(x, calendarRef)));

export const stateIndex = (s: TaskState) => TASK_STATES.indexOf(s);

/** The events a live task appended from position `from` on (O(events returned)). */
export function eventsFrom(t: TaskLifecycle, from: number): readonly AuditEvent[] {
  const audit = coreOf(t).lists.audit;
  return audit.log.store.slice(from, audit.length);
}

/**
 * The first event a transition appended (`undefined` when none), scanning from the start: O(events before it). Used for
 * the early, one-off steps (the stage-2 draw's inputs), never for results.
 */
export function firstEventBy(t: TaskLifecycle, transition: TransitionName): AuditEvent | undefined {
  const audit = coreOf(t).lists.audit;
  for (let i = 0; i < audit.length; i++) if (audit.log.store[i]!.transition === transition) return audit.log.store[i];
  return undefined;
}
