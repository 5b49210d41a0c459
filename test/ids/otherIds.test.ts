import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  isValidDivisionCode, isValidRegistrationNumber, isValidResidentId, parseRegistrationNumber, parseResidentId,
} from "../../src/index.js";
import { mod1110CheckDigit } from "../../src/ids/parseRegistrationNumber.js";

describe("15-digit registration number — GS15-2006, ISO 7064 MOD 11,10", () => {
  const REAL = ["110108000000016"]; // the example of GS15-2006
  it.each(REAL)("accepts %s", (n) => {
    expect(isValidRegistrationNumber(n)).toBe(true);
    const r = parseRegistrationNumber(n);
    expect(r.ok && r.authorityDivisionCode).toBe("110108");
  });
  it("rejects every single-digit substitution", () => {
    for (const n of REAL) for (let i = 0; i < 15; i++) for (const d of "0123456789") {
      if (d === n[i]) continue;
      expect(isValidRegistrationNumber(n.slice(0, i) + d + n.slice(i + 1))).toBe(false);
    }
  });
  it("property: MOD 11,10 detects any single-digit error", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{14}$/), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1, max: 9 }), (body, pos, shift) => {
        const n = body + String(mod1110CheckDigit(body));
        expect(isValidRegistrationNumber(n)).toBe(true);
        const m = n.slice(0, pos) + String((Number(n[pos]) + shift) % 10) + n.slice(pos + 1);
        expect(isValidRegistrationNumber(m)).toBe(false);
      }),
      { seed: 11, numRuns: 2000 },
    );
  });
  it("explains a bad check digit", () => {
    const r = parseRegistrationNumber("110108000000017");
    expect(!r.ok && r.issues[0]?.messageEn).toMatch(/expected 6/);
  });
});

describe("resident identity number — GB 11643-1999", () => {
  const REAL = ["11010519491231002X", "440524188001010014"]; // examples of GB 11643-1999
  it.each(REAL)("accepts %s", (n) => expect(isValidResidentId(n)).toBe(true));
  it("parses its parts", () => {
    const r = parseResidentId("11010519491231002X");
    expect(r.ok && [r.divisionCode, r.birthDate, r.sex]).toEqual(["110105", "1949-12-31", "female"]);
  });
  it("rejects every single-character substitution (MOD 11-2)", () => {
    for (const n of REAL) for (let i = 0; i < 18; i++) for (const d of "0123456789X") {
      if (d === n[i]) continue;
      expect(isValidResidentId(n.slice(0, i) + d + n.slice(i + 1)), `${n} @${i}=${d}`).toBe(false);
    }
  });
  it("rejects an impossible birth date even with a matching check character", () => {
    const body = "11010519490230002"; // 1949-02-30
    const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const check = "10X98765432"[[...body].reduce((s, c, i) => s + Number(c) * W[i]!, 0) % 11]!;
    const r = parseResidentId(body + check);
    expect(!r.ok && r.issues.map((i) => i.rule)).toEqual(["resident-id-birth-date"]);
  });
  it("accepts a lower-case x only through reported normalisation", () => {
    expect(isValidResidentId("11010519491231002x")).toBe(false);
    const r = parseResidentId("11010519491231002x");
    expect(r.ok && r.normalization).toEqual(["upper-cased"]);
  });
});

describe("division code — GB/T 2260 format", () => {
  it.each([["411303", true], ["110105", true], ["810000", true], ["991303", false], ["41130", false], ["41130a", false]])("%s → %s", (c, ok) => {
    expect(isValidDivisionCode(c as string)).toBe(ok);
  });
});
