import { readStage2Input } from "./_readInput.js";
import { readStage2Options, within } from "./_readOptions.js";
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
import { RecordText } from "./_recordText.js";
import { directoryDigest as digestOfDirectory } from "./_directoryDigest.js";
import { planAssignment, type AssignmentPlanner } from "./_assignment.js";
import { isPlainInspector } from "./_plainInspector.js";
import { lockProblems, refuse } from "../records/_checkRecord.js";
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

/** Texts in code-unit order (as `sort()` puts them), then anything else in its given order, never made a string. */
const textsFirst = (a: unknown, b: unknown): number =>
  typeof a === "string" ? (typeof b === "string" ? (a < b ? -1 : a > b ? 1 : 0) : -1) : typeof b === "string" ? 1 : 0;

/** The four pieces of an inspector id in the record text: `"id"`, `,"id"`, and a team's opening with it, first or not. */
const ID_PREFIXES: readonly string[] = Object.freeze(["", ",", '{"inspectorIds":[', ',{"inspectorIds":[']);

/**
 * Whether `validateRecords(InspectorSchema, …)` (Chongqing table C.1) would accept a directory the boundary has already
 * read into plain data: every row passes the schema and no id repeats. Only then is its report skipped — it re-reads
 * and copies every row — so any problem is still reported by it, with every bad row. The common row is checked by
 * hand ({@link isPlainInspector}), any other by the schema.
 */
function inspectorsValid(rows: readonly unknown[]): boolean {
  const ids = new Set<unknown>();
  for (const row of rows) {
    if (isPlainInspector(row)) {
      const id = (row as Inspector).id;
      if (ids.has(id)) return false;
      ids.add(id);
      continue;
    }
    const r = InspectorSchema.safeParse(row);
    if (!r.success || ids.has(r.data.id)) return false;
    ids.add(r.data.id);
  }
  return true;
}

/** Whether a list sorted by `Array.prototype.sort()` repeats a value, as `new Set(list).size < list.length` says. */
function repeats(sorted: readonly unknown[]): boolean {
  for (let i = 0; i < sorted.length; i++) if (typeof sorted[i] !== "string") return new Set(sorted).size !== sorted.length;
  // strings sorted by UTF-16 code units: equal ones are adjacent
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) return true;
  return false;
}

/**
 * The recusals as recorded: sorted by their canonical JSON in UTF-16 code-unit order (docs/spec-v1.md §2, §9.4), each
 * key computed once. Never localeCompare: its order follows the machine's ICU locale (zh-CN sorts Chinese by pinyin),
 * so the record and its digest would depend on where it was drawn. (A function of its own: the draw's long body is not
 * deoptimised by the shapes of the recusal lists it meets.)
 */
function recordedRecusals(recusals: DrawInspectorsInput["recusals"]): InspectorDrawRecord["recusals"] {
  return deepFreeze(
    (recusals ?? [])
      .map((r) => [canonicalJson(r), r] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([, r]) => canonicalize(r)),
  );
}

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
 * @throws {@link ShuangsuijiError} `invalid-input` when the input is malformed (every problem listed): an option that is
 *   not what docs/spec-v1.md §9.2 says (`workloadCap: "8"`, `expertiseMatch: "abc"`, a `scope` of another form…; an
 *   optional member that is `null` is absent, its default applies), the stage-1 seed
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
  return drawStage2(raw, undefined);
}

/**
 * @internal {@link drawInspectors}, also handing the record's canonical text (the bytes its digest hashes) to `sink`
 * when it succeeds: verification compares it with the text of the published record written independently
 * (`_recordDigest.ts`) instead of hashing that text a second time.
 */
export function drawStage2(raw: DrawInspectorsInput, sink: { text?: Uint8Array } | undefined, options?: Stage2Options): DrawInspectorsResult {
  const input = readStage2Input(raw) as unknown as DrawInspectorsInput;
  const allTargets = checkedTargets(input);
  return drawChecked(input, allTargets, sink, options?.general === true);
}

/** @internal Test hook: `general` draws every department by {@link generalTeams}, the path the fast one must equal. */
export interface Stage2Options {
  readonly general?: boolean;
}

