import { OUTCOMES } from "../codes/OUTCOMES.js";
import { isValidResidentId } from "../ids/parseResidentId.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import type { TaskLifecycle } from "./TaskLifecycle.js";
import { headOf, stateIndex } from "./_lifecycle.js";

/**
 * Masks a phone number for display: keeps the first three and last four digits (`138****5678`).
 *
 * @category Task
 * @example
 * ```ts
 * import { maskPhone } from "shuangsuiji";
 * maskPhone("13812345678"); // "138****5678"
 * ```
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return digits.length <= 7 ? "*".repeat(digits.length) : `${digits.slice(0, 3)}${"*".repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/**
 * Masks an identity-document number: keeps the first six and last four characters (`110105********002X`).
 *
 * @category Task
 * @example
 * ```ts
 * import { maskIdNumber } from "shuangsuiji";
 * maskIdNumber("11010519491231002X"); // "110105********002X"
 * ```
 */
export function maskIdNumber(id: string): string {
  return id.length <= 10 ? "*".repeat(id.length) : `${id.slice(0, 6)}${"*".repeat(id.length - 10)}${id.slice(-4)}`;
}

/**
 * The public view of a task: before the inspection starts everything drawn is sealed (Yanshi 8.3: 不得对外泄露抽取的待
 * 检查对象和执法检查人员名单); before publication only the task and its state are shown; after publication, what may be
 * published (Wancheng art. 21, 26): per target its name, code, inspecting departments, items and outcome labels, and
 * the publication date; and always the head of the audit trail (`head`: the latest event's sequence number and
 * digest) for the notice to anchor (docs/persistence.md). Inspector names, phones and identity numbers are never included; phones and ID numbers that
 * appear in free text are masked.
 *
 * @category Task
 * @example
 * ```ts
 * import { publicView, type TaskLifecycle } from "shuangsuiji";
 * declare const task: TaskLifecycle;
 * const view = publicView(task);
 * view.sealed;
 * ```
 */
export function publicView(t: TaskLifecycle) {
  const base = { taskId: t.task.id, name: t.task.name, state: t.state, window: t.task.window, head: headOf(t) };
  if (stateIndex(t.state) < stateIndex("inspecting")) {
    return deepFreeze({ ...base, sealed: true as const, note: "抽取名单和执法检查人员名单在实施检查前保密（Yanshi 8.3）", results: [] as const });
  }
  if (t.publishedOn === undefined) return deepFreeze({ ...base, sealed: false as const, note: "检查结果尚未公示", results: [] as const });
  const scrub = (s: string | undefined) => s?.replace(/\d{17}[\dXx]|\d{15}/g, (m) => maskIdNumber(m)).replace(/1[3-9]\d{9}/g, (m) => maskPhone(m));
  return deepFreeze({
    ...base,
    sealed: false as const,
    publishedOn: t.publishedOn,
    results: t.records.map((r) => ({
      targetName: r.target.name,
      // a natural person's code is an identity number: personal data, masked (a USCC is public)
      ...(r.target.code === undefined ? {} : { targetCode: isValidResidentId(r.target.code) ? maskIdNumber(r.target.code) : r.target.code }),
      inspectedOn: r.inspectedOn,
      departments: r.departments.map((d) => ({
        departmentId: d.departmentId,
        items: d.items.map((i) => ({ item: i.itemName, outcomes: i.outcomes.map((o) => OUTCOMES[o].zh) })),
      })),
      ...(r.handlingOpinion === undefined ? {} : { handlingOpinion: scrub(r.handlingOpinion) }),
      corrected: t.corrections.some((c) => c.recordId === r.id),
    })),
  });
}
