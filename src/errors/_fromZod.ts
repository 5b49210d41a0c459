import type * as z from "zod/v4";
import type { RuleIssue } from "./ShuangsuijiError.js";
import { ruleFromMessage } from "./_rule.js";

type ZodIssue = z.core.$ZodIssue;

function generic(issue: ZodIssue, value: unknown): [zh: string, en: string] {
  switch (issue.code) {
    // zod does not keep the input in the issues it returns: a wrong type is told from a missing field by the value
    // found at the issue's path in the caller's input (zod's own `input` only when the caller passed none)
    case "invalid_type":
      return value === undefined
        ? ["缺少必填字段", `required field is missing (expected ${issue.expected})`]
        : ["字段类型错误", `wrong type (expected ${issue.expected})`];
    case "invalid_value":
      return ["取值不在允许范围内", `value not allowed (expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")})`];
    case "unrecognized_keys":
      return ["存在无法识别的字段", `unrecognised field(s): ${issue.keys.join(", ")}`];
    case "too_small":
      return ["取值过小或元素过少", `too small (minimum ${String(issue.minimum)})`];
    case "too_big":
      return ["取值过大或元素过多", `too big (maximum ${String(issue.maximum)})`];
    case "invalid_union":
      return ["不符合任何允许的形式", "matches none of the allowed forms (check `kind`)"];
    case "invalid_format":
      return ["格式错误", `wrong format (${issue.format})`];
    // zod's English texts, written out: zod mini (the draw's schemas) installs no locale, so issue.message would be
    // "Invalid input" in a bundle without zod classic (or the application's language if it configured a locale).
    case "invalid_key":
      return ["取值无效", `Invalid key in ${issue.origin}`];
    case "invalid_element":
      return ["取值无效", `Invalid value in ${issue.origin}`];
    case "not_multiple_of":
      return ["取值无效", `Invalid number: must be a multiple of ${String(issue.divisor)}`];
    default:
      return ["取值无效", issue.message];
  }
}

/** Maps a zod error to rule issues: named rules keep their id and clause, structural problems get `schema:<code>`. */
export function issuesFromZod(
  issues: readonly ZodIssue[],
  context: { readonly clause: string; readonly prefix?: readonly (string | number)[]; readonly row?: number },
  input?: unknown,
): RuleIssue[] {
  return issues.map((issue) => {
    const path = [...(context.prefix ?? []), ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    const value = input === undefined ? issue.input : valueAt(input, issue.path);
    const rule = ruleFromMessage(issue.message);
    const base = rule
      ? { rule: rule.id, clause: rule.clause, messageZh: rule.zh, messageEn: rule.en }
      : (() => {
          const [zh, en] = generic(issue, value);
          return { rule: `schema:${issue.code}`, clause: context.clause, messageZh: zh, messageEn: en };
        })();
    return {
      path,
      ...base,
      ...(context.row === undefined ? {} : { row: context.row }),
      ...(value === undefined ? {} : { value }),
    };
  });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}
