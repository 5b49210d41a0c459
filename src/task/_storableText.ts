import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";

// Free text the task records (names, reasons, opinions, actors) must be storable as given: U+0000 and lone surrogates
// are refused by path (全过程留痕, Chongqing 4) — PostgreSQL's jsonb refuses both (22P05, 22P02) and UTF-8 cannot encode
// a lone surrogate, so a task holding them could be built and hashed but never stored or exported faithfully
// (hostile7b F4). Used by `text()` (src/task/_rules.ts) and the record-form reader (src/task/_recordForm.ts).

/** A code unit that may make a text unstorable: U+0000 or any surrogate (paired ones are then let through). */
export const SUSPECT = /[\0\uD800-\uDFFF]/;

/**
 * Where a text cannot be stored as given: the first U+0000 or lone surrogate, as its position `at` (in UTF-16 code
 * units, from 1), its code point and its name, or `undefined` for a storable text.
 */
export function unstorableAt(v: string): { readonly at: number; readonly code: string; readonly zh: string; readonly en: string } | undefined {
  if (!SUSPECT.test(v)) return undefined;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    const hex = `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
    if (c === 0) return { at: i + 1, code: hex, zh: "空字符", en: "the NUL character" };
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < v.length ? v.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      return { at: i + 1, code: hex, zh: "不成对的代理项", en: "a lone surrogate" };
    }
    if (c >= 0xdc00 && c <= 0xdfff) return { at: i + 1, code: hex, zh: "不成对的代理项", en: "a lone surrogate" };
  }
  return undefined;
}

/**
 * Refuses (`invalid-input`, rule `text-storable`, Chongqing 4 全过程留痕) a text holding U+0000 or a lone surrogate,
 * naming the path, the character and its position.
 */
export function requireStorable(v: string, path: (string | number)[]): void {
  const issue = storableIssue(v, path);
  if (issue !== undefined) throw new ShuangsuijiError("invalid-input", [issue]);
}

/** The issue {@link requireStorable} raises, or `undefined` for a storable text. */
export function storableIssue(v: string, path: (string | number)[]): RuleIssue | undefined {
  const bad = unstorableAt(v);
  if (bad === undefined) return undefined;
  return {
    path, rule: "text-storable", clause: "Chongqing 4 (全过程留痕)",
    messageZh: `${path.length === 0 ? "文本" : `“${path.join(".")}”`}第${bad.at}个字符是${bad.zh}（${bad.code}），无法如实保存和导出（PostgreSQL jsonb、UTF-8均不接受）：请删除该字符后重新提交（已记入审计记录的文本无法删改，见 docs/persistence.md“无法保存的文本”）`,
    messageEn: `${path.length === 0 ? "a text" : `"${path.join(".")}"`} holds ${bad.en} (${bad.code}) at character ${bad.at}: it cannot be stored or exported as given (PostgreSQL jsonb and UTF-8 refuse it): remove it and submit again (a trail that already holds it cannot be edited: see docs/persistence.md, "Text that cannot be stored")`,
    value: v.length > 200 ? `${v.slice(0, 200)}…` : v,
  };
}

/**
 * Every unstorable text in a plain value (own enumerable data members only, depth-bounded; an accessor, a Proxy whose
 * trap throws or anything deeper is left to the schema, which reports it), with its path.
 */
export function unstorableTexts(v: unknown, path: (string | number)[] = [], out: RuleIssue[] = [], depth = 0): RuleIssue[] {
  if (typeof v === "string") {
    const issue = storableIssue(v, path);
    if (issue !== undefined) out.push(issue);
    return out;
  }
  if (v === null || typeof v !== "object" || depth > 16 || out.length >= 100) return out;
  try {
    const keys = Array.isArray(v) ? Array.from({ length: Math.min(v.length, 100_000) }, (_, i) => i) : Object.keys(v);
    for (const k of keys) {
      const d = Object.getOwnPropertyDescriptor(v, k);
      if (d !== undefined && "value" in d) unstorableTexts(d.value, [...path, k], out, depth + 1);
    }
  } catch {
    // a Proxy trap that throws: the schema meets it and reports it
  }
  return out;
}
