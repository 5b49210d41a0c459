import { isLiveTask } from "./_lifecycle.js";
import { plainCopy, storedEquals } from "./_plain.js";
import type { AnchoredHead } from "./AuditEvent.js";
import type { TaskLifecycle } from "./TaskLifecycle.js";
import { LIST_KEYS, headOf, plainTask } from "./_lifecycle.js";
import { replay, sameJson, type TrailProblem } from "./_replay.js";
import type { ReplayTaskOptions } from "./replayTask.js";
import type { TextDigest } from "./_digest.js";

/**
 * Result of {@link verifyTask}: the live task rebuilt from the trail, or every field of the stored state that
 * differs from it.
 *
 * @category Task
 */
export type TaskVerification =
  | { readonly ok: true; readonly task: TaskLifecycle; readonly head: AnchoredHead }
  | { readonly ok: false; readonly problems: readonly { readonly seq?: number; readonly field?: string; readonly problem: string; readonly problemZh: string }[] };

/**
 * Checks that a stored task state is the one its own audit trail describes: replays the trail ({@link replayTask})
 * and compares every field — records, teams, the list in force, amendments, corrections, dates — with the stored
 * value. Editing `records` (or anything else) in a database without a matching event is caught here, naming the
 * field; editing the trail is caught by the replay, naming the event. With `anchors`, a trail cut back before a
 * published head is caught too. Accepts a live task or a plain value (e.g. `JSON.parse` of a stored one).
 *
 * @param raw - The task (live, or stored JSON with its audit trail).
 * @param options - The holiday `calendars` and trusted `anchors` the replay needs.
 * @returns `{ ok: true, task, head }`, or `{ ok: false, problems }` — a trail that does not replay or a state that
 *   differs from it is a result, not an error.
 * @throws {@link ShuangsuijiError} `invalid-input` when `raw` cannot be read as plain data (a Proxy, a getter that
 *   throws, nesting past the input limits).
 * @category Task
 * @example
 * ```ts
 * import { verifyTask, type TaskLifecycle } from "shuangsuiji";
 * declare const stored: string; // JSON.stringify(task), kept in a database
 * const v = verifyTask(JSON.parse(stored) as TaskLifecycle);
 * if (!v.ok) console.log(v.problems[0]?.field, v.problems[0]?.problem);
 * ```
 */
export function verifyTask(raw: TaskLifecycle, options: ReplayTaskOptions = {}): TaskVerification {
  return verifyStored(raw, options);
}

/**
 * {@link verifyTask}'s body. `pre` is what loadTask already made of `raw` — `plainCopy(raw, [root], (k) => k !== "audit")`,
 * the trail copied, the other fields passed through — so it is not made twice; `root` names the value in errors;
 * `digest` the SHA-256 replay recomputes digests with (see replay). @internal
 */
export function verifyStored(raw: TaskLifecycle, options: ReplayTaskOptions, pre?: { readonly copy: TaskLifecycle; readonly root: string }, digest?: TextDigest): TaskVerification {
  // A live task is read as is. Anything else: the trail is copied once as plain data (replay keeps that copy), and the
  // other fields — the records and lists, as large as the trail — are compared with the replay where they lie, through
  // data descriptors (a getter is never run), instead of being copied first. Only when something differs (or is not
  // plain data) is the whole value copied, which refuses what is not plain by path, and the differences named.
  const live = pre === undefined && isLiveTask(raw);
  const root = pre?.root ?? "task";
  let task = live ? raw : (pre?.copy ?? (plainCopy(raw, [root], (k) => k !== "audit") as TaskLifecycle));
  if (task === null || typeof task !== "object" || task.kind !== "task-lifecycle" || !Array.isArray(task.audit)) {
    return { ok: false, problems: [{ problem: "not a stored task lifecycle (kind task-lifecycle with an audit array)", problemZh: "不是存储的任务生命周期（应为 kind task-lifecycle 且带 audit 数组）" }] };
  }
  const r = replay(task.audit, options, digest);
  if (!r.ok) return { ok: false, problems: r.problems };
  const expected = plainTask(r.task) as unknown as Record<string, unknown>;
  if (!live) {
    // equal as stored (storedEquals is sameJson read through data descriptors): nothing differs, no second walk to name it
    if (storedMatches({ ...task, audit: undefined }, { ...expected, audit: undefined })) return { ok: true, task: r.task, head: headOf(r.task) as AnchoredHead };
    task = plainCopy(raw, [root]) as TaskLifecycle;
  }
  const stored = task as unknown as Record<string, unknown>;
  const problems: TrailProblem[] = [];
  for (const k of new Set([...Object.keys(expected), ...Object.keys(stored)])) {
    if (k === "audit" || sameJson(stored[k], expected[k])) continue;
    const a = stored[k];
    const b = expected[k];
    if ((LIST_KEYS as readonly string[]).includes(k) && Array.isArray(a) && Array.isArray(b)) {
      const i = a.findIndex((x, j) => !sameJson(x, b[j]));
      const at = i < 0 ? Math.min(a.length, b.length) : i;
      problems.push({ field: `${k}[${at}]`, problem: `${k}[${at}] differs from the state the trail describes (${a.length} stored, ${b.length} by replay)`, problemZh: `${k}[${at}]与审计记录所描述的状态不符（存储${a.length}项，重放得${b.length}项）` });
    } else {
      problems.push({ field: k, problem: `${k} differs from the state the trail describes`, problemZh: `${k}与审计记录所描述的状态不符` });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, task: r.task, head: headOf(r.task) as AnchoredHead };
}

/** storedEquals, where a Proxy trap that throws counts as a difference: the copy that follows refuses it by path. */
function storedMatches(s: unknown, e: unknown): boolean {
  try {
    return storedEquals(s, e);
  } catch {
    return false;
  }
}
