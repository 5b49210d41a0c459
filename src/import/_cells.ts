import { own } from "../_internal/boundary.js";
import { parseDayNumber, formatDayNumber, dayNumber } from "../calendar/_days.js";
import { normalizeCode } from "../ids/normalizeCode.js";
import { isValidResidentId } from "../ids/parseResidentId.js";

/** The outcome of reading one cell: a value (possibly normalised, with a note) or a problem. */
export type CellResult =
  | { readonly ok: true; readonly value: unknown; readonly note?: string }
  | { readonly ok: false; readonly zh: string; readonly en: string; readonly rule?: string };

const ok = (value: unknown, note?: string): CellResult => (note === undefined ? { ok: true, value } : { ok: true, value, note });
const bad = (zh: string, en: string, rule = "cell-value"): CellResult => ({ ok: false, zh, en, rule });

export type CellParser = (raw: string) => CellResult;

export const text: CellParser = (raw) => ok(raw);

export const code: CellParser = (raw) => {
  const n = normalizeCode(raw);
  return n.changes.length === 0 ? ok(n.value) : ok(n.value, n.changes.join("+"));
};

export const int: CellParser = (raw) => (/^\d+$/.test(raw) ? ok(Number(raw)) : bad("应为整数", "expected a whole number"));

export const positiveNumber: CellParser = (raw) => {
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? ok(n) : bad("应为正数", "expected a positive number");
};

export const list: CellParser = (raw) => {
  const parts = raw.split(/[,，、;；/\n]+/u).map((s) => s.trim()).filter((s) => s !== "");
  return ok(parts);
};

export const ratio: CellParser = (raw) => {
  const pct = /^(\d+(?:\.\d+)?)\s*[%％]$/u.exec(raw);
  if (pct) return ok(Number(pct[1]) / 100, `percent ${raw} → ${Number(pct[1]) / 100}`);
  const n = Number(raw);
  if (raw !== "" && Number.isFinite(n)) return ok(n);
  return bad("比例应为百分数或0到1之间的小数", "a ratio is a percentage (5%) or a fraction (0.05)", "ratio-range");
};

/** Dates as YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日, YYYYMMDD or an Excel serial day number (1900 system). */
export const date: CellParser = (raw) => {
  if (parseDayNumber(raw) !== undefined) return ok(raw);
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u.exec(raw) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  if (m) {
    const iso = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
    return parseDayNumber(iso) === undefined ? bad("日期不存在", `not a real date (${iso})`, "civil-date") : ok(iso, `date ${raw} → ${iso}`);
  }
  m = /^(\d{5})$/.exec(raw);
  if (m) {
    // Excel 1900 date system: serial 1 = 1900-01-01, with the fictitious 1900-02-29 (serials ≥ 61 are shifted).
    const serial = Number(m[1]);
    const iso = formatDayNumber(dayNumber(1899, 12, 30) + serial);
    return ok(iso, `Excel serial ${raw} → ${iso}`);
  }
  return bad("日期格式无法识别", "unrecognised date format (use YYYY-MM-DD)", "civil-date");
};

function mapped(map: Readonly<Record<string, string>>, zh: string, en: string): CellParser {
  return (raw) => {
    const key = raw.replace(/\s+/gu, "").replace(/[（]/gu, "(").replace(/[）]/gu, ")");
    // own-property lookups: "constructor" or "__proto__" in a cell is just an unrecognised value
    const v = own(map, key) ?? own(map, key.toUpperCase());
    if (v === undefined) return bad(`${zh}无法识别`, `${en} not recognised (accepted: ${Object.keys(map).join(", ")})`);
    return v === raw ? ok(v) : ok(v, `${raw} → ${v}`);
  };
}

export const riskClass = (classes: readonly string[]): CellParser => {
  const map: Record<string, string> = {};
  const names: Record<string, string> = { A: "信用风险低", B: "信用风险一般", C: "信用风险较高", D: "信用风险高" };
  for (const c of classes) {
    map[c] = c;
    map[`${c}类`] = c;
    map[`${c}级`] = c;
    const n = own(names, c);
    if (n !== undefined) {
      map[n] = c;
      map[`${n}(${c}类)`] = c;
    }
  }
  return mapped(map, "信用风险分类", "credit-risk class");
};

export const itemCategory = /* @__PURE__ */ mapped(
  { 重点: "key", 重点检查事项: "key", 重点事项: "key", key: "key", 一般: "general", 一般检查事项: "general", 一般事项: "general", general: "general" },
  "事项类别",
  "item category",
);

export const inspectorCategory = /* @__PURE__ */ mapped(
  {
    行政执法类公务员: "enforcement-civil-servant",
    执法类公务员: "enforcement-civil-servant",
    具有行政执法资格的工作人员: "qualified-staff",
    具有执法资格的工作人员: "qualified-staff",
    从事日常监管工作的人员: "supervision-staff",
    日常监管人员: "supervision-staff",
    检测机构: "testing-institution",
    科研院所: "research-institute",
    专家学者: "expert",
    专家: "expert",
  },
  "人员类别",
  "inspector category",
);

