// Nothing dead in the draw's browser bundles from the modules issue 15 trimmed (docs/benchmarks.md "Bundle size"): a
// module-level constant that a bundle does not use is dropped only when every call in its initialiser is known to be
// pure, so a reader of an act the page does not call (the dice roll's, the lock's, commitPool's options) or a table only
// another function reads would otherwise ship in every bundle of `verifyTicket`. These tests bundle the entries
// unminified and list the top-level declarations of src/draw/_light and the SHA-256 kernel that nothing references.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

async function unusedDeclarations(contents: string, under: RegExp): Promise<string[]> {
  const r = await build({
    stdin: { contents, resolveDir: root, loader: "ts", sourcefile: "entry.ts" },
    bundle: true, format: "esm", platform: "browser", target: "es2022", write: false, logLevel: "silent",
  });
  const text = r.outputFiles[0]!.text;
  const out: string[] = [];
  let file = "";
  for (const line of text.split("\n")) {
    const f = /^\/\/ ((?:src\/)?\S+\.ts)$/.exec(line);
    if (f !== null) file = f[1] as string;
    const d = /^(?:var|let|const|function\*?|class) ([A-Za-z_$][\w$]*)/.exec(line);
    if (d === null || !under.test(file)) continue;
    const name = d[1] as string;
    const uses = text.match(new RegExp(`(?<![\\w$])${name.replace(/\$/g, "\\$")}(?![\\w$])`, "g"))?.length ?? 0;
    if (uses <= 1) out.push(`${file}: ${name}`);
  }
  return out;
}

describe("no dead module-level code from the light readers or the kernel in the draw's bundles", () => {
  for (const [name, names] of [
    ["verifyTicket", "verifyTicket"],
    ["draw + verify", "commitPool, seedFromDice, drawTargets, lockTargetDraw, verifyTargetDraw, verifyTicket"],
  ] as const) {
    it(name, async () => {
      const dead = await unusedDeclarations(`export { ${names} } from "./src/index.ts";`, /^src\/draw\/(_light\/|_shared\/_sha256\.ts)/);
      expect(dead).toEqual([]);
    }, 60_000);
  }
  it("a module that takes only the kernel's hex helpers (the SQL and DuckDB assembly, the task digest's hex) carries no kernel", async () => {
    const r = await build({
      stdin: { contents: `export { wordsToHex, compareWords } from "./src/draw/_shared/_sha256.ts";`, resolveDir: root, loader: "ts", sourcefile: "entry.ts" },
      bundle: true, minify: true, format: "esm", platform: "browser", target: "es2022", write: false, logLevel: "silent",
    });
    const text = r.outputFiles[0]!.text;
    expect(text).not.toMatch(/cbrt|Int32Array\(64\)|getInt32/);
    expect(text.length).toBeLessThan(1200);
  }, 60_000);
  it("the check itself finds a dead reader (the readers without their pure marks)", async () => {
    // a reader built by unmarked calls survives tree shaking: the test above would report it
    const dead = await unusedDeclarations(
      `import { object, str } from "./src/draw/_light/_read.ts"; const Unused = /* @__PURE__ */ object({ a: str() }, false); export const x = 1;`,
      /^entry\.ts$/,
    );
    expect(dead.some((d) => d.endsWith(": Unused"))).toBe(true);
  }, 60_000);
});
