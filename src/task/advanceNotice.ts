import { readPlain } from "../_internal/boundary.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { ADVANCE_NOTICE_CATEGORIES, type InspectionItem } from "../model/inspectionItem.js";
import { refuse } from "./_lifecycle.js";
import { LIFECYCLE_PRESETS, LifecyclePresetSchema, type LifecyclePreset, type LifecyclePresetId } from "./LIFECYCLE_PRESETS.js";

/**
 * A ground for not announcing an inspection in advance: the item's `noAdvanceNotice` flag (依法依规不予提前告知), the
 * item's `advanceNoticeCategory`, or a surprise inspection on a recorded lead.
 *
 * @category Task
 */
export type AdvanceNoticeGround = "item-flag" | "category" | "surprise-on-lead";

/**
 * Whether the target is told in advance (提前告知) for an item, under one preset.
 *
 * @category Task
 */
export interface AdvanceNoticeDecision {
  /**
   * `required`: notify; `optional`: may notify; `exempt`: not announced (an exemption the preset allows);
   * `undetermined`: the item's text suggests a category the preset exempts, but the item list does not say — set
   * `advanceNoticeCategory` or `noAdvanceNotice` on the item (keywords never decide).
   */
  readonly notice: "required" | "optional" | "exempt" | "undetermined";
  /** The preset's own clause for the decision (never another document's), e.g. `Chongqing 6.5`. */
  readonly basis: string;
  /** The ground that exempts, when `notice` is `exempt`. */
  readonly ground?: AdvanceNoticeGround;
  /** The lead recorded for a surprise inspection (Longting art. 21), when that is the ground. */
  readonly lead?: string;
  /** 中文说明。 */
  readonly reasonZh: string;
  /** English explanation. */
  readonly reasonEn: string;
  /**
   * Grounds the caller claimed that the preset does not allow (e.g. an item flag under `wolong`, a surprise on a lead
   * under `chongqing`): each with the preset's clause. They exempt nothing.
   */
  readonly notAllowed?: readonly { readonly ground: AdvanceNoticeGround; readonly clause: string; readonly zh: string; readonly en: string }[];
  /**
   * Set when the item's text looks like a category the preset exempts but the item list states neither
   * `advanceNoticeCategory` nor `noAdvanceNotice`: a hint to review the item list, never a decision.
   */
  readonly suggestion?: { readonly category: string; readonly zh: string; readonly en: string };
}

type Category = (typeof ADVANCE_NOTICE_CATEGORIES)[number];
const LABEL: Readonly<Record<Category, string>> = {
  "food-production-and-sale": "食品生产和销售企业",
  catering: "餐饮服务",
  "edible-farm-produce-market": "食用农产品交易市场",
  "work-safety": "安全生产",
};
// Hints only (Chongqing 6.5 categories). "食品相关产品" (food-contact products) is not food production or sale.
const HINTS: readonly [RegExp, Category][] = [
  [/食品(?:生产|销售|经营)|食品生产经营/u, "food-production-and-sale"],
  [/餐饮/u, "catering"],
  [/食用农产品|农贸市场|农产品(?:集中|批发)?(?:交易)?市场/u, "edible-farm-produce-market"],
  [/安全生产/u, "work-safety"],
];

/** The clause key of a preset clause ("Chongqing 6.5 (…)" → "Chongqing 6.5"). */
const keyOf = (clause: string): string => clause.split(" (")[0]!.trim();

const NO_EXEMPTIONS = { itemFlag: false, categories: [] as readonly Category[], surpriseOnLead: false } as const;

function presetFrom(raw: unknown): { readonly name: string; readonly rules: LifecyclePreset } {
  if (typeof raw === "string") {
    if (!Object.hasOwn(LIFECYCLE_PRESETS, raw)) refuse("invalid-argument", "preset", "advanceNotice", "未知的规则预设", `unknown preset (${Object.keys(LIFECYCLE_PRESETS).join(", ")}, or a custom preset object)`, ["preset"], raw);
    return { name: raw, rules: LIFECYCLE_PRESETS[raw as LifecyclePresetId] };
  }
  const parsed = LifecyclePresetSchema.safeParse(raw);
  if (!parsed.success) refuse("invalid-argument", "preset", "advanceNotice", "自定义规则预设无效（见LifecyclePresetSchema）", `invalid custom preset (see LifecyclePresetSchema): ${parsed.error.issues[0]?.message ?? ""}`, ["preset", ...((parsed.error.issues[0]?.path ?? []) as (string | number)[])]);
  return { name: "custom", rules: parsed.data };
}

