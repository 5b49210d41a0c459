import { deepFreeze } from "../_internal/deepFreeze.js";
import type { InspectionItem } from "../model/inspectionItem.js";
import type { InspectionRecord } from "../model/inspectionRecord.js";
import type { SpotCheckTask } from "../model/spotCheckTask.js";
import type { Deadline } from "../calendar/computeDeadline.js";
import type { InspectorDrawRecord } from "../draw/inspectors/InspectorDrawRecord.js";
import type { LockedTargetList } from "../draw/records/LockedTargetList.js";
import type { TargetDrawRecord } from "../draw/records/TargetDrawRecord.js";
import type { AuditEvent } from "./AuditEvent.js";
import type { ApproverRole, LifecyclePreset, LifecyclePresetId, ReplacementReason } from "./LIFECYCLE_PRESETS.js";

/**
 * The states of a spot-check task, in order (corrections happen after publication).
 *
 * @category Task
 * @example
 * ```ts
 * import { TASK_STATES } from "shuangsuiji";
 * TASK_STATES.indexOf("published") > TASK_STATES.indexOf("inspecting"); // true
 * ```
 */
export const TASK_STATES = /* @__PURE__ */ deepFreeze(["planned", "targets-drawn", "targets-locked", "inspectors-drawn", "inspecting", "results-recorded", "published", "corrected"] as const);

/**
 * One of {@link TASK_STATES}.
 *
 * @category Task
 */
export type TaskState = (typeof TASK_STATES)[number];

/**
 * An approval: who approved, in what role, on which day.
 *
 * @category Task
 */
export interface Approval {
  /** Name of the approver. */
  readonly name: string;
  /** 部门负责人 or 主要负责人. */
  readonly role: ApproverRole;
  /** Date of approval. */
  readonly on: string;
  /**
   * The approver's department (本部门, Longting art. 19; Chongqing 6.4–6.6). Required where the step's clause names the
   * department: the initiating department for a redraw or a change to the locked list (Chongqing 6.4), the replaced
   * inspector's own department (Longting art. 19; Chongqing 6.5), the department whose published result is corrected
   * (Chongqing 6.6). Elsewhere, when given, a department of the task. Kept in the trail, never dropped.
   */
  readonly departmentId?: string;
  /**
   * The approver's entry in the inspector directories of the stage-2 draw, when they are on them. A recusal decision or
   * a replacement is never approved by the inspector it concerns (行政处罚法 art. 43; Longting art. 19; Chongqing 6.5):
   * the library knows that inspector by id and directory name, so an approver who only shares the name gives their own
   * entry here. Kept in the trail when given.
   */
  readonly approverId?: string;
}

/**
 * Whether an act was late against its legal deadline: `true`, `false`, or `null` — undecided — when the deadline is
 * provisional (computed on `outsideCoverage: "assume-weekdays"` into a year the calendar has no State Council holiday
 * notice for) and the act falls in that year, so its 工作日 are not known (Longting art. 22; Wolong 3.2; Chongqing
 * 6.6). `null` is neither late nor on time: test `late === true` / `late === false`. {@link isPublicationOverdue} and
 * {@link overduePenaltyInfo} decide it on the calendar they are given.
 *
 * @category Task
 * @example
 * ```ts
 * import type { Lateness } from "shuangsuiji";
 * declare const late: Lateness; // e.g. a publication event's payload.late
 * const asserted = late === true; // not `if (late)`: null (undecided) is neither late nor on time
 * const undecided = late === null;
 * ```
 */
export type Lateness = boolean | null;

/**
 * A joint team for one group of targets: every matched inspector, the leader from the initiating department, and
 * assistants (experts, third parties) who never count toward minimums.
 *
 * @category Task
 */
export interface TaskTeam {
  /** The targets. */
  readonly targetIds: readonly string[];
  /** The leader (组长). */
  readonly leaderId: string;
  /** Members with their departments. */
  readonly members: readonly { readonly inspectorId: string; readonly departmentId: string }[];
  /** Experts and third parties (Longting art. 20; Chongqing 6.5). */
  readonly assistants: readonly { readonly name: string; readonly organisation?: string; readonly kind: "testing-institution" | "research-institute" | "expert" | "third-party" }[];
}

/**
 * One replacement of a drawn inspector, as recorded (Longting art. 19; Chongqing 6.5; Wancheng art. 19).
 *
 * @category Task
 */
export interface Replacement {
  /** The team's targets. */
  readonly targetIds: readonly string[];
  /** The department of both inspectors. */
  readonly departmentId: string;
  /** The drawn inspector who cannot continue. */
  readonly outgoingId: string;
  /** The substitute, **chosen by the department** (不再随机抽取). */
  readonly substituteId: string;
  /** Why (岗位调整, 工作冲突, 健康状况, 执法回避, or `other` where the preset allows it). */
  readonly reason: ReplacementReason;
  /** Required for `other`. */
  readonly explanation?: string;
  /** The department head's (负责人) approval. */
  readonly approval: Approval;
  /** Who chose the substitute. */
  readonly chosenBy: string;
}

/**
 * The immutable state of a task through its lifecycle. Every transition function returns a new one plus the audit
 * event it appended; nothing is ever edited in place.
 *
 * @category Task
 */
