import { deepFreeze } from "../_internal/deepFreeze.js";
import * as z from "zod/v4";
import type { CivilDate } from "../calendar/CivilDate.js";
import { ruleMessage } from "../errors/rules.js";
import { CIVIL_DATE_META, RATIO_META, civilDateChecks, ratioChecks } from "./_mini.js";
import type { RegistrationNumber, ResidentId, Uscc } from "../ids/brands.js";
import { isValidDivisionCode } from "../ids/isValidDivisionCode.js";
import { isValidRegistrationNumber } from "../ids/parseRegistrationNumber.js";
import { isValidResidentId } from "../ids/parseResidentId.js";
import { isValidUscc } from "../ids/isValidUscc.js";

/**
 * The white space `String.prototype.trim` removes (ECMA-262 WhiteSpace and LineTerminator: TAB, LF, VT, FF, CR, SPACE,
 * NBSP, U+1680, U+2000–U+200A, LINE and PARAGRAPH SEPARATOR, U+202F, U+205F, IDEOGRAPHIC SPACE, BOM), spelled out as
 * `\uXXXX` escapes so that a regex class means the same in ECMAScript, Python `re` and `java.util.regex` (`\s` does not).
 */
const TRIM_SPACE = "\\u0009-\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff";

/**
 * @internal
 * TextSchema's rule `text-trimmed` as a JSON Schema pattern (with `minLength: 1`): the first and the last character are
 * not {@link TRIM_SPACE}, and `(?![\s\S])` ends the text in every dialect (a `$` matches before a final "\n" in Python
 * and Java). JSON Schema only: the library itself checks `s === s.trim()` (same messages and issues as before).
 */
export const TRIMMED_TEXT_PATTERN = `^[^${TRIM_SPACE}](?:[\\s\\S]*[^${TRIM_SPACE}])?(?![\\s\\S])`;

/**
 * Non-empty text without leading or trailing white space. Input is never trimmed silently: untrimmed text is an error.
 * The shipped JSON Schemas carry the rule as a pattern that spells out `String.prototype.trim`'s white space.
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { TextSchema } from "shuangsuiji";
 * TextSchema.safeParse(" 名称").success; // false: leading space
 * ```
 */
export const TextSchema = z
  .string()
  .min(1, { error: ruleMessage("text-trimmed") })
  .refine((s) => s === s.trim(), { error: ruleMessage("text-trimmed") })
  .meta({ pattern: TRIMMED_TEXT_PATTERN });

/**
 * An identifier (non-empty, no surrounding white space).
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { IdSchema } from "shuangsuiji";
 * IdSchema.parse("SCJG-001");
 * ```
 */
export const IdSchema = TextSchema.meta({ description: "Identifier 标识" });

/**
 * A civil date `YYYY-MM-DD` that exists in the calendar (2026-02-30 is refused).
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { CivilDateSchema } from "shuangsuiji";
 * CivilDateSchema.safeParse("2026-02-30").success; // false
 * ```
 */
export const CivilDateSchema = z
  .string()
  .check(...civilDateChecks())
  .meta(CIVIL_DATE_META) as unknown as z.ZodType<CivilDate, string>;

/**
 * A 统一社会信用代码 in canonical form (GB 32100-2015).
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { UsccSchema, type Uscc } from "shuangsuiji";
 * const code: Uscc = UsccSchema.parse("91350100M000100Y43");
 * ```
 */
export const UsccSchema = z
  .string()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, { error: ruleMessage("uscc-character") })
  .refine(isValidUscc, { error: ruleMessage("uscc-check-character") })
  .meta({ description: "统一社会信用代码 (GB 32100-2015)" }) as unknown as z.ZodType<Uscc, string>;

/**
 * A 15-digit 工商注册号 with a valid check digit.
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { RegistrationNumberSchema } from "shuangsuiji";
 * RegistrationNumberSchema.parse("110108000000016");
 * ```
 */
