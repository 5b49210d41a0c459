// The Excel error values, shared by the .xlsx reader (loaded on demand: kept free of the import module's parsers) and
// importTable.

/**
 * The error values a spreadsheet shows in a cell whose formula failed or whose reference broke (Excel, WPS; the
 * newer ones of dynamic arrays and data types included). Such a cell holds no data: a CSV Excel saved carries the text,
 * and readTableFile gives an .xlsx error cell (`t="e"`) as that text too.
 */
export const EXCEL_ERROR_VALUES: ReadonlySet<string> = new Set([
  "#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!",
]);
