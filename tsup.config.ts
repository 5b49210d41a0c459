import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    calendar: "src/calendar/index.ts",
    stats: "src/stats/index.ts",
    node: "src/node/index.ts",
  },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2020",
  platform: "neutral",
  splitting: true, // shared chunks: one ShuangsuijiError class across entries (instanceof works)
  treeshake: true,
  external: ["zod", "node:fs", "node:fs/promises", "node:path", "csv-parse"],
});
