// The forger's findings (adversarial audit, attacks 01–03, 09, 10, 14, 19a, 21, 23, 24): each forgery or false
// answer is shown refused, next to the honest case that still passes.
import { describe, expect, it } from "vitest";
import {
  LOTTERY_GAMES, ShuangsuijiError, commitPool, commitSeedShare, createSeed, drawTargetShard, drawTargets, lockTargetDraw, mergeTargetShards, seedFromDice,
  seedFromLottery, verifyTargetDraw, verifyTargetDrawAsync, verifyTicket, type TargetDrawRecord, type TargetDrawShard,
} from "../../src/index.js";
import { digestOf, hexToBytes, lengthDelimited, sha256Hex } from "../../src/draw/_shared/_encoding.js";

const DICE = { digits: "314159265358979323846264338327950288419", witnesses: ["张伟", "李娜"], date: "2026-04-01" };
const seed = seedFromDice(DICE);
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const smallPool = (n = 12) => Array.from({ length: n }, (_, i) => ({ id: `U-${String(i).padStart(3, "0")}`, riskClass: i % 2 === 0 ? "A" : "B", registrationDate: "2015-01-01", status: "operating" as const, divisionCode: "411302" }));
const reseal = (r: unknown): TargetDrawRecord => {
  const { digest: _d, ...body } = r as Record<string, unknown>;
  return { ...body, digest: digestOf(body) } as unknown as TargetDrawRecord;
};
const rules = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof ShuangsuijiError) return e.issues.map((i) => i.rule);
    throw e;
  }
  return [];
};

describe("09: the per-class counts are announced with the digest and compared (spec §4, §10, §11)", () => {
  const pool = smallPool(12);
  const policy = { strata: { A: { ratio: 0.5 }, B: { ratio: 0.5 } } };
  const commitment = commitPool(pool);
  const record = drawTargets({ taskId: "2026-T01", pool, policy, seed, commitment });
  const victim = record.strata[0]!.selected[2]!.unitId;
  // three class-A units moved to "ineligible" in the record's commitment: the digest (v1) does not change
  const f = clone(record) as unknown as { poolCommitment: Record<string, unknown> & { strata: Record<string, number>; state: Record<string, unknown> }; strata: { size: number; quota: number; quotaRule: string; selected: { ticket: string }[]; threshold: string }[]; selectedCount: number };
  f.poolCommitment.strata.A = 3;
  f.poolCommitment.ineligible = { "status-not-allowed": 3 };
  f.poolCommitment.eligibleCount = 9;
  f.poolCommitment.state.strata = { ...f.poolCommitment.strata };
  f.poolCommitment.state.ineligible = { "status-not-allowed": 3 };
  const s = f.strata[0]!;
  Object.assign(s, { size: 3, quota: 2, quotaRule: "ceil(50% × 3) = 2", selected: s.selected.slice(0, 2) });
  s.threshold = s.selected[1]!.ticket;
  f.selectedCount -= 1;
  const forged = reseal(f);

  it("the forged counts keep the digest, and the record alone still looks consistent (v1 cannot bind them)", () => {
    expect(forged.poolCommitment.digest).toBe(commitment.digest);
    expect(verifyTicket(clone(forged), { unitId: victim, riskClass: "A" }).status).toBe("not-selected");
  });
  it("verifyTicket with the announced commitment answers inconsistent (not-as-announced); the honest record is selected", () => {
    const t = verifyTicket(clone(forged), { unitId: victim, riskClass: "A" }, { poolCommitment: commitment });
    expect(t.status).toBe("inconsistent");
    expect(t.reason).toBe("not-as-announced");
    expect(t.recordProblems.map((m) => m.field)).toEqual(expect.arrayContaining(["announced.poolCommitment.strata.A", "announced.poolCommitment.ineligible.status-not-allowed"]));
    expect(verifyTicket(clone(record), { unitId: victim, riskClass: "A" }, { poolCommitment: clone(commitment) }).status).toBe("selected");
  });
  it("verifyTargetDraw and verifyTargetDrawAsync compare the announced counts (even a record that verifies against a pool built to match)", async () => {
    const ann = { poolCommitment: commitment };
    for (const v of [verifyTargetDraw(clone(forged), pool, ann), await verifyTargetDrawAsync(clone(forged), pool, ann)]) {
      expect(v.ok).toBe(false);
      if (!v.ok) expect(v.mismatches.map((m) => m.field)).toContain("announced.poolCommitment.strata.A");
    }
    expect(verifyTargetDraw(clone(record), pool, ann).ok).toBe(true);
    expect((await verifyTargetDrawAsync(clone(record), pool, ann)).ok).toBe(true);
  });
  it("an announced commitment without its counts is refused as misuse, bilingual", () => {
    expect(rules(() => verifyTargetDraw(record, pool, { poolCommitment: { digest: commitment.digest } as never }))).toEqual(["announced-commitment-counts", "announced-commitment-counts"]);
    expect(rules(() => verifyTicket(record, { unitId: victim, riskClass: "A" }, { poolCommitment: { digest: commitment.digest } as never }))).toContain("announced-commitment-counts");
  });
});

