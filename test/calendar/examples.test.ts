import { describe, expect, it } from "vitest";
import {
  CN_CALENDAR, ShuangsuijiError, addCalendarYears, addLegalPeriod, addWorkingDays, civilDateFromDate,
  createHolidayCalendar, differenceInWorkingDays, holidayName, isMakeupWorkday, isProvisional, isPublicHoliday, isStatutoryHoliday,
  isValidCivilDate, isWorkingDay, parseCivilDate,
} from "../../src/calendar/index.js";
// the deadline presets are exported by the root entry only (issue 15: the calendar entry's 9 KB browser budget)
import { annualPlanDeadline, computeDeadline } from "../../src/index.js";

describe("the bundled data (State Council notices 2010–2026)", () => {
  it("covers 2010–2026", () => {
    expect([CN_CALENDAR.firstYear, CN_CALENDAR.lastYear]).toEqual([2010, 2026]);
  });
  it("counts each year's working days as the source file does", async () => {
    const { readFileSync, existsSync } = await import("node:fs");
    const src = new URL("../../../shared/data/cn-calendar.json", import.meta.url);
    // CI has shared/ beside the clone; the check is skipped only where the source file is absent.
    if (!existsSync(src)) return;
    const data = JSON.parse(readFileSync(src, "utf8")) as { years: Record<string, { workingDayCount: number }> };
    for (let y = 2010; y <= 2026; y++) {
      expect(differenceInWorkingDays(`${y}-12-31`, `${y - 1}-12-31`, { outsideCoverage: y === 2010 ? "assume-weekdays" : "throw" }), String(y)).toBe(
        data.years[String(y)]!.workingDayCount,
      );
    }
  });
});

describe("the compact bundled form (src/calendar/_data.ts, decoded by CN_CALENDAR.ts)", () => {
  it("decodes to the calendar published before the compact form, byte for byte", async () => {
    const { createHash } = await import("node:crypto");
    // SHA-256 of JSON.stringify(CN_CALENDAR) with the former "名称:MMDD-MMDD" data (2026-12-05): every date, name,
    // order, statutory day and notice URL unchanged
    expect(createHash("sha256").update(JSON.stringify(CN_CALENDAR)).digest("hex")).toBe("8579758a816bce70a7922b3faa09a00d2906599f7e6b559c68c47ca62c9f6720");
  });
  it("lists every holiday, make-up working day and notice of the source file", async () => {
    const { readFileSync, existsSync } = await import("node:fs");
    const src = new URL("../../../shared/data/cn-calendar.json", import.meta.url);
    if (!existsSync(src)) return;
    type E = { date: string; name: string };
    const data = JSON.parse(readFileSync(src, "utf8")) as { years: Record<string, { holidays: E[]; workdays: E[]; notices: string[] }> };
    const key = (es: readonly E[]) => es.map((e) => `${e.date} ${e.name}`).sort();
    for (let y = 2010; y <= 2026; y++) {
      const yd = CN_CALENDAR.years[y]!;
      expect(key(yd.holidays), `${y} holidays`).toEqual(key(data.years[String(y)]!.holidays));
      expect(key(yd.workdays), `${y} workdays`).toEqual(key(data.years[String(y)]!.workdays));
      expect(yd.notices, `${y} notices`).toEqual(data.years[String(y)]!.notices);
      expect(Object.isFrozen(yd) && Object.isFrozen(yd.holidays) && Object.isFrozen(yd.holidays[0])).toBe(true);
    }
  });
});

