import { readOptions } from "../_internal/boundary.js";
import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";
import type { AnchoredHead, AuditEvent } from "../task/AuditEvent.js";
import { isLiveTask } from "../task/_lifecycle.js";
import { parsedWithinLimits, plainCopy } from "../task/_plain.js";
import { readAnchors, replay } from "../task/_replay.js";
import { trailDateProblems } from "../task/_trailDates.js";
import type { TaskLifecycle, Transition } from "../task/TaskLifecycle.js";
import { replayOutcome, type ReplayTaskOptions } from "../task/replayTask.js";
import type { TrailProblem } from "../task/_replay.js";
import { verifyAuditTrail } from "../task/verifyAuditTrail.js";
import { envelopeIssues, isStorableText, STORE_CLAUSE, taskIdIssues, unstorableTextIssues } from "./_checks.js";
import type { AuditProblem } from "../task/verifyAuditTrail.js";

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
  /** Table name (lower-case letters, digits, `_`; quoted in the SQL, so a reserved word such as `order` works). Default `shuangsuiji_events`. */
  readonly table?: string;
}

/**
 * Options of {@link PostgresEventStore.append}.
 *
 * @category PostgreSQL
 */
export interface PostgresAppendOptions {
  /**
   * The live task (from the transitions, {@link PostgresEventStore.loadTask}, `replayTask` or `loadTask`) whose trail
   * ends with the events appended: they are then known to be what the transitions appended, and are checked only
   * against the stored head (O(new events)). Without it the store replays the stored trail plus the new events
   * (O(trail)).
   */
  readonly task?: TaskLifecycle;
  /** Holiday calendars the replay needs (as for `replayTask`), besides the bundled `CN_CALENDAR`. */
  readonly calendars?: ReplayTaskOptions["calendars"];
}

/**
 * An append-only event store for task lifecycles in PostgreSQL; see {@link createPostgresEventStore}.
 *
 * @category PostgreSQL
 */
export interface PostgresEventStore {
  /** The SQL that creates the table, its constraints and its append-only triggers (what {@link migrate} runs). */
  readonly schemaSql: string;
  /**
   * Creates the table if it does not exist (and its triggers), then checks that the table it finds has every column,
   * key, foreign key and CHECK of {@link schemaSql}: `invalid-argument` naming each one missing or changed.
   */
  migrate(): Promise<void>;
  /**
   * Appends events in one transaction, all or nothing, only what a replay of the stored trail plus the new events
   * accepts (a bad append never makes the task unloadable). The first event's `seq` is the expected next sequence
   * number (optimistic concurrency): if another writer appended first, nothing is written and `append-conflict` is
   * thrown — reload and retry. Every other problem is refused with `audit-trail-invalid` listing all of them (digest,
   * link, date and sequence against the stored head, the event envelope, events of another task, the replay), and
   * text jsonb cannot store with `invalid-input` naming the event and field. With `options.task` the replay is skipped.
   */
  append(taskId: string, events: readonly AuditEvent[], options?: PostgresAppendOptions): Promise<void>;
  /**
   * The events of a task in order, the chain verified and the trail the task's own (`audit-trail-invalid` naming the
   * event otherwise).
   */
  load(taskId: string, options?: { readonly anchors?: readonly AnchoredHead[] }): Promise<readonly AuditEvent[]>;
  /** The task rebuilt from its events (`replayTask`): every event replayed and compared. */
  loadTask(taskId: string, options?: ReplayTaskOptions): Promise<TaskLifecycle>;
  /**
   * Loads the task, applies `step` (one or more transitions) and appends the events it added; on a conflict, loads
   * again and re-applies, up to `retries` times. Returns the new task. A step whose task does not extend the one it
   * was given (e.g. built on a stale task kept elsewhere) is refused with `invalid-argument`, nothing written.
   */
  update(taskId: string, step: (task: TaskLifecycle) => Transition | TaskLifecycle, options?: ReplayTaskOptions & { readonly retries?: number }): Promise<TaskLifecycle>;
}

const TABLE = /^[a-z_][a-z0-9_]{0,40}$/;