describe("10: mergeTargetShards recomputes what it can and never marks its output as built (spec §6, §7)", () => {
  const pool = smallPool(12);
  const commitment = commitPool(pool);
  const input = { taskId: "2026-T01", policy: { strata: { A: { count: 2 }, B: { count: 2 } } }, seed, commitment };
  const honest = drawTargets({ ...input, pool });
  const shards = (): TargetDrawShard[] => [drawTargetShard({ ...input, pool: pool.slice(0, 6) }), drawTargetShard({ ...input, pool: pool.slice(6) })].map(clone);
  it("honest shards merge into the single-pass record", () => {
    expect(mergeTargetShards(shards(), input)).toEqual(honest);
  });
  it("a fake ticket, a withheld stratum, a unit offered twice: each refused", () => {
    const favoured = pool.find((u) => u.riskClass === "A" && !honest.strata[0]!.selected.some((x) => x.unitId === u.id))!.id;
    const a = shards() as unknown as { candidates: Record<string, { unitId: string; ticket: string }[]> }[];
    for (const s of a) s.candidates.A = [];
    a[0]!.candidates.A = [{ unitId: favoured, ticket: "0".repeat(64) }];
    expect(rules(() => mergeTargetShards(a as never, input))).toContain("shard-candidates");
    const b = shards() as unknown as { candidates: Record<string, unknown[]> }[];
    b[0]!.candidates.A = [];
    b[1]!.candidates.A = [];
    expect(rules(() => mergeTargetShards(b as never, input))).toEqual(["engine-rows-short"]);
    const c = shards() as unknown as { candidates: Record<string, unknown[]> }[];
    c[1]!.candidates.A = [...c[1]!.candidates.A!, ...c[0]!.candidates.A!];
    expect(rules(() => mergeTargetShards(c as never, input))).toContain("unique-ids");
  });
  it("the merged record is checked in full by lockTargetDraw (not trusted as built)", () => {
    const merged = mergeTargetShards(shards(), input);
    expect(lockTargetDraw(merged, { lockedOn: "2026-04-02", lockedBy: "x" }).record.digest).toBe(honest.digest);
  });
});

