/**
 * Exact feasibility for one department's stage-2 draw under a workload cap (docs/spec-v1.md §9.3): every group needs
 * `m` distinct inspectors among those allowed for it, and no inspector serves more than `cap` groups. This is a
 * bipartite b-matching, decided by augmenting paths before any random choice, and kept feasible pick by pick, so that
 * whether a draw succeeds never depends on the seed (no "re-draw until it works").
 */
export interface AssignmentPlanner {
  /** Number of inspectors matched to each group by the initial maximum matching (all `m` when feasible). */
  readonly matched: readonly number[];
  /** Whether every group can get its `m` inspectors. */
  readonly feasible: boolean;
  /** Fixes inspector `i` in group `g` if the rest stays completable; false (and nothing changed) otherwise. */
  commit(g: number, i: number): boolean;
  /** Whether {@link commit} would succeed; the plan may be rerouted but nothing is fixed. */
  probe(g: number, i: number): boolean;
}

export function planAssignment(groups: number, inspectors: number, m: number, cap: number, allowed: (g: number, i: number) => boolean): AssignmentPlanner {
  const assign: Set<number>[] = Array.from({ length: groups }, () => new Set());
  const fixed: Set<number>[] = Array.from({ length: groups }, () => new Set());
  const users: Set<number>[] = Array.from({ length: inspectors }, () => new Set());
  const load = new Int32Array(inspectors);
  const add = (g: number, i: number) => {
    assign[g]?.add(i);
    users[i]?.add(g);
    load[i] = (load[i] as number) + 1;
  };
  const remove = (g: number, i: number) => {
    assign[g]?.delete(i);
    users[i]?.delete(g);
    load[i] = (load[i] as number) - 1;
  };
  type Step = { group: number; prev: number };
  // Breadth-first search for an alternating path from the sources to an inspector below the cap; applies it.
  const augment = (sources: readonly [number, Step][], root = -1): boolean => {
    const parent = new Map<number, Step>();
    if (root >= 0) parent.set(root, { group: -1, prev: -1 }); // the over-cap inspector being relieved: never a node
    const queue: number[] = [];
    for (const [j, step] of sources) {
      if (parent.has(j)) continue;
      parent.set(j, step);
      queue.push(j);
    }
    for (let q = 0; q < queue.length; q++) {
      const i = queue[q] as number;
      if ((load[i] as number) < cap) {
        for (let j = i; ; ) {
          const { group, prev } = parent.get(j) as Step;
          add(group, j);
          if (prev < 0) break;
          remove(group, prev);
          if (prev === root) break;
          j = prev;
        }
        return true;
      }
      for (const h of users[i] as Set<number>) {
        if (fixed[h]?.has(i)) continue;
        for (let j = 0; j < inspectors; j++) {
          if (parent.has(j) || assign[h]?.has(j) || !allowed(h, j)) continue;
          parent.set(j, { group: h, prev: i });
          queue.push(j);
        }
      }
    }
    return false;
  };
  const grow = (g: number): boolean => {
    const sources: [number, Step][] = [];
    for (let i = 0; i < inspectors; i++) if (!assign[g]?.has(i) && allowed(g, i)) sources.push([i, { group: g, prev: -1 }]);
    return augment(sources);
  };
  const matched: number[] = [];
  let feasible = true;
  for (let g = 0; g < groups; g++) {
    let k = 0;
    while (k < m && grow(g)) k++;
    matched.push(k);
    if (k < m) feasible = false;
  }
  const commit = (g: number, i: number): boolean => {
      const mine = assign[g] as Set<number>;
      if (mine.has(i)) {
        fixed[g]?.add(i);
        return true;
      }
      // swap one of g's unfixed planned inspectors for i, then move another group off i if i is now over the cap
      const d = [...mine].find((x) => !fixed[g]?.has(x));
      if (d === undefined || !allowed(g, i)) return false;
      remove(g, d);
      add(g, i);
      fixed[g]?.add(i);
      if ((load[i] as number) <= cap) return true;
      const sources: [number, Step][] = [];
      for (const h of users[i] as Set<number>) {
        if (fixed[h]?.has(i)) continue;
        for (let j = 0; j < inspectors; j++) if (!assign[h]?.has(j) && allowed(h, j)) sources.push([j, { group: h, prev: i }]);
      }
      if (augment(sources, i)) return true;
      fixed[g]?.delete(i);
      remove(g, i);
      add(g, d);
      return false;
  };
  return {
    matched,
    feasible,
    commit,
    probe(g: number, i: number): boolean {
      if (fixed[g]?.has(i)) return false;
      const ok = commit(g, i);
      // a successful commit leaves a valid plan that uses i in g; un-fixing it keeps the plan valid
      if (ok) fixed[g]?.delete(i);
      return ok;
    },
  };
}
