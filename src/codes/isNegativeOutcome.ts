import { invalid, isPlainObject, own, readPlain } from "../_internal/boundary.js";
import { OUTCOMES, type OutcomeDefinition, type OutcomeId } from "./OUTCOMES.js";

/**
 * Whether an outcome is negative information (负面信息) — the kind credit repair deals with. Defaults follow the 川渝
 * scheme (《川渝市场监管“双随机、一公开”抽查检查结果公示信息修复工作方案》, 2025-08-14), which lists the repairable negative
 * outcomes; pass your own dictionary to change them.
 *
 * @param outcome - An outcome id.
 * @param dictionary - The outcome definitions to judge by (default {@link OUTCOMES}).
 * @returns `true` when the dictionary marks the outcome as negative information.
 * @throws {@link ShuangsuijiError} `invalid-input` when `outcome` is not in the dictionary (or has no boolean
 *   `isNegative`), or `dictionary` cannot be read as plain data.
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
  const dict = dictionary === OUTCOMES ? OUTCOMES : (readPlain(dictionary, ["dictionary"]) as Record<string, unknown>);
  const def = own(isPlainObject(dict) ? dict : {}, outcome);
  if (!isPlainObject(def) || typeof def.isNegative !== "boolean") {
    invalid(["outcome"], "unknown outcome id (see OUTCOME_IDS)", "未知的检查结果代码（见 OUTCOME_IDS）", outcome);
  }
  return def.isNegative;
}
