// What a sound enterprise self-check must verify (issue 15: a lighter verifyTicket may check less than the whole record,
// but never less than this). A forger edits the published record — one field or one structural change at a time,
// recomputing the record digest as a forger would — and asks verifyTicket about every unit of the pool, with and
// without the registration facts. The answer must be either the honest answer (same status and reason) or
// "inconsistent": never "selected" / "not selected" / "not in stratum" on a record that is wrong about something that
// answer depends on (seed derivation, task id, quota and its policy and committed sizes, the stratum's listed tickets,
// order and threshold, the unit's own listing anywhere, the exclusions and eligibility rules bound by the commitment).
// Implementation-independent: it pins the contract, not how _checkRecord meets it.
import { describe, expect, it } from "vitest";
import { commitPool, commitSeedShare, drawTargets, seedFromDice, seedFromShares, verifyTicket, type TargetDrawRecord, type TicketQuery } from "../../src/index.js";
import { canonicalJson, digestOf } from "../../src/draw/_shared/_encoding.js";
import { allEdits, type Json } from "./_tamper.js";
import { GOLDEN_OPTIONS, GOLDEN_POLICY, GOLDEN_POOL, GOLDEN_SEED, GOLDEN_TASK } from "./_golden.js";

const withDigest = (v: Json): Json => {
  if (v === null || typeof v !== "object" || Array.isArray(v) || !("digest" in v)) return v;
  const { digest: _d, ...body } = v;
  return { ...body, digest: digestOf(body) };
};

interface Unit { readonly id: string; readonly riskClass: string; readonly registrationDate?: string; readonly status?: string }
const pool2: Unit[] = Array.from({ length: 16 }, (_, i) => ({
  id: i % 5 === 0 ? `检查对象-${i}` : `91411303MA${String(i).padStart(8, "0")}`,
  riskClass: "ABCD"[i % 4] as string,
  registrationDate: `20${String(10 + (i % 14)).padStart(2, "0")}-06-01`,
  status: i % 7 === 3 ? "deregistered" : "operating",
}));
const a = "00112233445566778899aabbccddeeff";
const b = "ffeeddccbbaa99887766554433221100";
const SOURCES: { name: string; pool: readonly Unit[]; record: TargetDrawRecord }[] = [
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

/** Each unit asked twice: with its id and class only, and with its registration facts. */
const queries = (pool: readonly Unit[]): TicketQuery[] =>
  pool.flatMap((u) => [
    { unitId: u.id, riskClass: u.riskClass },
    { unitId: u.id, riskClass: u.riskClass, ...(u.registrationDate === undefined ? {} : { registrationDate: u.registrationDate }), ...(u.status === undefined ? {} : { status: u.status }) },
  ]);

const verdict = (record: unknown, q: TicketQuery): string => {
  const c = verifyTicket(record as TargetDrawRecord, q);
  return `${c.status}/${c.reason}`;
};

describe("verifyTicket is sound against a forger: every forged record gives the honest answer or 'inconsistent', for every unit", () => {
  for (const src of SOURCES) {
    it(src.name, () => {
      const original = JSON.parse(JSON.stringify(src.record)) as Json;
      // every selected unit (a forger may move or drop a listing; asked by id and class: listing decides its answer) and one
      // unit per other answer, class and query form
      const seen = new Set<string>();
      const qs = queries(src.pool).filter((q) => {
        const v = verdict(src.record, q);
        const facts = q.registrationDate !== undefined || q.status !== undefined;
        const key = `${v}|${q.riskClass}|${facts}`;
        if (v.startsWith("selected/") ? facts : seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      const honest = qs.map((q) => verdict(src.record, q));
      // the honest record never answers "inconsistent", and the cases below cover each answer
      expect(honest.filter((v) => v.startsWith("inconsistent"))).toEqual([]);
      expect(honest.some((v) => v.startsWith("selected/"))).toBe(true);
      expect(honest.some((v) => v.startsWith("not-selected/") || v.startsWith("not-in-stratum/"))).toBe(true);
      let forgeries = 0;
      const wrong: string[] = [];
      for (const e of allEdits(original, (p) => p === "digest")) {
        const forged = withDigest(e.value);
        if (canonicalJson(forged) === canonicalJson(original)) continue;
        forgeries++;
        qs.forEach((q, i) => {
          const v = verdict(forged, q);
          if (v.startsWith("inconsistent/")) return;
          if (v !== honest[i]) wrong.push(`${e.path} (${e.kind}): ${q.unitId} ${honest[i]} → ${v}`);
        });
      }
      expect(forgeries).toBeGreaterThan(200);
      expect(wrong.slice(0, 20)).toEqual([]);
    });
  }
});
