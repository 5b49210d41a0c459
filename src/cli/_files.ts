// Reading and writing files for the command line: every way a file can be wrong becomes one bilingual line (exit 3),
// and outputs are written to a temporary file and renamed, so a failed run never leaves a half-written file.
import { closeSync, openSync, readSync, renameSync, statSync, unlinkSync, writeFileSync, type Stats } from "node:fs";
import { basename, dirname, join } from "node:path";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { decodeText } from "../files/decodeText.js";
import { EXIT, FileError } from "./_errors.js";
import { jsonStructureMessage, jsonStructureProblem } from "./_json.js";

/** Largest JSON input read (records and commitments are small; a policy is tiny). */
export const MAX_JSON_BYTES = 256 * 2 ** 20;
/** Longest CSV record accepted, in characters (a real row is a few hundred). */
export const MAX_RECORD_CHARS = 2 ** 20;

/** Text encodings the command line decodes (GBK files are decoded as GB18030, its superset). */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

const errnoLine = (code: string | undefined): string =>
  code === "ENOENT" ? "文件不存在 / file not found"
  : code === "EACCES" || code === "EPERM" ? "无权读取 / permission denied"
  : code === "EISDIR" ? "是目录而不是文件 / is a directory, not a file"
  : code === "ENOTDIR" ? "路径中有一段不是目录 / a part of the path is not a directory"
  : `无法读取文件 / cannot read the file (${code ?? "unknown error"})`;

/** Checks that `file` is a readable, non-empty regular file; returns its size. */
export function checkInputFile(file: string): Stats {
  let st: Stats;
  try {
    st = statSync(file);
  } catch (e) {
    throw new FileError(file, [errnoLine((e as NodeJS.ErrnoException).code)]);
  }
  if (st.isDirectory()) throw new FileError(file, [errnoLine("EISDIR")]);
  if (!st.isFile()) throw new FileError(file, ["不是普通文件 / not a regular file"]);
  if (st.size === 0) throw new FileError(file, ["文件为空 / the file is empty"]);
  return st;
}

/** Reads at most `n` bytes from the start of a file (for sniffing its encoding). */
export function readHead(file: string, n: number): Uint8Array {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const buf = new Uint8Array(n);
    const got = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } catch (e) {
    throw new FileError(file, [errnoLine((e as NodeJS.ErrnoException).code)]);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The longest prefix of `head` that ends at a line break, so that no character is cut in two: after the last LF byte
 * for UTF-8 and GB18030 (0x0A never occurs inside their multi-byte characters), after the last LF code unit for UTF-16
 * (an even length, `0A 00` or `00 0A`). The whole head when it is the whole file or holds no line break.
 */
export function safePrefix(head: Uint8Array, wholeFile: boolean): Uint8Array {
  if (wholeFile) return head;
  let nul = false;
  for (let i = 0; i < head.length && !nul; i++) nul = head[i] === 0;
  const bom16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (nul || bom16) {
    for (let i = (head.length - 2) & ~1; i >= 0; i -= 2) {
      if ((head[i] === 0x0a && head[i + 1] === 0) || (head[i] === 0 && head[i + 1] === 0x0a)) return head.subarray(0, i + 2);
    }
    return head;
  }
  const lf = head.lastIndexOf(0x0a);
  return lf < 0 ? head : head.subarray(0, lf + 1);
}

/**
 * Finds the encoding of a text file from its first bytes with the library's own detector ({@link decodeText}: a
 * byte-order mark, else validity — UTF-16 by where the NULs fall, UTF-8, GB18030 for GBK files from Excel on Chinese
 * Windows), run on a prefix cut at a line break ({@link safePrefix}). `bom` is the number of bytes to skip. Binary
 * files (NUL bytes that are not UTF-16) and undecodable bytes are refused, naming what was tried.
 */
export function sniffEncoding(file: string, head: Uint8Array, wholeFile = false): { readonly encoding: TextEncoding; readonly bom: number } {
  const prefix = safePrefix(head, wholeFile);
  try {
    const d = decodeText(prefix);
    const bom = d.detectedBy !== "bom" ? 0 : d.encoding === "utf-8" ? 3 : d.encoding === "gb18030" ? 4 : 2;
    return { encoding: d.encoding, bom };
  } catch (e) {
    if (!(e instanceof ShuangsuijiError)) throw e;
    const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
    if (!utf16 && prefix.includes(0)) throw new FileError(file, ["二进制文件，不是文本（含NUL字节） / a binary file, not text (it contains NUL bytes)"]);
    throw new FileError(file, ["无法识别文本编码（已尝试 UTF-8、UTF-16、GB18030/GBK） / undecodable text (tried UTF-8, UTF-16, GB18030/GBK)"]);
  }
}

/** Decodes a whole file's bytes to text, with the encoding found by {@link sniffEncoding}. */
export function decodeFile(file: string, bytes: Uint8Array): { readonly text: string; readonly encoding: TextEncoding } {
  const { encoding, bom } = sniffEncoding(file, bytes.subarray(0, 64 * 1024), bytes.length <= 64 * 1024);
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(bom)), encoding };
  } catch {
    throw new FileError(file, [`不是有效的 ${encoding.toUpperCase()} 文本 / not valid ${encoding.toUpperCase()} text`]);
  }
}

/** Reads a small text file whole (JSON inputs), refusing what is missing, a directory, empty, too large or binary. */
export function readTextFile(file: string, maxBytes = MAX_JSON_BYTES): string {
  const st = checkInputFile(file);
  if (st.size > maxBytes) throw new FileError(file, [`文件过大（${st.size} 字节，上限 ${maxBytes}） / the file is too large (${st.size} bytes, limit ${maxBytes})`]);
  return decodeFile(file, readHead(file, st.size)).text;
}

/** Reads and parses a JSON file; truncated or malformed JSON names the position. */
export function readJsonFile(file: string): unknown {
  const text = readTextFile(file);
  return parseJson(file, text);
}

/**
 * Parses JSON text strictly, turning a syntax error into one bilingual line; JSON that JSON.parse would accept but
 * that reads differently to different readers — a member name twice in one object — or that is nested absurdly deep is
 * refused too, naming the path (exit 3).
 */
export function parseJson(what: string, text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message.split("\n")[0] ?? "";
    const truncated = /end of (JSON )?input|Unterminated/i.test(msg);
    throw new FileError(what, [`${truncated ? "JSON不完整（文件被截断？）" : "不是有效的JSON"} / ${truncated ? "truncated JSON" : "not valid JSON"}: ${msg}`]);
  }
  const problem = jsonStructureProblem(text);
  if (problem !== undefined) throw new FileError(what, [jsonStructureMessage(problem)]);
  return value;
}

/**
 * Writes `text` to `file` atomically: into a temporary file beside it, then renamed over it. On failure the temporary
 * file is removed and nothing at `file` changes (exit 4).
 */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text, { flag: "wx" });
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was created
    }
    const code = (e as NodeJS.ErrnoException).code;
    throw new FileError(file, [`无法写入输出文件 / cannot write the output file (${code === "EISDIR" ? "是目录 / is a directory" : code ?? String(e)})`], EXIT.output);
  }
}
