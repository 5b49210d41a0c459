import { describe, expect, it } from "vitest";
import {
  LIFECYCLE_PRESETS, commitPool, createSeed, drawInspectors, drawTargets, loadTask, lockTargets, recordAdvanceNotice, recordIdentityShown, recordInspectorDraw, recordResult,
  recordTargetDraw, replayTask, startInspection, startTask, type InspectionItem, type LifecyclePresetId, type TaskLifecycle,
} from "../../src/index.js";
import { ITEMS, ON, POOL, TASK, recordFor, refusal, stage2Input, teamsTask } from "./_scenario.js";

/** The scenario with its inspectors drawn and no advance notice recorded, optionally with other items. */
function drawn(preset: LifecyclePresetId, items: InspectionItem[] = ITEMS): TaskLifecycle {
  let t = startTask(TASK, { preset, on: "2026-03-30", actor: "信用监管科", items }).task;
  const record = drawTargets({ taskId: TASK.id, pool: POOL, commitment: commitPool(POOL), policy: { strata: { A: { ratio: 0.5 } } }, seed: createSeed("61".repeat(16), { kind: "other", description: "t" }) });
  t = recordTargetDraw(t, record, { on: ON, actor: "信用监管科" }).task;
  t = lockTargets(t, { on: ON, actor: "信用监管科" }).task;
  const drawInput = stage2Input();
  const r = drawInspectors({ locked: t.locked!, ...drawInput });
  if (!r.ok) throw new Error(r.messageEn);
  return recordInspectorDraw(t, r.record, { on: "2026-04-02", actor: "各参与部门", drawInput }).task;
}

/** Starts the inspection (identity shown under wolong) and records a result for the first target, inspected on `inspectedOn`. */
function resultFor(t0: TaskLifecycle, inspectedOn = "2026-04-15"): TaskLifecycle {
  let t = startInspection(t0, { on: "2026-04-10", actor: "组" }).task;
  const id = t.targetIds[0]!;
  if (t.preset === "wolong") t = recordIdentityShown(t, { targetId: id, inspectorIds: t.teams.find((x) => x.targetIds.includes(id))!.members.map((m) => m.inspectorId), on: "2026-04-10", actor: "组" }).task;
  const rec = recordFor(t, id);
  const dated = { ...rec, inspectedOn, targetConfirmation: { kind: "signed" as const, signedOn: inspectedOn }, inspectorSignatures: rec.inspectorSignatures.map((s) => ({ ...s, signedOn: inspectedOn })) };
  return recordResult(t, dated, { on: "2026-04-16", actor: "组" }).task;
}

const first = (t: TaskLifecycle) => t.targetIds[0]!;
const given = (t: TaskLifecycle, on = "2026-04-08") => recordAdvanceNotice(t, { targetId: first(t), given: { on, means: "书面告知" }, on, actor: "检查组" }).task;

