import { invalid, isPlainObject, readPlain, requireInteger, requireString } from "../_internal/boundary.js";
import { MAX_UNITS, runsArg, simArg } from "./_validate.js";
import { chiSquareCdf } from "./_dist.js";
import type { FairnessReport, StratumFairness } from "./assessFairness.js";

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

function inclusionChart(s: StratumFairness): string {
  const sim = s.simulation;
  const bounds = s.tests.find((t) => t.lower !== undefined);
  if (sim === undefined || bounds?.lower === undefined || bounds.upper === undefined) return "";
  const W = 760;
  const H = 220;
  const pad = 40;
  const n = sim.counts.length;
  const expected = (sim.runs * sim.k) / n;
  const max = Math.max(bounds.upper, ...sim.counts) * 1.05;
  const min = Math.max(0, Math.min(bounds.lower, ...sim.counts) * 0.95);
  const y = (v: number) => H - pad - ((v - min) / (max - min)) * (H - 2 * pad);
  const x = (i: number) => pad + (i + 0.5) * ((W - 2 * pad) / n);
  const bars = sim.counts
    .map((c, i) => {
      const out = c < (bounds.lower as number) || c > (bounds.upper as number);
      return `<circle cx="${x(i).toFixed(1)}" cy="${y(c).toFixed(1)}" r="${n > 300 ? 1.2 : 2.2}" fill="${out ? "#c62828" : "#1565c0"}"><title>${esc(sim.ids[i] as string)}: ${c}</title></circle>`;
    })
    .join("");
  return `<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="inclusion counts per unit against the expected band">
<rect x="${pad}" y="${y(bounds.upper).toFixed(1)}" width="${W - 2 * pad}" height="${(y(bounds.lower) - y(bounds.upper)).toFixed(1)}" fill="#e3f2fd"/>
<line x1="${pad}" x2="${W - pad}" y1="${y(expected).toFixed(1)}" y2="${y(expected).toFixed(1)}" stroke="#555" stroke-dasharray="4 3"/>
${bars}
<line x1="${pad}" x2="${pad}" y1="${pad}" y2="${H - pad}" stroke="#333"/><line x1="${pad}" x2="${W - pad}" y1="${H - pad}" y2="${H - pad}" stroke="#333"/>
<text x="${pad}" y="${pad - 8}" font-size="11">selections per unit (band: Bonferroni binomial bounds [${bounds.lower}, ${bounds.upper}]; dashed: expected ${fmt(expected)})</text>
<text x="${W / 2}" y="${H - 10}" font-size="11" text-anchor="middle">units in input order (${n})</text>
</svg>`;
}

function chiSquareChart(s: StratumFairness): string {
  const t = s.tests.find((x) => x.df !== undefined);
  if (t?.df === undefined) return "";
  const k = t.df;
  const W = 760;
  const H = 200;
  const pad = 40;
  const hi = Math.max(k + 6 * Math.sqrt(2 * k), t.statistic * 1.05);
  const lo = Math.max(0, Math.min(k - 6 * Math.sqrt(2 * k), t.statistic * 0.95));
  const pts: string[] = [];
  let peak = 0;
  const dens: [number, number][] = [];
  const step = (hi - lo) / 200;
  for (let i = 0; i <= 200; i++) {
    const xv = lo + step * i;
    const d = (chiSquareCdf(xv + step / 2, k) - chiSquareCdf(Math.max(0, xv - step / 2), k)) / step;
    dens.push([xv, d]);
    peak = Math.max(peak, d);
  }
  const X = (v: number) => pad + ((v - lo) / (hi - lo)) * (W - 2 * pad);
  const Y = (d: number) => H - pad - (d / peak) * (H - 2 * pad);
  for (const [xv, d] of dens) pts.push(`${X(xv).toFixed(1)},${Y(d).toFixed(1)}`);
  const crit = (() => {
    let lo = 0;
    let up = hi * 4;
    for (let i = 0; i < 100; i++) {
      const mid = (lo + up) / 2;
      if (1 - chiSquareCdf(mid, k) > t.alpha) lo = mid;
      else up = mid;
    }
    return lo;
  })();
  return `<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="chi-square statistic against its distribution">
<polyline fill="none" stroke="#1565c0" stroke-width="1.5" points="${pts.join(" ")}"/>
${crit < hi ? `<line x1="${X(crit).toFixed(1)}" x2="${X(crit).toFixed(1)}" y1="${pad}" y2="${H - pad}" stroke="#999" stroke-dasharray="4 3"/><text x="${X(crit).toFixed(1)}" y="${pad - 4}" font-size="10" text-anchor="middle">critical (α = ${t.alpha})</text>` : ""}
<line x1="${X(t.statistic).toFixed(1)}" x2="${X(t.statistic).toFixed(1)}" y1="${pad}" y2="${H - pad}" stroke="${t.rejected ? "#c62828" : "#2e7d32"}" stroke-width="2"/>
<text x="${X(t.statistic).toFixed(1)}" y="${H - pad + 14}" font-size="11" text-anchor="middle">X² = ${fmt(t.statistic)}</text>
<line x1="${pad}" x2="${W - pad}" y1="${H - pad}" y2="${H - pad}" stroke="#333"/>
<text x="${pad}" y="${pad - 20}" font-size="11">χ²(${k}) density with the observed statistic</text>
</svg>`;
}

