import { canonicalize, digestOf } from "../_shared/_encoding.js";
import { diffValues } from "../records/_diff.js";
import { guarded, isBuilt } from "../records/_checkRecord.js";
import { boundedHeap, hexToBytesField, unitProcessor, type BoundedHeap, type DrawUnit } from "./_pool.js";
import { setupStage1 } from "./_stage1.js";
import { buildTargetRecord, selectionsFromHeaps } from "./_buildRecord.js";
import { poolConfig, toCommitment } from "./commitPool.js";
import type { SamplingPolicy } from "./SamplingPolicy.js";
import type { SeedRecord } from "../seeds/SeedRecord.js";
import type { TargetDrawRecord } from "../records/TargetDrawRecord.js";
import type { DrawMismatch } from "./verifyTargetDraw.js";

const CLASS = /^[A-Z]$/;
const MAX_KEEP = 2 ** 31 - 1;

/**
 * How many candidates the verifier keeps per class before the pool's true counts are known: the largest quota any part
 * of the record implies — re-derived from the record's own commitment and policy, and the record's stated quota and
 * selection length of that stratum. A single forged field cannot make this smaller than the true quota (the other
 * sources still say it); heaps grow only as units arrive, so a forged huge figure costs no memory up front.
 */
function keepBounds(record: Partial<TargetDrawRecord> | undefined): Map<string, number> {
  const keep = new Map<string, number>();
  const raise = (cls: unknown, n: unknown) => {
    if (typeof cls !== "string" || !CLASS.test(cls) || typeof n !== "number" || !Number.isFinite(n) || n < 0) return;
    keep.set(cls, Math.max(keep.get(cls) ?? 0, Math.min(Math.ceil(n), MAX_KEEP)));
  };
  try {
    const setup = setupStage1({ taskId: record?.taskId as string, policy: record?.policy as SamplingPolicy, seed: record?.seed as SeedRecord, commitment: record?.poolCommitment as TargetDrawRecord["poolCommitment"], timeline: record?.timeline });
    for (const [cls, q] of setup.quotas) raise(cls, q.quota);
  } catch {
    // a damaged record: its other figures still bound the quotas
  }
  try {
    const strata: unknown = record?.strata;
    if (Array.isArray(strata)) {
      for (const s of strata as unknown[]) {
        if (s === null || typeof s !== "object") continue;
        const o = s as Record<string, unknown>;
        raise(o["riskClass"], o["quota"]);
        if (Array.isArray(o["selected"])) raise(o["riskClass"], (o["selected"] as unknown[]).length);
      }
    }
  } catch {
    // unreadable: nothing to learn from it
  }
  return keep;
}

/** SHA-256 of the canonical JSON of a record without its `digest` member (what its digest must be). */
function bodyDigest(record: Partial<TargetDrawRecord>): string {
  const { digest: _digest, ...body } = record;
  return digestOf(body);
}

/**
 * The verifier's re-run in one pass over the pool (docs/spec-v1.md §10): the commitment recomputed from the pool under
 * the record's eligibility rules and exclusions (what commitPool gives), and at the same time every eligible unit's
 * ticket kept in per-class heaps bounded by {@link keepBounds}; then the record is rebuilt exactly as drawTargets
 * builds it from that commitment, and compared field by field. `add` takes the units; `finish` gives the mismatches,
 * or `undefined` when a class's true quota exceeds what was kept (the pool has more units than every figure of the
 * record says — a mismatch in any case; the in-memory verifier then re-runs the two-pass way).
 */
export function rerunPass(record: Partial<TargetDrawRecord> | undefined, keepIds: boolean) {
  const c = record?.poolCommitment;
  const config = poolConfig({ eligibility: c?.eligibility ?? {}, exclusions: c?.exclusions ?? [] });
  const keep = keepBounds(record);
  const heaps: (BoundedHeap | undefined)[] = new Array<BoundedHeap | undefined>(26).fill(undefined);
  for (const [cls, k] of keep) heaps[cls.charCodeAt(0) - 65] = boundedHeap(k, !keepIds);
  let prefix: Uint8Array | undefined;
  try {
    const seed = record?.seed?.value;
    const taskId = record?.taskId;
    if (typeof seed === "string" && /^(?:[0-9a-f]{2})+$/.test(seed) && typeof taskId === "string") prefix = hexToBytesField(seed, taskId);
  } catch {
    prefix = undefined;
  }
  // without a usable seed and task id there are no tickets: the re-run's setup refuses the record anyway
  const p = unitProcessor(config, { ...(prefix === undefined ? {} : { draw: { ticketPrefix: prefix, heaps } }), hashUnits: true, keepIds, expectedUnits: Math.min(typeof c?.unitCount === "number" ? c.unitCount : 0, 1 << 24) });
  return {
    add: p.add,
    /** The recomputed commitment; throws the pool's own errors, as commitPool does. */
    commitment() {
      p.finish();
      return toCommitment(p.state, config);
    },
    /**
     * The mismatches of the re-run against the record; when the kept candidates do not suffice: undefined, or for a
     * `streamed` pass (which cannot re-read the pool) one mismatch per such stratum plus the rest of the comparison.
     */
    compare(commitment: ReturnType<typeof toCommitment>, streamed = false): DrawMismatch[] | undefined {
      let short = false;
      const out = guarded("rerun", () => {
        const r = record;
        const setup = setupStage1({
          taskId: r?.taskId as string, policy: r?.policy as SamplingPolicy, seed: r?.seed as SeedRecord, commitment,
          ...(r?.timeline === undefined ? {} : { timeline: r.timeline }),
        });
        const lacking: DrawMismatch[] = [];
        for (const [cls, q] of setup.quotas) {
          const size = commitment.strata[cls] ?? 0;
          if (Math.min(q.quota, size) > Math.min(keep.get(cls) ?? 0, size) || (prefix === undefined && q.quota > 0 && size > 0)) {
            if (!streamed) short = true;
            else lacking.push({ field: `strata.${cls}.selected`, expected: `the ${Math.min(q.quota, size)} smallest tickets (a streamed verifier kept ${keep.get(cls) ?? 0}: every figure of the record understates this stratum)`, actual: "(not recomputed)" });
          }
        }
        if (short) return [];
        const rerun = buildTargetRecord(setup, selectionsFromHeaps(setup, heaps));
        // equal digests: the same canonical record, nothing to list (a record this library built is consistent by
        // construction; any other is hashed here, every member of it — its stated digest alone proves nothing)
        if (r !== undefined && r !== null && rerun.digest === r.digest && (isBuilt(r) || bodyDigest(r) === r.digest)) return lacking;
        const diff: DrawMismatch[] = [];
        diffValues(canonicalize(rerun), canonicalize(record), "", diff);
        return [...lacking, ...diff];
      });
      return short ? undefined : out;
    },
  };
}

export type { DrawUnit };
