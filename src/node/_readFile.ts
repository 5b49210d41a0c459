// Reading an input file's bytes in Node, with errors that name the problem (missing, directory, too large, permission).
// Decoding (UTF-8, UTF-16, GBK/GB18030) and spreadsheets are the core's readTableFile, shared with browsers.
import { readFile, stat } from "node:fs/promises";
import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";

/** Largest file readCsvTable reads (documented limit, README "Limits"). */
export const MAX_TABLE_FILE_BYTES = 256 * 1024 * 1024;

const CLAUSE = "shuangsuiji/node readCsvTable";

function fileError(rule: string, file: string, zh: string, en: string): ShuangsuijiError {
  const issue: RuleIssue = { path: ["path"], rule, clause: CLAUSE, messageZh: `${zh}：${file}`, messageEn: `${en}: ${file}`, value: file };
  return new ShuangsuijiError("invalid-input", [issue]);
}

/** Reads a whole file; a missing file, a directory, an oversized file or a permission problem is named clearly. */
export async function readFileBytes(file: string): Promise<Uint8Array> {
  try {
    const s = await stat(file);
    if (s.isDirectory()) throw fileError("file-is-directory", file, "路径是目录而不是文件", "the path is a directory, not a file");
    if (s.size > MAX_TABLE_FILE_BYTES) throw fileError("file-too-large", file, `文件超过${MAX_TABLE_FILE_BYTES}字节`, `the file is larger than ${MAX_TABLE_FILE_BYTES} bytes`);
    const b = await readFile(file);
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  } catch (e) {
    if (e instanceof ShuangsuijiError) throw e;
    const code = (e as { code?: unknown }).code;
    if (code === "ENOENT") throw fileError("file-missing", file, "文件不存在", "no such file");
    if (code === "EACCES" || code === "EPERM") throw fileError("file-permission", file, "无权读取该文件", "permission denied");
    if (code === "EISDIR") throw fileError("file-is-directory", file, "路径是目录而不是文件", "the path is a directory, not a file");
    throw fileError("file-unreadable", file, "无法读取文件", `cannot read the file (${typeof code === "string" ? code : "error"})`);
  }
}
