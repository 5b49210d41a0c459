import { readPlain } from "../../_internal/boundary.js";
import { ShuangsuijiError, type RuleIssue } from "../../errors/ShuangsuijiError.js";
import { ruleIssue } from "../../errors/_drawRules.js";
import type { SeedRecord } from "./SeedRecord.js";
import { commitSeedShare } from "./commitSeedShare.js";
import { readInput } from "../_light/_parse.js";
import { SharesReader } from "../_light/_schemas.js";
import { seedOf } from "./_seed.js";
import { cappedIssues } from "../../errors/_capIssues.js";

/**
 * Combines commit–reveal shares from several departments into one seed. Every reveal must match the commitment the
 * party published beforehand; the seed is SHA-256 over the parties' reveals in party order, so no party can steer it
 * once the others have committed.
 *
 * @param raw - Every party's `party` name, published `commitment` and `reveal`ed share.
 * @returns The seed record, provenance `commit-reveal`.
 * @throws {@link ShuangsuijiError} `invalid-input` when a share is malformed, a reveal does not match its commitment, a
 *   party is listed twice, or there are fewer than two parties (all listed).
 * @throws {@link ShuangsuijiError} `seed-too-weak` when a revealed share carries under 128 bits.
 * @category Draw
 * @example
 * ```ts
 * import { commitSeedShare, seedFromShares } from "shuangsuiji";
 * const a = "00112233445566778899aabbccddeeff";
 * const b = "ffeeddccbbaa99887766554433221100";
 * const seed = seedFromShares([
 *   { party: "SCJG", commitment: commitSeedShare(a), reveal: a },
 *   { party: "WJW", commitment: commitSeedShare(b), reveal: b },
 * ]);
 * ```
 */
export function seedFromShares(raw: readonly { readonly party: string; readonly commitment: string; readonly reveal: string }[]): SeedRecord {
  const shares = readPlain(raw, ["shares"], { maxArrayLength: 10_000 }) as typeof raw;
  readInput(SharesReader, shares, "docs/spec-v1.md §5.4"); // z.array(z.object({ party, commitment, reveal: z.string() }))'s issues, without zod
  const issues: RuleIssue[] = [];
  shares.forEach((s, i) => {
    if (commitSeedShare(s.reveal) !== s.commitment.toLowerCase()) issues.push(ruleIssue("seed-share-reveal", [i, "reveal"], { value: s.party }));
  });
  if (new Set(shares.map((s) => s.party)).size !== shares.length) issues.push(ruleIssue("unique-ids", ["party"]));
  if (shares.length < 2) issues.push(ruleIssue("seed-share-reveal", [], { detailZh: "至少需要两方", detailEn: "at least two parties" }));
  if (issues.length > 0) throw new ShuangsuijiError("invalid-input", cappedIssues(issues));
  const sorted = [...shares].sort((x, y) => (x.party < y.party ? -1 : x.party > y.party ? 1 : 0));
  return seedOf(["commit-reveal", ...sorted.flatMap((s) => [s.party, s.reveal.toLowerCase()])], {
    kind: "commit-reveal",
    shares: sorted.map((s) => ({ party: s.party, commitment: s.commitment.toLowerCase(), reveal: s.reveal.toLowerCase() })),
  });
}
