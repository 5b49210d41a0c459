// hostile9b F1: in a year the calendar does not cover, outsideCoverage: "assume-weekdays" takes the statutory days of
// 《全国年节及纪念日放假办法》 art. 2 (2024 revision, in force 2025) as days off — 元旦, 除夕–初三, 清明, 劳动节 5-01/5-02,
// 端午, 中秋, 国庆 10-01–10-03 — whatever the year's notice adds; every other weekday stays a working day (provisional).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import chineseDays from "chinese-days";
import {
  CN_CALENDAR, addCalendarYears, addLegalPeriod, addWorkingDays, createHolidayCalendar, differenceInWorkingDays, holidayName, isMakeupWorkday, isProvisional, isPublicHoliday, isStatutoryHoliday,
  isWorkingDay, nextWorkingDay, previousWorkingDay, type CalendarOptions, type HolidayCalendar,
} from "../../src/calendar/index.js";
import {
  commitPool, completeInspection, computeDeadline, createSeed, drawInspectors, drawTargets, evaluateCreditRepair, isPublicationOverdue, lockTargets, recordAdvanceNotice, recordInspectorDraw, recordResult,
  recordTargetDraw, startInspection, startTask, type CreditRepairInput, type TaskLifecycle,
} from "../../src/index.js";
import { ITEMS, POOL, TASK, recordFor, stage2Input } from "../task/_scenario.js";
import { inspectedOnDay } from "../task/_publish.js";
import { dayNumber, formatDayNumber, isoWeekday } from "../../src/calendar/_days.js";
import { STATUTORY_LAST_YEAR, statutoryDays } from "../../src/calendar/_statutory.js";

const ASSUME = { outsideCoverage: "assume-weekdays" } as const;
const pad = (n: number) => String(n).padStart(2, "0");
const plus = (iso: string, k: number) => formatDayNumber(dayNumber(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))) + k);

/**
 * The 13 statutory days of year y from chinese-days (one of the generator's two sources), with their festival.
 * chinese-days computes with dayjs in the machine's local time (west of UTC its dates shift by a day), so the oracle
 * runs with TZ pinned to China's; the library itself is checked under every TZ (scripts/test-timezones.mjs).
 */
