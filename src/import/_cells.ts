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