/**
 * Renders a {@link FairnessReport} as one self-contained HTML page (inline CSS and SVG, no scripts, no external
 * resources): per stratum the tests with p-values, inclusion counts per unit against the expected band, and the χ²
 * statistic against its distribution.
 *
 * @category Statistics
 * @example
 * ```ts
 * import { assessFairness, renderFairnessHtml } from "shuangsuiji/stats";
 * const pool = Array.from({ length: 100 }, (_, i) => ({ id: `U${i}`, riskClass: "A" }));
 * const html = renderFairnessHtml(assessFairness({ pool, policy: { strata: { A: { ratio: 0.1 } } }, runs: 1000, baseSeed: "x" }));
 * ```
 */
export function renderFairnessHtml(report: FairnessReport, title = "抽取公平性检验 / Draw fairness report"): string {
  report = readReport(report);
  requireString(title, ["title"], 10_000);
  const sections = report.strata
    .map((s) => {
      const rows = s.tests
        .map((t) => `<tr><td>${esc(t.test)}</td><td>${fmt(t.statistic)}${t.df === undefined ? "" : ` (df ${t.df})`}</td><td>${fmt(t.pValue)}</td><td class="${t.rejected ? "bad" : "ok"}">${t.rejected ? "REJECTED / 拒绝" : "pass / 通过"}</td><td>${esc(t.note)}${t.outliers && t.outliers.length > 0 ? `; outliers: ${esc(t.outliers.slice(0, 20).join(", "))}` : ""}</td></tr>`)
        .join("");
      return `<section><h2>Class ${esc(s.riskClass)} — ${s.size} units, quota ${s.quota}</h2>${
        s.skipped !== undefined ? `<p>${esc(s.skipped)}</p>` : `<table><tr><th>test</th><th>statistic</th><th>p-value</th><th>verdict</th><th>note</th></tr>${rows}</table>${inclusionChart(s)}${chiSquareChart(s)}`
      }</section>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}"><title>${esc(title)}</title>
<style>body{font:14px/1.5 system-ui,sans-serif;max-width:820px;margin:2em auto;padding:0 1em;color:#222}table{border-collapse:collapse;width:100%;margin:.5em 0}td,th{border:1px solid #ccc;padding:4px 6px;text-align:left;font-size:13px}.ok{color:#2e7d32;font-weight:600}.bad{color:#c62828;font-weight:600}.verdict{font-size:18px;padding:.5em;border-radius:4px;background:${report.passed ? "#e8f5e9" : "#ffebee"}}</style>
</head><body><h1>${esc(title)}</h1>
<p class="verdict">${report.passed ? "No test rejected fairness / 所有检验均通过" : "At least one test rejected fairness / 存在未通过的检验"} — α = ${report.alpha}, ${report.runs.toLocaleString("en")} simulated draws per stratum, base seed <code>${esc(report.baseSeed)}</code> (reproducible).</p>
${sections}
<p><small>Generated by shuangsuiji. Tests: scaled χ² for sampling without replacement, Bonferroni binomial bounds per unit, adjacent-pair co-selection (draw-research.md §4).</small></p>
</body></html>
`;
}
