import type { DrawTimeline } from "../draw/records/DrawTimeline.js";
import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import type { PoolCommitment } from "../draw/targets/PoolCommitment.js";
import type { SamplingPolicy } from "../draw/targets/SamplingPolicy.js";
import type { SeedRecord } from "../draw/seeds/SeedRecord.js";
import type { SelectedUnit } from "../draw/records/TargetDrawRecord.js";
import type { TargetDrawShard } from "../draw/targets/TargetDrawShard.js";
import { STAGE1_ALGORITHM, isCanonicalText, setupStage1, ticketsOf } from "./_seam.js";
import { readRow, rowIssue, stateFromRows, type SqlRow } from "./_rows.js";
import { iterateInput, requireObject } from "../_internal/boundary.js";
import { cappedIssues } from "../errors/_capIssues.js";

/**
 * Input of {@link assembleTargetShard}: the draw's inputs and one engine's (or one shard's) result rows.
 *
 * @category SQL
 */
export interface AssembleTargetShardInput {
  /** The task id the SQL was generated with. */
  readonly taskId: string;
  /** The policy the SQL was generated with. */
  readonly policy: SamplingPolicy;
  /** The seed the SQL was generated with. */
  readonly seed: SeedRecord;
  /** The published commitment. */
  readonly commitment: PoolCommitment;
  /** The announced dates (commitment published, seed fixed), recorded in the record as drawTargets does. */
  readonly timeline?: DrawTimeline;
  /** Rows of {@link generateCommitmentSql} run on this shard at draw time (the check that the pool is the committed one). */
  readonly commitmentRows: Iterable<Readonly<Record<string, unknown>>>;
  /** Whether those rows carry the word sums (`"digest"`, default) or only counts (`"counts"`). */
  readonly commitmentCheck?: "digest" | "counts";
  /** Rows of {@link generateSelectionSql} run on this shard. */
  readonly selectionRows: Iterable<Readonly<Record<string, unknown>>>;
  /**
   * Recompute each returned ticket in JavaScript (default true): a wrong dialect or a tampered engine cannot slip a
   * wrong ticket into the record. Costs one SHA-256 per selected unit.
   */
  readonly recheckTickets?: boolean;
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Turns one engine's rows into a {@link TargetDrawShard}: the commitment state (word sums carried modulo 2²⁵⁶, counts)
 * and per stratum the candidates in ticket order, cut to the stratum's quota. Shards of a cluster, or one whole
 * engine, then merge with mergeTargetShards into exactly drawTargets's record (see {@link assembleTargetDraw}).
 *
 * @param raw - The draw's input without the pool (`taskId`, `policy`, `seed`, `commitment`), and the engine's
 *   `commitmentRows` and `selectionRows`.
 * @returns The shard, as {@link drawTargetShard} would compute it over the same units.
 * @throws {@link ShuangsuijiError} `invalid-input` when the input or a row is malformed (every bad row listed): a class
 *   not drawn in this task, an id that is not canonical, a ticket that is not 64 lower-case hex digits or (unless
 *   `recheckTickets: false`) not the unit's ticket.
 * @throws {@link ShuangsuijiError} `seed-too-weak` when the seed is not a valid {@link SeedRecord} of at least 128
 *   bits.
 * @throws {@link ShuangsuijiError} `unsupported-algorithm` when the commitment was made by another algorithm version.
 * @category SQL
 * @example
 * ```ts
 * import { assembleTargetShard, commitPool, createSeed } from "shuangsuiji";
 * const commitment = commitPool([]);
 * const seed = createSeed("0123456789abcdef0123456789abcdef", { kind: "other", description: "example" });
 * const shard = assembleTargetShard({ taskId: "T-1", policy: { strata: {} }, seed, commitment, commitmentRows: [], selectionRows: [] });
 * shard.kind; // "target-draw-shard"
 * ```
 */
export function assembleTargetShard(raw: AssembleTargetShardInput): TargetDrawShard {
  return deepFreeze(shardOf(raw));
}

/** @internal The shard, not frozen: {@link assembleTargetDraw} hands it straight to mergeTargetShards, which copies it. */
export function shardOf(raw: AssembleTargetShardInput): TargetDrawShard {
  const input = requireObject(raw, [], { streams: ["commitmentRows", "selectionRows"] }) as unknown as AssembleTargetShardInput;
  const setup = setupStage1(input);
  const check = input.commitmentCheck ?? "digest";
  const state = stateFromRows(input.commitmentRows as Iterable<SqlRow>, check === "digest", ["commitmentRows"]);
  const issues: RuleIssue[] = [];
  const byClass = new Map<string, SelectedUnit[]>();
  const ticketOf = ticketsOf(setup.seed.value, setup.taskId);
  let i = 0;
  for (const r of iterateInput<SqlRow>(input.selectionRows, ["selectionRows"])) {
    const at = ["selectionRows", i++];
    const row = readRow(r, at);
    const cls = row["risk_class"];
    const id = row["id"];
    const ticket = row["ticket"];
    const q = typeof cls === "string" ? setup.quotas.get(cls) : undefined;
    if (q === undefined || q.quota === 0) {
      issues.push(rowIssue([...at, "risk_class"], "a selected unit's class is not drawn in this task", "入选对象的分类不在本次抽取之内", cls));
      continue;
    }
    if (typeof id !== "string" || id === "" || !isCanonicalText(id) || typeof ticket !== "string" || !HEX64.test(ticket)) {
      issues.push(rowIssue(at, "a selection row needs a canonical id (trimmed NFC text) and a 64-digit lower-case hex ticket", "入选行须有规范的对象标识（去空格、NFC）和64位小写十六进制签号", row));
      continue;
    }
    if (input.recheckTickets !== false && ticketOf(id) !== ticket) {
      issues.push(rowIssue([...at, "ticket"], `the engine's ticket for ${id} is not SHA-256 of the task's prefix and the id (docs/draw.md)`, `引擎给出的${id}的签号与重新计算的不一致`, ticket));
      continue;
    }
    const list = byClass.get(cls as string) ?? [];
    list.push({ unitId: id, ticket });
    byClass.set(cls as string, list);
  }
  if (issues.length > 0) throw new ShuangsuijiError("invalid-input", cappedIssues(issues));
  const candidates: Record<string, SelectedUnit[]> = {};
  for (const [cls, q] of setup.quotas) {
    const all = byClass.get(cls) ?? [];
    // the library's order: ticket, then id (equal tickets mean equal ids: the merge refuses them as duplicates)
    all.sort((a, b) => (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
    if (q.quota > 0) candidates[cls] = all.slice(0, q.quota);
  }
  const sumHex = Array.from(state.sum, (w) => w.toString(16).padStart(8, "0")).join("");
  return {
    kind: "target-draw-shard" as const,
    algorithm: STAGE1_ALGORITHM,
    taskId: setup.taskId,
    seed: setup.seed.value,
    state: { sum: sumHex, unitCount: state.unitCount, strata: state.strata, ineligible: state.ineligible as Record<string, number> },
    commitmentCheck: check,
    candidates,
  };
}
