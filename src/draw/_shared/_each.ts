import { ShuangsuijiError } from "../../errors/ShuangsuijiError.js";
import { invalid, iterateInput, type Path } from "../../_internal/boundary.js";

const ARRAY_VALUES = Array.prototype[Symbol.iterator];
const ARRAY_ITERATOR = Object.getPrototypeOf([][Symbol.iterator]()) as { next: unknown };
const ARRAY_NEXT = ARRAY_ITERATOR.next;

/** An element's read failed (a Proxy or getter threw): `invalid-input` at its path, as `readingElement` reports it. */
function unreadable(e: unknown, path: Path): never {
  if (e instanceof ShuangsuijiError) throw e;
  return invalid(path, "the value could not be read (a Proxy or getter threw)", "无法读取该值（Proxy或访问器抛出异常）");
}

/**
 * `for (const u of iterateInput(pool, path)) readingElement([...path, i], () => add(u))` without a generator step or a
 * closure per element: an array whose iterator is the built-in one is read by index, which is what that iterator does
 * (it reads `length`, then the element, at every step), so the reads — and every error and its path — are the same.
 * Anything else goes through {@link iterateInput} (or, with `plainIteration`, a plain `for…of` whose read errors
 * propagate as they are: commitPool's reading, kept as it was).
 */
export function eachUnit<T>(pool: unknown, path: Path, add: (u: T) => void, plainIteration = false): void {
  let fast = false;
  try {
    fast = Array.isArray(pool) && pool[Symbol.iterator] === ARRAY_VALUES && ARRAY_ITERATOR.next === ARRAY_NEXT;
  } catch {
    fast = false; // iterateInput reads the iterator again and reports the failure
  }
  if (!fast) {
    let i = 0;
    for (const u of plainIteration ? (pool as Iterable<T>) : iterateInput<T>(pool, path)) {
      try {
        add(u);
      } catch (e) {
        unreadable(e, [...path, i]);
      }
      i++;
    }
    return;
  }
  const a = pool as readonly T[];
  for (let i = 0; ; i++) {
    let u: T;
    try {
      if (i >= a.length) return;
      u = a[i] as T;
    } catch (e) {
      if (e instanceof ShuangsuijiError || plainIteration) throw e;
      return invalid([...path, i], "the value could not be read (an iterator, Proxy or getter threw)", "无法读取该值（迭代器、Proxy或访问器抛出异常）");
    }
    try {
      add(u);
    } catch (e) {
      unreadable(e, [...path, i]);
    }
  }
}