export interface TaskLifecycle {
  /** Discriminant. */
  readonly kind: "task-lifecycle";
  /** The task (抽查任务). */
  readonly task: SpotCheckTask;
  /** Which document's rules apply (`custom` when {@link TaskLifecycle.rules} holds a custom preset). */
  readonly preset: LifecyclePresetId | "custom";
  /** A validated custom preset, when one was given to {@link startTask}. */
  readonly rules?: LifecyclePreset;
  /**
   * The task's entries of the item list, as given to {@link startTask} (in the order of `task.itemIds`): a general
   * item's `maxRatio` caps the draw where the preset enforces it (Chongqing 5.2). Absent when none were given.
   */
  readonly items?: readonly InspectionItem[];
  /** Current state. */
  readonly state: TaskState;
  /** Every stage-1 draw in order; a redraw is appended and linked, never overwriting. */
  readonly targetDraws: readonly { readonly record: TargetDrawRecord; readonly supersedes?: string; readonly reason?: string; readonly approval?: Approval }[];
  /** The locked list, once locked. */
  readonly locked?: LockedTargetList;
  /** Approved changes to the locked list (Chongqing 6.4). */
  readonly amendments: readonly { readonly add: readonly string[]; readonly remove: readonly string[]; readonly reason: string; readonly approval: Approval }[];
  /** The target list in force: the locked list with amendments applied. */
  readonly targetIds: readonly string[];
  /** The stage-2 record, once drawn. */
  readonly inspectorDraw?: InspectorDrawRecord;
  /** Current joint teams. */
  readonly teams: readonly TaskTeam[];
  /** Every replacement made. */
  readonly replacements: readonly Replacement[];
  /** Inspection records (results), one per target. */
  readonly records: readonly InspectionRecord[];
  /** The day the task was completed (检查结束), when it was. */
  readonly completedOn?: string;
  /** Results publication deadline (20 working days), once completed. */
  readonly publicationDeadline?: Deadline;
  /** Publication date, once published. */
  readonly publishedOn?: string;
  /** Approved corrections after publication. */
  readonly corrections: readonly { readonly recordId: string; readonly previous: InspectionRecord; readonly reason: string; readonly approval: Approval; readonly objectionConfirmedOn?: string; readonly deadline?: Deadline; readonly late: Lateness }[];
  /** The day on-site inspection started, once it has (results cannot predate it). */
  readonly inspectionStartedOn?: string;
  /**
   * Per target: the advance notice (提前告知) step recorded by {@link recordAdvanceNotice} — notice `given` (date and
   * means), a `surpriseOnLead` (the lead, Longting art. 21), or `notGiven` (reason and ground) — and the day it was
   * recorded (Chongqing 6.5; Longting art. 21; Wolong 2.3).
   */
  readonly advanceNotices?: Readonly<Record<string, AdvanceNoticeRecorded>>;
  /** Per target: when the inspectors showed identity and 执法证件, and who did (Wolong 2.3; 行政处罚法 art. 55). */
  readonly identityShown?: Readonly<Record<string, { readonly on: string; readonly inspectorIds: readonly string[] }>>; // `on`: the latest showing
  /**
   * Per department: its own publication (谁检查、谁录入、谁公开, Longting art. 22), and whether it was late ({@link Lateness}:
   * `null`, undecided, on a provisional deadline the publication's calendar could not settle).
   */
  readonly departmentPublications?: Readonly<Record<string, { readonly publishedOn: string; readonly late: Lateness }>>;
  /**
   * Record sections withheld from publication, each with its reason and basis (不适合公开, Chongqing 6.6; Wancheng art. 3)
   * and the department whose section it is (谁检查、谁公开); without `departmentId` (a task stored before per-section
   * withholding), the whole record.
   */
  readonly withheld?: readonly { readonly recordId: string; readonly reason: string; readonly basis: string; readonly departmentId?: string }[];
  /**
   * Administrative-penalty information collected (归集) by the deciding department, each with the 7-working-day deadline
   * from the decision and whether the collection was late (Longting art. 22; {@link recordPenaltyInfoCollected}).
   */
  readonly penaltyInfo?: readonly PenaltyInfoEntry[];
  /** The append-only, hash-chained audit trail. */
  readonly audit: readonly AuditEvent[];
}

/**
 * What every transition returns: the new task and the audit event it appended.
 *
 * @category Task
 */
export interface Transition {
  /** The new, frozen task state. */
  readonly task: TaskLifecycle;
  /** The event appended to its audit trail. */
  readonly event: AuditEvent;
}

/**
 * One collection (归集) of administrative-penalty information (Longting art. 22), as {@link recordPenaltyInfoCollected}
 * records it.
 *
 * @category Task
 */
export interface PenaltyInfoEntry {
  /** The inspection record the penalty was decided on. */
  readonly recordId: string;
  /** Its target. */
  readonly targetId: string;
  /** The deciding department (处罚决定机关). */
  readonly departmentId: string;
  /** The day the penalty was decided. */
  readonly decidedOn: string;
  /** The decision's number (处罚决定书文号), if given. */
  readonly decisionNumber?: string;
  /** The day the information was collected into the platforms. */
  readonly collectedOn: string;
  /** 7 working days after the decision, where the preset sets that deadline (Longting art. 22); absent otherwise. */
  readonly deadline?: string;
  /**
   * Collected after the deadline (never, where the preset sets none); `null` (undecided) when the deadline is provisional
   * (its year not covered by the calendar) and the collection falls in that year ({@link Lateness}).
   */
  readonly late: Lateness;
}

/**
 * One target's recorded advance-notice step (see {@link recordAdvanceNotice}): exactly one of `given`,
 * `surpriseOnLead`, `notGiven`, and `recordedOn`, the day the step was recorded.
 *
 * @category Task
 */
export type AdvanceNoticeRecorded =
  | { readonly recordedOn: string; readonly given: { readonly on: string; readonly means: string } }
  | { readonly recordedOn: string; readonly surpriseOnLead: { readonly lead: string; readonly on: string } }
  | { readonly recordedOn: string; readonly notGiven: { readonly reason: string; readonly ground: "item-flag" | "category" | "not-possible" | "optional" } };
