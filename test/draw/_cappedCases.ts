// Deterministic stage-2 draws under workload caps, recusals and tight directories (where picks must be replaced, spec
// §9.3). Their outcomes were recorded with the first (augmenting-path) planner in test/draw/stage2-capped-v1.json:
// any exact feasibility algorithm must reproduce them byte for byte.
import { commitPool, createSeed, drawInspectors, drawTargets, lockTargetDraw, type DrawInspectorsInput, type Inspector } from "../../src/index.js";
import { digestOf } from "../../src/draw/_shared/_encoding.js";

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return (n: number) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
}

const S1 = createSeed("11".repeat(16), { kind: "other", description: "stage 1" });
const lockCache = new Map<number, ReturnType<typeof lockTargetDraw>>();
function locked(n: number) {
  let l = lockCache.get(n);
  if (l === undefined) {
    const pool = Array.from({ length: n }, (_, i) => ({ id: `T${String(i).padStart(3, "0")}`, riskClass: "A" }));
    l = lockTargetDraw(drawTargets({ taskId: "T-CAP", pool, seed: S1, commitment: commitPool(pool), policy: { strata: { A: { ratio: 1 } } } }), { lockedOn: "2026-04-02", lockedBy: "test" });
    lockCache.set(n, l);
  }
  return l;
}

/** `count` inputs: 2–40 targets, group sizes 1–2, teams of 2–4, caps from tight to loose, recusals, two departments. */
export function cappedCases(count: number): DrawInspectorsInput[] {
  const r = rng(0x5eed2);
  const out: DrawInspectorsInput[] = [];
  for (let k = 0; k < count; k++) {
    const t = 2 + r(39);
    const l = locked(t);
    const targets = l.record.strata[0]!.selected.map((u) => u.unitId);
    const groupSize = r(4) === 0 ? 2 : 1;
    const groups = Math.ceil(t / groupSize);
    const m = 2 + r(3);
    const cap = 1 + r(Math.min(groups - 1, 4) + 1);
    // around the tight point: n × cap ≈ groups × m
    const n = Math.max(m, Math.ceil((groups * m) / cap) + r(4) - 1);
    const staff = (d: string, count: number): Inspector[] => Array.from({ length: count }, (_, i) => ({ id: `${d}-${String(i).padStart(3, "0")}`, name: `${d}${i}`, departmentId: d, category: "qualified-staff", expertise: [] }));
    const a = staff("A", n);
    const b = staff("B", 2 + r(6));
    const recusals = Array.from({ length: r(Math.min(8, t)) }, () => ({ inspectorId: `A-${String(r(n)).padStart(3, "0")}`, targetId: targets[r(t)]!, reason: "利害关系" }));
    const unique = [...new Map(recusals.map((x) => [`${x.inspectorId}|${x.targetId}`, x])).values()];
    const seed = createSeed(Array.from({ length: 32 }, () => "0123456789abcdef"[r(16)]).join(""), { kind: "other", description: `cap ${k}` });
    out.push({
      locked: l, seed, initiatingDepartmentId: "A", groupSize, recusals: unique,
      departments: [
        { departmentId: "A", inspectors: a, teamSize: m, workloadCap: cap },
        { departmentId: "B", inspectors: b, teamSize: 2, ...(r(2) === 0 ? { workloadCap: 1 + r(groups) } : {}) },
      ],
    });
  }
  return out;
}

/** The outcome of one case as a digest: the record digest, or the failure's canonical JSON digest. */
export function outcome(input: DrawInspectorsInput): string {
  const r = drawInspectors(input);
  return r.ok ? `ok ${r.record.digest}` : `fail ${digestOf(r)}`;
}
