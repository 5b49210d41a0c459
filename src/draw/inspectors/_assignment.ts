/**
 * Exact feasibility for one department's stage-2 draw under a workload cap (docs/spec-v1.md §9.3): every group needs
 * `m` distinct inspectors among those allowed for it (not recused), and no inspector serves more than `cap` groups.
 * This is a bipartite b-matching (a max flow source → group (m) → inspector (1) → sink (cap)), decided before any
 * random choice and kept feasible pick by pick, so that whether a draw succeeds never depends on the seed.
 *
 * Every answer is a property of the instance, not of this algorithm: `group`/`matched` of an infeasible instance are
 * the first group `k` whose prefix 0…k has max flow below (k+1)·m and that flow minus k·m; `commit(g, i)` is true
 * exactly when some complete assignment contains the pairs fixed so far and (g, i). So the draw's output is the same
 * for any exact method (checked against a brute-force oracle and recorded outcomes in test/draw/stage2.test.ts).
 *
 * Method: groups are planned in order, each first greedily from inspectors below the cap, then by augmenting paths
 * (breadth-first, source side). The graph is complete minus the recusals, so a breadth-first step from a group scans
 * the list of not-yet-visited inspectors and removes those it reaches: each search costs O(inspectors + groups·m +
 * recusals), never O(groups × inspectors). A pick (g, i) is committed by finding a residual cycle through g → i:
 * an alternating path from i to an inspector below the cap or to one of g's own unfixed planned inspectors. The
 * picks that can still complete a group are the inspectors that reach such a terminal, found by one reverse search.
 */
export type AssignmentPlan =
  | { readonly feasible: false; /** First group the matching cannot complete. */ readonly group: number; /** Inspectors it can get. */ readonly matched: number }
  | AssignmentPlanner;

/** The plan of a feasible instance, kept complete as picks are fixed. */
export interface AssignmentPlanner {
  readonly feasible: true;
  /** Fixes inspector `i` in group `g` if every group stays completable; false (and nothing changed) otherwise. */
  commit(g: number, i: number): boolean;
  /** For each inspector, 1 when {@link commit}(g, i) would succeed now (for `i` allowed in `g` and not yet fixed there). */
  completable(g: number): Uint8Array;
}

/**
 * Plans `groups` groups of `m` from `inspectors` inspectors (indices), each inspector in at most `cap` groups;
 * `recused[g]` holds the inspectors not allowed in group g.
 */
