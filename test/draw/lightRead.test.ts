// The zod-free readers of the draw path (src/draw/_light) report exactly what the zod mini schemas report — success,
// parsed value (with its key order), and every issue (code, path, message and fields, in order) — on valid records
// and on hostile edits of them: wrong types, NaN, ±Infinity, -0, unsafe integers, missing and extra keys, own
// `__proto__` keys, null-prototype objects, class instances, inherited enumerable keys, arrays for objects, lone
// surrogates. Both with zod's English locale installed (zod classic is loaded by the library's root entry) and without
// any locale (what a browser bundle of the draw alone has).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/v4/mini";
import { commitPool, commitSeedShare, createSeed, drawTargets, lockTargetDraw, seedFromDice, seedFromShares } from "../../src/index.js";
import { read, type Reader } from "../../src/draw/_light/_read.js";
import { BeaconReader, SharesReader, TextReader, DiceRollReader, OptionsReader, QuotaOptionsReader, PoolConfigReader, SizeReader, StratumRuleReader, CommitmentReader, EligibilityReader, ExclusionReader, LockReader, PolicyReader, RecordReader, SeedReader, Stage1Reader, TimelineReader } from "../../src/draw/_light/_schemas.js";
import { LockedTargetListSchema, PoolCommitmentSchema, TargetDrawRecordSchema } from "../../src/draw/records/recordSchemas.js";
import { EligibilitySchema, ExclusionSchema, ROUNDING_MODES, SamplingPolicySchema, StratumRuleSchema } from "../../src/draw/targets/SamplingPolicy.js";
import { SeedRecordSchema } from "../../src/draw/seeds/SeedRecord.js";
import { DrawTimelineSchema } from "../../src/draw/records/DrawTimeline.js";
import { isWellFormed } from "../../src/draw/_shared/_encoding.js";
import { civilDate, ratio } from "../../src/model/_mini.js";

const Stage1Schema = z.object({
  taskId: z.string().check(z.minLength(1), z.refine((s) => isWellFormed(s) && s === s.normalize("NFC") && s === s.trim(), { error: "task id must be trimmed, well-formed NFC text" })),
  policy: SamplingPolicySchema,
  seed: SeedRecordSchema,
  timeline: z.optional(DrawTimelineSchema),
});

const pool = Array.from({ length: 12 }, (_, i) => ({ id: `U${i}`, riskClass: "ABCD"[i % 4] as string, registrationDate: `20${10 + i}-01-01`, status: "operating" as const }));
const options = { eligibility: { registeredOnOrBefore: "2020-12-31", statuses: ["operating" as const], divisionCodes: ["411302"], whenUnknown: "include" as const }, exclusions: [{ unitId: "U1", reason: "已检查" }] };
const seeds = [
  seedFromDice({ digits: "271828182845904523536028747135266249775", witnesses: ["张伟", "李娜"], date: "2026-04-01" }),
  createSeed("0123456789abcdef0123456789abcdef", { kind: "other", description: "x" }),
  seedFromShares([
    { party: "a", commitment: commitSeedShare("00112233445566778899aabbccddeeff"), reveal: "00112233445566778899aabbccddeeff" },
    { party: "b", commitment: commitSeedShare("ffeeddccbbaa99887766554433221100"), reveal: "ffeeddccbbaa99887766554433221100" },
  ]),
];
const lottery = { value: "ab".repeat(32), provenance: { kind: "lottery", name: "x", drawId: "1", numbers: [1, 2, 30], maxNumber: 33 } };
const beacon = { value: "ab".repeat(32), provenance: { kind: "beacon", source: "drand", round: "1", value: "abcdef" } };
const policy = { strata: { A: { ratio: 0.5, min: 1 }, B: { count: 2, max: 2 }, C: { ratio: 0.34 } }, rounding: "half-up" as const, itemCategory: "general" as const, generalMaxRatio: 1, overallFloor: { ratio: 0.03, basis: "b" } };
const records = seeds.map((seed, i) =>
  drawTargets({ taskId: `T-${i}`, pool, policy, seed, commitment: commitPool(pool, options), ...(i === 0 ? { timeline: { commitmentPublishedOn: "2026-03-30", seedFixedOn: "2026-04-01" } } : {}) }),
);
const lock = lockTargetDraw(records[0]!, { lockedOn: "2026-04-02", lockedBy: "clerk" });
const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

