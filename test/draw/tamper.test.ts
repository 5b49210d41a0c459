// The tamper suite (issue 11): from valid records, every single-field edit and every structural edit, with the digest
// recomputed as a forger would — each must be reported, none may throw. Figures are printed and quoted in docs/draw.md.
import { describe, expect, it } from "vitest";
import {
  ShuangsuijiError, commitPool, commitSeedShare, createSeed, drawInspectors, drawTargets, lockTargetDraw, seedFromDice, seedFromShares, verifyInspectorDraw,
  verifyTargetDraw, verifyTicket, type DrawInspectorsInput, type Inspector, type TargetDrawRecord,
} from "../../src/index.js";
import { canonicalJson, digestOf } from "../../src/draw/_shared/_encoding.js";
import { allEdits, type Json } from "./_tamper.js";
import { GOLDEN_OPTIONS, GOLDEN_POLICY, GOLDEN_POOL, GOLDEN_SEED, GOLDEN_TASK } from "./_golden.js";

const withDigest = (v: Json): Json => {
  if (v === null || typeof v !== "object" || Array.isArray(v) || !("digest" in v)) return v;
  const { digest: _d, ...body } = v;
  return { ...body, digest: digestOf(body) };
};

const pool2 = Array.from({ length: 16 }, (_, i) => ({
  id: i % 5 === 0 ? `检查对象-${i}` : `91411303MA${String(i).padStart(8, "0")}`,
  riskClass: "ABCD"[i % 4] as string,
  registrationDate: `20${String(10 + (i % 14)).padStart(2, "0")}-06-01`,
  status: i % 7 === 3 ? "deregistered" : "operating",
}));
const a = "00112233445566778899aabbccddeeff";
const b = "ffeeddccbbaa99887766554433221100";
const SOURCES = [
  {
    name: "golden (other seed, cut-off, statuses)",
    pool: GOLDEN_POOL,
    record: drawTargets({ taskId: GOLDEN_TASK, pool: GOLDEN_POOL, policy: GOLDEN_POLICY, seed: GOLDEN_SEED, commitment: commitPool(GOLDEN_POOL, GOLDEN_OPTIONS) }),
  },
  (() => {
    const options = { eligibility: { registeredOnOrBefore: "2021-12-31", statuses: ["operating" as const] }, exclusions: [{ unitId: pool2[1]!.id, reason: "2026-02 已检查" }] };
    const seed = seedFromDice({ digits: "271828182845904523536028747135266249775", witnesses: ["张伟", "李娜"], date: "2026-04-01" });
    const policy = { strata: { A: { ratio: 0.5, min: 1 }, B: { count: 2, max: 2 }, C: { ratio: 0.34 }, D: { ratio: 1 } }, rounding: "half-up" as const, itemCategory: "general" as const, generalMaxRatio: 1, overallFloor: { ratio: 0.03, basis: "企业公示信息抽查办法 art. 4" } };
    return { name: "dice seed, exclusion, timeline, rounding, floor", pool: pool2, record: drawTargets({ taskId: "T-2026-011", pool: pool2, policy, seed, commitment: commitPool(pool2, options), timeline: { commitmentPublishedOn: "2026-03-30", seedFixedOn: "2026-04-01" } }) };
  })(),
  (() => {
    const seed = seedFromShares([{ party: "SCJG", commitment: commitSeedShare(a), reveal: a }, { party: "WJW", commitment: commitSeedShare(b), reveal: b }]);
    return { name: "commit-reveal seed, no eligibility rules", pool: pool2, record: drawTargets({ taskId: "T-3", pool: pool2, policy: { strata: { A: { count: 1 }, C: { count: 2 } } }, seed, commitment: commitPool(pool2) }) };
  })(),
];

/** A copy without its digest and with the dice witnesses sorted (the order of witnesses carries no meaning). */
function witnessesSorted(r: Json): Json {
  const x = JSON.parse(JSON.stringify(r)) as { digest?: unknown; seed?: { provenance?: { kind?: unknown; witnesses?: unknown } } };
  delete x.digest;
  const p = x.seed?.provenance;
  if (p?.kind === "dice" && Array.isArray(p.witnesses)) p.witnesses = [...(p.witnesses as unknown[])].sort();
  return x as Json;
}