/**
 * Decides advance notice for one item under a preset, from the preset's data (`advanceNoticeRule`,
 * `advanceNoticeExemptions`) and what the item list states:
 * - `chongqing` — notify before the on-site check (6.5), except an item whose `advanceNoticeCategory` is one the
 *   standard names (food production and sale, catering, edible farm-produce markets, work safety) or an item flagged
 *   `noAdvanceNotice` (「等…依法依规不予提前告知的情形」);
 * - `longting` — notify in principle (art. 21), except a surprise inspection on a lead (`surpriseOnLead` with the
 *   `lead` recorded); item flags and categories exempt nothing;
 * - `wolong` — 能提前告知检查对象检查内容的，应提前告知 (2.3): required; no exemption;
 * - `wancheng` — 如有必要，可以…提前告知 (art. 20): optional; `yanshi` — no rule (7.4): optional.
 *
 * A ground the preset does not allow is listed in `notAllowed` and exempts nothing. Keywords in the item's text never
 * decide: when the item states neither `advanceNoticeCategory` nor `noAdvanceNotice` and its text suggests a category
 * the preset exempts, the answer is `undetermined` with a `suggestion` — the item list must say.
 *
 * @param rawItem - The inspection item (`field`, `name`, `objectType`; `noAdvanceNotice` and `advanceNoticeCategory`
 *   as the item list states them).
 * @param rawOptions - `preset`: a preset name or a custom preset (validated by {@link LifecyclePresetSchema});
 *   `surpriseOnLead` with the `lead` (what the department knows, e.g. a complaint's number) for a surprise inspection.
 * @returns The decision, with the preset's own clause.
 * @throws {@link ShuangsuijiError} `invalid-argument` when `preset` is neither a known preset nor a valid custom one.
 * @throws {@link ShuangsuijiError} `invalid-input` when `rawItem` or `rawOptions` is malformed (`noAdvanceNotice` not a
 *   boolean, an unknown `advanceNoticeCategory`, a category with `noAdvanceNotice: false`), or when a surprise
 *   inspection the preset allows names no `lead` (Longting art. 21: 掌握问题线索).
 * @category Task
 * @example
 * ```ts
 * import { advanceNotice } from "shuangsuiji";
 * const catering = { field: "食品经营", name: "餐饮服务食品安全检查", objectType: "餐饮服务经营者" };
 * advanceNotice({ ...catering, advanceNoticeCategory: "catering" }, { preset: "chongqing" }).notice; // "exempt"
 * advanceNotice(catering, { preset: "chongqing" }).notice; // "undetermined" (suggestion: 餐饮服务)
 * advanceNotice({ ...catering, advanceNoticeCategory: "catering" }, { preset: "wolong" }).notice; // "required"
 * advanceNotice({ field: "价格", name: "明码标价检查", objectType: "经营者" }, { preset: "longting", surpriseOnLead: true, lead: "12315举报 2026-0412" }).notice; // "exempt"
 * advanceNotice({ field: "价格", name: "明码标价检查", objectType: "经营者" }, { preset: "wancheng" }).notice; // "optional"
 * ```
 */