class Box {
  constructor(public readonly a = 1) {}
}
const hostile = fc.oneof(
  fc.constantFrom<unknown>(undefined, null, NaN, Infinity, -Infinity, -0, 0, 1, -1, 0.5, 2 ** 53, -(2 ** 53), 1e300, "", " ", "A", "a", "AB", "\ud800", "2026-02-30", "2026-04-01", "ab".repeat(32), "ab".repeat(8), true, false, [], [1], ["x"], {}, { a: 1 }, [null]),
  fc.constantFrom<() => unknown>(
    () => JSON.parse('{"__proto__": {"x": 1}, "A": 1}'),
    () => Object.assign(Object.create(null) as object, { A: 1 }),
    () => new Box(),
    () => Object.create({ inherited: 1 }) as object,
    () => Object.assign(Object.create({ A: 2 }) as object, { B: 1 }),
    () => ({ constructor: 1, A: 1 }),
    () => new Date(0),
    () => ["operating", "nope"],
    () => ({ kind: "dice" }),
    () => ({ kind: "nope" }),
  ).map((f) => f()),
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.oneof(fc.string(), fc.integer(), fc.constant(undefined)), { maxKeys: 3 }),
);

type Path = (string | number)[];
function paths(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (v !== null && typeof v === "object") for (const k of Object.keys(v)) paths((v as Record<string, unknown>)[k], [...at, Array.isArray(v) ? Number(k) : k], out);
  return out;
}
/** A copy of `v` with the value at `path` replaced (`kind` "set"), deleted ("delete") or given an extra key ("extra"). */
function edit(v: unknown, path: Path, kind: "set" | "delete" | "extra", value: unknown): unknown {
  if (path.length === 0) return kind === "set" ? value : v;
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, unknown>;
  const [k, ...rest] = path as [string | number, ...Path];
  if (rest.length === 0) {
    if (kind === "delete") delete copy[k];
    else if (kind === "extra" && copy[k] !== null && typeof copy[k] === "object" && !Array.isArray(copy[k])) copy[k] = { ...(copy[k] as object), zz: value };
    else copy[k] = value;
    return copy;
  }
  copy[k] = edit(copy[k], rest, kind, value);
  return copy;
}

function same(reader: Reader, schema: z.ZodMiniType, value: unknown): void {
  const mine = read(reader, value);
  const theirs = z.safeParse(schema, value);
  expect(mine.success).toBe(theirs.success);
  if (mine.success && theirs.success) {
    expect(mine.data).toEqual(theirs.data);
    expect(JSON.stringify(mine.data)).toBe(JSON.stringify(theirs.data));
  } else if (!mine.success && !theirs.success) {
    expect(mine.issues).toEqual(theirs.error.issues.map((i) => ({ ...i })));
  }
}

const CASES: [string, Reader, z.ZodMiniType, unknown[]][] = [
  ["record", RecordReader, TargetDrawRecordSchema, records.map(json)],
  ["lock", LockReader, LockedTargetListSchema, [json(lock)]],
  ["commitment", CommitmentReader, PoolCommitmentSchema, records.map((r) => json(r.poolCommitment))],
  ["seed", SeedReader, SeedRecordSchema, [...seeds.map(json), lottery, beacon]],
  ["policy", PolicyReader, SamplingPolicySchema, [policy, { strata: {}, itemCategory: "key" }, { strata: { A: { ratio: 2, count: 1, min: 3, max: 1 } }, itemCategory: "key", generalMaxRatio: 0.5, overallFloor: { ratio: 0.1, basis: "" } }]],
  ["eligibility", EligibilityReader, EligibilitySchema, [options.eligibility, {}]],
  ["exclusion", ExclusionReader, ExclusionSchema, [options.exclusions[0]]],
  ["timeline", TimelineReader, DrawTimelineSchema, [{ commitmentPublishedOn: "2026-03-30" }, {}]],
  ["setupStage1 input", Stage1Reader, Stage1Schema, records.map((r) => json({ taskId: r.taskId, policy: r.policy, seed: r.seed, timeline: r.timeline, pool: [], commitment: r.poolCommitment }))],
  ["commitPool options", OptionsReader, z.nullish(z.object({})), [options, undefined, null, {}]],
  ["computeQuota options", QuotaOptionsReader, z.nullish(z.object({ rounding: z.optional(z.enum(ROUNDING_MODES)), itemCategory: z.optional(z.enum(["key", "general"])), generalMaxRatio: z.optional(ratio) })), [policy, { rounding: "floor", itemCategory: "general", generalMaxRatio: 0.5 }, { rounding: "bogus" }, { generalMaxRatio: 2 }, undefined, null, {}]],
  ["commitPool eligibility and exclusions", PoolConfigReader, z.strictObject({ eligibility: EligibilitySchema, exclusions: z.array(ExclusionSchema) }), [options, { eligibility: {}, exclusions: [] }]],
  ["stratum rule", StratumRuleReader, StratumRuleSchema, [{ ratio: 0.5, min: 1, max: 3 }, { count: 2 }, { ratio: 0.5, count: 2 }, { count: 1, min: 3, max: 2 }]],
  ["computeQuota size", SizeReader, z.int().check(z.nonnegative()), [0, 5, -1, 1.5, 2 ** 60, -(2 ** 60)]],
  ["commitSeedShare share", TextReader, z.string(), ["00ff", ""]],
  ["seedFromBeacon pulse", BeaconReader, z.object({ source: z.string(), round: z.string(), value: z.string() }), [{ source: "drand", round: "1", value: "ab" }]],
  ["seedFromShares shares", SharesReader, z.array(z.object({ party: z.string(), commitment: z.string(), reveal: z.string() })), [(json(seeds[2]!.provenance) as { shares: unknown[] }).shares]],
  ["seedFromDice roll", DiceRollReader, z.object({ digits: z.string(), witnesses: z.array(z.string()), date: civilDate }), [{ digits: "271828182845904523536028747135266249775", witnesses: ["张伟", "李娜"], date: "2026-04-01" }]],
];

