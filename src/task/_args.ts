import { INPUT_LIMITS, RECORD_READ, readPlain, type Path } from "../_internal/boundary.js";
import { isKnownCalendar } from "../calendar/_known.js";
import { isBuilt } from "../draw/records/_checkRecord.js";
import { isReplayWorkingTask } from "./_lifecycle.js";
import { fastCopy } from "../_internal/_fastCopy.js";

// A transition checks its caller's argument and then uses it and records it (the event's `input`). Read raw, a getter
// or a Proxy could show the check one value and the task another (hostile6b F1, F3: a team member the seed never drew,
// an auxiliary expert as enforcement staff, a target never in the committed pool). So every transition reads its
// `input` / `record` / `options` once, here, at entry, and checks, uses and records only that copy — as lockTargetDraw
// and dispatchTargets do (readOnce in draw/records/_checkRecord).

/** Values passed through by reference: records, locks and calendars this library built (deep-frozen, checked). */
const libraryValue = (o: object): boolean => isBuilt(o) || isKnownCalendar(o);

/** Deep-frozen plain data already walked: frozen, it can never change, so the verdict is kept (a record used twice). */
const FROZEN_DATA = new WeakSet<object>();

/**
 * Whether a value is deep-frozen plain data: frozen plain objects (or null-prototype ones) and frozen arrays whose
 * members (what readPlain reads: own enumerable string keys, every index) are data properties, down to primitives JSON
 * has, within the documented limits. Such a value cannot read differently twice — not even through a Proxy, whose traps
 * must report a non-configurable, non-writable data property of a non-extensible target as it is — so it is used as it
 * is (a stage-2 record drawInspectors returned is not copied here, only once by the event).
 */
function frozenData(v: unknown, depth: number, budget: { n: number }): boolean {
  if (--budget.n < 0) return false;
  switch (typeof v) {
    case "string":
      return v.length <= INPUT_LIMITS.maxStringLength;
    case "number":
    case "boolean":
    case "undefined":
      return true;
    case "object":
      break;
    default:
      return false;
  }
  if (v === null || FROZEN_DATA.has(v)) return true;
  if (depth >= INPUT_LIMITS.maxDepth || !Object.isFrozen(v)) return false;
  if (libraryValue(v)) return true;
  if (Array.isArray(v)) {
    if (Object.getPrototypeOf(v) !== Array.prototype) return false;
    const n = v.length;
    if (n > INPUT_LIMITS.maxRecordArrayLength) return false;
    for (let i = 0; i < n; i++) {
      const d = Object.getOwnPropertyDescriptor(v, i);
      if (d === undefined || !("value" in d) || !frozenData(d.value, depth + 1, budget)) return false;
    }
  } else {
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    for (const k of Object.keys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, k);
      if (d === undefined || !("value" in d) || !frozenData(d.value, depth + 1, budget)) return false;
    }
  }
  FROZEN_DATA.add(v);
  return true;
}

/** {@link frozenData} from the top; `false` when reading throws (a Proxy trap): readPlain then refuses it by path. */
function isFrozenData(v: unknown): boolean {
  try {
    return frozenData(v, 0, { n: INPUT_LIMITS.maxRecordNodes });
  } catch {
    return false;
  }
}

/**
 * The caller's argument of a transition as it will be checked, used and recorded: primitives and deep-frozen plain data
 * (a record or lock this library built, a calendar it built, a value the caller froze) as they are; anything else read
 * once into a plain copy (`readPlain`, the record limits: accessors, class instances, holes, a Proxy whose trap throws
 * are refused naming the path). Replay's own calls on its working task ({@link isReplayWorkingTask}) pass the recorded
 * input through. @internal
 */
export function readArg<T>(t: unknown, value: T, path: Path): T {
  // replay re-invoking a transition on its own working state: the recorded input is already its plain copy of the trail
  if (value === null || typeof value !== "object" || isReplayWorkingTask(t)) return value;
  if (isFrozenData(value)) return value;
  const keep = (o: object): boolean => libraryValue(o) || isFrozenData(o);
  try {
    return fastCopy(value, { keep, maxNodes: INPUT_LIMITS.maxRecordNodes, maxArrayLength: INPUT_LIMITS.maxRecordArrayLength }) as T;
  } catch {
    // anything fastCopy does not accept as it is (or a trap that threw): readPlain refuses it naming the path, or
    // returns its own copy (a value that reads differently the second time) — either way one read is used
    return readPlain(value, path, { ...RECORD_READ, keep }) as T;
  }
}
