import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import {
  ShuangsuijiError, commitPool, commitPoolAsync, computeQuota, createSeed, drawTargetShard, drawTargets, drawTargetsAsync,
  mergeTargetShards, verifyTargetDraw, verifyTicket, type DrawUnit, type SamplingPolicy, type TargetDrawRecord,
} from "../../src/index.js";
import { computeGolden, computeGoldenStage2 } from "./_golden.js";

const CLASSES = ["A", "B", "C", "D"] as const;
const unitsArb = fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[0-9A-Z]{4,10}$/), riskClass: fc.constantFrom(...CLASSES) }), { maxLength: 80, selector: (u) => u.id });
const seedArb = fc.uint8Array({ minLength: 16, maxLength: 32 }).map((b) => createSeed(Buffer.from(b).toString("hex"), { kind: "other", description: "property" }));
const policyArb: fc.Arbitrary<SamplingPolicy> = fc.record({
  strata: fc.record({
    A: fc.oneof(fc.record({ ratio: fc.integer({ min: 0, max: 100 }).map((p) => p / 100) }), fc.record({ count: fc.integer({ min: 0, max: 30 }) })),
    B: fc.record({ ratio: fc.integer({ min: 0, max: 100 }).map((p) => p / 100) }),
    C: fc.record({ count: fc.integer({ min: 0, max: 30 }), min: fc.constant(0) }),
    D: fc.record({ ratio: fc.constant(1) }),
  }),
  rounding: fc.constantFrom("ceil" as const, "floor" as const, "half-up" as const),
});
const draw = (pool: readonly DrawUnit[], policy: SamplingPolicy, seed = createSeed("00".repeat(16), { kind: "other", description: "t" }), taskId = "T-1") =>
  drawTargets({ taskId, pool, policy, seed, commitment: commitPool(pool) });
const ids = (r: TargetDrawRecord) => r.strata.map((s) => [s.riskClass, s.selected.map((u) => u.unitId)]);
const FC = { seed: 2026, numRuns: 200 };

