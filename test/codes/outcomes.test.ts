import { describe, expect, it } from "vitest";
import {
  CHONGQING_OUTCOMES, OUTCOMES, OUTCOME_IDS, WANCHENG_OUTCOMES, WOLONG_FORM_CODES, consequencesOf, formCodeOf, isNegativeOutcome,
  outcomeFromFormCode, type OutcomeId,
} from "../../src/index.js";

describe("Wolong Annex B record-form codes 1–9", () => {
  // 说明(1) of Annex B, verbatim.
  const NOTE =
    "1、未发现问题 2、未按规定公示应当公示的信息 3、通过登记的住所(经营场所)无法取得联系 4、发现问题已责令整改 5、不配合检查情节严重 6、未发现本次抽查涉及的经营活动 7、发现问题待后续处理 8、合格 9、不合格";
  const labels = NOTE.split(/\s+/).map((s) => s.replace(/^\d、/, ""));
  it("has exactly the nine labels of the form, in order", () => {
    expect(Object.keys(WOLONG_FORM_CODES).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Object.values(WOLONG_FORM_CODES).map((id) => OUTCOMES[id].zh)).toEqual(labels);
  });
  it("maps both ways and refuses unknown codes", () => {
    for (const [k, v] of Object.entries(WOLONG_FORM_CODES)) {
      expect(outcomeFromFormCode(Number(k))).toBe(v);
      expect(formCodeOf(v)).toBe(Number(k));
    }
    expect(outcomeFromFormCode(0)).toBeUndefined();
    expect(outcomeFromFormCode(10)).toBeUndefined();
    expect(formCodeOf("falsified-public-information")).toBeUndefined();
  });
});

describe("extended outcome lists", () => {
  it("Wancheng art. 21 has its nine headings (合格/不合格 counted as one there) plus 其他情况", () => {
    expect(WANCHENG_OUTCOMES).toHaveLength(10);
    expect(OUTCOMES["ordered-to-correct"].zh).toBe("发现问题，依法责令立即改正或者限期改正");
  });
  it("Chongqing 6.6 has its ten outcomes", () => {
    expect(CHONGQING_OUTCOMES.map((o) => OUTCOMES[o].zh)).toEqual([
      "未发现问题", "未发现本次抽查涉及的经营活动", "未按规定公示应当公示的信息", "公示信息隐瞒真实情况弄虚作假", "通过登记的住所(经营场所)无法取得联系",
      "发现问题已当场改正", "发现问题需进一步整改", "发现问题需进一步调查处理", "不配合检查情节严重", "作出行政决定等依法应当公示的情况",
    ]);
  });
  it("every outcome has labels in both languages and at least one source", () => {
    for (const id of OUTCOME_IDS) {
      expect(OUTCOMES[id].zh.length).toBeGreaterThan(0);
      expect(OUTCOMES[id].en.length).toBeGreaterThan(0);
      expect(OUTCOMES[id].sources.length).toBeGreaterThan(0);
    }
  });
});

describe("negativity (川渝 scheme 2025; regulations.md §3)", () => {
  it.each<OutcomeId>(["information-not-published", "unreachable-at-registered-address", "ordered-to-correct", "pending-follow-up", "non-compliant", "other"])(
    "%s is negative (listed by the 川渝 scheme)",
    (id) => expect(isNegativeOutcome(id)).toBe(true),
  );
  it.each<OutcomeId>(["no-problem-found", "compliant", "no-relevant-business-activity", "deregistered", "licence-revoked", "moved-out"])("%s is not negative", (id) =>
    expect(isNegativeOutcome(id)).toBe(false),
  );
  it("a custom dictionary can change negativity", () => {
    const dict = { ...OUTCOMES, "corrected-on-site": { ...OUTCOMES["corrected-on-site"], isNegative: false } };
    expect(isNegativeOutcome("corrected-on-site", dict)).toBe(false);
  });
});

describe("consequences (regulations.md §3)", () => {
  const kinds = (id: OutcomeId) => consequencesOf(id).map((c) => c.kind);
  it("unreachable → abnormal list (68号令 art. 4(4); 实施细则 art. 20)", () => expect(kinds("unreachable-at-registered-address")).toEqual(["abnormal-list"]));
  it("falsified → abnormal list (条例 art. 17(2))", () => expect(consequencesOf("falsified-public-information")[0]?.basis).toMatch(/art\. 17\(2\)/));
  it("not published → order to publish, then abnormal list if uncured (条例 art. 10, 17(1))", () => expect(kinds("information-not-published")).toEqual(["order-to-publish", "abnormal-list"]));
  it("seriously non-cooperative → published, not listed (条例 art. 15)", () => expect(kinds("seriously-non-cooperative")).toEqual(["publish-non-cooperation"]));
  it("pending / non-compliant → follow-up case", () => {
    expect(kinds("pending-follow-up")).toEqual(["follow-up-case"]);
    expect(kinds("non-compliant")).toEqual(["follow-up-case"]);
  });
  it("non-negative outcomes trigger nothing", () => {
    for (const id of OUTCOME_IDS) if (!isNegativeOutcome(id)) expect(kinds(id)).toEqual([]);
  });
});
