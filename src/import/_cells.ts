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

export { EXCEL_ERROR_VALUES } from "../files/_excelErrors.js";
import { EXCEL_ERROR_VALUES } from "../files/_excelErrors.js";

/**
 * Characters refused in any cell as controls: C0 controls other than tab, line feed and carriage return, DEL, the C1
 * controls (U+0080–U+009F: CSI U+009B drives a terminal), and the bidirectional controls (U+061C ALM, U+200E LRM,
 * U+200F RLM, U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates) that reorder what a printed list shows
 * (Trojan Source, CVE-2021-42574). A registered name, an address or a code never holds them.
 */
export const CONTROL_IN_CELL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * Whether BMP code unit `c` (U+007F and above) is refused in a cell: a control of {@link CONTROL_IN_CELL}, or an
 * invisible character that makes one name print like another (hostile8b F4): the format characters (\p{Cf}: U+00AD,
 * U+0600–U+0605, U+06DD, U+070F, U+0890–U+0891, U+08E2, U+180E, U+200B–U+200F, U+2060–U+2064, U+206A–U+206F, U+FEFF,
 * U+FFF9–U+FFFB), the line and paragraph separators U+2028, U+2029, and the Hangul fillers U+115F, U+1160, U+3164,
 * U+FFA0. U+200D (zero width joiner) is judged by {@link invisibleIndex}, which lets it join two emoji.
 */
function refusedBmp(c: number): boolean {
  if (c <= 0x9f) return true;
  if (c < 0x2000) return c === 0xad || (c >= 0x600 && c <= 0x605) || c === 0x61c || c === 0x6dd || c === 0x70f || c === 0x890 || c === 0x891 || c === 0x8e2 || c === 0x115f || c === 0x1160 || c === 0x180e;
  if (c < 0x2070) return (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) || c >= 0x2066;
  return c === 0x3164 || c === 0xfeff || c === 0xffa0 || (c >= 0xfff9 && c <= 0xfffb);
}

/** Whether supplementary code point `cp` is a format character (\p{Cf}) other than a tag character. */
const refusedAstral = (cp: number): boolean =>
  cp === 0x110bd || cp === 0x110cd || (cp >= 0x13430 && cp <= 0x1343f) || (cp >= 0x1bca0 && cp <= 0x1bca3) || (cp >= 0x1d173 && cp <= 0x1d17a) || cp === 0xe0001 || (cp >= 0xe0020 && cp <= 0xe007f);

/** A code unit that may end or start an emoji a zero width joiner joins (a surrogate, VS16, the symbols U+2600–U+27BF). */
const emojiSide = (c: number): boolean => (c >= 0xd800 && c <= 0xdfff) || c === 0xfe0f || (c >= 0x2600 && c <= 0x27bf);

/**
 * The index (in UTF-16 code units) of the first character a cell may not hold, or -1, by code unit: most characters
 * of a Chinese name (U+3165–U+D7FF) and of ASCII text leave after two comparisons (the fast row path runs it on every
 * free-text cell). Refused: {@link refusedBmp}, the other format characters (\p{Cf}) beyond the BMP — the tag
 * characters U+E0020–U+E007F (hidden ASCII) among them, except in an emoji tag sequence (UTS #51: U+1F3F4 🏴, tags,
 * U+E007F, the flags of England, Scotland, Wales) — and U+200D except between two emoji (👨‍👩‍👧). Emoji keep their
 * variation selectors (U+FE0F is a mark, not a format character).
 */
export function invisibleIndex(s: string): number {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x7f) {
      if (c < 0x20 && c !== 9 && c !== 10 && c !== 13) return i;
      continue;
    }
    if (c >= 0x3165 && c < 0xd800) continue;
    if (c < 0xd800 || c > 0xdfff) {
      if (c === 0x200d) {
        if (i > 0 && i + 1 < n && emojiSide(s.charCodeAt(i - 1)) && emojiSide(s.charCodeAt(i + 1))) continue;
        return i;
      }
      if (refusedBmp(c)) return i;
      continue;
    }
    const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
    if (c > 0xdbff || d < 0xdc00 || d > 0xdfff) continue; // a lone surrogate: not this check's (the decoder's)
    const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
    if (cp === 0x1f3f4) {
      // 🏴 and a tag sequence: tag characters U+E0020–U+E007E, then U+E007F CANCEL TAG
      let j = i + 2;
      while (j + 1 < n && s.charCodeAt(j) === 0xdb40 && s.charCodeAt(j + 1) >= 0xdc20 && s.charCodeAt(j + 1) <= 0xdc7e) j += 2;
      if (j > i + 2 && j + 1 < n && s.charCodeAt(j) === 0xdb40 && s.charCodeAt(j + 1) === 0xdc7f) {
        i = j + 1;
        continue;
      }
    }
    if (refusedAstral(cp)) return i;
    i++;
  }
  return -1;
}

