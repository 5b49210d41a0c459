import { publishResults, type PublishResultsOptions, type TaskLifecycle, type Transition } from "../../src/index.js";

/**
 * Publishes a task's results department by department, as a joint task must (谁检查、谁录入、谁公开, Longting art. 22):
 * each department of the task not yet published, initiating department first, on the same date. Returns the last
 * publication (the one that makes the task `published`). `withheld` withholds the whole record: each department with a
 * section on a withheld record withholds its own section at its publication (谁检查、谁公开, Chongqing 6.6).
 */
export function publishAll(t: TaskLifecycle, options: Omit<PublishResultsOptions, "departmentId">): Transition {
  const done = t.departmentPublications ?? {};
  const departments = [t.task.initiatingDepartmentId, ...t.task.cooperatingDepartmentIds].filter((d) => !Object.hasOwn(done, d));
  let last: Transition | undefined;
  for (const [k, departmentId] of departments.entries()) {
    const { withheld, ...rest } = options;
    const own = withheld?.filter((w) => t.records.find((r) => r.id === w.recordId)?.departments.some((d) => d.departmentId === departmentId) ?? k === 0);
    last = publishResults(last?.task ?? t, { ...rest, departmentId, ...(own === undefined || (own.length === 0 && withheld!.length > 0) ? {} : { withheld: own }) });
  }
  // every department has published: the library refuses a further publication (illegal-transition)
  return last ?? publishResults(t, { ...options, departmentId: t.task.initiatingDepartmentId });
}

/** A record form moved to another inspection day: `inspectedOn`, the target's and the inspectors' signatures. */
export function inspectedOnDay<R extends { inspectedOn: string; targetConfirmation: unknown; inspectorSignatures: readonly { inspectorId: string; signedOn: string }[] }>(rec: R, day: string): R {
  const c = rec.targetConfirmation as { kind: string; signedOn?: string };
  return { ...rec, inspectedOn: day, targetConfirmation: c.kind === "signed" ? { ...c, signedOn: day } : c, inspectorSignatures: rec.inspectorSignatures.map((s) => ({ ...s, signedOn: day })) };
}
