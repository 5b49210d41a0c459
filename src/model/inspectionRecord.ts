import * as z from "zod/v4";
import { OUTCOME_IDS } from "../codes/OUTCOMES.js";
import { ruleMessage } from "../errors/rules.js";
import { CivilDateSchema, IdSchema, PhoneSchema, TextSchema } from "./primitives.js";

/**
 * An outcome id (检查结果); see {@link OUTCOMES}.
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { OutcomeIdSchema } from "shuangsuiji";
 * OutcomeIdSchema.parse("non-compliant");
 * ```
 */
export const OutcomeIdSchema = z.enum(OUTCOME_IDS).meta({ description: "检查结果 (Wolong Annex B; Wancheng art. 21; Chongqing 6.6)" });

const TargetConfirmationSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({
      /** The target signed or sealed the form (签字/盖章). */
      kind: z.literal("signed"),
      /** 签字日期. */
      signedOn: CivilDateSchema,
      /** 签字人. */
      signatory: TextSchema.optional(),
    }),
    z.strictObject({
      /** The target refused to sign; the inspectors recorded it on the spot (Longting art. 21; Wancheng art. 20). */
      kind: z.literal("refused"),
      /** Inspector ids who recorded the refusal. */
      recordedBy: z.array(IdSchema).min(1),
      /** 录音、录像、见证人 — evidence of the refusal (Wancheng art. 20). */
      evidence: z.array(TextSchema).min(1, { error: ruleMessage("refusal-evidence") }),
      /** 记录说明. */
      statement: TextSchema,
    }),
    z.strictObject({
      /**
       * Direct result without the target's confirmation: unreachable at the registered address or seriously
       * non-cooperative, decided on the evidence obtained (Wancheng art. 20).
       */
      kind: z.literal("direct-result"),
      /** Why. */
      reason: z.enum(["unreachable", "seriously-non-cooperative"]),
      /** 相关证据. */
      evidence: z.array(TextSchema).min(1, { error: ruleMessage("refusal-evidence") }),
    }),
  ])
  .meta({ description: "检查对象签字确认/拒签记录/直接形成结果 (Longting art. 21; Wancheng art. 20)" });

/**
 * The joint inspection record form (抽查情况记录表): Wolong Annex B and Chongqing table F.1 — inspectors, target,
 * per-department items and results (several outcomes allowed), handling opinion, remarks, and the target's signature,
 * recorded refusal or direct result.
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { InspectionRecordSchema } from "shuangsuiji";
 * InspectionRecordSchema.parse({
 *   id: "R-1", taskId: "T-1", inspectedOn: "2026-05-12",
 *   inspectors: [{ inspectorId: "SCJG-001", name: "张伟", unit: "区市场监督管理局" }],
 *   target: { targetId: "91350100M000100Y43", name: "某某有限公司" },
 *   departments: [{ departmentId: "SCJG", items: [{ itemName: "企业公示信息情况的检查", outcomes: ["no-problem-found"] }] }],
 *   targetConfirmation: { kind: "signed", signedOn: "2026-05-12" },
 *   inspectorSignatures: [{ inspectorId: "SCJG-001", signedOn: "2026-05-12" }],
 * });
 * ```
 */
export const InspectionRecordSchema = z
  .strictObject({
    /** 记录标识. */
    id: IdSchema,
    /** 任务标识. */
    taskId: IdSchema,
    /** 检查日期. */
    inspectedOn: CivilDateSchema,
    /** 执法人员 — 姓名、单位、执法证号、电话 (Wolong Annex B). */
    inspectors: z
      .array(
        z.strictObject({
          inspectorId: IdSchema,
          name: TextSchema,
          unit: TextSchema,
          certificateNumber: TextSchema.optional(),
          phone: PhoneSchema.optional(),
        }),
      )
      .min(1)
      .meta({ description: "执法人员 (Wolong Annex B)" }),
    /** 检查对象 — Wolong Annex B; Chongqing F.1. */
    target: z
      .strictObject({
        /** Target id in the directory. */
        targetId: IdSchema,
        /** 名称/主体名称. */
        name: TextSchema,
        /** 统一社会信用代码/注册号. */
        code: TextSchema.optional(),
        /** 法定代表人/负责人. */
        legalRepresentative: TextSchema.optional(),
        /** 证件（照）号码 — Chongqing F.1 (personal data). */
        idNumber: TextSchema.optional(),
        /** 电话. */
        phone: PhoneSchema.optional(),
        /** 地址/检查地址. */
        address: TextSchema.optional(),
        /** 所属区县. */
        county: TextSchema.optional(),
      })
      .meta({ description: "检查对象 (Wolong Annex B; Chongqing F.1)" }),
    /** 检查单位 — per department: 检查事项 and 检查结果. */
    departments: z
      .array(
        z.strictObject({
          departmentId: IdSchema,
          items: z
            .array(
              z.strictObject({
                itemId: IdSchema.optional(),
                /** 检查事项. */
                itemName: TextSchema,
                /** 检查结果 — one or more outcomes. */
                outcomes: z.array(OutcomeIdSchema).min(1, { error: ruleMessage("record-results") }),
                /** 记录情况 (Chongqing F.1). */
                notes: z.string().optional(),
              }),
            )
            .min(1),
        }),
      )
      .min(1)
      .meta({ description: "检查单位、检查事项、检查结果 (Wolong Annex B)" }),
    /** 处理意见 — Wolong Annex B. */
    handlingOpinion: z.string().optional().meta({ description: "处理意见 (Wolong Annex B)" }),
    /** 备注 — e.g. orders to stop or rectify (Wolong Annex B 说明(2)). */
    remarks: z.string().optional().meta({ description: "备注 (Wolong Annex B)" }),
    /** 检查对象（签字/盖章） — or the recorded refusal, or a direct result. */
    targetConfirmation: TargetConfirmationSchema,
    /** 执法检查人员（签字/盖章） — Chongqing 6.6: signed by every team member. */
    inspectorSignatures: z.array(z.strictObject({ inspectorId: IdSchema, signedOn: CivilDateSchema })).min(1),
  })
  .refine((r) => new Set(r.departments.map((d) => d.departmentId)).size === r.departments.length, {
    error: ruleMessage("unique-ids"),
    path: ["departments"],
  })
  .meta({ description: "抽查情况记录表 (Wolong Annex B; Chongqing table F.1)" });

/**
 * An inspection record; see {@link InspectionRecordSchema}.
 *
 * @category Model
 */
export type InspectionRecord = z.infer<typeof InspectionRecordSchema>;

/**
 * An inspection record as plain input data (dates as `YYYY-MM-DD` strings), before validation.
 *
 * @category Model
 */
export type InspectionRecordInput = z.input<typeof InspectionRecordSchema>;
