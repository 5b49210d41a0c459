import type { Approval, TaskLifecycle, Transition } from "./TaskLifecycle.js";
import { advance, appended, presetOf, refuse, requireApproval, requireState } from "./_lifecycle.js";

/**
 * Changes a locked target list where the preset allows it: Chongqing 6.4 (确需更改的，经本部门主要负责人审批后予以更正) —
 * only with the principal head's (主要负责人) approval, recorded as an amendment with its reason. Longting art. 19
 * (一经锁定不可更改) refuses any change with `locked-list-immutable`. Only before inspectors are drawn.
 *
 * @category Task
 * @example
 * ```ts
 * import { amendLockedList, type TaskLifecycle } from "shuangsuiji";
 * declare const locked: TaskLifecycle; // under the "chongqing" preset
 * const { task } = amendLockedList(locked, {
 *   remove: ["91350100M000100Y43"], add: [], reason: "已注销（抽取后核实）",
 *   approval: { name: "王局长", role: "principal-head", on: "2026-04-03" }, on: "2026-04-03", actor: "信用监管科",
 * });
 * ```
 */
export function amendLockedList(
  t: TaskLifecycle,
  input: { readonly add: readonly string[]; readonly remove: readonly string[]; readonly reason: string; readonly approval: Approval; readonly on: string; readonly actor: string },
): Transition {
  requireState(t, ["targets-locked"], "change the locked list", "Longting art. 19; Chongqing 6.4");
  const rule = presetOf(t).lockedListChange;
  if (!rule.allowed) {
    refuse("locked-list-immutable", "locked-list", rule.clause, "抽取的检查对象名单一经锁定不可更改", "a locked target list cannot be changed under this preset", ["preset"], t.preset);
  }
  if (input.reason.trim() === "") refuse("invalid-input", "amendment-reason", rule.clause, "更改名单须说明理由", "a change to the list needs a reason", ["reason"]);
  requireApproval(input.approval, rule.approver, rule.clause, "更改已锁定的检查对象名单");
  const current = new Set(t.targetIds);
  for (const id of input.remove) if (!current.has(id)) refuse("invalid-input", "amendment-remove", rule.clause, "要移除的对象不在名单中", "a removed target is not on the list", ["remove"], id);
  for (const id of input.add) if (current.has(id)) refuse("invalid-input", "amendment-add", rule.clause, "要增加的对象已在名单中", "an added target is already on the list", ["add"], id);
  const targetIds = [...t.targetIds.filter((id) => !input.remove.includes(id)), ...input.add].sort();
  const amendment = { add: [...input.add], remove: [...input.remove], reason: input.reason, approval: input.approval };
  return advance(t, { amendments: appended(amendment), targetIds }, { type: "locked-list-amended", on: input.on, actor: input.actor, payload: { ...amendment, approvedBy: input.approval.name, clause: rule.clause }, transition: "amendLockedList", input: [input] });
}
