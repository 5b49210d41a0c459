import { readOptions, requireString } from "../_internal/boundary.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { rowsFromGrid, type TableRows } from "./_grid.js";

export type { TableRows } from "./_grid.js";

/**
 * Options of {@link parseCsv}.
 *
 * @category Files
 */
export interface ParseCsvOptions {
  /**
   * Field delimiter. Default: a tab when the first line holds tabs and no commas (Excel's "Unicode text" export),
   * else a comma.
   */
  readonly delimiter?: string;
}

/**
 * A parsed CSV table: {@link TableRows} and the delimiter used.
 *
 * @category Files
 */
export interface CsvTable extends TableRows {
  /** The delimiter used. */
  readonly delimiter: string;
}

const CLAUSE = "RFC 4180";

/**
 * Parses CSV text (RFC 4180: quoted fields with `""` escapes and line breaks, CRLF / LF / CR line ends) into rows keyed
 * by the header row, ready for `importTable`. Every cell stays text, so nothing is converted behind the caller's back.
 * Title rows above the header are skipped (see {@link TableRows.headerRow}). Every structural problem — a row whose
 * field count differs from the header's, an unclosed quote, text after a closing quote, a duplicate or missing
 * header — is reported at once, with its row.
 *
 * @param text - The CSV text (see {@link decodeText} for bytes).
 * @param options - `delimiter` to override detection.
 * @returns Headers, rows and the header's row number.
 * @throws {@link ShuangsuijiError} `invalid-input` listing every structural problem with its row, or when `text` is not
 *   a string or `options` is malformed.
 * @throws {@link ShuangsuijiError} `invalid-argument` when `options.delimiter` is not one character other
 *   than a quote or a line break.
 * @category Files
 * @example
 * ```ts
 * import { parseCsv, importTable } from "shuangsuiji";
 * const csv = parseCsv('企业名称,统一社会信用代码,行政区划代码,信用风险分类\n"南阳某某餐饮有限公司",91330100716105852F,411303,B类\n');
 * csv.rows[0]?.["统一社会信用代码"]; // "91330100716105852F"
 * const r = importTable("B.1", csv.rows);
 * ```
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): CsvTable {
  const source = requireString(text, ["text"]);
  const opts = readOptions(options, ["options"], ["delimiter"]) as ParseCsvOptions;
  if (opts.delimiter !== undefined) requireString(opts.delimiter, ["options", "delimiter"]);
  const body = source.startsWith("\uFEFF") ? source.slice(1) : source;
  const delimiter = opts.delimiter ?? detectDelimiter(body);
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r") {
    throw new ShuangsuijiError("invalid-argument", [
      { path: ["delimiter"], rule: "csv-delimiter", clause: CLAUSE, messageZh: "分隔符须为单个字符，且不能是引号或换行", messageEn: "the delimiter must be one character, not a quote or a line break", value: delimiter },
    ]);
  }
  const grid: string[][] = [];
  const issues: { row: number; zh: string; en: string }[] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  let rowStartsQuoted = 0;
  const n = body.length;
  const endCell = (): void => {
    row.push(cell);
    cell = "";
  };
  const endRow = (): void => {
    endCell();
    grid.push(row);
    row = [];
  };
  while (i < n) {
    const c = body[i]!;
    if (c === '"' && cell === "") {
      // Quoted field.
      rowStartsQuoted = grid.length + 1;
      i++;
      let closed = false;
      while (i < n) {
        const q = body[i]!;
        if (q === '"') {
          if (body[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        cell += q;
        i++;
      }
      if (!closed) {
        issues.push({ row: rowStartsQuoted, zh: `第 ${rowStartsQuoted} 行的引号没有闭合`, en: `row ${rowStartsQuoted}: a quoted field is never closed` });
        break;
      }
      const next = body[i];
      if (next !== undefined && next !== delimiter && next !== "\n" && next !== "\r") {
        const r = grid.length + 1;
        issues.push({ row: r, zh: `第 ${r} 行：闭合引号后还有文字`, en: `row ${r}: text follows a closing quote` });
        // Skip to the end of the field so that one bad field gives one issue.
        while (i < n && body[i] !== delimiter && body[i] !== "\n" && body[i] !== "\r") i++;
      }
      // A quoted empty field must still count as a field: mark it by a sentinel-free push below.
      row.push(cell);
      cell = "";
      if (i >= n) {
        grid.push(row);
        row = [];
        break;
      }
      const d = body[i]!;
      if (d === delimiter) {
        i++;
        if (i >= n) endRow();
        continue;
      }
      // Line end after a quoted field.
      i += d === "\r" && body[i + 1] === "\n" ? 2 : 1;
      grid.push(row);
      row = [];
      continue;
    }
    if (c === delimiter) {
      endCell();
      i++;
      if (i >= n) endRow();
      continue;
    }
    if (c === "\n" || c === "\r") {
      endRow();
      i += c === "\r" && body[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    cell += c;
    i++;
    if (i >= n) endRow();
  }
  if (issues.length > 0) {
    throw new ShuangsuijiError(
      "invalid-input",
      issues.map((p) => ({ path: [p.row - 1], rule: "csv-quote", clause: CLAUSE, row: p.row, messageZh: p.zh, messageEn: p.en })),
    );
  }
  return deepFreeze({ ...rowsFromGrid(grid, CLAUSE, true), delimiter });
}

function detectDelimiter(text: string): string {
  const lineEnd = text.search(/[\r\n]/u);
  const first = lineEnd < 0 ? text : text.slice(0, lineEnd);
  return first.includes("\t") && !first.includes(",") ? "\t" : ",";
}
