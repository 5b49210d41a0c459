import { readArg } from "./_args.js";
import { commitPool, poolConfig } from "../draw/targets/commitPool.js";
import { eligibilityOf } from "../draw/targets/_pool.js";
import type { DrawUnit } from "../draw/targets/DrawUnit.js";
import type { Approval, TaskLifecycle, Transition } from "./TaskLifecycle.js";
import { advance, appended, isOnList, refuse, requireState } from "./_lifecycle.js";
import { initiatingDepartment, presetOf, requireApproval, requireChronology, requireIds, text } from "./_rules.js";

/**
 * Input of {@link amendLockedList}.
 *
 * @category Task
 */
export interface AmendLockedListInput {
  /** Targets added. Each must come from the pool committed before the draw (`pool`). */
  readonly add: readonly string[];
  /** Targets removed. */
  readonly remove: readonly string[];
  /** Why (e.g. 已注销（抽取后核实）). */
  readonly reason: string;
  /** The principal head's approval, dated on or before `on`. */
  readonly approval: Approval;
  /**
   * The committed pool (检查对象名录库 as committed before the seed), required when adding: it must reproduce the draw's
   * pool commitment, and every added target must be an eligible unit of it — so an addition says where it came from
   * and cannot bring in a target that was never in the pool.
   */
  readonly pool?: readonly DrawUnit[];
  /** Date. */
  readonly on: string;
  /** Who records it. */
  readonly actor: string;
}

/**
 * Changes a locked target list where the preset allows it: Chongqing 6.4 (确需更改的，经本部门主要负责人审批后予以更正) —
 * only with the principal head's (主要负责人) approval dated on or before the change, recorded as an amendment with its
 * reason; an added target must come from the committed pool (`amendment-refused` otherwise), and the list may not be
 * left empty (a task inspects something, Wolong 2.1; `amendment-refused`). Longting art. 19
 * (一经锁定不可更改) refuses any change with `locked-list-immutable`. Only before inspectors are drawn.
 *
 * @param t - The task (a value returned by a lifecycle function, or by {@link loadTask}).
 * @param rawInput - The targets to `add` and `remove`, the `reason`, the approval, the committed `pool` for added targets,
 *   the date `on` and the `actor`.
 * @returns The new task and the audit event recorded.
 * @throws {@link ShuangsuijiError} `locked-list-immutable` when the task's preset does not allow changing a locked
 *   list.
 * @throws {@link ShuangsuijiError} `amendment-refused` when an added target does not come from the pool committed
 *   before the draw (or the pool given does not match that commitment).
 * @throws {@link ShuangsuijiError} `approval-missing`, `approval-role` or `approval-late` when the preset's approval is
 *   absent, names no department or another than the initiating department (本部门, Chongqing 6.4), is from the wrong
 *   role, or dated after the change.
 * @throws {@link ShuangsuijiError} `illegal-transition` when the task is not in a state that allows this step.
 * @throws {@link ShuangsuijiError} `invalid-input` when `t` is not a live task, the reason is empty, nothing is added
 *   or removed, a removed target is not on the list, an added one already is, or a target is listed twice.
 * @throws {@link ShuangsuijiError} `invalid-date` when a date is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `dates-out-of-order` when `on` is before the task's previous event, or the approval
 *   before the task was created.
 * @category Task
 * @example
 * ```ts
 * import { amendLockedList, type TaskLifecycle } from "shuangsuiji";
 * declare const locked: TaskLifecycle; // under the "chongqing" preset
 * const { task } = amendLockedList(locked, {
 *   remove: ["91350100M000100Y43"], add: [], reason: "已注销（抽取后核实）",
 *   approval: { name: "王局长", role: "principal-head", on: "2026-04-03", departmentId: "SCJG" }, on: "2026-04-03", actor: "信用监管科",
 * });
 * ```
 */
