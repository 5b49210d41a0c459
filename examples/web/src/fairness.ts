// (c) Fairness report viewer: a report from `shuangsuiji fairness --json` or from assessFairness(), shown as a table
// per stratum; when the report carries the simulation counts, the full charted report is shown too.
import { fairnessHtml, reportFrom } from "./fairnessView.js";
import { $, bi, errorHtml } from "./ui.js";

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
      const loaded = reportFrom(JSON.parse(await f.text()));
      out.innerHTML = fairnessHtml(loaded);
      if (loaded.charts !== undefined) $<HTMLIFrameElement>("fairness-frame").srcdoc = loaded.charts;
    } catch (e) {
      out.innerHTML = errorHtml(e);
    }
  });
}
