/**
 * The equivalence matrix (issue 16): for each pool, PostgreSQL, DuckDB and the 2-shard ClickHouse cluster run the
 * generated SQL; the commitment assembled from their rows equals commitPool's, and the record assembled from their rows
 * is byte-identical to drawTargets's (canonical JSON, and the digest) and verifies. ClickHouse runs each statement
 * through the Distributed table (each shard computes its part, the initiator concatenates: docs/scale.md), and again on
 * each shard's local table at once with the shards merged by the library; the Distributed table shards the pool on
 * insert. In CI a missing engine fails; locally it is skipped with a message.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assemblePoolCommitment, assembleTargetDraw, commitPool, createSeed, drawTargets, generateCommitmentSql, generateSelectionSql, verifyTargetDraw,
  verifyTicket, type SqlDialect,
} from "../../src/index.js";
import { MATRIX, largeCase, type MatrixCase } from "./_pools.js";
import { clickhouse, duckdb, postgres, required, tryOpen, type TestEngine } from "./_engines.js";
import { canonical } from "./_canonical.js";

const seed = createSeed("5b2c0e8f71a94d3e8c6b1f0a2d4e6f80", { kind: "other", description: "equivalence matrix" });
const taskId = "2026年度双随机抽查-第3批";
const CASES: readonly MatrixCase[] = [...MATRIX, largeCase()];

const engines: Record<SqlDialect, { engine?: TestEngine; why?: string }> = {
  postgresql: await tryOpen(postgres),
  duckdb: await tryOpen(duckdb),
  clickhouse: await tryOpen(clickhouse),
};

afterAll(async () => {
  for (const e of Object.values(engines)) await e.engine?.close();
});

const table = (i: number) => `ssj_matrix_${i}`;

for (const dialect of ["postgresql", "duckdb", "clickhouse"] as const) {
  const { engine, why } = engines[dialect];
  describe(`${dialect}: records byte-identical to drawTargets`, () => {
    if (engine === undefined) {
      it(`${dialect} is available${required() ? "" : " (skipped locally)"}`, (ctx) => {
        if (!required()) {
          console.warn(`${dialect} not reachable, matrix skipped: ${why}`);
          ctx.skip();
        }
        throw new Error(`${dialect} is required in CI and not reachable: ${why}`);
      });
      return;
    }
    beforeAll(async () => {
      for (const [i, c] of CASES.entries()) await engine.load(table(i), c.pool);
    }, 120_000);

    for (const [i, c] of CASES.entries()) {
      it(c.name, async () => {
        const expected = drawTargets({ taskId, pool: c.pool, seed, commitment: commitPool(c.pool, c.rules), policy: c.policy });
        const commitmentShards = await engine.runShards((t) => generateCommitmentSql({ dialect, source: { table: t }, ...c.rules }), table(i));
        const commitment = assemblePoolCommitment({ rows: commitmentShards.flat(), ...c.rules });
        expect(canonical(commitment)).toBe(canonical(expected.poolCommitment));
        const selectionShards = await engine.runShards((t) => generateSelectionSql({ dialect, source: { table: t }, taskId, policy: c.policy, seed, commitment }), table(i));
        const shards = commitmentShards.map((commitmentRows, k) => ({ commitmentRows, selectionRows: selectionShards[k] ?? [] }));
        const record = assembleTargetDraw({ taskId, policy: c.policy, seed, commitment, shards });
        expect(canonical(record)).toBe(canonical(expected));
        expect(record.digest).toBe(expected.digest);
        expect(verifyTargetDraw(record, c.pool).ok).toBe(true);
        for (const s of record.strata) for (const u of s.selected.slice(0, 3)) expect(verifyTicket(record, { unitId: u.unitId, riskClass: s.riskClass })).toMatchObject({ listed: true, shouldBeSelected: true });
        // the counts-only check at draw time gives the same record
        const countShards = await engine.runShards((t) => generateCommitmentSql({ dialect, source: { table: t }, ...c.rules, check: "counts" }), table(i));
        const byCounts = assembleTargetDraw({ taskId, policy: c.policy, seed, commitment, commitmentCheck: "counts", shards: countShards.map((commitmentRows, k) => ({ commitmentRows, selectionRows: selectionShards[k] ?? [] })) });
        expect(byCounts.digest).toBe(expected.digest);
        // ranking the whole strata (no prefilter) selects the same units
        const fullShards = await engine.runShards((t) => generateSelectionSql({ dialect, source: { table: t }, taskId, policy: c.policy, seed, commitment, prefilter: false }), table(i));
        const full = assembleTargetDraw({ taskId, policy: c.policy, seed, commitment, shards: commitmentShards.map((commitmentRows, k) => ({ commitmentRows, selectionRows: fullShards[k] ?? [] })) });
        expect(full.digest).toBe(expected.digest);
        if (dialect === "clickhouse") {
          // each shard's server on its local table, the library merging the two shards: the same record
          const ch = engines.clickhouse.engine as Awaited<ReturnType<typeof clickhouse>>;
          const local = await ch.runLocalShards((t) => generateCommitmentSql({ dialect, source: { table: t }, ...c.rules }), table(i));
          const localSelection = await ch.runLocalShards((t) => generateSelectionSql({ dialect, source: { table: t }, taskId, policy: c.policy, seed, commitment }), table(i));
          expect(local).toHaveLength(2);
          // through the Distributed table the initiator only concatenated: as many rows as the two shards' own
          expect(commitmentShards.flat()).toHaveLength(local.flat().length);
          const perShard = assembleTargetDraw({ taskId, policy: c.policy, seed, commitment, shards: local.map((commitmentRows, k) => ({ commitmentRows, selectionRows: localSelection[k] ?? [] })) });
          expect(perShard.digest).toBe(expected.digest);
        }
      }, 60_000);
    }

    it("a pool that is not the committed one is refused", async () => {
      const c = MATRIX[0] as MatrixCase;
      const commitment = commitPool(c.pool.slice(1), c.rules);
      const commitmentShards = await engine.runShards((t) => generateCommitmentSql({ dialect, source: { table: t }, ...c.rules }), table(0));
      const selectionShards = await engine.runShards((t) => generateSelectionSql({ dialect, source: { table: t }, taskId, policy: c.policy, seed, commitment }), table(0));
      const shards = commitmentShards.map((commitmentRows, k) => ({ commitmentRows, selectionRows: selectionShards[k] ?? [] }));
      expect(() => assembleTargetDraw({ taskId, policy: c.policy, seed, commitment, shards })).toThrow(expect.objectContaining({ code: "pool-commitment-mismatch" }));
    });
  });
}
