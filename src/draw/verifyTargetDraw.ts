import { deepFreeze } from "../_internal/deepFreeze.js";
import { canonicalize } from "./_encoding.js";
import { diffValues, MAX_MISMATCHES } from "./_diff.js";
import { guarded, targetRecordProblems } from "./_checkRecord.js";
import { asyncInput, readingElement } from "../_internal/boundary.js";
import { eachUnit } from "./_each.js";
import { rerunPass } from "./_rerun.js";
import type { PoolCommitment } from "./PoolCommitment.js";
import { drawTargets, type DrawUnit } from "./drawTargets.js";
import type { DrawTimeline } from "./DrawTimeline.js";
import type { SamplingPolicy } from "./SamplingPolicy.js";
import type { SeedRecord } from "./SeedRecord.js";
import type { TargetDrawRecord } from "./TargetDrawRecord.js";

/**
 * One difference between a published record and its re-run.
 *
 * @category Draw
 */
export interface DrawMismatch {
  /** Where, e.g. `strata.B.selected[3].unitId` or `poolCommitment.digest`. */
  readonly field: string;
  /** What the re-run produced (or the rule the record breaks). */
  readonly expected: unknown;
  /** What the record says. */
  readonly actual: unknown;
}

/**
 * Something a verifier could not check, though nothing contradicts the record: `seed-provenance-not-verifiable` for a
 * seed of kind `other` (its value cannot be re-derived — docs/spec-v1.md §5.5).
 *
 * @category Draw
 */
export interface VerificationNote {
  /** Stable code. */
  readonly code: "seed-provenance-not-verifiable";
  /** Where. */
  readonly field: string;
  /** 中文说明。 */
  readonly messageZh: string;
  /** English explanation. */
  readonly messageEn: string;
}

/**
 * Result of a verification: identical, or every mismatch (at most 1000 listed); `notes` name what could not be checked.
 *
 * @category Draw
 */
export type VerificationResult =
  | { readonly ok: true; readonly notes: readonly VerificationNote[] }
  | { readonly ok: false; readonly mismatches: readonly DrawMismatch[]; readonly notes: readonly VerificationNote[] };

/**
 * What the auditor knows from the announcements made before the draw (the published commitment digest, the seed read
 * out at the ceremony, the task id and policy of the task): each given value must equal the record's.
 *
 * @category Draw
 */
export interface AnnouncedDrawInputs {
  /** The commitment digest published before the seed existed. */
  readonly poolCommitmentDigest?: string;
  /** The seed (value and provenance) as announced. */
  readonly seed?: SeedRecord;
  /** The task id. */
  readonly taskId?: string;
  /** The task's sampling policy. */
  readonly policy?: SamplingPolicy;
  /** The announced dates (commitment published, seed fixed). */
  readonly timeline?: DrawTimeline;
}

/** @internal The note for a seed of kind `other`. */
export function seedNotes(seed: { readonly provenance?: { readonly kind?: unknown } } | undefined, field: string): VerificationNote[] {
  return seed?.provenance?.kind === "other"
    ? [{ code: "seed-provenance-not-verifiable", field, messageZh: "种子来源为“其他”，无法由公开来源复算，仅能核对记载的数值", messageEn: "the seed's provenance is `other`: its value cannot be re-derived from a public source, only checked as recorded" }]
    : [];
}

