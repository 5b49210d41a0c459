import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ShuangsuijiError, replaceInspector, startInspection } from "../../src/index.js";
import { SCJG, WJW, teamsTask } from "./_scenario.js";

// Chongqing 4 (全过程留痕): every step names who acted with a visible character. The check tests for one character that is
// neither white space nor a format character; this is the definition it replaced, kept as the oracle.
const named = (actor: string): boolean => actor.replace(/[\p{Cf}\s\u3000]/gu, "") !== "";

describe("actor-required", () => {
  // replaceInspector's options take the actor as any string: the refusal is advance's own check
  const t = startInspection(teamsTask("chongqing"), { on: "2026-04-03", actor: "x" }).task;
  const id = t.targetIds[0]!;
  const team = t.teams.find((x) => x.targetIds.includes(id))!;
  const out = team.members.find((m) => m.departmentId === "WJW")!.inspectorId;
  const sub = WJW.find((i) => !team.members.some((m) => m.inspectorId === i.id))!.id;
  const rep = (actor: string) =>
    replaceInspector(t, { targetId: id, outgoingId: out, substituteId: sub, reason: "health", approval: { name: "李", role: "department-head", on: "2026-04-05", departmentId: "WJW" }, chosenBy: "卫健委", directory: [...SCJG, ...WJW], on: "2026-04-05", actor } as never);
  const chars = fc.constantFrom(" ", "\t", "\n", "\u3000", "\u00a0", "\u200b", "\u200d", "\ufeff", "\u2028", "\u061c", "\ud800", "\udc00", "\ud83d\ude00", "a", "科", "·", "0");

  it("refuses exactly the actors with no visible character", () => {
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 5 }).map((a) => a.join("")), (actor) => {
        let rule: string | undefined;
        try {
          rep(actor);
        } catch (e) {
          if (!(e instanceof ShuangsuijiError)) throw e;
          rule = e.issues[0]?.rule;
        }
        expect(rule === "actor-required", JSON.stringify(actor)).toBe(!named(actor));
      }),
      { numRuns: 300 },
    );
  });
});
