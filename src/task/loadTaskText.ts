import type { TaskLifecycle } from "./TaskLifecycle.js";
import type { ReplayTaskOptions } from "./replayTask.js";
import { loadText } from "./_text.js";

/**
 * {@link loadTask} of a stored task handed over as JSON text (the row a platform kept: `JSON.stringify(task)`). The text
 * is parsed here, and the value `JSON.parse` makes is plain and nobody else's, so its trail is replayed without the
 * boundary copy `loadTask` makes of a value; the input limits, the events' envelope, the replay of every event and the
 * comparison of every stored field are as in `loadTask` (Chongqing 4, 全过程留痕). The same answer as
 * `loadTask(JSON.parse(text))` on any text (property-tested). `shuangsuiji/node` exports the same function with
 * node:crypto's SHA-256.
 *
 * @param json - A stored task as JSON text, with its audit trail.
 * @param options - The holiday `calendars` and trusted `anchors` the replay needs.
 * @returns The live task rebuilt by replaying its audit trail.
 * @throws {@link ShuangsuijiError} `invalid-argument` when `json` is not a string; `invalid-input` when it is not
 *   valid JSON, exceeds the input limits or has no well-formed, non-empty `audit` trail.
 * @throws {@link ShuangsuijiError} `audit-trail-invalid` when the trail does not replay or the stored state differs
 *   from what it describes.
 * @category Task
 * @example
 * ```ts
 * import { loadTaskText, startInspection } from "shuangsuiji";
 * declare const row: string; // JSON.stringify(task), kept in a database
 * const task = loadTaskText(row);
 * startInspection(task, { on: "2026-04-10", actor: "联合检查组" });
 * ```
 */
export function loadTaskText(json: string, options: ReplayTaskOptions = {}): TaskLifecycle {
  return loadText(json, options);
}
