import * as z from "zod/v4";
import { readStage2Input } from "./_readInput.js";
import { deepFreeze } from "../../_internal/deepFreeze.js";
import { ShuangsuijiError } from "../../errors/ShuangsuijiError.js";
import { InspectorSchema } from "../../model/inspector.js";
import { canonicalDigest } from "../_shared/_canonicalDigest.js";
import { canonicalJson, canonicalize } from "../_shared/_encoding.js";
import { lockProblems, refuse } from "../records/_checkRecord.js";
import { issuesFromZod } from "../../errors/_fromZod.js";
import { readStage2Options } from "./_readOptions.js";
import type { DrawInspectorsInput } from "./drawInspectors.js";
import type { DrawScope } from "./DrawScope.js";

/** @internal The stage-2 inputs commitment tag. */
export const STAGE2_INPUTS_ALGORITHM = "shuangsuiji/stage2-inputs/v1";

/**
 * One department's committed stage-2 inputs (defaults written out).
 *
 * @category Draw
 */
export interface CommittedDepartmentInputs {
  /** The department. */
  readonly departmentId: string;
  /** SHA-256 of its canonical inspector directory (sorted by id), as in the stage-2 record. */
  readonly directoryDigest: string;
  /** Required expertise, sorted, without repeats. */
  readonly requiredExpertise: readonly string[];
  /** `any` or `all`. */
  readonly expertiseMatch: "any" | "all";
  /** The Yanshi 7.3 scope (stations sorted). */
  readonly scope: DrawScope;
  /** Inspectors per team. */
  readonly teamSize: number;
  /** The workload cap, when there is one. */
  readonly workloadCap?: number;
  /** The targets dispatched to it (sorted), when not all. */
  readonly targetIds?: readonly string[];
}

/**
 * The announcement of a stage-2 draw's inputs (第二次随机输入公告): every input that decides the teams except the seed,
 * in canonical form, and its digest. Published before the stage-2 seed is fixed.
 *
 * @category Draw
 */
export interface InspectorInputsCommitment {
  /** Discriminant. */
  readonly kind: "inspector-inputs";
  /** `shuangsuiji/stage2-inputs/v1`. */
  readonly algorithm: string;
  /** Task id (from the locked list). */
  readonly taskId: string;
  /** Digest of the locked stage-1 list. */
  readonly lockDigest: string;
  /** The initiating department. */
  readonly initiatingDepartmentId: string;
  /** The target list in force, sorted by UTF-16 code units. */
  readonly targetIds: readonly string[];
  /** Targets per team. */
  readonly groupSize: number;
  /** Longting art. 19 single-side fallback allowed. */
  readonly allowSingleSideFallback: boolean;
  /** Each department's inputs, sorted by id. */
  readonly departments: readonly CommittedDepartmentInputs[];
  /** Recusals, sorted by their canonical JSON (UTF-16 code units). */
  readonly recusals: readonly { readonly inspectorId: string; readonly targetId: string; readonly reason: string }[];
  /** Inspectors declared unavailable, with reasons, sorted by their canonical JSON (UTF-16 code units). */
  readonly unavailable: readonly { readonly inspectorId: string; readonly reason: string }[];
  /** SHA-256 of the canonical JSON of every other member (docs/spec-v1.md §2, §9.1). */
  readonly digest: string;
}

const CLAUSE = "Longting art. 19; docs/spec-v1.md §9.1";
const Text = z.string().min(1);
/** The frame and the directories; the options are read by readStage2Options, as drawInspectors and its verifier read them. */
const InputsSchema = z.object({
  initiatingDepartmentId: Text,
  departments: z.array(z.object({ departmentId: Text, inspectors: z.array(InspectorSchema) })).min(1),
});

const codeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sorted = (xs: readonly string[]) => [...xs].sort(codeUnits);
const byCanonicalJson = <T>(xs: readonly T[]): T[] =>
  xs.map((x) => [canonicalJson(x), x] as const).sort((a, b) => codeUnits(a[0], b[0])).map(([, x]) => canonicalize(x) as T);