function oracle(y: number): Map<string, string> {
  const before = process.env.TZ;
  process.env.TZ = "Asia/Shanghai"; // Node applies a TZ assigned at run time to later Date computations
  try {
    return oracleInShanghai(y);
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}
function oracleInShanghai(y: number): Map<string, string> {
  const lunar = (m: number, d: number) => (chineseDays.getSolarDateFromLunar(`${y}-${pad(m)}-${pad(d)}`) as { date: string }).date;
  const terms = chineseDays.getSolarTermsInRange(`${y}-04-01`, `${y}-04-10`) as { date: string; name: string; index: number }[];
  const chuyi = lunar(1, 1);
  const out = new Map<string, string>();
  const add = (name: string, ...ds: string[]) => ds.forEach((d) => out.set(d, out.has(d) ? `${out.get(d)}、${name}` : name));
  add("元旦", `${y}-01-01`);
  add("春节", plus(chuyi, -1), chuyi, plus(chuyi, 1), plus(chuyi, 2));
  add("清明节", terms.find((t) => t.name === "清明" && t.index === 1)!.date);
  add("劳动节", `${y}-05-01`, `${y}-05-02`);
  add("端午节", lunar(5, 5));
  add("中秋节", lunar(8, 15));
  add("国庆节", `${y}-10-01`, `${y}-10-02`, `${y}-10-03`);
  return out;
}
/** 中秋 on a day of 国庆 is named as the notices name it. */
const expectedName = (name: string) => (name === "中秋节、国庆节" ? "国庆节、中秋节" : name);

describe("the statutory days of the years after the bundled calendar (全国年节及纪念日放假办法 art. 2)", () => {
  it("the table runs to 2099, where the two sources stop agreeing (清明 2100)", () => {
    expect(STATUTORY_LAST_YEAR).toBe(2099);
    expect(statutoryDays(2100)).toEqual([]);
    expect(statutoryDays(2024)).toEqual([]);
  });

  it("2025 and 2026: the table gives exactly the bundled calendar's statutory days (the official notices)", () => {
    for (const y of [2025, 2026]) {
      const days = statutoryDays(y).map(([n]) => formatDayNumber(n)).sort();
      expect(days, String(y)).toEqual([...CN_CALENDAR.years[y]!.statutoryDays!].sort());
      for (const [n, name] of statutoryDays(y)) expect(CN_CALENDAR.years[y]!.holidays.find((h) => h.date === formatDayNumber(n))?.name, formatDayNumber(n)).toContain(name.slice(0, 2));
    }
  });

  it("every day of 2027–2099 under assume-weekdays: a statutory day (per chinese-days) is off and statutory, every other weekday a working day, weekends off", () => {
    let checked = 0;
    for (let y = 2027; y <= 2099; y++) {
      const stat = oracle(y);
      expect(stat.size === 13 || stat.size === 12, `${y}: ${stat.size}`).toBe(true); // 12 when 中秋 falls on 10-01..10-03
      for (let n = dayNumber(y, 1, 1); n <= dayNumber(y, 12, 31); n++) {
        const d = formatDayNumber(n);
        const name = stat.get(d);
        expect(isWorkingDay(d, ASSUME), d).toBe(name === undefined && isoWeekday(n) <= 5);
        expect(isStatutoryHoliday(d, ASSUME), d).toBe(name !== undefined);
        expect(isPublicHoliday(d, ASSUME), d).toBe(name !== undefined);
        expect(isMakeupWorkday(d, ASSUME), d).toBe(false);
        expect(holidayName(d, ASSUME), d).toBe(name === undefined ? undefined : expectedName(name));
        checked++;
      }
      expect(isProvisional(`${y}-01-01`, ASSUME)).toBe(true);
    }
    expect(checked).toBe(dayNumber(2100, 1, 1) - dayNumber(2027, 1, 1));
  });

  it("examples: 2027 (春节 2027-02-06), 中秋 on 国庆 (2031-10-01), and Mon–Fri after 2099", () => {
    expect(["2027-01-01", "2027-02-05", "2027-02-08", "2027-04-05", "2027-05-03", "2027-06-09", "2027-09-15", "2027-10-01"].map((d) => isWorkingDay(d, ASSUME))).toEqual([false, false, false, false, true, false, false, false]);
    expect(holidayName("2027-02-05", ASSUME)).toBe("春节");
    expect(holidayName("2031-10-01", ASSUME)).toBe("国庆节、中秋节");
    expect(isWorkingDay("2100-01-01", ASSUME)).toBe(true); // a Friday: the table ends in 2099
    // the default still refuses an uncovered year
    expect(() => isWorkingDay("2027-01-04")).toThrowError(/calendar-year-not-covered/);
  });

  it("the bundled years answer as before under assume-weekdays (2010–2026, every day)", () => {
    for (let n = dayNumber(2010, 1, 1); n <= dayNumber(2026, 12, 31); n++) {
      const d = formatDayNumber(n);
      expect(isWorkingDay(d, ASSUME), d).toBe(isWorkingDay(d));
      expect(isStatutoryHoliday(d, ASSUME), d).toBe(isStatutoryHoliday(d));
    }
  });

  it("a notice added for a year replaces the assumption for that year only", () => {
    const cal = addCalendarYears(CN_CALENDAR, [{ year: 2027, holidays: [{ date: "2027-01-01", name: "元旦" }, { date: "2027-01-04", name: "x" }], workdays: [] }]);
    expect(isWorkingDay("2027-02-05", { calendar: cal, ...ASSUME })).toBe(true); // the added year's data, not the assumption
    expect(isWorkingDay("2027-01-04", { calendar: cal, ...ASSUME })).toBe(false);
    expect(isWorkingDay("2028-01-26", { calendar: cal, ...ASSUME })).toBe(false); // 除夕 2028, assumed
  });
});

// -------------------------------------------------------------------------------------------------------------------
// Counting across the edge of coverage, against a naive day-by-day walk on an independent oracle.

/** Working day per the plain calendar data, else (uncovered) Mon–Fri less the chinese-days statutory days from 2025 to 2099. */
function referenceWorking(cal: HolidayCalendar, ignoreMakeup = false): (n: number) => boolean {
  const off = new Set<string>();
  const makeup = new Set<string>();
  for (const yd of Object.values(cal.years)) {
    for (const h of yd.holidays) off.add(h.date);
    for (const w of yd.workdays) makeup.add(w.date);
  }
  const uncovered = new Map<number, Map<string, string>>();
  return (n) => {
    const d = formatDayNumber(n);
    const y = Number(d.slice(0, 4));
    if (y >= cal.firstYear && y <= cal.lastYear) return (makeup.has(d) && !ignoreMakeup) || (isoWeekday(n) <= 5 && !off.has(d));
    if (y < 2025 || y > 2099) return isoWeekday(n) <= 5;
    if (!uncovered.has(y)) uncovered.set(y, oracle(y));
    return isoWeekday(n) <= 5 && !uncovered.get(y)!.has(d);
  };
}
/** n-th working day after d (n > 0) or before it (n < 0), day by day. */
function walk(working: (n: number) => boolean, d: string, k: number): string {
  let n = dayNumber(Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10)));
  for (let left = Math.abs(k); left > 0; ) {
    n += Math.sign(k);
    if (working(n)) left--;
  }
  return formatDayNumber(n);
}
const toN = (d: string) => dayNumber(Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10)));

