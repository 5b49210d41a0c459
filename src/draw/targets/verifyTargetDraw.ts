import { deepFreeze } from "../../_internal/deepFreeze.js";
import { canonicalize } from "../_shared/_encoding.js";
import { diffValues, MAX_MISMATCHES } from "../records/_diff.js";
import { guarded, targetRecordProblems } from "../records/_checkRecord.js";
import { isPlainObject, readPlain } from "../../_internal/boundary.js";
import { eachUnitAsync, eachUnitOrBatch, type DrawUnitStream } from "./_eachUnitAsync.js";
import { ShuangsuijiError, type RuleIssue } from "../../errors/ShuangsuijiError.js";
import { drawIssue } from "../_shared/_issues.js";
import { GAMES, gameNamed } from "../seeds/_lottery.js";
import { eachUnit } from "../_shared/_each.js";
import { rerunPass } from "./_rerun.js";
import type { PoolCommitment } from "./PoolCommitment.js";
import { drawTargets, type DrawUnit } from "./drawTargets.js";
import type { DrawTimeline } from "../records/DrawTimeline.js";
import type { SamplingPolicy } from "./SamplingPolicy.js";
import type { SeedRecord } from "../seeds/SeedRecord.js";
import type { TargetDrawRecord } from "../records/TargetDrawRecord.js";
import { cappedIssues } from "../../errors/_capIssues.js";

/**
 * One difference between a published record and its re-run.
 *
 * @category Draw
 */
export interface DrawMismatch {
  /** Where, e.g. `strata.B.selected[3].unitId` or `poolCommitment.digest`. */
  readonly field: string;
  /** What the re-run produced (or the rule the record breaks). */
  readonly expected: unknown;
  /** What the record says. */
  readonly actual: unknown;
}

/**
 * Something a verifier could not check, though nothing contradicts the record: `seed-provenance-not-verifiable` for a
 * seed of kind `other` (its value cannot be re-derived — docs/spec-v1.md §5.5).
 *
 * @category Draw
 */
export interface VerificationNote {
  /** Stable code. */
  readonly code: "seed-provenance-not-verifiable";
  /** Where. */
  readonly field: string;
  /** 中文说明。 */
  readonly messageZh: string;
  /** English explanation. */
  readonly messageEn: string;
}

/**
 * Result of a verification: identical, or every mismatch (at most 1000 listed); `notes` name what could not be checked.
 *
 * @category Draw
 */
export type VerificationResult =
  | { readonly ok: true; readonly notes: readonly VerificationNote[] }
  | { readonly ok: false; readonly mismatches: readonly DrawMismatch[]; readonly notes: readonly VerificationNote[] };

/**
 * The pool commitment as announced before the seed existed — the object {@link commitPool} returns and the CLI
 * `commit` prints. `digest`, `strata` and `ineligible` are required: in algorithm v1 the digest binds the units and
 * their eligibility reasons only through a sum nobody can check without the pool, **not** the per-class counts, so the
 * counts (which fix every quota) must be announced with it and compared (docs/spec-v1.md §4, §10). Any other member
 * given (`unitCount`, `eligibleCount`, `eligibility`, `exclusions`, `algorithm`, `state`) is compared too.
 *
 * @category Draw
 */
export type AnnouncedPoolCommitment = Pick<PoolCommitment, "digest" | "strata" | "ineligible"> & Partial<PoolCommitment>;

/**
 * What the auditor knows from the announcements made before the draw (the published commitment with its per-class
 * counts, the seed read out at the ceremony, the task id and policy of the task, the dates): each given value must
 * equal the record's, compared by meaning (docs/spec-v1.md §10): hex digits in either case, dice witnesses in any
 * order (they are recorded, not hashed), and only the members announced — a date or commitment member that was not
 * announced is not compared.
 *
 * @category Draw
 */
