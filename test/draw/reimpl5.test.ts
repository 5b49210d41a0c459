// The docs-only re-implementer's findings (reimpl5: findings 1, 3, 4): each forgery is shown refused next to the honest
// case that still passes.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  ShuangsuijiError, commitInspectorInputs, commitPool, createSeed, dispatchTargets, drawInspectors, drawTargets, lockTargetDraw, seedFromDice, verifyInspectorDraw, verifyTicket,
  type DrawInspectorsInput, type Inspector, type LockedTargetList, type TargetDrawRecord,
} from "../../src/index.js";
import { digestOf } from "../../src/draw/_shared/_encoding.js";
import { wordsToHex } from "../../src/draw/_shared/_sha256.js";
import { lockDigest } from "../../src/draw/records/_checkRecord.js";
import { ticketHasher } from "../../src/draw/targets/_pool.js";
import { refusal } from "../task/_scenario.js";

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const fields = (v: ReturnType<typeof verifyInspectorDraw>) => (v.ok ? [] : v.mismatches.map((m) => m.field));

// stage 1: a dice seed rolled on 2026-04-01, locked on 2026-04-02
const S1 = seedFromDice({ digits: "314159265358979323846264338327950288419", witnesses: ["张伟", "李娜"], date: "2026-04-01" });
const POOL = ["91411303M55814001X", "91411303MA44K2L21N", "914113007065889640", "91411300MA9G7Q2X1B", "91411302MA45UY7F8W", "91411302MA46AJ5N0P"].map((id) => ({ id, riskClass: "A" }));
const RECORD = drawTargets({ taskId: "T-R5", pool: POOL, seed: S1, commitment: commitPool(POOL), policy: { strata: { A: { count: 4 } } }, timeline: { commitmentPublishedOn: "2026-03-30", seedFixedOn: "2026-04-01" } });
const LOCKED = lockTargetDraw(RECORD, { lockedOn: "2026-04-02", lockedBy: "信用监管科" });
const staff = (id: string): Inspector => ({ id, name: id, departmentId: "SCJG", category: "qualified-staff", expertise: ["食品"] });
const dice2 = (digits: string, date = "2026-04-03") => seedFromDice({ digits, witnesses: ["王五", "赵六"], date });
const HONEST_SEED = dice2("271828182845904523536028747135266249775");
const base: DrawInspectorsInput = {
  locked: LOCKED, seed: HONEST_SEED, initiatingDepartmentId: "SCJG",
  departments: [{ departmentId: "SCJG", inspectors: ["a-1", "b-1", "c-1", "d-1", "e-1", "f-1", "g-1", "h-1", "i-1", "j-1"].map(staff) }],
};
const honest = drawInspectors(base);
if (!honest.ok) throw new Error(honest.messageEn);
const { seed: _s, ...unseeded } = base;
const inputsDigest = commitInspectorInputs(unseeded).digest;

