import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { digestOf } from "./_encoding.js";
import { commitPool } from "./commitPool.js";
import { drawTargets, type DrawUnit } from "./drawTargets.js";
import type { TargetDrawRecord } from "./TargetDrawRecord.js";

/**
 * One difference between a published record and its re-run.
 *
 * @category Draw
 */
export interface DrawMismatch {
  /** Where, e.g. `strata.B.selected[3].unitId` or `poolCommitment.digest`. */
  readonly field: string;
  /** What the re-run produced. */
  readonly expected: unknown;
  /** What the record says. */
  readonly actual: unknown;
}

/**
 * Result of a verification: identical, or every mismatch.
 *
 * @category Draw
 */
export type VerificationResult = { readonly ok: true } | { readonly ok: false; readonly mismatches: readonly DrawMismatch[] };

/**
 * Re-runs a published stage-1 record against the pool and lists **every** mismatch: the record's own digest, the pool
 * commitment (the pool is not the committed one), sizes, quotas, thresholds and each selected unit and ticket. An
 * auditor needs only the record and the pool.
 *
 * @category Draw
 * @example
 * ```ts
 * import { commitPool, createSeed, drawTargets, verifyTargetDraw } from "shuangsuiji";
 * const pool = [{ id: "U1", riskClass: "A" }, { id: "U2", riskClass: "A" }];
 * const seed = createSeed("0123456789abcdef0123456789abcdef", { kind: "other", description: "example" });
 * const record = drawTargets({ taskId: "T", pool, seed, commitment: commitPool(pool), policy: { strata: { A: { count: 1 } } } });
 * verifyTargetDraw(record, pool); // { ok: true }
 * verifyTargetDraw(record, pool.slice(1)).ok; // false
 * ```
 */
export function verifyTargetDraw(record: TargetDrawRecord, pool: Iterable<DrawUnit>): VerificationResult {
  const mismatches: DrawMismatch[] = [];
  const push = (field: string, expected: unknown, actual: unknown) => {
    if (JSON.stringify(expected) !== JSON.stringify(actual)) mismatches.push({ field, expected, actual });
  };
  const { digest, ...body } = record;
  push("digest", digestOf(body), digest);
  const units = [...pool];
  let commitment;
  try {
    commitment = commitPool(units, { eligibility: record.poolCommitment.eligibility, exclusions: record.poolCommitment.exclusions });
  } catch (e) {
    if (e instanceof ShuangsuijiError) return deepFreeze({ ok: false, mismatches: [{ field: "pool", expected: "valid units", actual: e.message }] });
    throw e;
  }
  for (const k of ["digest", "unitCount", "eligibleCount", "strata", "ineligible"] as const) push(`poolCommitment.${k}`, commitment[k], record.poolCommitment[k]);
  let rerun: TargetDrawRecord;
  try {
    // `commitment` was just computed from these very units, so the re-run checks counts only (one hash pass, not two)
    rerun = drawTargets({ taskId: record.taskId, pool: units, policy: record.policy, seed: record.seed, commitment, commitmentCheck: "counts" });
  } catch (e) {
    if (e instanceof ShuangsuijiError) return deepFreeze({ ok: false, mismatches: [...mismatches, { field: "rerun", expected: "a draw", actual: e.message }] });
    throw e;
  }
  push("algorithm", rerun.algorithm, record.algorithm);
  const byClass = new Map(record.strata.map((s) => [s.riskClass, s]));
  for (const s of rerun.strata) {
    const r = byClass.get(s.riskClass);
    if (r === undefined) {
      mismatches.push({ field: `strata.${s.riskClass}`, expected: s, actual: undefined });
      continue;
    }
    for (const k of ["size", "quota", "census", "threshold"] as const) push(`strata.${s.riskClass}.${k}`, s[k], r[k]);
    const n = Math.max(s.selected.length, r.selected.length);
    for (let i = 0; i < n; i++) {
      push(`strata.${s.riskClass}.selected[${i}].unitId`, s.selected[i]?.unitId, r.selected[i]?.unitId);
      push(`strata.${s.riskClass}.selected[${i}].ticket`, s.selected[i]?.ticket, r.selected[i]?.ticket);
    }
  }
  for (const r of record.strata) if (!rerun.strata.some((s) => s.riskClass === r.riskClass)) mismatches.push({ field: `strata.${r.riskClass}`, expected: undefined, actual: r });
  push("selectedCount", rerun.selectedCount, record.selectedCount);
  push("random", rerun.random, record.random);
  return deepFreeze(mismatches.length === 0 ? { ok: true } : { ok: false, mismatches });
}
