// Streams a pool file into draw units: a CSV with the standard's Chinese headers (tables B.1–B.3), decoded from UTF-8,
// UTF-16 or GB18030/GBK, split, validated and handed on row by row as it is read (memory stays flat), or a JSON array of units.
// Every bad row is collected and reported at the end with the row numbers of the whole file.
import { createReadStream } from "node:fs";
import { basename, extname } from "node:path";
import type { DrawUnit } from "../draw/targets/DrawUnit.js";
import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";
import { ruleIssue } from "../errors/_issue.js";
import { importTable, type TableId } from "../import/importTable.js";
import { readTableFile } from "../files/readTableFile.js";
import { headerDuplicateIssue, rowWidthIssue } from "../files/_grid.js";
import { poolIdProblem, unitIdIssue, unitProblems } from "../draw/targets/_pool.js";
import { compileTableImport, type CompiledImport, type Normalization } from "../import/_compile.js";
import { compileFastTargetRow } from "../import/_fastRow.js";
import { DEFAULT_RISK_CLASSES } from "../model/primitives.js";
import { csvSplitter, type RaggedRecord } from "./_csv.js";
import { EXIT, FileError, UsageError, issueLine } from "./_errors.js";
import { MAX_RECORD_CHARS, badBytesLine, checkInputFile, readHead, readJsonFile, sniffEncoding, type TextEncoding } from "./_files.js";
import { startProgress } from "./_progress.js";

/** Tables a target pool can come from. */
export const POOL_TABLES = ["B.1", "B.2", "B.3"] as const;

/** A draw unit with the display name, when the file has one. */
export interface PoolUnit extends DrawUnit {
  readonly name?: string | undefined;
}

/** What reading a pool found: rows read, bad rows, the encoding and the columns that were ignored. */
export interface PoolReadReport {
  rows: number;
  readonly issues: RuleIssue[];
  /** Cells the import rewrote to their canonical form (ids, classes, dates…; not the routine status names), and the first few. */
  rewritten?: { count: number; readonly first: Normalization[] };
  encoding: TextEncoding | "json" | "xlsx";
  ignoredColumns: readonly string[];
}

/**
 * A compact set of 64-bit id fingerprints (two independent 32-bit string hashes, open addressing): 8–16 bytes per id
 * instead of a Map entry, so checking a million ids for duplicates stays within a few dozen MiB. A hit is only a
 * candidate (a collision is possible, at about n²/2⁶⁵); candidates are confirmed exactly by a second pass.
 */
export function fingerprintSet() {
  let cap = 1 << 16;
  let table = new Uint32Array(cap * 2);
  let size = 0;
  const hash = (s: string): [number, number] => {
    let a = 0x811c9dc5;
    let b = 0x9747b28c;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    return [a >>> 0, (b | 1) >>> 0]; // the second word is never 0: 0 marks an empty slot
  };
  const place = (t: Uint32Array, c: number, a: number, b: number): boolean => {
    let i = a & (c - 1);
    while (t[2 * i + 1] !== 0) {
      if (t[2 * i] === a && t[2 * i + 1] === b) return true;
      i = (i + 1) & (c - 1);
    }
    t[2 * i] = a;
    t[2 * i + 1] = b;
    return false;
  };
  return {
    /** Adds an id; true when its fingerprint was already there (a duplicate candidate). */
    add(id: string): boolean {
      const [a, b] = hash(id);
      if (place(table, cap, a, b)) return true;
      if (++size * 2 > cap) {
        const next = new Uint32Array(cap * 4);
        for (let i = 0; i < cap; i++) if (table[2 * i + 1] !== 0) place(next, cap * 2, table[2 * i] as number, table[2 * i + 1] as number);
        table = next;
        cap *= 2;
      }
      return false;
    },
  };
}

/** How to read a pool: progress bar, a callback per unit, and for a workbook the sheet (see readTableFile). */
export interface PoolOptions {
  readonly progress: boolean;
  readonly onUnit?: (u: PoolUnit) => void;
  readonly sheet?: string;
  readonly hiddenSheet?: boolean;
  /** Where to say which sheet of a workbook was read (stderr). */
  readonly note?: (line: string) => void;
}

