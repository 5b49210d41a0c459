import type { z } from "zod";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { issuesFromZod } from "../errors/_fromZod.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { InspectionTargetSchema, type InspectionTarget } from "./inspectionTarget.js";

/**
 * Validates `input` against a model schema and returns it deeply frozen. On failure throws {@link ShuangsuijiError}
 * `invalid-input` listing **every** problem with its field path, rule, clause and bilingual message (the `ZodError`
 * is the `cause`).
 *
 * @category Model
 * @example
 * ```ts
 * import { parseModel, InspectorSchema } from "shuangsuiji";
 * const inspector = parseModel(InspectorSchema, {
 *   id: "I-1", name: "张三", departmentId: "SCJG", category: "qualified-staff", expertise: ["食品"],
 * });
 * ```
 */
export function parseModel<S extends z.ZodType>(schema: S, input: unknown, clause = "shuangsuiji model"): Readonly<z.output<S>> {
  const r = schema.safeParse(input);
  if (!r.success) throw new ShuangsuijiError("invalid-input", issuesFromZod(r.error.issues, { clause }, input), { cause: r.error });
  return deepFreeze(r.data);
}

/**
 * Validates one target-directory record (default A–D risk classes); see {@link parseModel}.
 *
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
 * @category Model
 * @example
 * ```ts
 * import { validateRecords, InspectorSchema } from "shuangsuiji";
 * const r = validateRecords(InspectorSchema, [{ id: "I-1" }, { id: "I-1" }]);
 * if (!r.ok) console.log(r.issues.length);
 * ```
 */
export function validateRecords<S extends z.ZodType>(schema: S, rows: readonly unknown[], clause = "shuangsuiji model"): BatchResult<z.output<S>> {
  const records: z.output<S>[] = [];
  const issues: import("../errors/ShuangsuijiError.js").RuleIssue[] = [];
  const seen = new Map<unknown, number>();
  rows.forEach((row, i) => {
    const r = schema.safeParse(row);
    if (!r.success) {
      issues.push(...issuesFromZod(r.error.issues, { clause, prefix: [i] }, row));
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
    records.push(r.data);
  });
  if (issues.length > 0) return deepFreeze({ ok: false, issues, validCount: records.length });
  return deepFreeze({ ok: true, records });
}
