import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";
import { ruleIssue } from "../errors/_drawRules.js";
import { parseDayNumber } from "../calendar/_days.js";
import { bytesToHex, canonicalJson, compareUtf8, hexToBytes, isWellFormed, lengthDelimited, sha256Hex } from "./_encoding.js";
import { compareWords, fieldHasherInto, prefixHasher, wordsToHex } from "./_sha256.js";
import type { Eligibility, Exclusion } from "./SamplingPolicy.js";

export const POOL_ALGORITHM = "shuangsuiji/pool/v1";
export const STAGE1_ALGORITHM = "shuangsuiji/stage1/v1";

import type { DrawUnit } from "./DrawUnit.js";
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
 * A unit id's one spelling: trimmed, well-formed NFC text with no format character (\p{Cf}: zero-width space, soft
 * hyphen, word joiner…) and no full-width ASCII form (U+FF01–U+FF5E), so two rows cannot be the same enterprise under
 * look-alike ids (docs/spec-v1.md §3). Printable ASCII (every USCC) skips the costly checks.
 */
export function isCanonicalText(s: string): boolean {
  return PRINTABLE_ASCII.test(s) || (isWellFormed(s) && s === s.trim() && s === s.normalize("NFC") && !LOOK_ALIKE.test(s));
}

const LOOK_ALIKE = /[\p{Cf}\uff01-\uff5e]/u;

/** Writes length-delimited fields into one reusable buffer (ASCII written directly; other text via encodeInto). */
export function fieldWriter() {
  let buf = new Uint8Array(256);
  let len = 0;
  const encoder = new TextEncoder();
  const ensure = (n: number) => {
    if (len + n > buf.length) {
      const next = new Uint8Array(Math.max(buf.length * 2, len + n));
      next.set(buf.subarray(0, len));
      buf = next;
    }
  };
  return {
    reset(): void {
      len = 0;
    },
    /** Appends a field; returns true when `s` is printable ASCII without surrounding spaces (canonical as is). */
    str(s: string): boolean {
      ensure(4 + 3 * s.length);
      const start = len + 4;
      let ascii = true;
      let printable = s.length > 0;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c > 0x7f) {
          ascii = false;
          printable = false;
          break;
        }
        if (c < 0x20 || c === 0x7f) printable = false;
        buf[start + i] = c;
      }
      if (printable && (s.charCodeAt(0) === 0x20 || s.charCodeAt(s.length - 1) === 0x20)) printable = false;
      const n = ascii ? s.length : encoder.encodeInto(s, buf.subarray(start)).written;
      buf[len] = n >>> 24; buf[len + 1] = n >>> 16; buf[len + 2] = n >>> 8; buf[len + 3] = n;
      len = start + n;
      return printable;
    },
    view: (): Uint8Array => buf.subarray(0, len),
    /** The whole backing buffer and the used length, for hashing without allocating a view. */
    raw: (): Uint8Array => buf,
    length: (): number => len,
  };
}

const CLASS = /^[A-Z]$/;

