import { invalid, readOptions, requireBytes, requireInteger, requireString } from "../_internal/boundary.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { decodeText, type DecodeAttempt, type TextEncodingName } from "./decodeText.js";
import { parseCsv } from "./parseCsv.js";
import { XLSX_CLAUSE, type TableRows } from "./_grid.js";

/**
 * Options of {@link readTableFile}.
 *
 * @category Files
 */
export interface ReadTableFileOptions {
  /** The file's name, used in messages only (the content decides the format). */
  readonly fileName?: string;
  /** CSV: the text encoding, to skip detection (see {@link decodeText}). */
  readonly encoding?: TextEncodingName | "gbk" | "gb2312";
  /** CSV: the delimiter, to skip detection (see {@link parseCsv}). */
  readonly delimiter?: string;
  /**
   * .xlsx: the sheet, by name or 1-based position (counting hidden sheets); default the first *visible* sheet. A hidden
   * or very hidden sheet — one nobody looking at the workbook sees — is refused unless `hiddenSheet` is true.
   */
  readonly sheet?: string | number;
  /** .xlsx: read the sheet named by `sheet` even though it is hidden (default false). */
  readonly hiddenSheet?: boolean;
}

/**
 * The result of {@link readTableFile}: {@link TableRows} and how the file was read.
 *
 * @category Files
 */
export interface TableFile extends TableRows {
  /** The format found from the content. */
  readonly format: "csv" | "xlsx";
  /** CSV: the encoding used; null for .xlsx. */
  readonly encoding: TextEncodingName | null;
  /** CSV: the encodings tried (see {@link decodeText}); empty for .xlsx. */
  readonly tried: readonly DecodeAttempt[];
  /** CSV: the delimiter; null for .xlsx. */
  readonly delimiter: string | null;
  /** .xlsx: the sheet read; null for CSV. */
  readonly sheet: string | null;
  /** .xlsx: every sheet's name, in order; empty for CSV. */
  readonly sheets: readonly string[];
  /** .xlsx: the sheets that are hidden or very hidden (not shown by Excel or WPS), in order; empty for CSV. */
  readonly hiddenSheets: readonly string[];
}

const SIGNATURES: readonly { readonly bytes: readonly number[]; readonly kind: "zip" | "ole2" | "pdf" }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: "zip" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: "ole2" },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: "pdf" },
];

/**
 * Reads a table file as county staff have it — a CSV in UTF-8, GBK/GB18030 or UTF-16 (Excel's "Unicode text", tab
 * separated), or an `.xlsx` workbook — into rows keyed by header, ready for `importTable`. The format is found from the
 * content, not the name: an `.xlsx` is a ZIP package, anything else must decode as text ({@link decodeText}) and parse
 * as CSV ({@link parseCsv}). Works in browsers (`await file.arrayBuffer()`) and in Node (`await readFile(path)`);
 * `.xlsx` is read by the read-excel-file package, loaded only when an `.xlsx` arrives.
 *
 * From `.xlsx`: text cells stay text, numbers stay numbers, dates become `YYYY-MM-DD`, booleans `true`/`false`. A
 * number of 16 or more digits is refused: Excel keeps only 15 significant digits, so an all-digit 统一社会信用代码 or
 * 身份证号 typed into a number cell has already lost its last digits (format the column as text and type it again).
 *
 * @param bytes - The file's content.
 * @param options - File name for messages; CSV encoding and delimiter; .xlsx sheet.
 * @returns Headers, rows, the header's row number and how the file was read.
 * @throws {@link ShuangsuijiError} `unsupported-file-type` for a legacy `.xls`/`.et`, a PDF, a ZIP that is not a
 *   workbook or an unknown sheet; `undecodable-text` when the bytes are not text in any supported encoding (the issue
 *   names each encoding tried); `invalid-input` for an empty file, a structural CSV problem, a duplicate or missing
 *   header, or a number cell that lost digits (every problem, with its row and column), or malformed `options`;
 *   `invalid-argument` when `options.delimiter` is not one character other than a quote or a line break.
 * @category Files
 * @example
 * ```ts
 * import { readTableFile, importTable } from "shuangsuiji";
 * async function load(file: Blob) {
 *   const table = await readTableFile(await file.arrayBuffer());
 *   console.log(table.format, table.encoding, table.rows.length);
 *   return importTable("B.1", table.rows);
 * }
 * ```
 */
export async function readTableFile(bytes: Uint8Array | ArrayBuffer, options: ReadTableFileOptions = {}): Promise<TableFile> {
  const b = requireBytes(bytes, ["bytes"]);
  const opts = readOptions(options, ["options"], ["fileName", "encoding", "delimiter", "sheet", "hiddenSheet"]) as ReadTableFileOptions;
  if (opts.hiddenSheet !== undefined && typeof opts.hiddenSheet !== "boolean") invalid(["options", "hiddenSheet"], "expected true or false", "应为 true 或 false", opts.hiddenSheet);
  if (opts.fileName !== undefined) requireString(opts.fileName, ["options", "fileName"]);
  if (opts.delimiter !== undefined) requireString(opts.delimiter, ["options", "delimiter"]);
  if (opts.sheet !== undefined && typeof opts.sheet !== "number") requireString(opts.sheet, ["options", "sheet"]);
  if (typeof opts.sheet === "number") requireInteger(opts.sheet, ["options", "sheet"], 0, 65_535);
  const name = opts.fileName ?? "";
  if (b.length === 0) {
    throw new ShuangsuijiError("invalid-input", [
      { path: [], rule: "file-empty", clause: "RFC 4180", messageZh: `文件为空${name === "" ? "" : `：${name}`}`, messageEn: `the file is empty${name === "" ? "" : `: ${name}`}`, value: name },
    ]);
  }
  const kind = SIGNATURES.find((s) => s.bytes.every((x, i) => b[i] === x))?.kind;
  if (kind === "ole2") {
    unsupported(name, "旧版 Excel 97-2003（.xls）或 WPS（.et）文件：请另存为 .xlsx 或“CSV UTF-8”", "a legacy Excel 97-2003 (.xls) or WPS (.et) file: save it as .xlsx or \"CSV UTF-8\"");
  }
  if (kind === "pdf") unsupported(name, "PDF 文件不是表格：请提供 .xlsx 或 CSV", "a PDF is not a table: provide .xlsx or CSV");
  if (kind === "zip") return (await import("./_xlsx.js")).readXlsx(b, opts);

  const decoded = decodeText(b, opts.encoding === undefined ? {} : { encoding: opts.encoding });
  const csv = parseCsv(decoded.text, opts.delimiter === undefined ? {} : { delimiter: opts.delimiter });
  return deepFreeze({ ...csv, format: "csv" as const, encoding: decoded.encoding, tried: decoded.tried, sheet: null, sheets: [], hiddenSheets: [] });
}

function unsupported(name: string, zh: string, en: string): never {
  throw new ShuangsuijiError("unsupported-file-type", [
    { path: [], rule: "file-type", clause: XLSX_CLAUSE, messageZh: `${name === "" ? "" : `${name}：`}${zh}`, messageEn: `${name === "" ? "" : `${name}: `}${en}`, value: name },
  ]);
}
