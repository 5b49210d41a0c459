// readTableFile's .xlsx path, loaded only when a workbook arrives (the CSV path stays small): the package's sheet list
// and sizes checked first (hidden sheets, ZIP bombs: src/files/_zip.ts), then the sheet read by read-excel-file.
import readXlsxFile from "read-excel-file/universal";
import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { cappedIssues } from "../errors/_capIssues.js";
import { XLSX_CLAUSE, rowsFromGrid, type GridCell } from "./_grid.js";
import type { ReadTableFileOptions, TableFile } from "./readTableFile.js";
import { inflateEntry, workbookPath, workbookSheets, zipEntries, type WorkbookSheet } from "./_zip.js";

/** Largest total a workbook's parts may inflate to (a full sheet of 1,048,576 rows is a few hundred MiB of XML). */
const MAX_INFLATED = 2 ** 30;
/** Largest inflation ratio of one large part: sheet XML compresses 5–20×; a ZIP bomb, hundreds of times. */
const MAX_RATIO = 100;

function notWorkbook(name: string, zh: string, en: string, cause?: unknown): never {
  throw new ShuangsuijiError(
    "unsupported-file-type",
    [{ path: [], rule: "file-type", clause: XLSX_CLAUSE, value: name, messageZh: `${name === "" ? "" : `${name}：`}${zh}`, messageEn: `${name === "" ? "" : `${name}: `}${en}` }],
    cause === undefined ? {} : { cause },
  );
}

/**
 * The workbook's sheets with their visibility, read from the package before the sheets themselves; refuses a package
 * whose parts declare more than {@link MAX_INFLATED} bytes in all, or a large part that inflates more than
 * {@link MAX_RATIO} times (a ZIP bomb), before anything is inflated.
 */
async function workbookInfo(b: Uint8Array, name: string): Promise<WorkbookSheet[]> {
  const entries = zipEntries(b);
  if (typeof entries === "string") notWorkbook(name, `这是 ZIP 文件，但不是可读取的 .xlsx 工作簿（${entries}）`, `a ZIP file but not a readable .xlsx workbook (${entries})`);
  const total = entries.reduce((n, e) => n + e.size, 0);
  const bomb = entries.find((e) => e.size > 64 * 2 ** 20 && e.size > MAX_RATIO * Math.max(1, e.compressedSize));
  if (total > MAX_INFLATED || bomb !== undefined) {
    const mib = (n: number): string => (n / 2 ** 20).toFixed(0);
    notWorkbook(
      name,
      `工作簿解压后有 ${mib(total)} MiB${bomb === undefined ? "" : `（其中 ${bomb.name} 由 ${mib(bomb.compressedSize)} MiB 解压为 ${mib(bomb.size)} MiB）`}，超过上限（共 ${mib(MAX_INFLATED)} MiB，单个部件 ${MAX_RATIO} 倍）：拒绝读取（ZIP 炸弹？）`,
      `the workbook inflates to ${mib(total)} MiB${bomb === undefined ? "" : ` (${bomb.name}: ${mib(bomb.compressedSize)} MiB to ${mib(bomb.size)} MiB)`}, beyond the limit (${mib(MAX_INFLATED)} MiB in all, ${MAX_RATIO}× for one part): refused (a ZIP bomb?)`,
    );
  }
  const text = async (path: string): Promise<string | undefined> => {
    const e = entries.find((x) => x.name === path);
    if (e === undefined) return undefined;
    try {
      return new TextDecoder("utf-8").decode(await inflateEntry(b, e, 16 * 2 ** 20));
    } catch (err) {
      return notWorkbook(name, `这是 ZIP 文件，但不是可读取的 .xlsx 工作簿（${(err as Error).message}）`, `a ZIP file but not a readable .xlsx workbook (${(err as Error).message})`, err);
    }
  };
  const path = workbookPath(await text("_rels/.rels"));
  const xml = await text(path);
  if (xml === undefined) notWorkbook(name, `这是 ZIP 文件，但不是可读取的 .xlsx 工作簿（没有 ${path}）`, `a ZIP file but not a readable .xlsx workbook (no ${path})`);
  return workbookSheets(xml);
}

