import { ShuangsuijiError, type RuleIssue } from "../../errors/ShuangsuijiError.js";
import { ruleIssue } from "../../errors/_drawRules.js";
import { parseDayNumber } from "../../calendar/_days.js";
import { bytesToHex, canonicalJson, compareUtf8, hexToBytes, isWellFormed, lengthDelimited, sha256Hex } from "../_shared/_encoding.js";
import { directHasher, fieldHasherInto, wordsToHex, wordsToHexBytes, writeAsciiJsonString } from "../_shared/_sha256.js";
import type { Eligibility, Exclusion } from "./SamplingPolicy.js";

export const POOL_ALGORITHM = "shuangsuiji/pool/v1";
export const STAGE1_ALGORITHM = "shuangsuiji/stage1/v1";

import type { DrawUnit } from "./DrawUnit.js";
import { MAX_ISSUES, cappedIssues } from "../../errors/_capIssues.js";
export type { DrawUnit } from "./DrawUnit.js";

/**
 * Why a unit of the pool is not in its drawing stratum (Yanshi 7.2 eligibility; named exclusions): the reasons counted
 * in a pool commitment and reported by verifyTicket.
 *
 * @category Draw
 */
export type IneligibleReason =
  | "excluded"
  | "registered-after-cutoff"
  | "registration-date-unknown"
  | "status-not-allowed"
  | "status-unknown"
  | "outside-districts";

export interface PoolConfig {
  readonly eligibility: Eligibility;
  readonly exclusions: readonly Exclusion[];
}

const PRINTABLE_ASCII = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/**
 * Why a text is not in its one canonical spelling as an id, or undefined (docs/spec-v1.md §3, look-alike ids):
 * non-empty, well-formed, trimmed, NFC, no format character (\p{Cf}: zero-width space, soft hyphen, word joiner…), no
 * control character (\p{Cc}), unchanged by NFKC (full-width ASCII, ideographic or no-break spaces, circled or
 * superscript digits, half-width katakana… are compatibility forms), and no white space but single U+0020 spaces — so
 * two rows cannot be the same enterprise (or inspector) under look-alike ids.
 */
export function idTextProblem(s: string): string | undefined {
  if (s.length === 0) return "empty";
  if (PRINTABLE_ASCII.test(s)) return s.includes("  ") ? "two spaces in a row" : undefined;
  if (!isWellFormed(s)) return "not well-formed Unicode (lone surrogate)";
  if (s !== s.trim()) return "leading or trailing white space";
  if (/\p{Cf}/u.test(s)) return "an invisible format character (\\p{Cf})";
  if (/\p{Cc}/u.test(s)) return "a control character (\\p{Cc})";
  if (s !== s.normalize("NFC")) return "not in Unicode NFC";
  if (/[\uff01-\uff5e]/u.test(s)) return "a full-width ASCII form (U+FF01–U+FF5E)";
  if (/[\s\p{Zs}]/u.test(s.replace(/ /g, ""))) return "white space other than U+0020 (no-break, ideographic, en space…)";
  if (s !== s.normalize("NFKC")) return "a Unicode compatibility form (changed by NFKC: ①, ¹, half-width katakana…)";
  if (s.includes("  ")) return "two spaces in a row";
  return undefined;
}

const ID_PROBLEM_ZH: Readonly<Record<string, string>> = {
  empty: "为空",
  "not a string": "不是文本",
  "two spaces in a row": "含连续两个空格",
  "not well-formed Unicode (lone surrogate)": "不是规范的Unicode文本（孤立代理项）",
  "leading or trailing white space": "首尾含空白",
  "an invisible format character (\\p{Cf})": "含零宽空格、软连字符等不可见格式字符",
  "a control character (\\p{Cc})": "含控制字符（如制表符）",
  "not in Unicode NFC": "未经NFC规范化",
  "a full-width ASCII form (U+FF01–U+FF5E)": "含全角ASCII字符",
  "white space other than U+0020 (no-break, ideographic, en space…)": "含普通空格以外的空白（不间断空格、全角空格等）",
  "a Unicode compatibility form (changed by NFKC: ①, ¹, half-width katakana…)": "含兼容字符（①、¹、半角片假名等，NFKC规范化会改变）",
  "a USCC-shaped id (18 letters and digits) is written in upper case without spaces": "统一社会信用代码形态的标识（18位字母数字）应大写且不含空格",
};

/** The pool-id rule's refusal, bilingual, clause cited (docs/spec-v1.md §3). */
export function unitIdIssue(path: readonly (string | number)[], why: string, value: unknown, selfCheck = false): RuleIssue {
  // one message object per reason (a hostile pool may hold a million bad ids)
  const key = `${selfCheck ? "1" : "0"}${why}`;
  let m = ID_MESSAGES.get(key);
  if (m === undefined) {
    m = idMessages(why, selfCheck);
    ID_MESSAGES.set(key, m);
  }
  return value === undefined ? { path, ...m } : { path, ...m, value };
}

const ID_MESSAGES = new Map<string, Omit<RuleIssue, "path">>();

function idMessages(why: string, selfCheck: boolean): Omit<RuleIssue, "path"> {
  return {
    rule: "unit-id-canonical", clause: selfCheck ? "docs/spec-v1.md §3, §11" : "docs/spec-v1.md §3",
    messageZh: selfCheck
      ? `无法核对此标识：${ID_PROBLEM_ZH[why] ?? why}，任何抽取名录都不能含有这样的标识；请按营业执照重新输入（复制粘贴常带入不可见字符）`
      : `对象标识不是唯一规范写法：${ID_PROBLEM_ZH[why] ?? why}（同一企业不得以形近标识出现两次）`,
    messageEn: selfCheck
      ? `this id cannot be checked: ${why}, which no draw pool may hold; retype it from the business licence (copy and paste often carries invisible characters)`
      : `the unit id is not in its one canonical spelling: ${why} (one enterprise cannot appear twice under look-alike ids)`,
  };
}

/**
 * A text's canonical-spelling check as an id (see {@link idTextProblem}); inspector ids use it as is. Printable ASCII
 * (every USCC) skips the costly checks.
 */
export function isCanonicalText(s: string): boolean {
  return idTextProblem(s) === undefined;
}

/**
 * The self-check's reading of an id as typed (docs/spec-v1.md §11): trimmed (with the ideographic space), NFC,
 * full-width ASCII folded to half-width and, when it then has the shape of a USCC (18 letters and digits once white
 * space is removed), de-spaced and upper-cased as table import does.
 */
export function foldUnitId(raw: string): string {
  const trimmed = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, "").normalize("NFC").replace(/[\uff01-\uff5e]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const code = trimmed.replace(/\s+/gu, "").toUpperCase();
  return /^[0-9A-Z]{18}$/.test(code) ? code : trimmed;
}

