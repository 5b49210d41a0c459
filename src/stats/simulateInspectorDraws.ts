import { deepFreeze } from "../_internal/deepFreeze.js";
import { invalid, isPlainObject, own, readPlain, requireInteger } from "../_internal/boundary.js";
import { idsArg, runsArg, seedArg, simArg, MAX_WORK } from "./_validate.js";
import { createSeed } from "../draw/seeds/createSeed.js";
import { drawInspectors, type DrawInspectorsInput } from "../draw/inspectors/drawInspectors.js";
import type { InclusionCounts } from "./simulateInclusion.js";
import { runSeed } from "./simulateInclusion.js";

/**
 * Stage-2 simulation: per department, how often each inspector was drawn (over all teams), and how often each was the
 * leader.
 *
 * @category Statistics
 */
export interface InspectorSimulation {
  /** Runs. */
  readonly runs: number;
  /** Per department: inspector id → times drawn. */
  readonly drawn: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Inspector id → times leader. */
  readonly leaders: Readonly<Record<string, number>>;
  /** Runs that ended `not-enough-inspectors` (a feasible setup has none). */
  readonly infeasible: number;
}

/**
 * Runs {@link drawInspectors} R times with stage-2 seeds derived from a base seed (everything else fixed) and counts
 * selections and leaders.
 *
 * @param setup - The stage-2 input of {@link shuangsuiji!drawInspectors | drawInspectors} without its seed (locked
 *   list, departments, constraints).
 * @param runs - Simulated draws.
 * @param baseSeed - The base seed; run r uses {@link runSeed}(baseSeed, r).
 * @returns Per department the times each inspector was drawn, the leader counts and the number of infeasible runs.
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-input` when `setup`, `runs` or `baseSeed` is
 *   malformed, runs × departments exceeds the work limit, or {@link shuangsuiji!drawInspectors | drawInspectors}
 *   refuses the setup.
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `draw-not-locked` when `setup.locked` is not a
 *   consistent locked list (from {@link shuangsuiji!drawInspectors | drawInspectors}).
 * @category Statistics
 * @example
 * ```ts
 * import { simulateInspectorDraws } from "shuangsuiji/stats";
 * import type { DrawInspectorsInput } from "shuangsuiji";
 * declare const setup: Omit<DrawInspectorsInput, "seed">;
 * const sim = simulateInspectorDraws(setup, 1000, "stage2-fairness");
 * ```
 */
export function simulateInspectorDraws(setup: Omit<DrawInspectorsInput, "seed">, runs: number, baseSeed: string): InspectorSimulation {
  runsArg(runs, ["runs"]);
  seedArg(baseSeed, ["baseSeed"]);
  const s = readPlain(setup, ["setup"]);
  if (!isPlainObject(s) || !Array.isArray(s.departments)) invalid(["setup"], "expected the stage-2 setup { locked, initiatingDepartmentId, departments }", "应为第二阶段抽取设置 { locked, initiatingDepartmentId, departments }", setup);
  // Maps, not objects keyed by user ids: a department or inspector id "__proto__" is just an id.
  const drawn = new Map<string, Map<string, number>>();
  const leaders = new Map<string, number>();
  let infeasible = 0;
  (s.departments as unknown[]).forEach((d, i) => {
    if (!isPlainObject(d) || typeof d.departmentId !== "string" || !Array.isArray(d.inspectors)) invalid(["setup", "departments", i], "expected { departmentId, inspectors }", "应为 { departmentId, inspectors }", d);
    const m = new Map<string, number>();
    (d.inspectors as unknown[]).forEach((x, j) => {
      if (!isPlainObject(x) || typeof x.id !== "string") invalid(["setup", "departments", i, "inspectors", j, "id"], "expected an inspector with a string id", "应为带字符串标识的检查人员", x);
      m.set(x.id, 0);
    });
    drawn.set(d.departmentId, m);
  });
  if (runs * Math.max(1, drawn.size) > MAX_WORK) invalid(["runs"], `runs × departments exceeds ${MAX_WORK}`, `runs与部门数之积超过${MAX_WORK}`, runs, "input-limit");
  for (let r = 0; r < runs; r++) {
    const seed = createSeed(runSeed(baseSeed, r), { kind: "other", description: `simulation run ${r}` });
    const res = drawInspectors({ ...(s as unknown as Omit<DrawInspectorsInput, "seed">), seed });
    if (!res.ok) {
      infeasible++;
      continue;
    }
    for (const d of res.record.departments) {
      let m = drawn.get(d.departmentId);
      if (m === undefined) drawn.set(d.departmentId, (m = new Map()));
      for (const t of d.teams) for (const id of t.inspectorIds) m.set(id, (m.get(id) ?? 0) + 1);
    }
    for (const l of res.record.leaders) leaders.set(l.leaderId, (leaders.get(l.leaderId) ?? 0) + 1);
  }
  return deepFreeze({
    runs,
    drawn: Object.fromEntries([...drawn].map(([k, m]) => [k, Object.fromEntries(m)])),
    leaders: Object.fromEntries(leaders),
    infeasible,
  });
}

/**
 * Turns stage-2 counts into {@link InclusionCounts} over the inspectors known to be eligible, so the same tests apply:
 * each eligible inspector should be drawn with probability m/n per team (the marginal test applied to
 * the eligible set; docs/fairness.md). `perRun` is
 * the number of inspectors drawn per run among them (teams × team size), or 1 for leaders.
 *
 * @param counts - Times each inspector id was drawn (e.g. `drawn[departmentId]` of {@link simulateInspectorDraws}).
 * @param eligibleIds - The inspectors eligible for every run (those not in `counts` count 0).
 * @param perRun - Inspectors drawn per run among them (teams × team size), or 1 for leaders.
 * @param runs - The number of runs.
 * @returns Counts in the shape the tests take ({@link inclusionChiSquare}, {@link binomialBounds}).
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-input` when `counts` is not whole numbers ≥
 *   0 per id, the ids are not unique text, or `perRun` / `runs` is out of range.
 * @category Statistics
 * @example
 * ```ts
 * import { inclusionChiSquare, inspectorCounts, type InspectorSimulation } from "shuangsuiji/stats";
 * declare const sim: InspectorSimulation;
 * inclusionChiSquare(inspectorCounts(sim.drawn["SCJG"] ?? {}, ["SCJG-1", "SCJG-2", "SCJG-3"], 2, sim.runs));
 * ```
 */
export function inspectorCounts(counts: Readonly<Record<string, number>>, eligibleIds: readonly string[], perRun: number, runs: number): InclusionCounts {
  const c = readPlain(counts, ["counts"]);
  if (!isPlainObject(c) || !Object.values(c).every((v) => Number.isInteger(v) && (v as number) >= 0)) invalid(["counts"], "expected counts per inspector id", "应为每名检查人员的计数", counts);
  const ids = [...idsArg(eligibleIds, ["eligibleIds"])].sort();
  const r = runsArg(runs, ["runs"]);
  const k = requireInteger(perRun, ["perRun"], 0, ids.length);
  return deepFreeze(simArg({ ids, k, runs: r, counts: ids.map((id) => own(c, id) ?? 0), adjacentPairs: 0 }, ["counts"]) as InclusionCounts);
}
