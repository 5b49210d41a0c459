import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { SEVERE_PENALTY_TYPES, ShuangsuijiError, addLegalPeriod, evaluateCreditRepair, type CreditRepairInput } from "../../src/index.js";
import { dayNumber, formatDayNumber } from "../../src/calendar/_days.js";
import { refusal } from "../task/_scenario.js";

const ok = { penaltyFulfilled: true, harmRemedied: true, noRepeatViolation: true };
const base = (extra: Partial<CreditRepairInput>): CreditRepairInput => ({ result: { outcomes: ["non-compliant"], publishedOn: "2026-01-10" }, measures: [], facts: ok, evaluatedOn: "2026-02-01", ...extra });
const next = (d: string) => formatDayNumber(dayNumber(+d.slice(0, 4), +d.slice(5, 7), +d.slice(8, 10)) + 1);

describe("cases per clause", () => {
  it.each([
    // [clause, input, options, expected status, extra expectations]
    ["result-code dictionary: a non-negative outcome has nothing to repair", base({ result: { outcomes: ["compliant"], publishedOn: "2026-01-10" } }), {}, "not-negative"],
    ["Wancheng art. 21: before publication nothing is published", base({ evaluatedOn: "2026-01-09" }), {}, "not-yet-published"],
    ["Wancheng art. 25: no penalty → stops after the standalone period (default 3 months), no application", base({ evaluatedOn: "2026-04-09" }), {}, "published"],
    ["Wancheng art. 25: … and then stops by itself", base({ evaluatedOn: "2026-04-11" }), {}, "auto-stopped"],
    ["川渝 scheme: a corrected violation may be repaired on application", base({}), { jurisdiction: "chuanyu" as const }, "eligible-for-application"],
    ["Wancheng art. 25: a minor penalty (reprimand) does not link", base({ measures: [{ kind: "penalty", type: "public-reprimand", decidedOn: "2026-01-12", publishedOn: "2026-01-15" }], evaluatedOn: "2026-04-11" }), {}, "auto-stopped"],
    ["107号令 ordinary tier: apply after 3 months", base({ measures: [{ kind: "penalty", type: "fine", tier: "ordinary", decidedOn: "2026-01-12", publishedOn: "2026-01-15" }], evaluatedOn: "2026-04-16" }), {}, "eligible-for-application"],
    ["107号令 ordinary tier: not before 3 months", base({ measures: [{ kind: "penalty", type: "fine", tier: "ordinary", decidedOn: "2026-01-12", publishedOn: "2026-01-15" }], evaluatedOn: "2026-03-01" }), {}, "published"],
    ["107号令 ordinary tier: automatic at 1 year, with the result (linked stop)", base({ measures: [{ kind: "penalty", type: "fine", tier: "ordinary", decidedOn: "2026-01-12", publishedOn: "2026-01-15" }], facts: { ...ok, penaltyFulfilled: false }, evaluatedOn: "2027-01-16" }), {}, "auto-stopped"],
    ["107号令 serious tier: apply only after 1 year", base({ measures: [{ kind: "penalty", type: "fine", tier: "serious", decidedOn: "2026-01-12", publishedOn: "2026-01-15" }], evaluatedOn: "2026-10-01" }), {}, "published"],
    ["45号令 art. 14: severe penalty types never stop early", base({ measures: [{ kind: "penalty", type: "licence-revoked", tier: "serious", decidedOn: "2026-01-12", publishedOn: "2026-01-15" }], evaluatedOn: "2027-06-01" }), {}, "never-early"],
    ["45号令 art. 14(4): still on a list blocks early stop of the penalty", base({ measures: [{ kind: "penalty", type: "fine", tier: "ordinary", decidedOn: "2026-01-12", publishedOn: "2026-01-15" }, { kind: "abnormal-list", ground: "unreachable", listedOn: "2026-01-20", cured: true }], evaluatedOn: "2026-05-01" }), {}, "published"],
    ["Wancheng art. 25: removal from the abnormal list stops the result the same day", base({ measures: [{ kind: "abnormal-list", ground: "unreachable", listedOn: "2026-01-20", cured: true, removedOn: "2026-03-03" }], evaluatedOn: "2026-03-03" }), {}, "auto-stopped"],
    ["abnormal list: may apply for removal once the ground is cured", base({ result: { outcomes: ["unreachable-at-registered-address"], publishedOn: "2026-01-10" }, measures: [{ kind: "abnormal-list", ground: "unreachable", listedOn: "2026-01-20", cured: true }], evaluatedOn: "2026-02-01" }), {}, "eligible-for-application"],
    ["44号令: serious list — apply after 1 year", base({ measures: [{ kind: "serious-list", listedOn: "2026-01-20" }], evaluatedOn: "2027-01-21" }), {}, "eligible-for-application"],
    ["44号令: serious list — still listed on 2029-01-22 (3 years end on Sat 2029-01-20 → Monday, 民法典 art. 203)", base({ measures: [{ kind: "serious-list", listedOn: "2026-01-20" }], facts: { ...ok, harmRemedied: false }, evaluatedOn: "2029-01-22" }), {}, "published"],
    ["44号令: serious list — removed automatically at 3 years", base({ measures: [{ kind: "serious-list", listedOn: "2026-01-20" }], facts: { ...ok, harmRemedied: false }, evaluatedOn: "2029-01-23" }), {}, "auto-stopped"],
    ["2021 rules: spot-check results were outside credit repair, and Wancheng art. 25 dates from 2026", base({ result: { outcomes: ["non-compliant"], publishedOn: "2024-01-10" }, measures: [{ kind: "penalty", type: "fine", decidedOn: "2024-01-12", publishedOn: "2024-01-15" }], facts: { ...ok, noRepeatViolation: false }, evaluatedOn: "2025-06-01" }), { ruleSet: "SAMR_2021" as const }, "out-of-scope"],
    ["45号令 art. 13 (2021 rules) under the 川渝 scheme (from 2025-08-14): an ordinary penalty is published 3 years", base({ result: { outcomes: ["non-compliant"], publishedOn: "2025-09-10" }, measures: [{ kind: "penalty", type: "fine", decidedOn: "2025-09-12", publishedOn: "2025-09-15" }], facts: { ...ok, noRepeatViolation: false }, evaluatedOn: "2025-10-01" }), { ruleSet: "SAMR_2021" as const, jurisdiction: "chuanyu" as const }, "published"],
    ["NDRC 2025 (信用中国): a credit commitment is a condition", base({ measures: [{ kind: "penalty", type: "fine", tier: "ordinary", decidedOn: "2026-04-02", publishedOn: "2026-04-05" }], evaluatedOn: "2026-08-01" }), { ruleSet: "NDRC_2025" as const }, "published"],
  ] as const)("%s", (_clause, input, options, status) => {
    expect(evaluateCreditRepair(input, options).status).toBe(status);
  });
  it("dates: civil-code periods, 'from' dates, rollover, and the 7-working-day processing deadline", () => {
    const r = evaluateCreditRepair(base({ measures: [{ kind: "penalty", type: "fine", tier: "ordinary", decidedOn: "2026-01-12", publishedOn: "2026-01-15" }], evaluatedOn: "2026-04-16" }));
    expect(r).toMatchObject({ status: "eligible-for-application", autoStopOn: next(addLegalPeriod("2026-01-15", { years: 1 }, { outsideCoverage: "assume-weekdays" })), processingDeadline: "2026-04-27", ruleSet: "SAMR_2025", provisional: true });
    // 2027 has no notice yet: the rollover assumed Mon–Fri, so the date is marked provisional
    const s = evaluateCreditRepair(base({ evaluatedOn: "2026-02-01" }));
    expect(s).toMatchObject({ status: "published", autoStopOn: "2026-04-11" }); // 2026-04-10 is the last day (a Friday)
    const rolled = evaluateCreditRepair(base({ result: { outcomes: ["non-compliant"], publishedOn: "2025-12-07" }, evaluatedOn: "2026-01-01" }));
    expect(rolled).toMatchObject({ autoStopOn: "2026-03-10" }); // 3-07 is a Saturday → last day Monday 3-09 (民法典 art. 203)
  });
  it("a restriction longer than the period extends it (45号令 art. 13)", () => {
    const r = evaluateCreditRepair(base({ measures: [{ kind: "penalty", type: "occupation-restricted", tier: "serious", decidedOn: "2026-01-12", publishedOn: "2026-01-15", restrictionEndsOn: "2031-01-14" }], evaluatedOn: "2029-06-01" }));
    expect(r).toMatchObject({ status: "never-early", autoStopOn: "2031-01-15" });
  });
  it("rule set by evaluation date: SAMR_2021 before 2025-12-25, SAMR_2025 from then", () => {
    expect(evaluateCreditRepair(base({ result: { outcomes: ["non-compliant"], publishedOn: "2025-10-01" }, evaluatedOn: "2025-12-24" })).ruleSet).toBe("SAMR_2021");
    expect(evaluateCreditRepair(base({ result: { outcomes: ["non-compliant"], publishedOn: "2025-10-01" }, evaluatedOn: "2025-12-25" })).ruleSet).toBe("SAMR_2025");
  });
  it("the 2025 rules need the penalty's tier; unmet conditions cite their clauses", () => {
    expect(() => evaluateCreditRepair(base({ measures: [{ kind: "penalty", type: "fine", decidedOn: "2026-01-12", publishedOn: "2026-01-15" }] }))).toThrowError(/tier/);
    const r = evaluateCreditRepair(base({ measures: [{ kind: "penalty", type: "fine", tier: "ordinary", decidedOn: "2026-01-12", publishedOn: "2026-01-15" }], facts: { penaltyFulfilled: false, harmRemedied: true, noRepeatViolation: true }, evaluatedOn: "2026-02-01" }));
    expect(r.status === "published" && r.unmetConditions.map((u) => [u.condition, u.clause])).toEqual([["minimum-period", "总局令第45号 art. 14; 总局令第107号"], ["penalty-fulfilled", "总局令第45号 art. 14(1)"]]);
    expect(r.explanationZh).toMatch(/未满最短公示期限/);
  });
});

