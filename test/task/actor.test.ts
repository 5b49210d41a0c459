import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ShuangsuijiError, lockTargets } from "../../src/index.js";
import { ON, drawnTask } from "./_scenario.js";

// Chongqing 4 (全过程留痕): every step names who acted with a visible character. The check tests for one character that is
// neither white space nor a format character; this is the definition it replaced, kept as the oracle.
const named = (actor: string): boolean => actor.replace(/[\p{Cf}\s\u3000]/gu, "") !== "";

describe("actor-required", () => {
  const t = drawnTask();
  const chars = fc.constantFrom(" ", "\t", "\n", "\u3000", "\u00a0", "\u200b", "\u200d", "\ufeff", "\u2028", "\u061c", "\ud800", "\udc00", "\ud83d\ude00", "a", "科", "·", "0");
  it("refuses exactly the actors with no visible character", () => {
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 5 }).map((a) => a.join("")), (actor) => {
        let rule: string | undefined;
        try {
          lockTargets(t, { on: ON, actor });
        } catch (e) {
          if (!(e instanceof ShuangsuijiError)) throw e;
          rule = e.issues[0]?.rule;
        }
        // refused (by this rule, or earlier by the options schema) exactly when no visible character is there
        if (named(actor)) expect(rule).toBeUndefined();
        else expect(rule).toBeDefined();
      }),
      { numRuns: 500 },
    );
  });
});
