// (c) Fairness report viewer: a report from `shuangsuiji fairness --json` or from assessFairness(), shown as a table
// per stratum; when the report carries the simulation counts, the full charted report is shown too.
import type { FairnessReport } from "shuangsuiji/stats";
import { renderFairnessHtml } from "shuangsuiji/stats";
import { $, bi, errorHtml, esc } from "./ui.js";

function reportFrom(json: unknown): FairnessReport {
  const r = json as Partial<FairnessReport> | null;
  if (r === null || typeof r !== "object" || !Array.isArray(r.strata) || typeof r.passed !== "boolean" || typeof r.runs !== "number") {
    throw new Error("这不是公平性报告（需要 runs、strata、passed） / not a fairness report (runs, strata and passed are required)");
  }
  return r as FairnessReport;
}

const num = (x: number): string => (Number.isFinite(x) ? (Math.abs(x) >= 1e-3 || x === 0 ? x.toPrecision(4) : x.toExponential(2)) : String(x));

export function mountFairness(root: HTMLElement): void {
  root.innerHTML = `
  <h2>${bi("公平性报告", "Fairness report")}</h2>
  <p class="hint">${bi("用模拟检验抽取是否对每个对象一视同仁：每类重复抽取多次，检验每个对象被抽中的次数是否符合均匀分布。报告由命令行 shuangsuiji fairness --json 或 assessFairness() 生成。", "Simulated draws check that every unit is treated alike: each class is drawn many times and each unit's inclusion count is tested against the uniform expectation. Reports come from the CLI (shuangsuiji fairness --json) or assessFairness().")}</p>
  <form id="fairness-form" novalidate>
    <div class="field"><label for="fairness-file">${bi("公平性报告（JSON 文件）", "Fairness report (JSON file)")}</label>
      <input type="file" id="fairness-file" accept=".json,application/json" /></div>
  </form>
  <div id="fairness-result" aria-live="polite"></div>`;

  $<HTMLInputElement>("fairness-file").addEventListener("change", async (ev) => {
    const out = $("fairness-result");
    const f = (ev.target as HTMLInputElement).files?.[0];
    if (f === undefined) return;
    try {
      const report = reportFrom(JSON.parse(await f.text()));
      const strata = report.strata
        .map((s) => {
          const tests = s.tests
            .map((t) => `<tr class="${t.rejected ? "bad" : "good"}"><th scope="row">${esc(t.test)}</th><td>${num(t.statistic)}${t.df === undefined ? "" : ` (df ${t.df})`}</td><td>${num(t.pValue)}</td><td>${t.rejected ? bi("拒绝：不公平", "rejected: unfair") : bi("通过", "pass")}</td></tr>`)
            .join("");
          return `<section class="stratum"><h4>${bi(`${s.riskClass} 类：${s.size} 个对象，每次抽 ${s.quota} 个`, `Class ${s.riskClass}: ${s.size} units, quota ${s.quota}`)}</h4>
            ${s.skipped !== undefined ? `<p>${bi("未检验", "Not tested")}: ${esc(s.skipped)}</p>` : `<table><thead><tr><th scope="col">${bi("检验", "Test")}</th><th scope="col">${bi("统计量", "Statistic")}</th><th scope="col">p</th><th scope="col">${bi("结论", "Verdict")}</th></tr></thead><tbody>${tests}</tbody></table>`}</section>`;
        })
        .join("");
      const charted = report.strata.some((s) => s.simulation !== undefined);
      out.innerHTML = `<div class="verdict ${report.passed ? "selected" : "inconsistent"}" id="fairness-verdict" data-passed="${report.passed}">
          <h3>${report.passed ? bi("通过：未发现不公平", "Passed: no unfairness found") : bi("未通过：至少一项检验拒绝了公平假设", "Failed: at least one test rejected fairness")}</h3>
          <p>${bi(`每类模拟 ${report.runs} 次，显著性水平 α = ${report.alpha}，基础种子“${report.baseSeed}”`, `${report.runs} runs per class, significance α = ${report.alpha}, base seed "${report.baseSeed}"`)}</p>
        </div>${strata}
        ${charted ? `<h3>${bi("完整报告（含图表）", "Full report with charts")}</h3><iframe id="fairness-frame" title="公平性报告图表 / Fairness report charts" sandbox="allow-same-origin"></iframe>` : `<p class="hint">${bi("此报告不含模拟计数（命令行 --json 输出省略了它们），因此没有图表；图表见命令行 --html 生成的报告。", "This report has no simulation counts (the CLI's --json leaves them out), so there are no charts; the CLI's --html report has them.")}</p>`}`;
      if (charted) $<HTMLIFrameElement>("fairness-frame").srcdoc = renderFairnessHtml(report);
    } catch (e) {
      out.innerHTML = errorHtml(e);
    }
  });
}
