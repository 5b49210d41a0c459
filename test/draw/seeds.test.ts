// Seeds bound to their provenance (docs/spec-v1.md §5), forgeries of each kind, ambiguous inputs refused all at once
// (§3), canonical records (§2) and the JSON Schemas a verifier reads.
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import {
  ShuangsuijiError, commitPool, commitSeedShare, computeTicket, createSeed, drawInspectors, drawTargets, lockTargetDraw, seedFromBeacon, seedFromDice, seedFromLottery,
  seedFromShares, verifyTargetDraw, type SeedRecord, type TargetDrawRecord,
} from "../../src/index.js";
import { digestOf } from "../../src/draw/_shared/_encoding.js";
import { buildJsonSchemas } from "../../scripts/build-schemas.js";
import { GOLDEN_OPTIONS, GOLDEN_POLICY, GOLDEN_POOL, GOLDEN_SEED, GOLDEN_TASK } from "./_golden.js";

const DIGITS = "271828182845904523536028747135266249775";
const a = "00112233445566778899aabbccddeeff";
const b = "ffeeddccbbaa99887766554433221100";
const seeds: Record<string, SeedRecord> = {
  dice: seedFromDice({ digits: DIGITS, witnesses: ["张伟", "李娜"], date: "2026-04-01" }),
  lottery: seedFromLottery({ name: "体彩排列5", drawId: "26101..26108", numbers: Array.from({ length: 40 }, (_, i) => (i * 7) % 10) }, { maxNumber: 9 }),
  beacon: seedFromBeacon({ source: "drand quicknet", round: "12345678", value: "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90" }),
  "commit-reveal": seedFromShares([{ party: "SCJG", commitment: commitSeedShare(a), reveal: a }, { party: "WJW", commitment: commitSeedShare(b), reveal: b }]),
};
const pool = [{ id: "U1", riskClass: "A" }, { id: "U2", riskClass: "A" }, { id: "U3", riskClass: "A" }];
const policy = { strata: { A: { count: 1 } } };
const reseal = (r: TargetDrawRecord, edit: (x: Record<string, unknown>) => void): TargetDrawRecord => {
  const x = JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
  edit(x);
  delete x.digest;
  return { ...x, digest: digestOf(x) } as unknown as TargetDrawRecord;
};

