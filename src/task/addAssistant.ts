import type { TaskLifecycle, TaskTeam, Transition } from "./TaskLifecycle.js";
import { advance, refuse, requireState, teamIndexOf } from "./_lifecycle.js";

/**
 * Adds an expert, testing institution, research institute or third party to a team (Longting art. 20; Chongqing 6.5;
 * Wancheng art. 19). Assistants are listed apart from members and never count toward the minimum of two per
 * department.
 *
 * @category Task
 * @example
 * ```ts
 * import { addAssistant, type TaskLifecycle } from "shuangsuiji";
 * declare const drawn: TaskLifecycle;
 * addAssistant(drawn, { targetId: "91350100M000100Y43", assistant: { name: "赵工", organisation: "市特检院", kind: "testing-institution" }, on: "2026-04-09", actor: "组长" });
 * ```
 */
export function addAssistant(t: TaskLifecycle, input: { readonly targetId: string; readonly assistant: TaskTeam["assistants"][number]; readonly on: string; readonly actor: string }): Transition {
  requireState(t, ["inspectors-drawn", "inspecting"], "add an assistant", "Longting art. 20");
  const index = teamIndexOf(t, input.targetId);
  if (index < 0) refuse("invalid-input", "team", "Longting art. 20", "该检查对象没有检查组", "no team inspects that target", ["targetId"], input.targetId);
  const teams = t.teams.map((x, i) => (i === index ? { ...x, assistants: [...x.assistants, input.assistant] } : x));
  return advance(t, { teams }, { type: "assistant-added", on: input.on, actor: input.actor, payload: { targetId: input.targetId, ...input.assistant, countsTowardMinimum: false }, transition: "addAssistant", input: [input] });
}