/** The input's frame (departments with their directories, the initiating department): built on first use, once. */
let inputFrame: z.ZodMiniType | undefined;
/** @internal */
export const frame = (): z.ZodMiniType => (inputFrame ??= z.object({ departments: z.array(z.object({ departmentId: z.string(), inspectors: z.array(z.unknown()) })), initiatingDepartmentId: z.string() }));

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * @internal Whether the frame's schema certainly accepts `input` (an object; `departments` an array of objects, each with a
 * string `departmentId` and an array `inspectors`; a string `initiatingDepartmentId`): then its parse — a result per
 * directory row — is skipped; otherwise it runs and reports every problem, as before.
 */
export function framed(input: unknown): boolean {
  if (!isObject(input) || typeof input.initiatingDepartmentId !== "string" || !Array.isArray(input.departments)) return false;
  const departments = input.departments as unknown[];
  for (let k = 0; k < departments.length; k++) {
    const d = departments[k];
    if (!isObject(d) || typeof d.departmentId !== "string" || !Array.isArray(d.inspectors)) return false;
  }
  return true;
}

/**
 * Every input check of stage 2 (all problems at once, as `invalid-input`; `draw-not-locked` and `seed-too-weak` first);
 * returns the targets in force, sorted. A function of its own, apart from the draw: the checks run once per call, and
 * the draw's loops are compiled without them (one long body took 200–370 ms to optimise, several times over).
 */
