/**
 * Stable error codes carried by {@link ShuangsuijiError}. They never change meaning between releases, so callers can
 * switch on them (the English/Chinese messages may be reworded).
 *
 * @category Errors
 *
 * @example
 * ```ts
 * import { ERROR_CODES, type ErrorCode } from "shuangsuiji";
 * const codes: readonly ErrorCode[] = ERROR_CODES;
 * ```
 */
export const ERROR_CODES = [
  "invalid-input",
  "invalid-date",
  "calendar-year-not-covered",
  "calendar-data-invalid",
  "unknown-table",
  "invalid-argument",
  "seed-too-weak",
  "pool-commitment-mismatch",
  "draw-not-locked",
  "unsupported-algorithm",
  "illegal-transition",
  "locked-list-immutable",
  "replacement-refused",
  "results-immutable",
  "audit-trail-invalid",
  "append-conflict",
  "approval-missing",
  "approval-role",
  "approval-late",
  "dates-out-of-order",
  "record-form-refused",
  "amendment-refused",
] as const;

/**
 * One of {@link ERROR_CODES}.
 *
 * @category Errors
 */
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * One broken rule: where (field path, and the spreadsheet row and column for table imports), which rule, the clause it
 * comes from, and a message in Chinese and English.
 *
 * @category Errors
 */
export interface RuleIssue {
  /** Field path inside the input, e.g. `["targets", 3, "code"]`. */
  readonly path: readonly (string | number)[];
  /** Stable rule id, e.g. `uscc-check-character`, or `schema:<zod code>` for a structural problem. */
  readonly rule: string;
  /** The source of the rule, e.g. `GB 32100-2015 §4.2` or `Chongqing table B.1`. */
  readonly clause: string;
  /** 中文说明。 */
  readonly messageZh: string;
  /** English explanation. */
  readonly messageEn: string;
  /** 1-based data row number for table imports (the header row is row 1, so data starts at row 2). */
  readonly row?: number;
  /** Column header as it appeared in the input, for table imports. */
  readonly column?: string;
  /** The offending value, when there is one. */
  readonly value?: unknown;
}

/**
 * Options for {@link ShuangsuijiError}.
 *
 * @category Errors
 */
export interface ShuangsuijiErrorOptions {
  /** The underlying error (for example the `ZodError`). */
  readonly cause?: unknown;
}

/**
 * The one error class the library throws, for misuse and for invalid input at a public boundary. Expected domain
 * outcomes (not enough inspectors, not yet eligible) are returned as result unions instead, never thrown.
 *
 * `code` is stable; `issues` lists **every** problem found, each with its path, rule, clause and bilingual message.
 *
 * @category Errors
 * @example
 * ```ts
 * import { ShuangsuijiError, parseTarget } from "shuangsuiji";
 * try {
 *   parseTarget({ kind: "organisation" });
 * } catch (e) {
 *   if (e instanceof ShuangsuijiError && e.code === "invalid-input") {
 *     console.log(e.issues.map((i) => `${i.path.join(".")}: ${i.messageEn}`));
 *   }
 * }
 * ```
 */
export class ShuangsuijiError extends Error {
  /** Stable machine-readable code. */
  readonly code: ErrorCode;
  /** Every problem found (at least one). */
  readonly issues: readonly RuleIssue[];

  constructor(code: ErrorCode, issues: readonly RuleIssue[], options: ShuangsuijiErrorOptions = {}) {
    super(formatMessage(code, issues), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ShuangsuijiError";
    this.code = code;
    this.issues = Object.freeze(issues.map((i) => Object.freeze({ ...i, path: Object.freeze([...i.path]) })));
  }

  /** Path of the first issue (convenience for single-field errors). */
  get path(): readonly (string | number)[] {
    return this.issues[0]?.path ?? [];
  }

  /** Rule id of the first issue. */
  get rule(): string {
    return this.issues[0]?.rule ?? "";
  }

  /** Clause of the first issue. */
  get clause(): string {
    return this.issues[0]?.clause ?? "";
  }
}

function formatMessage(code: ErrorCode, issues: readonly RuleIssue[]): string {
  const first = issues[0];
  if (first === undefined) return `[${code}]`;
  const where = [
    first.row === undefined ? undefined : `row ${first.row}`,
    first.column === undefined ? undefined : `column ${first.column}`,
    first.path.length > 0 ? first.path.join(".") : undefined,
  ]
    .filter((s) => s !== undefined)
    .join(", ");
  const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : "";
  return `[${code}] ${where === "" ? "" : `${where}: `}${first.messageZh} / ${first.messageEn} (${first.clause}; rule ${first.rule})${more}`;
}
