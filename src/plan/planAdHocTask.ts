import { readPlain } from "../_internal/boundary.js";
import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import { issuesFromZod } from "../errors/_fromZod.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { SpotCheckTaskSchema, type SpotCheckTask, type SpotCheckTaskInput } from "../model/spotCheckTask.js";

/**
 * Plans an ad-hoc joint check outside the annual plan (临时性联合抽查, Longting art. 13): for sudden risks in key
 * fields or work assigned by a higher authority. The task is marked `adHoc` and may not name a plan.
 *
 * @param rawTask - The task, without a plan reference.
 * @param rawWhy - The `ground` (`sudden-risk` or `assigned-by-superior`) and its `explanation`.
 * @returns The validated task, marked `adHoc`, with its `adHocGround` (`{ ground, explanation }`): what
 *   {@link startTask} needs to start a task outside the plan where the preset allows it (`taskPlan.adHocGrounds`).
 * @throws {@link ShuangsuijiError} `invalid-input` when the ground is unknown or unexplained, the task names a plan, or
 *   the task is malformed (every problem listed).
 * @category Planning
 * @example
 * ```ts
 * import { planAdHocTask } from "shuangsuiji";
 * planAdHocTask(
 *   { id: "T-ADHOC-1", name: "燃气安全专项联合检查", initiatingDepartmentId: "YJGL", cooperatingDepartmentIds: ["SCJG"],
 *     scope: { description: "城区餐饮场所" }, targetCount: 30, window: { start: "2026-07-01", end: "2026-07-20" }, itemIds: ["YJGL-01"] },
 *   { ground: "sudden-risk", explanation: "燃气泄漏事故后的专项排查" },
 * );
 * ```
 */
export function planAdHocTask(rawTask: SpotCheckTaskInput, rawWhy: { readonly ground: "sudden-risk" | "assigned-by-superior"; readonly explanation: string }): SpotCheckTask & { readonly adHoc: true; readonly adHocGround: NonNullable<SpotCheckTask["adHocGround"]> } {
  const task = readPlain(rawTask, ["task"]) as SpotCheckTaskInput;
  const why = readPlain(rawWhy, ["why"]) as typeof rawWhy;
  const planId = task !== null && typeof task === "object" ? task.planId : undefined;
  const explanation = why !== null && typeof why === "object" && typeof why.explanation === "string" ? why.explanation.trim() : "";
  const ground = why !== null && typeof why === "object" ? why.ground : undefined;
  if (planId !== undefined || explanation === "" || (ground !== "sudden-risk" && ground !== "assigned-by-superior")) {
    throw new ShuangsuijiError("invalid-input", [
      { path: planId !== undefined ? ["planId"] : explanation === "" ? ["explanation"] : ["ground"], rule: "ad-hoc", clause: "Longting art. 13", messageZh: "临时性联合抽查不属于年度计划，须说明突发风险或上级交办的情况", messageEn: "an ad-hoc check is outside the plan and needs its ground explained (sudden risk or assignment from above)" },
    ]);
  }
  const r = SpotCheckTaskSchema.safeParse({ ...task, adHoc: true, adHocGround: { ground, explanation } });
  if (!r.success) throw new ShuangsuijiError("invalid-input", issuesFromZod(r.error.issues, { clause: "Longting art. 13; Wolong 2.2" }, task), { cause: r.error });
  return deepFreeze(r.data as SpotCheckTask & { readonly adHoc: true; readonly adHocGround: NonNullable<SpotCheckTask["adHocGround"]> });
}
