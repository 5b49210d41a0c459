import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";
import type { TargetDrawRecord } from "../draw/records/TargetDrawRecord.js";
import { countsTowardMinimum } from "../model/countsTowardMinimum.js";
import type { InspectorCategory } from "../model/inspector.js";
import type { TaskLifecycle } from "./TaskLifecycle.js";
import { refuse } from "./_lifecycle.js";
import { presetOf, text } from "./_rules.js";
import { cappedIssues } from "../errors/_capIssues.js";

/** What {@link drawWitnesses} adds to the draw event's payload: nothing, or the advisories it found. */
export type WitnessPayload = { readonly advisories?: readonly RuleIssue[] };

/**
 * The witnesses of a target draw, checked against the preset's `drawWitnesses` (Wolong 2.2: 建议抽取过程由两名以上执法人员
 * 见证): the seed's provenance names at least `minimum` distinct witnesses (only a dice roll names any: a lottery,
 * beacon, commit-reveal or other seed has none recorded), and where `mustBeInspectors` each is 执法人员 — an enforcement
 * member of a department directory given as `witnessDirectory` (名录库, Chongqing C.1), matched by id or name; an
 * expert, a testing institution or a third party is not (Chongqing 5, Wancheng art. 19: 辅助检查人员), and without a
 * directory no witness can be confirmed. Where the preset says `required` the problems are refused together
 * (`invalid-input`); otherwise (Wolong: 建议, a recommendation) they are returned as advisories for the draw event's
 * payload, and the draw is recorded. Nothing is checked when the preset has no `drawWitnesses`.
 */
export function drawWitnesses(t: TaskLifecycle, record: TargetDrawRecord, options: { readonly witnessDirectory?: unknown }): WitnessPayload {
  const rule = presetOf(t).drawWitnesses;
  if (rule === undefined) return {};
  const directory = options?.witnessDirectory;
  if (directory !== undefined && (!Array.isArray(directory) || directory.length > 100_000)) {
    refuse("invalid-input", "witness-directory", rule.clause, "见证人核对用的执法检查人员名录应为人员列表", "witnessDirectory must be a list of inspector directory entries", ["options", "witnessDirectory"]);
  }
  const provenance = record.seed?.provenance as { readonly kind?: unknown; readonly witnesses?: unknown } | undefined;
  const named = provenance?.kind === "dice" && Array.isArray(provenance.witnesses) ? [...new Set(provenance.witnesses.map((w, k) => text(w, ["record", "seed", "provenance", "witnesses", k])).filter((w) => w !== ""))] : [];
  const issues: RuleIssue[] = [];
  const path = ["record", "seed", "provenance", "witnesses"];
  if (named.length < rule.minimum) {
    issues.push({
      path, rule: "draw-witnesses", clause: rule.clause, value: named.length,
      messageZh: `抽取过程应由${rule.minimum}名以上${rule.mustBeInspectors ? "执法人员" : "人员"}见证（随机种子记录了${named.length}名见证人）`,
      messageEn: `the draw should be witnessed by at least ${rule.minimum}${rule.mustBeInspectors ? " enforcement officers (执法人员)" : ""}: the seed records ${named.length} witness(es)`,
    });
  }
  if (rule.mustBeInspectors) {
    const officers = new Set<string>();
    for (const [n, e] of ((directory ?? []) as unknown[]).entries()) {
      const i = e as { readonly id?: unknown; readonly name?: unknown; readonly category?: unknown } | null;
      if (i === null || typeof i !== "object" || typeof i.category !== "string" || !countsTowardMinimum({ category: i.category as InspectorCategory })) continue;
      for (const k of [text(i.id, ["options", "witnessDirectory", n, "id"]), text(i.name, ["options", "witnessDirectory", n, "name"])]) if (k !== "") officers.add(k);
    }
    named.forEach((w, k) => {
      if (officers.has(w)) return;
      issues.push({
        path: [...path, k], rule: "draw-witness-not-inspector", clause: rule.clause, value: w,
        messageZh: directory === undefined ? `无法确认见证人${w}为执法人员（未提供执法检查人员名录）` : `见证人${w}不是名录中的执法人员`,
        messageEn: directory === undefined ? `the witness ${w} cannot be confirmed as an enforcement officer: pass the department directories as witnessDirectory` : `the witness ${w} is not an enforcement officer of the directories given (an expert or third party does not count)`,
      });
    });
  }
  if (issues.length === 0) return {};
  if (rule.required) throw new ShuangsuijiError("invalid-input", cappedIssues(issues));
  return { advisories: issues };
}
