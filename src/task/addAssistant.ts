import { readArg } from "./_args.js";
import type { TaskLifecycle, TaskTeam, Transition } from "./TaskLifecycle.js";
import { advance, refuse, requireState, teamIndexOf } from "./_lifecycle.js";
import { requireChronology, text } from "./_rules.js";

const KINDS = ["testing-institution", "research-institute", "expert", "third-party"] as const;

/**
 * Adds an expert, testing institution, research institute or third party to a team (Longting art. 20; Chongqing 6.5;
 * Wancheng art. 19). Assistants are listed apart from members and never count toward the minimum of two per
 * department.
 *
 * @param t - The task (a value returned by a lifecycle function, or by {@link loadTask}).
 * @param rawInput - The target whose team gets the assistant, the `assistant` (name and kind), the date `on` and the
 *   `actor`.
 * @returns The new task and the audit event recorded.
 * @throws {@link ShuangsuijiError} `illegal-transition` when the task is not in a state that allows this step.
 * @throws {@link ShuangsuijiError} `invalid-input` when `t` is not a live task (e.g. JSON from a database: use {@link
 *   loadTask}), the input or the assistant is malformed, the target has no team, or `actor` is empty.
 * @throws {@link ShuangsuijiError} `invalid-date` when `on` is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `dates-out-of-order` when `on` is before the task's previous event.
 * @category Task
 * @example
 * ```ts
 * import { addAssistant, type TaskLifecycle } from "shuangsuiji";
 * declare const drawn: TaskLifecycle;
 * addAssistant(drawn, { targetId: "91350100M000100Y43", assistant: { name: "赵工", organisation: "市特检院", kind: "testing-institution" }, on: "2026-04-09", actor: "组长" });
 * ```
 */
export function addAssistant(t: TaskLifecycle, rawInput: { readonly targetId: string; readonly assistant: TaskTeam["assistants"][number]; readonly on: string; readonly actor: string }): Transition {
  const input = readArg(t, rawInput, []);
  requireState(t, ["inspectors-drawn", "inspecting"], "add an assistant", "Longting art. 20");
  if (input === null || typeof input !== "object") refuse("invalid-input", "input", "Longting art. 20", "缺少输入", "input required");
  const on = requireChronology(t, input.on, "add an assistant");
  const index = teamIndexOf(t, input.targetId);
  if (index < 0) refuse("invalid-input", "team", "Longting art. 20", "该检查对象没有检查组", "no team inspects that target", ["targetId"], input.targetId);
  const a = (input.assistant !== null && typeof input.assistant === "object" ? input.assistant : {}) as Partial<TaskTeam["assistants"][number]>;
  const name = text(a.name, ["assistant", "name"]);
  if (name === "" || !(KINDS as readonly unknown[]).includes(a.kind)) refuse("invalid-input", "assistant", "Longting art. 20", "辅助人员须有姓名和类别", `an assistant needs a name and a kind (${KINDS.join(", ")})`, ["assistant"]);
  const assistant = { name, ...(text(a.organisation, ["assistant", "organisation"]) === "" ? {} : { organisation: text(a.organisation, ["assistant", "organisation"]) }), kind: a.kind as (typeof KINDS)[number] };
  const teams = t.teams.map((x, i) => (i === index ? { ...x, assistants: [...x.assistants, assistant] } : x));
  return advance(t, { teams }, { type: "assistant-added", on, actor: text(input.actor, ["actor"]), payload: { targetId: input.targetId, ...assistant, countsTowardMinimum: false }, transition: "addAssistant", input: [input] });
}
