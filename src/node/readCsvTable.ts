import { readFile } from "node:fs/promises";
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
 * value is converted behind the caller's back; malformed CSV (unbalanced quotes, ragged rows) throws csv-parse's error.
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
  const text = await readFile(path, "utf8");
  return importTable(table, csvRows(text, options.delimiter), options);
}
