import { plainCopy } from "./_plain.js";
import { issuesFromZod } from "../errors/_fromZod.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import type { TaskLifecycle } from "./TaskLifecycle.js";
import { AuditEventSchema } from "./TaskSchema.js";
import type { ReplayTaskOptions } from "./replayTask.js";
import { verifyStored } from "./verifyTask.js";
import { isEventEnvelope } from "./_eventEnvelope.js";
import type { TextDigest } from "./_digest.js";

/**
 * Loads a stored task (e.g. `JSON.parse` of what a platform kept for months) so it can be continued: validates the
 * audit events against {@link AuditEventSchema}, replays the trail and requires the stored state to equal the replay
 * ({@link verifyTask}). Returns the live task the transitions accept; refuses with `invalid-input` (malformed
 * events) or `audit-trail-invalid` (naming the event or the field that does not match). Linear in the size of the
 * task. The transitions themselves refuse a plain value that was not loaded.
 *
 * @param raw - A stored task (e.g. JSON read from a database), with its audit trail.
 * @param options - The holiday `calendars` and trusted `anchors` the replay needs.
 * @returns The live task rebuilt by replaying its audit trail.
 * @throws {@link ShuangsuijiError} `invalid-input` when `raw` cannot be read as plain data or has no well-formed,
 *   non-empty `audit` trail.
 * @throws {@link ShuangsuijiError} `audit-trail-invalid` when the trail does not replay (a broken chain, an edited
 *   event, a refused step) or the stored state differs from what it describes.
 * @category Task
 * @example
 * ```ts
 * import { loadTask, startInspection } from "shuangsuiji";
 * declare const stored: string; // JSON.stringify(task)
 * const task = loadTask(JSON.parse(stored));
 * startInspection(task, { on: "2026-04-10", actor: "联合检查组" });
 * ```
 */
export function loadTask(raw: unknown, options: ReplayTaskOptions = {}): TaskLifecycle {
  // one copy of the trail (a Proxy or getter refused by path), which is then replayed as is; the other fields are compared
  // with the replay where they lie and copied only when they differ, as verifyTask does (never twice)
  return loadCopied(raw, plainCopy(raw, ["value"], (k) => k !== "audit"), options);
}

/**
 * loadTask after its boundary copy: `value` is `plainCopy(raw, ["value"], (k) => k !== "audit")`, or `raw` itself when
 * it is a value JSON.parse made here that passed `parsedWithinLimits` (_plain) (loadTaskText); `digest` the SHA-256 replay
 * recomputes digests with. @internal
 */
export function loadCopied(raw: unknown, value: unknown, options: ReplayTaskOptions, digest?: TextDigest): TaskLifecycle {
  const audit = (value as { audit?: unknown } | null)?.audit;
  // the envelope of every event (AuditEventSchema), checked by hand; only a trail that fails it goes through zod, which
  // writes the report (the same issues as always) — or accepts it, the hand check being the stricter of the two
  if (!(Array.isArray(audit) && audit.length > 0 && audit.every(isEventEnvelope))) {
    const events = AuditEventSchema.array().min(1).safeParse(audit);
    if (!events.success) throw new ShuangsuijiError("invalid-input", issuesFromZod(events.error.issues, { clause: "docs/persistence.md" }, audit), { cause: events.error });
  }
  const v = verifyStored(raw as TaskLifecycle, options, { copy: value as TaskLifecycle, root: "value" }, digest);
  if (v.ok) return v.task;
  throw new ShuangsuijiError(
    "audit-trail-invalid",
    v.problems.map((p) => ({
      path: p.seq !== undefined ? ["audit", p.seq] : p.field !== undefined ? [p.field] : [], rule: "task-matches-trail", clause: "Chongqing 4 (全过程留痕); docs/persistence.md",
      messageZh: `${p.seq !== undefined ? `第${p.seq}条审计事件未通过重放校验` : `存储的任务状态（${p.field ?? "?"}）与审计记录不符`}：${p.problemZh}`, messageEn: p.problem,
    })),
  );
}
