import * as z from "zod/v4";
import { CivilDateSchema, IdSchema } from "../model/primitives.js";
import { InspectionItemSchema } from "../model/inspectionItem.js";
import { InspectionRecordSchema } from "../model/inspectionRecord.js";
import { SpotCheckTaskSchema } from "../model/spotCheckTask.js";
import { TRANSITIONS } from "./AuditEvent.js";
import { LIFECYCLE_PRESETS, LifecyclePresetSchema, REPLACEMENT_REASONS } from "./LIFECYCLE_PRESETS.js";
import { TASK_STATES } from "./TaskLifecycle.js";

const Digest = z.string().regex(/^[0-9a-f]{64}$/).meta({ description: "SHA-256, 64 lowercase hexadecimal digits" });

/**
 * Schema of one stored audit event ({@link AuditEvent}): the envelope. What the payload and the input must contain is
 * checked by replaying the event ({@link replayTask}), which re-runs the transition's own validation. Unknown members
 * are refused: a member outside the digest could carry anything.
 *
 * @category Task
 * @example
 * ```ts
 * import { AuditEventSchema, type TaskLifecycle } from "shuangsuiji";
 * declare const task: TaskLifecycle;
 * AuditEventSchema.safeParse(JSON.parse(JSON.stringify(task.audit[0]))).success; // true
 * ```
 */
export const AuditEventSchema = z
  .strictObject({
    seq: z.number().int().nonnegative(),
    type: z.string().min(1),
    on: CivilDateSchema,
    actor: z.string(),
    payload: z.record(z.string(), z.unknown()),
    transition: z.enum(TRANSITIONS),
    input: z.array(z.unknown()),
    prevDigest: Digest,
    digest: Digest,
  })
  .meta({ description: "Audit event 留痕事件 (Chongqing 4): chain fields, the transition called and its validated input; see docs/persistence.md" });

const Approval = z.strictObject({ name: z.string(), role: z.enum(["department-head", "principal-head"]), on: CivilDateSchema, departmentId: IdSchema.optional(), approverId: IdSchema.optional() });
/** A draw record or a deadline: kept whole, checked by replay (they carry their own digests). */
const Opaque = (kind: string) => z.looseObject({}).meta({ description: `${kind}: checked by replaying the trail` });

/**
 * Schema of a stored task ({@link TaskLifecycle} as `JSON.stringify` writes it), so a value read back from a database
 * is validated before {@link loadTask} replays its trail. Shipped as `shuangsuiji/schemas/StoredTask.json` for other
 * languages.
 *
 * @category Task
 * @example
 * ```ts
 * import { StoredTaskSchema, type TaskLifecycle } from "shuangsuiji";
 * declare const task: TaskLifecycle;
 * StoredTaskSchema.safeParse(JSON.parse(JSON.stringify(task))).success; // true
 * ```
 */
export const StoredTaskSchema = z
  .strictObject({
    kind: z.literal("task-lifecycle"),
    task: SpotCheckTaskSchema,
    preset: z.enum([...Object.keys(LIFECYCLE_PRESETS), "custom"] as unknown as [keyof typeof LIFECYCLE_PRESETS | "custom", ...(keyof typeof LIFECYCLE_PRESETS | "custom")[]]),
    rules: LifecyclePresetSchema.optional(),
    items: z.array(InspectionItemSchema).optional(),
    state: z.enum(TASK_STATES),
    targetDraws: z.array(z.strictObject({ record: Opaque("TargetDrawRecord"), supersedes: Digest.optional(), reason: z.string().optional(), approval: Approval.optional() })),
    locked: Opaque("LockedTargetList").optional(),
    amendments: z.array(z.strictObject({ add: z.array(IdSchema), remove: z.array(IdSchema), reason: z.string(), approval: Approval })),
    targetIds: z.array(IdSchema),
    inspectorDraw: Opaque("InspectorDrawRecord").optional(),
    teams: z.array(
      z.strictObject({
        targetIds: z.array(IdSchema),
        leaderId: IdSchema,
        members: z.array(z.strictObject({ inspectorId: IdSchema, departmentId: IdSchema })),
        assistants: z.array(z.strictObject({ name: z.string(), organisation: z.string().optional(), kind: z.enum(["testing-institution", "research-institute", "expert", "third-party"]) })),
      }),
    ),
    replacements: z.array(
      z.strictObject({
        targetIds: z.array(IdSchema), departmentId: IdSchema, outgoingId: IdSchema, substituteId: IdSchema, reason: z.enum(REPLACEMENT_REASONS),
        explanation: z.string().optional(), approval: Approval, chosenBy: z.string(),
      }),
    ),
    records: z.array(InspectionRecordSchema),
    completedOn: CivilDateSchema.optional(),
    publicationDeadline: Opaque("Deadline").optional(),
    publishedOn: CivilDateSchema.optional(),
    corrections: z.array(
      z.strictObject({
        recordId: IdSchema, previous: InspectionRecordSchema, reason: z.string(), approval: Approval, objectionConfirmedOn: CivilDateSchema.optional(),
        deadline: Opaque("Deadline").optional(), late: z.boolean().nullable(),
      }),
    ),
    inspectionStartedOn: CivilDateSchema.optional(),
    advanceNotices: z
      .record(
        IdSchema,
        z.union([
          z.strictObject({ recordedOn: CivilDateSchema, given: z.strictObject({ on: CivilDateSchema, means: z.string() }) }),
          z.strictObject({ recordedOn: CivilDateSchema, surpriseOnLead: z.strictObject({ lead: z.string(), on: CivilDateSchema }) }),
          z.strictObject({ recordedOn: CivilDateSchema, notGiven: z.strictObject({ reason: z.string(), ground: z.enum(["item-flag", "category", "not-possible", "optional"]) }) }),
        ]),
      )
      .optional()
      .meta({ description: "提前告知 per target (Chongqing 6.5; Longting art. 21; Wolong 2.3): notice given, a surprise inspection on a lead, or not given with its ground" }),
    identityShown: z.record(IdSchema, z.strictObject({ on: CivilDateSchema, inspectorIds: z.array(IdSchema) })).optional(),
    departmentPublications: z.record(IdSchema, z.strictObject({ publishedOn: CivilDateSchema, late: z.boolean().nullable() })).optional(),
    withheld: z.array(z.strictObject({ recordId: IdSchema, reason: z.string(), basis: z.string(), departmentId: IdSchema.optional() })).optional(),
    penaltyInfo: z
      .array(
        z.strictObject({
          recordId: IdSchema, targetId: IdSchema, departmentId: IdSchema, decidedOn: CivilDateSchema, decisionNumber: z.string().optional(), collectedOn: CivilDateSchema,
          deadline: CivilDateSchema.optional(), late: z.boolean().nullable(),
        }),
      )
      .optional()
      .meta({ description: "行政处罚信息归集 (Longting art. 22): per record and deciding department, within 7 working days of the decision under longting (no deadline where the preset sets none)" }),
    audit: z.array(AuditEventSchema).min(1),
  })
  .meta({ description: "Stored task lifecycle 抽查任务全过程 (state plus its audit trail); the state must equal the replay of the trail (verifyTask)" });