export interface AnnouncedDrawInputs {
  /** The whole commitment as announced (digest and per-class counts): binds the quotas' inputs. */
  readonly poolCommitment?: AnnouncedPoolCommitment;
  /**
   * The commitment digest alone. It does **not** bind the per-class counts in algorithm v1 (docs/spec-v1.md §4):
   * announce and pass `poolCommitment` instead.
   */
  readonly poolCommitmentDigest?: string;
  /** The seed (value and provenance) as announced. */
  readonly seed?: SeedRecord;
  /** The task id. */
  readonly taskId?: string;
  /** The task's sampling policy. */
  readonly policy?: SamplingPolicy;
  /** The announced dates (commitment published, seed fixed): each date given is compared. */
  readonly timeline?: DrawTimeline;
}

const ANNOUNCED_MEMBERS = ["poolCommitment", "poolCommitmentDigest", "seed", "taskId", "policy", "timeline"] as const;
const COMMITMENT_MEMBERS = ["algorithm", "digest", "unitCount", "eligibleCount", "strata", "ineligible", "eligibility", "exclusions", "state"] as const;
const CLAUSE_10 = "docs/spec-v1.md §10";

/** @internal Refuses an announcement the caller cannot mean (misuse: thrown, bilingual, every problem at once). */
export function readAnnounced(raw: unknown): AnnouncedDrawInputs {
  if (raw === undefined) return {};
  const a = readPlain(raw, ["announced"]) as Record<string, unknown>;
  const issues: RuleIssue[] = [];
  if (!isPlainObject(a)) throw new ShuangsuijiError("invalid-input", [drawIssue("announced", ["announced"], CLAUSE_10, "公示内容应为对象", "the announced inputs are an object", a)]);
  for (const k of Object.keys(a)) {
    if (!(ANNOUNCED_MEMBERS as readonly string[]).includes(k)) issues.push(drawIssue("announced", ["announced", k], CLAUSE_10, `未知的公示项“${k}”`, `unknown announced member "${k}"`));
  }
  const c = a["poolCommitment"];
  if (c !== undefined) {
    if (!isPlainObject(c)) issues.push(drawIssue("announced", ["announced", "poolCommitment"], CLAUSE_10, "公示的名录承诺应为对象（commitPool 的结果）", "the announced commitment is an object (as commitPool returns it)", c));
    else {
      for (const k of ["digest", "strata", "ineligible"]) {
        if (c[k] === undefined) issues.push(drawIssue("announced-commitment-counts", ["announced", "poolCommitment", k], "docs/spec-v1.md §4, §10", `公示的名录承诺缺少“${k}”：第1版的摘要不约束各类计数，计数须与摘要一并公示、一并核对`, `the announced commitment lacks "${k}": in v1 the digest does not bind the per-class counts, which are announced and checked with it`));
      }
      for (const k of Object.keys(c)) {
        if (!(COMMITMENT_MEMBERS as readonly string[]).includes(k)) issues.push(drawIssue("announced", ["announced", "poolCommitment", k], CLAUSE_10, `未知的承诺项“${k}”`, `unknown commitment member "${k}"`));
      }
    }
  }
  if (a["timeline"] !== undefined && !isPlainObject(a["timeline"])) issues.push(drawIssue("announced", ["announced", "timeline"], CLAUSE_10, "公示的日期应为对象", "the announced timeline is an object", a["timeline"]));
  if (issues.length > 0) throw new ShuangsuijiError("invalid-input", cappedIssues(issues));
  return a as AnnouncedDrawInputs;
}

/** @internal Hex in either case is the same hex (docs/spec-v1.md §10: a digest printed in upper case on a notice). */
export const lowerHex = (v: unknown): unknown => (typeof v === "string" && /^[0-9a-fA-F]+$/.test(v) ? v.toLowerCase() : v);

/** A seed compared by meaning: hex in either case, dice witnesses as a set (recorded, not hashed — §5.1). */
function seedMeaning(seed: unknown): unknown {
  if (!isPlainObject(seed)) return seed;
  const p = seed["provenance"];
  let provenance: unknown = p;
  if (isPlainObject(p)) {
    const q: Record<string, unknown> = { ...p };
    if (p["kind"] === "dice" && Array.isArray(p["witnesses"])) q["witnesses"] = [...(p["witnesses"] as unknown[])].sort((x, y) => (String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0));
    if (p["kind"] === "beacon") q["value"] = lowerHex(p["value"]);
    if (p["kind"] === "commit-reveal" && Array.isArray(p["shares"])) q["shares"] = (p["shares"] as unknown[]).map((x) => (isPlainObject(x) ? { ...x, commitment: lowerHex(x["commitment"]), reveal: lowerHex(x["reveal"]) } : x));
    provenance = q;
  }
  return { ...seed, value: lowerHex(seed["value"]), provenance };
}

