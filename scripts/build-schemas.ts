/**
 * Generates JSON Schema (draft 2020-12) for every model from the zod schemas, into dist/schemas/*.json, so that
 * vendors' Java or Python back ends validate the same data. Refinements that JSON Schema cannot express (check
 * characters, cross-field rules) are listed in each schema's description; validate with the library for those.
 *
 * For code generators and readers, every schema is post-processed:
 * - each variant of a `oneOf` is titled (`InspectionTarget (organisation)`), and a `oneOf` whose variants all fix one
 *   property to a constant gets `discriminator: { propertyName }` (OpenAPI; Ajv's `discriminator: true` option then
 *   reports the errors of the matching variant only, instead of every variant's);
 * - every `enum` carries its Chinese labels in `x-enum-descriptions` (same order as `enum`);
 * - `$id` is the file's own name (`InspectionTarget.json`), so ids resolve inside the installed package
 *   (`shuangsuiji/schemas/*.json`) wherever it lives, with no network;
 * - every `pattern` is rewritten into a subset that means the same in ECMAScript (Ajv), Python `re` (jsonschema) and
 *   `java.util.regex` ({@link portablePattern}): zod's regexes are JavaScript, where `\d` is `[0-9]` and `$` the end of
 *   the input, but Python's `\d` takes any Unicode digit and a `$` in Python or Java also matches before a final "\n".
 * To add a schema, add one entry to MODEL_SCHEMAS (and labels for new enum values to ENUM_LABELS).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { z } from "zod";
import {
  AnnualPlanRowSchema, AnnualPlanSchema, AuditEventSchema, DepartmentSchema, StoredTaskSchema, InspectionItemSchema, InspectionRecordSchema,
  InspectionSchemeSchema, InspectionTargetSchema, InspectorSchema, JointTeamSchema, OUTCOMES, SpotCheckTaskSchema,
  TargetDrawRecordSchema, PoolCommitmentSchema, SamplingPolicySchema, SeedRecordSchema, InspectorDrawRecordSchema, LockedTargetListSchema,
} from "../src/index.js";

export const MODEL_SCHEMAS = {
  Department: DepartmentSchema,
  InspectionItem: InspectionItemSchema,
  InspectionTarget: InspectionTargetSchema,
  Inspector: InspectorSchema,
  AnnualPlan: AnnualPlanSchema,
  AnnualPlanRow: AnnualPlanRowSchema,
  SpotCheckTask: SpotCheckTaskSchema,
  InspectionScheme: InspectionSchemeSchema,
  JointTeam: JointTeamSchema,
  InspectionRecord: InspectionRecordSchema,
  StoredTask: StoredTaskSchema,
  AuditEvent: AuditEventSchema,
  // the records a draw verifier reads (docs/spec-v1.md §4–§9)
  TargetDrawRecord: TargetDrawRecordSchema,
  PoolCommitment: PoolCommitmentSchema,
  SamplingPolicy: SamplingPolicySchema,
  SeedRecord: SeedRecordSchema,
  InspectorDrawRecord: InspectorDrawRecordSchema,
  LockedTargetList: LockedTargetListSchema,
} as const;

/**
 * Appended to every schema's description: what the schema checks beyond types, and every check of the library it does
 * not express (docs/persistence.md, "JSON Schemas for other languages", keeps the same list).
 */
export const NOTE =
  " Patterns mean the same in ECMAScript, Python re and java.util.regex (digits are [0-9], the end of a pattern is the " +
  "end of the text); text fields refuse leading or trailing white space as String.prototype.trim defines it (the " +
  "pattern spells the characters out). Checks JSON Schema cannot express are enforced by the shuangsuiji library itself: " +
  "check characters (USCC, 注册号, 公民身份号码) and the province prefix of division codes; real calendar dates (format " +
  "date: assert formats, e.g. Python jsonschema's FormatChecker, or 2026-02-30 passes the pattern); cross-field rules " +
  "(start ≤ end, leader ∈ members, an organisation's id = its code, a code's format by its codeType, ratio or count); " +
  "unique ids within arrays; lengths counted in UTF-16 code units (JSON Schema counts code points); a preset's " +
  "clause texts (StoredTask rules), which the library trims before checking 1–500 (a blank one is refused); and " +
  "digests, tickets and seeds, which only recomputation verifies.";

