import { validDate } from "./_civilDate.js";
import { OUTCOME_IDS } from "../codes/OUTCOMES.js";
import type { InspectionRecord } from "../model/inspectionRecord.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { SUSPECT, unstorableTexts } from "./_storableText.js";

// InspectionRecordSchema checked by hand, for recordResult: every result is validated when recorded and again on every
// replay (10⁵ events on a provincial task), and the zod pass cost about a tenth of the replay. `readRecordForm` returns
// exactly what `InspectionRecordSchema.safeParse(x).data` returns (the same members in the same order, a fresh copy:
// each member is read once) when the form is one the schema accepts and `undefined` otherwise — "ask the schema", which
// then writes the report with its usual issues (or accepts what this check leaves to it, e.g. an optional member present
// as `undefined`). It is never more lenient than the schema: differential-tested in test/task/recordForm.test.ts.
// The rules are the schema's (Wolong Annex B; Chongqing F.1; Longting art. 21; Wancheng art. 20): strict objects,
// identifiers and texts non-empty without surrounding white space, real civil dates, the phone format, outcomes from
// OUTCOMES, at least one inspector, department, item, outcome and signature, distinct department ids.

const PHONE = /^\+?[0-9][0-9\- ()]{2,30}$/;
const OUTCOMES = new Set<unknown>(OUTCOME_IDS);
const REASONS = new Set<unknown>(["unreachable", "seriously-non-cooperative"]);

/**
 * Whether this read keeps the form it checks instead of copying it ({@link readRecordForm}'s `inPlace`): set for the
 * duration of one read. Every reader then checks exactly what it checks when copying and returns its own argument.
 */
let keep = false;

/**
 * Set while `keep` when `Object.prototype` has none of the members the form allows: then no allowed member can be
 * inherited by a plain object of the form, and {@link obj} skips the per-object look-up for one. Only with `keep`: the
 * form is replay's own plain data (data members only, so no caller code runs and `Object.prototype` cannot change
 * during the read); a caller's form keeps the look-up per object.
 */
let protoClean = false;

/** Thrown inside the check to leave the form to the schema. */
const ASK = Symbol("ask the schema");
const ask = (): never => {
  throw ASK;
};

/**
 * A plain object whose own enumerable members (the ones zod reads, inherited ones included) are all in `allowed`, and
 * with no allowed member inherited from its prototype chain.
 */
function obj(v: unknown, allowed: ReadonlySet<string>): Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return ask();
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return ask();
  for (const k in v) if (!allowed.has(k) || !Object.hasOwn(v, k)) return ask();
  // an allowed member inherited (a polluted Object.prototype, non-enumerable: invisible to for…in) is read by zod but
  // not by `opt`, which reads own members only: the schema decides (hostile6b F4)
  if (proto !== null && !protoClean) for (const k of allowed) if (!Object.hasOwn(v, k) && k in v) return ask();
  return v as Record<string, unknown>;
}

/** A non-empty array, each element read once by `read` (a hole reads as `undefined`, as the schema reads it). */
function list<T>(v: unknown, read: (x: unknown) => T): T[] {
  if (!Array.isArray(v) || v.length === 0) return ask();
  const n = v.length;
  if (keep) {
    // each element read as when copying; every reader returns its argument, so the array is its own copy
    for (let i = 0; i < n; i++) read(v[i]);
    return v as T[];
  }
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = read(v[i]);
  return out;
}

/**
 * TextSchema / IdSchema: a string, non-empty, no surrounding white space. A text that may hold U+0000 or a lone
 * surrogate is left to {@link readRecordForm}'s catch, which refuses it by path (text-storable, Chongqing 4).
 */
function text(v: unknown): string {
  if (typeof v !== "string" || v.length === 0 || v !== v.trim() || SUSPECT.test(v)) return ask();
  return v;
}

function date(v: unknown): string {
  if (typeof v !== "string" || !isDateShape(v) || !validDate(v)) return ask();
  return v;
}

/**
 * `DATE.test(v)` by hand (`/^\d{4}-\d{2}-\d{2}$/`: ten characters, ASCII digits but for the two hyphens): the
 * regular expression allocated on every call, and a replayed result reads six dates (docs/benchmarks.md round 5).
 */
