import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addWorkingDays, differenceInWorkingDays, isWorkingDay, nextWorkingDay, previousWorkingDay, type CalendarOptions } from "../../src/calendar/index.js";
import { dayNumber, formatDayNumber } from "../../src/calendar/_days.js";

// Dates well inside 2010–2026 so that ±n stays covered; a second run covers assume-weekdays beyond the data.
const covered = fc.integer({ min: dayNumber(2011, 6, 1), max: dayNumber(2024, 12, 31) }).map(formatDayNumber);
const anyDate = fc.integer({ min: dayNumber(1990, 1, 1), max: dayNumber(2040, 12, 31) }).map(formatDayNumber);
const n = fc.integer({ min: 0, max: 200 }); // a + b ≤ 400 working days keeps covered dates inside 2010–2026
const FC = { seed: 42, numRuns: 1000 };
const MODES: [string, fc.Arbitrary<string>, CalendarOptions][] = [
  ["bundled calendar", covered, {}],
  ["ignoring make-up weekends", covered, { ignoreMakeupWorkdays: true }],
  ["assume-weekdays outside coverage", anyDate, { outsideCoverage: "assume-weekdays" }],
];

describe.each(MODES)("working-day identities (%s)", (_label, date, opts) => {
  it("addWorkingDays lands on a working day for n ≠ 0", () => {
    fc.assert(fc.property(date, fc.integer({ min: -200, max: 200 }).filter((k) => k !== 0), (d, k) => isWorkingDay(addWorkingDays(d, k, opts), opts)), FC);
  });
  it("add(d, a + b) = add(add(d, a), b) for a, b ≥ 0", () => {
    fc.assert(fc.property(date, n, n, (d, a, b) => addWorkingDays(d, a + b, opts) === addWorkingDays(addWorkingDays(d, a, opts), b, opts)), FC);
  });
  it("differenceInWorkingDays inverts addWorkingDays", () => {
    fc.assert(fc.property(date, n, (d, k) => differenceInWorkingDays(addWorkingDays(d, k, opts), d, opts) === k), FC);
  });
  it("addWorkingDays(d, differenceInWorkingDays(x, d)) = x for a working day x ≥ d", () => {
    fc.assert(
      fc.property(date, n, (d, k) => {
        const x = addWorkingDays(d, k + 1, opts);
        return addWorkingDays(d, differenceInWorkingDays(x, d, opts), opts) === x;
      }),
      FC,
    );
  });
  it("counting back is the mirror of counting forward on working days", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 200 }), (d, k) => {
        const w = nextWorkingDay(d, opts);
        return addWorkingDays(addWorkingDays(w, k, opts), -k, opts) === w;
      }),
      FC,
    );
  });
  it("monotone: d1 ≤ d2 ⇒ add(d1, k) ≤ add(d2, k), and k1 < k2 ⇒ add(d, k1) < add(d, k2)", () => {
    fc.assert(
      fc.property(date, date, n, n, (x, y, k1, k2) => {
        const [d1, d2] = x <= y ? [x, y] : [y, x];
        expect(addWorkingDays(d1, k1, opts) <= addWorkingDays(d2, k1, opts)).toBe(true);
        if (k1 < k2) expect(addWorkingDays(d1, k1, opts) < addWorkingDays(d1, k2, opts)).toBe(true);
      }),
      FC,
    );
  });
  it("differenceInWorkingDays agrees with a day-by-day count", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 60 }), (d, span) => {
        const start = dayNumber(Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10)));
        let c = 0;
        for (let x = start + 1; x <= start + span; x++) if (isWorkingDay(formatDayNumber(x), opts)) c++;
        const later = formatDayNumber(start + span);
        expect(differenceInWorkingDays(later, d, opts)).toBe(c);
        expect(differenceInWorkingDays(d, later, opts)).toBe(c === 0 ? 0 : -c);
      }),
      FC,
    );
  });
  it("next/previous working day are strict neighbours", () => {
    fc.assert(
      fc.property(date, (d) => {
        const nx = nextWorkingDay(d, opts);
        const pv = previousWorkingDay(d, opts);
        expect(nx > d && pv < d).toBe(true);
        expect(differenceInWorkingDays(nx, d, opts)).toBe(1);
      }),
      FC,
    );
  });
});

