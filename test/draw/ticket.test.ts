// verifyTicket against ground truth for every unit of the bundled data set (examples/data/targets.json): selected,
// not selected, ineligible for each reason, unknown ids, every class spelling. No honest enterprise is told
// "inconsistent".
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ShuangsuijiError, commitPool, drawTargets, seedFromDice, verifyTicket, type InspectionTarget, type TargetDrawRecord } from "../../src/index.js";
import { digestOf } from "../../src/draw/_shared/_encoding.js";

const targets = JSON.parse(readFileSync(new URL("../../examples/data/targets.json", import.meta.url), "utf8")) as InspectionTarget[];
const exclusions = targets.filter((_, i) => i % 97 === 5).map((t) => ({ unitId: t.id, reason: "近一年内已检查 (inspected within a year)" }));
const eligibility = { registeredOnOrBefore: "2021-12-31", statuses: ["operating" as const] };
const commitment = commitPool(targets, { eligibility, exclusions });
const seed = seedFromDice({ digits: "314159265358979323846264338327950288419", witnesses: ["张伟", "李娜"], date: "2026-04-01" });
const record = drawTargets({ taskId: "NY-2026-04", pool: targets, commitment, seed, policy: { strata: { A: { ratio: 0.03 }, B: { ratio: 0.05 }, C: { ratio: 0.2 }, D: { ratio: 0.6 } } } });
const selected = new Map(record.strata.flatMap((s) => s.selected.map((u, i) => [u.unitId, i + 1] as const)));
const excluded = new Set(exclusions.map((e) => e.unitId));
function truth(t: InspectionTarget): string {
  if (selected.has(t.id)) return "selected";
  if (excluded.has(t.id)) return "excluded";
  if (t.registrationDate === undefined) return "registration-date-unknown";
  if (t.registrationDate > "2021-12-31") return "registered-after-cutoff";
  if (t.status === undefined) return "status-unknown";
  if (t.status !== "operating") return "status-not-allowed";
  return "eligible";
}

describe("verifyTicket: ground truth for every unit of the bundled data set", () => {
  const counts: Record<string, number> = {};
  it("with the enterprise's registration facts: the exact status and reason for each of the 3,080 units", () => {
    for (const t of targets) {
      const want = truth(t);
      counts[want] = (counts[want] ?? 0) + 1;
      const c = verifyTicket(record, { unitId: t.id, riskClass: t.riskClass, ...(t.registrationDate === undefined ? {} : { registrationDate: t.registrationDate }), ...(t.status === undefined ? {} : { status: t.status }) });
      expect(c.status).not.toBe("inconsistent");
      if (want === "selected") expect([c.status, c.reason, c.rank]).toEqual(["selected", "listed", selected.get(t.id)]);
      else if (want === "eligible") expect([c.status, c.reason]).toEqual(["not-selected", "ticket-above-threshold"]);
      else if (want === "excluded") expect([c.status, c.reason, c.exclusionReason]).toEqual(["not-in-stratum", "excluded", "近一年内已检查 (inspected within a year)"]);
      else if (want === "registration-date-unknown" || want === "status-unknown") {
        // a fact the enterprise did not state is not held against it: answered by the ticket
        expect(["not-selected", "not-in-stratum"]).toContain(c.status);
      } else expect([c.status, c.reason]).toEqual(["not-in-stratum", want]);
    }
    console.log(`verifyTicket ground truth over ${targets.length} units: ${JSON.stringify(counts)}`);
    expect(counts.selected).toBe(record.selectedCount);
    for (const k of ["selected", "eligible", "excluded", "registered-after-cutoff", "status-not-allowed", "registration-date-unknown"]) expect(counts[k]).toBeGreaterThan(0);
  });
  it("with the id and class only: selected and not-selected units get the exact answer, no ineligible unit is told 'inconsistent'", () => {
    let falseAlarms = 0;
    for (const t of targets) {
      const c = verifyTicket(record, { unitId: t.id, riskClass: t.riskClass });
      if (c.status === "inconsistent") falseAlarms++;
      const want = truth(t);
      if (want === "selected") expect(c.status).toBe("selected");
      else if (want === "eligible") expect(c.status).toBe("not-selected");
      else if (want === "excluded") expect(c.reason).toBe("excluded");
      else expect(["not-selected", "not-in-stratum"]).toContain(c.status);
      expect(c.messageZh.length).toBeGreaterThan(10);
      expect(c.messageEn.length).toBeGreaterThan(10);
    }
    expect(falseAlarms).toBe(0);
  });
  it("unknown ids are never 'inconsistent'", () => {
    for (let i = 0; i < 300; i++) {
      const c = verifyTicket(record, { unitId: `91411300UNKNOWN${String(i).padStart(4, "0")}`, riskClass: "ABCD"[i % 4]! });
      expect(["not-selected", "not-in-stratum"]).toContain(c.status);
    }
  });
  it("every class spelling of the standard's tables gives the same answer; ids are trimmed", () => {
    const picks = record.strata.filter((s) => s.selected.length > 0).map((s) => s.selected[0]!.unitId);
    const names: Record<string, string> = { A: "信用风险低", B: "信用风险一般", C: "信用风险较高", D: "信用风险高" };
    for (const id of picks) {
      const cls = targets.find((t) => t.id === id)!.riskClass;
      const full = String.fromCharCode(cls.charCodeAt(0) + 0xfee0);
      for (const spelling of [cls, cls.toLowerCase(), `${cls}类`, `${cls.toLowerCase()}类`, `${full}类`, ` ${cls}级 `, names[cls]!, `${names[cls]}（${cls}类）`]) {
        const c = verifyTicket(record, { unitId: `  ${id}\u3000`, riskClass: spelling });
        expect([c.status, c.riskClass, c.unitId]).toEqual(["selected", cls, id]);
      }
    }
    expect(() => verifyTicket(record, { unitId: picks[0]!, riskClass: "E类?" })).toThrowError(ShuangsuijiError);
    expect(() => verifyTicket(record, { unitId: "  ", riskClass: "A" })).toThrowError(ShuangsuijiError);
  });
  it("a record that contradicts itself is 'inconsistent' for everyone, with the facts", () => {
    const s = record.strata[1]!;
    const body = { ...record, strata: record.strata.map((x) => (x === s ? { ...x, quota: x.quota + 1 } : x)) } as Record<string, unknown>;
    delete body.digest;
    const forged = { ...body, digest: digestOf(body) } as unknown as TargetDrawRecord;
    const c = verifyTicket(forged, { unitId: targets[0]!.id, riskClass: targets[0]!.riskClass });
    expect([c.status, c.reason]).toEqual(["inconsistent", "record-inconsistent"]);
    expect(c.recordProblems.length).toBeGreaterThan(0);
  });
  it("a listed unit whose stated facts break the record's rules is 'inconsistent' (listed-but-ineligible)", () => {
    const id = record.strata.find((x) => x.selected.length > 0)!.selected[0]!.unitId;
    const t = targets.find((x) => x.id === id)!;
    const c = verifyTicket(record, { unitId: id, riskClass: t.riskClass, registrationDate: "2024-01-01" });
    expect([c.status, c.reason]).toEqual(["inconsistent", "listed-but-ineligible"]);
  });
});

