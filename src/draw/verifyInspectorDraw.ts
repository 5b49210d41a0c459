import { deepFreeze } from "../_internal/deepFreeze.js";
import { canonicalize } from "./_encoding.js";
import { canonicalDigest } from "./_canonicalDigest.js";
import { diffValues, MAX_MISMATCHES } from "./_diff.js";
import { guarded, shapeMismatches } from "./_checkRecord.js";
import { drawInspectors, type DrawInspectorsInput } from "./drawInspectors.js";
import type { InspectorDrawRecord } from "./InspectorDrawRecord.js";
import { InspectorDrawRecordSchema } from "./recordSchemas.js";
import { seedNotes, type DrawMismatch, type VerificationResult } from "./verifyTargetDraw.js";

/**
 * Re-runs a stage-2 draw from its inputs (locked list, seed, directories, recusals, availability) and compares the
 * whole record with the published one field by field in canonical form (docs/spec-v1.md §10): kind, algorithm, the
 * lock it ran on, the seed and its derivation, every department's directory digest, eligible counts and teams, every
 * leader, the recusals, the random side and the digest; unknown members are mismatches. A damaged record or inputs the
 * draw refuses give `{ ok: false, mismatches }`, never a thrown error.
 *
 * @param record - The published stage-2 record.
 * @param input - The stage-2 input as the verifier has it.
 * @returns `{ ok: true, notes }`, or `{ ok: false, mismatches, notes }` listing every difference.
 * @throws Never for a bad record or input — a malformed record, or an input {@link drawInspectors} refuses, is caught
 *   and reported in `mismatches`.
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
  const mismatches: DrawMismatch[] = guarded("record", () => {
    const shape = InspectorDrawRecordSchema.safeParse(record);
    if (!shape.success) return shapeMismatches(shape.error.issues);
    const { digest, ...body } = record;
    const out: DrawMismatch[] = [];
    diffValues(canonicalDigest(body), digest, "digest", out); // generic walk: checks the draw's shape-specific writer too
    return out;
  });
  mismatches.push(
    ...guarded("rerun", () => {
      const rerun = drawInspectors(input);
      if (!rerun.ok) return [{ field: "rerun", expected: "a complete draw", actual: rerun.messageEn }];
      const out: DrawMismatch[] = [];
      diffValues(rerun.record, canonicalize(record), "", out); // the re-run is built canonical
      return out;
    }),
  );
  const seen = new Set<string>();
  const unique = mismatches.filter((m) => !seen.has(m.field) && seen.add(m.field) !== undefined).slice(0, MAX_MISMATCHES);
  let notes: ReturnType<typeof seedNotes> = [];
  try {
    notes = seedNotes(record?.seed, "seed.provenance");
  } catch {
    notes = [];
  }
  return deepFreeze(unique.length === 0 ? { ok: true as const, notes } : { ok: false as const, mismatches: unique, notes });
}
