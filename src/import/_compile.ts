// importTable's work split in two, so that a stream can use it row by row: the header is resolved once
// (compileTableImport), then each row is parsed and validated on its own (row). importTable is this plus its input
// checks, the duplicate-id rule across rows and freezing; the command line streams rows through the same functions.
import { own } from "../_internal/boundary.js";
import type * as z from "zod/v4";
import type { RuleIssue } from "../errors/ShuangsuijiError.js";
import { issuesFromZod } from "../errors/_fromZod.js";
import { ruleIssue } from "../errors/_issue.js";
import { RULES, type RuleId } from "../errors/rules.js";
import { AnnualPlanRowSchema } from "../model/annualPlan.js";
import type { Department } from "../model/department.js";
import { InspectionItemSchema } from "../model/inspectionItem.js";
import { createInspectionTargetSchema } from "../model/inspectionTarget.js";
import { InspectorSchema } from "../model/inspector.js";
import { cellTextProblem, inferCodeType } from "./_cells.js";
import { normalizeHeader, tableDefs, type ColumnDef, type TableDef, type TableId } from "./_tables.js";

/** One reported normalisation (the shape of importTable's `CellNormalization`). */
export interface Normalization {
  readonly row: number;
  readonly column: string;
  readonly from: unknown;
  readonly change: string;
}

/** What compiling a table's header gives: its problems, or a row validator. */
export type CompiledImport =
  | { readonly ok: false; readonly issues: readonly RuleIssue[]; readonly ignoredColumns: readonly string[] }
  | {
      readonly ok: true;
      readonly ignoredColumns: readonly string[];
      /** Field key → the header it came from. */
      readonly headerOf: ReadonlyMap<string, string>;
      /** Header → its column. */
      readonly byHeader: ReadonlyMap<string, ColumnDef>;
      readonly def: TableDef;
      readonly tableIssue: (id: RuleId, extra: Parameters<typeof ruleIssue>[2]) => RuleIssue;
      /**
       * Parses and validates one row (index `i` of the data rows: spreadsheet row `i + 2`), pushing the normalisations
       * applied to `normalizations`. Never checks ids against other rows.
       */
      readonly row: (row: Readonly<Record<string, unknown>>, i: number, normalizations?: Normalization[]) => { readonly ok: true; readonly record: unknown } | { readonly ok: false; readonly issues: readonly RuleIssue[] };
    };

/** Options of {@link compileTableImport} (already checked by the caller). */
export interface CompileOptions {
  readonly classes: readonly string[];
  readonly departments?: readonly Department[];
  readonly defaults: Readonly<Record<string, unknown>>;
}

