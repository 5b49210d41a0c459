import { describe, expect, it } from "vitest";
import { CHONGQING_OUTCOMES, LIFECYCLE_PRESETS, WANCHENG_OUTCOMES, WOLONG_FORM_CODES, LifecyclePresetSchema, OUTCOMES, ShuangsuijiError, startTask } from "../../src/index.js";

// The preset data the regulator's findings asked for (F05, F09–F11, F17, F20–F22): each value cited, each document's own
// clause. The transitions that must read these fields are listed in the fields' JSDoc and the clause matrix.
const ids = ["longting", "chongqing", "wancheng", "wolong", "yanshi"] as const;

describe("every built-in preset is valid and carries each new field with its own document's clause", () => {
  it("validates against LifecyclePresetSchema; a custom preset without the new fields is still valid", () => {
    for (const id of ids) expect(() => LifecyclePresetSchema.parse(LIFECYCLE_PRESETS[id]), id).not.toThrow();
    const { selectedListPublication: _a, outcomes: _b, advanceNoticeExemptions: _c, enforcementCertificate: _d, generalItemRatioCap: _e, ...old } = LIFECYCLE_PRESETS.longting;
    expect(() => LifecyclePresetSchema.parse({ ...old, source: "某县细则" })).not.toThrow();
    expect(() => LifecyclePresetSchema.parse({ ...old, targetRatio: { min: 0.5, max: 0.1, clause: "x" } })).toThrow();
  });
  it("F17: no Nanyang preset (wolong, wancheng) cites the Kaifeng Longting measures; each field cites the preset's own document", () => {
    const own = { longting: /^(Longting|行政处罚法)/, chongqing: /^(Chongqing|行政处罚法)/, wancheng: /^(Wancheng|行政处罚法)/, wolong: /^(Wolong|行政处罚法)/, yanshi: /^(Yanshi|行政处罚法)/ } as const;
    for (const id of ids) {
      for (const [field, v] of Object.entries(LIFECYCLE_PRESETS[id])) {
        if (v === null || typeof v !== "object" || !("clause" in v)) continue;
        expect((v as { clause: string }).clause, `${id}.${field}`).toMatch(own[id]);
      }
    }
    expect(JSON.stringify(LIFECYCLE_PRESETS.wolong)).not.toMatch(/Longting/);
    expect(JSON.stringify(LIFECYCLE_PRESETS.wancheng)).not.toMatch(/Longting/);
  });
});

describe("per-document outcome lists (Wolong Annex B 1–9; Chongqing 6.6; Wancheng art. 21)", () => {
  it("wolong's list is exactly the form's codes 1–9; 注销 and 发现问题已当场改正 are not on it, 合格 is", () => {
    const w = LIFECYCLE_PRESETS.wolong.outcomes.allowed as readonly string[];
    expect([...w].sort()).toEqual([...Object.values(WOLONG_FORM_CODES)].sort());
    expect(w).not.toContain("deregistered");
    expect(w).not.toContain("corrected-on-site");
    expect(w).toContain("compliant");
  });
  it("chongqing's list is the ten of 6.6: 合格/不合格 are not on it, 发现问题已当场改正 is", () => {
    const c = LIFECYCLE_PRESETS.chongqing.outcomes.allowed as readonly string[];
    expect(c).toEqual(CHONGQING_OUTCOMES);
    expect(c).not.toContain("compliant");
    expect(c).not.toContain("non-compliant");
    expect(c).toContain("corrected-on-site");
    for (const o of c) expect(OUTCOMES[o as keyof typeof OUTCOMES].sources.some((x) => x.startsWith("Chongqing 6.6")), o).toBe(true);
  });
  it("wancheng's list is art. 21's: 公示信息隐瞒真实情况弄虚作假 is not on it, 其他情况 is", () => {
    const c = LIFECYCLE_PRESETS.wancheng.outcomes.allowed as readonly string[];
    expect(c).toEqual(WANCHENG_OUTCOMES);
    expect(c).not.toContain("falsified-public-information");
    expect(c).toContain("other");
    for (const o of c) expect(OUTCOMES[o as keyof typeof OUTCOMES].sources.some((x) => x.startsWith("Wancheng art. 21")), o).toBe(true);
  });
  it("documents with no list of their own (longting, yanshi) publish on GSXT and take its dictionary: 迁出 is on it, Chongqing-only wording is not", () => {
    for (const id of ["longting", "yanshi"] as const) {
      const l = LIFECYCLE_PRESETS[id].outcomes.allowed as readonly string[];
      expect(l, id).not.toBe("any");
      expect(l, id).toEqual(expect.arrayContaining(["no-problem-found", "moved-out", "deregistered", "unreachable-at-registered-address", "violates-food-drug-rules", "corrected-after-order"]));
      for (const o of ["compliant", "non-compliant", "pending-follow-up", "other", "ordered-to-correct", "corrected-on-site", "further-rectification-required", "further-investigation-required", "administrative-decision-to-publish", "ordered-to-rectify"]) expect(l, `${id} ${o}`).not.toContain(o);
      expect(LIFECYCLE_PRESETS[id].outcomes.clause, id).toMatch(/公示系统/);
    }
  });
});

