import { isValidCivilDate } from "../calendar/isValidCivilDate.js";
import { TRANSITIONS } from "./AuditEvent.js";

// AuditEventSchema checked by hand: loadTask reads every event of a stored trail (10⁵ on a provincial task), and the
// zod pass over them cost as much as a tenth of the replay. The check is at least as strict as the schema — whatever
// it accepts, the schema accepts (differential-tested in test/task/eventEnvelope.test.ts) — and anything it does not
// accept goes to the schema, which writes the report; so the errors are the schema's, exactly as before.

const FIELDS = new Set(["seq", "type", "on", "actor", "payload", "transition", "input", "prevDigest", "digest"]);
const DIGEST = /^[0-9a-f]{64}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether a value (plain data, as plainCopy makes it) is an audit event envelope that AuditEventSchema accepts: the
 * nine members and no other (a member outside the digest could carry anything — Chongqing 4 (全过程留痕);
 * docs/persistence.md), each of the schema's type. `false` means "ask the schema", not "refused". @internal
 */
export function isEventEnvelope(e: unknown): boolean {
  if (e === null || typeof e !== "object" || Array.isArray(e)) return false;
  const proto = Object.getPrototypeOf(e) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  const o = e as Record<string, unknown>;
  let n = 0;
  for (const k of Object.keys(o)) {
    if (!FIELDS.has(k)) return false;
    n++;
  }
  if (n !== FIELDS.size) return false;
  const { seq, type, on, actor, payload, transition, input, prevDigest, digest } = o;
  return (
    typeof seq === "number" && Number.isSafeInteger(seq) && seq >= 0 &&
    typeof type === "string" && type.length > 0 &&
    typeof on === "string" && DATE.test(on) && isValidCivilDate(on) &&
    typeof actor === "string" &&
    payload !== null && typeof payload === "object" && !Array.isArray(payload) && isPlainProto(payload) &&
    (TRANSITIONS as readonly unknown[]).includes(transition) &&
    Array.isArray(input) &&
    typeof prevDigest === "string" && DIGEST.test(prevDigest) &&
    typeof digest === "string" && DIGEST.test(digest)
  );
}

function isPlainProto(o: object): boolean {
  const proto = Object.getPrototypeOf(o) as unknown;
  return proto === Object.prototype || proto === null;
}