describe("examples from the notices", () => {
  it("year boundary: 2018-12-29 (Sat) is a make-up working day announced in the 2019 notice", () => {
    expect(isWorkingDay("2018-12-29")).toBe(true);
    expect(isMakeupWorkday("2018-12-29")).toBe(true);
    expect(isPublicHoliday("2018-12-31")).toBe(true);
    expect(holidayName("2018-12-31")).toBe("元旦");
  });
  it("2020 Spring Festival extension (国办发明电〔2020〕1号): off until 2020-02-02, work resumes Mon 2020-02-03", () => {
    expect(isWorkingDay("2020-01-31")).toBe(false);
    expect(isPublicHoliday("2020-02-02")).toBe(true);
    expect(isWorkingDay("2020-02-03")).toBe(true);
    expect(isMakeupWorkday("2020-02-03")).toBe(false); // an ordinary Monday, not a make-up day
    expect(addWorkingDays("2020-01-23", 1)).toBe("2020-02-03");
  });
  it("2025 rule change: 除夕 and 5-02 become statutory days (放假办法 2024 revision)", () => {
    expect(isStatutoryHoliday("2025-01-28")).toBe(true); // 除夕
    expect(isStatutoryHoliday("2025-05-02")).toBe(true);
    expect(isStatutoryHoliday("2024-05-02")).toBe(false);
    expect(isPublicHoliday("2024-05-02")).toBe(true); // off, but a shifted rest day
    expect(isStatutoryHoliday("2024-02-10")).toBe(true); // 初一 2024
    expect(isStatutoryHoliday("2024-02-13")).toBe(false); // off, shifted
    const count = (y: number) => Object.values(CN_CALENDAR.years[y]!.statutoryDays ?? []).length;
    expect(count(2024)).toBe(11);
    expect(count(2025)).toBe(13);
    expect(count(2026)).toBe(13);
  });
  it("make-up Saturdays and Sundays", () => {
    expect(isWorkingDay("2026-02-14")).toBe(true); // Sat
    expect(isWorkingDay("2026-01-04")).toBe(true); // Sun
    expect(isWorkingDay("2026-01-04", { ignoreMakeupWorkdays: true })).toBe(false);
    expect(isWorkingDay("2026-01-10")).toBe(false); // ordinary Sat
  });
  it("the regulations.md §5 example: task completed Fri 2025-09-26, 20 working days", () => {
    // working days: 9-28 (Sun, make-up), 9-29, 9-30, [10-01..10-08 off], 10-09, 10-10, 10-11 (Sat, make-up), …
    expect(addWorkingDays("2025-09-26", 3)).toBe("2025-09-30");
    expect(addWorkingDays("2025-09-26", 4)).toBe("2025-10-09");
    expect(addWorkingDays("2025-09-26", 6)).toBe("2025-10-11");
    expect(addWorkingDays("2025-09-26", 20)).toBe("2025-10-30");
  });
  it("the start day is not counted (民法典 art. 201), even when it is a working day", () => {
    expect(addWorkingDays("2026-03-02", 1)).toBe("2026-03-03");
    expect(addWorkingDays("2026-03-07", 1)).toBe("2026-03-09"); // from a Saturday
  });
  it("invalid dates are refused, never rolled over", () => {
    expect(isValidCivilDate("2026-02-30")).toBe(false);
    expect(isValidCivilDate("2024-02-29")).toBe(true);
    expect(isValidCivilDate("2026-2-3")).toBe(false);
    expect(() => isWorkingDay("2026-02-30")).toThrowError(ShuangsuijiError);
    try {
      parseCivilDate("2026-02-30", "publishedOn");
    } catch (e) {
      expect((e as ShuangsuijiError).code).toBe("invalid-date");
      expect((e as ShuangsuijiError).path).toEqual(["publishedOn"]);
    }
  });
});

describe("coverage", () => {
  it("an uncovered year raises calendar-year-not-covered, never a guess", () => {
    try {
      addWorkingDays("2026-12-30", 5);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ShuangsuijiError);
      expect((e as ShuangsuijiError).code).toBe("calendar-year-not-covered");
      expect((e as ShuangsuijiError).issues[0]?.messageEn).toMatch(/2027/);
    }
    expect(() => isWorkingDay("2009-12-31")).toThrowError(/calendar-year-not-covered/);
  });
  it("the explicit opt-in assumes Mon–Fri less the statutory days and the result says it is provisional", () => {
    const d = computeDeadline("results-publication", "2026-12-15", { outsideCoverage: "assume-weekdays" });
    expect(d.date).toBe("2027-01-13"); // 元旦 2027-01-01 is off whatever the 2027 notice says (hostile9b F1)
    expect(d.provisional).toBe(true);
    expect(isProvisional(d.date)).toBe(true);
    expect(computeDeadline("results-publication", "2026-06-01").provisional).toBe(false);
  });
  it("a new year's notice can be added at run time without touching the bundled calendar", () => {
    const cal = addCalendarYears(CN_CALENDAR, [
      { year: 2027, holidays: [{ date: "2027-01-01", name: "元旦" }], workdays: [], statutoryDays: ["2027-01-01"] },
    ]);
    expect(isWorkingDay("2027-01-01", { calendar: cal })).toBe(false);
    expect(isStatutoryHoliday("2027-01-01", { calendar: cal })).toBe(true);
    expect(addWorkingDays("2026-12-31", 1, { calendar: cal })).toBe("2027-01-04");
    expect(() => isWorkingDay("2027-01-01")).toThrowError(/not-covered/);
  });
  it("bad calendar data is refused with every problem listed", () => {
    try {
      createHolidayCalendar([
        { year: 2030, holidays: [{ date: "2030-02-30", name: "x" }], workdays: [{ date: "2030-01-02", name: "y" }], statutoryDays: ["2030-03-01"] },
        { year: 2032, holidays: [], workdays: [] },
      ]);
      expect.unreachable();
    } catch (e) {
      expect((e as ShuangsuijiError).code).toBe("calendar-data-invalid");
      expect((e as ShuangsuijiError).issues.length).toBe(4);
    }
  });
});