describe("advance-notice exemptions per document (F10, F20)", () => {
  it("only chongqing exempts the four categories of 6.5 and honours the item flag; longting only a surprise on a lead; wolong none", () => {
    expect(LIFECYCLE_PRESETS.chongqing.advanceNoticeExemptions).toMatchObject({ itemFlag: true, categories: ["food-production-and-sale", "catering", "edible-farm-produce-market", "work-safety"], clause: expect.stringMatching(/^Chongqing 6\.5/) });
    expect(LIFECYCLE_PRESETS.longting.advanceNoticeExemptions).toMatchObject({ itemFlag: false, categories: [], surpriseOnLead: true, clause: expect.stringMatching(/^Longting art\. 21/) });
    expect(LIFECYCLE_PRESETS.wolong.advanceNoticeExemptions).toMatchObject({ itemFlag: false, categories: [], surpriseOnLead: false, clause: expect.stringMatching(/^Wolong 2\.3/) });
  });
});

describe("执法证号 (F11, F22)", () => {
  it("wolong requires it on the form (Annex B) and for substitutes; chongqing for substitutes (6.5); longting neither", () => {
    expect(LIFECYCLE_PRESETS.wolong.enforcementCertificate).toMatchObject({ onForm: true, substitute: true, clause: expect.stringMatching(/^Wolong Annex B/) });
    expect(LIFECYCLE_PRESETS.chongqing.enforcementCertificate).toMatchObject({ onForm: false, substitute: true, clause: expect.stringMatching(/^Chongqing 6\.5/) });
    expect(LIFECYCLE_PRESETS.longting.enforcementCertificate).toMatchObject({ onForm: false, substitute: false });
  });
});

describe("earliest publication of the selected list (F05, Yanshi 8.3)", () => {
  it("yanshi: not before every drawn target is inspected; the others: with the results — never at the draw", () => {
    expect(LIFECYCLE_PRESETS.yanshi.selectedListPublication).toEqual({ earliest: "inspections-complete", clause: expect.stringMatching(/^Yanshi 8\.3/) });
    for (const id of ["longting", "chongqing", "wancheng", "wolong"] as const) expect(LIFECYCLE_PRESETS[id].selectedListPublication.earliest, id).toBe("results-published");
  });
});

describe("the yanshi preset (F21)", () => {
  it("startTask accepts preset yanshi, which an unknown preset name is not", () => {
    const task = { id: "Y-1", planId: "P", planRowSeq: 1, name: "偃师抽查", initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: [], scope: { description: "全区" }, ratio: 0.05, window: { start: "2026-04-01", end: "2026-06-30" }, itemIds: ["SCJG-01"] };
    expect(startTask(task, { preset: "yanshi", on: "2026-03-30", actor: "信用监管科" }).task.preset).toBe("yanshi");
    expect(() => startTask(task, { preset: "yanshi2" as never, on: "2026-03-30", actor: "信用监管科" })).toThrowError(ShuangsuijiError);
  });
});
