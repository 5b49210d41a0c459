import { ShuangsuijiError, type ErrorCode } from "../errors/ShuangsuijiError.js";
import { parseCivilDate } from "../calendar/parseCivilDate.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { digestOf } from "../draw/_encoding.js";
import type { AuditEvent } from "./AuditEvent.js";
import { TASK_STATES, type TaskLifecycle, type TaskState, type Transition } from "./TaskLifecycle.js";

export const GENESIS = "0".repeat(64);

export function refuse(code: ErrorCode, rule: string, clause: string, zh: string, en: string, path: (string | number)[] = [], value?: unknown): never {
  throw new ShuangsuijiError(code, [{ path, rule, clause, messageZh: zh, messageEn: en, ...(value === undefined ? {} : { value }) }]);
}

/** Refuses unless the task is in one of the given states. */
export function requireState(t: TaskLifecycle, allowed: readonly TaskState[], step: string, clause: string): void {
  if (t?.kind !== "task-lifecycle") refuse("invalid-input", "task", "shuangsuiji task lifecycle", "不是任务状态对象", "not a task lifecycle object (use startTask)");
  if (!allowed.includes(t.state)) {
    refuse(
      "illegal-transition",
      `transition:${step}`,
      clause,
      `当前状态为“${t.state}”，不能执行“${step}”（允许的状态：${allowed.join("、")}）`,
      `cannot ${step} in state "${t.state}" (allowed from: ${allowed.join(", ")})`,
      ["state"],
      t.state,
    );
  }
}

/** Appends an audit event and returns the new frozen task. */
export function advance(t: TaskLifecycle, changes: Partial<TaskLifecycle>, ev: { type: string; on: string; actor: string; payload: Record<string, unknown> }): Transition {
  parseCivilDate(ev.on, "on");
  const prev = t.audit[t.audit.length - 1];
  const body = { seq: t.audit.length, type: ev.type, on: ev.on, actor: ev.actor, payload: ev.payload, prevDigest: prev?.digest ?? GENESIS };
  const event: AuditEvent = { ...body, digest: digestOf(body) };
  const task = deepFreeze({ ...t, ...changes, audit: [...t.audit, event] });
  return deepFreeze({ task, event });
}

export const stateIndex = (s: TaskState) => TASK_STATES.indexOf(s);