/**
 * THE pool-id rule (docs/spec-v1.md §3), used by commitPool, the draw, verifyTargetDraw, mergeTargetShards and
 * verifyTicket alike: a canonical id text ({@link idTextProblem}) that the self-check's reading ({@link foldUnitId})
 * leaves unchanged — so a USCC-shaped id is upper case without spaces, and verifyTicket never folds an id the pool did
 * not fold (a lower-case `9141…x` is refused in a pool rather than hashed differently by the self-check).
 */
export function poolIdProblem(s: string): string | undefined {
  const why = idTextProblem(s);
  if (why !== undefined) return why;
  return foldUnitId(s) === s ? undefined : "a USCC-shaped id (18 letters and digits) is written in upper case without spaces";
}

const CLASS = /^[A-Z]$/;

/** Checks one unit cheaply (no zod per unit: pools have millions of units); undefined when it is fine. */
export function unitProblems(u: DrawUnit, index: number, idChecked = false): RuleIssue[] | undefined {
  if (
    typeof u?.id === "string" && u.id !== "" && (idChecked || poolIdProblem(u.id) === undefined) && typeof u.riskClass === "string" && CLASS.test(u.riskClass) &&
    (u.registrationDate === undefined || parseDayNumber(u.registrationDate) !== undefined)
  ) {
    return undefined;
  }
  const out: RuleIssue[] = [];
  const why = typeof u?.id === "string" ? poolIdProblem(u.id) : "not a string";
  if (why !== undefined) out.push(unitIdIssue([index, "id"], why, u?.id));
  if (typeof u?.riskClass !== "string" || !/^[A-Z]$/.test(u.riskClass)) out.push(ruleIssue("risk-class", [index, "riskClass"], { value: u?.riskClass }));
  if (u?.registrationDate !== undefined && parseDayNumber(u.registrationDate) === undefined) {
    out.push(ruleIssue("civil-date", [index, "registrationDate"], { value: u.registrationDate }));
  }
  return out;
}

export function eligibilityOf(u: DrawUnit, config: PoolConfig, excluded: ReadonlySet<string>): IneligibleReason | undefined {
  if (excluded.has(u.id)) return "excluded";
  const e = config.eligibility;
  const include = e.whenUnknown === "include";
  if (e.registeredOnOrBefore !== undefined) {
    if (u.registrationDate === undefined) {
      if (!include) return "registration-date-unknown";
    } else if (u.registrationDate > e.registeredOnOrBefore) return "registered-after-cutoff";
  }
  if (e.statuses !== undefined) {
    if (u.status === undefined) {
      if (!include) return "status-unknown";
    } else if (!(e.statuses as readonly string[]).includes(u.status)) return "status-not-allowed";
  }
  if (e.divisionCodes !== undefined && (u.divisionCode === undefined || !e.divisionCodes.includes(u.divisionCode))) return "outside-districts";
  return undefined;
}

/**
 * Order-independent multiset commitment: Σ SHA-256(len‖id ‖ len‖class ‖ len‖eligibility) mod 2^256 (MSet-Add-Hash),
 * plus counts. "eligibility" is "" for an eligible unit or its ineligibility reason: the element records exactly what
 * the draw depends on, and a verifier recomputes it from the pool and the committed rules. Mergeable across shards.
 */
export interface CommitmentState {
  sum: Uint32Array; // 8 big-endian words
  unitCount: number;
  strata: Record<string, number>;
  ineligible: Partial<Record<IneligibleReason, number>>;
}

export const emptyCommitmentState = (): CommitmentState => ({ sum: new Uint32Array(8), unitCount: 0, strata: {}, ineligible: {} });

export function addWords(sum: Uint32Array, w: Int32Array | Uint32Array): void {
  let carry = 0;
  for (let i = 7; i >= 0; i--) {
    const t = (sum[i] as number) + ((w[i] as number) >>> 0) + carry;
    sum[i] = t >>> 0;
    carry = t > 0xffffffff ? 1 : 0;
  }
}

export function mergeCommitmentStates(states: readonly CommitmentState[]): CommitmentState {
  const out = emptyCommitmentState();
  for (const s of states) {
    addWords(out.sum, s.sum);
    out.unitCount += s.unitCount;
    for (const [k, v] of Object.entries(s.strata)) out.strata[k] = (out.strata[k] ?? 0) + v;
    for (const [k, v] of Object.entries(s.ineligible)) out.ineligible[k as IneligibleReason] = (out.ineligible[k as IneligibleReason] ?? 0) + (v as number);
  }
  return out;
}

export function commitmentDigest(state: CommitmentState, config: PoolConfig): string {
  const sumBytes = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const v = state.sum[i] as number;
    sumBytes[4 * i] = v >>> 24; sumBytes[4 * i + 1] = v >>> 16; sumBytes[4 * i + 2] = v >>> 8; sumBytes[4 * i + 3] = v;
  }
  return sha256Hex(lengthDelimited([POOL_ALGORITHM, String(state.unitCount), sumBytes, canonicalJson(config)]));
}

export const stateToJson = (s: CommitmentState) => ({ sum: bytesToHex(new Uint8Array(Array.from(s.sum).flatMap((v) => [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255]))), unitCount: s.unitCount, strata: { ...s.strata }, ineligible: { ...s.ineligible } });

export function stateFromJson(j: { sum: string; unitCount: number; strata: Record<string, number>; ineligible: Partial<Record<IneligibleReason, number>> }): CommitmentState {
  const b = hexToBytes(j.sum);
  const sum = new Uint32Array(8);
  for (let i = 0; i < 8; i++) sum[i] = (((b[4 * i] as number) << 24) | ((b[4 * i + 1] as number) << 16) | ((b[4 * i + 2] as number) << 8) | (b[4 * i + 3] as number)) >>> 0;
  return { sum, unitCount: j.unitCount, strata: { ...j.strata }, ineligible: { ...j.ineligible } };
}

/**
 * Duplicate-id detection in typed memory (docs/spec-v1.md §3; used per bucket by {@link fingerprintLog}): an
 * open-addressing table of 64-bit fingerprints (the
 * first two words of a SHA-256 of the length-delimited id after a fixed prefix) with the index of the row that first
 * had each. 12 bytes per slot, grown ×1.5 at 80% load, or sized once when the caller knows the count. With the ids
 * kept (in-memory pools: the pool holds them anyway) a fingerprint hit is confirmed by comparing the ids, so the check
 * is exact; for a streamed pool (O(quota) memory) a hit is a duplicate, which two distinct ids produce with
 * probability below n²/2⁶⁵ (≈ 3×10⁻⁸ for 10⁶ units).
 */
