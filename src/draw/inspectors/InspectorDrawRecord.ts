import type { SeedRecord } from "../seeds/SeedRecord.js";

/**
 * A department's team for one target (or group of targets).
 *
 * @category Draw
 */
export interface DrawnTeam {
  /** The targets this team inspects. */
  readonly targetIds: readonly string[];
  /** Inspectors drawn, in draw order. */
  readonly inspectorIds: readonly string[];
  /** False when every eligible inspector had to be taken (Longting art. 19 single-side fallback: not random). */
  readonly random: boolean;
}

/**
 * The stage-2 draw of one participating department.
 *
 * @category Draw
 */
export interface DepartmentDraw {
  /** The department. */
  readonly departmentId: string;
  /** SHA-256 of its canonical inspector directory as used. */
  readonly directoryDigest: string;
  /** Inspectors left after each standing filter (qualified, expertise, scope, availability). */
  readonly eligibleCounts: Readonly<Record<"directory" | "qualified" | "expertise" | "scope" | "available", number>>;
  /** Teams in canonical target order. */
  readonly teams: readonly DrawnTeam[];
}

/**
 * The frozen record of a stage-2 inspector draw (各参与部门自行随机匹配执法检查人员, Longting art. 19).
 *
 * @category Draw
 */
export interface InspectorDrawRecord {
  /** Discriminant. */
  readonly kind: "inspector-draw";
  /** `shuangsuiji/stage2/v1`. */
  readonly algorithm: string;
  /** Task id. */
  readonly taskId: string;
  /** Digest of the locked stage-1 list this draw ran on. */
  readonly lockDigest: string;
  /** Stage-1 record digest. */
  readonly targetDrawDigest: string;
  /** The stage-2 seed and its provenance. */
  readonly seed: SeedRecord;
  /** The initiating department (provides the leader). */
  readonly initiatingDepartmentId: string;
  /** Per-department teams. */
  readonly departments: readonly DepartmentDraw[];
  /** Team leader per target group, drawn among the initiating department's drawn members. */
  readonly leaders: readonly { readonly targetIds: readonly string[]; readonly leaderId: string }[];
  /** Recusals applied (执法回避, 行政处罚法 art. 43). */
  readonly recusals: readonly { readonly inspectorId: string; readonly targetId: string; readonly reason: string }[];
  /** Which side was drawn at random (Longting art. 19 fallback: only one side may be). */
  readonly randomSide: "both" | "targets-only" | "inspectors-only" | "neither";
  /** SHA-256 of the canonical JSON of every other field. */
  readonly digest: string;
}
