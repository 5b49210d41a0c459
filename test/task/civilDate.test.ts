import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isValidCivilDate } from "../../src/index.js";
import { validDate } from "../../src/task/_civilDate.js";

// validDate remembers the last dates it accepted (a trail holds few distinct dates): the same answer as
// isValidCivilDate for every value, whatever it saw before.
describe("validDate (isValidCivilDate with a memo of recent dates)", () => {
  const dateLike = fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  const near = fc.oneof(dateLike, fc.constantFrom("2026-02-29", "2028-02-29", "2026-04-15", "2026-04-15 ", " 2026-04-1", "2026-4-15", "２０２６-04-15", "0000-01-01", "2026-04-15\n"));
  const any = fc.oneof(near, fc.string({ maxLength: 12 }), fc.constantFrom<unknown>(undefined, null, 20260415, ["2026-04-15"], { toString: () => "2026-04-15" }));

  it("answers as isValidCivilDate on any sequence of values (dates seen before, or not)", () => {
    fc.assert(
      fc.property(fc.array(any, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { maxLength: 40 }), (values, repeats) => {
        const seq = [...values, ...repeats.map((i) => values[i % values.length])];
        for (const v of seq) expect(validDate(v)).toBe(typeof v === "string" && isValidCivilDate(v));
      }),
      { numRuns: 2000 },
    );
  });

  it("refuses an invalid date after many valid ones, and accepts a valid one it has forgotten", () => {
    for (let d = 1; d <= 28; d++) expect(validDate(`2026-02-${String(d).padStart(2, "0")}`)).toBe(true);
    expect(validDate("2026-02-29")).toBe(false);
    expect(validDate("2026-02-01")).toBe(true);
    expect(validDate(new String("2026-02-01"))).toBe(false);
  });
});