const dateArb = (from: [number, number, number], days: number) => fc.integer({ min: 0, max: days }).map((k) => formatDayNumber(dayNumber(...from) + k));
// Lawful facts only (the unlawful ones are refused, tested below and by example): measures decided or listed in
// January, on or before every evaluation day the properties use (2026-01-31 on); a penalty published after its decision;
// a claimed stop of a penalty after its tier's minimum period (the longest is 1 year from publication, plus a holiday
// rollover: 380 days is past it for every tier); no stop claimed for a severe type, which never stops early, and no
// minor tier claimed for one (总局令第45号 arts. 13–14).
const measureArb = fc.oneof(
  fc.record({
    kind: fc.constant("penalty" as const), type: fc.constantFrom("fine" as const, "confiscation" as const, "public-reprimand" as const, ...SEVERE_PENALTY_TYPES), tier: fc.constantFrom("minor" as const, "ordinary" as const, "serious" as const),
    decidedOn: dateArb([2026, 1, 1], 30), publishedOn: dateArb([2026, 3, 1], 30), stopAfter: fc.option(fc.integer({ min: 380, max: 1200 }), { nil: undefined }),
  })
    .map(({ stopAfter, ...p }) => {
      const severe = (SEVERE_PENALTY_TYPES as readonly string[]).includes(p.type);
      const stoppedOn = stopAfter === undefined || severe ? undefined : formatDayNumber(dayNumber(+p.publishedOn.slice(0, 4), +p.publishedOn.slice(5, 7), +p.publishedOn.slice(8, 10)) + stopAfter);
      return { ...p, tier: severe && p.tier === "minor" ? ("serious" as const) : p.tier, ...(stoppedOn === undefined ? {} : { stoppedOn }) };
    }),
  fc.record({ kind: fc.constant("abnormal-list" as const), ground: fc.constantFrom("unreachable" as const, "no-annual-report" as const), listedOn: dateArb([2026, 1, 1], 30), cured: fc.boolean(), removedOn: fc.option(dateArb([2026, 4, 1], 900), { nil: undefined }) })
    .map(({ removedOn, ...a }) => (removedOn === undefined ? a : { ...a, removedOn })),
  fc.record({ kind: fc.constant("serious-list" as const), listedOn: dateArb([2026, 1, 1], 30) }),
);
const inputArb = fc.record({
  outcomes: fc.subarray(["non-compliant", "pending-follow-up", "compliant", "unreachable-at-registered-address"] as const, { minLength: 1 }),
  publishedOn: dateArb([2026, 1, 1], 60),
  measures: fc.array(measureArb, { maxLength: 3 }),
  facts: fc.record({ penaltyFulfilled: fc.boolean(), harmRemedied: fc.boolean(), noRepeatViolation: fc.boolean() }),
})
  // lawful facts only (G12): an early stop of a penalty whose facts miss a condition of 45号令 art. 14 is a withdrawn
  // decision (art. 11), and an abnormal-list entry marked not cured is not removed (条例 art. 17)
  .map((x) => {
    const allMet = x.facts.penaltyFulfilled && x.facts.harmRemedied && x.facts.noRepeatViolation;
    return {
      ...x,
      measures: x.measures.map((m) => {
        if (m.kind === "penalty" && "stoppedOn" in m && !allMet) return { ...m, stopGround: "decision-withdrawn" as const };
        if (m.kind === "abnormal-list" && m.cured === false && "removedOn" in m) return (({ removedOn: _r, ...rest }) => rest)(m as typeof m & { removedOn: string });
        return m;
      }),
    };
  });
