import type { TaskLifecycle } from "../task/TaskLifecycle.js";
import type { ReplayTaskOptions } from "../task/replayTask.js";
import { loadText } from "../task/_text.js";
import { nativeTextDigest } from "./_nativeDigest.js";

/**
 * `loadTaskText` of the core entry, with node:crypto's SHA-256 recomputing the events' digests instead of the
 * library's JavaScript kernel: the same bytes hashed, the same answer on every stored task (differential-tested), the
 * trail replayed and every stored field compared as always (Chongqing 4, 全过程留痕). For Node (and runtimes with
 * `node:crypto`); the core entry stays free of Node built-ins.
 *
 * @param json - A stored task as JSON text, with its audit trail.
 * @param options - The holiday `calendars` and trusted `anchors` the replay needs.
 * @returns The live task rebuilt by replaying its audit trail.
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-argument` when `json` is not a string; `invalid-input` when it is not
 *   valid JSON, exceeds the input limits or has no well-formed, non-empty `audit` trail.
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `audit-trail-invalid` when the trail does not replay or the stored state differs
 *   from what it describes.
 * @example
 * ```ts
 * import { startInspection } from "shuangsuiji";
 * import { loadTaskText } from "shuangsuiji/node";
 * declare const row: string; // JSON.stringify(task), kept in a database
 * const task = loadTaskText(row);
 * startInspection(task, { on: "2026-04-10", actor: "联合检查组" });
 * ```
 */
export function loadTaskText(json: string, options: ReplayTaskOptions = {}): TaskLifecycle {
  return loadText(json, options, nativeTextDigest);
}