describe("addLegalPeriod — 民法典 arts. 201–203", () => {
  it("month periods end on the corresponding day, or the month end (202)", () => {
    expect(addLegalPeriod("2025-03-15", { months: 3 }, { rollOver: "none" })).toBe("2025-06-15");
    expect(addLegalPeriod("2025-01-31", { months: 1 }, { rollOver: "none" })).toBe("2025-02-28");
    expect(addLegalPeriod("2024-01-31", { months: 1 }, { rollOver: "none" })).toBe("2024-02-29");
    expect(addLegalPeriod("2024-02-29", { years: 1 }, { rollOver: "none" })).toBe("2025-02-28");
    expect(addLegalPeriod("2025-12-31", { days: 1 }, { rollOver: "none" })).toBe("2026-01-01");
  });
  it("a last day in a holiday moves to the day after the holiday ends (203)", () => {
    expect(addLegalPeriod("2025-07-01", { months: 3 })).toBe("2025-10-09");
    expect(addLegalPeriod("2025-07-01", { months: 3 }, { rollOver: "holiday" })).toBe("2025-10-09");
  });
  it("whether an ordinary weekend rolls is an option", () => {
    expect(addLegalPeriod("2025-12-07", { months: 3 })).toBe("2026-03-09");
    expect(addLegalPeriod("2025-12-07", { months: 3 }, { rollOver: "holiday" })).toBe("2026-03-07");
  });
  it("2026 Spring Festival: a period ending 2026-02-20 moves past the break to the make-up-day-free Tue 2-24", () => {
    expect(addLegalPeriod("2025-11-20", { months: 3 })).toBe("2026-02-24");
  });
  it("refuses malformed periods", () => {
    expect(() => addLegalPeriod("2025-01-01", { months: 0 })).toThrowError(/invalid-argument/);
    expect(() => addLegalPeriod("2025-01-01", { months: 1, days: 2 } as never)).toThrowError(/invalid-argument/);
  });
});

describe("deadline presets", () => {
  it("each carries its legal basis", () => {
    expect(computeDeadline("penalty-info-collection", "2026-09-30")).toMatchObject({ date: "2026-10-15", definition: { basis: ["Longting art. 22"] } });
    expect(computeDeadline("penalty-withdrawal", "2026-04-30").date).toBe("2026-05-08"); // 5-01..5-05 off, 5-06, 5-07, 5-08
    expect(computeDeadline("penalty-push-cross-province", "2026-01-30").definition.basis[0]).toMatch(/第45号 art\. 10/);
  });
  it("annual plan publication by jurisdiction", () => {
    expect(annualPlanDeadline(2026, "wolong").date).toBe("2026-03-31");
    expect(annualPlanDeadline(2026, "chongqing").date).toBe("2026-03-31");
    expect(annualPlanDeadline(2026, "wancheng").date).toBe("2026-02-28");
    expect(annualPlanDeadline(2028, "wancheng").date).toBe("2028-02-29");
    expect(() => annualPlanDeadline(2026, "longting" as never)).toThrowError(/invalid-argument/);
  });
});

describe("Date objects map to the civil date in China (UTC+8) regardless of the machine's zone", () => {
  it.each([
    ["2026-01-31T15:59:59.999Z", "2026-01-31"],
    ["2026-01-31T16:00:00Z", "2026-02-01"],
    ["2025-12-31T16:00:00Z", "2026-01-01"],
  ])("%s → %s", (iso, civil) => expect(civilDateFromDate(new Date(iso))).toBe(civil));
  it("reports the zone it runs in (the suite runs under several TZ values in CI)", () => {
    expect(typeof Intl.DateTimeFormat().resolvedOptions().timeZone).toBe("string");
  });
});
