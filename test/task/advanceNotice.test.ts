import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ADVANCE_NOTICE_CATEGORIES, InspectionItemSchema, LIFECYCLE_PRESETS, LifecyclePresetSchema, advanceNotice,
  type InspectionItem, type LifecyclePreset, type LifecyclePresetId,
} from "../../src/index.js";
import { refusal } from "./_scenario.js";

// Advance notice (提前告知) per document: Chongqing 6.5 exempts food production and sale, catering, edible farm-produce
// markets and work safety (「等…依法依规不予提前告知的情形」); Longting art. 21 only a surprise inspection on a lead; Wolong 2.3
// 「能提前告知…的，应提前告知」 (no exemption); Wancheng art. 20 「如有必要，可以…提前告知」; Yanshi has no rule.
// Regulator findings F10 (case-07) and F20 (case-08).

const PRESETS = ["chongqing", "longting", "wancheng", "wolong", "yanshi"] as const;
const DOC = { chongqing: /^Chongqing /, longting: /^Longting /, wancheng: /^Wancheng /, wolong: /^Wolong /, yanshi: /^Yanshi / } as const;
const price = { field: "价格", name: "明码标价检查", objectType: "经营者" };

describe("F10 (case-07): the Chongqing 6.5 categories are never told \"required\" under chongqing", () => {
  // the regulator's case-07 items, unflagged
  const items = [
    { field: "食品经营", name: "餐饮服务食品安全检查", objectType: "餐饮服务经营者" },
    { field: "食用农产品", name: "食用农产品集中交易市场检查", objectType: "食用农产品交易市场开办者" },
    { field: "安全生产", name: "安全生产检查", objectType: "生产经营单位" },
  ];
  it("unflagged: undetermined with a suggestion (keywords only suggest); with the category stated: exempt", () => {
    const categories = ["catering", "edible-farm-produce-market", "work-safety"] as const;
    items.forEach((item, n) => {
      const d = advanceNotice(item, { preset: "chongqing" });
      expect(d.notice, item.name).toBe("undetermined");
      expect(d.suggestion, item.name).toBeDefined();
      expect(d.basis).toBe("Chongqing 6.5");
      expect(advanceNotice({ ...item, advanceNoticeCategory: categories[n]! }, { preset: "chongqing" })).toMatchObject({ notice: "exempt", ground: "category", basis: "Chongqing 6.5" });
      // the item list has decided the other way: notify
      expect(advanceNotice({ ...item, noAdvanceNotice: false }, { preset: "chongqing" }).notice).toBe("required");
    });
  });
  it("an item outside the categories is required; 食品相关产品 is not food production or sale, 农贸市场 is a farm-produce market", () => {
    expect(advanceNotice(price, { preset: "chongqing" })).toMatchObject({ notice: "required", basis: "Chongqing 6.5" });
    expect(advanceNotice({ field: "产品质量", name: "食品相关产品生产企业检查", objectType: "食品相关产品生产者" }, { preset: "chongqing" }).notice).toBe("required");
    expect(advanceNotice({ field: "市场", name: "农贸市场检查", objectType: "市场开办者" }, { preset: "chongqing" }).notice).toBe("undetermined");
  });
  it("the item flag 依法依规不予提前告知 exempts under chongqing (「等」), and examples/data/items.json states the categories (SCJG-02, YJGL-01)", () => {
    expect(advanceNotice({ ...price, noAdvanceNotice: true }, { preset: "chongqing" })).toMatchObject({ notice: "exempt", ground: "item-flag" });
    const items: InspectionItem[] = (JSON.parse(readFileSync(new URL("../../examples/data/items.json", import.meta.url), "utf8")) as unknown[]).map((i) => InspectionItemSchema.parse(i));
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get("SCJG-02")?.advanceNoticeCategory).toBe("food-production-and-sale");
    expect(byId.get("YJGL-01")?.advanceNoticeCategory).toBe("work-safety");
    expect(advanceNotice(byId.get("SCJG-02")!, { preset: "chongqing" }).notice).toBe("exempt");
    expect(advanceNotice(byId.get("YJGL-01")!, { preset: "chongqing" }).notice).toBe("exempt");
    // every bundled item gets a definite answer under chongqing: none is left to keywords
    for (const i of items) expect(advanceNotice(i, { preset: "chongqing" }).notice, i.id).not.toBe("undetermined");
    // and under wolong the same items are announced (Wolong 2.3 has no exemption)
    expect(advanceNotice(byId.get("SCJG-02")!, { preset: "wolong" }).notice).toBe("required");
  });
});