const locale = (globalThis as { __zod_globalConfig?: { localeError?: unknown } }).__zod_globalConfig!;
for (const withLocale of [true, false]) {
  describe(`light readers = zod mini schemas (${withLocale ? "English locale" : "no locale"})`, () => {
    const saved = locale.localeError;
    const run = (f: () => void) => () => {
      if (!withLocale) locale.localeError = undefined;
      try {
        f();
      } finally {
        locale.localeError = saved;
      }
    };
    it("has a locale to switch off (zod classic is loaded)", () => expect(typeof saved).toBe("function"));
    for (const [name, reader, schema, valid] of CASES) {
      it(`${name}: valid inputs and the hostile root values`, run(() => {
        for (const v of valid) same(reader, schema, v);
        for (const v of [undefined, null, NaN, "x", [], {}, [valid[0]], JSON.parse('{"__proto__": 1}'), Object.create(null)]) same(reader, schema, v);
      }));
      it(`${name}: one edit anywhere (set, delete, extra key)`, run(() => {
        fc.assert(
          fc.property(fc.nat(), fc.nat(), fc.constantFrom<"set" | "delete" | "extra">("set", "delete", "extra"), hostile, (which, at, kind, value) => {
            const base = valid[which % valid.length];
            const all = paths(base);
            same(reader, schema, edit(base, all[at % all.length]!, kind, value));
          }),
          { numRuns: name === "record" ? 600 : 200 },
        );
      }));
      it(`${name}: several edits at once`, run(() => {
        fc.assert(
          fc.property(fc.nat(), fc.array(fc.tuple(fc.nat(), fc.constantFrom<"set" | "delete" | "extra">("set", "delete", "extra"), hostile), { minLength: 2, maxLength: 5 }), (which, edits) => {
            let v = valid[which % valid.length];
            for (const [at, kind, value] of edits) {
              const all = paths(v);
              v = edit(v, all[at % all.length]!, kind, value);
            }
            same(reader, schema, v);
          }),
          { numRuns: 200 },
        );
      }));
    }
  });
}

// Getters and proxies reach a reader only where a caller skipped the boundary copy (readPlain): even then the reader
// touches the input as zod does — the same property reads, key tests and key listings, in the same order.
describe("light readers touch a proxied input exactly as zod does", () => {
  const traced = (v: unknown, log: string[], at = ""): unknown => {
    if (v === null || typeof v !== "object") return v;
    return new Proxy(v, {
      get: (t, k, r) => {
        log.push(`get ${at}.${String(k)}`);
        return traced(Reflect.get(t, k, r), log, `${at}.${String(k)}`);
      },
      has: (t, k) => (log.push(`has ${at}.${String(k)}`), Reflect.has(t, k)),
      ownKeys: (t) => (log.push(`keys ${at}`), Reflect.ownKeys(t)),
      getOwnPropertyDescriptor: (t, k) => (log.push(`desc ${at}.${String(k)}`), Reflect.getOwnPropertyDescriptor(t, k)),
      getPrototypeOf: (t) => (log.push(`proto ${at}`), Reflect.getPrototypeOf(t)),
    });
  };
  for (const [name, reader, schema, valid] of CASES) {
    it(name, () => {
      fc.assert(
        fc.property(fc.nat(), fc.nat(), fc.constantFrom<"set" | "delete" | "extra">("set", "delete", "extra"), hostile, (which, at, kind, value) => {
          const base = valid[which % valid.length];
          const all = paths(base);
          const v = edit(base, all[at % all.length]!, kind, value);
          const mine: string[] = [];
          const theirs: string[] = [];
          const a = read(reader, traced(v, mine));
          const b = z.safeParse(schema, traced(v, theirs));
          if (!b.success) void b.error.issues; // zod finalises its issues (messages: the locale reads the input) on first read
          expect(a.success).toBe(b.success);
          expect(mine).toEqual(theirs);
        }),
        { numRuns: 100 },
      );
    });
  }
});