describe("advance notice is a recorded step, required before a result where the preset requires notice (Chongqing 6.5; Longting art. 21; Wolong 2.3)", () => {
  for (const preset of ["chongqing", "longting", "wolong"] as const) {
    it(`${preset}: a result without a recorded notice is refused with the preset's clause; with notice given before the inspection it is accepted`, () => {
      const e = refusal(() => resultFor(drawn(preset)));
      expect(e.code).toBe("record-form-refused");
      expect(e.rule).toBe("advance-notice");
      expect(e.clause.split(" (")[0]).toBe(LIFECYCLE_PRESETS[preset].advanceNoticeRule!.clause.split(" (")[0]);
      expect(e.issues[0]!.messageZh).toMatch(/提前告知/);
      expect(e.issues[0]!.messageEn).toMatch(/advance notice/);
      const t = resultFor(given(drawn(preset)));
      expect(t.records).toHaveLength(1);
      expect(t.advanceNotices?.[first(t)]).toEqual({ recordedOn: "2026-04-08", given: { on: "2026-04-08", means: "书面告知" } });
      expect(t.audit.find((ev) => ev.type === "advance-notice-recorded")?.payload).toMatchObject({ targetId: first(t), given: { on: "2026-04-08", means: "书面告知" } });
    });
    it(`${preset}: notice dated after the inspection is refused; on the inspection day it is accepted`, () => {
      let t = startInspection(drawn(preset), { on: "2026-04-10", actor: "组" }).task;
      if (preset === "wolong") t = recordIdentityShown(t, { targetId: first(t), inspectorIds: t.teams.find((x) => x.targetIds.includes(first(t)))!.members.map((m) => m.inspectorId), on: "2026-04-10", actor: "组" }).task;
      const late = recordAdvanceNotice(t, { targetId: first(t), given: { on: "2026-04-12", means: "电话" }, on: "2026-04-12", actor: "检查组" }).task;
      expect(refusal(() => resultFor2(late, "2026-04-11")).rule).toBe("advance-notice");
      expect(resultFor2(late, "2026-04-12").records).toHaveLength(1);
    });
  }

  it("longting: a surprise inspection on a recorded lead exempts (art. 21); notGiven without a lead is refused", () => {
    const t0 = drawn("longting");
    const e = refusal(() => recordAdvanceNotice(t0, { targetId: first(t0), notGiven: { reason: "来不及" }, on: "2026-04-08", actor: "检查组" }));
    expect([e.code, e.rule, e.clause]).toEqual(["record-form-refused", "advance-notice-exemption", expect.stringContaining("Longting art. 21")]);
    expect(refusal(() => recordAdvanceNotice(t0, { targetId: first(t0), surpriseOnLead: { lead: " ", on: "2026-04-08" }, on: "2026-04-08", actor: "检查组" })).rule).toBe("surprise-lead");
    const t = resultFor(recordAdvanceNotice(t0, { targetId: first(t0), surpriseOnLead: { lead: "12315举报 2026-0412", on: "2026-04-08" }, on: "2026-04-08", actor: "检查组" }).task);
    expect(t.records).toHaveLength(1);
    expect(JSON.stringify(t.audit)).toContain("12315举报 2026-0412");
  });

  it("wolong: notice is owed where possible (2.3 能提前告知…的): notGiven with its reason is accepted; a surprise on a lead is not an exemption there", () => {
    const t0 = drawn("wolong");
    const e = refusal(() => recordAdvanceNotice(t0, { targetId: first(t0), surpriseOnLead: { lead: "举报", on: "2026-04-08" }, on: "2026-04-08", actor: "检查组" }));
    expect([e.code, e.rule, e.clause]).toEqual(["record-form-refused", "advance-notice-exemption", expect.stringContaining("Wolong 2.3")]);
    expect(refusal(() => recordAdvanceNotice(t0, { targetId: first(t0), notGiven: { reason: "" }, on: "2026-04-08", actor: "检查组" })).rule).toBe("advance-notice-reason");
    const t = resultFor(recordAdvanceNotice(t0, { targetId: first(t0), notGiven: { reason: "检查对象联系方式失效，无法提前告知" }, on: "2026-04-08", actor: "检查组" }).task);
    expect(t.advanceNotices?.[first(t)]).toEqual({ recordedOn: "2026-04-08", notGiven: { reason: "检查对象联系方式失效，无法提前告知", ground: "not-possible" } });
  });

  it("chongqing: notGiven is accepted only where a task item is in an exempt category (6.5), or flagged noAdvanceNotice", () => {
    const plain = drawn("chongqing");
    const e = refusal(() => recordAdvanceNotice(plain, { targetId: first(plain), notGiven: { reason: "餐饮检查" }, on: "2026-04-08", actor: "检查组" }));
    expect([e.code, e.rule, e.clause]).toEqual(["record-form-refused", "advance-notice-exemption", expect.stringContaining("Chongqing 6.5")]);
    const catering = drawn("chongqing", ITEMS.map((i, k) => (k === 0 ? { ...i, advanceNoticeCategory: "catering" as const } : i)));
    const t = resultFor(recordAdvanceNotice(catering, { targetId: first(catering), notGiven: { reason: "餐饮服务检查依法不予提前告知" }, on: "2026-04-08", actor: "检查组" }).task);
    expect(t.advanceNotices?.[first(t)]).toMatchObject({ notGiven: { ground: "category" } });
    const flagged = drawn("chongqing", ITEMS.map((i, k) => (k === 0 ? { ...i, noAdvanceNotice: true } : i)));
    expect(recordAdvanceNotice(flagged, { targetId: first(flagged), notGiven: { reason: "依法依规不予提前告知" }, on: "2026-04-08", actor: "检查组" }).task.advanceNotices?.[first(flagged)]).toMatchObject({ notGiven: { ground: "item-flag" } });
  });

  for (const preset of ["wancheng", "yanshi"] as const) {
    it(`${preset}: notice is optional — a result without a step is accepted, and a step may still be recorded`, () => {
      expect(resultFor(drawn(preset)).records).toHaveLength(1);
      const t = recordAdvanceNotice(drawn(preset), { targetId: first(drawn(preset)), notGiven: { reason: "无必要" }, on: "2026-04-08", actor: "检查组" }).task;
      expect(t.advanceNotices?.[first(t)]).toMatchObject({ notGiven: { ground: "optional" } });
    });
  }

  it("refuses malformed steps: two forms, none, a second step for the target, notice dated after the step, a target without a team, the wrong state", () => {
    const t = drawn("chongqing");
    const id = first(t);
    expect(refusal(() => recordAdvanceNotice(t, { targetId: id, given: { on: "2026-04-08", means: "书面" }, notGiven: { reason: "x" }, on: "2026-04-08", actor: "组" } as never)).rule).toBe("advance-notice-form");
    expect(refusal(() => recordAdvanceNotice(t, { targetId: id, on: "2026-04-08", actor: "组" } as never)).rule).toBe("advance-notice-form");
    expect(refusal(() => recordAdvanceNotice(given(t), { targetId: id, given: { on: "2026-04-09", means: "书面" }, on: "2026-04-09", actor: "组" })).rule).toBe("advance-notice-once");
    expect(refusal(() => recordAdvanceNotice(t, { targetId: id, given: { on: "2026-04-09", means: "书面" }, on: "2026-04-08", actor: "组" })).code).toBe("dates-out-of-order");
    expect(refusal(() => recordAdvanceNotice(t, { targetId: id, given: { on: "2026-04-08", means: " " }, on: "2026-04-08", actor: "组" })).rule).toBe("advance-notice-means");
    expect(refusal(() => recordAdvanceNotice(t, { targetId: "91440300MA5FAKE00X", given: { on: "2026-04-08", means: "书面" }, on: "2026-04-08", actor: "组" })).rule).toBe("team");
    expect(refusal(() => recordAdvanceNotice(lockTargets(startTask(TASK, { preset: "chongqing", on: "2026-03-30", actor: "x", items: ITEMS }).task as never, { on: ON, actor: "x" }).task, { targetId: id, given: { on: "2026-04-08", means: "书面" }, on: "2026-04-08", actor: "组" })).code).toMatch(/illegal-transition|draw-not-locked|invalid-input/);
  });

  it("replays from the audit trail and survives a loadTask round trip (advanceNotices restored)", () => {
    const t = resultFor(given(drawn("longting")));
    const json = JSON.parse(JSON.stringify(t));
    expect(JSON.stringify(replayTask(json.audit))).toBe(JSON.stringify(t));
    const loaded = loadTask(json);
    expect(loaded.advanceNotices).toEqual(t.advanceNotices);
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(t));
    // the stored notice cannot be edited apart from its event
    const forged = { ...json, advanceNotices: { [first(t)]: { recordedOn: "2026-04-08", given: { on: "2026-04-01", means: "书面告知" } } } };
    expect(() => loadTask(forged)).toThrow();
  });

  it("the scenario helper records notice for every target where it is required", () => {
    const t = teamsTask("chongqing");
    expect(Object.keys(t.advanceNotices ?? {}).sort()).toEqual([...t.targetIds].sort());
    expect(teamsTask("wancheng").advanceNotices).toBeUndefined();
  });
});

/** As resultFor, on a task already inspecting. */
function resultFor2(t0: TaskLifecycle, inspectedOn: string): TaskLifecycle {
  let t = t0;
  const id = t.targetIds[0]!;
  const rec = recordFor(t, id);
  const dated = { ...rec, inspectedOn, targetConfirmation: { kind: "signed" as const, signedOn: inspectedOn }, inspectorSignatures: rec.inspectorSignatures.map((s) => ({ ...s, signedOn: inspectedOn })) };
  return recordResult(t, dated, { on: "2026-04-16", actor: "组" }).task;
}