const at = (x: fc.Arbitrary<unknown> extends never ? never : { outcomes: readonly string[]; publishedOn: string; measures: unknown[]; facts: CreditRepairInput["facts"] }, d: string) =>
  evaluateCreditRepair({ result: { outcomes: [...x.outcomes] as CreditRepairInput["result"]["outcomes"], publishedOn: x.publishedOn }, measures: x.measures as CreditRepairInput["measures"], facts: x.facts, evaluatedOn: d });

describe("45号令 art. 14: a severe penalty never stops early, whatever stop date is claimed", () => {
  it("a licence revocation stopped a week after publication is refused; the same penalty without the claimed stop is never-early", () => {
    const input = {
      result: { outcomes: ["non-compliant" as const], publishedOn: "2026-01-10" },
      measures: [{ kind: "penalty" as const, type: "licence-revoked" as const, tier: "serious" as const, decidedOn: "2026-01-20", publishedOn: "2026-01-22" }],
      facts: { penaltyFulfilled: false, harmRemedied: false, noRepeatViolation: false }, evaluatedOn: "2026-02-05",
    };
    expect(evaluateCreditRepair(input).status).toBe("never-early");
    let rule: string | undefined;
    try {
      evaluateCreditRepair({ ...input, measures: [{ ...input.measures[0]!, stoppedOn: "2026-01-29" }] });
    } catch (e) {
      rule = (e as { rule?: string }).rule;
    }
    expect(rule).toBe("early-stop-forbidden");
  });
});

describe("总局令第45号 art. 14; 总局令第107号: no stop before the tier's minimum period, no evaluation before the facts", () => {
  const fine = { kind: "penalty" as const, type: "fine" as const, tier: "ordinary" as const, decidedOn: "2026-01-12", publishedOn: "2026-01-15" };
  const input = (measure: CreditRepairInput["measures"][number], evaluatedOn = "2026-06-01"): CreditRepairInput => ({ ...base({ measures: [measure] }), evaluatedOn });
  it("an ordinary fine claimed stopped 2 months after publication is refused; at 3 months it stands", () => {
    const e = refusal(() => evaluateCreditRepair(input({ ...fine, stoppedOn: "2026-03-15" })));
    expect(e.issues[0]).toMatchObject({ rule: "stop-before-minimum-period", path: ["measures", "stoppedOn"] });
    expect(e.issues[0]?.clause).toMatch(/总局令第45号 art\. 14/);
    expect(evaluateCreditRepair(input({ ...fine, stoppedOn: "2026-04-16" }))).toMatchObject({ status: "auto-stopped", stoppedOn: "2026-04-16" });
  });
  it("a serious fine needs a year; the day before its minimum ends is refused", () => {
    const serious = { ...fine, tier: "serious" as const };
    const r = evaluateCreditRepair(input(serious, "2026-06-01"));
    const earliest = (r as { earliestApplicationOn?: string }).earliestApplicationOn as string;
    const dayBefore = formatDayNumber(dayNumber(+earliest.slice(0, 4), +earliest.slice(5, 7), +earliest.slice(8, 10)) - 1);
    expect(refusal(() => evaluateCreditRepair(input({ ...serious, stoppedOn: dayBefore }, "2027-06-01"))).issues[0]?.rule).toBe("stop-before-minimum-period");
    expect(evaluateCreditRepair(input({ ...serious, stoppedOn: earliest }, "2027-06-01")).status).toBe("auto-stopped");
  });
  it("F16: a serious-list removal 2 months after listing is refused (总局令第44号: early removal after 1 year), never stopping the linked result; from 1 year it stands", () => {
    const wan = { result: { outcomes: ["pending-follow-up" as const], publishedOn: "2026-04-01" }, facts: ok, evaluatedOn: "2026-06-10" };
    const e = refusal(() => evaluateCreditRepair({ ...wan, measures: [{ kind: "serious-list", listedOn: "2026-04-02", removedOn: "2026-06-02" }] }, { jurisdiction: "wancheng" }));
    expect(e.issues[0]).toMatchObject({ rule: "removal-before-minimum-period", path: ["measures", "removedOn"], value: "2026-06-02" });
    expect(e.issues[0]?.clause).toMatch(/总局令第44号/);
    // the day before the year ends is still refused; the first day of the second year is allowed and stops the result
    expect(refusal(() => evaluateCreditRepair({ ...wan, measures: [{ kind: "serious-list", listedOn: "2026-04-02", removedOn: "2027-04-02" }], evaluatedOn: "2027-05-01" })).issues[0]?.rule).toBe("removal-before-minimum-period");
    expect(evaluateCreditRepair({ ...wan, measures: [{ kind: "serious-list", listedOn: "2026-04-02", removedOn: "2027-04-03" }], evaluatedOn: "2027-05-01" })).toMatchObject({ status: "auto-stopped", stoppedOn: "2027-04-03", reason: "linked-measure-stopped" });
  });
  it("an evaluation dated before the penalty decision (or the listing) is refused, every one reported; on the day it is accepted", () => {
    const e = refusal(() => evaluateCreditRepair({ ...base({ measures: [fine, { kind: "serious-list", listedOn: "2026-01-20" }] }), evaluatedOn: "2026-01-11" }));
    expect(e.issues.map((i) => [i.rule, i.path.join(".")])).toEqual([["evaluation-after-measure", "measures.0.decidedOn"], ["evaluation-after-measure", "measures.1.listedOn"]]);
    for (const i of e.issues) expect(i.clause).toMatch(/总局令第45号 art\. 9/);
    expect(evaluateCreditRepair({ ...base({ measures: [fine] }), evaluatedOn: "2026-01-12" }).status).toBe("published");
  });
  it("property: any stop claimed before the minimum period of a non-severe linked penalty is refused, naming the clause", () => {
    fc.assert(
      fc.property(fc.constantFrom("ordinary" as const, "serious" as const), fc.integer({ min: 0, max: 360 }), (tier, k) => {
        const m = { ...fine, tier };
        const earliest = (evaluateCreditRepair(input(m, "2026-02-01")) as { earliestApplicationOn?: string }).earliestApplicationOn as string;
        const stoppedOn = formatDayNumber(dayNumber(2026, 1, 15) + k);
        if (stoppedOn >= earliest) expect(evaluateCreditRepair(input({ ...m, stoppedOn }, "2028-01-01")).status).toBe("auto-stopped");
        else expect(refusal(() => evaluateCreditRepair(input({ ...m, stoppedOn }, "2028-01-01"))).issues[0]?.clause).toMatch(/总局令第45号 art\. 14/);
      }),
      { seed: 36, numRuns: 300 },
    );
  });
});

