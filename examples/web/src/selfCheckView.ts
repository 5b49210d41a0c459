// The self-check's loaded record: validated with the library's own schema before anything of it reaches the page, and
// rendered with every interpolated value escaped (a hostile "published record" must not run script in the page).
import { LockedTargetListSchema, parseModel, TargetDrawRecordSchema, type TargetDrawRecord } from "shuangsuiji";
import { bi, esc } from "./ui.js";

/** The clause cited when a loaded record does not have the published shape. */
const RECORD_CLAUSE = "docs/spec-v1.md §7 (TargetDrawRecord), §8 (LockedTargetList)";

/**
 * Accepts a TargetDrawRecord or a LockedTargetList (whose `record` is one), checked against the library's schemas
 * (TargetDrawRecordSchema / LockedTargetListSchema: unknown members refused, every count an integer, every digest hex);
 * throws `ShuangsuijiError` `invalid-input` naming every bad field, or an Error for JSON that is not a record at all.
 */
export function recordFrom(json: unknown): TargetDrawRecord {
  const kind = json !== null && typeof json === "object" && !Array.isArray(json) ? (json as { kind?: unknown }).kind : undefined;
  if (kind === "locked-target-list") return parseModel(LockedTargetListSchema, json, RECORD_CLAUSE).record as TargetDrawRecord;
  if (kind === "target-draw") return parseModel(TargetDrawRecordSchema, json, RECORD_CLAUSE) as TargetDrawRecord;
  throw new Error("这不是抽取记录（kind 应为 target-draw 或 locked-target-list） / not a draw record (kind must be target-draw or locked-target-list)");
}

/** The facts of a loaded record, as HTML: every value from the record is escaped. */
export function recordSummaryHtml(record: TargetDrawRecord, intact: boolean): string {
  const seed = record.seed.provenance as { kind?: unknown; date?: unknown; witnesses?: unknown };
  const witnesses = Array.isArray(seed.witnesses) ? seed.witnesses.map((w) => String(w)).join("、") : undefined;
  return `${intact ? `<p class="ok" id="record-digest-ok">${bi("记录摘要核验一致", "The record's digest matches its content")}</p>` : `<div class="alert" role="alert" id="record-digest-bad">${bi("记录摘要与内容不符：此记录在抽取后被改动过，结论不可信，请向抽查部门索取原始记录", "The record's digest does not match its content: it was altered after the draw, so no verdict from it can be trusted; ask the inspecting department for the original")}</div>`}<dl class="facts">
        <dt>${bi("任务", "Task")}</dt><dd><code>${esc(record.taskId)}</code></dd>
        <dt>${bi("随机种子来源", "Seed from")}</dt><dd>${esc(seed.kind ?? "")}${seed.date === undefined ? "" : ` · ${esc(seed.date)}`}${witnesses === undefined ? "" : ` · ${bi("见证人", "witnesses")} ${esc(witnesses)}`}</dd>
        <dt>${bi("对象名录承诺", "Pool commitment")}</dt><dd><code class="digest">${esc(record.poolCommitment.digest)}</code></dd>
        <dt>${bi("各类抽取", "Drawn per class")}</dt><dd>${record.strata.map((s) => `${esc(s.riskClass)}: ${esc(s.quota)}/${esc(s.size)}`).join("，")}</dd>
      </dl>`;
}
