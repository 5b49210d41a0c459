import { ShuangsuijiError, type RuleIssue } from "../../errors/ShuangsuijiError.js";
import { ruleIssue } from "../../errors/_drawRules.js";
import { issuesFromZod } from "../../errors/_fromZod.js";
import { deepFreeze } from "../../_internal/deepFreeze.js";
import { canonicalize, hexToBytes, lengthDelimited, sha256Hex } from "../_shared/_encoding.js";
import { drawIssue } from "../_shared/_issues.js";
import type { SeedProvenance, SeedRecord } from "./SeedRecord.js";
import { read } from "../_light/_read.js";
import { asZodIssues } from "../_light/_parse.js";
import { SeedReader } from "../_light/_schemas.js";
import { isValidCivilDate } from "../../calendar/isValidCivilDate.js";
import { gameNamed, gameProblems } from "./_lottery.js";

export const SEED_TAG = "shuangsuiji/seed/v1";
const CLAUSE = "docs/spec-v1.md §5 (seed derivation); draw-research.md §2";

/**
 * The seed value a provenance derives to (docs/spec-v1.md §5), or undefined for kind `other` (not derivable):
 * SHA-256 over L("shuangsuiji/seed/v1") and the kind's fields, each length-delimited.
 */
export function derivedSeedValue(p: SeedProvenance): string | undefined {
  switch (p.kind) {
    case "dice":
      return derive(["dice", p.digits, p.date]);
    case "lottery":
      return derive(["lottery", p.name, p.drawId, p.numbers.join(",")]);
    case "beacon":
      return derive(["beacon", p.source, p.round, p.value]);
    case "commit-reveal":
      return derive(["commit-reveal", ...sortedShares(p.shares).flatMap((s) => [s.party, s.reveal])]);
    case "other":
      return undefined;
  }
}

const derive = (fields: readonly string[]): string => sha256Hex(lengthDelimited([SEED_TAG, ...fields]));

/** Shares in party order (UTF-16 code units, as seedFromShares has always sorted them). */
export const sortedShares = <T extends { readonly party: string }>(shares: readonly T[]): T[] => [...shares].sort((x, y) => (x.party < y.party ? -1 : x.party > y.party ? 1 : 0));

/** Entropy of a provenance in bits, as docs/spec-v1.md §5 estimates it (undefined for `other`: not verifiable). */
export function provenanceBits(p: SeedProvenance): number | undefined {
  switch (p.kind) {
    case "dice":
      return p.digits.length * Math.log2(10);
    case "lottery": {
      // a known game: the entropy its rules give the numbers, whatever maxNumber says (§5.2); else the declared bound
      const game = gameNamed(p.name);
      if (game !== undefined) return gameProblems(game, p.drawId, p.numbers, p.maxNumber, ["provenance"]).bits;
      return p.maxNumber === undefined ? undefined : p.numbers.length * Math.log2(p.maxNumber + 1);
    }
    case "beacon":
      return p.value.length * 4;
    case "commit-reveal":
      // each share is checked for ≥ 128 bits on its own (provenanceProblems); this is the strongest share
      return Math.max(...p.shares.map((s) => s.reveal.length * 4));
    case "other":
      return undefined;
  }
}

/**
 * Everything wrong with a seed's provenance, all at once: the value does not derive from it, a revealed share does not
 * match its commitment, parties repeat, too little entropy. Empty for a sound seed (and for kind `other`).
 */
/** Exactly this many dice digits in v1 (39 × log₂10 ≈ 129.6 bits): a fixed count leaves no choice after the roll. */
export const DICE_DIGITS = 39;

/**
 * Why a text hashed into (or recorded with) a seed is not in its one canonical spelling, or undefined: trimmed, NFC,
 * well-formed, no format characters (\p{Cf}: zero-width space, soft hyphen, word joiner…). One spelling per fact, so
 * one dice roll or beacon round cannot yield several seeds (docs/spec-v1.md §5, canonical text).
 */
export function nonCanonicalText(s: string): string | undefined {
  if (s.length === 0) return "empty";
  if (/\p{Cs}/u.test(s)) return "not well-formed Unicode (lone surrogate)";
  if (s !== s.trim()) return "leading or trailing white space";
  if (/\p{Cf}/u.test(s)) return "contains an invisible format character (\\p{Cf})";
  if (s !== s.normalize("NFC")) return "not in Unicode NFC";
  return undefined;
}

/** {@link nonCanonicalText}'s reasons in Chinese: the seed-canonical-text issue is bilingual (docs/spec-v1.md §5). */
const NON_CANONICAL_ZH: Readonly<Record<string, string>> = {
  empty: "为空",
  "not well-formed Unicode (lone surrogate)": "不是规范的Unicode文本（孤立代理项）",
  "leading or trailing white space": "首尾含空白",
  "contains an invisible format character (\\p{Cf})": "含零宽空格、软连字符等不可见格式字符",
  "not in Unicode NFC": "未经NFC规范化",
};

function canonicalFields(p: SeedProvenance): [readonly (string | number)[], string][] {
  switch (p.kind) {
    case "dice":
      return p.witnesses.map((w, i) => [["provenance", "witnesses", i], w]);
    case "lottery":
      return [[["provenance", "name"], p.name], [["provenance", "drawId"], p.drawId]];
    case "beacon":
      return [[["provenance", "source"], p.source]];
    case "commit-reveal":
      return p.shares.map((s, i) => [["provenance", "shares", i, "party"], s.party]);
    case "other":
      return [];
  }
}

