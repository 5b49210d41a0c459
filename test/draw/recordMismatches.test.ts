// hostile9a finding 5: a malformed published record's mismatches name the rule it breaks in both languages (the
// vocabulary of every other rule mismatch: `rule: 中文 / English`) and carry what the record holds there — not zod's
// English message as `expected` and zod's issue code as `actual`.
import { describe, expect, it } from "vitest";
import { commitPool, createSeed, drawInspectors, drawTargets, lockTargetDraw, verifyInspectorDraw, verifyTargetDraw, verifyTicket, type Inspector } from "../../src/index.js";
import { GOLDEN_OPTIONS, GOLDEN_POLICY, GOLDEN_POOL, GOLDEN_SEED, GOLDEN_TASK } from "./_golden.js";

const honest = drawTargets({ taskId: GOLDEN_TASK, pool: GOLDEN_POOL, policy: GOLDEN_POLICY, seed: GOLDEN_SEED, commitment: commitPool(GOLDEN_POOL, GOLDEN_OPTIONS) });
const copy = () => JSON.parse(JSON.stringify(honest));
const CJK = /[\u4e00-\u9fff]/;
const ZOD_CODES = /^(too_small|too_big|invalid_type|invalid_format|invalid_value|unrecognized_keys|invalid_union|custom)$/;

describe("a malformed record's mismatches (hostile9a finding 5)", () => {
  const cases: [string, (r: Record<string, any>) => void, unknown][] = [
    ["taskId", (r) => (r.taskId = ""), ""],
    ["strata[0].threshold", (r) => (r.strata[0].threshold = "XYZ"), "XYZ"],
    ["policy.rounding", (r) => (r.policy.rounding = "up"), "up"],
    ["selectedCount", (r) => (r.selectedCount = -1), -1],
    ["seed.value", (r) => (r.seed.value = 7), 7],
    ["algorithm", (r) => delete r.algorithm, undefined],
  ];
  it.each(cases)("%s: the rule in both languages, and the record's own value", (field, edit, value) => {
    const r = copy();
    edit(r);
    const v = verifyTargetDraw(r, GOLDEN_POOL);
    expect(v.ok).toBe(false);
    const m = v.ok ? undefined : v.mismatches.find((x) => x.field === field);
    expect(m, JSON.stringify(v)).toBeDefined();
    expect(m!.actual).toEqual(value);
    expect(String(m!.actual)).not.toMatch(ZOD_CODES);
    expect(m!.expected).toMatch(/^schema:[a-z_]+: .+ \/ .+/);
    expect(String(m!.expected)).toMatch(CJK);
  });
  it("an unknown member: the object's path, the member and its value", () => {
    const r = { ...copy(), zzExtra: 1 };
    const v = verifyTargetDraw(r, GOLDEN_POOL);
    const m = v.ok ? undefined : v.mismatches.find((x) => String(x.expected).startsWith("schema:unrecognized_keys"));
    expect(m).toMatchObject({ field: "", actual: { zzExtra: 1 } });
    expect(String(m!.expected)).toMatch(CJK);
    expect(String(m!.expected)).toContain("zzExtra");
  });
  it("an enterprise's ticket check lists the same problems (recordProblems)", () => {
    const r = copy();
    r.taskId = "";
    const t = verifyTicket(r, { unitId: GOLDEN_POOL[0]!.id, riskClass: GOLDEN_POOL[0]!.riskClass });
    const m = "recordProblems" in t ? t.recordProblems?.find((x) => x.field === "taskId") : undefined;
    expect(m).toMatchObject({ actual: "" });
    expect(String(m!.expected)).toMatch(CJK);
  });
  it("a rule mismatch is bilingual too (a lock dated before its seed, an inconsistent record behind a lock)", () => {
    const s2 = createSeed("22".repeat(16), { kind: "other", description: "stage 2" });
    const staff = (id: string): Inspector => ({ id, name: id, departmentId: "S", category: "qualified-staff", expertise: [] });
    const locked = lockTargetDraw(honest, { lockedOn: "2026-04-02", lockedBy: "稽查局" });
    const input = { locked, seed: s2, initiatingDepartmentId: "S", departments: [{ departmentId: "S", inspectors: ["a", "b", "c"].map(staff) }] };
    const d = drawInspectors(input);
    if (!d.ok) throw new Error(d.messageEn);
    const forged = { ...JSON.parse(JSON.stringify(d.record)), lockDigest: "XYZ" };
    const v = verifyInspectorDraw(forged, input);
    const m = v.ok ? undefined : v.mismatches.find((x) => x.field === "lockDigest");
    expect(m).toMatchObject({ actual: "XYZ" });
    expect(String(m!.expected)).toMatch(CJK);
    // a thrown refusal keeps its English message English (the rule's English half)
    const bad = JSON.parse(JSON.stringify(locked));
    bad.record.taskId = "";
    try {
      drawInspectors({ ...input, locked: bad });
      throw new Error("not refused");
    } catch (e) {
      const issue = (e as { issues: { messageEn: string; messageZh: string }[] }).issues[0]!;
      expect(issue.messageEn).not.toMatch(CJK);
      expect(issue.messageEn).toContain("schema:too_small");
    }
  });
});