// Adversarial review A6–A8: the enterprise's stated facts are read as table import reads them, never compared raw.
describe("verifyTicket reads stated facts like table import (A6–A8)", () => {
  const sel = targets.find((t) => selected.has(t.id) && t.registrationDate !== undefined && t.status === "operating" && /^[0-9A-Z]{18}$/.test(t.id))!;
  const [y, m, d] = sel.registrationDate!.split("-");
  const honest = verifyTicket(record, { unitId: sel.id, riskClass: sel.riskClass, registrationDate: sel.registrationDate!, status: "operating" });
  it("the honest spelling is selected", () => expect(honest.status).toBe("selected"));
  it("date spellings 2021/03/01, 2021.03.01, 2021年3月1日, 2021-3-1 give the same answer", () => {
    for (const date of [`${y}/${m}/${d}`, `${y}.${m}.${d}`, `${y}年${Number(m)}月${Number(d)}日`, `${y}-${Number(m)}-${Number(d)}`, ` ${sel.registrationDate} `]) {
      expect(verifyTicket(record, { unitId: sel.id, riskClass: sel.riskClass, registrationDate: date }).status, date).toBe("selected");
    }
  });
  it("the Excel serial day, as text or as the whole number a spreadsheet reader gives, is the same date (hostile8a F4)", () => {
    const serial = (Date.parse(`${sel.registrationDate}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
    for (const date of [serial, String(serial)]) {
      expect(verifyTicket(record, { unitId: sel.id, riskClass: sel.riskClass, registrationDate: date }).status, String(date)).toBe("selected");
    }
    for (const date of [serial + 0.5, 4237, 123456, -serial, Number.NaN, true as unknown as number]) {
      expect(() => verifyTicket(record, { unitId: sel.id, riskClass: sel.riskClass, registrationDate: date }), String(date)).toThrow(/registration date not recognised.*Excel serial day/);
    }
  });
  it("an unreadable date is refused with a clear message, never compared as text", () => {
    for (const date of [`${sel.registrationDate}T00:00:00`, "yesterday", `${y}-02-30`]) {
      expect(() => verifyTicket(record, { unitId: sel.id, riskClass: sel.riskClass, registrationDate: date })).toThrow(/registration date not recognised/);
    }
  });
  it("status 存续 / 在业 is operating; 注销 is not; an unknown status is refused", () => {
    for (const status of ["存续", " 在业 ", "operating"]) expect(verifyTicket(record, { unitId: sel.id, riskClass: sel.riskClass, status }).status, status).toBe("selected");
    expect(verifyTicket(record, { unitId: sel.id, riskClass: sel.riskClass, status: "注销" }).status).toBe("inconsistent");
    expect(() => verifyTicket(record, { unitId: sel.id, riskClass: sel.riskClass, status: "nonsense" })).toThrow(/registration status not recognised/);
  });
  it("a USCC typed in lower case or full width is the committed id", () => {
    const fw = sel.id.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    for (const id of [sel.id.toLowerCase(), fw, ` ${sel.id}\u3000`]) {
      const c = verifyTicket(record, { unitId: id, riskClass: sel.riskClass });
      expect(c.status, id).toBe("selected");
      expect(c.unitId).toBe(sel.id);
    }
  });
});
