import { invalid, isPlainObject, readPlain, requireInteger, requireString } from "../_internal/boundary.js";
import { MAX_UNITS, runsArg, simArg } from "./_validate.js";
import { chiSquareCdf } from "./_dist.js";
import type { FairnessReport, StratumFairness } from "./assessFairness.js";
import { LIBRARY_VERSION as version } from "../_internal/version.js";

/** Escapes text for both HTML text and quoted-attribute context. */
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

/**
 * The page runs no script and loads nothing: inline styles and the inline SVG charts only. A hostile unit id or note
 * that slipped past escaping still could not execute or exfiltrate anything.
 */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** Re-checks a report (it may come from JSON): every field the page prints has its documented type. */
function readReport(value: unknown): FairnessReport {
  const r = readPlain(value, ["report"], { maxArrayLength: MAX_UNITS });
  const bad = (path: (string | number)[], what: string): never => invalid(["report", ...path], `expected ${what}`, `应为${what}`);
  if (!isPlainObject(r)) return bad([], "a FairnessReport (from assessFairness)");
  const str = (v: unknown, path: (string | number)[]) => (typeof v === "string" ? v : bad(path, "a string"));
  const num = (v: unknown, path: (string | number)[]) => (typeof v === "number" && Number.isFinite(v) ? v : bad(path, "a finite number"));
  runsArg(r.runs, ["report", "runs"]);
  str(r.baseSeed, ["baseSeed"]);
  num(r.alpha, ["alpha"]);
  if (r.testCount !== undefined) requireInteger(r.testCount, ["report", "testCount"], 0, 1e9);
  if (r.testAlpha !== undefined) num(r.testAlpha, ["testAlpha"]);
  if (r.correction !== undefined && r.correction !== "bonferroni") bad(["correction"], '"bonferroni"');
  if (typeof r.passed !== "boolean") bad(["passed"], "a boolean");
  if (!Array.isArray(r.strata)) bad(["strata"], "an array of strata");
  (r.strata as unknown[]).forEach((s, i) => {
    if (!isPlainObject(s)) return bad(["strata", i], "a stratum");
    str(s.riskClass, ["strata", i, "riskClass"]);
    num(s.size, ["strata", i, "size"]);
    num(s.quota, ["strata", i, "quota"]);
    if (s.skipped !== undefined) str(s.skipped, ["strata", i, "skipped"]);
    if (s.simulation !== undefined) simArg(s.simulation, ["report", "strata", i, "simulation"]);
    if (!Array.isArray(s.tests)) return bad(["strata", i, "tests"], "an array of test results");
    (s.tests as unknown[]).forEach((t, j) => {
      const p = ["strata", i, "tests", j];
      if (!isPlainObject(t)) return bad(p, "a test result");
      str(t.test, [...p, "test"]);
      str(t.note, [...p, "note"]);
      num(t.statistic, [...p, "statistic"]);
      num(t.pValue, [...p, "pValue"]);
      num(t.alpha, [...p, "alpha"]);
      if (t.adjustedPValue !== undefined) num(t.adjustedPValue, [...p, "adjustedPValue"]);
      if (typeof t.rejected !== "boolean") bad([...p, "rejected"], "a boolean");
      if (t.df !== undefined) requireInteger(t.df, ["report", ...p, "df"], 1, 1e9);
      if (t.lower !== undefined) num(t.lower, [...p, "lower"]);
      if (t.upper !== undefined) num(t.upper, [...p, "upper"]);
      if (t.outliers !== undefined && !(Array.isArray(t.outliers) && t.outliers.every((o) => typeof o === "string"))) bad([...p, "outliers"], "an array of ids");
    });
  });
  return r as unknown as FairnessReport;
}
const fmt = (x: number) => (x === 0 ? "0" : Math.abs(x) < 1e-3 || Math.abs(x) >= 1e5 ? x.toExponential(2) : x.toFixed(Math.abs(x) < 1 ? 4 : 2));