describe("properties", () => {
  it("monotone in time: once stopped, stays stopped; once eligible, eligible until stopped; before publication never stopped", () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: -30, max: 1500 }), fc.integer({ min: 1, max: 1500 }), (x, k, gap) => {
        const d1 = formatDayNumber(dayNumber(2026, 1, 1) + 60 + k);
        const d2 = formatDayNumber(dayNumber(2026, 1, 1) + 60 + k + gap);
        const a = at(x, d1);
        const b = at(x, d2);
        if (d1 < x.publishedOn) expect(a.status).not.toBe("auto-stopped");
        if (a.status === "auto-stopped") expect(b).toMatchObject({ status: "auto-stopped", stoppedOn: a.stoppedOn });
        if (a.status === "eligible-for-application") expect(["eligible-for-application", "auto-stopped"]).toContain(b.status);
      }),
      { seed: 31, numRuns: 3000 },
    );
  });
  it("linked stop: the result stops exactly when the last linked measure stops", () => {
    fc.assert(
      fc.property(inputArb, (x) => {
        // minor penalties do not link (Wancheng art. 25); with explicit stop dates on every linked measure, the result
        // stops on the latest of them
        // (from 总局令第107号 the authority's tier decides: a reprimand tiered ordinary or serious links)
        const linkedMeasures = x.measures.filter((m) => !(m.kind === "penalty" && ((m as { tier?: string }).tier === "minor" || ((m as { tier?: string }).tier === undefined && (m as { type: string }).type === "public-reprimand"))));
        const stops = linkedMeasures.map((m) => (m as { stoppedOn?: string }).stoppedOn ?? (m as { removedOn?: string }).removedOn);
        if (linkedMeasures.length === 0 || stops.some((d) => d === undefined)) return;
        const last = (stops as string[]).reduce((p, c) => (p > c ? p : c));
        const r = at(x, "2035-01-01");
        if (!x.outcomes.some((o) => o !== "compliant")) {
          expect(r.status).toBe("not-negative");
          return;
        }
        expect(r).toMatchObject({ status: "auto-stopped", reason: "linked-measure-stopped", stoppedOn: last });
        const dayBefore = formatDayNumber(dayNumber(+last.slice(0, 4), +last.slice(5, 7), +last.slice(8, 10)) - 1);
        if (dayBefore >= x.publishedOn) expect(at(x, dayBefore).status).not.toBe("auto-stopped");
      }),
      { seed: 32, numRuns: 2000 },
    );
  });
  it("a severe penalty claimed minor or lower-amount is refused with 45号令 art. 13–14, never stopped early", () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...SEVERE_PENALTY_TYPES), fc.constantFrom("tier", "lowerAmount"), fc.integer({ min: 0, max: 1500 }), (x, type, claim, k) => {
        const measure = { kind: "penalty" as const, type, decidedOn: "2026-01-05", publishedOn: "2026-01-08", ...(claim === "tier" ? { tier: "minor" as const } : { tier: "serious" as const, lowerAmount: true }) };
        let error: unknown;
        try {
          at({ ...x, outcomes: ["non-compliant"], measures: [measure] }, formatDayNumber(dayNumber(2026, 3, 1) + k));
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(ShuangsuijiError);
        expect((error as ShuangsuijiError).issues[0]?.clause).toMatch(/总局令第45号 art\. 1[34]/);
      }),
      { seed: 34, numRuns: 300 },
    );
  });
  it("facts out of order are refused, every one reported, each naming its clause", () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 400 }), (x, a, b) => {
        const decided = formatDayNumber(dayNumber(2026, 3, 1) + a);
        const measures = [
          { kind: "penalty" as const, type: "fine" as const, tier: "ordinary" as const, decidedOn: decided, publishedOn: formatDayNumber(dayNumber(2026, 3, 1) + a - 1) },
          { kind: "serious-list" as const, listedOn: decided, removedOn: formatDayNumber(dayNumber(2026, 3, 1) + a - b) },
        ];
        let error: unknown;
        try {
          at({ ...x, measures }, "2030-01-01");
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(ShuangsuijiError);
        expect((error as ShuangsuijiError).issues.map((i) => i.path.join("."))).toEqual(["measures.0.publishedOn", "measures.1.removedOn"]);
        for (const i of (error as ShuangsuijiError).issues) expect(i.clause).not.toBe("");
      }),
      { seed: 35, numRuns: 200 },
    );
  });
  it("severe penalty types are never eligible for early stop", () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...SEVERE_PENALTY_TYPES), fc.integer({ min: 0, max: 1500 }), (x, type, k) => {
        const measures = [{ kind: "penalty" as const, type, tier: "serious" as const, decidedOn: "2026-01-05", publishedOn: "2026-01-08" }];
        const r = at({ ...x, outcomes: ["non-compliant"], measures }, formatDayNumber(dayNumber(2026, 3, 1) + k));
        expect(r.status).not.toBe("eligible-for-application");
      }),
      { seed: 33, numRuns: 1000 },
    );
  });
});