/**
 * @internal The record compared with what was announced (docs/spec-v1.md §10), by meaning: each announced member
 * against the record's, mismatches at `announced.<member>`.
 */
export function announcementMismatches(r: Partial<TargetDrawRecord> | undefined, announced: AnnouncedDrawInputs, out: DrawMismatch[]): void {
  const rec = (isPlainObject(r) ? r : {}) as Record<string, unknown>;
  const pc = isPlainObject(rec["poolCommitment"]) ? (rec["poolCommitment"] as Record<string, unknown>) : {};
  for (const k of ANNOUNCED_MEMBERS) {
    const v = (announced as Record<string, unknown>)[k];
    if (v === undefined) continue;
    if (k === "poolCommitmentDigest") diffValues(lowerHex(v), pc["digest"], "announced.poolCommitmentDigest", out);
    else if (k === "poolCommitment") {
      const c = v as Record<string, unknown>;
      for (const m of COMMITMENT_MEMBERS) {
        if (c[m] === undefined) continue;
        let want: unknown = c[m];
        if (m === "digest") want = lowerHex(want);
        if (m === "state" && isPlainObject(want)) want = { ...want, sum: lowerHex(want["sum"]) };
        diffValues(canonicalize(want), canonicalize(pc[m]), `announced.poolCommitment.${m}`, out);
      }
    } else if (k === "seed") diffValues(canonicalize(seedMeaning(v)), canonicalize(seedMeaning(rec["seed"])), "announced.seed", out);
    else if (k === "timeline") {
      const t = isPlainObject(rec["timeline"]) ? (rec["timeline"] as Record<string, unknown>) : {};
      for (const [d, when] of Object.entries(v as Record<string, unknown>)) if (when !== undefined) diffValues(when, t[d], `announced.timeline.${d}`, out);
    } else diffValues(canonicalize(v), canonicalize(rec[k]), `announced.${k}`, out);
  }
}

/** @internal The note for a seed of kind `other`. */
export function seedNotes(seed: { readonly provenance?: { readonly kind?: unknown; readonly name?: unknown } } | undefined, field: string): VerificationNote[] {
  if (seed?.provenance?.kind === "other") {
    return [{ code: "seed-provenance-not-verifiable", field, messageZh: "种子来源为“其他”，无法由公开来源复算，仅能核对记载的数值", messageEn: "the seed's provenance is `other`: its value cannot be re-derived from a public source, only checked as recorded" }];
  }
  // docs/spec-v1.md §5.2: only a known game's ranges and order bind the entropy; for any other name maxNumber is the
  // operator's own declaration
  const name = seed?.provenance?.name;
  if (seed?.provenance?.kind === "lottery" && (typeof name !== "string" || gameNamed(name) === undefined)) {
    return [{ code: "seed-provenance-not-verifiable", field, messageZh: `彩票“${String(name)}”不是已知玩法（${GAMES.map((g) => g.name).join("、")}），其号码范围与熵仅为自行申报，无法核实`, messageEn: `the lottery "${String(name)}" is not a known game (${GAMES.map((g) => g.name).join(", ")}): its range and entropy are self-declared and cannot be checked` }];
  }
  return [];
}

