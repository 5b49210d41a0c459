import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  LIFECYCLE_PRESETS, commitPool, completeInspection, createSeed, drawInspectors, drawTargets, lockTargets, publicView, publishResults,
  publishableDrawRecord, recordIdentityShown, recordInspectorDraw, recordResult, recordTargetDraw, startInspection, startTask, verifyTargetDraw, verifyTicket,
  type LifecyclePreset, type LifecyclePresetId, type TaskLifecycle,
} from "../../src/index.js";
import { ITEMS, ON, POOL, TASK, recordFor, refusal, stage2Input, withNotice } from "./_scenario.js";

// Yanshi 8.3 「实施检查前…不得对外泄露抽取的待检查对象和执法检查人员名单」 (regulator finding F05, case-12): the documented way
// to obtain the draw records to publish (ticket self-check, draw audit) refuses until the preset's embargo has ended.

type Preset = LifecyclePresetId | LifecyclePreset;
function teams(preset: Preset): TaskLifecycle {
  let t = startTask(TASK, { preset, items: ITEMS, on: "2026-03-30", actor: "信用监管科" }).task;
  const record = drawTargets({ taskId: TASK.id, pool: POOL, commitment: commitPool(POOL), policy: { strata: { A: { ratio: 0.5 } } }, seed: createSeed("61".repeat(16), { kind: "other", description: "t" }) });
  t = lockTargets(recordTargetDraw(t, record, { on: ON, actor: "信用监管科" }).task, { on: ON, actor: "信用监管科" }).task;
  const drawInput = stage2Input();
  const r = drawInspectors({ locked: t.locked!, ...drawInput });
  if (!r.ok) throw new Error(r.messageEn);
  return withNotice(recordInspectorDraw(t, r.record, { on: "2026-04-02", actor: "各参与部门", drawInput }).task);
}
/** Inspects the first `n` targets (all by default), the last one on 2026-04-20. */
function inspect(t0: TaskLifecycle, n = t0.targetIds.length): TaskLifecycle {
  let t = startInspection(t0, { on: "2026-04-10", actor: "组" }).task;
  t.targetIds.slice(0, n).forEach((id, k) => {
    const day = k === t0.targetIds.length - 1 ? "2026-04-20" : "2026-04-15";
    if (t.preset === "wolong") t = recordIdentityShown(t, { targetId: id, inspectorIds: t.teams.find((x) => x.targetIds.includes(id))!.members.map((m) => m.inspectorId), on: day, actor: "组" }).task;
    const r = recordFor(t, id);
    t = recordResult(t, { ...r, inspectedOn: day, targetConfirmation: { kind: "signed", signedOn: day }, inspectorSignatures: r.inspectorSignatures.map((s) => ({ ...s, signedOn: day })) }, { on: day, actor: "组" }).task;
  });
  return t;
}
function publish(t0: TaskLifecycle): TaskLifecycle {
  const done = completeInspection(t0, { completedOn: "2026-04-20", actor: "局" }).task;
  const one = publishResults(done, { publishedOn: "2026-05-06", actor: "市场监管局", departmentId: "SCJG" }).task;
  return publishResults(one, { publishedOn: "2026-05-08", actor: "卫健委", departmentId: "WJW" }).task;
}

describe("Yanshi 8.3 under yanshi: the draw records are released only once every drawn target has been inspected", () => {
  const locked = teams("yanshi");
  it("case-12: at the lock the record is refused (drawn-list-confidential, Yanshi 8.3) while publicView is sealed", () => {
    expect(publicView(locked).sealed).toBe(true);
    expect(refusal(() => publishableDrawRecord(locked, { on: "2026-04-01" }))).toMatchObject({ code: "drawn-list-confidential", rule: "selected-list-embargo", clause: expect.stringMatching(/^Yanshi 8\.3/) });
  });
  it("while one target is uninspected it is refused; publicView shows no drawn target either", () => {
    const partly = inspect(locked, locked.targetIds.length - 1);
    expect(refusal(() => publishableDrawRecord(partly, { on: "2026-04-30" })).code).toBe("drawn-list-confidential");
    const view = JSON.stringify(publicView(partly));
    for (const id of partly.targetIds) expect(view).not.toContain(id);
  });
  it("every target inspected: released before the results are published, not dated before the last inspection", () => {
    const all = inspect(locked);
    expect(all.publishedOn).toBeUndefined();
    expect(refusal(() => publishableDrawRecord(all, { on: "2026-04-19" }))).toMatchObject({ code: "drawn-list-confidential", path: ["on"] });
    const out = publishableDrawRecord(all, { on: "2026-04-20" });
    expect(out).toMatchObject({ taskId: TASK.id, earliest: "inspections-complete", clause: expect.stringMatching(/^Yanshi 8\.3/) });
    expect(out.targetDraw.digest).toBe(all.locked!.record.digest);
    expect(out.inspectorDraw?.digest).toBe(all.inspectorDraw!.digest);
    // the published material serves the self-check and the audit
    expect(verifyTicket(out.targetDraw, { unitId: all.targetIds[0]!, riskClass: "A" }).status).toBe("selected");
    expect(verifyTargetDraw(out.targetDraw, POOL).ok).toBe(true);
    expect(Object.isFrozen(out)).toBe(true);
  });
});

