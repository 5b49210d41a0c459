import { OUTCOMES, type OutcomeDefinition, type OutcomeId } from "./OUTCOMES.js";

/**
 * Whether an outcome is negative information (负面信息) — the kind credit repair deals with. Defaults follow the 川渝
 * scheme (2025) and regulations.md §3; pass your own dictionary to change them.
 *
 * @category Result codes
 * @example
 * ```ts
 * import { isNegativeOutcome } from "shuangsuiji";
 * isNegativeOutcome("non-compliant"); // true
 * isNegativeOutcome("no-relevant-business-activity"); // false
 * ```
 */
export function isNegativeOutcome(
  outcome: OutcomeId,
  dictionary: { readonly [K in OutcomeId]: OutcomeDefinition } = OUTCOMES,
): boolean {
  return dictionary[outcome].isNegative;
}