/**
 * The escapes kept as they are: `\uXXXX`, \n \r \t and escaped syntax characters (`\.` `\(` …), and `\-` inside a class
 * only (outside one it is a syntax error under the `u` flag, which Ajv uses).
 */
const KEPT_ESCAPE = /^(?:u[0-9a-fA-F]{4}|[nrt]|[\\/.^$|?*+()[\]{}])/;
const KEPT_CLASS_ESCAPE = /^(?:u[0-9a-fA-F]{4}|[nrt]|[\\/.^$|?*+()[\]{}-])/;

/**
 * A JavaScript regex source rewritten into a subset that means the same in ECMAScript (with or without the `u` flag),
 * Python `re` and `java.util.regex`: `\d` becomes `[0-9]` (`0-9` inside a class) and a final `$` becomes `(?![\s\S])`
 * (no character follows: the end of the text in all three). Anything else outside the subset is refused, so that a
 * pattern that would mean something else in another language fails the build instead of shipping: `\D \w \W \s \S \b
 * \B \p`, back references and other escapes, `.` (its line terminators differ), a `$` before the end, lookbehind,
 * named groups and inline flags, `[` or `&&` `--` `~~` `||` inside a class (Java's and Python's class set operations),
 * an empty class, a `{` that is not a quantifier, and a literal character outside the BMP. `[\s\S]` (any character,
 * in every dialect) is kept.
 *
 * @throws Error naming the construct when the pattern is outside the subset (a build error, not a library one).
 * @example
 * ```ts
 * import { portablePattern } from "./build-schemas.js";
 * portablePattern("^\\d{6}$"); // "^[0-9]{6}(?![\\s\\S])"
 * ```
 */
export function portablePattern(source: string): string {
  const refuse = (what: string, at: number): never => {
    throw new Error(`pattern ${JSON.stringify(source)}: ${what} at ${at} means something else in Python re or java.util.regex (write it with [0-9], explicit classes and a final $)`);
  };
  let out = "";
  let inClass = false;
  let classStart = -1;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c >= "\ud800" && c <= "\udfff") refuse("a character outside the BMP (one character with the u flag, two without)", i);
    if (c === "[" && source.startsWith("[\\s\\S]", i)) {
      if (inClass) refuse("a class inside a class", i);
      out += "[\\s\\S]";
      i += 5;
    } else if (c === "\\") {
      const next = source[i + 1] ?? "";
      if (next === "d") out += inClass ? "0-9" : "[0-9]";
      else {
        const kept = (inClass ? KEPT_CLASS_ESCAPE : KEPT_ESCAPE).exec(source.slice(i + 1));
        if (kept === null) refuse(`the escape \\${next}`, i);
        out += `\\${kept![0]}`;
        i += kept![0].length;
        continue;
      }
      i += 1;
    } else if (inClass) {
      if (c === "]") {
        if (i === classStart) refuse("an empty class", i);
        inClass = false;
      } else if (c === "[") refuse("a class inside a class", i);
      else if (["&&", "--", "~~", "||"].includes(source.slice(i, i + 2))) refuse(`${source.slice(i, i + 2)} inside a class`, i);
      out += c;
    } else if (c === "[") {
      inClass = true;
      classStart = source[i + 1] === "^" ? i + 2 : i + 1;
      out += c;
    } else if (c === "$") {
      if (i !== source.length - 1) refuse("a $ before the end", i);
      out += "(?![\\s\\S])";
    } else if (c === ".") refuse("a .", i);
    else if (c === "(" && source[i + 1] === "?" && !/^\(\?[:=!]/.test(source.slice(i))) refuse(`the group ${source.slice(i, i + 3)}`, i);
    else if (c === "{" && !/^\{[0-9]+(?:,[0-9]*)?\}/.test(source.slice(i))) refuse("a { that is not a quantifier", i);
    else out += c;
    if (inClass && c === "[" && source[i + 1] === "^") {
      out += "^";
      i += 1;
    }
  }
  if (inClass) refuse("an unclosed class", source.length);
  return out;
}

