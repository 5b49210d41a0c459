import { requireObject } from "../../_internal/boundary.js";
import * as z from "zod/v4/mini";
import { parseInput } from "../_shared/_issues.js";
import { match } from "ts-pattern";
import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { ShuangsuijiError, type RuleIssue } from "../../errors/ShuangsuijiError.js";
import { stage2RuleIssue as ruleIssue } from "../../errors/_stage2Rules.js";
import { RULES } from "../../errors/rules.js";
import { deepFreeze } from "../../_internal/deepFreeze.js";
import { countsTowardMinimum } from "../../model/countsTowardMinimum.js";
import { InspectorSchema, type Inspector } from "../../model/inspector.js";
import { validateRecords } from "../../model/parseModel.js";
import { SeedRecordSchema, type SeedRecord } from "../seeds/SeedRecord.js";
import type { DrawScope } from "./DrawScope.js";
import type { DepartmentDraw, DrawnTeam, InspectorDrawRecord } from "./InspectorDrawRecord.js";
import type { LockedTargetList } from "../records/LockedTargetList.js";
import { canonicalJson, canonicalize, hexToBytes, lengthDelimited } from "../_shared/_encoding.js";
import { canonicalDigest, canonicalWriter } from "../_shared/_canonicalDigest.js";
import { planAssignment } from "./_assignment.js";
import { isBuilt, lockProblems, refuse } from "../records/_checkRecord.js";
import { provenanceProblems } from "../seeds/_seed.js";
import { isCanonicalText } from "../targets/_pool.js";
import { sha256 } from "@noble/hashes/sha2";
import { isValidCivilDate } from "../../calendar/isValidCivilDate.js";

/** @internal The stage-2 algorithm tag. */
export const STAGE2_ALGORITHM = "shuangsuiji/stage2/v1";

/**
 * One participating department's part in stage 2.
 *
 * @category Draw
 */
export interface DepartmentSpec {
  /** The department. */
  readonly departmentId: string;
  /** Its inspector directory (执法检查人员名录库). */
  readonly inspectors: readonly Inspector[];
  /** Expertise its items need (业务专长, Longting art. 18). Empty or absent: no expertise filter. */
  readonly requiredExpertise?: readonly string[];
  /** `any` (default): at least one required tag; `all`: every tag. */
  readonly expertiseMatch?: "any" | "all";
  /** Yanshi 7.3 draw scope; default the whole bureau. */
  readonly scope?: DrawScope;
  /** Inspectors per team, ≥ 2 (Longting art. 21; 行政处罚法 art. 42); default 2. */
  readonly teamSize?: number;
  /** At most this many teams per inspector in this task. */
  readonly workloadCap?: number;
  /** The locked targets dispatched to this department (within its remit); default all. */
  readonly targetIds?: readonly string[];
}

/**
 * Inputs of {@link drawInspectors}.
 *
 * @category Draw
 */
export interface DrawInspectorsInput {
  /** The locked stage-1 list. */
  readonly locked: LockedTargetList;
  /** Stage 2's own seed (not stage 1's), fixed after the list was locked and the directories committed. */
  readonly seed: SeedRecord;
  /** The initiating department: it covers every target and provides the leader (Chongqing 6.5). */
  readonly initiatingDepartmentId: string;
  /** Each participating department. */
  readonly departments: readonly DepartmentSpec[];
  /**
   * The target list in force when it differs from the locked list (after an approved amendment, Chongqing 6.4); default
   * the locked list.
   */
  readonly targetIds?: readonly string[];
  /** Targets per team, in canonical (id) order; default 1 (a team per target). */
  readonly groupSize?: number;
  /** Declared conflicts with a target (执法回避, 行政处罚法 art. 43). */
  readonly recusals?: readonly { readonly inspectorId: string; readonly targetId: string; readonly reason: string }[];
  /** Inspectors unavailable for this task, with reasons. */
  readonly unavailable?: readonly { readonly inspectorId: string; readonly reason: string }[];
  /**
   * Longting art. 19: when a department has exactly as many eligible inspectors as the team needs, assign them all
   * (recorded as not random). Default true; false refuses instead.
   */
  readonly allowSingleSideFallback?: boolean;
  /**
   * When the stage-2 seed was fixed (`YYYY-MM-DD`), for a provenance that carries no date (beacon round, lottery draw,
   * commit-reveal, other); a dice seed's own `date` is used and must equal it when both are given. Checked: on or after
   * the lock and the inputs announcement (Longting art. 19; docs/spec-v1.md §9.1).
   */
  readonly seedFixedOn?: string;
  /**
   * When the {@link commitInspectorInputs} digest of these inputs was published (`YYYY-MM-DD`): the stage-2 seed must
   * be fixed on or after it, and its date must then be known (dice `date` or {@link DrawInspectorsInput.seedFixedOn}),
   * so that the inputs cannot be chosen once the seed is known (docs/spec-v1.md §9.1, §10).
   */
  readonly inputsAnnouncedOn?: string;
}

