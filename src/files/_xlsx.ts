// readTableFile's .xlsx path, loaded only when a workbook arrives (the CSV path stays small): the package's sheet list
// and sizes checked first (hidden sheets, ZIP bombs: src/files/_zip.ts), then the sheet read by read-excel-file.
import readXlsxFile from "read-excel-file/universal";
import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { cappedIssues } from "../errors/_capIssues.js";
import { XLSX_CLAUSE, rowsFromGrid, type GridCell } from "./_grid.js";
import { EXCEL_ERROR_VALUES } from "./_excelErrors.js";
import type { ReadTableFileOptions, TableFile } from "./readTableFile.js";
import { inflateChunks, inflateEntry, relationshipTargets, relationshipsPath, workbookPath, workbookSheets, zipEntries, type WorkbookSheet, type ZipEntry } from "./_zip.js";

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
async function workbookInfo(b: Uint8Array, name: string): Promise<{ readonly sheets: WorkbookSheet[]; readonly entries: readonly ZipEntry[]; readonly partOf: (sheet: WorkbookSheet) => ZipEntry | undefined }> {
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
  const targets = relationshipTargets(await text(relationshipsPath(path)), path);
  const partOf = (sheet: WorkbookSheet): ZipEntry | undefined => {
    const target = sheet.rid === undefined ? undefined : targets.get(sheet.rid);
    return target === undefined ? undefined : entries.find((e) => e.name === target);
  };
  return { sheets: workbookSheets(xml), entries, partOf };
}

/** The index just after the last closing tag `</name>` in `s` (`</x:name>` with a namespace prefix too), or -1. */
function endOf(s: string, tag: string): number {
  const name = tag.slice(2); // "c>" of "</c>"
  for (let k = s.lastIndexOf(name); k > 0; k = s.lastIndexOf(name, k - 1)) {
    const open = s.lastIndexOf("</", k);
    if (open >= 0 && (open + 2 === k || /^<\/[A-Za-z_][\w.-]*:$/.test(s.slice(open, k)))) return k + name.length;
  }
  return -1;
}

/** The five predefined entities of XML 1.0 (§4.6). */
const ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * Text as an XML parser reads it (XML 1.0 §4.1, §4.6): the five predefined entities and the numeric character
 * references (`&#101;`, `&#x65;`) decoded; a reference to no character (0, a surrogate, beyond U+10FFFF) or an unknown
 * entity is left as written (the file is not well-formed there, and that text is then no known error value).
 */
function decodeXmlText(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(?:#([0-9]{1,7})|#x([0-9A-Fa-f]{1,6})|(lt|gt|amp|quot|apos));/g, (all, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return ENTITIES[name] as string;
    const n = dec !== undefined ? Number(dec) : Number.parseInt(hex as string, 16);
    return n === 0 || (n >= 0xd800 && n <= 0xdfff) || n > 0x10ffff ? all : String.fromCodePoint(n);
  });
}

/**
 * The attributes of a start tag as XML reads them (XML 1.0 §3.1: `Attribute ::= Name Eq AttValue`, `Eq ::= S? '=' S?`,
 * the value in double or single quotes, references decoded), and whether any is written with white space around `=`
 * (`spaced`: well-formed, but read-excel-file's parser cannot read it).
 */
function xmlAttributes(attrs: string): { readonly values: ReadonlyMap<string, string>; readonly spaced: boolean } {
  const values = new Map<string, string>();
  let spaced = false;
  for (const m of attrs.matchAll(/([A-Za-z_:][\w.:-]*)(\s*)=(\s*)(?:"([^"]*)"|'([^']*)')/g)) {
    if ((m[2] as string) !== "" || (m[3] as string) !== "") spaced = true;
    const name = m[1] as string;
    if (!values.has(name)) values.set(name, decodeXmlText(m[4] ?? m[5] ?? ""));
  }
  return { values, spaced };
}

