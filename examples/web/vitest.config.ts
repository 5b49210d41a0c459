// Browser tests of the reference web app: Playwright (playwright-core) drives Debian's Chromium (/usr/bin/chromium)
// over the built single-file page, opened from disk with the network switched off. Run by scripts/ci/web.sh.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
