import type { RuleIssue } from "../errors/ShuangsuijiError.js";
import { ruleIssue } from "../errors/_idRules.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import type { RegistrationNumber } from "./brands.js";
import { normalizeCode, type NormalizationChange } from "./normalizeCode.js";

/**
 * Result of {@link parseRegistrationNumber}.
 *
 * @category Identifiers
 */
export type RegistrationNumberParseResult =
  | {
      readonly ok: true;
      readonly value: RegistrationNumber;
      readonly normalization: readonly NormalizationChange[];
      /** Digits 1–6: the registering authority's division code. */
      readonly authorityDivisionCode: string;
    }
  | {
      readonly ok: false;
      readonly normalized: string;
      readonly normalization: readonly NormalizationChange[];
      readonly issues: readonly RuleIssue[];
    };

/** ISO 7064 MOD 11,10 (hybrid system): the check digit that completes `digits`. @internal */
export function mod1110CheckDigit(digits: string): number {
  let p = 10;
  for (const ch of digits) {
    let s = (p + Number(ch)) % 10;
    if (s === 0) s = 10;
    p = (s * 2) % 11;
  }
  return (11 - p) % 10;
}

/**
 * Parses a 15-digit 工商注册号 (the registration number used before the USCC): 15 digits whose last digit is the
 * ISO 7064 MOD 11,10 check digit of the first 14.
 *
 * @param input - The number as typed (normalised first, see {@link normalizeCode}).
 * @returns `{ ok: true, value, … }`, or `{ ok: false, issues }` naming the broken rule (format or check digit).
 * @throws {@link ShuangsuijiError} `invalid-input` when `input` is not a string or is longer than 1,000,000 characters
 *   (an invalid number is a result, not an error).
 * @category Identifiers
 * @example
 * ```ts
 * import { parseRegistrationNumber } from "shuangsuiji";
 * parseRegistrationNumber("110108000000016").ok; // true
 * ```
 */
export function parseRegistrationNumber(input: string): RegistrationNumberParseResult {
  const { value, changes } = normalizeCode(input);
  if (!/^\d{15}$/.test(value)) {
    return deepFreeze({ ok: false, normalized: value, normalization: changes, issues: [ruleIssue("registration-number-format", [], { value })] });
  }
  const expected = mod1110CheckDigit(value.slice(0, 14));
  if (String(expected) !== value.charAt(14)) {
    return deepFreeze({
      ok: false,
      normalized: value,
      normalization: changes,
      issues: [ruleIssue("registration-number-check", [], { value, detailZh: `应为${expected}`, detailEn: `expected ${expected}` })],
    });
  }
  return deepFreeze({ ok: true, value: value as RegistrationNumber, normalization: changes, authorityDivisionCode: value.slice(0, 6) });
}

/**
 * Whether `code` is exactly a valid 15-digit registration number (no normalisation).
 *
 * @param code - The number to check, as typed.
 * @returns `true` when `code` is a valid registration number without any normalisation.
 * @throws {@link ShuangsuijiError} `invalid-input` only for a string longer than the input limit (1,000,000
 *   characters); any other value, even a non-string, gives `true` or `false`.
 * @category Identifiers
 * @example
 * ```ts
 * import { isValidRegistrationNumber } from "shuangsuiji";
 * isValidRegistrationNumber("110108000000016"); // true
 * isValidRegistrationNumber("110108000000017"); // false
 * ```
 */
export function isValidRegistrationNumber(code: string): code is RegistrationNumber {
  if (typeof code !== "string") return false;
  const r = parseRegistrationNumber(code);
  return r.ok && r.normalization.length === 0;
}
