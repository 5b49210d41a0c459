import { invalid, isPlainObject, readOptions } from "../_internal/boundary.js";
import { plainCopy } from "./_plain.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { canonicalDigest } from "./_digest.js";
import type { AnchoredHead, AuditEvent } from "./AuditEvent.js";
import { GENESIS } from "./_lifecycle.js";
import { anchorProblems, publishedDigest, readAnchors, readHead } from "./_replay.js";
import { trailDateProblems } from "./_trailDates.js";

/**
 * Result of {@link verifyAuditTrail}.
 *
 * @category Task
 */
export type AuditVerification =
  | { readonly ok: true; readonly headDigest: string; readonly head: AnchoredHead }
  | { readonly ok: false; readonly problems: readonly AuditProblem[] };

/**
 * One problem of a trail: the event (`seq`) and what is wrong, in English (`problem`) and Chinese (`problemZh`).
 *
 * @category Task
 */
export interface AuditProblem {
  /** The event concerned (its sequence number). */
  readonly seq: number;
  /** What is wrong (English). */
  readonly problem: string;
  /** 问题说明（中文）: the same reason. */
  readonly problemZh: string;
}

/**
 * Options of {@link verifyAuditTrail}.
 *
 * @category Task
 */
export interface VerifyAuditTrailOptions {
  /**
   * Published heads (锚定: e.g. printed in the results notice, see {@link publicView}) the trail must contain, each
   * at its position with its digest. A trail cut back before one of them (truncation), or rewritten up to it, fails.
   */
  readonly anchors?: readonly AnchoredHead[];
  /**
   * Verify only the events after a published head: the first event must be `from.seq + 1` and link to `from.digest`.
   * This is how later events prove they extend what was published, without the earlier events.
   */
  readonly from?: AnchoredHead;
}

/**
 * Verifies an audit trail (全过程留痕, Chongqing 4): sequence numbers from 0 (or `from.seq + 1`) rising by 1 without
 * gaps, each event's digest matching its content, each event naming the previous event's digest, and event dates
 * (`on`) that never go backwards. Any edit, deletion, insertion or reordering breaks it;
 * dropping the last events does not — compare with a published head (`anchors`) to catch that. This checks the chain
 * only; {@link replayTask} and {@link verifyTask} also check that every event is what its transition appends.
 *
 * @param rawEvents - The audit trail, in order.
 * @param rawOptions - Trusted `anchors` (heads published or stored elsewhere) to check the trail against.
 * @returns `{ ok: true, headDigest, head }`, or `{ ok: false, problems }` naming the event (`seq`) of each broken link,
 *   edited event or anchor mismatch.
 * @throws {@link ShuangsuijiError} `invalid-input` when `rawEvents` is not an array or the options are malformed.
 * @category Task
 * @example
 * ```ts
 * import { publicView, verifyAuditTrail, type TaskLifecycle } from "shuangsuiji";
 * declare const task: TaskLifecycle;
 * declare const noticeHead: ReturnType<typeof publicView>["head"]; // printed in the results notice
 * const v = verifyAuditTrail(task.audit, { anchors: noticeHead === undefined ? [] : [noticeHead] });
 * if (v.ok) console.log(v.head.seq, v.headDigest);
 * ```
 */
export function verifyAuditTrail(rawEvents: readonly AuditEvent[], rawOptions: VerifyAuditTrailOptions = {}): AuditVerification {
  // read once (a Proxy, getter, BigInt or hole is misuse: invalid-input by path); a damaged event is reported below
  const events = plainCopy(rawEvents, ["events"]) as readonly AuditEvent[];
  if (!Array.isArray(events)) invalid(["events"], "expected the array of audit events", "应为审计事件数组", rawEvents);
  const options = readOptions(rawOptions, ["options"], ["anchors", "from"]) as VerifyAuditTrailOptions;
  if (options.from !== undefined) readHead(options.from, ["options", "from"]);
  const anchors = readAnchors(options.anchors, ["options", "anchors"]);
  const problems: AuditProblem[] = [];
  const offset = options.from === undefined ? 0 : options.from.seq + 1;
  let prev = options.from === undefined ? GENESIS : publishedDigest(options.from.digest);
  events.forEach((e: unknown, i) => {
    const seq = offset + i;
    if (!isPlainObject(e)) {
      problems.push({ seq, problem: "not an audit event (expected an object)", problemZh: "不是审计事件对象" });
      prev = "";
      return;
    }
    // the body with its keys in canonical order, so its digest is the native JSON.stringify of it (canonicalDigest)
    const { digest } = e as unknown as AuditEvent;
    const body = { actor: e["actor"], input: e["input"], on: e["on"], payload: e["payload"], prevDigest: e["prevDigest"], seq: e["seq"], transition: e["transition"], type: e["type"] };
    // every other own member is covered by the digest too, whatever its name: `k in body` would skip names inherited
    // from Object.prototype ("constructor", "toString", "__proto__"), and an assignment would set the prototype
    for (const k of Object.keys(e)) if (k !== "digest" && !Object.hasOwn(body, k)) Object.defineProperty(body, k, { value: e[k], enumerable: true, writable: true, configurable: true });
    if (typeof e["seq"] !== "number" || !Number.isInteger(e["seq"])) problems.push({ seq, problem: `no valid sequence number at position ${seq} (damaged event)`, problemZh: "没有有效的序号（事件已损坏）" });
    else if (e["seq"] !== seq) problems.push({ seq, problem: `sequence number ${e["seq"]} at position ${seq} (an event was removed, inserted or moved)`, problemZh: `第${seq}位的事件序号为${e["seq"]}（事件被删除、插入或移动）` });
    if (typeof digest !== "string" || canonicalDigest(body) !== digest) problems.push({ seq, problem: "the event's content does not match its digest (edited)", problemZh: "事件内容与其摘要不符（被编辑）" });
    if (e["prevDigest"] !== prev) {
      const first = seq === offset && options.from !== undefined;
      problems.push(first
        ? { seq, problem: "the first event does not extend the published head", problemZh: "第一条事件未接续已公布的链头" }
        : { seq, problem: "the link to the previous event is broken (removed, inserted or reordered)", problemZh: "与上一条事件的链接断开（事件被删除、插入、调换或编辑）" });
    }
    prev = typeof digest === "string" ? digest : "";
  });
  problems.push(...trailDateProblems(events, offset), ...anchorProblems(events, anchors, offset));
  return deepFreeze(problems.length === 0 ? { ok: true, headDigest: prev, head: { seq: offset + events.length - 1, digest: prev } } : { ok: false, problems });
}
