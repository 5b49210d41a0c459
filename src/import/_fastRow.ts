// A compiled fast path for well-formed rows of the target tables (B.1–B.3), for streams of a million rows: plain
// string checks for the columns whose values are unique per row (names, codes), and the table's own cell parsers and
// zod field schemas, memoised per distinct cell, for the columns with few distinct values (class, division, dates,
// status). It accepts a row only when importTable would accept it with the same record; on any doubt it answers
// `undefined` and the caller runs the row through the full import path (compileTableImport), which reports every
// problem exactly as importTable does. test/import/fastRow.test.ts checks the two agree on random and mutated rows.
import { divisionCodeProblem } from "../ids/_division.js";
import { AUTHORITIES, USCC_CHARSET } from "../ids/_uscc.js";
import { isValidResidentId } from "../ids/parseResidentId.js";
import { createInspectionTargetSchema } from "../model/inspectionTarget.js";
import { hasControl, list as listCell } from "./_cells.js";
import { normalizeHeader, tableDefs, type ColumnDef, type TableId } from "./_tables.js";

/** Fields read as text (TextSchema): kept as given when non-empty with no surrounding white space. */
const TEXT = new Set(["name", "legalRepresentative", "address", "county", "nature", "region", "divisionName", "responsibleUnit", "responsiblePerson", "usage", "scale", "productName"]);
/** Fields read as codes (normalizeCode, then TextSchema/IdSchema): accepted when already canonical. */
const CODE = new Set(["id", "licenceNumber"]);
/** Fields with few distinct values: the table's cell parser and the model's field schema, memoised per cell. */
const MEMO = new Set(["riskClass", "divisionCode", "registrationDate", "status", "issueDate", "expiryDate", "inServiceDate"]);
/** Lists (industries; departments when no department list resolves names). */
const LIST = new Set(["industries", "departmentIds"]);
/** USCC fields (UsccSchema). */
const USCC = new Set(["uscc", "responsibleUnitUscc"]);
const PHONE = /^\+?[0-9][0-9\- ()]{2,30}$/;
const USCC_RE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const RESIDENT_FORMAT = /^\d{17}[\dX]$/;
const MEMO_LIMIT = 100_000;

/** JavaScript white space and line terminators (what `\s` and `String.prototype.trim` strip), and control characters. */
function edgeSpace(c: number): boolean {
  return c <= 0x20 || (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/** A code that normalizeCode leaves unchanged and that holds only printable ASCII (no lower case, no spaces). */
function canonicalCode(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || (c >= 0x61 && c <= 0x7a)) return false;
  }
  return true;
}

const CHARSET_INDEX = new Int8Array(128).fill(-1);
for (let i = 0; i < USCC_CHARSET.length; i++) CHARSET_INDEX[USCC_CHARSET.charCodeAt(i)] = i;
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * `isValidUscc` for a canonical code (see {@link canonicalCode}), with the first eight characters (authority,
 * category, division) checked once per distinct prefix: GB 32100-2015 §4 and Annex B.
 */
function usccChecker(): (code: string) => boolean {
  const prefixes = new Map<string, boolean>();
  return (code) => {
    if (code.length !== 18) return false;
    const p = code.slice(0, 8);
    let ok = prefixes.get(p);
    if (ok === undefined) {
      const a = Object.hasOwn(AUTHORITIES, code.charAt(0)) ? AUTHORITIES[code.charAt(0)] : undefined;
      ok = a !== undefined && Object.hasOwn(a.categories, code.charAt(1)) && !divisionCodeProblem(code.slice(2, 8));
      if (prefixes.size < MEMO_LIMIT) prefixes.set(p, ok);
    }
    if (!ok) return false;
    let sum = 0;
    for (let i = 0; i < 17; i++) {
      const c = code.charCodeAt(i);
      const v = c < 128 ? (CHARSET_INDEX[c] as number) : -1;
      if (v < 0) return false;
      sum += v * (WEIGHTS[i] as number);
    }
    return USCC_CHARSET.charAt((31 - (sum % 31)) % 31) === code.charAt(17);
  };
}

interface FastColumn {
  readonly index: number;
  readonly key: string;
  readonly required: boolean;
  /** Free text (names, addresses, lists), checked for control characters; the other readers accept printable ASCII or known values only. */
  readonly free: boolean;
  /** The field's value, or undefined when the cell needs the full import path. */
  readonly read: (raw: string) => unknown;
}

/**
 * Compiles a fast validator for rows of a target table given as cells in header order, or returns undefined when
 * the header has a column the fast path does not handle (or a header problem, which the full path reports). The
 * validator returns the record importTable would build for the row, or undefined when the row must take the full
 * path. Only for imports without options other than `riskClasses` (no departments, no defaults).
 */