/**
 * Rebuilds the whole stage-1 record from its own inputs (task id, policy, seed and its provenance, timeline,
 * eligibility rules, exclusions) and the pool, and compares it with the published record **field by field, in
 * canonical form** (docs/spec-v1.md §10): every member of the record is recomputed, unknown members are mismatches,
 * duplicate or missing strata are mismatches, the seed must derive from its provenance, and the digest is recomputed.
 * A damaged or partial record gives `{ ok: false, mismatches }` — never a thrown error. An auditor needs the record,
 * the pool and, to bind the record to what was announced before the draw, {@link AnnouncedDrawInputs}.
 *
 * @param record - The published draw record.
 * @param pool - The pool as the verifier has it.
 * @param rawAnnounced - Values published before the draw (the pool commitment with its per-class counts, the seed, the
 *   policy, the dates), compared with the record by meaning.
 * @returns `{ ok: true, notes }`, or `{ ok: false, mismatches, notes }` listing every difference.
 * @throws {@link ShuangsuijiError} `invalid-input` when the announced inputs themselves are malformed (not an object, an
 *   unknown member, a commitment without its per-class counts); a bad record or pool is never thrown — a malformed or
 *   altered record, or a pool that does not match, is caught and reported in `mismatches`.
 * @category Draw
 * @example
 * ```ts
 * import { commitPool, createSeed, drawTargets, verifyTargetDraw } from "shuangsuiji";
 * const pool = [{ id: "U1", riskClass: "A" }, { id: "U2", riskClass: "A" }];
 * const seed = createSeed("0123456789abcdef0123456789abcdef", { kind: "other", description: "example" });
 * const record = drawTargets({ taskId: "T", pool, seed, commitment: commitPool(pool), policy: { strata: { A: { count: 1 } } } });
 * verifyTargetDraw(record, pool).ok; // true (with a note: an `other` seed is not verifiable)
 * verifyTargetDraw(record, pool.slice(1)).ok; // false
 * ```
 */
export function verifyTargetDraw(record: TargetDrawRecord, pool: Iterable<DrawUnit>, rawAnnounced?: AnnouncedDrawInputs): VerificationResult {
  const announced = readAnnounced(rawAnnounced);
  const mismatches: DrawMismatch[] = [...targetRecordProblems(record)];
  const r = record as Partial<TargetDrawRecord> | undefined;
  const notes = safeNotes(r);
  mismatches.push(
    ...guarded("rerun", () => {
      const units = [...pool];
      // one pass: the commitment (as commitPool computes it) and every eligible unit's ticket, kept per class
      let pass: ReturnType<typeof rerunPass>;
      let commitment: PoolCommitment;
      try {
        pass = rerunPass(r, true);
        eachUnit<DrawUnit>(units, ["pool"], pass.add, true);
        commitment = pass.commitment();
      } catch (e) {
        return guarded("pool", () => {
          throw e;
        });
      }
      const fast = pass.compare(commitment);
      if (fast !== undefined) return fast;
      // the record understates the pool everywhere: re-run the two-pass way (the commitment is from these units,
      // so the re-run checks counts only)
      const rerun = drawTargets({
        taskId: r?.taskId as string, pool: units, policy: r?.policy as SamplingPolicy, seed: r?.seed as SeedRecord, commitment, commitmentCheck: "counts",
        ...(r?.timeline === undefined ? {} : { timeline: r.timeline }),
      });
      const out: DrawMismatch[] = [];
      diffValues(canonicalize(rerun), canonicalize(record), "", out);
      return out;
    }),
  );
  return conclude(mismatches, r, announced, notes);
}

