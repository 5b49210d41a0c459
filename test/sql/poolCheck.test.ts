/** generatePoolCheckSql / assemblePoolCheck without an engine: misuse, missing rows, listing and counting (issue 16). */
import { describe, expect, it } from "vitest";
import { assemblePoolCheck, generatePoolCheckSql, POOL_CHECK_LISTED, SQL_DIALECTS, ShuangsuijiError } from "../../src/index.js";

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof ShuangsuijiError ? e.code : "other";
  }
  return undefined;
};

describe("generatePoolCheckSql", () => {
  it("generates every statement per dialect, values bound never spliced, ClickHouse merging on the initiator", () => {
    for (const dialect of SQL_DIALECTS) {
      const q = generatePoolCheckSql(dialect, { source: { relation: "read_parquet({path})", params: [{ name: "path", type: "text", value: "x'; DROP TABLE units; --" }] } });
      for (const s of [q.summary, q.badClasses, q.badDates, q.suspiciousIds, q.duplicates, q.duplicateCount]) {
        expect(s?.dialect).toBe(dialect);
        expect(s?.text).not.toContain("DROP TABLE");
        expect(s?.text).not.toContain("distributed_group_by_no_merge");
        expect(s?.params).toHaveLength(1);
      }
    }
    const ch = generatePoolCheckSql("clickhouse", { source: { table: "units_all", columns: { id: "uscc" } } });
    expect(ch.summary.text).toContain("`uscc`");
    expect(ch.summary.params).toEqual([]);
  });

  it("leaves the date out when the source has none", () => {
    const q = generatePoolCheckSql("postgresql", { source: { table: "units" }, registrationDate: false });
    expect(q.badDates).toBeUndefined();
    expect(q.summary.text).not.toContain("registration_date");
  });

  it("refuses misuse with stable codes", () => {
    expect(codeOf(() => generatePoolCheckSql("oracle" as never, { source: { table: "units" } }))).toBe("invalid-argument");
    expect(codeOf(() => generatePoolCheckSql("duckdb", { source: { table: "units" }, registrationDate: "yes" as never }))).toBe("invalid-input");
    expect(codeOf(() => generatePoolCheckSql("duckdb", { source: { table: "units" }, typo: 1 } as never))).toBe("invalid-input");
    expect(codeOf(() => generatePoolCheckSql("duckdb", { source: {} }))).toBe("invalid-input");
    expect(codeOf(() => generatePoolCheckSql("duckdb", { source: { table: "units", columns: { id: "" } } }))).toBe("invalid-input");
  });
});

describe("assemblePoolCheck", () => {
  const none = { summary: [{ n_class: "0", n_date: "0", n_suspicious: "0" }], badClasses: [], badDates: [], duplicates: [] };

  it("passes a clean pool; judges suspicious ids by the pool-id rule", () => {
    expect(assemblePoolCheck(none)).toEqual({ ok: true });
    expect(assemblePoolCheck({ ...none, summary: [{ n_class: 0, n_date: "0", n_suspicious: "2" }], suspiciousIds: [{ ssj_id: "企业-1", ssj_n: "1" }, { ssj_id: "O'Brien 商行", ssj_n: "1" }] })).toEqual({ ok: true });
    const v = assemblePoolCheck({ ...none, summary: [{ n_class: "0", n_date: "0", n_suspicious: "2" }], suspiciousIds: [{ ssj_id: "U-\u200b2", ssj_n: "3" }, { ssj_id: "企业-1", ssj_n: "1" }] });
    expect(v.ok).toBe(false);
    // as DuckDB's check: the listed id, then the rows counted (the id is on 3 rows)
    expect(!v.ok && v.issues.map((i) => [i.rule, i.path])).toEqual([["unit-id-canonical", ["U-\u200b2", "id"]], ["unit-id-canonical", []]]);
    expect(!v.ok && v.issues[1]?.messageEn).toContain("(3 in all)");
  });

  it("lists at most 20 rows per rule and counts the rest", () => {
    const ids = Array.from({ length: POOL_CHECK_LISTED }, (_, i) => ({ ssj_id: `D-${String(i).padStart(2, "0")}`, ssj_n: "2" }));
    const v = assemblePoolCheck({ ...none, summary: [{ n_class: "25", n_date: "0", n_suspicious: "0" }], badClasses: ids.map((r) => ({ ssj_id: r.ssj_id, ssj_value: "a" })), duplicates: ids, duplicateCount: [{ ssj_n: "31" }] });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.issues.filter((i) => i.rule === "risk-class")).toHaveLength(POOL_CHECK_LISTED + 1);
    expect(v.issues.find((i) => i.rule === "risk-class" && i.path.length === 0)?.messageEn).toContain("5 more rows");
    expect(v.issues.find((i) => i.rule === "unique-ids" && i.path.length === 0)?.messageEn).toContain("11 more rows");
  });

  it("refuses missing or malformed rows (invalid-input)", () => {
    expect(codeOf(() => assemblePoolCheck({ ...none, summary: [{ n_class: "0", n_date: "0", n_suspicious: "4" }] }))).toBe("invalid-input");
    expect(codeOf(() => assemblePoolCheck({ ...none, summary: [{ n_class: "2", n_date: "0", n_suspicious: "0" }] }))).toBe("invalid-input");
    expect(codeOf(() => assemblePoolCheck({ ...none, summary: [] }))).toBe("invalid-input");
    expect(codeOf(() => assemblePoolCheck({ ...none, summary: [{ n_class: "-1", n_date: "0", n_suspicious: "0" }] }))).toBe("invalid-input");
    const twenty = Array.from({ length: POOL_CHECK_LISTED }, (_, i) => ({ ssj_id: `D-${i}`, ssj_n: "2" }));
    expect(codeOf(() => assemblePoolCheck({ ...none, duplicates: twenty }))).toBe("invalid-input");
    expect(codeOf(() => assemblePoolCheck({ ...none, duplicates: [{ ssj_id: 7, ssj_n: "2" }] }))).toBe("invalid-input");
  });
});