describe("seeds derive from their provenance; forgeries of each kind are refused", () => {
  for (const [kind, seed] of Object.entries(seeds)) {
    it(`${kind}: the derived seed is accepted by createSeed, a ground value behind the same provenance is not`, () => {
      expect(createSeed(seed.value, seed.provenance)).toEqual(seed);
      const ground = "0123456789abcdef".repeat(4);
      expect(() => createSeed(ground, seed.provenance)).toThrowError(expect.objectContaining({ issues: expect.arrayContaining([expect.objectContaining({ rule: "seed-derivation" })]) }));
      // a record drawn with a ground seed and its digest recomputed is caught by the verifier and refused by the lock
      const record = drawTargets({ taskId: "T", pool, policy, seed, commitment: commitPool(pool) });
      expect(verifyTargetDraw(record, pool)).toEqual({ ok: true, notes: [] });
      const forged = reseal(record, (x) => ((x.seed as { value: string }).value = ground));
      expect(verifyTargetDraw(forged, pool).ok).toBe(false);
      expect(() => lockTargetDraw(forged, { lockedOn: "2026-04-02", lockedBy: "x" })).toThrowError(ShuangsuijiError);
    });
  }
  it("dice: editing the digits, the date, a witness list with one person twice; beacon: another value; lottery: another number", () => {
    const p = seeds.dice!.provenance as Extract<SeedRecord["provenance"], { kind: "dice" }>;
    expect(() => createSeed(seeds.dice!.value, { ...p, digits: `${p.digits.slice(0, -1)}0` })).toThrowError(/derive/);
    expect(() => createSeed(seeds.dice!.value, { ...p, date: "2026-04-02" })).toThrowError(/derive/);
    expect(() => createSeed(seeds.dice!.value, { ...p, witnesses: ["张伟", "张伟"] })).toThrowError(ShuangsuijiError);
    const bp = seeds.beacon!.provenance as Extract<SeedRecord["provenance"], { kind: "beacon" }>;
    expect(() => createSeed(seeds.beacon!.value, { ...bp, value: `${bp.value.slice(0, -1)}1` })).toThrowError(/derive/);
    const lp = seeds.lottery!.provenance as Extract<SeedRecord["provenance"], { kind: "lottery" }>;
    expect(() => createSeed(seeds.lottery!.value, { ...lp, numbers: [1, ...lp.numbers.slice(1)] })).toThrowError(/derive/);
  });
  it("commit-reveal: a reveal that does not match its commitment, parties out of order, one party twice", () => {
    const p = seeds["commit-reveal"]!.provenance as Extract<SeedRecord["provenance"], { kind: "commit-reveal" }>;
    const [s0, s1] = p.shares as [(typeof p.shares)[0], (typeof p.shares)[0]];
    expect(() => createSeed(seeds["commit-reveal"]!.value, { kind: "commit-reveal", shares: [s0, { ...s1, reveal: a }] })).toThrowError(ShuangsuijiError);
    expect(() => createSeed(seeds["commit-reveal"]!.value, { kind: "commit-reveal", shares: [s1, s0] })).toThrowError(/party order/);
    expect(() => createSeed(seeds["commit-reveal"]!.value, { kind: "commit-reveal", shares: [s0, { ...s1, party: s0.party }] })).toThrowError(ShuangsuijiError);
  });
  it("other: accepted, verified, and reported as not verifiable", () => {
    const record = drawTargets({ taskId: GOLDEN_TASK, pool: GOLDEN_POOL, policy: GOLDEN_POLICY, seed: GOLDEN_SEED, commitment: commitPool(GOLDEN_POOL, GOLDEN_OPTIONS) });
    const v = verifyTargetDraw(record, GOLDEN_POOL);
    expect(v.ok).toBe(true);
    expect(v.notes.map((n) => n.code)).toEqual(["seed-provenance-not-verifiable"]);
  });
  it("the timeline: a seed fixed before the commitment was published, or dice rolled on another day, is refused", () => {
    const c = commitPool(pool);
    expect(() => drawTargets({ taskId: "T", pool, policy, seed: seeds.beacon!, commitment: c, timeline: { commitmentPublishedOn: "2026-04-05", seedFixedOn: "2026-04-01" } })).toThrowError(/before the pool commitment/);
    expect(() => drawTargets({ taskId: "T", pool, policy, seed: seeds.dice!, commitment: c, timeline: { seedFixedOn: "2026-04-03" } })).toThrowError(/rolled on 2026-04-01/);
    const ok = drawTargets({ taskId: "T", pool, policy, seed: seeds.dice!, commitment: c, timeline: { commitmentPublishedOn: "2026-03-30", seedFixedOn: "2026-04-01" } });
    expect(ok.timeline).toEqual({ commitmentPublishedOn: "2026-03-30", seedFixedOn: "2026-04-01" });
    expect(verifyTargetDraw(reseal(ok, (x) => ((x.timeline as Record<string, string>).commitmentPublishedOn = "2026-04-09")), pool).ok).toBe(false);
  });
});

