import type { RuleIssue } from "../../errors/ShuangsuijiError.js";
import { drawIssue } from "../_shared/_issues.js";

const CLAUSE = "docs/spec-v1.md §5.2";

/** One part of a lottery draw: `count` numbers in `min…max`, a set (distinct, written ascending) or positional digits. */
export interface LotteryPart {
  readonly count: number;
  readonly min: number;
  readonly max: number;
  /** `set`: distinct numbers written in ascending order (as the 开奖公告 lists them); `positional`: each in draw order. */
  readonly kind: "set" | "positional";
  /** The part draws from the same balls as the previous part (七乐彩's special number): distinct from them. */
  readonly sameDrum?: boolean;
}

/**
 * A known lottery game: its one recognised name, its parts in canonical order, and what one draw is worth. (Its issuer
 * and the other spellings in use, which only seedFromLottery needs, are listed there: a page that verifies a record
 * does not carry them.)
 */
export interface LotteryGame {
  readonly name: string;
  readonly parts: readonly LotteryPart[];
  /** The largest number the game draws (recorded as `maxNumber`). */
  readonly maxNumber: number;
  /** log₂ of the number of distinct outcomes of one draw. */
  readonly bitsPerDraw: number;
}

const log2Binomial = (n: number, k: number): number => {
  let b = 0;
  for (let i = 0; i < k; i++) b += Math.log2(n - i) - Math.log2(i + 1);
  return b;
};
const digits = (count: number): LotteryPart => ({ count, min: 0, max: 9, kind: "positional" });

/**
 * The lottery games whose ranges and order the library knows (docs/spec-v1.md §5.2). One name each: a seed's name is
 * hashed, so one draw must have one spelling. Ranges: 双色球 6 red of 1–33 + 1 blue of 1–16; 超级大乐透 5 of 1–35 +
 * 2 of 1–12; 福彩3D and 排列3 three digits, 排列5 five digits (0–9, in position order); 七乐彩 7 of 1–30 + 1 special
 * from the remaining 23; 快乐8 20 of 1–80. Sets are written ascending (as the 开奖公告 lists them, not in the order
 * the balls came out); several draws are written one after another in `drawId` order.
 */
export const GAMES: readonly LotteryGame[] = [
  { name: "福彩双色球", parts: [{ count: 6, min: 1, max: 33, kind: "set" }, { count: 1, min: 1, max: 16, kind: "set" }], maxNumber: 33, bitsPerDraw: log2Binomial(33, 6) + Math.log2(16) },
  { name: "体彩超级大乐透", parts: [{ count: 5, min: 1, max: 35, kind: "set" }, { count: 2, min: 1, max: 12, kind: "set" }], maxNumber: 35, bitsPerDraw: log2Binomial(35, 5) + log2Binomial(12, 2) },
  { name: "福彩3D", parts: [digits(3)], maxNumber: 9, bitsPerDraw: 3 * Math.log2(10) },
  { name: "体彩排列3", parts: [digits(3)], maxNumber: 9, bitsPerDraw: 3 * Math.log2(10) },
  { name: "体彩排列5", parts: [digits(5)], maxNumber: 9, bitsPerDraw: 5 * Math.log2(10) },
  { name: "福彩七乐彩", parts: [{ count: 7, min: 1, max: 30, kind: "set" }, { count: 1, min: 1, max: 30, kind: "set", sameDrum: true }], maxNumber: 30, bitsPerDraw: log2Binomial(30, 7) + Math.log2(23) },
  { name: "福彩快乐8", parts: [{ count: 20, min: 1, max: 80, kind: "set" }], maxNumber: 80, bitsPerDraw: log2Binomial(80, 20) },
];

export const gameNamed = (name: string): LotteryGame | undefined => GAMES.find((g) => g.name === name);

const perDraw = (g: LotteryGame): number => g.parts.reduce((n, p) => n + p.count, 0);

