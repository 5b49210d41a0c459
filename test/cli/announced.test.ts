// End-to-end on the built bin: `verify --announced` (forger finding 08), strict JSON — duplicate member names refused
// (finding 12) — and `verify` streaming the pool (memory independent of the pool size).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { canonicalize } from "../../src/draw/_shared/_encoding.js";
import { USCC_CHARSET, organisationCodeCheck, usccCheckCharacter } from "../../src/ids/_uscc.js";
import { jsonStructureProblem, MAX_JSON_DEPTH } from "../../src/cli/_json.js";
import { parseJson } from "../../src/cli/_files.js";
import { FileError } from "../../src/cli/_errors.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const BIN = join(ROOT, "dist/cli.js");
const dir = mkdtempSync(join(tmpdir(), "ssj-cli-ann-"));
const path = (f: string) => join(dir, f);
const cli = (...args: string[]) => run([], ...args);
function run(nodeFlags: string[], ...args: string[]) {
  const r = spawnSync(process.execPath, [...nodeFlags, BIN, ...args], { encoding: "utf8", cwd: dir, env: { ...process.env, NO_COLOR: "1", SHUANGSUIJI_PROGRESS: "" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at |node:internal|TypeError|RangeError/);
/** The record digest recomputed as a forger would (SHA-256 of the canonical JSON of every other member). */
function redigest(rec: Record<string, unknown>): Record<string, unknown> {
  const { digest: _d, ...body } = rec;
  return { ...rec, digest: createHash("sha256").update(JSON.stringify(canonicalize(body))).digest("hex") };
}

const SEED = "0123456789abcdef0123456789abcdef0123456789abcdef";
const pool = Array.from({ length: 12 }, (_, i) => ({ id: `U-${String(i).padStart(3, "0")}`, riskClass: "AB"[i % 2] as string, registrationDate: "2015-01-01", status: "operating", divisionCode: "411302" }));
writeFileSync(path("pool.json"), JSON.stringify(pool));
const policy = { strata: { A: { count: 2 }, B: { count: 2 } } };

describe("verify --announced (forger finding 08)", () => {
  const c = cli("commit", "--pool", "pool.json", "--out", "c.json");
  const d = cli("draw", "--pool", "pool.json", "--commitment", "c.json", "--policy", JSON.stringify(policy), "--task", "2026-T01", "--seed", SEED, "--provenance", "test", "--out", "r.json");
  const record = JSON.parse(readFileSync(path("r.json"), "utf8"));
  const commitment = JSON.parse(readFileSync(path("c.json"), "utf8"));
  const announced = { commitment, taskId: "2026-T01", policy, seed: record.seed };
  writeFileSync(path("announced.json"), JSON.stringify(announced));
  // the coherent edit: class A's count 2 → 1, its last selected unit dropped, threshold, count and digest recomputed
  const f = structuredClone(record);
  f.policy.strata.A.count = 1;
  f.strata[0].quota = 1;
  f.strata[0].quotaRule = "count 1";
  f.strata[0].selected = f.strata[0].selected.slice(0, 1);
  f.strata[0].threshold = f.strata[0].selected[0].ticket;
  f.selectedCount -= 1;
  writeFileSync(path("forged.json"), JSON.stringify(redigest(f)));

  it("commit says what must be announced and how auditors use it", () => {
    expect(c.code, c.err).toBe(0);
    expect(d.code, d.err).toBe(0);
    expect(c.out).toMatch(/what to announce/);
    expect(c.out).toMatch(/the task id and the policy/);
    expect(c.out).toMatch(/--announced announced\.json/);
  });
  it("the honest record matches what was announced: IDENTICAL, exit 0", () => {
    const v = cli("verify", "--record", "r.json", "--pool", "pool.json", "--announced", "announced.json");
    expect(v.code, v.err).toBe(0);
    expect(v.out).toMatch(/^一致 \/ IDENTICAL: .*matches the announced commitment, taskId, policy, seed/);
  });
  it("the coherent policy edit is refused against the announced policy (exit 1), and never called IDENTICAL without it", () => {
    const v = cli("verify", "--record", "forged.json", "--pool", "pool.json", "--announced", "announced.json");
    expect(v.code).toBe(1);
    expect(v.out).toMatch(/announced\.policy\.strata\.A\.count: 公布 announced 2, 记录 record 1/);
    expect(v.out).toMatch(/不一致 \/ MISMATCH: .*the record differs from what was announced/);
    const bare = cli("verify", "--record", "forged.json", "--pool", "pool.json");
    expect(bare.code).toBe(0);
    expect(bare.out).not.toMatch(/IDENTICAL/);
    expect(bare.out).toMatch(/^自洽 \/ CONSISTENT: .*NOT checked against what was announced before the draw \(add --announced\)/);
    const j = JSON.parse(cli("verify", "--record", "forged.json", "--pool", "pool.json", "--announced", "announced.json", "--json").out);
    expect(j.ok).toBe(false);
    expect(j.mismatches.map((m: { field: string }) => m.field)).toContain("announced.policy.strata.A.count");
    expect(j.announced).toEqual(["poolCommitmentDigest", "taskId", "policy", "seed"]);
  });
  it("each announced input binds: seed, task id, digest alone, and the commitment's counts", () => {
    const check = (a: unknown, field: RegExp) => {
      writeFileSync(path("a.json"), JSON.stringify(a));
      const v = cli("verify", "--record", "r.json", "--pool", "pool.json", "--announced", "a.json", "--json");
      expect(v.code, v.out).toBe(1);
      expect(JSON.parse(v.out).mismatches.map((m: { field: string }) => m.field).join(" ")).toMatch(field);
    };
    check({ seed: { ...record.seed, value: "f".repeat(48) } }, /announced\.seed\.value/);
    check({ taskId: "2026-T02" }, /announced\.taskId/);
    check({ poolCommitmentDigest: "0".repeat(64) }, /announced\.poolCommitmentDigest/);
    check({ commitment: { ...commitment, unitCount: 13, strata: { A: 7, B: 6 } } }, /announced\.commitment\.strata.*announced\.commitment\.unitCount|announced\.commitment\.unitCount/);
    writeFileSync(path("a.json"), JSON.stringify({ poolCommitmentDigest: commitment.digest }));
    expect(cli("verify", "--record", "r.json", "--pool", "pool.json", "--announced", "a.json").out).toMatch(/IDENTICAL: .*matches the announced commitment digest/);
  });
  it("a bad --announced file: exit 3, bilingual, naming the member", () => {
    const cases: [unknown, RegExp][] = [
      [{ policies: policy }, /未知成员 policies \/ unknown member\(s\) policies/],
      [{}, /nothing announced/],
      [[announced], /expected a JSON object/],
      [{ policy: { strata: { A: { ratio: 2 } } } }, /policy: .*strata\.A\.ratio/],
      [{ poolCommitmentDigest: "abc" }, /poolCommitmentDigest: .*64 lower-case hex/],
      [{ commitment: { digest: "x" } }, /commitment: .*not a pool commitment/],
      [{ commitment, poolCommitmentDigest: commitment.digest }, /not both/],
    ];
    for (const [a, re] of cases) {
      writeFileSync(path("bad.json"), JSON.stringify(a));
      const v = cli("verify", "--record", "r.json", "--pool", "pool.json", "--announced", "bad.json");
      expect(v.code, JSON.stringify(a)).toBe(3);
      expect(v.err).toMatch(re);
      noStack(v.err);
    }
  });
  it("--help documents --announced and its format", () => {
    const h = cli("verify", "--help").out;
    expect(h).toMatch(/--announced <file>/);
    expect(h).toMatch(/poolCommitmentDigest/);
    expect(h).toMatch(/as `shuangsuiji commit --out` wrote it/);
  });
});

describe("ticket --announced (forger attack 09: per-class counts the digest does not bind)", () => {
  const ratio = { strata: { A: { ratio: 0.5 }, B: { ratio: 0.5 } } };
  const d = cli("draw", "--pool", "pool.json", "--commitment", "c.json", "--policy", JSON.stringify(ratio), "--task", "2026-T09", "--seed", SEED, "--provenance", "test", "--out", "r09.json");
  const record = JSON.parse(readFileSync(path("r09.json"), "utf8"));
  const commitment = JSON.parse(readFileSync(path("c.json"), "utf8"));
  writeFileSync(path("a09.json"), JSON.stringify({ commitment, taskId: "2026-T09", policy: ratio, seed: record.seed }));
  const victim = record.strata[0].selected[2].unitId as string; // honest quota A = ceil(50% × 6) = 3
  // attack-09: three class-A units moved to "ineligible" (unitCount and digest unchanged), so A's quota shrinks to 2
  const f = structuredClone(record);
  const c = f.poolCommitment;
  c.strata.A = 3;
  c.ineligible = { "status-not-allowed": 3 };
  c.eligibleCount = 9;
  c.state.strata = { ...c.strata };
  c.state.ineligible = { ...c.ineligible };
  f.strata[0].size = 3;
  f.strata[0].quota = 2;
  f.strata[0].quotaRule = "ceil(50% × 3) = 2";
  f.strata[0].selected = f.strata[0].selected.slice(0, 2);
  f.strata[0].threshold = f.strata[0].selected[1].ticket;
  f.selectedCount -= 1;
  writeFileSync(path("forged09.json"), JSON.stringify(redigest(f)));

  it("honest record: the victim is selected, exit 0", () => {
    expect(d.code, d.err).toBe(0);
    expect(record.strata[0].riskClass).toBe("A");
    const t = cli("ticket", "--record", "r09.json", "--id", victim, "--class", "A", "--announced", "a09.json", "--json");
    expect(t.code, t.err).toBe(0);
    expect(JSON.parse(t.out)).toMatchObject({ status: "selected", unitId: victim });
  });
  it("forged counts: record-only check is fooled (exit 0, not selected), --announced answers not-as-announced (exit 1)", () => {
    const bare = cli("ticket", "--record", "forged09.json", "--id", victim, "--class", "A", "--json");
    expect(bare.code, bare.err).toBe(0);
    expect(JSON.parse(bare.out).status).toBe("not-selected");
    const t = cli("ticket", "--record", "forged09.json", "--id", victim, "--class", "A", "--announced", "a09.json", "--json");
    expect(t.code, t.err).toBe(1);
    const r = JSON.parse(t.out);
    expect(r).toMatchObject({ status: "inconsistent", reason: "not-as-announced" });
    expect(r.recordProblems.map((m: { field: string }) => m.field).join(" ")).toMatch(/announced\.poolCommitment\.(strata|ineligible|eligibleCount)/);
    const text = cli("ticket", "--record", "forged09.json", "--id", victim, "--class", "A", "--announced", "a09.json");
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/记录与抽取前公示的内容不符/);
    expect(text.out).toMatch(/differs from what was announced before the draw/);
  });
  it("the digest alone does not catch it (documented), another announced member does", () => {
    writeFileSync(path("a09d.json"), JSON.stringify({ poolCommitmentDigest: commitment.digest }));
    expect(cli("ticket", "--record", "forged09.json", "--id", victim, "--class", "A", "--announced", "a09d.json").code).toBe(0);
    writeFileSync(path("a09t.json"), JSON.stringify({ taskId: "2026-T10" }));
    const t = cli("ticket", "--record", "r09.json", "--id", victim, "--class", "A", "--announced", "a09t.json", "--json");
    expect(t.code).toBe(1);
    expect(JSON.parse(t.out)).toMatchObject({ status: "inconsistent", reason: "not-as-announced" });
  });
  it("a bad --announced file: exit 3, bilingual, naming the member; duplicate names refused", () => {
    const { ineligible: _i, ...noCounts } = commitment;
    const cases: [string, RegExp][] = [
      [JSON.stringify({ policies: ratio }), /未知成员 policies \/ unknown member\(s\) policies.*ticket --help/],
      [JSON.stringify({ commitment: { ...commitment, extra: 1 } }), /poolCommitment\.extra.*unknown commitment member "extra"/],
      [JSON.stringify({ commitment: noCounts }), /poolCommitment\.ineligible.*lacks "ineligible"/],
      [`{"taskId":"2026-T09","taskId":"2026-T10"}`, /duplicate member name "taskId"/],
    ];
    for (const [text, re] of cases) {
      writeFileSync(path("bad09.json"), text);
      const t = cli("ticket", "--record", "r09.json", "--id", victim, "--class", "A", "--announced", "bad09.json");
      expect(t.code, text).toBe(3);
      expect(t.err).toMatch(re);
      noStack(t.err);
    }
  });
  it("--help documents --announced, its format and which members ticket uses", () => {
    const h = cli("ticket", "--help").out;
    expect(h).toMatch(/--announced <file>/);
    expect(h).toMatch(/as `shuangsuiji commit --out` wrote it/);
    expect(h).toMatch(/ticket uses every member/);
  });
});

describe("strict JSON: duplicate member names are refused (forger finding 12)", () => {
  const text = readFileSync(path("r.json"), "utf8");
  const record = JSON.parse(text);
  it("a record with a decoy list first: verify and ticket exit 3 naming the path, in both languages", () => {
    const compact = JSON.stringify(record);
    const sel = JSON.stringify(record.strata[0].selected);
    const notSel = pool.find((u) => u.riskClass === "A" && !record.strata[0].selected.some((s: { unitId: string }) => s.unitId === u.id))?.id as string;
    writeFileSync(path("dup.json"), compact.replace(`"selected":${sel}`, `"selected":[{"ticket":"${"0".repeat(64)}","unitId":"${notSel}"}],"selected":${sel}`));
    const v = cli("verify", "--record", "dup.json", "--pool", "pool.json");
    expect(v.code).toBe(3);
    expect(v.err).toMatch(/成员名 "selected" 重复（\$\.strata\[0\]\.selected）.* \/ duplicate member name "selected" at \$\.strata\[0\]\.selected/);
    noStack(v.err);
    const t = cli("ticket", "--record", "dup.json", "--id", notSel, "--class", "A");
    expect(t.code).toBe(3);
    expect(t.err).toMatch(/duplicate member name "selected"/);
    // --json: the refusal is JSON on stdout, and nothing else
    const j = cli("ticket", "--record", "dup.json", "--id", notSel, "--class", "A", "--json");
    expect(j.code).toBe(3);
    expect(JSON.parse(j.out)).toMatchObject({ ok: false, error: { exitCode: 3, messages: [expect.stringMatching(/duplicate member name "selected"/)] } });
  });
  it("names compare after unescaping; a pretty-printed record, a commitment, a policy and a pool are all checked", () => {
    writeFileSync(path("dup2.json"), text.replace(/"taskId": "2026-T01"/, '"task\\u0049d": "2026-T99", "taskId": "2026-T01"'));
    expect(cli("verify", "--record", "dup2.json", "--pool", "pool.json").err).toMatch(/duplicate member name "taskId" at \$\.taskId/);
    expect(cli("draw", "--pool", "pool.json", "--commitment", "c.json", "--policy", '{"strata":{"A":{"count":1,"count":2}}}', "--task", "T", "--seed", SEED).err).toMatch(
      /--policy: .*duplicate member name "count" at \$\.strata\.A\.count/,
    );
    writeFileSync(path("dup-pool.json"), JSON.stringify(pool).replace('"riskClass":"A"', '"riskClass":"B","riskClass":"A"'));
    const p = cli("commit", "--pool", "dup-pool.json");
    expect(p.code).toBe(3);
    expect(p.err).toMatch(/duplicate member name "riskClass" at \$\[0\]\.riskClass/);
  });
  it("hostile nesting fails cleanly (exit 3, one line)", () => {
    writeFileSync(path("deep.json"), `${"[".repeat(200_000)}${"]".repeat(200_000)}`);
    const v = cli("verify", "--record", "deep.json", "--pool", "pool.json");
    expect(v.code).toBe(3);
    expect(v.err).toMatch(/JSON嵌套过深.* \/ JSON nested too deeply/);
    noStack(v.err);
  });
});

describe("jsonStructureProblem", () => {
  it("accepts whatever JSON.stringify writes (no duplicates possible), at any spacing", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(undefined, 1, 2, "\t"), (v, space) => {
        expect(jsonStructureProblem(JSON.stringify(v, null, space))).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
  it("finds a member repeated in any object, with its path, however the name is escaped", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 20 }), fc.nat(), fc.nat(3), (o, pick, wrap) => {
        const keys = Object.keys(o);
        const k = keys[pick % keys.length] as string;
        const escaped = [...k].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
        const inner = `{"${escaped}":0,${JSON.stringify(o).slice(1)}`;
        let t = inner;
        for (let i = 0; i < wrap; i++) t = `[1,{"x":${t}}]`;
        const p = jsonStructureProblem(t);
        expect(p).toMatchObject({ kind: "duplicate-member", name: k });
        expect(p?.path.startsWith("$" + "[1].x".repeat(wrap))).toBe(true);
        expect(() => parseJson("t", t)).toThrow(FileError);
      }),
      { numRuns: 300 },
    );
  });
  it("equal names in different objects are fine; nesting is bounded", () => {
    expect(jsonStructureProblem('{"a":{"a":1},"b":[{"a":1},{"a":2}]}')).toBeUndefined();
    expect(jsonStructureProblem(`${"[".repeat(MAX_JSON_DEPTH)}${"]".repeat(MAX_JSON_DEPTH)}`)).toBeUndefined();
    expect(jsonStructureProblem(`${"[".repeat(MAX_JSON_DEPTH + 1)}${"]".repeat(MAX_JSON_DEPTH + 1)}`)).toMatchObject({ kind: "too-deep" });
    const many = `{${Array.from({ length: 100 }, (_, i) => `"k${i}":${i}`).join(",")},"k57":0}`;
    expect(jsonStructureProblem(many)).toEqual({ kind: "duplicate-member", name: "k57", path: "$.k57" });
  });
});

