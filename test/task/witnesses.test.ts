// Wolong 2.2 「建议抽取过程由两名以上执法人员见证」: the preset's drawWitnesses, read by recordTargetDraw. Under wolong a
// recommendation (建议): a shortfall is an advisory on the draw event, the draw is recorded; a custom preset may require
// it. Each warning or refusal beside the case that passes.
import { describe, expect, it } from "vitest";
import {
  LIFECYCLE_PRESETS, commitPool, createSeed, drawTargets, recordTargetDraw, replayTask, seedFromDice, startTask,
  type LifecyclePreset, type LifecyclePresetId, type RuleIssue, type SeedRecord,
} from "../../src/index.js";
import { ITEMS, POOL, SCJG, TASK, WJW, refusal } from "./_scenario.js";

const DIGITS = "314159265358979323846264338327950288419";
const dice = (witnesses: string[]) => seedFromDice({ digits: DIGITS, witnesses, date: "2026-04-01" });
const drawWith = (seed: SeedRecord) => drawTargets({ taskId: TASK.id, pool: POOL, commitment: commitPool(POOL), policy: { strata: { A: { ratio: 0.5 } } }, seed });
const planned = (preset: LifecyclePresetId | LifecyclePreset = "wolong") => startTask(TASK, { preset, items: ITEMS, on: "2026-03-30", actor: "信用监管科" }).task;
const directory = [...SCJG, ...WJW];
const advisories = (payload: Readonly<Record<string, unknown>>) => (payload.advisories ?? []) as readonly RuleIssue[];

describe("Wolong 2.2 — the draw witnessed by two 执法人员 (drawWitnesses)", () => {
  it("wolong: a seed with no witnesses is recorded with an advisory naming the clause; two officers of the directory leave none", () => {
    const bare = recordTargetDraw(planned(), drawWith(createSeed("61".repeat(16), { kind: "other", description: "t" })), { on: "2026-04-01", actor: "信用监管科", witnessDirectory: directory });
    expect(bare.task.state).toBe("targets-drawn");
    expect(advisories(bare.event.payload)).toEqual([expect.objectContaining({ rule: "draw-witnesses", clause: expect.stringMatching(/^Wolong 2\.2/), path: ["record", "seed", "provenance", "witnesses"], value: 0 })]);
    expect(advisories(bare.event.payload)[0]!.messageZh).toMatch(/两名以上执法人员|2名以上执法人员/);
    const witnessed = recordTargetDraw(planned(), drawWith(dice(["SCJG人员1", "WJW-2"])), { on: "2026-04-01", actor: "信用监管科", witnessDirectory: directory });
    expect(witnessed.event.payload).not.toHaveProperty("advisories");
  });
  it("wolong: an expert (辅助检查人员) or someone outside the directories is not 执法人员 — an advisory on that witness", () => {
    const r = recordTargetDraw(planned(), drawWith(dice(["SCJG人员1", "专家", "路人甲"])), { on: "2026-04-01", actor: "信用监管科", witnessDirectory: directory });
    expect(r.task.state).toBe("targets-drawn");
    expect(advisories(r.event.payload).map((i) => [i.rule, i.path.at(-1), i.value])).toEqual([["draw-witness-not-inspector", 1, "专家"], ["draw-witness-not-inspector", 2, "路人甲"]]);
  });
  it("wolong: without the directories no witness can be confirmed (an advisory each, asking for witnessDirectory)", () => {
    const r = recordTargetDraw(planned(), drawWith(dice(["SCJG人员1", "WJW人员2"])), { on: "2026-04-01", actor: "信用监管科" });
    expect(advisories(r.event.payload)).toHaveLength(2);
    expect(advisories(r.event.payload)[0]!.messageEn).toMatch(/witnessDirectory/);
  });
  it("a preset without the rule (chongqing) records no advisory for an unwitnessed seed", () => {
    const r = recordTargetDraw(planned("chongqing"), drawWith(createSeed("61".repeat(16), { kind: "other", description: "t" })), { on: "2026-04-01", actor: "信用监管科" });
    expect(r.event.payload).not.toHaveProperty("advisories");
  });
  it("a custom preset that requires witnesses refuses a draw with too few, naming every problem; two officers pass", () => {
    const strict: LifecyclePreset = { ...LIFECYCLE_PRESETS.wolong, source: "某县细则", drawWitnesses: { minimum: 2, mustBeInspectors: true, required: true, clause: "Wolong 2.2 (见证 required by the county)" } };
    const e = refusal(() => recordTargetDraw(planned(strict), drawWith(dice(["SCJG人员1", "专家"])), { on: "2026-04-01", actor: "信用监管科", witnessDirectory: directory }));
    expect(e.code).toBe("invalid-input");
    expect(e.issues.map((i) => i.rule)).toEqual(["draw-witness-not-inspector"]);
    expect(refusal(() => recordTargetDraw(planned(strict), drawWith(createSeed("61".repeat(16), { kind: "other", description: "t" })), { on: "2026-04-01", actor: "信用监管科", witnessDirectory: directory })).issues[0]).toMatchObject({ rule: "draw-witnesses", value: 0 });
    expect(recordTargetDraw(planned(strict), drawWith(dice(["SCJG人员1", "WJW人员2"])), { on: "2026-04-01", actor: "信用监管科", witnessDirectory: directory }).task.state).toBe("targets-drawn");
  });
  it("a directory that is not a list is refused; the preset's field is validated", () => {
    expect(refusal(() => recordTargetDraw(planned(), drawWith(dice(["SCJG人员1", "WJW人员2"])), { on: "2026-04-01", actor: "x", witnessDirectory: "SCJG" as never }))).toMatchObject({ code: "invalid-input", issues: [expect.objectContaining({ rule: "witness-directory", clause: expect.stringMatching(/^Wolong 2\.2/) })] });
    expect(() => startTask(TASK, { preset: { ...LIFECYCLE_PRESETS.wolong, drawWitnesses: { minimum: 0, mustBeInspectors: true, required: false, clause: "x" } } as LifecyclePreset, on: "2026-03-30", actor: "x" })).toThrow();
  });
  it("the advisories are part of the recorded event: a replay re-derives them and the trail verifies", () => {
    const r = recordTargetDraw(planned(), drawWith(dice(["SCJG人员1", "专家"])), { on: "2026-04-01", actor: "信用监管科", witnessDirectory: directory });
    const again = replayTask(r.task.audit);
    expect(advisories(again.audit.at(-1)!.payload)).toEqual(advisories(r.event.payload));
  });
});