/**
 * Which constraint left too few inspectors.
 *
 * @category Draw
 */
export type InspectorConstraint = "qualified" | "expertise" | "scope" | "availability" | "recusal" | "workload";

/**
 * Result of {@link drawInspectors}: the record, or the typed reason no complete team could be formed — never a partial
 * team.
 *
 * @category Draw
 */
export type DrawInspectorsResult =
  | { readonly ok: true; readonly record: InspectorDrawRecord }
  | {
      readonly ok: false;
      readonly code: "not-enough-inspectors";
      readonly departmentId: string;
      readonly targetIds: readonly string[];
      readonly constraint: InspectorConstraint;
      readonly available: number;
      readonly required: number;
      readonly clause: string;
      readonly messageZh: string;
      readonly messageEn: string;
    };

const CONSTRAINT_ZH: Record<InspectorConstraint, string> = {
  qualified: "具备执法资格的人员", expertise: "具备所需业务专长的人员", scope: "抽取范围内的人员",
  availability: "可参加本次任务的人员", recusal: "无需回避的人员", workload: "未达工作量上限的人员",
};

function failure(departmentId: string, targetIds: readonly string[], constraint: InspectorConstraint, count: number, m: number): DrawInspectorsResult {
  const where = `${departmentId} / ${targetIds.join(",")}`;
  return deepFreeze({
    ok: false as const,
    code: "not-enough-inspectors" as const,
    departmentId,
    targetIds,
    constraint,
    available: count,
    required: m,
    clause: RULES["not-enough-inspectors"].clause,
    messageZh: `${where}：${CONSTRAINT_ZH[constraint]}仅${count}人，需${m}人`,
    messageEn: `${where}: only ${count} inspector(s) left after the ${constraint} constraint, ${m} needed`,
  });
}

const NO_RECUSALS: ReadonlySet<string> = new Set();

const SEED_ORDER_CLAUSE = "Longting art. 19 (锁定名单后由各部门二次随机); docs/spec-v1.md §9.1";

/**
 * Longting art. 19; docs/spec-v1.md §9.1: the stage-2 seed is fixed on or after the day the list was locked and the
 * stage-2 inputs were announced — a seed known earlier lets whoever knew it shape the directories, availability,
 * recusals and caps (grinding). Also the dates themselves: real `YYYY-MM-DD` dates, the announcement not before the lock.
 */
