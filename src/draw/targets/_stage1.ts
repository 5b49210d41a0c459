import { requireObject } from "../../_internal/boundary.js";
import { ShuangsuijiError, type RuleIssue } from "../../errors/ShuangsuijiError.js";
import { issuesFromZod } from "../../errors/_fromZod.js";
import { ruleIssue } from "../../errors/_drawRules.js";
import { stratumQuota, type StratumQuota } from "./computeQuota.js";
import type { PoolCommitment } from "./PoolCommitment.js";
import type { SamplingPolicy } from "./SamplingPolicy.js";
import type { SeedRecord } from "../seeds/SeedRecord.js";
import { drawIssue } from "../_shared/_issues.js";
import { provenanceProblems } from "../seeds/_seed.js";
import type { DrawTimeline } from "../records/DrawTimeline.js";
import { read } from "../_light/_read.js";
import { asZodIssues } from "../_light/_parse.js";
import { CommitmentReader, Stage1Reader } from "../_light/_schemas.js";
import { POOL_ALGORITHM, STAGE1_ALGORITHM, type PoolConfig } from "./_pool.js";
import { commitmentSelfProblems } from "./_commitmentSelf.js";

export interface Stage1Setup {
  readonly taskId: string;
  readonly policy: SamplingPolicy;
  readonly seed: SeedRecord;
  readonly commitment: PoolCommitment;
  readonly config: PoolConfig;
  readonly quotas: ReadonlyMap<string, StratumQuota>;
  readonly timeline: DrawTimeline | undefined;
}


/** Grinding guards on dates (docs/spec-v1.md §5.6): the commitment is published no later than the seed is fixed. */
export function timelineProblems(timeline: DrawTimeline | undefined, seed: SeedRecord): RuleIssue[] {
  if (timeline === undefined) return [];
  const out: RuleIssue[] = [];
  const { commitmentPublishedOn: c, seedFixedOn: f } = timeline;
  if (c !== undefined && f !== undefined && c > f) {
    out.push(drawIssue("seed-after-commitment", ["timeline", "seedFixedOn"], TIMELINE_CLAUSE, `种子确定日期（${f}）早于名录承诺公布日期（${c}）`, `the seed was fixed (${f}) before the pool commitment was published (${c})`, f));
  }
  const p = seed.provenance;
  if (p.kind === "dice" && f !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(p.date) && p.date !== f) {
    out.push(drawIssue("seed-after-commitment", ["timeline", "seedFixedOn"], TIMELINE_CLAUSE, `掷骰日期（${p.date}）与种子确定日期（${f}）不符`, `the dice were rolled on ${p.date}, not on the seed date ${f}`, f));
  }
  if (p.kind === "dice" && c !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(p.date) && p.date < c) {
    out.push(drawIssue("seed-after-commitment", ["seed", "provenance", "date"], TIMELINE_CLAUSE, `掷骰日期（${p.date}）早于名录承诺公布日期（${c}）`, `the dice were rolled (${p.date}) before the commitment was published (${c})`, p.date));
  }
  return out;
}