function isDateShape(v: string): boolean {
  if (v.length !== 10) return false;
  for (let i = 0; i < 10; i++) {
    const c = v.charCodeAt(i);
    if (i === 4 || i === 7 ? c !== 45 : c < 48 || c > 57) return false;
  }
  return true;
}

function str(v: unknown): string {
  if (typeof v !== "string" || SUSPECT.test(v)) return ask();
  return v;
}

/** An optional member: absent, or valid (present as `undefined` is left to the schema). */
function opt<T>(o: Record<string, unknown>, k: string, read: (v: unknown) => T, out: Record<string, unknown>): void {
  if (!Object.hasOwn(o, k)) return;
  const v = o[k];
  if (v === undefined) ask();
  out[k] = read(v);
}

/** {@link opt} without a copy (`keep`): the member checked in place. */
function optIn<T>(o: Record<string, unknown>, k: string, read: (v: unknown) => T): void {
  if (!Object.hasOwn(o, k)) return;
  const v = o[k];
  if (v === undefined) ask();
  read(v);
}

function phone(v: unknown): string {
  if (typeof v !== "string" || !PHONE.test(v)) return ask();
  return v;
}

const INSPECTOR = new Set(["inspectorId", "name", "unit", "certificateNumber", "phone"]);
const TARGET_OPTIONAL = ["code", "legalRepresentative", "idNumber", "phone", "address", "county"] as const;
const TARGET = new Set(["targetId", "name", "code", "legalRepresentative", "idNumber", "phone", "address", "county"]);
const DEPARTMENT = new Set(["departmentId", "items"]);
const ITEM = new Set(["itemId", "itemName", "outcomes", "notes"]);
const SIGNATURE = new Set(["inspectorId", "signedOn"]);
const SIGNED = new Set(["kind", "signedOn", "signatory"]);
const REFUSED = new Set(["kind", "recordedBy", "evidence", "statement"]);
const DIRECT = new Set(["kind", "reason", "evidence"]);
const RECORD = new Set(["id", "taskId", "inspectedOn", "inspectors", "target", "departments", "handlingOpinion", "remarks", "targetConfirmation", "inspectorSignatures"]);
/** Every member some object of the form allows. */
const FORM_KEYS: readonly string[] = [...new Set([INSPECTOR, TARGET, DEPARTMENT, ITEM, SIGNATURE, SIGNED, REFUSED, DIRECT, RECORD].flatMap((s) => [...s]))];

function inspector(v: unknown): Record<string, unknown> {
  const o = obj(v, INSPECTOR);
  if (keep) {
    text(o.inspectorId), text(o.name), text(o.unit);
    optIn(o, "certificateNumber", text);
    optIn(o, "phone", phone);
    return o;
  }
  const out: Record<string, unknown> = { inspectorId: text(o.inspectorId), name: text(o.name), unit: text(o.unit) };
  opt(o, "certificateNumber", text, out);
  opt(o, "phone", phone, out);
  return out;
}

function target(v: unknown): Record<string, unknown> {
  const o = obj(v, TARGET);
  if (keep) {
    text(o.targetId), text(o.name);
    for (const k of TARGET_OPTIONAL) optIn(o, k, k === "phone" ? phone : text);
    return o;
  }
  const out: Record<string, unknown> = { targetId: text(o.targetId), name: text(o.name) };
  opt(o, "code", text, out);
  opt(o, "legalRepresentative", text, out);
  opt(o, "idNumber", text, out);
  opt(o, "phone", phone, out);
  opt(o, "address", text, out);
  opt(o, "county", text, out);
  return out;
}

function outcome(v: unknown): string {
  if (!OUTCOMES.has(v)) return ask();
  return v as string;
}

function item(v: unknown): Record<string, unknown> {
  const o = obj(v, ITEM);
  if (keep) {
    optIn(o, "itemId", text);
    text(o.itemName);
    list(o.outcomes, outcome);
    optIn(o, "notes", str);
    return o;
  }
  const out: Record<string, unknown> = {};
  opt(o, "itemId", text, out);
  out.itemName = text(o.itemName);
  out.outcomes = list(o.outcomes, outcome);
  opt(o, "notes", str, out);
  return out;
}

function department(v: unknown): Record<string, unknown> {
  const o = obj(v, DEPARTMENT);
  const departmentId = text(o.departmentId);
  const items = list(o.items, item);
  return keep ? o : { departmentId, items };
}

