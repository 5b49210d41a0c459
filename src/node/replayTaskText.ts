import type { TaskLifecycle } from "../task/TaskLifecycle.js";
import type { ReplayTaskOptions } from "../task/replayTask.js";
import { replayText } from "../task/_text.js";
import { nativeTextDigest } from "./_nativeDigest.js";

/**
 * `replayTaskText` of the core entry, with node:crypto's SHA-256 recomputing the events' digests instead of the
 * library's JavaScript kernel: the same bytes hashed, the same answer on every trail (differential-tested), every
 * event re-run through its transition as always (Chongqing 4, 全过程留痕) — several times faster on a long trail. For
 * Node (and runtimes with `node:crypto`); the core entry stays free of Node built-ins.
 *
 * @param json - The audit trail as JSON text (an array of events).
 * @param options - The holiday `calendars` and trusted `anchors` the replay needs.
 * @returns The task the trail describes.
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-argument` when `json` is not a string; `invalid-input` when it is not
 *   valid JSON or exceeds the input limits (naming the path).
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `audit-trail-invalid` when the trail does not replay, naming the event.
 * @example
 * ```ts
 * import { replayTaskText } from "shuangsuiji/node";
 * declare const column: string; // the events as JSON text, read from the database
 * const task = replayTaskText(column);
 * task.state;
 * ```
 */
export function replayTaskText(json: string, options: ReplayTaskOptions = {}): TaskLifecycle {
  return replayText(json, options, nativeTextDigest);
}