export function fingerprintTable(expected = 0) {
  // `expected` may come from a damaged record (NaN, negative, huge): a hint only, never trusted to size the table.
  const hint = Number.isFinite(expected) && expected > 0 ? Math.min(expected, 1 << 24) : 0;
  let cap = Math.max(1024, Math.ceil(hint / 0.75));
  let slots = new Int32Array(3 * cap); // [fpHi, fpLo, index + 1]; index + 1 = 0 marks an empty slot
  let size = 0;
  const home = (lo: number, c: number): number => Math.floor(((lo >>> 0) * c) / 4294967296);
  const grow = () => {
    const old = slots;
    const oldCap = cap;
    cap = Math.ceil(cap * 1.5);
    slots = new Int32Array(3 * cap);
    for (let s = 0; s < oldCap; s++) {
      const v = old[3 * s + 2] as number;
      if (v === 0) continue;
      const hi = old[3 * s] as number;
      const lo = old[3 * s + 1] as number;
      let j = home(lo, cap);
      while ((slots[3 * j + 2] as number) !== 0) j = j + 1 === cap ? 0 : j + 1;
      slots[3 * j] = hi;
      slots[3 * j + 1] = lo;
      slots[3 * j + 2] = v;
    }
  };
  return {
    /** Empties the table, keeping its memory (one table serves every bucket of a {@link fingerprintLog}). */
    clear(): void {
      slots.fill(0);
      size = 0;
    },
    /**
     * Inserts (hi, lo) for row `index` unless a row with the same fingerprint is there and `same(thatIndex)` says it
     * is the same id: then that row's index is returned (and nothing inserted); -1 otherwise.
     */
    insert(hi: number, lo: number, index: number, same: ((first: number) => boolean) | undefined): number {
      if (size + 1 > cap * 0.8) grow();
      const c = cap;
      const t = slots;
      let j = home(lo, c);
      for (;;) {
        const v = t[3 * j + 2] as number;
        if (v === 0) break;
        if ((t[3 * j] as number) === hi && (t[3 * j + 1] as number) === lo && (same === undefined || same(v - 1))) return v - 1;
        j = j + 1 === c ? 0 : j + 1;
      }
      t[3 * j] = hi;
      t[3 * j + 1] = lo;
      t[3 * j + 2] = index + 1;
      size++;
      return -1;
    },
  };
}

/** The fingerprint log's full chunk: 2^18 entries of two words (2 MiB). */
const LOG_CHUNK = 1 << 18;

/**
 * Full log chunks of finished logs, held weakly: a pass that starts before the collector has freed them (the draw
 * right after commitPoolAsync over the same stream) writes into them instead of allocating as much again beside them,
 * so two passes in a row peak at one log, not two. Only the memory is reused: a chunk's old entries are never read (a
 * log reads only the entries it wrote), so results do not depend on when the collector runs.
 */
const spareLogChunks: WeakRef<Int32Array>[] = [];

function newLogChunk(words: number): Int32Array {
  if (words === 2 * LOG_CHUNK) {
    while (spareLogChunks.length > 0) {
      const c = spareLogChunks.pop()!.deref();
      if (c !== undefined) return c;
    }
  }
  return new Int32Array(words);
}

/**
 * Duplicate-id detection without a random access per unit (docs/spec-v1.md §3): the pass appends each unit's 64-bit
 * fingerprint to a list of typed chunks (8 bytes per unit, written in order, never copied), and `duplicates` finds the
 * repeated ones at the end — two sieve rounds of bitmaps over the log (`sieve`), then the few survivors into one
 * {@link fingerprintTable} in row order. Same answer as inserting every unit into one table in row order: a row is a
 * duplicate of the first earlier row with the same fingerprint (and, with `same`, the same id).
 */