function seedDateProblems(input: DrawInspectorsInput, lockedOn: string): RuleIssue[] {
  const out: RuleIssue[] = [];
  const date = (v: unknown, path: (string | number)[]): string | undefined => {
    if (v === undefined) return undefined;
    if (typeof v === "string" && isValidCivilDate(v)) return v;
    out.push({ path, rule: "civil-date", clause: "ISO 8601 calendar date; docs/spec-v1.md §9.1", messageZh: "日期应为有效的YYYY-MM-DD格式", messageEn: "a date must be a real calendar date written YYYY-MM-DD", value: v });
    return undefined;
  };
  const provenance = input.seed.provenance;
  const dice = provenance.kind === "dice" ? date(provenance.date, ["seed", "provenance", "date"]) : undefined;
  const stated = date(input.seedFixedOn, ["seedFixedOn"]);
  const announced = date(input.inputsAnnouncedOn, ["inputsAnnouncedOn"]);
  if (dice !== undefined && stated !== undefined && dice !== stated) {
    out.push({ path: ["seedFixedOn"], rule: "stage2-seed-after-lock", clause: SEED_ORDER_CLAUSE, messageZh: `第二次随机种子的确定日期（${stated}）与掷骰日期（${dice}）不一致`, messageEn: `seedFixedOn (${stated}) differs from the dice roll's date (${dice})`, value: stated });
  }
  const fixedOn = dice ?? stated;
  const where = dice !== undefined ? ["seed", "provenance", "date"] : ["seedFixedOn"];
  if (fixedOn !== undefined && fixedOn < lockedOn) {
    out.push({ path: where, rule: "stage2-seed-after-lock", clause: SEED_ORDER_CLAUSE, messageZh: `第二次随机种子确定于${fixedOn}，早于名单锁定日${lockedOn}：种子应在名单锁定、名录提交之后确定`, messageEn: `the stage-2 seed was fixed on ${fixedOn}, before the list was locked on ${lockedOn}: it must be fixed after the lock and the directories`, value: fixedOn });
  }
  if (announced !== undefined && announced < lockedOn) {
    out.push({ path: ["inputsAnnouncedOn"], rule: "stage2-seed-after-lock", clause: SEED_ORDER_CLAUSE, messageZh: `第二次随机输入公布于${announced}，早于名单锁定日${lockedOn}`, messageEn: `the stage-2 inputs were announced on ${announced}, before the list they name was locked on ${lockedOn}`, value: announced });
  }
  if (announced !== undefined && fixedOn === undefined && out.length === 0) {
    out.push({ path: ["seedFixedOn"], rule: "stage2-seed-after-lock", clause: SEED_ORDER_CLAUSE, messageZh: "已公布第二次随机输入，应说明种子确定日期（seedFixedOn），以核对种子晚于公布", messageEn: "inputsAnnouncedOn is given: state seedFixedOn (the seed's provenance carries no date) so that the seed is checked to come after the announcement" });
  }
  if (announced !== undefined && fixedOn !== undefined && fixedOn < announced) {
    out.push({ path: where, rule: "stage2-seed-after-lock", clause: SEED_ORDER_CLAUSE, messageZh: `第二次随机种子确定于${fixedOn}，早于输入公布日${announced}：输入可能在已知种子后选定`, messageEn: `the stage-2 seed was fixed on ${fixedOn}, before its inputs were announced on ${announced}: the inputs could have been chosen knowing the seed`, value: fixedOn });
  }
  return out;
}

/**
 * The record digest (docs/spec-v1.md §2) of a stage-2 body whose members were all inserted in canonical order: teams
 * and leaders, nearly all of its bytes, are written by their known shape; everything else through the generic writer.
 * Equal to `canonicalDigest(body)` (checked by every verification, which hashes the record generically).
 */
function bodyDigest(body: Record<string, unknown>): string {
  const w = canonicalWriter();
  // Teams and leaders were built with their members in canonical order and hold only strings and booleans, so the
  // native JSON.stringify of a slice of them is their canonical JSON: hashed 256 at a time, never as one string.
  const chunked = (xs: readonly object[]) => {
    w.text("[");
    for (let a = 0; a < xs.length; a += 256) {
      if (a > 0) w.text(",");
      const text = JSON.stringify(xs.slice(a, a + 256));
      w.text(text.slice(1, -1));
    }
    w.text("]");
  };
  const object = (o: Record<string, unknown>, member: (k: string, v: unknown) => boolean) => {
    w.text("{");
    let first = true;
    for (const k of Object.keys(o)) {
      const v = o[k];
      if (v === undefined) continue;
      if (!first) w.text(",");
      first = false;
      w.string(k);
      w.text(":");
      if (!member(k, v)) w.value(v);
    }
    w.text("}");
  };
  object(body, (k, v) => {
    if (k === "departments") {
      w.text("[");
      (v as readonly DepartmentDraw[]).forEach((d, i) => {
        if (i > 0) w.text(",");
        object(d as unknown as Record<string, unknown>, (dk, dv) => {
          if (dk !== "teams") return false;
          chunked(dv as readonly DrawnTeam[]);
          return true;
        });
      });
      w.text("]");
      return true;
    }
    if (k === "leaders") {
      chunked(v as InspectorDrawRecord["leaders"]);
      return true;
    }
    return false;
  });
  return w.hex();
}

function inScope(i: Inspector, scope: DrawScope): boolean {
  return match(scope)
    .with({ kind: "whole-bureau" }, () => true)
    .with({ kind: "bureau-and-stations" }, (s) => i.unitKind === "bureau" || (i.unit !== undefined && s.stations.includes(i.unit)))
    .with({ kind: "stations" }, (s) => i.unit !== undefined && s.stations.includes(i.unit))
    .with({ kind: "station" }, (s) => i.unit === s.station)
    .exhaustive();
}

