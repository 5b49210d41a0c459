import * as z from "zod/v4/mini";
import { civilDate } from "../../model/_mini.js";

/**
 * The dates that matter against seed grinding (docs/spec-v1.md §5.6): the pool commitment must be public before the
 * seed exists. When given, they are recorded in the draw record and checked — `commitmentPublishedOn` ≤ `seedFixedOn`,
 * and a dice ceremony's date equals `seedFixedOn` and is not before the commitment.
 *
 * A zod mini schema: `.parse`/`.safeParse` as usual; compose with `z.optional(…)`, not `.optional()` (docs/benchmarks.md,
 * "The draw's schemas are zod mini").
 *
 * @category Draw
 * @example
 * ```ts
 * import { DrawTimelineSchema } from "shuangsuiji";
 * DrawTimelineSchema.parse({ commitmentPublishedOn: "2026-03-30", seedFixedOn: "2026-04-01" });
 * ```
 */
export const DrawTimelineSchema = /* @__PURE__ */ z.strictObject({
  /** The day the pool commitment (digest and per-class counts) was published. */
  commitmentPublishedOn: z.optional(civilDate),
  /** The day the seed was fixed (dice rolled, lottery drawn, beacon round published, shares revealed). */
  seedFixedOn: z.optional(civilDate),
});

/**
 * Draw dates as plain `YYYY-MM-DD` strings; see {@link DrawTimelineSchema}.
 *
 * @category Draw
 */
export type DrawTimeline = z.input<typeof DrawTimelineSchema>;
