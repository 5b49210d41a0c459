// hostile8b F2: a text the task cannot store (U+0000, a lone surrogate) is refused naming its field, for every argument
// a transition reads as free text (the actor of every step, names, reasons, ids), not with an empty path; the corrected
// record of correctPublishedResult is refused by path as the record form is; the approval dated before the task cites
// the preset's own record-keeping clause.
import { describe, expect, it } from "vitest";
import {
  LIFECYCLE_PRESETS, addAssistant, amendLockedList, completeInspection, correctPublishedResult, lockTargets, recordAdvanceNotice, recordIdentityShown, recordResult, replaceInspector, startInspection, startTask,
  type LifecyclePresetId,
} from "../../src/index.js";
import { publishAll } from "./_publish.js";
import { ITEMS, SCJG, TASK, WJW, drawnTask, recordFor, refusal, teamsTask } from "./_scenario.js";

const inspecting = (preset: LifecyclePresetId = "chongqing") => startInspection(teamsTask(preset), { on: "2026-04-10", actor: "组" }).task;
const storable = (f: () => unknown) => {
  const e = refusal(f);
  expect(e.code).toBe("invalid-input");
  const i = e.issues[0]!;
  expect(i.rule).toBe("text-storable");
  return i;
};

describe("text-storable names the field of every transition argument (hostile8b F2)", () => {
  it("addAssistant: assistant.name, assistant.organisation and the actor, in the issue and both messages", () => {
    const t = inspecting();
    const targetId = t.teams[0]!.targetIds[0]!;
    const base = { targetId, assistant: { name: "赵工", kind: "expert" as const }, on: "2026-04-11", actor: "组长" };
    const name = storable(() => addAssistant(t, { ...base, assistant: { name: "赵\ud800", kind: "expert" } }));
    expect(name.path).toEqual(["assistant", "name"]);
    expect(name.messageZh).toMatch(/^“assistant\.name”第2个字符是不成对的代理项/);
    expect(name.messageEn).toMatch(/^"assistant\.name" holds a lone surrogate/);
    expect(storable(() => addAssistant(t, { ...base, assistant: { name: "赵工", organisation: "\u0000所", kind: "expert" } as never })).path).toEqual(["assistant", "organisation"]);
    const actor = storable(() => addAssistant(t, { ...base, actor: "组长\u0000" }));
    expect(actor.path).toEqual(["actor"]);
    expect(actor.messageEn).toMatch(/^"actor" holds the NUL character \(U\+0000\) at character 3/);
    expect(addAssistant(t, base).event.actor).toBe("组长");
  });
  it("the actor of every step is named", () => {
    const bad = "科\ud800";
    expect(storable(() => startTask(TASK, { preset: "chongqing", on: "2026-03-30", actor: bad, items: ITEMS })).path).toEqual(["actor"]);
    expect(storable(() => lockTargets(drawnTask("chongqing"), { on: "2026-04-01", actor: bad })).path).toEqual(["actor"]);
    expect(storable(() => startInspection(teamsTask("chongqing"), { on: "2026-04-10", actor: bad })).path).toEqual(["actor"]);
    const t = inspecting();
    expect(storable(() => recordResult(t, recordFor(t, t.targetIds[0]!), { on: "2026-04-15", actor: bad })).path).toEqual(["actor"]);
    let done = t;
    for (const id of t.targetIds) done = recordResult(done, recordFor(done, id), { on: "2026-04-15", actor: "组" }).task;
    expect(storable(() => completeInspection(done, { completedOn: "2026-04-16", actor: bad })).path).toEqual(["actor"]);
  });
  it("ids and reasons: targetId, amendment reason, replacement texts", () => {
    const t = inspecting();
    const team = t.teams[0]!;
    expect(storable(() => recordIdentityShown(t, { targetId: `${team.targetIds[0]!}\u0000`, inspectorIds: [team.members[0]!.inspectorId], on: "2026-04-11", actor: "组" })).path).toEqual(["targetId"]);
    const locked = lockTargets(drawnTask("chongqing"), { on: "2026-04-01", actor: "科" }).task;
    const amend = { remove: [locked.targetIds[0]!], add: [], reason: "已注销\ud800", approval: { name: "王局长", role: "principal-head" as const, on: "2026-04-02", departmentId: "SCJG" }, on: "2026-04-02", actor: "科" };
    expect(storable(() => amendLockedList(locked, amend as never)).path).toEqual(["reason"]);
    const id = t.targetIds[0]!;
    const tm = t.teams.find((x) => x.targetIds.includes(id))!;
    const out = tm.members.find((m) => m.departmentId === "WJW")!.inspectorId;
    const sub = WJW.find((i) => !tm.members.some((m) => m.inspectorId === i.id))!.id;
    const rep = (over: Record<string, unknown>) =>
      replaceInspector(t, { targetId: id, outgoingId: out, substituteId: sub, reason: "health", approval: { name: "李", role: "department-head", on: "2026-04-11", departmentId: "WJW" }, chosenBy: "卫健委", directory: [...SCJG, ...WJW], on: "2026-04-11", actor: "x", ...over } as never);
    expect(storable(() => rep({ chosenBy: "卫健\u0000委" })).path).toEqual(["chosenBy"]);
    expect(storable(() => rep({ approval: { name: "李\udc00", role: "department-head", on: "2026-04-11", departmentId: "WJW" } })).path).toEqual(["approval", "name"]);
    expect(rep({}).task.replacements).toHaveLength(1);
  });
  it("recordAdvanceNotice: the means of a notice given", () => {
    const t = teamsTask("chongqing", [], false);
    const targetId = t.teams[0]!.targetIds[0]!;
    const i = storable(() => recordAdvanceNotice(t, { targetId, given: { on: "2026-04-03", means: "电话\ud800" }, on: "2026-04-03", actor: "组" } as never));
    expect(i.path).toEqual(["given", "means"]);
  });
  it("the message does not advise editing a recorded trail (hostile8b F3)", () => {
    const i = storable(() => startInspection(teamsTask("chongqing"), { on: "2026-04-10", actor: "组\u0000" }));
    expect(i.messageEn).toMatch(/docs\/persistence\.md/);
    expect(i.messageZh).toMatch(/docs\/persistence\.md/);
    expect(i.messageEn).not.toMatch(/; remove it$/);
  });
});

