/**
 * For auditors and enterprises: re-verify a published draw.
 *   npx tsx --tsconfig examples/tsconfig.json examples/verify-published-draw.ts
 */
import { readFileSync } from "node:fs";
import { commitPool, drawTargets, seedFromBeacon, verifyTargetDraw, verifyTicket, type TargetDrawRecord } from "shuangsuiji";

// The department publishes the pool commitment first, then the beacon round it will use, then the record.
const pool = (JSON.parse(readFileSync(new URL("./data/targets.json", import.meta.url), "utf8")) as { id: string; riskClass: string; status?: string }[]).slice(0, 800);
const commitment = commitPool(pool, { eligibility: { statuses: ["operating"] } });
const seed = seedFromBeacon({ source: "drand quicknet", round: "9876543", value: "5f0c7a3d2e19b84c6a7f1e0d9c8b7a695847362514f3e2d1c0b9a8f7e6d5c4b3" });
const published: TargetDrawRecord = JSON.parse(
  JSON.stringify(drawTargets({ taskId: "2026-WOLONG-07", pool, seed, commitment, policy: { strata: { A: { ratio: 0.02 }, B: { ratio: 0.05 }, C: { ratio: 0.2 }, D: { ratio: 0.5 } } } })),
);

// An auditor with the pool re-runs everything:
const audit = verifyTargetDraw(published, pool);
console.log(audit.ok ? "auditor: identical" : `auditor: ${audit.mismatches.length} mismatches`);

// Someone edits the published list…
const edited: TargetDrawRecord = { ...published, strata: published.strata.map((s, i) => (i === 0 ? { ...s, selected: s.selected.slice(1) } : s)) };
const caught = verifyTargetDraw(edited, pool);
console.log(caught.ok ? "edit NOT caught" : `edit caught: ${caught.mismatches.map((m) => m.field).join(", ")}`);

// One enterprise, with the record only, checks itself:
const me = pool[0];
if (me !== undefined) {
  const check = verifyTicket(published, { unitId: me.id, riskClass: me.riskClass });
  console.log(check.explanationZh);
  console.log(check.explanationEn);
}