/** Reads an .xlsx package (loaded on demand by readTableFile, with read-excel-file). @internal */
export async function readXlsx(b: Uint8Array, opts: ReadTableFileOptions): Promise<TableFile> {
  const name = opts.fileName ?? "";
  const listed = await workbookInfo(b, name);
  // read-excel-file takes an ArrayBuffer: copy out exactly this view's bytes (a Node Buffer is often a view into a
  // shared pool, and Buffer#slice does not copy).
  const buffer = new Uint8Array(b).buffer;
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    sheets = await readXlsxFile(buffer);
  } catch (e) {
    const code = typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : String(e);
    throw new ShuangsuijiError(
      "unsupported-file-type",
      [
        {
          path: [], rule: "file-type", clause: XLSX_CLAUSE, value: name,
          messageZh: `${name === "" ? "" : `${name}：`}这是 ZIP 文件，但不是可读取的 .xlsx 工作簿（${code}）`,
          messageEn: `${name === "" ? "" : `${name}: `}a ZIP file but not a readable .xlsx workbook (${code})`,
        },
      ],
      { cause: e },
    );
  }
  const names = sheets.map((s) => s.sheet);
  if (listed.length !== sheets.length || listed.some((l, k) => l.name !== names[k])) {
    notWorkbook(name, "无法读取工作簿的工作表清单（各工作表是否隐藏）", "cannot read the workbook's list of sheets (which sheets are hidden)");
  }
  const hidden = listed.filter((l) => l.state === "hidden" || l.state === "veryHidden").map((l) => l.name);
  const wanted = opts.sheet;
  const sheet = wanted === undefined ? sheets.find((s) => !hidden.includes(s.sheet)) : typeof wanted === "number" ? sheets[wanted - 1] : sheets.find((s) => s.sheet === wanted);
  if (sheet === undefined && wanted === undefined && sheets.length > 0) {
    throw new ShuangsuijiError("unsupported-file-type", [
      {
        path: ["sheet"], rule: "xlsx-sheet-hidden", clause: XLSX_CLAUSE, value: name,
        messageZh: `${name === "" ? "" : `${name}：`}工作簿中的工作表都已隐藏（${hidden.join("、")}）：请取消隐藏要读取的工作表，或指明工作表并确认读取隐藏的工作表`,
        messageEn: `${name === "" ? "" : `${name}: `}every sheet of the workbook is hidden (${hidden.join(", ")}): unhide the sheet to read, or name it and confirm reading a hidden sheet`,
      },
    ]);
  }
  if (sheet !== undefined && wanted !== undefined && hidden.includes(sheet.sheet) && opts.hiddenSheet !== true) {
    const state = listed.find((l) => l.name === sheet.sheet)?.state;
    throw new ShuangsuijiError("unsupported-file-type", [
      {
        path: ["sheet"], rule: "xlsx-sheet-hidden", clause: XLSX_CLAUSE, value: sheet.sheet,
        messageZh: `工作表“${sheet.sheet}”是${state === "veryHidden" ? "深度隐藏（veryHidden，Excel 的“取消隐藏”也不列出）" : "隐藏"}的，打开工作簿的人看不到它：确需读取请明确确认（hiddenSheet / --hidden-sheet）`,
        messageEn: `sheet "${sheet.sheet}" is ${state === "veryHidden" ? "very hidden (veryHidden: not even listed by Excel's Unhide)" : "hidden"}: nobody opening the workbook sees it; to read it anyway, confirm explicitly (hiddenSheet / --hidden-sheet)`,
      },
    ]);
  }
  if (sheet === undefined) {
    throw new ShuangsuijiError("unsupported-file-type", [
      {
        path: ["sheet"], rule: "xlsx-sheet", clause: XLSX_CLAUSE, value: wanted,
        messageZh: `工作簿中没有工作表 ${String(wanted ?? 1)}（现有：${names.join("、") || "无"}）`,
        messageEn: `the workbook has no sheet ${String(wanted ?? 1)} (sheets: ${names.join(", ") || "none"})`,
      },
    ]);
  }
  const issues: RuleIssue[] = [];
  const grid: GridCell[][] = sheet.data.map((r, i) =>
    r.map((c, j): GridCell => {
      if (c === null || c === undefined) return null;
      if (typeof c === "string") return c;
      if (typeof c === "boolean") return String(c);
      if (typeof c === "number") {
        if (Number.isInteger(c) && Math.abs(c) >= 1e15) {
          issues.push({
            path: [i, j], rule: "xlsx-number-precision", clause: XLSX_CLAUSE, row: i + 1, column: columnName(j), value: c,
            messageZh: `第 ${i + 1} 行 ${columnName(j)} 列是 16 位以上的数字，Excel 只保留 15 位有效数字，末尾几位已丢失：请把该列设为“文本”后重新录入`,
            messageEn: `row ${i + 1}, column ${columnName(j)} is a number of 16 or more digits; Excel keeps only 15 significant digits, so the last ones are lost: format the column as text and type the values again`,
          });
        }
        return c;
      }
      if (c instanceof Date) return civil(c);
      return String(c);
    }),
  );
  if (issues.length > 0) throw new ShuangsuijiError("invalid-input", cappedIssues(issues));
  const rows = rowsFromGrid(grid, XLSX_CLAUSE, false);
  return deepFreeze({ ...rows, format: "xlsx" as const, encoding: null, tried: [], delimiter: null, sheet: sheet.sheet, sheets: names, hiddenSheets: hidden });
}

/** Spreadsheet column letters: 0 → A, 26 → AA. */
function columnName(j: number): string {
  let s = "";
  for (let n = j + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Excel dates carry no time zone; read-excel-file builds them in UTC, so the UTC fields are the civil date. */
function civil(d: Date): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, "0");
  const date = `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? date : `${date}T${p(h)}:${p(m)}:${p(s)}`;
}
