// hostile6a (/work/adv/hostile6a/FINDINGS.md): the draw path's readers and the acts that consume a record or a lock —
// a record read twice (once checked, once used), a blank lockedBy in a stored lock, unknown quota options, long text.
import { describe, expect, it } from "vitest";
import { ShuangsuijiError, commitPool, computeQuota, createSeed, dispatchTargets, drawTargets, lockTargetDraw, verifyTargetDraw, type TargetDrawRecord } from "../../src/index.js";
import { digestOf } from "../../src/draw/_shared/_encoding.js";

const pool = Array.from({ length: 10 }, (_, i) => ({ id: `U${i}`, riskClass: "A" }));
const seed = createSeed("0123456789abcdef0123456789abcdef", { kind: "other", description: "x" });
const record = drawTargets({ taskId: "T", pool, seed, commitment: commitPool(pool), policy: { strata: { A: { count: 3 } } } });
const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return e instanceof ShuangsuijiError ? `${e.code}:${e.rule}` : `foreign:${String(e)}`;
  }
  return "accepted";
};

/** A record whose members answer with `honest` on the first read of each and with `forged` afterwards. */
function twoFaced(honest: TargetDrawRecord, forged: TargetDrawRecord): TargetDrawRecord {
  const o: Record<string, unknown> = {};
  const reads = new Map<string, number>();
  for (const k of Object.keys(honest)) {
    Object.defineProperty(o, k, {
      enumerable: true,
      get: () => {
        const n = (reads.get(k) ?? 0) + 1;
        reads.set(k, n);
        return n === 1 ? (honest as never)[k] : (forged as never)[k];
      },
    });
  }
  return o as unknown as TargetDrawRecord;
}

describe("a record or lock is checked and used from one read (Longting art. 19: the locked list is the drawn one)", () => {
  const drawn = new Set(record.strata.flatMap((s) => s.selected.map((u) => u.unitId)));
  const outsider = pool.map((u) => u.id).find((id) => !drawn.has(id))!;
  const forged = json(record) as unknown as { strata: { selected: { unitId: string }[] }[] };
  forged.strata[0]!.selected[0]!.unitId = outsider;

  it("lockTargetDraw refuses a record with accessors (it used to lock the second read's list)", () => {
    expect(codeOf(() => lockTargetDraw(twoFaced(json(record), forged as never), { lockedOn: "2026-04-02", lockedBy: "clerk" }))).toBe("invalid-input:input-shape");
  });
  it("a plain JSON copy is still locked, and the lock lists exactly the drawn units", () => {
    const lock = lockTargetDraw(json(record), { lockedOn: "2026-04-02", lockedBy: "clerk" });
    expect(new Set(lock.record.strata.flatMap((s) => s.selected.map((u) => u.unitId)))).toEqual(drawn);
    expect(verifyTargetDraw(json(lock.record), pool).ok).toBe(true);
  });
  it("dispatchTargets refuses a lock with accessors", () => {
    const lock = json(lockTargetDraw(record, { lockedOn: "2026-04-02", lockedBy: "clerk" }));
    const reads = { n: 0 };
    const sneaky = { ...lock } as Record<string, unknown>;
    Object.defineProperty(sneaky, "record", { enumerable: true, get: () => (reads.n++ === 0 ? lock.record : forged) });
    expect(codeOf(() => dispatchTargets(sneaky as never, pool.map((u) => ({ id: u.id, divisionCode: "411302" })), { by: "district" }))).toBe("invalid-input:input-shape");
  });
});

describe("a stored lock names who locked it (text-trimmed, as lockTargetDraw requires)", () => {
  it("a JSON lock whose lockedBy is blank, digest recomputed, is not dispatched", () => {
    const lock = json(lockTargetDraw(record, { lockedOn: "2026-04-02", lockedBy: "clerk" })) as unknown as { lockedBy: string; lockedOn: string; record: TargetDrawRecord; digest: string };
    for (const by of ["\u3000 ", " clerk", "", "\u200b", "\u2060\u00ad"]) {
      lock.lockedBy = by;
      lock.digest = digestOf({ kind: "locked-target-list", recordDigest: lock.record.digest, lockedOn: lock.lockedOn, lockedBy: by });
      expect(codeOf(() => dispatchTargets(lock as never, pool.map((u) => ({ id: u.id, divisionCode: "411302" })), { by: "district" }))).toMatch(/^draw-not-locked:|^invalid-input:/);
    }
  });
});

describe("lockTargetDraw names who locked it with a visible character (as the task layer names an actor, Chongqing 4)", () => {
  it("refuses a name of format characters only, accepts a real one", () => {
    for (const by of ["\u200b", "\u2060", "\u00ad", "\u3000", " 张三"]) expect(codeOf(() => lockTargetDraw(record, { lockedOn: "2026-04-02", lockedBy: by }))).toBe("invalid-input:text-trimmed");
    expect(lockTargetDraw(record, { lockedOn: "2026-04-02", lockedBy: "区市场监管局 张三" }).lockedBy).toBe("区市场监管局 张三");
  });
});

describe("computeQuota reads its options (no silent default for an unknown rounding)", () => {
  it("refuses an unknown rounding, a ratio cap out of range, an unknown category", () => {
    for (const bad of [{ rounding: "bogus" }, { generalMaxRatio: 2 }, { itemCategory: "other" }]) expect(codeOf(() => computeQuota({ ratio: 0.55 }, 10, bad as never))).toMatch(/^invalid-input:(schema:|ratio-range)/);
  });
  it("still accepts a whole policy as its options (its other members are not read)", () => {
    expect(computeQuota({ ratio: 0.55 }, 10, { strata: { A: { ratio: 0.55 } }, rounding: "floor" } as never).quota).toBe(5);
  });
});

describe("long text is measured, not copied", () => {
  it("a record whose algorithm is 2×10⁶ CJK characters is answered (refused) without splitting it into characters", () => {
    const r = { ...json(record), algorithm: "中".repeat(2_000_000) };
    expect(verifyTargetDraw(r as never, pool).ok).toBe(false);
  });
});
