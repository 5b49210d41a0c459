import { readPlain } from "../../_internal/boundary.js";
import { ShuangsuijiError } from "../../errors/ShuangsuijiError.js";
import { deepFreeze } from "../../_internal/deepFreeze.js";
import { drawIssue } from "../_shared/_issues.js";
import { isBuilt, targetRecordProblems } from "../records/_checkRecord.js";
import { eligibilityOf, foldUnitId, poolIdProblem, ticketHex, unitIdIssue, type IneligibleReason } from "./_pool.js";
import { normalizeRiskClass } from "./_riskClass.js";
import { date as dateCell, operatingStatus } from "../../import/_cells.js";
import { normalizeCode } from "../../ids/normalizeCode.js";
import { OPERATING_STATUSES } from "../../model/_codes.js";

import type { Eligibility } from "./SamplingPolicy.js";
import type { TargetDrawRecord } from "../records/TargetDrawRecord.js";
import { announcementMismatches, readAnnounced, type AnnouncedDrawInputs, type DrawMismatch } from "./verifyTargetDraw.js";

/**
 * The four answers of the enterprise self-check (docs/spec-v1.md §11).
 *
 * @category Draw
 * @example
 * ```ts
 * import { TICKET_STATUSES } from "shuangsuiji";
 * TICKET_STATUSES; // ["selected", "not-selected", "not-in-stratum", "inconsistent"]
 * ```
 */
export const TICKET_STATUSES = /* @__PURE__ */ deepFreeze(["selected", "not-selected", "not-in-stratum", "inconsistent"] as const);

/**
 * Why: `listed` / `listed-under-other-class` (selected); `ticket-above-threshold` / `quota-zero` (not selected);
 * `excluded`, `registered-after-cutoff`, `registration-date-unknown`, `status-not-allowed`, `status-unknown`,
 * `outside-districts` (ineligible by the record's rules and the facts given), `eligibility-unconfirmed` (the record has
 * eligibility rules and no facts were given), `not-in-pool` (the record shows the unit was not among the class's
 * eligible units), `class-not-drawn` (inconsistent or not in stratum); `record-inconsistent`, `listed-but-ineligible`, `not-as-announced`
 * (the record's commitment counts, seed, task, policy or dates differ from the announcement given).
 *
 * @category Draw
 */
export type TicketReason =
  | "listed" | "listed-under-other-class" | "ticket-above-threshold" | "quota-zero" | IneligibleReason | "eligibility-unconfirmed" | "not-in-pool"
  | "class-not-drawn" | "record-inconsistent" | "listed-but-ineligible" | "not-as-announced";

/**
 * What one enterprise learns from {@link verifyTicket}: a `status`, its `reason`, the facts (ticket, threshold, rank,
 * quota, size, the record's eligibility rules) and two lines a clerk understands, in Chinese and English.
 *
 * @category Draw
 */
export interface TicketCheck {
  /** One of {@link TICKET_STATUSES}. */
  readonly status: (typeof TICKET_STATUSES)[number];
  /** Why. */
  readonly reason: TicketReason;
  /** The id checked, trimmed and NFC-normalised. */
  readonly unitId: string;
  /** The class checked, normalised as table import does (`B类`, `b`, `Ｂ` → `B`). */
  readonly riskClass: string;
  /** Its ticket, recomputed from the record's seed and task id. */
  readonly ticket: string;
  /** The class's threshold (largest selected ticket), or null when nothing was drawn there. */
  readonly threshold: string | null;
  /** Its place among the class's selected units (1 = smallest ticket), or null when not listed. */
  readonly rank: number | null;
  /** The class's quota and eligible size, when the record has the class. */
  readonly quota: number | null;
  /** Eligible units of the class. */
  readonly size: number | null;
  /** The record's eligibility rules, for the enterprise to compare with its own registration. */
  readonly eligibility: Eligibility;
  /** The reason given for a named exclusion. */
  readonly exclusionReason: string | null;
  /** For `record-inconsistent` / `not-as-announced`: what the record contradicts (at most 20). */
  readonly recordProblems: readonly DrawMismatch[];
  /** 中文说明（一句话，供企业经办人阅读）。 */
  readonly messageZh: string;
  /** English explanation. */
  readonly messageEn: string;
  /** @deprecated Use `status !== "inconsistent"`. */
  readonly consistent: boolean;
  /** @deprecated Use `status === "selected"`. */
  readonly listed: boolean;
  /** @deprecated Use `status === "selected"`. */
  readonly shouldBeSelected: boolean;
  /** @deprecated Use `messageZh`. */
  readonly explanationZh: string;
  /** @deprecated Use `messageEn`. */
  readonly explanationEn: string;
}

