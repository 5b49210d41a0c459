import { isValidCivilDate } from "../calendar/isValidCivilDate.js";
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
  if (proto !== null) for (const k of allowed) if (!Object.hasOwn(v, k) && k in v) return ask();
  return v as Record<string, unknown>;
}

/** A non-empty array, each element read once by `read` (a hole reads as `undefined`, as the schema reads it). */
function list<T>(v: unknown, read: (x: unknown) => T): T[] {
  if (!Array.isArray(v) || v.length === 0) return ask();
  const n = v.length;
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
  if (typeof v !== "string" || !isDateShape(v) || !isValidCivilDate(v)) return ask();
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

function phone(v: unknown): string {
  if (typeof v !== "string" || !PHONE.test(v)) return ask();
  return v;
}

const INSPECTOR = new Set(["inspectorId", "name", "unit", "certificateNumber", "phone"]);
const TARGET = new Set(["targetId", "name", "code", "legalRepresentative", "idNumber", "phone", "address", "county"]);
const DEPARTMENT = new Set(["departmentId", "items"]);
const ITEM = new Set(["itemId", "itemName", "outcomes", "notes"]);
const SIGNATURE = new Set(["inspectorId", "signedOn"]);
const SIGNED = new Set(["kind", "signedOn", "signatory"]);
const REFUSED = new Set(["kind", "recordedBy", "evidence", "statement"]);
const DIRECT = new Set(["kind", "reason", "evidence"]);
const RECORD = new Set(["id", "taskId", "inspectedOn", "inspectors", "target", "departments", "handlingOpinion", "remarks", "targetConfirmation", "inspectorSignatures"]);

function inspector(v: unknown): Record<string, unknown> {
  const o = obj(v, INSPECTOR);
  const out: Record<string, unknown> = { inspectorId: text(o.inspectorId), name: text(o.name), unit: text(o.unit) };
  opt(o, "certificateNumber", text, out);
  opt(o, "phone", phone, out);
  return out;
}

function target(v: unknown): Record<string, unknown> {
  const o = obj(v, TARGET);
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
  const out: Record<string, unknown> = {};
  opt(o, "itemId", text, out);
  out.itemName = text(o.itemName);
  out.outcomes = list(o.outcomes, outcome);
  opt(o, "notes", str, out);
  return out;
}

function department(v: unknown): Record<string, unknown> {
  const o = obj(v, DEPARTMENT);
  return { departmentId: text(o.departmentId), items: list(o.items, item) };
}

function confirmation(v: unknown): Record<string, unknown> {
  if (v === null || typeof v !== "object") return ask();
  const kind = (v as Record<string, unknown>).kind;
  if (kind === "signed") {
    const o = obj(v, SIGNED);
    const out: Record<string, unknown> = { kind, signedOn: date(o.signedOn) };
    opt(o, "signatory", text, out);
    return out;
  }
  if (kind === "refused") {
    const o = obj(v, REFUSED);
    return { kind, recordedBy: list(o.recordedBy, text), evidence: list(o.evidence, text), statement: text(o.statement) };
  }
  if (kind === "direct-result") {
    const o = obj(v, DIRECT);
    if (!REASONS.has(o.reason)) return ask();
    return { kind, reason: o.reason, evidence: list(o.evidence, text) };
  }
  return ask();
}

function signature(v: unknown): Record<string, unknown> {
  const o = obj(v, SIGNATURE);
  return { inspectorId: text(o.inspectorId), signedOn: date(o.signedOn) };
}

/**
 * `InspectionRecordSchema.safeParse(v).data` when the schema accepts `v` and this check can tell; `undefined` means "ask
 * the schema" (Wolong Annex B; Chongqing F.1). Refused here only: a form whose text holds U+0000 or a lone surrogate
 * (`invalid-input`, rule `text-storable`, every such text by path — 全过程留痕, Chongqing 4: the record could not be
 * stored or exported as given; the schema would accept it). @internal
 */
export function readRecordForm(v: unknown): InspectionRecord | undefined {
  try {
    const o = obj(v, RECORD);
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
  }
}
