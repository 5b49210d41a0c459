// The self-check and fairness views with hostile files (hostile7b F17): a "published record" or a fairness report whose
// fields carry markup must be refused by the library's checks, and whatever is rendered is escaped.
import { describe, expect, it } from "vitest";
import { commitPool, drawTargets, lockTargetDraw, seedFromDice, ShuangsuijiError, type TargetDrawRecord } from "../../../src/index.js";
import { assessFairness } from "../../../src/stats/index.js";
import { fairnessHtml, reportFrom } from "../src/fairnessView.js";
import { recordFrom, recordSummaryHtml } from "../src/selfCheckView.js";

const PAYLOAD = `<img src=x onerror="window.__pwned=1">`;
const pool = Array.from({ length: 30 }, (_, i) => ({ id: `U${String(i).padStart(3, "0")}`, riskClass: i < 20 ? "A" : "B" }));
const seed = seedFromDice({ digits: "271828182845904523536028747135266249775", witnesses: ["张伟", "李娜"], date: "2026-04-01" });
const record = drawTargets({ taskId: "2026-T01", pool, seed, commitment: commitPool(pool), policy: { strata: { A: { ratio: 0.1 }, B: { ratio: 0.2 } } } });
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const issuesOf = (f: () => unknown): { path: string; rule: string; zh: string; en: string }[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof ShuangsuijiError) return e.issues.map((i) => ({ path: i.path.join("."), rule: i.rule, zh: i.messageZh, en: i.messageEn }));
    throw e;
  }
  throw new Error("accepted");
};

describe("self-check record loader", () => {
  it("accepts a published record and a locked list, and renders their facts", () => {
    expect(recordFrom(clone(record)).taskId).toBe("2026-T01");
    const locked = lockTargetDraw(record, { lockedOn: "2026-04-02", lockedBy: "张伟" });
    expect(recordFrom(clone(locked)).poolCommitment.digest).toBe(record.poolCommitment.digest);
    const html = recordSummaryHtml(recordFrom(clone(record)), true);
    expect(html).toContain("A: ");
    expect(html).toContain("张伟、李娜");
  });

  it("refuses a record whose quota, size, task id or witnesses carry markup, naming every field", () => {
    const bad = clone(record) as unknown as { strata: Record<string, unknown>[]; seed: { provenance: Record<string, unknown> } };
    bad.strata[0]!["quota"] = PAYLOAD;
    bad.strata[1]!["size"] = PAYLOAD;
    bad.seed.provenance["witnesses"] = [PAYLOAD, "李娜"];
    const issues = issuesOf(() => recordFrom(bad));
    const paths = issues.map((i) => i.path);
    expect(paths).toContain("strata.0.quota");
    expect(paths).toContain("strata.1.size");
    expect(issues.every((i) => i.zh !== "" && i.en !== "")).toBe(true);
    // inside a locked list too
    const locked = clone(lockTargetDraw(record, { lockedOn: "2026-04-02", lockedBy: "张伟" })) as unknown as { record: { strata: Record<string, unknown>[] } };
    locked.record.strata[0]!["quota"] = PAYLOAD;
    expect(issuesOf(() => recordFrom(locked)).map((i) => i.path)).toContain("record.strata.0.quota");
    // an unknown member (a smuggled field) is refused too
    expect(issuesOf(() => recordFrom({ ...clone(record), note: PAYLOAD })).length).toBeGreaterThan(0);
  });

  it("refuses what is not a record with the bilingual message", () => {
    for (const j of [{ kind: "other" }, null, [], "x", { kind: PAYLOAD }]) expect(() => recordFrom(j)).toThrow(/这不是抽取记录.*not a draw record/u);
  });

  it("escapes every value it renders (even one the schema lets through as text)", () => {
    const r = clone(record) as unknown as TargetDrawRecord & { taskId: string };
    const hostile = { ...r, taskId: PAYLOAD, seed: { ...r.seed, provenance: { ...r.seed.provenance, witnesses: [PAYLOAD] } } } as TargetDrawRecord;
    const html = recordSummaryHtml(hostile, false);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;");
    // quota and size are escaped even if a caller skipped the check
    const unchecked = { ...r, strata: r.strata.map((s) => ({ ...s, quota: PAYLOAD, size: PAYLOAD })) } as unknown as TargetDrawRecord;
    expect(recordSummaryHtml(unchecked, true)).not.toContain("<img");
  });
});

