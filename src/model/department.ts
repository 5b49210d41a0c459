import { deepFreeze } from "../_internal/deepFreeze.js";
import * as z from "zod/v4";
import { DivisionCodeSchema, IdSchema, TextSchema } from "./primitives.js";

/**
 * Administrative level of a department (执法层级, Wancheng art. 15; Wancheng art. 18 province/city/county).
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { DEPARTMENT_LEVELS } from "shuangsuiji";
 * DEPARTMENT_LEVELS.includes("county"); // true
 * ```
 */
export const DEPARTMENT_LEVELS = /* @__PURE__ */ deepFreeze(["province", "city", "county", "township"] as const);

/**
 * A regulating department (监管部门) — a member unit of the joint-meeting office that initiates or cooperates in joint
 * checks (Longting art. 2, 10), or one of its units (a 市场监管所, station, for Yanshi 7.3 draw scopes).
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { DepartmentSchema } from "shuangsuiji";
 * DepartmentSchema.parse({ id: "SCJG", name: "区市场监督管理局", level: "county", divisionCode: "411303" });
 * ```
 */
export const DepartmentSchema = z
  .strictObject({
    /** 部门标识 — stable id. */
    id: IdSchema,
    /** 部门名称 — e.g. 区市场监督管理局. */
    name: TextSchema.meta({ description: "部门名称" }),
    /** 层级 — province, city, county or township. */
    level: z.enum(DEPARTMENT_LEVELS).optional().meta({ description: "层级 (Wancheng art. 18)" }),
    /** 行政区划代码 of its jurisdiction. */
    divisionCode: DivisionCodeSchema.optional(),
    /** 上级部门 — for a station, the bureau it belongs to. */
    parentId: IdSchema.optional().meta({ description: "上级部门标识" }),
    /** 主管领域 — fields in which it is the competent department (Longting art. 10: who may initiate). */
    competentFields: z.array(TextSchema).optional().meta({ description: "主管/重要监管职责领域 (Longting art. 10)" }),
  })
  .meta({ description: "监管部门 (Longting art. 2, 10)" });

/**
 * A regulating department; see {@link DepartmentSchema}.
 *
 * @category Model
 */
export type Department = z.infer<typeof DepartmentSchema>;