/** A text label inside the chart's width: anchored at its start or end near the edges, so it is never clipped. */
function label(x: number, y: number, text: string, W: number, size = 11, extra = ""): string {
  const half = (text.length * size * 0.62) / 2;
  const anchor = x - half < 2 ? "start" : x + half > W - 2 ? "end" : "middle";
  const at = anchor === "start" ? Math.max(2, x) : anchor === "end" ? Math.min(W - 2, x) : x;
  return `<text x="${at.toFixed(1)}" y="${y.toFixed(1)}" font-size="${size}" text-anchor="${anchor}"${extra}>${esc(text)}</text>`;
}

/** Round tick values between lo and hi (about `count` of them). */
function ticks(lo: number, hi: number, count: number): number[] {
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag) as number;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * step; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

// Chart geometry: room on the left for the y tick values and the rotated y-axis title, below for the x ticks and title.
const W = 760;
const LEFT = 70;
const RIGHT = 20;
const TOP = 34;
const BOTTOM = 46;

function axes(H: number, xTitle: string, yTitle: string, xTicks: string, yTicks: string): string {
  return `<line x1="${LEFT}" x2="${LEFT}" y1="${TOP}" y2="${H - BOTTOM}" stroke="#333"/><line x1="${LEFT}" x2="${W - RIGHT}" y1="${H - BOTTOM}" y2="${H - BOTTOM}" stroke="#333"/>
${xTicks}${yTicks}
${label((LEFT + W - RIGHT) / 2, H - 8, xTitle, W)}
<text transform="translate(14 ${((TOP + H - BOTTOM) / 2).toFixed(1)}) rotate(-90)" font-size="11" text-anchor="middle">${esc(yTitle)}</text>`;
}
const xTick = (x: number, H: number, text: string) => `<line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${H - BOTTOM}" y2="${H - BOTTOM + 4}" stroke="#333"/>${label(x, H - BOTTOM + 16, text, W, 10)}`;
const yTick = (y: number, text: string) => `<line x1="${LEFT - 4}" x2="${LEFT}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#333"/><text x="${LEFT - 6}" y="${(y + 3.5).toFixed(1)}" font-size="10" text-anchor="end">${esc(text)}</text>`;

function inclusionChart(s: StratumFairness): string {
  const sim = s.simulation;
  const bounds = s.tests.find((t) => t.lower !== undefined);
  if (sim === undefined || bounds?.lower === undefined || bounds.upper === undefined) return "";
  const H = 260;
  const n = sim.counts.length;
  const expected = (sim.runs * sim.k) / n;
  const max = Math.max(bounds.upper, ...sim.counts) * 1.05;
  const min = Math.max(0, Math.min(bounds.lower, ...sim.counts) * 0.95);
  const y = (v: number) => H - BOTTOM - ((v - min) / (max - min || 1)) * (H - TOP - BOTTOM);
  const x = (i: number) => LEFT + (i + 0.5) * ((W - LEFT - RIGHT) / n);
  const dots = sim.counts
    .map((c, i) => {
      const out = c < (bounds.lower as number) || c > (bounds.upper as number);
      return `<circle cx="${x(i).toFixed(1)}" cy="${y(c).toFixed(1)}" r="${n > 300 ? 1.2 : 2.2}" fill="${out ? "#c62828" : "#1565c0"}"><title>${esc(sim.ids[i] as string)}: ${c}</title></circle>`;
    })
    .join("");
  const xs = [...new Set([0, ...ticks(0, n - 1, 6).filter((i) => i > 0 && i < n - 1).map(Math.round), n - 1])];
  const xTicks = xs.map((i) => xTick(x(i), H, String(i + 1))).join("");
  const yTicks = ticks(min, max, 5).map((v) => yTick(y(v), String(v))).join("");
  return `<figure><figcaption>每个单位的入选次数 / Times each unit was selected — 浅蓝带：Bonferroni 二项界 / band: Bonferroni binomial bounds [${bounds.lower}, ${bounds.upper}]；虚线：期望 / dashed: expected ${fmt(expected)}；红点：超出 / red: outside</figcaption>
<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="每个单位的入选次数与期望区间 / times each unit was selected against the expected band">
<rect x="${LEFT}" y="${y(bounds.upper).toFixed(1)}" width="${W - LEFT - RIGHT}" height="${(y(bounds.lower) - y(bounds.upper)).toFixed(1)}" fill="#e3f2fd"/>
<line x1="${LEFT}" x2="${W - RIGHT}" y1="${y(expected).toFixed(1)}" y2="${y(expected).toFixed(1)}" stroke="#555" stroke-dasharray="4 3"/>
${dots}
${axes(H, `单位（按输入顺序，共 ${n} 个） / unit, in input order (${n})`, "入选次数 / times selected", xTicks, yTicks)}
</svg></figure>`;
}

