// A streaming CSV splitter for pool files of millions of rows: text in (decoded chunks), records out as arrays of
// cells. The dialect is the one the command line has always read (RFC 4180: comma, double quotes with "" escapes and
// line breaks inside quotes; the record delimiter is the first line break found — CRLF, LF or CR; empty lines are
// skipped; a leading U+FEFF is dropped; every record must have as many cells as the header). Errors carry a csv-parse
// style `code` and the line they were found on, so the caller words them as before.

/** A structural problem of the CSV text, at a line (1-based). */
export class CsvSyntaxError extends Error {
  constructor(
    readonly code: "CSV_MAX_RECORD_SIZE" | "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH" | "CSV_QUOTE_NOT_CLOSED" | "CSV_INVALID_CLOSING_QUOTE" | "INVALID_OPENING_QUOTE",
    readonly lines: number,
  ) {
    super(`${code} at line ${lines}`);
  }
}

/** A record whose width differs from the header's, handed on with `keepRagged`: `line` is where it starts (1-based). */
export type RaggedRecord = string[] & { line?: number };

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * A splitter: `push(text)` returns the records completed by that text, `end()` those completed by the end of input.
 * The first record is the header; every later one must have as many cells — or, with `keepRagged`, records of another
 * width are handed on as they are, for the caller to report every one of them (RFC 4180 §2.4: each line should
 * contain the same number of fields) rather than stop at the first.
 */
export function csvSplitter(maxRecordChars: number, options: { readonly keepRagged?: boolean } = {}) {
  const keepRagged = options.keepRagged === true;
  let eol: "\n" | "\r\n" | "\r" | undefined;
  let carry = ""; // an unfinished record, held back until the next chunk
  let line = 1; // the line `carry` starts on
  let width = -1;
  let first = true;
  let started = false; // whether any text was seen (a leading U+FEFF is dropped)

  /** Length of the record delimiter at `j` (0: none; -1: the next chunk decides). Detects it on the first line break. */
  function eolAt(text: string, j: number, n: number, final: boolean): number {
    const c = text.charCodeAt(j);
    if (c !== LF && c !== CR) return 0;
    if (eol === undefined) {
      if (c === LF) eol = "\n";
      else {
        if (j + 1 === n && !final) return -1;
        eol = text.charCodeAt(j + 1) === LF ? "\r\n" : "\r";
      }
    }
    if (eol === "\n") return c === LF ? 1 : 0;
    if (eol === "\r") return c === CR ? 1 : 0;
    if (c !== CR) return 0;
    if (j + 1 === n && !final) return -1;
    return text.charCodeAt(j + 1) === LF ? 2 : 0;
  }

  /** Splits complete records off `text` into `out`; returns where the unfinished remainder starts. */
  function split(text: string, final: boolean, out: string[][]): number {
    const n = text.length;
    let i = 0;
    let recStart = 0;
    let cells: string[] = [];
    let recLen = 0;
    let quoted = false;
    // line numbers are counted only for an error: from the start of the text
    const at = (p: number) => line + countLines(text, 0, p);
    // `quote`: where an open quoted field starts; a record that outgrows the limit inside it is an unclosed quote
    const wait = (quote?: number): number => {
      if (n - recStart > maxRecordChars) throw quote === undefined ? new CsvSyntaxError("CSV_MAX_RECORD_SIZE", at(n)) : new CsvSyntaxError("CSV_QUOTE_NOT_CLOSED", at(quote));
      return recStart;
    };
    for (;;) {
      let value: string;
      let end: number;
      if (i < n && text.charCodeAt(i) === QUOTE) {
        quoted = true;
        let j = i + 1;
        let parts = "";
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) {
            if (!final) return wait(i);
            throw new CsvSyntaxError("CSV_QUOTE_NOT_CLOSED", at(i)); // where the quoted field opens
          }
          if (q + 1 === n && !final) return wait(); // a closing quote or an escaped one: the next chunk decides
          if (text.charCodeAt(q + 1) === QUOTE) {
            parts += text.slice(j, q + 1);
            j = q + 2;
            continue;
          }
          value = parts + text.slice(j, q);
          end = q + 1;
          break;
        }
      } else {
        let j = i;
        for (; j < n; j++) {
          const c = text.charCodeAt(j);
          if (c === COMMA) break;
          if (c === LF || c === CR) {
            const e = eolAt(text, j, n, final);
            if (e === -1) return wait();
            if (e > 0) break;
            continue; // a line break that is not the record delimiter: part of the cell
          }
          if (c === QUOTE) throw new CsvSyntaxError("INVALID_OPENING_QUOTE", at(j));
        }
        if (j === n && !final) return wait();
        value = text.slice(i, j);
        end = j;
      }
      recLen += value.length;
      if (recLen > maxRecordChars) throw new CsvSyntaxError("CSV_MAX_RECORD_SIZE", at(end));
      cells.push(value);
      if (end === n) {
        finish(cells, quoted, () => at(recStart), out);
        return n;
      }
      if (text.charCodeAt(end) === COMMA) {
        i = end + 1;
        continue;
      }
      const e = eolAt(text, end, n, final);
      if (e === -1) return wait();
      if (e === 0) throw new CsvSyntaxError("CSV_INVALID_CLOSING_QUOTE", at(end));
      i = end + e;
      finish(cells, quoted, () => at(recStart), out);
      cells = [];
      recLen = 0;
      quoted = false;
      recStart = i;
      if (i === n) return n;
    }
  }

  function finish(cells: string[], quoted: boolean, recLine: () => number, out: string[][]): void {
    if (cells.length === 1 && cells[0] === "" && !quoted) return; // an empty line
    if (first) {
      first = false;
      width = cells.length;
    } else if (cells.length !== width) {
      if (!keepRagged) throw new CsvSyntaxError("CSV_RECORD_INCONSISTENT_FIELDS_LENGTH", recLine());
      (cells as RaggedRecord).line = recLine();
    }
    out.push(cells);
  }

  function countLines(text: string, from: number, to: number): number {
    let k = 0;
    for (let p = from; p < to; p++) {
      const c = text.charCodeAt(p);
      if (c === LF || (c === CR && text.charCodeAt(p + 1) !== LF)) k++;
    }
    return k;
  }

  /** Line breaks before `to` (LF, or CR in a CR-only file), counted with indexOf. */
  function countBreaks(text: string, to: number): number {
    const ch = eol === "\r" ? "\r" : "\n";
    let k = 0;
    for (let p = text.indexOf(ch); p >= 0 && p < to; p = text.indexOf(ch, p + 1)) k++;
    return k;
  }

  return {
    /** Records completed by this chunk of text. */
    push(chunk: string): string[][] {
      const out: string[][] = [];
      if (!started && chunk.length > 0) {
        started = true;
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      }
      const text = carry.length === 0 ? chunk : carry + chunk;
      const rest = split(text, false, out);
      line += countBreaks(text, rest);
      carry = rest === text.length ? "" : text.slice(rest);
      return out;
    },
    /** Records completed by the end of input. */
    end(): string[][] {
      const out: string[][] = [];
      if (carry.length > 0) split(carry, true, out);
      carry = "";
      return out;
    },
  };
}
