import { diffValues } from "../records/_diff.js";
import type { DrawMismatch } from "./verifyTargetDraw.js";
import type { PoolCommitment } from "./PoolCommitment.js";
import { POOL_ALGORITHM, commitmentDigest, stateFromJson } from "./_pool.js";

/**
 * What a (well-shaped) pool commitment contradicts about itself (docs/spec-v1.md §4): `eligibleCount` is the sum of
 * the strata, `unitCount` adds the ineligible counts, its `state` carries the same counts, and its `digest` is the one
 * recomputed from that state. O(classes): shared by the record self-check and every draw's setup, so a draw never
 * fixes quotas or an overall floor from a commitment whose counts disagree with each other.
 */
export function commitmentSelfProblems(c: PoolCommitment, prefix = "poolCommitment"): DrawMismatch[] {
  const out: DrawMismatch[] = [];
  diffValues(POOL_ALGORITHM, c.algorithm, `${prefix}.algorithm`, out);
  const sum = (o: Readonly<Record<string, number | undefined>>) => Object.values(o).reduce<number>((n, v) => n + (v ?? 0), 0);
  diffValues(sum(c.strata), c.eligibleCount, `${prefix}.eligibleCount`, out);
  diffValues(c.eligibleCount + sum(c.ineligible), c.unitCount, `${prefix}.unitCount`, out);
  diffValues({ unitCount: c.unitCount, strata: c.strata, ineligible: c.ineligible }, { unitCount: c.state.unitCount, strata: c.state.strata, ineligible: c.state.ineligible }, `${prefix}.state`, out);
  diffValues(commitmentDigest(stateFromJson(c.state), { eligibility: c.eligibility, exclusions: c.exclusions }), c.digest, `${prefix}.digest`, out);
  return out;
}
