// The store's loadTask reads each event as text and replays the parsed events without the boundary copy, hashing the
// chain a second time (verifyAuditTrail) only when the replay, the dates or the task ids find something wrong
// (src/postgres/createPostgresEventStore.ts, docs/persistence.md). Property: on random valid trails written to the
// table and the same rows tampered with in SQL (a value edited with and without every digest recomputed, rows removed,
// swapped or cut off, members added), loadTask answers as before — `load` (rows read, chain checked) then a replay of
// what it read: the same task, or the same refusal (the chain's issues word for word, a replay's naming the same event).
import { afterAll, beforeAll, expect, it } from "vitest";
import fc from "fast-check";
import type pg from "pg";
import { ShuangsuijiError, replayTask, type AuditEvent } from "../../src/index.js";
import { createPostgresEventStore, type PostgresEventStore } from "../../src/postgres/index.js";
import { canonicalJson } from "../../src/draw/_shared/_encoding.js";
import { calendars, locked, run, sequence, tamperArb, tampered, withTeams } from "../task/_trails.js";
import { describePg, newPool } from "./_pg.js";

const TABLE = "events_load_text_test";

describePg("the store's loadTask (events read as text, chain hashed once)", () => {
  let admin: pg.Pool;
  let store: PostgresEventStore;
  beforeAll(async () => {
    admin = newPool(2);
    await admin.query(`DROP TABLE IF EXISTS ${TABLE} CASCADE`);
    store = createPostgresEventStore(admin, { table: TABLE });
    await store.migrate();
  });
  afterAll(async () => {
    await admin?.end();
  });

  /** Writes the rows as given, past the append-only triggers and the chain's foreign key; false when a CHECK refuses them. */
  async function write(id: string, events: readonly Record<string, unknown>[]): Promise<boolean> {
    const c = await admin.connect();
    try {
      await c.query("BEGIN");
      await c.query("SET LOCAL session_replication_role = replica");
      await c.query(`DELETE FROM ${TABLE}`);
      for (const e of events) await c.query(`INSERT INTO ${TABLE} (task_id, seq, digest, prev_digest, event) VALUES ($1, $2, $3, $4, $5::jsonb)`, [id, e.seq, e.digest, e.prevDigest, JSON.stringify(e)]);
      await c.query("COMMIT");
      return true;
    } catch {
      await c.query("ROLLBACK");
      return false;
    } finally {
      c.release();
    }
  }

  type Answer = { ok: string } | { code: string; issues: unknown[] };
  const answer = async (f: () => Promise<unknown> | unknown, exact: boolean): Promise<Answer> => {
    try {
      return { ok: canonicalJson(await f()) };
    } catch (e) {
      if (!(e instanceof ShuangsuijiError)) throw e;
      return { code: e.code, issues: e.issues.map((i) => (exact ? i : i.path)) };
    }
  };

  it("answers as load + replay on random valid and tampered rows", async () => {
    const seen = new Set<string>();
    let written = 0;
    await fc.assert(
      fc.asyncProperty(sequence, fc.boolean(), tamperArb.filter((t) => t.kind !== "long"), async (ops, fromLocked, tamper) => {
        const t = run(fromLocked ? locked : withTeams, ops);
        const events = JSON.parse(tampered(t.audit, tamper)) as Record<string, unknown>[];
        if (!(await write(t.task.id, events))) return;
        written++;
        const got = await answer(() => store.loadTask(t.task.id, { calendars }), true);
        // before: the rows read and their chain checked (load), then the replay of what was read
        let before: Answer;
        try {
          const read = await store.load(t.task.id);
          before = await answer(() => replayTask(read as AuditEvent[], { calendars }), false);
          if (!("ok" in before)) expect("issues" in got && got.issues.map((i) => (i as { path: unknown }).path)).toEqual(before.issues);
          else expect(got).toEqual(before);
        } catch (e) {
          if (!(e instanceof ShuangsuijiError)) throw e;
          expect(got).toEqual({ code: e.code, issues: e.issues });
        }
        if (tamper.kind === "none") expect(got).toEqual({ ok: canonicalJson(t) });
        seen.add("ok" in got ? "ok" : got.code);
      }),
      { seed: 1410, numRuns: 40 },
    );
    expect(seen.has("ok") && seen.has("audit-trail-invalid")).toBe(true);
    expect(written).toBeGreaterThan(25);
  });
});