// Regulator finding G12 (case-09): a stop or removal that the input's own facts contradict is not a fact to build the
// linked stop on (总局令第45号 art. 14; 企业信息公示暂行条例 art. 17; Wancheng art. 25).
describe("G12 — early stops and removals contradicted by the input are refused", () => {
  const bad = { penaltyFulfilled: false, harmRemedied: false, noRepeatViolation: false };
  const good = { penaltyFulfilled: true, harmRemedied: true, noRepeatViolation: true };
  const fine = { kind: "penalty" as const, type: "fine" as const, tier: "ordinary" as const, decidedOn: "2026-05-06", publishedOn: "2026-05-08", stoppedOn: "2026-09-10" };
  const run = (measures: CreditRepairInput["measures"], facts: CreditRepairInput["facts"], evaluatedOn: string) =>
    evaluateCreditRepair({ result: { outcomes: ["non-compliant"], publishedOn: "2026-04-20" }, measures, facts, evaluatedOn }, { jurisdiction: "wancheng" });
  it("(a) an ordinary fine stopped early while the facts say unfulfilled, unremedied and repeated: refused, one issue per condition; with the conditions met, or as a withdrawn decision, the linked result stops", () => {
    let e: unknown;
    try { run([fine], bad, "2026-09-15"); } catch (x) { e = x; }
    expect(e).toBeInstanceOf(ShuangsuijiError);
    const issues = (e as ShuangsuijiError).issues;
    expect(issues.map((i) => i.rule)).toEqual(["early-stop-conditions-unmet", "early-stop-conditions-unmet", "early-stop-conditions-unmet"]);
    expect(issues.map((i) => i.path.join("."))).toEqual(["facts.penaltyFulfilled", "facts.harmRemedied", "facts.noRepeatViolation"]);
    expect(issues[0]!.clause).toMatch(/总局令第45号 art\. 14.*Wancheng art\. 25/);
    expect(run([fine], good, "2026-09-15")).toMatchObject({ status: "auto-stopped", reason: "linked-measure-stopped", stoppedOn: "2026-09-10" });
    expect(run([{ ...fine, stopGround: "decision-withdrawn" }], bad, "2026-09-15")).toMatchObject({ status: "auto-stopped", stoppedOn: "2026-09-10" });
  });
  it("(b) an abnormal-list entry marked not cured and removed the next day: refused; cured, the removal stops the linked result", () => {
    const entry = { kind: "abnormal-list" as const, ground: "unreachable" as const, listedOn: "2026-05-06", removedOn: "2026-05-07" };
    let e: unknown;
    try { run([{ ...entry, cured: false }], bad, "2026-05-08"); } catch (x) { e = x; }
    expect((e as ShuangsuijiError).issues[0]).toMatchObject({ rule: "removal-ground-not-cured", path: ["measures", "removedOn"], clause: expect.stringMatching(/条例 art\. 17/) });
    expect(run([{ ...entry, cured: true }], bad, "2026-05-08")).toMatchObject({ status: "auto-stopped", stoppedOn: "2026-05-07" });
  });
});

