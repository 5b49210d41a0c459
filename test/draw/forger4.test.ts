// Forger 4, attack 01: a commitment whose own counts contradict each other (eligibleCount, state, digest) is refused
// by every draw's setup, exactly as the record self-check refuses it, so no draw marks such a record built.
import { describe, expect, it } from "vitest";
import { commitPool, drawTargetShard, drawTargets, drawTargetsAsync, seedFromDice, type PoolCommitment } from "../../src/index.js";
import { targetRecordProblems } from "../../src/draw/records/_checkRecord.js";
import { refusal } from "../task/_scenario.js";

const DICE = { digits: "314159265358979323846264338327950288419", witnesses: ["张伟", "李娜"], date: "2026-04-01" };
const seed = seedFromDice(DICE);
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const smallPool = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `U-${String(i).padStart(3, "0")}`, riskClass: i % 2 === 0 ? "A" : "B", registrationDate: "2015-01-01", status: "operating" as const, divisionCode: "411302" }));

describe("01: the draw refuses a commitment that contradicts itself (docs/spec-v1.md §4)", () => {
  const pool = smallPool(40);
  const commitment = commitPool(pool, {});
  const policy = { strata: { A: { count: 2 }, B: { count: 2 } }, overallFloor: { ratio: 0.2, basis: "test floor 20%" } };
  const forgeries: [string, PoolCommitment][] = [
    ["eligibleCount deflated", { ...clone(commitment), eligibleCount: 20 }],
    ["eligibleCount deflated, state.sum garbage", { ...clone(commitment), eligibleCount: 20, state: { ...clone(commitment.state), sum: "ab".repeat(32) } }],
    ["state counts differ", { ...clone(commitment), state: { ...clone(commitment.state), unitCount: 41 } }],
    ["state.sum differs (digest no longer from the state)", { ...clone(commitment), state: { ...clone(commitment.state), sum: "cd".repeat(32) } }],
  ];
  it("the honest commitment: the floor refuses the policy; without the floor the draw succeeds", () => {
    expect(refusal(() => drawTargets({ taskId: "2026-T01", pool, policy, seed, commitment })).issues[0]?.rule).toBe("overall-floor");
    expect(drawTargets({ taskId: "2026-T01", pool, policy: { strata: policy.strata }, seed, commitment }).selectedCount).toBe(4);
  });
  for (const [name, forged] of forgeries) {
    it(`${name}: refused by drawTargets, drawTargetsAsync and drawTargetShard (commitment-consistency), as by the record check`, async () => {
      const e = refusal(() => drawTargets({ taskId: "2026-T01", pool, policy: { strata: policy.strata }, seed, commitment: forged }));
      expect(e.code).toBe("invalid-input");
      expect(e.issues.every((i) => i.rule === "commitment-consistency")).toBe(true);
      expect(e.issues[0]?.messageZh).toMatch(/名录承诺自相矛盾/);
      expect(e.issues[0]?.path[0]).toBe("commitment");
      expect(refusal(() => drawTargets({ taskId: "2026-T01", pool, policy, seed, commitment: forged })).issues[0]?.rule).toBe("commitment-consistency");
      await expect(drawTargetsAsync({ taskId: "2026-T01", pool, policy: { strata: policy.strata }, seed, commitment: forged })).rejects.toThrow(/commitment-consistency/);
      expect(refusal(() => drawTargetShard({ taskId: "2026-T01", pool, policy: { strata: policy.strata }, seed, commitment: forged })).issues[0]?.rule).toBe("commitment-consistency");
      // the same fields the record self-check names
      const honest = drawTargets({ taskId: "2026-T01", pool, policy: { strata: policy.strata }, seed, commitment });
      const fields = targetRecordProblems({ ...clone(honest), poolCommitment: forged }).map((m) => m.field).filter((f) => f.startsWith("poolCommitment"));
      expect(e.issues.map((i) => i.path.join(".").replace(/^commitment/, "poolCommitment"))).toEqual(fields);
    });
  }
});
