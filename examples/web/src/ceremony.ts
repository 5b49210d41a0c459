// (b) Witnessed draw ceremony for county staff: load the pool file (CSV in UTF-8/GBK/UTF-16 or .xlsx), publish the
// pool commitment, enter the dice digits and witnesses, draw, lock, and download the record and a printable list.
import {
  commitPool, computeQuota, drawTargets, importTable, lockTargetDraw, readTableFile, seedFromDice,
  type InspectionTarget, type LockedTargetList, type PoolCommitment, type SamplingPolicy, type TargetDrawRecord,
} from "shuangsuiji";
import { $, bi, download, errorHtml, esc, fileBytes, issuesHtml, today } from "./ui.js";

interface State {
  pool?: readonly InspectionTarget[];
  fileName?: string;
  commitment?: PoolCommitment;
  policy?: SamplingPolicy;
  record?: TargetDrawRecord;
  locked?: LockedTargetList;
}
const state: State = {};

/** Suggested ratios per class (staff change them to the year's plan). */
const DEFAULT_PERCENT: Readonly<Record<string, number>> = { A: 3, B: 5, C: 10, D: 20 };

const field = (id: string, label: string, control: string): string => `<div class="field"><label for="${id}">${label}</label>${control}</div>`;

/** One step of the ceremony: a form, hidden until the step before it is done, with its result area. */
const stepForm = (id: string, legend: string, body: string, buttonId: string, button: string, resultId: string): string =>
  `<form id="${id}" novalidate hidden><fieldset><legend>${legend}</legend>${body}
      <button type="submit" id="${buttonId}">${button}</button>
      <div id="${resultId}" aria-live="polite"></div></fieldset></form>`;

/** Freezes (or frees) a step's controls once it is done, so that nothing before the dice changes after them. */
function setDisabled(formId: string, disabled: boolean, selector = "input,textarea,button"): void {
  for (const el of $<HTMLFormElement>(formId).querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLButtonElement>(selector)) el.disabled = disabled;
}

