import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { CANARY_SAMPLERS, assessFairness, renderFairnessHtml } from "../../src/stats/index.js";
import { ShuangsuijiError } from "../../src/errors/ShuangsuijiError.js";
import { LIBRARY_VERSION } from "../../src/_internal/version.js";

const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
const ids = Array.from({ length: 60 }, (_, i) => `U${i}`);
const fair = assessFairness({ pool: ids.map((id, i) => ({ id, riskClass: i < 40 ? "A" : "B" })), policy: { strata: { A: { ratio: 0.1 }, B: { ratio: 0.3 } } }, runs: 400, baseSeed: "render" });
const biased = assessFairness({ pool: ids.map((id) => ({ id, riskClass: "A" })), policy: { strata: { A: { ratio: 0.1 } } }, runs: 2000, baseSeed: "render-bad", sampler: Object.values(CANARY_SAMPLERS)[0]! });

describe("renderFairnessHtml", () => {
  const html = renderFairnessHtml(fair, { inputs: [["名录 pool", "pool.csv <b>x</b>"], ["抽查比例 policy", '{"strata":{}}']] });
  it("states the inputs it was run on and the library version", () => {
    expect(html).toContain("<h2>输入 / Inputs</h2>");
    expect(html).toContain(`shuangsuiji ${version}`);
    expect(html).toContain("400 simulated draws per stratum, base seed render");
    expect(html).toContain("α = 0.0001");
    expect(html).toContain("pool.csv &lt;b&gt;x&lt;/b&gt;");
    expect(html).toContain("{&quot;strata&quot;:{}}");
  });
  it("states the family-wise α, the per-test level and each test's adjusted p-value", () => {
    expect(html).toContain(`family-wise α = 0.0001 for the whole report (Bonferroni over ${fair.testCount} tests, each at α/${fair.testCount} = `);
    const rows = [...html.matchAll(/<tr><td>([^<]+)<\/td><td>[^<]+<\/td><td>([^<]+)<\/td><td>([^<]+)<\/td><td class=/g)];
    const tests = fair.strata.flatMap((s) => s.tests);
    expect(rows.map((r) => r[1])).toEqual(tests.map((t) => t.test));
    rows.forEach((r, i) => {
      expect(Number(r[2])).toBeCloseTo(tests[i]!.pValue, 3);
      expect(Number(r[3])).toBeCloseTo(tests[i]!.adjustedPValue, 3);
    });
    expect(fair.testCount).toBe(6);
    // a report saved before adjusted p-values existed still renders, with "—" in that column
    const old = JSON.parse(JSON.stringify(fair)) as Record<string, unknown> & { strata: { tests: Record<string, unknown>[] }[] };
    delete old.testCount;
    delete old.testAlpha;
    delete old.correction;
    for (const s of old.strata) for (const x of s.tests) delete x.adjustedPValue;
    const page = renderFairnessHtml(old as never);
    expect(page).toContain("<td>—</td>");
    expect(page).toContain("α = 0.0001");
  });
  it("has bilingual headings and table headers", () => {
    expect(html).toMatch(/<h2>A 类 \/ Class A — 40 个单位 units/);
    expect(html).toContain("<th>检验 / test</th><th>统计量 / statistic</th><th>p 值 / p-value</th><th>校正后 p / adjusted p</th><th>结论 / verdict</th><th>说明 / note</th>");
    expect(html).toContain("所有检验均通过 / No test rejected fairness");
  });
  it("labels both axes of every chart, with tick values", () => {
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(4);
    for (const svg of svgs) {
      expect(svg).toMatch(/rotate\(-90\)[^>]*>(入选次数 \/ times selected|密度 \/ density)</);
      expect(svg).toMatch(/>(单位（按输入顺序|X² 统计量 \/ X² statistic)/);
      expect((svg.match(/<line x1="6\d\.?\d*" x2="70"/g) ?? []).length).toBeGreaterThanOrEqual(2); // y ticks
    }
  });
  it("keeps every label inside the chart (no clipped text), also when the statistic is far out", () => {
    const bad = renderFairnessHtml(biased);
    expect(bad).toContain("存在未通过的检验 / At least one test rejected fairness");
    let checked = 0;
    for (const page of [html, bad]) {
      for (const m of page.matchAll(/<text x="([\d.]+)" y="[\d.]+" font-size="(\d+)" text-anchor="(start|middle|end)"[^>]*>([^<]*)</g)) {
        const [, at, size, anchor, text] = m as unknown as [string, string, string, string, string];
        const x = Number(at);
        const half = (text.length * Number(size) * 0.62) / 2;
        const [from, to] = anchor === "start" ? [x, x + 2 * half] : anchor === "end" ? [x - 2 * half, x] : [x - half, x + half];
        expect(from, text).toBeGreaterThanOrEqual(0);
        expect(to, text).toBeLessThanOrEqual(760);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
  it("runs no script and loads nothing", () => {
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"`);
    expect(html).not.toMatch(/<script|src=|href=/i);
  });
  it("without caller inputs, heads the settings and version as run settings", () => {
    const page = renderFairnessHtml(fair);
    expect(page).toContain("<h2>运行设置 / Run settings</h2>");
    expect(page).toContain(`shuangsuiji ${version}`);
    expect(page).not.toContain("输入 / Inputs");
  });
  it("still takes a title as the second argument", () => {
    expect(renderFairnessHtml(fair, "T <x>")).toContain("<title>T &lt;x&gt;</title>");
    expect(renderFairnessHtml(fair, { title: "U" })).toContain("<h1>U</h1>");
  });
  it("refuses malformed options by path", () => {
    const err = (() => {
      try {
        renderFairnessHtml(fair, { inputs: [["only a label"]] as never });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ShuangsuijiError);
    expect((err as ShuangsuijiError).code).toBe("invalid-input");
    expect((err as ShuangsuijiError).issues[0]!.path).toEqual(["options", "inputs", 0]);
  });
});

describe("the version a report names", () => {
  it("is package.json's (the constant is kept in step with it; the ESM build cannot import package.json)", () => {
    expect(LIBRARY_VERSION).toBe(version);
  });
});
