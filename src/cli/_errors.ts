// Exit codes and the one-line, bilingual error reports of the command line. No stack trace ever reaches the user.
import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";

/** Exit codes (documented in `--help` and README). */
export const EXIT = {
  ok: 0,
  /** The check ran and failed: a verification mismatch, an inconsistent ticket, a rejected fairness test. */
  failed: 1,
  /** Bad arguments: unknown command or option, an option the command does not take, a missing or malformed value. */
  usage: 2,
  /** A bad input file: missing, a directory, empty, not decodable, malformed, or rows that break the rules. */
  input: 3,
  /** The output could not be written (nothing half-written is left behind). */
  output: 4,
  /** A bug in shuangsuiji: please report it with the command line. */
  internal: 70,
} as const;

/** A usage problem (exit 2): printed with the command's help. */
export class UsageError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(`${zh} / ${en}`);
  }
}

/** A problem with an input or output file (exit 3 or 4): one line per detail, in Chinese and English. */
export class FileError extends Error {
  constructor(
    readonly file: string,
    readonly details: readonly string[],
    readonly exitCode: number = EXIT.input,
    readonly summary?: string,
  ) {
    super(`${file}: ${details[0] ?? ""}`);
  }
}

/** A rule issue as one line: where (row, column or path), Chinese / English, [clause]. */
export function issueLine(i: RuleIssue): string {
  // a path that is only a row index says nothing the row number does not
  const path = i.path.length > 0 && !(i.row !== undefined && i.path.every((p) => typeof p === "number")) ? i.path.join(".") : undefined;
  const where = [i.row === undefined ? undefined : `第${i.row}行 row ${i.row}`, i.column ?? path]
    .filter((s) => s !== undefined)
    .join(", ");
  return `${where === "" ? "" : `${where}: `}${i.messageZh} / ${i.messageEn}${i.clause === "" ? "" : ` [${i.clause}]`}`;
}

/**
 * Control characters (C0, DEL, C1), format characters (\p{Cf}: the bidirectional controls LRM, RLM, ALM, LRE…RLO,
 * LRI…PDI, zero-width characters, U+FEFF, the soft hyphen, tag characters), the line and paragraph separators and the
 * Hangul fillers: what table import refuses in a cell (docs/import.md), shown rather than acted on or hidden.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\p{Cf}\u2028\u2029\u115f\u1160\u3164\uffa0]/gu;

/**
 * Text from a file made safe for a terminal: a control character (an ANSI escape through C1 CSI U+009B, a bell), a
 * bidirectional override (U+202E reverses what follows on screen) or an invisible character (a zero-width space that
 * makes two names look alike) is shown as ⟨U+XXXX⟩ instead of acting on the operator's screen or hiding — a pool's
 * names are printed at the ceremony.
 */
export function terminalSafe(s: string): string {
  return s.replace(UNPRINTABLE, (c) => `⟨U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}⟩`);
}

/** Lines to print on stderr for an error, and the exit code (file text in them made {@link terminalSafe}). */
export function describeError(e: unknown): { readonly lines: readonly string[]; readonly code: number } {
  const d = describe(e);
  return { lines: d.lines.map(terminalSafe), code: d.code };
}

function describe(e: unknown): { readonly lines: readonly string[]; readonly code: number } {
  if (e instanceof UsageError) return { lines: [`错误 / error: ${e.message}`], code: EXIT.usage };
  if (e instanceof FileError) {
    if (e.details.length === 1 && e.summary === undefined) return { lines: [`错误 / error: ${e.file}: ${e.details[0]}`], code: e.exitCode };
    return { lines: [`错误 / error: ${e.file}:`, ...e.details.map((d) => `  • ${d}`), ...(e.summary === undefined ? [] : [e.summary])], code: e.exitCode };
  }
  if (e instanceof ShuangsuijiError) {
    const lines = e.issues.map((i) => `  • ${issueLine(i)}`);
    return { lines: [`错误 / error [${e.code}]:`, ...lines], code: EXIT.input };
  }
  const msg = e instanceof Error ? e.message : String(e);
  return { lines: [`内部错误 / internal error: ${msg.split("\n")[0]} — 请报告此问题 / please report this with the command line`], code: EXIT.internal };
}
