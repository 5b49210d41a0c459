import { describe, expect, it } from "vitest";
import { GSXT_RESULT_CODES, LIFECYCLE_PRESETS, OUTCOMES, recordResult, startInspection, type OutcomeId } from "../../src/index.js";
import { recordFor, refusal, teamsTask } from "./_scenario.js";

// Regulator finding F09 remainder (case-06): Longting lists no outcomes. Art. 22 publishes the results 「通过国家企业信用信息
// 公示系统或相关平台网站」, so the preset's documented set is the GSXT result dictionary (Yanshi 7.5 likewise: 「通过公示系统
// 进行公示」). 迁出 is code 12 of GSXT's joint-check list: accepted; wording found only in another local document is not.

describe("Longting art. 22 / Yanshi 7.5: outcomes of the GSXT result dictionary", () => {
  it.each(["longting", "yanshi"] as const)("%s: 迁出 and 注销 are recorded; Chongqing's 当场改正 and Wolong's 已责令整改 are refused with the preset's clause", (preset) => {
    const t = startInspection(teamsTask(preset), { on: "2026-04-10", actor: "组" }).task;
    const id = t.targetIds[0]!;
    for (const ok of ["moved-out", "deregistered", "no-problem-found", "corrected-after-order", "violates-food-drug-rules"] as const) {
      expect(recordResult(t, recordFor(t, id, [ok]), { on: "2026-04-15", actor: "组" }).task.records, ok).toHaveLength(1);
    }
    const clause = LIFECYCLE_PRESETS[preset].outcomes.clause;
    for (const bad of ["corrected-on-site", "further-investigation-required", "administrative-decision-to-publish", "ordered-to-rectify", "compliant", "non-compliant", "pending-follow-up", "other", "ordered-to-correct"] as const) {
      expect(refusal(() => recordResult(t, recordFor(t, id, [bad]), { on: "2026-04-15", actor: "组" })).issues[0], bad).toMatchObject({ rule: "outcome-not-in-preset", clause });
    }
  });
  it("G13 (case-08): the list is exactly the GSXT joint-check dictionary (regulations.md §3), no Nanyang wording", () => {
    for (const preset of ["longting", "yanshi"] as const) {
      const l = [...LIFECYCLE_PRESETS[preset].outcomes.allowed as readonly OutcomeId[]].sort();
      expect(l, preset).toEqual([...Object.values(GSXT_RESULT_CODES)].sort());
      expect(Object.keys(GSXT_RESULT_CODES).sort()).toEqual(["1", "10", "11", "12", "3", "4", "5", "6", "7", "8", "9", "B", "C", "D", "E", "F", "G"]);
      for (const o of l) expect(OUTCOMES[o].sources.some((s) => /GSXT|Chongqing 6\.6|Wolong Annex B|Wancheng art\. 21/.test(s)), o).toBe(true);
    }
    const t = startInspection(teamsTask("longting"), { on: "2026-04-10", actor: "检查组" }).task;
    expect(refusal(() => recordResult(t, recordFor(t, t.targetIds[0]!, ["compliant"]), { on: "2026-04-15", actor: "检查组" })).issues[0]).toMatchObject({ rule: "outcome-not-in-preset", clause: LIFECYCLE_PRESETS.longting.outcomes.clause });
  });
  it("every outcome on the list is known, and the GSXT status outcomes (注销, 吊销, 撤销, 迁出, 关闭停业) are all on it", () => {
    const l = LIFECYCLE_PRESETS.longting.outcomes.allowed as readonly OutcomeId[];
    for (const o of l) expect(Object.hasOwn(OUTCOMES, o), o).toBe(true);
    const status = (Object.keys(OUTCOMES) as OutcomeId[]).filter((o) => OUTCOMES[o].group === "status");
    expect(l).toEqual(expect.arrayContaining(status));
    expect(new Set(l).size).toBe(l.length);
  });
});
