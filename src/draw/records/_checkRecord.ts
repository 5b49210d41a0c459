import type * as z from "zod/v4";
import { ShuangsuijiError, type RuleIssue } from "../../errors/ShuangsuijiError.js";
import { compareUtf8, digestOf } from "../_shared/_encoding.js";
import { diffValues } from "./_diff.js";
import { STAGE1_ALGORITHM, poolIdProblem, ticketHasher } from "../targets/_pool.js";
import { commitmentSelfProblems } from "../targets/_commitmentSelf.js";
import { wordsToHex } from "../_shared/_sha256.js";
import { setupStage1 } from "../targets/_stage1.js";
import { read, type LightIssue } from "../_light/_read.js";
import { LockReader, RecordReader } from "../_light/_schemas.js";
import { lockDateIssues } from "./_lockDates.js";
import { ruleIssue } from "../../errors/_drawRules.js";
import { issuesFromZod } from "../../errors/_fromZod.js";
import { RECORD_READ, readPlain, type Path } from "../../_internal/boundary.js";
import type { LockedTargetList } from "./LockedTargetList.js";
import type { TargetDrawRecord } from "./TargetDrawRecord.js";
import type { DrawMismatch } from "../targets/verifyTargetDraw.js";

const pathText = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((s, p) => (typeof p === "number" ? `${s}[${p}]` : s === "" ? String(p) : `${s}.${String(p)}`), "");

// Records and locks this library built are consistent by construction and deep-frozen, so they are not re-checked
// (stage-2 simulations call drawInspectors thousands of times on one lock). Anything else — parsed JSON, edited copies —
// is checked in full.
const built = new WeakSet<object>();

/** @internal Marks a frozen record or lock the library itself produced. */
export function markBuilt<T extends object>(value: T): T {
  if (Object.isFrozen(value)) built.add(value);
  return value;
}

/** @internal True for a frozen record or lock the library produced (passed through by reference when inputs are read). */
export function isBuilt(value: object): boolean {
  return built.has(value);
}

/**
 * @internal The caller's record or lock as it will be checked AND used: one the library built (frozen) as is, anything
 * else read once into a plain copy (the record limits of boundary.ts). A getter or Proxy read twice — once by the check,
 * once by the use — could otherwise show the check a consistent record and the lock or dispatch another one.
 */
export function readOnce<T>(input: T, path: Path): T {
  return typeof input === "object" && input !== null && built.has(input) ? input : (readPlain(input, path, { ...RECORD_READ, keep: isBuilt }) as T);
}

/** The English half of a rule mismatch's expectation, for the English message of a refusal ({@link refuse}). */
const englishOf = new WeakMap<DrawMismatch, string>();

/**
 * A broken rule as a mismatch: `expected` names the rule in both languages, as every such mismatch does
 * (`rule: 中文 / English`), and `actual` is what the record holds.
 */
function ruleMismatch(field: string, i: RuleIssue, actual: unknown): DrawMismatch {
  const m: DrawMismatch = { field, expected: `${i.rule}: ${i.messageZh} / ${i.messageEn}`, actual };
  englishOf.set(m, `${i.rule}: ${i.messageEn}`);
  return m;
}

/**
 * What a record holds at `path`, safe to put in a mismatch: a primitive as it is; an object or array named, not
 * referenced (the result must not share a caller's object, nor a Proxy whose traps throw); `"(unreadable)"` when a read
 * throws.
 */
function heldAt(root: unknown, path: readonly PropertyKey[]): unknown {
  try {
    let v = root;
    for (const p of path) {
      if (v === null || typeof v !== "object") return undefined;
      v = (v as Record<PropertyKey, unknown>)[p];
    }
    return v === null || typeof v !== "object" ? v : Array.isArray(v) ? "(array)" : "(object)";
  } catch {
    return "(unreadable)";
  }
}

/**
 * Shape issues (zod's, or the zod-free readers' alike) as mismatches: the rule the record breaks, bilingual (the
 * boundary's own wording: `schema:too_small: 取值过小或元素过少 / too small (minimum 1)`), and what the record holds
 * there (`value`: the record or lock the issues are about; {@link heldAt}) — for an unknown member, that member and
 * what it holds.
 */
export function shapeMismatches(issues: readonly (z.core.$ZodIssue | LightIssue)[], value: unknown, prefix = ""): DrawMismatch[] {
  const listed = issues.slice(0, 100) as z.core.$ZodIssue[];
  const held = listed.map((i) => heldAt(value, i.path));
  // the value found is handed to the boundary's wording as the issue's input (missing or of the wrong type); a mismatch
  // carries no clause, so none is given
  return issuesFromZod(listed.map((i, k) => ({ ...i, input: held[k] }) as z.core.$ZodIssue), { clause: "" }).map((i, k) => {
    const keys = (listed[k] as { keys?: string[] }).keys;
    const path = (listed[k] as z.core.$ZodIssue).path;
    return ruleMismatch([prefix, pathText(i.path)].filter((x) => x !== "").join("."), i, keys === undefined ? held[k] : Object.fromEntries(keys.map((key) => [key, heldAt(value, [...path, key])])));
  });
}

