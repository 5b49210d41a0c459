// Streams a pool file into draw units: a CSV with the standard's Chinese headers (tables B.1–B.3), decoded from UTF-8,
// UTF-16 or GB18030/GBK, parsed and validated in batches as it is read (memory stays flat), or a JSON array of units.
// Every bad row is collected and reported at the end with the row numbers of the whole file.
import { createReadStream } from "node:fs";
import { basename, extname } from "node:path";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import type { DrawUnit } from "../draw/DrawUnit.js";
import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";
import { ruleIssue } from "../errors/_issue.js";
import { importTable, type TableId } from "../import/importTable.js";
import { readTableFile } from "../files/readTableFile.js";
import { EXIT, FileError, UsageError, issueLine } from "./_errors.js";
import { MAX_RECORD_CHARS, checkInputFile, readHead, readJsonFile, sniffEncoding, type TextEncoding } from "./_files.js";
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
  encoding: TextEncoding | "json" | "xlsx";
  ignoredColumns: readonly string[];
}

/** Rows validated per call of {@link importTable}: big enough to amortise, small enough to keep memory flat. */
const BATCH = 2000;

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

/** The pool as an async stream of units, plus a report filled in while it is read. Call `finish()` after the stream. */
export function openPool(file: string, table: string, options: { readonly progress: boolean }) {
  if (!(POOL_TABLES as readonly string[]).includes(table)) {
    throw new UsageError(`目标名录应为B.1、B.2或B.3表（收到 ${table}）`, `a target pool is table B.1, B.2 or B.3 (got ${table})`);
  }
  const report: PoolReadReport = { rows: 0, issues: [], encoding: "utf-8", ignoredColumns: [] };
  const ext = extname(file).toLowerCase();
  const units = ext === ".json" ? jsonUnits(file, report)
    : /^\.(xlsx|xlsm|xls|et)$/.test(ext) ? spreadsheetUnits(file, table as TableId, report)
    : csvUnits(file, table as TableId, report, options.progress);
  return {
    units,
    report,
    /** Throws the collected row problems (exit 3), if any. */
    finish(): void {
      if (report.issues.length === 0) return;
      const bad = new Set(report.issues.map((i) => i.row ?? i.path[0])).size;
      throw new FileError(
        file,
        report.issues.map(issueLine),
        EXIT.input,
        `${bad} 行有误（共 ${report.rows} 行），未做任何处理 / ${bad} bad row(s) of ${report.rows}: nothing was done`,
      );
    },
  };
}

/** Reads a whole pool into memory (verification and fairness need it whole). */
export async function readPool(file: string, table: string, options: { readonly progress: boolean }): Promise<{ units: PoolUnit[]; report: PoolReadReport }> {
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
  yield* data as PoolUnit[];
}

/** Largest spreadsheet read (a full Excel sheet of 1,048,576 short rows is well below it). */
const MAX_SPREADSHEET_BYTES = 512 * 2 ** 20;

/**
 * A workbook (.xlsx) is read whole through the library's {@link readTableFile} (the same reader the web app uses);
 * legacy .xls/.et files and other formats are refused by it with `unsupported-file-type`, named here.
 */
async function* spreadsheetUnits(file: string, table: TableId, report: PoolReadReport): AsyncGenerator<PoolUnit> {
  const st = checkInputFile(file);
  if (st.size > MAX_SPREADSHEET_BYTES) throw new FileError(file, [`文件过大（${st.size} 字节） / the file is too large (${st.size} bytes)`]);
  let rows: readonly Record<string, string>[];
  try {
    const t = await readTableFile(readHead(file, st.size), { fileName: basename(file) });
    rows = t.rows as readonly Record<string, string>[];
  } catch (e) {
    if (e instanceof ShuangsuijiError) throw new FileError(file, e.issues.map(issueLine));
    throw e;
  }
  report.encoding = "xlsx";
  report.rows = rows.length;
  if (rows.length === 0) throw new FileError(file, ["只有表头，没有数据行 / only a header row, no data rows"]);
  const r = importTable(table, rows);
  report.ignoredColumns = r.ignoredColumns;
  if (!r.ok) {
    report.issues.push(...r.issues);
    return;
  }
  const seen = new Map<string, number>();
  r.records.forEach((rec, i) => {
    const u = toUnit(rec as unknown as Record<string, unknown>);
    const first = seen.get(u.id);
    if (first === undefined) seen.set(u.id, i + 2);
    else report.issues.push(ruleIssue("unique-ids", [i, "id"], { row: i + 2, value: u.id, detailZh: `与第${first}行重复`, detailEn: `same as row ${first}` }));
  });
  if (report.issues.length > 0) return;
  for (const rec of r.records) yield toUnit(rec as unknown as Record<string, unknown>);
}

