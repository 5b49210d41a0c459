// What the PostgreSQL store refuses, and that a refused append never makes a task unloadable (hostile7b F1–F4, F6, F7,
// F22). Runs against a real server (see _pg.ts).
import { afterAll, beforeAll, expect, it } from "vitest";
import type pg from "pg";
import { ShuangsuijiError, recordResult, type AuditEvent, type TaskLifecycle } from "../../src/index.js";
import { createPostgresEventStore, type PostgresEventStore } from "../../src/postgres/index.js";
import { digestOf } from "../../src/draw/_shared/_encoding.js";
import { inspectingTask, resultForms } from "../../bench/_lifecycle.js";
import { describePg, newPool } from "./_pg.js";

const ON = { on: "2026-04-15", actor: "联合检查组" };

/** A forger's edit: the body changed, linked to `prevDigest`, digest recomputed. */
const rehash = (e: AuditEvent, changes: Partial<Record<string, unknown>>, prevDigest = e.prevDigest): AuditEvent => {
  const { digest: _, ...body } = { ...e, ...changes, prevDigest } as AuditEvent;
  return { ...body, digest: digestOf(body) } as AuditEvent;
};

describePg("PostgreSQL event store: what it refuses (hostile7b)", () => {
  let admin: pg.Pool;
  const base = inspectingTask(4);
  const other = inspectingTask(5);
  const forms = resultForms(base);
  const ID = base.task.id;
  const head = base.audit.at(-1)!;
  const next = recordResult(base, forms[0]!, ON).task;

  beforeAll(() => {
    admin = newPool(4);
  });
  afterAll(async () => {
    await admin?.end();
  });

  const tables: string[] = [];
  /** A fresh table holding `t` (when given) under its own id. */
  const fresh = async (name: string, t: TaskLifecycle | undefined = base): Promise<PostgresEventStore> => {
    const table = `events_refusal_${name}`;
    tables.push(table);
    await admin.query(`DROP TABLE IF EXISTS "${table}" CASCADE`);
    const store = createPostgresEventStore(admin, { table });
    await store.migrate();
    if (t !== undefined) await store.append(t.task.id, t.audit);
    return store;
  };
  const refusal = async (p: Promise<unknown>): Promise<ShuangsuijiError> => {
    const e = await p.then(() => undefined, (x: unknown) => x);
    if (!(e instanceof ShuangsuijiError)) throw new Error(`expected a ShuangsuijiError, got ${e === undefined ? "success" : String(e)}`);
    return e;
  };
  /** The task still loads, replays and continues: nothing was written by the refused call. */
  const intact = async (store: PostgresEventStore, length = base.audit.length) => {
    expect((await store.load(ID)).length).toBe(length);
    expect((await store.loadTask(ID)).audit.length).toBe(length);
  };

  it("F1: a trail stored or copied under another task id is refused on load, naming event 0; append refuses another task's events", async () => {
    const store = await fresh("f1");
    await admin.query(`INSERT INTO events_refusal_f1 (task_id, seq, digest, prev_digest, event) SELECT 'T-2026-OTHER', seq, digest, prev_digest, event FROM events_refusal_f1 WHERE task_id = $1`, [ID]);
    for (const e of [await refusal(store.loadTask("T-2026-OTHER")), await refusal(store.load("T-2026-OTHER"))]) {
      expect(e.code).toBe("audit-trail-invalid");
      expect(e.issues[0]).toMatchObject({ rule: "task-id", path: ["events", 0, "input", 0, "id"] });
      expect(e.issues[0]!.messageEn).toMatch(/event 0: it plans task BENCH-4/);
      expect(e.issues[0]!.messageZh).toMatch(/第0条事件计划的是任务BENCH-4/);
    }
    // through the API: a whole trail, and one event of another task on this task's head
    const whole = await refusal(store.append("T-2026-NEW", other.audit));
    expect(whole.issues[0]).toMatchObject({ rule: "task-id", path: ["events", 0, "input", 0, "id"] });
    const foreign = rehash(recordResult(other, resultForms(other)[0]!, ON).task.audit.at(-1)!, { seq: head.seq + 1 }, head.digest);
    const e = await refusal(store.append(ID, [foreign]));
    expect(e.code).toBe("audit-trail-invalid");
    expect(e.issues.map((i) => i.rule)).toContain("task-id");
    expect((await store.load("T-2026-NEW")).length).toBe(0);
    await intact(store);
  });

  it("F2: append checks the new events against the stored head (date, sequence, link) in its transaction", async () => {
    const store = await fresh("f2");
    // a copy of the head, next number, re-linked and re-hashed, dated before the stored head
    const backdated = rehash(head, { seq: head.seq + 1, on: "2026-01-01" }, head.digest);
    const e = await refusal(store.append(ID, [backdated]));
    expect(e.code).toBe("audit-trail-invalid");
    expect(e.issues.find((i) => i.rule === "append-date")).toMatchObject({ path: ["events", head.seq + 1, "on"] });
    expect(e.issues.find((i) => i.rule === "append-date")!.messageZh).toMatch(/日期2026-01-01早于已存储的第\d+条事件/);
    // a gap: the next event is head + 1
    const ahead = rehash(next.audit.at(-1)!, { seq: head.seq + 2 }, next.audit.at(-1)!.prevDigest);
    expect((await refusal(store.append(ID, [ahead]))).issues.map((i) => i.rule)).toContain("append-next-seq");
    await intact(store);
    expect((await store.update(ID, (t) => recordResult(t, forms[0]!, ON))).records).toHaveLength(1);
  });

  it("F2: append stores only what a replay of the stored trail plus the new events accepts; a refused append never bricks the task", async () => {
    const store = await fresh("f2b");
    const real = next.audit.at(-1)!;
    // right task, right head, right date and chain — but not what recordResult appends (payload forged, re-hashed)
    const forged = rehash(real, { payload: { ...real.payload, outcomes: ["non-compliant"] } });
    const e = await refusal(store.append(ID, [forged]));
    expect(e.code).toBe("audit-trail-invalid");
    expect(e.issues[0]).toMatchObject({ path: ["events", real.seq] });
    expect(e.issues[0]!.messageZh).toMatch(/第\d+条事件未通过重放：其payload与重放时recordResult追加的内容不同/);
    // a member outside the event envelope (covered by no digest)
    const extra = JSON.parse(JSON.stringify({ ...real, constructor: { outcomes: ["non-compliant"] } })) as AuditEvent;
    const x = await refusal(store.append(ID, [extra]));
    expect(x.issues.some((i) => i.rule === "schema:unrecognized_keys")).toBe(true);
    await intact(store);
    // a live task vouches for its own last events only
    expect((await refusal(store.append(ID, [forged], { task: next }))).issues[0]!.rule).toBe("append-task");
    expect((await refusal(store.append(ID, [real], { task: JSON.parse(JSON.stringify(next)) as TaskLifecycle }))).issues[0]!.rule).toBe("append-task");
    await intact(store);
    // the honest event, both ways
    await store.append(ID, [real], { task: next });
    const then = recordResult(next, forms[1]!, ON).task;
    await store.append(ID, then.audit.slice(next.audit.length));
    await intact(store, then.audit.length);
  });

  it("F3: update refuses a step whose task does not extend the loaded task; nothing is reported stored that was not", async () => {
    const store = await fresh("f3");
    const live = base; // clerk 1 keeps its live task
    await store.update(ID, (t) => recordResult(t, forms[1]!, ON)); // clerk 2 records target 1
    const e = await refusal(store.update(ID, () => recordResult(live, forms[0]!, ON)));
    expect(e.code).toBe("invalid-argument");
    expect(e.issues[0]).toMatchObject({ rule: "update-extends-loaded", path: ["step"] });
    expect(e.issues[0]!.messageZh).toMatch(/未写入任何内容/);
    const stored = await store.loadTask(ID);
    expect(stored.records.map((r) => r.target.targetId)).toEqual([forms[1]!.target.targetId]);
    // a step that adds nothing returns the loaded task
    expect((await store.update(ID, (t) => t)).audit.length).toBe(stored.audit.length);
  });

  it("F4: text jsonb cannot store (U+0000, a lone surrogate) is refused as invalid-input naming the event and field", async () => {
    const store = await fresh("f4");
    for (const [text, cp] of [["甲\u0000乙", "U+0000"], ["甲\ud800乙", "U+D800"]] as const) {
      // the transition refuses such text by path since session 8 (text-storable)…
      expect(() => recordResult(base, { ...forms[0]!, handlingOpinion: `意见${text}` }, ON)).toThrow(/handlingOpinion/);
      // …and the store still refuses it in events it is handed (a trail recorded before that, or forged), digest recomputed
      const [clean] = recordResult(base, forms[0]!, ON).task.audit.slice(base.audit.length) as AuditEvent[];
      const { digest: _d, ...body } = JSON.parse(JSON.stringify(clean)) as AuditEvent & { input: { handlingOpinion: string }[] };
      body.input[0]!.handlingOpinion = `意见${text}`;
      const forged = { ...body, digest: digestOf(body) } as unknown as AuditEvent;
      const e = await refusal(store.append(ID, [forged]));
      expect(e.code).toBe("invalid-input");
      expect(e.issues[0]).toMatchObject({ rule: "jsonb-text", path: ["events", head.seq + 1, "input", 0, "handlingOpinion"] });
      expect(e.issues[0]!.messageEn).toContain(cp);
      expect(e.issues[0]!.messageZh).toMatch(new RegExp(`第${head.seq + 1}条事件的字段input\\.0\\.handlingOpinion含有.*${cp.replace("+", "\\+")}`));
    }
    await intact(store);
    // published heads given wrongly: misuse, named by path, before any SQL
    for (const anchors of [{ seq: 0, digest: "x" }, [{ seq: "1", digest: "x" }]]) {
      expect((await refusal(store.loadTask(ID, { anchors: anchors as never }))).issues[0]!.path.slice(0, 2)).toEqual(["options", "anchors"]);
    }
    // the row key is text too: misuse, named, before any SQL
    for (const id of ["T\u0000X", "T\udc00X"]) {
      expect((await refusal(store.load(id))).issues[0]).toMatchObject({ rule: "task-id", path: ["taskId"] });
      expect((await refusal(store.append(id, base.audit))).code).toBe("invalid-argument");
    }
  });

  it("F6: the Chinese messages carry the reason and the event number; append reports every problem", async () => {
    const store = await fresh("f6");
    const c = await admin.connect();
    try {
      await c.query("BEGIN");
      await c.query("SET LOCAL session_replication_role = replica");
      await c.query(`UPDATE events_refusal_f6 SET event = jsonb_set(event, '{actor}', '"他人"') WHERE task_id = $1 AND seq = 3`, [ID]);
      await c.query("COMMIT");
    } finally {
      c.release();
    }
    const l = await refusal(store.load(ID));
    expect(l.issues[0]!.messageZh).toBe(`任务${ID}的第3条事件：事件内容与其摘要不符（被编辑）`);
    const s2 = await fresh("f6b");
    const real = next.audit.at(-1)!;
    const a = await refusal(s2.append(ID, [rehash(real, { on: "2026-01-01" }), { ...real, seq: real.seq + 1 }]));
    const rules = a.issues.map((i) => `${String(i.path[1])} ${i.rule}`);
    expect(rules).toEqual(expect.arrayContaining([`${real.seq} append-date`, `${real.seq + 1} audit-trail`]));
    expect(a.issues.length).toBeGreaterThanOrEqual(3);
    for (const i of a.issues) {
      expect(i.messageZh).toMatch(new RegExp(`第${String(i.path[1])}条事件`));
      expect(i.messageZh).toMatch(/摘要|链接|日期|序号/);
    }
  });

  it("F7: a reserved word is a valid table name (the identifier is quoted)", async () => {
    for (const table of ["order", "user", "select"]) {
      await admin.query(`DROP TABLE IF EXISTS "${table}" CASCADE`);
      const store = createPostgresEventStore(admin, { table });
      await store.migrate();
      await store.append(ID, base.audit);
      expect((await store.loadTask(ID)).audit.length).toBe(base.audit.length);
      await admin.query(`DROP TABLE "${table}" CASCADE`);
    }
    expect(() => createPostgresEventStore(admin, { table: 'x"; drop table y; --' })).toThrow(ShuangsuijiError);
  });

  it("F22: migrate refuses a table missing its keys, the chain's foreign key or a CHECK, naming each", async () => {
    const store = await fresh("f22", undefined);
    const { rows } = await admin.query(`SELECT conname, contype FROM pg_constraint WHERE conrelid = 'events_refusal_f22'::regclass`);
    const named = (t: string) => rows.filter((r) => r.contype === t).map((r) => r.conname as string);
    for (const n of named("f")) await admin.query(`ALTER TABLE events_refusal_f22 DROP CONSTRAINT "${n}"`);
    for (const n of [...named("u"), ...named("p")]) await admin.query(`ALTER TABLE events_refusal_f22 DROP CONSTRAINT "${n}" CASCADE`);
    await admin.query(`ALTER TABLE events_refusal_f22 DROP CONSTRAINT "${named("c").find((n) => n.includes("digest_check") && !n.includes("prev"))!}"`);
    const e = await refusal(store.migrate());
    expect(e.code).toBe("invalid-argument");
    const said = e.issues.map((i) => i.messageEn).join("\n");
    expect(said).toMatch(/primary key PRIMARY KEY \(task_id, seq\) is missing/);
    expect(said).toMatch(/unique key UNIQUE \(task_id, seq, digest\) is missing/);
    expect(said).toMatch(/foreign key FOREIGN KEY \(task_id, prev_seq, prev_digest\) REFERENCES/);
    expect(said).toMatch(/check CHECK \(\(digest ~/);
    expect(e.issues).toHaveLength(4);
    expect(e.issues.every((i) => i.rule === "table-constraints" && /^表events_refusal_f22缺少/.test(i.messageZh))).toBe(true);
    // an intact table passes, again and again
    const ok = await fresh("f22ok");
    await ok.migrate();
  });
});
