/**
 * Writes the cases the Python reference verifier (tools/verify_draw.py) must agree on: the golden vectors and a few
 * hundred random draws (random pools with Chinese and ASCII ids, eligibility rules, exclusions, policies, every seed
 * kind, timelines), forged variants of them (one field changed, digest recomputed), and enterprise ticket queries
 * (selected, not selected, ineligible, unknown ids, class spellings) — each with the library's own answer.
 * Usage: tsx scripts/ci/python-verifier-cases.ts [count] > cases.json. Deterministic (fixed generator seed).
 */
import {
  commitPool, commitSeedShare, createSeed, drawTargets, seedFromBeacon, seedFromDice, seedFromLottery, seedFromShares, verifyTargetDraw, verifyTicket,
  type DrawUnit, type SamplingPolicy, type SeedRecord, type TargetDrawRecord,
} from "../../src/index.js";
import { digestOf } from "../../src/draw/_encoding.js";
import { GOLDEN_OPTIONS, GOLDEN_POLICY, GOLDEN_POOL, GOLDEN_SEED, GOLDEN_TASK } from "../../test/draw/_golden.js";

let state = 0x9e3779b9;
const rnd = (): number => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 2 ** 32;
};
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T;
const hex = (n: number) => Array.from({ length: n }, () => "0123456789abcdef"[int(0, 15)]).join("");
const STATUSES = ["operating", "deregistered", "moved-out"] as const;

function randomSeed(): SeedRecord {
  switch (int(0, 4)) {
    case 0:
      return seedFromDice({ digits: Array.from({ length: 39 }, () => String(int(0, 9))).join(""), witnesses: ["张伟", "李娜"], date: "2026-04-01" });
    case 1:
      return seedFromLottery({ name: "体彩排列5", drawId: `26${int(100, 999)}`, numbers: Array.from({ length: 40 }, () => int(0, 9)) }, { maxNumber: 9 });
    case 2:
      return seedFromBeacon({ source: "drand quicknet", round: String(int(1, 9e6)), value: hex(64) });
    case 3: {
      const a = hex(32);
      const b = hex(32);
      return seedFromShares([{ party: "WJW", commitment: commitSeedShare(b), reveal: b }, { party: "SCJG", commitment: commitSeedShare(a), reveal: a }]);
    }
    default:
      return createSeed(hex(64), { kind: "other", description: "crypto.getRandomValues" });
  }
}

function randomPool(n: number): DrawUnit[] {
  return Array.from({ length: n }, (_, i) => {
    const id = pick([`91411303MA${hex(8).toUpperCase()}`, `检查对象-${i}-${hex(2)}`, `U-${i}`, `南阳市宛城区${i}号店`]) + (i % 3 === 0 ? "" : `-${i}`);
    const u: { id: string; riskClass: string; registrationDate?: string; status?: string; divisionCode?: string } = { id: `${id}#${i}`, riskClass: pick(["A", "B", "C", "D", "E"]) };
    if (rnd() < 0.9) u.registrationDate = `20${String(int(5, 24)).padStart(2, "0")}-${String(int(1, 12)).padStart(2, "0")}-${String(int(1, 28)).padStart(2, "0")}`;
    if (rnd() < 0.9) u.status = pick(STATUSES);
    if (rnd() < 0.8) u.divisionCode = pick(["411302", "411303"]);
    return u;
  });
}

function randomPolicy(): SamplingPolicy {
  const strata: Record<string, Record<string, number>> = {};
  for (const c of ["A", "B", "C", "D"]) {
    if (rnd() < 0.15) continue;
    const r: Record<string, number> = rnd() < 0.7 ? { ratio: Math.round(rnd() * 1e6) / 1e6 } : { count: int(0, 8) };
    if (rnd() < 0.2) r.min = int(0, 3);
    if (rnd() < 0.2) r.max = int(3, 9);
    strata[c] = r;
  }
  const p: Record<string, unknown> = { strata };
  if (rnd() < 0.5) p.rounding = pick(["ceil", "floor", "half-up"]);
  if (rnd() < 0.3) p.itemCategory = "general";
  if (p.itemCategory === "general" && rnd() < 0.5) p.generalMaxRatio = 1;
  if (rnd() < 0.2) p.overallFloor = { ratio: 0.01, basis: "企业公示信息抽查办法 art. 4" };
  return p as SamplingPolicy;
}

