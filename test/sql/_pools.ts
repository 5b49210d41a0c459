/** The equivalence matrix's pools: each with its commitment rules and draw policy. Deterministic, no randomness. */
import type { CommitPoolOptions, DrawUnit, SamplingPolicy } from "../../src/index.js";

export interface MatrixCase {
  readonly name: string;
  readonly pool: readonly DrawUnit[];
  readonly rules: CommitPoolOptions;
  readonly policy: SamplingPolicy;
}

const uscc = (i: number) => `91411303${String(i).padStart(10, "0")}`;
const CLASSES = ["A", "B", "C", "D"] as const;
const STATUSES = ["operating", "deregistered", "moved-out"] as const;

/**
 * Ids that stress quoting and UTF-8: quotes, backslash, backtick, braces, CJK, a non-BMP character (U+20000), a
 * separator character. (A tab is no longer one: the pool-id rule refuses control characters and white space other
 * than single U+0020 spaces as look-alikes — docs/spec-v1.md §3.)
 */
const ODD_IDS = ["O'Brien 商行", 'say "hi"', "back\\slash", "tick`tock", "{classes}", "$1", "检查对象-𠀀-7", "Ünïcödé-ß", "a|b,c·d", "x;DROP TABLE units;--"];

export const MATRIX: readonly MatrixCase[] = [
  {
    name: "ASCII and Chinese ids, four strata, named exclusions",
    pool: [
      ...Array.from({ length: 1200 }, (_, i) => ({ id: i % 7 === 0 ? `检查对象-${i}` : uscc(i), riskClass: CLASSES[i % 4] as string })),
      ...ODD_IDS.map((id, i) => ({ id, riskClass: CLASSES[i % 4] as string })),
    ],
    rules: { exclusions: [{ unitId: "检查对象-7", reason: "已列入重点监管" }, { unitId: uscc(1), reason: "本年度已检查" }, { unitId: "O'Brien 商行", reason: "本年度已检查" }, { unitId: "absent-id", reason: "不在名录" }] },
    policy: { strata: { A: { ratio: 0.05 }, B: { ratio: 0.1 }, C: { count: 7 }, D: { ratio: 0.5 } } },
  },
  {
    name: "every ineligibility reason (unknown values excluded)",
    pool: Array.from({ length: 900 }, (_, i) => ({
      id: uscc(100000 + i),
      riskClass: CLASSES[i % 3] as string,
      ...(i % 11 === 0 ? {} : { registrationDate: `20${String(10 + (i % 16)).padStart(2, "0")}-0${1 + (i % 9)}-1${i % 10}` }),
      ...(i % 13 === 0 ? {} : { status: STATUSES[i % 3] as string }),
      ...(i % 17 === 0 ? {} : { divisionCode: i % 5 === 0 ? "110101" : "411303" }),
    })),
    rules: {
      eligibility: { registeredOnOrBefore: "2024-06-30", statuses: ["operating", "moved-out"], divisionCodes: ["411303", "411302"] },
      exclusions: [{ unitId: uscc(100003), reason: "本年度已检查" }, { unitId: uscc(100011), reason: "双重原因" }],
    },
    policy: { strata: { A: { ratio: 0.2 }, B: { count: 9 }, C: { ratio: 0.5, min: 3 } } },
  },
  {
    name: "unknown values included, empty and census strata",
    pool: Array.from({ length: 400 }, (_, i) => ({
      id: i % 3 === 0 ? `企业-${i}` : uscc(200000 + i),
      riskClass: i < 5 ? "E" : i % 2 === 0 ? "A" : "B",
      ...(i % 4 === 0 ? {} : { registrationDate: i % 9 === 0 ? "2026-01-01" : "2020-05-05" }),
      ...(i % 6 === 0 ? {} : { status: i % 10 === 0 ? "deregistered" : "operating" }),
    })),
    rules: { eligibility: { registeredOnOrBefore: "2025-12-31", statuses: ["operating"], whenUnknown: "include" } },
    // E: 5 units, count 10 → census; F: no units at all; C: in the policy, empty; B: no rule for it? (has one)
    policy: { strata: { A: { ratio: 0.03 }, B: { count: 1000 }, C: { count: 4 }, E: { count: 10 }, F: { ratio: 0.5 } } },
  },
  {
    name: "a class without a rule is committed but not drawn",
    pool: Array.from({ length: 300 }, (_, i) => ({ id: uscc(300000 + i), riskClass: i % 2 === 0 ? "A" : "Z" })),
    rules: {},
    policy: { strata: { A: { count: 20 } } },
  },
];

/** 10^5 units in four strata with the Yanshi 7.2 cut-off. */
export function largeCase(n = 100_000): MatrixCase {
  return {
    name: `${n} units`,
    pool: Array.from({ length: n }, (_, i) => ({ id: i % 10 === 0 ? `个体工商户-${i}` : uscc(1_000_000 + i), riskClass: CLASSES[i % 4] as string, registrationDate: i % 50 === 0 ? "2026-03-01" : "2019-09-09" })),
    rules: { eligibility: { registeredOnOrBefore: "2025-12-31" }, exclusions: [{ unitId: uscc(1_000_001), reason: "本年度已检查" }] },
    policy: { strata: { A: { ratio: 0.01 }, B: { ratio: 0.03 }, C: { count: 500 }, D: { ratio: 0.1 } } },
  };
}

