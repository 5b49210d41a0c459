import { invalid, readOptions } from "../_internal/boundary.js";
import * as z from "zod/v4";
import { ruleMessage } from "../errors/rules.js";
import type { RuleId } from "../errors/rules.js";
import { parseRegistrationNumber } from "../ids/parseRegistrationNumber.js";
import { parseResidentId } from "../ids/parseResidentId.js";
import { parseUscc } from "../ids/parseUscc.js";
import { OPERATING_STATUSES, TARGET_CODE_TYPES } from "./_codes.js";
import {
  CivilDateSchema,
  DEFAULT_RISK_CLASSES,
  DivisionCodeSchema,
  IdSchema,
  PhoneSchema,
  ResidentIdSchema,
  TextSchema,
  UsccSchema,
} from "./primitives.js";

/** Rules broken by a parsed code; a code that is valid only after normalisation (spaces, full-width) is not canonical. */
function codeProblems(r: { readonly ok: boolean; readonly normalization: readonly string[]; readonly issues?: readonly { readonly rule: string }[] }): RuleId[] {
  if (!r.ok) return (r.issues ?? []).map((i) => i.rule as RuleId);
  return r.normalization.length > 0 ? ["target-code-type"] : [];
}

export { OPERATING_STATUSES, TARGET_CODE_TYPES } from "./_codes.js";

/**
 * Options of {@link createInspectionTargetSchema}.
 *
 * @category Model
 */
export interface TargetSchemaOptions {
  /** The credit-risk classes allowed; default {@link DEFAULT_RISK_CLASSES}. */
  readonly riskClasses?: readonly [string, ...string[]];
}

/**
 * Builds the target-directory schema (检查对象名录库) for a given set of credit-risk classes. The result is a
 * discriminated union on `kind`:
 * - `organisation` — 行政相对人（组织/个人）, Chongqing table B.1;
 * - `site` — 场地场所, Chongqing table B.2;
 * - `product` — 产品, Chongqing table B.3;
 * - `project` — 项目、行为, Wancheng art. 14 / Chongqing 5.1 (no table; the common fields only).
 *
 * @param options - `riskClasses`: the strata names (default A–D).
 * @returns The zod schema of a target-directory record.
 * @throws {@link ShuangsuijiError} `invalid-input` when `options` is not an object or `riskClasses` is not 1–100
 *   non-empty names.
 * @category Model
 * @example
 * ```ts
 * import { createInspectionTargetSchema } from "shuangsuiji";
 * const FiveClassTarget = createInspectionTargetSchema({ riskClasses: ["A", "B", "C", "D", "E"] });
 * ```
 */