function checkedTargets(input: DrawInspectorsInput): string[] {
  const issues: RuleIssue[] = [];
  if (!framed(input)) parseInput(frame(), input, "Longting art. 19");
  // every option as docs/spec-v1.md §9.2 says (null: absent), read as commitInspectorInputs reads it; a wrong one is
  // reported with the other problems below and removed, so that the checks below never meet it
  const options = readStage2Options(input as unknown as Record<string, unknown>);
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
  const lockedIds: string[] = [];
  // indexed loops in this function: it runs once per call, unoptimised, where `for…of` allocates a result per element
  for (let s = 0; s < record.strata.length; s++) {
    const selected = (record.strata[s] as (typeof record.strata)[number]).selected;
    for (let u = 0; u < selected.length; u++) lockedIds.push((selected[u] as (typeof selected)[number]).unitId);
  }
  // A subset of the locked list only (Longting art. 19: inspectors are drawn for the locked targets, nothing else).
  const lockedSet = new Set(input.targetIds === undefined ? [] : lockedIds);
  (input.targetIds ?? []).forEach((t, k) => {
    if (typeof t !== "string" || !lockedSet.has(t)) issues.push({ path: ["targetIds", k], rule: "dispatch", clause: "Longting art. 19; docs/spec-v1.md §9", messageZh: "检查对象不在锁定名单中", messageEn: "a target is not on the locked list", value: t });
  });
  // lockedIds is a fresh array; ids that are not texts (reported by the option reader) sort after the texts, without
  // turning them into strings (an object without a prototype has no string form)
  const allTargets = options.length === 0 ? (input.targetIds === undefined ? lockedIds : [...input.targetIds]).sort() : [...(input.targetIds ?? lockedIds)].sort(textsFirst);
  // the distinct targets, built when some input names targets (a dispatch, a recusal, a subset)
  let distinct: ReadonlySet<unknown> | undefined;
  const targetSet = (): ReadonlySet<unknown> => (distinct ??= new Set(allTargets));
  if (repeats(allTargets)) issues.push({ path: ["targetIds"], rule: "unique-ids", clause: "Longting art. 19", messageZh: "检查对象重复", messageEn: "a target id is listed twice (the same inspector could be put twice on one target)" });
  (input.recusals ?? []).forEach((r, k) => {
    if (!targetSet().has(r?.targetId)) issues.push({ path: ["recusals", k, "targetId"], rule: "recusal-target", clause: "行政处罚法 art. 43; docs/spec-v1.md §9", messageZh: "回避所涉检查对象不在本次名单中", messageEn: "a recusal names a target that is not on the list", value: r?.targetId });
  });
  const owner = new Map<string, string>();
  input.departments.forEach((d, k) => {
    const rows = d.inspectors ?? [];
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r] as Inspector;
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
  const deptIds = input.departments.map((d) => d.departmentId);
  if (new Set(deptIds).size !== deptIds.length) issues.push(ruleIssue("unique-ids", ["departments"]));
  const initiating = input.departments.find((d) => d.departmentId === input.initiatingDepartmentId);
  if (initiating === undefined) {
    issues.push(ruleIssue("team-leader-initiating", ["initiatingDepartmentId"], { value: input.initiatingDepartmentId, detailEn: "the initiating department must be one of the departments", detailZh: "发起部门应在参与部门之中" }));
  } else if (initiating.targetIds !== undefined && (new Set(initiating.targetIds).size !== targetSet().size || initiating.targetIds.some((t) => !targetSet().has(t)))) {
    issues.push(ruleIssue("team-leader-initiating", ["departments", deptIds.indexOf(initiating.departmentId), "targetIds"], { detailEn: "the initiating department covers every target (it provides each leader)", detailZh: "发起部门应覆盖全部检查对象（负责每组组长）" }));
  }
  input.departments.forEach((d, k) => {
    if (d.targetIds !== undefined && new Set(d.targetIds).size !== d.targetIds.length) issues.push({ path: ["departments", k, "targetIds"], rule: "unique-ids", clause: "Longting art. 19", messageZh: "派发的检查对象重复", messageEn: "a dispatched target is listed twice" });
    for (const t of d.targetIds ?? []) if (typeof t === "string" && t !== "" && !targetSet().has(t)) issues.push({ path: ["departments", k, "targetIds"], rule: "dispatch", clause: "Longting art. 19", messageZh: "派发的检查对象不在锁定名单中", messageEn: "a dispatched target is not on the locked list", value: t });
    const v = inspectorsValid(d.inspectors) ? undefined : validateRecords(InspectorSchema, d.inspectors, "Chongqing table C.1");
    if (v !== undefined && !v.ok) issues.push(...v.issues.map((i) => ({ ...i, path: ["departments", k, "inspectors", ...i.path] })));
    for (let r = 0; r < d.inspectors.length; r++) {
      const i = d.inspectors[r] as Inspector;
      if (i.departmentId !== d.departmentId) issues.push({ path: ["departments", k, "inspectors"], rule: "inspector-department", clause: "Longting art. 19 (各参与部门自行抽取)", messageZh: "人员不属于该部门", messageEn: "an inspector belongs to another department", value: i.id });
    }
  });
  // an option's own issue says it all: a later check's issue at or inside its path is left out
  if (options.length > 0) throw new ShuangsuijiError("invalid-input", [...issues.filter((i) => !options.some((o) => within(i.path, o.path))), ...options]);
  if (issues.length > 0) throw new ShuangsuijiError("invalid-input", issues);
  return allTargets;
}

/**
 * The targets in groups of `groupSize`, in canonical (id) order (Yanshi 7.3: one team per group): each group frozen
 * once and shared by every department's team and the group's leader (the record is frozen as it is built).
 */
function groupsOf(allTargets: readonly string[], groupSize: number): string[][] {
  const groups = presized<string[]>(Math.ceil(allTargets.length / groupSize));
  if (groupSize === 1) for (let i = 0; i < allTargets.length; i++) groups[i] = Object.freeze([allTargets[i] as string]) as string[];
  else for (let i = 0, g = 0; i < allTargets.length; i += groupSize, g++) groups[g] = Object.freeze(allTargets.slice(i, i + groupSize)) as string[];
  return groups;
}

/** Each group's `[…]}` (its target list closing a team or a leader) as a piece of `text`: piece numbers, typed (one map for every draw). */
function groupPieces(text: RecordText, groups: readonly (readonly string[])[]): Int32Array {
  const out = new Int32Array(groups.length);
  for (let g = 0; g < groups.length; g++) out[g] = text.listPiece(groups[g] as readonly string[], "}");
  return out;
}

/** The record text and the pieces the team loops append (see {@link RecordText}). */
interface TeamText {
  readonly text: RecordText;
  /** The pieces of available[k]'s id: `"id"` idPiece + 4k, `,"id"` + 1, `{"inspectorIds":["id"` + 2, `,{"inspectorIds":["id"` + 3. */
  readonly idPiece: number;
  readonly randomTrue: number;
  readonly randomFalse: number;
  /** Group g's `[…]}`: its target list closing a team or a leader. */
  readonly groupText: Int32Array;
}

/** The initiating department's teams, kept for the leaders: group g's members and their pieces (`pieces[g·m + i]`). */
interface LeadTeams {
  readonly teams: (readonly string[])[];
  readonly pieces: Int32Array;
}

/**
 * A team's inspector ids in draw order, `ids[picked[i]]`: an array literal for teams of 2 to 4 (a packed array, which
 * `Object.freeze` handles about twice as fast as the holey one `new Array(m)` makes), exactly m elements either way.
 */
function teamOf(ids: readonly string[], picked: Int32Array, m: number): string[] {
  if (m === 2) return [ids[picked[0] as number] as string, ids[picked[1] as number] as string];
  if (m === 3) return [ids[picked[0] as number] as string, ids[picked[1] as number] as string, ids[picked[2] as number] as string];
  if (m === 4) return [ids[picked[0] as number] as string, ids[picked[1] as number] as string, ids[picked[2] as number] as string, ids[picked[3] as number] as string];
  const team = new Array<string>(m);
  for (let i = 0; i < m; i++) team[i] = ids[picked[i] as number] as string;
  return team;
}

/** Appends a team's text: its opening with the first member, the other members, `random` and its targets. */
function putTeam(w: TeamText, pieces: Int32Array, picked: Int32Array, m: number, first: boolean, random: boolean, group: number): void {
  pieces[0] = w.idPiece + 4 * (picked[0] as number) + (first ? 2 : 3);
  for (let i = 1; i < m; i++) pieces[i] = w.idPiece + 4 * (picked[i] as number) + 1;
  pieces[m] = random ? w.randomTrue : w.randomFalse;
  if (group < 0) {
    w.text.putAll(pieces, m + 1);
  } else {
    pieces[m + 1] = w.groupText[group] as number;
    w.text.putAll(pieces, m + 2);
  }
}

/**
 * The common department's teams (Longting art. 19, 21; docs/spec-v1.md §9.2): every group whole, no recusal, no
 * workload cap, more than m available — each team a partial Fisher–Yates of m over the whole canonical list (for i < m,
 * j = uniformInt(i, n − 1), swap, take position i; the swaps undone after the team), recorded random. Exactly the
 * draws, teams and text {@link generalTeams} makes for such a department (property test: test/draw/stage2Fast.test.ts);
 * a small function of its own, so that it is optimised within the first draw.
 */
function wholeTeams(rng: ReturnType<typeof departmentRng>, ids: readonly string[], m: number, groups: readonly (readonly string[])[], w: TeamText, lead: LeadTeams | undefined): DrawnTeam[] {
  const n = ids.length;
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const swapped = new Int32Array(m);
  const picked = new Int32Array(m);
  const pieces = new Int32Array(m + 2);
  const teams = presized<DrawnTeam>(groups.length);
  for (let g = 0; g < groups.length; g++) {
    for (let i = 0; i < m; i++) {
      const j = uniformInt(rng, i, n - 1);
      const t = perm[j] as number;
      perm[j] = perm[i] as number;
      perm[i] = t;
      swapped[i] = j;
      picked[i] = t;
    }
    for (let i = m - 1; i >= 0; i--) {
      const j = swapped[i] as number;
      const t = perm[j] as number;
      perm[j] = perm[i] as number;
      perm[i] = t;
    }
    const team = teamOf(ids, picked, m);
    teams[g] = Object.freeze({ inspectorIds: Object.freeze(team), random: true, targetIds: groups[g] as readonly string[] });
    putTeam(w, pieces, picked, m, g === 0, true, g);
    if (lead !== undefined) {
      lead.teams[g] = team;
      for (let i = 0; i < m; i++) lead.pieces[g * m + i] = w.idPiece + 4 * (picked[i] as number);
    }
  }
  return teams;
}

/**
 * An array of `n` slots that the caller fills, every one, in order (a list of teams or leaders, one per group): allocated
 * once at its final size rather than grown by `push` — growing a 10⁴-entry list copies it about 20 times (≈ 0.8 MiB of
 * garbage per 5-department draw). Above 32,768 entries V8 may give `new Array(n)` slow (dictionary) elements, so longer
 * lists start empty and grow as before.
 */
function presized<T>(n: number): T[] {
  return n <= 32768 ? new Array<T>(n) : [];
}

/**
 * The leaders (Chongqing 6.5): one per group, drawn among the initiating department's members of that group by one
 * uniformInt each, continuing that department's stream after its teams; their text appended (`pieces`: the openings
 * `{"leaderId":`, `,{"leaderId":` and `,"targetIds":`).
 */
function drawLeaders(rng: ReturnType<typeof departmentRng>, groups: readonly (readonly string[])[], lead: LeadTeams, text: RecordText, groupText: Int32Array, pieces: readonly [number, number, number]): { readonly leaderId: string; readonly targetIds: readonly string[] }[] {
  const out = presized<{ readonly leaderId: string; readonly targetIds: readonly string[] }>(groups.length);
  const put = new Int32Array(4);
  for (let g = 0; g < groups.length; g++) {
    const team = lead.teams[g] as readonly string[];
    const pick = uniformInt(rng, 0, team.length - 1);
    put[0] = g === 0 ? pieces[0] : pieces[1];
    put[1] = lead.pieces[g * team.length + pick] as number;
    put[2] = pieces[2];
    put[3] = groupText[g] as number;
    text.putAll(put, 4);
    out[g] = Object.freeze({ leaderId: team[pick] as string, targetIds: groups[g] as readonly string[] });
  }
  return out;
}

/** A department's state for {@link generalTeams}, decided before any random choice. */
interface GeneralDepartment {
  readonly rng: ReturnType<typeof departmentRng>;
  /** The available inspectors' ids, canonical order. */
  readonly ids: readonly string[];
  readonly m: number;
  readonly groups: readonly (readonly string[])[];
  readonly groupCount: number;
  /** With a dispatch subset or recusals: the department's groups (index, targets, recused ids); else every group. */
  readonly mineGroup: readonly number[] | undefined;
  readonly mineTargets: readonly (readonly string[])[] | undefined;
  readonly mineRecused: readonly ReadonlySet<string>[] | undefined;
  readonly available: readonly Inspector[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly cap: number | undefined;
  readonly planner: AssignmentPlanner | undefined;
  readonly w: TeamText;
  readonly lead: LeadTeams | undefined;
  readonly departmentId: string;
}

/**
 * Any department's teams (Longting art. 19, 21; 行政处罚法 art. 43; docs/spec-v1.md §9.2–9.3): per group, the pool
 * left by recusals and the workload cap; a pool of exactly m taken whole (random: false, the single-side fallback or
 * a cap that left exactly m), else a partial Fisher–Yates over the pool, a pick that would leave a later team
 * impossible under the cap replaced by a uniformInt draw among the safe positions. Returns the teams, or the failure.
 */
function generalTeams(d: GeneralDepartment): DrawnTeam[] | DrawInspectorsResult {
  const { rng, ids, m, groups, groupCount, mineGroup, mineTargets, mineRecused, available, indexOf, cap, planner, w, lead } = d;
  const load = cap === undefined ? undefined : new Int32Array(available.length);
  const teams: DrawnTeam[] = [];
  // Reused partial Fisher–Yates permutation: identity between teams (the ≤ m swaps are undone), so O(m) per team.
  const perm = Int32Array.from({ length: available.length }, (_, i) => i);
  const swapped = new Int32Array(m);
  /** Positions in `available` of the team being drawn, in draw order. */
  const picked = new Int32Array(m);
  const pieces = new Int32Array(m + 2);
  for (let k = 0; k < groupCount; k++) {
    const g = mineGroup === undefined ? k : (mineGroup[k] as number);
    const targetIds = mineTargets === undefined ? (groups[k] as readonly string[]) : (mineTargets[k] as readonly string[]);
    const recused = mineRecused === undefined ? NO_RECUSALS : (mineRecused[k] as ReadonlySet<string>);
    let pool = available;
    if (recused.size > 0) pool = pool.filter((i) => !recused.has(i.id));
    if (load !== undefined && cap !== undefined) {
      pool = pool.filter((i) => (load[indexOf.get(i.id) as number] as number) < cap);
      if (pool.length < m) return failure(d.departmentId, targetIds, "workload", pool.length, m); // unreachable once the matching says feasible
    }
    const whole = pool === available;
    let random = true;
    if (pool.length === m) {
      // Reached without the fallback only when earlier teams' workload left exactly m: the matching proved the team
      // completable, so it is completed (recorded random: false) instead of failing for some seeds only (§9.3).
      for (let p = 0; p < m; p++) {
        const a = whole ? p : (indexOf.get((pool[p] as Inspector).id) as number);
        if (planner !== undefined) planner.commit(k, a);
        picked[p] = a;
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
        picked[i] = whole ? t : (indexOf.get((pool[t] as Inspector).id) as number); // its position in `available`
      }
      for (let i = m - 1; i >= 0; i--) {
        const j = swapped[i] as number;
        const t = perm[j] as number;
        perm[j] = perm[i] as number;
        perm[i] = t;
      }
    }
    if (load !== undefined) {
      for (let i = 0; i < m; i++) {
        const a = picked[i] as number;
        load[a] = (load[a] as number) + 1;
      }
    }
    // members in draw order, frozen as built: the record needs no canonicalising copy nor a deep walk
    const team = teamOf(ids, picked, m);
    teams.push(Object.freeze({ inspectorIds: Object.freeze(team), random, targetIds }));
    const wholeGroup = targetIds === groups[g];
    putTeam(w, pieces, picked, m, k === 0, random, wholeGroup ? g : -1);
    if (!wholeGroup) w.text.text(`${JSON.stringify(targetIds)}}`);
    if (lead !== undefined) {
      lead.teams[g] = team;
      for (let i = 0; i < m; i++) lead.pieces[g * m + i] = w.idPiece + 4 * (picked[i] as number);
    }
  }
  return teams;
}

/** The draw of checked input: teams, leaders and the record, its text written as they are drawn. */
function drawChecked(input: DrawInspectorsInput, allTargets: readonly string[], sink: { text?: Uint8Array } | undefined, general: boolean): DrawInspectorsResult {
  const locked = input.locked;
  const record = locked.record;
  const groupSize = input.groupSize ?? 1;
  const groups = groupsOf(allTargets, groupSize);
  const recusedBy = new Map<string, Set<string>>();
  for (const r of input.recusals ?? []) {
    const s = recusedBy.get(r.targetId) ?? new Set<string>();
    s.add(r.inspectorId);
    recusedBy.set(r.targetId, s);
  }
  const unavailable = new Set((input.unavailable ?? []).map((u) => u.inspectorId));
  const allowFallback = input.allowSingleSideFallback ?? true;
  const departments: DepartmentDraw[] = [];
  const sortedSpecs = [...input.departments].sort((a, b) => (a.departmentId < b.departmentId ? -1 : a.departmentId > b.departmentId ? 1 : 0));
  // Whether an inspector counts toward the team (Longting art. 21; Chongqing 5), decided once per category.
  const countsByCategory = new Map<unknown, boolean>();
  const counts = (i: Inspector): boolean => {
    let c = countsByCategory.get(i.category);
    if (c === undefined) countsByCategory.set(i.category, (c = countsTowardMinimum({ category: i.category })));
    return c;
  };

  // The record's canonical text (docs/spec-v1.md §2), written while drawing: the body's members in canonical (sorted)
  // order — algorithm, departments (each: departmentId, directoryDigest, eligibleCounts, teams), initiatingDepartmentId,
  // kind, leaders, then the rest — teams and leaders from pieces encoded once. Its SHA-256 is the record digest.
  // Verification hashes the published record with an independent writer (_recordDigest.ts); tests compare both with
  // the generic canonical digest.
  // Hashed chunk by chunk through a reused 64 KiB buffer as it is written (no 4 MiB buffer per draw); kept whole only
  // when verification asks for it (`sink`), to compare the published record's text with it.
  const text = new RecordText(sink === undefined ? "hash" : "keep");
  text.reservePieces(groups.length + 8); // the punctuation and the groups' lists (ids: below)
  const RANDOM_TRUE = text.piece('],"random":true,"targetIds":');
  const RANDOM_FALSE = text.piece('],"random":false,"targetIds":');
  const LEADER = text.piece('{"leaderId":');
  const LEADER_NEXT = text.piece(',{"leaderId":');
  const LEADER_TARGETS = text.piece(',"targetIds":');
  /** `[…]}`: a group's target list closing its team or leader. */
  const groupText = groupPieces(text, groups);
  // room for the whole text at once, estimated (a team's punctuation is ≤ 48 bytes; ids of the directory's mean UTF-16
  // length, ≤ 3 bytes per unit plus quotes and comma), so the buffer is rarely copied as it grows; at most 64 MiB
  // reserved (one very long id must not reserve its length times every team — the buffer grows as needed anyway)
  let targetsText = 0;
  for (let g = 0; g < groupText.length; g++) targetsText += text.size(groupText[g] as number);
  let room = 65536 + groups.length * 64 + targetsText;
  let pieces = 0; // the id pieces to store, at most (4 per inspector)
  for (const spec of sortedSpecs) {
    let units = 0;
    for (let k = 0; k < spec.inspectors.length; k++) units += (spec.inspectors[k] as Inspector).id.length;
    pieces += 4 * spec.inspectors.length;
    const meanId = 3 * Math.ceil(units / Math.max(1, spec.inspectors.length)) + 3;
    room += groups.length * (48 + (spec.teamSize ?? 2) * meanId) + targetsText;
  }
  text.reserve(Math.min(room, 1 << 26));
  text.reservePieces(Math.min(pieces, 1 << 22));
  text.text(`{"algorithm":${JSON.stringify(STAGE2_ALGORITHM)},"departments":[`);
  // the initiating department's teams, for the leaders: members per group and their pieces
  const initiatingTeams = presized<readonly string[]>(groups.length);
  let initiatingPieces = new Int32Array(0); // group g's member i: [g * its team size + i]
  let leaderRng: ReturnType<typeof departmentRng> | undefined;
  /** Whether every team of every department was drawn at random (none completed by the fallback). */
  let allRandom = true;

  for (let s = 0; s < sortedSpecs.length; s++) {
    const spec = sortedSpecs[s] as DepartmentSpec;
    const m = spec.teamSize ?? 2;
    const initiatingHere = spec.departmentId === input.initiatingDepartmentId;
    const directory = [...spec.inspectors].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const required = spec.requiredExpertise ?? [];
    const qualified = directory.filter(counts);
    const expert = required.length === 0 ? qualified : qualified.filter((i) => (spec.expertiseMatch === "all" ? required.every((t) => i.expertise.includes(t)) : required.some((t) => i.expertise.includes(t))));
    const scope = spec.scope ?? { kind: "whole-bureau" };
    // Yanshi 7.3: the whole bureau keeps every inspector — decided once per department (what inScope answers for each
    // of them), not by a pattern match per inspector (1,500 matches and their garbage in a 5 × 300 draw)
    const scoped = typeof scope === "object" && scope.kind === "whole-bureau" ? expert : expert.filter((i) => inScope(i, scope));
    const available = scoped.filter((i) => !unavailable.has(i.id));
    const standing: [InspectorConstraint, number][] = [["qualified", qualified.length], ["expertise", expert.length], ["scope", scoped.length], ["availability", available.length]];
    const standingFailure = standing.find(([, n]) => n < m);
    const rng = departmentRng(input.seed.value, record.taskId, spec.departmentId);
    const cap = spec.workloadCap;
    const mine = spec.targetIds === undefined ? undefined : new Set(spec.targetIds);
    // Every check that can fail is decided here, before any random choice (docs/spec-v1.md §9.3): the standing
    // filters, recusals per group, and — under a workload cap — an exact matching over all groups. The department's
    // groups: index, targets, recused inspectors (parallel arrays).
    // Without a dispatch subset or recusals every group is the department's, whole, with nothing recused: the checks
    // are the same for every group, so only the first is checked and no per-group list is built.
    const everyGroup = mine === undefined && recusedBy.size === 0;
    let mineGroup: number[] | undefined;
    let mineTargets: (readonly string[])[] | undefined;
    let mineRecused: ReadonlySet<string>[] | undefined;
    if (!everyGroup) {
      mineGroup = [];
      mineTargets = [];
      mineRecused = [];
    }
    for (let g = 0; g < groups.length; g++) {
      const all = groups[g] as string[];
      let targetIds: readonly string[] = all;
      if (mine !== undefined) {
        const kept = all.filter((t) => mine.has(t));
        if (kept.length !== all.length) targetIds = Object.freeze(kept);
      }
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
      if (everyGroup) break; // every other group passes the same checks
      mineGroup?.push(g);
      mineTargets?.push(targetIds);
      mineRecused?.push(recused);
    }
    const groupCount = mineGroup === undefined ? groups.length : mineGroup.length;
    const targetsOf = (k: number): readonly string[] => (mineTargets === undefined ? (groups[k] as string[]) : (mineTargets[k] as readonly string[]));
    // positions in `available` by id: only the general loop and the planner need them
    const fast = !general && everyGroup && cap === undefined && available.length > m;
    const indexOf = new Map<string, number>();
    if (!fast) for (let k = 0; k < available.length; k++) indexOf.set((available[k] as Inspector).id, k);
    const plan =
      cap !== undefined && cap < groupCount
        ? planAssignment(groupCount, available.length, m, cap, Array.from({ length: groupCount }, (_, k) => {
            const r = mineRecused?.[k] ?? NO_RECUSALS;
            return r.size === 0 ? undefined : new Set([...r].flatMap((id) => (indexOf.has(id) ? [indexOf.get(id) as number] : [])));
          }))
        : undefined;
    if (plan !== undefined && !plan.feasible) return failure(spec.departmentId, targetsOf(plan.group), "workload", plan.matched, m);
    const planner = plan?.feasible === true ? plan : undefined;

    const directoryDigest = digestOfDirectory(directory);
    const eligibleCounts = Object.freeze({ available: available.length, directory: directory.length, expertise: expert.length, qualified: qualified.length, scope: scoped.length });
    const header = canonicalJson({ departmentId: spec.departmentId, directoryDigest, eligibleCounts });
    text.text(`${s > 0 ? "," : ""}${header.slice(0, -1)},"teams":[`);
    // the pieces of available[k]'s id: `"id"` is idPiece + 4k, `,"id"` idPiece + 4k + 1, and a team's opening with it
    // as first member: `{"inspectorIds":["id"` idPiece + 4k + 2, `,{"inspectorIds":["id"` idPiece + 4k + 3
    // (written byte by byte into the arena: no string per piece)
    let idPiece = 0;
    for (let k = 0; k < available.length; k++) {
      const p = text.quotedPieces((available[k] as Inspector).id, ID_PREFIXES);
      if (k === 0) idPiece = p;
    }

    if (initiatingHere) initiatingPieces = new Int32Array(groups.length * m);
    // the ids by push: a packed array, the same map on every call (a map() result is holey, and the team loop was
    // deoptimised for the map of the array it was first given)
    const ids: string[] = [];
    for (let k = 0; k < available.length; k++) ids.push((available[k] as Inspector).id);
    const lead = initiatingHere ? { teams: initiatingTeams, pieces: initiatingPieces } : undefined;
    const w: TeamText = { text, idPiece, randomTrue: RANDOM_TRUE, randomFalse: RANDOM_FALSE, groupText };
    let teams: DrawnTeam[];
    if (fast) teams = wholeTeams(rng, ids, m, groups, w, lead);
    else {
      const drawn = generalTeams({ rng, ids, m, groups, groupCount, mineGroup, mineTargets, mineRecused, available, indexOf, cap, planner, w, lead, departmentId: spec.departmentId });
      if (!Array.isArray(drawn)) return drawn as DrawInspectorsResult;
      teams = drawn as DrawnTeam[];
      for (const t of teams) if (!t.random) allRandom = false;
    }
    text.text("]}");
    if (initiatingHere) leaderRng = rng;
    departments.push(Object.freeze({ departmentId: spec.departmentId, directoryDigest, eligibleCounts, teams: Object.freeze(teams) }));
  }
  // Leaders: after the initiating department's teams, continuing its own stream, one uniformInt per group.
  text.text(`],"initiatingDepartmentId":${JSON.stringify(input.initiatingDepartmentId)},"kind":"inspector-draw","leaders":[`);
  const leaders = drawLeaders(leaderRng as ReturnType<typeof departmentRng>, groups, { teams: initiatingTeams, pieces: initiatingPieces }, text, groupText, [LEADER, LEADER_NEXT, LEADER_TARGETS]);
  const inspectorsRandom = allRandom;
  const targetsRandom = record.random;
  const randomSide = targetsRandom && inspectorsRandom ? "both" : targetsRandom ? "targets-only" : inspectorsRandom ? "inspectors-only" : "neither";
  const recusals = recordedRecusals(input.recusals);
  const rest = {
    lockDigest: locked.digest,
    randomSide: randomSide as InspectorDrawRecord["randomSide"],
    recusals,
    seed: deepFreeze(canonicalize(input.seed)),
    targetDrawDigest: record.digest,
    taskId: record.taskId,
  };
  // the remaining members, all after `leaders` in canonical order
  text.text(`]${canonicalJson(rest).replace(/^\{/, ",")}`);
  const out: InspectorDrawRecord = Object.freeze({
    algorithm: STAGE2_ALGORITHM,
    departments: Object.freeze(departments),
    digest: text.digest(),
    initiatingDepartmentId: input.initiatingDepartmentId,
    kind: "inspector-draw" as const,
    leaders: Object.freeze(leaders),
    ...rest,
  });
  if (sink !== undefined) sink.text = text.bytes();
  return Object.freeze({ ok: true as const, record: out });
}