export function fingerprintLog(expected = 0) {
  // chunks, never copied as the log grows: the first sized from the hint, each next one twice as large up to 2^18
  // entries (2 MiB), so a 10^7-unit stream holds its 80 MB of fingerprints without a growth copy beside them
  const hint = Number.isFinite(expected) && expected > 0 ? Math.min(expected, 1 << 24) : 0;
  const CHUNK = LOG_CHUNK;
  const fps: Int32Array[] = []; // [hi, lo] per entry
  const poss: (Int32Array | undefined)[] = []; // the unit index of each entry, once a unit index was skipped (a bad unit)
  let fp = newLogChunk(2 * Math.min(CHUNK, Math.max(1024, hint)));
  let pos: Int32Array | undefined;
  let skipped = false;
  let filled = 0; // entries in the current chunk
  let n = 0;
  fps.push(fp);
  poss.push(undefined);
  /**
   * Two sieve rounds over the log (in row order; bitmaps, no table, no scatter). Round 1 marks the low `bits` bits of
   * each entry's second word in bitmap A (about 4 bits per entry, at most 2^24 bits at a time: a larger A is done a
   * region at a time, one read of the log per region, so the bitmap stays in cache) and, when an entry finds its bit
   * already set, marks its first word's low bits in bitmap B. Round 2 keeps the entries whose B bit is set (their
   * positions), marks their second word's low 24 bits in a cleared A and, on a collision, their first word's bits 8…
   * in bitmap C. Two entries with the same fingerprint mark the same bits, so the later one always collides and both
   * are kept and pass C: every repeated fingerprint survives, while of 10^7 distinct ones only about 10^4 do. Returns
   * the kept positions passing C (chunk << 18 | offset, in row order), or `undefined` when a round found no collision
   * (no fingerprint repeats).
   */
  const sieve = (bitsHint: number | undefined): Int32Array | undefined => {
    const bits = bitsHint ?? Math.min(28, Math.max(12, Math.ceil(Math.log2(4 * n))));
    const regionBits = Math.min(bits, 24);
    const ra = 2 ** regionBits - 1;
    const mb = 2 ** Math.max(5, bits - 2) - 1;
    const A = new Int32Array((ra + 1) >>> 5);
    const b = new Int32Array((mb + 1) >>> 5);
    let any = false;
    const regions = 2 ** (bits - regionBits);
    for (let r = 0; r < regions; r++) {
      if (r > 0) A.fill(0);
      for (let ch = 0; ch < fps.length; ch++) {
        const a = fps[ch] as Int32Array;
        const len = ch === fps.length - 1 ? filled : a.length >> 1;
        for (let k = 0; k < len; k++) {
          const lo = a[2 * k + 1] as number;
          if (regions > 1 && ((lo >>> regionBits) & (regions - 1)) !== r) continue;
          const i = lo & ra;
          const w = i >>> 5;
          const bit = 1 << (i & 31);
          const v = A[w] as number;
          if ((v & bit) === 0) A[w] = v | bit;
          else {
            const j = (a[2 * k] as number) & mb;
            b[j >>> 5] = (b[j >>> 5] as number) | (1 << (j & 31));
            any = true;
          }
        }
      }
    }
    if (!any) return undefined;
    A.fill(0);
    any = false;
    const mc = 2 ** Math.max(5, Math.min(24, bits - 4)) - 1;
    const c = new Int32Array((mc + 1) >>> 5);
    let kept = new Int32Array(1024);
    let m = 0;
    for (let ch = 0; ch < fps.length; ch++) {
      const a = fps[ch] as Int32Array;
      const len = ch === fps.length - 1 ? filled : a.length >> 1;
      for (let k = 0; k < len; k++) {
        const hi = a[2 * k] as number;
        const j = hi & mb;
        if (((b[j >>> 5] as number) & (1 << (j & 31))) === 0) continue;
        if (m === kept.length) {
          const next = new Int32Array(2 * m);
          next.set(kept);
          kept = next;
        }
        kept[m++] = (ch << 18) | k;
        const i = (a[2 * k + 1] as number) & ra;
        const w = i >>> 5;
        const bit = 1 << (i & 31);
        const v = A[w] as number;
        if ((v & bit) === 0) A[w] = v | bit;
        else {
          const l = (hi >>> 8) & mc;
          c[l >>> 5] = (c[l >>> 5] as number) | (1 << (l & 31));
          any = true;
        }
      }
    }
    if (!any) return undefined;
    let out = 0;
    for (let x = 0; x < m; x++) {
      const at = kept[x] as number;
      const l = ((fps[at >>> 18] as Int32Array)[2 * (at & 0x3ffff)] as number) >>> 8 & mc;
      if (((c[l >>> 5] as number) & (1 << (l & 31))) !== 0) kept[out++] = at;
    }
    return kept.subarray(0, out);
  };
  /** The entry number of each chunk's first entry. */
  const chunkStarts = (): Float64Array => {
    const starts = new Float64Array(fps.length);
    let e = 0;
    for (let ch = 0; ch < fps.length; ch++) {
      starts[ch] = e;
      e += (fps[ch] as Int32Array).length >> 1;
    }
    return starts;
  };
  return {
    /** Logs the fingerprint (hi, lo) of unit `index` (indices increasing). */
    push(hi: number, lo: number, index: number): void {
      if (2 * filled === fp.length) {
        fp = newLogChunk(Math.min(2 * CHUNK, 2 * fp.length));
        pos = skipped ? new Int32Array(fp.length >> 1) : undefined;
        fps.push(fp);
        poss.push(pos);
        filled = 0;
      }
      if (!skipped && index !== n) {
        // the first skipped index: every entry's index is kept from now on (the earlier ones are their entry numbers)
        skipped = true;
        let e = 0;
        for (let c = 0; c < fps.length; c++) {
          const p = new Int32Array((fps[c] as Int32Array).length >> 1);
          const len = c === fps.length - 1 ? filled : p.length;
          for (let k = 0; k < len; k++) p[k] = e++;
          poss[c] = p;
        }
        pos = poss[poss.length - 1];
      }
      fp[2 * filled] = hi;
      fp[2 * filled + 1] = lo;
      if (pos !== undefined) pos[filled] = index;
      filled++;
      n++;
    },
    /**
     * Every repeated row as [index, index of the first row with that id], in row order. `same(a, b)` confirms a
     * fingerprint hit by comparing the rows' ids (exact); without it a hit is a duplicate. `sieveBits`: log2 of the
     * sieve's first bitmap in bits (default: from the entry count; tests make it small so that many entries survive).
     */
    duplicates(same?: (a: number, b: number) => boolean, sieveBits?: number): [number, number][] {
      if (n === 0) return [];
      const kept = sieve(sieveBits);
      if (kept === undefined) return []; // no two entries share even the sieve's bits: no repeated fingerprint
      // the entries that passed the sieve (about 10^4 of 10^7 distinct fingerprints), in row order, into one table;
      // a pool built to make many pass (fingerprints sharing 40-odd chosen bits in pairs) costs more time and at most
      // 16 bytes per entry more memory, never a wrong answer
      const out: [number, number][] = [];
      const table = fingerprintTable(kept.length);
      let current = 0;
      const confirm = same === undefined ? undefined : (first: number) => same(first, current);
      const starts = chunkStarts();
      for (let x = 0; x < kept.length; x++) {
        const at = kept[x] as number;
        const ch = at >>> 18;
        const k = at & 0x3ffff;
        const a = fps[ch] as Int32Array;
        const p = poss[ch];
        current = p === undefined ? (starts[ch] as number) + k : (p[k] as number);
        const first = table.insert(a[2 * k] as number, a[2 * k + 1] as number, current, confirm);
        if (first >= 0) out.push([current, first]);
      }
      return out;
    },
    /** Gives the full chunks to the next log (held weakly); the log is empty and unusable afterwards. */
    release(): void {
      if (spareLogChunks.length > 4096) spareLogChunks.length = 0; // references the collector has long cleared
      for (const c of fps) if (c.length === 2 * CHUNK) spareLogChunks.push(new WeakRef(c));
      fps.length = 0;
      poss.length = 0;
      n = 0;
    },
  };
}

/** A bounded heap as {@link boundedHeap} returns it. */
export type BoundedHeap = ReturnType<typeof boundedHeap>;

/** What a draw adds to a pass over the pool: the ticket prefix and the heap of each class (index: letter − "A"). */
export interface DrawHooks {
  /** len‖tag ‖ len‖seed ‖ len‖task: a ticket is SHA-256 of this and len‖id. */
  readonly ticketPrefix: Uint8Array;
  readonly heaps: readonly (BoundedHeap | undefined)[];
}

export interface UnitProcessorOptions {
  /** Draws as it goes (tickets into heaps); the tickets double as the id fingerprints. */
  readonly draw?: DrawHooks;
  /** Computes the multiset digest contribution of each unit (false: counts only). */
  readonly hashUnits?: boolean;
  /** The number of units expected (sizes the fingerprint log once). */
  readonly expectedUnits?: number;
  /** Keep the ids so a fingerprint hit is confirmed by comparing ids (exact); for in-memory pools. */
  readonly keepIds?: boolean;
}

const REASONS: readonly IneligibleReason[] = ["excluded", "registered-after-cutoff", "registration-date-unknown", "status-not-allowed", "status-unknown", "outside-districts"];

/**
 * One pass over the units: validation (a fast path for the common shape; anything else goes through
 * {@link unitProblems}, so the errors are the same), duplicate ids (fingerprints logged, checked by
 * {@link fingerprintLog} in `finish`: a pool with a repeated id is refused there, so the counts never see it),
 * eligibility, the commitment contribution summed in 32-bit lanes with deferred carries, per-class counts and, for a
 * draw, each eligible unit's ticket offered to its class's heap. Nothing is allocated per unit on the fast path (the id
 * is written once into each hasher's buffer).
 */
