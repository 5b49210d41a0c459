import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";
import { ruleIssue } from "../errors/_drawRules.js";
import { buildTargetRecord, checkCommitment } from "../draw/targets/_buildRecord.js";
import { poolIdProblem, ticketHasher, unitIdIssue } from "../draw/targets/_pool.js";
import { wordsToHex } from "../draw/_shared/_sha256.js";
import { compareUtf8 } from "../draw/_shared/_encoding.js";
import type { Stage1Setup } from "../draw/targets/_stage1.js";
import type { SelectedUnit, TargetDrawRecord } from "../draw/records/TargetDrawRecord.js";
import { rowIssue, stateFromRows, type SqlRow } from "../sql/_rows.js";
import { cappedIssues } from "../errors/_capIssues.js";

/** The selection's result as DuckDB returns it: one array per column (no row objects). */
export interface SelectionColumns {
  readonly riskClass: readonly unknown[];
  readonly id: readonly unknown[];
  readonly ticket: readonly unknown[];
  readonly count: number;
}

/**
 * Printable ASCII without spaces or lower-case letters (every USCC): trimmed, NFC, no look-alikes, and unchanged by
 * foldUnitId, so the pool-id rule accepts it without its costlier tests (0.7 s for 5×10⁵ ids).
 */
export function plainId(id: string): boolean {
  if (id.length === 0) return false;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 0x21 || c > 0x7e || (c >= 0x61 && c <= 0x7a)) return false;
  }
  return true;
}
const CLAUSE = "docs/spec-v1.md §6, §7; docs/scale.md";

/**
 * The record of a draw run in this process's own DuckDB, built the way drawTargets builds its record
 * (buildTargetRecord: keys in canonical order as built, digest streamed, frozen once) instead of through
 * mergeTargetShards's copy, re-sort, canonicalize and second ticket pass (issue 16: 5×10⁵ selected units at 10⁷).
 * Nothing the engine returns is taken on trust, exactly as mergeTargetShards checks a shard (docs/spec-v1.md §7): the
 * counts (and, with `digest`, the sum) against the commitment (`pool-commitment-mismatch`), then per row a drawn class,
 * an id that satisfies the pool-id rule and is not excluded by name, a ticket equal to the one recomputed from the seed, task id and id, ticket order
 * (ticket, then the id's UTF-8 bytes; sorted here when the engine did not), no unit twice, and per stratum exactly
 * min(quota, size) units (`engine-rows-short` when fewer: the caller reruns without the prefilter) — else
 * `invalid-input`, every problem listed. These checks cannot show that the rows are the quota-smallest tickets, that a
 * unit is in the pool, or in the class claimed (only a verifier that reads the pool can): so, like mergeTargetShards's
 * output, the record is not marked "built" — lockTargetDraw, verifyTicket, dispatchTargets and drawInspectors run the
 * full record self-check on it (docs/spec-v1.md §7).
 */
export function assembleFromColumns(setup: Stage1Setup, commitmentRows: readonly SqlRow[], check: "digest" | "counts", rows: SelectionColumns): TargetDrawRecord {
  const state = stateFromRows(commitmentRows, check === "digest", ["commitmentRows"]);
  checkCommitment(state, setup, check === "digest");
  const issues: RuleIssue[] = [];
  const byClass = new Map<string, SelectedUnit[]>();
  const unsorted = new Set<string>();
  const hash = ticketHasher(setup.seed.value, setup.taskId);
  const w = new Int32Array(8);
  const seen = new Set<string>();
  // a unit excluded by name is never selected (the record's self-check, run wherever the record is used, tests it too)
  const excluded = new Set(setup.config.exclusions.map((x) => x.unitId));
  for (let i = 0; i < rows.count; i++) {
    const at = ["selectionRows", i];
    const cls = rows.riskClass[i];
    const id = rows.id[i];
    const ticket = rows.ticket[i];
    const q = typeof cls === "string" ? setup.quotas.get(cls) : undefined;
    if (q === undefined || q.quota === 0) {
      issues.push(rowIssue([...at, "risk_class"], "a selected unit's class is not drawn in this task", "入选对象的分类不在本次抽取之内", cls));
      continue;
    }
    if (typeof id !== "string" || typeof ticket !== "string") {
      issues.push(rowIssue(at, "a selection row needs an id and a 64-digit lower-case hex ticket", "入选行须有对象标识和64位小写十六进制签号", { risk_class: cls, id, ticket }));
      continue;
    }
    const why = plainId(id) ? undefined : poolIdProblem(id);
    if (why !== undefined) {
      issues.push(unitIdIssue([...at, "id"], why, id));
      continue;
    }
    hash(id, w);
    const t = wordsToHex(w);
    if (t !== ticket) {
      // (a recomputed ticket is 64 lower-case hex digits: equal to it, the engine's is well-formed too)
      issues.push(rowIssue([...at, "ticket"], `the engine's ticket for ${id} is not SHA-256 of the task's prefix and the id (docs/draw.md; expected ${t})`, `引擎给出的${id}的签号与重新计算的不一致（应为 ${t}）`, ticket));
      continue;
    }
    if (excluded.has(id)) {
      issues.push(rowIssue([...at, "id"], `the engine selected ${id}, which the commitment excludes by name`, `引擎抽中了承诺中点名排除的对象${id}`, id));
      continue;
    }
    if (seen.has(id)) {
      issues.push(ruleIssue("unique-ids", [...at, "id"], { value: id, detailZh: "引擎重复返回了该对象", detailEn: "the engine returned this unit twice" }));
      continue;
    }
    seen.add(id);
    const c = cls as string;
    let list = byClass.get(c);
    if (list === undefined) byClass.set(c, (list = []));
    const last = list[list.length - 1];
    if (last !== undefined && (last.ticket > ticket || (last.ticket === ticket && compareUtf8(last.unitId, id) > 0))) unsorted.add(c);
    list.push({ ticket, unitId: id });
  }
  if (issues.length > 0) throw new ShuangsuijiError("invalid-input", cappedIssues(issues));
  for (const c of unsorted) (byClass.get(c) as SelectedUnit[]).sort((a, b) => (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : compareUtf8(a.unitId, b.unitId)));
  for (const [cls, q] of setup.quotas) {
    const due = Math.min(q.quota, setup.commitment.strata[cls] ?? 0);
    const got = Math.min(byClass.get(cls)?.length ?? 0, q.quota);
    if (got !== due) {
      issues.push({ ...rowIssue(["selectionRows", cls], `the engine returned ${got} units for class ${cls}, the quota is ${due}`, `引擎为${cls}类返回${got}户，应抽${due}户`, got), rule: "engine-rows-short", clause: CLAUSE });
    }
  }
  if (issues.length > 0) throw new ShuangsuijiError("invalid-input", cappedIssues(issues));
  // buildTargetRecord keeps each class's first `quota` entries, copied into fresh frozen { ticket, unitId } objects
  // not trusted (not marked "built"): the rows came from the engine, not from this process's own pass
  return buildTargetRecord(setup, byClass, setup.commitment, false);
}