/** A start tag's name and attributes (an attribute value may hold `>`: XML allows it in quotes). */
const START_TAG = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
/** A cell element: its attributes, and its content unless it closes itself. */
const CELL = /<(?:[A-Za-z_][\w.-]*:)?c(?=[\s/>])((?:[^>"'/]|"[^"]*"|'[^']*'|\/(?!>))*)(?:\/>|>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?c\s*>)/g;
/** A cell's value element `<v>` (any namespace prefix), or `<v/>`. */
const VALUE = /<(?:[A-Za-z_][\w.-]*:)?v(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?v\s*>)/;

/** A value element's text as XML reads it: CDATA sections as written, the rest with its references decoded. */
function valueText(raw: string): string {
  if (!raw.includes("<![CDATA[")) return decodeXmlText(raw);
  let out = "";
  let k = 0;
  for (const m of raw.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)) {
    out += decodeXmlText(raw.slice(k, m.index)) + (m[1] as string);
    k = (m.index as number) + m[0].length;
  }
  return out + decodeXmlText(raw.slice(k));
}

/** What a sheet part holds that read-excel-file does not read the way XML does. @internal */
interface SheetScan {
  /** The error cells (`t="e"`) by 0-based `row,column`: their value text as XML reads it ("" for none). */
  readonly errors: Map<string, string>;
  /** An error cell without a readable address (`r`), as written (cut to 200 characters). */
  unaddressed: string | undefined;
  /** A start tag written with white space around an attribute's `=` (cut to 200 characters). */
  spaced: string | undefined;
}

/**
 * The error cells (`t="e"`) of a sheet part, by 0-based row and column, read from the XML as it inflates (nothing but
 * the cells found is kept), their attributes and values read as XML reads them (references decoded, either quote,
 * white space around `=`: hostile8b F1); and the first start tag with white space around an attribute's `=`, which
 * read-excel-file cannot read (hostile8b F6). The part must inflate to no more than it declares (F15: the declared
 * sizes were checked before anything was inflated; this caps the actual bytes too).
 */
async function scanSheet(b: Uint8Array, part: ZipEntry, name: string): Promise<SheetScan> {
  const found: SheetScan = { errors: new Map<string, string>(), unaddressed: undefined, spaced: undefined };
  const decoder = new TextDecoder("utf-8");
  let carry = "";
  const scan = (textChunk: string, last: boolean): void => {
    const all = carry + textChunk;
    // scan up to the end of the last complete cell or row ("</c>", "</row>": a "/>" may close an element inside a
    // cell), keep the rest for the next chunk
    const cut = last ? all.length : Math.max(endOf(all, "</c>"), endOf(all, "</row>"));
    if (cut < 0) {
      carry = all.length > 1 << 20 ? all.slice(-(1 << 16)) : all;
      return;
    }
    const done = all.slice(0, cut);
    carry = all.slice(cut);
    // white space around "=" somewhere: find the start tag that has it (text holding " = " costs one more pass)
    if (found.spaced === undefined && /\s=|=\s/.test(done)) {
      for (const m of done.matchAll(START_TAG)) {
        if (xmlAttributes(m[3] ?? "").spaced) {
          found.spaced = m[0].length > 200 ? `${m[0].slice(0, 200)}…` : m[0];
          break;
        }
      }
    }
    // t="e" however written: t = 'e', t="&#101;", t="&#x65;"
    if (!/\bt\s*=\s*["']\s*(?:e|&)/.test(done)) return;
    for (const m of done.matchAll(CELL)) {
      const { values } = xmlAttributes(m[1] ?? "");
      if (values.get("t")?.trim() !== "e") continue;
      const ref = /^\s*([A-Z]{1,3})([0-9]{1,7})\s*$/.exec(values.get("r") ?? "");
      if (ref === null) {
        found.unaddressed ??= m[0].length > 200 ? `${m[0].slice(0, 200)}…` : m[0];
        continue;
      }
      const v = VALUE.exec(m[2] ?? "");
      let col = 0;
      for (const ch of ref[1] as string) col = col * 26 + (ch.charCodeAt(0) - 64);
      found.errors.set(`${Number(ref[2]) - 1},${col - 1}`, v === null ? "" : valueText(v[1] ?? "").trim());
    }
  };
  try {
    await inflateChunks(b, part, part.size, (chunk) => scan(decoder.decode(chunk, { stream: true }), false));
    scan(decoder.decode(), true);
  } catch (err) {
    const mib = (n: number): string => (n / 2 ** 20).toFixed(1);
    notWorkbook(
      name,
      `工作表部件 ${part.name} 解压后超过其声明的大小（${mib(part.size)} MiB）或已损坏：拒绝读取（ZIP 炸弹？）（${(err as Error).message}）`,
      `the sheet part ${part.name} inflates beyond its declared size (${mib(part.size)} MiB) or is damaged: refused (a ZIP bomb?) (${(err as Error).message})`,
      err,
    );
  }
  return found;
}

/** Refuses a part that inflates to more than its central directory declares (or is damaged); keeps nothing. */
async function withinDeclaredSize(b: Uint8Array, e: ZipEntry, name: string): Promise<void> {
  try {
    await inflateChunks(b, e, e.size, () => undefined);
  } catch (err) {
    const mib = (n: number): string => (n / 2 ** 20).toFixed(1);
    notWorkbook(
      name,
      `部件 ${e.name} 解压后超过其声明的大小（${mib(e.size)} MiB）或已损坏：拒绝读取（ZIP 炸弹？）（${(err as Error).message}）`,
      `the part ${e.name} inflates beyond its declared size (${mib(e.size)} MiB) or is damaged: refused (a ZIP bomb?) (${(err as Error).message})`,
      err,
    );
  }
}

/** Reads an .xlsx package (loaded on demand by readTableFile, with read-excel-file). @internal */
export async function readXlsx(b: Uint8Array, opts: ReadTableFileOptions): Promise<TableFile> {
  const name = opts.fileName ?? "";
  const info = await workbookInfo(b, name);
  const listed = info.sheets;
  // the sheet that will be read (the same choice as below, made on the workbook's own list): its error cells, read
  // before read-excel-file turns them into empty cells
  const chosen = opts.sheet === undefined ? listed.find((l) => l.state !== "hidden" && l.state !== "veryHidden") : typeof opts.sheet === "number" ? listed[opts.sheet - 1] : listed.find((l) => l.name === opts.sheet);
  const part = chosen === undefined ? undefined : info.partOf(chosen);
  const scanned = part === undefined ? undefined : await scanSheet(b, part, name);
  const errors = scanned?.errors ?? new Map<string, string>();
  // hostile8b F6: well-formed XML (Eq ::= S? '=' S?) that read-excel-file's parser cannot read (it failed with an
  // internal TypeError, or could misplace cells): refused with the tag, before the reader sees it
  if (scanned?.spaced !== undefined) {
    throw new ShuangsuijiError("unsupported-file-type", [
      {
        path: [], rule: "xlsx-markup", clause: `${XLSX_CLAUSE}; XML 1.0 §2.3 (Eq)`, value: scanned.spaced,
        messageZh: `${name === "" ? "" : `${name}：`}工作表的 XML 中有属性写成“=”两侧带空格（${scanned.spaced}）：这种写法合乎 XML，但本库使用的 .xlsx 读取器无法可靠读取；请用 Excel、WPS 或 LibreOffice 打开后另存为 .xlsx 再导入`,
        messageEn: `${name === "" ? "" : `${name}: `}the sheet's XML writes an attribute with white space around "=" (${scanned.spaced}): well-formed XML, but the .xlsx reader this library uses cannot read it reliably; open the file in Excel, WPS or LibreOffice, save it as .xlsx again and import that`,
      },
    ]);
  }
  // an error cell is never data: one the reader cannot place (no readable address) is refused, never dropped
  if (scanned?.unaddressed !== undefined) {
    throw new ShuangsuijiError("unsupported-file-type", [
      {
        path: [], rule: "excel-error-cell", clause: "ECMA-376 SpreadsheetML (单元格错误值 cell error values)", value: scanned.unaddressed,
        messageZh: `${name === "" ? "" : `${name}：`}工作表中有一个错误值单元格（t="e"）没有可读的单元格地址（r）：${scanned.unaddressed}：无法确定它在哪一行哪一列，拒绝读取`,
        messageEn: `${name === "" ? "" : `${name}: `}the sheet holds an error cell (t="e") without a readable address (r): ${scanned.unaddressed}: its row and column cannot be known, so the file is refused`,
      },
    ]);
  }
  // read-excel-file inflates every part and does not hold a part to its declared size (a shared-strings part declared
  // 4 KiB that inflates to 200 MiB took 700 MiB of memory): every other part is inflated here first, nothing kept,
  // and refused the moment it passes its declared size (F15)
  for (const e of info.entries) if (e !== part) await withinDeclaredSize(b, e, name);
  // read-excel-file takes an ArrayBuffer: copy out exactly this view's bytes (a Node Buffer is often a view into a
  // shared pool, and Buffer#slice does not copy).
  const buffer = new Uint8Array(b).buffer;
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    sheets = await readXlsxFile(buffer);
  } catch (e) {
    // read-excel-file's own refusals carry a code; anything else (a TypeError inside its parser) is not quoted: it
    // would tell the reader nothing (hostile8b F6)
    const code = typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : undefined;
    if (code === undefined) {
      notWorkbook(
        name,
        "这是 ZIP 文件，但其工作表的 XML 无法由本库使用的 .xlsx 读取器读取：请用 Excel、WPS 或 LibreOffice 打开后另存为 .xlsx 再导入",
        "a ZIP file, but the .xlsx reader this library uses cannot read its sheet XML: open the file in Excel, WPS or LibreOffice, save it as .xlsx again and import that",
        e,
      );
    }
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
  // an error cell past the last non-empty row or column was dropped with the empty ones: the grid is widened to hold it
  const data: unknown[][] = sheet.data.map((r) => [...r]);
  for (const key of errors.keys()) {
    const [i, j] = key.split(",").map(Number) as [number, number];
    while (data.length <= i) data.push([]);
    const r = data[i] as unknown[];
    while (r.length <= j) r.push(null);
  }
  const width = Math.max(0, ...data.map((r) => r.length));
  for (const r of data) while (r.length < width) r.push(null);
  const grid: GridCell[][] = data.map((r, i) =>
    r.map((c, j): GridCell => {
      // an error value (#N/A, #REF! …) is what the cell shows: it is given as that text, which importTable refuses
      // naming the row, the column and the error (readTableFile is a reader, not a validator). An error cell is an
      // error cell whatever the reader made of it; one whose text is no known error value is refused here, naming
      // the text, never passed on as data (hostile8b F1)
      const error = errors.size === 0 ? undefined : errors.get(`${i},${j}`);
      if (error !== undefined) {
        if (error === "") return "#N/A";
        if (EXCEL_ERROR_VALUES.has(error.toUpperCase())) return error;
        const shown = error.length > 80 ? `${error.slice(0, 80)}…` : error;
        issues.push({
          path: [i, j], rule: "excel-error-cell", clause: "ECMA-376 SpreadsheetML (单元格错误值 cell error values)", row: i + 1, column: columnName(j), value: shown,
          messageZh: `第 ${i + 1} 行 ${columnName(j)} 列是错误值单元格（t="e"），其内容“${shown}”不是已知的 Excel 错误值：错误值单元格不是数据，请在 Excel 中修正该单元格后重新导出`,
          messageEn: `row ${i + 1}, column ${columnName(j)} is an error cell (t="e") holding "${shown}", which is no known Excel error value: an error cell is not data; fix the cell in Excel and export again`,
        });
        return null;
      }
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