/**
 * {@link verifyTargetDraw} over a pool streamed from an async iterable (a database cursor, a file read row by row) or
 * any iterable, in memory proportional to the quotas (plus a 12-byte fingerprint per unit for the duplicate check),
 * never the pool: the auditor's check of the 二次随机 stage-1 record (Longting art. 19; docs/spec-v1.md §10). It
 * recomputes every field in one pass — the commitment from the pool under the record's rules, each eligible unit's
 * ticket kept per stratum up to the largest quota any figure of the record implies — and compares the rebuilt record
 * with the published one field by field, as the in-memory verifier does; on every record whose figures do not all
 * understate the pool, the result is the same. When they all do (the pool has more units in a stratum than the record
 * says anywhere), the record is refused all the same, and `strata.<class>.selected` names the selection it could not
 * recompute. Duplicate ids are found by 64-bit SHA-256 fingerprints (a stream is not kept). Never throws on a damaged
 * record or pool: `{ ok: false, mismatches }`.
 *
 * @param record - The published draw record.
 * @param pool - The pool as the verifier has it, streamed (an async iterable such as a database cursor) or in memory;
 *   its elements may be units or batches of units (a {@link DrawUnitStream}: one `await` per batch).
 * @param rawAnnounced - Values published before the draw (the pool commitment with its per-class counts, the seed, the
 *   policy, the dates), compared with the record by meaning.
 * @returns A promise of `{ ok: true, notes }`, or `{ ok: false, mismatches, notes }` listing every difference.
 * @throws {@link ShuangsuijiError} `invalid-input` (the promise rejects) when the announced inputs themselves are
 *   malformed; a bad record or pool never is — a malformed or altered record, a pool that does not match, or a pool
 *   iterator that fails is caught and reported in `mismatches`.
 * @category Draw
 * @example
 * ```ts
 * import { commitPool, createSeed, drawTargets, verifyTargetDrawAsync } from "shuangsuiji";
 * const pool = [{ id: "U1", riskClass: "A" }, { id: "U2", riskClass: "A" }, { id: "U3", riskClass: "A" }];
 * const seed = createSeed("0123456789abcdef0123456789abcdef", { kind: "other", description: "example" });
 * const record = drawTargets({ taskId: "T", pool, seed, commitment: commitPool(pool), policy: { strata: { A: { count: 1 } } } });
 * async function* rows() { yield* pool; } // e.g. a database cursor
 * const result = await verifyTargetDrawAsync(record, rows());
 * result.ok; // true
 * ```
 */
export async function verifyTargetDrawAsync(record: TargetDrawRecord, pool: DrawUnitStream, rawAnnounced?: AnnouncedDrawInputs): Promise<VerificationResult> {
  const announced = readAnnounced(rawAnnounced);
  const mismatches: DrawMismatch[] = [...targetRecordProblems(record)];
  const r = record as Partial<TargetDrawRecord> | undefined;
  const notes = safeNotes(r);
  let pass: ReturnType<typeof rerunPass> | undefined;
  let commitment: PoolCommitment | undefined;
  try {
    pass = rerunPass(r, false);
    const add = pass.add;
    // an array is read at once, as verifyTargetDraw reads it (its elements are units or batches, not promises to await)
    if (isArray(pool)) eachUnitOrBatch([...pool], ["pool"], add);
    else await eachUnitAsync(pool, ["pool"], add);
    commitment = pass.commitment();
  } catch (e) {
    mismatches.push(...guarded("pool", () => {
      throw e;
    }));
  }
  if (pass !== undefined && commitment !== undefined) mismatches.push(...(pass.compare(commitment, true) ?? []));
  return conclude(mismatches, r, announced, notes);
}

function isArray(v: unknown): v is readonly unknown[] {
  try {
    return Array.isArray(v);
  } catch {
    return false; // a revoked Proxy: eachUnitAsync reports it
  }
}

/** The announced inputs compared, duplicates of one field dropped, at most MAX_MISMATCHES, frozen. */
function conclude(mismatches: DrawMismatch[], r: Partial<TargetDrawRecord> | undefined, announced: AnnouncedDrawInputs, notes: VerificationNote[]): VerificationResult {
  try {
    announcementMismatches(r, announced, mismatches);
  } catch (e) {
    mismatches.push(...guarded("announced", () => {
      throw e;
    }));
  }
  const unique = dedupe(mismatches).slice(0, MAX_MISMATCHES);
  return deepFreeze(unique.length === 0 ? { ok: true as const, notes } : { ok: false as const, mismatches: unique, notes });
}

function safeNotes(r: Partial<TargetDrawRecord> | undefined): VerificationNote[] {
  try {
    return seedNotes(r?.seed, "seed.provenance");
  } catch {
    return [];
  }
}

/** The same field reported by the self-check and the re-run is listed once. */
function dedupe(ms: readonly DrawMismatch[]): DrawMismatch[] {
  const seen = new Set<string>();
  return ms.filter((m) => {
    const k = m.field;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
