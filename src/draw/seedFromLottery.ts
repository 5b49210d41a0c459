import type { SeedRecord } from "./SeedRecord.js";
import { seedOf, weak } from "./_seed.js";

/**
 * Derives a seed from a public lottery result announced after the pool was committed (RFC 3797 style): SHA-256 of the
 * length-delimited fields (tag `shuangsuiji/seed/v1`, `lottery`, name, draw id, the numbers joined by commas). The
 * numbers must carry ≥ 128 bits together (estimated as Σ log2(max+1) of each number's range, `maxNumber`), so combine
 * several draws when one is not enough.
 *
 * @category Draw
 * @example
 * ```ts
 * import { seedFromLottery } from "shuangsuiji";
 * const seed = seedFromLottery({ name: "体彩排列5", drawId: "26101..26105", numbers: [3,9,1,4,7, 2,2,8,0,6, 5,1,9,9,3, 0,4,6,2,8, 7,7,1,5,0, 9,3,8,4,1, 6,0,2,7,5, 8,1,3,9,4, 2] }, { maxNumber: 9 });
 * ```
 */
export function seedFromLottery(
  result: { readonly name: string; readonly drawId: string; readonly numbers: readonly number[] },
  options: { readonly maxNumber: number },
): SeedRecord {
  const bits = result.numbers.length * Math.log2(options.maxNumber + 1);
  if (bits < 128) weak(bits, "numbers");
  return seedOf(["lottery", result.name, result.drawId, result.numbers.join(",")], {
    kind: "lottery",
    name: result.name,
    drawId: result.drawId,
    numbers: [...result.numbers],
  });
}