describe("correctPublishedResult: the corrected record's unstorable text is refused by path", () => {
  it("handlingOpinion and target.name are named; the same record with valid text is accepted", () => {
    let t = inspecting("chongqing");
    for (const id of t.targetIds) t = recordResult(t, recordFor(t, id), { on: "2026-04-15", actor: "组" }).task;
    t = publishAll(completeInspection(t, { completedOn: "2026-04-16", actor: "组" }).task, { publishedOn: "2026-04-20", actor: "局" }).task;
    const form = recordFor(t, t.targetIds[0]!, ["corrected-on-site"], t.records[0]!.id);
    const input = (record: unknown) => ({ record, reason: "复核", approval: { name: "王局长", role: "principal-head" as const, on: "2026-04-25", departmentId: "SCJG" }, on: "2026-04-25", actor: "局" }) as never;
    const e = refusal(() => correctPublishedResult(t, input({ ...form, handlingOpinion: "意见\u0000", target: { ...form.target, name: "对象\ud800" } })));
    expect(e.code).toBe("invalid-input");
    expect(e.issues.map((i) => [i.rule, i.path.join(".")])).toEqual(expect.arrayContaining([["text-storable", "record.handlingOpinion"], ["text-storable", "record.target.name"]]));
    expect(e.issues.every((i) => i.rule === "text-storable")).toBe(true);
    expect(correctPublishedResult(t, input({ ...form, handlingOpinion: "意见 \u{20000}" })).task.state).toBe("corrected");
  });
});

describe("approval-after-task-start cites the preset's own record-keeping clause", () => {
  for (const preset of Object.keys(LIFECYCLE_PRESETS) as LifecyclePresetId[]) {
    it(preset, () => {
      const t = inspecting(preset);
      const id = t.targetIds[0]!;
      const tm = t.teams.find((x) => x.targetIds.includes(id))!;
      const out = tm.members.find((m) => m.departmentId === "WJW")!.inspectorId;
      const sub = WJW.find((i) => !tm.members.some((m) => m.inspectorId === i.id))!.id;
      const e = refusal(() => replaceInspector(t, { targetId: id, outgoingId: out, substituteId: sub, reason: "health", approval: { name: "李", role: "principal-head", on: "1990-01-01", departmentId: "WJW" }, chosenBy: "卫健委", directory: [...SCJG, ...WJW], on: "2026-04-11", actor: "x" } as never));
      const issue = e.issues.find((i) => i.rule === "approval-after-task-start");
      expect(issue, JSON.stringify(e.issues)).toBeDefined();
      expect(issue!.clause).toBe(LIFECYCLE_PRESETS[preset].trail.clause);
    });
  }
});
