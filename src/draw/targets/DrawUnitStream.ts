import type { DrawUnit } from "./DrawUnit.js";

/**
 * The pool as the streamed functions ({@link commitPoolAsync}, {@link drawTargetsAsync}, {@link verifyTargetDrawAsync})
 * read it: an async or sync iterable whose elements are units or **batches** of units (arrays, read by index). A batch
 * costs one `await` for all its units, so a cursor or file reader that yields a few thousand rows at a time keeps the
 * per-unit work synchronous (an `await` per unit costs more than drawing the unit); single units and batches may be
 * mixed. The result is the same however the pool is cut into batches, and errors name rows counted in units from the
 * start of the pool (never per batch), every bad row at once, as for an unbatched pool.
 *
 * @category Draw
 * @example
 * ```ts
 * import { commitPoolAsync, type DrawUnit, type DrawUnitStream } from "shuangsuiji";
 * async function* pages(): AsyncGenerator<DrawUnit[]> {
 *   for (let page = 0; page < 3; page++) yield Array.from({ length: 1000 }, (_, i) => ({ id: `U${page * 1000 + i}`, riskClass: "A" }));
 * }
 * const pool: DrawUnitStream = pages();
 * const commitment = await commitPoolAsync(pool); // commitment.unitCount === 3000
 * ```
 */
export type DrawUnitStream = AsyncIterable<DrawUnit | readonly DrawUnit[]> | Iterable<DrawUnit | readonly DrawUnit[]>;