type StoreCode = "audit-trail-invalid" | "append-conflict" | "invalid-argument" | "invalid-input";
const issue = (rule: string, zh: string, en: string, path: (string | number)[] = []): RuleIssue => ({ path, rule, clause: STORE_CLAUSE, messageZh: zh, messageEn: en });
/** Misuse of the store's API is no regulation's rule: it cites the library's contract. */
const CONTRACT = "本库接口约定（非法规条款）/ library contract, no regulation: docs/persistence.md";
const fail = (code: StoreCode, rule: string, zh: string, en: string, path: (string | number)[] = []): never => {
  throw new ShuangsuijiError(code, [{ ...issue(rule, zh, en, path), ...(code === "invalid-argument" ? { clause: CONTRACT } : {}) }]);
};
/** Issues in event order (those naming no event first), every one of them. */
const byEvent = (issues: readonly RuleIssue[]): RuleIssue[] => [...issues].sort((a, b) => (typeof a.path[1] === "number" ? a.path[1] : -1) - (typeof b.path[1] === "number" ? b.path[1] : -1));
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
/** The row key: a non-empty string PostgreSQL can store (misuse otherwise, before any SQL). */
const checkTaskId = (taskId: unknown): void => {
  if (typeof taskId !== "string" || taskId === "" || !isStorableText(taskId)) {
    fail("invalid-argument", "task-id", "任务标识应为非空字符串，且不含空字符（U+0000）或孤立的代理项", "taskId: expected a non-empty string without U+0000 or a lone surrogate", ["taskId"]);
  }
};

/** The problems of `verifyAuditTrail` as issues, the same reason and event number in both languages (Chongqing 4). */
const chainIssues = (taskId: string, problems: readonly AuditProblem[]): RuleIssue[] =>
  problems.map((p) => issue("audit-trail", `任务${taskId}的第${p.seq}条事件：${p.problemZh}`, `task ${taskId}, event ${p.seq}: ${p.problem}`, ["events", p.seq]));

/** A replay's problems as `audit-trail-invalid` issues, the task named and the reason in both languages (Chongqing 4). */
const replayIssues = (taskId: string, problems: readonly TrailProblem[], stored = Number.MAX_SAFE_INTEGER): RuleIssue[] =>
  problems.map((p) => {
    const where = p.seq === undefined ? "" : `的第${p.seq}条事件`;
    const old = p.seq !== undefined && p.seq < stored;
    return {
      path: p.seq === undefined ? [] : ["events", p.seq], rule: old ? "stored-trail-replays" : "audit-trail", clause: STORE_CLAUSE,
      messageZh: `任务${taskId}${where}${old ? "（已存储）" : ""}未通过重放：${p.problemZh}${old ? "；已存储的记录本身无法重放，拒绝追加" : ""}`,
      messageEn: `task ${taskId}${p.seq === undefined ? "" : `, event ${p.seq}`}${old ? " (stored)" : ""}: ${p.problem}${old ? "; the stored trail itself does not replay: append refused" : ""}`,
    };
  });

/** The table's columns and constraints under a (quoted) name: the real table, or the probe {@link migrate} compares it with. */
const tableSql = (q: string): string => `CREATE TABLE IF NOT EXISTS ${q} (
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
  FOREIGN KEY (task_id, prev_seq, prev_digest) REFERENCES ${q} (task_id, seq, digest)
)`;

/** Every column (type, NOT NULL, generation) and constraint of a table, as PostgreSQL prints them, self-references neutral. */
const SHAPE_SQL = `
SELECT 'column' AS kind, a.attname::text || ' ' || format_type(a.atttypid, a.atttypmod)
  || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
  || CASE WHEN a.attgenerated <> '' THEN ' GENERATED ALWAYS AS (' || pg_get_expr(d.adbin, d.adrelid) || ') STORED' ELSE '' END AS def
FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped
UNION ALL
SELECT CASE c.contype WHEN 'p' THEN 'primary key' WHEN 'u' THEN 'unique key' WHEN 'f' THEN 'foreign key' WHEN 'c' THEN 'check' ELSE c.contype::text END,
  CASE WHEN c.contype = 'f' AND c.confrelid <> c.conrelid THEN pg_get_constraintdef(c.oid) || ' (another table)'
       ELSE regexp_replace(pg_get_constraintdef(c.oid), 'REFERENCES [^(]+\\(', 'REFERENCES (itself)(') END
FROM pg_constraint c WHERE c.conrelid = $1::regclass`;
const KIND_ZH: Readonly<Record<string, string>> = { column: "列", "primary key": "主键", "unique key": "唯一键", "foreign key": "外键（事件链）", check: "检查约束" };