/** Resolves the header of a table (headers in first-seen order) and returns its per-row validator. */
export function compileTableImport(table: TableId, headers: readonly string[], opts: CompileOptions): CompiledImport {
  const def = tableDefs(opts.classes)[table];
  const issues: RuleIssue[] = [];
  const tableIssue = (id: RuleId, extra: Parameters<typeof ruleIssue>[2]): RuleIssue => ({ ...ruleIssue(id, [], extra), clause: `${def.clause}; ${RULES[id].clause}` });
  const byVariant = new Map<string, ColumnDef>();
  for (const cd of def.columns) for (const v of cd.variants) if (!byVariant.has(v)) byVariant.set(v, cd);
  const byHeader = new Map<string, ColumnDef>();
  const headerOf = new Map<string, string>();
  const ignoredColumns: string[] = [];
  for (const h of headers) {
    const n = normalizeHeader(h);
    const c = byVariant.get(n);
    if (c === undefined) {
      ignoredColumns.push(h);
      continue;
    }
    const prev = headerOf.get(c.key);
    if (prev !== undefined) {
      issues.push(tableIssue("header-duplicate", { row: 1, column: h, value: h, detailZh: `与“${prev}”重复（${c.header}）`, detailEn: `same field as "${prev}" (${c.header})` }));
      continue;
    }
    byHeader.set(h, c);
    headerOf.set(c.key, h);
  }
  const defaults = opts.defaults;
  for (const c of def.columns) {
    if (c.required && !headerOf.has(c.key) && !Object.prototype.hasOwnProperty.call(defaults, c.key)) {
      issues.push(tableIssue("header-missing", { row: 1, column: c.header, detailZh: c.header, detailEn: `${c.header} (give the column or options.defaults.${c.key})` }));
    }
  }
  if (issues.length > 0) return { ok: false, issues, ignoredColumns };

  // Departments.
  const deptIndex = new Map<string, string>();
  for (const d of opts.departments ?? []) {
    deptIndex.set(d.id, d.id);
    deptIndex.set(d.name, d.id);
  }
  const resolveDept = (v: string): string | undefined => (opts.departments === undefined ? v : deptIndex.get(v));

  const schema = schemaFor(table, opts.classes);
  const row = (row: Readonly<Record<string, unknown>>, i: number, normalizations: Normalization[] = []) => {
    const rowNo = i + 2;
    const fields: Record<string, unknown> = { ...defaults };
    const rowIssues: RuleIssue[] = [];
    for (const [h, c] of byHeader) {
      let raw = own(row, h);
      if (raw === undefined || raw === null) continue;
      if (typeof raw === "number" && Number.isFinite(raw)) {
        raw = String(raw);
      } else if (typeof raw !== "string") {
        rowIssues.push(tableIssue("cell-value", { row: rowNo, column: h, value: raw, detailZh: "单元格应为文本或数字", detailEn: "a cell must be text or a number" }));
        continue;
      }
      const s = raw as string;
      const trimmed = s.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, "");
      if (trimmed === "") continue;
      // an Excel error value or a control character: one issue for the cell, naming what it holds (no parse, no
      // derived-field repeats)
      const problem = cellTextProblem(trimmed, c.key !== "id" && c.key !== "code");
      if (problem !== undefined) {
        rowIssues.push({ path: [i, c.key], rule: problem.rule, clause: `${def.clause}; ${problem.clause}`, messageZh: problem.zh, messageEn: problem.en, row: rowNo, column: h, value: s });
        continue;
      }
      if (trimmed !== s) normalizations.push({ row: rowNo, column: h, from: s, change: "trimmed surrounding spaces" });
      const r = c.parse(trimmed);
      if (!r.ok) {
        rowIssues.push({
          path: [i, c.key], rule: r.rule ?? "cell-value", clause: def.clause, messageZh: r.zh, messageEn: r.en, row: rowNo, column: h, value: s,
        });
        continue;
      }
      if (r.note !== undefined) normalizations.push({ row: rowNo, column: h, from: s, change: r.note });
      let value = r.value;
      if (c.departments !== undefined) {
        const names = c.departments === "one" ? [value as string] : (value as string[]);
        const ids = names.map(resolveDept);
        const missing = names.filter((_, k) => ids[k] === undefined);
        if (missing.length > 0) {
          rowIssues.push({ ...tableIssue("unknown-department", { row: rowNo, column: h, value: s, detailZh: missing.join("、"), detailEn: missing.join(", ") }), path: [i, c.key] });
          continue;
        }
        value = c.departments === "one" ? ids[0] : ids;
      }
      fields[c.key] = value;
    }
    if (rowIssues.length > 0) return { ok: false as const, issues: rowIssues };
    const candidate = shape(table, fields);
    const parsed = schema.safeParse(candidate);
    if (!parsed.success) {
      const out: RuleIssue[] = [];
      const zod = issuesFromZod(parsed.error.issues, { clause: def.clause, prefix: [i], row: rowNo }, candidate);
      // A field derived from a missing cell (B.1's id and code type from the code) repeats the cell's own problem:
      // one line per cell, the derived ones left out when the source cell is already named.
      const keyOf = (zi: RuleIssue): string => String(zi.path[1] ?? "");
      const direct = new Set(zod.map(keyOf).filter((k) => sourceKey(table, k) === k));
      const said = new Set<string>();
      for (const zi of zod) {
        const key = keyOf(zi);
        if (sourceKey(table, key) !== key && direct.has(sourceKey(table, key))) continue;
        const column = headerOf.get(key) ?? headerOf.get(sourceKey(table, key)) ?? def.columns.find((c) => c.key === key)?.header ?? key;
        const line = `${column}\u0000${zi.rule}\u0000${zi.messageEn}`;
        if (said.has(line)) continue;
        said.add(line);
        out.push({ ...zi, column, ...(zi.value === undefined ? {} : { value: own(row, column) ?? zi.value }) });
      }
      return { ok: false as const, issues: out };
    }
    return { ok: true as const, record: parsed.data };
  };
  return { ok: true, ignoredColumns, headerOf, byHeader, def, tableIssue, row };
}

function schemaFor(table: TableId, classes: readonly string[]): z.ZodType {
  switch (table) {
    case "A.1":
      return InspectionItemSchema;
    case "C.1":
      return InspectorSchema;
    case "D.1":
      return AnnualPlanRowSchema;
    default:
      return createInspectionTargetSchema({ riskClasses: classes as readonly [string, ...string[]] });
  }
}

/** Which input column a derived field comes from, for error reporting. */
function sourceKey(table: TableId, key: string): string {
  if (key === "id") return table === "B.1" ? "code" : table === "B.3" ? "licenceNumber" : key;
  if (key === "codeType") return "code";
  return key;
}

/** Completes the intermediate row into the model's shape (kind, derived ids). */
export function shape(table: TableId, f: Record<string, unknown>): Record<string, unknown> {
  const out = { ...f };
  const str = (k: string) => (typeof f[k] === "string" ? (f[k] as string) : undefined);
  switch (table) {
    case "A.1":
      out.id ??= f.seq === undefined ? undefined : `item-${String(f.seq)}`;
      out.cooperatingDepartmentIds ??= [];
      break;
    case "B.1":
      out.kind = "organisation";
      out.id = f.code;
      out.codeType ??= typeof f.code === "string" ? inferCodeType(f.code) : undefined;
      break;
    case "B.2":
      out.kind = "site";
      out.id ??= `${str("responsibleUnitUscc") ?? str("responsibleUnit") ?? ""}/${str("name") ?? ""}`;
      break;
    case "B.3":
      out.kind = "product";
      out.id = f.licenceNumber;
      break;
    case "C.1":
      out.id ??= f.certificateNumber ?? (f.seq === undefined ? undefined : `inspector-${String(f.seq)}`);
      break;
    case "D.1":
      out.cooperatingDepartmentIds ??= [];
      out.cooperatingItemIds ??= [];
      break;
  }
  return out;
}
