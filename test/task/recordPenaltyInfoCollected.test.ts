// Longting art. 22: 行政处罚信息应当由处罚决定机关在7个工作日内归集至协同监督平台和市公共信用信息平台 — the 归集 as a recorded
// step, late when after the deadline, rebuilt by replay; each refusal beside the lawful act.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CN_CALENDAR, LIFECYCLE_PRESETS, ShuangsuijiError, StoredTaskSchema, completeInspection, createHolidayCalendar, recordIdentityShown, computeDeadline, loadTask, overduePenaltyInfo, recordPenaltyInfoCollected, recordResult, startInspection, verifyTask,
  type TaskLifecycle,
} from "../../src/index.js";
import { recordFor, refusal, teamsTask } from "./_scenario.js";
import { publishAll } from "./_publish.js";

const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const issue = (f: () => unknown) => refusal(f).issues[0]!;
const DECIDED = "2026-04-20";
const DEADLINE = computeDeadline("penalty-info-collection", DECIDED).date;

/** Every target recorded on 2026-04-15; the first target's SCJG section found a problem, a penalty decided on it. */
function recorded(declare = true): { t: TaskLifecycle; recordId: string } {
  let t = startInspection(teamsTask("longting"), { on: "2026-04-10", actor: "组" }).task;
  const first = t.targetIds[0]!;
  for (const id of t.targetIds) {
    const negative = id === first;
    t = recordResult(t, recordFor(t, id, negative ? ["information-not-published"] : ["no-problem-found"]), { on: "2026-04-15", actor: "组", ...(negative && declare ? { penaltyDecidedOn: DECIDED } : {}) }).task;
  }
  return { t, recordId: `R-${first}` };
}
const input = (recordId: string, on: string, over: Record<string, unknown> = {}) => ({ recordId, departmentId: "SCJG", decidedOn: DECIDED, on, actor: "区市场监管局", ...over });