describe("reimpl5 finding 1: the stage-2 announcement binds the seed and the announcement date (spec §9.5, §10)", () => {
  const regrind = { ...base, seed: dice2("999999999999999999999999999999999999999") };
  const forged = drawInspectors(regrind);
  if (!forged.ok) throw new Error(forged.messageEn);

  it("a record re-drawn under another seed passes with the inputs digest alone (documented), and is refused with the announced seed", () => {
    expect(JSON.stringify(forged.record.departments)).not.toBe(JSON.stringify(honest.record.departments));
    expect(verifyInspectorDraw(clone(forged.record), regrind, { inputsDigest }).ok).toBe(true);
    const v = verifyInspectorDraw(clone(forged.record), regrind, { inputsDigest, seed: HONEST_SEED });
    expect(fields(v)).toContain("announced.seed.value");
    // an `other` seed regrind too
    const other = { ...base, seed: createSeed("cd".repeat(32), { kind: "other", description: "x" }) };
    const o = drawInspectors(other);
    if (!o.ok) throw new Error(o.messageEn);
    expect(verifyInspectorDraw(clone(o.record), other, { inputsDigest, seed: clone(HONEST_SEED) }).ok).toBe(false);
  });

  it("the honest record passes with its seed as announced, compared by meaning (hex in upper case, witnesses in another order)", () => {
    const announcedSeed = { ...HONEST_SEED, value: HONEST_SEED.value.toUpperCase(), provenance: { ...HONEST_SEED.provenance, witnesses: ["赵六", "王五"] } };
    expect(verifyInspectorDraw(clone(honest.record), base, { inputsDigest, seed: announcedSeed as typeof HONEST_SEED }).ok).toBe(true);
    const otherWitness = { ...HONEST_SEED, provenance: { ...HONEST_SEED.provenance, witnesses: ["王五", "钱七"] } };
    expect(verifyInspectorDraw(clone(honest.record), base, { inputsDigest, seed: otherWitness as typeof HONEST_SEED }).ok).toBe(false);
  });

  it("inputsAnnouncedOn: a seed fixed before the announcement is refused even when the input leaves the date out", () => {
    expect(verifyInspectorDraw(clone(honest.record), base, { inputsDigest, inputsAnnouncedOn: "2026-04-05" }).ok).toBe(false);
    expect(fields(verifyInspectorDraw(clone(honest.record), base, { inputsDigest, inputsAnnouncedOn: "2026-04-05" }))).toEqual(["announced.inputsAnnouncedOn"]);
    // the seed's date comes from the announcement (hostile8a F1): the dice roll announced, or seedFixedOn announced
    expect(verifyInspectorDraw(clone(honest.record), base, { inputsDigest, inputsAnnouncedOn: "2026-04-03", seed: HONEST_SEED }).ok).toBe(true);
    expect(verifyInspectorDraw(clone(honest.record), base, { inputsDigest, inputsAnnouncedOn: "2026-04-03", seedFixedOn: "2026-04-03" }).ok).toBe(true);
    expect(verifyInspectorDraw(clone(honest.record), base, { inputsDigest, inputsAnnouncedOn: "2026-04-02", seed: HONEST_SEED }).ok).toBe(true);
    // with neither, the record's own dice date is the operator's word: unverifiable, refused
    expect(fields(verifyInspectorDraw(clone(honest.record), base, { inputsDigest, inputsAnnouncedOn: "2026-04-03" }))).toEqual(["announced.inputsAnnouncedOn"]);
    // an announced seed date that is not the dice roll's date is a mismatch
    expect(fields(verifyInspectorDraw(clone(honest.record), base, { inputsDigest, seedFixedOn: "2026-04-04" }))).toEqual(["announced.seedFixedOn"]);
    // the input's own date must be the announced one; the announcement cannot be before the lock
    expect(verifyInspectorDraw(clone(honest.record), { ...base, inputsAnnouncedOn: "2026-04-02" }, { inputsDigest, inputsAnnouncedOn: "2026-04-03" }).ok).toBe(false);
    expect(verifyInspectorDraw(clone(honest.record), base, { inputsDigest, inputsAnnouncedOn: "2026-04-01" }).ok).toBe(false);
    // a seed without a dated provenance and no seedFixedOn cannot be checked against the date: refused
    const other = { ...base, seed: createSeed("ab".repeat(32), { kind: "other", description: "x" }) };
    const o = drawInspectors(other);
    if (!o.ok) throw new Error(o.messageEn);
    expect(verifyInspectorDraw(clone(o.record), other, { inputsDigest, inputsAnnouncedOn: "2026-04-03" }).ok).toBe(false);
    expect(verifyInspectorDraw(clone(o.record), { ...other, seedFixedOn: "2026-04-03" }, { inputsDigest, inputsAnnouncedOn: "2026-04-03", seedFixedOn: "2026-04-03" }).ok).toBe(true);
    // hostile8a F1: the seed fixed on 04-01, before the announcement on 04-03; the input file says 04-03. The input's
    // date alone is no longer taken; the announced seed date exposes it; without one the order is unverifiable.
    const lying = { ...other, seedFixedOn: "2026-04-03" };
    expect(fields(verifyInspectorDraw(clone(o.record), lying, { inputsDigest, inputsAnnouncedOn: "2026-04-03" }))).toEqual(["announced.inputsAnnouncedOn"]);
    const caught = fields(verifyInspectorDraw(clone(o.record), lying, { inputsDigest, inputsAnnouncedOn: "2026-04-03", seedFixedOn: "2026-04-01" }));
    expect(caught).toEqual(["announced.seedFixedOn", "announced.inputsAnnouncedOn"]);
    expect(fields(verifyInspectorDraw(clone(o.record), other, { inputsDigest, seedFixedOn: "2026-04-31" }))).toEqual(["announced.seedFixedOn"]);
    expect(verifyInspectorDraw(clone(honest.record), base, { inputsDigest, inputsAnnouncedOn: "2026-02-30" }).ok).toBe(false);
  });

  it("the inputs digest as printed in upper case is the same digest (hostile8a F2); any other change is a mismatch", () => {
    expect(verifyInspectorDraw(clone(honest.record), base, { inputsDigest: inputsDigest.toUpperCase() }).ok).toBe(true);
    expect(fields(verifyInspectorDraw(clone(honest.record), base, { inputsDigest: inputsDigest.toUpperCase().replace(/^./, (c) => (c === "A" ? "B" : "A")) }))).toEqual(["announced.inputsDigest"]);
    expect(fields(verifyInspectorDraw(clone(honest.record), base, { inputsDigest: ` ${inputsDigest}` }))).toEqual(["announced.inputsDigest"]);
  });

  it("an unknown announcement member is refused, never ignored (a mismatch: a wrong announcement never throws)", () => {
    for (const extra of [{ seedDate: "2026-04-03" }, { poolCommitment: {} }, { Seed: HONEST_SEED }]) {
      const v = verifyInspectorDraw(clone(honest.record), base, { inputsDigest, ...extra } as { inputsDigest: string });
      expect(fields(v)).toEqual([`announced.${Object.keys(extra)[0]}`]);
    }
    expect(verifyInspectorDraw(clone(honest.record), base, { inputsDigest, seed: "x" } as never).ok).toBe(false);
  });

  it("property: any other dice roll on the same announced inputs is refused once the seed is announced; the honest one passes", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-6]{39}$/), (digits) => {
        const input = { ...base, seed: dice2(digits) };
        const r = drawInspectors(input);
        if (!r.ok) return;
        const announced = { inputsDigest, seed: HONEST_SEED, inputsAnnouncedOn: "2026-04-03" };
        expect(verifyInspectorDraw(clone(r.record), input, announced).ok).toBe(digits === "271828182845904523536028747135266249775");
        expect(verifyInspectorDraw(clone(r.record), input, { ...announced, seed: input.seed }).ok).toBe(true);
      }),
      { numRuns: 15, seed: 5 },
    );
  });
});

