import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";
import type { InspectionRecord } from "../model/inspectionRecord.js";
import type { TaskLifecycle } from "./TaskLifecycle.js";
import { presetOf, textLazy } from "./_rules.js";

// The 检查对象 fields of the record form a preset's document prints (Wolong Annex B; Chongqing F.1): the schema keeps
// them optional (the form differs per document), the preset says which the form requires (`recordTargetFields`).

/** The target fields of the form, as the documents label them. */
const LABELS: Readonly<Record<string, string>> = {
  code: "统一社会信用代码/注册号",
  legalRepresentative: "法定代表人/负责人",
  idNumber: "证件（照）号码",
  phone: "电话",
  address: "地址/检查地址",
  county: "所属区县",
};

/**
 * Whether a target's code is a market entity's (市场主体): an 18-character 统一社会信用代码 whose 登记管理部门码 is 9 (工商,
 * GB 32100-2015 §4.1), or a 15-digit 注册号 (issued by the registration authority before the unified code).
 */
export const isMarketEntityCode = (code: string): boolean => {
  const c = code.normalize("NFKC").replace(/\s/g, "").toUpperCase();
  return (c.length === 18 && c.startsWith("9")) || /^\d{15}$/.test(c);
};

/**
 * Refuses (`record-form-refused`, rule `record-target-field`, every missing field at once) a form whose 检查对象 lacks a
 * field the preset's form requires (Wolong Annex B: 名称、统一社会信用代码/注册号、法定代表人/负责人、电话、地址 — for a
 * non-market entity, 说明(3), the fields may be adjusted; Chongqing F.1: 主体名称、统一社会信用代码 or 证件（照）号码、所属区县、
 * 法定代表人、检查地址、联系电话). Presets whose document prints no form (`recordTargetFields` absent) require none.
 */
export function checkTargetFields(t: TaskLifecycle, rec: InspectionRecord, path: (string | number)[] = []): void {
  const rule = presetOf(t).recordTargetFields;
  if (rule === undefined) return;
  const target = rec.target as Readonly<Record<string, unknown>>;
  const code = textLazy(target.code, () => [...path, "target", "code"]);
  // Wolong Annex B 说明(3): 检查对象为非市场主体时，相关数据项可根据工作实际作相应调整
  if (rule.nonMarketExempt && code !== "" && !isMarketEntityCode(code)) return;
  const issues: RuleIssue[] = [];
  const missing = (field: string, zh: string, en: string) => issues.push({ path: [...path, "target", field], rule: "record-target-field", clause: rule.clause, messageZh: zh, messageEn: en });
  // the path of a text is built only when the text may be refused (textLazy): five texts of every result form
  for (const field of rule.required) {
    if (textLazy(target[field], () => [...path, "target", field]) === "") missing(field, `记录表检查对象栏缺少“${LABELS[field] ?? field}”（${field}）`, `the form's target (检查对象) lacks ${field} (${LABELS[field] ?? field}), which the preset's record form requires`);
  }
  for (const group of rule.atLeastOneOf ?? []) {
    if (group.every((field) => textLazy(target[field], () => [...path, "target", field]) === "")) {
      missing(group[0] as string, `记录表检查对象栏应填写${group.map((f) => `“${LABELS[f] ?? f}”`).join("或")}（${group.join(" / ")}）`, `the form's target (检查对象) needs one of ${group.join(", ")} (${group.map((f) => LABELS[f] ?? f).join(" / ")})`);
    }
  }
  if (issues.length > 0) throw new ShuangsuijiError("record-form-refused", issues);
}
