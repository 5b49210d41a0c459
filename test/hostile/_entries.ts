// The package's entry points, as their source modules. Every export of every entry is fuzzed; adding an entry point
// to package.json "exports" means adding it here.
export const ENTRY_POINTS: Readonly<Record<string, () => Promise<Record<string, unknown>>>> = {
  "shuangsuiji": () => import("../../src/index.js"),
  "shuangsuiji/calendar": () => import("../../src/calendar/index.js"),
  "shuangsuiji/stats": () => import("../../src/stats/index.js"),
  "shuangsuiji/node": () => import("../../src/node/index.js"),
  "shuangsuiji/duckdb": () => import("../../src/duckdb/index.js"),
  "shuangsuiji/postgres": () => import("../../src/postgres/index.js"),
};
