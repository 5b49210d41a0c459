// The store's checks that need no server (src/postgres/_checks.ts): every reason verifyAuditTrail and replay give has
// a Chinese reason (hostile7b F6: the zh message must say what the en one says), the text jsonb cannot store is named.
import { describe, expect, it } from "vitest";
import { ShuangsuijiError, recordResult, replayTask, verifyAuditTrail, type AuditEvent } from "../../src/index.js";
import { digestOf } from "../../src/draw/_shared/_encoding.js";
import { taskIdIssues, unstorableTextIssues } from "../../src/postgres/_checks.js";
import { inspectingTask, resultForms } from "../../bench/_lifecycle.js";

const ON = { on: "2026-04-15", actor: "联合检查组" };
const base = inspectingTask(4);
const trail = recordResult(base, resultForms(base)[0]!, ON).task.audit;
const rehash = (e: AuditEvent, changes: Record<string, unknown>): AuditEvent => {
  const { digest: _, ...body } = { ...e, ...changes } as AuditEvent;
  return { ...body, digest: digestOf(body) } as AuditEvent;
};
// a Chinese reason of its own: CJK text, not a bare English one
const CHINESE = /[\u4e00-\u9fff]/;

describe("every problem carries its Chinese reason from where it is found (the store restates it)", () => {
  it("gives a Chinese reason for every problem verifyAuditTrail reports", () => {
    const k = 5;
    const variants: { trail: readonly unknown[]; anchors?: { seq: number; digest: string }[]; from?: { seq: number; digest: string } }[] = [
      { trail: trail.map((e, i) => (i === k ? { ...e, actor: "他人" } : e)) }, // edited
      { trail: trail.filter((_, i) => i !== k) }, // deleted
      { trail: trail.map((e, i) => (i === k ? trail[k + 1] : i === k + 1 ? trail[k] : e)) }, // swapped
      { trail: trail.map((e, i) => (i === k ? rehash(e, { on: "2026-01-01" }) : e)) }, // back-dated (and re-hashed)
      { trail: trail.map((e, i) => (i === k ? rehash(e, { on: "2026-4-1" }) : e)) }, // not a civil date
      { trail: trail.map((e, i) => (i === k ? rehash(e, { seq: "x" }) : e)) }, // no valid sequence number
      { trail: trail.map((e, i) => (i === k ? 7 : e)) }, // not an object
      { trail: trail.slice(0, k), anchors: [{ seq: trail.length - 1, digest: trail.at(-1)!.digest }] }, // cut off
      { trail, anchors: [{ seq: k, digest: "a".repeat(64) }] }, // rewritten
      { trail: trail.slice(k), from: { seq: k - 1, digest: "b".repeat(64) } }, // does not extend the published head
    ];
    const seen = new Set<string>();
    for (const v of variants) {
      const r = verifyAuditTrail(v.trail as AuditEvent[], { ...(v.anchors ? { anchors: v.anchors } : {}), ...(v.from ? { from: v.from } : {}) });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      for (const p of r.problems) {
        expect(p.problemZh, p.problem).toMatch(CHINESE);
        seen.add(p.problemZh.replace(/\d+/g, "#"));
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(9);
  });

  it("gives a Chinese reason for replay's refusals", () => {
    const last = trail.at(-1)!;
    const forged = [
      [...trail.slice(0, -1), rehash(last, { payload: { ...last.payload, outcomes: ["non-compliant"] } })], // payload differs
      [...trail.slice(0, -1), { ...last, extra: 1 }], // a member outside the envelope
      [...trail.slice(0, -1), rehash(last, { input: [{ ...(last.input[0] as object), taskId: "BENCH-5" }, last.input[1]] })], // refused input
      [...trail.slice(0, -1), rehash(last, { transition: "nope" })], // unknown transition
      trail.slice(1).map((e, i) => rehash({ ...e, seq: i }, { prevDigest: i === 0 ? "0".repeat(64) : "" })).slice(0, 1), // not task-planned first
      [], // empty
    ];
    for (const t of forged) {
      let err: unknown;
      try {
        replayTask(t);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ShuangsuijiError);
      // the reason after the lead-in, in Chinese: not only "未通过重放校验"
      for (const i of (err as ShuangsuijiError).issues) expect(i.messageZh.split("：").slice(1).join("："), i.messageEn).toMatch(CHINESE);
    }
  });

  it("says what the English says: an edited event is 被编辑 in both", () => {
    const r = verifyAuditTrail(trail.map((e, i) => (i === 5 ? { ...e, actor: "他人" } : e)));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toEqual({ seq: 5, problem: "the event's content does not match its digest (edited)", problemZh: "事件内容与其摘要不符（被编辑）" });
  });
});

describe("taskIdIssues and unstorableTextIssues", () => {
  it("name the first event of another task's trail, and each event naming another task", () => {
    expect(taskIdIssues(base.task.id, trail, 0)).toEqual([]);
    const other = taskIdIssues("T-OTHER", trail, 0);
    expect(other[0]).toMatchObject({ rule: "task-id", path: ["events", 0, "input", 0, "id"] });
    expect(other.map((i) => i.path[1])).toContain(trail.length - 1); // the result record's taskId
  });

  it("name every string and member name holding U+0000 or a lone surrogate, by event and path", () => {
    const issues = unstorableTextIssues([{ a: ["ok", "x\u0000"] }, { "k\udfff": "y", b: { c: "\ud83d\ude00 fine", d: "\ud83d" } }], 7);
    expect(issues.map((i) => i.path)).toEqual([["events", 7, "a", 1], ["events", 8, "k\udfff"], ["events", 8, "b", "d"]]);
    expect(issues[0]!.messageEn).toMatch(/U\+0000 at character 2/);
    expect(issues[2]!.messageZh).toMatch(/孤立的代理项.*|U\+D83D/);
  });
});