// a calendar that ends before 2025: 2025–2026 come from the table, 2017–2019 (before it) are Mon–Fri
const EARLY = createHolidayCalendar(Object.values(CN_CALENDAR.years).filter((yd) => yd.year >= 2020 && yd.year <= 2024));
const CASES: [string, HolidayCalendar, number, number, CalendarOptions][] = [
  ["bundled 2010–2026 → 2027", CN_CALENDAR, toN("2025-06-01"), toN("2029-06-30"), ASSUME],
  ["bundled, ignoring make-up weekends", CN_CALENDAR, toN("2025-06-01"), toN("2029-06-30"), { ...ASSUME, ignoreMakeupWorkdays: true }],
  ["bundled → past 2099", CN_CALENDAR, toN("2098-06-01"), toN("2101-06-30"), ASSUME],
  ["a calendar of 2020–2024: both edges", EARLY, toN("2018-06-01"), toN("2026-06-30"), { calendar: EARLY, ...ASSUME }],
];

describe.each(CASES)("counting across covered ↔ uncovered years agrees with a day-by-day walk (%s)", (_label, cal, lo, hi, opts) => {
  const working = referenceWorking(cal, opts.ignoreMakeupWorkdays === true);
  const date = fc.integer({ min: lo, max: hi }).map(formatDayNumber);
  const k = fc.integer({ min: -400, max: 400 });
  it("addWorkingDays, differenceInWorkingDays, isWorkingDay, next/previousWorkingDay", () => {
    fc.assert(
      fc.property(date, k, (d, n) => {
        const r = addWorkingDays(d, n, opts);
        expect(r).toBe(walk(working, d, n));
        if (n !== 0) expect(isWorkingDay(r, opts)).toBe(true);
        // the count between d and r, day by day
        const [a, b] = d <= r ? [d, r] : [r, d];
        let c = 0;
        for (let x = toN(a) + 1; x <= toN(b); x++) if (working(x)) c++;
        expect(differenceInWorkingDays(b, a, opts)).toBe(c);
        expect(isWorkingDay(d, opts)).toBe(working(toN(d)));
        expect(nextWorkingDay(d, opts)).toBe(walk(working, d, 1));
        expect(previousWorkingDay(d, opts)).toBe(walk(working, d, -1));
      }),
      { seed: 9, numRuns: 300 },
    );
  });
});

// -------------------------------------------------------------------------------------------------------------------
// The hostile9b case-01 scenarios: the credit evaluator's default (assume-weekdays) and the lifecycle's opt-in.

