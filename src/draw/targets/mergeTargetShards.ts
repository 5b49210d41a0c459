import { ShuangsuijiError, type RuleIssue } from "../../errors/ShuangsuijiError.js";
import { ruleIssue } from "../../errors/_drawRules.js";
import { invalid, isPlainObject, own, readPlain, RECORD_READ } from "../../_internal/boundary.js";
import { deepFreeze } from "../../_internal/deepFreeze.js";
import { canonicalize, compareUtf8, digestOf } from "../_shared/_encoding.js";
import { commitmentDigest, mergeCommitmentStates, poolIdProblem, stateFromJson, stateToJson, ticketHasher, unitIdIssue } from "./_pool.js";
import { wordsToHex } from "../_shared/_sha256.js";
import { drawIssue } from "../_shared/_issues.js";

const SHARD_CLAUSE = "docs/spec-v1.md §6, §7; docs/scale.md";
import { STAGE1_ALGORITHM, mismatch, setupStage1 } from "./_stage1.js";
import type { DrawTargetsInput } from "./DrawTargetsInput.js";
import type { StratumDraw, TargetDrawRecord } from "../records/TargetDrawRecord.js";
import type { TargetDrawShard } from "./TargetDrawShard.js";
import { cappedIssues } from "../../errors/_capIssues.js";

/**
 * Merges shard results into the draw record. The shards' combined multiset must equal the commitment (else
 * `pool-commitment-mismatch`), and per stratum the smallest `quota` tickets across shards are selected — exactly the
 * single-pass result. Shards are not trusted (docs/spec-v1.md §6–§7): every candidate's ticket is recomputed from the
 * seed, task id and unit id, ids must satisfy the pool-id rule, the shards may not offer more candidates of a class
 * than the commitment counts, nor a class that is not drawn, nor a unit twice (`shard-candidates`, `unique-ids`), and
 * together they must fill every quota (`engine-rows-short`) — else `invalid-input`, every problem listed. The merged record is not trusted as "built": it is checked in full wherever
 * it is used, and only a verifier with the pool can show that no shard withheld a better candidate.
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
  if (issues.length > 0) throw new ShuangsuijiError("invalid-input", cappedIssues(issues));
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
  // Nothing a shard says is taken on trust (docs/spec-v1.md §7; docs/scale.md): every candidate's ticket is recomputed
  // from the seed, task id and unit id, its id must satisfy the pool-id rule, a shard offers no more candidates of a
  // class than its own counts hold, only drawn classes, and no unit twice.
  const hash = ticketHasher(setup.seed.value, setup.taskId);
  const w = new Int32Array(8);
  const everywhere = new Map<string, string>();
  const offered = new Map<string, number>();
  shards.forEach((s, i) => {
    for (const [cls, units] of Object.entries(s.candidates)) {
      const at = ["shards", i, "candidates", cls];
      if (units.length === 0) continue;
      if (!setup.quotas.has(cls)) {
        issues.push(drawIssue("shard-candidates", at, SHARD_CLAUSE, `分片列出了本次不抽取的类别“${cls}”`, `the shard lists candidates of class ${cls}, which this draw does not draw`));
        continue;
      }
      offered.set(cls, (offered.get(cls) ?? 0) + units.length);
      units.forEach((u, j) => {
        const why = poolIdProblem(u.unitId);
        if (why !== undefined) {
          issues.push(unitIdIssue([...at, j, "unitId"], why, u.unitId));
          return;
        }
        hash(u.unitId, w);
        const t = wordsToHex(w);
        if (t !== u.ticket) issues.push(drawIssue("shard-candidates", [...at, j, "ticket"], SHARD_CLAUSE, `候选的抽签号不是由种子、任务和标识计算所得（应为 ${t}）`, `the candidate's ticket does not recompute from the seed, task id and unit id (expected ${t})`, u.ticket));
        const before = everywhere.get(u.unitId);
        if (before !== undefined) issues.push(ruleIssue("unique-ids", [...at, j, "unitId"], { value: u.unitId, detailZh: `已在${before}中列出`, detailEn: `already listed in ${before}` }));
        everywhere.set(u.unitId, `shards[${i}].candidates.${cls}`);
      });
    }
  });
  // more candidates of a class than the committed pool holds eligible units of it (the rows of an engine may be split
  // across shards independently of the commitment rows, so the bound is the merged count, not each shard's)
  for (const [cls, n] of offered) {
    const held = c.strata[cls] ?? 0;
    if (n > held) issues.push(drawIssue("shard-candidates", ["shards"], SHARD_CLAUSE, `各分片共列出${n}个${cls}类候选，多于承诺的${cls}类合格对象数（${held}户）`, `the shards list ${n} candidates of class ${cls}, more than the ${held} eligible units the commitment counts`, n));
  }
  if (issues.length > 0) throw new ShuangsuijiError("invalid-input", cappedIssues(issues));
  const strata: StratumDraw[] = [];
  for (const [cls, q] of setup.quotas) {
    const all = shards.flatMap((s) => own(s.candidates, cls) ?? []);
    all.sort((a, b) => (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : compareUtf8(a.unitId, b.unitId)));
    const selected = all.slice(0, q.quota);
    // the shards together must offer as many candidates as the quota asks of the committed stratum: a shard that
    // withheld its candidates is refused, not merged into a short stratum
    const due = Math.min(q.quota, c.strata[cls] ?? 0);
    if (selected.length !== due) issues.push(drawIssue("engine-rows-short", ["shards", "candidates", cls], SHARD_CLAUSE, `${cls}类应抽取${due}户，各分片（或引擎）合计只提供${selected.length}个候选`, `class ${cls} draws ${due}, but the shards (or the engine) offer only ${selected.length} candidates`, selected.length));
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
  if (issues.length > 0) throw new ShuangsuijiError("invalid-input", cappedIssues(issues));
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
  // not marked as built: lockTargetDraw, verifyTicket, dispatchTargets and drawInspectors check it in full, since its
  // candidates came from shards this call did not draw itself
  return deepFreeze(canonicalize({ ...body, digest: digestOf(body) }));
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