const toUnit = (r: Record<string, unknown>): PoolUnit => ({
  id: r.id as string,
  riskClass: r.riskClass as string,
  ...(r.registrationDate === undefined ? {} : { registrationDate: r.registrationDate as string }),
  ...(r.status === undefined ? {} : { status: r.status as string }),
  ...(r.divisionCode === undefined ? {} : { divisionCode: r.divisionCode as string }),
  ...(typeof r.name === "string" ? { name: r.name } : {}),
});

async function* decoded(file: string, encoding: TextEncoding, start: number, onBytes: (n: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let offset = start;
  for await (const chunk of createReadStream(file, { start, highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      throw new FileError(file, [`第 ${offset} 字节之后不是有效的 ${encoding.toUpperCase()} 文本 / not valid ${encoding.toUpperCase()} text after byte ${offset}`]);
    }
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
  if (err.code === "CSV_QUOTE_NOT_CLOSED" || err.code === "CSV_INVALID_CLOSING_QUOTE" || err.code === "INVALID_OPENING_QUOTE") {
    return new FileError(file, [`${line}引号不配对 / unbalanced quotes`]);
  }
  return new FileError(file, [`CSV格式错误 / malformed CSV: ${(err.message ?? String(e)).split("\n")[0]}`]);
}

async function* csvUnits(file: string, table: TableId, report: PoolReadReport, progress: boolean, rowsOf?: Map<string, number[]>): AsyncGenerator<PoolUnit> {
  const size = checkInputFile(file).size;
  const { encoding, bom } = sniffEncoding(file, readHead(file, 64 * 1024));
  report.encoding = encoding;
  const bar = startProgress(progress, "读取 reading", "B", size);
  const parser = Readable.from(decoded(file, encoding, bom, (n) => bar.tick(n))).pipe(
    parse({ bom: true, columns: true, skip_empty_lines: true, max_record_size: MAX_RECORD_CHARS, relax_column_count: false }),
  );
  const seen = fingerprintSet();
  const candidates = new Set<string>();
  let batch: Record<string, string>[] = [];
  let start = 0; // index of the batch's first data row
  const flush = function* (): Generator<PoolUnit> {
    if (batch.length === 0) return;
    const r = importTable(table, batch);
    report.ignoredColumns = r.ignoredColumns;
    const shift = (i: RuleIssue): RuleIssue => ({ ...i, ...(i.row === undefined || i.row === 1 ? {} : { row: i.row + start }), path: typeof i.path[0] === "number" ? [i.path[0] + start, ...i.path.slice(1)] : i.path });
    if (!r.ok) {
      if (r.issues.some((i) => i.row === 1)) throw new FileError(file, r.issues.map(issueLine), EXIT.input, "表头有误，未读取数据行 / the header row is wrong: no data row was read");
      report.issues.push(...r.issues.map(shift));
    } else {
      for (let i = 0; i < r.records.length; i++) {
        const u = toUnit(r.records[i] as unknown as Record<string, unknown>);
        if (rowsOf !== undefined) {
          rowsOf.get(u.id)?.push(start + i + 2);
          continue;
        }
        if (seen.add(u.id)) candidates.add(u.id);
        if (report.issues.length === 0) yield u;
      }
    }
    start += batch.length;
    batch = [];
  };
  try {
    for await (const row of parser as AsyncIterable<Record<string, string>>) {
      batch.push(row);
      report.rows++;
      if (batch.length === BATCH) yield* flush();
    }
    yield* flush();
  } catch (e) {
    throw csvError(file, e);
  } finally {
    bar.end();
  }
  if (report.rows === 0) throw new FileError(file, ["只有表头，没有数据行 / only a header row, no data rows"]);
  if (candidates.size > 0) {
    // Second pass, only when an id may repeat: find every row of each candidate, report each repeat (importTable's rule).
    const rows = new Map([...candidates].map((id) => [id, [] as number[]]));
    for await (const _ of csvUnits(file, table, { rows: 0, issues: [], encoding, ignoredColumns: [] }, false, rows)) void _;
    for (const [id, at] of rows) {
      for (const row of at.slice(1)) {
        report.issues.push(ruleIssue("unique-ids", [row - 2, "id"], { row, value: id, detailZh: `与第${at[0]}行重复`, detailEn: `same as row ${at[0]}` }));
      }
    }
    report.issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  }
}