/**
 * A reference event store in PostgreSQL (全过程留痕 kept by the platform, Chongqing 4): one row per audit event in an
 * append-only table keyed by task id and sequence number. The database itself enforces the digest chain — a
 * foreign key from `(task_id, seq - 1, prev_digest)` to `(task_id, seq, digest)` — and refuses UPDATE, DELETE and
 * TRUNCATE with triggers; concurrent writers are serialised by the primary key (optimistic concurrency on `seq`).
 * `append` writes only what a replay of the stored trail plus the new events accepts — checked against the stored
 * head in its transaction, the task's own events, text jsonb can hold — so a bad append never makes a task
 * unloadable; `update` appends what its step added to the replayed task without a second replay. Loading verifies
 * every digest again and that the trail is the task's own (the row key is the task the trail plans), so rows edited,
 * deleted, reordered or copied by someone who disabled the triggers are detected, naming the event;
 * {@link PostgresEventStore.loadTask} replays every event. `migrate` refuses a table that lost a key, the chain's
 * foreign key or a CHECK. Node only (it needs a `pg` pool); the core never depends on it.
 *
 * @param pool - A `pg` pool (or anything with its `connect` and `query`).
 * @param options - `table`: the events table's name (default `shuangsuiji_events`).
 * @returns The store: `migrate`, `append`, `load`, `loadTask`, `update` (`append-conflict`, `audit-trail-invalid`,
 *   `invalid-input` and `invalid-argument` are described on {@link PostgresEventStore}; `loadTask` and `update` also
 *   raise what `replayTask` and the step raise).
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-argument` when `table` is not lower-case
 *   letters, digits and `_` (at most 41 characters, starting with a letter or `_`), or `pool` has no `query` and
 *   `connect`.
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-input` when `options` is not a plain
 *   options object (an unknown option, a Proxy or a getter).
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
  // the options read once as plain data (a Proxy or getter: invalid-input by path); the pool is used as given
  const table = readOptions(options, ["options"], ["table"])["table"] ?? "shuangsuiji_events";
  if (typeof table !== "string" || !TABLE.test(table)) {
    const shown = typeof table === "string" ? JSON.stringify(table) : `(${typeof table})`;
    fail("invalid-argument", "table-name", `表名${shown}不合法：只能由小写字母、数字和下划线组成，以字母或下划线开头，至多41个字符`, `table ${shown}: lower-case letters, digits and _ only, starting with a letter or _, at most 41 characters`, ["table"]);
  }
  let usable = false;
  try {
    usable = pool !== null && typeof pool === "object" && typeof pool.query === "function" && typeof pool.connect === "function";
  } catch {
    usable = false;
  }
  if (!usable) fail("invalid-argument", "pool", "pool 应为 pg 连接池（具有 query 与 connect 方法）", "pool: expected a pg Pool (an object with query and connect)", ["pool"]);
  // quoted everywhere: a reserved word (order, user, select) is a valid name (F7, hostile7b)
  const q = `"${table}"`;
  const schemaSql = `
${tableSql(q)};
CREATE OR REPLACE FUNCTION "${table}_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '${table} is append-only (全过程留痕): % refused', TG_OP; END $$;
DROP TRIGGER IF EXISTS "${table}_no_update" ON ${q};
CREATE TRIGGER "${table}_no_update" BEFORE UPDATE OR DELETE ON ${q} FOR EACH ROW EXECUTE FUNCTION "${table}_append_only"();
DROP TRIGGER IF EXISTS "${table}_no_truncate" ON ${q};
CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON ${q} FOR EACH STATEMENT EXECUTE FUNCTION "${table}_append_only"();
`;

  /**
   * The stored rows of a task, each row's columns matching its event (every mismatching row reported, naming its
   * position and sequence number). Each event is read as text (`event::text`) and parsed here: `own` tells that every
   * row came as text, so the events are this store's own fresh values (JSON.parse's: plain, unshared), which replay may
   * use without the boundary copy (see loadTask) — whatever object the pool is, it only handed over strings.
   */
  async function readTrail(db: PgQueryable, taskId: string): Promise<AuditEvent[]> {
    return (await readTrailText(db, taskId)).events;
  }

  async function readTrailText(db: PgQueryable, taskId: string): Promise<{ events: AuditEvent[]; own: boolean }> {
    const { rows } = await db.query(`SELECT seq, digest, prev_digest, event::text AS event FROM ${q} WHERE task_id = $1 ORDER BY seq`, [taskId]);
    const bad: RuleIssue[] = [];
    let own = true;
    const events = rows.map((r, i) => {
      const text = r["event"];
      let e: AuditEvent;
      if (typeof text !== "string") {
        own = false; // a pool that parses what it was asked to give as text: read as before (copied where used)
        e = text as AuditEvent;
      } else {
        try {
          e = JSON.parse(text) as AuditEvent;
        } catch {
          bad.push(issue("row-matches-event", `任务${taskId}的第${i}行（序号${String(r["seq"])}）的事件不是JSON`, `task ${taskId}, row ${i} (seq ${String(r["seq"])}): its event is not JSON`, ["events", i]));
          return undefined as unknown as AuditEvent;
        }
      }
      if (e?.seq !== r["seq"] || e.digest !== r["digest"] || e.prevDigest !== r["prev_digest"]) {
        bad.push(issue("row-matches-event", `任务${taskId}的第${i}行（序号${String(r["seq"])}）的列与其事件不一致（行被编辑）`, `task ${taskId}, row ${i} (seq ${String(r["seq"])}): its columns do not match its event (the row was edited)`, ["events", i]));
      }
      return e;
    });
    if (bad.length > 0) throw new ShuangsuijiError("audit-trail-invalid", bad);
    return { events, own };
  }

  /** The chain of a whole trail verified and the trail the task's own (Chongqing 4), every problem listed. */
  function checkTrail(taskId: string, events: readonly AuditEvent[], anchors: readonly AnchoredHead[]): void {
    const v = verifyAuditTrail(events, { anchors });
    const problems = [...(v.ok ? [] : chainIssues(taskId, v.problems)), ...taskIdIssues(taskId, events, 0)];
    if (problems.length > 0) throw new ShuangsuijiError("audit-trail-invalid", byEvent(problems));
  }

  async function load(taskId: string, opts: { readonly anchors?: readonly AnchoredHead[] } = {}): Promise<readonly AuditEvent[]> {
    checkTaskId(taskId);
    const events = await readTrail(pool, taskId);
    checkTrail(taskId, events, opts.anchors ?? []);
    return events;
  }

  /** `replayTask`, its refusal restated with the task named and the reason in both languages. */
  function replayOf(taskId: string, events: readonly AuditEvent[], opts: ReplayTaskOptions, stored?: number): TaskLifecycle {
    const r = replayOutcome(events, opts);
    if (r.ok) return r.task;
    throw new ShuangsuijiError("audit-trail-invalid", replayIssues(taskId, r.problems, stored));
  }

  async function append(taskId: string, rawEvents: readonly AuditEvent[], opts: PostgresAppendOptions = {}): Promise<void> {
    checkTaskId(taskId);
    // one plain copy (a Proxy or getter is refused by path, never run again); the checks and the INSERTs read it
    const events = plainCopy(rawEvents, ["events"]) as unknown[];
    if (!Array.isArray(events)) fail("invalid-argument", "events", "应为审计事件数组", "events: expected an array of audit events", ["events"]);
    if (events.length === 0) return;
    const first = events[0];
    const offset = isObject(first) && Number.isSafeInteger(first["seq"]) && (first["seq"] as number) >= 0 ? (first["seq"] as number) : 0;

    // 1. the events by themselves, before any SQL: envelope, digests and links among them, their task, their text
    const own: RuleIssue[] = envelopeIssues(events, offset);
    const v = verifyAuditTrail(events as AuditEvent[], offset === 0 ? {} : { from: { seq: offset - 1, digest: isObject(first) && typeof first["prevDigest"] === "string" ? first["prevDigest"] : "" } });
    if (!v.ok) own.push(...chainIssues(taskId, v.problems));
    own.push(...taskIdIssues(taskId, events, offset));
    const text = unstorableTextIssues(events, offset);
    // bad events are still compared with the stored head below, so that every problem is reported at once
    const bad = own.length > 0 || text.length > 0;
    const list = events as AuditEvent[];
    const head = (isObject(first) ? first : {}) as unknown as AuditEvent;

    // 2. with a live task: the events are its last ones, so the transitions appended them (no replay needed)
    const live = opts.task;
    if (live !== undefined && !bad) {
      if (!isLiveTask(live)) fail("invalid-argument", "append-task", "options.task 应为本库的转换函数、loadTask 或 replayTask 返回的任务", "options.task: expected a live task (returned by a transition, loadTask or replayTask)", ["options", "task"]);
      if (live.task.id !== taskId) fail("audit-trail-invalid", "task-id", `options.task 是任务${live.task.id}，不是任务${taskId}`, `options.task is task ${live.task.id}, not ${taskId}`, ["options", "task", "task", "id"]);
      const audit = live.audit;
      const at = audit.length - list.length;
      if (at < 0 || list.some((e, k) => audit[at + k]?.digest !== e.digest || audit[at + k]?.seq !== e.seq)) {
        fail("invalid-argument", "append-task", "要追加的事件不是 options.task 的最后几条事件", "the events appended are not the last events of options.task", ["options", "task"]);
      }
    }

    const client = await pool.connect();
    let broken: Error | undefined;
    let at = -1;
    try {
      await client.query("BEGIN");
      // 3. against the stored trail, in the transaction: its head (sequence, link, date); without a live task, a
      // replay of the stored trail plus the new events (what loadTask will do), so an append never bricks the task
      let stored: readonly AuditEvent[] = [];
      let last: { seq: number; digest: string; on: string } | undefined;
      if (live !== undefined || bad) {
        const { rows } = await client.query(`SELECT seq, digest, event->>'on' AS on FROM ${q} WHERE task_id = $1 ORDER BY seq DESC LIMIT 1`, [taskId]);
        const r = rows[0];
        if (r !== undefined) last = { seq: r["seq"] as number, digest: r["digest"] as string, on: r["on"] as string };
      } else {
        stored = await readTrail(client, taskId);
        const e = stored.at(-1);
        if (e !== undefined) last = { seq: e.seq, digest: e.digest, on: e.on };
      }
      const next = last === undefined ? 0 : last.seq + 1;
      if (head.seq < next && !bad) {
        fail("append-conflict", "append-conflict", `任务${taskId}已有第${head.seq}条事件：请重新读取后重试`, `task ${taskId} already has an event ${head.seq} (another writer appended first): reload and retry`, ["events", 0, "seq"]);
      }
      const against: RuleIssue[] = [];
      if (typeof head.seq !== "number" || head.seq < next) {
        // a stale or damaged first event: its sequence, link and date say nothing about the stored head
      } else if (head.seq > next) {
        against.push(last === undefined
          ? issue("append-next-seq", `任务${taskId}尚无已存储的事件：第一条事件应为第0条，而不是第${head.seq}条（缺少事件）`, `task ${taskId} has no stored event: the first event is 0, not ${head.seq} (events missing)`, ["events", head.seq, "seq"])
          : issue("append-next-seq", `任务${taskId}已存储的最后一条事件是第${last.seq}条：下一条应为第${next}条，而不是第${head.seq}条（缺少事件）`, `task ${taskId}: the last stored event is ${last.seq}: the next event is ${next}, not ${head.seq} (events missing)`, ["events", head.seq, "seq"]));
      } else if (last !== undefined && head.prevDigest !== last.digest) {
        against.push(issue("append-link", `任务${taskId}的第${head.seq}条事件没有接续已存储的第${last.seq}条事件（prevDigest 不是其摘要）`, `task ${taskId}, event ${head.seq}: it does not extend the stored event ${last.seq} (its prevDigest is not that event's digest)`, ["events", head.seq, "prevDigest"]));
      }
      if (last !== undefined && typeof head.seq === "number" && head.seq >= next && typeof head.on === "string" && head.on < last.on) {
        against.push(issue("append-date", `任务${taskId}的第${head.seq}条事件日期${head.on}早于已存储的第${last.seq}条事件（${last.on}）：事件日期不能倒退`, `task ${taskId}, event ${head.seq}: dated ${head.on}, before the stored event ${last.seq} (${last.on}): event dates never go backwards`, ["events", head.seq, "on"]));
      }
      if (live === undefined) against.push(...taskIdIssues(taskId, stored, 0));
      if (own.length > 0 || against.length > 0) throw new ShuangsuijiError("audit-trail-invalid", byEvent([...own, ...against, ...text]));
      if (text.length > 0) throw new ShuangsuijiError("invalid-input", text);
      if (live === undefined) replayOf(taskId, [...stored, ...list], opts.calendars === undefined ? {} : { calendars: opts.calendars }, stored.length);

      for (const [k, e] of list.entries()) {
        at = k;
        await client.query(`INSERT INTO ${q} (task_id, seq, digest, prev_digest, event) VALUES ($1, $2, $3, $4, $5)`, [taskId, e.seq, e.digest, e.prevDigest, JSON.stringify(e)]);
      }
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch((e: Error) => { broken = e; });
      if (err instanceof ShuangsuijiError) throw err;
      const code = (err as { code?: string }).code;
      // 23505: the sequence number is taken (another writer appended first); 23503: the previous event is not the one
      // this writer extended (its view is stale)
      if (code === "23505" || code === "23503") {
        fail("append-conflict", "append-conflict", `任务${taskId}已有第${head.seq}条事件，或其第${head.seq - 1}条事件不是所接续的那条：请重新读取后重试`, `task ${taskId} already has an event ${head.seq}, or its event ${head.seq - 1} is not the one extended: reload and retry`, ["events", 0, "seq"]);
      }
      // 22P05 / 22P02: text jsonb refuses (checked above; anything else PostgreSQL refuses is named by event here)
      if ((code === "22P05" || code === "22P02") && at >= 0) {
        const e = list[at] as AuditEvent;
        const found = unstorableTextIssues([e], e.seq);
        throw new ShuangsuijiError("invalid-input", found.length > 0 ? found : [issue("jsonb-text", `PostgreSQL 无法以 jsonb 存储任务${taskId}的第${e.seq}条事件（${code}）`, `task ${taskId}, event ${e.seq}: PostgreSQL cannot store it as jsonb (${code}: ${(err as Error).message})`, ["events", e.seq])], { cause: err });
      }
      throw err;
    } finally {
      client.release(broken ?? false);
    }
  }

  async function loadTask(taskId: string, opts: ReplayTaskOptions = {}): Promise<TaskLifecycle> {
    checkTaskId(taskId);
    // published heads malformed: invalid-input by path, before anything is read (the reader replay uses)
    const anchors = readAnchors(opts.anchors, ["options", "anchors"]);
    const { events, own } = await readTrailText(pool, taskId);
    // Replay first, on the events as parsed (no boundary copy: see readTrailText) when they are within the input
    // limits. A replay that accepts the trail has recomputed every event's digest from its content and checked its
    // sequence number, its link to the one before, that it has no member outside the event, and the anchors — all the
    // chain check (checkTrail) would do, but for the event dates and the task ids, checked here without hashing; so
    // the chain is hashed a second time only when something is wrong, and then checkTrail reports first, as before.
    const r = own && parsedWithinLimits(events) ? replay(events, opts) : replayOutcome(events, opts);
    if (!r.ok || trailDateProblems(events, 0).length > 0 || taskIdIssues(taskId, events, 0).length > 0) checkTrail(taskId, events, anchors);
    if (r.ok) return r.task;
    throw new ShuangsuijiError("audit-trail-invalid", replayIssues(taskId, r.problems));
  }

  async function migrate(): Promise<void> {
    await pool.query(schemaSql);
    // the table found may be older or altered (keys, the chain's foreign key, CHECKs dropped): compare it with the
    // table this store creates, built as a temporary probe in a transaction that is rolled back (its name, with a
    // hyphen, is no valid table name: it never shadows the table)
    const client = await pool.connect();
    let broken: Error | undefined;
    let shape: { kind: string; def: string }[];
    let want: { kind: string; def: string }[];
    try {
      await client.query("BEGIN");
      await client.query(tableSql(`pg_temp."shuangsuiji-probe"`));
      want = (await client.query(SHAPE_SQL, [`pg_temp."shuangsuiji-probe"`])).rows as { kind: string; def: string }[];
      shape = (await client.query(SHAPE_SQL, [q])).rows as { kind: string; def: string }[];
    } finally {
      await client.query("ROLLBACK").catch((e: Error) => { broken = e; });
      client.release(broken ?? false);
    }
    const have = new Map<string, number>();
    for (const r of shape) have.set(`${r.kind}\u0000${r.def}`, (have.get(`${r.kind}\u0000${r.def}`) ?? 0) + 1);
    const missing = want.filter((r) => {
      const k = `${r.kind}\u0000${r.def}`;
      const n = have.get(k) ?? 0;
      have.set(k, n - 1);
      return n <= 0;
    });
    if (missing.length > 0) {
      throw new ShuangsuijiError("invalid-argument", missing.map((r) => issue(
        "table-constraints",
        `表${table}缺少${KIND_ZH[r.kind] ?? r.kind}「${r.def}」（或已被修改）：数据库不再保证事件链与并发写入，请修复该表后再使用`,
        `table ${table}: its ${r.kind} ${r.def} is missing (or was altered): the database no longer enforces the chain and concurrent writers; repair the table`,
        ["table"],
      )));
    }
  }

  return Object.freeze({
    schemaSql,
    migrate,
    append,
    load,
    loadTask,
    async update(taskId: string, step: (task: TaskLifecycle) => Transition | TaskLifecycle, opts: ReplayTaskOptions & { readonly retries?: number } = {}) {
      for (let attempt = 0; ; attempt++) {
        const before = await loadTask(taskId, opts);
        const out = step(before);
        const after = isObject(out) && "event" in out && "task" in out ? (out as Transition).task : (out as TaskLifecycle);
        const audit = isObject(after) ? (after as TaskLifecycle).audit : undefined;
        const n = before.audit.length;
        const loaded = before.audit[n - 1] as AuditEvent;
        // the step's task must be the loaded task plus new events: one built on a stale task (kept elsewhere) would
        // otherwise be reported stored while nothing was written (F3, hostile7b)
        if (!Array.isArray(audit) || audit.length < n || (audit[n - 1] as AuditEvent | undefined)?.digest !== loaded.digest) {
          fail("invalid-argument", "update-extends-loaded",
            `任务${taskId}的更新步骤返回的任务不是在所给任务之上继续的（其第${n - 1}条事件不是读取到的链头 ${loaded.digest.slice(0, 12)}…，可能基于过期的任务）：未写入任何内容`,
            `update(${taskId}): the step's task does not extend the task it was given (its event ${n - 1} is not the loaded head ${loaded.digest.slice(0, 12)}…; built on a stale task?): nothing written`,
            ["step"]);
        }
        const added = (audit as readonly AuditEvent[]).slice(n);
        if (added.length === 0) return after;
        try {
          // a live task extending the replayed one: its new events are what the transitions appended (no second replay)
          await append(taskId, added, isLiveTask(after) ? { task: after } : opts.calendars === undefined ? {} : { calendars: opts.calendars });
          return after;
        } catch (err) {
          if (!(err instanceof ShuangsuijiError && err.code === "append-conflict") || attempt >= (opts.retries ?? 10)) throw err;
        }
      }
    },
  });
}
