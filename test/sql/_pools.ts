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
