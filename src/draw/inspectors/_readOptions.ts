// The stage-2 input's options, read once at the boundary of every stage-2 function (drawInspectors, its verifier
// verifyInspectorDraw, commitInspectorInputs): one reader, so that the draw, the verifier and the inputs commitment
// accept and refuse the same inputs (hostile9a finding 1). Hand-written, not a schema parse: it runs on every draw.
import type { RuleIssue } from "../../errors/ShuangsuijiError.js";

type Path = readonly (string | number)[];
type Input = Record<string, unknown>;

const isObject = (v: unknown): v is Input => typeof v === "object" && v !== null && !Array.isArray(v);
/** A non-empty string (the ids and tags of the stage-2 input, as commitInspectorInputs has always read them). */
const isText = (v: unknown): v is string => typeof v === "string" && v !== "";

/** docs/spec-v1.md §9.2: the input's optional members; `null` counts as absent (what a Java or Python back end writes). */
const OPTIONAL = ["targetIds", "groupSize", "recusals", "unavailable", "allowSingleSideFallback", "seedFixedOn", "inputsAnnouncedOn"];
/** docs/spec-v1.md §9.2: a department's optional members; `null` counts as absent. */
const DEPARTMENT_OPTIONAL = ["requiredExpertise", "expertiseMatch", "scope", "teamSize", "workloadCap", "targetIds"];

const SPEC = "docs/spec-v1.md §9.2";

/** What one option must be: its rule, the clause it comes from and the texts that say so. */
interface Rule {
  readonly rule: string;
  readonly clause: string;
  readonly zh: string;
  readonly en: string;
}

const issue = (path: Path, r: Rule, value: unknown, zh = r.zh, en = r.en): RuleIssue =>
  value === undefined ? { path, rule: r.rule, clause: r.clause, messageZh: zh, messageEn: en } : { path, rule: r.rule, clause: r.clause, messageZh: zh, messageEn: en, value };

/** Longting art. 19: targets are the locked list's (or a subset dispatched from it). */
const TARGETS: Rule = { rule: "dispatch", clause: `Longting art. 19; ${SPEC}`, zh: "检查对象应为非空文本标识的列表", en: "targetIds is a list of target ids (non-empty texts)" };
/** Longting art. 18: the expertise the items need. */
const EXPERTISE: Rule = { rule: "required-expertise", clause: `Longting art. 18; ${SPEC}`, zh: "所需业务专长应为非空文本的列表", en: "requiredExpertise is a list of expertise tags (non-empty texts)" };
/** Longting art. 18: how the required tags are matched. */
const MATCH: Rule = { rule: "expertise-match", clause: `Longting art. 18; ${SPEC}`, zh: "专长匹配方式应为\"any\"（具备任一所需专长）或\"all\"（具备全部所需专长）", en: 'expertiseMatch is "any" (one required tag) or "all" (every required tag)' };
/** Yanshi 7.3: the four draw scopes. */
const SCOPE: Rule = {
  rule: "draw-scope",
  clause: `Yanshi 7.3; ${SPEC}`,
  zh: "抽取范围应为{kind:\"whole-bureau\"}、{kind:\"bureau-and-stations\",stations}、{kind:\"stations\",stations}或{kind:\"station\",station}之一",
  en: 'scope is one of {kind:"whole-bureau"}, {kind:"bureau-and-stations",stations}, {kind:"stations",stations}, {kind:"station",station}',
};
/** Longting art. 21; 行政处罚法 art. 42: at least two inspectors per team. */
const TEAM: Rule = { rule: "team-size", clause: "Longting art. 21; 行政处罚法 art. 42", zh: "每个部门实地核查人员不得少于两人", en: "a department sends at least two inspectors" };
/** Longting art. 19; docs/spec-v1.md §9.3: the most teams one inspector joins. */
const CAP: Rule = { rule: "workload-cap", clause: `Longting art. 19; ${SPEC}, §9.3`, zh: "工作量上限应为非负整数（每名人员在本任务中至多参加的检查组数）", en: "workloadCap is a whole number ≥ 0 (the most teams one inspector joins in this task)" };
/** Yanshi 7.3: targets per team. */
const GROUP: Rule = { rule: "group-size", clause: "Yanshi 7.3", zh: "分组大小应为正整数", en: "groupSize is a positive whole number" };
/** 行政处罚法 art. 43: a declared conflict with a target. */
const RECUSAL: Rule = { rule: "recusal", clause: `行政处罚法 art. 43; ${SPEC}`, zh: "回避应为{inspectorId, targetId, reason}的列表", en: "recusals is a list of {inspectorId, targetId, reason}" };
/** Longting art. 19: who cannot take part in this task. */
const UNAVAILABLE: Rule = { rule: "unavailable", clause: `Longting art. 19; ${SPEC}`, zh: "不能参加人员应为{inspectorId, reason}的列表", en: "unavailable is a list of {inspectorId, reason}" };
/** Longting art. 19: the single-side fallback, on or off. */
const FALLBACK: Rule = { rule: "single-side-fallback", clause: `Longting art. 19; ${SPEC}`, zh: "allowSingleSideFallback应为true或false", en: "allowSingleSideFallback is true or false" };