export function mountCeremony(root: HTMLElement): void {
  root.innerHTML = `
  <h2>${bi("抽取仪式：公开、可核验地抽取检查对象", "Witnessed draw: select inspection targets openly and verifiably")}</h2>
  <ol class="steps">
    <li>${bi("载入检查对象名录", "Load the target pool")}</li>
    <li>${bi("公布名录承诺（在掷骰之前）", "Publish the pool commitment (before the dice)")}</li>
    <li>${bi("当众掷骰，录入数字与见证人，抽取", "Roll the dice in public, enter digits and witnesses, draw")}</li>
    <li>${bi("锁定名单，下载记录和打印名单", "Lock the list, download the record and print the list")}</li>
  </ol>

  <form id="pool-form" novalidate>
    <fieldset>
      <legend>${bi("第一步：任务与名录", "Step 1: task and pool")}</legend>
      <div class="field"><label for="task-id">${bi("抽查任务编号", "Task id")}</label>
        <input id="task-id" required autocomplete="off" value="" placeholder="例如 2026-卧龙-001" /></div>
      <div class="field"><label for="department">${bi("发起部门", "Initiating department")}</label>
        <input id="department" required autocomplete="organization" placeholder="例如 南阳市卧龙区市场监督管理局" /></div>
      <div class="field"><label for="pool-file">${bi("检查对象名录文件（CSV、GBK 编码的 CSV 或 .xlsx；表头按重庆标准表 B.1）", "Pool file (CSV, GBK CSV or .xlsx; headers as in table B.1)")}</label>
        <input type="file" id="pool-file" accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required /></div>
      <div id="pool-summary" aria-live="polite"></div>
    </fieldset>
  </form>

  ${stepForm("commit-form", bi("第二步：抽取比例与名录承诺", "Step 2: ratios and the pool commitment"), `
      <div id="policy-fields" class="grid"></div>
      ${field("registered-before", bi("登记日期截止（含，可不填）", "Registered on or before (optional)"), `<input type="date" id="registered-before" />`)}`,
    "commit-button", bi("生成并公布名录承诺", "Make and publish the commitment"), "commitment")}
  ${stepForm("draw-form", bi("第三步：掷骰与抽取", "Step 3: dice and draw"), `
      ${field("dice-digits", bi("骰子数字（十面骰，至少 39 位）", "Dice digits (ten-sided dice, 39 or more)"), `<input id="dice-digits" inputmode="numeric" autocomplete="off" spellcheck="false" required aria-describedby="dice-count" />
        <p id="dice-count" class="hint" aria-live="polite"></p>`)}
      ${field("witnesses", bi("见证人（每行一人，至少两人）", "Witnesses (one per line, at least two)"), `<textarea id="witnesses" rows="3" required></textarea>`)}
      ${field("draw-date", bi("掷骰日期", "Date of the roll"), `<input type="date" id="draw-date" required />`)}`,
    "draw-button", bi("抽取", "Draw"), "draw-result")}
  ${stepForm("lock-form", bi("第四步：锁定名单", "Step 4: lock the list"), `
      ${field("locked-by", bi("锁定人（部门）", "Locked by (department)"), `<input id="locked-by" required />`)}
      ${field("locked-on", bi("锁定日期", "Locked on"), `<input type="date" id="locked-on" required />`)}`,
    "lock-button", bi("锁定名单（锁定后不可更改）", "Lock the list (cannot be changed afterwards)"), "lock-result")}`;

  $<HTMLInputElement>("draw-date").value = today();
  $<HTMLInputElement>("locked-on").value = today();
  $<HTMLInputElement>("department").addEventListener("input", (e) => {
    $<HTMLInputElement>("locked-by").value = (e.target as HTMLInputElement).value;
  });
  $<HTMLInputElement>("pool-file").addEventListener("change", () => void loadPool());
  $<HTMLFormElement>("pool-form").addEventListener("submit", (e) => {
    e.preventDefault();
    void loadPool();
  });
  $<HTMLFormElement>("commit-form").addEventListener("submit", (e) => {
    e.preventDefault();
    publishCommitment();
  });
  $<HTMLInputElement>("dice-digits").addEventListener("input", (e) => {
    const v = (e.target as HTMLInputElement).value.replace(/\s/g, "");
    const n = /^\d*$/.test(v) ? v.length : -1;
    $("dice-count").innerHTML = n < 0 ? bi("只能输入数字 0–9", "digits 0–9 only") : bi(`已输入 ${n} 位${n >= 39 ? "，足够" : `，还需 ${39 - n} 位`}`, `${n} digits${n >= 39 ? ", enough" : `, ${39 - n} more needed`}`);
  });
  $<HTMLFormElement>("draw-form").addEventListener("submit", (e) => {
    e.preventDefault();
    draw();
  });
  $<HTMLFormElement>("lock-form").addEventListener("submit", (e) => {
    e.preventDefault();
    lock();
  });
}

function resetFrom(step: 2 | 3 | 4): void {
  if (step <= 2) {
    delete state.commitment;
    delete state.policy;
    $("commitment").innerHTML = "";
    $<HTMLFormElement>("draw-form").hidden = true;
    setDisabled("commit-form", false);
  }
  if (step <= 3) {
    delete state.record;
    $("draw-result").innerHTML = "";
    $<HTMLFormElement>("lock-form").hidden = true;
    setDisabled("draw-form", false);
  }
  delete state.locked;
  $("lock-result").innerHTML = "";
  setDisabled("lock-form", false);
}

