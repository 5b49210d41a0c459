import { isPlainObject } from "../../_internal/boundary.js";
import { isValidCivilDate } from "../../calendar/isValidCivilDate.js";
import { DRAW_RULES } from "../../errors/_drawRules.js";
import { STAGE2_RULES } from "../../errors/_stage2Rules.js";
import { diffValues } from "../records/_diff.js";
import { announcementMismatches, lowerHex, type DrawMismatch } from "../targets/verifyTargetDraw.js";
import { commitInspectorInputs } from "./commitInspectorInputs.js";
import type { DrawInspectorsInput } from "./drawInspectors.js";

/** The members an inspector-draw announcement may have (docs/spec-v1.md §9.5, §10); any other is refused. */
const MEMBERS = ["inputsDigest", "seed", "inputsAnnouncedOn", "seedFixedOn"] as const;

const ANNOUNCED = DRAW_RULES.announced;
const SEED_ORDER = STAGE2_RULES["stage2-seed-after-lock"];

/**
 * @internal The stage-2 record and input compared with what was announced (docs/spec-v1.md §9.5, §10; Longting art.
 * 19: no grinding). Every problem is a mismatch at `announced.<member>` — verifyInspectorDraw never throws on a wrong
 * announcement — and nothing given is ignored:
 * - an announcement that is not an object, or a member not in {@link MEMBERS}, is refused (`announced`);
 * - `inputsDigest`: the input's {@link commitInspectorInputs} digest must equal it, hex in either case (inputs changed
 *   after the seed);
 * - `seed`: the record's seed must equal it by meaning, as stage 1's `announced.seed` (hex in either case, dice
 *   witnesses as a set) — a record re-drawn under another seed (a re-rolled die, any `other` value) is refused;
 * - `seedFixedOn`: a real date, equal to the input's own `seedFixedOn` when it has one and to the dice roll's date
 *   when the record's seed is a dice roll;
 * - `inputsAnnouncedOn`: a real date, on or after the lock, equal to the input's own `inputsAnnouncedOn` when it has
 *   one, and the seed fixed on or after it (`stage2-seed-after-lock`). The seed's date is taken from the
 *   announcement, never from the operator's input file alone (hostile8a F1: a false `seedFixedOn` in the input passed):
 *   `announced.seedFixedOn`, else the date of an announced dice roll (`announced.seed`, compared with the record's by
 *   meaning above); with neither, the order cannot be checked, and is refused.
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
  // a digest printed on a notice in upper case is the same digest (docs/spec-v1.md §10; hostile8a F2)
  diffValues(lowerHex(announced["inputsDigest"]), commitInspectorInputs(input).digest, "announced.inputsDigest", out);
  const seed = announced["seed"];
  if (seed !== undefined) {
    if (!isPlainObject(seed)) out.push({ field: "announced.seed", expected: `announced: ${ANNOUNCED.en} (a seed record)`, actual: seed === null ? null : typeof seed });
    else announcementMismatches(isPlainObject(record) ? record : {}, { seed: seed as never }, out);
  }
  const fixed = announced["seedFixedOn"];
  if (fixed !== undefined) out.push(...announcedSeedDateMismatches(fixed, record, input));
  const on = announced["inputsAnnouncedOn"];
  if (on !== undefined) out.push(...announcedDateMismatches(on, input, announcedSeedDate(fixed, seed)));
  return out;
}

/** The seed's date as announced: `announced.seedFixedOn`, else an announced dice roll's date (docs/spec-v1.md §9.5, §10). */
function announcedSeedDate(fixed: unknown, seed: unknown): string | undefined {
  if (typeof fixed === "string") return isValidCivilDate(fixed) ? fixed : undefined;
  const p = isPlainObject(seed) ? seed["provenance"] : undefined;
  return isPlainObject(p) && p["kind"] === "dice" && typeof p["date"] === "string" && isValidCivilDate(p["date"]) ? p["date"] : undefined;
}

/** `announced.seedFixedOn` against the input's own `seedFixedOn` and a dice roll's date in the record. */
function announcedSeedDateMismatches(fixed: unknown, record: unknown, input: DrawInspectorsInput): DrawMismatch[] {
  const field = "announced.seedFixedOn";
  if (typeof fixed !== "string" || !isValidCivilDate(fixed)) return [{ field, expected: "civil-date: a real date written YYYY-MM-DD", actual: fixed }];
  const out: DrawMismatch[] = [];
  const own = input?.seedFixedOn;
  if (own !== undefined && own !== null && own !== fixed) out.push({ field, expected: fixed, actual: own }); // null: absent (spec §9.2)
  const seed = isPlainObject(record) ? record["seed"] : undefined;
  const p = isPlainObject(seed) ? seed["provenance"] : undefined;
  if (isPlainObject(p) && p["kind"] === "dice" && p["date"] !== fixed) out.push({ field, expected: fixed, actual: `dice rolled on ${String(p["date"])}` });
  return out;
}

/** `announced.inputsAnnouncedOn` against the lock, the input's own date and the seed's date (docs/spec-v1.md §9.1, §9.5). */
function announcedDateMismatches(on: unknown, input: DrawInspectorsInput, fixedOn: string | undefined): DrawMismatch[] {
  const field = "announced.inputsAnnouncedOn";
  if (typeof on !== "string" || !isValidCivilDate(on)) return [{ field, expected: "civil-date: a real date written YYYY-MM-DD", actual: on }];
  const out: DrawMismatch[] = [];
  const own = input?.inputsAnnouncedOn;
  if (own !== undefined && own !== null && own !== on) out.push({ field, expected: on, actual: own }); // null: absent (spec §9.2)
  const lockedOn = input?.locked?.lockedOn;
  if (typeof lockedOn === "string" && on < lockedOn) out.push({ field, expected: `${SEED_ORDER.id}: inputs announced on or after the lock (${lockedOn})`, actual: on });
  if (fixedOn === undefined) {
    out.push({ field, expected: `${SEED_ORDER.id}: ${SEED_ORDER.en} — the seed's date as announced (announced.seedFixedOn, or an announced dice roll in announced.seed); the input file's own date is the operator's word`, actual: "no announced seed date" });
  } else if (fixedOn < on) {
    out.push({ field, expected: `${SEED_ORDER.id}: ${SEED_ORDER.en} — the seed fixed on or after ${on}`, actual: `seed fixed on ${fixedOn}` });
  }
  return out;
}