describe("tamper suite, stage 1: every edit with the digest recomputed is reported, none throws", () => {
  let total = 0;
  let withPool = 0;
  let recordOnly = 0;
  let byAnnouncement = 0;
  const missedWithPool = new Set<string>();
  for (const src of SOURCES) {
    it(src.name, () => {
      const original = JSON.parse(JSON.stringify(src.record)) as Json;
      const edits = allEdits(original, (p) => p === "digest");
      const announced = { poolCommitmentDigest: src.record.poolCommitment.digest, seed: src.record.seed, taskId: src.record.taskId, policy: src.record.policy, ...(src.record.timeline === undefined ? {} : { timeline: src.record.timeline }) };
      expect(verifyTargetDraw(src.record, src.pool, announced).ok).toBe(true);
      let counted = 0;
      for (const e of edits) {
        const forged = withDigest(e.value);
        if (canonicalJson(forged) === canonicalJson(original)) continue; // not a change of meaning
        // dice witnesses in another order: recorded, not hashed, and compared as a set (docs/spec-v1.md §5.1, §10)
        if (canonicalJson(witnessesSorted(forged)) === canonicalJson(witnessesSorted(original))) continue;
        counted++;
        total++;
        const plain = verifyTargetDraw(forged as unknown as TargetDrawRecord, src.pool);
        const full = verifyTargetDraw(forged as unknown as TargetDrawRecord, src.pool, announced);
        if (!plain.ok) withPool++;
        else missedWithPool.add(`${e.path.replace(/\d+/g, "#")} (${e.kind})`);
        if (!full.ok) byAnnouncement++;
        else throw new Error(`edit not detected: ${e.path} (${e.kind})`);
        try {
          lockTargetDraw(forged as unknown as TargetDrawRecord, { lockedOn: "2026-04-02", lockedBy: "x" });
        } catch (err) {
          expect(err).toBeInstanceOf(ShuangsuijiError);
          recordOnly++;
        }
        // the enterprise self-check never throws a foreign error either
        try {
          verifyTicket(forged as unknown as TargetDrawRecord, { unitId: src.pool[0]!.id, riskClass: src.pool[0]!.riskClass });
        } catch (err) {
          expect(err).toBeInstanceOf(ShuangsuijiError);
        }
      }
      expect(counted).toBeGreaterThan(200);
    });
  }
  it("figures (quoted in docs/draw.md)", () => {
    console.log(`stage-1 tamper suite: ${total} meaning-changing edits; detected by verifyTargetDraw(record, pool): ${withPool} (${((100 * withPool) / total).toFixed(1)}%); with the announced inputs: ${byAnnouncement} (${((100 * byAnnouncement) / total).toFixed(1)}%); refused by lockTargetDraw (record alone): ${recordOnly} (${((100 * recordOnly) / total).toFixed(1)}%)`);
    console.log(`undetected without announcements: ${[...missedWithPool].sort().join("; ")}`);
    expect(byAnnouncement).toBe(total);
    // only declared metadata that changes no output can escape a verifier that has no announcement to compare with
    for (const m of missedWithPool) expect(m).toMatch(/^(seed\.provenance\.(description|witnesses)|policy\.|timeline)/);
  });
});

describe("the auditor's named forgeries", () => {
  const { record, pool } = SOURCES[1]!;
  const forge = (edit: (r: Json & Record<string, Json>) => void) => {
    const r = JSON.parse(JSON.stringify(record)) as Json & Record<string, Json>;
    edit(r);
    return withDigest(r) as unknown as TargetDrawRecord;
  };
  const never = pool.find((u) => !record.strata.some((s) => s.selected.some((x) => x.unitId === u.id)) && u.riskClass === "A")!;
  it("a duplicated stratum entry with a never-drawn unit swapped in (ticket recomputed) is rejected everywhere", async () => {
    const { computeTicket } = await import("../../src/index.js");
    const forged = forge((r) => {
      const strata = r.strata as Record<string, Json>[];
      const a = JSON.parse(JSON.stringify(strata.find((s) => s.riskClass === "A"))) as Record<string, Json>;
      (a.selected as Record<string, Json>[])[0] = { unitId: never.id, ticket: computeTicket({ seed: record.seed.value, taskId: record.taskId, unitId: never.id }) };
      strata.push(a);
    });
    expect(verifyTargetDraw(forged, pool).ok).toBe(false);
    expect(() => lockTargetDraw(forged, { lockedOn: "2026-04-02", lockedBy: "x" })).toThrowError(ShuangsuijiError);
  });
  it("edits to poolCommitment.state, algorithm, kind, a policy ratio and an extra field are all caught", () => {
    const edits: ((r: Record<string, Json>) => void)[] = [
      (r) => ((r.poolCommitment as Record<string, Json>).state = { ...((r.poolCommitment as Record<string, Json>).state as Record<string, Json>), sum: "0".repeat(64) }),
      (r) => (r.algorithm = "shuangsuiji/stage1/v2"),
      (r) => (r.kind = "target-drawx"),
      (r) => ((r.policy as Record<string, Record<string, Record<string, Json>>>).strata!.C!.ratio = 0.35),
      (r) => (r.note = "extra"),
    ];
    for (const e of edits) expect(verifyTargetDraw(forge(e), pool).ok).toBe(false);
  });
  it("a record with a field deleted is reported, not thrown", () => {
    for (const k of Object.keys(record)) {
      if (k === "timeline") continue; // optional: a record without dates is valid (the announcement binds them)
      const v = verifyTargetDraw(forge((r) => delete r[k]), pool);
      expect(v.ok).toBe(false);
    }
    expect(verifyTargetDraw(null as unknown as TargetDrawRecord, pool).ok).toBe(false);
    expect(verifyTargetDraw("x" as unknown as TargetDrawRecord, pool).ok).toBe(false);
  });
});

