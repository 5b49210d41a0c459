import { bench, describe } from "vitest";
import { createHash } from "node:crypto";
import { commitPool, createSeed, drawInspectors, drawTargets, lockTargetDraw, type Inspector } from "../src/index.js";
import { simulateInclusion } from "../src/stats/index.js";

const CLASSES = ["A", "B", "C", "D"];
const million = Array.from({ length: 1_000_000 }, (_, i) => ({ id: `91411303${String(i).padStart(10, "0")}`, riskClass: CLASSES[i % 4] as string }));
const seed = createSeed("0123456789abcdef".repeat(4), { kind: "other", description: "bench" });
const policy = { strata: { A: { ratio: 0.05 }, B: { ratio: 0.05 }, C: { ratio: 0.05 }, D: { ratio: 0.05 } } };
const commitment = commitPool(million);
const opts = { iterations: 5, warmupIterations: 1, time: 0 };

describe("stage 1: 10^6 units, 4 strata, 5%", () => {
  bench("drawTargets (commitmentCheck: counts)", () => void drawTargets({ taskId: "BENCH", pool: million, policy, seed, commitment, commitmentCheck: "counts" }), opts);
  bench("drawTargets (commitmentCheck: digest, default)", () => void drawTargets({ taskId: "BENCH", pool: million, policy, seed, commitment }), opts);
  bench("commitPool", () => void commitPool(million), opts);
  bench("node:crypto SHA-256 once per unit (reference)", () => {
    for (const u of million) createHash("sha256").update(u.id).digest();
  }, opts);
});

const tenK = Array.from({ length: 10_000 }, (_, i) => ({ id: `T${String(i).padStart(5, "0")}`, riskClass: "A" }));
const locked = lockTargetDraw(drawTargets({ taskId: "BENCH2", pool: tenK, seed, commitment: commitPool(tenK), policy: { strata: { A: { ratio: 1 } } } }), { lockedOn: "2026-04-02", lockedBy: "bench" });
const departments = ["D1", "D2", "D3", "D4", "D5"].map((d) => ({
  departmentId: d,
  requiredExpertise: ["食品"],
  inspectors: Array.from({ length: 300 }, (_, i): Inspector => ({ id: `${d}-${i}`, name: `n${i}`, departmentId: d, category: "qualified-staff", expertise: ["食品"] })),
}));
const seed2 = createSeed("fedcba9876543210".repeat(4), { kind: "other", description: "bench 2" });

describe("stage 2: 10^4 targets × 5 departments × 300 inspectors", () => {
  bench("drawInspectors", () => void drawInspectors({ locked, seed: seed2, initiatingDepartmentId: "D1", departments }), { iterations: 20, warmupIterations: 3, time: 0 });
});

const hundred = Array.from({ length: 100 }, (_, i) => `U${i}`);
describe("fairness simulation: 2×10^4 draws of 100 units", () => {
  bench("simulateInclusion (real stage-1 algorithm, k = 5)", () => void simulateInclusion({ ids: hundred, k: 5, runs: 20_000, baseSeed: "bench" }), { iterations: 3, warmupIterations: 1, time: 0 });
});