describe("stage 1 properties (draw-research.md properties 1–9)", () => {
  it("determinism: same inputs → identical record", () => {
    fc.assert(fc.property(unitsArb, policyArb, seedArb, (pool, policy, seed) => {
      expect(draw(pool, policy, seed)).toEqual(draw(pool, policy, seed));
    }), FC);
  });
  it("order independence: any permutation of the pool gives the identical record", () => {
    fc.assert(
      fc.property(unitsArb, policyArb, seedArb, fc.nat(), (pool, policy, seed, k) => {
        const shuffled = [...pool].sort((a, b) => ((a.id.charCodeAt(k % a.id.length) ^ k) % 7) - ((b.id.charCodeAt(k % b.id.length) ^ k) % 7)).reverse();
        expect(draw(shuffled, policy, seed)).toEqual(draw(pool, policy, seed));
      }),
      FC,
    );
  });
  it("exact quotas, no duplicates, selected ⊆ eligible stratum, census when quota = size", () => {
    fc.assert(
      fc.property(unitsArb, policyArb, seedArb, (pool, policy, seed) => {
        const r = draw(pool, policy, seed);
        const all = r.strata.flatMap((s) => s.selected.map((u) => u.unitId));
        expect(new Set(all).size).toBe(all.length);
        for (const s of r.strata) {
          const members = pool.filter((u) => u.riskClass === s.riskClass).map((u) => u.id);
          const rule = policy.strata[s.riskClass];
          const expected = rule === undefined ? 0 : computeQuota(rule, members.length, policy).quota;
          expect(s.size).toBe(members.length);
          expect(s.quota).toBe(expected);
          expect(s.selected.length).toBe(expected);
          for (const u of s.selected) expect(members).toContain(u.unitId);
          expect(s.census).toBe(members.length > 0 && expected === members.length);
          // tickets ascending; the threshold is the largest selected ticket
          const t = s.selected.map((u) => u.ticket);
          expect([...t].sort()).toEqual(t);
          expect(s.threshold).toBe(t.length > 0 ? t[t.length - 1] : null);
        }
      }),
      FC,
    );
  });
  it("100% ratio takes the whole stratum; an empty stratum selects none", () => {
    const r = draw([{ id: "X1", riskClass: "D" }, { id: "X2", riskClass: "D" }], { strata: { A: { ratio: 0.5 }, D: { ratio: 1 } } });
    expect(ids(r)).toEqual([["A", []], ["D", expect.arrayContaining(["X1", "X2"])]]);
    expect(r.strata[1]?.census).toBe(true);
    expect(r.strata[1]?.quotaRule).toMatch(/Longting art\. 19/);
  });
  it("stratum independence: changing units in one stratum never changes another", () => {
    fc.assert(
      fc.property(unitsArb, policyArb, seedArb, fc.uniqueArray(fc.stringMatching(/^Z[0-9]{5}$/), { maxLength: 10 }), (pool, policy, seed, extra) => {
        const a = draw(pool, policy, seed);
        const b = draw([...pool.filter((u) => u.riskClass !== "C"), ...extra.map((id) => ({ id, riskClass: "C" as const }))], policy, seed);
        for (const cls of ["A", "B", "D"]) expect(b.strata.find((s) => s.riskClass === cls)).toEqual(a.strata.find((s) => s.riskClass === cls));
      }),
      FC,
    );
  });
  it("a reclassified unit keeps its ticket (the class is not hashed)", () => {
    const seed = createSeed("ab".repeat(16), { kind: "other", description: "t" });
    const a = draw([{ id: "U1", riskClass: "A" }], { strata: { A: { ratio: 1 }, B: { ratio: 1 } } }, seed);
    const b = draw([{ id: "U1", riskClass: "B" }], { strata: { A: { ratio: 1 }, B: { ratio: 1 } } }, seed);
    expect(a.strata[0]?.selected[0]?.ticket).toBe(b.strata[1]?.selected[0]?.ticket);
  });
  it("shard-and-merge equals the single pass, for any partition", () => {
    fc.assert(
      fc.property(unitsArb, policyArb, seedArb, fc.array(fc.nat(3)), (pool, policy, seed, parts) => {
        const commitment = commitPool(pool);
        const input = { taskId: "T-1", policy, seed, commitment };
        const shards = [0, 1, 2, 3].map((k) => drawTargetShard({ ...input, pool: pool.filter((_, i) => (parts[i] ?? 0) === k) }));
        expect(mergeTargetShards(shards, input)).toEqual(drawTargets({ ...input, pool }));
      }),
      FC,
    );
  });
  it("locality: a unit is selected exactly when its ticket ≤ its stratum's threshold (verifyTicket)", () => {
    fc.assert(
      fc.property(unitsArb, policyArb, seedArb, (pool, policy, seed) => {
        const r = draw(pool, policy, seed);
        for (const u of pool) {
          const check = verifyTicket(r, { unitId: u.id, riskClass: u.riskClass });
          expect(check.consistent).toBe(true);
        }
      }),
      { ...FC, numRuns: 100 },
    );
  });
  it("async iterables give the same record as arrays", async () => {
    const pool = Array.from({ length: 500 }, (_, i) => ({ id: `U${i}`, riskClass: CLASSES[i % 4]! }));
    async function* gen() {
      for (const u of pool) yield u;
    }
    const seed = createSeed("cd".repeat(16), { kind: "other", description: "t" });
    const commitment = await commitPoolAsync(gen());
    expect(commitment).toEqual(commitPool(pool));
    const policy = { strata: { A: { ratio: 0.05 }, B: { ratio: 0.1 }, C: { ratio: 0.2 }, D: { ratio: 0.5 } } };
    expect(await drawTargetsAsync({ taskId: "T", pool: gen(), policy, seed, commitment })).toEqual(drawTargets({ taskId: "T", pool, policy, seed, commitment }));
  });
});

