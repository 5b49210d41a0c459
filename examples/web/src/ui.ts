// Small DOM helpers: bilingual text (Chinese first), escaping, downloads, error rendering.
import { ShuangsuijiError, type RuleIssue } from "shuangsuiji";

/**
 * Control characters (C0 but tab and line breaks, which HTML shows as spaces; DEL; C1), bidirectional controls (ALM,
 * LRM, RLM, LRE…RLO, LRI…PDI), and the invisible characters the importer refuses too (hostile8b F4): format
 * characters (\p{Cf}: U+200B, U+2060, U+FEFF, U+00AD, tag characters …), U+2028, U+2029 and the Hangul fillers
 * U+115F, U+1160, U+3164, U+FFA0: never emitted raw. A name holding U+202E would print reversed on the list the
 * witnesses sign (Trojan Source, CVE-2021-42574), one holding U+200B prints like the clean name; the importer refuses
 * such cells, and whatever reaches a page anyway (a JSON pool, a record's fields) shows them as ⟨U+202E⟩ — visible, as
 * the CLI's tables do. Emoji keep their joiners (👨‍👩‍👧) and tag flags (🏴 England, Scotland, Wales), as the importer lets
 * them through: the first two alternatives match those sequences whole, and they are kept.
 */
const UNPRINTABLE = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}|\p{Extended_Pictographic}\uFE0F?(?:\u200D\p{Extended_Pictographic}\uFE0F?)+|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u115f\u1160\u3164\uffa0\p{Cf}]/gu;

/** Escapes text for HTML; control, bidirectional and invisible characters are shown as ⟨U+XXXX⟩ instead of acting. */
export const esc = (s: unknown): string =>
  String(s)
    .replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c)
    .replace(UNPRINTABLE, (c) => (c.length > 2 ? c : `⟨U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")}⟩`));

/** Chinese first, English after, each marked with its language. */
export const bi = (zh: string, en: string): string => `${esc(zh)} <span class="en" lang="en">${esc(en)}</span>`;

/** The element with this id (it must exist). */
export function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (e === null) throw new Error(`#${id} missing`);
  return e as T;
}

/** Offers text as a file download. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a chosen file's bytes. */
export async function fileBytes(input: HTMLInputElement): Promise<{ readonly name: string; readonly bytes: Uint8Array } | undefined> {
  const f = input.files?.[0];
  if (f === undefined) return undefined;
  return { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) };
}

/** Renders issues (every one, with row and column) as a list. `rowOffset` maps table rows to file rows. */
export function issuesHtml(issues: readonly RuleIssue[], rowOffset = 0): string {
  const items = issues
    .map((i) => {
      const where = [i.row === undefined ? "" : `第 ${i.row + rowOffset} 行 row ${i.row + rowOffset}`, i.column === undefined ? "" : `「${i.column}」`].filter((s) => s !== "").join(" ");
      return `<li>${where === "" ? "" : `<strong>${esc(where)}</strong>：`}${esc(i.messageZh)} <span class="en" lang="en">${esc(i.messageEn)}</span>${i.value === undefined ? "" : ` <code>${esc(typeof i.value === "string" ? i.value : JSON.stringify(i.value))}</code>`} <small>(${esc(i.clause)})</small></li>`;
    })
    .join("");
  return `<ul class="issues">${items}</ul>`;
}

/** An error as a bilingual alert. */
export function errorHtml(e: unknown, rowOffset = 0): string {
  if (e instanceof ShuangsuijiError) {
    return `<div class="alert" role="alert"><p>${bi("出错了", "Error")} <code>${esc(e.code)}</code></p>${issuesHtml(e.issues, rowOffset)}</div>`;
  }
  return `<div class="alert" role="alert"><p>${bi("出错了", "Error")}: ${esc(e instanceof Error ? e.message : String(e))}</p></div>`;
}

/** Today as YYYY-MM-DD in the browser's zone: a default for date fields only. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
