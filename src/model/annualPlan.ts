import * as z from "zod/v4";
import { ruleMessage } from "../errors/rules.js";
import { CivilDateSchema, DateRangeSchema, IdSchema, RatioSchema, TextSchema } from "./primitives.js";

/**
 * One row of the annual plan (年度抽查工作计划表), Chongqing table D.1, with the Longting art. 14 additions
 * (实施主体, 责任分工, 抽查基数).
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { AnnualPlanRowSchema } from "shuangsuiji";
 * AnnualPlanRowSchema.parse({
 *   seq: 1, name: "餐饮服务单位联合抽查", initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: ["WJW"],
 *   initiatingItemIds: ["SCJG-02"], cooperatingItemIds: ["WJW-01"], targetDescription: "餐饮服务经营者",
 *   window: { start: "2026-04-01", end: "2026-06-30" }, ratio: 0.05,
 * });
 * ```
 */
export const AnnualPlanRowSchema = z
  .strictObject({
    /** 序号 — Chongqing D.1. */
    seq: z.int().positive().meta({ description: "序号 (Chongqing D.1)" }),
    /** 计划名称 — Chongqing D.1. */
    name: TextSchema.meta({ description: "计划名称 (Chongqing D.1)" }),
    /** 发起部门 — Chongqing D.1. */
    initiatingDepartmentId: IdSchema.meta({ description: "发起部门 (Chongqing D.1)" }),
    /** 配合部门 — Chongqing D.1. */
    cooperatingDepartmentIds: z.array(IdSchema).meta({ description: "配合部门 (Chongqing D.1)" }),
    /** 抽查事项（发起部门） — Chongqing D.1. */
    initiatingItemIds: z.array(IdSchema).min(1).meta({ description: "抽查事项-发起部门 (Chongqing D.1)" }),
    /** 抽查事项（配合部门） — Chongqing D.1. */
    cooperatingItemIds: z.array(IdSchema).meta({ description: "抽查事项-配合部门 (Chongqing D.1)" }),
    /** 抽查对象 — Chongqing D.1. */
    targetDescription: TextSchema.meta({ description: "抽查对象 (Chongqing D.1)" }),
    /** 抽查时间 — Chongqing D.1. */
    window: DateRangeSchema,
    /** 抽查比例 — Chongqing D.1. */
    ratio: RatioSchema.optional(),
    /** 抽取对象数量（户） — Chongqing D.1. */
    targetCount: z.int().nonnegative().optional().meta({ description: "抽取对象数量（户） (Chongqing D.1)" }),
    /** 抽查基数 — Longting art. 14. */
    baseCount: z.int().nonnegative().optional().meta({ description: "抽查基数 (Longting art. 14)" }),
    /** The risk or credit class the row samples (差异化抽查, Longting art. 15; Chongqing 6.3), e.g. `C`. */
    riskClass: IdSchema.optional().meta({ description: "风险或信用类别 (Longting art. 15)" }),
    /** 抽查频次: inspections of the row's targets per year (Longting arts. 15–16), at least 1. */
    frequencyPerYear: z.int().positive().max(366).optional().meta({ description: "抽查频次（次/年） (Longting arts. 15–16)" }),
    /** 实施主体/责任分工 — Longting art. 14. */
    responsibleUnits: z.array(TextSchema).optional().meta({ description: "实施主体、责任分工 (Longting art. 14)" }),
  })
  .refine((r) => r.ratio !== undefined || r.targetCount !== undefined, {
    error: ruleMessage("plan-row-quantity"),
    path: ["ratio"],
  })
  .meta({ description: "年度抽查工作计划表行 (Chongqing table D.1; Longting art. 14)" });

/**
 * A plan row; see {@link AnnualPlanRowSchema}.
 *
 * @category Model
 */
export type AnnualPlanRow = z.infer<typeof AnnualPlanRowSchema>;

/**
 * An annual joint spot-check plan (年度联合抽查工作计划), Chongqing 5 and table D.1; Longting art. 12–16.
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { AnnualPlanSchema } from "shuangsuiji";
 * const r = AnnualPlanSchema.safeParse({ id: "P-2026", year: 2026, name: "2026年度计划", rows: [] });
 * r.success; // false: a plan has at least one row
 * ```
 */
export const AnnualPlanSchema = z
  .strictObject({
    /** 计划标识. */
    id: IdSchema,
    /** 年度. */
    year: z.int().min(2000).max(2100).meta({ description: "年度" }),
    /** 计划名称. */
    name: TextSchema.meta({ description: "计划名称" }),
    /** 辖区/制定单位 — e.g. 卧龙区联席办. */
    jurisdiction: TextSchema.optional().meta({ description: "制定单位/辖区" }),
    /** 公示日期 — Chongqing 5 (by 31 March), Wancheng art. 5 (by end of February). */
    publishedOn: CivilDateSchema.optional(),
    /** Rows of table D.1. */
    rows: z.array(AnnualPlanRowSchema).min(1),
  })
  .refine((p) => new Set(p.rows.map((r) => r.seq)).size === p.rows.length, {
    error: ruleMessage("unique-ids"),
    path: ["rows"],
  })
  .meta({ description: "年度联合抽查工作计划 (Chongqing table D.1)" });

/**
 * An annual plan; see {@link AnnualPlanSchema}.
 *
 * @category Model
 */
export type AnnualPlan = z.infer<typeof AnnualPlanSchema>;