export function amendLockedList(t: TaskLifecycle, rawInput: AmendLockedListInput): Transition {
  const input = readArg(t, rawInput, []);
  requireState(t, ["targets-locked"], "change the locked list", "Longting art. 19; Chongqing 6.4");
  const rule = presetOf(t).lockedListChange;
  if (!rule.allowed) {
    refuse("locked-list-immutable", "locked-list", rule.clause, "抽取的检查对象名单一经锁定不可更改", "a locked target list cannot be changed under this preset", ["preset"], t.preset);
  }
  const i = (input !== null && typeof input === "object" ? input : {}) as Partial<AmendLockedListInput>;
  const on = requireChronology(t, i.on, "change the locked list");
  const reason = text(i.reason, ["reason"]);
  if (reason === "") refuse("invalid-input", "amendment-reason", rule.clause, "更改名单须说明理由", "a change to the list needs a reason", ["reason"]);
  const approval = requireApproval(t, i.approval, rule.approver, rule.clause, "更改已锁定的检查对象名单", on, ["approval"], { on: t.locked?.lockedOn, zh: "名单锁定日期", en: "the locking of the list" }, initiatingDepartment(t));
  const add = requireIds(i.add, "amendment-add", rule.clause, ["add"]);
  const remove = requireIds(i.remove, "amendment-remove", rule.clause, ["remove"]);
  if (add.length + remove.length === 0) refuse("invalid-input", "amendment-empty", rule.clause, "更改应增加或移除对象", "an amendment adds or removes at least one target", ["add"]);
  for (const id of remove) if (!isOnList(t, id)) refuse("invalid-input", "amendment-remove", rule.clause, "要移除的对象不在名单中", "a removed target is not on the list", ["remove"], id);
  for (const id of add) if (isOnList(t, id)) refuse("invalid-input", "amendment-add", rule.clause, "要增加的对象已在名单中", "an added target is already on the list", ["add"], id);
  if (new Set(add).size !== add.length || new Set(remove).size !== remove.length) refuse("invalid-input", "amendment-duplicate", rule.clause, "同一对象重复列出", "a target is listed twice", ["add"]);
  let poolDigest: string | undefined;
  if (add.length > 0) {
    const committed = t.locked?.record.poolCommitment;
    if (committed === undefined || !Array.isArray(i.pool)) refuse("amendment-refused", "amendment-origin", `${rule.clause}; Longting art. 18`, "增加的检查对象须来自抽取前承诺的名录库（请提供该名录库）", "an added target must come from the pool committed before the draw: pass that pool", ["pool"]);
    const c = commitPool(i.pool, { eligibility: committed.eligibility, exclusions: committed.exclusions });
    if (c.digest !== committed.digest) refuse("amendment-refused", "amendment-pool", `${rule.clause}; Longting art. 18`, "提供的名录库与抽取前的承诺不一致", "the pool given does not match the draw's pool commitment", ["pool"]);
    const config = poolConfig({ eligibility: committed.eligibility, exclusions: committed.exclusions });
    const excluded = new Set(committed.exclusions.map((e) => e.unitId));
    const eligible = new Set(i.pool.filter((u) => eligibilityOf(u, config, excluded) === undefined).map((u) => u.id));
    for (const id of add) if (!eligible.has(id)) refuse("amendment-refused", "amendment-origin", `${rule.clause}; Longting art. 18`, "增加的检查对象不在抽取前承诺的名录库中", "an added target was never in the committed pool", ["add"], id);
    poolDigest = c.digest;
  }
  const removed = new Set(remove);
  const targetIds = [...t.targetIds.filter((id) => !removed.has(id)), ...add].sort();
  // a task inspects something: its scheme names the targets (Wolong 2.1 检查对象; Chongqing 6.2); an amendment that
  // empties the list is not a correction of the list but the end of the task, refused
  if (targetIds.length === 0) refuse("amendment-refused", "amendment-leaves-targets", "Wolong 2.1 (检查对象); Chongqing 6.4", "更改后名单中没有检查对象：任务须有检查对象", "the amendment would leave no target on the list: a task must inspect at least one target", ["remove"], remove.length);
  const amendment = { add, remove, reason, approval };
  return advance(t, { amendments: appended(amendment), targetIds }, {
    type: "locked-list-amended", on, actor: text(i.actor, ["actor"]),
    payload: { ...amendment, approvedBy: approval.name, clause: rule.clause, ...(poolDigest === undefined ? {} : { origin: "committed-pool", poolDigest }) },
    transition: "amendLockedList", input: [input],
  });
}