export function unitProcessor(config: PoolConfig, options: UnitProcessorOptions = {}) {
  const draw = options.draw;
  const hashUnits = options.hashUnits ?? true;
  const state = emptyCommitmentState();
  const excluded = new Set(config.exclusions.map((e) => e.unitId));
  // the id is written once into each hasher's own buffer: the commitment element (no prefix) and the ticket after its
  // prefix — or, for commitPool (no draw), the id fingerprint's element (below), also without a prefix
  const unitHash = directHasher(new Uint8Array(0));
  const idHash = directHasher(draw === undefined ? new Uint8Array(0) : draw.ticketPrefix);
  const ta = idHash.at;
  /**
   * commitPool's id fingerprint (docs/spec-v1.md §3, duplicate ids; docs/benchmarks.md "Streamed 10⁷ and the cost
   * per selected unit, round 4"): the first 64 bits of the commitment element's digest of the id under ONE class and
   * eligibility for the whole pass — those of the pass's first valid unit — i.e. SHA-256(len‖id ‖ len‖fpClass ‖
   * len‖fpReason). A function of the id alone (the class and reason are fixed for the pass), so a repeated id is found
   * whatever class or reason its rows carry; an injective encoding of the id under SHA-256, truncated to 64 bits, as
   * the former tagged fingerprint was (two distinct ids share it by chance with probability below n²/2⁶⁵; a forger
   * needs about 2³² SHA-256 evaluations). It costs nothing for a unit of that class and eligibility (its element
   * digest is that very value), one compression for any other. `fpTail` is len‖fpClass ‖ len‖fpReason, written after
   * the id.
   */
  let fpTail: Uint8Array | undefined;
  let fpCode = -1;
  let fpReason: IneligibleReason | undefined;
  // the id length of the last fingerprint element hashed (its padding is reused while the ids keep that length)
  let fpIdBytes = -1;
  // the hashers' buffers, read once here and again only when `reserve` replaces them (not through a getter per unit)
  let ubuf = unitHash.buf;
  let tbuf = idHash.buf;
  // and as DataViews: the id's characters are stored four at a time (one big-endian word per buffer)
  let uview = new DataView(ubuf.buffer);
  let tview = new DataView(tbuf.buffer);
  const heaps = draw?.heaps ?? [];
  const words = new Int32Array(8);
  const tw = new Int32Array(8);
  // the commitment's sum in eight 32-bit lanes, carries deferred: a lane holds at most 2^20 words (< 2^53, exact)
  const lanes = new Float64Array(8);
  let laneUnits = 0;
  const settle = (): void => {
    let carry = 0;
    for (let i = 7; i >= 0; i--) {
      const l = lanes[i] as number;
      const t = (state.sum[i] as number) + (l % 4294967296) + carry;
      state.sum[i] = t % 4294967296;
      carry = Math.floor(t / 4294967296) + Math.floor(l / 4294967296);
      lanes[i] = 0;
    }
    laneUnits = 0;
  };
  // let: released once checked (finish), so a streamed draw's 8 bytes per unit are not held while its record is built
  let log = fingerprintLog(options.expectedUnits ?? 0);
  const ids: (string | undefined)[] | undefined = options.keepIds === true ? [] : undefined;
  const same = ids === undefined ? undefined : (a: number, b: number) => ids[a] === ids[b];
  const issues: RuleIssue[] = [];
  let notListed = 0;
  let finished = false;
  // counts by class letter and by reason, in order of first appearance (the state's key order, as before)
  const classCounts = new Float64Array(26);
  const classOrder: number[] = [];
  const reasonCounts = new Float64Array(REASONS.length);
  const reasonOrder: number[] = [];
  const encoder = new TextEncoder();
  let index = 0;
  let unitCount = 0;
  const e = config.eligibility;
  const plainEligibility = e.registeredOnOrBefore === undefined && e.statuses === undefined && e.divisionCodes === undefined;
  const hasExclusions = excluded.size > 0;
  /**
   * The id's UTF-8 length once written into both hash buffers, or -1 when it breaks the pool-id rule (poolIdProblem,
   * docs/spec-v1.md §3): the fast path's leftovers (a space, a character above "Z" in an 18-character id, non-ASCII).
   */
  const idBytesOf = (id: string, ub: Uint8Array, tb: Uint8Array): number => {
    if (id.length === 0 || poolIdProblem(id) !== undefined) return -1;
    const written = encoder.encodeInto(id, ub.subarray(4)).written;
    tb.set(ub.subarray(4, 4 + written), ta + 4);
    return written;
  };
  const add = (u: DrawUnit): void => {
    const at = index++;
    const id = u?.id;
    // --- the fast path: printable-ASCII id, one capital letter, no date or a valid one
    let idBytes = -1;
    let ub = ubuf;
    let tb = tbuf;
    if (typeof id === "string") {
      const n = id.length;
      if (ub.length < 4 * n + 64 + 72) {
        ub = ubuf = unitHash.reserve(4 * n + 64);
        uview = new DataView(ub.buffer);
      }
      // (room for the longest fingerprint element tail: 4 + 3n + 9 + 25 bytes at most)
      if (tb.length < ta + 4 * n + 64 + 72) {
        tb = tbuf = idHash.reserve(4 * n + 64);
        tview = new DataView(tb.buffer);
      }
      // one read of each character, written into both buffers: `bad` turns negative at a character outside
      // 0x21–0x7e (a space included), `high` at one above "Z". Four characters make one word, stored once per buffer
      // (a character above 0xff mixes into its neighbours' bytes, but `bad` then sends the id to `idBytesOf`, which
      // writes it again)
      let bad = 0;
      let high = 0;
      let i = 0;
      for (; i + 4 <= n; i += 4) {
        const c0 = id.charCodeAt(i);
        const c1 = id.charCodeAt(i + 1);
        const c2 = id.charCodeAt(i + 2);
        const c3 = id.charCodeAt(i + 3);
        bad |= (c0 - 0x21) | (0x7e - c0) | (c1 - 0x21) | (0x7e - c1) | (c2 - 0x21) | (0x7e - c2) | (c3 - 0x21) | (0x7e - c3);
        high |= (0x5a - c0) | (0x5a - c1) | (0x5a - c2) | (0x5a - c3);
        const w = (c0 << 24) | (c1 << 16) | (c2 << 8) | c3;
        uview.setInt32(4 + i, w);
        tview.setInt32(ta + 4 + i, w);
      }
      for (; i < n; i++) {
        const c = id.charCodeAt(i);
        bad |= (c - 0x21) | (0x7e - c);
        high |= 0x5a - c;
        ub[4 + i] = c;
        tb[ta + 4 + i] = c;
      }
      // printable ASCII without a space satisfies the pool-id rule unless it is USCC-shaped (18 letters and digits)
      // with a lower-case letter, impossible when no character is above "Z"; anything else is read by `idBytesOf`
      idBytes = n > 0 && bad >= 0 && (high >= 0 || n !== 18) ? n : idBytesOf(id, ub, tb);
    }
    const cls = u?.riskClass;
    const code = typeof cls === "string" && cls.length === 1 ? cls.charCodeAt(0) - 65 : -1;
    if (idBytes < 0 || code < 0 || code > 25 || (u.registrationDate !== undefined && parseDayNumber(u.registrationDate) === undefined)) {
      // the id's characters went into both buffers, past what the next message may cover: pad afresh
      unitHash.invalidate();
      idHash.invalidate();
      ids?.push(undefined);
      const problems = unitProblems(u, at);
      if (problems !== undefined) {
        // bounded: past MAX_ISSUES only counted (cappedIssues reports the count)
        for (const p of problems) if (issues.length < MAX_ISSUES) issues.push(p);
          else notListed++;
        return;
      }
      // unitProblems accepts what the fast path refused: impossible by construction, kept as a guard
      throw new Error("unit validation fast path disagrees with unitProblems");
    }
    const idStr = id as string;
    tb[ta] = idBytes >>> 24; tb[ta + 1] = idBytes >>> 16; tb[ta + 2] = idBytes >>> 8; tb[ta + 3] = idBytes;
    // a draw: the ticket of len‖id, which is also the duplicate check's fingerprint
    if (draw !== undefined) idHash.finish(4 + idBytes, tw, 0);
    ids?.push(idStr);
    const reason = plainEligibility ? (hasExclusions && excluded.has(idStr) ? "excluded" : undefined) : eligibilityOf(u, config, excluded);
    if (draw === undefined && fpCode < 0) {
      // the pass's fingerprint class and reason: the first valid unit's (fixed from here on)
      fpCode = code;
      fpReason = reason;
      fpTail = lengthDelimited([String.fromCharCode(code + 65), reason ?? ""]);
    }
    if (hashUnits) {
      ub[0] = idBytes >>> 24; ub[1] = idBytes >>> 16; ub[2] = idBytes >>> 8; ub[3] = idBytes;
      let o = 4 + idBytes;
      ub[o] = 0; ub[o + 1] = 0; ub[o + 2] = 0; ub[o + 3] = 1; ub[o + 4] = code + 65;
      o += 5;
      if (reason === undefined) {
        ub[o] = 0; ub[o + 1] = 0; ub[o + 2] = 0; ub[o + 3] = 0;
        o += 4;
      } else {
        const rn = reason.length;
        ub[o] = 0; ub[o + 1] = 0; ub[o + 2] = 0; ub[o + 3] = rn;
        for (let i = 0; i < rn; i++) ub[o + 4 + i] = reason.charCodeAt(i);
        o += 4 + rn;
      }
      unitHash.finish(o, words, 0);
      if (draw === undefined && code === fpCode && reason === fpReason) {
        // commitPool: this unit's element digest is its id fingerprint (see fpTail)
        tw[0] = words[0] as number;
        tw[1] = words[1] as number;
      }
      // sum += words (mod 2^256): into the lanes, carried every 2^20 units
      lanes[0] = (lanes[0] as number) + ((words[0] as number) >>> 0); lanes[1] = (lanes[1] as number) + ((words[1] as number) >>> 0);
      lanes[2] = (lanes[2] as number) + ((words[2] as number) >>> 0); lanes[3] = (lanes[3] as number) + ((words[3] as number) >>> 0);
      lanes[4] = (lanes[4] as number) + ((words[4] as number) >>> 0); lanes[5] = (lanes[5] as number) + ((words[5] as number) >>> 0);
      lanes[6] = (lanes[6] as number) + ((words[6] as number) >>> 0); lanes[7] = (lanes[7] as number) + ((words[7] as number) >>> 0);
      if (++laneUnits === 1 << 20) settle();
    }
    if (draw === undefined) {
      if (!(hashUnits && code === fpCode && reason === fpReason)) {
        // commitPool, a unit of another class or reason: its id's fingerprint element, len‖id (written above) ‖ fpTail
        const t = fpTail as Uint8Array;
        const o = ta + 4 + idBytes;
        for (let i = 0; i < t.length; i++) tb[o + i] = t[i] as number;
        idHash.finish(4 + idBytes + t.length, tw, 0);
        fpIdBytes = idBytes;
      } else if (idBytes !== fpIdBytes) idHash.invalidate(); // its id, written above, may reach past that padding
    }
    // the fingerprint (the ticket in a draw), logged here and checked at the end (fingerprintLog): a repeated row is
    // refused then, with every other bad row
    log.push(tw[0] as number, tw[1] as number, at);
    unitCount++;
    if (reason !== undefined) {
      const r = REASONS.indexOf(reason);
      const before = reasonCounts[r] as number;
      reasonCounts[r] = before + 1;
      if (before === 0) reasonOrder.push(r);
      return;
    }
    const before = classCounts[code] as number;
    classCounts[code] = before + 1;
    if (before === 0) classOrder.push(code);
    if (draw !== undefined) {
      const h = heaps[code];
      if (h !== undefined && ((tw[0] as number) >>> 0) <= (h.gate[0] as number)) h.offer(tw, idStr);
    }
  };
  return {
    state,
    issues,
    add,
    /**
     * Throws every bad unit at once (bad rows and repeated ids, in row order); otherwise completes `state` (counts as
     * objects, in order of first appearance).
     */
    finish(): void {
      if (!finished) {
        finished = true;
        settle();
        const dups = log.duplicates(same);
        log.release();
        log = fingerprintLog(0);
        if (dups.length > 0) {
          // merge the repeated rows into the row-ordered issues (a bad row is never logged, so never a duplicate)
          const bad = issues.splice(0, issues.length);
          let i = 0;
          for (const [row, first] of dups) {
            while (i < bad.length && (bad[i]!.path[0] as number) < row) issues.push(bad[i++]!);
            // a streamed pool's ids are not kept: its repeated row is named by its index only
            const detail = { detailZh: `与第${first}项重复`, detailEn: `same id as unit ${first}` };
            issues.push(ruleIssue("unique-ids", [row, "id"], ids === undefined ? detail : { value: ids[row], ...detail }));
          }
          while (i < bad.length) issues.push(bad[i++]!);
        }
      }
      if (issues.length > 0) throw new ShuangsuijiError("invalid-input", cappedIssues(issues, notListed));
      state.unitCount = unitCount;
      for (const c of classOrder) state.strata[String.fromCharCode(65 + c)] = classCounts[c] as number;
      for (const r of reasonOrder) state.ineligible[REASONS[r] as IneligibleReason] = reasonCounts[r] as number;
    },
  };
}