/** The pool as an async stream of units, plus a report filled in while it is read. Call `finish()` after the stream. */
export function openPool(file: string, table: string, options: PoolOptions) {
  if (!(POOL_TABLES as readonly string[]).includes(table)) {
    throw new UsageError(`目标名录应为B.1、B.2或B.3表（收到 ${table}）`, `a target pool is table B.1, B.2 or B.3 (got ${table})`);
  }
  const spreadsheet = /^\.(xlsx|xlsm|xls|et)$/.test(extname(file).toLowerCase());
  if (!spreadsheet && (options.sheet !== undefined || options.hiddenSheet === true)) {
    throw new UsageError(`--sheet/--hidden-sheet 只用于 .xlsx 工作簿（${basename(file)} 不是）`, `--sheet and --hidden-sheet apply to .xlsx workbooks only (${basename(file)} is not one)`);
  }
  if (options.hiddenSheet === true && options.sheet === undefined) {
    throw new UsageError("--hidden-sheet 需要同时用 --sheet 指明要读取的隐藏工作表", "--hidden-sheet needs --sheet naming the hidden sheet to read");
  }
  const report: PoolReadReport = { rows: 0, issues: [], encoding: "utf-8", ignoredColumns: [] };
  const ext = extname(file).toLowerCase();
  const onUnit = options.onUnit;
  const each = (g: AsyncGenerator<PoolUnit>): AsyncIterable<PoolUnit> =>
    onUnit === undefined ? g : (async function* () {
      for await (const u of g) {
        onUnit(u);
        yield u;
      }
    })();
  const units = ext === ".json" ? each(jsonUnits(file, report))
    : spreadsheet ? each(spreadsheetUnits(file, table as TableId, report, options))
    : flatten(csvBatches(file, table as TableId, report, options.progress), onUnit);
  return {
    units,
    report,
    /** Throws the collected row problems (exit 3), if any. */
    finish(): void {
      if (report.issues.length === 0) {
        const w = report.rewritten;
        if (w !== undefined) {
          const shown = w.first.map((n) => `第${n.row}行 row ${n.row}, ${n.column}: ${JSON.stringify(n.from)} (${n.change})`).join("; ");
          options.note?.(`注意 note: ${w.count} 个单元格按规范改写后才写入（承诺的是改写后的值） / ${w.count} cell(s) rewritten to their canonical form before use (the commitment holds the rewritten values): ${shown}${w.count > w.first.length ? "; …" : ""}`);
        }
        return;
      }
      const bad = new Set(report.issues.map((i) => i.row ?? i.path[0])).size;
      throw new FileError(
        file,
        [...new Set(report.issues.map(issueLine))], // one line per problem: two checks of one cell saying the same are shown once
        EXIT.input,
        `${bad} 行有误（共 ${report.rows} 行），未做任何处理 / ${bad} bad row(s) of ${report.rows}: nothing was done`,
      );
    },
  };
}

/** Reads a whole pool into memory (verification and fairness need it whole). */
export async function readPool(file: string, table: string, options: PoolOptions): Promise<{ units: PoolUnit[]; report: PoolReadReport }> {
  const p = openPool(file, table, options);
  const units: PoolUnit[] = [];
  for await (const u of p.units) units.push(u);
  p.finish();
  return { units, report: p.report };
}

async function* jsonUnits(file: string, report: PoolReadReport): AsyncGenerator<PoolUnit> {
  report.encoding = "json";
  const data = readJsonFile(file);
  if (!Array.isArray(data)) throw new FileError(file, ["应为对象数组 / expected a JSON array of units {id, riskClass, …}"]);
  report.rows = data.length;
  // Checked here with the draw's own unit rule (docs/spec-v1.md §3), so that every bad unit is reported with the file
  // named, before any is used.
  const seen = new Map<string, number>();
  data.forEach((u: unknown, i) => {
    if (u === null || typeof u !== "object" || Array.isArray(u)) {
      report.issues.push({ ...ruleIssue("unique-ids", [i]), rule: "unit-shape", clause: "docs/spec-v1.md §3", messageZh: "应为对象 {id, riskClass, …}", messageEn: "expected an object {id, riskClass, …}" });
      return;
    }
    const p = unitProblems(u as PoolUnit, i);
    if (p !== undefined) {
      report.issues.push(...p);
      return;
    }
    const id = (u as PoolUnit).id;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else report.issues.push(ruleIssue("unique-ids", [i, "id"], { value: id, detailZh: `与第${first}项重复`, detailEn: `same as item ${first}` }));
  });
  if (report.issues.length > 0) return;
  yield* data as PoolUnit[];
}

