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
    const utf8Bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    if (!utf16 && !utf8Bom && prefix.includes(0)) throw new FileError(file, ["二进制文件，不是文本（含NUL字节） / a binary file, not text (it contains NUL bytes)"]);
    throw new FileError(file, [undecodableLine(prefix)]);
  }
}

const ENCODING_NAME: Readonly<Record<TextEncoding, string>> = { "utf-8": "UTF-8", "utf-16le": "UTF-16LE", "utf-16be": "UTF-16BE", gb18030: "GB18030/GBK" };
const BOMS: readonly (readonly [TextEncoding, readonly number[]])[] = [
  ["utf-8", [0xef, 0xbb, 0xbf]],
  ["utf-16le", [0xff, 0xfe]],
  ["utf-16be", [0xfe, 0xff]],
  ["gb18030", [0x84, 0x31, 0x95, 0x33]],
];
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u; // what decodeText refuses
const CONTROL_NAMES: Readonly<Record<number, string>> = { 0: "NUL", 7: "BEL", 8: "BS", 0x1b: "ESC", 0x7f: "DEL" };

/** Decodes `b` in stream mode (a character cut at the end is held back, not an error); undefined when invalid. */
function streamDecode(encoding: TextEncoding, b: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(b, { stream: true });
  } catch {
    return undefined;
  }
}

/** Offset of the byte at which `b` stops being valid text in `encoding` (bisection), or undefined when it is valid. */
export function firstBadByte(encoding: TextEncoding, b: Uint8Array): number | undefined {
  if (streamDecode(encoding, b) !== undefined) return undefined;
  let lo = 0; // decodes
  let hi = b.length; // does not
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (streamDecode(encoding, b.subarray(0, mid)) === undefined) hi = mid;
    else lo = mid;
  }
  return hi - 1;
}

/**
 * Line (1-based), cell (1-based, counting commas or tabs outside quotes) and the header of that cell, in Chinese and
 * English, for a place in the text: `before` is the text from the start of the file up to the place.
 */
export function placeIn(before: string, header: string | undefined, firstLine = 1): readonly [string, string] {
  let line = firstLine;
  let lineStart = 0;
  for (let i = before.indexOf("\n"); i >= 0; i = before.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  let cell = 1;
  let quoted = false;
  for (let i = lineStart; i < before.length; i++) {
    const c = before.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted && (c === 44 || c === 9)) cell++;
  }
  const name = header?.replace(/^\uFEFF/u, "").split(/[,\t]/u)[cell - 1]?.trim();
  const named = name !== undefined && name !== "" && line > 1;
  return [`第 ${line} 行第 ${cell} 列${named ? `（${name}）` : ""}`, `line ${line}, column ${cell}${named ? ` (${name})` : ""}`];
}

const hex = (n: number | undefined): string => `0x${(n ?? 0).toString(16).toUpperCase().padStart(2, "0")}`;

/**
 * Why the first bytes of a file are not table text, naming the place: a control character (its code point, line and
 * column), or the first byte that is valid in no candidate encoding (its offset, value, line and column, read with the
 * encoding that got furthest), or a byte-order mark that does not match the content.
 */
