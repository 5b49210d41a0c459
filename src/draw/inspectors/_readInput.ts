// The boundary read of a stage-2 input (issue 17), fast. `requireObject(raw, [], { keep: isBuilt })` copies every
// value through a generic iterative reader (a stack entry, a closure, a path array and two defineProperty calls per
// value): for 5 directories of 300 inspectors that copy was about a tenth of the whole draw. This reader makes the same
// copy recursively with none of that, and hands anything it does not expect — a hole, an accessor, a class instance,
// a Date, a BigInt, a string or array over the limits, nesting deeper than the limit — to `requireObject` from the
// start, which then copies or refuses it exactly as before: the result and every error are the boundary's own
// (differential test: test/draw/stage2ReadInput.test.ts). A read that throws (a Proxy or getter) is refused at its
// path with the boundary's error, never read twice.
import { INPUT_LIMITS, invalid, isPlainObject, requireObject } from "../../_internal/boundary.js";
import { isBuilt } from "../records/_checkRecord.js";
import { DECLINE, fastCopy } from "../../_internal/_fastCopy.js";

/**
 * `requireObject(raw, [], { keep: isBuilt })`, the same copy (plain objects, null-prototype ones too, in their own key
 * order; dense arrays; primitives; built records by reference) or the same `invalid-input` error.
 */
export function readStage2Input(raw: unknown): Record<string, unknown> {
  if (isPlainObject(raw)) {
    const at: (string | number)[] = []; // the path of the value being read (a read that throws is refused there)
    try {
      return fastCopy(raw, { keep: isBuilt, maxNodes: INPUT_LIMITS.maxNodes, maxArrayLength: INPUT_LIMITS.maxArrayLength, at }) as Record<string, unknown>;
    } catch (e) {
      // a read that threw is refused at its path, as the boundary refuses it — never read a second time (hostile5 F6)
      if (e !== DECLINE) invalid(at, "the value could not be read (a Proxy or getter threw)", "无法读取该值（Proxy或访问器抛出异常）");
      // DECLINE: the boundary reads it from the start and copies it or names the problem
    }
  }
  return requireObject(raw, [], { keep: isBuilt });
}