describe("day numbers", () => {
  it("FIRST_DAY and LAST_DAY are 0001-01-01 and 9999-12-31", async () => {
    const { FIRST_DAY, LAST_DAY } = await import("../../src/calendar/_days.js");
    expect([FIRST_DAY, LAST_DAY]).toEqual([dayNumber(1, 1, 1), dayNumber(9999, 12, 31)]);
    expect([formatDayNumber(FIRST_DAY), formatDayNumber(LAST_DAY)]).toEqual(["0001-01-01", "9999-12-31"]);
  });
});

describe("the day index answers what the calendar's data says (an oracle from the plain lists, day by day)", () => {
  it("every day of 2009–2027, with and without make-up working days, outside coverage assumed Mon–Fri less the statutory days", async () => {
    const cal = await import("../../src/calendar/index.js");
    const holidays = new Map<string, string>();
    const makeup = new Map<string, string>();
    const statutory = new Set<string>();
    // 2027, not covered: its statutory days (全国年节及纪念日放假办法 art. 2; 春节 2027-02-06, 清明 04-05, 端午 06-09,
    // 中秋 09-15) are off under assume-weekdays (hostile9b F1); nothing else is
    const y27 = { 元旦: ["01-01"], 春节: ["02-05", "02-06", "02-07", "02-08"], 清明节: ["04-05"], 劳动节: ["05-01", "05-02"], 端午节: ["06-09"], 中秋节: ["09-15"], 国庆节: ["10-01", "10-02", "10-03"] };
    for (const [name, days] of Object.entries(y27)) for (const md of days) (holidays.set(`2027-${md}`, name), statutory.add(`2027-${md}`));
    for (const yd of Object.values(cal.CN_CALENDAR.years)) {
      for (const h of yd.holidays) holidays.set(h.date, h.name);
      for (const w of yd.workdays) makeup.set(w.date, w.name);
      for (const s of yd.statutoryDays ?? []) statutory.add(s);
    }
    const assume = { outsideCoverage: "assume-weekdays" } as const;
    let working = 0;
    let workingNoMakeup = 0;
    const first = dayNumber(2009, 1, 1);
    for (let n = first; n <= dayNumber(2027, 12, 31); n++) {
      const d = formatDayNumber(n);
      const weekday = ((((n + 3) % 7) + 7) % 7) + 1 <= 5;
      const isWorking = makeup.has(d) || (weekday && !holidays.has(d));
      expect(cal.isWorkingDay(d, assume), d).toBe(isWorking);
      expect(cal.isWorkingDay(d, { ...assume, ignoreMakeupWorkdays: true }), d).toBe(weekday && !holidays.has(d));
      expect(cal.isPublicHoliday(d, assume), d).toBe(holidays.has(d));
      expect(cal.isMakeupWorkday(d, assume), d).toBe(makeup.has(d));
      expect(cal.isStatutoryHoliday(d, assume), d).toBe(statutory.has(d));
      expect(cal.holidayName(d, assume), d).toBe(holidays.get(d) ?? makeup.get(d));
      expect(cal.isProvisional(d, assume), d).toBe(d < "2010-01-01" || d > "2026-12-31");
      if (isWorking) working++;
      if (weekday && !holidays.has(d)) workingNoMakeup++;
      if (n % 97 === 0) {
        // the cumulative counts, both of them, against the running oracle
        expect(cal.differenceInWorkingDays(d, "2008-12-31", assume), d).toBe(working);
        expect(cal.differenceInWorkingDays(d, "2008-12-31", { ...assume, ignoreMakeupWorkdays: true }), d).toBe(workingNoMakeup);
      }
    }
    expect(statutory.size).toBeGreaterThan(180);
  });
});
