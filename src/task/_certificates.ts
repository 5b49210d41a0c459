import type { TaskLifecycle } from "./TaskLifecycle.js";
import type { AuditEvent } from "./AuditEvent.js";
import { firstEventBy } from "./_lifecycle.js";

// The 执法证号 of the inspector directories (执法检查人员名录库, Yanshi 5; Chongqing C.1) the stage-2 draw ran on, as the
// task recorded them: recordInspectorDraw requires its `drawInput` and keeps it in its event, and the record commits
// each department's directory by its digest. A substitute comes from the same directory (replaceInspector checks the
// department's entries against that digest), so every member of a team is found here.

/** inspector id → the 执法证号 of their directory entry ("" when the entry has none); built once per draw event. */
const CERTIFICATES = new WeakMap<AuditEvent, ReadonlyMap<string, string>>();

/** A 执法证号 compared by meaning: NFKC (全角 digits and letters as ASCII), without spaces or format characters. */
export const certificateKey = (v: unknown): string => (typeof v === "string" ? v.normalize("NFKC").replace(/[\p{Cf}\s]/gu, "") : "");

/**
 * The directory entries' 执法证号 by inspector id, from the stage-2 draw's recorded inputs; `undefined` before the
 * inspector draw is recorded.
 */
export function directoryCertificates(t: TaskLifecycle): ReadonlyMap<string, string> | undefined {
  return directoryField(t, CERTIFICATES, "certificateNumber", certificateKey);
}

/**
 * One field of the directory entries the stage-2 draw ran on (the `drawInput` recordInspectorDraw keeps in its event),
 * by inspector id — the first entry of each id — compared by `key`; `undefined` before the inspector draw is recorded.
 * Built once per draw event and cache.
 */
export function directoryField(t: TaskLifecycle, cache: WeakMap<AuditEvent, ReadonlyMap<string, string>>, field: "certificateNumber" | "name", key: (v: unknown) => string): ReadonlyMap<string, string> | undefined {
  const event = firstEventBy(t, "recordInspectorDraw");
  if (event === undefined) return undefined;
  let m = cache.get(event);
  if (m === undefined) {
    const built = new Map<string, string>();
    const options = event.input[1] as { readonly drawInput?: { readonly departments?: unknown } } | null | undefined;
    const departments = options?.drawInput?.departments;
    for (const d of Array.isArray(departments) ? departments : []) {
      const inspectors = (d as { readonly inspectors?: unknown } | null)?.inspectors;
      for (const i of Array.isArray(inspectors) ? inspectors : []) {
        const e = i as Readonly<Record<string, unknown>> | null;
        if (e !== null && typeof e === "object" && typeof e["id"] === "string" && !built.has(e["id"])) built.set(e["id"], key(e[field]));
      }
    }
    m = built;
    cache.set(event, m);
  }
  return m;
}