/** Validates the non-pool inputs and fixes every stratum's quota from the commitment (before any unit is seen). */
export function setupStage1(raw: { readonly taskId: string; readonly policy: SamplingPolicy; readonly seed: SeedRecord; readonly commitment: PoolCommitment; readonly timeline?: DrawTimeline | undefined }): Stage1Setup {
  // read once into a copy (the pool and the engines' rows are streamed, never copied)
  const input = requireObject(raw, [], { streams: ["pool", "commitmentRows", "selectionRows", "shards"] }) as unknown as typeof raw;
  // the task id, policy, seed and timeline as their zod schemas read them (src/draw/_light: same issues, no zod)
  const r = read(Stage1Reader, input);
  if (!r.success) {
    const weakSeed = r.issues.some((i) => i.path[0] === "seed");
    throw new ShuangsuijiError(weakSeed ? "seed-too-weak" : "invalid-input", issuesFromZod(asZodIssues(r.issues), { clause: "Longting art. 19; docs/draw.md" }, input));
  }
  const seedIssues = [...provenanceProblems(r.data.seed), ...timelineProblems(r.data.timeline, r.data.seed)];
  if (seedIssues.length > 0) throw new ShuangsuijiError(seedIssues.some((i) => i.rule === "seed-entropy") ? "seed-too-weak" : "invalid-input", seedIssues);
  const c = input.commitment;
  if (c?.algorithm !== POOL_ALGORITHM) {
    throw new ShuangsuijiError("unsupported-algorithm", [
      { path: ["commitment", "algorithm"], rule: "algorithm-version", clause: "docs/draw.md", messageZh: "不支持的名录承诺算法版本", messageEn: `unsupported pool commitment algorithm (expected ${POOL_ALGORITHM})`, value: c?.algorithm },
    ]);
  }
  // the commitment's shape (a damaged one is refused by name, never read as undefined counts)
  const cr = read(CommitmentReader, c); // PoolCommitmentSchema's issues, without zod
  if (!cr.success) throw new ShuangsuijiError("invalid-input", issuesFromZod(asZodIssues(cr.issues.map((i) => ({ ...i, path: ["commitment", ...i.path] }))), { clause: "docs/spec-v1.md §4" }, input));
  // the commitment's own counts, state and digest agree with each other (exactly the record self-check's test): quotas
  // and the overall floor are fixed from these counts, so one that contradicts itself is refused before any unit is seen
  const self = commitmentSelfProblems(c, "commitment");
  if (self.length > 0) {
    throw new ShuangsuijiError(
      "invalid-input",
      self.slice(0, 50).map((m) => ({
        path: m.field.split("."),
        rule: "commitment-consistency",
        clause: "docs/spec-v1.md §4",
        messageZh: `名录承诺自相矛盾（${m.field}：应为${JSON.stringify(m.expected)}，实为${JSON.stringify(m.actual)}）`,
        messageEn: `the pool commitment contradicts itself (${m.field}: expected ${JSON.stringify(m.expected)}, found ${JSON.stringify(m.actual)})`,
        value: m.actual,
      })),
    );
  }
  const policy = r.data.policy;
  const classes = [...new Set([...Object.keys(c.strata), ...Object.keys(policy.strata)])].sort();
  const quotas = new Map<string, StratumQuota>();
  for (const cls of classes) quotas.set(cls, stratumQuota(policy, cls, c.strata[cls] ?? 0));
  if (policy.overallFloor !== undefined) {
    const total = [...quotas.values()].reduce((n, q) => n + q.quota, 0);
    const need = Math.ceil((Math.round(policy.overallFloor.ratio * 1e6) * c.eligibleCount) / 1e6);
    if (total < need) {
      throw new ShuangsuijiError("invalid-input", [
        { ...ruleIssue("overall-floor", ["policy", "overallFloor"], { value: total, detailZh: `需至少${need}户，实为${total}户`, detailEn: `needs at least ${need}, the strata give ${total}` }), clause: policy.overallFloor.basis },
      ]);
    }
  }
  return { taskId: r.data.taskId, policy, seed: r.data.seed, commitment: c, config: { eligibility: c.eligibility, exclusions: c.exclusions }, quotas, timeline: r.data.timeline };
}

export function mismatch(field: string, expected: unknown, actual: unknown): RuleIssue {
  return {
    path: [field],
    rule: "pool-commitment",
    clause: "docs/draw.md (seed discipline)",
    messageZh: "抽取所用名录与事先承诺的名录不一致",
    messageEn: `the pool drawn from differs from the committed pool (${field}: committed ${JSON.stringify(expected)}, seen ${JSON.stringify(actual)})`,
    value: actual,
  };
}

export { STAGE1_ALGORITHM };

const TIMELINE_CLAUSE = "docs/spec-v1.md §5.6 (seed discipline: commit, then fix the seed)";