/**
 * Chinese labels of enum values, for `x-enum-descriptions` (sources: the import tables' Chinese terms, Chongqing
 * tables A–C; credit-risk classes per 国务院《关于推进企业信用风险分类管理进一步提升监管效能的意见》; outcomes from OUTCOMES).
 */
export const ENUM_LABELS: Readonly<Record<string, string>> = {
  province: "省级", city: "市级", county: "县级", township: "乡镇级",
  // the record form's 检查对象 fields a preset requires (recordTargetFields; Wolong Annex B, Chongqing F.1); county is 县级 above
  code: "统一社会信用代码/注册号", legalRepresentative: "法定代表人/负责人", idNumber: "证件（照）号码", phone: "电话", address: "地址/检查地址",
  key: "重点检查事项", general: "一般检查事项",
  "item-flag": "事项标注依法依规不予提前告知", category: "属于不予提前告知的检查类别", "not-possible": "不能提前告知",
  "on-site": "实地核查", documents: "书面检查", online: "网络监测", "sampling-test": "抽样检测", commissioned: "委托专业机构检查", remote: "非现场监管",
  A: "A类（信用风险低）", B: "B类（信用风险一般）", C: "C类（信用风险较高）", D: "D类（信用风险高）",
  operating: "存续（在营、开业、在册）",
  uscc: "统一社会信用代码", "registration-number": "注册号", "resident-id": "居民身份证", passport: "护照", other: "其他",
  bureau: "局机关", station: "市场监管所",
  "enforcement-civil-servant": "行政执法类公务员", "qualified-staff": "具有行政执法资格的工作人员", "supervision-staff": "从事日常监管工作的人员",
  "testing-institution": "检测机构", "research-institute": "科研院所", expert: "专家学者", "third-party": "第三方机构",
  unreachable: "通过登记的住所（经营场所）无法联系", "seriously-non-cooperative": "严重不配合检查",
  // stage-1 ineligibility reasons and policy options (docs/spec-v1.md; Yanshi 7.2)
  excluded: "按名单排除", "registered-after-cutoff": "登记日期晚于截止日", "registration-date-unknown": "登记日期不明",
  "status-not-allowed": "登记状态不在抽取范围", "status-unknown": "登记状态不明", "outside-districts": "不在抽取区域",
  exclude: "视为不合格（排除）", include: "视为合格（纳入）",
  ceil: "向上取整", floor: "向下取整", "half-up": "四舍五入",
  // which side of a joint task is drawn at random (Longting art. 19 fallback: 单随机)
  // task lifecycle (StoredTask, AuditEvent): presets, approvers, signatures, states, replacement reasons, transitions
  longting: "龙亭区实施办法", chongqing: "重庆市地方标准", wancheng: "宛城区一业一查规范", wolong: "卧龙区工作指引", yanshi: "偃师区工作方案", custom: "自定义规则",
  "department-head": "部门负责人", "principal-head": "主要负责人",
  "sudden-risk": "突发风险", "assigned-by-superior": "上级交办",
  // preset data (LIFECYCLE_PRESETS): when the drawn list may be made public (Yanshi 8.3), advance notice (advanceNoticeRule) and its exemptions (Chongqing 6.5)
  "inspections-complete": "检查结束后", "results-published": "随检查结果公示",
  required: "应提前告知", optional: "可以提前告知",
  "food-production-and-sale": "食品生产经营", catering: "餐饮服务", "edible-farm-produce-market": "食用农产品交易市场", "work-safety": "安全生产",
  "all-team-members": "检查组全体成员签字", "inspectors-on-form": "记录表所列检查人员签字",
  planned: "已立项", "targets-drawn": "已抽取检查对象", "targets-locked": "检查对象名单已锁定", "inspectors-drawn": "已选派检查人员",
  inspecting: "检查中", "results-recorded": "结果已录入", published: "已公示", corrected: "已更正",
  "post-change": "岗位调整", "work-conflict": "工作冲突", health: "健康状况", recusal: "执法回避",
  startTask: "创建任务", recordTargetDraw: "记录对象抽取", lockTargets: "锁定对象名单", amendLockedList: "调整锁定名单",
  recordInspectorDraw: "记录人员选派", replaceInspector: "更换检查人员", decideRecusalRequest: "决定回避申请", addAssistant: "增加辅助人员",
  startInspection: "开始检查", recordIdentityShown: "记录出示证件", recordAdvanceNotice: "记录提前告知", recordResult: "录入检查结果", completeInspection: "检查结束",
  publishResults: "公示检查结果", correctPublishedResult: "更正已公示结果", recordPenaltyInfoCollected: "归集行政处罚信息",
  both: "对象和人员均随机抽取（双随机）", "targets-only": "仅随机抽取对象", "inspectors-only": "仅随机选派人员", neither: "均未随机抽取",
  ...Object.fromEntries(Object.entries(OUTCOMES).map(([id, o]) => [id, o.zh])),
};

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** The property every variant fixes to a constant, if there is one (the discriminator). */
function discriminatorOf(variants: readonly unknown[]): string | undefined {
  const first = variants[0];
  if (!isObj(first) || !isObj(first.properties)) return undefined;
  return Object.keys(first.properties).find((k) =>
    variants.every((v) => isObj(v) && isObj(v.properties) && isObj(v.properties[k]) && (v.properties[k] as Json).const !== undefined && Array.isArray(v.required) && v.required.includes(k)),
  );
}

