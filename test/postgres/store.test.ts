import { spawn } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import type pg from "pg";
import {
  ShuangsuijiError, completeInspection, publicView, publishResults, recordResult, verifyAuditTrail, verifyTask, type AuditEvent, type TaskLifecycle,
} from "../../src/index.js";
import { createPostgresEventStore, type PostgresEventStore } from "../../src/postgres/index.js";
import { canonicalJson, digestOf } from "../../src/draw/_shared/_encoding.js";
import { inspectingTask, resultForms } from "../../bench/_lifecycle.js";
import { describePg, newPool, PG_URL } from "./_pg.js";

const TABLE = "events_store_test";
const ON = { on: "2026-04-15", actor: "联合检查组" };

describePg("PostgreSQL event store (a real server)", () => {
  let admin: pg.Pool;
  let store: PostgresEventStore;
  const base = inspectingTask(16);
  const forms = resultForms(base);
  /** The task's own id: a trail is stored under the task it plans (Chongqing 4; hostile7b F1). */
  const ID = base.task.id;

  beforeAll(async () => {
    admin = newPool(4);
    await admin.query(`DROP TABLE IF EXISTS ${TABLE} CASCADE`);
    store = createPostgresEventStore(admin, { table: TABLE });
    await store.migrate();
    await store.migrate(); // idempotent
  });
  afterAll(async () => {
    await admin?.end();
  });

  /** Each scenario's own table (the task is stored under its own id, once per scenario). */
  const tab = (key: string) => `${TABLE}_${key.replace(/-/g, "_")}`;
  const stores = new Map<string, PostgresEventStore>();
  const at = (key: string) => stores.get(key) ?? stores.set(key, createPostgresEventStore(admin, { table: tab(key) })).get(key)!;
  /** Stores a task's events in a fresh table for the scenario `key`. */
  const put = async (key: string, t: TaskLifecycle) => {
    await admin.query(`DROP TABLE IF EXISTS ${tab(key)} CASCADE`);
    await at(key).migrate();
    await at(key).append(t.task.id, t.audit);
    return t;
  };
  const code = async (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => (e instanceof ShuangsuijiError ? e : Promise.reject(e)));

  it("stores, reloads and continues a task; the reloaded task replays to the same state", async () => {
    await put("roundtrip", base);
    const loaded = await at("roundtrip").loadTask(ID);
    expect(canonicalJson(loaded)).toBe(canonicalJson(base));
    const next = await at("roundtrip").update(ID, (t) => recordResult(t, forms[0]!, ON));
    expect(next.records).toHaveLength(1);
    expect((await at("roundtrip").load(ID)).length).toBe(base.audit.length + 1);
    // a stale writer (built on the old head) is refused with a conflict and writes nothing
    const stale = recordResult(base, forms[1]!, ON).task;
    expect((await code(at("roundtrip").append(ID, stale.audit.slice(base.audit.length))))?.code).toBe("append-conflict");
    expect((await at("roundtrip").load(ID)).length).toBe(base.audit.length + 1);
    // events whose chain is wrong never reach the database
    const forged = { ...stale.audit.at(-1)!, seq: base.audit.length + 1 };
    expect((await code(at("roundtrip").append(ID, [forged])))?.code).toBe("audit-trail-invalid");
  });

  it("8 concurrent writers append results to one task: each lands exactly once or is refused and retried; every reader replays the same state", async () => {
    await put("concurrent", base);
    const pools = Array.from({ length: 8 }, () => newPool(2));
    try {
      const stores8 = pools.map((p) => createPostgresEventStore(p, { table: tab("concurrent") }));
      let waiting = 8;
      let release!: () => void;
      const allLoaded = new Promise<void>((r) => { release = r; });
      const writer = async (w: number) => {
        let conflicts = 0;
        const mine = forms.filter((_, i) => i % 8 === w);
        for (const [k, form] of mine.entries()) {
          for (;;) {
            const before = await stores8[w]!.loadTask(ID);
            if (k === 0 && conflicts === 0 && --waiting === 0) release();
            if (k === 0 && conflicts === 0) await allLoaded; // the first round: all 8 append on the same head
            const after = recordResult(before, form, ON).task;
            try {
              await stores8[w]!.append(ID, after.audit.slice(before.audit.length));
              break;
            } catch (e) {
              if (!(e instanceof ShuangsuijiError && e.code === "append-conflict")) throw e;
              conflicts++;
            }
          }
        }
        return conflicts;
      };
      const conflicts = await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map(writer));
      // on the same head exactly one of the eight wins the first round
      expect(conflicts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(7);
      const events = await at("concurrent").load(ID);
      expect(events.length).toBe(base.audit.length + forms.length);
      const recorded = events.filter((e) => e.type === "result-recorded").map((e) => e.payload.targetId);
      expect(new Set(recorded).size).toBe(forms.length);
      expect(recorded.length).toBe(forms.length);
      expect(verifyAuditTrail(events).ok).toBe(true);
      const states = await Promise.all(stores8.map((s) => s.loadTask(ID)));
      for (const s of states) expect(canonicalJson(s)).toBe(canonicalJson(states[0]));
      expect(states[0]!.records).toHaveLength(forms.length);
      expect(verifyTask(JSON.parse(JSON.stringify(states[0]))).ok).toBe(true);
      // the same through update(): 8 writers, retries inside
      await put("concurrent-update", base);
      const storesU = pools.map((p) => createPostgresEventStore(p, { table: tab("concurrent-update") }));
      await Promise.all(forms.map((f, i) => storesU[i % 8]!.update(ID, (t) => recordResult(t, f, ON), { retries: 100 })));
      const done = await at("concurrent-update").loadTask(ID);
      expect(new Set(done.records.map((r) => r.target.targetId)).size).toBe(forms.length);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });

  it("a writer killed mid-transaction leaves no partial event and the chain intact", async () => {
    const t = await put("killed", base);
    const child = spawn(process.execPath, ["--import", "tsx", "test/postgres/_killedWriter.ts", PG_URL!, tab("killed"), ID], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => { if (d.toString().includes("inserted")) resolve(); });
      child.on("exit", (c) => reject(new Error(`the writer exited (${String(c)}) before inserting`)));
    });
    // the first of its two events is inserted, uncommitted: kill it there
    child.kill("SIGKILL");
    await new Promise((r) => child.on("exit", r));
    const events = await at("killed").load(ID);
    expect(events.length).toBe(t.audit.length);
    expect(verifyAuditTrail(events).ok).toBe(true);
    // the sequence number is free again: the next writer appends normally
    const next = await at("killed").update(ID, (x) => recordResult(x, forms[0]!, ON));
    expect(next.audit.length).toBe(t.audit.length + 1);
    expect((await at("killed").load(ID)).map((e) => e.seq)).toEqual([...Array(t.audit.length + 1).keys()]);
  });

  describePg("rows edited, deleted or reordered directly in SQL are detected on load, naming the event", () => {
    let published: TaskLifecycle;
    beforeAll(() => {
      let t = base;
      for (const f of forms) t = recordResult(t, f, ON).task;
      t = completeInspection(t, { completedOn: "2026-05-04", actor: "x" }).task;
      // 谁检查、谁录入、谁公开 (Longting art. 22): each department publishes its own results
      t = publishResults(t, { publishedOn: "2026-05-11", actor: "x", departmentId: "SCJG" }).task;
      published = publishResults(t, { publishedOn: "2026-05-11", actor: "x", departmentId: "WJW" }).task;
    });
    /** Runs SQL as someone who bypasses the append-only triggers and the foreign key. */
    const tamper = async (sql: string, values: unknown[] = [], ...more: string[]) => {
      const c = await admin.connect();
      try {
        await c.query("BEGIN");
        await c.query("SET LOCAL session_replication_role = replica");
        for (const q of [sql, ...more]) await c.query(q, values);
        await c.query("COMMIT");
        c.release();
      } catch (e) {
        c.release(true);
        throw e;
      }
    };
    const refusal = async (id: string, anchors = [] as { seq: number; digest: string }[]) => {
      const e = await code(at(id).loadTask(ID, { anchors }));
      expect(e?.code).toBe("audit-trail-invalid");
      return e!;
    };
    const k = 20; // a result-recorded event

    it("the database itself refuses UPDATE, DELETE, TRUNCATE and a broken link", async () => {
      await put("guarded", published);
      await expect(admin.query(`UPDATE ${tab("guarded")} SET event = event WHERE task_id = '${ID}' AND seq = 1`)).rejects.toThrow(/append-only/);
      await expect(admin.query(`DELETE FROM ${tab("guarded")} WHERE task_id = '${ID}' AND seq = 1`)).rejects.toThrow(/append-only/);
      await expect(admin.query(`TRUNCATE ${tab("guarded")}`)).rejects.toThrow(/append-only/);
      const e = published.audit[0]!;
      // a row that does not extend the previous one: refused by the foreign key
      await expect(admin.query(`INSERT INTO ${tab("guarded")} (task_id, seq, digest, prev_digest, event) VALUES ('${ID}', $1, $2, $3, $4)`, [published.audit.length, e.digest, "a".repeat(64), JSON.stringify({ ...e, seq: published.audit.length, prevDigest: "a".repeat(64) })]))
        .rejects.toMatchObject({ code: "23503" });
      expect((await at("guarded").loadTask(ID)).state).toBe("published");
    });

    it("an edited row", async () => {
      await put("edited", published);
      await tamper(`UPDATE ${tab("edited")} SET event = jsonb_set(event, '{payload,outcomes}', '["non-compliant"]') WHERE task_id = '${ID}' AND seq = $1`, [k]);
      expect((await refusal("edited")).message).toMatch(new RegExp(`event ${k}: the event's content does not match its digest`));
    });

    it("an edited row whose digest the forger recomputed", async () => {
      await put("rehashed", published);
      const { digest: _, ...body } = { ...published.audit[k]!, actor: "他人" };
      const forged = { ...body, digest: digestOf(body) };
      await tamper(`UPDATE ${tab("rehashed")} SET event = $2, digest = $3 WHERE task_id = '${ID}' AND seq = $1`, [k, JSON.stringify(forged), forged.digest]);
      expect((await refusal("rehashed")).message).toMatch(new RegExp(`event ${k + 1}: the link to the previous event is broken`));
    });

    it("a deleted row", async () => {
      await put("deleted", published);
      await tamper(`DELETE FROM ${tab("deleted")} WHERE task_id = '${ID}' AND seq = $1`, [k]);
      expect((await refusal("deleted")).message).toMatch(new RegExp(`event ${k}: sequence number ${k + 1}`));
    });

    it("two rows swapped", async () => {
      await put("swapped", published);
      // each row takes the other's place, its own seq rewritten to match (the primary key is checked per row: via 10⁶)
      const move = (from: string, to: string) => `UPDATE ${tab("swapped")} SET seq = ${to}, event = jsonb_set(event, '{seq}', to_jsonb(${to})) WHERE task_id = '${ID}' AND seq = ${from}`;
      await tamper(move(`${k}`, "1000000"), [], move(`${k + 1}`, `${k}`), move("1000000", `${k + 1}`));
      expect((await refusal("swapped")).message).toMatch(new RegExp(`event ${k}: the event's content does not match its digest`));
    });

    it("the last rows cut off: detected against the published head", async () => {
      await put("truncated", published);
      const head = publicView(published).head!;
      await tamper(`DELETE FROM ${tab("truncated")} WHERE task_id = '${ID}' AND seq >= $1`, [head.seq]);
      expect((await at("truncated").loadTask(ID)).state).toBe("results-recorded"); // a shorter trail is valid by itself
      expect((await refusal("truncated", [head])).message).toMatch(new RegExp(`event ${head.seq}: .*missing`));
    });
  });
});

// keep the type import used when the suite is skipped
export type { AuditEvent };