async function loadPool(): Promise<void> {
  const out = $("pool-summary");
  const commitForm = $<HTMLFormElement>("commit-form");
  delete state.pool;
  commitForm.hidden = true;
  resetFrom(2);
  const f = await fileBytes($<HTMLInputElement>("pool-file"));
  if (f === undefined) return;
  out.innerHTML = `<p>${bi("正在读取……", "Reading…")}</p>`;
  let offset = 0;
  try {
    const table = await readTableFile(f.bytes, { fileName: f.name });
    offset = table.headerRow - 1;
    const hidden = table.hiddenSheets.length === 0 ? "" : ` · ${bi(`未读取的隐藏工作表：${table.hiddenSheets.join("、")}`, `hidden sheets not read: ${table.hiddenSheets.join(", ")}`)}`;
    const how = table.format === "xlsx" ? `.xlsx · ${bi("工作表", "sheet")} “${esc(table.sheet)}”${hidden}` : `CSV · ${esc(table.encoding)}${table.delimiter === "\t" ? " · Tab" : ""}`;
    const r = importTable("B.1", table.rows);
    if (!r.ok) {
      out.innerHTML = `<div class="alert" role="alert"><p>${bi(`名录有 ${r.issues.length} 处问题，请改正后重新载入（有效行 ${r.validCount} 行）。`, `The pool has ${r.issues.length} problem(s); correct them and load it again (${r.validCount} valid rows).`)} <small>${how}</small></p>${issuesHtml(r.issues, offset)}</div>`;
      return;
    }
    state.pool = r.records;
    state.fileName = f.name;
    const byClass = new Map<string, number>();
    for (const t of r.records) byClass.set(t.riskClass, (byClass.get(t.riskClass) ?? 0) + 1);
    const classes = [...byClass.keys()].sort();
    out.innerHTML = `<p class="ok" id="pool-ok">${bi(`已载入 ${r.records.length} 个检查对象`, `${r.records.length} targets loaded`)} <small>(${esc(f.name)} · ${how}${r.normalizations.length > 0 ? ` · ${bi(`${r.normalizations.length} 处格式规范化`, `${r.normalizations.length} cells normalised`)}` : ""})</small></p>
      <p>${classes.map((c) => `${esc(c)} 类 ${byClass.get(c)}`).join("，")}</p>`;
    $("policy-fields").innerHTML = classes
      .map((c) => `<div class="field"><label for="ratio-${esc(c)}">${bi(`${c} 类抽取比例（%）`, `Class ${c} ratio (%)`)}</label><input id="ratio-${esc(c)}" data-class="${esc(c)}" type="number" min="0" max="100" step="0.1" required value="${DEFAULT_PERCENT[c] ?? 5}" /></div>`)
      .join("");
    commitForm.hidden = false;
  } catch (e) {
    out.innerHTML = errorHtml(e, offset);
  }
}

function policyFromForm(): SamplingPolicy {
  const strata: Record<string, { ratio: number }> = {};
  for (const input of $("policy-fields").querySelectorAll<HTMLInputElement>("input[data-class]")) {
    const pct = Number(input.value);
    if (input.value.trim() === "" || !(pct >= 0 && pct <= 100)) throw new Error(`${input.dataset["class"]} 类比例应在 0–100 之间 / class ${input.dataset["class"]}: the ratio must be between 0 and 100`);
    strata[input.dataset["class"]!] = { ratio: Math.round(pct * 1000) / 100_000 };
  }
  return { strata };
}

function publishCommitment(): void {
  const out = $("commitment");
  resetFrom(2);
  if (state.pool === undefined) return;
  try {
    const policy = policyFromForm();
    const cutoff = $<HTMLInputElement>("registered-before").value;
    const commitment = commitPool(state.pool, cutoff === "" ? {} : { eligibility: { registeredOnOrBefore: cutoff } });
    state.commitment = commitment;
    state.policy = policy;
    const rows = Object.entries(commitment.strata)
      .map(([c, n]) => {
        const rule = policy.strata[c];
        const q = rule === undefined ? undefined : computeQuota(rule, n, policy);
        return `<tr><th scope="row">${esc(c)}</th><td>${n}</td><td>${q === undefined ? "—" : q.quota}${q?.census === true ? ` ${bi("（全部）", "(census)")}` : ""}</td></tr>`;
      })
      .join("");
    const ineligible = Object.entries(commitment.ineligible).map(([k, n]) => `${esc(k)}: ${n}`).join("，");
    out.innerHTML = `<div class="publish" id="commitment-card">
      <h3>${bi("请在掷骰前公布以下内容", "Publish this before the dice are rolled")}</h3>
      <p>${bi("名录承诺摘要（SHA-256）", "Pool commitment digest (SHA-256)")}</p>
      <p><code class="digest big" id="commitment-digest">${esc(commitment.digest)}</code></p>
      <p>${bi(`名录共 ${commitment.unitCount} 个对象，其中符合条件 ${commitment.eligibleCount} 个`, `${commitment.unitCount} units in the pool, ${commitment.eligibleCount} eligible`)}${ineligible === "" ? "" : `；${bi("不符合条件", "ineligible")} ${ineligible}`}</p>
      <table><caption>${bi("各类对象数与应抽数", "Units and quota per class")}</caption>
        <thead><tr><th scope="col">${bi("类别", "Class")}</th><th scope="col">${bi("符合条件", "Eligible")}</th><th scope="col">${bi("应抽", "Quota")}</th></tr></thead>
        <tbody>${rows}</tbody></table>
      <button type="button" id="download-commitment">${bi("下载承诺（JSON）", "Download the commitment (JSON)")}</button>
    </div>`;
    $("download-commitment").addEventListener("click", () =>
      download(`commitment-${fileSafe($<HTMLInputElement>("task-id").value)}.json`, `${JSON.stringify({ commitment, policy }, null, 2)}\n`, "application/json"),
    );
    setDisabled("commit-form", true, "input,button#commit-button");
    $<HTMLFormElement>("draw-form").hidden = false;
  } catch (e) {
    out.innerHTML = errorHtml(e);
  }
}