describe("the other presets publish the drawn lists with the results", () => {
  it.each(["chongqing", "longting", "wancheng", "wolong"] as const)("%s: refused after the inspections until the results are published, then released", (preset) => {
    const all = inspect(teams(preset));
    const clause = LIFECYCLE_PRESETS[preset].selectedListPublication.clause;
    expect(refusal(() => publishableDrawRecord(all, { on: "2026-04-30" }))).toMatchObject({ code: "drawn-list-confidential", clause });
    const done = completeInspection(all, { completedOn: "2026-04-20", actor: "局" }).task;
    const half = publishResults(done, { publishedOn: "2026-05-06", actor: "市场监管局", departmentId: "SCJG" }).task;
    expect(refusal(() => publishableDrawRecord(half, { on: "2026-05-06" })).code).toBe("drawn-list-confidential");
    const published = publish(all);
    expect(refusal(() => publishableDrawRecord(published, { on: "2026-05-07" })).path).toEqual(["on"]);
    expect(publishableDrawRecord(published, { on: "2026-05-08" })).toMatchObject({ earliest: "results-published", clause });
  });
});

describe("property: at every step of a lifecycle the records are released exactly when the preset's embargo has ended", () => {
  it.each(["yanshi", "chongqing"] as const)("%s", (preset) => {
    const locked = teams(preset);
    const n = locked.targetIds.length;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: n }), fc.boolean(), (inspected, publishToo) => {
        let t = inspected === 0 ? locked : inspect(locked, inspected);
        if (publishToo && inspected === n) t = publish(t);
        const ended = preset === "yanshi" ? inspected === n : t.publishedOn !== undefined;
        let released = true;
        try {
          publishableDrawRecord(t, { on: "2026-06-30" });
        } catch (e) {
          expect((e as { code?: string }).code).toBe("drawn-list-confidential");
          expect((e as { clause?: string }).clause).toBe(LIFECYCLE_PRESETS[preset].selectedListPublication.clause);
          released = false;
        }
        expect(released).toBe(ended);
      }),
      { numRuns: 12 },
    );
  });
});

describe("custom presets: the embargo is read from selectedListPublication", () => {
  const { selectedListPublication: _s, ...withoutRule } = LIFECYCLE_PRESETS.chongqing;
  const earlyRelease: LifecyclePreset = { ...withoutRule, source: "某县细则", selectedListPublication: { earliest: "inspections-complete", clause: "某县细则 第9条（实施检查前不得泄露名单）" } };
  it("a custom preset with inspections-complete releases after the inspections; one without the field waits for the results", () => {
    const early = inspect(teams(earlyRelease));
    expect(publishableDrawRecord(early, { on: "2026-04-21" }).clause).toBe("某县细则 第9条（实施检查前不得泄露名单）");
    expect(refusal(() => publishableDrawRecord(teams(earlyRelease), { on: "2026-04-21" })).clause).toBe("某县细则 第9条（实施检查前不得泄露名单）");
    const late = inspect(teams({ ...withoutRule, source: "某县细则" }));
    expect(refusal(() => publishableDrawRecord(late, { on: "2026-04-21" })).clause).toMatch(/^某县细则/);
    expect(publishableDrawRecord(publish(late), { on: "2026-05-08" }).earliest).toBe("results-published");
  });
  it("refuses a task that is not a lifecycle, and a date that is not one", () => {
    const early = inspect(teams(earlyRelease));
    expect(refusal(() => publishableDrawRecord(early, { on: "2026-02-30" })).code).toBe("invalid-date");
    expect(refusal(() => publishableDrawRecord({ kind: "task-lifecycle", state: "published", audit: [{}] } as never, { on: "2026-05-08" })).code).toMatch(/invalid-input|audit-trail-invalid/);
    expect(refusal(() => publishableDrawRecord(null as never, { on: "2026-05-08" })).code).toBe("invalid-input");
  });
});
