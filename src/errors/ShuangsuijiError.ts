import { deepFreeze } from "../_internal/deepFreeze.js";
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
export const ERROR_CODES = /* @__PURE__ */ deepFreeze([
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
  "drawn-list-confidential",
  "unsupported-file-type",
  "undecodable-text",
  "engine-error",
] as const);

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
    // Checked like any public boundary: a wrong code or malformed issues become an "invalid-argument" error about
    // the construction itself instead of a TypeError (or an error with a code outside ERROR_CODES).
    const checked = checkIssues(code, issues);
    const ok = typeof checked !== "string";
    const finalCode: ErrorCode = ok ? code : "invalid-argument";
    const finalIssues: readonly RuleIssue[] = ok
      ? checked
      : [{ path: [], rule: "error-construction", clause: "本库接口约定（非法规条款）/ library contract, no regulation: ShuangsuijiError", messageZh: "错误对象构造参数无效", messageEn: `invalid ShuangsuijiError arguments: ${checked}` }];
    let cause: unknown;
    try {
      cause = options !== null && typeof options === "object" ? (options as ShuangsuijiErrorOptions).cause : undefined;
    } catch {
      cause = undefined;
    }
    super(formatMessage(finalCode, finalIssues), cause === undefined ? undefined : { cause });
    this.name = "ShuangsuijiError";
    this.code = finalCode;
    this.issues = Object.freeze(finalIssues.map((i) => Object.freeze({ ...i, path: Object.freeze([...i.path]) })));
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

const TEXT_FIELDS = ["rule", "clause", "messageZh", "messageEn"] as const;

/** Copies issues as plain data, or returns what is wrong with them. */
function checkIssues(code: unknown, issues: unknown): readonly RuleIssue[] | string {
  try {
    if (typeof code !== "string" || !(ERROR_CODES as readonly string[]).includes(code)) return "code is not one of ERROR_CODES";
    if (!Array.isArray(issues) || issues.length > 100_000) return "issues must be an array (at most 100,000)";
    const out: RuleIssue[] = [];
    for (let n = 0; n < issues.length; n++) {
      const i: unknown = issues[n];
      if (i === null || typeof i !== "object") return `issue ${n} is not an object`;
      const r = i as Record<string, unknown>;
      if (!TEXT_FIELDS.every((f) => typeof r[f] === "string")) return `issue ${n} needs string rule, clause, messageZh, messageEn`;
      const path = r.path;
      if (!Array.isArray(path) || path.length > 1000 || !path.every((p) => typeof p === "string" || typeof p === "number")) return `issue ${n} path must be strings and numbers`;
      if (r.row !== undefined && typeof r.row !== "number") return `issue ${n} row must be a number`;
      if (r.column !== undefined && typeof r.column !== "string") return `issue ${n} column must be a string`;
      out.push({
        path: [...(path as (string | number)[])], rule: r.rule as string, clause: r.clause as string, messageZh: r.messageZh as string, messageEn: r.messageEn as string,
        ...(r.row === undefined ? {} : { row: r.row as number }),
        ...(r.column === undefined ? {} : { column: r.column as string }),
        ...("value" in r ? { value: r.value } : {}),
      });
    }
    return out;
  } catch {
    return "issues could not be read (a Proxy or getter threw)";
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
