import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";
import { cappedIssues } from "../errors/_capIssues.js";

/** The clause cited on workbook problems. @internal */
export const XLSX_CLAUSE = "ECMA-376 (Office Open XML SpreadsheetML)";

/** A cell as read from a file: text, a number, or empty. */
export type GridCell = string | number | null;

/**
 * Rows keyed by header, plus where the header was. Shared by CSV and .xlsx reading.
 *
 * @category Files
 */
export interface TableRows {
  /** The header cells, in column order (empty header columns without data are left out). */
  readonly headers: readonly string[];
  /**
   * One record per data row, keyed by header; every header is present in every row (`""` for an empty cell), so a
   * column that is empty throughout is still seen by `importTable`. Trailing empty rows are left out; empty rows
   * between data rows are kept, so that `importTable`'s row numbers stay those of the file.
   */
  readonly rows: readonly Readonly<Record<string, string | number>>[];
  /**
   * 1-based row of the header in the file: 1 unless the sheet opens with title rows (a row with fewer than two
   * filled cells, such as “××县双随机抽查对象名录”). Data row `i` (0-based) is file row `headerRow + 1 + i`.
   */
  readonly headerRow: number;
}

const isEmpty = (c: GridCell | undefined): boolean => c === null || c === undefined || (typeof c === "string" && c.trim() === "");

/**
 * A header that appears twice (0-based columns `first` and `again` of the header at 0-based grid row `h`): the table is
 * refused, never read with one of the two columns silently winning (RFC 4180 §2.3: the header names the fields). Shared
 * with the command line's streaming reader, so both say the same. @internal
 */
export function headerDuplicateIssue(header: string, first: number, again: number, h: number, clause: string): RuleIssue {
  return {
    path: [h, again], rule: "header-duplicate", clause, row: h + 1, column: header, value: header,
    messageZh: `表头“${header}”出现两次（第 ${first + 1} 列和第 ${again + 1} 列）`,
    messageEn: `header "${header}" appears twice (columns ${first + 1} and ${again + 1})`,
  };
}

/**
 * A data row whose number of fields differs from the header's (RFC 4180 §2.4): file row `row` (1-based), grid row
 * `gridRow` (0-based). Shared with the command line's streaming reader. @internal
 */
export function rowWidthIssue(row: number, gridRow: number, fields: number, headerFields: number, clause: string): RuleIssue {
  return {
    path: [gridRow], rule: "row-width", clause, row,
    messageZh: `第 ${row} 行有 ${fields} 个字段，表头有 ${headerFields} 个（多余或缺少分隔符，或引号未闭合）`,
    messageEn: `row ${row} has ${fields} fields but the header has ${headerFields} (a stray or missing delimiter, or an unclosed quote)`,
  };
}

/** Header detection, duplicate and ragged-row checks; every problem is reported at once. @internal */
export function rowsFromGrid(grid: readonly (readonly GridCell[])[], clause: string, checkWidth: boolean): TableRows {
  // Title rows above the header: the header is the first of the first ten rows with two or more filled cells (the
  // first row when there is none, as in a one-column table).
  const found = grid.slice(0, 10).findIndex((r) => r.filter((c) => !isEmpty(c)).length >= 2);
  const h = found < 0 ? 0 : found;
  const headerCells = grid[h] ?? [];
  let end = grid.length;
  while (end > h + 1 && (grid[end - 1] ?? []).every(isEmpty)) end--;
  const body = grid.slice(h + 1, end);

  const issues: RuleIssue[] = [];
  const columns: { readonly index: number; readonly header: string }[] = [];
  const seen = new Map<string, number>();
  const width = Math.max(headerCells.length, ...body.map((r) => r.length));
  for (let j = 0; j < width; j++) {
    const raw = headerCells[j];
    const header = raw === null || raw === undefined ? "" : String(raw);
    if (header.trim() === "") {
      const used = body.findIndex((r) => !isEmpty(r[j]));
      // With a width check (CSV), cells beyond the header are reported as ragged rows instead.
      if (used >= 0 && (!checkWidth || j < headerCells.length)) {
        issues.push({
          path: [h, j], rule: "header-empty", clause, row: h + 1, column: `#${j + 1}`,
          messageZh: `第 ${j + 1} 列没有表头，但第 ${h + 2 + used} 行有数据`,
          messageEn: `column ${j + 1} has no header but row ${h + 2 + used} holds data there`,
        });
      }
      continue;
    }
    const prev = seen.get(header);
    if (prev !== undefined) {
      issues.push(headerDuplicateIssue(header, prev, j, h, clause));
      continue;
    }
    seen.set(header, j);
    columns.push({ index: j, header });
  }
  if (checkWidth) {
    body.forEach((r, i) => {
      if (r.length !== headerCells.length && !r.every(isEmpty)) {
        issues.push(rowWidthIssue(h + 2 + i, h + 1 + i, r.length, headerCells.length, clause));
      }
    });
  }
  if (issues.length > 0) throw new ShuangsuijiError("invalid-input", cappedIssues(issues));
  const rows = body.map((r) => {
    const o: Record<string, string | number> = {};
    for (const c of columns) {
      const v = r[c.index];
      o[c.header] = v === null || v === undefined ? "" : v;
    }
    return o;
  });
  return { headers: columns.map((c) => c.header), rows, headerRow: h + 1 };
}
