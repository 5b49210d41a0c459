/**
 * README "Limits": record-shaped arguments (draw records, the shards merged into one) are read with a limit that
 * scales with the units selected (INPUT_LIMITS.maxRecordNodes), every other argument with the 5·10⁶-value limit.
 */
import { describe, expect, it } from "vitest";
import { INPUT_LIMITS, RECORD_READ, readPlain } from "../../src/_internal/boundary.js";
import { commitPool, createSeed, mergeTargetShards } from "../../src/index.js";
import { ShuangsuijiError } from "../../src/errors/ShuangsuijiError.js";

const rulesOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof ShuangsuijiError ? e.issues.map((i) => i.rule) : ["not a ShuangsuijiError"];
  }
  return [];
};

describe("record-shaped read limits", () => {
  // 2.1·10⁶ candidates: 6.3·10⁶ values and one array of 2.1·10⁶ elements, over both general limits
  const n = 2_100_000;
  const ticket = "f".repeat(64);
  const candidates = Array.from({ length: n }, (_, i) => ({ unitId: `U${i}`, ticket }));

  it("the general limit refuses them, the record limit reads them; the record limit is bounded too", () => {
    expect(rulesOf(() => readPlain(candidates, ["x"]))).toEqual(["input-limit"]);
    expect(rulesOf(() => readPlain(candidates, ["x"], RECORD_READ))).toEqual([]);
    expect(INPUT_LIMITS.maxRecordNodes).toBeGreaterThan(3 * n);
    expect(Number.isFinite(INPUT_LIMITS.maxRecordNodes)).toBe(true);
    const over = { maxNodes: 10, maxArrayLength: INPUT_LIMITS.maxRecordArrayLength };
    expect(rulesOf(() => readPlain(candidates, ["x"], over))).toEqual(["input-limit"]);
  });

  it("mergeTargetShards reads a shard with 2.1·10⁶ candidates (then checks it on its merits)", () => {
    const seed = createSeed("00112233445566778899aabbccddeeff", { kind: "other", description: "limits" });
    const commitment = commitPool([{ id: "U0", riskClass: "A" }]);
    const shard = {
      kind: "target-draw-shard", algorithm: "shuangsuiji/stage1/v1", taskId: "T", seed: seed.value, commitmentCheck: "digest",
      state: { sum: "0".repeat(64), unitCount: n, strata: { A: n }, ineligible: {} }, candidates: { A: candidates },
    };
    const rules = rulesOf(() => mergeTargetShards([shard as never], { taskId: "T", seed, commitment, policy: { strata: { A: { count: 1 } } } }));
    expect(rules.length).toBeGreaterThan(0); // not the committed pool
    expect(rules).not.toContain("input-limit");
  });
});
