import { readArg } from "./_args.js";
import type { TaskLifecycle, Transition } from "./TaskLifecycle.js";
import { advance, identityShownFor, refuse, requireState } from "./_lifecycle.js";
import { requireChronology, requireIds, teamOf, text } from "./_rules.js";

/**
 * Records that the inspectors showed their identity and enforcement certificates (表明身份，出示执法证件) to a target
 * before inspecting it (Wolong 2.3; 行政处罚法 art. 55: the party may refuse an inspection without them). Under a preset
 * that requires it (`wolong`), {@link recordResult} refuses a record whose inspectors have no such step on or before the
 * inspection day. Every inspector named must be on the target's team.
 *
 * @param t - The task (a value returned by a lifecycle function, or by {@link loadTask}).
 * @param rawInput - The target, the `inspectorIds` who showed their credentials, the date `on` and the `actor`.
 * @returns The new task and the audit event recorded.
 * @throws {@link ShuangsuijiError} `record-form-refused` when an inspector listed is not a member of the target's team.
 * @throws {@link ShuangsuijiError} `illegal-transition` when the task is not in a state that allows this step.
 * @throws {@link ShuangsuijiError} `invalid-input` when `t` is not a live task, the input is missing, the target has no
 *   team, or no inspector is listed.
 * @throws {@link ShuangsuijiError} `invalid-date` when `on` is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `dates-out-of-order` when `on` is before the task's previous event.
 * @category Task
 * @example
 * ```ts
 * import { recordIdentityShown, type TaskLifecycle } from "shuangsuiji";
 * declare const inspecting: TaskLifecycle;
 * recordIdentityShown(inspecting, { targetId: "91350100M000100Y43", inspectorIds: ["SCJG-1", "SCJG-2"], on: "2026-04-15", actor: "组长" });
 * ```
 */
export function recordIdentityShown(t: TaskLifecycle, rawInput: { readonly targetId: string; readonly inspectorIds: readonly string[]; readonly on: string; readonly actor: string }): Transition {
  const input = readArg(t, rawInput, []);
  requireState(t, ["inspecting"], "record that identity was shown", "Wolong 2.3");
  if (input === null || typeof input !== "object") refuse("invalid-input", "input", "Wolong 2.3", "缺少输入", "input required");
  const on = requireChronology(t, input.on, "record that identity was shown");
  const targetId = text(input.targetId, ["targetId"]);
  const team = teamOf(t, targetId);
  if (team === undefined) refuse("invalid-input", "team", "Wolong 2.3", "该检查对象没有检查组", "no team inspects that target", ["targetId"], input.targetId);
  const ids = requireIds(input.inspectorIds, "identity-inspectors", "Wolong 2.3", ["inspectorIds"]);
  if (ids.length === 0) refuse("invalid-input", "identity-inspectors", "Wolong 2.3", "应列出出示证件的检查人员", "name the inspectors who showed their certificates", ["inspectorIds"]);
  const members = new Set(team.members.map((m) => m.inspectorId));
  for (const id of ids) if (!members.has(id)) refuse("record-form-refused", "team-member", "Wolong 2.3; Wancheng art. 20", "出示证件的人员不是该检查组成员", "an inspector showing a certificate is not on the team", ["inspectorIds"], id);
  const before = identityShownFor(t, targetId);
  const inspectorIds = [...new Set([...(before?.inspectorIds ?? []), ...ids])];
  return advance(t, { identityShown: { targetId, value: { on, inspectorIds } } }, { type: "identity-shown", on, actor: text(input.actor, ["actor"]), payload: { targetId, inspectorIds: ids, clause: "Wolong 2.3; 行政处罚法 art. 55" }, transition: "recordIdentityShown", input: [input] });
}
