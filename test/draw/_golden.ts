// The inputs of the frozen stage-1 golden vectors. Changing the algorithm's output for these inputs requires a new
// algorithm version (shuangsuiji/stage1/v2), never an edit of golden/stage1-v1.json.
import { commitPool, computeTicket, drawTargets, createSeed } from "../../src/index.js";

export const GOLDEN_SEED = createSeed("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", { kind: "other", description: "golden vector seed (0x00..0x1f)" });
export const GOLDEN_TASK = "GOLDEN-TASK-1";
export const GOLDEN_POOL = [
  { id: "91350100M000100Y43", riskClass: "A", registrationDate: "2015-03-08", status: "operating" },
  { id: "91330100716105852F", riskClass: "A", registrationDate: "2000-09-28", status: "operating" },
  { id: "9144030071526726XG", riskClass: "A", registrationDate: "1998-11-11", status: "operating" },
  { id: "914403001922038216", riskClass: "B", registrationDate: "1987-09-15", status: "operating" },
  { id: "91110000802100433B", riskClass: "B", registrationDate: "2001-06-05", status: "operating" },
  { id: "92411303MA9FXXXX01", riskClass: "B", registrationDate: "2022-03-01", status: "operating" },
  { id: "SITE-001", riskClass: "C", status: "operating" },
  { id: "SC10441030400002", riskClass: "C", registrationDate: "2019-01-01", status: "deregistered" },
  { id: "检查对象-甲", riskClass: "C", registrationDate: "2010-01-01", status: "operating" },
  { id: "检查对象-乙", riskClass: "D", registrationDate: "2011-01-01", status: "operating" },
  { id: "U-0011", riskClass: "D", registrationDate: "2012-01-01", status: "operating" },
  { id: "U-0012", riskClass: "D", registrationDate: "2013-01-01", status: "operating" },
];
export const GOLDEN_POLICY = { strata: { A: { ratio: 0.34 }, B: { count: 1 }, C: { ratio: 0.5 }, D: { ratio: 1 } } };
export const GOLDEN_OPTIONS = { eligibility: { registeredOnOrBefore: "2021-12-31", statuses: ["operating" as const], whenUnknown: "include" as const } };

export function computeGolden() {
  const commitment = commitPool(GOLDEN_POOL, GOLDEN_OPTIONS);
  const record = drawTargets({ taskId: GOLDEN_TASK, pool: GOLDEN_POOL, policy: GOLDEN_POLICY, seed: GOLDEN_SEED, commitment });
  return {
    algorithm: record.algorithm,
    seed: GOLDEN_SEED.value,
    taskId: GOLDEN_TASK,
    tickets: Object.fromEntries(GOLDEN_POOL.map((u) => [u.id, computeTicket({ seed: GOLDEN_SEED.value, taskId: GOLDEN_TASK, unitId: u.id })])),
    poolCommitmentDigest: commitment.digest,
    strata: record.strata.map((s) => ({ riskClass: s.riskClass, size: s.size, quota: s.quota, census: s.census, threshold: s.threshold, selected: s.selected.map((u) => u.unitId) })),
    recordDigest: record.digest,
  };
}

import { drawInspectors, lockTargetDraw, type Inspector } from "../../src/index.js";

export function computeGoldenStage2() {
  const commitment = commitPool(GOLDEN_POOL, GOLDEN_OPTIONS);
  const record = drawTargets({ taskId: GOLDEN_TASK, pool: GOLDEN_POOL, policy: GOLDEN_POLICY, seed: GOLDEN_SEED, commitment });
  const locked = lockTargetDraw(record, { lockedOn: "2026-04-02", lockedBy: "golden" });
  const staff = (dept: string, n: number, expertise: string[]): Inspector[] =>
    Array.from({ length: n }, (_, i) => ({ id: `${dept}-${String(i + 1).padStart(2, "0")}`, name: `${dept}${i + 1}`, departmentId: dept, category: "qualified-staff", expertise }));
  const r = drawInspectors({
    locked,
    seed: createSeed("202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f", { kind: "other", description: "golden stage-2 seed (0x20..0x3f)" }),
    initiatingDepartmentId: "SCJG",
    departments: [
      { departmentId: "SCJG", inspectors: staff("SCJG", 9, ["食品", "价格"]), requiredExpertise: ["食品"], teamSize: 2 },
      { departmentId: "WJW", inspectors: staff("WJW", 6, ["公共卫生"]), requiredExpertise: ["公共卫生"], teamSize: 2 },
    ],
    recusals: [{ inspectorId: "SCJG-01", targetId: "91330100716105852F", reason: "亲属关系" }],
  });
  if (!r.ok) throw new Error(r.messageEn);
  return {
    algorithm: r.record.algorithm,
    lockDigest: locked.digest,
    teams: r.record.departments.map((d) => ({ departmentId: d.departmentId, teams: d.teams.map((t) => [t.targetIds.join(","), t.inspectorIds.join(",")]) })),
    leaders: r.record.leaders.map((l) => [l.targetIds.join(","), l.leaderId]),
    recordDigest: r.record.digest,
  };
}