describe("recordPenaltyInfoCollected (Longting art. 22 归集 within 7 working days)", () => {
  it("a collection within 7 working days is on time; after them it is accepted and recorded as late", () => {
    const { t, recordId } = recorded();
    const onTime = recordPenaltyInfoCollected(t, input(recordId, DEADLINE, { decisionNumber: "宛龙市监罚〔2026〕12号" }));
    expect(onTime.event).toMatchObject({ type: "penalty-info-collected", transition: "recordPenaltyInfoCollected" });
    expect(onTime.event.payload).toMatchObject({ recordId, departmentId: "SCJG", decidedOn: DECIDED, deadline: DEADLINE, late: false, basis: ["Longting art. 22"] });
    expect(onTime.task.penaltyInfo).toEqual([{ recordId, targetId: t.targetIds[0], departmentId: "SCJG", decidedOn: DECIDED, decisionNumber: "宛龙市监罚〔2026〕12号", collectedOn: DEADLINE, deadline: DEADLINE, late: false }]);
    expect(onTime.task.state).toBe("inspecting");
    expect(overduePenaltyInfo(onTime.task, "2026-12-31")).toEqual([]);
    const late = recordPenaltyInfoCollected(t, input(recordId, "2026-06-01"));
    expect(late.event.payload.late).toBe(true);
    expect(overduePenaltyInfo(late.task, "2026-06-01")).toEqual([{ recordId, departmentId: "SCJG", decidedOn: DECIDED, deadline: DEADLINE, status: "collected-late", collectedOn: "2026-06-01" }]);
  });

  it("a penalty decided on a result but never collected is overdue once the deadline has passed", () => {
    const { t, recordId } = recorded();
    expect(overduePenaltyInfo(t, DEADLINE)).toEqual([]);
    expect(overduePenaltyInfo(t, "2026-05-30")).toEqual([{ recordId, decidedOn: DECIDED, deadline: DEADLINE, status: "not-collected" }]);
    // the same on the stored (plain) task
    expect(overduePenaltyInfo(json(t), "2026-05-30")).toHaveLength(1);
    expect(overduePenaltyInfo(recordPenaltyInfoCollected(t, input(recordId, DEADLINE)).task, "2026-05-30")).toEqual([]);
  });

  it("after publication too: the decision often follows the published result", () => {
    const { t, recordId } = recorded(false);
    const published = publishAll(completeInspection(t, { completedOn: "2026-04-16", actor: "组" }).task, { publishedOn: "2026-04-20", actor: "局" }).task;
    const c = recordPenaltyInfoCollected(published, input(recordId, "2026-06-12", { decidedOn: "2026-06-05" }));
    expect(c.task.state).toBe("published");
    expect(c.event.payload).toMatchObject({ late: false, deadline: computeDeadline("penalty-info-collection", "2026-06-05").date });
  });

  it("only the department whose section found the problem collects it, once; other records and departments are refused", () => {
    const { t, recordId } = recorded();
    // WJW's section of that record found no problem; a record with no finding cannot carry a penalty
    expect(issue(() => recordPenaltyInfoCollected(t, input(recordId, DEADLINE, { departmentId: "WJW" })))).toMatchObject({ rule: "penalty-without-finding", clause: "Longting art. 22" });
    expect(issue(() => recordPenaltyInfoCollected(t, input(`R-${t.targetIds[1]}`, DEADLINE))).rule).toBe("penalty-without-finding");
    expect(issue(() => recordPenaltyInfoCollected(t, input(recordId, DEADLINE, { departmentId: "SWJ" })))).toMatchObject({ rule: "penalty-department", path: ["departmentId"] });
    expect(issue(() => recordPenaltyInfoCollected(t, input("R-none", DEADLINE))).rule).toBe("penalty-record");
    const once = recordPenaltyInfoCollected(t, input(recordId, DEADLINE)).task;
    const e = refusal(() => recordPenaltyInfoCollected(once, input(recordId, DEADLINE)));
    expect(e.code).toBe("illegal-transition");
    expect(e.issues[0]!.rule).toBe("collected-once");
  });

  it("dates run in order: decision after the inspection, collection after the decision; the decision date recorded with the result holds", () => {
    const { t, recordId } = recorded();
    expect(refusal(() => recordPenaltyInfoCollected(t, input(recordId, DEADLINE, { decidedOn: "2026-04-14" })))).toMatchObject({ code: "dates-out-of-order" });
    expect(issue(() => recordPenaltyInfoCollected(t, input(recordId, DEADLINE, { decidedOn: "2026-04-14" }))).rule).toBe("penalty-after-inspection");
    expect(issue(() => recordPenaltyInfoCollected(t, input(recordId, "2026-04-17")))).toMatchObject({ rule: "collection-after-decision", clause: "Longting art. 22" });
    expect(issue(() => recordPenaltyInfoCollected(t, input(recordId, "2026-04-14"))).rule).toBe("chronology");
    expect(issue(() => recordPenaltyInfoCollected(t, input(recordId, DEADLINE, { decidedOn: "2026-04-21" })))).toMatchObject({ rule: "penalty-decision-date", path: ["decidedOn"] });
    expect(refusal(() => recordPenaltyInfoCollected(t, input(recordId, DEADLINE, { decidedOn: "2026-02-30" }))).code).toBe("invalid-date");
    expect(issue(() => recordPenaltyInfoCollected(t, input(recordId, DEADLINE, { decisionNumber: " " }))).rule).toBe("decision-number");
    expect(issue(() => recordPenaltyInfoCollected(t, input(recordId, DEADLINE, { actor: "" }))).rule).toBe("actor-required");
    // before any result the step has nothing to collect
    expect(refusal(() => recordPenaltyInfoCollected(teamsTask("longting"), input(recordId, DEADLINE))).code).toBe("illegal-transition");
  });

  it("the events are the source of truth: replay rebuilds penaltyInfo, and an edited entry is caught", () => {
    const { t, recordId } = recorded();
    const late = recordPenaltyInfoCollected(t, input(recordId, "2026-06-01")).task;
    const stored = json(late);
    expect(StoredTaskSchema.safeParse(stored).success).toBe(true);
    const v = verifyTask(stored);
    expect(v.ok && json(v.task)).toEqual(stored);
    expect(json(loadTask(stored))).toEqual(stored);
    const edited = json(late) as unknown as { penaltyInfo: { late: boolean }[] };
    edited.penaltyInfo[0]!.late = false;
    expect(verifyTask(edited as unknown as TaskLifecycle).ok).toBe(false);
  });

  it("property: over generated decision and collection dates, late is exactly 'after 7 working days', refusals are typed and name the clause, and replay agrees", () => {
    const { t, recordId } = recorded(false);
    const day = (n: number) => new Date(Date.UTC(2026, 3, 10 + n)).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: -3, max: 30 }), (d, lag) => {
        const decidedOn = day(d);
        const on = day(d + lag);
        let r;
        try {
          r = recordPenaltyInfoCollected(t, input(recordId, on, { decidedOn }));
        } catch (e) {
          if (!(e instanceof ShuangsuijiError)) throw e;
          // refused only for dates out of order: before the inspection (2026-04-15) or the collection before the decision
          expect(e.code).toBe("dates-out-of-order");
          // the chronology rule cites the longting preset's own record-keeping clause (art. 17), no longer Chongqing 4
          expect(e.issues[0]!.clause).toMatch(/Longting art\. 22|Longting art\. 17/);
          expect(decidedOn < "2026-04-15" || on < decidedOn || on < "2026-04-15").toBe(true);
          return;
        }
        expect(decidedOn >= "2026-04-15" && on >= decidedOn).toBe(true);
        expect(r.event.payload.late).toBe(on > computeDeadline("penalty-info-collection", decidedOn).date);
        expect(overduePenaltyInfo(r.task, on).length).toBe(r.event.payload.late ? 1 : 0);
        const v = verifyTask(json(r.task));
        expect(v.ok && json(v.task)).toEqual(json(r.task));
      }),
      { seed: 29, numRuns: 40 },
    );
  });
});