describe("verification detects any single change (property 15)", () => {
  const pool = Array.from({ length: 60 }, (_, i) => ({ id: `U${String(i).padStart(3, "0")}`, riskClass: CLASSES[i % 4]! }));
  const policy = { strata: { A: { ratio: 0.2 }, B: { ratio: 0.2 }, C: { count: 5 }, D: { ratio: 0.5 } } };
  const seed = createSeed("ef".repeat(16), { kind: "other", description: "t" });
  const record = drawTargets({ taskId: "T-V", pool, policy, seed, commitment: commitPool(pool) });
  it("the genuine record verifies (an `other` seed is noted as not verifiable)", () => expect(verifyTargetDraw(record, pool)).toEqual({ ok: true, notes: [expect.objectContaining({ code: "seed-provenance-not-verifiable" })] }));
  it("a removed, added or reclassified unit in the pool is caught", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 59 }), fc.constantFrom("remove", "add", "reclass"), (i, op) => {
        const p = [...pool];
        if (op === "remove") p.splice(i, 1);
        if (op === "add") p.push({ id: `NEW${i}`, riskClass: CLASSES[i % 4]! });
        if (op === "reclass") p[i] = { ...p[i]!, riskClass: CLASSES[(i + 1) % 4]! };
        const v = verifyTargetDraw(record, p);
        expect(v.ok).toBe(false);
        if (!v.ok) expect(v.mismatches.map((m) => m.field)).toContain("poolCommitment.digest");
      }),
      { seed: 5, numRuns: 120 },
    );
  });
  it("a changed seed, policy or task id is caught (the digest no longer matches the content)", () => {
    const tampered = [
      { ...record, seed: { ...record.seed, value: "ee".repeat(16) } },
      { ...record, policy: { strata: { ...policy.strata, A: { ratio: 0.3 } } } },
      { ...record, taskId: "T-W" },
    ] as TargetDrawRecord[];
    for (const t of tampered) {
      const v = verifyTargetDraw(t, pool);
      expect(v.ok).toBe(false);
      if (!v.ok) expect(v.mismatches.map((m) => m.field)).toContain("digest");
    }
  });
  it("a swapped selected unit is caught even when the digest is recomputed to match", async () => {
    const { digestOf } = await import("../../src/draw/_shared/_encoding.js");
    const strata = record.strata.map((s) => (s.riskClass === "A" ? { ...s, selected: [{ ...s.selected[0]!, unitId: "U001" }, ...s.selected.slice(1)] } : s));
    const { digest: _d, ...body } = { ...record, strata };
    const forged = { ...body, digest: digestOf(body) } as TargetDrawRecord;
    const v = verifyTargetDraw(forged, pool);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.mismatches.map((m) => m.field)).toContain("strata.A.selected[0].unitId");
    // the record no longer agrees with itself (the swapped-in unit's ticket is not the one listed): every enterprise is told
    expect(verifyTicket(forged, { unitId: "U001", riskClass: "B" }).status).toBe("inconsistent");
  });
});

describe("seed discipline and commitment", () => {
  const pool = [{ id: "U1", riskClass: "A" }, { id: "U2", riskClass: "A" }];
  it("a seed under 128 bits is refused", () => {
    expect(() => drawTargets({ taskId: "T", pool, policy: { strata: { A: { count: 1 } } }, commitment: commitPool(pool), seed: { value: "0123456789abcdef", provenance: { kind: "other", description: "x" } } })).toThrowError(
      expect.objectContaining({ code: "seed-too-weak" }),
    );
  });
  it("drawing from a pool other than the committed one is refused (digest and counts modes)", () => {
    const seed = createSeed("01".repeat(16), { kind: "other", description: "t" });
    const commitment = commitPool(pool);
    const other = [{ id: "U1", riskClass: "A" }, { id: "U3", riskClass: "A" }];
    expect(() => drawTargets({ taskId: "T", pool: other, policy: { strata: { A: { count: 1 } } }, commitment, seed })).toThrowError(expect.objectContaining({ code: "pool-commitment-mismatch" }));
    const bigger = [...pool, { id: "U3", riskClass: "A" }];
    expect(() => drawTargets({ taskId: "T", pool: bigger, policy: { strata: { A: { count: 1 } } }, commitment, seed, commitmentCheck: "counts" })).toThrowError(
      expect.objectContaining({ code: "pool-commitment-mismatch" }),
    );
  });
  it("bad units are all reported", () => {
    try {
      commitPool([{ id: " U1", riskClass: "A" }, { id: "U2", riskClass: "a" }, { id: "U3", riskClass: "A", registrationDate: "2026-02-30" }]);
      expect.unreachable();
    } catch (e) {
      expect((e as ShuangsuijiError).issues.map((i) => [i.path[0], i.rule])).toEqual([[0, "unit-id-canonical"], [1, "risk-class"], [2, "civil-date"]]);
    }
  });
});

