import type { HolidayCalendar } from "../calendar/HolidayCalendar.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import type { AnchoredHead, AuditEvent } from "./AuditEvent.js";
import type { TaskLifecycle } from "./TaskLifecycle.js";
import { replay, type ReplayOutcome } from "./_replay.js";
import { plainCopy } from "./_plain.js";

/**
 * Options of {@link replayTask}, {@link verifyTask} and {@link loadTask}.
 *
 * @category Task
 */
export interface ReplayTaskOptions {
  /** Holiday calendars the events were computed with, besides the bundled `CN_CALENDAR` (matched by digest). */
  readonly calendars?: readonly HolidayCalendar[];
  /** Published heads (e.g. from the results notice) the trail must contain: detects truncation and rewriting. */
  readonly anchors?: readonly AnchoredHead[];
}

/**
 * Rebuilds a task from its audit trail alone: the events are the source of truth (全过程留痕, Chongqing 4). Each event
 * names the transition that appended it and that call's validated input; replay calls the same function again —
 * under the rules of this version of the library — and requires it to append exactly the stored event (same payload,
 * same link, same digest). A trail that was edited, cut, reordered or forged, or whose input the rules now refuse, is
 * refused with `audit-trail-invalid` naming the event. Linear in the size of the trail.
 *
 * @param events - The audit trail, in order.
 * @param options - The holiday `calendars` and trusted `anchors` the replay needs.
 * @returns The task the trail describes.
 * @throws {@link ShuangsuijiError} `audit-trail-invalid` when the trail does not replay: a broken chain, an edited
 *   event, an unknown transition, or a step the lifecycle refuses (every problem listed).
 * @throws {@link ShuangsuijiError} `invalid-input` when `events` cannot be read as plain data.
 * @category Task
 * @example
 * ```ts
 * import { replayTask, type AuditEvent } from "shuangsuiji";
 * declare const events: readonly AuditEvent[]; // e.g. read back from the database
 * const task = replayTask(events);
 * task.state;
 * ```
 */
export function replayTask(events: readonly AuditEvent[], options: ReplayTaskOptions = {}): TaskLifecycle {
  return replayedOrThrow(replayOutcome(events, options));
}

/** The task of a replay's outcome, or replayTask's `audit-trail-invalid` naming each problem's event. @internal */
export function replayedOrThrow(r: ReplayOutcome): TaskLifecycle {
  if (r.ok) return r.task;
  throw new ShuangsuijiError(
    "audit-trail-invalid",
    r.problems.map((p) => ({
      path: p.seq === undefined ? [] : ["events", p.seq], rule: "audit-trail", clause: "Chongqing 4 (全过程留痕); docs/persistence.md",
      messageZh: `审计记录未通过重放校验${p.seq === undefined ? "" : `（第${p.seq}条事件）`}：${p.problemZh}`, messageEn: p.problem,
    })),
  );
}

/**
 * {@link replayTask}'s outcome without the throw — the task, or its problems in both languages — for a caller that
 * restates them (the PostgreSQL store names the task and marks stored events). @internal
 */
export function replayOutcome(events: readonly AuditEvent[], options: ReplayTaskOptions = {}): ReplayOutcome {
  // one bounded plain copy at the boundary: a Proxy or getter in a stored trail is refused, never run during replay
  return replay(plainCopy(events, ["events"]) as readonly AuditEvent[], options);
}