function chiSquareChart(s: StratumFairness): string {
  const t = s.tests.find((x) => x.df !== undefined);
  if (t?.df === undefined) return "";
  const k = t.df;
  const H = 240;
  const hi = Math.max(k + 6 * Math.sqrt(2 * k), t.statistic * 1.05);
  const lo = Math.max(0, Math.min(k - 6 * Math.sqrt(2 * k), t.statistic * 0.95));
  const pts: string[] = [];
  let peak = 0;
  const dens: [number, number][] = [];
  const step = (hi - lo) / 600;
  for (let i = 0; i <= 600; i++) {
    const xv = lo + step * i;
    const d = (chiSquareCdf(xv + step / 2, k) - chiSquareCdf(Math.max(0, xv - step / 2), k)) / step;
    dens.push([xv, d]);
    peak = Math.max(peak, d);
  }
  const X = (v: number) => LEFT + ((v - lo) / (hi - lo)) * (W - LEFT - RIGHT);
  const Y = (d: number) => H - BOTTOM - (d / (peak || 1)) * (H - TOP - BOTTOM);
  for (const [xv, d] of dens) pts.push(`${X(xv).toFixed(1)},${Y(d).toFixed(1)}`);
  const crit = (() => {
    let a = 0;
    let b = hi * 4;
    for (let i = 0; i < 100; i++) {
      const mid = (a + b) / 2;
      if (1 - chiSquareCdf(mid, k) > t.alpha) a = mid;
      else b = mid;
    }
    return a;
  })();
  const xTicks = ticks(lo, hi, 6).map((v) => xTick(X(v), H, String(v))).join("");
  const yTicks = ticks(0, peak, 4).map((v) => yTick(Y(v), String(v))).join("");
  const critLine =
    crit < hi
      ? `<line x1="${X(crit).toFixed(1)}" x2="${X(crit).toFixed(1)}" y1="${TOP}" y2="${H - BOTTOM}" stroke="#999" stroke-dasharray="4 3"/>${label(X(crit), TOP - 14, `临界值 critical ${fmt(crit)} (α = ${fmt(t.alpha)})`, W, 10)}`
      : "";
  return `<figure><figcaption>χ²(${k}) 分布密度与观测统计量 / χ²(${k}) density with the observed statistic (${t.rejected ? "拒绝 rejected" : "通过 passed"})</figcaption>
<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="χ² 统计量与其分布 / chi-square statistic against its distribution">
<polyline fill="none" stroke="#1565c0" stroke-width="1.5" points="${pts.join(" ")}"/>
${critLine}
<line x1="${X(t.statistic).toFixed(1)}" x2="${X(t.statistic).toFixed(1)}" y1="${TOP}" y2="${H - BOTTOM}" stroke="${t.rejected ? "#c62828" : "#2e7d32"}" stroke-width="2"/>
${label(X(t.statistic), TOP - 2, `观测 observed X² = ${fmt(t.statistic)}`, W, 11, ` fill="${t.rejected ? "#c62828" : "#2e7d32"}"`)}
${axes(H, "X² 统计量 / X² statistic", "密度 / density", xTicks, yTicks)}
</svg></figure>`;
}

/**
 * Options of {@link renderFairnessHtml}.
 *
 * @category Statistics
 */
export interface RenderFairnessHtmlOptions {
  /** Page title and heading (default "抽取公平性检验 / Draw fairness report"). */
  readonly title?: string;
  /**
   * What the report was run on, as label → value rows shown under the heading after the simulation settings and the
   * library version, e.g. `[["名录 pool", "pool.csv (SHA-256 …), 3080 units"], ["抽查比例 policy", "{…}"]]`.
   */
  readonly inputs?: readonly (readonly [label: string, value: string])[];
}

function readOptions(options: unknown): { title: string; inputs: readonly (readonly [string, string])[] } {
  const title = "抽取公平性检验 / Draw fairness report";
  if (options === undefined) return { title, inputs: [] };
  if (typeof options === "string") return { title: requireString(options, ["title"], 10_000), inputs: [] };
  const o = readPlain(options, ["options"]);
  if (!isPlainObject(o)) return invalid(["options"], "expected a title or { title?, inputs? }", "应为标题或 { title?, inputs? }", options);
  const inputs = o.inputs === undefined ? [] : o.inputs;
  if (!Array.isArray(inputs) || inputs.length > 1000) invalid(["options", "inputs"], "expected at most 1000 [label, value] rows", "应为不超过1000行的 [标签, 值] 数组", inputs);
  (inputs as unknown[]).forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== 2) invalid(["options", "inputs", i], "expected a [label, value] pair", "应为 [标签, 值]", row);
    requireString(row[0], ["options", "inputs", i, 0], 10_000);
    requireString(row[1], ["options", "inputs", i, 1], 100_000);
  });
  return { title: o.title === undefined ? title : requireString(o.title, ["options", "title"], 10_000), inputs: inputs as [string, string][] };
}

/**
 * Renders a {@link FairnessReport} as one self-contained HTML page (inline CSS and SVG, no scripts, no external
 * resources, a Content-Security-Policy that forbids both): the verdict, the inputs it was run on (simulation settings,
 * the library version, and the caller's `inputs`), then per stratum the tests with p-values, the times each unit was
 * selected against the expected band, and the χ² statistic against its distribution — with labelled axes and headings
 * in Chinese and English. Every string from the report or the options is escaped.
 *
 * @param report - The report of {@link assessFairness} (it may come from JSON: it is checked again).
 * @param options - The page title, or {@link RenderFairnessHtmlOptions} (title and input rows).
 * @returns The HTML document, as a string.
 * @throws {@link shuangsuiji!ShuangsuijiError | ShuangsuijiError} `invalid-input` when a field of `report` the page
 *   prints does not have its documented type (path under `report`), or when the title or an input row is not text or
 *   is too long.
 * @category Statistics
 * @example
 * ```ts
 * import { assessFairness, renderFairnessHtml } from "shuangsuiji/stats";
 * const pool = Array.from({ length: 100 }, (_, i) => ({ id: `U${i}`, riskClass: "A" }));
 * const report = assessFairness({ pool, policy: { strata: { A: { ratio: 0.1 } } }, runs: 1000, baseSeed: "x" });
 * const html = renderFairnessHtml(report, { inputs: [["名录 pool", "100 units (example)"]] });
 * ```
 */
export function renderFairnessHtml(report: FairnessReport, options?: string | RenderFairnessHtmlOptions): string {
  report = readReport(report);
  const { title, inputs } = readOptions(options);
  const sections = report.strata
    .map((s) => {
      const rows = s.tests
        .map((t) => `<tr><td>${esc(t.test)}</td><td>${fmt(t.statistic)}${t.df === undefined ? "" : ` (df ${t.df})`}</td><td>${fmt(t.pValue)}</td><td>${(t as { adjustedPValue?: number }).adjustedPValue === undefined ? "—" : fmt(t.adjustedPValue)}</td><td class="${t.rejected ? "bad" : "ok"}">${t.rejected ? "拒绝 / REJECTED" : "通过 / pass"}</td><td>${esc(t.note)}${t.outliers && t.outliers.length > 0 ? `; 超出 outliers: ${esc(t.outliers.slice(0, 20).join(", "))}` : ""}</td></tr>`)
        .join("");
      return `<section><h2>${esc(s.riskClass)} 类 / Class ${esc(s.riskClass)} — ${s.size} 个单位 units，每次抽取 quota ${s.quota}</h2>${
        s.skipped !== undefined
          ? `<p>未检验 / not tested: ${esc(s.skipped)}</p>`
          : `<table><tr><th>检验 / test</th><th>统计量 / statistic</th><th>p 值 / p-value</th><th>校正后 p / adjusted p</th><th>结论 / verdict</th><th>说明 / note</th></tr>${rows}</table>${inclusionChart(s)}${chiSquareChart(s)}`
      }</section>`;
    })
    .join("\n");
  const settings: (readonly [string, string])[] = [
    ["模拟 / simulation", `${report.runs.toLocaleString("en")} simulated draws per stratum, base seed ${report.baseSeed} (reproducible)`],
    [
      "显著性水平 / significance level",
      (report as { testCount?: number }).testCount === undefined || (report as { testAlpha?: number }).testAlpha === undefined
        ? `α = ${report.alpha}`
        : `整份报告 α = ${report.alpha}（Bonferroni：${report.testCount} 项检验，每项 α/${report.testCount} = ${fmt(report.testAlpha)}） / family-wise α = ${report.alpha} for the whole report (Bonferroni over ${report.testCount} tests, each at α/${report.testCount} = ${fmt(report.testAlpha)}; adjusted p = min(1, ${report.testCount}·p))`,
    ],
    ["程序库 / library", `shuangsuiji ${version}`],
    ...inputs,
  ];
  const inputRows = settings.map(([k, v]) => `<tr><th>${esc(k)}</th><td><code>${esc(v)}</code></td></tr>`).join("");
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}"><title>${esc(title)}</title>
<style>body{font:14px/1.5 system-ui,"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;max-width:820px;margin:2em auto;padding:0 1em;color:#222}table{border-collapse:collapse;width:100%;margin:.5em 0}td,th{border:1px solid #ccc;padding:4px 6px;text-align:left;font-size:13px;vertical-align:top}code{overflow-wrap:anywhere}figure{margin:1em 0}figcaption{font-size:12px;color:#444}svg{overflow:visible}.ok{color:#2e7d32;font-weight:600}.bad{color:#c62828;font-weight:600}.verdict{font-size:18px;padding:.5em;border-radius:4px;background:${report.passed ? "#e8f5e9" : "#ffebee"}}</style>
</head><body><h1>${esc(title)}</h1>
<p class="verdict">${report.passed ? "所有检验均通过 / No test rejected fairness" : "存在未通过的检验 / At least one test rejected fairness"}</p>
<section><h2>${inputs.length > 0 ? "输入 / Inputs" : "运行设置 / Run settings"}</h2><table>${inputRows}</table></section>
${sections}
<p><small>由 shuangsuiji ${version} 生成 / Generated by shuangsuiji ${version}. 检验 / Tests: 不放回抽样的缩放 χ² / scaled χ² for sampling without replacement, X² = ((N−1)/N)·Σ(Cᵢ − Rπ)²/(Rπ(1−π)) ~ χ²(N−1); 每个单位的 Bonferroni 二项界 / Bonferroni binomial bounds per unit; 相邻对共同入选 / adjacent-pair co-selection (docs/fairness.md).</small></p>
</body></html>
`;
}
