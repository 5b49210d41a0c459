import { readPlain } from "../_internal/boundary.js";
import { isLiveTask } from "./_lifecycle.js";
import { parseCivilDate } from "../calendar/parseCivilDate.js";
import type { TaskLifecycle } from "./TaskLifecycle.js";

/**
 * Whether the results are overdue on `asOf`: completed, not published, and past the 20-working-day deadline — or
 * published after it. `asOf` is an input: the library never reads the clock.
 *
 * @param raw - The task.
 * @param asOf - Today's date, `YYYY-MM-DD` (the library never reads the clock).
 * @returns `true` when the results were published after the deadline, or are unpublished and `asOf` is past it.
 * @throws {@link ShuangsuijiError} `invalid-date` when `asOf` is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `invalid-input` when `raw` cannot be read as plain data (a Proxy, a getter that
 *   throws, nesting past the input limits).
 * @category Task
 * @example
 * ```ts
 * import { isPublicationOverdue, type TaskLifecycle } from "shuangsuiji";
 * declare const recorded: TaskLifecycle;
 * isPublicationOverdue(recorded, "2026-11-04");
 * ```
 */
export function isPublicationOverdue(raw: TaskLifecycle, asOf: string): boolean {
  const t = isLiveTask(raw) ? raw : (readPlain(raw, ["task"]) as TaskLifecycle);
  parseCivilDate(asOf, "asOf");
  const deadline = t.publicationDeadline?.date;
  if (deadline === undefined) return false;
  if (t.publishedOn !== undefined) return t.publishedOn > deadline;
  return asOf > deadline;
}
