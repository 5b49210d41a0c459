import type { RuleIssue } from "./ShuangsuijiError.js";

/**
 * A named validation rule.
 *
 * @category Errors
 */
export interface RuleDefinition {
  /** Stable rule id. */
  readonly id: string;
  /** Where the rule comes from. */
  readonly clause: string;
  /** 中文说明。 */
  readonly zh: string;
  /** English explanation. */
  readonly en: string;
}

/** @internal A frozen group of rules keyed by id (each rule carries its id). */
export const define = <const T extends Record<string, Omit<RuleDefinition, "id">>>(defs: T) =>
  Object.freeze(
    Object.fromEntries(Object.entries(defs).map(([id, d]) => [id, Object.freeze({ id, ...d })])),
  ) as { readonly [K in keyof T]: RuleDefinition & { readonly id: K } };

const byMessage = new Map<string, RuleDefinition>();

/**
 * @internal The message string a schema uses for a rule: `中文 / English (clause)`, unique per rule, remembered so that
 * error mapping recovers the rule from a zod issue ({@link ruleFromMessage}).
 */
export function messageOf(r: RuleDefinition): string {
  const text = `${r.zh} / ${r.en} (${r.clause})`;
  byMessage.set(text, r);
  return text;
}

/** @internal Look a rule up by the message {@link messageOf} produced. */
export function ruleFromMessage(message: string): RuleDefinition | undefined {
  return byMessage.get(message);
}

/** @internal Where an issue sits in a table, its value, and detail appended to the rule's message. */
export type IssueExtra = Partial<Pick<RuleIssue, "row" | "column" | "value">> & { readonly detailZh?: string; readonly detailEn?: string };

/** @internal Builds a {@link RuleIssue} for a rule. */
export function issueOf(r: RuleDefinition, path: readonly (string | number)[] = [], extra: IssueExtra = {}): RuleIssue {
  const { detailZh, detailEn, ...rest } = extra;
  return {
    path,
    rule: r.id,
    clause: r.clause,
    messageZh: detailZh === undefined ? r.zh : `${r.zh}：${detailZh}`,
    messageEn: detailEn === undefined ? r.en : `${r.en}: ${detailEn}`,
    ...rest,
  };
}
