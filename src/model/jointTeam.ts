import * as z from "zod/v4";
import { ruleMessage } from "../errors/rules.js";
import { IdSchema, TextSchema } from "./primitives.js";

/**
 * A joint inspection team (联合检查组): every matched inspector; the leader from the initiating department
 * (Chongqing 6.5; Wancheng art. 20; Longting art. 20); experts or third parties may assist (Longting art. 20;
 * Chongqing 6.5) but are listed apart and never count toward minimums.
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { JointTeamSchema } from "shuangsuiji";
 * JointTeamSchema.parse({
 *   taskId: "T-1", targetIds: ["91350100M000100Y43"], initiatingDepartmentId: "SCJG", leaderId: "SCJG-001",
 *   members: [{ inspectorId: "SCJG-001", departmentId: "SCJG" }, { inspectorId: "WJW-003", departmentId: "WJW" }],
 * });
 * ```
 */
export const JointTeamSchema = z
  .strictObject({
    /** 任务标识. */
    taskId: IdSchema,
    /** 检查对象 — for a per-target team; absent for a team covering a group of targets. */
    targetIds: z.array(IdSchema).min(1).meta({ description: "检查对象" }),
    /** 发起部门. */
    initiatingDepartmentId: IdSchema,
    /** 组长 — inspector id (Wancheng art. 20). */
    leaderId: IdSchema.meta({ description: "组长 (Wancheng art. 20)" }),
    /** 组员 — every matched inspector with the department they represent. */
    members: z
      .array(z.strictObject({ inspectorId: IdSchema, departmentId: IdSchema }))
      .min(1)
      .meta({ description: "组员 (Wancheng art. 20)" }),
    /** 第三方/专家 — assisting experts (Longting art. 20). */
    assistants: z
      .array(
        z.strictObject({
          name: TextSchema,
          organisation: TextSchema.optional(),
          kind: z.enum(["testing-institution", "research-institute", "expert", "third-party"]),
        }),
      )
      .optional()
      .meta({ description: "第三方或专家 (Longting art. 20; Chongqing 6.5)" }),
  })
  .refine((t) => t.members.some((m) => m.inspectorId === t.leaderId), {
    error: ruleMessage("team-leader-member"),
    path: ["leaderId"],
  })
  .refine((t) => t.members.some((m) => m.inspectorId === t.leaderId && m.departmentId === t.initiatingDepartmentId), {
    error: ruleMessage("team-leader-initiating"),
    path: ["leaderId"],
  })
  .refine((t) => new Set(t.members.map((m) => m.inspectorId)).size === t.members.length, {
    error: ruleMessage("unique-ids"),
    path: ["members"],
  })
  .meta({ description: "联合检查组 (Wancheng art. 20; Chongqing 6.5)" });

/**
 * A joint team; see {@link JointTeamSchema}.
 *
 * @category Model
 */
export type JointTeam = z.infer<typeof JointTeamSchema>;
