import { define } from "./_rule.js";

/**
 * @internal Model and table-import rules (the Chongqing tables, teams, records, plans).
 * Split out of the registry so that a bundle carries only the rules its code can report (issue 15, the light core);
 * {@link RULES} merges every group.
 */
export const MODEL_RULES = /* @__PURE__ */ define({
  "phone-format": {
    clause: "Chongqing tables B.1–B.3, C.1 (检查联系电话/电话)",
    zh: "电话号码格式无效",
    en: "the phone number is malformed",
  },
  "advance-notice-category": {
    clause: "Chongqing 6.5",
    zh: "事项标注了不予提前告知的检查类别，却又标注应提前告知（noAdvanceNotice为false）",
    en: "an item in an advance-notice-exempt category cannot also be marked noAdvanceNotice: false",
  },
  "initiating-not-cooperating": {
    clause: "Longting art. 10; Chongqing table A.1",
    zh: "发起部门不能同时是配合部门",
    en: "the initiating department cannot also be a cooperating department",
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
  "cell-value": {
    clause: "Chongqing tables A–F",
    zh: "单元格取值无法识别",
    en: "the cell value is not one of the accepted values",
  },
});

/** @internal */
export type ModelRuleId = keyof typeof MODEL_RULES;