/** Ticket = SHA-256(len(tag)‖tag ‖ len(seed)‖seed ‖ len(task)‖task ‖ len(id)‖id), big-endian u32 lengths. */
/** The ticket's constant prefix len‖tag ‖ len‖seed ‖ len‖task as bytes. */
export const hexToBytesField = (seedHex: string, taskId: string): Uint8Array => lengthDelimited([STAGE1_ALGORITHM, hexToBytes(seedHex), taskId]);

export function ticketHasher(seedHex: string, taskId: string) {
  // the prefix is compressed once; each id is written straight into the block (no per-unit allocation)
  const h = fieldHasherInto(lengthDelimited([STAGE1_ALGORITHM, hexToBytes(seedHex), taskId]));
  return (unitId: string, out: Int32Array) => h(unitId, out, 0);
}

export function ticketHex(seedHex: string, taskId: string, unitId: string): string {
  const w = new Int32Array(8);
  ticketHasher(seedHex, taskId)(unitId, w);
  return wordsToHex(w);
}

/**
 * Tickets decoded to text per run (see boundedHeap's recordSelectedHex): bounded so one run's text stays far below the
 * engine's string length limit and a ticket kept on its own pins at most 64 KiB of text.
 */
const HEX_RUN = 1024;
const hexDecoder = /* @__PURE__ */ new TextDecoder();
/** One run's ticket hex digit codes, reused run after run. */
const RUN_HEX = /* @__PURE__ */ new Uint8Array(64 * HEX_RUN);
const hexEncoder = /* @__PURE__ */ new TextEncoder();

