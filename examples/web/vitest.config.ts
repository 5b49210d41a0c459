// Browser tests of the reference web app: Playwright (playwright-core) drives Debian's Chromium (/usr/bin/chromium)
// over the built single-file page, opened from disk with the network switched off. Run by scripts/ci/web.sh. The
// render tests (test/render.test.ts) import the app's modules directly: "shuangsuiji" resolves to the repository's
// source, as in the app's build (vite.config.ts).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (p: string): string => fileURLToPath(new URL(`../../src/${p}`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  resolve: {
    alias: [
      { find: /^shuangsuiji$/, replacement: src("index.ts") },
      { find: /^shuangsuiji\/stats$/, replacement: src("stats/index.ts") },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
