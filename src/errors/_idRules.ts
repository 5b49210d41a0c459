import { define, issueOf, type IssueExtra } from "./_rule.js";
import type { RuleIssue } from "./ShuangsuijiError.js";

/**
 * @internal Identifier rules (GB 32100, GS15, GB 11643, GB/T 2260).
 * Split out of the registry so that a bundle carries only the rules its code can report (issue 15, the light core);
 * {@link RULES} merges every group.
 */
export const ID_RULES = /* @__PURE__ */ define({
  "uscc-length": { clause: "GB 32100-2015 §4.1", zh: "统一社会信用代码应为18位", en: "a unified social credit code has 18 characters" },
  "uscc-character": {
    clause: "GB 32100-2015 §4.2",
    zh: "统一社会信用代码只能使用阿拉伯数字和不含I、O、Z、S、V的大写英文字母",
    en: "a unified social credit code uses digits and capital letters other than I, O, Z, S and V",
  },
  "uscc-registration-authority": {
    clause: "GB 32100-2015 §4.1, Annex A (登记管理部门代码)",
    zh: "统一社会信用代码第1位登记管理部门代码无效",
    en: "the 1st character (registration authority) of the unified social credit code is not an assigned value",
  },
  "uscc-organisation-category": {
    clause: "GB 32100-2015 §4.1, Annex A (机构类别代码)",
    zh: "统一社会信用代码第2位机构类别代码无效",
    en: "the 2nd character (organisation category) is not assigned for this registration authority",
  },
  "uscc-division-code": {
    clause: "GB 32100-2015 §4.1; GB/T 2260",
    zh: "统一社会信用代码第3-8位应为6位数字的行政区划码",
    en: "characters 3–8 of the unified social credit code must be a 6-digit administrative division code",
  },
  "uscc-check-character": {
    clause: "GB 32100-2015 §4.3, Annex B",
    zh: "统一社会信用代码第18位校验码错误",
    en: "the 18th (check) character of the unified social credit code is wrong",
  },
  "registration-number-format": {
    clause: "工商行政管理市场主体注册号编制规则 (GS15-2006)",
    zh: "注册号应为15位数字",
    en: "a registration number has 15 digits",
  },
  "registration-number-check": {
    clause: "GS15-2006; ISO 7064 MOD 11,10",
    zh: "注册号第15位校验码错误",
    en: "the 15th (check) digit of the registration number is wrong (ISO 7064 MOD 11,10)",
  },
  "resident-id-format": {
    clause: "GB 11643-1999 §4",
    zh: "公民身份号码应为17位数字加1位数字或X",
    en: "a resident identity number has 17 digits followed by a digit or X",
  },
  "resident-id-birth-date": {
    clause: "GB 11643-1999 §5.2",
    zh: "公民身份号码中的出生日期无效",
    en: "the birth date inside the resident identity number is not a real date",
  },
  "resident-id-check": {
    clause: "GB 11643-1999 §5.4; ISO 7064 MOD 11-2",
    zh: "公民身份号码校验码错误",
    en: "the check character of the resident identity number is wrong (ISO 7064 MOD 11-2)",
  },
  "division-code-format": {
    clause: "GB/T 2260",
    zh: "行政区划代码应为6位数字且省级代码有效",
    en: "an administrative division code has 6 digits and starts with an assigned province code",
  },
});

/** @internal */
export type IdRuleId = keyof typeof ID_RULES;

/** @internal A {@link RuleIssue} for an identifier rule. */
export const ruleIssue = (id: IdRuleId, path: readonly (string | number)[] = [], extra: IssueExtra = {}): RuleIssue => issueOf(ID_RULES[id], path, extra);
