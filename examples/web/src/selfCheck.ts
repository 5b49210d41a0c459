// (a) Enterprise self-check: a published TargetDrawRecord, a 统一社会信用代码, and the verdict with the threshold.
import { DEFAULT_RISK_CLASSES, isValidUscc, lockTargetDraw, normalizeCode, ShuangsuijiError, verifyTicket, type TargetDrawRecord } from "shuangsuiji";
import { $, bi, errorHtml, esc } from "./ui.js";
import { recordFrom, recordSummaryHtml } from "./selfCheckView.js";
import { toVerdict } from "./verdict.js";

const HEADLINES = {
  selected: ["本单位已被抽中", "Your unit was selected"],
  "not-selected": ["本单位未被抽中", "Your unit was not selected"],
  "not-in-stratum": ["本单位所在类别未参加本次抽取", "Your unit's class was not in this drawing"],
  inconsistent: ["记录与本单位的抽签号不一致，请向抽查部门反映", "The record is inconsistent for your unit: report it to the inspecting department"],
} as const;

let record: TargetDrawRecord | undefined;
let intact = true;

/**
 * Whether the record is consistent with itself (digest, quotas, listed tickets, thresholds…). lockTargetDraw refuses
 * exactly the records that contradict themselves (Longting art. 19: a list edited after the draw cannot be confirmed),
 * so it serves as the check here; the lock it returns is thrown away. A forger who rebuilds a consistent record passes
 * this check: only the pool (verifyTargetDraw) catches that.
 */
function digestMatches(r: TargetDrawRecord): boolean {
  try {
    // lockTargetDraw checks the record's internal consistency; the latest civil date passes its date-order rule (a lock
    // is never dated before the seed), so only the record itself is judged.
    lockTargetDraw(r, { lockedOn: "9999-12-31", lockedBy: "self-check" });
    return true;
  } catch (e) {
    if (e instanceof ShuangsuijiError) return false;
    throw e;
  }
}

export function mountSelfCheck(root: HTMLElement): void {
  root.innerHTML = `
  <h2>${bi("企业自查：本单位是否被抽中", "Enterprise self-check: was my unit drawn?")}</h2>
  <p class="hint">${bi("只需已公布的抽取记录，无需对象名录。抽签号由记录中的随机种子和任务编号算出，与本类别的门限比较：抽签号不大于门限即被抽中。", "Only the published draw record is needed, not the pool. Your ticket is computed from the record's seed and task id and compared with your class's threshold: a ticket at or below the threshold is selected.")}</p>
  <form id="check-form" novalidate>
    <div class="field">
      <label for="check-record">${bi("已公布的抽取记录（JSON 文件）", "Published draw record (JSON file)")}</label>
      <input type="file" id="check-record" accept=".json,application/json" aria-describedby="check-record-summary" />
      <div id="check-record-summary" class="summary" aria-live="polite"></div>
    </div>
    <div class="field">
      <label for="check-code">${bi("统一社会信用代码（或名录中的编号）", "Unified social credit code (or the id in the pool)")}</label>
      <input id="check-code" name="code" autocomplete="off" spellcheck="false" inputmode="latin" maxlength="40" required aria-describedby="check-code-hint" />
      <p id="check-code-hint" class="hint">${bi("18 位，如 91330100716105852F；全角字符会自动转为半角。", "18 characters, e.g. 91330100716105852F; full-width characters are converted.")}</p>
    </div>
    <div class="field">
      <label for="check-class">${bi("信用风险分类", "Credit-risk class")}</label>
      <select id="check-class" name="riskClass" required></select>
    </div>
    <button type="submit" id="check-submit">${bi("查询", "Check")}</button>
  </form>
  <div id="check-result" aria-live="polite"></div>`;

  const classSelect = $<HTMLSelectElement>("check-class");
  const fillClasses = (): void => {
    const classes = [...new Set([...DEFAULT_RISK_CLASSES, ...(record?.strata.map((s) => s.riskClass) ?? [])])].sort();
    classSelect.innerHTML = classes.map((c) => `<option value="${esc(c)}">${esc(c)} 类 / class ${esc(c)}</option>`).join("");
  };
  fillClasses();

  $<HTMLInputElement>("check-record").addEventListener("change", async (ev) => {
    const input = ev.target as HTMLInputElement;
    const out = $("check-record-summary");
    $("check-result").innerHTML = "";
    record = undefined;
    const f = input.files?.[0];
    if (f === undefined) return;
    try {
      record = recordFrom(JSON.parse(await f.text()));
      intact = digestMatches(record);
      out.innerHTML = recordSummaryHtml(record, intact);
      fillClasses();
    } catch (e) {
      out.innerHTML = errorHtml(e);
    }
  });

  $<HTMLFormElement>("check-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const out = $("check-result");
    if (record === undefined) {
      out.innerHTML = `<div class="alert" role="alert">${bi("请先选择已公布的抽取记录文件", "Choose the published draw record first")}</div>`;
      $("check-record").focus();
      return;
    }
    const raw = $<HTMLInputElement>("check-code").value;
    const unitId = normalizeCode(raw).value;
    if (unitId === "") {
      out.innerHTML = `<div class="alert" role="alert">${bi("请输入统一社会信用代码", "Enter the unified social credit code")}</div>`;
      $("check-code").focus();
      return;
    }
    const riskClass = classSelect.value;
    try {
      const v = toVerdict(verifyTicket(record, { unitId, riskClass }), record, riskClass);
      const [zh, en] = HEADLINES[v.status];
      const altered = intact ? "" : `<p class="warn">${bi("此记录在抽取后被改动过（摘要不符），以下结论不可信。", "This record was altered after the draw (digest mismatch): the verdict below cannot be trusted.")}</p>`;
      const warn = altered + (isValidUscc(unitId) ? "" : `<p class="warn">${bi("注意：这不是有效的统一社会信用代码（校验位不符或格式不对），请核对；若名录用其他编号，请输入该编号。", "Note: this is not a valid unified social credit code (format or check character); check it, or enter the id the pool uses.")}</p>`);
      out.innerHTML = `<div class="verdict ${esc(v.status)}" data-status="${esc(v.status)}">
        <h3 id="check-verdict" tabindex="-1">${bi(zh, en)}</h3>
        ${warn}
        <dl class="facts">
          <dt>${bi("代码", "Code")}</dt><dd><code>${esc(unitId)}</code></dd>
          <dt>${bi("类别", "Class")}</dt><dd>${esc(riskClass)}</dd>
          <dt>${bi("本单位抽签号", "Your ticket")}</dt><dd><code class="digest" id="check-ticket">${esc(v.ticket)}</code></dd>
          <dt>${bi("本类别门限", "Class threshold")}</dt><dd><code class="digest" id="check-threshold">${esc(v.threshold ?? "—")}</code></dd>
        </dl>
        <p>${esc(v.messageZh)}</p><p class="en" lang="en">${esc(v.messageEn)}</p>
        <p class="hint">${bi("是否属于抽取范围（登记日期、经营状态等）需用完整名录核验。", "Whether the unit was eligible at all (registration date, status) needs the full pool to verify.")}</p>
      </div>`;
      $("check-verdict").focus();
    } catch (e) {
      out.innerHTML = errorHtml(e);
    }
  });
}