describe("inputs that would make results ambiguous are refused, all listed at once", () => {
  it("seedFromLottery: NaN, missing options, numbers out of range or not whole — every one named", () => {
    const numbers = Array.from({ length: 40 }, () => 3);
    expect(() => seedFromLottery({ name: "x", drawId: "1", numbers }, { maxNumber: Number.NaN })).toThrowError(ShuangsuijiError);
    expect(() => seedFromLottery({ name: "x", drawId: "1", numbers }, undefined as never)).toThrowError(ShuangsuijiError);
    try {
      seedFromLottery({ name: "x", drawId: "1", numbers: [...numbers, 10, 1.5, -1] }, { maxNumber: 9 });
      expect.unreachable();
    } catch (e) {
      expect((e as ShuangsuijiError).issues.map((i) => i.path.join("."))).toEqual(["numbers.40", "numbers.41", "numbers.42"]);
    }
  });
  it("duplicate ids anywhere in a pool (same class or across classes) are refused at commit time, whatever the seed", () => {
    try {
      commitPool([{ id: "U1", riskClass: "A" }, { id: "U1", riskClass: "A" }, { id: "U2", riskClass: "B" }, { id: "U2", riskClass: "C" }]);
      expect.unreachable();
    } catch (e) {
      expect((e as ShuangsuijiError).issues.map((i) => [i.path[0], i.rule])).toEqual([[1, "unique-ids"], [3, "unique-ids"]]);
    }
  });
  it("ids that are not well-formed Unicode (lone surrogates, which would collide as U+FFFD) are refused", () => {
    expect(() => commitPool([{ id: "X\uD800", riskClass: "A" }, { id: "X\uDBFF", riskClass: "A" }])).toThrowError(expect.objectContaining({ issues: [expect.objectContaining({ rule: "unit-id-canonical" }), expect.objectContaining({ rule: "unit-id-canonical" })] }));
    expect(() => computeTicket({ seed: "00".repeat(16), taskId: "T", unitId: "X\uD800" })).toThrowError(ShuangsuijiError);
  });
});

describe("records are canonical: a re-run is byte-identical whatever the pool order", () => {
  it("JSON.stringify of the record equals its canonical JSON, for any order of the pool", () => {
    const units = [{ id: "Z", riskClass: "D" }, { id: "A", riskClass: "B" }, { id: "M", riskClass: "A" }, { id: "B", riskClass: "C" }];
    const seed = seeds.beacon!;
    const p2 = { strata: { A: { ratio: 1 }, B: { ratio: 1 }, C: { ratio: 1 }, D: { ratio: 1 } } };
    const one = JSON.stringify(drawTargets({ taskId: "T", pool: units, policy: p2, seed, commitment: commitPool(units) }));
    const rev = [...units].reverse();
    expect(JSON.stringify(drawTargets({ taskId: "T", pool: rev, policy: p2, seed, commitment: commitPool(rev) }))).toBe(one);
    const keys = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(keys);
      else if (v !== null && typeof v === "object") {
        const k = Object.keys(v);
        expect(k).toEqual([...k].sort());
        Object.values(v).forEach(keys);
      }
    };
    keys(JSON.parse(one));
  });
});

describe("JSON Schemas for every record a verifier reads", () => {
  const schemas = buildJsonSchemas();
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  ajv.addFormat("date", /^\d{4}-\d{2}-\d{2}$/);
  const record = drawTargets({ taskId: "T", pool, policy, seed: seeds.dice!, commitment: commitPool(pool), timeline: { seedFixedOn: "2026-04-01" } });
  const locked = lockTargetDraw(record, { lockedOn: "2026-04-02", lockedBy: "信用监管科" });
  const staff = ["S1", "S2", "S3"].map((id) => ({ id, name: id, departmentId: "S", category: "qualified-staff" as const, expertise: [] }));
  const s2 = drawInspectors({ locked, seed: seeds.beacon!, initiatingDepartmentId: "S", departments: [{ departmentId: "S", inspectors: staff }] });
  const samples: Record<string, unknown> = { TargetDrawRecord: record, PoolCommitment: record.poolCommitment, SamplingPolicy: record.policy, SeedRecord: record.seed, LockedTargetList: locked, InspectorDrawRecord: s2.ok ? s2.record : undefined };
  for (const [name, sample] of Object.entries(samples)) {
    it(`${name}: a genuine one validates, one with an extra member does not`, () => {
      const validate = ajv.compile(schemas[name] as object);
      expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
      expect(validate({ ...(sample as object), extra: 1 })).toBe(false);
    });
  }
});

