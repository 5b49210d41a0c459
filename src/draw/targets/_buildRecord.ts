import { ShuangsuijiError, type RuleIssue } from "../../errors/ShuangsuijiError.js";
import { deepFreeze } from "../../_internal/deepFreeze.js";
import { canonicalJson, canonicalize } from "../_shared/_encoding.js";
import { blockSha256, wordsToHex, wordsToHexBytes, writeAsciiJsonString } from "../_shared/_sha256.js";
import { markBuilt } from "../records/_checkRecord.js";
import { boundedHeap, commitmentDigest, hexToBytesField, unitProcessor, type BoundedHeap, type CommitmentState, type DrawUnit } from "./_pool.js";
import { STAGE1_ALGORITHM, mismatch, type Stage1Setup } from "./_stage1.js";
import type { SelectedUnit, StratumDraw, TargetDrawRecord } from "../records/TargetDrawRecord.js";

/** Per-class heaps (by letter − "A") sized by the setup's quotas: a class outside A–Z never reaches a heap. */
export function heapsFor(setup: Stage1Setup, copyIds = false): (BoundedHeap | undefined)[] {
  const heaps: (BoundedHeap | undefined)[] = new Array<BoundedHeap | undefined>(26).fill(undefined);
  for (const [cls, q] of setup.quotas) if (/^[A-Z]$/.test(cls)) heaps[cls.charCodeAt(0) - 65] = boundedHeap(q.quota, copyIds, setup.commitment.strata[cls] ?? 0);
  return heaps;
}

/**
 * The single pass of a draw over a pool (drawTargets, drawTargetsAsync, the verifiers' re-run): commitment state,
 * duplicate check, eligibility and tickets into per-class heaps, sized from the setup's quotas.
 */
export function drawPass(setup: Stage1Setup, hashUnits: boolean, keepIds: boolean) {
  // a streamed pool (ids not kept) keeps flat copies of its candidates' ids (see boundedHeap)
  const heaps = heapsFor(setup, !keepIds);
  // sized once from the committed count (bounded: a damaged commitment must not make us allocate gigabytes)
  const expectedUnits = Math.min(setup.commitment.unitCount, 1 << 24);
  const p = unitProcessor(setup.config, { draw: { ticketPrefix: hexToBytesField(setup.seed.value, setup.taskId), heaps }, hashUnits, expectedUnits, keepIds });
  return { heaps, add: p.add, issues: p.issues, finish: p.finish, state: p.state };
}

/** The pool against the commitment: every count, then (when hashed) the digest; `pool-commitment-mismatch` else. */
export function checkCommitment(state: CommitmentState, setup: Stage1Setup, digestChecked: boolean): void {
  const c = setup.commitment;
  const diffs: RuleIssue[] = [];
  if (state.unitCount !== c.unitCount) diffs.push(mismatch("unitCount", c.unitCount, state.unitCount));
  for (const [name, committed, got] of [["strata", c.strata, state.strata], ["ineligible", c.ineligible, state.ineligible]] as const) {
    const a = committed as Readonly<Record<string, number>>;
    const b = got as Readonly<Record<string, number>>;
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if ((a[k] ?? 0) !== (b[k] ?? 0)) diffs.push(mismatch(`${name}.${k}`, a[k] ?? 0, b[k] ?? 0));
  }
  if (diffs.length === 0 && digestChecked && commitmentDigest(state, setup.config) !== c.digest) diffs.push(mismatch("digest", c.digest, "(units differ in content)"));
  if (diffs.length > 0) throw new ShuangsuijiError("pool-commitment-mismatch", diffs);
}

/** Selections made by {@link selectionsFromHeaps}: frozen `{ ticket, unitId }` entries, listed without a copy. */
const FROM_HEAPS = new WeakSet<readonly SelectedUnit[]>();

/**
 * What the digest reads of a selection made by {@link selectionsFromHeaps} (see boundedHeap's recordSelectedHex): the
 * tickets' words (entry i's at slot `idJson.order[i]`, 8 words a slot) and the ids' JSON literals as UTF-8 bytes.
 */
const SELECTION_BYTES = new WeakMap<readonly SelectedUnit[], { words: Int32Array; idJson: { order: Int32Array; start: Int32Array; bytes: Uint8Array } }>();