/** Checks one unit cheaply (no zod per unit: pools have millions of units); undefined when it is fine. */
export function unitProblems(u: DrawUnit, index: number, idChecked = false): RuleIssue[] | undefined {
  if (
    typeof u?.id === "string" && u.id !== "" && (idChecked || isCanonicalText(u.id)) && typeof u.riskClass === "string" && CLASS.test(u.riskClass) &&
    (u.registrationDate === undefined || parseDayNumber(u.registrationDate) !== undefined)
  ) {
    return undefined;
  }
  const out: RuleIssue[] = [];
  if (typeof u?.id !== "string" || u.id === "" || !isCanonicalText(u.id)) {
    out.push(ruleIssue("unit-id-canonical", [index, "id"], { value: u?.id }));
  }
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

/** Streams units into a commitment state, optionally computing tickets for eligible ones. */
export function unitProcessor(config: PoolConfig, onEligible?: (u: DrawUnit) => void, hashUnits = true) {
  const state = emptyCommitmentState();
  const excluded = new Set(config.exclusions.map((e) => e.unitId));
  const unitHash = prefixHasher(new Uint8Array(0));
  const words = new Int32Array(8);
  const fw = fieldWriter();
  const issues: RuleIssue[] = [];
  // Duplicate ids are refused whatever the seed (docs/spec-v1.md §3): the first index of each id, to name both rows.
  const seen = new Map<string, number>();
  let index = 0;
  const e = config.eligibility;
  const plainEligibility = e.registeredOnOrBefore === undefined && e.statuses === undefined && e.divisionCodes === undefined;
  return {
    state,
    issues,
    add(u: DrawUnit): void {
      fw.reset();
      const idPlain = typeof u?.id === "string" && fw.str(u.id);
      const problems = unitProblems(u, index++, idPlain);
      if (problems !== undefined) {
        issues.push(...problems);
        return;
      }
      const first = seen.get(u.id);
      if (first !== undefined) {
        issues.push(ruleIssue("unique-ids", [index - 1, "id"], { value: u.id, detailZh: `与第${first}项重复`, detailEn: `same id as unit ${first}` }));
        return;
      }
      seen.set(u.id, index - 1);
      const reason = plainEligibility ? (excluded.size > 0 && excluded.has(u.id) ? "excluded" : undefined) : eligibilityOf(u, config, excluded);
      if (hashUnits) {
        fw.str(u.riskClass);
        fw.str(reason ?? "");
        unitHash(fw.raw(), words, fw.length());
        addWords(state.sum, words);
      }
      state.unitCount++;
      if (reason !== undefined) {
        state.ineligible[reason] = (state.ineligible[reason] ?? 0) + 1;
        return;
      }
      state.strata[u.riskClass] = (state.strata[u.riskClass] ?? 0) + 1;
      onEligible?.(u);
    },
    finish(): void {
      if (issues.length > 0) throw new ShuangsuijiError("invalid-input", issues);
    },
  };
}

/** Ticket = SHA-256(len(tag)‖tag ‖ len(seed)‖seed ‖ len(task)‖task ‖ len(id)‖id), big-endian u32 lengths. */
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

export interface Candidate {
  readonly w: Int32Array;
  readonly id: string;
}

const cmp = (a: Candidate, b: Candidate): number => compareWords(a.w, b.w) || compareUtf8(a.id, b.id);

/** Keeps the k smallest candidates: a max-heap of slot indices over one preallocated slab (no allocation per offer). */
export function boundedHeap(k: number) {
  const slab = new Int32Array(Math.max(k, 1) * 8);
  const ids: string[] = [];
  const heap: number[] = [];
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
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (cmpSlots(heap[i] as number, heap[p] as number) <= 0) break;
      const t = heap[i] as number;
      heap[i] = heap[p] as number;
      heap[p] = t;
      i = p;
    }
  };
  const down = (i: number) => {
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && cmpSlots(heap[l] as number, heap[m] as number) > 0) m = l;
      if (r < n && cmpSlots(heap[r] as number, heap[m] as number) > 0) m = r;
      if (m === i) break;
      const t = heap[i] as number;
      heap[i] = heap[m] as number;
      heap[m] = t;
      i = m;
    }
  };
  return {
    offer(w: Int32Array, id: string): void {
      if (k === 0) return;
      if (heap.length < k) {
        const slot = heap.length;
        slab.set(w, slot * 8);
        ids[slot] = id;
        heap.push(slot);
        up(heap.length - 1);
        return;
      }
      const top = heap[0] as number;
      const o = top * 8;
      for (let i = 0; i < 8; i++) {
        const x = (w[i] as number) >>> 0;
        const y = (slab[o + i] as number) >>> 0;
        if (x < y) break;
        if (x > y) return;
        if (i === 7 && compareUtf8(id, ids[top] as string) >= 0) return;
      }
      slab.set(w, o);
      ids[top] = id;
      down(0);
    },
    /** The kept candidates in (ticket, id) order, each ticket converted to hex once (no slab copies). */
    sortedSelected(): { unitId: string; ticket: string }[] {
      const order = heap.slice().sort(cmpSlots);
      return order.map((slot) => ({ unitId: ids[slot] as string, ticket: wordsToHex(slab, slot * 8) }));
    },
    sorted(): Candidate[] {
      const out = heap.map((slot) => ({ w: slab.slice(slot * 8, slot * 8 + 8), id: ids[slot] as string }));
      return out.sort(cmp);
    },
  };
}

