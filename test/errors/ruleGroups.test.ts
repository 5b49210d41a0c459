// The rule registry is split by where rules are reported (issue 15, the light core): a bundle carries only the
// bilingual texts of the rules its code can report. These tests pin that the split loses nothing from RULES and that
// the target draw's bundles do not carry stage 2's rules or the calendar's coverage rules.
import { describe, expect, it } from "vitest";
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { RULES, ruleMessage } from "../../src/index.js";
import { CALENDAR_RULES } from "../../src/errors/_calendarRules.js";
import { DATE_RULES } from "../../src/errors/_dateRules.js";
import { DRAW_RULES, ruleIssue } from "../../src/errors/_drawRules.js";
import { STAGE2_RULES, stage2RuleIssue } from "../../src/errors/_stage2Rules.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

async function bundled(contents: string): Promise<string> {
  const r = await build({
    stdin: { contents, resolveDir: root, loader: "ts", sourcefile: "entry.ts" },
    bundle: true, format: "esm", platform: "browser", target: "es2022", write: false, logLevel: "silent",
  });
  return r.outputFiles[0]!.text;
}

describe("rule groups", () => {
  it("RULES holds every group's rules, each under its own id, with the same text", () => {
    for (const group of [CALENDAR_RULES, DATE_RULES, DRAW_RULES, STAGE2_RULES]) {
      for (const [id, r] of Object.entries(group)) {
        expect(r.id).toBe(id);
        expect(RULES[id as keyof typeof RULES]).toEqual(r);
      }
    }
    expect(CALENDAR_RULES["civil-date"]).toBe(DATE_RULES["civil-date"]);
    // no rule is in two of the draw's groups
    for (const id of Object.keys(STAGE2_RULES)) expect(id in DRAW_RULES).toBe(false);
  });

  it("the draw's and stage 2's issue builders give the registry's texts", () => {
    const d = ruleIssue("civil-date", ["x"]);
    expect(`${d.messageZh} / ${d.messageEn} (${d.clause})`).toBe(ruleMessage("civil-date"));
    for (const id of ["stage2-own-seed", "team-leader-initiating", "not-enough-inspectors", "seed-entropy", "unique-ids"] as const) {
      const i = stage2RuleIssue(id, ["seed"]);
      expect(i.rule).toBe(id);
      expect(`${i.messageZh} / ${i.messageEn} (${i.clause})`).toBe(ruleMessage(id));
      expect(i.path).toEqual(["seed"]);
    }
  });

  it("verifyTicket's bundle carries no stage-2 or calendar-coverage rule text; drawInspectors' carries stage 2's", async () => {
    const ticket = await bundled(`export { verifyTicket } from "./src/index.ts";`);
    for (const r of [...Object.values(STAGE2_RULES), CALENDAR_RULES["calendar-coverage"], CALENDAR_RULES["calendar-year-data"]]) {
      expect(ticket).not.toContain(r.en);
    }
    expect(ticket).toContain(DATE_RULES["civil-date"].en);
    expect(ticket).toContain(DRAW_RULES["seed-entropy"].en);
    const stage2 = await bundled(`export { drawInspectors } from "./src/index.ts";`);
    for (const r of Object.values(STAGE2_RULES)) expect(stage2).toContain(r.en);
  });
});