/** Largest spreadsheet read (a full Excel sheet of 1,048,576 short rows is well below it). */
const MAX_SPREADSHEET_BYTES = 512 * 2 ** 20;

/**
 * A workbook (.xlsx) is read whole through the library's {@link readTableFile} (the same reader the web app uses);
 * legacy .xls/.et files and other formats are refused by it with `unsupported-file-type`, named here.
 */
async function* spreadsheetUnits(file: string, table: TableId, report: PoolReadReport, options: PoolOptions): AsyncGenerator<PoolUnit> {
  const st = checkInputFile(file);
  if (st.size > MAX_SPREADSHEET_BYTES) throw new FileError(file, [`文件过大（${st.size} 字节） / the file is too large (${st.size} bytes)`]);
  const bytes = readHead(file, st.size);
  const ext = extname(file).toLowerCase();
  if ((ext === ".xlsx" || ext === ".xlsm") && !(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    // read by content, a misnamed CSV would pass as a table nobody meant; say what it is instead
    const text = bytes.subarray(0, 4096).every((b) => b === 0x09 || b === 0x0a || b === 0x0d || b >= 0x20);
    throw new FileError(file, [
      `不是 .xlsx 工作簿（没有 ZIP 签名 50 4B 03 04${text ? "；看起来是文本或 CSV：若是 CSV，请改名为 .csv" : ""}） / not an .xlsx workbook (no ZIP signature 50 4B 03 04${text ? "; it looks like text or CSV: if it is a CSV, rename it .csv" : ""}) [ECMA-376 Part 2 (OPC): an .xlsx is a ZIP package]`,
    ]);
  }
  let rows: readonly Record<string, string>[];
  let headers: readonly string[];
  let headerRow: number;
  try {
    const t = await readTableFile(bytes, { fileName: basename(file), ...(options.sheet === undefined ? {} : { sheet: options.sheet }), hiddenSheet: options.hiddenSheet === true });
    if (t.sheet !== null) {
      const also = t.hiddenSheets.filter((h) => h !== t.sheet);
      options.note?.(`读取工作表 sheet read: “${t.sheet}”（共 ${t.sheets.length} 个 of ${t.sheets.length} sheets${also.length === 0 ? "" : `；未读取的隐藏工作表 hidden sheets not read: ${also.map((h) => `“${h}”`).join("、")}`}${t.hiddenSheets.includes(t.sheet) ? "；此表是隐藏的 this sheet is hidden (--hidden-sheet)" : ""}）`);
    }
    rows = t.rows as readonly Record<string, string>[];
    headers = t.headers;
    headerRow = t.headerRow;
  } catch (e) {
    if (e instanceof ShuangsuijiError) throw new FileError(file, e.issues.map(issueLine));
    throw e;
  }
  report.encoding = "xlsx";
  report.rows = rows.length;
  if (rows.length === 0) throw new FileError(file, ["只有表头，没有数据行 / only a header row, no data rows"]);
  const r = importTable(table, rows);
  report.ignoredColumns = r.ignoredColumns;
  // importTable numbers data row i as i + 2; title rows above the header move the sheet's rows down
  const shift = headerRow - 1;
  const at = (i: RuleIssue): RuleIssue => (shift === 0 || i.row === undefined ? i : { ...i, row: i.row === 1 ? headerRow : i.row + shift });
  if (!r.ok) {
    report.issues.push(...r.issues.map(at));
    return;
  }
  const statusColumn = compiledStatus(table, headers);
  for (const n of r.normalizations) if (n.column !== statusColumn) rewrite(report, { ...n, row: n.row + shift });
  const seen = new Map<string, number>();
  const compiled = compileTableImport(table, headers, { classes: DEFAULT_RISK_CLASSES, defaults: {} });
  const column = compiled.ok ? idHeader(table, compiled.headerOf) : "id";
  r.records.forEach((rec, i) => {
    const u = toUnit(rec as unknown as Record<string, unknown>);
    const why = poolIdProblem(u.id);
    if (why !== undefined) {
      report.issues.push({ ...unitIdIssue([i, "id"], why, u.id), row: i + 2 + shift, column });
      return;
    }
    const first = seen.get(u.id);
    if (first === undefined) seen.set(u.id, i + 2 + shift);
    else report.issues.push(ruleIssue("unique-ids", [i, "id"], { row: i + 2 + shift, value: u.id, detailZh: `与第${first}行重复`, detailEn: `same as row ${first}` }));
  });
  if (report.issues.length > 0) return;
  for (const rec of r.records) yield toUnit(rec as unknown as Record<string, unknown>);
}

/**
 * A copy of `s` that does not point into the text it was cut from. V8 keeps a substring of 13 or more characters as a
 * view of its parent — here a whole decoded megabyte of the file — so ids and names kept for the whole run (the draw's
 * duplicate check, the name map) would keep every chunk of the file alive. Concatenating builds a new string, and
 * reading a character flattens it into its own storage.
 */
export function detached(s: string): string {
  if (s.length < 13) return s;
  const c = s.charAt(0) + s.slice(1);
  c.charCodeAt(0);
  return c;
}

/** The header of the status column (its names, 存续 → operating, are the routine reading, not a rewrite worth a note). */
function compiledStatus(table: TableId, headers: readonly string[]): string | undefined {
  const c = compileTableImport(table, headers, { classes: DEFAULT_RISK_CLASSES, defaults: {} });
  return c.ok ? c.headerOf.get("status") : undefined;
}

/** Counts a rewritten cell, keeping the first few to show. */
function rewrite(report: PoolReadReport, n: Normalization): void {
  const r = (report.rewritten ??= { count: 0, first: [] });
  r.count++;
  if (r.first.length < 5) r.first.push(n);
}

/** The column a table's unit id comes from (B.2 builds it from the responsible unit and the name when it has none). */
function idHeader(table: TableId, headerOf: ReadonlyMap<string, string>): string {
  const key = table === "B.1" ? "code" : table === "B.3" ? "licenceNumber" : "id";
  return headerOf.get(key) ?? (table === "B.2" ? headerOf.get("name") : undefined) ?? key;
}

const toUnit = (r: Record<string, unknown>): PoolUnit => {
  const u: { -readonly [K in keyof PoolUnit]: PoolUnit[K] } = { id: detached(r.id as string), riskClass: r.riskClass as string };
  if (r.registrationDate !== undefined) u.registrationDate = r.registrationDate as string;
  if (r.status !== undefined) u.status = r.status as string;
  if (r.divisionCode !== undefined) u.divisionCode = r.divisionCode as string;
  if (typeof r.name === "string") u.name = detached(r.name);
  return u;
};

/**
 * Bytes read (and decoded) at a time from a CSV pool. Kept under V8's largest regular heap object (128 KiB): a 1 MiB
 * read made a 1 MiB Buffer and 1–2 MiB decoded and concatenated strings per chunk, all in the large-object space, which
 * only a full mark-compact frees — so a 10⁶-row draw peaked at 255–339 MiB RSS depending on when those ran. A 64 KiB
 * chunk's text and its carry-over are ordinary young objects, freed by the next scavenge: the same draw peaks at
 * 200–213 MiB (10 of 10 runs) and runs faster (3.8–4.2 s against 4.6–5.1 s, A/B on the same load).
 */
export const READ_CHUNK_BYTES = 1 << 16;

async function* decoded(file: string, encoding: TextEncoding, start: number, onBytes: (n: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let offset = start;
  for await (const chunk of createReadStream(file, { start, highWaterMark: READ_CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const where = badBytesLine(file, encoding, start, offset, offset + chunk.length);
      throw new FileError(file, [where ?? `第 ${offset} 字节之后不是有效的 ${encoding.toUpperCase()} 文本 / not valid ${encoding.toUpperCase()} text after byte ${offset}`]);
    }
    yield text;
    offset += chunk.length;
    onBytes(offset);
  }
  try {
    yield decoder.decode();
  } catch {
    throw new FileError(file, [`文件末尾不是有效的 ${encoding.toUpperCase()} 文本 / the file ends in the middle of a ${encoding.toUpperCase()} character`]);
  }
}

function csvError(file: string, e: unknown): FileError {
  if (e instanceof FileError) return e;
  const err = e as { code?: string; message?: string; lines?: number };
  const line = err.lines === undefined ? "" : `第 ${err.lines} 行 line ${err.lines}: `;
  if (err.code === "CSV_MAX_RECORD_SIZE") {
    return new FileError(file, [`${line}一行超过 ${MAX_RECORD_CHARS} 个字符（不是表格？） / a record longer than ${MAX_RECORD_CHARS} characters (not a table?)`]);
  }
  if (err.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH" || err.code === "CSV_RECORD_INCONSISTENT_COLUMNS") {
    return new FileError(file, [`${line}列数与表头不一致 / the number of cells differs from the header row`]);
  }
  if (err.code === "CSV_QUOTE_NOT_CLOSED") {
    return new FileError(file, [`${line}引号不配对：此行开始的带引号字段一直没有闭合 / unbalanced quotes: the quoted field that opens on this line is never closed [RFC 4180 §2.6]`]);
  }
  if (err.code === "CSV_INVALID_CLOSING_QUOTE" || err.code === "INVALID_OPENING_QUOTE") {
    return new FileError(file, [`${line}引号不配对 / unbalanced quotes`]);
  }
  return new FileError(file, [`CSV格式错误 / malformed CSV: ${(err.message ?? String(e)).split("\n")[0]}`]);
}

/**
 * Flattens batches into single units, as a hand-written async iterator (one resolved promise per unit, no generator
 * to resume), calling `onUnit` on each unit as it is handed out.
 */
function flatten<T>(batches: AsyncGenerator<T[]>, onUnit?: (t: T) => void): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      let buf: T[] = [];
      let k = 0;
      const next = (): Promise<IteratorResult<T>> => {
        if (k < buf.length) {
          const value = buf[k++] as T;
          onUnit?.(value);
          return Promise.resolve({ done: false, value });
        }
        return batches.next().then((r): Promise<IteratorResult<T>> | IteratorResult<T> => {
          if (r.done === true) return { done: true, value: undefined };
          buf = r.value;
          k = 0;
          return next();
        });
      };
      return {
        next,
        return: async (): Promise<IteratorResult<T>> => {
          await batches.return([]);
          return { done: true, value: undefined };
        },
      };
    },
  };
}

