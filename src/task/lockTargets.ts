import { readArg } from "./_args.js";
import { lockTargetDraw } from "../draw/records/lockTargetDraw.js";
import type { TaskLifecycle, Transition } from "./TaskLifecycle.js";
import { advance, requireState } from "./_lifecycle.js";
import { requireChronology, text } from "./_rules.js";

/**
 * Confirms and locks the current target list (一经锁定不可更改, Longting art. 19; 一经确认不可擅自更改, Chongqing 6.4).
 *
 * @param t - The task (a value returned by a lifecycle function, or by {@link loadTask}).
 * @param rawOptions - The date `on` and the `actor`.
 * @returns The new task (its target draw locked) and the audit event recorded.
 * @throws {@link ShuangsuijiError} `illegal-transition` when the task has no recorded target draw to lock.
 * @throws {@link ShuangsuijiError} `invalid-input` when `t` is not a live task, the options are malformed, `actor` is
 *   empty, or the recorded draw contradicts itself.
 * @throws {@link ShuangsuijiError} `invalid-date` when `on` is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `dates-out-of-order` when `on` is before the task's previous event.
 * @category Task
 * @example
 * ```ts
 * import { lockTargets, type TaskLifecycle } from "shuangsuiji";
 * declare const drawn: TaskLifecycle;
 * const { task } = lockTargets(drawn, { on: "2026-04-01", actor: "区市场监管局 信用监管科" });
 * ```
 */
export function lockTargets(t: TaskLifecycle, rawOptions: { readonly on: string; readonly actor: string }): Transition {
  const options = readArg(t, rawOptions, []);
  requireState(t, ["targets-drawn"], "lock the target list", "Longting art. 19");
  const on = requireChronology(t, options?.on, "lock the target list");
  const current = t.targetDraws[t.targetDraws.length - 1]?.record;
  const locked = lockTargetDraw(current as NonNullable<typeof current>, { lockedOn: on, lockedBy: text(options.actor, ["actor"]) });
  const targetIds = locked.record.strata.flatMap((s) => s.selected.map((u) => u.unitId)).sort();
  return advance(t, { state: "targets-locked", locked, targetIds }, { type: "targets-locked", on, actor: text(options.actor, ["actor"]), payload: { lockDigest: locked.digest, recordDigest: locked.record.digest, targets: targetIds.length }, transition: "lockTargets", input: [options] });
}
