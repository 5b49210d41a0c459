import { readPlain } from "../_internal/boundary.js";
import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";
import { drawIssue } from "./_issues.js";
import type { SeedRecord } from "./SeedRecord.js";
import { seedOf, weak } from "./_seed.js";

const CLAUSE = "docs/spec-v1.md §5.2 (RFC 3797 §4)";

/**
 * Derives a seed from a public lottery result announced after the pool was committed (RFC 3797 style): SHA-256 of the
 * length-delimited fields (tag `shuangsuiji/seed/v1`, `lottery`, name, draw id, the numbers in decimal joined by
 * commas) — docs/spec-v1.md §5.2. Every number must be a whole number in 0…`maxNumber` (all bad numbers are listed at
 * once); together they must carry ≥ 128 bits, estimated as n × log2(maxNumber + 1), so combine several draws when one
 * is not enough. `maxNumber` is recorded in the provenance so that a verifier can check the range.
 *
 * @param rawResult - The announced result: lottery `name`, `drawId` and the winning `numbers`.
 * @param rawOptions - `maxNumber`: the largest number the lottery can draw.
 * @returns The seed record, provenance `lottery`.
 * @throws {@link ShuangsuijiError} `invalid-input` when `maxNumber` is not a positive whole number, `numbers` is empty,
 *   or a number is not a whole number in 0…`maxNumber` (all listed).
 * @throws {@link ShuangsuijiError} `seed-too-weak` when the numbers carry under 128 bits (n × log2(maxNumber + 1)).
 * @category Draw
 * @example
 * ```ts
 * import { seedFromLottery } from "shuangsuiji";
 * const seed = seedFromLottery({ name: "体彩排列5", drawId: "26101..26105", numbers: [3,9,1,4,7, 2,2,8,0,6, 5,1,9,9,3, 0,4,6,2,8, 7,7,1,5,0, 9,3,8,4,1, 6,0,2,7,5, 8,1,3,9,4, 2] }, { maxNumber: 9 });
 * ```
 */
export function seedFromLottery(
  rawResult: { readonly name: string; readonly drawId: string; readonly numbers: readonly number[] },
  rawOptions: { readonly maxNumber: number },
): SeedRecord {
  const result = readPlain(rawResult, ["result"], { maxArrayLength: 10_000 }) as typeof rawResult;
  const options = readPlain(rawOptions, ["options"]) as typeof rawOptions;
  const issues: RuleIssue[] = [];
  const max: unknown = options?.maxNumber;
  if (typeof max !== "number" || !Number.isSafeInteger(max) || max < 1) {
    issues.push(drawIssue("lottery-max-number", ["maxNumber"], CLAUSE, "应给出彩票号码的最大值（正整数）", "maxNumber (the largest number the lottery draws) is a positive whole number", max));
  }
  const numbers: unknown = result?.numbers;
  if (!Array.isArray(numbers) || numbers.length === 0) {
    issues.push(drawIssue("lottery-numbers", ["numbers"], CLAUSE, "开奖号码不能为空", "the winning numbers are missing"));
  } else {
    (numbers as unknown[]).forEach((n, i) => {
      if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0 || (typeof max === "number" && n > max)) {
        issues.push(drawIssue("lottery-numbers", ["numbers", i], CLAUSE, `开奖号码应为0至${String(max)}的整数`, `a winning number is a whole number in 0…${String(max)}`, n));
      }
    });
  }
  if (issues.length > 0) throw new ShuangsuijiError("invalid-input", issues);
  const bits = result.numbers.length * Math.log2((max as number) + 1);
  if (bits < 128) weak(bits, "numbers");
  return seedOf(["lottery", result.name, result.drawId, result.numbers.join(",")], {
    kind: "lottery",
    name: result.name,
    drawId: result.drawId,
    numbers: [...result.numbers],
    maxNumber: max as number,
  });
}