// Adversarial review A1–A4: every text hashed into a seed has one canonical spelling, so one roll yields one seed.
describe("seed provenance fields are canonical (spec §5: one fact, one spelling)", () => {
  const refusedRule = (f: () => unknown): string[] => {
    try {
      f();
    } catch (e) {
      if (e instanceof ShuangsuijiError) return e.issues.map((i) => i.rule);
      throw e;
    }
    return [];
  };
  it("dice: exactly 39 ASCII digits and a valid civil date; the honest roll is accepted", () => {
    expect(seeds.dice!.provenance).toMatchObject({ digits: DIGITS, date: "2026-04-01" });
    expect(refusedRule(() => seedFromDice({ digits: DIGITS + "1", witnesses: ["张伟", "李娜"], date: "2026-04-01" }))).toContain("seed-dice-digits");
    for (const date of ["2026-04-01 ", "2026/04/01", "2026年4月1日", "2026-4-1", "2026-02-30", "whenever"]) {
      // refused at seedFromDice's boundary (civil-date) or by the provenance rule (seed-dice-date), never accepted
      expect(refusedRule(() => seedFromDice({ digits: DIGITS, witnesses: ["张伟", "李娜"], date })).some((r) => r === "seed-dice-date" || r === "civil-date")).toBe(true);
      expect(refusedRule(() => createSeed(seeds.dice!.value, { ...seeds.dice!.provenance, date } as never))).toContain("seed-dice-date");
    }
    const forged = createSeed(seeds.dice!.value, seeds.dice!.provenance);
    expect(forged.value).toBe(seeds.dice!.value);
    expect(refusedRule(() => seedFromDice({ digits: DIGITS, witnesses: ["张伟 ", "李\u200b娜"], date: "2026-04-01" }))).toEqual(["seed-canonical-text", "seed-canonical-text"]);
  });
  it("a non-canonical seed text is explained in both languages (every reason has its Chinese wording)", () => {
    const issues = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as ShuangsuijiError).issues.filter((i) => i.rule === "seed-canonical-text");
      }
      throw new Error("not refused");
    };
    const value = "ab".repeat(32);
    for (const source of ["", "\ud800x", " drand", "dr\u200band", "dra\u0301nd"]) {
      const found = issues(() => createSeed(value, { kind: "beacon", source, round: "1", value }));
      if (source === "") continue; // refused by the shape reader (min length) before the provenance rules
      expect(found.length).toBe(1);
      expect(found[0]!.messageZh).not.toMatch(/empty|white space|format character|well-formed|not in Unicode|undefined/);
      expect(found[0]!.messageZh).toMatch(/唯一规范写法（.*[\u4e00-\u9fff].*）$/);
      expect(found[0]!.messageEn).toMatch(/canonical spelling \(/);
    }
  });
  it("beacon: the round is a canonical decimal and the source canonical text", () => {
    const value = "ab".repeat(32);
    expect(seedFromBeacon({ source: "drand", round: "4000000", value }).provenance).toMatchObject({ round: "4000000" });
    for (const round of ["04000000", "4000000 ", "4000000\u200b", "+4000000", "4e6"]) expect(refusedRule(() => seedFromBeacon({ source: "drand", round, value }))).toContain("seed-beacon-round");
    expect(refusedRule(() => seedFromBeacon({ source: "drand\u00ad", round: "1", value }))).toContain("seed-canonical-text");
  });
  it("commit-reveal: party names are canonical, so a trailing space cannot re-roll the seed", () => {
    const shares = [{ party: "SCJG ", commitment: commitSeedShare(a), reveal: a }, { party: "WJW", commitment: commitSeedShare(b), reveal: b }];
    expect(refusedRule(() => seedFromShares(shares))).toContain("seed-canonical-text");
    expect(refusedRule(() => createSeed("00".repeat(32), { kind: "commit-reveal", shares }))).toContain("seed-canonical-text");
  });
  it("lottery: createSeed without maxNumber is refused like seedFromLottery (no unchecked entropy)", () => {
    const p = seeds.lottery!.provenance as Extract<SeedRecord["provenance"], { kind: "lottery" }>;
    expect(createSeed(seeds.lottery!.value, p).value).toBe(seeds.lottery!.value);
    const { maxNumber: _m, ...noMax } = p;
    expect(refusedRule(() => createSeed(seeds.lottery!.value, { ...noMax, numbers: [7] }))).toContain("lottery-max-number");
    expect(refusedRule(() => createSeed(seeds.lottery!.value, { ...noMax, name: " 体彩排列5" }))).toEqual(expect.arrayContaining(["lottery-max-number", "seed-canonical-text"]));
  });
});

