/**
 * The inspector-group draw scope of Yanshi 7.3: 全局内随机 (the whole bureau), 局机关与市场监管所随机 (the bureau's
 * offices plus named stations), 若干市场监管所随机 (several stations), 单一市场监管所随机 (one station). Station names
 * match {@link Inspector} `unit`; bureau offices are `unitKind: "bureau"`.
 *
 * @category Draw
 */
export type DrawScope =
  | { readonly kind: "whole-bureau" }
  | { readonly kind: "bureau-and-stations"; readonly stations: readonly string[] }
  | { readonly kind: "stations"; readonly stations: readonly string[] }
  | { readonly kind: "station"; readonly station: string };