/** Each class's selection from the heaps, in ticket order (hex built once per selected unit). */
export function selectionsFromHeaps(setup: Stage1Setup, heaps: readonly (BoundedHeap | undefined)[]): Map<string, SelectedUnit[]> {
  const out = new Map<string, SelectedUnit[]>();
  for (const cls of setup.quotas.keys()) {
    const h = /^[A-Z]$/.test(cls) ? heaps[cls.charCodeAt(0) - 65] : undefined;
    const { list, words, idJson } = h === undefined ? { list: [], words: new Int32Array(0), idJson: { order: new Int32Array(0), start: new Int32Array(1), bytes: new Uint8Array(0) } } : h.recordSelectedHex();
    FROM_HEAPS.add(list);
    SELECTION_BYTES.set(list, { words, idJson });
    out.set(cls, list);
  }
  return out;
}

/**
 * The stage-1 record from the setup and each class's selection (at most its quota, in ticket order, ids unique): keys
 * in canonical order as built (the record's JSON is its canonical form, docs/spec-v1.md §2), digest streamed, frozen
 * once. The selected entries are fresh `{ ticket, unitId }` objects. `trusted` (default) marks it "built" (never
 * re-checked): pass `false` when the selections came from outside this process's own pass (an engine's rows), so the
 * record is checked in full wherever it is used, as mergeTargetShards's is.
 */
export function buildTargetRecord(setup: Stage1Setup, selections: ReadonlyMap<string, readonly SelectedUnit[]>, commitment = setup.commitment, trusted = true): TargetDrawRecord {
  const strata: StratumDraw[] = [];
  let selectedCount = 0;
  let random = false;
  for (const [cls, q] of setup.quotas) {
    const list = selections.get(cls) ?? [];
    const n = Math.min(list.length, q.quota);
    let selected: SelectedUnit[];
    if (FROM_HEAPS.has(list)) selected = n === list.length ? (list as SelectedUnit[]) : list.slice(0, n); // frozen entries, used as they are
    else {
      selected = new Array<SelectedUnit>(n);
      for (let i = 0; i < n; i++) {
        const s = list[i] as SelectedUnit;
        selected[i] = Object.freeze({ ticket: s.ticket, unitId: s.unitId });
      }
    }
    selectedCount += n;
    random ||= !q.census && q.quota > 0;
    strata.push(Object.freeze({
      census: q.census,
      quota: q.quota,
      quotaRule: q.explanation,
      riskClass: cls,
      selected: Object.freeze(selected),
      size: commitment.strata[cls] ?? 0,
      threshold: n > 0 ? (selected[n - 1] as SelectedUnit).ticket : null,
    }));
  }
  Object.freeze(strata);
  const policy = deepFreeze(canonicalize(setup.policy));
  const poolCommitment = deepFreeze(canonicalize(commitment));
  const seed = deepFreeze(canonicalize(setup.seed));
  const timeline = setup.timeline === undefined ? undefined : deepFreeze(canonicalize(setup.timeline));
  const body = {
    algorithm: STAGE1_ALGORITHM,
    kind: "target-draw" as const,
    policy,
    poolCommitment,
    random,
    seed,
    selectedCount,
    strata,
    taskId: setup.taskId,
    ...(timeline === undefined ? {} : { timeline }),
  };
  const digest = recordDigest(body);
  // the bytes the digest was written from are let go with it (they are not the record's: the ticket words and an id
  // literal per selected unit, ≈ 26 MB at 5 × 10^5, would otherwise live as long as the record)
  for (const s of strata) SELECTION_BYTES.delete(s.selected);
  const record = {
    algorithm: body.algorithm,
    digest,
    kind: body.kind,
    policy,
    poolCommitment,
    random,
    seed,
    selectedCount,
    strata,
    taskId: body.taskId,
    ...(timeline === undefined ? {} : { timeline }),
  };
  // marked "built" (skipping the self-check wherever it is used) only when the selections are this process's own heaps
  const frozen = Object.freeze(record) as TargetDrawRecord;
  return trusted ? markBuilt(frozen) : frozen;
}

/** A selected entry's text before its ticket's digits (with its comma) and between them and its id's literal. */
const ENTRY_OPEN = new TextEncoder().encode(',{"ticket":"');
const ENTRY_ID = new TextEncoder().encode('","unitId":');
/** The buffer the record's text is written into and hashed from, a whole number of blocks at a time. */
const TEXT = new Uint8Array(1 << 16);
const TEXT_VIEW = new DataView(TEXT.buffer);
const utf8 = new TextEncoder();

/**
 * The record's digest: SHA-256 of the canonical JSON of its body (docs/spec-v1.md §2), streamed with the body's shape
 * known — members written in canonical order (the small ones as their canonical JSON), each selected entry as
 * `{"ticket":"…","unitId":…}` without a generic walk. The text is written into one reused 64 KiB buffer and hashed
 * from it a run of whole 64-byte blocks at a time (`blockSha256`), never copied again into a hasher byte by byte
 * (2026-12-05: that copy was about a fifth of the digest's time per selected unit). For the draw's own selection the
 * entries are written from what the selection was built with (each ticket's hex from its words, the ids as JSON
 * literals written in slot order: no id text read in ticket order) — so exactly `digestOf(body)` (checked against it:
 * test/draw/selection.test.ts, and the golden vectors).
 */