/**
 * What an enterprise may state about itself to {@link verifyTicket}: its id and class as written on its papers, and
 * optionally its registration facts, which the record's eligibility rules are applied to.
 *
 * @category Draw
 */
export interface TicketQuery {
  /** 统一社会信用代码 or other id, as written (trimmed here). */
  readonly unitId: string;
  /** 信用风险分类 as written: `B`, `b`, `B类`, `Ｂ类`, `信用风险一般`. */
  readonly riskClass: string;
  /** 成立日期: `YYYY-MM-DD` or another spelling of docs/spec-v1.md §11, or an Excel serial day (text or a whole number). */
  readonly registrationDate?: string | number;
  /** 登记状态, e.g. `operating`. */
  readonly status?: string;
  /** 行政区划代码, six digits, read as table import reads codes (spaces removed, full-width digits folded). */
  readonly divisionCode?: string | number;
}

/** Each ineligibility reason in a clerk's words: [中文, English]. */
const RULE_NAMES: Record<IneligibleReason, readonly [string, string]> = {
  excluded: ["被点名排除", "excluded by name"],
  "registered-after-cutoff": ["登记日期晚于截止日", "registered after the cut-off date"],
  "registration-date-unknown": ["登记日期不明", "registration date unknown"],
  "status-not-allowed": ["登记状态不在抽取范围内", "registration status outside the drawn statuses"],
  "status-unknown": ["登记状态不明", "registration status unknown"],
  "outside-districts": ["不在抽取的行政区划内", "outside the drawn districts"],
};

function rulesText(e: Eligibility): [string, string] {
  const zh: string[] = [];
  const en: string[] = [];
  if (e.registeredOnOrBefore !== undefined) {
    zh.push(`${e.registeredOnOrBefore}（含）前登记`);
    en.push(`registered on or before ${e.registeredOnOrBefore}`);
  }
  if (e.statuses !== undefined) {
    zh.push(`登记状态为 ${e.statuses.join("、")}`);
    en.push(`status ${e.statuses.join(" or ")}`);
  }
  if (e.divisionCodes !== undefined) {
    zh.push(`行政区划为 ${e.divisionCodes.join("、")}`);
    en.push(`district ${e.divisionCodes.join(" or ")}`);
  }
  return [zh.join("，"), en.join(", ")];
}

/**
 * One enterprise checks itself from the published record alone, without the pool (docs/spec-v1.md §11). The id is
 * trimmed and NFC-normalised and the class normalised as table import does; the record is first checked against
 * itself (digest, every listed ticket, quotas re-derived from its policy and sizes). The answer is one of:
 * **selected**; **not selected** (its ticket is above the class threshold, or the class quota is 0); **not in the
 * drawing stratum** (excluded by name, or ineligible under the record's cut-off, statuses or districts applied to the
 * facts given — or, with a ticket at or below the threshold, the record shows it was not among the class's eligible
 * units); **inconsistent** (the record contradicts itself, or lists a unit its own rules exclude, or — with
 * `announced` — differs from what was announced). An honest record never answers "inconsistent". An id no pool may
 * hold (an invisible or look-alike character: the pool-id rule of docs/spec-v1.md §3) is refused with the reason.
 *
 * The record alone cannot show that its per-class counts (`poolCommitment.strata` / `ineligible`, which fix every
 * quota) are the ones announced: in algorithm v1 the commitment digest does not bind them. An enterprise should pass
 * the commitment as announced before the draw (digest **and** counts) as `announced.poolCommitment`, and the seed,
 * task id and policy when it has them (docs/spec-v1.md §10, §11).
 *
 * @param rawRecord - The published draw record (a damaged record is reported in the result, not thrown).
 * @param rawUnit - The enterprise's `unitId` and `riskClass` (and optionally `registrationDate` and `status` to check
 *   eligibility).
 * @returns The status (`selected`, `not-selected`, `not-in-stratum`, or `inconsistent` for a record that contradicts
 *   itself), with the unit's ticket and the stratum's threshold.
 * @param rawAnnounced - Optional: what was announced before the draw (`{ poolCommitment }` with its digest and per-class
 *   counts, the seed, the policy, the dates); a record that differs is `inconsistent` (`not-as-announced`).
 * @throws {@link ShuangsuijiError} `invalid-input` when the query is unreadable: `unitId` empty or not canonical text,
 *   `riskClass` not recognised, or `registrationDate` / `status` not readable; or when the announced inputs are
 *   malformed.
 * @category Draw
 * @example
 * ```ts
 * import { commitPool, createSeed, drawTargets, verifyTicket } from "shuangsuiji";
 * const pool = [{ id: "U1", riskClass: "A" }, { id: "U2", riskClass: "A" }, { id: "U3", riskClass: "A" }];
 * const seed = createSeed("0123456789abcdef0123456789abcdef", { kind: "other", description: "example" });
 * const record = drawTargets({ taskId: "T", pool, seed, commitment: commitPool(pool), policy: { strata: { A: { count: 1 } } } });
 * const announced = { poolCommitment: commitPool(pool) }; // as published before the draw: digest and counts
 * const check = verifyTicket(record, { unitId: " U2 ", riskClass: "A类" }, announced);
 * console.log(check.status, check.messageZh);
 * ```
 */