describe("verify streams the pool", () => {
  it("a 300,000-row CSV verifies in a 40 MiB heap (reading it whole needs more than 48 MiB), same verdict and count", () => {
    const rows = ["行政相对人名称,统一社会信用代码,行政区划代码,信用风险分类,成立日期,登记状态"];
    for (let i = 0; i < 300_000; i++) {
      let body = "";
      for (let x = i, k = 0; k < 8; k++, x = Math.floor(x / 31)) body = (USCC_CHARSET[x % 31] as string) + body;
      body = body.replace(/[^0-9A-Z]/g, "0");
      const first17 = `91411303${body}${organisationCodeCheck(body) ?? "0"}`;
      rows.push(`企业${i},${first17}${usccCheckCharacter(first17) ?? "0"},411303,${"ABCD"[i % 4]},2015-03-01,存续`);
    }
    writeFileSync(path("big.csv"), `${rows.join("\n")}\n`);
    expect(cli("commit", "--pool", "big.csv", "--out", "bc.json").code).toBe(0);
    expect(cli("draw", "--pool", "big.csv", "--commitment", "bc.json", "--policy", '{"strata":{"A":{"count":3},"D":{"count":2}}}', "--task", "T", "--seed", SEED, "--out", "br.json").code).toBe(0);
    const v = run(["--max-old-space-size=40"], "verify", "--record", "br.json", "--pool", "big.csv");
    expect(v.code, v.err).toBe(0);
    expect(v.out).toMatch(/300000 个单位 units in the pool, 300000 合格 eligible, 5 抽中 selected in 4 类 strata/);
  }, 120_000);
  it("a pool file that cannot be read is still a file error (exit 3), not a mismatch", () => {
    writeFileSync(path("obj.json"), JSON.stringify({ units: pool }));
    const v = cli("verify", "--record", "r.json", "--pool", "obj.json");
    expect(v.code).toBe(3);
    expect(v.err).toMatch(/expected a JSON array of units/);
  });
});
