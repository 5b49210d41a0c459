import { preview } from "../_internal/boundary.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import * as z from "zod/v4";
import type { AnnualPlan } from "../model/annualPlan.js";
import { DateRangeSchema, IdSchema, TextSchema } from "../model/primitives.js";
import { parsePlan, parseWith } from "./_input.js";

const PartsSchema = z
  .array(z.object({ id: IdSchema, name: TextSchema, window: DateRangeSchema, scope: z.object({ description: TextSchema, divisionCodes: z.array(z.string()).max(10_000).optional() }), weight: z.number().nonnegative().finite().optional() }))
  .max(10_000);
import { SpotCheckTaskSchema, type SpotCheckTask } from "../model/spotCheckTask.js";

/**
 * One task to cut from a plan row.
 *
 * @category Planning
 */
export interface TaskPart {
  /** Task id. */
  readonly id: string;
  /** 任务名称. */
  readonly name: string;
  /** 执行时间: within the row's 抽查时间. */
  readonly window: { readonly start: string; readonly end: string };
  /** 检查范围. */
  readonly scope: { readonly description: string; readonly divisionCodes?: readonly string[] };
  /** Relative share of the row's count (e.g. the part's directory size); default equal. */
  readonly weight?: number;
}

/**
 * Splits a plan row into tasks (Chongqing 6.2: 同一个抽查计划可以细化成多个抽查任务). The row's count — its 抽取对象数量,
 * or ceil(ratio × base count) — is allocated to the parts in proportion to their weights by the largest-remainder
 * method, so the tasks' counts always add up to exactly the row's count. Each task carries the row's departments and
 * items; its window must lie within the row's.
 *
 * @param planInput - The annual plan.
 * @param seq - The row's sequence number.
 * @param partsInput - The tasks to make: id, name, weight and window of each.
 * @param options - `baseCount`: the directory size a ratio row applies to.
 * @returns One task per part; their counts add up to the row's count.
 * @throws {@link ShuangsuijiError} `invalid-input` when the plan or parts are malformed, the row does not exist, a
 *   ratio row has no `baseCount`, a weight is not positive, or a part's window is outside the row's.
 * @category Planning
 * @example
 * ```ts
 * import { splitPlanRow, type AnnualPlan } from "shuangsuiji";
 * declare const plan: AnnualPlan;
 * const tasks = splitPlanRow(plan, 3, [
 *   { id: "T-3a", name: "成品油第一批", window: { start: "2026-06-01", end: "2026-07-31" }, scope: { description: "城区" }, weight: 2 },
 *   { id: "T-3b", name: "成品油第二批", window: { start: "2026-08-01", end: "2026-09-30" }, scope: { description: "乡镇" }, weight: 1 },
 * ]);
 * ```
 */
export function splitPlanRow(planInput: AnnualPlan, seq: number, partsInput: readonly TaskPart[], options: { readonly baseCount?: number } = {}): readonly SpotCheckTask[] {
  const plan = parsePlan(planInput);
  const parts = parseWith(PartsSchema, partsInput, "Chongqing 6.2", ["parts"]) as TaskPart[];
  const baseCount = parseWith(z.object({ baseCount: z.int().nonnegative().optional() }), options ?? {}, "Longting art. 14", ["options"]).baseCount;
  const fail = (path: (string | number)[], zh: string, en: string, value?: unknown): never => {
    throw new ShuangsuijiError("invalid-input", [{ path, rule: "plan-split", clause: "Chongqing 6.2", messageZh: zh, messageEn: en, ...(value === undefined ? {} : { value }) }]);
  };
  if (typeof seq !== "number" || !Number.isInteger(seq)) fail(["seq"], "计划行序号应为整数", "the plan row's sequence number is an integer", preview(seq));
  const row = plan.rows.find((r) => r.seq === seq) ?? fail(["seq"], "计划行不存在", `no plan row ${seq}`, seq);
  if (parts.length === 0) fail(["parts"], "至少拆分为一个任务", "at least one part");
  const base = baseCount ?? row.baseCount;
  const total = row.targetCount ?? (row.ratio !== undefined && base !== undefined ? Math.ceil((Math.round(row.ratio * 1e6) * base) / 1e6) : fail(["seq"], "计划行缺少抽取对象数量或抽查基数", "the row needs a target count, or a ratio with a base count (抽查基数)"));
  const weights = parts.map((p) => p.weight ?? 1);
  if (weights.some((w) => !(w >= 0)) || weights.every((w) => w === 0)) fail(["parts", "weight"], "权重应为非负数且不全为零", "weights are non-negative and not all zero");
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const remainder = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < remainder; k++) counts[(order[k] as readonly [number, number])[1]]! += 1;
  return deepFreeze(
    parts.map((p, i) => {
      if (p.window.start < row.window.start || p.window.end > row.window.end) fail(["parts", i, "window"], "任务执行时间应在计划抽查时间内", "a task's window must lie within the row's window", p.window);
      const r = SpotCheckTaskSchema.safeParse({
        id: p.id, planId: plan.id, planRowSeq: row.seq, name: p.name, initiatingDepartmentId: row.initiatingDepartmentId, cooperatingDepartmentIds: row.cooperatingDepartmentIds,
        scope: p.scope, ...(row.ratio === undefined ? {} : { ratio: row.ratio }), targetCount: counts[i], window: p.window, itemIds: [...row.initiatingItemIds, ...row.cooperatingItemIds],
      });
      if (!r.success) fail(["parts", i], "拆分出的任务无效", r.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; "));
      return (r as { data: SpotCheckTask }).data;
    }),
  );
}
