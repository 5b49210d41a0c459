import { isValidCivilDate } from "../calendar/isValidCivilDate.js";
import type { RuleIssue } from "../errors/ShuangsuijiError.js";
import { ruleIssue } from "../errors/_idRules.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { divisionCodeProblem } from "./_division.js";
import type { ResidentId } from "./brands.js";
import { normalizeCode, type NormalizationChange } from "./normalizeCode.js";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = "10X98765432";

/**
 * Result of {@link parseResidentId}.
 *
 * @category Identifiers
 */
export type ResidentIdParseResult =
  | {
      readonly ok: true;
      readonly value: ResidentId;
      readonly normalization: readonly NormalizationChange[];
      /** Digits 1–6, 地址码. */
      readonly divisionCode: string;
      /** Digits 7–14 as `YYYY-MM-DD`, 出生日期码. */
      readonly birthDate: string;
      /** From the parity of digit 17, 顺序码. */
      readonly sex: "male" | "female";
    }
  | {
      readonly ok: false;
      readonly normalized: string;
      readonly normalization: readonly NormalizationChange[];
      readonly issues: readonly RuleIssue[];
    };

/**
 * Parses an 18-character 公民身份号码 (GB 11643-1999), used for 责任人证件编码 (Chongqing table B.2): address code,
 * birth date (must be a real date), sequence code and the ISO 7064 MOD 11-2 check character. It does not judge
 * whether the birth date is in the future (that needs a clock, which the library never reads).
 *
 * @param input - The number as typed (normalised first, see {@link normalizeCode}).
 * @returns `{ ok: true, value, divisionCode, birthDate, sex, … }`, or `{ ok: false, issues }` listing every broken
 *   rule.
 * @throws {@link ShuangsuijiError} `invalid-input` when `input` is not a string or is longer than 1,000,000 characters
 *   (an invalid number is a result, not an error).
 * @category Identifiers
 * @example
 * ```ts
 * import { parseResidentId } from "shuangsuiji";
 * const r = parseResidentId("11010519491231002X"); // the example of GB 11643-1999
 * if (r.ok) console.log(r.birthDate, r.sex); // "1949-12-31" "female"
 * ```
 */
export function parseResidentId(input: string): ResidentIdParseResult {
  const { value, changes } = normalizeCode(input);
  const fail = (issues: RuleIssue[]) => deepFreeze({ ok: false as const, normalized: value, normalization: changes, issues });
  if (!/^\d{17}[\dX]$/.test(value)) return fail([ruleIssue("resident-id-format", [], { value })]);
  const issues: RuleIssue[] = [];
  const divisionCode = value.slice(0, 6);
  if (divisionCodeProblem(divisionCode)) issues.push(ruleIssue("division-code-format", [], { value: divisionCode }));
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isValidCivilDate(birthDate)) issues.push(ruleIssue("resident-id-birth-date", [], { value: birthDate }));
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value.charAt(i)) * (WEIGHTS[i] as number);
  const expected = CHECK.charAt(sum % 11);
  if (expected !== value.charAt(17)) {
    issues.push(ruleIssue("resident-id-check", [], { value: value.charAt(17), detailZh: `应为${expected}`, detailEn: `expected ${expected}` }));
  }
  if (issues.length > 0) return fail(issues);
  return deepFreeze({
    ok: true,
    value: value as ResidentId,
    normalization: changes,
    divisionCode,
    birthDate,
    sex: Number(value.charAt(16)) % 2 === 1 ? "male" : "female",
  });
}

/**
 * Whether `code` is exactly a valid 18-character resident identity number (no normalisation).
 *
 * @param code - The number to check, as typed.
 * @returns `true` when `code` is a valid resident identity number without any normalisation.
 * @throws {@link ShuangsuijiError} `invalid-input` only for a string longer than the input limit (1,000,000
 *   characters); any other value, even a non-string, gives `true` or `false`.
 * @category Identifiers
 * @example
 * ```ts
 * import { isValidResidentId } from "shuangsuiji";
 * isValidResidentId("11010519491231002X"); // true
 * ```
 */
export function isValidResidentId(code: string): code is ResidentId {
  if (typeof code !== "string") return false;
  const r = parseResidentId(code);
  return r.ok && r.normalization.length === 0;
}