describe("fairness report loader", () => {
  const units = Array.from({ length: 40 }, (_, i) => ({ id: `U${String(i).padStart(3, "0")}`, riskClass: i < 30 ? "A" : "B" }));
  const good = assessFairness({ pool: units, policy: { strata: { A: { ratio: 0.1 }, B: { ratio: 0.3 } } }, runs: 400, baseSeed: "render-test" });

  it("accepts a report (with charts) and the CLI's --json shape (without)", () => {
    const full = reportFrom(clone(good));
    expect(full.charts).toContain("<svg");
    const { strata, ...rest } = clone(good);
    const lean = reportFrom({ ...rest, sampler: "stage1", units: 40, strata: strata.map(({ simulation: _s, ...s }) => s) });
    expect(lean.charts).toBeUndefined();
    expect(fairnessHtml(lean)).toContain("Class A");
  });

  it("refuses a report whose statistic, df, runs or alpha carry markup, naming the field", () => {
    const bad = clone(good) as unknown as { strata: { tests: Record<string, unknown>[] }[] };
    bad.strata[0]!.tests[0]!["statistic"] = PAYLOAD;
    expect(issuesOf(() => reportFrom(bad)).map((i) => i.path.replace(/^report\./u, ""))).toContain("strata.0.tests.0.statistic");
    const df = clone(good) as unknown as { strata: { tests: Record<string, unknown>[] }[] };
    df.strata[0]!.tests[0]!["df"] = PAYLOAD;
    expect(issuesOf(() => reportFrom(df)).map((i) => i.path.replace(/^report\./u, ""))).toContain("strata.0.tests.0.df");
    expect(issuesOf(() => reportFrom({ ...clone(good), alpha: PAYLOAD })).length).toBeGreaterThan(0);
    expect(issuesOf(() => reportFrom({ ...clone(good), runs: PAYLOAD })).length).toBeGreaterThan(0);
    expect(() => reportFrom({ strata: [] })).toThrow(/这不是公平性报告/u);
  });

  it("escapes every value it renders", () => {
    const r = clone(good);
    const hostile = { ...r, baseSeed: PAYLOAD, strata: r.strata.map((s) => ({ ...s, riskClass: PAYLOAD, skipped: undefined, tests: s.tests.map((t) => ({ ...t, test: PAYLOAD, statistic: PAYLOAD, df: PAYLOAD, pValue: PAYLOAD })) })) };
    const html = fairnessHtml({ report: hostile as unknown as typeof good, charts: undefined });
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img");
  });
});

describe("control and bidirectional characters never reach a page raw (hostile7b F20)", () => {
  it("the printable list shows a name's U+202E, U+009B and U+2066 as ⟨U+XXXX⟩", async () => {
    const { printableList } = await import("../src/ceremony.js");
    const { esc } = await import("../src/ui.js");
    const units = pool.map((u, i) => ({ kind: "organisation" as const, id: u.id, code: u.id, codeType: "other" as const, riskClass: u.riskClass, name: i === 0 ? "南阳\u202e司公限有\u202c\u009b2J\u2066x\u2069" : `企业${i}` }));
    const r = drawTargets({ taskId: "2026-T01", pool: units, seed, commitment: commitPool(units), policy: { strata: { A: { ratio: 1 }, B: { ratio: 1 } } } });
    const html = printableList(lockTargetDraw(r, { lockedOn: "2026-04-02", lockedBy: "张\u202e伟" }), units as never);
    expect(html).toContain("南阳⟨U+202E⟩司公限有⟨U+202C⟩⟨U+009B⟩2J⟨U+2066⟩x⟨U+2069⟩");
    expect(html).toContain("张⟨U+202E⟩伟");
    expect(/[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u.test(html)).toBe(false);
    expect(esc("a\tb\nc <b>")).toBe("a\tb\nc &lt;b&gt;");
  });
  it("invisible characters the importer refuses are shown as ⟨U+XXXX⟩ too; joined emoji and tag flags are kept (hostile8b F4)", async () => {
    const { esc } = await import("../src/ui.js");
    expect(esc("甲\u200b公\u2060司\ufeff\u00ad\u3164\u2028\u{e0041}")).toBe("甲⟨U+200B⟩公⟨U+2060⟩司⟨U+FEFF⟩⟨U+00AD⟩⟨U+3164⟩⟨U+2028⟩⟨U+E0041⟩");
    for (const honest of ["👨\u200d👩\u200d👧 亲子店", "❤\ufe0f小店", "🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}", "🇨🇳商行", "\u{20000}记"]) expect(esc(honest)).toBe(honest);
    expect(esc("甲\u200d公司")).toBe("甲⟨U+200D⟩公司");
  });
});
