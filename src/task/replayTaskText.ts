import type { TaskLifecycle } from "./TaskLifecycle.js";
import type { ReplayTaskOptions } from "./replayTask.js";
import { replayText } from "./_text.js";

/**
 * {@link replayTask} of a trail handed over as JSON text — what a store reads from its database (`JSON.stringify` of
 * the events, or a `json`/`jsonb` column read as text). The text is parsed here, and the value `JSON.parse` makes is
 * plain and nobody else's, so it is replayed without the boundary copy `replayTask` makes of a value (about a fifth of
 * a replay's time on a 10⁵-event trail); the documented input limits are checked as for a value, every event is re-run
 * through its transition and its digest recomputed, exactly as `replayTask` does (Chongqing 4, 全过程留痕). The same
 * answer as `replayTask(JSON.parse(text))` — task or refusal — on any text (property-tested). `shuangsuiji/node`
 * exports the same function with node:crypto's SHA-256.
 *
 * @param json - The audit trail as JSON text (an array of events).
 * @param options - The holiday `calendars` and trusted `anchors` the replay needs.
 * @returns The task the trail describes.
 * @throws {@link ShuangsuijiError} `invalid-argument` when `json` is not a string; `invalid-input` when it is not
 *   valid JSON or exceeds the input limits (naming the path).
 * @throws {@link ShuangsuijiError} `audit-trail-invalid` when the trail does not replay, naming the event.
 * @category Task
 * @example
 * ```ts
 * import { replayTaskText } from "shuangsuiji";
 * declare const column: string; // the events as JSON text, read from the database
 * const task = replayTaskText(column);
 * task.state;
 * ```
 */
export function replayTaskText(json: string, options: ReplayTaskOptions = {}): TaskLifecycle {
  return replayText(json, options);
}
