import { describe, expect, it } from "vitest";
import { ERROR_CODES, RULES, ShuangsuijiError, parseModel, DepartmentSchema, ruleMessage, seedFromDice } from "../../src/index.js";

describe("ShuangsuijiError", () => {
  it("carries a stable code, every issue, and a bilingual message naming path, rule and clause", () => {
    const e = new ShuangsuijiError("invalid-input", [
      { path: ["targets", 3, "code"], rule: "uscc-check-character", clause: "GB 32100-2015 §4.3", messageZh: "校验码错误", messageEn: "check character wrong", row: 5, column: "统一社会信用代码" },
      { path: ["x"], rule: "r", clause: "c", messageZh: "z", messageEn: "e" },
    ]);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("ShuangsuijiError");
    expect(e.code).toBe("invalid-input");
    expect(e.path).toEqual(["targets", 3, "code"]);
    expect(e.rule).toBe("uscc-check-character");
    expect(e.clause).toBe("GB 32100-2015 §4.3");
    expect(e.message).toBe("[invalid-input] row 5, column 统一社会信用代码, targets.3.code: 校验码错误 / check character wrong (GB 32100-2015 §4.3; rule uscc-check-character) (+1 more)");
    expect(Object.isFrozen(e.issues)).toBe(true);
  });
  it("tells a wrong type from a missing field (zod keeps no input in its issues: the caller's value decides)", () => {
    const messages = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as ShuangsuijiError).issues.map((i) => [i.path.join("."), i.messageZh, i.messageEn.split(" (")[0]]);
      }
      return expect.unreachable();
    };
    // the draw's readers (zod-free) and parseModel (zod classic) say the same
    expect(messages(() => seedFromDice({ digits: 5 } as never)).slice(0, 2)).toEqual([
      ["digits", "字段类型错误", "wrong type"],
      ["witnesses", "缺少必填字段", "required field is missing"],
    ]);
    expect(messages(() => parseModel(DepartmentSchema, { id: "A", name: 3 }))).toContainEqual(["name", "字段类型错误", "wrong type"]);
    expect(messages(() => parseModel(DepartmentSchema, { id: "A" }))).toContainEqual(["name", "缺少必填字段", "required field is missing"]);
  });
  it("codes are a closed, documented list", () => {
    expect(ERROR_CODES).toContain("calendar-year-not-covered");
    expect(ERROR_CODES).toContain("invalid-input");
  });
  it("wraps zod errors as cause and maps every issue to a rule with a clause", () => {
    try {
      parseModel(DepartmentSchema, { id: " A", name: 3, extra: true });
      expect.unreachable();
    } catch (e) {
      const err = e as ShuangsuijiError;
      expect(err.cause).toBeDefined();
      expect(err.issues.map((i) => [i.path.join("."), i.rule])).toEqual(
        expect.arrayContaining([["id", "text-trimmed"], ["name", "schema:invalid_type"], ["", "schema:unrecognized_keys"]]),
      );
    }
  });
  it("every rule has a clause and both languages, and its message is unique", () => {
    const msgs = new Set<string>();
    for (const [id, r] of Object.entries(RULES)) {
      expect(r.clause.length, id).toBeGreaterThan(0);
      expect(r.zh.length, id).toBeGreaterThan(0);
      expect(r.en.length, id).toBeGreaterThan(0);
      msgs.add(ruleMessage(id as keyof typeof RULES));
    }
    expect(msgs.size).toBe(Object.keys(RULES).length);
  });
});
