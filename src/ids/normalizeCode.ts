import { requireString } from "../_internal/boundary.js";
import { toHalfWidth } from "./_halfWidth.js";

/**
 * What {@link normalizeCode} changed. Normalisation is always reported back, never applied silently.
 *
 * @category Identifiers
 */
export type NormalizationChange = "full-width-to-half-width" | "whitespace-removed" | "upper-cased";

/**
 * The result of {@link normalizeCode}.
 *
 * @category Identifiers
 */
export interface NormalizedCode {
  /** The code after normalisation. */
  readonly value: string;
  /** Every kind of change applied, in a fixed order; empty when the input was already canonical. */
  readonly changes: readonly NormalizationChange[];
}

/**
 * Normalises a typed-in code the way county staff expect: full-width characters (Ｕ＋ＦＦ０１–ＦＦ５Ｅ, ideographic
 * space) become half-width, all white space is removed, letters are upper-cased. The changes are listed so that a
 * caller can show them or refuse them.
 *
 * @param input - The code as typed.
 * @returns The normalised value and the list of changes made.
 * @throws {@link ShuangsuijiError} `invalid-input` when `input` is not a string or is longer than 1,000,000 characters.
 * @category Identifiers
 * @example
 * ```ts
 * import { normalizeCode } from "shuangsuiji";
 * normalizeCode(" ９１３３０１００７１６１０５８５２ｆ ");
 * // { value: "91330100716105852F", changes: ["full-width-to-half-width", "whitespace-removed", "upper-cased"] }
 * ```
 */
export function normalizeCode(input: string): NormalizedCode {
  requireString(input, ["input"]);
  const changes: NormalizationChange[] = [];
  let s = toHalfWidth(input);
  if (s !== input) changes.push("full-width-to-half-width");
  const noSpace = s.replace(/\s+/gu, "");
  if (noSpace !== s) changes.push("whitespace-removed");
  s = noSpace;
  const upper = s.toUpperCase();
  if (upper !== s) changes.push("upper-cased");
  return Object.freeze({ value: upper, changes: Object.freeze(changes) });
}