/**
 * Commits the inputs of a stage-2 draw (第二次随机输入承诺) before its seed exists: the locked list, the target list in
 * force, each department's directory digest, expertise filter, scope, team size, workload cap and dispatched targets,
 * the recusals, who is declared unavailable, the group size and the fallback — everything that decides the teams except
 * the seed. Publishing the digest before the stage-2 seed is fixed (Longting art. 19: the list is locked and the
 * directories committed first) means the inputs cannot be tuned once the seed is known (no stage-2 grinding,
 * docs/spec-v1.md §9.1); {@link verifyInspectorDraw} compares the re-run's inputs with the announced digest, and
 * {@link drawInspectors} refuses a seed fixed before `inputsAnnouncedOn`. Lists whose order does not affect the draw
 * are sorted by UTF-16 code units and defaults are written out, so equal inputs give one digest. The input's `seed`,
 * `seedFixedOn` and `inputsAnnouncedOn` are ignored.
 *
 * @param raw - The stage-2 input, with or without its seed ({@link DrawInspectorsInput}).
 * @returns The canonical inputs and their `digest` (64 lower-case hex digits), frozen.
 * @throws {@link ShuangsuijiError} `draw-not-locked` when `locked` is not a consistent locked list.
 * @throws {@link ShuangsuijiError} `invalid-input` when the input is malformed (every problem listed, with its path).
 * @category Draw
 * @example
 * ```ts
 * import { commitInspectorInputs, commitPool, createSeed, drawTargets, lockTargetDraw, type Inspector } from "shuangsuiji";
 * const pool = [{ id: "U1", riskClass: "A" }];
 * const s1 = createSeed("0123456789abcdef0123456789abcdef", { kind: "other", description: "stage 1" });
 * const locked = lockTargetDraw(
 *   drawTargets({ taskId: "T", pool, seed: s1, commitment: commitPool(pool), policy: { strata: { A: { ratio: 1 } } } }),
 *   { lockedOn: "2026-04-02", lockedBy: "信用监管科" },
 * );
 * const staff = (id: string): Inspector => ({ id, name: id, departmentId: "SCJG", category: "qualified-staff", expertise: [] });
 * const announced = commitInspectorInputs({
 *   locked, initiatingDepartmentId: "SCJG",
 *   departments: [{ departmentId: "SCJG", inspectors: ["A", "B", "C"].map(staff), workloadCap: 1 }],
 *   unavailable: [{ inspectorId: "C", reason: "病假" }],
 * });
 * console.log(announced.digest); // publish it, then fix the stage-2 seed
 * ```
 */
export function commitInspectorInputs(raw: Omit<DrawInspectorsInput, "seed"> & { readonly seed?: DrawInspectorsInput["seed"] }): InspectorInputsCommitment {
  const input = readStage2Input(raw) as unknown as DrawInspectorsInput;
  const locked = input.locked;
  if (locked?.kind !== "locked-target-list" || locked.record?.kind !== "target-draw") {
    throw new ShuangsuijiError("draw-not-locked", [
      { path: ["locked"], rule: "lock-before-stage-2", clause: "Longting art. 19", messageZh: "第二次随机的输入只能针对锁定的检查对象名单", messageEn: "stage-2 inputs are committed only for a locked stage-1 list (lockTargetDraw)" },
    ]);
  }
  const lockIssues = lockProblems(locked);
  if (lockIssues.length > 0) refuse("draw-not-locked", lockIssues, "Longting art. 19 (一经锁定不可更改); docs/spec-v1.md §8", "锁定名单或其抽取记录不一致", "the locked list or its record is not internally consistent");
  const options = readStage2Options(input as unknown as Record<string, unknown>);
  const frame = InputsSchema.safeParse(input);
  if (!frame.success || options.length > 0) throw new ShuangsuijiError("invalid-input", [...(frame.success ? [] : issuesFromZod(frame.error.issues, { clause: CLAUSE }, input)), ...options]);
  const p = input; // read: the frame by the schema, every option by readStage2Options
  const listed = locked.record.strata.flatMap((s) => s.selected.map((u) => u.unitId));
  const body = {
    algorithm: STAGE2_INPUTS_ALGORITHM,
    allowSingleSideFallback: p.allowSingleSideFallback ?? true,
    departments: [...p.departments].sort((a, b) => codeUnits(a.departmentId, b.departmentId)).map((d) => ({
      departmentId: d.departmentId,
      // the directory as given (not as parsed), exactly as the stage-2 record's directoryDigest
      directoryDigest: canonicalDigest([...d.inspectors].sort((a, b) => codeUnits(a.id, b.id))),
      expertiseMatch: d.expertiseMatch ?? "any",
      requiredExpertise: sorted([...new Set(d.requiredExpertise ?? [])]),
      scope: canonicalize(d.scope === undefined ? { kind: "whole-bureau" } : "stations" in d.scope ? { ...d.scope, stations: sorted([...new Set(d.scope.stations)]) } : d.scope) as DrawScope,
      teamSize: d.teamSize ?? 2,
      ...(d.targetIds === undefined ? {} : { targetIds: sorted(d.targetIds) }),
      ...(d.workloadCap === undefined ? {} : { workloadCap: d.workloadCap }),
    })),
    groupSize: p.groupSize ?? 1,
    initiatingDepartmentId: p.initiatingDepartmentId,
    kind: "inspector-inputs" as const,
    lockDigest: locked.digest,
    recusals: byCanonicalJson(p.recusals ?? []),
    targetIds: sorted(p.targetIds ?? listed),
    taskId: locked.record.taskId,
    unavailable: byCanonicalJson(p.unavailable ?? []),
  };
  return deepFreeze({ ...canonicalize(body), digest: canonicalDigest(body) }) as InspectorInputsCommitment;
}
