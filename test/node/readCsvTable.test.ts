import { describe, expect, it } from "vitest";
import { readCsvTable } from "../../src/node/index.js";

describe("readCsvTable (Node entry)", () => {
  it("imports the sample county CSV with a BOM and messy headers, reporting its two bad rows", async () => {
    const r = await readCsvTable(new URL("../../examples/data/targets-county.csv", import.meta.url).pathname, "B.1");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.validCount).toBe(18);
    expect(r.issues.map((i) => [i.row, i.column, i.rule])).toEqual([
      [9, "统一社会信用代码", "uscc-check-character"],
      [15, "风险等级", "cell-value"],
    ]);
  });
});
