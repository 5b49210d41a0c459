import * as z from "zod/v4/mini";
import type { CivilDate } from "../calendar/CivilDate.js";
import { isValidCivilDate } from "../calendar/isValidCivilDate.js";
import { DATE_RULES } from "../errors/_dateRules.js";
import { DRAW_RULES } from "../errors/_drawRules.js";
import { messageOf } from "../errors/_rule.js";

// The checks of the civil-date and ratio primitives, defined once (zod checks are shared by zod classic and zod mini):
// CivilDateSchema and RatioSchema (zod classic, src/model/primitives.ts) and the draw records' fields (zod mini, below)
// run the same checks with the same messages.

/** @internal The checks of a civil date `YYYY-MM-DD` that exists (rule `civil-date`). */
export const civilDateChecks = () => {
  const error = messageOf(DATE_RULES["civil-date"]);
  return [z.regex(/^\d{4}-\d{2}-\d{2}$/, { error }), z.refine<string>((s) => isValidCivilDate(s), { error })] as const;
};

/** @internal JSON Schema metadata of a civil date. */
export const CIVIL_DATE_META = { description: "Civil date YYYY-MM-DD (日期)", format: "date" } as const;

/** @internal The checks of a ratio in [0, 1] (rule `ratio-range`). */
export const ratioChecks = () => {
  const error = messageOf(DRAW_RULES["ratio-range"]);
  return [z.gte(0, { error }), z.lte(1, { error })] as const;
};

/** @internal JSON Schema metadata of a ratio. */
export const RATIO_META = { description: "抽查比例 as a fraction in [0, 1]" } as const;

/** @internal CivilDateSchema's checks on a zod mini string, for the draw records. */
export const civilDate = /* @__PURE__ */ z
  .string()
  .check(...civilDateChecks())
  .register(z.globalRegistry, CIVIL_DATE_META) as unknown as z.ZodMiniType<CivilDate, string>;

/** @internal RatioSchema's checks on a zod mini number, for the draw policy. */
export const ratio = /* @__PURE__ */ z.number().check(...ratioChecks()).register(z.globalRegistry, RATIO_META);

/**
 * @internal `z.int()`, declared as a plain `ZodMiniType<number, number>` so that the declarations name no zod type that
 * only some zod versions in the peer range have (zod 4.6's `ZodMiniInt`, the number-format type's parameters): a
 * consumer on zod 4.1 type-checks them exactly.
 */
export const int = (): z.ZodMiniType<number, number> => z.int();
