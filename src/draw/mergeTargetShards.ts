import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";
import { ruleIssue } from "../errors/_drawRules.js";
import { invalid, isPlainObject, own, readPlain, RECORD_READ } from "../_internal/boundary.js";
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
 * @param rawShards - The shards of {@link drawTargetShard}, covering the pool exactly once together.
 * @param input - The draw's input without the pool (same `taskId`, `policy`, `seed`, `commitment` as the shards).
 * @returns The draw record, identical to {@link drawTargets} over the whole pool.
 * @throws {@link ShuangsuijiError} `invalid-input` when a shard or the input is malformed, or a shard was drawn with
 *   other inputs.
 * @throws {@link ShuangsuijiError} `seed-too-weak` when the seed is not a valid {@link SeedRecord} of at least 128
 *   bits.
 * @throws {@link ShuangsuijiError} `unsupported-algorithm` when the commitment was made by another algorithm version.
 * @throws {@link ShuangsuijiError} `pool-commitment-mismatch` when the shards together are not the pool committed to.
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
export function mergeTargetShards(rawShards: readonly TargetDrawShard[], input: Omit<DrawTargetsInput, "pool">): TargetDrawRecord {
  const shards = readShards(rawShards);
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
    const all = shards.flatMap((s) => own(s.candidates, cls) ?? []);
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

const HEX64 = /^[0-9a-f]{64}$/;
const isCount = (v: unknown): boolean => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
const isCounts = (v: unknown): boolean => isPlainObject(v) && Object.values(v).every(isCount);

/** The shards, read into a copy and checked for the shape drawTargetShard produces (a damaged shard is refused, named). */
function readShards(raw: unknown): TargetDrawShard[] {
  // record-shaped: the candidates scale with the units selected (README "Limits", RECORD_READ)
  const list = readPlain(raw, ["shards"], RECORD_READ);
  if (!Array.isArray(list)) return invalid(["shards"], "expected an array of shards (drawTargetShard)", "应为分片数组（drawTargetShard）", raw);
  list.forEach((s: unknown, i) => {
    const at = ["shards", i];
    if (!isPlainObject(s)) invalid(at, "expected a shard object", "应为分片对象", s);
    if (s["kind"] !== "target-draw-shard") invalid([...at, "kind"], 'expected "target-draw-shard"', "应为“target-draw-shard”", s["kind"]);
    if (s["commitmentCheck"] !== "digest" && s["commitmentCheck"] !== "counts") invalid([...at, "commitmentCheck"], 'expected "digest" or "counts"', "应为“digest”或“counts”", s["commitmentCheck"]);
    const st = s["state"];
    if (!isPlainObject(st) || typeof st["sum"] !== "string" || !HEX64.test(st["sum"]) || !isCount(st["unitCount"]) || !isCounts(st["strata"]) || !isCounts(st["ineligible"])) {
      invalid([...at, "state"], "expected { sum: 64 hex digits, unitCount, strata, ineligible } with non-negative integer counts", "应为 { sum（64位十六进制）, unitCount, strata, ineligible }，计数为非负整数", st);
    }
    const c = s["candidates"];
    if (!isPlainObject(c)) invalid([...at, "candidates"], "expected candidates by stratum", "应为按层的候选对象", c);
    for (const [cls, units] of Object.entries(c)) {
      if (!Array.isArray(units) || !units.every((u: unknown) => isPlainObject(u) && typeof u["unitId"] === "string" && typeof u["ticket"] === "string" && HEX64.test(u["ticket"]))) {
        invalid([...at, "candidates", cls], "expected a list of { unitId, ticket (64 hex digits) }", "应为 { unitId, ticket（64位十六进制）} 列表", units);
      }
    }
  });
  return list as TargetDrawShard[];
}
