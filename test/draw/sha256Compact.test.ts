// The draw on the compact SHA-256 compression (src/draw/_shared/_compressCompact.ts, the browsers' through the
// package.json "browser" field; issue 15): here every module of the library that imports the unrolled kernel gets the
// compact one instead (vi.mock), so the record digests, one-shot hashes, tickets, commitments and stage 2's record text
// are computed by it in Node, and the frozen golden vectors must come out byte for byte the same. The kernel's own
// differential tests are in test/draw/sha256.test.ts; test/draw/sha256Browser.test.ts bundles the draw for a browser.
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import * as compact from "../../src/draw/_shared/_compressCompact.js";
import * as mapped from "../../src/draw/_shared/_compress.js";
import { canonicalJson, digestOf, sha256Hex, utf8 } from "../../src/draw/_shared/_encoding.js";
import { verifyTargetDraw, verifyTicket, drawTargets, commitPool } from "../../src/index.js";
import { computeGolden, computeGoldenStage2, GOLDEN_OPTIONS, GOLDEN_POLICY, GOLDEN_POOL, GOLDEN_SEED, GOLDEN_TASK } from "./_golden.js";

vi.mock("../../src/draw/_shared/_compress.js", async () => await import("../../src/draw/_shared/_compressCompact.js"));

const nodeHex = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("the library on the compact compression (every import of _compress.ts given _compressCompact.ts)", () => {
  it("the substitution is in effect", () => {
    expect(mapped.compressBytes).toBe(compact.compressBytes);
    expect(mapped.IV).toBe(compact.IV);
  });
  it("the frozen stage-1 and stage-2 golden vectors are unchanged (algorithm v1)", () => {
    expect(computeGolden()).toEqual(JSON.parse(readFileSync(new URL("./golden/stage1-v1.json", import.meta.url), "utf8")));
    expect(computeGoldenStage2()).toEqual(JSON.parse(readFileSync(new URL("./golden/stage2-v1.json", import.meta.url), "utf8")));
  });
  it("a golden record verifies, and every unit's ticket answer agrees with the record", () => {
    const commitment = commitPool(GOLDEN_POOL, GOLDEN_OPTIONS);
    const record = drawTargets({ taskId: GOLDEN_TASK, pool: GOLDEN_POOL, policy: GOLDEN_POLICY, seed: GOLDEN_SEED, commitment });
    expect(verifyTargetDraw(record, GOLDEN_POOL).ok).toBe(true);
    const selected = new Set(record.strata.flatMap((s) => s.selected.map((u) => u.unitId)));
    expect(selected.size).toBeGreaterThan(0);
    for (const u of GOLDEN_POOL) {
      const answer = verifyTicket(record, { unitId: u.id, riskClass: u.riskClass });
      expect(answer.status).toBe(selected.has(u.id) ? "selected" : answer.status === "not-in-stratum" ? "not-in-stratum" : "not-selected");
    }
  });
  it("sha256Hex and the record digest (digestOf) agree with node:crypto", () => {
    for (let n = 0; n <= 300; n++) {
      const b = Uint8Array.from({ length: n }, (_, i) => (Math.imul(i + 1, 2654435761) + n) >>> 24);
      expect(sha256Hex(b)).toBe(nodeHex(b));
    }
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(digestOf(v)).toBe(nodeHex(utf8(canonicalJson(v))));
      }),
      { seed: 8, numRuns: 500 },
    );
  });
});