/** The pool as rows with the generated SQL's default column names (NULL for an absent value). */
export const asRows = (pool: readonly DrawUnit[]) =>
  pool.map((u) => ({ id: u.id, risk_class: u.riskClass, registration_date: u.registrationDate ?? null, status: u.status ?? null, division_code: u.divisionCode ?? null }));

/** A pool that breaks the §3 pool rules: commitPool refuses it with `rules` (sorted), whatever engine checks it. */
export interface HostileCase {
  readonly name: string;
  readonly pool: readonly DrawUnit[];
  /** The rules broken (commitPool's, sorted). */
  readonly rules: readonly string[];
  /** Values the issues must name. */
  readonly values: readonly string[];
}

const clean = (prefix: string, n = 40): DrawUnit[] =>
  Array.from({ length: n }, (_, i) => ({ id: i % 5 === 0 ? `${prefix}-企业-${i}` : uscc(900000 + i), riskClass: CLASSES[i % 4] as string, registrationDate: "2019-03-01" }));

/** Hostile pools (issue 16): duplicate ids across classes, look-alike ids (NFC, NFKC, zero-width, full-width), bad classes, dates that do not exist. */
export const HOSTILE: readonly HostileCase[] = [
  {
    name: "an id twice, in two classes",
    pool: [...clean("dup"), { id: uscc(900001), riskClass: "D" }, { id: "dup-企业-0", riskClass: "A" }],
    rules: ["unique-ids"],
    values: [uscc(900001), "dup-企业-0"],
  },
  {
    name: "NFC and NFKC look-alikes",
    pool: [...clean("nf"), { id: "Cafe\u0301-商行", riskClass: "A" }, { id: "\ufb01rm-商行", riskClass: "B" }, { id: "①号店", riskClass: "C" }],
    rules: ["unit-id-canonical"],
    values: ["Cafe\u0301-商行", "\ufb01rm-商行", "①号店"],
  },
  {
    name: "zero-width, full-width, look-alike spaces, control characters, lower-case USCC",
    pool: [
      ...clean("zw"),
      { id: "U-\u200b2", riskClass: "A" },
      { id: "\uff35-3", riskClass: "B" },
      { id: "９１４１１３０３０００００００００１", riskClass: "C" },
      { id: "U\u00a04", riskClass: "D" },
      { id: " U-5", riskClass: "A" },
      { id: "U  6", riskClass: "A" },
      { id: "U\t7", riskClass: "A" },
      { id: "914113030000009999".toLowerCase().replace("9999", "abcd"), riskClass: "B" },
      { id: "", riskClass: "C" },
    ],
    rules: ["unit-id-canonical"],
    values: ["U-\u200b2", "\uff35-3", "U\u00a04", " U-5", "U  6", "U\t7", ""],
  },
  {
    name: "bad classes",
    pool: [...clean("cls"), { id: "cls-1", riskClass: "a" }, { id: "cls-2", riskClass: "AB" }, { id: "cls-3", riskClass: "" }, { id: "cls-4", riskClass: "Ａ" }],
    rules: ["risk-class"],
    values: ["a", "AB", "", "Ａ"],
  },
  {
    name: "dates that are no day",
    pool: [
      ...clean("day"),
      { id: "day-1", riskClass: "A", registrationDate: "2021-02-30" },
      { id: "day-2", riskClass: "A", registrationDate: "2021/3/1" },
      { id: "day-3", riskClass: "A", registrationDate: "1900-02-29" },
      { id: "day-4", riskClass: "A", registrationDate: "0000-01-01" },
      { id: "day-5", riskClass: "A", registrationDate: "2021-13-01" },
      { id: "day-6", riskClass: "A", registrationDate: "２０２１-03-01" },
      { id: "day-7", riskClass: "A", registrationDate: "" },
      { id: "day-8", riskClass: "A", registrationDate: "2024-02-29" }, // a leap day: fine
      { id: "day-9", riskClass: "A", registrationDate: "2000-02-29" }, // fine
    ],
    rules: ["civil-date"],
    values: ["2021-02-30", "2021/3/1", "1900-02-29", "0000-01-01", "2021-13-01", "２０２１-03-01", ""],
  },
  {
    name: "every rule broken, more rows than are listed",
    pool: [
      ...clean("all"),
      ...Array.from({ length: 25 }, (_, i) => ({ id: `twice-${i}`, riskClass: "A" })),
      ...Array.from({ length: 25 }, (_, i) => ({ id: `twice-${i}`, riskClass: "B" })),
      ...Array.from({ length: 23 }, (_, i) => ({ id: `zw-\u200b${i}`, riskClass: "C" })),
      ...Array.from({ length: 22 }, (_, i) => ({ id: `cls-${i}`, riskClass: "c" })),
      ...Array.from({ length: 21 }, (_, i) => ({ id: `day-${i}`, riskClass: "D", registrationDate: `2023-02-${29 + (i % 3)}` })),
    ],
    rules: ["civil-date", "risk-class", "unique-ids", "unit-id-canonical"],
    values: ["twice-0", "zw-\u200b0", "c", "2023-02-29"],
  },
];