// Adversarial review A5: look-alike ids (zero-width, soft hyphen, word joiner, full-width ASCII) are refused at commit
// time, all rows at once, so one enterprise cannot sit twice in a pool whatever the seed.
describe("look-alike unit ids are refused at commit time (spec §3)", () => {
  it("refuses \\p{Cf} and full-width forms, every row listed; the honest pool commits", () => {
    const honest = [{ id: "91350100M000100Y43", riskClass: "A" }, { id: "宁德某某商行", riskClass: "B" }];
    expect(commitPool(honest).unitCount).toBe(2);
    const forged = [
      ...honest,
      { id: "91350100M000100Y4\u200b3", riskClass: "A" },
      { id: "91350100M000100\u00adY43", riskClass: "A" },
      { id: "宁德某某\u2060商行", riskClass: "B" },
      { id: "９１350100M000100Y43", riskClass: "A" },
      { id: "\ufeff91350100M000100Y43", riskClass: "C" },
    ];
    try {
      commitPool(forged);
      expect.unreachable("look-alike ids were accepted");
    } catch (e) {
      expect(e).toBeInstanceOf(ShuangsuijiError);
      const issues = (e as ShuangsuijiError).issues.filter((i) => i.rule === "unit-id-canonical");
      expect(issues.map((i) => i.path[0])).toEqual([2, 3, 4, 5, 6]);
    }
  });
});

describe("LOTTERY_GAMES: issuers and aliases (kept with seedFromLottery, out of the verifier's bundle)", () => {
  it("lists each game's issuer and aliases as before, and every alias is refused with the game's name", async () => {
    const { LOTTERY_GAMES, seedFromLottery } = await import("../../src/index.js");
    expect(LOTTERY_GAMES.map((g) => [g.name, g.issuer, g.aliases])).toEqual([
      ["福彩双色球", "中国福利彩票", ["双色球", "中国福利彩票双色球"]],
      ["体彩超级大乐透", "中国体育彩票", ["大乐透", "超级大乐透", "体彩大乐透", "中国体育彩票超级大乐透"]],
      ["福彩3D", "中国福利彩票", ["3D", "福彩3d", "中国福利彩票3D"]],
      ["体彩排列3", "中国体育彩票", ["排列3", "排列三", "体彩排列三"]],
      ["体彩排列5", "中国体育彩票", ["排列5", "排列五", "体彩排列五"]],
      ["福彩七乐彩", "中国福利彩票", ["七乐彩", "中国福利彩票七乐彩"]],
      ["福彩快乐8", "中国福利彩票", ["快乐8", "中国福利彩票快乐8"]],
    ]);
    for (const g of LOTTERY_GAMES) {
      for (const alias of g.aliases) {
        try {
          seedFromLottery({ name: alias, drawId: "2026001", numbers: [1] });
          expect.unreachable();
        } catch (e) {
          const issue = (e as { issues: { rule: string; messageEn: string }[] }).issues.find((i) => i.rule === "lottery-game-name");
          expect(issue?.messageEn).toContain(`write "${g.name}"`);
        }
      }
    }
  });
});
