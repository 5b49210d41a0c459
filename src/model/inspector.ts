import { deepFreeze } from "../_internal/deepFreeze.js";
import * as z from "zod/v4";
import { IdSchema, PhoneSchema, TextSchema } from "./primitives.js";

/**
 * Inspector categories (人员类别). The first three are enforcement staff of the inspector directory (Wancheng art. 15;
 * Chongqing C.1 / 5 建立检查人员名录库); the last three are auxiliary (辅助检查人员: 检测机构, 科研院所, 专家学者 —
 * Chongqing 5, Wancheng art. 19, Yanshi 5) who assist but never count toward the two-inspector minimum.
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { INSPECTOR_CATEGORIES } from "shuangsuiji";
 * INSPECTOR_CATEGORIES.includes("expert"); // true
 * ```
 */
export const INSPECTOR_CATEGORIES = /* @__PURE__ */ deepFreeze([
  "enforcement-civil-servant",
  "qualified-staff",
  "supervision-staff",
  "testing-institution",
  "research-institute",
  "expert",
] as const);

/**
 * One of {@link INSPECTOR_CATEGORIES}.
 *
 * @category Model
 */
export type InspectorCategory = (typeof INSPECTOR_CATEGORIES)[number];

/**
 * Unit kind for the Yanshi 7.3 draw scopes: the bureau's own offices (局机关) or a market-regulation station
 * (市场监管所).
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { UNIT_KINDS } from "shuangsuiji";
 * UNIT_KINDS; // ["bureau", "station"]
 * ```
 */
export const UNIT_KINDS = /* @__PURE__ */ deepFreeze(["bureau", "station"] as const);

/**
 * An entry of the inspector directory (执法检查人员名录库): Chongqing table C.1 plus Yanshi 5 (单位, 职务, 执法证号).
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { InspectorSchema } from "shuangsuiji";
 * InspectorSchema.parse({
 *   id: "SCJG-001", name: "张伟", departmentId: "SCJG", unit: "城关市场监管所", unitKind: "station",
 *   certificateNumber: "豫41130001", category: "qualified-staff", expertise: ["食品", "特种设备"],
 * });
 * ```
 */
export const InspectorSchema = z
  .strictObject({
    /** 人员标识 — stable id. */
    id: IdSchema,
    /** 序号 — Chongqing C.1. */
    seq: z.int().positive().optional().meta({ description: "序号 (Chongqing C.1)" }),
    /** 姓名 — Chongqing C.1 (personal data). */
    name: TextSchema.meta({ description: "姓名 (Chongqing C.1)" }),
    /** 电话 — Chongqing C.1 (personal data). */
    phone: PhoneSchema.optional(),
    /** 所属区县 — Chongqing C.1. */
    county: TextSchema.optional().meta({ description: "所属区县 (Chongqing C.1)" }),
    /** 所属部门 — department id, Chongqing C.1. */
    departmentId: IdSchema.meta({ description: "所属部门 (Chongqing C.1)" }),
    /** 单位 — e.g. 城关市场监管所, Yanshi 5. */
    unit: TextSchema.optional().meta({ description: "单位 (Yanshi 5)" }),
    /** Bureau office or station, for Yanshi 7.3 scopes. */
    unitKind: z.enum(UNIT_KINDS).optional().meta({ description: "局机关/市场监管所 (Yanshi 7.3)" }),
    /** 职务 — Yanshi 5. */
    title: TextSchema.optional().meta({ description: "职务 (Yanshi 5)" }),
    /** 执法证号 — Yanshi 5; Wolong Annex B. */
    certificateNumber: TextSchema.optional().meta({ description: "执法证号 (Yanshi 5)" }),
    /** 人员类别 — Chongqing C.1. */
    category: z.enum(INSPECTOR_CATEGORIES).meta({ description: "人员类别 (Chongqing C.1; Wancheng art. 15)" }),
    /** 业务专长 — expertise tags, Chongqing C.1; Yanshi 5. */
    expertise: z.array(TextSchema).meta({ description: "业务专长 (Chongqing C.1)" }),
  })
  .meta({ description: "执法检查人员名录库 (Chongqing table C.1; Yanshi 5)" });

/**
 * An inspector directory entry; see {@link InspectorSchema}.
 *
 * @category Model
 */
export type Inspector = z.infer<typeof InspectorSchema>;
