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
  assemblePoolCheck, assemblePoolCommitment, assembleTargetDraw, commitPool, generatePoolCheckSql, POOL_CHECK_LISTED, ShuangsuijiError, createSeed, drawTargets, generateCommitmentSql, generateSelectionSql, verifyTargetDraw,
  verifyTicket, type PoolCheckVerdict, type SqlDialect,
} from "../../src/index.js";
import { HOSTILE, MATRIX, largeCase, type MatrixCase } from "./_pools.js";
import { CH_HTTP, clickhouse, clickhouseQuery, duckdb, postgres, required, tryOpen, type TestEngine } from "./_engines.js";
import { canonical } from "./_canonical.js";
import fc from "fast-check";
import { poolIdProblem } from "../../src/draw/targets/_pool.js";
import { parseDayNumber } from "../../src/calendar/_days.js";

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

/** Runs generatePoolCheckSql's statements on an engine (the optional ones only when the rows call for them) and assembles the verdict. */
async function checkPool(engine: TestEngine, dialect: SqlDialect, t: string): Promise<PoolCheckVerdict> {
  const q = generatePoolCheckSql(dialect, { source: { table: t } });
  const summary = await engine.run(q.summary);
  const duplicates = await engine.run(q.duplicates);
  return assemblePoolCheck({
    summary,
    ...(summary[0]?.["n_class"] === "0" ? {} : { badClasses: await engine.run(q.badClasses) }),
    ...(summary[0]?.["n_date"] === "0" ? {} : { badDates: await engine.run(q.badDates as NonNullable<typeof q.badDates>) }),
    ...(summary[0]?.["n_suspicious"] === "0" ? {} : { suspiciousIds: await engine.run(q.suspiciousIds) }),
    duplicates,
    ...(duplicates.length < POOL_CHECK_LISTED ? {} : { duplicateCount: await engine.run(q.duplicateCount) }),
  });
}

const rulesOf = (issues: readonly { rule: string }[]) => [...new Set(issues.map((i) => i.rule))].sort();
/** Each dialect's verdict per hostile pool, compared across engines at the end. */
const verdicts = new Map<string, Map<SqlDialect, PoolCheckVerdict>>();

