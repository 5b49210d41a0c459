import { ShuangsuijiError } from "./ShuangsuijiError.js";
import { CALENDAR_RULES } from "./_calendarRules.js";
import { DRAW_RULES } from "./_drawRules.js";
import { STAGE2_RULES } from "./_stage2Rules.js";
import { ID_RULES } from "./_idRules.js";
import { INPUT_RULES } from "./_inputRules.js";
import { MODEL_RULES } from "./_modelRules.js";
import { messageOf, type RuleDefinition } from "./_rule.js";
/**
 * The registry of named validation rules. Each rule carries its source clause and a bilingual message; schema
 * refinements use {@link ruleMessage} so that a `ZodError` can be mapped back to its rule. The rules are defined in
 * groups (`_idRules.ts`, `_calendarRules.ts`, `_inputRules.ts`, `_drawRules.ts`, `_stage2Rules.ts`, `_modelRules.ts`; `_dateRules.ts` holds `civil-date`) so that a browser
 * bundle carries only the texts of the rules its code can report; this module merges them.
 */

export type { RuleDefinition };

/**
 * Every named rule the schemas and parsers enforce, keyed by id.
 *
 * A clause is a regulation or standard where one applies; a rule the library adds for itself says so in both
 * languages (`本库接口约定（非法规条款）/ library contract, no regulation`, `本库数据规范 / library data hygiene`,
 * `本库抽取规范 / library draw specification docs/spec-v1.md`).
 *
 * @category Errors
 * @example
 * ```ts
 * import { RULES } from "shuangsuiji";
 * console.log(RULES["uscc-check-character"].clause); // "GB 32100-2015 §4.3, Annex B"
 * ```
 */
export const RULES = /* @__PURE__ */ Object.freeze({ ...ID_RULES, ...CALENDAR_RULES, ...INPUT_RULES, ...MODEL_RULES, ...DRAW_RULES, ...STAGE2_RULES });

/**
 * Id of one of the {@link RULES}.
 *
 * @category Errors
 */
export type RuleId = keyof typeof RULES;

/**
 * The message string a schema uses for a rule: `中文 / English (clause)`. It is unique per rule, which lets error
 * mapping recover the rule from a zod issue.
 *
 * @param id - A rule id of {@link RULES}.
 * @returns `中文 / English (clause)` for the rule.
 * @throws {@link ShuangsuijiError} `invalid-argument` when `id` is not a rule of {@link RULES}.
 * @category Errors
 * @example
 * ```ts
 * import { ruleMessage } from "shuangsuiji";
 * ruleMessage("civil-date"); // "日期应为有效的YYYY-MM-DD格式 / a date must be … (ISO 8601 calendar date)"
 * ```
 */
export function ruleMessage(id: RuleId): string {
  const r: RuleDefinition | undefined = typeof id === "string" && Object.prototype.hasOwnProperty.call(RULES, id) ? RULES[id] : undefined;
  if (r === undefined) throw new ShuangsuijiError("invalid-argument", [{ path: ["id"], rule: "rule-id", clause: "本库接口约定（非法规条款）/ library contract, no regulation: RULES", messageZh: "未知的规则编号", messageEn: "unknown rule id (see RULES)" }]);
  return messageOf(r);
}
