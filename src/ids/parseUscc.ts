import type { RuleIssue } from "../errors/ShuangsuijiError.js";
import { ruleIssue } from "../errors/_idRules.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { divisionCodeProblem } from "./_division.js";
import { AUTHORITIES, USCC_CHARSET, organisationCodeCheck, usccCheckCharacter } from "./_uscc.js";
import type { Uscc } from "./brands.js";
import { normalizeCode, type NormalizationChange } from "./normalizeCode.js";

/**
 * The parts of a 统一社会信用代码 (GB 32100-2015 §4.1).
 *
 * @category Identifiers
 */
export interface UsccParts {
  /** Position 1, 登记管理部门代码, with its meaning. */
  readonly registrationAuthority: { readonly code: string; readonly zh: string; readonly en: string };
  /** Position 2, 机构类别代码, with its meaning. */
  readonly organisationCategory: { readonly code: string; readonly zh: string; readonly en: string };
  /** Positions 3–8, 登记管理机关行政区划码 (GB/T 2260). */
  readonly divisionCode: string;
  /** Positions 9–17, 主体标识码 (the organisation code, GB 11714). */
  readonly entityCode: string;
  /** Position 18, 校验码. */
  readonly checkCharacter: string;
}

/**
 * Result of {@link parseUscc}: either the canonical code with its parts, or every problem found.
 *
 * @category Identifiers
 */
export type UsccParseResult =
  | {
      readonly ok: true;
      /** The canonical code. */
      readonly value: Uscc;
      /** What normalisation changed in the input (empty when it was canonical already). */
      readonly normalization: readonly NormalizationChange[];
      readonly parts: UsccParts;
      /**
       * Observations that do not make the code invalid, e.g. an entity code whose GB 11714 check digit does not
       * match (GB 32100 defines only the 18th character's check; older registrations can carry such codes).
       */
      readonly notes: readonly RuleIssue[];
    }
  | {
      readonly ok: false;
      /** The input after normalisation, as checked. */
      readonly normalized: string;
      readonly normalization: readonly NormalizationChange[];
      /** Every rule broken. */
      readonly issues: readonly RuleIssue[];
    };

/**
 * Parses and explains a 统一社会信用代码 (unified social credit code, GB 32100-2015). The input is normalised first
 * (full-width → half-width, spaces removed, upper-cased) and the changes are reported in `normalization`. All problems
 * are reported together: length, illegal characters, unassigned registration authority or category, malformed
 * division code, wrong check character (with the expected one).
 *
 * @param input - The code as typed (normalised first, see {@link normalizeCode}).
 * @returns `{ ok: true, value, parts, normalization }`, or `{ ok: false, issues }` listing every broken rule.
 * @throws {@link ShuangsuijiError} `invalid-input` when `input` is not a string or is longer than 1,000,000 characters
 *   (an invalid code is a result, not an error).
 * @category Identifiers
 * @example
 * ```ts
 * import { parseUscc } from "shuangsuiji";
 * const r = parseUscc("91330100716105852F");
 * if (r.ok) console.log(r.parts.organisationCategory.zh); // "企业"
 * const bad = parseUscc("91330100716105852A");
 * if (!bad.ok) console.log(bad.issues[0]?.rule); // "uscc-check-character"
 * ```
 */
export function parseUscc(input: string): UsccParseResult {
  const { value: code, changes } = normalizeCode(input);
  const issues: RuleIssue[] = [];
  if (code.length !== 18) {
    issues.push(ruleIssue("uscc-length", [], { value: code, detailZh: `实为${code.length}位`, detailEn: `got ${code.length}` }));
  }
  const bad = [...code].map((c, i) => [c, i + 1] as const).filter(([c]) => !USCC_CHARSET.includes(c));
  if (bad.length > 0) {
    const where = bad.map(([c, p]) => `${p}:${c}`).join(", ");
    issues.push(ruleIssue("uscc-character", [], { value: code, detailZh: `第${where}`, detailEn: `position:character ${where}` }));
  }
  const authority = AUTHORITIES[code.charAt(0)];
  if (code.length > 0 && authority === undefined) {
    issues.push(ruleIssue("uscc-registration-authority", [], { value: code.charAt(0) }));
  }
  const category = authority?.categories[code.charAt(1)];
  if (authority !== undefined && code.length > 1 && category === undefined) {
    issues.push(ruleIssue("uscc-organisation-category", [], { value: code.charAt(1) }));
  }
  const division = code.slice(2, 8);
  if (code.length >= 8 && divisionCodeProblem(division)) {
    issues.push(ruleIssue("uscc-division-code", [], { value: division }));
  }
  if (code.length === 18 && bad.length === 0) {
    const expected = usccCheckCharacter(code.slice(0, 17));
    if (expected !== code.charAt(17)) {
      issues.push(
        ruleIssue("uscc-check-character", [], {
          value: code.charAt(17),
          detailZh: `应为${expected ?? "?"}`,
          detailEn: `expected ${expected ?? "?"}`,
        }),
      );
    }
  }
  if (issues.length > 0 || authority === undefined || category === undefined) {
    return deepFreeze({ ok: false, normalized: code, normalization: changes, issues });
  }
  const entityCode = code.slice(8, 17);
  const notes: RuleIssue[] = [];
  const orgCheck = organisationCodeCheck(entityCode.slice(0, 8));
  if (orgCheck !== entityCode.charAt(8)) {
    notes.push({
      path: [],
      rule: "uscc-entity-code-check",
      clause: "GB 11714-1997 §5",
      messageZh: `主体标识码（组织机构代码）校验位不符，应为${orgCheck ?? "?"}；不影响统一社会信用代码本身的有效性`,
      messageEn: `the entity code's GB 11714 check digit does not match (expected ${orgCheck ?? "?"}); the USCC itself is still valid`,
      value: entityCode,
    });
  }
  return deepFreeze({
    ok: true,
    value: code as Uscc,
    normalization: changes,
    parts: {
      registrationAuthority: { code: code.charAt(0), zh: authority.zh, en: authority.en },
      organisationCategory: { code: code.charAt(1), zh: category[0], en: category[1] },
      divisionCode: division,
      entityCode,
      checkCharacter: code.charAt(17),
    },
    notes,
  });
}