/** A copy of `b` with room for at least `need` bytes (twice as large, or more). */
function grown(b: Uint8Array, need: number): Uint8Array<ArrayBuffer> {
  const next = new Uint8Array(Math.max(2 * b.length, need));
  next.set(b);
  return next;
}

export interface Candidate {
  readonly w: Int32Array;
  readonly id: string;
}

const codeArrays: number[][] = [];

/**
 * A fresh flat copy of a short text (ids): a streamed pool's id may be a slice of a large read buffer or a chain of
 * concatenated parts, and a kept candidate would hold all of that alive; the copy holds the characters only. Longer
 * texts (over 256 UTF-16 units) are kept as they are.
 */
export function flatCopy(s: string): string {
  const n = s.length;
  if (n === 0 || n > 256) return s;
  let codes = codeArrays[n];
  if (codes === undefined) {
    codes = new Array<number>(n).fill(0);
    codeArrays[n] = codes;
  }
  for (let i = 0; i < n; i++) codes[i] = s.charCodeAt(i);
  return String.fromCharCode.apply(null, codes);
}

/**
 * Keeps the k smallest candidates by (ticket, id): a selection buffer over one slab of ticket words. Candidates below
 * the current threshold are appended (no sifting); when 1.5k are held, a quickselect keeps the k smallest and the largest
 * of them becomes the threshold, so a unit costs one word comparison once the threshold is known, and a kept one O(1)
 * amortised. The kept candidates are ordered once at the end (two radix passes over the first 32 ticket bits, full
 * comparison inside the rare runs that share them). Memory grows only as candidates arrive (a quota larger than its
 * stratum, or a verifier's generous bound, costs nothing up front). `copyIds` (streamed pools): a kept id is stored as
 * a flat copy ({@link flatCopy}), never as the caller's string, which may pin a whole read buffer.
 */