/** @internal 128-bit xoroshiro state for one department: first 16 bytes of SHA-256(tag, seed, task, department). */
export function departmentRng(seedHex: string, taskId: string, departmentId: string) {
  const d = sha256(lengthDelimited([STAGE2_ALGORITHM, hexToBytes(seedHex), taskId, departmentId]));
  const word = (o: number) => ((d[o] as number) << 24) | ((d[o + 1] as number) << 16) | ((d[o + 2] as number) << 8) | (d[o + 3] as number);
  let state = [word(0), word(4), word(8), word(12)];
  if (state.every((w) => w === 0)) state = [word(16), word(20), word(24), word(28)]; // an all-zero state is invalid
  return xoroshiro128plusFromState(state);
}

/**
 * Stage 2 of the two-stage draw (Longting art. 19): each participating department draws its own inspectors for the
 * targets it received, from its directory in canonical (id) order — qualified enforcement staff only (auxiliary experts
 * never count), with the items' expertise, within the Yanshi 7.3 scope, available, not recused for the target
 * (行政处罚法 art. 43) and under the workload cap — at least two per team (Longting art. 21). The leader is drawn among
 * the initiating department's drawn members (Chongqing 6.5). Randomness: pure-rand `xoroshiro128plus` seeded per
 * department from SHA-256 of the stage-2 seed, `uniformInt` for every pick (a partial Fisher–Yates).
 * An infeasible constraint returns `not-enough-inspectors` naming the department, targets and constraint.
 *
 * @param raw - The locked list, the initiating department, the stage-2 seed, each department's inspectors and
 *   constraints, recusals and group size.
 * @returns `{ ok: true, record }`, or `{ ok: false, code: "not-enough-inspectors", … }` naming the department, targets
 *   and constraint.
 * @throws {@link ShuangsuijiError} `draw-not-locked` when `locked` is not a locked list, or the list or its record is
 *   inconsistent.
 * @throws {@link ShuangsuijiError} `seed-too-weak` when the seed is not a valid {@link SeedRecord} of at least 128
 *   bits.
 * @throws {@link ShuangsuijiError} `invalid-input` when the input is malformed (every problem listed): the stage-1 seed
 *   reused, a stage-2 seed fixed before the lock or before `inputsAnnouncedOn` (`stage2-seed-after-lock`), targets not on the locked list, unknown recusals, a team size under 2, an inspector in two departments, an
 *   initiating department not among them.
 * @category Draw
 * @example
 * ```ts
 * import { commitPool, createSeed, drawInspectors, drawTargets, lockTargetDraw, type Inspector } from "shuangsuiji";
 * const pool = [{ id: "U1", riskClass: "A" }];
 * const s1 = createSeed("0123456789abcdef0123456789abcdef", { kind: "other", description: "stage 1" });
 * const locked = lockTargetDraw(
 *   drawTargets({ taskId: "T", pool, seed: s1, commitment: commitPool(pool), policy: { strata: { A: { ratio: 1 } } } }),
 *   { lockedOn: "2026-04-02", lockedBy: "信用监管科" },
 * );
 * const staff = (id: string): Inspector => ({ id, name: id, departmentId: "SCJG", category: "qualified-staff", expertise: ["食品"] });
 * const r = drawInspectors({
 *   locked, initiatingDepartmentId: "SCJG",
 *   seed: createSeed("fedcba9876543210fedcba9876543210", { kind: "other", description: "stage 2" }),
 *   departments: [{ departmentId: "SCJG", inspectors: ["A", "B", "C"].map(staff), requiredExpertise: ["食品"] }],
 * });
 * if (r.ok) console.log(r.record.leaders[0]?.leaderId);
 * ```
 */