/**
 * Rebuilds the whole stage-1 record from its own inputs (task id, policy, seed and its provenance, timeline,
 * eligibility rules, exclusions) and the pool, and compares it with the published record **field by field, in
 * canonical form** (docs/spec-v1.md §10): every member of the record is recomputed, unknown members are mismatches,
 * duplicate or missing strata are mismatches, the seed must derive from its provenance, and the digest is recomputed.
 * A damaged or partial record gives `{ ok: false, mismatches }` — never a thrown error. An auditor needs the record,
 * the pool and, to bind the record to what was announced before the draw, {@link AnnouncedDrawInputs}.
 *
 * @param record - The published draw record.
 * @param pool - The pool as the verifier has it.
 * @param announced - Values published before the draw (e.g. the pool commitment's digest), compared with the record.
 * @returns `{ ok: true, notes }`, or `{ ok: false, mismatches, notes }` listing every difference.
 * @throws Never for a bad record or pool — a malformed or altered record, or a pool that does not match, is caught and
 *   reported in `mismatches`.
 * @category Draw
 * @example
 * ```ts
 * import { commitPool, createSeed, drawTargets, verifyTargetDraw } from "shuangsuiji";
 * const pool = [{ id: "U1", riskClass: "A" }, { id: "U2", riskClass: "A" }];
 * const seed = createSeed("0123456789abcdef0123456789abcdef", { kind: "other", description: "example" });
 * const record = drawTargets({ taskId: "T", pool, seed, commitment: commitPool(pool), policy: { strata: { A: { count: 1 } } } });
 * verifyTargetDraw(record, pool).ok; // true (with a note: an `other` seed is not verifiable)
 * verifyTargetDraw(record, pool.slice(1)).ok; // false
 * ```
 */
export function verifyTargetDraw(record: TargetDrawRecord, pool: Iterable<DrawUnit>, announced: AnnouncedDrawInputs = {}): VerificationResult {
  const mismatches: DrawMismatch[] = [...targetRecordProblems(record)];
  const r = record as Partial<TargetDrawRecord> | undefined;
  const notes = safeNotes(r);
  mismatches.push(
    ...guarded("rerun", () => {
      const units = [...pool];
      // one pass: the commitment (as commitPool computes it) and every eligible unit's ticket, kept per class
      let pass: ReturnType<typeof rerunPass>;
      let commitment: PoolCommitment;
      try {
        pass = rerunPass(r, true);
        eachUnit<DrawUnit>(units, ["pool"], pass.add, true);
        commitment = pass.commitment();
      } catch (e) {
        return guarded("pool", () => {
          throw e;
        });
      }
      const fast = pass.compare(commitment);
      if (fast !== undefined) return fast;
      // the record understates the pool everywhere: re-run the two-pass way (the commitment is from these units,
      // so the re-run checks counts only)
      const rerun = drawTargets({
        taskId: r?.taskId as string, pool: units, policy: r?.policy as SamplingPolicy, seed: r?.seed as SeedRecord, commitment, commitmentCheck: "counts",
        ...(r?.timeline === undefined ? {} : { timeline: r.timeline }),
      });
      const out: DrawMismatch[] = [];
      diffValues(canonicalize(rerun), canonicalize(record), "", out);
      return out;
    }),
  );
  return conclude(mismatches, r, announced, notes);
}

