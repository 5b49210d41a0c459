// Browsers get the compact SHA-256 kernel (issue 15; docs/benchmarks.md "Bundle size"): the package.json "browser"
// field maps the built unrolled compression (dist/esm/draw/_shared/_compress.js) to the compact one; the hashers
// around it (_sha256.ts) are one module either way. These tests bundle the
// draw for a browser as a consumer's bundler does — esbuild `--platform=browser`, from src/ with the same map applied
// to the modules the mapped files are built from (as scripts/check-bundle-size.mjs measures), and from the built dist/
// where esbuild reads the field itself — check which kernel is in the bundle, and run the bundle: its golden-vector
// digests must be the frozen ones.
import { build, type Plugin } from "esbuild";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { browser?: Record<string, string> };
const UNROLLED = "draw/_shared/_compress";
const COMPACT = "draw/_shared/_compressCompact";

/** The "browser" map applied to src/: dist/esm/<p>.js → dist/esm/<q>.js becomes src/<p>.ts → src/<q>.ts. */
const srcBrowserMap: Plugin = {
  name: "browser-map-on-src",
  setup(b) {
    const map = new Map(
      Object.entries(pkg.browser ?? {}).map(([from, to]) => [resolve(root, from.replace(/^\.\/dist\/esm\/(.+)\.js$/, "src/$1.ts")), resolve(root, to.replace(/^\.\/dist\/esm\/(.+)\.js$/, "src/$1.ts"))]),
    );
    b.onResolve({ filter: /.*/ }, async (a) => {
      if (a.pluginData === "mapped") return undefined;
      const r = await b.resolve(a.path, { kind: a.kind, importer: a.importer, resolveDir: a.resolveDir, pluginData: "mapped" });
      const to = map.get(r.path);
      return to === undefined ? r : { ...r, path: to };
    });
  },
};

async function browserBundle(contents: string, plugins: Plugin[]) {
  const r = await build({
    stdin: { contents, resolveDir: root, loader: "ts", sourcefile: "entry.ts" },
    bundle: true, minify: true, format: "esm", platform: "browser", target: "es2022", write: false, metafile: true,
    absWorkingDir: root, outdir: "out", logLevel: "silent", plugins,
  });
  const output = Object.values(r.metafile.outputs).find((o) => o.entryPoint !== undefined)!;
  return {
    code: r.outputFiles.find((f) => f.path.endsWith(".js"))!.text,
    /** every module esbuild read, and those with bytes in the output */
    read: Object.keys(r.metafile.inputs),
    shipped: Object.entries(output.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([p]) => p),
  };
}

async function run(code: string): Promise<Record<string, () => unknown>> {
  const dir = mkdtempSync(join(tmpdir(), "shuangsuiji-browser-"));
  try {
    const file = join(dir, "bundle.mjs");
    writeFileSync(file, code);
    return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, () => unknown>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const frozen = (name: string): unknown => JSON.parse(readFileSync(new URL(`./golden/${name}`, import.meta.url), "utf8"));

describe("the package.json browser field", () => {
  it("maps the built unrolled kernel to the built compact one (object form), and only that", () => {
    expect(pkg.browser).toEqual({ [`./dist/esm/${UNROLLED}.js`]: `./dist/esm/${COMPACT}.js` });
  });
});

describe("the draw bundled for a browser carries the compact kernel, with the same digests", () => {
  it("from src/ with the browser map: golden vectors (stage 1 and stage 2) unchanged, compact kernel only", async () => {
    const b = await browserBundle(`export { computeGolden, computeGoldenStage2 } from "./test/draw/_golden.ts";`, [srcBrowserMap]);
    expect(b.shipped).toContain(`src/${COMPACT}.ts`);
    expect(b.read).not.toContain(`src/${UNROLLED}.ts`);
    // the compact form computes its round constants from cube roots (the unrolled one inlines them)
    expect(b.code.includes("Math.cbrt")).toBe(true);
    const m = await run(b.code);
    expect(m.computeGolden!()).toEqual(frozen("stage1-v1.json"));
    expect(m.computeGoldenStage2!()).toEqual(frozen("stage2-v1.json"));
  }, 120_000);
  it("without the map (what Node and a bundler targeting Node resolve) the unrolled kernel is in the same bundle", async () => {
    const b = await browserBundle(`export { computeGolden } from "./test/draw/_golden.ts";`, []);
    expect(b.shipped).toContain(`src/${UNROLLED}.ts`);
    expect(b.read).not.toContain(`src/${COMPACT}.ts`);
    expect(b.code.includes("Math.cbrt")).toBe(false);
    expect((await run(b.code)).computeGolden!()).toEqual(frozen("stage1-v1.json"));
  }, 120_000);
  it.skipIf(!existsSync(join(root, "dist/esm/index.js")))("from the built dist/ (after npm run build), esbuild applies the field itself", async () => {
    const b = await browserBundle(`export { verifyTicket, drawTargets, commitPool } from "./dist/esm/index.js";`, []);
    expect(b.shipped).toContain(`dist/esm/${COMPACT}.js`);
    expect(b.read).not.toContain(`dist/esm/${UNROLLED}.js`);
  }, 120_000);
  it("a bundle that takes only the hashers' hex helpers carries no compression (either one)", async () => {
    const b = await browserBundle(`export { wordsToHex, compareWords } from "./src/draw/_shared/_sha256.ts";`, [srcBrowserMap]);
    expect(/cbrt|Int32Array\(64\)|getInt32/.test(b.code)).toBe(false);
    expect(b.code.length).toBeLessThan(1200);
  }, 60_000);
});
