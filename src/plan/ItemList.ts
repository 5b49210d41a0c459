import type { InspectionItem } from "../model/inspectionItem.js";

/**
 * One public change of an item list (动态调整, Longting art. 8; Chongqing 5.1: 随机抽查事项清单应动态管理，并及时…公开).
 *
 * @category Planning
 */
export interface ItemListChange {
  /** The version this change produced. */
  readonly version: number;
  /** Date of the change. */
  readonly on: string;
  /** Why (法律法规规章立改废释 or 工作实际, Longting art. 8). */
  readonly reason: string;
  /** Where it was made public (notice title or URL). */
  readonly publicNotice: string;
  /** Item ids added, removed, updated. */
  readonly added: readonly string[];
  /** Removed item ids. */
  readonly removed: readonly string[];
  /** Updated item ids. */
  readonly updated: readonly string[];
}

/**
 * A department's or jurisdiction's item list (抽查事项清单) with its public change history.
 *
 * @category Planning
 */
export interface ItemList {
  /** Whose list, e.g. 卧龙区部门联合抽查事项清单. */
  readonly owner: string;
  /** Current version (1 for a new list). */
  readonly version: number;
  /** The items in force. */
  readonly items: readonly InspectionItem[];
  /** Every change, oldest first. */
  readonly history: readonly ItemListChange[];
}