/** A list of non-empty texts: the issues of the list, or of each element that is not one. */
function texts(v: unknown, path: Path, r: Rule, out: RuleIssue[]): boolean {
  if (!Array.isArray(v)) {
    out.push(issue(path, r, v));
    return false;
  }
  for (let k = 0; k < v.length; k++) if (!isText(v[k])) out.push(issue([...path, k], r, v[k], `${r.zh}：该项不是非空文本`, `${r.en}: this element is not a non-empty text`));
  return true;
}

/** A list of objects with exactly these members (`text`: a non-empty string; otherwise any string). */
function entries(v: unknown, path: Path, r: Rule, members: Readonly<Record<string, "text" | "string">>, out: RuleIssue[]): boolean {
  if (!Array.isArray(v)) {
    out.push(issue(path, r, v));
    return false;
  }
  for (let k = 0; k < v.length; k++) {
    const e = v[k];
    if (!isObject(e)) {
      out.push(issue([...path, k], r, e));
      continue;
    }
    for (const m in members) {
      const x = e[m];
      if (members[m] === "text" ? !isText(x) : typeof x !== "string") out.push(issue([...path, k, m], r, x, `${r.zh}：${m}${x === undefined ? "缺失" : "应为" + (members[m] === "text" ? "非空文本" : "文本")}`, `${r.en}: ${m} ${x === undefined ? "is missing" : `is a ${members[m] === "text" ? "non-empty " : ""}text`}`));
    }
    for (const m of Object.keys(e)) if (!(m in members)) out.push(issue([...path, k, m], r, e[m], `${r.zh}：不应有成员${m}`, `${r.en}: no member ${m}`));
  }
  return true;
}

/** Yanshi 7.3: a scope is one of its four forms, with exactly its members. */
function scope(v: unknown, path: Path, out: RuleIssue[]): boolean {
  const kind = isObject(v) ? v.kind : undefined;
  const needs = kind === "whole-bureau" ? [] : kind === "bureau-and-stations" || kind === "stations" ? ["stations"] : kind === "station" ? ["station"] : undefined;
  if (!isObject(v) || needs === undefined) {
    out.push(issue(isObject(v) ? [...path, "kind"] : path, SCOPE, isObject(v) ? v.kind : v));
    return false;
  }
  if (needs[0] === "stations") texts(v.stations, [...path, "stations"], SCOPE, out);
  if (needs[0] === "station" && !isText(v.station)) out.push(issue([...path, "station"], SCOPE, v.station));
  for (const m of Object.keys(v)) if (m !== "kind" && !needs.includes(m)) out.push(issue([...path, m], SCOPE, v[m], `${SCOPE.zh}：不应有成员${m}`, `${SCOPE.en}: no member ${m}`));
  return true;
}

