import { deepFreeze } from "../../_internal/deepFreeze.js";
import { canonicalize } from "../_shared/_encoding.js";
import { stage2BodyDigest, stage2BodyMatches } from "./_recordDigest.js";
import { diffValues, MAX_MISMATCHES } from "../records/_diff.js";
import { guarded, shapeMismatches } from "../records/_checkRecord.js";
import { drawStage2, type DrawInspectorsInput, type DrawInspectorsResult } from "./drawInspectors.js";
import { commitInspectorInputs } from "./commitInspectorInputs.js";
import { inspectorAnnouncementMismatches } from "./_announcedInspector.js";
import type { SeedRecord } from "../seeds/SeedRecord.js";
import type { InspectorDrawRecord } from "./InspectorDrawRecord.js";
import { sameRecord } from "./_sameRecord.js";
import { InspectorDrawRecordSchema } from "../records/recordSchemas.js";
import { seedNotes, type DrawMismatch, type VerificationResult } from "../targets/verifyTargetDraw.js";

/**
 * What was announced before the stage-2 seed was fixed (docs/spec-v1.md §9.1, §10).
 *
 * @category Draw
 */
export interface AnnouncedInspectorInputs {
  /** The published {@link commitInspectorInputs} digest of the stage-2 inputs. */
  readonly inputsDigest: string;
  /**
   * The stage-2 seed (value and provenance) as announced or read out at the ceremony, compared with the record's by
   * meaning as stage 1's `announced.seed` (docs/spec-v1.md §9.5, §10). Without it, a record re-drawn under another
   * seed (a re-rolled die, any `other` value) on the same announced inputs passes.
   */
  readonly seed?: SeedRecord;
  /**
   * The day the inputs digest was announced (`YYYY-MM-DD`): the seed must be fixed on or after it, so inputs cannot
   * have been chosen knowing the seed (docs/spec-v1.md §9.1, §9.5). The seed's date is taken from the announcement —
   * `seedFixedOn` below, or the date of an announced dice roll (`seed`) — never from the operator's input file alone;
   * with neither, the order is refused as unverifiable.
   */
  readonly inputsAnnouncedOn?: string;
  /**
   * The day the stage-2 seed was fixed (`YYYY-MM-DD`), as the auditor knows it from outside the operator's files: the
   * ceremony's notice, the lottery issue's draw date, the beacon pulse's publication time. It must equal the input's
   * `seedFixedOn` and a dice roll's date when they are given (docs/spec-v1.md §9.5, §10).
   */
  readonly seedFixedOn?: string;
}

/**
 * Whether a published record is, member for member, the re-run's record (docs/spec-v1.md §10) and its digest is the
 * SHA-256 of its own canonical text as written by the walking writer — independent of the text drawInspectors writes as
 * it draws. Then every check the detailed comparison makes passes (the re-run is a well-formed record; equal values have
 * equal canonical JSON), so it is skipped. Exactly the same own members on both sides (an extra member is a
 * difference even when undefined, as for the record schema); a record that cannot be read is not the same.
 *
 * The digests are equal (`same`) and the re-run's digest is SHA-256 of `expectedText`, the re-run's text: so the
 * published digest is SHA-256 of the walking writer's text exactly when the two texts are the same bytes (short of a
 * SHA-256 collision). The texts are compared chunk by chunk as the walking writer writes (stage2BodyMatches), so the
 * 4 MiB of a 10⁴-target record are neither hashed a second time nor kept a second time.
 */
function agrees(expected: InspectorDrawRecord, expectedText: Uint8Array, actual: unknown): boolean {
  try {
    if (!sameRecord(expected, actual)) return false;
    const { digest: _digest, ...body } = actual as InspectorDrawRecord;
    return stage2BodyMatches(body, expectedText);
  } catch {
    return false;
  }
}


/**
 * Re-runs a stage-2 draw from its inputs (locked list, seed, directories, recusals, availability) and compares the
 * whole record with the published one field by field in canonical form (docs/spec-v1.md §10): kind, algorithm, the
 * lock it ran on, the seed and its derivation, every department's directory digest, eligible counts and teams, every
 * leader, the recusals, the random side and the digest; unknown members are mismatches. A damaged record or inputs the
 * draw refuses give `{ ok: false, mismatches }`, never a thrown error.
 *
 * @param record - The published stage-2 record.
 * @param input - The stage-2 input as the verifier has it (with `inputsAnnouncedOn` and `seedFixedOn` when known: a
 *   seed fixed before the lock or the announcement is a mismatch).
 * @param announced - What was announced (docs/spec-v1.md §9.5, §10): the inputs digest ({@link commitInspectorInputs})
 *   — inputs changed after the seed (someone marked unavailable, a cap, scope, filter or group size) are caught —
 *   and, to bind the draw itself, the stage-2 `seed` (compared by meaning), `inputsAnnouncedOn` and the seed's date
 *   as announced (`seedFixedOn`, or an announced dice roll's date: the seed fixed on or after the announcement):
 *   Longting art. 19, no grinding. An unknown member, or an announcement that is not an object, is a
 *   mismatch at `announced…` (refused, never ignored).
 * @returns `{ ok: true, notes }`, or `{ ok: false, mismatches, notes }` listing every difference.
 * @throws Never for a bad record or input — a malformed record, or an input {@link drawInspectors} refuses, is caught
 *   and reported in `mismatches`.
 * @category Draw
 * @example
 * ```ts
 * import { verifyInspectorDraw, type DrawInspectorsInput, type InspectorDrawRecord, type SeedRecord } from "shuangsuiji";
 * declare const record: InspectorDrawRecord;
 * declare const input: DrawInspectorsInput;
 * declare const announcedDigest: string; // published before the stage-2 seed
 * declare const announcedSeed: SeedRecord; // read out at the stage-2 ceremony
 * const v = verifyInspectorDraw(record, input, { inputsDigest: announcedDigest, seed: announcedSeed, inputsAnnouncedOn: "2026-04-03" });
 * if (!v.ok) console.log(v.mismatches.map((m) => m.field));
 * ```
 */
export function verifyInspectorDraw(record: InspectorDrawRecord, input: DrawInspectorsInput, announced?: AnnouncedInspectorInputs): VerificationResult {
  // The re-run, once: an input the draw refuses is reported, never thrown.
  let rerun: DrawInspectorsResult | undefined;
  const sink: { text?: Uint8Array } = {};
  const refused = guarded("rerun", () => {
    rerun = drawStage2(input, sink);
    return [];
  });
  const mismatches: DrawMismatch[] =
    rerun?.ok === true && sink.text !== undefined && agrees(rerun.record, sink.text, record)
      ? []
      : [
          // Something differs: every difference is listed, the record's own checks first.
          ...guarded("record", () => {
            const shape = InspectorDrawRecordSchema.safeParse(record);
            if (!shape.success) return shapeMismatches(shape.error.issues, record);
            const { digest, ...body } = record;
            const out: DrawMismatch[] = [];
            diffValues(stage2BodyDigest(body), digest, "digest", out);
            return out;
          }),
          ...refused,
          ...guarded("rerun", () => {
            if (rerun === undefined) return [];
            if (!rerun.ok) return [{ field: "rerun", expected: "a complete draw", actual: rerun.messageEn }];
            const out: DrawMismatch[] = [];
            diffValues(rerun.record, canonicalize(record), "", out); // the re-run is built canonical
            return out;
          }),
        ];
  if (announced !== undefined) mismatches.push(...guarded("announced", () => inspectorAnnouncementMismatches(record, input, announced)));
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
