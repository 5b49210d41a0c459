import { WOLONG_FORM_CODES } from "./FORM_CODES.js";
import type { OutcomeId } from "./OUTCOMES.js";

/**
 * The outcome for a Wolong form code (1–9), or `undefined` for any other value — an unknown code is reported, never
 * guessed.
 *
 * @param code - A Wolong record-form code.
 * @returns The outcome id, or `undefined` for a value that is not a form code.
 * @throws Never — any value gives an outcome or `undefined`.
 * @category Result codes
 * @example
 * ```ts
 * import { outcomeFromFormCode } from "shuangsuiji";
 * outcomeFromFormCode(7); // "pending-follow-up"
 * outcomeFromFormCode(10); // undefined
 * ```
 */
export function outcomeFromFormCode(code: number): OutcomeId | undefined {
  return typeof code === "number" && Object.prototype.hasOwnProperty.call(WOLONG_FORM_CODES, code)
    ? WOLONG_FORM_CODES[code as keyof typeof WOLONG_FORM_CODES]
    : undefined;
}

/**
 * The Wolong form code (1–9) of an outcome, or `undefined` for outcomes the form has no code for (the extended
 * Wancheng/Chongqing outcomes and status outcomes).
 *
 * @param outcome - An outcome id.
 * @returns Its Wolong form code 1–9, or `undefined`.
 * @throws Never — any value gives a code or `undefined`.
 * @category Result codes
 * @example
 * ```ts
 * import { formCodeOf } from "shuangsuiji";
 * formCodeOf("non-compliant"); // 9
 * formCodeOf("falsified-public-information"); // undefined
 * ```
 */
export function formCodeOf(outcome: OutcomeId): number | undefined {
  for (const [k, v] of Object.entries(WOLONG_FORM_CODES)) if (v === outcome) return Number(k);
  return undefined;
}
