// Reading a CSV file's bytes as UTF-8 text, with errors that name what was tried (issue 17): a UTF-16 or GBK file must
// be reported as such, not as "missing column". Node only.
import { readFile, stat } from "node:fs/promises";
import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";

/** Largest file readCsvTable reads (documented limit, README "Limits"). */
export const MAX_CSV_BYTES = 256 * 1024 * 1024;

const CLAUSE = "shuangsuiji/node readCsvTable (UTF-8 CSV, RFC 4180)";

function fileError(rule: string, file: string, zh: string, en: string): ShuangsuijiError {
  const issue: RuleIssue = { path: ["path"], rule, clause: CLAUSE, messageZh: `${zh}：${file}`, messageEn: `${en}: ${file}`, value: file };
  return new ShuangsuijiError("invalid-input", [issue]);
}

/** Reads a file as UTF-8 text; missing files, directories, oversized files and other encodings are named clearly. */
export async function readUtf8File(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    const s = await stat(file);
    if (s.isDirectory()) throw fileError("file-is-directory", file, "路径是目录而不是文件", "the path is a directory, not a file");
    if (s.size > MAX_CSV_BYTES) throw fileError("file-too-large", file, `文件超过${MAX_CSV_BYTES}字节`, `the file is larger than ${MAX_CSV_BYTES} bytes`);
    bytes = await readFile(file);
  } catch (e) {
    if (e instanceof ShuangsuijiError) throw e;
    const code = (e as { code?: unknown }).code;
    if (code === "ENOENT") throw fileError("file-missing", file, "文件不存在", "no such file");
    if (code === "EACCES" || code === "EPERM") throw fileError("file-permission", file, "无权读取该文件", "permission denied");
    if (code === "EISDIR") throw fileError("file-is-directory", file, "路径是目录而不是文件", "the path is a directory, not a file");
    throw fileError("file-unreadable", file, "无法读取文件", `cannot read the file (${typeof code === "string" ? code : "error"})`);
  }
  return decodeUtf8(bytes, file);
}

/** Decodes UTF-8 (BOM allowed); otherwise says which encoding the bytes look like. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksLikeUtf16WithoutBom(bytes);
  if (utf16) {
    throw fileError("file-encoding", file, "文件为UTF-16编码；请另存为UTF-8（带或不带BOM）", "the file is UTF-16 encoded; save it as UTF-8 (with or without BOM)");
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8: is it GBK/GB18030 (what Chinese Excel writes by default)?
  }
  let gb = false;
  try {
    new TextDecoder("gb18030", { fatal: true }).decode(bytes);
    gb = true;
  } catch {
    gb = false;
  }
  throw gb
    ? fileError("file-encoding", file, "文件不是UTF-8编码（看似GBK/GB18030，Excel“CSV”默认编码）；请另存为“CSV UTF-8”", "the file is not UTF-8 (it looks like GBK/GB18030, Excel's default \"CSV\"); save it as \"CSV UTF-8\"")
    : fileError("file-encoding", file, "文件既不是UTF-8也不是GBK/GB18030编码的文本（二进制文件？）", "the file is neither UTF-8 nor GBK/GB18030 text (binary?)");
}

/** Many NUL bytes at alternating positions: UTF-16 without a byte-order mark. */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  return Math.max(even, odd) > n / 4;
}
