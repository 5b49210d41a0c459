import { commitPool, createSeed, drawTargets, lockTargetDraw, drawInspectors } from "./dist/index.js";
const pool = Array.from({ length: 10_000 }, (_, i) => ({ id: `T${String(i).padStart(5, "0")}`, riskClass: "A" }));
const locked = lockTargetDraw(drawTargets({ taskId: "BENCH", pool, seed: createSeed("44".repeat(16), { kind: "other", description: "b" }), commitment: commitPool(pool), policy: { strata: { A: { ratio: 1 } } } }), { lockedOn: "2026-04-02", lockedBy: "x" });
const depts = ["D1","D2","D3","D4","D5"].map((d) => ({ departmentId: d, inspectors: Array.from({ length: 300 }, (_, i) => ({ id: `${d}-${i}`, name: `n${i}`, departmentId: d, category: "qualified-staff", expertise: ["食品"] })), requiredExpertise: ["食品"] }));
for (let r = 0; r < 5; r++) {
  const t = performance.now();
  const res = drawInspectors({ locked, seed: createSeed("55".repeat(16), { kind: "other", description: "b" }), initiatingDepartmentId: "D1", departments: depts });
  console.log(`stage 2: ${(performance.now() - t).toFixed(0)} ms`, res.ok);
}
