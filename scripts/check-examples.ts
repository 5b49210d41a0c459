/**
 * Type-checks every ```ts block under an @example tag in src/ JSDoc, so that documented examples compile against the
 * public API (imports of "shuangsuiji", "shuangsuiji/calendar" and "shuangsuiji/node" resolve to src/).
 * Also fails when an exported declaration has no @example.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const out = join(root, ".tmp/doc-examples");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const files: string[] = [];
const walk = (d: string) => {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (p.endsWith(".ts")) files.push(p);
  }
};
walk(join(root, "src"));

let count = 0;
const missing: string[] = [];
for (const f of files) {
  const src = readFileSync(f, "utf8");
  const re = /@example\s*\n((?:\s*\*.*\n)*?)\s*\*\s*```ts\n([\s\S]*?)\n\s*\*\s*```/g;
  for (const m of src.matchAll(re)) {
    const code = (m[2] as string).split("\n").map((l) => l.replace(/^\s*\* ?/, "")).join("\n");
    const name = `${relative(join(root, "src"), f).replace(/[/.]/g, "_")}_${count++}.ts`;
    writeFileSync(join(out, name), `// from ${relative(root, f)}\n${code}\nexport {};\n`);
  }
  // Exported declarations without @example (private "_" files and folders, the command line's own modules, and
  // re-export barrels are exempt).
  if (!/\/_[^/]+(\.ts|\/)/.test(f) && !/\/src\/cli\//.test(f) && !f.endsWith("index.ts")) {
    const decl = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export (?:declare )?(?:async )?(?:function|const|class) (\w+)/g;
    for (const d of src.matchAll(decl)) {
      const doc = d[1] as string;
      if (!doc.includes("@example") && !doc.includes("@internal")) missing.push(`${relative(root, f)}: ${d[2]}`);
    }
  }
}
writeFileSync(
  join(out, "tsconfig.json"),
  JSON.stringify({ extends: "../../examples/tsconfig.json", compilerOptions: { noUnusedLocals: false }, include: ["./*.ts"] }, null, 2),
);
if (missing.length > 0) {
  console.error(`exports without @example:\n  ${missing.join("\n  ")}`);
  process.exit(1);
}
try {
  execFileSync(join(root, "node_modules/.bin/tsc"), ["--noEmit", "-p", join(out, "tsconfig.json")], { stdio: "inherit" });
} catch {
  console.error("some @example blocks do not compile (see above)");
  process.exit(1);
}
console.log(`${count} @example blocks compile`);