describe("03: every commit-reveal share carries ≥ 32 hex digits (spec §5.4)", () => {
  const strong = "00112233445566778899aabbccddeeff";
  const weak = "5a";
  const value = sha256Hex(lengthDelimited(["shuangsuiji/seed/v1", "commit-reveal", "A", strong, "B", weak]));
  const shares = [{ party: "A", commitment: commitSeedShare(strong), reveal: strong }, { party: "B", commitment: sha256Hex(hexToBytes(weak)), reveal: weak }];
  it("createSeed refuses a one-byte share next to a full one; the record made with it is refused by verify and lock", () => {
    expect(rules(() => createSeed(value, { kind: "commit-reveal", shares }))).toEqual(["seed-share-length"]);
    const pool = smallPool(6);
    const honestSeed = createSeed("ab".repeat(16), { kind: "other", description: "x" });
    const rec = clone(drawTargets({ taskId: "T", pool, policy: { strata: { A: { count: 1 } } }, seed: honestSeed, commitment: commitPool(pool) })) as unknown as Record<string, unknown>;
    rec.seed = { value, provenance: { kind: "commit-reveal", shares } };
    const forged = reseal(rec);
    const v = verifyTargetDraw(forged, pool);
    expect(v.ok).toBe(false);
    expect(() => lockTargetDraw(forged, { lockedOn: "2026-04-02", lockedBy: "x" })).toThrowError(/32/);
  });
});

describe("24: a lottery's range, order and entropy come from the game (spec §5.2)", () => {
  it("福彩3D declared with a huge maxNumber is refused; a known game's entropy is its own", () => {
    expect(rules(() => seedFromLottery({ name: "福彩3D", drawId: "2026088", numbers: [3, 1, 4] }, { maxNumber: Number.MAX_SAFE_INTEGER }))).toEqual(expect.arrayContaining(["lottery-max-number"]));
    expect(rules(() => seedFromLottery({ name: "福彩3D", drawId: "2026088", numbers: [3, 1, 4] }))).toEqual(["seed-entropy"]);
    // a record carrying that seed (created before this rule) is refused by the verifier: 3 digits are ~10 bits
    const value = sha256Hex(lengthDelimited(["shuangsuiji/seed/v1", "lottery", "福彩3D", "2026088", "3,1,4"]));
    expect(rules(() => createSeed(value, { kind: "lottery", name: "福彩3D", drawId: "2026088", numbers: [3, 1, 4], maxNumber: Number.MAX_SAFE_INTEGER }))).toEqual(expect.arrayContaining(["lottery-max-number", "seed-entropy"]));
    expect(LOTTERY_GAMES.find((g) => g.name === "福彩双色球")?.bitsPerDraw).toBeCloseTo(Math.log2(1107568 * 16), 6);
  });
  it("双色球 in draw order, a repeated draw, an alias name: refused; six draws in canonical order are accepted", () => {
    const draw = [3, 8, 15, 21, 27, 33, 9];
    const six = Array.from({ length: 6 }, () => draw).flat();
    const ok = seedFromLottery({ name: "福彩双色球", drawId: "2026031..2026036", numbers: six });
    expect(ok.provenance).toMatchObject({ maxNumber: 33 });
    expect(createSeed(ok.value, ok.provenance)).toEqual(ok);
    expect(rules(() => seedFromLottery({ name: "福彩双色球", drawId: "2026031..2026036", numbers: [21, 3, 8, 15, 27, 33, 9, ...six.slice(7)] }))).toEqual(["lottery-numbers"]);
    expect(rules(() => seedFromLottery({ name: "福彩双色球", drawId: "2026031", numbers: six }))).toEqual(["lottery-draw-id"]);
    expect(rules(() => seedFromLottery({ name: "双色球", drawId: "2026031..2026036", numbers: six }, { maxNumber: 33 }))).toEqual(["lottery-game-name"]);
  });
  it("an unknown game is accepted with its declared bound and reported as not verifiable", () => {
    const s = seedFromLottery({ name: "某地方彩票", drawId: "1", numbers: Array.from({ length: 40 }, (_, i) => i % 10) }, { maxNumber: 9 });
    const pool = smallPool(6);
    const v = verifyTargetDraw(drawTargets({ taskId: "T", pool, policy: { strata: { A: { count: 1 } } }, seed: s, commitment: commitPool(pool) }), pool);
    expect(v.ok).toBe(true);
    expect(v.notes.map((n) => n.code)).toEqual(["seed-provenance-not-verifiable"]);
  });
});

