// The package is "sideEffects": false, so a bundler keeps only the modules an application's imports reach. A calendar
// function bundled without createHolidayCalendar must still accept — and check — plain calendar data (a calendar read
// back from JSON): it once threw a TypeError ("build is not a function") because the check was registered by
// createHolidayCalendar's module as a side effect.
import { describe, expect, it } from "vitest";
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

async function bundle(contents: string): Promise<Record<string, unknown>> {
  const r = await build({
    stdin: { contents, resolveDir: root, loader: "ts", sourcefile: "entry.ts" },
    bundle: true, format: "esm", platform: "browser", target: "es2022", write: false, logLevel: "silent",
  });
  const code = r.outputFiles[0]!.text;
  expect(code).not.toContain("function createHolidayCalendar");
  return (await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`)) as Record<string, unknown>;
}

describe("calendar functions bundled on their own (tree-shaken, no createHolidayCalendar)", () => {
  it("accept plain calendar data and check it like createHolidayCalendar does", async () => {
    const m = await bundle(`export { isWorkingDay, addWorkingDays, CN_CALENDAR, ShuangsuijiError } from "./src/calendar/index.ts";`);
    const isWorkingDay = m.isWorkingDay as (d: string, o?: object) => boolean;
    const addWorkingDays = m.addWorkingDays as (d: string, n: number, o?: object) => string;
    const plain = JSON.parse(JSON.stringify(m.CN_CALENDAR)) as { years: Record<string, { workdays: { date: string; name: string }[] }> };
    expect(isWorkingDay("2026-10-01", { calendar: plain })).toBe(false);
    expect(isWorkingDay("2026-10-10", { calendar: plain })).toBe(true); // 调休上班 (Saturday)
    expect(addWorkingDays("2026-09-30", 1, { calendar: plain })).toBe("2026-10-08");
    // a make-up working day on a weekday is refused with the library's error, as createHolidayCalendar refuses it
    plain.years["2026"]!.workdays.push({ date: "2026-03-04", name: "x" });
    let thrown: unknown;
    try {
      isWorkingDay("2026-03-04", { calendar: plain });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(m.ShuangsuijiError as new () => Error);
    expect((thrown as { code: string }).code).toBe("calendar-data-invalid");
  });
});

describe("the deadline presets are in the root entry, not in shuangsuiji/calendar (its 9 KB browser budget)", () => {
  it("the root entry exports them, the calendar entry does not, and the root's work on the calendar entry's engine", async () => {
    const calendar = (await import("../../src/calendar/index.js")) as Record<string, unknown>;
    const root = (await import("../../src/index.js")) as Record<string, unknown>;
    for (const name of ["DEADLINE_RULES", "computeDeadline", "ANNUAL_PLAN_DEADLINES", "annualPlanDeadline"]) {
      expect(name in calendar, name).toBe(false);
      expect(root[name], name).toBeDefined();
    }
    // everything else of the calendar entry is the root's, the same objects
    for (const [name, value] of Object.entries(calendar)) expect(root[name], name).toBe(value);
    const custom = (calendar.addCalendarYears as (c: unknown, y: unknown[]) => unknown)(calendar.CN_CALENDAR, [{ year: 2027, holidays: [{ date: "2027-01-01", name: "元旦" }], workdays: [] }]);
    const computeDeadline = root.computeDeadline as (r: string, f: string, o?: object) => { date: string };
    expect(computeDeadline("penalty-withdrawal", "2026-12-30", { calendar: custom }).date).toBe("2027-01-05");
  });

  it("computeDeadline bundled from the root entry carries no zod", async () => {
    const r = await build({
      stdin: { contents: `export { computeDeadline } from "./src/index.ts";`, resolveDir: root, loader: "ts", sourcefile: "entry.ts" },
      bundle: true, format: "esm", platform: "browser", target: "es2022", write: false, logLevel: "silent", metafile: true,
    });
    const [out] = Object.values(r.metafile.outputs);
    const inBundle = Object.entries(out!.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([p]) => p);
    expect(inBundle.some((p) => p.endsWith("src/calendar/DEADLINE_RULES.ts"))).toBe(true);
    expect(inBundle.filter((p) => p.includes("node_modules/"))).toEqual([]);
  });
});
