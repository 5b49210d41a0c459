import type { InspectionItem } from "../model/inspectionItem.js";

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
}

const EXEMPT: readonly [RegExp, string][] = [
  [/食品生产|食品销售|食品经营|食品/u, "食品生产和销售企业"],
  [/餐饮/u, "餐饮服务"],
  [/食用农产品/u, "食用农产品交易市场"],
  [/安全生产/u, "安全生产"],
];

/**
 * Decides advance notice for one item. Chongqing 6.5: notify in writing or by phone/fax before the on-site check,
 * **except** food production and sale, catering, edible farm-produce markets and work safety (recognised from the
 * item's field, name and object type). Longting art. 21: notify once, in principle, unless a lead calls for a surprise
 * inspection (`surpriseOnLead`). Wancheng art. 20 and Wolong 2.3 make notice optional (如有必要 / 能提前告知的).
 *
 * @category Task
 * @example
 * ```ts
 * import { advanceNotice } from "shuangsuiji";
 * advanceNotice({ field: "食品经营", name: "食品经营者检查", objectType: "餐饮服务经营者" }, { preset: "chongqing" }).notice; // "exempt"
 * advanceNotice({ field: "价格", name: "明码标价检查", objectType: "经营者" }, { preset: "longting", surpriseOnLead: true }).notice; // "exempt"
 * ```
 */
export function advanceNotice(
  item: Pick<InspectionItem, "field" | "name" | "objectType">,
  options: { readonly preset: "chongqing" | "longting" | "wancheng" | "wolong"; readonly surpriseOnLead?: boolean },
): AdvanceNoticeDecision {
  if (options.surpriseOnLead === true) {
    return Object.freeze({ notice: "exempt", basis: "Longting art. 21", reasonZh: "掌握问题线索需要实施突击检查，不提前告知", reasonEn: "a lead calls for a surprise inspection: no advance notice" });
  }
  const text = `${item.field} ${item.name} ${item.objectType}`;
  const hit = EXEMPT.find(([re]) => re.test(text));
  if (options.preset === "chongqing" && hit !== undefined) {
    return Object.freeze({ notice: "exempt", basis: "Chongqing 6.5", reasonZh: `涉及${hit[1]}，依法依规不予提前告知`, reasonEn: `${hit[1]}: not announced in advance (food, catering, edible farm-produce markets, work safety)` });
  }
  if (options.preset === "chongqing") return Object.freeze({ notice: "required", basis: "Chongqing 6.5", reasonZh: "现场检查前书面或电话、传真告知", reasonEn: "notify in writing or by phone or fax before the on-site check" });
  if (options.preset === "longting") return Object.freeze({ notice: "required", basis: "Longting art. 21", reasonZh: "原则上提前一次性告知检查事项、时间和需准备的材料", reasonEn: "in principle notify once in advance of the items, the time and the documents to prepare" });
  return Object.freeze({ notice: "optional", basis: options.preset === "wancheng" ? "Wancheng art. 20" : "Wolong 2.3", reasonZh: "如有必要可以提前告知", reasonEn: "notice may be given where useful" });
}