export function verifyTicket(rawRecord: TargetDrawRecord, rawUnit: TicketQuery, rawAnnounced?: AnnouncedDrawInputs): TicketCheck {
  // copies (a record this library built is frozen already and passed as is): the result never freezes or shares the caller's objects
  const unit = readPlain(rawUnit, ["unit"]) as TicketQuery;
  // a record that cannot be read as plain data (a Proxy, a BigInt, absurd nesting) is a damaged record: reported below as mismatches
  let record: TargetDrawRecord;
  try {
    record = readPlain(rawRecord, ["record"], { keep: isBuilt }) as TargetDrawRecord;
  } catch {
    record = "[unreadable record]" as unknown as TargetDrawRecord;
  }
  const rawId: unknown = unit?.unitId;
  const unitId = typeof rawId === "string" ? foldUnitId(rawId) : "";
  const riskClass = normalizeRiskClass(unit?.riskClass);
  const bad = [];
  // the pool-id rule itself (docs/spec-v1.md §3, §11): an id no pool may hold (an invisible character, a look-alike
  // space or form) is refused with the reason, never answered "not selected"
  const idWhy = typeof rawId === "string" ? poolIdProblem(unitId) : "not a string";
  if (idWhy !== undefined) bad.push(unitIdIssue(["unitId"], idWhy, rawId, true));
  if (riskClass === undefined) bad.push(drawIssue("risk-class", ["riskClass"], "国市监信发〔2022〕6号 (A–D); table import", "无法识别信用风险分类（可写 B、B类、信用风险一般 等）", "credit-risk class not recognised (write B, B类, 信用风险一般 …)", unit?.riskClass));
  // The stated facts are read as table import reads them (存续 → operating, 2021年3月1日 → 2021-03-01), never compared raw.
  let registrationDate: string | undefined;
  if (unit?.registrationDate !== undefined) {
    // a spreadsheet reader gives a date cell as its serial day: a whole five-digit number is read as that text is
    // (docs/spec-v1.md §11; hostile8a F4), as the district code below
    const raw: unknown = unit.registrationDate;
    const d = typeof raw === "string" ? dateCell(raw.trim()) : typeof raw === "number" && Number.isInteger(raw) && raw >= 10000 && raw <= 99999 ? dateCell(String(raw)) : undefined;
    if (d?.ok === true) registrationDate = d.value as string;
    else bad.push(drawIssue("civil-date", ["registrationDate"], "docs/spec-v1.md §11", "无法识别登记日期（可写 2021-03-01、2021/3/1、2021年3月1日 或 Excel 日期序号 44256）", "registration date not recognised (write 2021-03-01, 2021/3/1, 2021年3月1日 or the Excel serial day 44256)", unit.registrationDate));
  }
  let status: string | undefined;
  if (unit?.status !== undefined) {
    const raw = typeof unit.status === "string" ? unit.status.trim() : "";
    const r = (OPERATING_STATUSES as readonly string[]).includes(raw) ? { ok: true as const, value: raw } : operatingStatus(raw);
    if (r.ok) status = r.value as string;
    else bad.push(drawIssue("operating-status", ["status"], "Yanshi 7.2; docs/spec-v1.md §11", "无法识别登记状态（可写 存续、注销、吊销 等）", `registration status not recognised (write 存续, 注销, 吊销 … or ${OPERATING_STATUSES.join(", ")})`, unit.status));
  }
  // the district is read as table import reads a code cell: white space removed, full-width digits folded; a number
  // is its decimal digits (docs/spec-v1.md §11)
  let divisionCode: string | undefined;
  if (unit?.divisionCode !== undefined) {
    const raw: unknown = unit.divisionCode;
    const text = typeof raw === "number" && Number.isSafeInteger(raw) && raw >= 0 ? String(raw) : typeof raw === "string" ? normalizeCode(raw).value : "";
    if (/^[0-9]{6}$/.test(text)) divisionCode = text;
    else bad.push(drawIssue("division-code", ["divisionCode"], "GB/T 2260; docs/spec-v1.md §11", "无法识别行政区划代码（应为6位数字，如 411302）", "district code not recognised (six digits, e.g. 411302)", raw));
  }
  if (bad.length > 0) throw new ShuangsuijiError("invalid-input", bad);
  const announced = readAnnounced(rawAnnounced);
  const cls = riskClass as string;
  const problems = targetRecordProblems(record);
  if (problems.length === 0 && rawAnnounced !== undefined) {
    const differs: DrawMismatch[] = [];
    announcementMismatches(record, announced, differs);
    if (differs.length > 0) {
      const ticket = ticketOrEmpty(record, unitId);
      return finish({
        unitId, riskClass: cls, exclusionReason: null, status: "inconsistent", reason: "not-as-announced", ticket, threshold: null, rank: null, quota: null, size: null, eligibility: {},
        recordProblems: differs.slice(0, 20),
        messageZh: `记录与抽取前公示的内容不符（${differs[0]?.field ?? ""} 等${differs.length}处），不能据此核对；请向发起部门反映`,
        messageEn: `the record differs from what was announced before the draw (${differs[0]?.field ?? ""} and ${differs.length - 1} more): it cannot be relied on; report it to the initiating department`,
      });
    }
  }
  const base = { unitId, riskClass: cls, recordProblems: [] as DrawMismatch[], exclusionReason: null as string | null };
  if (problems.length > 0) {
    const ticket = ticketOrEmpty(record, unitId);
    return finish({
      ...base, status: "inconsistent", reason: "record-inconsistent", ticket, threshold: null, rank: null, quota: null, size: null, eligibility: {},
      recordProblems: problems.slice(0, 20),
      messageZh: `记录自相矛盾（${problems[0]?.field ?? ""} 等${problems.length}处），无法据此核对；请向发起部门反映`,
      messageEn: `the published record contradicts itself (${problems[0]?.field ?? ""} and ${problems.length - 1} more): it cannot be relied on; report it to the initiating department`,
    });
  }
  const ticket = ticketHex(record.seed.value, record.taskId, unitId);
  const t = `${ticket.slice(0, 12)}…`;
  const eligibility = record.poolCommitment.eligibility;
  const exclusion = record.poolCommitment.exclusions.find((x) => x.unitId === unitId);
  const stratum = record.strata.find((s) => s.riskClass === cls);
  const facts = {
    threshold: stratum?.threshold ?? null, quota: stratum?.quota ?? null, size: stratum?.size ?? null, eligibility,
    exclusionReason: exclusion?.reason ?? null,
  };
  const th = facts.threshold === null ? "—" : `${facts.threshold.slice(0, 12)}…`;
  // The record's rules applied to the facts the enterprise stated (only those it stated).
  const given = { id: unitId, riskClass: cls, registrationDate, status, divisionCode };
  const stated = unit.registrationDate !== undefined || unit.status !== undefined || unit.divisionCode !== undefined;
  // Each rule is applied only to the fact it needs, when that fact was stated: what was not said is not held against it.
  const rules: Eligibility = {
    ...(unit.registrationDate !== undefined && eligibility.registeredOnOrBefore !== undefined ? { registeredOnOrBefore: eligibility.registeredOnOrBefore } : {}),
    ...(unit.status !== undefined && eligibility.statuses !== undefined ? { statuses: eligibility.statuses } : {}),
    ...(unit.divisionCode !== undefined && eligibility.divisionCodes !== undefined ? { divisionCodes: eligibility.divisionCodes } : {}),
  };
  const factReason = stated ? eligibilityOf(given, { eligibility: rules, exclusions: [] }, new Set()) : undefined;
  for (const s of record.strata) {
    const rank = s.selected.findIndex((u) => u.unitId === unitId);
    if (rank < 0) continue;
    if (factReason !== undefined) {
      return finish({
        ...base, ...facts, status: "inconsistent", reason: "listed-but-ineligible", ticket, threshold: s.threshold, rank: rank + 1,
        messageZh: `名单列有本单位，但按记录的抽取条件（${rulesText(eligibility)[0]}）本单位${RULE_NAMES[factReason][0]}，不应入选；请核对登记信息或向发起部门反映`,
        messageEn: `the list includes this enterprise, but under the record's rules (${rulesText(eligibility)[1]}) it is ${RULE_NAMES[factReason][1]} and should not be drawn; check the registration facts or report it`,
      });
    }
    const other = s.riskClass !== cls;
    return finish({
      ...base, ...facts, status: "selected", reason: other ? "listed-under-other-class" : "listed", ticket, threshold: s.threshold, rank: rank + 1, quota: s.quota, size: s.size,
      messageZh: `本单位已被抽中：${s.riskClass}类共抽取${s.quota}户，本单位抽签号 ${t} 排第${rank + 1}位${other ? `（名单按${s.riskClass}类列出，您填写的是${cls}类）` : ""}`,
      messageEn: `this enterprise was drawn: class ${s.riskClass} drew ${s.quota}, its ticket ${t} ranks ${rank + 1}${other ? ` (listed under class ${s.riskClass}; you gave ${cls})` : ""}`,
    });
  }
  const out = (status: TicketCheck["status"], reason: TicketReason, messageZh: string, messageEn: string) =>
    finish({ ...base, ...facts, status, reason, ticket, rank: null, messageZh, messageEn });
  if (exclusion !== undefined) {
    return out("not-in-stratum", "excluded", `本单位未参加本次抽取：被点名排除，理由“${exclusion.reason}”`, `this enterprise was not in the draw: excluded by name, reason "${exclusion.reason}"`);
  }
  if (factReason !== undefined) {
    const [zh, en] = rulesText(eligibility);
    return out("not-in-stratum", factReason, `本单位未参加本次抽取：抽取条件为${zh}，本单位${RULE_NAMES[factReason][0]}`, `this enterprise was not in the draw: the draw covers units ${en}, and it is ${RULE_NAMES[factReason][1]}`);
  }
  if (stratum === undefined) {
    return out("not-in-stratum", "class-not-drawn", `本次抽取没有${cls}类的抽取对象，本单位（${cls}类）不在抽取范围内`, `this draw has no class ${cls} stratum: an enterprise of class ${cls} was not in the draw`);
  }
  if (stratum.quota === 0) {
    return out("not-selected", "quota-zero", `本单位未被抽中：${cls}类本次不抽取（抽取数为0，${stratum.quotaRule}）`, `not drawn: class ${cls} draws no units this time (quota 0, ${stratum.quotaRule})`);
  }
  if (stratum.threshold !== null && ticket > stratum.threshold) {
    return out("not-selected", "ticket-above-threshold", `本单位未被抽中：抽签号 ${t} 大于${cls}类门限 ${th}（${cls}类共${stratum.size}户，抽取${stratum.quota}户，抽签号最小的入选）；结果一致`, `not drawn: ticket ${t} is above the class ${cls} threshold ${th} (${stratum.quota} of ${stratum.size} drawn, smallest tickets first); consistent`);
  }
  // Ticket at or below the threshold but not listed: in a consistent record the unit was not among the class's
  // eligible units (else it would be among the `quota` smallest tickets).
  const [zh, en] = rulesText(eligibility);
  if (zh !== "") {
    return out("not-in-stratum", "eligibility-unconfirmed", `本单位不在${cls}类抽取范围内：抽签号 ${t} 不大于门限 ${th} 但未列入名单，说明本单位不符合抽取条件（${zh}）或不在本次名录中；若您确认符合条件且在名录中，请凭本结果向发起部门申请核查`, `not in the class ${cls} draw: ticket ${t} is at or below the threshold ${th} but not listed, so the enterprise did not meet the draw's conditions (${en}) or was not in the directory; if it did and was, ask the initiating department to verify the pool`);
  }
  return out("not-in-stratum", "not-in-pool", `本单位不在${cls}类抽取范围内：抽签号 ${t} 不大于门限 ${th} 但未列入名单，说明本次名录中没有本单位（或不是${cls}类）；若您确认在名录中，请凭本结果向发起部门申请核查`, `not in the class ${cls} draw: ticket ${t} is at or below the threshold ${th} but not listed, so the directory drawn from did not hold this enterprise as class ${cls}; if it did, ask the initiating department to verify the pool`);
}

function finish(r: Omit<TicketCheck, "consistent" | "listed" | "shouldBeSelected" | "explanationZh" | "explanationEn">): TicketCheck {
  const selected = r.status === "selected";
  return deepFreeze({ ...r, consistent: r.status !== "inconsistent", listed: selected, shouldBeSelected: selected, explanationZh: r.messageZh, explanationEn: r.messageEn });
}

/** The unit's ticket for an inconsistent answer, or "" when the record's seed or task id cannot give one. */
function ticketOrEmpty(record: TargetDrawRecord, unitId: string): string {
  try {
    return ticketHex(record.seed.value, record.taskId, unitId);
  } catch {
    return "";
  }
}