export function advanceNotice(
  rawItem: Pick<InspectionItem, "field" | "name" | "objectType" | "noAdvanceNotice" | "advanceNoticeCategory">,
  rawOptions: { readonly preset: LifecyclePresetId | LifecyclePreset; readonly surpriseOnLead?: boolean; readonly lead?: string },
): AdvanceNoticeDecision {
  const item = readPlain(rawItem, ["item"]) as typeof rawItem;
  const options = readPlain(rawOptions, ["options"]) as typeof rawOptions;
  if (options === null || typeof options !== "object") refuse("invalid-argument", "preset", "advanceNotice", "缺少规则预设", "options.preset is required", ["preset"]);
  const { rules } = presetFrom(options.preset);
  const i = (item !== null && typeof item === "object" ? item : {}) as Partial<InspectionItem>;
  if (i.noAdvanceNotice !== undefined && typeof i.noAdvanceNotice !== "boolean") refuse("invalid-input", "no-advance-notice", "Chongqing 6.5", "noAdvanceNotice应为布尔值", "noAdvanceNotice must be a boolean", ["noAdvanceNotice"], i.noAdvanceNotice);
  const category = i.advanceNoticeCategory;
  if (category !== undefined && !(ADVANCE_NOTICE_CATEGORIES as readonly unknown[]).includes(category)) refuse("invalid-input", "advance-notice-category", "Chongqing 6.5", "不予提前告知的检查类别无效", `advanceNoticeCategory must be one of ${ADVANCE_NOTICE_CATEGORIES.join(", ")}`, ["advanceNoticeCategory"], category);
  if (category !== undefined && i.noAdvanceNotice === false) refuse("invalid-input", "advance-notice-category", "Chongqing 6.5", "事项标注了不予提前告知的检查类别，却又标注应提前告知", "an item in an exempt category cannot be marked noAdvanceNotice: false", ["noAdvanceNotice"], false);
  if (options.surpriseOnLead !== undefined && typeof options.surpriseOnLead !== "boolean") refuse("invalid-input", "surprise-on-lead", "Longting art. 21", "surpriseOnLead应为布尔值", "surpriseOnLead must be a boolean", ["surpriseOnLead"], options.surpriseOnLead);
  if (options.lead !== undefined && typeof options.lead !== "string") refuse("invalid-input", "surprise-lead", "Longting art. 21", "问题线索应为文字", "lead must be text", ["lead"], options.lead);

  const ex = rules.advanceNoticeExemptions ?? { ...NO_EXEMPTIONS, clause: `${rules.source} (no advance-notice exemption)` };
  const rule = rules.advanceNoticeRule ?? { notice: "optional" as const, clause: `${rules.source} (no advance-notice rule)` };
  const notAllowed: { ground: AdvanceNoticeGround; clause: string; zh: string; en: string }[] = [];

  // 1. a surprise inspection on a lead (Longting art. 21): the lead must be recorded
  if (options.surpriseOnLead === true) {
    if (ex.surpriseOnLead) {
      const lead = (options.lead ?? "").trim();
      if (lead === "") refuse("invalid-input", "surprise-lead", ex.clause, "突击检查须记录所掌握的问题线索", "a surprise inspection needs the lead it acts on (lead)", ["lead"]);
      return deepFreeze({ notice: "exempt", basis: keyOf(ex.clause), ground: "surprise-on-lead", lead, reasonZh: `掌握问题线索（${lead}）需要实施突击检查，不提前告知`, reasonEn: `a lead (${lead}) calls for a surprise inspection: no advance notice` });
    }
    notAllowed.push({ ground: "surprise-on-lead", clause: ex.clause, zh: "本规则未规定掌握问题线索实施突击检查可不提前告知", en: "this document gives no surprise-inspection exception" });
  }
  // 2. the item's category, where the document names it (Chongqing 6.5)
  if (category !== undefined) {
    if ((ex.categories as readonly string[]).includes(category)) {
      return deepFreeze({ notice: "exempt", basis: keyOf(ex.clause), ground: "category", reasonZh: `涉及“${LABEL[category]}”的检查依法依规不予提前告知`, reasonEn: `inspections of ${category} are not announced in advance`, ...(notAllowed.length === 0 ? {} : { notAllowed }) });
    }
    notAllowed.push({ ground: "category", clause: ex.clause, zh: `本规则未将“${LABEL[category]}”列为不予提前告知的情形`, en: `this document does not exempt ${category} from advance notice` });
  }
  // 3. the item list's flag 依法依规不予提前告知, where the document allows item-level exemptions (Chongqing 6.5 「等」)
  if (i.noAdvanceNotice === true) {
    if (ex.itemFlag) {
      return deepFreeze({ notice: "exempt", basis: keyOf(ex.clause), ground: "item-flag", reasonZh: "该事项依法依规不予提前告知（事项清单标注）", reasonEn: "the item is exempt from advance notice by law or rule (flagged on the item list)", ...(notAllowed.length === 0 ? {} : { notAllowed }) });
    }
    notAllowed.push({ ground: "item-flag", clause: ex.clause, zh: "本规则未规定事项可标注为不予提前告知", en: "this document allows no item-level exemption from advance notice" });
  }
  const extra = notAllowed.length === 0 ? {} : { notAllowed };
  // 4. keywords only suggest, and only a category this preset exempts: the item list must then say
  if (i.noAdvanceNotice === undefined && category === undefined) {
    const textOf = [i.field, i.name, i.objectType].filter((x): x is string => typeof x === "string").join(" ");
    const hit = HINTS.find(([re, c]) => (ex.categories as readonly string[]).includes(c) && re.test(textOf));
    if (hit !== undefined) {
      const label = LABEL[hit[1]];
      return deepFreeze({
        notice: "undetermined",
        basis: keyOf(ex.clause),
        reasonZh: `事项可能涉及“${label}”，是否提前告知须由事项清单明确`,
        reasonEn: `the item may fall under ${hit[1]}: the item list must state whether it is exempt`,
        suggestion: ({ category: label, zh: `事项可能属于“${label}”，请在事项清单中标注advanceNoticeCategory（或noAdvanceNotice）`, en: `the item may fall under "${label}": set advanceNoticeCategory (or noAdvanceNotice) on the item list` }),
        ...extra,
      });
    }
  }
  if (rule.notice === "required") {
    return deepFreeze({ notice: "required", basis: keyOf(rule.clause), reasonZh: rule.wording?.zh ?? "现场检查前应以书面或电话、传真等形式提前告知", reasonEn: rule.wording?.en ?? "notify in advance, in writing or by phone or fax, before the on-site check", ...extra });
  }
  return deepFreeze({ notice: "optional", basis: keyOf(rule.clause), reasonZh: rule.wording?.zh ?? "可以提前告知", reasonEn: rule.wording?.en ?? "notice may be given", ...extra });
}
