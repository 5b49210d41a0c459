import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { csvRows } from "../node/_csv.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { importTable, type TableId } from "../import/importTable.js";
import type { DrawUnit } from "../draw/DrawUnit.js";

/** A problem with an input file: exit code 3, message in Chinese and English. */
export class InputFileError extends Error {
  constructor(readonly file: string, readonly details: readonly string[]) {
    super(`${file}: ${details[0] ?? "invalid"}${details.length > 1 ? ` (+${details.length - 1} more)` : ""}`);
  }
}

export function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new InputFileError(file, [`无法读取文件 / cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`]);
  }
}

export function readJson(file: string): unknown {
  const text = readText(file);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new InputFileError(file, [`不是有效的JSON / not valid JSON: ${(e as Error).message}`]);
  }
}

/** Reads a pool: a CSV with the standard's Chinese headers (table B.1 by default) or a JSON array of units/targets. */
export function readPool(file: string, table: TableId = "B.1"): DrawUnit[] {
  if (table !== "B.1" && table !== "B.2" && table !== "B.3") throw new InputFileError("--table", [`目标名录应为B.1、B.2或B.3表 / a target pool is table B.1, B.2 or B.3 (got ${table})`]);
  if (extname(file).toLowerCase() === ".json") {
    const data = readJson(file);
    if (!Array.isArray(data)) throw new InputFileError(file, ["应为对象数组 / expected a JSON array of units"]);
    return data as DrawUnit[];
  }
  let rows: Record<string, string>[];
  try {
    rows = csvRows(readText(file));
  } catch (e) {
    throw new InputFileError(file, [`CSV格式错误 / malformed CSV: ${(e as Error).message}`]);
  }
  const r = importTable(table, rows);
  if (!r.ok) throw new InputFileError(file, r.issues.map((i) => `row ${i.row ?? "?"}, ${i.column ?? i.path.join(".")}: ${i.messageZh} / ${i.messageEn} [${i.clause}]`));
  return [...r.records];
}

export function describeError(e: unknown): string[] {
  if (e instanceof InputFileError) return [`error: ${e.file}`, ...e.details.map((d) => `  • ${d}`)];
  if (e instanceof ShuangsuijiError) return [`error [${e.code}]`, ...e.issues.map((i) => `  • ${i.path.join(".") || "-"}: ${i.messageZh} / ${i.messageEn} (${i.clause})`)];
  return [`error: ${e instanceof Error ? e.message : String(e)}`];
}