function confirmation(v: unknown): Record<string, unknown> {
  if (v === null || typeof v !== "object") return ask();
  const kind = (v as Record<string, unknown>).kind;
  if (kind === "signed") {
    const o = obj(v, SIGNED);
    const signedOn = date(o.signedOn);
    if (keep) {
      optIn(o, "signatory", text);
      return o;
    }
    const out: Record<string, unknown> = { kind, signedOn };
    opt(o, "signatory", text, out);
    return out;
  }
  if (kind === "refused") {
    const o = obj(v, REFUSED);
    const out = { kind, recordedBy: list(o.recordedBy, text), evidence: list(o.evidence, text), statement: text(o.statement) };
    return keep ? o : out;
  }
  if (kind === "direct-result") {
    const o = obj(v, DIRECT);
    if (!REASONS.has(o.reason)) return ask();
    const out = { kind, reason: o.reason, evidence: list(o.evidence, text) };
    return keep ? o : out;
  }
  return ask();
}

function signature(v: unknown): Record<string, unknown> {
  const o = obj(v, SIGNATURE);
  const inspectorId = text(o.inspectorId);
  const signedOn = date(o.signedOn);
  return keep ? o : { inspectorId, signedOn };
}

/**
 * `InspectionRecordSchema.safeParse(v).data` when the schema accepts `v` and this check can tell; `undefined` means "ask
 * the schema" (Wolong Annex B; Chongqing F.1). Refused here only: a form whose text holds U+0000 or a lone surrogate
 * (`invalid-input`, rule `text-storable`, every such text by path — 全过程留痕, Chongqing 4: the record could not be
 * stored or exported as given; the schema would accept it).
 *
 * `inPlace` (replay re-running `recordResult` on its working state, whose recorded input is already replay's own plain
 * copy of the trail — as readArg, which does not copy it either): the same checks, in the same order, with the same
 * answer, but the form itself is returned instead of a copy when the hand check accepts it. Every member the schema
 * allows is read and no other member is allowed, and every reader returns the value it read unchanged, so the form is
 * then the schema's output as JSON (its members in the form's own order; replay's adoption walk compares the two as
 * JSON and requires the stored order to be canonical): property-tested against the copy in test/task/recordForm.test.ts.
 * @internal
 */
export function readRecordForm(v: unknown, inPlace = false): InspectionRecord | undefined {
  keep = inPlace;
  protoClean = inPlace && !FORM_KEYS.some((k) => k in Object.prototype);
  try {
    const o = obj(v, RECORD);
    if (keep) {
      text(o.id), text(o.taskId), date(o.inspectedOn);
      list(o.inspectors, inspector);
      target(o.target);
      const departments = list(o.departments, department) as unknown as readonly { readonly departmentId: string }[];
      optIn(o, "handlingOpinion", str);
      optIn(o, "remarks", str);
      confirmation(o.targetConfirmation);
      list(o.inspectorSignatures, signature);
      if (departments.length > 1 && new Set(departments.map((d) => d.departmentId)).size !== departments.length) return undefined;
      return o as unknown as InspectionRecord;
    }
    const out: Record<string, unknown> = {
      id: text(o.id),
      taskId: text(o.taskId),
      inspectedOn: date(o.inspectedOn),
      inspectors: list(o.inspectors, inspector),
      target: target(o.target),
      departments: list(o.departments, department),
    };
    opt(o, "handlingOpinion", str, out);
    opt(o, "remarks", str, out);
    out.targetConfirmation = confirmation(o.targetConfirmation);
    out.inspectorSignatures = list(o.inspectorSignatures, signature);
    // distinct department ids (the schema's refine, rule unique-ids)
    const departments = out.departments as readonly { readonly departmentId: string }[];
    if (departments.length > 1 && new Set(departments.map((d) => d.departmentId)).size !== departments.length) return undefined;
    return out as unknown as InspectionRecord;
  } catch {
    // ASK, or a throwing getter or Proxy trap: the schema meets it (and reports it) as it always did — unless some text
    // of the form cannot be stored (NUL, a lone surrogate), which the schema would let through
    const unstorable = unstorableTexts(v);
    if (unstorable.length > 0) throw new ShuangsuijiError("invalid-input", unstorable);
    return undefined;
  } finally {
    keep = false;
    protoClean = false;
  }
}
