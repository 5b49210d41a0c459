import { readPlain } from "../../_internal/boundary.js";
import { deepFreeze } from "../../_internal/deepFreeze.js";
import { ShuangsuijiError, type RuleIssue } from "../../errors/ShuangsuijiError.js";
import { drawIssue } from "../_shared/_issues.js";
import { GAMES, gameNamed, gameProblems } from "./_lottery.js";
import type { SeedRecord } from "./SeedRecord.js";
import { seedOf, weak } from "./_seed.js";
import { cappedIssues } from "../../errors/_capIssues.js";

const CLAUSE = "docs/spec-v1.md §5.2 (RFC 3797 §4)";

/**
 * Each known game's issuer and its other spellings in use, in the order of the games (docs/spec-v1.md §5.2): an alias
 * is refused by seedFromLottery (write the game's name: it is hashed into the seed); in a record it is an unknown game.
 * Kept here, not with the games' rules, so that a page verifying a record does not carry them.
 */
const ISSUERS_AND_ALIASES: readonly (readonly ["中国福利彩票" | "中国体育彩票", readonly string[]])[] = [
  ["中国福利彩票", ["双色球", "中国福利彩票双色球"]],
  ["中国体育彩票", ["大乐透", "超级大乐透", "体彩大乐透", "中国体育彩票超级大乐透"]],
  ["中国福利彩票", ["3D", "福彩3d", "中国福利彩票3D"]],
  ["中国体育彩票", ["排列3", "排列三", "体彩排列三"]],
  ["中国体育彩票", ["排列5", "排列五", "体彩排列五"]],
  ["中国福利彩票", ["七乐彩", "中国福利彩票七乐彩"]],
  ["中国福利彩票", ["快乐8", "中国福利彩票快乐8"]],
];

/**
 * The lottery games whose ranges and order are known (docs/spec-v1.md §5.2), one recognised `name` each (the name is
 * hashed into the seed, so one draw has one spelling): `福彩双色球` (6 of 1–33 ascending, then the blue ball of 1–16),
 * `体彩超级大乐透` (5 of 1–35 ascending, then 2 of 1–12 ascending), `福彩3D` and `体彩排列3` (3 digits 0–9 in position
 * order), `体彩排列5` (5 digits), `福彩七乐彩` (7 of 1–30 ascending, then the special number), `福彩快乐8` (20 of 1–80
 * ascending). `bitsPerDraw` is log₂ of one draw's outcomes; several draws are written one after another.
 *
 * @category Draw
 * @example
 * ```ts
 * import { LOTTERY_GAMES } from "shuangsuiji";
 * LOTTERY_GAMES.map((g) => `${g.name}: ${g.bitsPerDraw.toFixed(1)} bits per draw`);
 * ```
 */
export const LOTTERY_GAMES = /* @__PURE__ */ deepFreeze(GAMES.map((g, i) => ({ name: g.name, issuer: (ISSUERS_AND_ALIASES[i] as (typeof ISSUERS_AND_ALIASES)[number])[0], maxNumber: g.maxNumber, numbersPerDraw: g.parts.reduce((n, p) => n + p.count, 0), bitsPerDraw: g.bitsPerDraw, aliases: [...(ISSUERS_AND_ALIASES[i] as (typeof ISSUERS_AND_ALIASES)[number])[1]] })));

/**
 * Derives a seed from a public lottery result announced after the pool was committed (RFC 3797 style): SHA-256 of the
 * length-delimited fields (tag `shuangsuiji/seed/v1`, `lottery`, name, draw id, the numbers in decimal joined by
 * commas) — docs/spec-v1.md §5.2. For a game of {@link LOTTERY_GAMES} the range, the order (sets ascending as the draw
 * notice lists them, digits in position order) and the entropy come from the game, and `drawId` names as many draws
 * as the numbers hold (`2026088`, `2026081..2026093`, or ascending issues separated by commas); `maxNumber`, when
 * given, must be the game's. Another spelling of a known game (`双色球`, `大乐透`…) is refused: write its listed name.
 * Any other game is taken with the `maxNumber` declared (every number a whole number in 0…`maxNumber`, all bad numbers
 * listed at once, n × log2(maxNumber + 1) ≥ 128 bits), and verifiers report it as "provenance not verifiable": its
 * range is the operator's own word. Combine several draws when one is not enough.
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
 * const seed = seedFromLottery({ name: "体彩排列5", drawId: "26101..26108", numbers: [3,9,1,4,7, 2,2,8,0,6, 5,1,9,9,3, 0,4,6,2,8, 7,7,1,5,0, 9,3,8,4,1, 6,0,2,7,5, 8,1,3,9,4] });
 * ```
 */
export function seedFromLottery(
  rawResult: { readonly name: string; readonly drawId: string; readonly numbers: readonly number[] },
  rawOptions?: { readonly maxNumber?: number },
): SeedRecord {
  const result = readPlain(rawResult, ["result"], { maxArrayLength: 10_000 }) as typeof rawResult;
  const options = readPlain(rawOptions, ["options"]) as typeof rawOptions;
  const issues: RuleIssue[] = [];
  const name: unknown = result?.name;
  const game = typeof name === "string" ? gameNamed(name) : undefined;
  const alias = typeof name === "string" ? GAMES.find((_, i) => ISSUERS_AND_ALIASES[i]?.[1].includes(name)) : undefined;
  if (alias !== undefined) {
    issues.push(drawIssue("lottery-game-name", ["name"], CLAUSE, `请写作“${alias.name}”：彩票名称参与种子计算，同一期开奖只能有一种写法`, `write "${alias.name}": the name is hashed into the seed, so one draw has one spelling`, name));
  }
  const max: unknown = options?.maxNumber ?? game?.maxNumber;
  if (typeof max !== "number" || !Number.isSafeInteger(max) || max < 1) {
    issues.push(drawIssue("lottery-max-number", ["maxNumber"], CLAUSE, `应给出彩票号码的最大值（正整数）；已知玩法（${GAMES.map((g) => g.name).join("、")}）无需给出`, `maxNumber (the largest number the lottery draws) is a positive whole number; known games (${GAMES.map((g) => g.name).join(", ")}) need none`, max));
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
  let bits = 0;
  if (issues.length === 0 && game !== undefined) {
    const g = gameProblems(game, typeof result.drawId === "string" ? result.drawId : "", result.numbers, max as number, []);
    issues.push(...g.issues);
    bits = g.bits;
  } else if (issues.length === 0) bits = result.numbers.length * Math.log2((max as number) + 1);
  if (issues.length > 0) throw new ShuangsuijiError("invalid-input", cappedIssues(issues));
  if (bits < 128) weak(bits, "numbers");
  return seedOf(["lottery", result.name, result.drawId, result.numbers.join(",")], {
    kind: "lottery",
    name: result.name,
    drawId: result.drawId,
    numbers: [...result.numbers],
    maxNumber: max as number,
  });
}
