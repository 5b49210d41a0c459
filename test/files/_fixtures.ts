// Builders for the files county staff have: GBK/GB18030 and UTF-16 CSV bytes, and .xlsx workbooks.
import { strToU8, zipSync } from "fflate";
import { ShuangsuijiError } from "../../src/index.js";

let gbkTable: Map<string, number[]> | undefined;

/** Encodes text as GBK (two-byte GB18030), built by inverting the platform's own GBK decoder; ASCII stays one byte. */
export function encodeGbk(text: string): Uint8Array {
  if (gbkTable === undefined) {
    gbkTable = new Map();
    const d = new TextDecoder("gbk", { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        try {
          const ch = d.decode(new Uint8Array([lead, trail]));
          if (!gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
        } catch {
          // not a GBK pair
        }
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else {
      const bytes = gbkTable.get(ch);
      if (bytes === undefined) throw new Error(`not in GBK: ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

/** Encodes text as UTF-16 (LE or BE), optionally with a byte-order mark. */
export function encodeUtf16(text: string, endian: "le" | "be", bom: boolean): Uint8Array {
  const units = (bom ? "\uFEFF" : "") + text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    out[2 * i + (endian === "le" ? 0 : 1)] = u & 0xff;
    out[2 * i + (endian === "le" ? 1 : 0)] = u >> 8;
  }
  return out;
}

/** A cell for {@link makeXlsx}: text, a number, a date (written as an Excel serial with a date format), an error value (`t="e"`, a failed formula), the cell's XML as written (`raw`, "REF" standing for its address), or empty. */
export type XlsxCell = string | number | { readonly date: string } | { readonly error: string } | { readonly raw: string } | null;

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const col = (j: number): string => {
  let s = "";
  for (let n = j + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** Builds a minimal but complete SpreadsheetML (.xlsx) workbook, with shared strings and a date style, as Excel writes. */
export function makeXlsx(sheets: readonly { readonly name: string; readonly rows: readonly (readonly XlsxCell[])[]; readonly state?: "hidden" | "veryHidden" }[]): Uint8Array {
  const strings: string[] = [];
  const sid = (s: string): number => {
    const i = strings.indexOf(s);
    if (i >= 0) return i;
    strings.push(s);
    return strings.length - 1;
  };
  const files: Record<string, Uint8Array> = {};
  sheets.forEach((sheet, k) => {
    const rows = sheet.rows
      .map((r, i) => {
        const cells = r
          .map((c, j) => {
            const ref = `${col(j)}${i + 1}`;
            if (c === null) return "";
            if (typeof c === "string") return `<c r="${ref}" t="s"><v>${sid(c)}</v></c>`;
            if (typeof c === "number") return `<c r="${ref}"><v>${c}</v></c>`;
            if ("raw" in c) return c.raw.replace("REF", ref);
            if ("error" in c) return `<c r="${ref}" t="e"><f>VLOOKUP(A${i + 1},Sheet9!A:B,2,FALSE)</f><v>${esc(c.error)}</v></c>`;
            const serial = (Date.parse(`${c.date}T00:00:00Z`) - Date.parse("1899-12-30T00:00:00Z")) / 86_400_000;
            return `<c r="${ref}" s="1"><v>${serial}</v></c>`;
          })
          .join("");
        return `<row r="${i + 1}">${cells}</row>`;
      })
      .join("");
    files[`xl/worksheets/sheet${k + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`,
    );
  });
  files["[Content_Types].xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
      .map((_, k) => `<Override PartName="/xl/worksheets/sheet${k + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
      .join("")}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  );
  files["_rels/.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
      .map((s, k) => `<sheet name="${esc(s.name)}" sheetId="${k + 1}"${s.state === undefined ? "" : ` state="${s.state}"`} r:id="rId${k + 1}"/>`)
      .join("")}</sheets></workbook>`,
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_, k) => `<Relationship Id="rId${k + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`)
      .join("")}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId${sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  files["xl/styles.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  );
  files["xl/sharedStrings.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings
      .map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`)
      .join("")}</sst>`,
  );
  return zipSync(files);
}

/** The library's refusal of `p` (any other error, or none, fails the test). */
export const rejection = async (p: Promise<unknown>): Promise<ShuangsuijiError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof ShuangsuijiError) return e;
    throw e;
  }
  throw new Error("no error");
};