describe("F20 (case-08): flags and categories exempt only where the preset's document allows it, citing that document", () => {
  it.each(PRESETS)("%s: a flagged item and a categorised item, side by side with the preset's own rule", (preset) => {
    const flagged = advanceNotice({ ...price, noAdvanceNotice: true }, { preset });
    const categorised = advanceNotice({ ...price, advanceNoticeCategory: "catering" }, { preset });
    const plain = advanceNotice(price, { preset });
    for (const d of [flagged, categorised, plain]) expect(d.basis, preset).toMatch(DOC[preset]);
    if (preset === "chongqing") {
      expect([flagged.notice, categorised.notice, plain.notice]).toEqual(["exempt", "exempt", "required"]);
      return;
    }
    const expected = preset === "wancheng" || preset === "yanshi" ? "optional" : "required";
    expect([flagged.notice, categorised.notice, plain.notice]).toEqual([expected, expected, expected]);
    expect(flagged.notAllowed).toEqual([expect.objectContaining({ ground: "item-flag", clause: expect.stringMatching(DOC[preset]) })]);
    expect(categorised.notAllowed).toEqual([expect.objectContaining({ ground: "category", clause: expect.stringMatching(DOC[preset]) })]);
    expect(JSON.stringify([flagged, categorised, plain])).not.toMatch(/Chongqing/);
  });
  it("Longting art. 21: a surprise inspection on a lead is exempt only with the lead recorded; elsewhere it is no ground", () => {
    expect(advanceNotice(price, { preset: "longting", surpriseOnLead: true, lead: "12315投诉 2026-0412号" })).toMatchObject({ notice: "exempt", ground: "surprise-on-lead", lead: "12315投诉 2026-0412号", basis: "Longting art. 21" });
    for (const lead of [undefined, "", "   "]) {
      expect(refusal(() => advanceNotice(price, { preset: "longting", surpriseOnLead: true, ...(lead === undefined ? {} : { lead }) }))).toMatchObject({ code: "invalid-input", rule: "surprise-lead", clause: expect.stringMatching(/^Longting art\. 21/) });
    }
    for (const preset of ["chongqing", "wolong"] as const) {
      const d = advanceNotice(price, { preset, surpriseOnLead: true, lead: "举报线索" });
      expect(d.notice, preset).toBe("required");
      expect(d.notAllowed, preset).toEqual([expect.objectContaining({ ground: "surprise-on-lead", clause: expect.stringMatching(DOC[preset]) })]);
    }
  });
  it("a custom preset is read from its data: its categories exempt, an item flag it does not allow exempts nothing; without the fields, notice is optional", () => {
    const custom: LifecyclePreset = LifecyclePresetSchema.parse({
      ...LIFECYCLE_PRESETS.wancheng, source: "某县细则",
      advanceNoticeExemptions: { itemFlag: false, categories: ["catering"], surpriseOnLead: false, clause: "某县细则 第8条" },
      advanceNoticeRule: { notice: "required", clause: "某县细则 第7条" },
    });
    expect(advanceNotice({ ...price, advanceNoticeCategory: "catering" }, { preset: custom })).toMatchObject({ notice: "exempt", basis: "某县细则 第8条" });
    expect(advanceNotice({ ...price, advanceNoticeCategory: "work-safety" }, { preset: custom })).toMatchObject({ notice: "required", basis: "某县细则 第7条" });
    expect(advanceNotice({ ...price, noAdvanceNotice: true }, { preset: custom }).notice).toBe("required");
    // keywords suggest only the categories this preset exempts
    expect(advanceNotice({ field: "食品经营", name: "餐饮服务检查", objectType: "餐馆" }, { preset: custom }).notice).toBe("undetermined");
    expect(advanceNotice({ field: "安全生产", name: "安全生产检查", objectType: "工贸企业" }, { preset: custom }).notice).toBe("required");
    const { advanceNoticeExemptions: _e, advanceNoticeRule: _r, ...bare } = custom;
    expect(advanceNotice({ ...price, noAdvanceNotice: true }, { preset: bare })).toMatchObject({ notice: "optional", basis: "某县细则" });
    expect(refusal(() => advanceNotice(price, { preset: { ...custom, advanceNoticeRule: { notice: "sometimes", clause: "x" } } as never })).code).toBe("invalid-argument");
    expect(refusal(() => advanceNotice(price, { preset: "shanghai" as never })).code).toBe("invalid-argument");
  });
  it("malformed item data is refused with the rule: an unknown category, a category marked noAdvanceNotice: false", () => {
    expect(refusal(() => advanceNotice({ ...price, advanceNoticeCategory: "bakery" as never }, { preset: "chongqing" }))).toMatchObject({ code: "invalid-input", rule: "advance-notice-category" });
    expect(refusal(() => advanceNotice({ ...price, advanceNoticeCategory: "catering", noAdvanceNotice: false }, { preset: "chongqing" }))).toMatchObject({ code: "invalid-input", rule: "advance-notice-category", clause: "Chongqing 6.5" });
    const row = { id: "X-1", field: "餐饮", name: "餐饮服务检查", objectType: "餐馆", initiatingDepartmentId: "SCJG", cooperatingDepartmentIds: [], category: "key" };
    expect(InspectionItemSchema.safeParse({ ...row, advanceNoticeCategory: "catering" }).success).toBe(true);
    expect(InspectionItemSchema.safeParse({ ...row, advanceNoticeCategory: "catering", noAdvanceNotice: false }).success).toBe(false);
  });
});

