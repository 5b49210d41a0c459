import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";
import { ruleIssue } from "../errors/_issue.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { canonicalize, compareUtf8, digestOf } from "./_encoding.js";
import { markBuilt } from "./_checkRecord.js";
import { commitmentDigest, mergeCommitmentStates, stateFromJson, stateToJson } from "./_pool.js";
import { STAGE1_ALGORITHM, mismatch, setupStage1 } from "./_stage1.js";
import type { DrawTargetsInput } from "./drawTargets.js";
import type { StratumDraw, TargetDrawRecord } from "./TargetDrawRecord.js";
import type { TargetDrawShard } from "./TargetDrawShard.js";

/**
 * Merges shard results into the draw record. The shards' combined multiset must equal the commitment (else
 * `pool-commitment-mismatch`), and per stratum the smallest `quota` tickets across shards are selected — exactly the
 * single-pass result.
 *
 * @category Draw
 * @example
 * ```ts
 * import { commitPool, createSeed, drawTargetShard, mergeTargetShards } from "shuangsuiji";
 * const pool = [{ id: "U1", riskClass: "A" }, { id: "U2", riskClass: "B" }];
 * const input = { taskId: "T-1", policy: { strata: { A: { ratio: 1 }, B: { ratio: 1 } } }, commitment: commitPool(pool),
 *   seed: { value: "0123456789abcdef0123456789abcdef", provenance: { kind: "other" as const, description: "example" } } };
 * const record = mergeTargetShards(pool.map((u) => drawTargetShard({ ...input, pool: [u] })), input);
 * ```
 */
export function mergeTargetShards(shards: readonly TargetDrawShard[], input: Omit<DrawTargetsInput, "pool">): TargetDrawRecord {
  const setup = setupStage1(input);
  const issues: RuleIssue[] = [];
  shards.forEach((s, i) => {
    if (s.algorithm !== STAGE1_ALGORITHM || s.taskId !== setup.taskId || s.seed !== setup.seed.value) {
      issues.push({ path: ["shards", i], rule: "shard-inputs", clause: "docs/draw.md", messageZh: "分片的算法、任务或种子与本次抽取不一致", messageEn: "the shard was drawn with another algorithm, task or seed" });
    }
  });
  if (issues.length > 0) throw new ShuangsuijiError("invalid-input", issues);
  const state = mergeCommitmentStates(shards.map((s) => stateFromJson(s.state)));
  const c = setup.commitment;
  const seen = stateToJson(state);
  const diffs: RuleIssue[] = [];
  if (seen.unitCount !== c.unitCount) diffs.push(mismatch("unitCount", c.unitCount, seen.unitCount));
  for (const [name, committed, got] of [["strata", c.strata, seen.strata], ["ineligible", c.ineligible, seen.ineligible]] as const) {
    const a = committed as Readonly<Record<string, number>>;
    const b = got as Readonly<Record<string, number>>;
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if ((a[k] ?? 0) !== (b[k] ?? 0)) diffs.push(mismatch(`${name}.${k}`, a[k] ?? 0, b[k] ?? 0));
  }
  const byCounts = shards.some((s) => s.commitmentCheck === "counts");
  if (diffs.length === 0 && !byCounts && commitmentDigest(state, setup.config) !== c.digest) diffs.push(mismatch("digest", c.digest, "(units differ in content)"));
  if (diffs.length > 0) throw new ShuangsuijiError("pool-commitment-mismatch", diffs);
  const strata: StratumDraw[] = [];
  for (const [cls, q] of setup.quotas) {
    const all = shards.flatMap((s) => s.candidates[cls] ?? []);
    all.sort((a, b) => (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : compareUtf8(a.unitId, b.unitId)));
    const selected = all.slice(0, q.quota);
    const ids = new Set<string>();
    for (const s of selected) {
      if (ids.has(s.unitId)) issues.push(ruleIssue("unique-ids", ["pool"], { value: s.unitId, detailZh: "名录中对象重复", detailEn: "the pool lists this unit twice" }));
      ids.add(s.unitId);
    }
    strata.push({
      riskClass: cls,
      size: c.strata[cls] ?? 0,
      quota: q.quota,
      quotaRule: q.explanation,
      census: q.census,
      threshold: selected.length > 0 ? (selected[selected.length - 1]?.ticket ?? null) : null,
      selected,
    });
  }
  if (issues.length > 0) throw new ShuangsuijiError("invalid-input", issues);
  const body = {
    kind: "target-draw" as const,
    algorithm: STAGE1_ALGORITHM,
    taskId: setup.taskId,
    seed: setup.seed,
    poolCommitment: c,
    policy: setup.policy,
    ...(setup.timeline === undefined ? {} : { timeline: setup.timeline }),
    strata,
    selectedCount: strata.reduce((n, s) => n + s.selected.length, 0),
    random: strata.some((s) => !s.census && s.quota > 0),
  };
  // keys sorted everywhere: the record's JSON is its canonical form (docs/spec-v1.md §2); the digest is unaffected
  return markBuilt(deepFreeze(canonicalize({ ...body, digest: digestOf(body) })));
}