export const RegistrationNumberSchema = z
  .string()
  .regex(/^\d{15}$/, { error: ruleMessage("registration-number-format") })
  .refine(isValidRegistrationNumber, { error: ruleMessage("registration-number-check") })
  .meta({ description: "注册号 (15 digits, ISO 7064 MOD 11,10)" }) as unknown as z.ZodType<RegistrationNumber, string>;

/**
 * An 18-character 公民身份号码 with a valid check character (GB 11643-1999).
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { ResidentIdSchema } from "shuangsuiji";
 * ResidentIdSchema.parse("11010519491231002X");
 * ```
 */
export const ResidentIdSchema = z
  .string()
  .regex(/^\d{17}[\dX]$/, { error: ruleMessage("resident-id-format") })
  .refine(isValidResidentId, { error: ruleMessage("resident-id-check") })
  .meta({ description: "公民身份号码 (GB 11643-1999)" }) as unknown as z.ZodType<ResidentId, string>;

/**
 * A 6-digit administrative division code (行政区划代码, GB/T 2260).
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { DivisionCodeSchema } from "shuangsuiji";
 * DivisionCodeSchema.parse("411303");
 * ```
 */
export const DivisionCodeSchema = z
  .string()
  .regex(/^\d{6}$/, { error: ruleMessage("division-code-format") })
  .refine(isValidDivisionCode, { error: ruleMessage("division-code-format") })
  .meta({ description: "行政区划代码 (GB/T 2260)" });

/**
 * A sampling ratio (抽查比例) as a fraction in [0, 1]; 5% is `0.05`.
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { RatioSchema } from "shuangsuiji";
 * RatioSchema.parse(0.05); // 5%
 * ```
 */
export const RatioSchema = z
  .number()
  .check(...ratioChecks())
  .meta(RATIO_META);

/**
 * A contact phone number: digits with optional `+`, `-`, spaces and parentheses.
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { PhoneSchema } from "shuangsuiji";
 * PhoneSchema.parse("0377-63123456");
 * ```
 */
export const PhoneSchema = z
  .string()
  .regex(/^\+?[0-9][0-9\- ()]{2,30}$/, { error: ruleMessage("phone-format") })
  .meta({ description: "电话 (personal data: masked in public views)" });

/**
 * The default credit-risk classes (信用风险分类) of 国市监信发〔2022〕6号: A low, B ordinary, C higher, D high.
 * Jurisdictions may use other sets (e.g. Shandong's A–E); schemas built with {@link createInspectionTargetSchema}
 * accept any set.
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { DEFAULT_RISK_CLASSES } from "shuangsuiji";
 * DEFAULT_RISK_CLASSES; // ["A", "B", "C", "D"]
 * ```
 */
export const DEFAULT_RISK_CLASSES = /* @__PURE__ */ deepFreeze(["A", "B", "C", "D"] as const);

/**
 * A default credit-risk class.
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { RiskClassSchema } from "shuangsuiji";
 * RiskClassSchema.parse("D");
 * ```
 */
export const RiskClassSchema = z.enum(DEFAULT_RISK_CLASSES, { error: ruleMessage("risk-class") }).meta({
  description: "信用风险分类 A 低 / B 一般 / C 较高 / D 高 (国市监信发〔2022〕6号)",
});

/**
 * A date range (e.g. 抽查时间), both ends inclusive.
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { DateRangeSchema } from "shuangsuiji";
 * DateRangeSchema.safeParse({ start: "2026-06-30", end: "2026-04-01" }).success; // false
 * ```
 */
export const DateRangeSchema = z
  .strictObject({
    /** 开始日期 — first day. */
    start: CivilDateSchema,
    /** 结束日期 — last day. */
    end: CivilDateSchema,
  })
  .refine((r) => r.start <= r.end, { error: ruleMessage("date-order"), path: ["end"] })
  .meta({ description: "Date range, inclusive (抽查时间)" });