describe("properties over generated items", () => {
  const text = fc.constantFrom("食品经营", "餐饮服务", "食用农产品集中交易市场", "农贸市场", "安全生产", "价格", "食品相关产品", "特种设备", "");
  const item = fc.record({
    field: text, name: text, objectType: text,
    noAdvanceNotice: fc.option(fc.boolean(), { nil: undefined }),
    advanceNoticeCategory: fc.option(fc.constantFrom(...ADVANCE_NOTICE_CATEGORIES), { nil: undefined }),
  }).filter((i) => !(i.advanceNoticeCategory !== undefined && i.noAdvanceNotice === false));
  const opts = fc.record({ preset: fc.constantFrom(...PRESETS), surprise: fc.boolean() });
  it("an exemption always rests on a ground the preset's data allows; keywords never exempt; the basis is the preset's own document", () => {
    fc.assert(
      fc.property(item, opts, (raw, { preset, surprise }) => {
        const i = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as Pick<InspectionItem, "field" | "name" | "objectType" | "noAdvanceNotice" | "advanceNoticeCategory">;
        const d = advanceNotice(i, { preset, ...(surprise ? { surpriseOnLead: true, lead: "线索" } : {}) });
        const ex = LIFECYCLE_PRESETS[preset as LifecyclePresetId].advanceNoticeExemptions;
        expect(d.basis).toMatch(DOC[preset]);
        if (d.notice === "exempt") {
          if (d.ground === "surprise-on-lead") expect(surprise && ex.surpriseOnLead).toBe(true);
          else if (d.ground === "category") expect((ex.categories as readonly string[]).includes(i.advanceNoticeCategory!)).toBe(true);
          else expect(d.ground === "item-flag" && i.noAdvanceNotice === true && ex.itemFlag).toBe(true);
        }
        // with nothing stated on the item and no lead, keywords alone never exempt
        if (i.noAdvanceNotice === undefined && i.advanceNoticeCategory === undefined && !surprise) expect(d.notice).not.toBe("exempt");
        // undetermined only where the preset exempts some category and the item is silent
        if (d.notice === "undetermined") expect(ex.categories.length > 0 && i.noAdvanceNotice === undefined && i.advanceNoticeCategory === undefined).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