/** Issues (thrown errors' content) as mismatches. */
export const issueMismatches = (issues: readonly RuleIssue[], prefix = ""): DrawMismatch[] =>
  issues.map((i) => ruleMismatch([prefix, pathText(i.path as PropertyKey[])].filter((x) => x !== "").join(".") || "record", i, i.value));

/** Runs a recomputation, turning our own errors into mismatches and anything else into one "record" mismatch. */
export function guarded(field: string, f: () => DrawMismatch[]): DrawMismatch[] {
  try {
    return f();
  } catch (e) {
    if (e instanceof ShuangsuijiError) return issueMismatches(e.issues, field); // never an empty field: it starts with `field`
    return [{ field, expected: "记录格式完好 / a well-formed record", actual: e instanceof Error ? e.message : String(e) }];
  }
}

/**
 * Everything a stage-1 record contradicts about itself, without the pool (docs/spec-v1.md §7): shape (unknown members
 * refused), digest, algorithm versions, seed derivation and dates, the commitment's counts and its digest recomputed
 * from its state, exactly one stratum per class in order, quotas re-derived from the policy and the committed sizes,
 * every listed ticket recomputed, ticket order, thresholds, a unit listed once and never one excluded by name, totals.
 */
export function targetRecordProblems(input: unknown): DrawMismatch[] {
  if (typeof input === "object" && input !== null && built.has(input)) return [];
  return guarded("record", () => {
    const parsed = read(RecordReader, input); // TargetDrawRecordSchema's issues, without zod (src/draw/_light)
    if (!parsed.success) return shapeMismatches(parsed.issues, input);
    const record = input as TargetDrawRecord;
    const out: DrawMismatch[] = [];
    const { digest, ...body } = record;
    diffValues(digestOf(body), digest, "digest", out);
    diffValues(STAGE1_ALGORITHM, record.algorithm, "algorithm", out);
    const c = record.poolCommitment;
    out.push(...commitmentSelfProblems(c));
    const excluded = new Set(c.exclusions.map((x) => x.unitId));
    if (excluded.size !== c.exclusions.length) out.push({ field: "poolCommitment.exclusions", expected: "each unit excluded once", actual: c.exclusions.length });
    const sorted = [...c.exclusions].sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
    diffValues(sorted, c.exclusions, "poolCommitment.exclusions", out);
    out.push(
      ...guarded("record", () => {
        const setup = setupStage1({ taskId: record.taskId, policy: record.policy, seed: record.seed, commitment: c, timeline: record.timeline });
        const classes = [...setup.quotas.keys()];
        diffValues(classes, record.strata.map((s) => s.riskClass), "strata(classes)", out);
        const ticket = ticketHasher(record.seed.value, record.taskId);
        const w = new Int32Array(8);
        const listed = new Set<string>();
        let total = 0;
        let random = false;
        for (const s of record.strata) {
          const q = setup.quotas.get(s.riskClass);
          const at = `strata.${s.riskClass}`;
          total += s.selected.length;
          if (q === undefined) continue; // reported by strata(classes)
          random ||= !q.census && q.quota > 0;
          diffValues({ size: c.strata[s.riskClass] ?? 0, quota: q.quota, quotaRule: q.explanation, census: q.census }, { size: s.size, quota: s.quota, quotaRule: s.quotaRule, census: s.census }, at, out);
          if (s.selected.length !== Math.min(q.quota, c.strata[s.riskClass] ?? 0)) out.push({ field: `${at}.selected.length`, expected: q.quota, actual: s.selected.length });
          s.selected.forEach((u, i) => {
            ticket(u.unitId, w);
            diffValues(wordsToHex(w), u.ticket, `${at}.selected[${i}].ticket`, out);
            const prev = s.selected[i - 1];
            if (prev !== undefined && (prev.ticket > u.ticket || (prev.ticket === u.ticket && compareUtf8(prev.unitId, u.unitId) >= 0))) {
              out.push({ field: `${at}.selected[${i}]`, expected: "tickets in ascending order", actual: u.ticket });
            }
            listedIdProblem(u.unitId, `${at}.selected[${i}].unitId`, out); // spec §3, §7: the pool-id rule
            if (listed.has(u.unitId)) out.push({ field: `${at}.selected[${i}].unitId`, expected: "a unit listed once", actual: u.unitId });
            if (excluded.has(u.unitId)) out.push({ field: `${at}.selected[${i}].unitId`, expected: "not a unit excluded by name", actual: u.unitId });
            listed.add(u.unitId);
          });
          diffValues(s.selected.length > 0 ? (s.selected[s.selected.length - 1]?.ticket ?? null) : null, s.threshold, `${at}.threshold`, out);
        }
        diffValues(total, record.selectedCount, "selectedCount", out);
        diffValues(random, record.random, "random", out);
        return [];
      }),
    );
    return out;
  });
}

