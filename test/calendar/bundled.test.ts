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