describe("per-document rules (a regulator's review, 2026-12-05)", () => {
  const penalty = (extra: Record<string, unknown>) => ({ kind: "penalty" as const, type: "fine" as const, decidedOn: "2026-01-12", publishedOn: "2026-01-15", ...extra });
  it.each(["seriously-non-cooperative", "falsified-public-information", "administrative-decision-to-publish"] as const)(
    "川渝 scheme: %s is not on the list repairable on application — published until the period ends",
    (outcome) => {
      const r = evaluateCreditRepair(base({ result: { outcomes: [outcome], publishedOn: "2026-04-01" }, evaluatedOn: "2026-05-01" }), { jurisdiction: "chuanyu" });
      expect(r).toMatchObject({ status: "published", linked: false, autoStopOn: "2026-07-02" });
      expect(r.explanationZh).toContain("不属于川渝方案可申请修复的情形");
      // and with a listed outcome beside it, still not repairable on application
      expect(evaluateCreditRepair(base({ result: { outcomes: ["non-compliant", outcome], publishedOn: "2026-04-01" }, evaluatedOn: "2026-05-01" }), { jurisdiction: "chuanyu" }).status).toBe("published");
    },
  );
  it("川渝 scheme: the condition is 问题已整改 (facts.corrected), cited to the scheme, never a penalty that does not exist", () => {
    const r = evaluateCreditRepair(base({ facts: { ...ok, corrected: false }, evaluatedOn: "2026-02-01" }), { jurisdiction: "chuanyu" });
    expect(r).toMatchObject({ status: "published", unmetConditions: [{ condition: "violation-corrected" }] });
    expect(JSON.stringify(r)).not.toContain("penalty's obligations");
    expect(r.basis.join()).not.toContain("Wancheng");
    expect(evaluateCreditRepair(base({ facts: { penaltyFulfilled: false, harmRemedied: false, noRepeatViolation: true, corrected: true } }), { jurisdiction: "chuanyu" }).status).toBe("eligible-for-application");
  });
  it("总局令第107号: the authority's tier is honoured — a reprimand tiered ordinary links the result (no automatic 3-month stop)", () => {
    const r = evaluateCreditRepair(base({ measures: [penalty({ type: "public-reprimand", tier: "ordinary" })], facts: { ...ok, penaltyFulfilled: false }, evaluatedOn: "2026-05-01" }));
    expect(r).toMatchObject({ status: "published", linked: true });
    expect(evaluateCreditRepair(base({ measures: [penalty({ lowerAmount: true, tier: "serious" })], evaluatedOn: "2026-05-01" }))).toMatchObject({ status: "published", linked: true, earliestApplicationOn: "2027-01-16" });
  });
  it("45号令 art. 13 (2021 rules): a reprimand claimed ordinary contradicts the rule and is refused", () => {
    const e = refusal(() => evaluateCreditRepair(base({ result: { outcomes: ["non-compliant"], publishedOn: "2025-09-01" }, measures: [penalty({ type: "public-reprimand", tier: "ordinary", decidedOn: "2025-09-02", publishedOn: "2025-09-03" })], evaluatedOn: "2025-10-01" }), { ruleSet: "SAMR_2021", jurisdiction: "chuanyu" }));
    expect(e.issues[0]).toMatchObject({ rule: "tier-contradicts-type", clause: "总局令第45号 art. 13" });
  });
  it("立法法 art. 104: a 2024 penalty evaluated under 总局令第107号 never stops before 2025-12-25, and says the transition is unconfirmed", () => {
    const r = evaluateCreditRepair(base({ result: { outcomes: ["non-compliant"], publishedOn: "2024-02-20" }, measures: [penalty({ tier: "ordinary", decidedOn: "2024-02-25", publishedOn: "2024-03-01" })], evaluatedOn: "2026-01-10" }));
    expect(r).toMatchObject({ status: "auto-stopped", stoppedOn: "2025-12-25", ruleSet: "SAMR_2025" });
    expect(r.basis.join()).toContain("[UNCONFIRMED transition]");
    expect(r.explanationEn).toContain("transition");
    // on 2025-12-24 the 2021 rules alone (3 years) keep it published
    expect(evaluateCreditRepair(base({ result: { outcomes: ["non-compliant"], publishedOn: "2024-02-20" }, measures: [penalty({ tier: "ordinary", decidedOn: "2024-02-25", publishedOn: "2024-03-01" })], facts: { ...ok, penaltyFulfilled: false }, evaluatedOn: "2025-12-24" }), { jurisdiction: "chuanyu" }).status).toBe("published");
  });
  it("processing time: 15 working days under the 2021 measures, 7 under 总局令第107号, 5 for an abnormal-list removal", () => {
    const r2021 = evaluateCreditRepair(base({ result: { outcomes: ["non-compliant"], publishedOn: "2025-09-01" }, evaluatedOn: "2025-09-15" }), { jurisdiction: "chuanyu" });
    expect(r2021).toMatchObject({ status: "eligible-for-application", ruleSet: "SAMR_2021", processingDeadline: "2025-10-11" }); // 国庆 2025 and two make-up days
    expect(r2021.basis.join()).toContain("川渝");
    expect(r2021.basis.join()).not.toContain("Wancheng");
    const abnormal = evaluateCreditRepair(base({ result: { outcomes: ["unreachable-at-registered-address"], publishedOn: "2026-04-01" }, measures: [{ kind: "abnormal-list", ground: "unreachable", listedOn: "2026-04-02", cured: true }], evaluatedOn: "2026-05-06" }));
    expect(abnormal).toMatchObject({ status: "eligible-for-application", processingDeadline: "2026-05-12" }); // 5 working days: 7, 8, 9 (make-up Saturday), 11, 12 May
  });
  it("总局令第44号: an early removal from the serious list that the facts contradict is refused", () => {
    const e = refusal(() => evaluateCreditRepair(base({ measures: [{ kind: "serious-list", listedOn: "2026-04-10", removedOn: "2027-05-01" }], facts: { ...ok, penaltyFulfilled: false, noRepeatViolation: false }, evaluatedOn: "2027-06-01" })));
    expect(e.issues.map((i) => [i.rule, i.path.join(".")])).toEqual([["early-removal-conditions-unmet", "facts.penaltyFulfilled"], ["early-removal-conditions-unmet", "facts.noRepeatViolation"]]);
  });
  it("Wancheng art. 25: a pending follow-up says its date is conditional; a penalty made after the period does not publish the result again", () => {
    const pending = base({ result: { outcomes: ["pending-follow-up"], publishedOn: "2026-04-01" }, evaluatedOn: "2026-05-01" });
    expect(evaluateCreditRepair(pending).explanationEn).toContain("if a penalty or listing follows");
    const later = evaluateCreditRepair({ ...pending, measures: [penalty({ tier: "ordinary", decidedOn: "2026-08-01", publishedOn: "2026-08-05" })], evaluatedOn: "2026-09-10" });
    expect(later).toMatchObject({ status: "auto-stopped", reason: "period-expired", stoppedOn: "2026-07-02" });
    // made within the period, the penalty links it
    expect(evaluateCreditRepair({ ...pending, measures: [penalty({ tier: "ordinary", decidedOn: "2026-06-01", publishedOn: "2026-06-05" })], facts: { ...ok, penaltyFulfilled: false }, evaluatedOn: "2026-09-10" })).toMatchObject({ status: "published", linked: true });
  });
});

