import { readArg } from "./_args.js";
import type { CalendarOptions } from "../calendar/HolidayCalendar.js";
import { CN_CALENDAR } from "../calendar/CN_CALENDAR.js";
import type { Lateness, TaskLifecycle, Transition } from "./TaskLifecycle.js";
import { advance, calendarDigest, headOf, recordById, refuse, requireState } from "./_lifecycle.js";
import { judgeLateness } from "./_lateness.js";
import { requireOfficialCalendar } from "./_officialCalendar.js";
import { presetOf, requireChronology, requireOrder, text } from "./_rules.js";

/**
 * Options of {@link publishResults}.
 *
 * @category Task
 */
export interface PublishResultsOptions {
  /** Publication date: on or after completion and the last recorded step. */
  readonly publishedOn: string;
  /** Who publishes. */
  readonly actor: string;
  /**
   * The department publishing its own results (谁检查、谁录入、谁公开, Longting art. 22; Chongqing 6.6; Wancheng art. 21).
   * Required when the task has more than one department (`publishing-department-required`); a single-department task
   * may omit it. Each department publishes once, only the records carrying its own section, each publication checked
   * against the deadline; the task is `published` when all have.
   */
  readonly departmentId?: string;
  /**
   * Records not published because the law makes them unsuitable for publication (除依法依规不适合公开的情形外, Chongqing
   * 6.6; Wancheng art. 3: 除法律法规有明确规定外), each with its reason and legal basis. They are recorded, never silently
   * dropped, and the public view counts them.
   */
  readonly withheld?: readonly { readonly recordId: string; readonly reason: string; readonly basis: string }[];
  /**
   * The calendar a provisional deadline is settled on (a completion computed with `outsideCoverage: "assume-weekdays"`):
   * pass one covering the year the deadline reaches (e.g. {@link addCalendarYears} with the State Council's notice) and
   * the deadline is recomputed on it, the publication judged against it and the task's `publicationDeadline` made final.
   * Default the bundled official calendar. Unused when the deadline is already final.
   */
  readonly calendar?: CalendarOptions;
  /** An explicit opt-out, with its reason, to settle the deadline on a calendar that differs from the official one. */
  readonly nonOfficialCalendar?: { readonly reason: string };
}


/**
 * Publishes the results of one department (谁检查、谁录入、谁公开, Longting art. 22; Chongqing 6.6; Wancheng art. 21): a
 * joint task names the publishing `departmentId` (`publishing-department-required`), and the department publishes the
 * records carrying its own section — its inspectors' results — and may withhold, at its own publication, only its own section of a
 * record (`withheld-own-results`; Wancheng art. 3 分别依法负责): the record's other sections are published by their
 * departments, and the public view leaves the record out only when every section of it is withheld. A single-department task may omit `departmentId`. From
 * full publication on they are immutable: only an approved correction changes them ({@link correctPublishedResult}).
 * Publication is dated on or after completion (`dates-out-of-order`); after the 20-working-day deadline it is allowed
 * but recorded as late, per department. A provisional deadline (completion on `outsideCoverage: "assume-weekdays"`, its
 * year not yet in the calendar) never yields `late: true` by itself: it is recomputed on the publication's `calendar`
 * (official, or opted out with `nonOfficialCalendar`) — and, once final, becomes the task's `publicationDeadline`;
 * when that calendar does not cover the year either, a publication before that year is on time and one within it is
 * `late: null`, undecided ({@link Lateness}); the event's `deadlineSettled` says how. Records may be `withheld` only where the preset's `publicationExemption` allows it
 * (`chongqing`: Chongqing 6.6 不适合公开; `wancheng`: Wancheng art. 3 除法律法规有明确规定外; a custom preset stating it);
 * otherwise `withheld-no-exemption` cites the preset's own clause (Longting art. 22, Wolong 3.2, Yanshi 7.5). A section is withheld
 * only before it is public, so nothing published is withdrawn (Wancheng art. 21 公开后不得擅自更改).
 *
 * @param t - The task (a value returned by a lifecycle function, or by {@link loadTask}).
 * @param rawOptions - The publishing department, records `withheld` (with reason and legal basis), the date `on` and the
 *   `actor`.
 * @returns The new task and the audit event recorded.
 * @throws {@link ShuangsuijiError} `illegal-transition` when the task is not in a state that allows publication, the
 *   department has already published its results, or records are withheld under a preset with no exemption.
 * @throws {@link ShuangsuijiError} `invalid-input` when `t` is not a live task, a joint task's publication names no
 *   department, the department is not a participant, or a withheld record is unknown, repeated, has no reason or carries
 *   no section of the publishing department, or a provisional deadline is settled on a calendar that differs from the
 *   official one without `nonOfficialCalendar` (`official-calendar`).
 * @throws {@link ShuangsuijiError} `invalid-date` when `on` is not a real `YYYY-MM-DD` date.
 * @throws {@link ShuangsuijiError} `dates-out-of-order` when `on` is before the task's previous event.
 * @category Task
 * @example
 * ```ts
 * import { publishResults, type TaskLifecycle } from "shuangsuiji";
 * declare const recorded: TaskLifecycle;
 * // a joint task: each department publishes its own results (谁检查、谁录入、谁公开, Longting art. 22); under the
 * // chongqing preset a department may withhold its own section of a record, with its basis (Chongqing 6.6)
 * const { task, event } = publishResults(recorded, { publishedOn: "2026-10-28", actor: "区市场监管局", departmentId: "SCJG", withheld: [{ recordId: "R-7", reason: "涉及国家秘密", basis: "保守国家秘密法 art. 2" }] });
 * event.payload.late; // false
 * publishResults(task, { publishedOn: "2026-10-29", actor: "卫健委", departmentId: "WJW" }).task.state; // "published"
 * ```
 */