for (const dialect of ["postgresql", "duckdb", "clickhouse"] as const) {
  const { engine } = engines[dialect];
  describe(`${dialect}: generated pool-rule checks refuse what commitPool refuses (docs/spec-v1.md §3)`, () => {
    if (engine === undefined) {
      // reported (and required in CI) by the matrix above; a suite with no test is an error in some vitest runs
      it.skip(`${dialect} not reachable`, () => undefined);
      return;
    }
    beforeAll(async () => {
      for (const [i, h] of HOSTILE.entries()) await engine.load(`ssj_hostile_${i}`, h.pool);
      for (const [i, c] of MATRIX.entries()) await engine.load(`ssj_clean_${i}`, c.pool);
    }, 120_000);

    for (const [i, h] of HOSTILE.entries()) {
      it(h.name, async () => {
        let refused: unknown;
        try {
          commitPool(h.pool);
        } catch (e) {
          refused = e;
        }
        expect(refused).toBeInstanceOf(ShuangsuijiError);
        expect(rulesOf((refused as ShuangsuijiError).issues)).toEqual(h.rules);
        const v = await checkPool(engine, dialect, `ssj_hostile_${i}`);
        expect(v.ok).toBe(false);
        if (v.ok) return;
        expect(v.code).toBe((refused as ShuangsuijiError).code);
        expect(rulesOf(v.issues)).toEqual(h.rules);
        expect(v.issues.map((x) => (x as { value?: unknown }).value)).toEqual(expect.arrayContaining([...h.values]));
        for (const x of v.issues) expect(x.messageZh !== "" && x.messageEn !== "" && x.clause !== "").toBe(true);
        // listed ≤ 20 per rule; the rest counted, the counts complete (as commitPool's rows are)
        const commitPoolRows = (rule: string) => new Set((refused as ShuangsuijiError).issues.filter((x) => x.rule === rule && x.path.length > 0).map((x) => x.path[0])).size;
        for (const rule of h.rules) {
          const listed = v.issues.filter((x) => x.rule === rule && x.path.length > 0);
          expect(listed.length).toBeLessThanOrEqual(POOL_CHECK_LISTED);
          const rest = v.issues.find((x) => x.rule === rule && x.path.length === 0);
          const total = rest === undefined ? listed.length : Number(/共(\d+)行/.exec(rest.messageZh)?.[1]);
          if (rule !== "unique-ids") expect(total).toBe(commitPoolRows(rule));
        }
        if (!verdicts.has(h.name)) verdicts.set(h.name, new Map());
        verdicts.get(h.name)?.set(dialect, v);
      }, 60_000);
    }

    it("SQL clears only ids the pool-id rule accepts, and judges dates exactly as parseDayNumber", async () => {
      // ids near every edge of the cheap SQL tests (ASCII case, spaces, USCC shapes) and past them (look-alikes)
      const unit = fc.constantFrom(..."aA0 9Zz-~!`{", "\t", "\u00a0", "\u200b", "\uff21", "\u00e9", "e\u0301", "商", "\ufb01", "\u007f", "\u001f", "\u3000", "\ud840\udc00");
      const usccish = fc.array(fc.constantFrom(..."0123456789ABCDEFGHJKLMNPQRTUWXYabcdxy "), { minLength: 17, maxLength: 20 }).map((a) => a.join(""));
      const ids = [...new Set(fc.sample(fc.oneof(fc.array(unit, { maxLength: 8 }).map((a) => a.join("")), usccish), { seed: 16, numRuns: 3000 }))];
      const days: string[] = [];
      for (const y of ["0000", "0001", "1900", "2000", "2023", "2024", "9999"]) for (let m = 0; m <= 13; m++) for (let d = 0; d <= 32; d++) days.push(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
      days.push("2021/3/1", "2021-3-01", "20210301", " 2021-03-01", "2021-03-01 ", "２０２１-03-01", "");
      const t = "ssj_check_edges";
      await engine.load(t, ids.map((id, i) => ({ id, riskClass: "A", registrationDate: days[i % days.length] as string })).concat(days.slice(ids.length).map((d, i) => ({ id: `E${i}`, riskClass: "A", registrationDate: d }))));
      const q = generatePoolCheckSql(dialect, { source: { table: t } });
      const suspicious = new Set((await engine.run(q.suspiciousIds)).map((r) => r["ssj_id"]));
      const cleared = ids.filter((id) => !suspicious.has(id));
      expect(cleared.length).toBeGreaterThan(100);
      expect(suspicious.size).toBeGreaterThan(100);
      for (const id of cleared) expect(poolIdProblem(id), JSON.stringify(id)).toBeUndefined();
      const [summary] = await engine.run(q.summary);
      expect(Number(summary?.["n_date"])).toBe(Math.max(ids.length, days.length) === ids.length ? ids.filter((_, i) => parseDayNumber(days[i % days.length] as string) === undefined).length : days.filter((d) => parseDayNumber(d) === undefined).length);
    }, 60_000);

    if (dialect === "clickhouse") {
      it("an id on both shards is found whatever the sharding key (the checks merge on the initiator)", async () => {
        const pool = (MATRIX[3] as MatrixCase).pool;
        const t = "ssj_check_cross";
        await engine.load(t, pool);
        const id = pool[5]?.id as string;
        const holds = await Promise.all(CH_HTTP.map(async (port) => Number(await clickhouseQuery(port, `SELECT count() FROM ${t}_local WHERE id = '${id}'`))));
        const other = CH_HTTP[holds[0] === 1 ? 1 : 0] as number;
        // the same id, written straight into the shard that does not hold it (as another sharding key could)
        await clickhouseQuery(other, `INSERT INTO ${t}_local FORMAT JSONEachRow`, undefined, JSON.stringify({ id, risk_class: "A", registration_date: null, status: null, division_code: null }));
        expect(() => commitPool([...pool, { id, riskClass: "A" }])).toThrow(expect.objectContaining({ code: "invalid-input" }));
        const v = await checkPool(engine, dialect, t);
        expect(!v.ok && v.issues.map((x) => [x.rule, x.path])).toEqual([["unique-ids", [id, "id"]]]);
      }, 60_000);
    }

    it("every clean pool of the matrix passes", async () => {
      for (const [i, c] of MATRIX.entries()) expect(await checkPool(engine, dialect, `ssj_clean_${i}`), c.name).toEqual({ ok: true });
    }, 60_000);
  });
}

describe("pool-rule verdicts are the same in every engine", () => {
  it("issue for issue, in the same order", () => {
    const open = Object.values(engines).filter((e) => e.engine !== undefined).length;
    expect(verdicts.size).toBe(HOSTILE.length);
    for (const [name, byDialect] of verdicts) {
      expect(byDialect.size, name).toBe(open);
      const all = [...byDialect.values()];
      for (const v of all.slice(1)) expect(v, name).toEqual(all[0]);
    }
  });
});
