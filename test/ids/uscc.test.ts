import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isValidUscc, normalizeCode, parseUscc } from "../../src/index.js";
import { ASSIGNED_CATEGORIES, AUTHORITIES, USCC_CHARSET } from "../../src/ids/_uscc.js";
import { uscc } from "../_arbitraries.js";

// Real published codes: the example of GB 32100-2015 itself, and well-known enterprises' codes as printed on their
// business licences / the national enterprise credit information system.
const REAL = [
  "91350100M000100Y43", // GB 32100-2015 example
  "91330100716105852F", // 阿里巴巴（中国）有限公司
  "9144030071526726XG", // 深圳市腾讯计算机系统有限公司
  "914403001922038216", // 华为技术有限公司
  "91110000802100433B", // 北京百度网讯科技有限公司
];

describe("isValidUscc / parseUscc — GB 32100-2015", () => {
  it.each(REAL)("accepts the real code %s and explains its parts", (code) => {
    expect(isValidUscc(code)).toBe(true);
    const r = parseUscc(code);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.parts.registrationAuthority.code).toBe(code[0]);
      expect(r.parts.divisionCode).toBe(code.slice(2, 8));
      expect(r.parts.entityCode).toBe(code.slice(8, 17));
      expect(r.notes).toEqual([]); // the GB 11714 entity check also holds for these
    }
  });

  it("rejects every single-character substitution of every real code (§4.3 check character)", () => {
    let mutations = 0;
    for (const code of REAL) {
      for (let i = 0; i < 18; i++) {
        for (const c of USCC_CHARSET + "IOZSV") {
          if (c === code[i]) continue;
          const m = code.slice(0, i) + c + code.slice(i + 1);
          expect(isValidUscc(m), m).toBe(false);
          const r = parseUscc(m);
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
          mutations++;
        }
      }
    }
    expect(mutations).toBe(REAL.length * 18 * 35);
  });

  it("names the rule broken and the expected check character", () => {
    const r = parseUscc("91350100M000100Y44");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]?.rule).toBe("uscc-check-character");
      expect(r.issues[0]?.messageEn).toMatch(/expected 3/);
      expect(r.issues[0]?.clause).toMatch(/GB 32100-2015/);
    }
    const many = parseUscc("Z1O50100M000");
    expect(many.ok).toBe(false);
    if (!many.ok) expect(many.issues.map((i) => i.rule)).toEqual(expect.arrayContaining(["uscc-length", "uscc-character", "uscc-registration-authority"]));
  });

  it("reports normalisation instead of applying it silently", () => {
    const full = "９１３５０１００ｍ０００１００ｙ４３";
    expect(isValidUscc(full)).toBe(false);
    const r = parseUscc(` ${full} `);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toBe("91350100M000100Y43");
      expect(r.normalization).toEqual(["full-width-to-half-width", "whitespace-removed", "upper-cased"]);
    }
    expect(normalizeCode("ABC").changes).toEqual([]);
  });

  it("rejects an unassigned organisation category for the authority (Annex A)", () => {
    // authority 9 (工商) has categories 1–3 only; recompute a correct check character so only the category is wrong
    const r = parseUscc("94350100M000100Y4" + "0");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.rule)).toContain("uscc-organisation-category");
  });

  it("property: generated codes are valid, and any substitution is caught", () => {
    fc.assert(
      fc.property(uscc, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (code, pos, shift) => {
        expect(isValidUscc(code)).toBe(true);
        const v = USCC_CHARSET.indexOf(code[pos]!);
        const m = code.slice(0, pos) + USCC_CHARSET[(v + shift) % 31] + code.slice(pos + 1);
        expect(isValidUscc(m)).toBe(false);
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});

describe("isValidUscc without messages (the light core) agrees with parseUscc", () => {
  it("ASSIGNED_CATEGORIES lists exactly the categories of AUTHORITIES", () => {
    expect(ASSIGNED_CATEGORIES).toEqual(Object.fromEntries(Object.entries(AUTHORITIES).map(([k, a]) => [k, Object.keys(a.categories).join("")])));
  });
  it("is true exactly when parseUscc accepts the code with no normalisation", () => {
    const near = fc.oneof(
      uscc,
      uscc.chain((c) => fc.tuple(fc.integer({ min: 0, max: 17 }), fc.constantFrom(...USCC_CHARSET, "I", "O", "a", "Ａ", " ", "")).map(([i, ch]) => c.slice(0, i) + ch + c.slice(i + 1))),
      fc.stringMatching(/^[0-9A-Z]{18}$/),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(near, (code) => {
        const r = parseUscc(code);
        expect(isValidUscc(code)).toBe(r.ok && r.normalization.length === 0);
      }),
      { numRuns: 3000 },
    );
  });
});
