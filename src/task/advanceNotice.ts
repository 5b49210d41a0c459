import { readPlain } from "../_internal/boundary.js";
import type { InspectionItem } from "../model/inspectionItem.js";
import { refuse } from "./_lifecycle.js";

/**
 * Whether the target is told in advance (提前告知) for an item.
 *
 * @category Task
 */
export interface AdvanceNoticeDecision {
  /** `required`: notify; `optional`: may notify; `exempt`: must not be announced. */
  readonly notice: "required" | "optional" | "exempt";
  /** The clause. */
  readonly basis: string;
  /** 中文说明。 */
  readonly reasonZh: string;
  /** English explanation. */
  readonly reasonEn: string;
  /**
   * Set when the item's text looks like a Chongqing 6.5 exempt category but the item carries no explicit
   * `noAdvanceNotice` flag: a hint to review the item list, never a decision.
   */
  readonly suggestion?: { readonly category: string; readonly zh: string; readonly en: string };
}

// Hints only (Chongqing 6.5 categories). "食品相关产品" (food-contact products) is not food production or sale.
const HINTS: readonly [RegExp, string][] = [
  [/食品(?:生产|销售|经营)|食品生产经营/u, "食品生产和销售企业"],
  [/餐饮/u, "餐饮服务"],
  [/食用农产品|农贸市场|农产品(?:集中|批发)?(?:交易)?市场/u, "食用农产品交易市场"],
  [/安全生产/u, "安全生产"],
];

const PRESETS = ["chongqing", "longting", "wancheng", "wolong"] as const;

/**
 * Decides advance notice for one item from the item's explicit flag `noAdvanceNotice` (依法依规不予提前告知, Chongqing 6.5)
 * and the preset:
 * - `chongqing` — notify in writing or by phone/fax before the on-site check unless the item is flagged (6.5);
 * - `longting` — notify once, in principle, unless a lead calls for a surprise inspection (`surpriseOnLead`, art. 21);
 * - `wolong` — 能提前告知检查对象检查内容的，应提前告知 (2.3): notice is required wherever it is possible, i.e. unless flagged;
 * - `wancheng` — 如有必要，可以…提前告知 (art. 20): optional.
 *
 * The keywords of the Chongqing categories (food production and sale, catering, edible farm-produce markets, work
 * safety) never decide: when an unflagged item matches one, the decision carries a `suggestion` to review the flag.
 *
 * @param rawItem - The inspection item (`field`, `name`, `objectType`, and `noAdvanceNotice` if the item list says so).
 * @param rawOptions - The jurisdiction `preset`, and `surpriseOnLead` for an inspection prompted by a complaint or
 *   lead.
 * @returns Whether the inspection may be announced in advance, with the reason and clause.
 * @throws {@link ShuangsuijiError} `invalid-argument` when `preset` is not a known preset.
 * @throws {@link ShuangsuijiError} `invalid-input` when `rawItem` or `rawOptions` is malformed (e.g. `noAdvanceNotice`
 *   not a boolean).
 * @category Task
 * @example
 * ```ts
 * import { advanceNotice } from "shuangsuiji";
 * advanceNotice({ field: "食品经营", name: "食品经营者检查", objectType: "餐饮服务经营者", noAdvanceNotice: true }, { preset: "chongqing" }).notice; // "exempt"
 * advanceNotice({ field: "食品经营", name: "食品经营者检查", objectType: "餐饮服务经营者" }, { preset: "chongqing" }).suggestion?.category; // "食品生产和销售企业"
 * advanceNotice({ field: "价格", name: "明码标价检查", objectType: "经营者" }, { preset: "wolong" }).notice; // "required"
 * advanceNotice({ field: "价格", name: "明码标价检查", objectType: "经营者" }, { preset: "longting", surpriseOnLead: true }).notice; // "exempt"
 * ```
 */
export function advanceNotice(
  rawItem: Pick<InspectionItem, "field" | "name" | "objectType" | "noAdvanceNotice">,
  rawOptions: { readonly preset: "chongqing" | "longting" | "wancheng" | "wolong"; readonly surpriseOnLead?: boolean },
): AdvanceNoticeDecision {
  const item = readPlain(rawItem, ["item"]) as typeof rawItem;
  const options = readPlain(rawOptions, ["options"]) as typeof rawOptions;
  const preset = options?.preset;
  if (typeof preset !== "string" || !(PRESETS as readonly string[]).includes(preset)) refuse("invalid-argument", "preset", "advanceNotice", "未知的规则预设", `unknown preset (${PRESETS.join(", ")})`, ["preset"], preset);
  const i = (item !== null && typeof item === "object" ? item : {}) as Partial<InspectionItem>;
  if (i.noAdvanceNotice !== undefined && typeof i.noAdvanceNotice !== "boolean") refuse("invalid-input", "no-advance-notice", "Chongqing 6.5", "noAdvanceNotice应为布尔值", "noAdvanceNotice must be a boolean", ["noAdvanceNotice"], i.noAdvanceNotice);
  if (options.surpriseOnLead === true) {
    return Object.freeze({ notice: "exempt", basis: "Longting art. 21", reasonZh: "掌握问题线索需要实施突击检查，不提前告知", reasonEn: "a lead calls for a surprise inspection: no advance notice" });
  }
  const basis = { chongqing: "Chongqing 6.5", longting: "Longting art. 21", wolong: "Wolong 2.3", wancheng: "Wancheng art. 20" }[preset];
  if (i.noAdvanceNotice === true) {
    return Object.freeze({ notice: "exempt", basis, reasonZh: "该事项依法依规不予提前告知", reasonEn: "the item is exempt from advance notice by law or rule (flagged on the item list)" });
  }
  const textOf = [i.field, i.name, i.objectType].filter((x): x is string => typeof x === "string").join(" ");
  const hit = i.noAdvanceNotice === undefined ? HINTS.find(([re]) => re.test(textOf)) : undefined;
  const suggestion = hit === undefined ? {} : { suggestion: Object.freeze({ category: hit[1], zh: `事项可能属于“${hit[1]}”，请在事项清单中明确是否不予提前告知`, en: `the item may fall under "${hit[1]}" (Chongqing 6.5): set noAdvanceNotice explicitly on the item list` }) };
  if (preset === "chongqing") return Object.freeze({ notice: "required", basis, reasonZh: "现场检查前书面或电话、传真告知", reasonEn: "notify in writing or by phone or fax before the on-site check", ...suggestion });
  if (preset === "longting") return Object.freeze({ notice: "required", basis, reasonZh: "原则上提前一次性告知检查事项、时间和需准备的材料", reasonEn: "in principle notify once in advance of the items, the time and the documents to prepare", ...suggestion });
  if (preset === "wolong") return Object.freeze({ notice: "required", basis, reasonZh: "能提前告知检查对象检查内容的，应提前告知", reasonEn: "where the content can be announced in advance, it must be", ...suggestion });
  return Object.freeze({ notice: "optional", basis, reasonZh: "如有必要可以提前告知", reasonEn: "notice may be given where useful", ...suggestion });
}