export function drawInspectors(raw: DrawInspectorsInput): DrawInspectorsResult {
  const input = requireObject(raw, [], { keep: isBuilt }) as unknown as DrawInspectorsInput;
  const issues: RuleIssue[] = [];
  parseInput(z.object({ departments: z.array(z.object({ departmentId: z.string(), inspectors: z.array(z.unknown()) })), initiatingDepartmentId: z.string() }), input, "Longting art. 19");
  const locked = input.locked;
  const record = locked?.record;
  if (locked?.kind !== "locked-target-list" || record?.kind !== "target-draw") {
    throw new ShuangsuijiError("draw-not-locked", [
      { path: ["locked"], rule: "lock-before-stage-2", clause: "Longting art. 19", messageZh: "第二次随机只能在锁定的检查对象名单上进行", messageEn: "stage 2 runs only on a locked stage-1 list (lockTargetDraw)" },
    ]);
  }
  // The lock and its record must be internally consistent (docs/spec-v1.md §8): an edited list or a forged lock digest is refused.
  const lockIssues = lockProblems(locked);
  if (lockIssues.length > 0) refuse("draw-not-locked", lockIssues, "Longting art. 19 (一经锁定不可更改); docs/spec-v1.md §8", "锁定名单或其抽取记录不一致，不能据此抽取人员", "the locked list or its record is not internally consistent");
  const seedCheck = SeedRecordSchema.safeParse(input.seed);
  if (!seedCheck.success) throw new ShuangsuijiError("seed-too-weak", [ruleIssue("seed-entropy", ["seed"])]);
  const seedIssues = provenanceProblems(seedCheck.data);
  if (seedIssues.length > 0) throw new ShuangsuijiError(seedIssues.some((i) => i.rule === "seed-entropy") ? "seed-too-weak" : "invalid-input", seedIssues.map((i) => ({ ...i, path: ["seed", ...i.path] })));
  if (input.seed.value === record.seed.value) issues.push(ruleIssue("stage2-own-seed", ["seed"]));
  issues.push(...seedDateProblems(input, locked.lockedOn));
  const lockedIds = record.strata.flatMap((s) => s.selected.map((u) => u.unitId));
  const lockedSet = new Set(lockedIds);
  // A subset of the locked list only (Longting art. 19: inspectors are drawn for the locked targets, nothing else).
  (input.targetIds ?? []).forEach((t, k) => {
    if (typeof t !== "string" || !lockedSet.has(t)) issues.push({ path: ["targetIds", k], rule: "dispatch", clause: "Longting art. 19; docs/spec-v1.md §9", messageZh: "检查对象不在锁定名单中", messageEn: "a target is not on the locked list", value: t });
  });
  const allTargets = [...(input.targetIds ?? lockedIds)].sort();
  const targetSet = new Set(allTargets);
  if (targetSet.size !== allTargets.length) issues.push({ path: ["targetIds"], rule: "unique-ids", clause: "Longting art. 19", messageZh: "检查对象重复", messageEn: "a target id is listed twice (the same inspector could be put twice on one target)" });
  (input.recusals ?? []).forEach((r, k) => {
    if (!targetSet.has(r?.targetId)) issues.push({ path: ["recusals", k, "targetId"], rule: "recusal-target", clause: "行政处罚法 art. 43; docs/spec-v1.md §9", messageZh: "回避所涉检查对象不在本次名单中", messageEn: "a recusal names a target that is not on the list", value: r?.targetId });
  });
  const owner = new Map<string, string>();
  input.departments.forEach((d, k) => {
    for (const i of d.inspectors ?? []) {
      const other = owner.get(i?.id);
      if (other !== undefined && other !== d.departmentId) issues.push({ path: ["departments", k, "inspectors"], rule: "unique-ids", clause: "Longting art. 19 (各参与部门自行抽取); docs/spec-v1.md §9", messageZh: `人员标识同时出现在${other}和${d.departmentId}的名录中`, messageEn: `an inspector id appears in the directories of ${other} and ${d.departmentId} (one person could be on a team twice)`, value: i.id });
      // One spelling per person (docs/spec-v1.md §9): NFC, no format or full-width characters, so no look-alike ids.
      if (typeof i?.id === "string" && i.id !== "" && !isCanonicalText(i.id)) issues.push({ path: ["departments", k, "inspectors"], rule: "unit-id-canonical", clause: "docs/spec-v1.md §9", messageZh: "人员标识应为NFC规范文本，不含零宽等格式字符及全角ASCII字符", messageEn: "an inspector id is NFC text without format characters (zero-width…) or full-width ASCII forms", value: i.id });
      owner.set(i?.id, d.departmentId);
    }
  });
  (input.recusals ?? []).forEach((r, k) => {
    if (!owner.has(r?.inspectorId)) issues.push({ path: ["recusals", k, "inspectorId"], rule: "recusal-inspector", clause: "行政处罚法 art. 43; docs/spec-v1.md §9", messageZh: "回避人员不在任何部门的名录中", messageEn: "a recusal names an inspector who is in no department's directory", value: r?.inspectorId });
  });
  const groupSize = input.groupSize ?? 1;
  if (!Number.isInteger(groupSize) || groupSize < 1) issues.push({ path: ["groupSize"], rule: "group-size", clause: "Yanshi 7.3", messageZh: "分组大小应为正整数", messageEn: "groupSize is a positive whole number", value: groupSize });
  const deptIds = input.departments.map((d) => d.departmentId);
  if (new Set(deptIds).size !== deptIds.length) issues.push(ruleIssue("unique-ids", ["departments"]));
  const initiating = input.departments.find((d) => d.departmentId === input.initiatingDepartmentId);
  if (initiating === undefined) {
    issues.push(ruleIssue("team-leader-initiating", ["initiatingDepartmentId"], { value: input.initiatingDepartmentId, detailEn: "the initiating department must be one of the departments", detailZh: "发起部门应在参与部门之中" }));
  } else if (initiating.targetIds !== undefined && (new Set(initiating.targetIds).size !== targetSet.size || initiating.targetIds.some((t) => !targetSet.has(t)))) {
    issues.push(ruleIssue("team-leader-initiating", ["departments", deptIds.indexOf(initiating.departmentId), "targetIds"], { detailEn: "the initiating department covers every target (it provides each leader)", detailZh: "发起部门应覆盖全部检查对象（负责每组组长）" }));
  }
  input.departments.forEach((d, k) => {
    const size = d.teamSize ?? 2;
    if (!Number.isInteger(size) || size < 2) issues.push({ path: ["departments", k, "teamSize"], rule: "team-size", clause: "Longting art. 21; 行政处罚法 art. 42", messageZh: "每个部门实地核查人员不得少于两人", messageEn: "a department sends at least two inspectors", value: size });
    if (d.targetIds !== undefined && new Set(d.targetIds).size !== d.targetIds.length) issues.push({ path: ["departments", k, "targetIds"], rule: "unique-ids", clause: "Longting art. 19", messageZh: "派发的检查对象重复", messageEn: "a dispatched target is listed twice" });
    for (const t of d.targetIds ?? []) if (!targetSet.has(t)) issues.push({ path: ["departments", k, "targetIds"], rule: "dispatch", clause: "Longting art. 19", messageZh: "派发的检查对象不在锁定名单中", messageEn: "a dispatched target is not on the locked list", value: t });
    const v = validateRecords(InspectorSchema, d.inspectors, "Chongqing table C.1");
    if (!v.ok) issues.push(...v.issues.map((i) => ({ ...i, path: ["departments", k, "inspectors", ...i.path] })));
    for (const i of d.inspectors) if (i.departmentId !== d.departmentId) issues.push({ path: ["departments", k, "inspectors"], rule: "inspector-department", clause: "Longting art. 19 (各参与部门自行抽取)", messageZh: "人员不属于该部门", messageEn: "an inspector belongs to another department", value: i.id });
  });
  if (issues.length > 0) throw new ShuangsuijiError("invalid-input", issues);

  const groups: string[][] = [];
  // frozen once and shared by every department's team and the leader of the group (the record is frozen as it is built)
  for (let i = 0; i < allTargets.length; i += groupSize) groups.push(Object.freeze(allTargets.slice(i, i + groupSize)) as string[]);
  const recusedBy = new Map<string, Set<string>>();
  for (const r of input.recusals ?? []) {
    const s = recusedBy.get(r.targetId) ?? new Set<string>();
    s.add(r.inspectorId);
    recusedBy.set(r.targetId, s);
  }
  const unavailable = new Set((input.unavailable ?? []).map((u) => u.inspectorId));
  const allowFallback = input.allowSingleSideFallback ?? true;
  const departments: DepartmentDraw[] = [];
  const initiatingTeams = new Map<number, readonly string[]>();
  const sortedSpecs = [...input.departments].sort((a, b) => (a.departmentId < b.departmentId ? -1 : a.departmentId > b.departmentId ? 1 : 0));
  let leaderRngs: ReturnType<typeof departmentRng> | undefined;

  for (const spec of sortedSpecs) {
    const m = spec.teamSize ?? 2;
    const directory = [...spec.inspectors].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const required = spec.requiredExpertise ?? [];
    const qualified = directory.filter(countsTowardMinimum);
    const expert = required.length === 0 ? qualified : qualified.filter((i) => (spec.expertiseMatch === "all" ? required.every((t) => i.expertise.includes(t)) : required.some((t) => i.expertise.includes(t))));
    const scoped = expert.filter((i) => inScope(i, spec.scope ?? { kind: "whole-bureau" }));
    const available = scoped.filter((i) => !unavailable.has(i.id));
    const standing: [InspectorConstraint, number][] = [["qualified", qualified.length], ["expertise", expert.length], ["scope", scoped.length], ["availability", available.length]];
    const standingFailure = standing.find(([, n]) => n < m);
    const rng = departmentRng(input.seed.value, record.taskId, spec.departmentId);
    const cap = spec.workloadCap;
    const load = cap === undefined ? undefined : new Map<string, number>();
    const mine = spec.targetIds === undefined ? undefined : new Set(spec.targetIds);
    const teams: DrawnTeam[] = [];
    // Every check that can fail is decided here, before any random choice (docs/spec-v1.md §9.3): the standing
    // filters, recusals per group, and — under a workload cap — an exact matching over all groups.
    const mineGroups: { g: number; targetIds: string[]; recused: ReadonlySet<string> }[] = [];
    for (let g = 0; g < groups.length; g++) {
      const all = groups[g] as string[];
      let targetIds = mine === undefined ? all : all.filter((t) => mine.has(t));
      if (targetIds.length === all.length) targetIds = all;
      else Object.freeze(targetIds);
      if (targetIds.length === 0) continue;
      if (standingFailure !== undefined) return failure(spec.departmentId, targetIds, standingFailure[0], standingFailure[1], m);
      let recused: ReadonlySet<string> = NO_RECUSALS;
      if (recusedBy.size > 0) {
        const r = new Set<string>();
        for (const t of targetIds) for (const id of recusedBy.get(t) ?? []) r.add(id);
        if (r.size > 0) recused = r;
      }
      const left = recused.size === 0 ? available.length : available.filter((i) => !recused.has(i.id)).length;
      if (left < m) return failure(spec.departmentId, targetIds, "recusal", left, m);
      // Without the single-side fallback (Longting art. 19) a group left with exactly m is refused here, before any
      // random choice, so success never depends on the seed (docs/spec-v1.md §9.3).
      if (!allowFallback && left === m) return failure(spec.departmentId, targetIds, "availability", left, m);
      mineGroups.push({ g, targetIds, recused });
    }
    const indexOf = new Map(available.map((i, k) => [i.id, k]));
    const plan =
      cap !== undefined && cap < mineGroups.length
        ? planAssignment(mineGroups.length, available.length, m, cap, mineGroups.map((x) => (x.recused.size === 0 ? undefined : new Set([...x.recused].flatMap((id) => (indexOf.has(id) ? [indexOf.get(id) as number] : []))))))
        : undefined;
    if (plan !== undefined && !plan.feasible) return failure(spec.departmentId, (mineGroups[plan.group] as (typeof mineGroups)[number]).targetIds, "workload", plan.matched, m);
    const planner = plan?.feasible === true ? plan : undefined;
    // Reused partial Fisher–Yates permutation: identity between teams (the ≤ m swaps are undone), so O(m) per team.
    const perm = Int32Array.from({ length: available.length }, (_, i) => i);
    const swapped = new Int32Array(m);
    for (let k = 0; k < mineGroups.length; k++) {
      const { g, targetIds, recused } = mineGroups[k] as (typeof mineGroups)[number];
      let pool = available;
      if (recused.size > 0) pool = pool.filter((i) => !recused.has(i.id));
      if (load !== undefined && cap !== undefined) {
        pool = pool.filter((i) => (load.get(i.id) ?? 0) < cap);
        if (pool.length < m) return failure(spec.departmentId, targetIds, "workload", pool.length, m); // unreachable once the matching says feasible
      }
      const team: string[] = [];
      let random = true;
      if (pool.length === m) {
        // Reached without the fallback only when earlier teams' workload left exactly m: the matching proved the team
        // completable, so it is completed (recorded random: false) instead of failing for some seeds only (§9.3).
        for (const i of pool) {
          if (planner !== undefined) planner.commit(k, indexOf.get(i.id) as number);
          team.push(i.id);
        }
        random = false;
      } else {
        // partial Fisher–Yates over the canonical list: for i < m, j = uniformInt(i, n − 1), swap, take position i.
        // Under a cap, a pick that would leave some later team impossible is replaced by a uniformInt draw among the
        // positions whose candidates keep every team completable (§9.3); a v1 draw that succeeded is unchanged.
        for (let i = 0; i < m; i++) {
          let j = uniformInt(rng, i, pool.length - 1);
          if (planner !== undefined && !planner.commit(k, indexOf.get((pool[perm[j] as number] as Inspector).id) as number)) {
            const completable = planner.completable(k);
            const safe: number[] = [];
            for (let p = i; p < pool.length; p++) if (completable[indexOf.get((pool[perm[p] as number] as Inspector).id) as number] === 1) safe.push(p);
            j = safe[uniformInt(rng, 0, safe.length - 1)] as number;
            planner.commit(k, indexOf.get((pool[perm[j] as number] as Inspector).id) as number);
          }
          const t = perm[j] as number;
          perm[j] = perm[i] as number;
          perm[i] = t;
          swapped[i] = j;
          team.push((pool[t] as Inspector).id);
        }
        for (let i = m - 1; i >= 0; i--) {
          const j = swapped[i] as number;
          const t = perm[j] as number;
          perm[j] = perm[i] as number;
          perm[i] = t;
        }
      }
      if (load !== undefined) for (const id of team) load.set(id, (load.get(id) ?? 0) + 1);
      // members in canonical (sorted) order, frozen as built: the record needs no canonicalising copy nor a deep walk
      teams.push(Object.freeze({ inspectorIds: Object.freeze(team), random, targetIds }));
      if (spec.departmentId === input.initiatingDepartmentId) initiatingTeams.set(g, team);
    }
    if (spec.departmentId === input.initiatingDepartmentId) leaderRngs = rng;
    departments.push(Object.freeze({
      departmentId: spec.departmentId,
      directoryDigest: canonicalDigest(directory),
      eligibleCounts: Object.freeze({ available: available.length, directory: directory.length, expertise: expert.length, qualified: qualified.length, scope: scoped.length }),
      teams: Object.freeze(teams),
    }));
  }
  // Leaders: after the initiating department's teams, continuing its own stream, one uniformInt per group.
  const leaders = groups.map((g, index) => {
    const team = initiatingTeams.get(index) as readonly string[];
    return Object.freeze({ leaderId: team[uniformInt(leaderRngs as ReturnType<typeof departmentRng>, 0, team.length - 1)] as string, targetIds: g });
  });
  const inspectorsRandom = departments.every((d) => d.teams.every((t) => t.random));
  const targetsRandom = record.random;
  const randomSide = targetsRandom && inspectorsRandom ? "both" : targetsRandom ? "targets-only" : inspectorsRandom ? "inspectors-only" : "neither";
  // recusals sorted by their canonical JSON in UTF-16 code-unit order (docs/spec-v1.md §2, §9.4), each key computed
  // once. Never localeCompare: its order follows the machine's ICU locale (zh-CN sorts Chinese by pinyin), so the record
  // and its digest would depend on where it was drawn.
  const recusals = deepFreeze(
    (input.recusals ?? [])
      .map((r) => [canonicalJson(r), r] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([, r]) => canonicalize(r)),
  );
  // members in canonical order; departments, teams and leaders were frozen as they were built
  const body = {
    algorithm: STAGE2_ALGORITHM,
    departments: Object.freeze(departments),
    initiatingDepartmentId: input.initiatingDepartmentId,
    kind: "inspector-draw" as const,
    leaders: Object.freeze(leaders),
    lockDigest: locked.digest,
    randomSide: randomSide as InspectorDrawRecord["randomSide"],
    recusals,
    seed: deepFreeze(canonicalize(input.seed)),
    targetDrawDigest: record.digest,
    taskId: record.taskId,
  };
  const digest = bodyDigest(body); // streamed: the 4 MiB JSON of a 10⁴-target record is never built
  const { algorithm, departments: ds, initiatingDepartmentId, kind, ...rest } = body;
  const out: InspectorDrawRecord = Object.freeze({ algorithm, departments: ds, digest, initiatingDepartmentId, kind, ...rest });
  return Object.freeze({ ok: true as const, record: out });
}