export const operatingStatus = /* @__PURE__ */ mapped(
  {
    存续: "operating", 在业: "operating", 开业: "operating", "存续(在营、开业、在册)": "operating", 在营: "operating",
    注销: "deregistered", 已注销: "deregistered", 吊销: "licence-revoked", 已吊销: "licence-revoked", 吊销未注销: "licence-revoked",
    撤销: "registration-cancelled", 迁出: "moved-out", 已迁出: "moved-out", 停业: "closed-or-liquidating", 清算: "closed-or-liquidating",
  },
  "登记状态",
  "operating status",
);

export const idType = /* @__PURE__ */ mapped(
  { 居民身份证: "resident-id", 身份证: "resident-id", 护照: "passport", 其他: "other" },
  "证件类型",
  "identity document type",
);

export const unitKind = /* @__PURE__ */ mapped({ 局机关: "bureau", 机关: "bureau", 市场监管所: "station", 所: "station", 基层所: "station" }, "单位类型", "unit kind");

/** Infers the code type of 行政相对人编码: a valid resident ID, else 18 characters → USCC, 15 digits → registration number. */
export function inferCodeType(codeValue: string): "uscc" | "registration-number" | "resident-id" | "other" {
  if (/^\d{17}[\dX]$/.test(codeValue) && isValidResidentId(codeValue)) return "resident-id";
  if (codeValue.length === 18) return "uscc";
  if (/^\d{15}$/.test(codeValue)) return "registration-number";
  return "other";
}

export const codeType = /* @__PURE__ */ mapped(
  { 统一社会信用代码: "uscc", 注册号: "registration-number", 身份证: "resident-id", 居民身份证: "resident-id", 其他: "other" },
  "编码类型",
  "code type",
);

/**
 * The error values a spreadsheet shows in a cell whose formula failed or whose reference broke (Excel, WPS; the
 * newer ones of dynamic arrays and data types included). Such a cell holds no data: a CSV Excel saved carries the text,
 * and readTableFile gives an .xlsx error cell (`t="e"`) as that text too.
 */
export const EXCEL_ERROR_VALUES: ReadonlySet<string> = new Set([
  "#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!",
]);

/**
 * Characters refused in any cell: C0 controls other than tab, line feed and carriage return, DEL, the C1 controls
 * (U+0080–U+009F: CSI U+009B drives a terminal), and the bidirectional controls (U+061C ALM, U+200E LRM, U+200F RLM,
 * U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates) that reorder what a printed list shows
 * (Trojan Source, CVE-2021-42574). A registered name, an address or a code never holds them.
 */
export const CONTROL_IN_CELL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * Whether `s` holds a character of {@link CONTROL_IN_CELL}, by code unit: the fast row path's check (most characters of
 * a Chinese name, U+3000 and above, and of ASCII text leave after two comparisons).
 */
export function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 9 && c !== 10 && c !== 13) return true;
    } else if (c >= 0x7f && c < 0x206a && (c <= 0x9f || c === 0x61c || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || c >= 0x2066)) {
      return true;
    }
  }
  return false;
}

/** A problem of the cell's text itself, whatever its column: an Excel error value, or a control character. */
export interface CellTextProblem {
  readonly rule: "excel-error-cell" | "cell-control-character";
  readonly clause: string;
  readonly zh: string;
  readonly en: string;
}

/** {@link CellTextProblem} of a trimmed, non-empty cell, or `undefined` for ordinary text. */
export function cellTextProblem(trimmed: string): CellTextProblem | undefined {
  if (trimmed.charCodeAt(0) === 35 && EXCEL_ERROR_VALUES.has(trimmed.toUpperCase())) {
    return {
      rule: "excel-error-cell", clause: "ECMA-376 SpreadsheetML (单元格错误值 cell error values)",
      zh: `单元格是 Excel 错误值 ${trimmed}（公式出错或引用失效），不是数据：请在 Excel 中修正该单元格后重新导出`,
      en: `the cell holds the Excel error value ${trimmed} (a failed formula or a broken reference), not data: fix the cell in Excel and export again`,
    };
  }
  const m = CONTROL_IN_CELL.exec(trimmed);
  if (m !== null) {
    const c = m[0].charCodeAt(0);
    const hex = `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
    const bidi = c === 0x061c || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    return {
      rule: "cell-control-character", clause: "Unicode TR #36 (visual spoofing); CVE-2021-42574 (Trojan Source)",
      zh: `单元格第 ${m.index + 1} 个字符是${bidi ? "双向文本控制符" : "控制字符"} ${hex}（不可见，${bidi ? "会颠倒打印名单中文字的显示顺序" : "会操纵终端或打印输出"}）：登记名称、地址等不含此类字符，请删除后重新导出`,
      en: `character ${m.index + 1} of the cell is the ${bidi ? "bidirectional control" : "control character"} ${hex} (invisible; it ${bidi ? "reorders how a printed list shows the text" : "can drive a terminal or printed output"}): a registered name, address or code never holds one; remove it and export again`,
    };
  }
  return undefined;
}