// Regulator finding G11 (case-04): the 7 working days are Longting art. 22's (「在7个工作日内归集」); Yanshi 7.5 says only
// 「要及时归集」 and Wolong, Wancheng, Chongqing set no 归集 deadline. A penalty is decided on a finding.
describe("G11 — the 归集 deadline per preset; a penalty needs a finding", () => {
  function negative(preset: "wancheng" | "wolong" | "chongqing" | "yanshi" | "longting") {
    let t = startInspection(teamsTask(preset), { on: "2026-04-10", actor: "组" }).task;
    const id = t.targetIds[0]!;
    if (preset === "wolong") t = recordIdentityShown(t, { targetId: id, inspectorIds: t.teams.find((x) => x.targetIds.includes(id))!.members.map((m) => m.inspectorId), on: "2026-04-15", actor: "组长" }).task;
    const neg = preset === "chongqing" ? "further-investigation-required" : "information-not-published";
    return recordResult(t, recordFor(t, id, [neg]), { on: "2026-04-15", actor: "组", penaltyDecidedOn: DECIDED });
  }
  it.each(["wancheng", "wolong", "chongqing", "yanshi"] as const)("%s: no fixed deadline — a collection 12 working days on is not late, cites the preset's clause, and nothing is overdue", (preset) => {
    const r = negative(preset);
    expect(r.event.payload.penaltyInfoDeadline).toBeUndefined();
    const rule = LIFECYCLE_PRESETS[preset].penaltyInfoCollection;
    expect(rule.sevenWorkingDays).toBe(false);
    expect(rule.clause).not.toMatch(/Longting/);
    expect(overduePenaltyInfo(r.task, "2026-12-01")).toEqual([]);
    const c = recordPenaltyInfoCollected(r.task, input(r.task.records[0]!.id, "2026-05-06"));
    expect(c.event.payload).toMatchObject({ late: false, basis: rule.clause });
    expect(c.event.payload.deadline).toBeUndefined();
    expect(c.task.penaltyInfo![0]).not.toHaveProperty("deadline");
    expect(overduePenaltyInfo(c.task, "2026-12-01")).toEqual([]);
    expect(verifyTask(json(c.task)).ok).toBe(true);
    expect(LIFECYCLE_PRESETS.yanshi.penaltyInfoCollection.clause).toMatch(/及时/);
  });
  it("longting: the same collection is late against 7 working days (Longting art. 22)", () => {
    const r = negative("longting");
    expect(r.event.payload.penaltyInfoDeadline).toBe(DEADLINE);
    expect(recordPenaltyInfoCollected(r.task, input(r.task.records[0]!.id, "2026-05-06")).event.payload).toMatchObject({ late: true, deadline: DEADLINE, basis: ["Longting art. 22"] });
  });
  it("a penalty on a record that found nothing is refused by recordResult (it could never be collected); on a finding it is accepted", () => {
    const t = startInspection(teamsTask("longting"), { on: "2026-04-10", actor: "组" }).task;
    const id = t.targetIds[0]!;
    expect(issue(() => recordResult(t, recordFor(t, id, ["no-problem-found"]), { on: "2026-04-15", actor: "组", penaltyDecidedOn: DECIDED }))).toMatchObject({ rule: "penalty-without-finding", clause: "Longting art. 22" });
    const ok = recordResult(t, recordFor(t, id, ["no-problem-found"]), { on: "2026-04-15", actor: "组" });
    expect(overduePenaltyInfo(ok.task, "2026-12-01")).toEqual([]);
    expect(recordResult(t, recordFor(t, id, ["information-not-published"]), { on: "2026-04-15", actor: "组", penaltyDecidedOn: DECIDED }).event.payload.penaltyInfoDeadline).toBe(DEADLINE);
  });
});

describe("G05 — the 7 working days on the official calendar", () => {
  it("a made-up calendar is refused unless opted out with a reason; the official one is accepted", () => {
    const { t, recordId } = recorded();
    const fake = createHolidayCalendar([{ year: 2026, holidays: [{ date: "2026-04-21", name: "值班" }, { date: "2026-04-22", name: "值班" }], workdays: [] }]);
    expect(issue(() => recordPenaltyInfoCollected(t, { ...input(recordId, "2026-05-06"), calendar: { calendar: fake } }))).toMatchObject({ rule: "official-calendar" });
    expect(recordPenaltyInfoCollected(t, { ...input(recordId, "2026-05-06"), calendar: { calendar: fake }, nonOfficialCalendar: { reason: "试算" } }).event.payload.deadline as string > DEADLINE).toBe(true);
    expect(recordPenaltyInfoCollected(t, { ...input(recordId, DEADLINE), calendar: { calendar: CN_CALENDAR } }).event.payload.late).toBe(false);
  });
});