function forge(record: TargetDrawRecord): TargetDrawRecord {
  const r = JSON.parse(JSON.stringify(record)) as Record<string, unknown> & TargetDrawRecord;
  const s = r.strata.find((x) => x.selected.length > 0) as unknown as { selected: { unitId: string; ticket: string }[]; quota: number } | undefined;
  switch (int(0, 4)) {
    case 0:
      if (s !== undefined) s.selected[0]!.unitId += "x";
      else (r as { taskId: string }).taskId += "x";
      break;
    case 1:
      (r as { poolCommitment: { ineligible: Record<string, number> } }).poolCommitment.ineligible.excluded = 99;
      break;
    case 2:
      (r as Record<string, unknown>).extra = 1;
      break;
    case 3:
      if (s !== undefined) s.quota += 1;
      else (r as { selectedCount: number }).selectedCount += 1;
      break;
    default:
      (r as { seed: { value: string } }).seed.value = hex(64);
  }
  const { digest: _d, ...body } = r;
  return { ...body, digest: digestOf(body) } as TargetDrawRecord;
}

const answer = (record: TargetDrawRecord, q: Parameters<typeof verifyTicket>[1]) => {
  try {
    const c = verifyTicket(record, q);
    return { status: c.status, reason: c.reason, ticket: c.ticket, rank: c.rank };
  } catch {
    return { status: "refused" };
  }
};

function casesFor(name: string, record: TargetDrawRecord, pool: readonly DrawUnit[], announced?: Record<string, unknown>) {
  const v = verifyTargetDraw(record, pool);
  const queries: Parameters<typeof verifyTicket>[1][] = [];
  for (const u of pool.slice(0, 6)) queries.push({ unitId: u.id, riskClass: u.riskClass });
  for (const u of pool.slice(6, 12)) queries.push({ unitId: ` ${u.id} `, riskClass: `${u.riskClass.toLowerCase()}类`, ...(u.registrationDate === undefined ? {} : { registrationDate: u.registrationDate }), ...(u.status === undefined ? {} : { status: u.status }), ...(u.divisionCode === undefined ? {} : { divisionCode: u.divisionCode }) });
  for (const s of record.strata) for (const x of s.selected.slice(0, 2)) queries.push({ unitId: x.unitId, riskClass: `${String.fromCharCode(s.riskClass.charCodeAt(0) + 0xfee0)}类` });
  queries.push({ unitId: `UNKNOWN-${name}`, riskClass: "B" });
  return { name, record, pool, ...(announced === undefined ? {} : { announced }), library: { ok: v.ok, digest: record.digest }, tickets: queries.map((q) => ({ ...q, library: answer(record, q) })) };
}

const count = Number(process.argv[2] ?? "300");
const cases = [];
const golden = drawTargets({ taskId: GOLDEN_TASK, pool: GOLDEN_POOL, policy: GOLDEN_POLICY, seed: GOLDEN_SEED, commitment: commitPool(GOLDEN_POOL, GOLDEN_OPTIONS) });
cases.push(casesFor("golden stage1-v1", golden, GOLDEN_POOL, { poolCommitmentDigest: golden.poolCommitment.digest, taskId: GOLDEN_TASK }));
let refused = 0;
for (let k = 0, drawn = 0; drawn < count; k++) {
  const pool = randomPool(int(3, 60));
  const eligibility: Record<string, unknown> = {};
  if (rnd() < 0.5) eligibility.registeredOnOrBefore = "2021-12-31";
  if (rnd() < 0.5) eligibility.statuses = rnd() < 0.5 ? ["operating"] : ["operating", "moved-out"];
  if (rnd() < 0.2) eligibility.divisionCodes = ["411302"];
  if (rnd() < 0.3) eligibility.whenUnknown = pick(["include", "exclude"]);
  const exclusions = pool.filter(() => rnd() < 0.05).map((u) => ({ unitId: u.id, reason: "近一年内已检查" }));
  const seed = randomSeed();
  const timeline = rnd() < 0.3 ? { commitmentPublishedOn: "2026-03-30", seedFixedOn: seed.provenance.kind === "dice" ? seed.provenance.date : "2026-04-02" } : undefined;
  let record: TargetDrawRecord;
  try {
    record = drawTargets({ taskId: `T-${k}`, pool, policy: randomPolicy(), seed, commitment: commitPool(pool, { eligibility, exclusions }), ...(timeline === undefined ? {} : { timeline }) });
  } catch {
    refused++;
    continue;
  }
  drawn++;
  cases.push(casesFor(`random ${k}`, record, pool));
  if (k % 3 === 0) cases.push(casesFor(`forged ${k}`, forge(record), pool));
}
// An honest record never tells an enterprise "inconsistent" (issue 11): checked here on every honest case.
const alarms = cases.filter((c) => !c.name.startsWith("forged")).flatMap((c) => c.tickets.filter((t) => t.library.status === "inconsistent").map((t) => `${c.name}: ${t.unitId}`));
if (alarms.length > 0) {
  process.stderr.write(`honest records answered "inconsistent": ${alarms.slice(0, 10).join("; ")}\n`);
  process.exitCode = 1;
}
process.stderr.write(`${cases.length} cases (${refused} random inputs refused by the library and skipped)\n`);
process.stdout.write(JSON.stringify(cases));
