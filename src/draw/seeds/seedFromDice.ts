import { readPlain } from "../../_internal/boundary.js";
import type { SeedRecord } from "./SeedRecord.js";
import { readInput } from "../_light/_parse.js";
import { DiceRollReader } from "../_light/_schemas.js";
import { seedOf, weak } from "./_seed.js";

/**
 * Derives a seed from decimal digits rolled with ten-sided dice in front of witnesses (as Colorado's audits do; Wolong
 * 2.2 recommends two or more witnessing officials). 39 digits or more are required (39 × log2 10 ≈ 129.6 bits). The
 * seed is SHA-256 of L("shuangsuiji/seed/v1") ‖ L("dice") ‖ L(digits) ‖ L(date) (docs/spec-v1.md §5.1); the witnesses
 * are recorded but not hashed. The date is a real civil date (YYYY-MM-DD).
 *
 * @param raw - The roll: `digits` (0–9, at least 39), `witnesses` (names) and `date` (`YYYY-MM-DD`).
 * @returns The seed record, provenance `dice`.
 * @throws {@link ShuangsuijiError} `invalid-input` when a field is missing or of the wrong type, or `date` is not a
 *   real date.
 * @throws {@link ShuangsuijiError} `seed-too-weak` when `digits` is not all decimal digits or has fewer than 39 (under
 *   128 bits).
 * @category Draw
 * @example
 * ```ts
 * import { seedFromDice } from "shuangsuiji";
 * const seed = seedFromDice({ digits: "271828182845904523536028747135266249775", witnesses: ["张伟", "李娜"], date: "2026-04-01" });
 * ```
 */
export function seedFromDice(raw: { readonly digits: string; readonly witnesses: readonly string[]; readonly date: string }): SeedRecord {
  const roll = readPlain(raw, ["roll"], { maxArrayLength: 10_000 }) as typeof raw;
  readInput(DiceRollReader, roll, "Wolong 2.2; docs/spec-v1.md §5.1"); // z.object({ digits, witnesses, date: civilDate })'s issues, without zod
  const bits = /^\d+$/.test(roll.digits) ? roll.digits.length * Math.log2(10) : 0;
  if (bits < 128) weak(bits, "digits");
  return seedOf(["dice", roll.digits, roll.date], { kind: "dice", digits: roll.digits, witnesses: [...roll.witnesses], date: roll.date });
}