/** The draws a `drawId` names: one issue (`2026088`), a range `2026081..2026093` or a list `2026081,2026085`. */
function drawsNamed(drawId: string): number | undefined {
  if (/^[0-9]+$/.test(drawId)) return 1;
  const range = /^([0-9]+)\.\.([0-9]+)$/.exec(drawId);
  if (range !== null) {
    const [a, b] = [Number(range[1]), Number(range[2])];
    return Number.isSafeInteger(a) && Number.isSafeInteger(b) && b > a && (range[1] as string).length === (range[2] as string).length ? b - a + 1 : undefined;
  }
  const list = drawId.split(",");
  if (list.length > 1 && list.every((x) => /^[0-9]+$/.test(x)) && new Set(list).size === list.length && list.every((x, i) => i === 0 || (list[i - 1] as string) < x)) return list.length;
  return undefined;
}

/**
 * A known game's numbers checked against its rules (docs/spec-v1.md §5.2): a whole number of draws, as many as
 * `drawId` names, each part in range, sets distinct and ascending, `maxNumber` (when recorded) the game's. Returns the
 * entropy the numbers carry (draws × bits per draw) and every problem.
 */
export function gameProblems(g: LotteryGame, drawId: string, numbers: readonly number[], maxNumber: number | undefined, at: readonly (string | number)[]): { bits: number; issues: RuleIssue[] } {
  const issues: RuleIssue[] = [];
  const k = perDraw(g);
  const draws = numbers.length / k;
  if (maxNumber !== undefined && maxNumber !== g.maxNumber) {
    issues.push(drawIssue("lottery-max-number", [...at, "maxNumber"], CLAUSE, `${g.name}的号码最大为${g.maxNumber}，不能自行申报为${maxNumber}`, `${g.name} draws numbers up to ${g.maxNumber}: maxNumber cannot be declared as ${maxNumber}`, maxNumber));
  }
  if (!Number.isInteger(draws) || draws < 1) {
    issues.push(drawIssue("lottery-numbers", [...at, "numbers"], CLAUSE, `${g.name}每期开出${k}个号码，号码个数应为${k}的整数倍`, `${g.name} draws ${k} numbers per draw: the count is a whole multiple of ${k}`, numbers.length));
    return { bits: 0, issues };
  }
  const named = drawsNamed(drawId);
  if (named !== draws) {
    issues.push(drawIssue("lottery-draw-id", [...at, "drawId"], CLAUSE, `期号应写为一期（2026088）、连续期（2026081..2026093）或逗号分隔的递增期号，且期数等于号码组数（${draws}组）`, `drawId names one draw (2026088), a range (2026081..2026093) or ascending draws separated by commas, as many as the numbers hold (${draws})`, drawId));
  }
  for (let d = 0; d < draws; d++) {
    let o = d * k;
    let drum: number[] = [];
    for (const p of g.parts) {
      const part = numbers.slice(o, o + p.count);
      const bad = part.some((n, i) => !Number.isInteger(n) || n < p.min || n > p.max || (p.kind === "set" && i > 0 && (part[i - 1] as number) >= n) || (p.sameDrum === true && drum.includes(n)));
      if (bad) {
        const order = p.kind === "set" ? "、互不相同、从小到大排列（按开奖公告，不按出球顺序）" : "、按位置顺序";
        const orderEn = p.kind === "set" ? ", distinct, in ascending order (as the draw notice lists them, not in the order drawn)" : ", in position order";
        issues.push(drawIssue("lottery-numbers", [...at, "numbers", o], CLAUSE, `${g.name}第${d + 1}组号码的第${o - d * k + 1}–${o - d * k + p.count}个应为${p.min}至${p.max}的整数${order}${p.sameDrum === true ? "，且不同于前面的号码" : ""}`, `${g.name}, draw ${d + 1}, numbers ${o - d * k + 1}–${o - d * k + p.count}: whole numbers in ${p.min}…${p.max}${orderEn}${p.sameDrum === true ? ", distinct from the numbers before" : ""}`, part));
      }
      drum = p.sameDrum === true ? [...drum, ...part] : part;
      o += p.count;
    }
  }
  return { bits: draws * g.bitsPerDraw, issues };
}
