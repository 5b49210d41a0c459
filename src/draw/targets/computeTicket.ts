import { ShuangsuijiError } from "../../errors/ShuangsuijiError.js";
import { ruleIssue } from "../../errors/_drawRules.js";
import * as z from "zod/v4/mini";
import { isWellFormed } from "../_shared/_encoding.js";
import { parseInput } from "../_shared/_issues.js";
import { ticketHex } from "./_pool.js";

/**
 * The stage-1 ticket of one unit: SHA-256 of the length-delimited (`shuangsuiji/stage1/v1`, seed bytes, task id, unit
 * id). Lower-case hex; compare tickets as strings (lexicographic = numeric order).
 *
 * @param input - The draw's `seed` (hex), `taskId` and the `unitId`.
 * @returns The ticket, 64 lower-case hex digits.
 * @throws {@link ShuangsuijiError} `seed-too-weak` when `seed` is not lower-case hex of at least 128 bits.
 * @throws {@link ShuangsuijiError} `invalid-input` when a field is not text, `unitId` is empty or not canonical (NFC,
 *   well-formed), or `taskId` is not well-formed.
 * @category Draw
 * @example
 * ```ts
 * import { computeTicket } from "shuangsuiji";
 * computeTicket({ seed: "0123456789abcdef0123456789abcdef", taskId: "T-2026-01", unitId: "91350100M000100Y43" });
 * ```
 */
export function computeTicket(input: { readonly seed: string; readonly taskId: string; readonly unitId: string }): string {
  parseInput(z.object({ seed: z.string(), taskId: z.string(), unitId: z.string() }), input, "docs/spec-v1.md §6");
  if (typeof input?.seed !== "string" || !/^(?:[0-9a-f]{2}){16,}$/.test(input.seed)) throw new ShuangsuijiError("seed-too-weak", [ruleIssue("seed-entropy", ["seed"], { value: input.seed })]);
  if (typeof input.unitId !== "string" || input.unitId === "" || !isWellFormed(input.unitId) || input.unitId !== input.unitId.normalize("NFC")) throw new ShuangsuijiError("invalid-input", [ruleIssue("unit-id-canonical", ["unitId"], { value: input.unitId })]);
  if (typeof input.taskId !== "string" || !isWellFormed(input.taskId)) throw new ShuangsuijiError("invalid-input", [ruleIssue("text-trimmed", ["taskId"], { value: input.taskId })]);
  return ticketHex(input.seed, input.taskId, input.unitId);
}