/**
 * docs/spec-v1.md §3, §7: every id a record lists satisfies the pool-id rule — no pool holds a look-alike spelling
 * (lower case, a zero-width space, a full-width letter…), so a record listing one is not internally consistent, for
 * every consumer alike (lockTargetDraw, drawInspectors, dispatchTargets, verifyTicket, verifyTargetDraw).
 */
function listedIdProblem(id: string, field: string, out: DrawMismatch[]): void {
  const why = poolIdProblem(id);
  if (why !== undefined) out.push({ field, expected: `unit-id-canonical: an id in its one canonical spelling (docs/spec-v1.md §3), not one with ${why}`, actual: id });
}

/** Everything wrong with a lock: its shape, its digest over the record digest and lock fields, and its record. */
export function lockProblems(input: unknown): DrawMismatch[] {
  if (typeof input === "object" && input !== null && built.has(input)) return [];
  return guarded("locked", () => {
    const parsed = read(LockReader, input); // LockedTargetListSchema's issues, without zod
    if (!parsed.success) return shapeMismatches(parsed.issues, input, "locked");
    const locked = input as LockedTargetList;
    const out: DrawMismatch[] = [];
    diffValues(lockDigest(locked.record.digest, locked.lockedOn, locked.lockedBy), locked.digest, "locked.digest", out);
    out.push(...targetRecordProblems(locked.record).map((m) => ({ ...m, field: `locked.record.${m.field}` })));
    out.push(...lockDateIssues(locked.record, locked.lockedOn, ["locked", "lockedOn"]).map(issueMismatch)); // spec §8: checked wherever a lock is consumed
    // who locked it, as lockTargetDraw requires (Longting art. 19: a lock is someone's act): a blank or padded name is
    // refused wherever a lock is consumed, not only where it is made
    const byIssue = lockedByIssue(locked.lockedBy, ["locked", "lockedBy"]);
    if (byIssue !== undefined) out.push(issueMismatch(byIssue));
    return out;
  });
}

// a visible character: not white space (U+3000 included) and not a format character (\p{Cf}: zero-width space, word
// joiner, soft hyphen…) — the task layer's test for who took a step (Chongqing 4, 全过程留痕)
const VISIBLE = /[^\p{Cf}\s\u3000]/u;

/**
 * @internal Who locked a list (Longting art. 19: a lock is someone's act; Chongqing 4): a trimmed text with at least one
 * visible character, as the task layer requires of every actor. `undefined` when it is one.
 */
export function lockedByIssue(by: unknown, path: readonly (string | number)[]): RuleIssue | undefined {
  if (typeof by === "string" && by === by.trim() && VISIBLE.test(by)) return undefined;
  return ruleIssue("text-trimmed", path, { value: by, detailZh: "须写明锁定人（至少一个可见字符，首尾无空格）", detailEn: "name who locked it (at least one visible character, no leading or trailing space)" });
}

/** The lock digest: SHA-256 of the canonical JSON of { kind, recordDigest, lockedOn, lockedBy } (docs/spec-v1.md §8). */
export const lockDigest = (recordDigest: string, lockedOn: string, lockedBy: string): string =>
  digestOf({ kind: "locked-target-list", recordDigest, lockedOn, lockedBy });

/** A named rule's issue kept with the mismatch that reports it, so a refusal names that rule (not `record-consistency`). */
const issueOf = new WeakMap<DrawMismatch, RuleIssue>();

/** A rule issue as a mismatch (`expected` names the rule); {@link refuse} throws the issue itself. */
function issueMismatch(i: RuleIssue): DrawMismatch {
  const m = ruleMismatch(i.path.join("."), i, i.value);
  issueOf.set(m, i);
  return m;
}

/** Mismatches as one thrown error (for functions that refuse an inconsistent record). */
export function refuse(code: "invalid-input" | "draw-not-locked", mismatches: readonly DrawMismatch[], clause: string, zh: string, en: string): never {
  throw new ShuangsuijiError(
    code,
    mismatches.slice(0, 50).map((m) => issueOf.get(m) ?? { path: m.field.split("."), rule: "record-consistency", clause, messageZh: zh, messageEn: `${en} (${m.field}: expected ${JSON.stringify(englishOf.get(m) ?? m.expected)}, found ${JSON.stringify(m.actual)})`, value: m.actual }),
  );
}
