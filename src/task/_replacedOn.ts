import type { Replacement, TaskLifecycle } from "./TaskLifecycle.js";

// The day each replacement took effect: the date of its inspector-replaced event (a replacement is made on the day it
// is recorded, Longting art. 19 调整更换; Chongqing 6.5). Kept beside the frozen entry rather than in it, so the stored
// task and its events keep their shape; replay re-runs replaceInspector, so every live task's entries are dated.
const REPLACED_ON = new WeakMap<Replacement, string>();

/** @internal Notes the day a replacement entry (as stored in the task) took effect. */
export const noteReplacedOn = (entry: Replacement, on: string): void => void REPLACED_ON.set(entry, on);

/**
 * @internal The day each of the task's replacements took effect, in the order of `t.replacements`. An entry noted by
 * {@link noteReplacedOn} answers in O(1); otherwise the dates are read from the trail's inspector-replaced events,
 * which are appended in step with the entries.
 */
export function replacementDates(t: TaskLifecycle): readonly string[] {
  const list = t.replacements;
  const out = list.map((r) => REPLACED_ON.get(r));
  if (out.every((d) => d !== undefined)) return out as string[];
  const events = t.audit.filter((e) => e.type === "inspector-replaced");
  return list.map((r, k) => {
    const d = events[k]?.on ?? "";
    if (d !== "") REPLACED_ON.set(r, d);
    return d;
  });
}
