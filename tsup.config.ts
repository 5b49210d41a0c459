import { defineConfig } from "tsup";

/** The package's entry points (package.json "exports"). */
const ENTRIES = {
  index: "src/index.ts",
  calendar: "src/calendar/index.ts",
  stats: "src/stats/index.ts",
  node: "src/node/index.ts",
  duckdb: "src/duckdb/index.ts",
  postgres: "src/postgres/index.ts",
};

export default defineConfig([
  {
    // ESM, unbundled: one output module per source module (dist/esm/**), so that an application's bundler keeps only
    // the modules it reaches ("sideEffects": false). Bundled ESM entries with shared chunks defeat tree-shaking: a
    // browser importing `isValidUscc` got every schema and all of zod (issue 15; docs/benchmarks.md "Bundle size").
    // One module graph across entries, so ShuangsuijiError is one class for every entry.
    entry: ["src/**/*.ts", "!src/cli/**", "!src/**/*.d.ts"],
    outDir: "dist/esm",
    format: ["esm"],
    bundle: false,
    splitting: false,
    dts: false,
    sourcemap: true,
    clean: true,
    target: "es2022", // class fields as written (es2020 would add a shared helper chunk)
    platform: "neutral",
  },
  {
    // The declarations for `import` (dist/*.d.ts; the CommonJS build below writes dist/*.d.cts).
    entry: ENTRIES,
    format: ["esm"],
    dts: { entry: ENTRIES, only: true },
    clean: false,
  },
  {
    // CommonJS for `require`, bundled per entry with shared chunks (one ShuangsuijiError class across entries), and its
    // declarations (.d.cts).
    entry: ENTRIES,
    format: ["cjs"],
    dts: { entry: ENTRIES },
    sourcemap: true,
    // everything but the other configs' outputs (dist/esm, dist/cli.js; tsup keeps declarations when dts is on)
    clean: ["!esm", "!esm/**", "!cli.js"],
    target: "es2020",
    platform: "neutral",
    splitting: true,
    treeshake: true,
    external: ["zod", "csv-parse", "@duckdb/node-api", "pg"],
  },
  {
    // The command line (bin "shuangsuiji"): Node only, ESM, self-contained apart from dependencies.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: false,
    clean: false,
    target: "node18",
    platform: "node",
    splitting: false,
    banner: { js: "#!/usr/bin/env node" },
    external: ["zod", "csv-parse"],
  },
]);