/**
 * @internal Reads the options of a stage-2 input copy in place (docs/spec-v1.md §9.2): an optional member that is
 * `null` is removed (absent, its default applies); every option that is not what §9.2 says is reported — all of them,
 * bilingual, at its path, with its rule and clause — and an option whose type is wrong is removed from the copy, so
 * that the checks after this one never meet it (the caller throws the issues). Options: `targetIds`, `groupSize`,
 * `recusals`, `unavailable`, `allowSingleSideFallback`, and each department's `requiredExpertise`, `expertiseMatch`,
 * `scope`, `teamSize`, `workloadCap`, `targetIds`. The dates (`seedFixedOn`, `inputsAnnouncedOn`) are only made
 * absent when `null`: the draw checks them (rule `civil-date`). Departments that are not objects are left to the frame.
 */
export function readStage2Options(input: Input): RuleIssue[] {
  const out: RuleIssue[] = [];
  for (const k of OPTIONAL) if (input[k] === null) delete input[k];
  /** Keeps a member that is the right kind of value (its elements may still be reported), removes one that is not. */
  const keep = (ok: boolean, at: Input, k: string): void => {
    if (!ok) delete at[k];
  };
  /** A single value: reported and removed unless `ok`. */
  const one = (ok: boolean, at: Input, k: string, path: Path, r: Rule): void => {
    if (ok) return;
    out.push(issue(path, r, at[k]));
    delete at[k];
  };
  const whole = (v: unknown, min: number): boolean => Number.isSafeInteger(v) && (v as number) >= min;
  if (input.targetIds !== undefined) keep(texts(input.targetIds, ["targetIds"], TARGETS, out), input, "targetIds");
  if (input.groupSize !== undefined) one(whole(input.groupSize, 1), input, "groupSize", ["groupSize"], GROUP);
  if (input.recusals !== undefined) keep(entries(input.recusals, ["recusals"], RECUSAL, { inspectorId: "text", targetId: "text", reason: "string" }, out), input, "recusals");
  if (input.unavailable !== undefined) keep(entries(input.unavailable, ["unavailable"], UNAVAILABLE, { inspectorId: "text", reason: "string" }, out), input, "unavailable");
  if (input.allowSingleSideFallback !== undefined) one(typeof input.allowSingleSideFallback === "boolean", input, "allowSingleSideFallback", ["allowSingleSideFallback"], FALLBACK);
  const departments = Array.isArray(input.departments) ? (input.departments as unknown[]) : [];
  for (let k = 0; k < departments.length; k++) {
    const d = departments[k];
    if (!isObject(d)) continue;
    for (const m of DEPARTMENT_OPTIONAL) if (d[m] === null) delete d[m];
    const at = (m: string): Path => ["departments", k, m];
    if (d.requiredExpertise !== undefined) keep(texts(d.requiredExpertise, at("requiredExpertise"), EXPERTISE, out), d, "requiredExpertise");
    if (d.expertiseMatch !== undefined) one(d.expertiseMatch === "any" || d.expertiseMatch === "all", d, "expertiseMatch", at("expertiseMatch"), MATCH);
    if (d.scope !== undefined) keep(scope(d.scope, at("scope"), out), d, "scope");
    if (d.teamSize !== undefined) one(whole(d.teamSize, 2), d, "teamSize", at("teamSize"), TEAM);
    if (d.workloadCap !== undefined) one(whole(d.workloadCap, 0), d, "workloadCap", at("workloadCap"), CAP);
    if (d.targetIds !== undefined) keep(texts(d.targetIds, at("targetIds"), TARGETS, out), d, "targetIds");
  }
  return out;
}

/** @internal Whether `path` is `under` or inside it: a later check's issue there adds nothing to the option's own. */
export function within(path: Path, under: Path): boolean {
  if (path.length < under.length) return false;
  for (let i = 0; i < under.length; i++) if (path[i] !== under[i]) return false;
  return true;
}
