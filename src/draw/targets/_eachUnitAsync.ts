import { ShuangsuijiError } from "../../errors/ShuangsuijiError.js";
import { INPUT_LIMITS, invalid, type Path } from "../../_internal/boundary.js";
import { ruleIssue } from "../../errors/_inputRules.js";
import type { DrawUnit } from "./DrawUnit.js";

export type { DrawUnitStream } from "./DrawUnitStream.js";

/** An element's read failed (a Proxy or getter threw): `invalid-input` at its path, as `readingElement` reports it. */
function unreadable(e: unknown, path: Path): never {
  if (e instanceof ShuangsuijiError) throw e;
  return invalid(path, "the value could not be read (a Proxy or getter threw)", "无法读取该值（Proxy或访问器抛出异常）");
}

function isBatch(x: unknown): x is readonly unknown[] {
  try {
    return Array.isArray(x);
  } catch {
    return false; // a revoked Proxy: read as a unit, whose read then fails at its row
  }
}

/**
 * Feeds the units of one batch to `add`, the first numbered `row` (the pool's row count so far); returns the row count
 * after it. The batch's `length` is read once, checked against the limit, and the batch read by index up to that
 * snapshot (a Proxy cannot report a small length to the check and a huge one to the loop); a getter or Proxy that
 * throws is reported at the unit's row in the pool.
 */
export function eachInBatch(batch: readonly unknown[], path: Path, row: number, add: (u: DrawUnit) => void): number {
  let r = row;
  let length: number;
  try {
    length = batch.length;
  } catch (e) {
    return unreadable(e, [...path, r]);
  }
  // a batch is one array: bounded as any array argument is (a sparse array of 2³²−1 holes must not be read hole by hole)
  if (length > INPUT_LIMITS.maxArrayLength) {
    return invalid([...path, r], `a batch of more than ${INPUT_LIMITS.maxArrayLength} units (cut the pool into smaller batches)`, `一批超过${INPUT_LIMITS.maxArrayLength}个对象（请分成更小的批次）`, batch, "input-limit");
  }
  for (let j = 0; ; j++) {
    let u: DrawUnit;
    try {
      if (j >= length) return r;
      u = batch[j] as DrawUnit;
    } catch (e) {
      return unreadable(e, [...path, r]);
    }
    try {
      add(u);
    } catch (e) {
      unreadable(e, [...path, r]);
    }
    r++;
  }
}

/** {@link eachUnitAsync} over an array read at once (its elements are units or batches, none awaited). */
export function eachUnitOrBatch(pool: readonly unknown[], path: Path, add: (u: DrawUnit) => void): void {
  let row = 0;
  for (let j = 0; ; j++) {
    let x: unknown;
    try {
      if (j >= pool.length) return;
      x = pool[j];
    } catch (e) {
      return unreadable(e, [...path, row]);
    }
    if (isBatch(x)) row = eachInBatch(x, path, row, add);
    else {
      try {
        add(x as DrawUnit);
      } catch (e) {
        unreadable(e, [...path, row]);
      }
      row++;
    }
  }
}

/**
 * Feeds every unit of a {@link DrawUnitStream} to `add` in pool order, batches flattened: one `await` per result of an
 * async iterator (a unit or a batch), none per unit of a batch and none for a sync iterable. Read as `asyncInput` reads a stream (the same errors: not
 * iterable, an iterator that throws — the caller's error kept as the cause —, an element whose read throws), each
 * reported at the pool row (unit count) the stream had reached.
 */
export async function eachUnitAsync(pool: unknown, path: Path, add: (u: DrawUnit) => void): Promise<void> {
  let it: AsyncIterator<unknown> | Iterator<unknown>;
  // An async iterator's results are awaited (as for await…of awaits them), never their values: an async generator has
  // already awaited what it yields, and a sync iterable's elements are units or batches read as they are — a unit
  // with a `then` member is read as a unit, as inside a batch and by commitPool, so every cut of a pool is the same pool.
  let isAsync = false;
  try {
    const v = pool as Partial<AsyncIterable<unknown> & Iterable<unknown>> | null | undefined;
    if (v !== null && v !== undefined && typeof v[Symbol.asyncIterator] === "function") {
      it = v[Symbol.asyncIterator]!();
      isAsync = true;
    } else if (v !== null && v !== undefined && typeof v !== "string" && typeof v[Symbol.iterator] === "function") it = v[Symbol.iterator]!();
    else return invalid(path, "expected an array, iterable or async iterable", "应为数组、可迭代或异步可迭代对象", pool);
  } catch (e) {
    return unreadable(e, path);
  }
  let row = 0;
  for (;;) {
    let r: IteratorResult<unknown>;
    try {
      r = isAsync ? await it.next() : (it as Iterator<unknown>).next();
    } catch (e) {
      if (e instanceof ShuangsuijiError) throw e;
      // the caller's own stream failed (an I/O error, say): reported as invalid-input, its error kept as the cause
      throw new ShuangsuijiError("invalid-input", [ruleIssue("input-shape", [...path, row], { detailEn: "the value could not be read (an iterator, Proxy or getter threw)", detailZh: "无法读取该值（迭代器、Proxy或访问器抛出异常）" })], { cause: e });
    }
    if (r.done === true) return;
    let x: unknown;
    try {
      x = r.value; // not awaited (see above); a throwing Proxy or getter fails here
    } catch (e) {
      return unreadable(e, [...path, row]);
    }
    if (isBatch(x)) row = eachInBatch(x, path, row, add);
    else {
      try {
        add(x as DrawUnit);
      } catch (e) {
        unreadable(e, [...path, row]);
      }
      row++;
    }
  }
}