export function boundedHeap(k: number, copyIds = false, expected = 0) {
  const limit = k + Math.ceil(k / 2) + 64;
  // `expected` (a draw: the committed size of the stratum) sizes the buffer once instead of doubling it from 1,024
  // slots (a 5 × 10^5 selection allocated twice its final slabs on the way); a hint only, bounded (2^18 slots, 8 MiB),
  // so a damaged commitment cannot make it allocate more than that up front
  const first = Math.min(limit, Math.max(Math.min(Math.max(k, 1), 1024), Number.isFinite(expected) && expected > 0 ? Math.min(expected, 1 << 18) : 0));
  let slab = new Int32Array(first * 8);
  let ids: string[] = [];
  let m = 0;
  let hasThreshold = false;
  const threshold = new Int32Array(8);
  // the largest first ticket word (unsigned) an offer can have and still be kept: checked by the pass before it calls
  // offer (a unit above it costs one comparison, no call); -1 when nothing is kept, 2^32 before any threshold
  const gate = new Float64Array([k === 0 ? -1 : 2 ** 32]);
  let thresholdId = "";
  // compares slot a with slot b: full 256-bit ticket (unsigned), then id
  const cmpSlots = (a: number, b: number): number => {
    const oa = a * 8;
    const ob = b * 8;
    for (let i = 0; i < 8; i++) {
      const x = (slab[oa + i] as number) >>> 0;
      const y = (slab[ob + i] as number) >>> 0;
      if (x !== y) return x < y ? -1 : 1;
    }
    return compareUtf8(ids[a] as string, ids[b] as string);
  };
  // rearranges idx[lo..hi] so that idx[nth] is the candidate of that rank, none after it smaller, none before larger
  const select = (idx: Int32Array, lo: number, hi: number, nth: number): void => {
    while (hi - lo >= 16) {
      const mid = (lo + hi) >> 1;
      let a = idx[lo] as number;
      let b = idx[mid] as number;
      const c = idx[hi] as number;
      if (cmpSlots(a, b) > 0) [a, b] = [b, a];
      const p = cmpSlots(b, c) <= 0 ? b : cmpSlots(a, c) <= 0 ? c : a;
      let i = lo;
      let j = hi;
      while (i <= j) {
        while (cmpSlots(idx[i] as number, p) < 0) i++;
        while (cmpSlots(idx[j] as number, p) > 0) j--;
        if (i <= j) {
          const t = idx[i] as number;
          idx[i++] = idx[j] as number;
          idx[j--] = t;
        }
      }
      if (nth <= j) hi = j;
      else if (nth >= i) lo = i;
      else return;
    }
    for (let i = lo + 1; i <= hi; i++) {
      const v = idx[i] as number;
      let j = i - 1;
      while (j >= lo && cmpSlots(idx[j] as number, v) > 0) {
        idx[j + 1] = idx[j] as number;
        j--;
      }
      idx[j + 1] = v;
    }
  };
  // scratch of the compactions (allocated at the first one, at the buffer's limit)
  let idx = new Int32Array(0);
  let keep = new Uint8Array(0);
  let buckets: Int32Array | undefined;
  // keeps the k smallest of the m held (moved down to slots 0..k, in place: no second buffer) and makes the largest of
  // them the threshold
  const compact = (): void => {
    if (idx.length < m) {
      idx = new Int32Array(m);
      keep = new Uint8Array(m);
    }
    if (m < 4096) {
      for (let i = 0; i < m; i++) idx[i] = i;
      select(idx, 0, m - 1, k - 1);
    } else {
      // by the top 16 bits of the first ticket word (one count and one placement pass, read in slot order): the slots
      // of the buckets wholly below rank k first, then those of the bucket holding rank k, the only ones compared in
      // full (about m / 2^16 of them… a few thousand at most) — the same k kept and the same threshold as a
      // quickselect over all m, at a fraction of its comparisons (property: test/draw/selection.test.ts)
      const counts = (buckets ??= new Int32Array(65536));
      counts.fill(0);
      for (let s = 0; s < m; s++) {
        const b = (slab[s * 8] as number) >>> 16;
        counts[b] = (counts[b] as number) + 1;
      }
      let below = 0;
      let cut = 0;
      for (;; cut++) {
        const c = counts[cut] as number;
        if (below + c >= k) break;
        below += c;
      }
      let lo = 0;
      let hi = below;
      for (let s = 0; s < m; s++) {
        const b = (slab[s * 8] as number) >>> 16;
        if (b < cut) idx[lo++] = s;
        else if (b === cut) idx[hi++] = s;
      }
      select(idx, below, hi - 1, k - 1);
    }
    // the largest kept (select put it at k - 1 of idx)
    const top = (idx[k - 1] as number) * 8;
    for (let i = 0; i < 8; i++) threshold[i] = slab[top + i] as number;
    thresholdId = ids[idx[k - 1] as number] as string;
    hasThreshold = true;
    gate[0] = (threshold[0] as number) >>> 0;
    keep.fill(0, 0, m);
    for (let j = 0; j < k; j++) keep[idx[j] as number] = 1;
    // a kept slot only ever moves down, so one forward sweep compacts in place
    let w = 0;
    for (let s = 0; s < m; s++) {
      if (keep[s] === 0) continue;
      if (s !== w) {
        const from = s * 8;
        const to = w * 8;
        for (let i = 0; i < 8; i++) slab[to + i] = slab[from + i] as number;
        ids[w] = ids[s] as string;
      }
      w++;
    }
    // the dropped ids are let go (the array keeps its length: no shrink and regrow)
    for (let s = k; s < m; s++) ids[s] = "";
    m = k;
  };
  // the held candidates' slots in (ticket, id) order
  const order = (): Int32Array => {
    if (m > k) compact();
    const n = m;
    let a = new Int32Array(n);
    for (let i = 0; i < n; i++) a[i] = i;
    if (n < 2048) return a.sort(cmpSlots);
    // LSD radix sort on the first 32 ticket bits, 16 bits a pass (unsigned order), each slot's key moved with it (read
    // in sequence, not gathered from the slab at every pass)
    let key = new Int32Array(n);
    for (let i = 0; i < n; i++) key[i] = slab[i * 8] as number;
    let b = new Int32Array(n);
    let keyB = new Int32Array(n);
    const counts = new Int32Array(65537);
    for (const shift of [0, 16]) {
      counts.fill(0);
      for (let i = 0; i < n; i++) {
        const d = (((key[i] as number) >>> shift) & 0xffff) + 1;
        counts[d] = (counts[d] as number) + 1;
      }
      for (let d = 1; d <= 65536; d++) counts[d] = (counts[d] as number) + (counts[d - 1] as number);
      for (let i = 0; i < n; i++) {
        const v = key[i] as number;
        const d = (v >>> shift) & 0xffff;
        const at = counts[d] as number;
        counts[d] = at + 1;
        b[at] = a[i] as number;
        keyB[at] = v;
      }
      const t = a;
      a = b;
      b = t;
      const tk = key;
      key = keyB;
      keyB = tk;
    }
    // runs sharing the first 32 bits (about n²/2³³ of them): ordered by the full comparison
    for (let i = 0; i < n - 1; ) {
      let j = i + 1;
      const v = key[i] as number;
      while (j < n && key[j] === v) j++;
      if (j - i > 1) a.subarray(i, j).sort(cmpSlots);
      i = j;
    }
    return a;
  };
  return {
    /** Offers with a first ticket word (unsigned) above `gate[0]` would be refused: callers may skip them. */
    gate,
    offer(w: Int32Array, id: string): void {
      if (k === 0) return;
      if (hasThreshold) {
        for (let i = 0; i < 8; i++) {
          const x = (w[i] as number) >>> 0;
          const y = (threshold[i] as number) >>> 0;
          if (x < y) break;
          if (x > y) return;
          if (i === 7 && compareUtf8(id, thresholdId) >= 0) return;
        }
      }
      const o = m * 8;
      if (o + 8 > slab.length) {
        const next = new Int32Array(Math.min(limit, 2 * (slab.length >> 3)) * 8);
        next.set(slab);
        slab = next;
      }
      for (let i = 0; i < 8; i++) slab[o + i] = w[i] as number;
      ids[m++] = copyIds ? flatCopy(id) : id;
      if (m >= limit) compact();
    },
    /** The kept candidates in (ticket, id) order, each ticket converted to hex once (no slab copies). */
    sortedSelected(): { unitId: string; ticket: string }[] {
      const o = order();
      const out = new Array<{ unitId: string; ticket: string }>(o.length);
      for (let i = 0; i < o.length; i++) out[i] = { unitId: ids[o[i] as number] as string, ticket: wordsToHex(slab, (o[i] as number) * 8) };
      return out;
    },
    /** The same, as frozen `{ ticket, unitId }` entries (a record's canonical key order), ready to be listed. */
    recordSelected(): { readonly ticket: string; readonly unitId: string }[] {
      return this.recordSelectedHex().list;
    },
    /**
     * {@link recordSelected} with what the record's digest needs of it, so the digest reads no id text in ticket order
     * (a cache miss per selected unit): `words`, the ticket words of every kept slot (entry i's ticket is at slot
     * `idJson.order[i]`: the digest writes its hex from them), and `idJson`, each kept id's JSON string literal as UTF-8
     * bytes, written in slot order (the order the ids arrived in, so their texts are read in memory order) — entry i's
     * literal is `bytes[start[slot]..start[slot + 1])` with `slot = order[i]`. The tickets' hex is written a run of
     * {@link HEX_RUN} entries at a time into one reused buffer (words gathered from the slab, which fits in cache) and
     * decoded to text once per run; each ticket is a 64-character slice of its run's text (no buffer of every
     * ticket's hex: 32 MB at 5 × 10^5 selected, at the streamed draw's memory peak).
     */
    recordSelectedHex(): { list: { readonly ticket: string; readonly unitId: string }[]; words: Int32Array; idJson: { order: Int32Array; start: Int32Array; bytes: Uint8Array } } {
      const o = order();
      const n = o.length;
      const list = new Array<{ readonly ticket: string; readonly unitId: string }>(n);
      const start = new Int32Array(n + 1);
      let bytes: Uint8Array<ArrayBuffer> = new Uint8Array(Math.max(64, 20 * n + 64));
      let at = 0;
      for (let slot = 0; slot < n; slot++) {
        const id = ids[slot] as string;
        const len = id.length;
        if (at + len + 2 > bytes.length) bytes = grown(bytes, at + len + 2);
        const after = writeAsciiJsonString(id, bytes, at);
        if (after >= 0) at = after;
        else {
          // escapes or non-ASCII: JSON.stringify's literal as UTF-8 (from the opening quote on)
          const literal = hexEncoder.encode(JSON.stringify(id));
          if (at + literal.length > bytes.length) bytes = grown(bytes, at + literal.length);
          bytes.set(literal, at);
          at += literal.length;
        }
        start[slot + 1] = at;
      }
      for (let r = 0; r < n; r += HEX_RUN) {
        const end = Math.min(n, r + HEX_RUN);
        for (let i = r; i < end; i++) wordsToHexBytes(slab, (o[i] as number) * 8, RUN_HEX, 64 * (i - r));
        const text = hexDecoder.decode(RUN_HEX.subarray(0, 64 * (end - r)));
        for (let i = r; i < end; i++) {
          const t = 64 * (i - r);
          list[i] = Object.freeze({ ticket: text.slice(t, t + 64), unitId: ids[o[i] as number] as string });
        }
      }
      return { list, words: slab, idJson: { order: o, start, bytes: bytes.subarray(0, at) } };
    },
    sorted(): Candidate[] {
      const o = order();
      return Array.from(o, (slot) => ({ w: slab.slice(slot * 8, slot * 8 + 8), id: ids[slot] as string }));
    },
  };
}
