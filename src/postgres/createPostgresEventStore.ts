import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import type { AnchoredHead, AuditEvent } from "../task/AuditEvent.js";
import type { TaskLifecycle, Transition } from "../task/TaskLifecycle.js";
import { replayTask, type ReplayTaskOptions } from "../task/replayTask.js";
import { verifyAuditTrail } from "../task/verifyAuditTrail.js";

/**
 * What the store needs of a PostgreSQL connection: `query(text, values)` resolving to `{ rows }`. A `pg` `Client` or
 * `PoolClient` fits.
 *
 * @category PostgreSQL
 */
export interface PgQueryable {
  /** Runs one statement with `$1, $2, …` parameters. */
  query(text: string, values?: unknown[]): Promise<{ readonly rows: readonly Record<string, unknown>[] }>;
}

/**
 * What the store needs of a connection pool: a `pg` `Pool` fits. Each append runs in its own transaction on a
 * connection taken from the pool.
 *
 * @category PostgreSQL
 */
export interface PgPoolLike extends PgQueryable {
  /** Takes a connection for a transaction. */
  connect(): Promise<PgPoolClientLike>;
}

/**
 * A connection taken from a {@link PgPoolLike} pool: a `pg` `PoolClient` fits.
 *
 * @category PostgreSQL
 */
export interface PgPoolClientLike extends PgQueryable {
  /** Gives the connection back to the pool; with an error (or `true`), discards it. */
  release(error?: Error | boolean): void;
}

/**
 * Options of {@link createPostgresEventStore}.
 *
 * @category PostgreSQL
 */
export interface PostgresEventStoreOptions {
  /** Table name (lower-case letters, digits, `_`). Default `shuangsuiji_events`. */
  readonly table?: string;
}

/**
 * An append-only event store for task lifecycles in PostgreSQL; see {@link createPostgresEventStore}.
 *
 * @category PostgreSQL
 */
export interface PostgresEventStore {
  /** The SQL that creates the table, its constraints and its append-only triggers (what {@link migrate} runs). */
  readonly schemaSql: string;
  /** Creates the table if it does not exist. */
  migrate(): Promise<void>;
  /**
   * Appends events in one transaction, all or nothing. The first event's `seq` is the expected next sequence number
   * (optimistic concurrency): if another writer appended first, nothing is written and `append-conflict` is thrown —
   * reload and retry. Events whose digest or link is wrong are refused with `audit-trail-invalid`.
   */
  append(taskId: string, events: readonly AuditEvent[]): Promise<void>;
  /** The events of a task in order, the chain verified (`audit-trail-invalid` naming the event otherwise). */
  load(taskId: string, options?: { readonly anchors?: readonly AnchoredHead[] }): Promise<readonly AuditEvent[]>;
  /** The task rebuilt from its events ({@link replayTask}): every event replayed and compared. */
  loadTask(taskId: string, options?: ReplayTaskOptions): Promise<TaskLifecycle>;
  /**
   * Loads the task, applies `step` (one or more transitions) and appends the events it added; on a conflict, loads
   * again and re-applies, up to `retries` times. Returns the new task.
   */
  update(taskId: string, step: (task: TaskLifecycle) => Transition | TaskLifecycle, options?: ReplayTaskOptions & { readonly retries?: number }): Promise<TaskLifecycle>;
}

const TABLE = /^[a-z_][a-z0-9_]{0,40}$/;

const fail = (code: "audit-trail-invalid" | "append-conflict" | "invalid-argument", rule: string, zh: string, en: string, path: (string | number)[] = []): never => {
  throw new ShuangsuijiError(code, [{ path, rule, clause: "docs/persistence.md", messageZh: zh, messageEn: en }]);
};

/**
 * A reference event store in PostgreSQL (全过程留痕 kept by the platform, Chongqing 4): one row per audit event in an
 * append-only table keyed by task id and sequence number. The database itself enforces the digest chain — a
 * foreign key from `(task_id, seq - 1, prev_digest)` to `(task_id, seq, digest)` — and refuses UPDATE, DELETE and
 * TRUNCATE with triggers; concurrent writers are serialised by the primary key (optimistic concurrency on `seq`).
 * Loading verifies every digest again, so rows edited, deleted or reordered by someone who disabled the triggers are
 * detected, naming the event; {@link PostgresEventStore.loadTask} replays every event. Node only (it needs a `pg`
 * pool); the core never depends on it.
 *
 * @param pool - A `pg` pool (or anything with its `connect` and `query`).
 * @param options - `table`: the events table's name (default `shuangsuiji_events`).
 * @returns The store: `migrate`, `append`, `load`, `loadTask`, `update` (`append-conflict` and `audit-trail-invalid`
 *   are described on {@link PostgresEventStore}; `loadTask` and `update` also raise what {@link replayTask} and the
 *   step raise).
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-argument` when `table` is not lower-case
 *   letters, digits and `_` (at most 41 characters, starting with a letter or `_`).
 * @category PostgreSQL
 * @example
 * ```ts
 * import pg from "pg";
 * import { recordResult, type InspectionRecordInput } from "shuangsuiji";
 * import { createPostgresEventStore } from "shuangsuiji/postgres";
 * declare const form: InspectionRecordInput;
 * const store = createPostgresEventStore(new pg.Pool({ connectionString: process.env.DATABASE_URL }));
 * await store.migrate();
 * await store.update("T-2026-001", (task) => recordResult(task, form, { on: "2026-04-15", actor: "联合检查组" }));
 * ```
 */
