import { createSeed } from "../draw/createSeed.js";
import { drawInspectors, type DrawInspectorsInput } from "../draw/drawInspectors.js";
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
  const drawn: Record<string, Record<string, number>> = {};
  const leaders: Record<string, number> = {};
  let infeasible = 0;
  for (const d of setup.departments) drawn[d.departmentId] = Object.fromEntries(d.inspectors.map((i) => [i.id, 0]));
  for (let r = 0; r < runs; r++) {
    const seed = createSeed(runSeed(baseSeed, r), { kind: "other", description: `simulation run ${r}` });
    const res = drawInspectors({ ...setup, seed });
    if (!res.ok) {
      infeasible++;
      continue;
    }
    for (const d of res.record.departments) for (const t of d.teams) for (const id of t.inspectorIds) (drawn[d.departmentId] as Record<string, number>)[id] = ((drawn[d.departmentId] as Record<string, number>)[id] ?? 0) + 1;
    for (const l of res.record.leaders) leaders[l.leaderId] = (leaders[l.leaderId] ?? 0) + 1;
  }
  return Object.freeze({ runs, drawn, leaders, infeasible });
}

/**
 * Turns stage-2 counts into {@link InclusionCounts} over the inspectors known to be eligible, so the same tests apply:
 * each eligible inspector should be drawn with probability m/n per team (draw-research.md §4 recipe 4). `perRun` is
 * the number of inspectors drawn per run among them (teams × team size), or 1 for leaders.
 *
 * @category Statistics
 * @example
 * ```ts
 * import { inclusionChiSquare, inspectorCounts, type InspectorSimulation } from "shuangsuiji/stats";
 * declare const sim: InspectorSimulation;
 * inclusionChiSquare(inspectorCounts(sim.drawn["SCJG"] ?? {}, ["SCJG-1", "SCJG-2", "SCJG-3"], 2, sim.runs));
 * ```
 */
export function inspectorCounts(counts: Readonly<Record<string, number>>, eligibleIds: readonly string[], perRun: number, runs: number): InclusionCounts {
  const ids = [...eligibleIds].sort();
  return Object.freeze({ ids, k: perRun, runs, counts: ids.map((id) => counts[id] ?? 0), adjacentPairs: 0 });
}
