import { readPlain } from "../../_internal/boundary.js";
import { eachUnitAsync, withPending, type DrawUnitStream } from "./_eachUnitAsync.js";
import { ShuangsuijiError } from "../../errors/ShuangsuijiError.js";
import { issuesFromZod } from "../../errors/_fromZod.js";
import { deepFreeze } from "../../_internal/deepFreeze.js";
import { canonicalize } from "../_shared/_encoding.js";
import { iterableInput } from "../_shared/_issues.js";
import { eachUnit } from "../_shared/_each.js";
import { ruleIssue } from "../../errors/_drawRules.js";
import type { PoolCommitment } from "./PoolCommitment.js";
import type { Eligibility, Exclusion } from "./SamplingPolicy.js";
import { POOL_ALGORITHM, commitmentDigest, stateToJson, unitProcessor, type CommitmentState, type DrawUnit, type PoolConfig } from "./_pool.js";
import { read } from "../_light/_read.js";
import { asZodIssues, readInput } from "../_light/_parse.js";
import { OptionsReader, PoolConfigReader } from "../_light/_schemas.js";

/**
 * Options of {@link commitPool}.
 *
 * @category Draw
 */
export interface CommitPoolOptions {
  /** Eligibility filters (Yanshi 7.2 cut-off, statuses, districts). */
  readonly eligibility?: Eligibility;
  /** Units excluded by name with reasons. */
  readonly exclusions?: readonly Exclusion[];
}

/** @internal */
export function poolConfig(raw: CommitPoolOptions): PoolConfig {
  const options = readPlain(raw, ["options"]) as CommitPoolOptions;
  // zod's reports without zod (src/draw/_light): z.nullish(z.object({})), then the eligibility and exclusion schemas
  readInput(OptionsReader, options, "Yanshi 7.2");
  const r = read(PoolConfigReader, {
    eligibility: options?.eligibility ?? {},
    exclusions: options?.exclusions ?? [],
  });
  if (!r.success) throw new ShuangsuijiError("invalid-input", issuesFromZod(asZodIssues(r.issues), { clause: "Yanshi 7.2" }, options));
  // UTF-16 code-unit order: part of the v1 commitment digest (docs/spec-v1.md §4), kept as it was
  const exclusions = [...r.data.exclusions].sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
  const dup = exclusions.filter((x, i) => i > 0 && exclusions[i - 1]?.unitId === x.unitId);
  if (dup.length > 0) throw new ShuangsuijiError("invalid-input", dup.map((x) => ruleIssue("unique-ids", ["exclusions"], { value: x.unitId, detailZh: "同一对象被重复排除", detailEn: "a unit is excluded twice" })));
  return { eligibility: r.data.eligibility, exclusions };
}

/** @internal */
export function toCommitment(state: CommitmentState, config: PoolConfig): PoolCommitment {
  const eligibleCount = Object.values(state.strata).reduce((a, b) => a + b, 0);
  return deepFreeze(canonicalize({
    algorithm: POOL_ALGORITHM,
    digest: commitmentDigest(state, config),
    unitCount: state.unitCount,
    eligibleCount,
    strata: Object.fromEntries(Object.entries(state.strata).sort(([a], [b]) => (a < b ? -1 : 1))),
    ineligible: Object.fromEntries(Object.entries(state.ineligible).sort(([a], [b]) => (a < b ? -1 : 1))) as Record<string, number>,
    eligibility: config.eligibility,
    exclusions: config.exclusions,
    state: stateToJson(state),
  }));
}

/**
 * Commits to a target pool before the seed is fixed: an order-independent digest of every unit plus the eligible size
 * of each stratum under the eligibility rules. Publish `digest` (and the counts) before revealing the seed. Every bad
 * unit is reported at once. For pools too large for memory use {@link commitPoolAsync}.
 *
 * @param pool - The target pool: any iterable of units (`id`, `riskClass`, and the fields eligibility reads).
 * @param options - The eligibility rules and the exclusions by name, recorded in the commitment.
 * @returns The commitment: digest, eligible count per stratum, eligibility and exclusions.
 * @throws {@link ShuangsuijiError} `invalid-input` when `pool` is not iterable, a unit is malformed or an id repeats
 *   (every bad unit, with its index), or `options` is malformed (e.g. an exclusion listed twice).
 * @category Draw
 * @example
 * ```ts
 * import { commitPool } from "shuangsuiji";
 * const c = commitPool(
 *   [{ id: "91350100M000100Y43", riskClass: "B", registrationDate: "2015-03-08", status: "operating" }],
 *   { eligibility: { registeredOnOrBefore: "2021-12-31", statuses: ["operating"] } },
 * );
 * c.strata; // { B: 1 }
 * ```
 */
export function commitPool(pool: Iterable<DrawUnit>, options: CommitPoolOptions = {}): PoolCommitment {
  const config = poolConfig(options);
  const p = unitProcessor(config, { keepIds: true });
  try {
    eachUnit<DrawUnit>(iterableInput<DrawUnit>(pool, "pool"), ["pool"], p.add, true);
  } catch (e) {
    throw withPending(e, p.issues); // the bad rows before an unreadable one are reported with it
  }
  p.finish();
  return toCommitment(p.state, config);
}

/**
 * {@link commitPool} over an async iterable (a database cursor, a file stream), in constant memory.
 *
 * @param pool - The target pool: an async or sync iterable of units or of batches of units (a {@link DrawUnitStream};
 *   yield a few thousand units per batch for speed: one `await` per batch).
 * @param options - The eligibility rules and the exclusions by name, recorded in the commitment.
 * @returns The commitment, as {@link commitPool} computes it.
 * @throws {@link ShuangsuijiError} `invalid-input` as {@link commitPool}: a pool that is not iterable, a malformed
 *   unit, a repeated id, or malformed `options`.
 * @category Draw
 * @example
 * ```ts
 * import { commitPoolAsync } from "shuangsuiji";
 * async function* rows() { yield { id: "91350100M000100Y43", riskClass: "B" }; }
 * const c = await commitPoolAsync(rows());
 * ```
 */
export async function commitPoolAsync(pool: DrawUnitStream, options: CommitPoolOptions = {}): Promise<PoolCommitment> {
  const config = poolConfig(options);
  const p = unitProcessor(config);
  await eachUnitAsync(pool, ["pool"], p.add, p.issues);
  p.finish();
  return toCommitment(p.state, config);
}