export function createInspectionTargetSchema(options: TargetSchemaOptions = {}) {
  const o = readOptions(options, ["options"], ["riskClasses"]);
  const given = o.riskClasses;
  if (given !== undefined && (!Array.isArray(given) || given.length === 0 || given.length > 100 || !given.every((c) => typeof c === "string" && c.length > 0 && c.length <= 50))) {
    invalid(["options", "riskClasses"], "expected 1–100 non-empty class names", "应为1–100个非空的分类名称", given);
  }
  const classes = (given as readonly [string, ...string[]] | undefined) ?? DEFAULT_RISK_CLASSES;
  const riskClass = z.enum(classes as readonly [string, ...string[]], { error: ruleMessage("risk-class") }).meta({
    description: `信用风险分类 (${classes.join("/")}; 国市监信发〔2022〕6号)`,
  });
  const common = {
    /** 标识 — the canonical id (for an organisation: its 行政相对人编码). */
    id: IdSchema,
    /** 信用风险分类 — credit-risk class, the draw's stratum. */
    riskClass,
    /** 行政区划代码 — Chongqing B.1–B.3. */
    divisionCode: DivisionCodeSchema,
    /** 所属区县 — Chongqing B.1–B.3. */
    county: TextSchema.optional().meta({ description: "所属区县 (Chongqing B.1–B.3)" }),
    /** 检查地址 — Chongqing B.1–B.3. */
    address: TextSchema.optional().meta({ description: "检查地址 (Chongqing B.1–B.3)" }),
    /** 检查联系电话 — Chongqing B.1–B.3 (personal data). */
    phone: PhoneSchema.optional(),
    /** 行政相对人性质 — e.g. 企业, 个体工商户, 农民专业合作社, 其他. */
    nature: TextSchema.optional().meta({ description: "行政相对人性质 (Chongqing B.1–B.3)" }),
    /** 成立/登记日期 — for the directory cut-off (Yanshi 7.2). */
    registrationDate: CivilDateSchema.optional(),
    /** 登记状态 — for the directory cut-off (Yanshi 7.2: 存续). */
    status: z.enum(OPERATING_STATUSES).optional().meta({ description: "登记状态 (Yanshi 7.2)" }),
    /** 监管部门 — departments with remit over it (Longting art. 18; used to dispatch the drawn list). */
    departmentIds: z.array(IdSchema).optional().meta({ description: "有监管职责的部门 (Longting art. 18)" }),
    /** 行业 — industries, for 一业一查 (Wancheng art. 2). */
    industries: z.array(TextSchema).optional().meta({ description: "行业 (Wancheng art. 2)" }),
  };
  const Organisation = z
    .strictObject({
      kind: z.literal("organisation"),
      ...common,
      /** 行政相对人名称 — Chongqing B.1. */
      name: TextSchema.meta({ description: "行政相对人名称 (Chongqing B.1)" }),
      /** 行政相对人编码 — USCC, registration number or ID number (Chongqing B.1). */
      code: TextSchema.meta({ description: "行政相对人编码 (Chongqing B.1)" }),
      /** Kind of `code`. */
      codeType: z.enum(TARGET_CODE_TYPES).meta({ description: "编码类型" }),
      /** 法定代表人/负责人 — Wolong Annex B, Chongqing F.1. */
      legalRepresentative: TextSchema.optional().meta({ description: "法定代表人/负责人 (Wolong Annex B)" }),
    })
    .superRefine((t, ctx) => {
      // Report the identifier's own rule (e.g. the GB 32100 check character), not just "wrong code".
      const problems =
        t.codeType === "uscc"
          ? codeProblems(parseUscc(t.code))
          : t.codeType === "registration-number"
            ? codeProblems(parseRegistrationNumber(t.code))
            : t.codeType === "resident-id"
              ? codeProblems(parseResidentId(t.code))
              : [];
      for (const rule of problems) ctx.addIssue({ code: "custom", message: ruleMessage(rule), path: ["code"] });
    })
    .refine((t) => t.id === t.code, { error: ruleMessage("target-id-canonical"), path: ["id"] })
    .meta({ description: "检查对象名录库（行政相对人（组织/个人））Chongqing table B.1" });
  const Site = z
    .strictObject({
      kind: z.literal("site"),
      ...common,
      /** 场地场所 — Chongqing B.2. */
      name: TextSchema.meta({ description: "场地场所 (Chongqing B.2)" }),
      /** 所在地区 — Chongqing B.2. */
      region: TextSchema.optional().meta({ description: "所在地区 (Chongqing B.2)" }),
      /** 行政区划 (name) — Chongqing B.2. */
      divisionName: TextSchema.optional().meta({ description: "行政区划 (Chongqing B.2)" }),
      /** 责任单位 — Chongqing B.2. */
      responsibleUnit: TextSchema.meta({ description: "责任单位 (Chongqing B.2)" }),
      /** 责任单位统一社会信用代码 — Chongqing B.2. */
      responsibleUnitUscc: UsccSchema.optional(),
      /** 责任人 — Chongqing B.2 (personal data). */
      responsiblePerson: TextSchema.optional().meta({ description: "责任人 (Chongqing B.2)" }),
      /** 责任人证件类型 — Chongqing B.2. */
      responsiblePersonIdType: z.enum(["resident-id", "passport", "other"]).optional().meta({ description: "责任人证件类型 (Chongqing B.2)" }),
      /** 责任人证件编码 — Chongqing B.2 (personal data; a resident ID is checked when the type says so). */
      responsiblePersonIdNumber: TextSchema.optional().meta({ description: "责任人证件编码 (Chongqing B.2)" }),
      /** 场所用途 — Chongqing B.2. */
      usage: TextSchema.optional().meta({ description: "场所用途 (Chongqing B.2)" }),
      /** 场所规模 — Chongqing B.2. */
      scale: TextSchema.optional().meta({ description: "场所规模 (Chongqing B.2)" }),
      /** 投入使用开始时间 — Chongqing B.2. */
      inServiceDate: CivilDateSchema.optional(),
      /** 使用寿命 (years) — Chongqing B.2. */
      serviceLifeYears: z.number().positive().optional().meta({ description: "使用寿命（年） (Chongqing B.2)" }),
    })
    .refine(
      (t) => t.responsiblePersonIdType !== "resident-id" || t.responsiblePersonIdNumber === undefined || ResidentIdSchema.safeParse(t.responsiblePersonIdNumber).success,
      { error: ruleMessage("resident-id-check"), path: ["responsiblePersonIdNumber"] },
    )
    .meta({ description: "检查对象名录库（场地场所）Chongqing table B.2" });
  const Product = z
    .strictObject({
      kind: z.literal("product"),
      ...common,
      /** 企业名称 — Chongqing B.3. */
      name: TextSchema.meta({ description: "企业名称 (Chongqing B.3)" }),
      /** 生产许可证编号 — Chongqing B.3; the product record's natural id. */
      licenceNumber: TextSchema.meta({ description: "生产许可证编号 (Chongqing B.3)" }),
      /** 统一社会信用代码 — Chongqing B.3. */
      uscc: UsccSchema,
      /** 产品名称 — not a column of B.3; optional. */
      productName: TextSchema.optional().meta({ description: "产品名称" }),
      /** 发证日期 — Chongqing B.3. */
      issueDate: CivilDateSchema.optional(),
      /** 有效期至 — Chongqing B.3. */
      expiryDate: CivilDateSchema.optional(),
    })
    .refine((t) => t.issueDate === undefined || t.expiryDate === undefined || t.issueDate <= t.expiryDate, {
      error: ruleMessage("licence-validity"),
      path: ["expiryDate"],
    })
    .meta({ description: "检查对象名录库（产品）Chongqing table B.3" });
  const Project = z
    .strictObject({
      kind: z.literal("project"),
      ...common,
      /** 项目/行为名称 — Wancheng art. 14. */
      name: TextSchema.meta({ description: "项目/行为名称 (Wancheng art. 14)" }),
      /** 说明. */
      description: TextSchema.optional().meta({ description: "说明" }),
      /** 责任单位. */
      responsibleUnit: TextSchema.optional().meta({ description: "责任单位" }),
      /** 责任单位统一社会信用代码. */
      uscc: UsccSchema.optional(),
    })
    .meta({ description: "检查对象名录库（项目、行为）Wancheng art. 14" });
  return z
    .discriminatedUnion("kind", [Organisation, Site, Product, Project])
    .meta({ description: "检查对象名录库记录 (Chongqing tables B.1–B.3; Wancheng art. 14)" });
}

/**
 * A target-directory record with the default A–D risk classes; see {@link createInspectionTargetSchema}.
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { InspectionTargetSchema } from "shuangsuiji";
 * const t = InspectionTargetSchema.parse({
 *   kind: "site", id: "SITE-1", name: "某加油站", responsibleUnit: "某石油销售有限公司", riskClass: "C", divisionCode: "411303",
 * });
 * if (t.kind === "site") console.log(t.responsibleUnit);
 * ```
 */
export const InspectionTargetSchema = createInspectionTargetSchema();

/**
 * A target-directory record (检查对象); see {@link InspectionTargetSchema}.
 *
 * @category Model
 */
export type InspectionTarget = z.infer<typeof InspectionTargetSchema>;