describe("reimpl5 finding 3: lock-date-order is checked wherever a lock is consumed (spec §8)", () => {
  // a lock built by hand, dated before the stage-1 seed, its digest recomputed as §8 defines it
  const early: LockedTargetList = { ...clone(LOCKED), lockedOn: "2026-03-01", digest: lockDigest(RECORD.digest, "2026-03-01", LOCKED.lockedBy) };
  const rulesOf = (e: ShuangsuijiError) => e.issues.map((i) => i.rule);

  it("lockTargetDraw, drawInspectors, commitInspectorInputs and dispatchTargets all refuse it, naming lock-date-order", () => {
    expect(rulesOf(refusal(() => lockTargetDraw(clone(RECORD), { lockedOn: "2026-03-01", lockedBy: LOCKED.lockedBy })))).toContain("lock-date-order");
    const d = refusal(() => drawInspectors({ ...base, locked: early, seed: dice2("271828182845904523536028747135266249775", "2026-03-20") }));
    expect(d.code).toBe("draw-not-locked");
    expect(rulesOf(d)).toEqual(["lock-date-order", "lock-date-order", "lock-date-order"]);
    expect(d.issues[0]?.path).toEqual(["locked", "lockedOn"]);
    expect(d.issues[0]?.messageZh).toMatch(/锁定/);
    expect(d.issues[0]?.messageEn).toMatch(/before the record's timeline\.commitmentPublishedOn/);
    expect(rulesOf(refusal(() => commitInspectorInputs({ ...unseeded, locked: early })))).toContain("lock-date-order");
    expect(rulesOf(refusal(() => dispatchTargets(early, POOL.map((u) => ({ id: u.id, divisionCode: "411302" })), { by: "district" })))).toContain("lock-date-order");
  });

  it("verifyInspectorDraw refuses a record drawn on it; the honest lock and record still pass", () => {
    const v = verifyInspectorDraw(clone(honest.record), { ...base, locked: early });
    expect(!v.ok && v.mismatches.some((m) => String(m.expected).startsWith("lock-date-order"))).toBe(true);
    expect(verifyInspectorDraw(clone(honest.record), { ...base, locked: clone(LOCKED) }).ok).toBe(true);
    // a hand-built lock dated on the seed's day is accepted
    const sameDay: LockedTargetList = { ...clone(LOCKED), lockedOn: "2026-04-01", digest: lockDigest(RECORD.digest, "2026-04-01", LOCKED.lockedBy) };
    expect(drawInspectors({ ...base, locked: sameDay }).ok).toBe(true);
  });
});

/** A selected id re-spelt in the record, its ticket recomputed, the stratum re-sorted and the digest resealed. */
function respell(record: TargetDrawRecord, index: number, spell: (id: string) => string): { forged: TargetDrawRecord; real: string; fake: string } {
  const f = clone(record) as unknown as { strata: { selected: { unitId: string; ticket: string }[]; threshold: string | null }[]; digest?: string } & Record<string, unknown>;
  const s = f.strata[0]!;
  const real = s.selected[index]!.unitId;
  const fake = spell(real);
  const ticket = ticketHasher(record.seed.value, record.taskId);
  const w = new Int32Array(8);
  ticket(fake, w);
  s.selected[index] = { unitId: fake, ticket: wordsToHex(w) };
  s.selected.sort((a, b) => (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : 0));
  s.threshold = s.selected[s.selected.length - 1]!.ticket;
  const { digest: _d, ...body } = f;
  return { forged: { ...body, digest: digestOf(body) } as unknown as TargetDrawRecord, real, fake };
}

describe("reimpl5 finding 4: record consistency applies the pool-id rule to every listed id (spec §3, §7)", () => {
  const spellings: [string, (id: string) => string][] = [
    ["lower case", (id) => id.toLowerCase()],
    ["a zero-width space", (id) => `${id.slice(0, 6)}\u200b${id.slice(6)}`],
    ["a full-width letter", (id) => id.replace(/[A-Z]/, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))],
  ];
  it.each(spellings)("a listed id with %s: lockTargetDraw refuses; verifyTicket answers inconsistent to the real enterprise", (_name, spell) => {
    const { forged, real } = respell(RECORD, 1, spell);
    const e = refusal(() => lockTargetDraw(clone(forged), { lockedOn: "2026-04-02", lockedBy: "x" }));
    expect(e.code).toBe("invalid-input");
    expect(e.issues.some((i) => /unit-id-canonical/.test(i.messageEn))).toBe(true);
    const t = verifyTicket(clone(forged), { unitId: real, riskClass: "A" });
    expect(t.status).toBe("inconsistent");
    expect(t.recordProblems.some((m) => /\.unitId$/.test(m.field) && String(m.expected).startsWith("unit-id-canonical"))).toBe(true);
    // the honest record is still locked and answers selected
    expect(verifyTicket(clone(RECORD), { unitId: real, riskClass: "A" }).status).toBe("selected");
  });

  it("property: any look-alike spelling of any listed id makes the record inconsistent for everyone", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 17 }), (index, kind, at) => {
        const spell = [(id: string) => id.toLowerCase(), (id: string) => `${id.slice(0, at)}\u200b${id.slice(at)}`, (id: string) => id.slice(0, at) + String.fromCharCode(id.charCodeAt(at) + 0xfee0) + id.slice(at + 1)][kind]!;
        const { forged, fake, real } = respell(RECORD, index, spell);
        fc.pre(fake !== real);
        expect(() => lockTargetDraw(clone(forged), { lockedOn: "2026-04-02", lockedBy: "x" })).toThrow(ShuangsuijiError);
        expect(verifyTicket(clone(forged), { unitId: POOL[0]!.id, riskClass: "A" }).status).toBe("inconsistent");
      }),
      { numRuns: 40, seed: 4 },
    );
  });
});
