// G02, G06 (Chongqing 6.6 谁检查、谁录入、谁公开; Wancheng art. 3 分别依法负责; Longting art. 22): for any order of the
// departments' publications and any sections each withholds, the public view shows exactly the published, unwithheld
// sections, leaves out exactly the records every section of which is withheld, and shows a record's 处理意见 only once
// every department on it has published its section unwithheld.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { completeInspection, publicView, publishResults, recordResult, startInspection, type TaskLifecycle } from "../../src/index.js";
import { recordFor, teamsTask } from "./_scenario.js";

const OPINION = "责令限期整改";
let base: TaskLifecycle | undefined;
const completed = (): TaskLifecycle => {
  if (base !== undefined) return base;
  let t = startInspection(teamsTask("chongqing"), { on: "2026-04-10", actor: "组" }).task;
  for (const id of t.targetIds) t = recordResult(t, { ...recordFor(t, id), handlingOpinion: OPINION }, { on: "2026-04-15", actor: "组" }).task;
  return (base = completeInspection(t, { completedOn: "2026-04-16", actor: "组" }).task);
};

describe("per-section withholding (G02, G06)", () => {
  it("the public view after each publication shows exactly the published, unwithheld sections", () => {
    const t0 = completed();
    const departments = ["SCJG", "WJW"];
    const n = t0.records.length;
    fc.assert(
      fc.property(fc.boolean(), fc.array(fc.boolean(), { minLength: n, maxLength: n }), fc.array(fc.boolean(), { minLength: n, maxLength: n }), (wjwFirst, scjgW, wjwW) => {
        const order = wjwFirst ? ["WJW", "SCJG"] : ["SCJG", "WJW"];
        const withholds: Record<string, boolean[]> = { SCJG: scjgW, WJW: wjwW };
        let t = t0;
        const done: string[] = [];
        for (const d of order) {
          const withheld = t0.records.filter((r, k) => withholds[d]![k] && r.departments.some((s) => s.departmentId === d)).map((r) => ({ recordId: r.id, reason: "涉及国家秘密", basis: "保守国家秘密法 art. 2" }));
          t = publishResults(t, { publishedOn: "2026-04-20", actor: d, departmentId: d, withheld }).task;
          done.push(d);
          const view = publicView(t) as unknown as { results: { targetName: string; departments: { departmentId: string }[]; handlingOpinion?: string; withheldDepartments?: string[] }[]; withheld: { count: number; sections: number } };
          const isW = (k: number, dep: string) => withholds[dep]![k]! && done.includes(dep);
          let leftOut = 0;
          t0.records.forEach((r, k) => {
            const shown = view.results.find((x) => x.targetName === r.target.name);
            const deps = r.departments.map((s) => s.departmentId);
            if (deps.every((dep) => isW(k, dep))) { expect(shown).toBeUndefined(); leftOut++; return; }
            expect(shown).toBeDefined();
            expect(shown!.departments.map((s) => s.departmentId)).toEqual(deps.filter((dep) => done.includes(dep) && !isW(k, dep)));
            expect(shown!.handlingOpinion).toBe(deps.every((dep) => done.includes(dep) && !isW(k, dep)) ? OPINION : undefined);
            const wd = deps.filter((dep) => isW(k, dep));
            expect(shown!.withheldDepartments).toEqual(wd.length === 0 ? undefined : wd);
          });
          expect(view.withheld.count).toBe(leftOut);
          expect(view.withheld.sections).toBe(departments.reduce((a, dep) => a + (done.includes(dep) ? t0.records.filter((r, k) => withholds[dep]![k] && r.departments.some((s) => s.departmentId === dep)).length : 0), 0));
        }
        expect(t.state).toBe("published");
      }),
      { numRuns: 60 },
    );
  });
});
