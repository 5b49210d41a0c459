// The record digest of any stage-2 body, by walking it (docs/spec-v1.md §2): what verification uses to check a
// published record's own digest. It is a second writer, independent of the one drawInspectors streams while it draws
// (members written in their canonical order as the record is built): a mistake in either makes a verification fail.
// Teams and leaders of the expected shape are written directly (ids as JSON string literals, punctuation from pieces
// encoded once; see RecordText); any other value as generic canonical JSON, so the result is `canonicalDigest(body)`
// for any body (differential property test: test/draw/stage2Digest.test.ts). Verification compares this text with the
// re-run's, chunk by chunk as it is written, instead of hashing or keeping it (verifyInspectorDraw.ts).
import { RecordText, type RecordTextMode } from "./_recordText.js";

interface Team {
  readonly inspectorIds: readonly string[];
  readonly random: boolean;
  readonly targetIds: readonly string[];
}
interface Leader {
  readonly leaderId: string;
  readonly targetIds: readonly string[];
}

// a dense array of strings (a hole would be `null` in JSON)
function isStringArray(v: unknown): v is readonly string[] {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== "string") return false;
  return true;
}
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
/** Own enumerable string-keyed members (what canonical JSON writes), counted. */
function memberCount(o: object): number {
  let n = 0;
  for (const k in o) if (has(o, k)) n++;
  return n;
}
/** Exactly a team's members, of the types the fast path writes. */
const isTeam = (t: unknown): t is Team =>
  isRecord(t) && memberCount(t) === 3 && has(t, "inspectorIds") && has(t, "random") && has(t, "targetIds") &&
  isStringArray(t.inspectorIds) && typeof t.random === "boolean" && isStringArray(t.targetIds);
const isLeader = (l: unknown): l is Leader =>
  isRecord(l) && memberCount(l) === 2 && has(l, "leaderId") && has(l, "targetIds") && typeof l.leaderId === "string" && isStringArray(l.targetIds);

/**
 * SHA-256 (hex) of the canonical JSON of a stage-2 record body (docs/spec-v1.md §2, §9.4), whatever its content:
 * teams and leaders of the expected shape (exactly their members: strings, string arrays, a boolean) from cached
 * pieces, everything else as generic canonical JSON. Equal to `canonicalDigest(body)`.
 */
export function stage2BodyDigest(body: Readonly<Record<string, unknown>>): string {
  return stage2BodyText(body, 0, "hash").digest();
}

/**
 * Whether the canonical JSON text of a stage-2 record body (as {@link stage2BodyText} writes it) is exactly `expected`,
 * byte for byte: compared chunk by chunk as it is written, without keeping or hashing it.
 */
export function stage2BodyMatches(body: Readonly<Record<string, unknown>>, expected: Uint8Array): boolean {
  return stage2BodyText(body, 0, { compare: expected }).matches();
}

/**
 * The canonical JSON text of a stage-2 record body (docs/spec-v1.md §2), as {@link stage2BodyDigest} hashes it;
 * `sizeHint`: its expected byte length, reserved at once ("keep" mode); `mode`: what the text does with its bytes
 * (see {@link RecordText}).
 */
export function stage2BodyText(body: Readonly<Record<string, unknown>>, sizeHint = 0, mode: RecordTextMode = "keep"): RecordText {
  const out = new RecordText(mode);
  if (sizeHint > 0) out.reserve(Math.min(sizeHint, 1 << 28));
  // the members of a team and a leader in canonical (sorted) order
  const TEAM = out.piece('{"inspectorIds":[');
  const TEAM_NEXT = out.piece(',{"inspectorIds":[');
  const RANDOM_TRUE = out.piece('],"random":true,"targetIds":[');
  const RANDOM_FALSE = out.piece('],"random":false,"targetIds":[');
  const LEADER = out.piece('{"leaderId":');
  const LEADER_NEXT = out.piece(',{"leaderId":');
  const LEADER_TARGETS = out.piece(',"targetIds":[');
  const CLOSE = out.piece("]}");
  // ids written as JSON string literals straight into the text (no cache: one writer shares nothing with the other)
  const list = (ids: readonly string[]) => out.jsonStrings(ids);
  const teams = (xs: readonly unknown[]) => {
    out.text("[");
    for (let k = 0; k < xs.length; k++) {
      const t = xs[k];
      if (!isTeam(t)) {
        out.text(k > 0 ? "," : "");
        out.json(t === undefined ? null : t);
        continue;
      }
      out.put(k === 0 ? TEAM : TEAM_NEXT);
      list(t.inspectorIds);
      out.put(t.random ? RANDOM_TRUE : RANDOM_FALSE);
      list(t.targetIds);
      out.put(CLOSE);
    }
    out.text("]");
  };
  const leaders = (xs: readonly unknown[]) => {
    out.text("[");
    for (let k = 0; k < xs.length; k++) {
      const l = xs[k];
      if (!isLeader(l)) {
        out.text(k > 0 ? "," : "");
        out.json(l === undefined ? null : l);
        continue;
      }
      out.put(k === 0 ? LEADER : LEADER_NEXT);
      out.jsonString(l.leaderId);
      out.put(LEADER_TARGETS);
      list(l.targetIds);
      out.put(CLOSE);
    }
    out.text("]");
  };
  // an object's defined members in canonical (UTF-16 code unit) order; `special` writes a member's value or declines
  const object = (o: Readonly<Record<string, unknown>>, special: (k: string, v: unknown) => boolean) => {
    out.text("{");
    let first = true;
    for (const k of Object.keys(o).sort()) {
      const v = o[k];
      if (v === undefined) continue;
      out.text(`${first ? "" : ","}${JSON.stringify(k)}:`);
      first = false;
      if (!special(k, v)) out.json(v);
    }
    out.text("}");
  };
  object(body, (k, v) => {
    if (k === "departments" && Array.isArray(v)) {
      out.text("[");
      for (let i = 0; i < v.length; i++) {
        const d: unknown = v[i];
        out.text(i > 0 ? "," : "");
        if (!isRecord(d)) out.json(d === undefined ? null : d);
        else object(d, (dk, dv) => dk === "teams" && Array.isArray(dv) && (teams(dv), true));
      }
      out.text("]");
      return true;
    }
    if (k === "leaders" && Array.isArray(v)) {
      leaders(v);
      return true;
    }
    return false;
  });
  return out;
}