describe("01, 14, 02, 21: one pool-id rule for pools and the self-check (spec §3, §11)", () => {
  it("01: lower-case or spaced USCC-shaped ids are refused in pools, so verifyTicket never folds an id the pool did not", () => {
    const lower = Array.from({ length: 4 }, (_, i) => ({ id: `91411302${i}0abcdef0x`, riskClass: "A" }));
    expect(rules(() => commitPool(lower))).toEqual(["unit-id-canonical", "unit-id-canonical", "unit-id-canonical", "unit-id-canonical"]);
    expect(rules(() => commitPool([{ id: "9141 1302 MA00 0000 0X", riskClass: "A" }]))).toEqual(["unit-id-canonical"]);
    const upper = lower.map((u) => ({ ...u, id: u.id.toUpperCase() }));
    const record = drawTargets({ taskId: "T", pool: upper, policy: { strata: { A: { count: 2 } } }, seed, commitment: commitPool(upper) });
    for (const u of record.strata[0]!.selected) expect(verifyTicket(record, { unitId: u.unitId.toLowerCase(), riskClass: "A" }).status).toBe("selected");
    // an 18-character id with other characters is not USCC-shaped: kept exactly
    expect(commitPool([{ id: "abc-def-ghi-jkl-mn", riskClass: "A" }]).unitCount).toBe(1);
  });
  it("14: an id with an invisible format character is refused by verifyTicket with a bilingual message", () => {
    const pool = smallPool(12);
    const record = drawTargets({ taskId: "T", pool, policy: { strata: { A: { count: 2 } } }, seed, commitment: commitPool(pool) });
    const id = record.strata[0]!.selected[0]!.unitId;
    for (const cf of ["\u200b", "\u00ad", "\u2060"]) {
      try {
        verifyTicket(record, { unitId: id.replace("-", `${cf}-`), riskClass: "A" });
        expect.unreachable();
      } catch (e) {
        const issue = (e as ShuangsuijiError).issues[0]!;
        expect(issue.rule).toBe("unit-id-canonical");
        expect(issue.messageZh).toMatch(/不可见/);
        expect(issue.messageEn).toMatch(/invisible/);
      }
    }
    expect(verifyTicket(record, { unitId: ` ${id}\u3000`, riskClass: "A" }).status).toBe("selected");
  });
  it("02: the district code is read as table import reads it (spaces, full-width digits, a number)", () => {
    const pool = smallPool(12);
    const eligibility = { divisionCodes: ["411302"], statuses: ["operating" as const] };
    const record = drawTargets({ taskId: "T", pool, policy: { strata: { A: { count: 2 } } }, seed, commitment: commitPool(pool, { eligibility }) });
    const id = record.strata[0]!.selected[0]!.unitId;
    for (const dc of ["411302", " 411302", "411302 ", "４１１３０２", 411302]) expect(verifyTicket(record, { unitId: id, riskClass: "A", status: "存续", divisionCode: dc }).status).toBe("selected");
    expect(verifyTicket(record, { unitId: id, riskClass: "A", divisionCode: "411303" }).status).toBe("inconsistent");
    expect(rules(() => verifyTicket(record, { unitId: id, riskClass: "A", divisionCode: "4113" }))).toEqual(["division-code"]);
  });
  it("21: interior non-ASCII spaces, compatibility forms, control characters and double spaces are refused in pools, all at once", () => {
    const base = "南阳市 宛城区 某某食品店1";
    const looks = [base.replace(/ /g, "\u00a0"), base.replace(/ /g, "\u3000"), base.replace(/ /g, "\u2002"), base.replace("1", "①"), base.replace("1", "¹"), "ｱｲｳ商行", "A\tB", "A  B"];
    expect(rules(() => commitPool([{ id: base, riskClass: "A" }, ...looks.map((id) => ({ id, riskClass: "A" }))]))).toEqual(looks.map(() => "unit-id-canonical"));
    expect(commitPool([{ id: base, riskClass: "A" }]).unitCount).toBe(1);
    // the self-check refuses them too, rather than answering for an id no pool may hold
    const pool = [{ id: base, riskClass: "A" }];
    const record = drawTargets({ taskId: "T", pool, policy: { strata: { A: { count: 1 } } }, seed, commitment: commitPool(pool) });
    expect(verifyTicket(record, { unitId: base, riskClass: "A" }).status).toBe("selected");
    expect(rules(() => verifyTicket(record, { unitId: base.replace("1", "①"), riskClass: "A" }))).toEqual(["unit-id-canonical"]);
  });
});

