// KNOWN FAILING EXPORTS IN OTHER HELPERS' AREAS (issue 17) — temporary.
// Exports owned by other areas (src/draw, src/task, src/credit, src/plan except tables.ts, src/cli) that the hostile
// fuzzer still breaks while their owners fix them in parallel. Each entry: one failing input and the error seen.
// The fuzz test tolerates failures ONLY for the exports listed here and prints the entries that now pass. The
// coordinator removes this list (and the tolerance) after merging the fixes.
// Measured with HOSTILE_RUNS=60, HOSTILE_SEED=17 (109 function exports, 6,366 calls); one sample per export (the worst kind).
export const KNOWN_FAILING: Readonly<Record<string, { readonly area: string; readonly sample: string; readonly error: string }>> = {};

// Exported constants in other areas that are not yet deep-frozen, or whose functions let a mutated result, input or
// constant change a later call (found by immutability.test.ts). Same rule: remove an entry once its owner fixed it.
export const KNOWN_MUTABLE: Readonly<Record<string, { readonly area: string; readonly problem: string }>> = {};
