import { parse } from "csv-parse/sync";

/** Rows of a UTF-8 CSV text keyed by its header row (a byte-order mark is accepted; cells stay text). */
export function csvRows(text: string, delimiter = ","): Record<string, string>[] {
  return parse(text, { bom: true, columns: true, skip_empty_lines: true, delimiter, relax_column_count: false }) as Record<string, string>[];
}