/** Titles union variants, adds discriminators and enum labels, everywhere in a schema (returns a new tree). */
export function annotate(node: unknown, title: string): unknown {
  if (Array.isArray(node)) return node.map((n) => annotate(n, title));
  if (!isObj(node)) return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === "properties" && isObj(v) ? Object.fromEntries(Object.entries(v).map(([p, s]) => [p, annotate(s, `${title}.${p}`)])) : annotate(v, title);
  if (typeof out.pattern === "string") {
    try {
      out.pattern = portablePattern(out.pattern);
    } catch (e) {
      throw new Error(`${title}: ${(e as Error).message}`);
    }
  }
  if (isObj(out.patternProperties)) out.patternProperties = Object.fromEntries(Object.entries(out.patternProperties).map(([p, v]) => [portablePattern(p), v]));
  if (Array.isArray(out.enum)) {
    const missing = out.enum.filter((e) => typeof e === "string" && ENUM_LABELS[e] === undefined);
    if (missing.length > 0) throw new Error(`${title}: no Chinese label for enum values ${missing.join(", ")} (add them to ENUM_LABELS)`);
    out["x-enum-descriptions"] = out.enum.map((e) => ENUM_LABELS[String(e)]);
  }
  for (const key of ["oneOf", "anyOf"] as const) {
    const variants = out[key];
    if (!Array.isArray(variants)) continue;
    const d = discriminatorOf(variants);
    out[key] = variants.map((v, i) => {
      if (!isObj(v) || v.title !== undefined) return v;
      const tag = d === undefined ? undefined : ((v.properties as Json)[d] as Json).const;
      return { title: `${title} (${tag === undefined ? `variant ${i + 1}` : String(tag)})`, ...v };
    });
    if (d !== undefined && key === "oneOf") {
      out.type ??= "object";
      out.discriminator = { propertyName: d };
    }
  }
  return out;
}

/** zod's own JSON Schema of a model, before {@link annotate} (its patterns are the library's JavaScript regexes). */
export const zodJsonSchema = (schema: z.ZodType): Record<string, unknown> =>
  z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "throw" }) as Record<string, unknown>;

export function buildJsonSchemas(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(MODEL_SCHEMAS)) {
    const json = zodJsonSchema(schema as z.ZodType);
    out[name] = {
      ...(annotate(json, name) as Json),
      $id: `${name}.json`,
      title: name,
      description: `${String(json.description ?? name)}.${NOTE}`,
    };
  }
  return out;
}

if (process.argv[1]?.endsWith("build-schemas.ts")) {
  const dir = new URL("../dist/schemas/", import.meta.url);
  mkdirSync(dir, { recursive: true });
  const schemas = buildJsonSchemas();
  for (const [name, json] of Object.entries(schemas)) writeFileSync(new URL(`${name}.json`, dir), `${JSON.stringify(json, null, 2)}\n`);
  console.log(`wrote ${Object.keys(schemas).length} JSON Schemas to dist/schemas/`);
}