export function publishResults(t: TaskLifecycle, rawOptions: PublishResultsOptions): Transition {
  const options = readArg(t, rawOptions, []);
  requireState(t, ["results-recorded"], "publish the results", "Wolong 3.2; Wancheng art. 21");
  const o = (options !== null && typeof options === "object" ? options : {}) as Partial<PublishResultsOptions>;
  const on = requireChronology(t, o.publishedOn, "publish the results", ["publishedOn"]);
  requireOrder(t.completedOn, on, "publication-after-completion", "Wolong 3.2; Longting art. 22", `公示日期（${on}）早于检查结束日期（${t.completedOn}）`, `publication (${on}) is dated before completion (${t.completedOn})`, ["publishedOn"]);
  const all = [t.task.initiatingDepartmentId, ...t.task.cooperatingDepartmentIds];
  const done = t.departmentPublications ?? {};
  // 谁检查、谁录入、谁公开 (Longting art. 22; Chongqing 6.6; Wancheng art. 21 谁检查、谁录入、谁负责): on a joint task each
  // department publishes its own results, so the publication names its department; one actor cannot publish for all
  if (o.departmentId === undefined && all.length > 1) refuse("invalid-input", "publishing-department-required", "Longting art. 22; Chongqing 6.6; Wancheng art. 21", `联合抽查由各部门按照“谁检查、谁录入、谁公开”分别公示本部门的检查结果，须指明公示部门（${all.join("、")}）`, `a joint task is published by each department for its own results (谁检查、谁录入、谁公开): name the publishing department (departmentId: one of ${all.join(", ")})`, ["departmentId"]);
  let departments: string[];
  if (o.departmentId !== undefined) {
    if (typeof o.departmentId !== "string" || !all.includes(o.departmentId)) refuse("invalid-input", "publishing-department", "Longting art. 22", "该部门不是本任务的参与部门", "the department does not take part in this task", ["departmentId"], o.departmentId);
    if (Object.hasOwn(done, o.departmentId)) refuse("illegal-transition", "published-once", "Longting art. 22; Wancheng art. 21", "该部门已公示其检查结果", "this department has already published its results", ["departmentId"], o.departmentId);
    departments = [o.departmentId];
  } else {
    departments = all.filter((d) => !Object.hasOwn(done, d));
  }
  const withheld = [...(t.withheld ?? [])];
  if (o.withheld !== undefined && !(Array.isArray(o.withheld) && o.withheld.length === 0)) {
    // the exemption is the preset's data with its clause (Chongqing 6.6 除依法依规不适合公开的情形外; Wancheng art. 3 除法律
    // 法规有明确规定外); Longting art. 22, Wolong 3.2 and Yanshi 7.5 publish every result, and so does a custom preset
    // that states no exemption — whatever its name
    const exemption = presetOf(t).publicationExemption;
    if (exemption?.allowed !== true) refuse("illegal-transition", "withheld-no-exemption", exemption?.clause ?? `${presetOf(t).source} (no 不适合公开 exemption stated: publicationExemption)`, "本任务适用的规定没有“不适合公开”的例外，检查结果应全部公示", "the task's preset has no exemption from publication (publicationExemption): every result is published", ["withheld"]);
  }
  if (o.withheld !== undefined) {
    if (!Array.isArray(o.withheld) || o.withheld.length > t.records.length) refuse("invalid-input", "withheld", "Chongqing 6.6", "不公开的记录列表无效", "the withheld list is invalid", ["withheld"]);
    // one entry per record and department: a department withholds its own section of a record (谁检查、谁公开), so
    // another department may withhold its section of the same record at its own publication
    const key = (recordId: string, departmentId: string | undefined) => `${recordId}\u0000${departmentId ?? ""}`;
    const seen = new Set(withheld.flatMap((w) => (w.departmentId === undefined ? all.map((d) => key(w.recordId, d)) : [key(w.recordId, w.departmentId)])));
    o.withheld.forEach((w, k) => {
      const x = (w !== null && typeof w === "object" ? w : {}) as Partial<{ recordId: string; reason: string; basis: string }>;
      const recordId = text(x.recordId, ["withheld", k, "recordId"]);
      if (recordById(t, recordId) === undefined || seen.has(key(recordId, departments[0]))) refuse("invalid-input", "withheld-record", "Chongqing 6.6", "不公开的记录不存在或重复", "a withheld record does not exist or is listed twice", ["withheld", k, "recordId"], x.recordId);
      if (text(x.reason, ["withheld", k, "reason"]) === "" || text(x.basis, ["withheld", k, "basis"]) === "") refuse("invalid-input", "withheld-reason", "Chongqing 6.6", "不适合公开的，须说明理由和法律依据", "a record withheld from publication needs its reason and legal basis", ["withheld", k]);
      // a department withholds only its own results (谁检查、谁录入、谁公开, Chongqing 6.6; Wancheng art. 3 参加联合检查的
      // 部门对…公示结果应分别依法负责): its own section of a record, at its own publication, so its section was never
      // public and nothing another department published is withdrawn (Wancheng art. 21 公开后不得擅自更改). The
      // record's other sections are published by their departments; the record is left out only when every section
      // carrying it is withheld (publicView)
      if (!(recordById(t, recordId)?.departments ?? []).some((d) => departments.includes(d.departmentId))) refuse("invalid-input", "withheld-own-results", "Longting art. 22; Chongqing 6.6", `该记录没有公示部门（${departments.join("、")}）的检查结果，只能由产生该结果的部门决定不予公开`, `the record carries no results of the publishing department (${departments.join(", ")}): only a department that produced it may withhold it`, ["withheld", k, "recordId"], recordId);
      seen.add(key(recordId, departments[0]));
      withheld.push({ recordId, reason: text(x.reason, ["withheld", k, "reason"]), basis: text(x.basis, ["withheld", k, "basis"]), departmentId: departments[0] as string });
    });
  }
  // a provisional deadline (its year not in the completion's calendar) is never the ground of a `late` verdict: it is
  // settled on this publication's calendar, or the lateness is undecided, null (Longting art. 22; Wolong 3.2; Chongqing 6.6)
  const stored = t.publicationDeadline;
  let deadline = stored?.date as string;
  let late: Lateness = on > deadline;
  let settled: Record<string, unknown> | undefined;
  let publicationDeadline = stored;
  if (stored?.provisional === true) {
    const judged = judgeLateness("results-publication", stored.from, on, o.calendar);
    const check = requireOfficialCalendar(o.calendar, o.nonOfficialCalendar, ["calendar", "calendar"], { from: stored.from, to: judged.deadline.date > on ? judged.deadline.date : on });
    deadline = judged.deadline.date;
    late = judged.late;
    const cal = o.calendar?.calendar ?? CN_CALENDAR;
    settled = { provisionalDeadline: stored.date, provisional: judged.deadline.provisional, calendar: { digest: calendarDigest(cal), official: check.official, ...(check.nonOfficialReason === undefined ? {} : { nonOfficialReason: check.nonOfficialReason }) } };
    if (!judged.deadline.provisional) publicationDeadline = judged.deadline;
  }
  const departmentPublications = { ...done, ...Object.fromEntries(departments.map((d) => [d, { publishedOn: on, late }])) };
  const complete = all.every((d) => Object.hasOwn(departmentPublications, d));
  return advance(
    t,
    { ...(complete ? { state: "published" as const, publishedOn: on } : {}), departmentPublications, ...(withheld.length === 0 ? {} : { withheld }), ...(publicationDeadline === stored ? {} : { publicationDeadline }) },
    {
      type: complete ? "results-published" : "department-results-published", on, actor: text(o.actor, ["actor"]),
      payload: { deadline, late, ...(settled === undefined ? {} : { deadlineSettled: settled }), departments, complete, records: ownRecords(t, departments), ...(o.withheld === undefined ? {} : { withheld: withheld.slice((t.withheld ?? []).length).map(({ recordId, reason, basis }) => ({ recordId, reason, basis })) }), head: headOf(t) },
      transition: "publishResults", input: [options],
    },
  );
}

/** The records carrying a section of one of the departments: what they publish (谁检查、谁录入、谁公开, Longting art. 22). */
function ownRecords(t: TaskLifecycle, departments: readonly string[]): string[] {
  const out: string[] = [];
  for (const r of t.records) if (r.departments.some((d) => departments.includes(d.departmentId))) out.push(r.id);
  return out;
}