export function recordDigest(body: Omit<TargetDrawRecord, "digest">): string {
  const h = blockSha256();
  const buf = TEXT;
  let n = 0;
  // hashes the whole blocks written so far and moves the rest (under 64 bytes) to the front
  const flush = (): void => {
    const whole = n - (n % 64);
    h.blocks(TEXT_VIEW, 0, whole);
    buf.copyWithin(0, whole, n);
    n -= whole;
  };
  const put = (b: Uint8Array): void => {
    for (let i = 0; i < b.length; i++) {
      if (n === buf.length) flush();
      buf[n++] = b[i] as number;
    }
  };
  // the UTF-8 bytes of `s` (ASCII written in place; anything else through the encoder)
  const text = (s: string): void => {
    const len = s.length;
    if (n + len > buf.length) flush();
    if (n + len <= buf.length) {
      let f = n;
      let i = 0;
      for (; i < len; i++) {
        const c = s.charCodeAt(i);
        if (c > 0x7f) break;
        buf[f++] = c;
      }
      if (i === len) {
        n = f;
        return;
      }
    }
    put(utf8.encode(s));
  };
  // JSON.stringify(s) (a JSON string literal), written in place when `s` is printable ASCII without `"` or `\`
  const json = (s: string): void => {
    const len = s.length;
    if (n + len + 2 > buf.length) flush();
    if (n + len + 2 <= buf.length) {
      const f = writeAsciiJsonString(s, buf, n);
      if (f >= 0) {
        n = f;
        return;
      }
    }
    text(JSON.stringify(s));
  };
  text('{"algorithm":');
  json(body.algorithm);
  text(',"kind":');
  json(body.kind);
  text(`,"policy":${canonicalJson(body.policy)},"poolCommitment":${canonicalJson(body.poolCommitment)},"random":${canonicalJson(body.random)}`);
  text(`,"seed":${canonicalJson(body.seed)},"selectedCount":${canonicalJson(body.selectedCount)},"strata":[`);
  body.strata.forEach((s, i) => {
    text(`${i === 0 ? "" : ","}{"census":${canonicalJson(s.census)},"quota":${canonicalJson(s.quota)},"quotaRule":`);
    json(s.quotaRule);
    text(',"riskClass":');
    json(s.riskClass);
    text(',"selected":[');
    const list = s.selected;
    const known = SELECTION_BYTES.get(list);
    for (let j = 0; j < list.length; j++) {
      if (known === undefined) {
        const u = list[j] as SelectedUnit;
        text(j === 0 ? '{"ticket":' : ',{"ticket":');
        json(u.ticket);
        text(',"unitId":');
        json(u.unitId);
        text("}");
        continue;
      }
      const { words, idJson } = known;
      const slot = idJson.order[j] as number;
      const from = idJson.start[slot] as number;
      const to = idJson.start[slot + 1] as number;
      if (n + to - from + 96 > buf.length) flush();
      if (n + to - from + 96 > buf.length) {
        // an id literal longer than the buffer: the entry in pieces
        text(`${j === 0 ? "" : ","}{"ticket":"${wordsToHex(words, slot * 8)}","unitId":`);
        put(idJson.bytes.subarray(from, to));
        text("}");
        continue;
      }
      for (let k = j === 0 ? 1 : 0; k < ENTRY_OPEN.length; k++) buf[n++] = ENTRY_OPEN[k] as number;
      wordsToHexBytes(words, slot * 8, buf, n);
      n += 64;
      for (let k = 0; k < ENTRY_ID.length; k++) buf[n++] = ENTRY_ID[k] as number;
      const bytes = idJson.bytes;
      for (let k = from; k < to; k++) buf[n++] = bytes[k] as number;
      buf[n++] = 0x7d;
    }
    text(`],"size":${canonicalJson(s.size)},"threshold":${canonicalJson(s.threshold)}}`);
  });
  text('],"taskId":');
  json(body.taskId);
  if (body.timeline !== undefined) text(`,"timeline":${canonicalJson(body.timeline)}`);
  text("}");
  const out = new Int32Array(8);
  h.finishInto(buf, n, out, 0);
  return wordsToHex(out);
}

/** Feeds nothing: a helper type for the passes' callers. */
export type Pass = ReturnType<typeof drawPass>;
export type { DrawUnit };

