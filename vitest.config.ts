import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/globalSetup.ts"],
    benchmark: { include: ["bench/**/*.bench.ts"] },
    testTimeout: 60_000,
  },
});