export function provenanceProblems(seed: SeedRecord): RuleIssue[] {
  const p = seed.provenance;
  const out: RuleIssue[] = [];
  for (const [path, text] of canonicalFields(p)) {
    const why = nonCanonicalText(text);
    if (why !== undefined) out.push(drawIssue("seed-canonical-text", path, CLAUSE, `种子来源中的文字应为唯一规范写法（${NON_CANONICAL_ZH[why]}）`, `a text field of the seed provenance is not in its canonical spelling (${why})`, text));
  }
  if (p.kind === "dice") {
    if (!new RegExp(`^[0-9]{${DICE_DIGITS}}$`).test(p.digits)) out.push(drawIssue("seed-dice-digits", ["provenance", "digits"], CLAUSE, `掷骰结果应恰为${DICE_DIGITS}位阿拉伯数字（位数事先固定）`, `the dice roll is exactly ${DICE_DIGITS} ASCII decimal digits (the count is fixed in advance)`, p.digits));
    if (!isValidCivilDate(p.date)) out.push(drawIssue("seed-dice-date", ["provenance", "date"], CLAUSE, "掷骰日期应为有效的公历日期 YYYY-MM-DD", "the dice date is a valid civil date YYYY-MM-DD", p.date));
  }
  if (p.kind === "beacon" && !/^(?:0|[1-9][0-9]*)$/.test(p.round)) out.push(drawIssue("seed-beacon-round", ["provenance", "round"], CLAUSE, "信标轮次应为规范的十进制整数（无前导零、无空白）", "the beacon round is a canonical decimal integer (no leading zeros, no spaces)", p.round));
  if (p.kind === "lottery") {
    const game = gameNamed(p.name);
    if (game !== undefined) out.push(...gameProblems(game, p.drawId, p.numbers, p.maxNumber, ["provenance"]).issues);
  }
  if (p.kind === "lottery" && p.maxNumber === undefined) out.push(drawIssue("lottery-max-number", ["provenance", "maxNumber"], CLAUSE, "应记载彩票号码的最大值，以核对号码范围与熵", "maxNumber is recorded so that the numbers' range and entropy can be checked", undefined));
  if (p.kind === "commit-reveal") {
    p.shares.forEach((s, i) => {
      if (s.reveal.length % 2 !== 0 || sha256Hex(hexToBytes(s.reveal)) !== s.commitment) out.push(ruleIssue("seed-share-reveal", ["provenance", "shares", i, "reveal"], { value: s.party }));
      // docs/spec-v1.md §5.4: EVERY reveal carries ≥ 128 bits — a short share's commitment can be inverted by trying
      // every value, and whoever did so could grind their own share (the longest share alone proves nothing)
      else if (s.reveal.length < 32) out.push(drawIssue("seed-share-length", ["provenance", "shares", i, "reveal"], "docs/spec-v1.md §5.4", `参与方“${s.party}”的份额仅${s.reveal.length}位十六进制数字，每一份额至少应为32位（128比特），否则其承诺可被穷举破解、种子可被操纵`, `party "${s.party}" revealed only ${s.reveal.length} hex digits: every share has ≥ 32 (128 bits), else its commitment can be inverted by trying every value and the seed ground`, s.reveal.length));
    });
    if (new Set(p.shares.map((s) => s.party)).size !== p.shares.length) out.push(ruleIssue("unique-ids", ["provenance", "shares"], { detailZh: "参与方重复", detailEn: "a party appears twice" }));
    else if (sortedShares(p.shares).some((s, i) => s !== p.shares[i])) out.push(drawIssue("seed-shares-order", ["provenance", "shares"], CLAUSE, "各方份额应按参与方标识排序记载", "shares are recorded in party order"));
  }
  if (p.kind === "dice") {
    // Wolong 2.2: two or more witnesses — distinct people, names written as trimmed text
    if (new Set(p.witnesses).size !== p.witnesses.length) out.push(ruleIssue("unique-ids", ["provenance", "witnesses"], { detailZh: "见证人重复", detailEn: "a witness is listed twice" }));
  }
  const bits = provenanceBits(p);
  if (bits !== undefined && bits < 128) out.push(ruleIssue("seed-entropy", ["provenance"], { detailZh: `仅约${Math.floor(bits)}位`, detailEn: `about ${Math.floor(bits)} bits` }));
  const derived = derivedSeedValue(p);
  if (derived !== undefined && derived !== seed.value) {
    out.push(drawIssue("seed-derivation", ["value"], CLAUSE, `种子值不是由所记载的来源（${p.kind}）推导得出`, `the seed value does not derive from its stated ${p.kind} provenance (expected ${derived})`, seed.value));
  }
  return out;
}

export function seedOf(fields: readonly string[], provenance: SeedProvenance): SeedRecord {
  return finish({ value: derive(fields), provenance });
}

/** Validates a seed record (shape, ≥ 128 bits, derivation from its provenance) and returns it frozen with sorted keys. */
export function finish(seed: SeedRecord): SeedRecord {
  const r = read(SeedReader, seed); // SeedRecordSchema's issues, without zod (src/draw/_light)
  if (!r.success) throw new ShuangsuijiError("seed-too-weak", issuesFromZod(asZodIssues(r.issues), { clause: "shuangsuiji seed discipline" }, seed));
  const problems = provenanceProblems(r.data);
  if (problems.length > 0) throw new ShuangsuijiError(problems.some((i) => i.rule === "seed-entropy") ? "seed-too-weak" : "invalid-input", problems);
  return deepFreeze(canonicalize(r.data));
}

export function weak(bits: number, path: string): never {
  throw new ShuangsuijiError("seed-too-weak", [
    ruleIssue("seed-entropy", [path], { detailZh: `仅约${Math.floor(bits)}位`, detailEn: `about ${Math.floor(bits)} bits given` }),
  ]);
}
