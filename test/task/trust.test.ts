// Session 8 "trust": free text the task cannot store is refused by path (hostile7b F4 residue), and the chronology
// rule cites the record-keeping clause of the preset in force (hostile7a F11 residue).
import { describe, expect, it } from "vitest";
import { LIFECYCLE_PRESETS, decideRecusalRequest, lockTargets, recordTargetDraw, recordResult, replayTask, startInspection, startTask, verifyTask, type LifecyclePresetId } from "../../src/index.js";
import { text, textAt } from "../../src/task/_rules.js";
import { TASK, ITEMS, WJW, drawnTask, recordFor, refusal, teamsTask } from "./_scenario.js";

const inspecting = (preset: LifecyclePresetId = "chongqing") => startInspection(teamsTask(preset), { on: "2026-04-10", actor: "组" }).task;

describe("requireChronology cites the preset's own record-keeping clause (全过程留痕)", () => {
  const expected: Record<LifecyclePresetId, RegExp> = { chongqing: /^Chongqing 4 /, longting: /^Longting art\. 17 /, wancheng: /^Wancheng art\. 4 /, wolong: /^Wolong Annex A /, yanshi: /^Yanshi 8\.3 / };
  for (const preset of Object.keys(LIFECYCLE_PRESETS) as LifecyclePresetId[]) {
    it(`${preset}: a step dated before the previous one`, () => {
      const e = refusal(() => lockTargets(drawnTask(preset), { on: "2026-03-31", actor: "科" }));
      expect(e.code).toBe("dates-out-of-order");
      expect(e.issues[0]!.rule).toBe("chronology");
      expect(e.issues[0]!.clause).toBe(LIFECYCLE_PRESETS[preset].trail.clause);
      expect(e.issues[0]!.clause).toMatch(expected[preset]);
    });
  }
  it("a custom preset without a trail clause cites Chongqing 4", () => {
    const { trail: _, ...rules } = LIFECYCLE_PRESETS.longting;
    const t = startTask(TASK, { preset: { ...rules, source: "某县细则" }, on: "2026-03-30", actor: "科", items: ITEMS }).task;
    expect(refusal(() => recordTargetDraw(t, drawnTask("longting").targetDraws[0]!.record, { on: "2026-03-01", actor: "组" })).issues[0]!.clause).toBe("Chongqing 4 (全过程留痕)");
  });
});

describe("free text that cannot be stored (U+0000, a lone surrogate) is refused by path (text-storable, Chongqing 4)", () => {
  it("the record form: handlingOpinion, remarks, a name, an item's notes — every one named", () => {
    const t = inspecting();
    const id = t.targetIds[0]!;
    const form = recordFor(t, id);
    const bad = {
      ...form, handlingOpinion: "意见甲\u0000乙", remarks: "备注\ud800",
      target: { ...form.target, name: "对象\udc00名" },
      departments: [{ ...form.departments[0]!, items: [{ ...form.departments[0]!.items[0]!, notes: "\u0000" }] }, form.departments[1]!],
    };
    const e = refusal(() => recordResult(t, bad, { on: "2026-04-15", actor: "组" }));
    expect(e.code).toBe("invalid-input");
    expect(e.issues.map((i) => [i.rule, i.path.join(".")])).toEqual([
      ["text-storable", "target.name"], ["text-storable", "departments.0.items.0.notes"], ["text-storable", "handlingOpinion"], ["text-storable", "remarks"],
    ]);
    const opinion = e.issues.find((i) => i.path[0] === "handlingOpinion")!;
    expect(opinion.clause).toBe("Chongqing 4 (全过程留痕)");
    expect(opinion.messageZh).toMatch(/第4个字符是空字符（U\+0000）/);
    expect(opinion.messageEn).toMatch(/the NUL character \(U\+0000\) at character 4/);
    expect(e.issues.find((i) => i.path[0] === "remarks")!.messageEn).toMatch(/lone surrogate \(U\+D800\)/);
    // a form the schema must read (an optional member present as undefined) is refused the same way
    expect(refusal(() => recordResult(t, { ...bad, remarks: undefined } as never, { on: "2026-04-15", actor: "组" })).issues.map((i) => i.path.join("."))).toContain("handlingOpinion");
    // the same form with valid text (a paired surrogate: 𠀀, CJK extension B) is recorded as given
    const ok = recordResult(t, { ...form, handlingOpinion: "意见甲乙 \u{20000}", remarks: "备注" }, { on: "2026-04-15", actor: "组" });
    expect(ok.task.records[0]).toMatchObject({ handlingOpinion: "意见甲乙 \u{20000}", remarks: "备注" });
  });
  it("the actor and the recusal request's texts", () => {
    const t = teamsTask("chongqing");
    const team = t.teams[0]!;
    const member = team.members.find((m) => m.departmentId === "WJW")!.inspectorId;
    const base = { targetId: team.targetIds[0]!, inspectorId: member, grounds: "亲属", granted: false, refusalReason: "理由不成立", decision: { name: "王局长", role: "department-head" as const, on: "2026-04-03", departmentId: "WJW" }, on: "2026-04-03", actor: "法制科" };
    for (const [k, v] of [["grounds", "亲\ud800属"], ["refusalReason", "理由\u0000"], ["actor", "\udfff法制科"]] as const) {
      const e = refusal(() => decideRecusalRequest(t, { ...base, [k]: v }));
      expect(e.issues[0]).toMatchObject({ rule: "text-storable", path: [k], clause: "Chongqing 4 (全过程留痕)" });
    }
    expect(refusal(() => decideRecusalRequest(t, { ...base, decision: { ...base.decision, name: "王\u0000局长" } })).issues[0]).toMatchObject({ rule: "text-storable", path: ["decision", "name"] });
    // every transition's actor goes through text(): refused, with the character named
    expect(refusal(() => startInspection(t, { on: "2026-04-10", actor: "组\u0000" })).issues[0]).toMatchObject({ rule: "text-storable" });
    expect(decideRecusalRequest(t, base).event.payload).toMatchObject({ grounds: "亲属", refusalReason: "理由不成立" });
    expect(WJW.length).toBeGreaterThan(0);
  });
  it("valid text gives what it gave before; a valid trail replays to the same task", () => {
    for (const s of ["", " 王 ", "\u200b名", "\u{20000}", "a\tb\nc", "\u3000"]) expect(text(s, [])).toBe(/[^\p{Cf}\s\u3000]/u.test(s) ? s.trim() : "");
    expect(textAt("x", ["p"])).toBe("x");
    expect(() => text("\ud800", [])).toThrow(/lone surrogate/);
    const t = inspecting("longting");
    const done = recordResult(t, recordFor(t, t.targetIds[0]!), { on: "2026-04-15", actor: "组" }).task;
    const again = replayTask(JSON.parse(JSON.stringify(done.audit)));
    expect(again.audit.at(-1)!.digest).toBe(done.audit.at(-1)!.digest);
    expect(verifyTask(again).ok).toBe(true);
  });
});
