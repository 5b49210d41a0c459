import { readPlain } from "../_internal/boundary.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { parseCivilDate } from "../calendar/parseCivilDate.js";
import type { InspectorDrawRecord } from "../draw/inspectors/InspectorDrawRecord.js";
import type { TargetDrawRecord } from "../draw/records/TargetDrawRecord.js";
import { isLiveTask, recordOfTarget, refuse, requireState, stateIndex } from "./_lifecycle.js";
import { presetOf } from "./_rules.js";
import { TASK_STATES, type TaskLifecycle } from "./TaskLifecycle.js";

/**
 * The draw records of a task, released for publication: what auditors re-run (`verifyTargetDraw`,
 * `verifyInspectorDraw`) and what an enterprise checks its own ticket against (`verifyTicket`, `shuangsuiji ticket`).
 *
 * @category Task
 */
export interface PublishableDrawRecord {
  /** The task. */
  readonly taskId: string;
  /** The day the records are published. */
  readonly on: string;
  /** The preset's earliest point (`LIFECYCLE_PRESETS[preset].selectedListPublication.earliest`). */
  readonly earliest: "inspections-complete" | "results-published";
  /** The clause that sets it (Yanshi 8.3, or the preset's own publication clause). */
  readonly clause: string;
  /** The locked stage-1 record: it names every selected target. */
  readonly targetDraw: TargetDrawRecord;
  /** The stage-2 record, when inspectors were drawn: it names the drawn inspectors. */
  readonly inspectorDraw?: InspectorDrawRecord;
}

/**
 * Releases the task's draw records for publication — the material of the ticket self-check and of the draw audit —
 * once the preset's embargo on the drawn lists has ended (`selectedListPublication`): under `yanshi` when every target
 * on the list has been inspected (Yanshi 8.3: 实施检查前…不得对外泄露抽取的待检查对象和执法检查人员名单); under the other
 * presets, and custom presets that do not say, with the results (once the task is published). Before that it refuses:
 * the records name who was drawn. The pool commitment and the seed are public before the draw under every preset and
 * are not held back. `verifyTicket` and `verifyTargetDraw` stay pure verifiers: this is the platform's gate, not theirs.
 *
 * @param raw - The task (a lifecycle made by this library's transitions).
 * @param rawOptions - `on`: the day the records are published (`YYYY-MM-DD`; the library never reads the clock).
 * @returns The locked target-draw record and the inspector-draw record, with the rule that released them.
 * @throws {@link ShuangsuijiError} `drawn-list-confidential` (rule `selected-list-embargo`, the preset's clause)
 *   when the embargo has not ended — a target on the list is not yet inspected (Yanshi 8.3), or the results are not
 *   yet published — or `on` is before the day it ended.
 * @throws {@link ShuangsuijiError} `invalid-date` when `on` is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `invalid-input` when `raw` is not a task lifecycle.
 * @category Task
 * @example
 * ```ts
 * import { publishableDrawRecord, verifyTicket, type TaskLifecycle } from "shuangsuiji";
 * declare const published: TaskLifecycle;
 * const { targetDraw } = publishableDrawRecord(published, { on: "2026-05-20" });
 * verifyTicket(targetDraw, { unitId: "91411303292557192T", riskClass: "A" });
 * ```
 */
export function publishableDrawRecord(raw: TaskLifecycle, rawOptions: { readonly on: string }): PublishableDrawRecord {
  requireState(raw, TASK_STATES, "publish the draw record", "Yanshi 8.3");
  const t = isLiveTask(raw) ? raw : (readPlain(raw, ["task"]) as TaskLifecycle);
  const options = readPlain(rawOptions, ["options"]) as { readonly on?: unknown } | null;
  const on: string = parseCivilDate((options ?? {}).on as string, "on");
  const rules = presetOf(t);
  const earliest = rules.selectedListPublication?.earliest ?? "results-published";
  const clause = rules.selectedListPublication?.clause ?? `${rules.source} (no rule: the drawn lists go out with the results)`;
  const embargo = (zh: string, en: string, path: string[], value: unknown): never => refuse("drawn-list-confidential", "selected-list-embargo", clause, zh, en, path, value);
  let since: string | undefined;
  if (earliest === "inspections-complete") {
    const inspecting = t.locked !== undefined && stateIndex(t.state) >= stateIndex("inspecting");
    const byTarget = isLiveTask(t) ? (id: string) => recordOfTarget(t, id) : (id: string) => t.records.find((r) => r.target.targetId === id);
    const open = inspecting ? t.targetIds.filter((id) => byTarget(id) === undefined) : t.targetIds;
    if (!inspecting || open.length > 0) {
      embargo(
        `实施检查前不得对外泄露抽取的待检查对象和执法检查人员名单：尚有${inspecting ? open.length : "全部"}户检查对象未检查`,
        `the drawn lists stay confidential until every target is inspected: ${inspecting ? `${open.length} target(s)` : "no target"} ${inspecting ? "not yet inspected" : "inspected yet"} (state "${t.state}")`,
        ["state"],
        t.state,
      );
    }
    for (const id of t.targetIds) {
      const d = byTarget(id)?.inspectedOn;
      if (d !== undefined && (since === undefined || d > since)) since = d;
    }
  } else {
    if (t.publishedOn === undefined) {
      embargo("抽取名单随检查结果公示：检查结果尚未公示", `the drawn lists are published with the results: the results are not published yet (state "${t.state}")`, ["state"], t.state);
    }
    since = t.publishedOn;
  }
  if (since !== undefined && on < since) {
    embargo(`公开日期（${on}）早于保密期结束日（${since}）`, `publication (${on}) is dated before the embargo ended (${since})`, ["on"], on);
  }
  const locked = t.locked;
  if (locked === undefined) return embargo("尚未锁定检查对象名单", "no locked target list", ["state"], t.state);
  return deepFreeze({
    taskId: t.task.id,
    on,
    earliest,
    clause,
    targetDraw: locked.record,
    ...(t.inspectorDraw === undefined ? {} : { inspectorDraw: t.inspectorDraw }),
  });
}
