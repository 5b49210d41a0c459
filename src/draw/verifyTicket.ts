import { deepFreeze } from "../_internal/deepFreeze.js";
import { computeTicket } from "./computeTicket.js";
import type { TargetDrawRecord } from "./TargetDrawRecord.js";

/**
 * What one enterprise learns from {@link verifyTicket}.
 *
 * @category Draw
 */
export interface TicketCheck {
  /** Its ticket, recomputed from the record's seed and task id. */
  readonly ticket: string;
  /** Its stratum's threshold (largest selected ticket), or null when nothing was drawn there. */
  readonly threshold: string | null;
  /** Whether its ticket says it must be selected (ticket ≤ threshold, or a census). */
  readonly shouldBeSelected: boolean;
  /** Whether the record lists it. */
  readonly listed: boolean;
  /** Whether the record is consistent for this unit (`shouldBeSelected === listed`, and a listed ticket matches). */
  readonly consistent: boolean;
  /** 中文说明。 */
  readonly explanationZh: string;
  /** English explanation. */
  readonly explanationEn: string;
}

/**
 * One enterprise checks itself from the published record alone, without the pool: it recomputes its ticket and compares
 * it with its stratum's threshold. A unit with ticket ≤ threshold must be on the list, and no listed unit may have a
 * higher ticket. (Whether it was eligible at all needs the pool and {@link verifyTargetDraw}.)
 *
 * @category Draw
 * @example
 * ```ts
 * import { commitPool, createSeed, drawTargets, verifyTicket } from "shuangsuiji";
 * const pool = [{ id: "U1", riskClass: "A" }, { id: "U2", riskClass: "A" }, { id: "U3", riskClass: "A" }];
 * const seed = createSeed("0123456789abcdef0123456789abcdef", { kind: "other", description: "example" });
 * const record = drawTargets({ taskId: "T", pool, seed, commitment: commitPool(pool), policy: { strata: { A: { count: 1 } } } });
 * verifyTicket(record, { unitId: "U2", riskClass: "A" }).consistent; // true
 * ```
 */
export function verifyTicket(record: TargetDrawRecord, unit: { readonly unitId: string; readonly riskClass: string }): TicketCheck {
  const ticket = computeTicket({ seed: record.seed.value, taskId: record.taskId, unitId: unit.unitId });
  const stratum = record.strata.find((s) => s.riskClass === unit.riskClass);
  const listedEntry = stratum?.selected.find((s) => s.unitId === unit.unitId);
  const threshold = stratum?.threshold ?? null;
  const shouldBeSelected = stratum !== undefined && threshold !== null && (stratum.census || ticket <= threshold);
  const listed = listedEntry !== undefined;
  const consistent = shouldBeSelected === listed && (listedEntry === undefined || listedEntry.ticket === ticket);
  const t = ticket.slice(0, 12);
  const th = threshold?.slice(0, 12) ?? "—";
  return deepFreeze({
    ticket,
    threshold,
    shouldBeSelected,
    listed,
    consistent,
    explanationZh: `本单位抽签号 ${t}…，${unit.riskClass}类门限 ${th}…；${shouldBeSelected ? "应被抽中" : "不应被抽中"}，名单${listed ? "列有" : "未列"}本单位${consistent ? "，一致" : "，不一致！"}`,
    explanationEn: `ticket ${t}…, class ${unit.riskClass} threshold ${th}…; ${shouldBeSelected ? "must be selected" : "must not be selected"}, the list ${listed ? "includes" : "omits"} it${consistent ? ": consistent" : ": INCONSISTENT"}`,
  });
}
