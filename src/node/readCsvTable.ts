import { readUtf8File } from "./_decode.js";
import { invalid, readOptions, requireString } from "../_internal/boundary.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { csvRows } from "./_csv.js";
import { importTable, type ImportResult, type ImportTableOptions, type TableId, type TableRecords } from "../import/importTable.js";

/**
 * Options of {@link readCsvTable}.
 *
 * @category Table import
 */
export interface ReadCsvTableOptions extends ImportTableOptions {
  /** Field delimiter; default `,`. */
  readonly delimiter?: string;
}

/**
 * Reads a UTF-8 CSV file (a byte-order mark is accepted) whose first row holds the Chinese headers of a standard table
 * and imports it with {@link importTable}. Node only: import it from `shuangsuiji/node`. Cells are read as text, so no
 * value is converted behind the caller's back. A missing file, a directory, a file over 256 MiB, a UTF-16 or GBK
 * file (named as such) and malformed CSV (unbalanced quotes, ragged rows) throw {@link ShuangsuijiError}
 * `invalid-input` with a bilingual message.
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
  const { delimiter, ...rest } = readOptions(options, ["options"], ["delimiter", "riskClasses", "departments", "defaults"]);
  if (delimiter !== undefined && (typeof delimiter !== "string" || delimiter.length !== 1 || /["\r\n]/.test(delimiter))) {
    invalid(["options", "delimiter"], "expected one character other than a quote or a line break", "应为一个字符（不能是引号或换行）", delimiter);
  }
  const text = await readUtf8File(path);
  let rows: Record<string, string>[];
  try {
    rows = csvRows(text, delimiter as string | undefined);
  } catch (e) {
    const line = (e as { lines?: unknown }).lines;
    const where = typeof line === "number" ? ` (line ${line})` : "";
    throw new ShuangsuijiError("invalid-input", [
      {
        path: ["path"], rule: "csv-malformed", clause: "RFC 4180", value: path,
        messageZh: `CSV格式错误${typeof line === "number" ? `（第${line}行）` : ""}：引号不配对或各行列数不一致`,
        messageEn: `malformed CSV${where}: unbalanced quotes or rows with a different number of fields`,
      },
    ], { cause: e });
  }
  return importTable(table, rows, rest as ImportTableOptions);
}