// hostile9b F2 (case-02): a penalty decision changed, annulled, or held unlawful or void is withdrawn (撤回, 总局令第45号
// art. 11) — not an early stop (提前停止公示, art. 14) — and the negative result stops with it (Wancheng art. 25); a listing
// decision revoked (撤销列入决定) is not an early removal either.
describe("F2 — a withdrawn decision or a revoked listing stops the linked result on its day", () => {
  const res = { outcomes: ["pending-follow-up" as const], publishedOn: "2026-04-01" };
  const none = { penaltyFulfilled: false, harmRemedied: false, noRepeatViolation: true };
  const fine = { kind: "penalty" as const, type: "fine" as const, decidedOn: "2026-04-20", publishedOn: "2026-04-24", tier: "ordinary" as const };
  const run = (measures: CreditRepairInput["measures"], evaluatedOn: string, facts: CreditRepairInput["facts"] = ok) => evaluateCreditRepair({ result: res, measures, facts, evaluatedOn });
  it.each([
    ["an ordinary fine annulled 1 month after publication", { ...fine, stoppedOn: "2026-05-25" }, none],
    ["a serious fine annulled after 5 months", { ...fine, tier: "serious" as const, stoppedOn: "2026-09-25" }, ok],
    ["a licence revocation annulled by a court", { ...fine, type: "licence-revoked" as const, tier: "serious" as const, stoppedOn: "2026-09-25" }, ok],
  ] as const)("the reproducer: %s — auto-stopped on the withdrawal day, not the day before; without the ground still refused", (_what, m, facts) => {
    const withdrawn = { ...m, stopGround: "decision-withdrawn" as const };
    const r = run([withdrawn], "2026-10-01", facts);
    expect(r).toMatchObject({ status: "auto-stopped", stoppedOn: m.stoppedOn, reason: "linked-measure-stopped" });
    expect(r.basis.join()).toMatch(/总局令第45号 art\. 11/);
    expect(r.explanationZh).toContain("撤回");
    expect(r.explanationEn).toContain("withdrawn");
    expect(r.explanationEn).toContain("not an early stop");
    // boundary: on the withdrawal day stopped; the day before still published (a severe type: never early)
    expect(run([withdrawn], m.stoppedOn, facts)).toMatchObject({ status: "auto-stopped", stoppedOn: m.stoppedOn });
    const dayBefore = formatDayNumber(dayNumber(+m.stoppedOn.slice(0, 4), +m.stoppedOn.slice(5, 7), +m.stoppedOn.slice(8, 10)) - 1);
    expect(run([withdrawn], dayBefore, facts).status).toBe(m.type === "licence-revoked" ? "never-early" : "published");
    // the same stop claimed as a repair still contradicts the rules, and the message says how to declare a withdrawal
    const e = refusal(() => run([m], "2026-10-01", facts));
    expect(e.issues[0]?.rule).toBe(m.type === "licence-revoked" ? "early-stop-forbidden" : "stop-before-minimum-period");
    expect(e.issues[0]?.messageEn).toContain('stopGround: "decision-withdrawn"');
    expect(e.issues[0]?.messageZh).toContain("总局令第45号第十一条");
  });
  it("genuinely contradictory facts are still refused: a ground without a withdrawal day, a withdrawal before publication, a severe type claimed minor", () => {
    const noDay = refusal(() => run([{ ...fine, stopGround: "decision-withdrawn" }], "2026-10-01"));
    expect(noDay.issues[0]).toMatchObject({ rule: "stop-ground-without-date", path: ["measures", 0, "stoppedOn"], clause: "总局令第45号 arts. 11, 14" });
    expect(refusal(() => run([{ ...fine, stoppedOn: "2026-04-23", stopGround: "decision-withdrawn" }], "2026-10-01")).issues[0]?.rule).toBe("dates-in-order");
    expect(refusal(() => run([{ ...fine, type: "licence-revoked", tier: "minor", stoppedOn: "2026-05-01", stopGround: "decision-withdrawn" }], "2026-10-01")).issues[0]?.rule).toBe("severe-not-minor");
  });
  it("a withdrawn minor penalty never linked the result: the result keeps its own period (Wancheng art. 25)", () => {
    const r = run([{ ...fine, tier: "minor", stoppedOn: "2026-05-01", stopGround: "decision-withdrawn" }], "2026-06-01");
    expect(r).toMatchObject({ status: "published", linked: false, autoStopOn: "2026-07-02" });
  });
  it("a serious-list entry revoked 2 months after listing (撤销列入决定) stops the result that day, whatever the facts; claimed as an early removal it is still refused", () => {
    const entry = { kind: "serious-list" as const, listedOn: "2026-04-02", removedOn: "2026-06-02" };
    const r = run([{ ...entry, removalGround: "listing-revoked" }], "2026-06-10", none);
    expect(r).toMatchObject({ status: "auto-stopped", stoppedOn: "2026-06-02", reason: "linked-measure-stopped" });
    expect(r.basis.join()).toMatch(/总局令第44号 art\. 2/);
    expect(r.explanationEn).toContain("listing decision was revoked");
    expect(run([{ ...entry, removalGround: "listing-revoked" }], "2026-06-01", none)).toMatchObject({ status: "published", linked: true });
    const e = refusal(() => run([entry], "2026-06-10", none));
    expect(e.issues[0]?.rule).toBe("removal-before-minimum-period");
    expect(e.issues[0]?.messageEn).toContain('removalGround: "listing-revoked"');
    // an early removal after the year, with the facts contradicting its conditions, is refused; revoked it stands
    const late = { ...entry, removedOn: "2027-05-01" };
    expect(refusal(() => run([late], "2027-06-01", none)).issues[0]?.rule).toBe("early-removal-conditions-unmet");
    expect(run([{ ...late, removalGround: "listing-revoked" }], "2027-06-01", none)).toMatchObject({ status: "auto-stopped", stoppedOn: "2027-05-01" });
  });
  it("an abnormal-list entry whose listing was revoked stops the result that day though the input says not cured; as a repair it is still refused", () => {
    const entry = { kind: "abnormal-list" as const, ground: "unreachable" as const, listedOn: "2026-04-06", cured: false, removedOn: "2026-04-09" };
    expect(run([{ ...entry, removalGround: "listing-revoked" }], "2026-04-09", none)).toMatchObject({ status: "auto-stopped", stoppedOn: "2026-04-09" });
    expect(run([{ ...entry, removalGround: "listing-revoked" }], "2026-04-08", none).status).toBe("published");
    expect(refusal(() => run([entry], "2026-04-09", none)).issues[0]?.rule).toBe("removal-ground-not-cured");
    expect(refusal(() => run([{ kind: "abnormal-list", ground: "unreachable", listedOn: "2026-04-06", removalGround: "listing-revoked" }], "2026-04-09")).issues[0]).toMatchObject({ rule: "removal-ground-without-date", path: ["measures", 0, "removedOn"] });
  });
  it("property: a withdrawn decision of any linking tier and type stops the result on its withdrawal day, whatever the facts and however early", () => {
    const types = ["warning", "public-reprimand", "fine", "confiscation", "other", ...SEVERE_PENALTY_TYPES] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...types), fc.constantFrom("ordinary" as const, "serious" as const), fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 360 }), fc.integer({ min: 0, max: 900 }),
        fc.record({ penaltyFulfilled: fc.boolean(), harmRemedied: fc.boolean(), noRepeatViolation: fc.boolean() }),
        (type, tier, d, p, k, j, facts) => {
          const decidedOn = formatDayNumber(dayNumber(2026, 4, 1) + d);
          const publishedOn = formatDayNumber(dayNumber(2026, 4, 1) + d + p);
          const stoppedOn = formatDayNumber(dayNumber(2026, 4, 1) + d + p + k);
          const m = { kind: "penalty" as const, type, tier, decidedOn, publishedOn, stoppedOn, stopGround: "decision-withdrawn" as const };
          expect(run([m], formatDayNumber(dayNumber(2026, 4, 1) + d + p + k + j), facts)).toMatchObject({ status: "auto-stopped", stoppedOn, reason: "linked-measure-stopped" });
          if (k > 0) expect(run([m], formatDayNumber(dayNumber(2026, 4, 1) + d + p + k - 1), facts).status).not.toBe("auto-stopped");
        },
      ),
      { seed: 91, numRuns: 400 },
    );
  });
});