export function undecodableLine(prefix: Uint8Array): string {
  const bom = BOMS.find(([, m]) => m.every((x, i) => prefix[i] === x));
  let nul = false;
  for (let i = 0; i < prefix.length && !nul; i++) nul = prefix[i] === 0;
  const candidates: TextEncoding[] = bom !== undefined ? [bom[0]] : nul ? ["utf-16le", "utf-16be"] : ["utf-8", "gb18030"];
  const skip = bom?.[1].length ?? 0;
  const body = prefix.subarray(skip);
  const found = candidates.map((encoding) => {
    const text = streamDecode(encoding, body);
    if (text !== undefined) {
      const m = CONTROL.exec(text);
      return { encoding, reach: Number.MAX_SAFE_INTEGER, text, control: m === null ? undefined : m.index };
    }
    const bad = firstBadByte(encoding, body) as number;
    return { encoding, reach: bad, text: streamDecode(encoding, body.subarray(0, bad)) ?? "", control: undefined };
  });
  const best = found.reduce((a, b) => (b.reach > a.reach ? b : a));
  const header = best.text.split("\n", 1)[0];
  const name = ENCODING_NAME[best.encoding];
  const bomZh = bom === undefined ? "" : `文件以 ${name} 的字节顺序标记（BOM）开头，但`;
  const bomEn = bom === undefined ? "" : `the file starts with a ${name} byte-order mark, but `;
  const fix = bom === undefined ? "" : "：BOM 与内容的编码不符";
  const fixEn = bom === undefined ? "" : ": the BOM does not match the content's encoding";
  if (best.control !== undefined) {
    const code = best.text.charCodeAt(best.control);
    const u = `U+${code.toString(16).toUpperCase().padStart(4, "0")}${CONTROL_NAMES[code] === undefined ? "" : ` ${CONTROL_NAMES[code]}`}`;
    const [zh, en] = placeIn(best.text.slice(0, best.control), header);
    return `${zh}：${bomZh}有控制字符 ${u}（按 ${name} 读）${fix}；表格文本中不应有控制字符，请删除后重新保存 / ${en}: ${bomEn}a control character ${u} (read as ${name})${fixEn}; table text holds none: delete it and save again [WHATWG Encoding Standard]`;
  }
  const tried = candidates.map((c) => ENCODING_NAME[c]);
  if (best.reach === Number.MAX_SAFE_INTEGER) {
    return `无法识别文本编码：${bomZh}按 ${name} 读虽然有效，其字符却不像中文表格文本（或末尾的字符不完整）${fix}，请另存为“CSV UTF-8” / undecodable text: ${bomEn}valid as ${name}, its characters are not those of Chinese table text (or the last one is cut off)${fixEn} (tried ${tried.join(", ")}); save it again as "CSV UTF-8" [WHATWG Encoding Standard; GB 18030-2022]`;
  }
  const at = skip + best.reach;
  const [zh, en] = placeIn(best.text, header);
  const others = found.filter((f) => f !== best);
  return `无法识别文本编码：${bomZh}按 ${name} 读，第 ${at} 字节（${zh}）的字节 ${hex(prefix[at])} 无效${others.map((o) => `（按 ${ENCODING_NAME[o.encoding]} 读，第 ${skip + o.reach} 字节即已无效）`).join("")}${fix}，请另存为“CSV UTF-8” / undecodable text: ${bomEn}read as ${name}, byte ${hex(prefix[at])} at byte ${at} (${en}) is invalid${others.map((o) => ` (as ${ENCODING_NAME[o.encoding]}, already at byte ${skip + o.reach})`).join("")}${fixEn}; save it again as "CSV UTF-8" [WHATWG Encoding Standard; GB 18030-2022]`;
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

/** Reads bytes [from, to) of a file. */
function readRange(file: string, from: number, to: number): Uint8Array {
  const fd = openSync(file, "r");
  try {
    const buf = new Uint8Array(Math.max(0, to - from));
    const got = readSync(fd, buf, 0, buf.length, from);
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/**
 * Where a file streamed in `encoding` from byte `start` stops being valid text, found after the stream failed on the
 * chunk at [offset, end): decoding resumes at the line break before the chunk (no multi-byte character spans a line
 * feed), the first bad byte is bisected, and its line is counted — the error path only, so the file is read again.
 * Undefined when the bad byte cannot be found again.
 */
export function badBytesLine(file: string, encoding: TextEncoding, start: number, offset: number, end: number): string | undefined {
  const back = Math.max(start, offset - 65_536);
  const before = readRange(file, back, offset);
  const utf16 = encoding !== "utf-8" && encoding !== "gb18030";
  let lf = -1;
  for (let i = before.length - 1; i >= 0 && lf < 0; i--) {
    if (before[i] !== 0x0a) continue;
    if (!utf16) lf = i;
    else if ((back + i - start) % 2 === (encoding === "utf-16le" ? 0 : 1)) lf = encoding === "utf-16le" ? i + 1 : i;
  }
  const from = lf < 0 ? back : back + lf + 1;
  const region = readRange(file, from, end);
  const bad = firstBadByte(encoding, region);
  if (bad === undefined) return undefined;
  const at = from + bad;
  let lines = 0;
  for (let p = 0; p < at; p += 1 << 20) {
    const chunk = readRange(file, p, Math.min(at, p + (1 << 20)));
    for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, i + 1)) lines++;
  }
  const headText = streamDecode(encoding, readRange(file, start, start + 65_536)) ?? "";
  // the bad line's text up to the bad byte: from the line feed before it (counted in `lines`)
  const lineText = streamDecode(encoding, region.subarray(0, bad)) ?? "";
  const lastLf = lineText.lastIndexOf("\n");
  const [zh, en] = placeIn(lineText.slice(lastLf + 1), headText.split("\n", 1)[0], lines + 1);
  const name = ENCODING_NAME[encoding];
  return `${zh}：第 ${at} 字节的字节 ${hex(region[bad])} 不是有效的 ${name} 文本（文件前面按 ${name} 读取；编码中途改变？请整个文件另存为“CSV UTF-8”） / ${en}: byte ${hex(region[bad])} at byte ${at} is not valid ${name} text (the file before it reads as ${name}: does the encoding change part-way? save the whole file again as "CSV UTF-8") [WHATWG Encoding Standard; GB 18030-2022]`;
}