export function compileFastTargetRow(table: TableId, headers: readonly string[], classes: readonly [string, ...string[]]): ((cells: readonly string[]) => Record<string, unknown> | undefined) | undefined {
  if (table !== "B.1" && table !== "B.2" && table !== "B.3") return undefined;
  const def = tableDefs(classes)[table];
  const byVariant = new Map<string, ColumnDef>();
  for (const cd of def.columns) for (const v of cd.variants) if (!byVariant.has(v)) byVariant.set(v, cd);
  const union = createInspectionTargetSchema({ riskClasses: classes }) as unknown as { options: { shape: Record<string, { safeParse(v: unknown): { success: boolean } }> }[] };
  const fieldSchemas = union.options[table === "B.1" ? 0 : table === "B.2" ? 1 : 2]?.shape;
  if (fieldSchemas === undefined) return undefined;
  const uscc = usccChecker();
  const cols: FastColumn[] = [];
  const seen = new Set<string>();
  for (const [index, h] of headers.entries()) {
    const c = byVariant.get(normalizeHeader(h));
    if (c === undefined) continue; // an ignored column
    if (seen.has(c.key)) return undefined; // two headers for one field (or one header twice): the full path decides
    seen.add(c.key);
    const key = c.key;
    const required = c.required === true;
    let read: (raw: string) => unknown;
    if (TEXT.has(key)) read = (raw) => raw;
    else if (CODE.has(key)) read = (raw) => (canonicalCode(raw) ? raw : undefined);
    else if (key === "code" && table === "B.1") {
      read = (raw) => {
        // canonical (see canonicalCode), counting the leading digits on the way
        let digits = 0;
        for (let i = 0; i < raw.length; i++) {
          const c = raw.charCodeAt(i);
          if (c <= 0x20 || c >= 0x7f || (c >= 0x61 && c <= 0x7a)) return undefined;
          if (digits === i && c >= 0x30 && c <= 0x39) digits++;
        }
        if (raw.length === 18) return digits >= 17 && RESIDENT_FORMAT.test(raw) && isValidResidentId(raw) ? undefined : uscc(raw) ? raw : undefined;
        return raw.length === 15 && digits === 15 ? undefined : raw; // a registration number takes the full path; other codes have no check
      };
    } else if (key === "phone") read = (raw) => (canonicalCode(raw) && PHONE.test(raw) ? raw : undefined);
    else if (USCC.has(key)) read = (raw) => (canonicalCode(raw) && USCC_RE.test(raw) && uscc(raw) ? raw : undefined);
    else if (LIST.has(key)) read = (raw) => {
        const r = listCell(raw);
        return r.ok ? r.value : undefined;
      };
    else if (MEMO.has(key)) {
      const schema = fieldSchemas[key];
      if (schema === undefined) return undefined;
      const memo = new Map<string, unknown>();
      const parse = c.parse;
      read = (raw) => {
        const hit = memo.get(raw);
        if (hit !== undefined || memo.has(raw)) return hit;
        const r = parse(raw);
        // a rewritten cell (a date 2015/3/1, a class 信用风险低) takes the full path, which records the normalisation
        // for the caller to report; the status names (存续 → operating) are the routine reading of the column
        const v = r.ok && typeof r.value === "string" && (r.note === undefined || key === "status") && schema.safeParse(r.value).success ? r.value : undefined;
        if (memo.size < MEMO_LIMIT) memo.set(raw, v);
        return v;
      };
    } else return undefined; // codeType, identity documents, service life: the full path
    cols.push({ index, key, required, read, free: TEXT.has(key) || LIST.has(key) });
  }
  for (const c of def.columns) if (c.required === true && !seen.has(c.key)) return undefined; // header-missing
  const n = headers.length;
  return (cells) => {
    if (cells.length !== n) return undefined;
    const rec: Record<string, unknown> = {};
    for (let k = 0; k < cols.length; k++) {
      const col = cols[k] as FastColumn;
      const raw = cells[col.index] as string;
      if (raw === "") {
        if (col.required) return undefined;
        continue;
      }
      if (edgeSpace(raw.charCodeAt(0)) || edgeSpace(raw.charCodeAt(raw.length - 1))) return undefined;
      // a possible Excel error value (#N/A …), or a control character in free text: the full path names it
      if (raw.charCodeAt(0) === 35 || (col.free && hasControl(raw))) return undefined;
      const v = col.read(raw);
      if (v === undefined) return undefined;
      rec[col.key] = v;
    }
    if (table === "B.1") {
      rec.kind = "organisation";
      rec.id = rec.code;
      const code = rec.code as string;
      rec.codeType = code.length === 18 ? "uscc" : "other";
    } else if (table === "B.2") {
      rec.kind = "site";
      if (rec.id === undefined) rec.id = `${(rec.responsibleUnitUscc as string | undefined) ?? (rec.responsibleUnit as string | undefined) ?? ""}/${(rec.name as string | undefined) ?? ""}`;
    } else {
      rec.kind = "product";
      rec.id = rec.licenceNumber;
      if (rec.issueDate !== undefined && rec.expiryDate !== undefined && (rec.issueDate as string) > (rec.expiryDate as string)) return undefined;
    }
    return rec;
  };
}
