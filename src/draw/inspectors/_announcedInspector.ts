import { isPlainObject } from "../../_internal/boundary.js";
import { isValidCivilDate } from "../../calendar/isValidCivilDate.js";
import { DRAW_RULES } from "../../errors/_drawRules.js";
import { STAGE2_RULES } from "../../errors/_stage2Rules.js";
import { diffValues } from "../records/_diff.js";
import { announcementMismatches, type DrawMismatch } from "../targets/verifyTargetDraw.js";
import { commitInspectorInputs } from "./commitInspectorInputs.js";
import type { DrawInspectorsInput } from "./drawInspectors.js";

/** The members an inspector-draw announcement may have (docs/spec-v1.md §9.5, §10); any other is refused. */
const MEMBERS = ["inputsDigest", "seed", "inputsAnnouncedOn"] as const;

const ANNOUNCED = DRAW_RULES.announced;
const SEED_ORDER = STAGE2_RULES["stage2-seed-after-lock"];

/**
 * @internal The stage-2 record and input compared with what was announced (docs/spec-v1.md §9.5, §10; Longting art.
 * 19: no grinding). Every problem is a mismatch at `announced.<member>` — verifyInspectorDraw never throws on a wrong
 * announcement — and nothing given is ignored:
 * - an announcement that is not an object, or a member not in {@link MEMBERS}, is refused (`announced`);
 * - `inputsDigest`: the input's {@link commitInspectorInputs} digest must equal it (inputs changed after the seed);
 * - `seed`: the record's seed must equal it by meaning, as stage 1's `announced.seed` (hex in either case, dice
 *   witnesses as a set) — a record re-drawn under another seed (a re-rolled die, any `other` value) is refused;
 * - `inputsAnnouncedOn`: a real date, on or after the lock, equal to the input's own `inputsAnnouncedOn` when it has
 *   one, and the seed fixed on or after it (`stage2-seed-after-lock`): its date is the dice roll's, else the input's
 *   `seedFixedOn`; a seed whose date is unknown cannot be checked against the announcement, and is refused.
 */
export function inspectorAnnouncementMismatches(record: unknown, input: DrawInspectorsInput, announced: unknown): DrawMismatch[] {
  const out: DrawMismatch[] = [];
  if (!isPlainObject(announced)) {
    out.push({ field: "announced", expected: `announced: ${ANNOUNCED.en} (an object { inputsDigest, seed?, inputsAnnouncedOn? })`, actual: announced === null ? null : typeof announced });
    return out;
  }
  for (const k of Object.keys(announced)) {
    if (!(MEMBERS as readonly string[]).includes(k)) out.push({ field: `announced.${k}`, expected: `announced: ${ANNOUNCED.en} (members: ${MEMBERS.join(", ")})`, actual: "unknown member" });
  }
  diffValues(announced["inputsDigest"], commitInspectorInputs(input).digest, "announced.inputsDigest", out);
  const seed = announced["seed"];
  if (seed !== undefined) {
    if (!isPlainObject(seed)) out.push({ field: "announced.seed", expected: `announced: ${ANNOUNCED.en} (a seed record)`, actual: seed === null ? null : typeof seed });
    else announcementMismatches(isPlainObject(record) ? record : {}, { seed: seed as never }, out);
  }
  const on = announced["inputsAnnouncedOn"];
  if (on !== undefined) out.push(...announcedDateMismatches(on, input));
  return out;
}

/** `announced.inputsAnnouncedOn` against the lock, the input's own date and the seed's date (docs/spec-v1.md §9.1, §9.5). */
function announcedDateMismatches(on: unknown, input: DrawInspectorsInput): DrawMismatch[] {
  const field = "announced.inputsAnnouncedOn";
  if (typeof on !== "string" || !isValidCivilDate(on)) return [{ field, expected: "civil-date: a real date written YYYY-MM-DD", actual: on }];
  const out: DrawMismatch[] = [];
  const own = input?.inputsAnnouncedOn;
  if (own !== undefined && own !== on) out.push({ field, expected: on, actual: own });
  const lockedOn = input?.locked?.lockedOn;
  if (typeof lockedOn === "string" && on < lockedOn) out.push({ field, expected: `${SEED_ORDER.id}: inputs announced on or after the lock (${lockedOn})`, actual: on });
  const p = input?.seed?.provenance;
  const dice = p?.kind === "dice" && typeof p.date === "string" ? p.date : undefined;
  const fixedOn = dice ?? (typeof input?.seedFixedOn === "string" ? input.seedFixedOn : undefined);
  if (fixedOn === undefined) {
    out.push({ field, expected: `${SEED_ORDER.id}: ${SEED_ORDER.en} — a seed date to check (a dice roll's date, or seedFixedOn in the input)`, actual: "no seed date" });
  } else if (fixedOn < on) {
    out.push({ field, expected: `${SEED_ORDER.id}: ${SEED_ORDER.en} — the seed fixed on or after ${on}`, actual: `seed fixed on ${fixedOn}` });
  }
  return out;
}
