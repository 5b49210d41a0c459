import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";
import { INELIGIBLE_REASONS, type CommitmentState, type IneligibleReason } from "./_seam.js";
import { invalid, iterateInput } from "../_internal/boundary.js";
import { cappedIssues } from "../errors/_capIssues.js";

/** A result row as drivers return it: column name → text, number or bigint (NULL only where SQL allows it). */
export type SqlRow = Readonly<Record<string, unknown>>;

const issue = (path: readonly (string | number)[], en: string, zh: string, value?: unknown): RuleIssue => ({ path, rule: "engine-rows", clause: "docs/scale.md", messageZh: zh, messageEn: en, value });

/** A non-negative integer from a driver value (text, number or bigint); undefined when it is not one. */
export function toBigInt(v: unknown): bigint | undefined {
  if (typeof v === "bigint") return v >= 0n ? v : undefined;
  if (typeof v === "number") return Number.isSafeInteger(v) && v >= 0 ? BigInt(v) : undefined;
  if (typeof v === "string" && /^\d+$/.test(v)) return BigInt(v);
  return undefined;
}

const MOD = 1n << 256n;
/** Sum columns and their weights: w0…w7 the big-endian 32-bit words, q0…q3 the 64-bit words; `b<shift>` columns weigh 2^shift. */
const W_WORDS = Array.from({ length: 8 }, (_, i) => [`w${i}`, 224 - 32 * i] as const);
const Q_WORDS = Array.from({ length: 4 }, (_, i) => [`q${i}`, 192 - 64 * i] as const);
const CLASS = /^[A-Z]$/;

/** A driver's row copied to own data properties (a Proxy or getter that throws becomes invalid-input). */
export function readRow(row: unknown, at: readonly (string | number)[]): SqlRow {
  if (row === null || typeof row !== "object" || Array.isArray(row)) invalid(at, "expected a row object", "应为行对象", row);
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  try {
    for (const k of Object.keys(row)) out[k] = (row as Record<string, unknown>)[k];
  } catch {
    invalid(at, "the row could not be read (a Proxy or getter threw)", "无法读取该行（Proxy或访问器抛出异常）");
  }
  return out;
}

/** Folds commitment rows (risk_class, reason, units, and w0…w7, q0…q3 or b<shift> sums) into a commitment state; `sums` false for count-only rows. */
export function stateFromRows(rows: Iterable<SqlRow>, sums: boolean, path: readonly (string | number)[]): CommitmentState {
  const issues: RuleIssue[] = [];
  let total = 0n;
  let unitCount = 0;
  const strata: Record<string, number> = {};
  const ineligible: Partial<Record<IneligibleReason, number>> = {};
  let i = 0;
  for (const raw of iterateInput<SqlRow>(rows, path)) {
    const at = [...path, i++];
    const row = readRow(raw, at);
    const cls = row["risk_class"];
    const reason = row["reason"];
    const n = toBigInt(row["units"]);
    if (typeof cls !== "string" || !CLASS.test(cls)) {
      issues.push({ ...issue([...at, "risk_class"], "the pool holds units whose credit-risk class is not one capital letter A–Z", "名录中有信用风险分类不是单个大写字母的对象", cls), rule: "risk-class" });
      continue;
    }
    if (reason !== "" && !(INELIGIBLE_REASONS as readonly unknown[]).includes(reason)) issues.push(issue([...at, "reason"], "unknown ineligibility reason in the engine's rows", "引擎返回了未知的不符合条件原因", reason));
    if (n === undefined || n === 0n || n > BigInt(Number.MAX_SAFE_INTEGER)) issues.push(issue([...at, "units"], "unit count must be a positive integer", "对象数应为正整数", row["units"]));
    if (sums) {
      const parts = "b0" in row ? Object.keys(row).filter((k) => /^b\d{1,3}$/.test(k)).map((k) => [k, Number(k.slice(1))] as const) : "q0" in row ? Q_WORDS : W_WORDS;
      for (const [column, shift] of parts) {
        const s = toBigInt(row[column]);
        if (s === undefined || shift > 255) issues.push(issue([...at, column], "word sum must be a non-negative integer", "字和应为非负整数", row[column]));
        else total += s << BigInt(shift);
      }
    }
    if (n === undefined || typeof reason !== "string") continue;
    const count = Number(n);
    unitCount += count;
    if (reason === "") strata[cls] = (strata[cls] ?? 0) + count;
    else ineligible[reason as IneligibleReason] = (ineligible[reason as IneligibleReason] ?? 0) + count;
  }
  if (issues.length > 0) throw new ShuangsuijiError("invalid-input", cappedIssues(issues));
  const v = total % MOD;
  const sum = new Uint32Array(8);
  for (let w = 0; w < 8; w++) sum[w] = Number((v >> BigInt(32 * (7 - w))) & 0xffffffffn);
  return { sum, unitCount, strata, ineligible };
}

export { issue as rowIssue };