describe("tamper suite, stage 2", () => {
  const locked = lockTargetDraw(SOURCES[1]!.record, { lockedOn: "2026-04-02", lockedBy: "信用监管科" });
  const staff = (dept: string, n: number): Inspector[] => Array.from({ length: n }, (_, i) => ({ id: `${dept}-${i}`, name: `${dept}${i}`, departmentId: dept, category: "qualified-staff", expertise: ["食品"] }));
  const targets = locked.record.strata.flatMap((s) => s.selected.map((u) => u.unitId));
  const input: DrawInspectorsInput = {
    locked, initiatingDepartmentId: "SCJG", seed: createSeed("33".repeat(16), { kind: "other", description: "stage 2" }),
    departments: [{ departmentId: "SCJG", inspectors: staff("SCJG", 7), workloadCap: 3 }, { departmentId: "WJW", inspectors: staff("WJW", 4), targetIds: targets.slice(0, 2) }],
    recusals: [{ inspectorId: "SCJG-1", targetId: targets[0]!, reason: "亲属关系" }],
  };
  it("every edit of the inspector-draw record is reported by verifyInspectorDraw", () => {
    const r = drawInspectors(input);
    if (!r.ok) throw new Error(r.messageEn);
    expect(verifyInspectorDraw(r.record, input).ok).toBe(true);
    const original = JSON.parse(JSON.stringify(r.record)) as Json;
    let total = 0;
    let detected = 0;
    for (const e of allEdits(original, (p) => p === "digest")) {
      const forged = withDigest(e.value);
      if (canonicalJson(forged) === canonicalJson(original)) continue;
      total++;
      if (!verifyInspectorDraw(forged as never, input).ok) detected++;
      else throw new Error(`stage-2 edit not detected: ${e.path} (${e.kind})`);
    }
    console.log(`stage-2 tamper suite: ${total} meaning-changing edits, ${detected} detected (${((100 * detected) / total).toFixed(1)}%)`);
    expect(detected).toBe(total);
    expect(total).toBeGreaterThan(100);
  });
  it("drawInspectors refuses a list edited after locking, and a lock digest of zeros", () => {
    const edited = { ...locked, record: withDigest({ ...(JSON.parse(JSON.stringify(locked.record)) as Record<string, Json>), selectedCount: 99 }) } as never;
    expect(() => drawInspectors({ ...input, locked: edited })).toThrowError(expect.objectContaining({ code: "draw-not-locked" }));
    expect(() => drawInspectors({ ...input, locked: { ...locked, digest: "0".repeat(64) } })).toThrowError(expect.objectContaining({ code: "draw-not-locked" }));
  });
  it("the same inspector never appears twice on a target: shared ids across departments and repeated targets are refused", () => {
    const shared = { ...input, departments: [input.departments[0]!, { departmentId: "WJW", inspectors: [{ ...staff("SCJG", 1)[0]!, departmentId: "WJW" }, ...staff("WJW", 3)] }] };
    expect(() => drawInspectors(shared)).toThrowError(/directories of SCJG and WJW/);
    expect(() => drawInspectors({ ...input, targetIds: [targets[0]!, ...targets] })).toThrowError(/listed twice/);
    expect(() => drawInspectors({ ...input, recusals: [{ inspectorId: "SCJG-1", targetId: "NOT-A-TARGET", reason: "x" }] })).toThrowError(/recusal names a target/);
  });
});
