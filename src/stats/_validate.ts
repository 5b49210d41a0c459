// Boundary checks of the statistics entry (issue 17). Documented limits (README "Limits"): at most
// MAX_RUNS simulated runs, MAX_UNITS units, and MAX_RUNS × MAX_UNITS_PER_RUN work per simulation.
import { invalid, isPlainObject, readPlain, requireFinite, requireInteger, requireString, type Path } from "../_internal/boundary.js";
import type { InclusionCounts } from "./simulateInclusion.js";
import type { TestResult } from "./tests.js";

/** Most simulated runs one call may ask for. */
export const MAX_RUNS = 10_000_000;
/** Most units one simulation or test may cover. */
export const MAX_UNITS = 1_000_000;
/** Most (runs × units) one simulation may cost. */
export const MAX_WORK = 2_000_000_000;

export const runsArg = (v: unknown, path: Path): number => requireInteger(v, path, 1, MAX_RUNS);
export const seedArg = (v: unknown, path: Path): string => requireString(v, path, 10_000);

/** A significance level in (0, 1). */
export function alphaArg(v: unknown, path: Path): number {
  const a = requireFinite(v, path);
  if (!(a > 0 && a < 1)) invalid(path, "a significance level must be between 0 and 1", "显著性水平应在0与1之间", v);
  return a;
}
/** A probability in [0, 1]. */
export function probabilityArg(v: unknown, path: Path): number {
  const p = requireFinite(v, path);
  if (!(p >= 0 && p <= 1)) invalid(path, "a probability must be between 0 and 1", "概率应在0与1之间", v);
  return p;
}

/** A list of unit ids (strings), bounded. */
export function idsArg(v: unknown, path: Path): string[] {
  const ids = readPlain(v, path, { maxArrayLength: MAX_UNITS });
  if (!Array.isArray(ids) || !ids.every((s) => typeof s === "string")) invalid(path, "expected an array of id strings", "应为字符串标识数组", v);
  return ids as string[];
}

/** An optional callback. */
export function fnArg<F>(v: unknown, path: Path): F | undefined {
  if (v !== undefined && typeof v !== "function") invalid(path, "expected a function", "应为函数", v);
  return v as F | undefined;
}

/** Reads an object argument whose function-valued fields (`sampler`, `onProgress`) are taken by reference. */
export function readWithFunctions(v: unknown, path: Path, fnKeys: readonly string[]): Record<string, unknown> {
  let fns: Record<string, unknown> = {};
  let rest: unknown = v;
  try {
    if (isPlainObject(v)) {
      const copy: Record<string, unknown> = {};
      for (const k of Object.keys(v)) {
        const d = Object.getOwnPropertyDescriptor(v, k);
        if (d === undefined || !("value" in d)) continue;
        if (fnKeys.includes(k)) fns = { ...fns, [k]: fnArg(d.value, [...path, k]) };
        else Object.defineProperty(copy, k, { value: d.value, enumerable: true, writable: true, configurable: true });
      }
      rest = copy;
    }
  } catch {
    invalid(path, "the value could not be read (a Proxy or getter threw)", "无法读取该值（Proxy或访问器抛出异常）");
  }
  const o = readPlain(rest, path);
  if (!isPlainObject(o)) invalid(path, "expected an object", "应为对象", v);
  return { ...o, ...fns };
}

/** A simulation result (as returned by simulateInclusion or inspectorCounts), re-checked field by field. */
export function simArg(v: unknown, path: Path = ["sim"]): InclusionCounts {
  const s = readPlain(v, path, { maxArrayLength: MAX_UNITS });
  if (!isPlainObject(s)) invalid(path, "expected simulation counts { ids, k, runs, counts, adjacentPairs }", "应为模拟计数 { ids, k, runs, counts, adjacentPairs }", v);
  const ids = idsArg(s.ids, [...path, "ids"]);
  const runs = runsArg(s.runs, [...path, "runs"]);
  const k = requireInteger(s.k, [...path, "k"], 0, ids.length);
  const counts = s.counts;
  if (!Array.isArray(counts) || counts.length !== ids.length || !counts.every((c) => Number.isInteger(c) && c >= 0 && c <= runs)) {
    invalid([...path, "counts"], "expected one count (0…runs) per id", "应为每个标识一个计数（0至runs）", counts);
  }
  const adjacentPairs = s.adjacentPairs ?? 0;
  if (!Number.isInteger(adjacentPairs) || (adjacentPairs as number) < 0) invalid([...path, "adjacentPairs"], "expected a non-negative integer", "应为非负整数", adjacentPairs);
  let subsets: Record<string, number> | undefined;
  if (s.subsets !== undefined) {
    if (!isPlainObject(s.subsets) || !Object.values(s.subsets).every((c) => Number.isInteger(c) && (c as number) >= 0)) {
      invalid([...path, "subsets"], "expected counts per subset", "应为每个子集的计数", s.subsets);
    }
    subsets = Object.fromEntries(Object.entries(s.subsets)) as Record<string, number>;
  }
  return { ids, k, runs, counts: counts as number[], adjacentPairs: adjacentPairs as number, ...(subsets === undefined ? {} : { subsets }) };
}

/** Test results (for pooling), re-checked. */
export function resultsArg(v: unknown, path: Path): TestResult[] {
  const rs = readPlain(v, path, { maxArrayLength: MAX_UNITS });
  if (!Array.isArray(rs)) invalid(path, "expected an array of test results", "应为检验结果数组", v);
  return rs.map((r: unknown, i) => {
    if (!isPlainObject(r)) invalid([...path, i], "expected a test result", "应为检验结果", r);
    const df = r.df === undefined ? undefined : requireInteger(r.df, [...path, i, "df"], 0, 1e9);
    return { ...(r as unknown as TestResult), statistic: requireFinite(r.statistic, [...path, i, "statistic"]), ...(df === undefined ? {} : { df }) };
  });
}
