import { readPlain } from "../_internal/boundary.js";
import * as z from "zod/v4";
import { ShuangsuijiError, type RuleIssue } from "../errors/ShuangsuijiError.js";
import { issuesFromZod } from "../errors/_fromZod.js";
import { deepFreeze } from "../_internal/deepFreeze.js";
import { RatioSchema } from "../model/primitives.js";

const ClassesSchema = z
  .array(
    z.strictObject({
      /** The risk or credit class, e.g. `A`. */
      riskClass: z.string().trim().min(1).max(100),
      /** Its sampling ratio. */
      ratio: RatioSchema,
      /** Inspections per year (抽查频次), where the plan sets one. */
      frequencyPerYear: z.number().nonnegative().max(366).optional(),
    }),
  )
  .min(1)
  .max(1000)
  .refine((xs) => new Set(xs.map((x) => x.riskClass)).size === xs.length, { message: "each class once" });

/**
 * What {@link checkRiskDifferentiation} found: warnings, never errors (the documents leave the numbers to each plan).
 *
 * @category Planning
 */
export interface RiskDifferentiationCheck {
  /** True when there is no warning. */
  readonly ok: boolean;
  /** One warning per riskier class sampled less (ratio or frequency) than a safer one. */
  readonly warnings: readonly RuleIssue[];
}

/**
 * Checks that sampling rises with risk (Longting art. 15: 对…投诉举报较多或有严重违法违规记录等监管对象…应增加抽查的比例和
 * 频次；对守法经营、信用良好、风险较低的监管对象，应适当降低抽查比例和频次; Chongqing 6.3; Wancheng art. 10). Give the classes
 * from the lowest risk to the highest (e.g. A, B, C, D); every class whose ratio — or frequency, where given — is below
 * that of a safer class is warned about, with both classes named.
 *
 * @param rawClasses - The classes from the lowest risk to the highest, each with its `ratio` and optional
 *   `frequencyPerYear`.
 * @returns `{ ok, warnings }` naming each class sampled less than a safer one.
 * @throws {@link ShuangsuijiError} `invalid-input` when `rawClasses` is malformed (every problem listed).
 * @category Planning
 * @example
 * ```ts
 * import { checkRiskDifferentiation } from "shuangsuiji";
 * const r = checkRiskDifferentiation([{ riskClass: "A", ratio: 0.03 }, { riskClass: "B", ratio: 0.05 }, { riskClass: "C", ratio: 0.04 }, { riskClass: "D", ratio: 1 }]);
 * r.warnings[0]?.messageEn; // "class C (4%) is sampled less than the safer class B (5%)"
 * ```
 */
export function checkRiskDifferentiation(rawClasses: readonly { readonly riskClass: string; readonly ratio: number; readonly frequencyPerYear?: number }[]): RiskDifferentiationCheck {
  const classes = readPlain(rawClasses, ["classes"]) as typeof rawClasses;
  const r = ClassesSchema.safeParse(classes);
  if (!r.success) throw new ShuangsuijiError("invalid-input", issuesFromZod(r.error.issues, { clause: "Longting art. 15" }, classes), { cause: r.error });
  const warnings: RuleIssue[] = [];
  let maxRatio = r.data[0] as (typeof r.data)[number];
  let maxFreq: (typeof r.data)[number] | undefined;
  r.data.forEach((c, i) => {
    if (Math.round(c.ratio * 1e6) < Math.round(maxRatio.ratio * 1e6)) {
      warnings.push({ path: [i, "ratio"], rule: "risk-ratio-order", clause: "Longting art. 15; Chongqing 6.3", messageZh: `风险较高的${c.riskClass}类抽查比例（${c.ratio * 100}%）低于风险较低的${maxRatio.riskClass}类（${maxRatio.ratio * 100}%）`, messageEn: `class ${c.riskClass} (${c.ratio * 100}%) is sampled less than the safer class ${maxRatio.riskClass} (${maxRatio.ratio * 100}%)`, value: c.ratio });
    } else maxRatio = c;
    if (c.frequencyPerYear !== undefined) {
      if (maxFreq?.frequencyPerYear !== undefined && c.frequencyPerYear < maxFreq.frequencyPerYear) {
        warnings.push({ path: [i, "frequencyPerYear"], rule: "risk-frequency-order", clause: "Longting art. 15; Longting art. 16", messageZh: `风险较高的${c.riskClass}类抽查频次低于风险较低的${maxFreq.riskClass}类`, messageEn: `class ${c.riskClass} is inspected less often (${c.frequencyPerYear}/year) than the safer class ${maxFreq.riskClass} (${maxFreq.frequencyPerYear}/year)`, value: c.frequencyPerYear });
      } else maxFreq = c;
    }
  });
  return deepFreeze({ ok: warnings.length === 0, warnings });
}
