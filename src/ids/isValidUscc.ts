import { divisionCodeProblem } from "./_division.js";
import { ASSIGNED_CATEGORIES, usccCheckCharacter } from "./_uscc.js";
import type { Uscc } from "./brands.js";

/**
 * Whether `code` is, exactly as given, a valid 统一社会信用代码 (GB 32100-2015): 18 characters from the code's
 * character set, an assigned registration authority and organisation category, a well-formed division code and the
 * right check character. It does not normalise: a full-width or lower-case code is `false`; use {@link parseUscc}
 * to normalise and explain.
 *
 * @param code - The code to check, as typed.
 * @returns `true` when `code` is a valid USCC without any normalisation.
 * @throws Never — any value, even a non-string or a string longer than the input limit, gives `true` or `false`.
 * @category Identifiers
 * @example
 * ```ts
 * import { isValidUscc } from "shuangsuiji";
 * isValidUscc("91330100716105852F"); // true
 * isValidUscc("91330100716105852E"); // false (check character)
 * ```
 */
export function isValidUscc(code: string): code is Uscc {
  // The same checks as parseUscc, on the input as given (18 characters of the code's set need no normalisation), with
  // no message built: a form that only checks codes bundles none of the rule texts.
  if (typeof code !== "string" || code.length !== 18) return false;
  const categories = ASSIGNED_CATEGORIES[code.charAt(0)];
  return (
    categories !== undefined &&
    categories.includes(code.charAt(1)) &&
    !divisionCodeProblem(code.slice(2, 8)) &&
    usccCheckCharacter(code.slice(0, 17)) === code.charAt(17)
  );
}