export function createPostgresEventStore(pool: PgPoolLike, options: PostgresEventStoreOptions = {}): PostgresEventStore {
  const table = options.table ?? "shuangsuiji_events";
  if (!TABLE.test(table)) fail("invalid-argument", "table-name", "表名不合法", "table: lower-case letters, digits and _ only", ["table"]);
  const schemaSql = `
CREATE TABLE IF NOT EXISTS ${table} (
  task_id     text    NOT NULL,
  seq         integer NOT NULL CHECK (seq >= 0),
  prev_seq    integer GENERATED ALWAYS AS (CASE WHEN seq = 0 THEN NULL ELSE seq - 1 END) STORED,
  digest      text    NOT NULL CHECK (digest ~ '^[0-9a-f]{64}$'),
  prev_digest text    NOT NULL CHECK (prev_digest ~ '^[0-9a-f]{64}$'),
  event       jsonb   NOT NULL,
  PRIMARY KEY (task_id, seq),
  UNIQUE (task_id, seq, digest),
  CHECK (seq > 0 OR prev_digest = repeat('0', 64)),
  CHECK ((event->>'seq')::integer = seq AND event->>'digest' = digest AND event->>'prevDigest' = prev_digest),
  FOREIGN KEY (task_id, prev_seq, prev_digest) REFERENCES ${table} (task_id, seq, digest)
);
CREATE OR REPLACE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '${table} is append-only (全过程留痕): % refused', TG_OP; END $$;
DROP TRIGGER IF EXISTS ${table}_no_update ON ${table};
CREATE TRIGGER ${table}_no_update BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_append_only();
DROP TRIGGER IF EXISTS ${table}_no_truncate ON ${table};
CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${table}_append_only();
`;

  async function load(taskId: string, opts: { readonly anchors?: readonly AnchoredHead[] } = {}): Promise<readonly AuditEvent[]> {
    const { rows } = await pool.query(`SELECT seq, digest, prev_digest, event FROM ${table} WHERE task_id = $1 ORDER BY seq`, [taskId]);
    const events = rows.map((r, i) => {
      const e = r.event as AuditEvent;
      if (e?.seq !== r.seq || e.digest !== r.digest || e.prevDigest !== r.prev_digest) {
        fail("audit-trail-invalid", "row-matches-event", `第${i}行与其事件不一致`, `row ${i} (seq ${String(r.seq)}): its columns do not match its event`, ["events", i]);
      }
      return e;
    });
    const v = verifyAuditTrail(events, { anchors: opts.anchors ?? [] });
    if (!v.ok) {
      throw new ShuangsuijiError(
        "audit-trail-invalid",
        v.problems.map((p) => ({ path: ["events", p.seq], rule: "audit-trail", clause: "Chongqing 4 (全过程留痕); docs/persistence.md", messageZh: `任务${taskId}的第${p.seq}条事件未通过校验`, messageEn: `task ${taskId}, event ${p.seq}: ${p.problem}` })),
      );
    }
    return events;
  }

  async function append(taskId: string, events: readonly AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    const first = events[0] as AuditEvent;
    // refuse what the chain would refuse, before touching the database
    const v = verifyAuditTrail(events, first.seq === 0 ? {} : { from: { seq: first.seq - 1, digest: first.prevDigest } });
    if (!v.ok) fail("audit-trail-invalid", "append-chain", "要追加的事件未通过校验", `event ${v.problems[0]?.seq}: ${v.problems[0]?.problem}`, ["events", v.problems[0]?.seq ?? 0]);
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      for (const e of events) {
        await client.query(`INSERT INTO ${table} (task_id, seq, digest, prev_digest, event) VALUES ($1, $2, $3, $4, $5)`, [taskId, e.seq, e.digest, e.prevDigest, JSON.stringify(e)]);
      }
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch((e: Error) => { broken = e; });
      const code = (err as { code?: string }).code;
      // 23505: the sequence number is taken (another writer appended first); 23503: the previous event is not the one
      // this writer extended (its view is stale)
      if (code === "23505" || code === "23503") {
        fail("append-conflict", "append-conflict", `任务${taskId}已有第${first.seq}条事件：请重新读取后重试`, `task ${taskId} already has an event ${first.seq}, or its event ${first.seq - 1} is not the one extended: reload and retry`, ["events", 0, "seq"]);
      }
      throw err;
    } finally {
      client.release(broken ?? false);
    }
  }

  async function loadTask(taskId: string, opts: ReplayTaskOptions = {}): Promise<TaskLifecycle> {
    return replayTask(await load(taskId, { anchors: opts.anchors ?? [] }), opts);
  }

  return Object.freeze({
    schemaSql,
    async migrate() {
      await pool.query(schemaSql);
    },
    append,
    load,
    loadTask,
    async update(taskId: string, step: (task: TaskLifecycle) => Transition | TaskLifecycle, opts: ReplayTaskOptions & { readonly retries?: number } = {}) {
      for (let attempt = 0; ; attempt++) {
        const before = await loadTask(taskId, opts);
        const out = step(before);
        const after = "event" in out && "task" in out ? out.task : out;
        try {
          await append(taskId, after.audit.slice(before.audit.length));
          return after;
        } catch (err) {
          if (!(err instanceof ShuangsuijiError && err.code === "append-conflict") || attempt >= (opts.retries ?? 10)) throw err;
        }
      }
    },
  });
}