function draw(): void {
  const out = $("draw-result");
  resetFrom(3);
  const { pool, commitment, policy } = state;
  if (pool === undefined || commitment === undefined || policy === undefined) return;
  const taskId = $<HTMLInputElement>("task-id").value.trim();
  const witnesses = $<HTMLTextAreaElement>("witnesses").value.split(/\r?\n/).map((w) => w.trim()).filter((w) => w !== "");
  const digits = $<HTMLInputElement>("dice-digits").value.replace(/\s/g, "");
  const date = $<HTMLInputElement>("draw-date").value;
  const missing: string[] = [];
  if (taskId === "") missing.push(bi("任务编号", "task id"));
  // Wolong 2.2: two or more officials witness the draw.
  if (witnesses.length < 2) missing.push(bi("至少两名见证人", "at least two witnesses"));
  if (date === "") missing.push(bi("掷骰日期", "date of the roll"));
  if (missing.length > 0) {
    out.innerHTML = `<div class="alert" role="alert">${bi("请填写", "Please give")}: ${missing.join("；")}</div>`;
    return;
  }
  try {
    const seed = seedFromDice({ digits, witnesses, date });
    const record = drawTargets({ taskId, pool, policy, seed, commitment });
    state.record = record;
    const names = new Map(pool.map((t) => [t.id, t.name]));
    out.innerHTML = `<h3 id="draw-heading" tabindex="-1">${bi(`抽中 ${record.selectedCount} 个检查对象`, `${record.selectedCount} targets drawn`)}</h3>
      <p>${bi("随机种子", "Seed")} <code class="digest">${esc(record.seed.value)}</code></p>
      ${record.strata.map((s) => stratumTable(s, names)).join("")}
      <p>${bi("记录摘要", "Record digest")} <code class="digest" id="record-digest">${esc(record.digest)}</code></p>`;
    setDisabled("draw-form", true);
    $<HTMLFormElement>("lock-form").hidden = false;
    if ($<HTMLInputElement>("locked-by").value === "") $<HTMLInputElement>("locked-by").value = $<HTMLInputElement>("department").value;
    $("draw-heading").focus();
  } catch (e) {
    out.innerHTML = errorHtml(e);
  }
}