export function planAssignment(groups: number, inspectors: number, m: number, cap: number, recused: readonly (ReadonlySet<number> | undefined)[]): AssignmentPlan {
  const N = inspectors;
  const plan = new Int32Array(groups * m).fill(-1); // group h's planned inspectors at h·m…h·m+cnt[h]−1, fixed ones first
  const cnt = new Int32Array(groups);
  const fixedCnt = new Int32Array(groups);
  const load = new Int32Array(N);
  const users: number[][] = Array.from({ length: N }, () => []); // groups planning the inspector, unfixed pairs only
  // inspectors below the cap, as a set with O(1) insertion and removal
  const slack = new Int32Array(N);
  const slackPos = new Int32Array(N);
  let slackLen = 0;
  if (cap > 0) for (let x = 0; x < N; x++) {
    slack[slackLen] = x;
    slackPos[x] = slackLen++;
  }
  else slackPos.fill(-1);
  const setLoad = (x: number, v: number) => {
    const was = (load[x] as number) < cap;
    load[x] = v;
    const is = v < cap;
    if (was && !is) {
      const p = slackPos[x] as number;
      const last = slack[--slackLen] as number;
      slack[p] = last;
      slackPos[last] = p;
      slackPos[x] = -1;
    } else if (!was && is) {
      slack[slackLen] = x;
      slackPos[x] = slackLen++;
    }
  };
  const allowed = (h: number, x: number) => recused[h]?.has(x) !== true;
  const inPlan = (h: number, x: number) => {
    for (let p = h * m, e = p + (cnt[h] as number); p < e; p++) if (plan[p] === x) return true;
    return false;
  };
  const dropUser = (x: number, h: number) => {
    const u = users[x] as number[];
    const p = u.indexOf(h);
    u[p] = u[u.length - 1] as number;
    u.pop();
  };
  const add = (h: number, x: number) => {
    plan[h * m + (cnt[h] as number)] = x;
    cnt[h] = (cnt[h] as number) + 1;
    (users[x] as number[]).push(h);
    setLoad(x, (load[x] as number) + 1);
  };
  /** Group h drops its unfixed inspector y and takes x instead. */
  const replace = (h: number, y: number, x: number) => {
    let p = h * m + (fixedCnt[h] as number);
    while (plan[p] !== y) p++;
    plan[p] = x;
    dropUser(y, h);
    (users[x] as number[]).push(h);
    setLoad(y, (load[y] as number) - 1);
    setLoad(x, (load[x] as number) + 1);
  };

  // search state, reused: inspectors not yet visited (a list scanned and shrunk in place), parents, group stamps
  const unv = new Int32Array(N);
  const unvPos = new Int32Array(N);
  let unvLen = 0;
  const resetUnvisited = () => {
    for (let x = 0; x < N; x++) {
      unv[x] = x;
      unvPos[x] = x;
    }
    unvLen = N;
  };
  const visit = (x: number) => {
    const p = unvPos[x] as number;
    const last = unv[--unvLen] as number;
    unv[p] = last;
    unvPos[last] = p;
    unvPos[x] = -1;
  };
  const parentGroup = new Int32Array(N); // the group that takes the inspector on the path
  const parentInsp = new Int32Array(groups); // the inspector the group gives up on the path
  const groupSeen = new Int32Array(groups);
  const mark = new Int32Array(N);
  let stamp = 0;
  const queue = new Int32Array(N);

  let qEnd = 0;
  const planned = new Int32Array(N);
  let markStamp = 0;
  /**
   * Breadth-first search over alternating paths. The search has visited `queue[0…qEnd)`; it expands each inspector to
   * the unvisited groups planning it, and each such group to the unvisited inspectors it may take. Returns the first
   * inspector for which `terminal` holds, or −1.
   */
  const search = (terminal: (y: number) => boolean): number => {
    for (let q = 0; q < qEnd; q++) {
      const x = queue[q] as number;
      for (const h of users[x] as number[]) {
        if (groupSeen[h] === stamp) continue;
        groupSeen[h] = stamp;
        parentInsp[h] = x;
        const found = expand(h, terminal);
        if (found >= 0) return found;
      }
    }
    return -1;
  };
  /** Visits every unvisited inspector group h may take (allowed, not planned in h); returns a terminal one or −1. */
  const expand = (h: number, terminal: (y: number) => boolean): number => {
    const planMark = ++markStamp;
    for (let p = h * m, e = p + (cnt[h] as number); p < e; p++) planned[plan[p] as number] = planMark;
    const rec = recused[h];
    for (let k = 0; k < unvLen; ) {
      const y = unv[k] as number;
      if (planned[y] === planMark || rec?.has(y) === true) {
        k++;
        continue;
      }
      visit(y); // unv[k] now holds another inspector: do not advance
      parentGroup[y] = h;
      if (terminal(y)) return y;
      queue[qEnd++] = y;
    }
    return -1;
  };

  // ---- planning, group by group: the first group that cannot be completed is reported with what it could get
  const isSlack = (y: number) => (load[y] as number) < cap;
  for (let g = 0; g < groups; g++) {
    const rec = recused[g];
    // greedy: inspectors below the cap, allowed, not yet in g
    const greedyMark = ++markStamp;
    for (let k = 0; k < slackLen && (cnt[g] as number) < m; ) {
      const x = slack[k] as number;
      if (planned[x] === greedyMark || rec?.has(x) === true) {
        k++;
        continue;
      }
      planned[x] = greedyMark;
      add(g, x); // if x reached the cap, slack[k] now holds another inspector
      if (slack[k] === x) k++;
    }
    while ((cnt[g] as number) < m) {
      stamp++;
      groupSeen[g] = stamp;
      resetUnvisited();
      qEnd = 0;
      let y = expand(g, isSlack);
      if (y < 0) y = search(isSlack);
      if (y < 0) return { feasible: false, group: g, matched: cnt[g] as number };
      for (;;) {
        const h = parentGroup[y] as number;
        if (h === g) {
          add(g, y);
          break;
        }
        const z = parentInsp[h] as number;
        replace(h, z, y);
        y = z;
      }
    }
  }

  const fix = (h: number, x: number) => {
    let p = h * m + (fixedCnt[h] as number);
    while (plan[p] !== x) p++;
    const f = h * m + (fixedCnt[h] as number);
    plan[p] = plan[f] as number;
    plan[f] = x;
    fixedCnt[h] = (fixedCnt[h] as number) + 1;
    dropUser(x, h);
  };
  const unfixedIn = (g: number, x: number) => {
    for (let p = g * m + (fixedCnt[g] as number), e = g * m + m; p < e; p++) if (plan[p] === x) return true;
    return false;
  };
  const gMark = new Int32Array(N);
  let gStamp = 0;

  return {
    feasible: true,
    commit(g: number, i: number): boolean {
      if (unfixedIn(g, i)) {
        fix(g, i);
        return true;
      }
      if ((fixedCnt[g] as number) >= m || inPlan(g, i) || !allowed(g, i)) return false;
      const d = plan[g * m + (fixedCnt[g] as number)] as number; // some unfixed planned member of g
      if (isSlack(i)) {
        replace(g, d, i);
        fix(g, i);
        return true;
      }
      // i must give up one of its groups: find an alternating path from i to an inspector below the cap or to one of
      // g's unfixed members (g itself is never expanded)
      const own = ++gStamp;
      for (let p = g * m + (fixedCnt[g] as number), e = g * m + m; p < e; p++) gMark[plan[p] as number] = own;
      stamp++;
      groupSeen[g] = stamp;
      resetUnvisited();
      visit(i);
      queue[0] = i;
      qEnd = 1;
      const y = search((x) => gMark[x] === own || isSlack(x));
      if (y < 0) return false;
      const viaOwn = gMark[y] === own;
      for (let x = y; ; ) {
        const h = parentGroup[x] as number;
        const z = parentInsp[h] as number;
        replace(h, z, x);
        if (z === i) break;
        x = z;
      }
      replace(g, viaOwn ? y : d, i);
      fix(g, i);
      return true;
    },
    completable(g: number): Uint8Array {
      // reverse search from the terminals (inspectors below the cap, g's unfixed members): an inspector reaches a
      // terminal when a group other than g that plans it (unfixed) may take an inspector already reached
      const reach = new Uint8Array(N);
      if ((fixedCnt[g] as number) >= m) return reach;
      let qLen = 0;
      for (let x = 0; x < N; x++) if (isSlack(x)) {
        reach[x] = 1;
        queue[qLen++] = x;
      }
      for (let p = g * m + (fixedCnt[g] as number), e = g * m + m; p < e; p++) {
        const x = plan[p] as number;
        if (reach[x] === 0) {
          reach[x] = 1;
          queue[qLen++] = x;
        }
      }
      // groups not yet reached that still have unfixed members (others lead nowhere), as a shrinking list
      const open: number[] = [];
      for (let h = 0; h < groups; h++) if (h !== g && (fixedCnt[h] as number) < m) open.push(h);
      for (let q = 0; q < qLen && open.length > 0; q++) {
        const x = queue[q] as number;
        for (let k = 0; k < open.length; ) {
          const h = open[k] as number;
          if (inPlan(h, x) || !allowed(h, x)) {
            k++;
            continue;
          }
          open[k] = open[open.length - 1] as number;
          open.pop();
          for (let p = h * m + (fixedCnt[h] as number), e = h * m + m; p < e; p++) {
            const y = plan[p] as number;
            if (reach[y] === 0) {
              reach[y] = 1;
              queue[qLen++] = y;
            }
          }
        }
      }
      return reach;
    },
  };
}
