import { deepFreeze } from "../_internal/deepFreeze.js";
import * as z from "zod/v4";
import { ruleMessage } from "../errors/rules.js";
import { IdSchema, RatioSchema, TextSchema } from "./primitives.js";

/**
 * Key or general inspection item (重点检查事项 / 一般检查事项, Chongqing 5.2).
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { ITEM_CATEGORIES } from "shuangsuiji";
 * ITEM_CATEGORIES; // ["key", "general"]
 * ```
 */
export const ITEM_CATEGORIES = /* @__PURE__ */ deepFreeze(["key", "general"] as const);

/**
 * Inspection methods (检查方式): on-site (实地核查/现场检查), documents (书面检查), online monitoring (网络监测/网络检查),
 * sampling and testing (抽样检测), commissioning a professional body (委托专业机构检查), remote/non-site supervision
 * (非现场监管). Longting art. 20; Yanshi 6; Wancheng art. 20.
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { INSPECTION_METHODS } from "shuangsuiji";
 * INSPECTION_METHODS.includes("on-site"); // true
 * ```
 */
export const INSPECTION_METHODS = /* @__PURE__ */ deepFreeze(["on-site", "documents", "online", "sampling-test", "commissioned", "remote"] as const);

/**
 * The categories Chongqing 6.5 names as exempt from advance notice (依法依规不予提前告知): food production and sale
 * (食品生产和销售企业), catering (餐饮服务), edible farm-produce markets (食用农产品交易市场) and work safety (安全生产).
 * An item states its category in `advanceNoticeCategory`; a preset exempts it only if its
 * `advanceNoticeExemptions.categories` lists the category.
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { ADVANCE_NOTICE_CATEGORIES } from "shuangsuiji";
 * ADVANCE_NOTICE_CATEGORIES.includes("catering"); // true
 * ```
 */
export const ADVANCE_NOTICE_CATEGORIES = /* @__PURE__ */ deepFreeze(["food-production-and-sale", "catering", "edible-farm-produce-market", "work-safety"] as const);

/**
 * An entry of the inspection item list (抽查事项清单), Chongqing table A.1 and 5.1, Wancheng art. 13, Longting art. 10.
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { InspectionItemSchema } from "shuangsuiji";
 * InspectionItemSchema.parse({
 *   id: "SCJG-02", field: "食品经营", name: "食品经营者落实食品安全主体责任情况检查", objectType: "食品经营者",
 *   initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: ["WJW"], category: "key",
 * });
 * ```
 */
export const InspectionItemSchema = z
  .strictObject({
    /** 事项标识 — stable id. */
    id: IdSchema,
    /** 序号 — row number in table A.1. */
    seq: z.int().positive().optional().meta({ description: "序号 (Chongqing A.1)" }),
    /** 抽查领域 — field. */
    field: TextSchema.meta({ description: "抽查领域 (Chongqing A.1)" }),
    /** 抽查事项 — the item. */
    name: TextSchema.meta({ description: "抽查事项 (Chongqing A.1)" }),
    /** 检查对象 — object type. */
    objectType: TextSchema.meta({ description: "检查对象 (Chongqing A.1)" }),
    /** 发起部门 — initiating department id (Longting art. 10). */
    initiatingDepartmentId: IdSchema.meta({ description: "发起部门 (Chongqing A.1; Longting art. 10)" }),
    /** 配合部门 — cooperating department ids. */
    cooperatingDepartmentIds: z.array(IdSchema).meta({ description: "配合部门 (Chongqing A.1)" }),
    /** 事项类别 — key (no ratio cap) or general (capped). */
    category: z.enum(ITEM_CATEGORIES).meta({ description: "事项类别 重点/一般 (Chongqing 5.2)" }),
    /** 检查主体 — the body that inspects. */
    subject: TextSchema.optional().meta({ description: "检查主体 (Chongqing 5.1; Wancheng art. 13)" }),
    /** 检查方式 — methods. */
    methods: z.array(z.enum(INSPECTION_METHODS)).optional().meta({ description: "检查方式 (Chongqing 5.1)" }),
    /** 检查依据 — legal basis. */
    basis: TextSchema.optional().meta({ description: "检查依据 (Chongqing 5.1; Wancheng art. 13)" }),
    /** 检查内容 — what is checked. */
    content: TextSchema.optional().meta({ description: "检查内容 (Wancheng art. 13)" }),
    /** 抽查比例上限 — cap for a general item (Chongqing 5.2); a key item has none. */
    maxRatio: RatioSchema.optional().meta({ description: "抽查比例上限 (general items only, Chongqing 5.2)" }),
    /**
     * 依法依规不予提前告知 — the item is exempt from advance notice by law or rule (Chongqing 6.5: food production and
     * sale, catering, edible farm-produce markets, work safety). Explicit: keywords in the item's text only suggest it.
     */
    noAdvanceNotice: z.boolean().optional().meta({ description: "依法依规不予提前告知 (Chongqing 6.5)" }),
    /**
     * The Chongqing 6.5 category the item belongs to (食品生产和销售企业、餐饮服务、食用农产品交易市场、安全生产), stated on the
     * item list: exempts the item from advance notice under a preset that names the category. Keywords in the item's
     * text only suggest it.
     */
    advanceNoticeCategory: z.enum(ADVANCE_NOTICE_CATEGORIES).optional().meta({ description: "不予提前告知的检查类别 (Chongqing 6.5)" }),
    /** 业务专长要求 — expertise tags an inspector needs for this item (Longting art. 18). */
    requiredExpertise: z.array(TextSchema).optional().meta({ description: "所需业务专长 (Longting art. 18)" }),
    /** 备注 — remarks. */
    remarks: z.string().optional().meta({ description: "备注 (Chongqing A.1)" }),
  })
  .refine((i) => !(i.category === "key" && i.maxRatio !== undefined), {
    error: ruleMessage("key-item-no-cap"),
    path: ["maxRatio"],
  })
  .refine((i) => !(i.advanceNoticeCategory !== undefined && i.noAdvanceNotice === false), {
    error: ruleMessage("advance-notice-category"),
    path: ["noAdvanceNotice"],
  })
  .refine((i) => !i.cooperatingDepartmentIds.includes(i.initiatingDepartmentId), {
    error: ruleMessage("initiating-not-cooperating"),
    path: ["cooperatingDepartmentIds"],
  })
  .meta({ description: "抽查事项清单条目 (Chongqing table A.1)" });

/**
 * An inspection item list entry; see {@link InspectionItemSchema}.
 *
 * @category Model
 */
export type InspectionItem = z.infer<typeof InspectionItemSchema>;
