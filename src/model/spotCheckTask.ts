import * as z from "zod/v4";
import { ruleMessage } from "../errors/rules.js";
import { DateRangeSchema, DivisionCodeSchema, IdSchema, RatioSchema, TextSchema } from "./primitives.js";

/**
 * A spot-check task (抽查任务): Wolong 2.2 (任务名称、配合单位、检查范围、检查比例、检查时间、检查事项) and Chongqing 6.2
 * (one plan may split into several tasks).
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { SpotCheckTaskSchema } from "shuangsuiji";
 * SpotCheckTaskSchema.parse({
 *   id: "T-2026-01", planId: "PLAN-2026", name: "餐饮服务单位联合抽查（第一批）", initiatingDepartmentId: "SCJG",
 *   cooperatingDepartmentIds: ["WJW"], scope: { description: "卧龙区餐饮服务经营者" }, ratio: 0.05,
 *   window: { start: "2026-04-01", end: "2026-05-31" }, itemIds: ["SCJG-02", "WJW-01"],
 * });
 * ```
 */
export const SpotCheckTaskSchema = z
  .strictObject({
    /** 任务标识. */
    id: IdSchema,
    /** 所属计划 — plan id (absent for an ad-hoc check, Longting art. 13). */
    planId: IdSchema.optional().meta({ description: "所属计划 (Chongqing 6.2)" }),
    /** 计划行序号 — the D.1 row the task implements. */
    planRowSeq: z.int().positive().optional().meta({ description: "计划行序号" }),
    /** 任务名称 — Wolong 2.2. */
    name: TextSchema.meta({ description: "任务名称 (Wolong 2.2)" }),
    /** 发起部门. */
    initiatingDepartmentId: IdSchema.meta({ description: "发起部门 (Longting art. 19)" }),
    /** 配合单位 — Wolong 2.2. */
    cooperatingDepartmentIds: z.array(IdSchema).meta({ description: "配合单位 (Wolong 2.2)" }),
    /** 检查范围 — Wolong 2.2. */
    scope: z
      .strictObject({
        /** 范围说明. */
        description: TextSchema,
        /** 行政区划 — districts in scope (Wancheng art. 18). */
        divisionCodes: z.array(DivisionCodeSchema).optional(),
      })
      .meta({ description: "检查范围 (Wolong 2.2)" }),
    /** 检查比例 — Wolong 2.2. */
    ratio: RatioSchema.optional(),
    /** 抽取对象数量 — a fixed count instead of a ratio. */
    targetCount: z.int().nonnegative().optional().meta({ description: "抽取对象数量" }),
    /** 检查时间 / 执行时间 — Wolong 2.2, Chongqing 6.2. */
    window: DateRangeSchema,
    /** 检查事项 — item ids, Wolong 2.2. */
    itemIds: z.array(IdSchema).min(1).meta({ description: "检查事项 (Wolong 2.2)" }),
    /** 临时性联合抽查 — outside the plan (Longting art. 13). */
    adHoc: z.boolean().optional().meta({ description: "临时性联合抽查 (Longting art. 13)" }),
    /**
     * Why an ad-hoc check is held outside the plan (Longting art. 13): 突发风险 `sudden-risk` (本地区重点领域突发风险和情况)
     * or 上级交办 `assigned-by-superior` (上级部门交办的工作), explained. Set by {@link planAdHocTask}.
     */
    adHocGround: z
      .strictObject({ ground: z.enum(["sudden-risk", "assigned-by-superior"]), explanation: TextSchema })
      .optional()
      .meta({ description: "临时性联合抽查的事由: 突发风险 / 上级交办 (Longting art. 13)" }),
  })
  .refine((t) => t.ratio !== undefined || t.targetCount !== undefined, {
    error: ruleMessage("plan-row-quantity"),
    path: ["ratio"],
  })
  .refine((t) => !t.cooperatingDepartmentIds.includes(t.initiatingDepartmentId), {
    error: ruleMessage("initiating-not-cooperating"),
    path: ["cooperatingDepartmentIds"],
  })
  .meta({ description: "抽查任务 (Wolong 2.2; Chongqing 6.2)" });

/**
 * A spot-check task; see {@link SpotCheckTaskSchema}.
 *
 * @category Model
 */
export type SpotCheckTask = z.infer<typeof SpotCheckTaskSchema>;

/**
 * A spot-check task as plain input data (dates as `YYYY-MM-DD` strings), before validation.
 *
 * @category Model
 */
export type SpotCheckTaskInput = z.input<typeof SpotCheckTaskSchema>;

/**
 * An inspection scheme (检查方案 / 联合监管工作方案): time, targets, items, procedure and result handling — Wolong 2.1,
 * Longting art. 17, Chongqing 6.1, Wancheng art. 17.
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { InspectionSchemeSchema } from "shuangsuiji";
 * InspectionSchemeSchema.parse({
 *   id: "S-1", taskId: "T-2026-01", window: { start: "2026-04-01", end: "2026-05-31" }, targetDescription: "抽中的餐饮服务经营者",
 *   itemIds: ["SCJG-02"], procedure: "实地核查，一次完成", resultHandling: "20个工作日内公示",
 * });
 * ```
 */
export const InspectionSchemeSchema = z
  .strictObject({
    /** 方案标识. */
    id: IdSchema,
    /** 任务标识. */
    taskId: IdSchema,
    /** 检查时间 — Wolong 2.1. */
    window: DateRangeSchema,
    /** 检查对象 — Wolong 2.1. */
    targetDescription: TextSchema.meta({ description: "检查对象 (Wolong 2.1)" }),
    /** 抽查事项 — Wolong 2.1. */
    itemIds: z.array(IdSchema).min(1),
    /** 检查内容/重点 — Chongqing 6.1. */
    content: TextSchema.optional().meta({ description: "检查内容 (Chongqing 6.1)" }),
    /** 抽查检查流程 — Wolong 2.1. */
    procedure: TextSchema.meta({ description: "抽查检查流程 (Wolong 2.1)" }),
    /** 结果处理方式 — Wolong 2.1. */
    resultHandling: TextSchema.meta({ description: "结果处理方式 (Wolong 2.1)" }),
    /** 职责分工 — Longting art. 17. */
    responsibilities: z.array(TextSchema).optional().meta({ description: "职责分工 (Longting art. 17)" }),
  })
  .meta({ description: "检查方案 (Wolong 2.1; Chongqing 6.1)" });

/**
 * An inspection scheme; see {@link InspectionSchemeSchema}.
 *
 * @category Model
 */
export type InspectionScheme = z.infer<typeof InspectionSchemeSchema>;
