import { invalid, readOptions, requireString } from "../_internal/boundary.js";
import { readTableFile } from "../files/readTableFile.js";
import { importTable, type ImportResult, type ImportTableOptions, type TableId, type TableRecords } from "../import/importTable.js";
import { readFileBytes } from "./_readFile.js";

/**
 * Options of {@link readCsvTable}.
 *
 * @category Table import
 */
export interface ReadCsvTableOptions extends ImportTableOptions {
  /** CSV field delimiter; default: detected (`,`, or tab for Excel's "Unicode text"). */
  readonly delimiter?: string;
  /** CSV text encoding, to skip detection (`utf-8`, `utf-16le`, `utf-16be`, `gb18030`, `gbk`, `gb2312`). */
  readonly encoding?: "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | "gbk" | "gb2312";
  /** .xlsx: the sheet, by name or 1-based position; default the first sheet. */
  readonly sheet?: string | number;
}

/**
 * Reads a table file as county staff have it — a CSV in UTF-8 (with or without BOM), UTF-16 or GBK/GB18030 (Excel's
 * default "CSV" on Chinese Windows), comma- or tab-separated, or an `.xlsx` workbook — through the core's
 * {@link readTableFile} (the same reader browsers use), and imports its rows with {@link importTable}. Node only:
 * import it from `shuangsuiji/node`. Cells are read as text, so no value is converted behind the caller's back.
 *
 * @param path - The file to read (at most 256 MiB).
 * @param table - The standard table the file holds (`"B.1"`, `"C.1"`, …).
 * @param options - Import options, plus `delimiter`, `encoding` and `sheet` to skip detection.
 * @returns The import result: the records, or every bad row with its row, column, rule and clause.
 * @throws `ShuangsuijiError` (from `shuangsuiji`) `invalid-input` for a missing file, a directory, a file over 256 MiB, an
 *   empty file or malformed CSV (unbalanced quotes, ragged rows), or malformed `options`; `undecodable-text` for bytes
 *   that are no supported encoding (naming every encoding tried); `unsupported-file-type` for a legacy `.xls`, a PDF or
 *   another ZIP; `unknown-table` when `table` is not a supported table.
 *
 * @category Table import
 * @example
 * ```ts
 * import { readCsvTable } from "shuangsuiji/node";
 * const r = await readCsvTable("targets.csv", "B.1");
 * if (!r.ok) for (const i of r.issues) console.log(`row ${i.row} ${i.column}: ${i.messageZh} / ${i.messageEn}`);
 * ```
 */
export async function readCsvTable<T extends TableId>(
  path: string,
  table: T,
  options: ReadCsvTableOptions = {},
): Promise<ImportResult<TableRecords[T]>> {
  requireString(path, ["path"], 4096);
  if (path === "" || path.includes("\0")) invalid(["path"], "expected a file path", "应为文件路径", path);
  const { delimiter, encoding, sheet, ...rest } = readOptions(options, ["options"], ["delimiter", "encoding", "sheet", "riskClasses", "departments", "defaults"]);
  if (delimiter !== undefined && (typeof delimiter !== "string" || delimiter.length !== 1 || /["\r\n]/.test(delimiter))) {
    invalid(["options", "delimiter"], "expected one character other than a quote or a line break", "应为一个字符（不能是引号或换行）", delimiter);
  }
  const t = await readTableFile(await readFileBytes(path), {
    fileName: path,
    ...(delimiter === undefined ? {} : { delimiter: delimiter as string }),
    ...(encoding === undefined ? {} : { encoding: encoding as ReadCsvTableOptions["encoding"] & string }),
    ...(sheet === undefined ? {} : { sheet: sheet as string | number }),
  });
  return importTable(table, t.rows, rest as ImportTableOptions);
}
