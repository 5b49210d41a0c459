import { readPlain } from "../_internal/boundary.js";
import { OUTCOMES } from "../codes/OUTCOMES.js";
import { isValidResidentId } from "../ids/parseResidentId.js";
import { isValidUscc } from "../ids/isValidUscc.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import type { TaskLifecycle } from "./TaskLifecycle.js";
import { headOf, isLiveTask, refuse, stateIndex } from "./_lifecycle.js";

/**
 * Masks a phone number for display: keeps the first three and last four digits (`138****5678`).
 *
 * @param phone - A phone number.
 * @returns Its digits with the first 3 and last 4 kept, the rest `*` (all `*` up to 7 digits; `""` for a non-string).
 * @throws Never — any value gives a string.
 * @category Task
 * @example
 * ```ts
 * import { maskPhone } from "shuangsuiji";
 * maskPhone("13812345678"); // "138****5678"
 * ```
 */
export function maskPhone(phone: string): string {
  if (typeof phone !== "string") return "";
  const digits = phone.replace(/\D/g, "");
  return digits.length <= 7 ? "*".repeat(digits.length) : `${digits.slice(0, 3)}${"*".repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/**
 * Masks an identity-document number: keeps the first six and last four characters (`110105********002X`).
 *
 * @param id - An identity number.
 * @returns The first 6 and last 4 characters kept, the rest `*` (all `*` up to 10 characters; `""` for a non-string).
 * @throws Never — any value gives a string.
 * @category Task
 * @example
 * ```ts
 * import { maskIdNumber } from "shuangsuiji";
 * maskIdNumber("11010519491231002X"); // "110105********002X"
 * ```
 */
export function maskIdNumber(id: string): string {
  if (typeof id !== "string") return "";
  return id.length <= 10 ? "*".repeat(id.length) : `${id.slice(0, 6)}${"*".repeat(id.length - 10)}${id.slice(-4)}`;
}

// Mobile numbers with or without +86 and with spaces, hyphens or dots inside (138-1234-5678, 139 8765 4321,
// 138.1234.5678), and landlines with an area code, bracketed or not ((0377)63123456, 0377-63123456, 037763123456).
// Digit runs inside longer codes (a USCC) are left alone by the look-arounds.
const MOBILE = /(?<![0-9A-Za-z])(?:(?:\+|00)?86[-\s.]?)?1[3-9]\d(?:[-\s.]?\d){8}(?![0-9A-Za-z])/g;
const LANDLINE = /(?<![0-9A-Za-z])(?:\(0\d{2,3}\)\s?|0\d{2,3}[-\s.]?)\d{7,8}(?![0-9A-Za-z])/g;
// Identity numbers (18 characters, or the old 15-digit form), also with spaces — masked whatever their check
// character (a mistyped number is still personal data); a valid USCC is public and kept.
const ID_NUMBER = /(?<![0-9A-Za-z])\d{6}(?:[-\s]?\d){8}(?:[-\s]?[\dXx]){4}(?![0-9A-Za-z])|(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g;
// After a contact keyword, a remaining number of 7 or more digits is a phone (a local number without area code).
const AFTER_PHONE_KEYWORD = /((?:电话|手机|联系方式|联系号码|座机|Tel|TEL|tel|Phone|phone)\s*[:：]?\s*)(\d(?:[-\s.]?\d){6,})/g;
// After a passport keyword, the document number (letters and digits).
const AFTER_PASSPORT_KEYWORD = /(护照(?:号码|号)?\s*[:：]?\s*)([A-Za-z0-9]{7,12})/g;
// A match starts only where a run of local-part characters starts (the lookbehind), and a local part has at most 64
// characters (RFC 5321 §4.5.3.1.1): without both, a long run with no "@" is scanned from every position (quadratic).
const EMAIL = /(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{0,63}@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;
// Full-width digits, X and phone punctuation (１３８…, Ｘ, （）－．＋) are folded to ASCII first, so they cannot slip past.
const FULL_WIDTH = /[\uFF10-\uFF19\uFF38\uFF58\uFF0B\uFF0D\uFF08\uFF09\uFF0E]/g;
const foldDigits = (s: string): string => s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * Masks personal data inside free text for publication (Wancheng art. 26): identity numbers (18 characters with a valid
 * check character, or 15 digits) and phone numbers (mobile, with or without +86, spaces or hyphens; landlines with an
 * area code). Unified social credit codes are public and left as they are.
 *
 * @param s - Free text.
 * @returns The text with phone and identity numbers masked (a valid 统一社会信用代码 is kept); `""` for a non-string.
 * @throws Never — any value gives a string (the USCC check it makes is on 18 characters, so its length limit is
 *   unreachable).
 * @category Task
 * @example
 * ```ts
 * import { maskPersonalData } from "shuangsuiji";
 * maskPersonalData("联系电话138-1234-5678，139 8765 4321"); // "联系电话138****5678，139****4321"
 * ```
 */
export function maskPersonalData(s: string): string {
  if (typeof s !== "string") return "";
  return foldDigits(s)
    .replace(ID_NUMBER, (m) => {
      const compact = m.replace(/[-\s]/g, "");
      return compact.length === 18 && isValidUscc(compact.toUpperCase()) ? m : maskIdNumber(compact);
    })
    .replace(MOBILE, (m) => maskPhone(m.replace(/^(?:\+|00)?86[-\s.]?/, "")))
    .replace(LANDLINE, (m) => maskPhone(m))
    .replace(AFTER_PHONE_KEYWORD, (_m, k: string, n: string) => `${k}${maskPhone(n)}`)
    .replace(AFTER_PASSPORT_KEYWORD, (_m, k: string, n: string) => `${k}${maskIdNumber(n)}`)
    .replace(EMAIL, (_m, first: string, domain: string) => `${first}***@${domain}`);
}

/**
 * The public view of a task: before the inspection starts everything drawn is sealed (Yanshi 8.3: 不得对外泄露抽取的待
 * 检查对象和执法检查人员名单); before publication only the task and its state are shown; after publication, what may be
 * published (Wancheng art. 21, 26): per target its name, code, inspecting departments, items and outcome labels, and
 * the publication date. Inspector names, phones and identity numbers are never included; phones and ID numbers inside
 * every text field shown are masked ({@link maskPersonalData}). Where departments publish separately (Longting art. 22),
 * only the sections of departments that have published appear, and a record's handling opinion (处理意见) only once every
 * department with a section on it has published its section. A section withheld as 不适合公开 by its department
 * (Chongqing 6.6; Wancheng art. 3) is left out, the record shown with its other sections and `withheldDepartments`; a
 * record every section of which is withheld is left out; both are counted (`withheld.count` records left out,
 * `withheld.sections` sections withheld) with their bases. Always shown: the head of the audit trail (`head`: the latest event's sequence
 * number and digest) for the notice to anchor (docs/persistence.md).
 *
 * @param raw - The task.
 * @returns What may be published: before inspection starts a sealed view (Yanshi 8.3); afterwards the targets, teams
 *   and results with personal data masked and withheld records left out.
 * @throws {@link ShuangsuijiError} `invalid-input` when `raw` is not a task lifecycle or cannot be read as plain data.
 * @category Task
 * @example
 * ```ts
 * import { publicView, type TaskLifecycle } from "shuangsuiji";
 * declare const task: TaskLifecycle;
 * const view = publicView(task);
 * view.sealed;
 * ```
 */
export function publicView(raw: TaskLifecycle) {
  // a live task is frozen and read as is (O(1)); any other value is read once into a copy, so nothing of the caller's is frozen or shared
  const t = isLiveTask(raw) ? raw : (readPlain(raw, ["task"]) as TaskLifecycle);
  if (t === null || typeof t !== "object" || t.kind !== "task-lifecycle") refuse("invalid-input", "task", "shuangsuiji task lifecycle", "不是任务状态对象", "not a task lifecycle object (use startTask)");
  const base = { taskId: t.task.id, name: maskPersonalData(t.task.name), state: t.state, window: t.task.window, head: headOf(t) };
  if (stateIndex(t.state) < stateIndex("inspecting")) {
    return deepFreeze({ ...base, sealed: true as const, note: "抽取名单和执法检查人员名单在实施检查前保密（Yanshi 8.3）", results: [] as const });
  }
  const published = t.publishedOn !== undefined ? undefined : new Set(Object.keys(t.departmentPublications ?? {}));
  if (published !== undefined && published.size === 0) return deepFreeze({ ...base, sealed: false as const, note: "检查结果尚未公示", results: [] as const });
  // 谁检查、谁公开 (Chongqing 6.6; Wancheng art. 3 分别依法负责): a department withholds its own section of a record; an
  // entry without a department (stored before per-section withholding) withholds the whole record
  const whole = new Set<string>();
  const sections = new Set<string>();
  for (const w of t.withheld ?? []) {
    if (w.departmentId === undefined) whole.add(w.recordId);
    else sections.add(`${w.recordId}\u0000${w.departmentId}`);
  }
  const isPublished = (d: string) => published === undefined || published.has(d);
  const isWithheld = (recordId: string, d: string) => whole.has(recordId) || sections.has(`${recordId}\u0000${d}`);
  // a record is left out when every section of it is withheld
  const leftOut = new Set(t.records.filter((r) => whole.has(r.id) || r.departments.every((d) => isWithheld(r.id, d.departmentId))).map((r) => r.id));
  const corrected = new Set(t.corrections.map((c) => c.recordId));
  const scrub = maskPersonalData;
  return deepFreeze({
    ...base,
    sealed: false as const,
    ...(t.publishedOn === undefined ? { publishedDepartments: [...(published ?? [])].sort() } : { publishedOn: t.publishedOn }),
    withheld: { count: leftOut.size, sections: (t.withheld ?? []).length, bases: [...new Set((t.withheld ?? []).map((w) => scrub(w.basis)))] },
    results: t.records
      .filter((r) => !leftOut.has(r.id))
      .map((r) => ({
        targetName: scrub(r.target.name),
        // a natural person's code is an identity number: personal data, masked (a USCC is public)
        ...(r.target.code === undefined ? {} : { targetCode: isValidResidentId(r.target.code) ? maskIdNumber(r.target.code) : scrub(r.target.code) }),
        inspectedOn: r.inspectedOn,
        departments: r.departments
          .filter((d) => isPublished(d.departmentId) && !isWithheld(r.id, d.departmentId))
          .map((d) => ({
            departmentId: d.departmentId,
            items: d.items.map((i) => ({ item: scrub(i.itemName), outcomes: i.outcomes.map((o) => OUTCOMES[o].zh) })),
          })),
        // the departments whose section of this record is withheld (不适合公开), shown once they have published
        ...(r.departments.some((d) => isPublished(d.departmentId) && isWithheld(r.id, d.departmentId)) ? { withheldDepartments: r.departments.filter((d) => isPublished(d.departmentId) && isWithheld(r.id, d.departmentId)).map((d) => d.departmentId) } : {}),
        // the handling opinion (处理意见) is the record's, across its departments: shown only once every department with
        // a section on it has published and none withheld its section (谁检查、谁录入、谁公开, Longting art. 22; Chongqing 6.6)
        ...(r.handlingOpinion === undefined || !r.departments.every((d) => isPublished(d.departmentId) && !isWithheld(r.id, d.departmentId)) ? {} : { handlingOpinion: scrub(r.handlingOpinion) }),
        corrected: corrected.has(r.id),
      })),
  });
}
