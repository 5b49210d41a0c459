import { riskClass } from "../../import/_cells.js";
import { toHalfWidth } from "../../ids/_halfWidth.js";

// The same parser table import uses for 信用风险分类 (`B类`, `B级`, `b`, `信用风险一般(B类)`), over every class letter;
// full-width forms (`Ｂ类`) are folded to half-width first.
const parse = riskClass([..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"]);

/** A credit-risk class as an enterprise may write it, normalised as table import does; undefined when unrecognised. */
export function normalizeRiskClass(raw: unknown): string | undefined {
  if (typeof raw !== "string") return undefined;
  const r = parse(toHalfWidth(raw).replace(/^[\s\u3000]+|[\s\u3000]+$/gu, ""));
  return r.ok && typeof r.value === "string" ? r.value : undefined;
}
