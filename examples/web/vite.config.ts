// The reference web app: a static page built into ONE self-contained index.html (scripts and styles inlined), so it
// opens from disk (file://) with no server and no network. The library is imported from the repository's source, so
// the app always tracks it.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { viteSingleFile } from "vite-plugin-singlefile";

const src = (p: string): string => fileURLToPath(new URL(`../../src/${p}`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  resolve: {
    alias: [
      { find: /^shuangsuiji$/, replacement: src("index.ts") },
      { find: /^shuangsuiji\/stats$/, replacement: src("stats/index.ts") },
      // what the package's "browser" field gives a browser bundle of dist/: the compact SHA-256 compression (same
      // digests; docs/benchmarks.md "Bundle size"), so the app runs in Chromium on what browsers get
      { find: /^\.\/_compress\.js$/, replacement: src("draw/_shared/_compressCompact.ts") },
    ],
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    reportCompressedSize: false,
  },
  plugins: [viteSingleFile()],
});
