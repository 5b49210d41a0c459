import * as z from "zod/v4/mini";
import { ShuangsuijiError, type RuleIssue } from "../../errors/ShuangsuijiError.js";
import { issuesFromZod } from "../../errors/_fromZod.js";

/** A draw rule issue whose rule id is specific to the draw (not in the shared registry); clause cited, both languages. */
export function drawIssue(rule: string, path: readonly (string | number)[], clause: string, messageZh: string, messageEn: string, value?: unknown): RuleIssue {
  return value === undefined ? { path, rule, clause, messageZh, messageEn } : { path, rule, clause, messageZh, messageEn, value };
}


/** The shape check at a public boundary: the parsed value, or `invalid-input` naming every bad field. */
export function parseInput<T>(schema: z.core.$ZodType<T>, value: unknown, clause: string): T {
  const r = z.safeParse(schema, value);
  if (!r.success) throw new ShuangsuijiError("invalid-input", issuesFromZod(r.error.issues, { clause }, value), { cause: r.error });
  return r.data;
}

/** Iterables only (a pool is any iterable of units): `invalid-input` otherwise. */
export function iterableInput<T>(value: unknown, path: string): Iterable<T> {
  if (value === null || value === undefined || typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== "function" || typeof value === "string") {
    throw new ShuangsuijiError("invalid-input", [drawIssue("iterable", [path], "docs/spec-v1.md §3", "应为对象列表", "expected a list of units", typeof value)]);
  }
  return value as Iterable<T>;
}