describe("23: equivalent announcements never accuse an honest record (spec §10)", () => {
  const pool = smallPool(12);
  const commitment = commitPool(pool);
  const record = drawTargets({ taskId: "2026-T01", pool, policy: { strata: { A: { count: 2 }, B: { count: 2 } } }, seed, commitment, timeline: { commitmentPublishedOn: "2026-03-30", seedFixedOn: "2026-04-01" } });
  it("upper-case hex, witnesses in another order, one date announced: ok; a different date, witness or count: a mismatch", () => {
    expect(verifyTargetDraw(record, pool, { poolCommitmentDigest: commitment.digest.toUpperCase() }).ok).toBe(true);
    expect(verifyTargetDraw(record, pool, { poolCommitment: { ...commitment, digest: commitment.digest.toUpperCase() } }).ok).toBe(true);
    expect(verifyTargetDraw(record, pool, { seed: { value: seed.value.toUpperCase(), provenance: { ...DICE, kind: "dice", witnesses: ["李娜", "张伟"] } } }).ok).toBe(true);
    expect(verifyTargetDraw(record, pool, { timeline: { seedFixedOn: "2026-04-01" } }).ok).toBe(true);
    expect(verifyTargetDraw(record, pool, { timeline: { seedFixedOn: "2026-04-02" } }).ok).toBe(false);
    expect(verifyTargetDraw(record, pool, { seed: { value: seed.value, provenance: { ...DICE, kind: "dice", witnesses: ["李娜", "王五"] } } }).ok).toBe(false);
    expect(verifyTargetDraw(record, pool, { poolCommitment: { ...commitment, strata: { A: 5, B: 6 } } }).ok).toBe(false);
  });
});

describe("19a: a list cannot be locked before its seed was fixed or its commitment published (spec §5.6, §8)", () => {
  const pool = smallPool(12);
  const record = drawTargets({ taskId: "T", pool, policy: { strata: { A: { count: 2 } } }, seed, commitment: commitPool(pool), timeline: { commitmentPublishedOn: "2026-03-30", seedFixedOn: "2026-04-01" } });
  it("refuses a lock dated before the seed (timeline and dice date); accepts the same day and later", () => {
    expect(rules(() => lockTargetDraw(clone(record), { lockedOn: "2020-01-01", lockedBy: "x" }))).toEqual(["lock-date-order", "lock-date-order", "lock-date-order"]);
    expect(rules(() => lockTargetDraw(clone(record), { lockedOn: "2026-03-31", lockedBy: "x" }))).toEqual(["lock-date-order", "lock-date-order"]);
    expect(lockTargetDraw(record, { lockedOn: "2026-04-01", lockedBy: "x" }).lockedOn).toBe("2026-04-01");
    const noTimeline = drawTargets({ taskId: "T", pool, policy: { strata: { A: { count: 2 } } }, seed, commitment: commitPool(pool) });
    expect(rules(() => lockTargetDraw(noTimeline, { lockedOn: "2026-03-31", lockedBy: "x" }))).toEqual(["lock-date-order"]);
  });
});
