// The draw's browser bundles carry no zod (issue 15, "a light core"; docs/benchmarks.md "The draw's inputs are read
// without zod"): the draw path reads its inputs with src/draw/_light, so an import of zod (a schema used at run time, a
// `parseInput`) on that path fails here rather than only in the bundle-size report.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

async function modulesOf(contents: string): Promise<string[]> {
  const r = await build({
    stdin: { contents, resolveDir: root, loader: "ts", sourcefile: "entry.ts" },
    bundle: true, minify: true, format: "esm", platform: "browser", target: "es2022", write: false, metafile: true, outdir: "out", logLevel: "silent",
  });
  const entry = Object.values(r.metafile.outputs).find((o) => o.entryPoint !== undefined)!;
  return Object.entries(entry.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([path]) => path);
}

describe("no zod in the draw's browser bundles", () => {
  for (const [name, names] of [
    ["verifyTicket", "verifyTicket"],
    ["draw + verify", "commitPool, seedFromDice, drawTargets, lockTargetDraw, verifyTargetDraw, verifyTicket"],
    ["the other seeds and computeQuota", "createSeed, seedFromShares, commitSeedShare, computeQuota"],
  ] as const) {
    it(name, async () => {
      const modules = await modulesOf(`export { ${names} } from "./src/index.ts";`);
      expect(modules.some((m) => m.includes("src/draw/_light/_read.ts"))).toBe(true);
      expect(modules.filter((m) => /node_modules\/zod\//.test(m))).toEqual([]);
    }, 60_000);
  }
});