function stratumTable(s: TargetDrawRecord["strata"][number], names: ReadonlyMap<string, string>): string {
  const rows = s.selected
    .map((u, i) => `<tr><td>${i + 1}</td><td>${esc(names.get(u.unitId) ?? "")}</td><td><code>${esc(u.unitId)}</code></td><td><code class="ticket">${esc(u.ticket.slice(0, 16))}…</code></td></tr>`)
    .join("");
  return `<table class="drawn" data-class="${esc(s.riskClass)}"><caption>${bi(`${s.riskClass} 类：${s.size} 个中抽 ${s.quota} 个`, `Class ${s.riskClass}: ${s.quota} of ${s.size}`)}${s.census ? ` ${bi("（全部检查，非随机）", "(census, not random)")}` : ""}<br /><small>${bi("门限", "threshold")} <code>${esc(s.threshold ?? "—")}</code></small></caption>
    <thead><tr><th scope="col">#</th><th scope="col">${bi("名称", "Name")}</th><th scope="col">${bi("统一社会信用代码", "Code")}</th><th scope="col">${bi("抽签号", "Ticket")}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function lock(): void {
  const out = $("lock-result");
  const { record, pool } = state;
  if (record === undefined || pool === undefined) return;
  try {
    const locked = lockTargetDraw(record, { lockedOn: $<HTMLInputElement>("locked-on").value, lockedBy: $<HTMLInputElement>("locked-by").value.trim() });
    state.locked = locked;
    out.innerHTML = `<p class="ok" id="locked-ok">${bi("名单已锁定", "The list is locked")} · ${esc(locked.lockedOn)} · ${esc(locked.lockedBy)}</p>
      <p>${bi("锁定摘要", "Lock digest")} <code class="digest">${esc(locked.digest)}</code></p>
      <div class="buttons">
        <button type="button" id="download-record">${bi("下载抽取记录（公布用，JSON）", "Download the draw record (to publish, JSON)")}</button>
        <button type="button" id="download-locked">${bi("下载锁定名单（JSON）", "Download the locked list (JSON)")}</button>
        <button type="button" id="download-list">${bi("下载可打印名单（HTML）", "Download the printable list (HTML)")}</button>
        <button type="button" id="print-list">${bi("打印名单", "Print the list")}</button>
      </div>`;
    setDisabled("lock-form", true, "input,button#lock-button");
    const task = fileSafe(record.taskId);
    const listHtml = printableList(locked, pool);
    $("download-record").addEventListener("click", () => download(`draw-record-${task}.json`, `${JSON.stringify(record, null, 2)}\n`, "application/json"));
    $("download-locked").addEventListener("click", () => download(`locked-list-${task}.json`, `${JSON.stringify(locked, null, 2)}\n`, "application/json"));
    $("download-list").addEventListener("click", () => download(`list-${task}.html`, listHtml, "text/html"));
    $("print-list").addEventListener("click", () => {
      const area = $("print-area");
      area.innerHTML = listBody(locked, pool);
      window.print();
    });
  } catch (e) {
    out.innerHTML = errorHtml(e);
  }
}

function listBody(locked: LockedTargetList, pool: readonly InspectionTarget[]): string {
  const r = locked.record;
  const byId = new Map(pool.map((t) => [t.id, t]));
  const seed = r.seed.provenance as { digits?: string; witnesses?: readonly string[]; date?: string };
  const rows = r.strata
    .flatMap((s) => s.selected.map((u) => ({ s, u, t: byId.get(u.unitId) })))
    .map(({ s, u, t }, i) => `<tr><td>${i + 1}</td><td>${esc(t?.name ?? "")}</td><td>${esc(u.unitId)}</td><td>${esc(s.riskClass)}</td><td>${esc(t?.divisionCode ?? "")}</td><td class="mono">${esc(u.ticket.slice(0, 16))}</td></tr>`)
    .join("");
  return `<h1>双随机抽查对象名单 <small>Targets drawn</small></h1>
    <p>任务 Task: <b>${esc(r.taskId)}</b> · 锁定 Locked: ${esc(locked.lockedOn)}，${esc(locked.lockedBy)}</p>
    <p>掷骰 Dice (${esc(seed.date ?? "")}): <span class="mono">${esc(seed.digits ?? "")}</span> · 见证人 Witnesses: ${esc((seed.witnesses ?? []).join("、"))}</p>
    <p>名录承诺 Pool commitment: <span class="mono">${esc(r.poolCommitment.digest)}</span> (${r.poolCommitment.eligibleCount} / ${r.poolCommitment.unitCount})</p>
    <p>记录摘要 Record digest: <span class="mono">${esc(r.digest)}</span><br />锁定摘要 Lock digest: <span class="mono">${esc(locked.digest)}</span></p>
    <table><thead><tr><th>#</th><th>名称 Name</th><th>统一社会信用代码 Code</th><th>类别 Class</th><th>行政区划 Division</th><th>抽签号 Ticket</th></tr></thead><tbody>${rows}</tbody></table>
    <p>${r.strata.map((s) => `${esc(s.riskClass)} 类 ${s.quota}/${s.size}`).join("；")}</p>
    <p class="sign">见证人签字 Witnesses' signatures: ____________ ____________ &nbsp; 经办人 Officer: ____________</p>`;
}

/** The printable list of the locked draw (HTML): every name and field escaped, control characters shown as ⟨U+XXXX⟩. */
export function printableList(locked: LockedTargetList, pool: readonly InspectionTarget[]): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>双随机抽查对象名单 ${esc(locked.record.taskId)}</title>
<style>body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em}table{border-collapse:collapse;width:100%}th,td{border:1px solid #444;padding:.3em .5em;text-align:left}.mono{font-family:monospace;word-break:break-all}.sign{margin-top:3em}@page{size:A4;margin:15mm}</style>
</head><body>${listBody(locked, pool)}</body></html>\n`;
}

function fileSafe(s: string): string {
  return s.replace(/[^\p{L}\p{N}._-]+/gu, "_") || "task";
}