/**
 * {@link verifyTargetDraw} over a pool streamed from an async iterable (a database cursor, a file read row by row) or
 * any iterable, in memory proportional to the quotas (plus a 12-byte fingerprint per unit for the duplicate check),
 * never the pool: the auditor's check of the 二次随机 stage-1 record (Longting art. 19; docs/spec-v1.md §10). It
 * recomputes every field in one pass — the commitment from the pool under the record's rules, each eligible unit's
 * ticket kept per stratum up to the largest quota any figure of the record implies — and compares the rebuilt record
 * with the published one field by field, as the in-memory verifier does; on every record whose figures do not all
 * understate the pool, the result is the same. When they all do (the pool has more units in a stratum than the record
 * says anywhere), the record is refused all the same, and `strata.<class>.selected` names the selection it could not
 * recompute. Duplicate ids are found by 64-bit SHA-256 fingerprints (a stream is not kept). Never throws on a damaged
 * record or pool: `{ ok: false, mismatches }`.
 *
 * @param record - The published draw record.
 * @param pool - The pool as the verifier has it, streamed (an async iterable such as a database cursor) or in memory.
 * @param announced - Values published before the draw (the pool commitment with its counts, the seed, the policy, the
 *   dates), compared with the record.
 * @returns A promise of `{ ok: true, notes }`, or `{ ok: false, mismatches, notes }` listing every difference.
 * @throws Never for a bad record or pool — a malformed or altered record, a pool that does not match, or a pool
 *   iterator that fails is caught and reported in `mismatches`.
 * @category Draw
 * @example
 * ```ts
 * import { commitPool, createSeed, drawTargets, verifyTargetDrawAsync } from "shuangsuiji";
 * const pool = [{ id: "U1", riskClass: "A" }, { id: "U2", riskClass: "A" }, { id: "U3", riskClass: "A" }];
 * const seed = createSeed("0123456789abcdef0123456789abcdef", { kind: "other", description: "example" });
 * const record = drawTargets({ taskId: "T", pool, seed, commitment: commitPool(pool), policy: { strata: { A: { count: 1 } } } });
 * async function* rows() { yield* pool; } // e.g. a database cursor
 * const result = await verifyTargetDrawAsync(record, rows());
 * result.ok; // true
 * ```
 */
export async function verifyTargetDrawAsync(record: TargetDrawRecord, pool: AsyncIterable<DrawUnit> | Iterable<DrawUnit>, announced: AnnouncedDrawInputs = {}): Promise<VerificationResult> {
  const mismatches: DrawMismatch[] = [...targetRecordProblems(record)];
  const r = record as Partial<TargetDrawRecord> | undefined;
  const notes = safeNotes(r);
  let pass: ReturnType<typeof rerunPass> | undefined;
  let commitment: PoolCommitment | undefined;
  try {
    pass = rerunPass(r, false);
    const add = pass.add;
    // an array is read at once, as verifyTargetDraw reads it (its elements are units, not promises to await)
    if (isArray(pool)) eachUnit<DrawUnit>([...pool], ["pool"], add);
    else {
      let i = 0;
      for await (const u of asyncInput<DrawUnit>(pool, ["pool"])) readingElement(["pool", i++], () => add(u));
    }
    commitment = pass.commitment();
  } catch (e) {
    mismatches.push(...guarded("pool", () => {
      throw e;
    }));
  }
  if (pass !== undefined && commitment !== undefined) mismatches.push(...(pass.compare(commitment, true) ?? []));
  return conclude(mismatches, r, announced, notes);
}

function isArray(v: unknown): v is readonly unknown[] {
  try {
    return Array.isArray(v);
  } catch {
    return false; // a revoked Proxy: asyncInput reports it
  }
}

/** The announced inputs compared, duplicates of one field dropped, at most MAX_MISMATCHES, frozen. */
function conclude(mismatches: DrawMismatch[], r: Partial<TargetDrawRecord> | undefined, announced: AnnouncedDrawInputs, notes: VerificationNote[]): VerificationResult {
  for (const [k, v] of Object.entries(announced)) {
    if (v === undefined) continue;
    const published = k === "poolCommitmentDigest" ? r?.poolCommitment?.digest : (r as Record<string, unknown> | undefined)?.[k];
    diffValues(canonicalize(v), canonicalize(published), `announced.${k}`, mismatches);
  }
  const unique = dedupe(mismatches).slice(0, MAX_MISMATCHES);
  return deepFreeze(unique.length === 0 ? { ok: true as const, notes } : { ok: false as const, mismatches: unique, notes });
}

function safeNotes(r: Partial<TargetDrawRecord> | undefined): VerificationNote[] {
  try {
    return seedNotes(r?.seed, "seed.provenance");
  } catch {
    return [];
  }
}

/** The same field reported by the self-check and the re-run is listed once. */
function dedupe(ms: readonly DrawMismatch[]): DrawMismatch[] {
  const seen = new Set<string>();
  return ms.filter((m) => {
    const k = m.field;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
