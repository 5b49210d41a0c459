import type * as z from "zod/v4";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { issuesFromZod } from "../errors/_fromZod.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { invalid, readPlain, requireString } from "../_internal/boundary.js";
import { InspectionTargetSchema, type InspectionTarget } from "./inspectionTarget.js";

/**
 * Validates `input` against a model schema and returns it deeply frozen. On failure throws {@link ShuangsuijiError}
 * `invalid-input` listing **every** problem with its field path, rule, clause and bilingual message (the `ZodError`
 * is the `cause`).
 *
 * @param schema - A model schema of this library (e.g. {@link InspectorSchema}).
 * @param input - The value to validate (plain data, e.g. parsed JSON).
 * @param clause - The clause cited on structural issues (default `"shuangsuiji model"`).
 * @returns The validated value, deeply frozen.
 * @throws {@link ShuangsuijiError} `invalid-input` when `input` does not match `schema` (every problem, with its path,
 *   rule and clause), or `schema` is not a zod schema, or `clause` is not text.
 * @category Model
 * @example
 * ```ts
 * import { parseModel, InspectorSchema } from "shuangsuiji";
 * const inspector = parseModel(InspectorSchema, {
 *   id: "I-1", name: "张三", departmentId: "SCJG", category: "qualified-staff", expertise: ["食品"],
 * });
 * ```
 */
export function parseModel<S extends z.core.$ZodType>(schema: S, input: unknown, clause = "shuangsuiji model"): Readonly<z.output<S>> {
  const s = requireSchema(schema);
  const c = clauseArg(clause);
  // A bounded, plain copy: zod never walks a Proxy, a getter or a 10^4-deep value, and the result shares nothing with the caller.
  const data = readPlain(input, []);
  const r = s.safeParse(data);
  if (!r.success) throw new ShuangsuijiError("invalid-input", issuesFromZod(r.error.issues, { clause: c }, data), { cause: r.error });
  return deepFreeze(r.data) as Readonly<z.output<S>>;
}

/** A zod schema, classic or mini: both parse with `safeParse` (called as a method, so no zod code is bundled here). */
interface Parser {
  safeParse(data: unknown): { readonly success: true; readonly data: unknown } | { readonly success: false; readonly error: { readonly issues: z.core.$ZodIssue[] } };
}

/** The schema argument must be a zod schema (one of ours or the caller's). */
function requireSchema(schema: unknown): Parser {
  let ok = false;
  try {
    ok = schema !== null && typeof schema === "object" && "_zod" in schema && typeof (schema as { safeParse?: unknown }).safeParse === "function";
  } catch {
    ok = false;
  }
  if (!ok) invalid(["schema"], "expected a zod schema (e.g. InspectorSchema)", "应为 zod 模式（如 InspectorSchema）", schema);
  return schema as Parser;
}

const clauseArg = (clause: unknown): string => (clause === undefined ? "shuangsuiji model" : requireString(clause, ["clause"], 1000));

/**
 * Validates one target-directory record (default A–D risk classes); see {@link parseModel}.
 *
 * @param input - One target-directory record.
 * @returns The validated target, deeply frozen.
 * @throws {@link ShuangsuijiError} `invalid-input` when `input` is not a valid target record (every problem, with its
 *   path, rule and clause).
 * @category Model
 * @example
 * ```ts
 * import { parseTarget } from "shuangsuiji";
 * const t = parseTarget({
 *   kind: "organisation", id: "91330100716105852F", code: "91330100716105852F", codeType: "uscc",
 *   name: "某某有限公司", riskClass: "B", divisionCode: "330100",
 * });
 * ```
 */
export function parseTarget(input: unknown): InspectionTarget {
  return parseModel(InspectionTargetSchema, input, "Chongqing tables B.1–B.3") as InspectionTarget;
}

/**
 * Result of {@link validateRecords}: all records, or every problem in every row.
 *
 * @category Model
 */
export type BatchResult<T> =
  | { readonly ok: true; readonly records: readonly T[] }
  | { readonly ok: false; readonly issues: readonly import("../errors/ShuangsuijiError.js").RuleIssue[]; readonly validCount: number };

/**
 * Validates a batch of records and reports **all** bad rows (path `[index, …field]`); nothing is dropped or fixed.
 * Ids must be unique across the batch when records have an `id`.
 *
 * @param schema - A model schema of this library.
 * @param rows - The records to validate.
 * @param clause - The clause cited on structural issues (default `"shuangsuiji model"`).
 * @returns `{ ok: true, records }`, or `{ ok: false, issues, validCount }` with every bad row — bad rows are a result,
 *   not an error.
 * @throws {@link ShuangsuijiError} `invalid-input` when `rows` is not an array, `schema` is not a zod schema or
 *   `clause` is not text.
 * @category Model
 * @example
 * ```ts
 * import { validateRecords, InspectorSchema } from "shuangsuiji";
 * const r = validateRecords(InspectorSchema, [{ id: "I-1" }, { id: "I-1" }]);
 * if (!r.ok) console.log(r.issues.length);
 * ```
 */
export function validateRecords<S extends z.core.$ZodType>(schema: S, rows: readonly unknown[], clause = "shuangsuiji model"): BatchResult<z.output<S>> {
  const s = requireSchema(schema);
  const c = clauseArg(clause);
  const list = readPlain(rows, ["rows"]);
  if (!Array.isArray(list)) invalid(["rows"], "expected an array of records", "应为记录数组", rows);
  const records: z.output<S>[] = [];
  const issues: import("../errors/ShuangsuijiError.js").RuleIssue[] = [];
  const seen = new Map<unknown, number>();
  list.forEach((row: unknown, i) => {
    const r = s.safeParse(row);
    if (!r.success) {
      issues.push(...issuesFromZod(r.error.issues, { clause: c, prefix: [i] }, row));
      return;
    }
    const id = (r.data as { id?: unknown } | null)?.id;
    if (id !== undefined) {
      const first = seen.get(id);
      if (first !== undefined) {
        issues.push({
          path: [i, "id"],
          rule: "unique-ids",
          clause: "shuangsuiji data hygiene",
          messageZh: `标识重复（与第${first}条相同）`,
          messageEn: `duplicate id (same as record ${first})`,
          value: id,
        });
        return;
      }
      seen.set(id, i);
    }
    records.push(r.data as z.output<S>);
  });
  if (issues.length > 0) return deepFreeze({ ok: false, issues, validCount: records.length });
  return deepFreeze({ ok: true, records });
}
