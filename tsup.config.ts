import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: {
      index: "src/index.ts",
      calendar: "src/calendar/index.ts",
      stats: "src/stats/index.ts",
      node: "src/node/index.ts",
      duckdb: "src/duckdb/index.ts",
      postgres: "src/postgres/index.ts",
    },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2020",
    platform: "neutral",
    splitting: true, // shared chunks: one ShuangsuijiError class across entries (instanceof works)
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
