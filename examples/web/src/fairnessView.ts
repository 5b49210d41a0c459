// The fairness viewer's loaded report: checked field by field with the library's own report check (the one
// renderFairnessHtml runs: every printed field of its documented type, numbers finite, df an integer) before anything
// of it reaches the page, and rendered with every interpolated value escaped.
import type { FairnessReport } from "shuangsuiji/stats";
import { renderFairnessHtml } from "shuangsuiji/stats";
import { bi, esc } from "./ui.js";

/** A checked report, and the full charted page when the report carries the simulation counts. */
export interface LoadedReport {
  readonly report: FairnessReport;
  readonly charts: string | undefined;
}

/**
 * Checks a report loaded from JSON (from `shuangsuiji fairness --json` or assessFairness()). renderFairnessHtml
 * re-checks every field it prints and throws `ShuangsuijiError` `invalid-input` naming the field, so it is the check;
 * its page is kept only when there are charts to show.
 */
export function reportFrom(json: unknown): LoadedReport {
  const r = json as Partial<FairnessReport> | null;
  if (r === null || typeof r !== "object" || Array.isArray(r) || !("strata" in r) || !("runs" in r) || !("passed" in r)) {
    throw new Error("这不是公平性报告（需要 runs、strata、passed） / not a fairness report (runs, strata and passed are required)");
  }
  const page = renderFairnessHtml(r as FairnessReport);
  const report = r as FairnessReport;
  return { report, charts: report.strata.some((s) => s.simulation !== undefined) ? page : undefined };
}

const num = (x: number): string => (Number.isFinite(x) ? (Math.abs(x) >= 1e-3 || x === 0 ? x.toPrecision(4) : x.toExponential(2)) : String(x));

/** The report as HTML: the verdict and one table per stratum; every value from the report is escaped. */
export function fairnessHtml(loaded: LoadedReport): string {
  const { report, charts } = loaded;
  const strata = report.strata
    .map((s) => {
      const tests = s.tests
        .map((t) => `<tr class="${t.rejected === true ? "bad" : "good"}"><th scope="row">${esc(t.test)}</th><td>${esc(num(t.statistic))}${t.df === undefined ? "" : ` (df ${esc(t.df)})`}</td><td>${esc(num(t.pValue))}</td><td>${t.rejected === true ? bi("拒绝：不公平", "rejected: unfair") : bi("通过", "pass")}</td></tr>`)
        .join("");
      return `<section class="stratum"><h4>${bi(`${s.riskClass} 类：${s.size} 个对象，每次抽 ${s.quota} 个`, `Class ${s.riskClass}: ${s.size} units, quota ${s.quota}`)}</h4>
            ${s.skipped !== undefined ? `<p>${bi("未检验", "Not tested")}: ${esc(s.skipped)}</p>` : `<table><thead><tr><th scope="col">${bi("检验", "Test")}</th><th scope="col">${bi("统计量", "Statistic")}</th><th scope="col">p</th><th scope="col">${bi("结论", "Verdict")}</th></tr></thead><tbody>${tests}</tbody></table>`}</section>`;
    })
    .join("");
  const passed = report.passed === true;
  return `<div class="verdict ${passed ? "selected" : "inconsistent"}" id="fairness-verdict" data-passed="${passed}">
          <h3>${passed ? bi("通过：未发现不公平", "Passed: no unfairness found") : bi("未通过：至少一项检验拒绝了公平假设", "Failed: at least one test rejected fairness")}</h3>
          <p>${bi(`每类模拟 ${report.runs} 次，显著性水平 α = ${report.alpha}，基础种子“${report.baseSeed}”`, `${report.runs} runs per class, significance α = ${report.alpha}, base seed "${report.baseSeed}"`)}</p>
        </div>${strata}
        ${charts !== undefined ? `<h3>${bi("完整报告（含图表）", "Full report with charts")}</h3><iframe id="fairness-frame" title="公平性报告图表 / Fairness report charts" sandbox="allow-same-origin"></iframe>` : `<p class="hint">${bi("此报告不含模拟计数（命令行 --json 输出省略了它们），因此没有图表；图表见命令行 --html 生成的报告。", "This report has no simulation counts (the CLI's --json leaves them out), so there are no charts; the CLI's --html report has them.")}</p>`}`;
}