describe("eligibility and policy rules (each cites its clause)", () => {
  const pool = [
    { id: "OLD-OK", riskClass: "A", registrationDate: "2020-01-01", status: "operating" },
    { id: "NEW", riskClass: "A", registrationDate: "2022-01-01", status: "operating" },
    { id: "GONE", riskClass: "A", registrationDate: "2019-01-01", status: "deregistered" },
    { id: "NODATE", riskClass: "A", status: "operating" },
    { id: "RECENT", riskClass: "A", registrationDate: "2018-01-01", status: "operating" },
  ];
  it("Yanshi 7.2: registered by 2021-12-31 and 存续; exclusions recorded with reasons", () => {
    const c = commitPool(pool, { eligibility: { registeredOnOrBefore: "2021-12-31", statuses: ["operating"] }, exclusions: [{ unitId: "RECENT", reason: "inspected 2026-02" }] });
    expect(c.strata).toEqual({ A: 1 });
    expect(c.ineligible).toEqual({ excluded: 1, "registered-after-cutoff": 1, "registration-date-unknown": 1, "status-not-allowed": 1 });
    expect(c.exclusions).toEqual([{ unitId: "RECENT", reason: "inspected 2026-02" }]);
    const r = drawTargets({ taskId: "T", pool, commitment: c, policy: { strata: { A: { ratio: 1 } } }, seed: createSeed("02".repeat(16), { kind: "other", description: "t" }) });
    expect(r.strata[0]?.selected.map((u) => u.unitId)).toEqual(["OLD-OK"]);
  });
  it("Chongqing 5.2: a general item's ratio above its cap is refused; a key item may not have a cap", () => {
    const seed = createSeed("03".repeat(16), { kind: "other", description: "t" });
    const c = commitPool(pool);
    expect(() => drawTargets({ taskId: "T", pool, commitment: c, seed, policy: { strata: { A: { ratio: 0.5 } }, itemCategory: "general", generalMaxRatio: 0.2 } })).toThrowError(/Chongqing 5\.2/);
    expect(() => drawTargets({ taskId: "T", pool, commitment: c, seed, policy: { strata: { A: { ratio: 1 } }, itemCategory: "key", generalMaxRatio: 0.2 } })).toThrowError(/Chongqing 5\.2/);
    expect(drawTargets({ taskId: "T", pool, commitment: c, seed, policy: { strata: { A: { ratio: 1 } }, itemCategory: "key" } }).selectedCount).toBe(5);
  });
  it("overall floor (企业公示信息抽查 ≥3%): a policy drawing less is refused, not raised silently", () => {
    const big = Array.from({ length: 200 }, (_, i) => ({ id: `E${i}`, riskClass: i < 100 ? "A" : "B" }));
    const seed = createSeed("04".repeat(16), { kind: "other", description: "t" });
    const floor = { ratio: 0.03, basis: "企业公示信息抽查办法 art. 4" };
    expect(() => drawTargets({ taskId: "T", pool: big, commitment: commitPool(big), seed, policy: { strata: { A: { count: 2 }, B: { count: 2 } }, overallFloor: floor } })).toThrowError(/企业公示信息抽查办法/);
    expect(drawTargets({ taskId: "T", pool: big, commitment: commitPool(big), seed, policy: { strata: { A: { count: 3 }, B: { count: 3 } }, overallFloor: floor } }).selectedCount).toBe(6);
  });
  it("quota rounding is exact for decimal ratios (5% of 100 is 5, not 6)", () => {
    expect(computeQuota({ ratio: 0.05 }, 100).quota).toBe(5);
    expect(computeQuota({ ratio: 0.07 }, 100).quota).toBe(7);
    expect(computeQuota({ ratio: 0.05 }, 101).quota).toBe(6);
    expect(computeQuota({ ratio: 0.05 }, 101, { rounding: "floor" }).quota).toBe(5);
    expect(computeQuota({ ratio: 0.05 }, 110, { rounding: "half-up" }).quota).toBe(6);
    expect(computeQuota({ ratio: 0.05 }, 10, { rounding: "floor" }).quota).toBe(0);
    expect(computeQuota({ ratio: 0.05, min: 1 }, 10, { rounding: "floor" }).quota).toBe(1);
  });
});

describe("golden vectors (frozen: a change needs a new algorithm version)", () => {
  it("stage1-v1 tickets, commitment, selections and record digest are unchanged", () => {
    const frozen = JSON.parse(readFileSync(new URL("./golden/stage1-v1.json", import.meta.url), "utf8"));
    expect(computeGolden()).toEqual(frozen);
  });
  it("stage2-v1 teams, leaders and record digest are unchanged", () => {
    const frozen = JSON.parse(readFileSync(new URL("./golden/stage2-v1.json", import.meta.url), "utf8"));
    expect(computeGoldenStage2()).toEqual(frozen);
  });
});