/** Bytes read to find a CSV's encoding. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Streams a CSV pool: decoded chunk by chunk, split into records ({@link csvSplitter}), each row validated by the
 * compiled fast path ({@link compileFastTargetRow}) or, on any doubt, by importTable's own per-row path
 * ({@link compileTableImport}) — which reports every problem exactly as importTable does, with the row numbers of the
 * whole file. Yields one batch of units per chunk. With `rowsOf`, only records the rows of the ids it holds (the
 * second pass that confirms duplicate candidates).
 */
async function* csvBatches(file: string, table: TableId, report: PoolReadReport, progress: boolean, rowsOf?: Map<string, number[]>): AsyncGenerator<PoolUnit[]> {
  const size = checkInputFile(file).size;
  const { encoding, bom } = sniffEncoding(file, readHead(file, SNIFF_BYTES), size <= SNIFF_BYTES);
  report.encoding = encoding;
  const bar = startProgress(progress, "读取 reading", "B", size);
  const splitter = csvSplitter(MAX_RECORD_CHARS, { keepRagged: true });
  const seen = fingerprintSet();
  const candidates = new Set<string>();
  let header: string[] | undefined;
  let slow: Extract<CompiledImport, { ok: true }> | undefined;
  let fast: ((cells: readonly string[]) => Record<string, unknown> | undefined) | undefined;
  let index = 0; // index of the next data row (spreadsheet row index + 2)
  let idColumn = "id";
  let statusColumn: string | undefined;
  const handle = (records: readonly string[][]): PoolUnit[] => {
    const out: PoolUnit[] = [];
    for (const cells of records) {
      if (header === undefined) {
        header = cells;
        continue;
      }
      const i = index++;
      report.rows++;
      if (slow === undefined) {
        // A header twice is refused, naming both columns, as the library's reader does (never one column silently winning).
        const dup: RuleIssue[] = [];
        const at = new Map<string, number>();
        header.forEach((h, j) => {
          const first = at.get(h);
          if (first === undefined) at.set(h, j);
          else if (h.trim() !== "") dup.push(headerDuplicateIssue(h, first, j, 0, "RFC 4180"));
        });
        const c = compileTableImport(table, header, { classes: DEFAULT_RISK_CLASSES, defaults: {} });
        report.ignoredColumns = c.ignoredColumns;
        const twice = new Set(dup.map((d) => d.column));
        const bad = [...dup, ...(c.ok ? [] : c.issues.filter((x) => !(x.rule === "header-duplicate" && twice.has(x.column))))];
        if (bad.length > 0 || !c.ok) throw new FileError(file, bad.map(issueLine), EXIT.input, "表头有误，未读取数据行 / the header row is wrong: no data row was read");
        slow = c;
        fast = compileFastTargetRow(table, header, DEFAULT_RISK_CLASSES);
        idColumn = idHeader(table, c.headerOf);
        statusColumn = c.headerOf.get("status");
      }
      if (cells.length !== header.length) {
        // every ragged row is reported (RFC 4180 §2.4), not only the first
        const w = rowWidthIssue(i + 2, i + 1, cells.length, header.length, "RFC 4180 §2.4");
        const line = (cells as RaggedRecord).line;
        report.issues.push(line === undefined ? w : { ...w, messageZh: `${w.messageZh}（文件第 ${line} 行）`, messageEn: `${w.messageEn} (line ${line} of the file)` });
        continue;
      }
      let rec = fast?.(cells);
      const checkId = rec === undefined || table === "B.2"; // the fast path's B.1/B.3 ids are printable ASCII without spaces
      if (rec === undefined) {
        const row: Record<string, string> = Object.create(null) as Record<string, string>;
        for (let c = 0; c < header.length; c++) row[header[c] as string] = cells[c] as string;
        const norms: Normalization[] = [];
        const r = slow.row(row, i, norms);
        if (!r.ok) {
          report.issues.push(...r.issues);
          continue;
        }
        if (rowsOf === undefined) for (const n of norms) if (n.column !== statusColumn) rewrite(report, n);
        rec = r.record as Record<string, unknown>;
      }
      const u = toUnit(rec);
      if (checkId) {
        // The draw's pool-id rule, applied here so that a look-alike id is reported with the other bad rows, by row.
        const why = poolIdProblem(u.id);
        if (why !== undefined) {
          report.issues.push({ ...unitIdIssue([i, "id"], why, u.id), row: i + 2, column: idColumn });
          continue;
        }
      }
      if (rowsOf !== undefined) {
        rowsOf.get(u.id)?.push(i + 2);
        continue;
      }
      if (seen.add(u.id)) candidates.add(u.id);
      if (report.issues.length === 0) out.push(u);
    }
    return out;
  };
  try {
    for await (const text of decoded(file, encoding, bom, (n) => bar.tick(n))) {
      const out = handle(splitter.push(text));
      if (out.length > 0) yield out;
    }
    const out = handle(splitter.end());
    if (out.length > 0) yield out;
  } catch (e) {
    throw csvError(file, e);
  } finally {
    bar.end();
  }
  if (report.rows === 0) throw new FileError(file, ["只有表头，没有数据行 / only a header row, no data rows"]);
  if (candidates.size > 0) {
    // Second pass, only when an id may repeat: find every row of each candidate, report each repeat (importTable's rule).
    const rows = new Map([...candidates].map((id) => [id, [] as number[]]));
    for await (const _ of csvBatches(file, table, { rows: 0, issues: [], encoding, ignoredColumns: [] }, false, rows)) void _;
    for (const [id, at] of rows) {
      for (const row of at.slice(1)) {
        report.issues.push(ruleIssue("unique-ids", [row - 2, "id"], { row, value: id, detailZh: `与第${at[0]}行重复`, detailEn: `same as row ${at[0]}` }));
      }
    }
    report.issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  }
}