/**
 * Whether `s` holds a character {@link invisibleIndex} refuses: the fast row path's check (a row holding one is
 * handed to the full path, which names it).
 */
export function hasControl(s: string): boolean {
  return invisibleIndex(s) >= 0;
}

/** The names of the invisible characters a cell is refused for, where one is well known. */
const INVISIBLE_NAMES: Readonly<Record<number, readonly [string, string]>> = {
  0xad: ["软连字符", "SOFT HYPHEN"], 0x115f: ["韩文填充符", "HANGUL CHOSEONG FILLER"], 0x1160: ["韩文填充符", "HANGUL JUNGSEONG FILLER"],
  0x200b: ["零宽空格", "ZERO WIDTH SPACE"], 0x200c: ["零宽非连接符", "ZERO WIDTH NON-JOINER"], 0x200d: ["零宽连接符", "ZERO WIDTH JOINER"],
  0x2028: ["行分隔符", "LINE SEPARATOR"], 0x2029: ["段分隔符", "PARAGRAPH SEPARATOR"], 0x2060: ["词连接符", "WORD JOINER"],
  0x3164: ["韩文填充符", "HANGUL FILLER"], 0xfeff: ["零宽不换行空格（BOM）", "ZERO WIDTH NO-BREAK SPACE (BOM)"], 0xffa0: ["半角韩文填充符", "HALFWIDTH HANGUL FILLER"],
};

/** A problem of the cell's text itself, whatever its column: an Excel error value, a control character, or an invisible one. */
export interface CellTextProblem {
  readonly rule: "excel-error-cell" | "cell-control-character" | "cell-invisible-character";
  readonly clause: string;
  readonly zh: string;
  readonly en: string;
}

/**
 * {@link CellTextProblem} of a trimmed, non-empty cell, or `undefined` for ordinary text. `invisible: false` (the id
 * columns, `id` and `code`) leaves the invisible characters other than controls to the id rule, which refuses every
 * format character with its own reason (docs/spec-v1.md §3: "对象标识不是唯一规范写法：含零宽空格").
 */
export function cellTextProblem(trimmed: string, invisible = true): CellTextProblem | undefined {
  if (trimmed.charCodeAt(0) === 35 && EXCEL_ERROR_VALUES.has(trimmed.toUpperCase())) {
    return {
      rule: "excel-error-cell", clause: "ECMA-376 SpreadsheetML (单元格错误值 cell error values)",
      zh: `单元格是 Excel 错误值 ${trimmed}（公式出错或引用失效），不是数据：请在 Excel 中修正该单元格后重新导出`,
      en: `the cell holds the Excel error value ${trimmed} (a failed formula or a broken reference), not data: fix the cell in Excel and export again`,
    };
  }
  const found = invisibleIndex(trimmed);
  const at = found >= 0 && !invisible ? (CONTROL_IN_CELL.exec(trimmed)?.index ?? -1) : found;
  if (at >= 0) {
    const cp = trimmed.codePointAt(at) as number;
    const hex = `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
    if (CONTROL_IN_CELL.test(String.fromCharCode(cp))) {
      const bidi = cp === 0x061c || cp === 0x200e || cp === 0x200f || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
      return {
        rule: "cell-control-character", clause: "Unicode TR #36 (visual spoofing); CVE-2021-42574 (Trojan Source)",
        zh: `单元格第 ${at + 1} 个字符是${bidi ? "双向文本控制符" : "控制字符"} ${hex}（不可见，${bidi ? "会颠倒打印名单中文字的显示顺序" : "会操纵终端或打印输出"}）：登记名称、地址等不含此类字符，请删除后重新导出`,
        en: `character ${at + 1} of the cell is the ${bidi ? "bidirectional control" : "control character"} ${hex} (invisible; it ${bidi ? "reorders how a printed list shows the text" : "can drive a terminal or printed output"}): a registered name, address or code never holds one; remove it and export again`,
      };
    }
    const tag = cp >= 0xe0000;
    const [zh, en] = INVISIBLE_NAMES[cp] ?? (tag ? ["标签字符", "a TAG character"] : ["格式字符", "a format character"]);
    return {
      rule: "cell-invisible-character", clause: "Unicode TR #36 (visual spoofing); UTS #39 §3.1 (default-ignorable)",
      zh: `单元格第 ${at + 1} 个字符是不可见字符 ${hex}（${zh}）：打印出来的名单上看不出它，两个不同的名称会显示得一模一样；登记名称、地址等不含此类字符，请删除后重新导出`,
      en: `character ${at + 1} of the cell is the invisible character ${hex} (${en}): a printed list does not show it, so two different names print alike; a registered name, address or code never holds one; remove it and export again`,
    };
  }
  return undefined;
}
