import { ShuangsuijiError } from "./ShuangsuijiError.js";
/**
 * The registry of named validation rules. Each rule carries its source clause and a bilingual message; schema
 * refinements use {@link ruleMessage} so that a `ZodError` can be mapped back to its rule.
 */

/**
 * A named validation rule.
 *
 * @category Errors
 */
export interface RuleDefinition {
  /** Stable rule id. */
  readonly id: string;
  /** Where the rule comes from. */
  readonly clause: string;
  /** 中文说明。 */
  readonly zh: string;
  /** English explanation. */
  readonly en: string;
}

const define = <const T extends Record<string, Omit<RuleDefinition, "id">>>(defs: T) =>
  Object.freeze(
    Object.fromEntries(Object.entries(defs).map(([id, d]) => [id, Object.freeze({ id, ...d })])),
  ) as { readonly [K in keyof T]: RuleDefinition & { readonly id: K } };

/**
 * Every named rule the schemas and parsers enforce, keyed by id.
 *
 * @category Errors
 * @example
 * ```ts
 * import { RULES } from "shuangsuiji";
 * console.log(RULES["uscc-check-character"].clause); // "GB 32100-2015 §4.3, Annex B"
 * ```
 */
export const RULES = define({
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
  "calendar-coverage": {
    clause: "国务院办公厅关于部分节假日安排的通知 (annual)",
    zh: "该年度的节假日安排不在日历数据中，无法判断工作日",
    en: "the year is not covered by the holiday calendar, so working days cannot be determined",
  },
  "calendar-year-data": {
    clause: "国务院办公厅关于部分节假日安排的通知; 全国年节及纪念日放假办法",
    zh: "日历年度数据不一致",
    en: "the calendar year data is inconsistent",
  },
  "phone-format": {
    clause: "Chongqing tables B.1–B.3, C.1 (检查联系电话/电话)",
    zh: "电话号码格式无效",
    en: "the phone number is malformed",
  },
  "key-item-no-cap": {
    clause: "Chongqing 5.2",
    zh: "重点检查事项抽查比例不设上限",
    en: "a key inspection item has no upper bound on its ratio",
  },
  "initiating-not-cooperating": {
    clause: "Longting art. 10; Chongqing table A.1",
    zh: "发起部门不能同时是配合部门",
    en: "the initiating department cannot also be a cooperating department",
  },
  "input-shape": {
    clause: "shuangsuiji API contract (plain data at every public boundary)",
    zh: "输入不是约定形式的普通数据",
    en: "the input is not plain data of the documented shape",
  },
  "input-limit": {
    clause: "shuangsuiji API contract (bounded work for every input)",
    zh: "输入超出文档规定的上限",
    en: "the input exceeds a documented limit",
  },
  "civil-date": {
    clause: "ISO 8601 calendar date",
    zh: "日期应为有效的YYYY-MM-DD格式",
    en: "a date must be a real calendar date written YYYY-MM-DD",
  },
  "date-order": {
    clause: "Chongqing table D.1 抽查时间",
    zh: "结束日期不能早于开始日期",
    en: "the end date must not be before the start date",
  },
  "licence-validity": {
    clause: "Chongqing table B.3 发证日期/有效期至",
    zh: "有效期至不能早于发证日期",
    en: "the expiry date must not be before the issue date",
  },
  "ratio-range": {
    clause: "Chongqing 5.2 (抽查比例: a proportion, 0–100%)",
    zh: "抽查比例应在0到1之间",
    en: "a sampling ratio lies between 0 and 1",
  },
  "plan-row-quantity": {
    clause: "Chongqing table D.1 抽查比例/抽取对象数量（户）",
    zh: "计划行应给出抽查比例或抽取对象数量",
    en: "a plan row gives a sampling ratio or a number of targets",
  },
  "target-code-type": {
    clause: "Chongqing table B.1 行政相对人编码",
    zh: "行政相对人编码与其编码类型不符",
    en: "the target code does not validate as its declared code type",
  },
  "target-id-canonical": {
    clause: "Chongqing table B.1 行政相对人编码; GB 32100-2015",
    zh: "组织/个人检查对象的标识应等于其行政相对人编码",
    en: "an organisation/individual target's id must equal its code",
  },
  "text-trimmed": {
    clause: "shuangsuiji data hygiene",
    zh: "文本不能为空，且首尾不能有空格",
    en: "text must be non-empty without leading or trailing spaces",
  },
  "risk-class": {
    clause: "国市监信发〔2022〕6号 (A–D); configurable",
    zh: "信用风险分类不在允许的集合中",
    en: "the credit-risk class is not in the configured set",
  },
  "team-leader-initiating": {
    clause: "Chongqing 6.5; Wancheng art. 20",
    zh: "联合检查组组长应由发起部门的检查人员担任",
    en: "the joint team's leader must be an inspector of the initiating department",
  },
  "team-leader-member": {
    clause: "Wancheng art. 20",
    zh: "组长必须是检查组成员",
    en: "the team leader must be a member of the team",
  },
  "refusal-evidence": {
    clause: "Longting art. 21; Wancheng art. 20; Chongqing 6.5",
    zh: "检查对象拒绝签字的，应由执法检查人员记录说明并留存证据",
    en: "a refusal to sign must be recorded by the inspectors with its evidence",
  },
  "record-results": {
    clause: "Wolong Annex B; Chongqing table F.1",
    zh: "每个检查事项至少应有一个检查结果",
    en: "each inspected item carries at least one result",
  },
  "unique-ids": {
    clause: "shuangsuiji data hygiene",
    zh: "标识不能重复",
    en: "ids must be unique",
  },
  "header-unknown": {
    clause: "Chongqing tables A–F",
    zh: "表头无法识别",
    en: "the column header is not recognised",
  },
  "header-missing": {
    clause: "Chongqing tables A–F",
    zh: "缺少必需的列",
    en: "a required column is missing",
  },
  "header-duplicate": {
    clause: "Chongqing tables A–F",
    zh: "多个表头映射到同一字段",
    en: "several headers map to the same field",
  },
  "unknown-department": {
    clause: "Longting art. 10; Chongqing tables A.1, C.1, D.1",
    zh: "部门不在部门名单中",
    en: "the department is not in the department list",
  },
  "seed-entropy": {
    clause: "draw-research.md §2 (RFC 3797; Stark; Arlo); shuangsuiji seed discipline",
    zh: "随机种子至少需要128位熵",
    en: "a seed carries at least 128 bits of entropy",
  },
  "seed-share-reveal": {
    clause: "draw-research.md §2 (commit–reveal)",
    zh: "揭示值与事先承诺不符",
    en: "the revealed share does not match its earlier commitment",
  },
  "general-item-ratio-cap": {
    clause: "Chongqing 5.2",
    zh: "一般检查事项的抽查比例超过上限",
    en: "the ratio of a general inspection item exceeds its cap",
  },
  "overall-floor": {
    clause: "企业公示信息抽查办法 art. 4 (不少于3%)",
    zh: "抽取总数低于规定的最低比例",
    en: "the total drawn is below the required overall floor",
  },
  "stratum-rule": {
    clause: "Longting art. 15; Yanshi sec. 6; Chongqing 6.3",
    zh: "分层规则应给出比例或数量之一，且下限不大于上限",
    en: "a stratum rule gives a ratio or a count (not both), with min ≤ max",
  },
  "unit-id-canonical": {
    clause: "shuangsuiji stage-1 encoding (docs/draw.md)",
    zh: "对象标识应为非空、去除首尾空白的NFC规范化文本，不含零宽等格式字符及全角ASCII字符",
    en: "a unit id is non-empty, trimmed, NFC-normalised text without format characters (zero-width…) or full-width ASCII forms",
  },
  "not-enough-inspectors": {
    clause: "Longting art. 19, 21; Yanshi 7.3; 行政处罚法 art. 42–43",
    zh: "符合条件的执法检查人员不足，无法组成检查组",
    en: "too few eligible inspectors to form the team",
  },
  "stage2-own-seed": {
    clause: "Longting art. 19 (二次随机: each stage its own draw); docs/draw.md",
    zh: "第二次随机应使用自己的种子",
    en: "stage 2 uses its own seed, not stage 1's",
  },
  "cell-value": {
    clause: "Chongqing tables A–F",
    zh: "单元格取值无法识别",
    en: "the cell value is not one of the accepted values",
  },
});

/**
 * Id of one of the {@link RULES}.
 *
 * @category Errors
 */
export type RuleId = keyof typeof RULES;

const byMessage = new Map<string, RuleDefinition>();

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
  if (r === undefined) throw new ShuangsuijiError("invalid-argument", [{ path: ["id"], rule: "rule-id", clause: "RULES", messageZh: "未知的规则编号", messageEn: "unknown rule id (see RULES)" }]);
  const text = `${r.zh} / ${r.en} (${r.clause})`;
  byMessage.set(text, r);
  return text;
}

/** @internal Look a rule up by the message {@link ruleMessage} produced. */
export function ruleFromMessage(message: string): RuleDefinition | undefined {
  return byMessage.get(message);
}