describe("hostile9b F1 / case-01: credit dates past 2026 skip the statutory days (民法典 art. 203; 总局令第107号)", () => {
  const F = { penaltyFulfilled: true, harmRemedied: true, noRepeatViolation: true };
  const pen = (on: string) => ({ kind: "penalty" as const, type: "fine" as const, decidedOn: on, publishedOn: on, tier: "ordinary" as const });
  const input = (publishedOn: string, measures: CreditRepairInput["measures"], evaluatedOn: string) => ({ result: { outcomes: ["non-compliant" as const], publishedOn }, measures, facts: F, evaluatedOn });

  it("(a) 3 months ending on 除夕 2027-02-05 roll past 初三: no application before 2027-02-10", () => {
    expect(addLegalPeriod("2026-11-05", { months: 3 }, { ...ASSUME, rollOver: "holiday" })).toBe("2027-02-09");
    const early = evaluateCreditRepair(input("2026-11-03", [pen("2026-11-05")], "2027-02-06"));
    expect(early.status).not.toBe("eligible-for-application");
    for (const rollOver of ["holiday", "non-working-day"] as const) {
      const r = evaluateCreditRepair(input("2026-11-03", [pen("2026-11-05")], "2026-12-05"), { periodOptions: { rollOver } }) as { earliestApplicationOn?: string; provisional?: boolean };
      expect(r.earliestApplicationOn! >= "2027-02-10", `${rollOver}: ${r.earliestApplicationOn}`).toBe(true);
      expect(r.provisional).toBe(true);
    }
  });

  it("(b) a standalone result whose 3 months end on 元旦 2027 is not stopped on 2027-01-02", () => {
    expect(evaluateCreditRepair(input("2026-10-01", [], "2027-01-02")).status).not.toBe("auto-stopped");
  });

  it("(c) 7 working days from 2026-12-24 do not count 元旦: the processing deadline is 2027-01-05", () => {
    const r = evaluateCreditRepair(input("2026-08-18", [pen("2026-08-20")], "2026-12-24")) as { processingDeadline?: string };
    expect(r.processingDeadline).toBe("2027-01-05");
    expect(computeDeadline("repair-processing", "2026-12-24", ASSUME)).toMatchObject({ date: "2027-01-05", provisional: true });
  });
});

describe("hostile9b F1 / case-01 (d): the lifecycle's provisional publication deadline skips 元旦 2027 (Longting art. 22)", () => {
  /** A longting task inspected and completed on 2026-12-10, its deadline on assumed weekdays (the documented opt-in). */
  function december(): TaskLifecycle {
    const task = { ...TASK, id: "T-DEC", window: { start: "2026-11-02", end: "2026-12-31" } };
    let t = startTask(task, { preset: "longting", items: ITEMS, on: "2026-10-30", actor: "信用监管科" }).task;
    const record = drawTargets({ taskId: task.id, pool: POOL, commitment: commitPool(POOL), policy: { strata: { A: { ratio: 0.5 } } }, seed: createSeed("61".repeat(16), { kind: "other", description: "t" }) });
    t = lockTargets(recordTargetDraw(t, record, { on: "2026-11-02", actor: "x" }).task, { on: "2026-11-02", actor: "x" }).task;
    const drawInput = stage2Input();
    const r = drawInspectors({ locked: t.locked!, ...drawInput });
    if (!r.ok) throw new Error(r.messageEn);
    t = startInspection(recordInspectorDraw(t, r.record, { on: "2026-11-03", actor: "x", drawInput }).task, { on: "2026-12-01", actor: "组" }).task;
    for (const id of t.targetIds) t = recordAdvanceNotice(t, { targetId: id, given: { on: "2026-12-01", means: "电话告知" }, on: "2026-12-01", actor: "组" }).task;
    for (const id of t.targetIds) t = recordResult(t, inspectedOnDay(recordFor(t, id), "2026-12-10"), { on: "2026-12-10", actor: "组" }).task;
    return completeInspection(t, { completedOn: "2026-12-10", actor: "局", calendar: ASSUME }).task;
  }
  it("deadline 2027-01-08 (the 20th working day on any 2027 calendar, 元旦 being off); not overdue on it", () => {
    const t = december();
    expect(t.publicationDeadline).toMatchObject({ date: "2027-01-08", provisional: true });
    expect(isPublicationOverdue(t, "2027-01-08", ASSUME)).toBe(false);
    expect(isPublicationOverdue(t, "2027-01-11", ASSUME)).toBe(true);
  });
});
