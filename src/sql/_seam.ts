/**
 * The only place src/sql reaches into src/draw's internals: the stage-1 set-up (validated inputs and quotas fixed from
 * the commitment), the ticket prefix, the commitment's normal form and the algorithm names. Everything else goes
 * through the public seam `TargetDrawShard` → `mergeTargetShards`, so the record format stays drawTargets's.
 */
import { bytesToHex, hexToBytes, lengthDelimited } from "../draw/_shared/_encoding.js";
import { POOL_ALGORITHM, STAGE1_ALGORITHM, isCanonicalText, stateFromJson, ticketHasher, type CommitmentState, type IneligibleReason } from "../draw/targets/_pool.js";
import { wordsToHex } from "../draw/_shared/_sha256.js";
import { setupStage1, type Stage1Setup } from "../draw/targets/_stage1.js";
import { poolConfig, toCommitment } from "../draw/targets/commitPool.js";

export { POOL_ALGORITHM, STAGE1_ALGORITHM, isCanonicalText, poolConfig, setupStage1, stateFromJson, toCommitment };

/** Tickets of one task as 64 hex digits, with the task's prefix hashed once (the draw's own ticket hasher). */
export function ticketsOf(seedHex: string, taskId: string): (unitId: string) => string {
  const h = ticketHasher(seedHex, taskId);
  const w = new Int32Array(8);
  return (unitId) => {
    h(unitId, w);
    return wordsToHex(w);
  };
}
export type { CommitmentState, IneligibleReason, Stage1Setup };

/** Hex of the ticket's constant prefix len‖tag ‖ len‖seed ‖ len‖task (docs/draw.md), the same bytes ticketHasher hashes first. */
export const ticketPrefixHex = (seedHex: string, taskId: string): string => bytesToHex(lengthDelimited([STAGE1_ALGORITHM, hexToBytes(seedHex), taskId]));

/** The ineligibility reasons in the order eligibilityOf tests them (docs/draw.md). */
export const INELIGIBLE_REASONS = ["excluded", "registered-after-cutoff", "registration-date-unknown", "status-not-allowed", "status-unknown", "outside-districts"] as const satisfies readonly IneligibleReason[];