// hostile9b F6 (case-07): the standalone stop is no earlier than the first day a rule covering spot-check results applied
// (立法法 art. 104: favourable retroactivity at most to the entry into force), as for penalties.
describe("F6 — 立法法 art. 104: the standalone branch never dates a stop before the rule that stops it", () => {
  const standalone = (publishedOn: string, evaluatedOn: string) => ({ result: { outcomes: ["non-compliant" as const], publishedOn }, measures: [], facts: ok, evaluatedOn });
  it("the reproducer: a 2025-06-02 result evaluated 2026-01-10 stopped from 2025-12-25 (总局令第107号), with the transition caveat", () => {
    const r = evaluateCreditRepair(standalone("2025-06-02", "2026-01-10"));
    expect(r).toMatchObject({ status: "auto-stopped", stoppedOn: "2025-12-25", reason: "period-expired", ruleSet: "SAMR_2025" });
    expect(r.basis.join()).toContain("立法法 art. 104");
    expect(r.basis.join()).toContain("[UNCONFIRMED transition]");
    expect(r.explanationEn).toContain("transition is unconfirmed");
    expect(r.explanationZh).toContain("过渡适用未经确认");
    // under Wancheng art. 25 (in force 2026-03-20) the more favourable 2025-12-25 still holds
    expect(evaluateCreditRepair(standalone("2025-06-02", "2026-05-01"))).toMatchObject({ status: "auto-stopped", stoppedOn: "2025-12-25" });
    // with the 2021 rule set named, only Wancheng art. 25 covers the result: from 2026-03-20
    expect(evaluateCreditRepair(standalone("2025-06-02", "2026-05-01"), { ruleSet: "SAMR_2021" })).toMatchObject({ status: "auto-stopped", stoppedOn: "2026-03-20" });
  });
  it("boundary: a period ending 2025-12-24 stops from 2025-12-25 with no caveat; one ending a day earlier is moved to 2025-12-25 with it", () => {
    const onTime = evaluateCreditRepair(standalone("2025-09-24", "2026-01-10"));
    expect(onTime).toMatchObject({ status: "auto-stopped", stoppedOn: "2025-12-25" });
    expect(onTime.basis.join()).not.toContain("[UNCONFIRMED transition]");
    const early = evaluateCreditRepair(standalone("2025-09-23", "2026-01-10"));
    expect(early).toMatchObject({ status: "auto-stopped", stoppedOn: "2025-12-25" });
    expect(early.basis.join()).toContain("[UNCONFIRMED transition]");
  });
  it("川渝 scheme (from 2025-08-14): a result whose period ended before it stops from 2025-08-14; the day before nothing applied", () => {
    expect(evaluateCreditRepair(standalone("2025-03-03", "2025-08-13"), { jurisdiction: "chuanyu" }).status).toBe("out-of-scope");
    const r = evaluateCreditRepair(standalone("2025-03-03", "2025-08-14"), { jurisdiction: "chuanyu" });
    expect(r).toMatchObject({ status: "auto-stopped", stoppedOn: "2025-08-14" });
    expect(r.basis.join()).toContain("[UNCONFIRMED transition]");
  });
  it("a penalty made after the period ran out but before any rule stopped the result links it (the result was still published)", () => {
    const r = evaluateCreditRepair({ ...standalone("2025-06-02", "2026-01-10"), measures: [{ kind: "penalty", type: "fine", tier: "ordinary", decidedOn: "2025-10-10", publishedOn: "2025-10-15" }], facts: { ...ok, penaltyFulfilled: false } });
    expect(r).toMatchObject({ status: "published", linked: true });
  });
  it("property: a standalone stop is the period's end, or the first day a covering rule applied if later — never before it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 900 }), fc.constantFrom("wancheng" as const, "chuanyu" as const), (p, j, jurisdiction) => {
        const publishedOn = formatDayNumber(dayNumber(2024, 6, 1) + p);
        const evaluatedOn = formatDayNumber(dayNumber(2024, 6, 1) + p + j);
        const r = evaluateCreditRepair(standalone(publishedOn, evaluatedOn), { jurisdiction });
        const floor = jurisdiction === "chuanyu" ? "2025-08-14" : "2025-12-25";
        const raw = next(addLegalPeriod(publishedOn, { months: 3 }, { outsideCoverage: "assume-weekdays" }));
        const expected = raw < floor ? floor : raw;
        if (r.status === "auto-stopped") expect(r.stoppedOn).toBe(expected);
        else if (r.status === "published" || r.status === "eligible-for-application") expect(r.autoStopOn).toBe(expected);
        else expect(r.status).toBe("out-of-scope");
        if (r.status !== "out-of-scope") expect(r.basis.join().includes("[UNCONFIRMED transition]")).toBe(raw < floor);
      }),
      { seed: 93, numRuns: 500 },
    );
  });
});
