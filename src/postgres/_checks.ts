// The checks of the PostgreSQL event store that are not SQL: the task a trail belongs to, text jsonb cannot hold and the
// event envelope (docs/persistence.md, "The PostgreSQL store").
import type { RuleIssue } from "../errors/ShuangsuijiError.js";
import { AuditEventSchema } from "../task/TaskSchema.js";
import { isEventEnvelope } from "../task/_eventEnvelope.js";

/** The clause every store issue cites: 全过程留痕 (Chongqing 4) and the store's contract. */
export const STORE_CLAUSE = "Chongqing 4 (全过程留痕); docs/persistence.md";

type Path = (string | number)[];
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * Problems with the task a trail names (Chongqing 4: the record is the task's own): the first event (`startTask`,
 * when `offset` is 0) must plan `taskId` — its payload's `taskId` and its input's `id` — and no event's first input
 * argument or payload may name another task (`taskId`, as a result record does). One issue per event concerned.
 */
export function taskIdIssues(taskId: string, events: readonly unknown[], offset: number): RuleIssue[] {
  const out: RuleIssue[] = [];
  events.forEach((e, i) => {
    if (!isObject(e)) return;
    const seq = offset + i;
    const input = Array.isArray(e["input"]) ? (e["input"] as unknown[]) : [];
    const first = isObject(input[0]) ? input[0] : undefined;
    const payload = isObject(e["payload"]) ? e["payload"] : undefined;
    const named: [Path, unknown][] = [
      ...(seq === 0 && e["transition"] === "startTask" ? [[["input", 0, "id"], first?.["id"]] as [Path, unknown]] : []),
      [["input", 0, "taskId"], first?.["taskId"]],
      [["payload", "taskId"], payload?.["taskId"]],
    ];
    const other = named.find(([, v]) => v !== undefined && v !== taskId);
    if (other === undefined) return;
    const [path, v] = other;
    const shown = typeof v === "string" ? v : JSON.stringify(v) ?? String(v);
    out.push({
      path: ["events", seq, ...path], rule: "task-id", clause: STORE_CLAUSE, value: v,
      messageZh: seq === 0
        ? `任务${taskId}的第0条事件计划的是任务${shown}：该审计记录属于其他任务（以错误的任务标识存储或复制）`
        : `任务${taskId}的第${seq}条事件属于任务${shown}（${path.join(".")}）：不能存入其他任务的审计记录`,
      messageEn: seq === 0
        ? `task ${taskId}, event 0: it plans task ${shown}: this trail belongs to another task (stored or copied under the wrong task id)`
        : `task ${taskId}, event ${seq}: its ${path.join(".")} names task ${shown}: an event of another task`,
    });
  });
  return out;
}

const NUL = /\u0000/;
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether PostgreSQL can store the text (no U+0000, no lone surrogate): a task id is a `text` key. */
export const isStorableText = (s: string): boolean => !NUL.test(s) && !LONE.test(s);

/**
 * Text PostgreSQL's `jsonb` cannot store (SQL:2016 JSON in PostgreSQL, "JSON Types": `\u0000` is refused, and an
 * escaped lone surrogate is not valid input): U+0000 or a lone UTF-16 surrogate in any string or member name of the
 * events. One issue per string, naming the event and the field.
 */
export function unstorableTextIssues(events: readonly unknown[], offset: number): RuleIssue[] {
  const out: RuleIssue[] = [];
  // one path stack for the whole walk (copied only for an issue): the events may be a whole trail
  const path: Path = [];
  const check = (s: string, seq: number, what: string) => {
    const nul = NUL.exec(s);
    const lone = nul === null ? LONE.exec(s) : null;
    const hit = nul ?? lone;
    if (hit === null) return;
    const at = [...path];
    const cp = `U+${(hit[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
    const field = at.length === 0 ? "" : at.join(".");
    out.push({
      path: ["events", seq, ...at], rule: "jsonb-text", clause: `${STORE_CLAUSE}; PostgreSQL "JSON Types" (jsonb)`,
      messageZh: `第${seq}条事件的${what === "key" ? "成员名" : "字段"}${field}含有PostgreSQL jsonb无法存储的字符${cp}（${nul !== null ? "空字符" : "孤立的代理项"}，第${hit.index + 1}个字符）：无法存储`,
      messageEn: `event ${seq}, ${what === "key" ? "member name" : "field"} ${field}: ${nul !== null ? "the NUL character" : "a lone surrogate"} ${cp} at character ${hit.index + 1}, which PostgreSQL's jsonb cannot store`,
    });
  };
  const walk = (v: unknown, seq: number): void => {
    if (typeof v === "string") check(v, seq, "value");
    else if (path.length > 200 || v === null || typeof v !== "object") return;
    else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        walk(v[i], seq);
        path.pop();
      }
    } else {
      for (const k of Object.keys(v)) {
        path.push(k);
        check(k, seq, "key");
        walk((v as Record<string, unknown>)[k], seq);
        path.pop();
      }
    }
  };
  events.forEach((e, i) => walk(e, offset + i));
  return out;
}

/** Each event checked against {@link AuditEventSchema} (the nine members, each of its type, no other): every issue. */
export function envelopeIssues(events: readonly unknown[], offset: number): RuleIssue[] {
  const out: RuleIssue[] = [];
  events.forEach((e, i) => {
    if (isEventEnvelope(e)) return; // the hand check: whatever it accepts, the schema accepts
    const r = AuditEventSchema.safeParse(e);
    if (r.success) return;
    const seq = offset + i;
    for (const z of r.error.issues) {
      const field = z.path.length === 0 ? "" : z.path.map(String).join(".");
      const keys = z.code === "unrecognized_keys" ? ` ${z.keys.map((k) => JSON.stringify(k)).join(", ")}` : "";
      out.push({
        path: ["events", seq, ...z.path.map((p) => (typeof p === "number" ? p : String(p)))], rule: `schema:${z.code}`, clause: STORE_CLAUSE,
        messageZh: z.code === "unrecognized_keys"
          ? `第${seq}条事件含有审计事件以外的成员${keys}（不受任何摘要覆盖）`
          : `第${seq}条事件的${field === "" ? "内容" : `字段${field}`}不符合审计事件格式（AuditEventSchema，${z.code}）`,
        messageEn: `event ${seq}${field === "" ? "" : `, ${field}`}: not an audit event as AuditEventSchema defines it (${z.message}${keys})`,
      });
    }
  });
  return out;
}
