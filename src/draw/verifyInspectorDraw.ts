import { deepFreeze } from "../_internal/deepFreeze.js";
import { digestOf } from "./_encoding.js";
import { drawInspectors, type DrawInspectorsInput } from "./drawInspectors.js";
import type { InspectorDrawRecord } from "./InspectorDrawRecord.js";
import type { DrawMismatch, VerificationResult } from "./verifyTargetDraw.js";

/**
 * Re-runs a stage-2 draw from the same inputs (locked list, seed, directories, recusals) and lists every mismatch:
 * the record's digest, the lock it ran on, each team and each leader.
 *
 * @category Draw
 * @example
 * ```ts
 * import { verifyInspectorDraw, type DrawInspectorsInput, type InspectorDrawRecord } from "shuangsuiji";
 * declare const record: InspectorDrawRecord;
 * declare const input: DrawInspectorsInput;
 * const v = verifyInspectorDraw(record, input);
 * if (!v.ok) console.log(v.mismatches.map((m) => m.field));
 * ```
 */
export function verifyInspectorDraw(record: InspectorDrawRecord, input: DrawInspectorsInput): VerificationResult {
  const mismatches: DrawMismatch[] = [];
  const push = (field: string, expected: unknown, actual: unknown) => {
    if (JSON.stringify(expected) !== JSON.stringify(actual)) mismatches.push({ field, expected, actual });
  };
  const { digest, ...body } = record;
  push("digest", digestOf(body), digest);
  const rerun = drawInspectors(input);
  if (!rerun.ok) return deepFreeze({ ok: false, mismatches: [...mismatches, { field: "rerun", expected: "a complete draw", actual: rerun.messageEn }] });
  const r = rerun.record;
  for (const k of ["algorithm", "taskId", "lockDigest", "targetDrawDigest", "initiatingDepartmentId", "randomSide"] as const) push(k, r[k], record[k]);
  push("seed", r.seed, record.seed);
  const byId = new Map(record.departments.map((d) => [d.departmentId, d]));
  for (const d of r.departments) {
    const got = byId.get(d.departmentId);
    push(`departments.${d.departmentId}.directoryDigest`, d.directoryDigest, got?.directoryDigest);
    const n = Math.max(d.teams.length, got?.teams.length ?? 0);
    for (let i = 0; i < n; i++) push(`departments.${d.departmentId}.teams[${i}]`, d.teams[i], got?.teams[i]);
  }
  for (const d of record.departments) if (!r.departments.some((x) => x.departmentId === d.departmentId)) push(`departments.${d.departmentId}`, undefined, d);
  const n = Math.max(r.leaders.length, record.leaders.length);
  for (let i = 0; i < n; i++) push(`leaders[${i}]`, r.leaders[i], record.leaders[i]);
  push("recusals", r.recusals, record.recusals);
  return deepFreeze(mismatches.length === 0 ? { ok: true } : { ok: false, mismatches });
}
