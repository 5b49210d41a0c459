import { ShuangsuijiError } from "../../errors/ShuangsuijiError.js";
import { INPUT_LIMITS, invalid, preview, type Path } from "../../_internal/boundary.js";
import { cappedIssues } from "../../errors/_capIssues.js";
import type { RuleIssue } from "../../errors/ShuangsuijiError.js";
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

/** One element of a pool stream: a batch of units or one unit, numbered from `row`; returns the next row number. */
function eachElement(x: unknown, path: Path, row: number, add: (u: DrawUnit) => void): number {
  if (isBatch(x)) return eachInBatch(x, path, row, add);
  try {
    add(x as DrawUnit);
  } catch (e) {
    unreadable(e, [...path, row]);
  }
  return row + 1;
}

/**
 * Feeds the units of one batch to `add`, the first numbered `row` (the pool's row count so far); returns the row count
 * after it. The batch's `length` is read once, checked against the limit, and the batch read by index up to that
 * snapshot (a Proxy cannot report a small length to the check and a huge one to the loop); a getter or Proxy that
 * throws is reported at the unit's row in the pool.
 */
export function eachInBatch(batch: readonly unknown[], path: Path, row: number, add: (u: DrawUnit) => void): number {
  const r = row;
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
  // one try around the loop (not two per unit): a failed read of unit j and a failure inside `add` are reported
  // alike, at the unit's row
  // (`!(j >= length)`: the same comparison as before with whatever a Proxy's length trap returned)
  let j = 0;
  try {
    for (; !(j >= length); j++) add(batch[j] as DrawUnit);
  } catch (e) {
    return unreadable(e, [...path, r + j]);
  }
  return r + j;
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
    row = eachElement(x, path, row, add);
  }
}

/**
 * Feeds every unit of a {@link DrawUnitStream} to `add` in pool order, batches flattened: one `await` per result of an
 * async iterator (a unit or a batch), none per unit of a batch and none for a sync iterable. Read as `asyncInput` reads a stream (the same errors: not
 * iterable, an iterator that throws — the caller's error kept as the cause —, an element whose read throws), each
 * reported at the pool row (unit count) the stream had reached.
 */
export async function eachUnitAsync(pool: unknown, path: Path, add: (u: DrawUnit) => void, pending?: readonly RuleIssue[]): Promise<void> {
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
  // whether the iterator is still sound: as for…of, it is closed (return()) when the reader stops early, but not when
  // its own next() threw or broke the protocol
  let sound = true;
  try {
    for (;;) {
      let r: unknown;
      try {
        r = isAsync ? await it.next() : (it as Iterator<unknown>).next();
      } catch (e) {
        sound = false;
        if (e instanceof ShuangsuijiError) throw e;
        // the caller's own stream failed (an I/O error, say): reported as invalid-input, its error kept as the cause
        throw new ShuangsuijiError("invalid-input", [ruleIssue("input-shape", [...path, row], { detailEn: "the value could not be read (an iterator, Proxy or getter threw)", detailZh: "无法读取该值（迭代器、Proxy或访问器抛出异常）" })], { cause: e });
      }
      // an iterator result must be an object (ECMAScript IteratorNext; for…of throws a TypeError): refused at the row reached
      if (r === null || (typeof r !== "object" && typeof r !== "function")) {
        sound = false;
        throw new ShuangsuijiError(
          "invalid-input",
          [ruleIssue("input-shape", [...path, row], { detailEn: "the stream's iterator broke the iterator protocol (next() returned a non-object)", detailZh: "该流的迭代器不符合迭代器协议（next() 返回的不是对象）", value: preview(r) })],
          { cause: new TypeError(`Iterator result ${String(r)} is not an object`) },
        );
      }
      let done: boolean;
      let x: unknown;
      try {
        done = Boolean((r as IteratorResult<unknown>).done); // ToBoolean, as for…of reads it
        if (done) return;
        x = (r as IteratorResult<unknown>).value; // not awaited (see above); a throwing Proxy or getter fails here
      } catch (e) {
        sound = false;
        return unreadable(e, [...path, row]);
      }
      row = eachElement(x, path, row, add);
    }
  } catch (e) {
    // stopped early: the caller's iterator is closed so its finally blocks (a DB cursor, a file) run; a failing
    // return() does not replace the reason the read stopped
    if (sound) {
      try {
        const close = (it as { return?: unknown }).return;
        if (typeof close === "function") await close.call(it);
      } catch {
        /* the read's own error is reported */
      }
    }
    throw withPending(e, pending);
  }
}

/**
 * The error a refused read throws, with the bad rows already found before it (`pending`, in row order) listed first:
 * every bad row up to the failure is reported, not only the row that could not be read.
 */
export function withPending(e: unknown, pending: readonly RuleIssue[] | undefined): unknown {
  if (pending === undefined || pending.length === 0 || !(e instanceof ShuangsuijiError) || e.code !== "invalid-input") return e;
  return new ShuangsuijiError("invalid-input", cappedIssues([...pending, ...e.issues]), e.cause === undefined ? {} : { cause: e.cause });
}
