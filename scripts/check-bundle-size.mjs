// Browser bundle budgets (issue 15, item 1): esbuild bundles each entry point for the browser, minified, and the
// result is gzipped (zlib level 9). 1 KB = 1000 bytes. Prints each size against its budget and what pulls the bytes in
// (esbuild metafile: minified bytes per package and per source folder; gzip does not split, so shares are of the
// minified size).
//
//   node scripts/check-bundle-size.mjs                 report only (exit 0)
//   node scripts/check-bundle-size.mjs --enforce       exit 1 when a bundle exceeds its limit (CI: scripts/ci/web.sh)
//   node scripts/check-bundle-size.mjs --dist          bundle the built dist/ (after `npm run build`) instead of src/
//   node scripts/check-bundle-size.mjs --json out.json also write the figures as JSON
//   node scripts/check-bundle-size.mjs --only calendar only the bundles whose id starts with the given text (repeatable)
//   node scripts/check-bundle-size.mjs --without zod   what-if: every bundle with that package (or source module, e.g.
//                                                      src/draw/_shared/_sha256.ts) left out as an external import
//                                                      (repeatable; report only: --enforce refuses it)
//   node scripts/check-bundle-size.mjs --modules [N]   also list, per bundle, its N largest input modules (default 15):
//                                                      minified bytes (metafile) and the min+gz bytes the bundle loses
//                                                      when that module alone is left out (esbuild "external"; what it
//                                                      brings with it that nothing else imports goes too)
//
// From src/ by default, so that it runs without a build; --dist measures what npm users get (dist/esm, the unbundled
// ESM build the package's "import" condition points at).
//
// Bundles are resolved as a consumer's bundler resolves them for a browser: the package.json "browser" field (object
// form) maps built modules to their browser versions (the compact SHA-256 kernel for the unrolled one). With --dist
// esbuild applies it itself (`--platform=browser`); from src/ the same map is applied to the source modules the mapped
// files are built from (dist/esm/<p>.js ↔ src/<p>.ts). Each bundle's line names the kernel in it, and --enforce fails
// a bundle that carries a module the map replaces.
//
// The limit enforced is the budget, or — for a bundle not yet within its budget — its ceiling: the size measured when
// the budget was set, with 5% headroom, so that it can only shrink (a ratchet). Lower a ceiling as a bundle shrinks and
// delete it once the budget holds. docs/benchmarks.md "Bundle size" has the table and what is left to reach the budgets.
import { build } from "esbuild";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";

function root0() {
  return new URL("..", import.meta.url).pathname;
}
const args = process.argv.slice(2);
const enforce = args.includes("--enforce");
const fromDist = args.includes("--dist");
const jsonAt = args.indexOf("--json");
const jsonOut = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
const only = args.flatMap((a, i) => (args[i - 1] === "--only" ? [a] : []));
const leaveOut = args.flatMap((a, i) => (args[i - 1] === "--without" ? [/^(\.|src\/|dist\/)/.test(a) ? resolve(root0(), a) : a] : []));
const withoutArgs = args.flatMap((a, i) => (args[i - 1] === "--without" ? [a] : []));
const modulesAt = args.indexOf("--modules");
const modulesCount = modulesAt < 0 ? 0 : /^\d+$/.test(args[modulesAt + 1] ?? "") ? Number(args[modulesAt + 1]) : 15;
if (enforce && leaveOut.length > 0) {
  console.error("--without measures a what-if bundle: it cannot be combined with --enforce");
  process.exit(2);
}
for (const a of args) {
  if (!["--enforce", "--dist", "--json", "--modules", "--only", "--without", jsonOut, ...only, ...withoutArgs].includes(a) && !(modulesAt >= 0 && a === args[modulesAt + 1] && /^\d+$/.test(a))) {
    console.error(`unknown option ${a}\nusage: node scripts/check-bundle-size.mjs [--enforce] [--dist] [--json out.json] [--modules [N]] [--only ID] [--without PACKAGE|MODULE]`);
    process.exit(2);
  }
}

const root = root0();
const core = fromDist ? "./dist/esm/index.js" : "./src/index.ts";
// The "browser" field's file map, as [replaced, replacement] paths relative to the root, for the files measured: the
// built ones (--dist), or the source modules they are built from.
const browserMap = Object.entries(JSON.parse(readFileSync(resolve(root, "package.json"), "utf8")).browser ?? {}).map(([from, to]) => {
  const file = (p) => {
    const m = typeof p === "string" ? /^\.\/dist\/esm\/(.+)\.js$/.exec(p) : null;
    if (m === null) throw new Error(`package.json "browser": ${p} is not a module of dist/esm`);
    return fromDist ? `dist/esm/${m[1]}.js` : `src/${m[1]}.ts`;
  };
  return [file(from), file(to)];
});
/** The modules of a bundle's inputs (paths relative to the root) that the browser map replaces, and their replacements. */
const mappedIn = (inputs) => ({
  replaced: browserMap.filter(([from]) => from in inputs).map(([from]) => from),
  replacements: browserMap.filter(([, to]) => to in inputs).map(([, to]) => to),
});
const calendar = fromDist ? "./dist/esm/calendar/index.js" : "./src/calendar/index.ts";

/**
 * Each case: what a browser app imports, its budget in bytes (min+gzip; null when only reported) and, while the budget
 * does not hold yet, its ceiling (see above).
 */
const CASES = [
  { id: "isValidUscc", budget: 3_000, ceiling: null, contents: `export { isValidUscc } from "${core}";` },
  // 31.3 KB at the light-core split (zod mini 8.5 KB of it; the rest is the draw's own code: docs/benchmarks.md); 35.5 KB
  // after the forgery checks (one pool-id rule, the announced commitment) were merged, 2026-12-04; 33.4 KB with one-shot
  // hashes on the library's SHA-256 kernel (no @noble/hashes), 2026-12-05; 32.9 KB with stage 2's and the calendar's
  // coverage rule texts split from the draw's (_stage2Rules.ts, _dateRules.ts), 2026-12-05; 26.1 KB with zod-free
  // readers on the draw path (src/draw/_light: the zod mini schemas' issues without zod), 2026-12-05: ceiling + 1%;
  // 24,259 B with the lottery games' aliases left to seedFromLottery, the unused input readers marked pure and stage
  // 1's record digest through the streaming hasher (the compact SHA-256 kernel measured and not kept: slower),
  // 2026-12-05: lowered to the new size + 1%; measured whole (the shared chunk the entry imports, left out until then:
  // 25,911 B, over the ceiling), then 24,231 B with the compact kernel for browsers (package.json "browser") and three
  // dead constants of _pool.ts marked pure, 2026-12-05: lowered to the new size + 1%; 24,226 B with the seed texts'
  // reasons in Chinese too, 2026-12-05: lowered to the new size + 1%; 24,478 B with a malformed record's mismatches
  // bilingual and carrying the record's own value instead of zod's English text and code (hostile9a finding 5) and the
  // prefix hashers' padding reuse (issue 13), 2026-12-05 session 9: raised, with that reason, to the new size + 1%
  { id: "verifyTicket", budget: 15_000, ceiling: 24_723, contents: `export { verifyTicket } from "${core}";` },
  {
    id: "draw + verify",
    budget: 30_000,
    // 35.8 KB at the light-core split; 41.5 KB after the one-pass verify and the forgery checks were merged (2026-12-04);
    // 39.4 KB with one-shot hashes on the kernel (2026-12-05); 39.1 KB with the rule texts split (2026-12-05);
    // 41.1 KB after the stage-1 speed work (selection buffer with radix ordering, fingerprint log, shape-aware record
    // digest) and the commitment self-consistency check of the forger's round 4 were merged (2026-12-05): ceiling raised
    // once, with that reason, to the new size + 1%; 42.1 KB after two independent adversary rounds' fixes (2026-12-05,
    // session 5: the pool-id rule on every listed id, lock dates where a lock is used, issue lists capped with a count,
    // streams closed with return()): raised a second time, for security fixes only, to the new size + 1%; 34.6 KB with
    // the zod-free readers (src/draw/_light), 2026-12-05: lowered to the new size + 1%; 33,734 B with the cuts of the
    // verifyTicket row above and stage 1's duplicate-search sieve (+0.8 KB, for the streamed pass), 2026-12-05:
    // lowered to the new size + 1%; measured whole (the shared chunk, left out until then: 35,412 B, over the
    // ceiling), 33,789 B with the compact kernel for browsers, 2026-12-05: new size + 1% (34,127 B) is above the
    // ceiling, which stays; 33,913 B with the seed texts' reasons in Chinese too (a bilingual-message fix, +124 B);
    // 34,681 B after stage 1's round 4 (the commit pass's fingerprint from the commitment element, compaction by the
    // top 16 ticket bits, the record digest hashed in place: +0.7 KB for 4–5 % less time on the 10⁷ streamed figure of
    // issue 13, whose goal it meets at the margin), 2026-12-05 session 8: raised a third time, with that reason, to the
    // new size + 1% (the budget itself is out of reach with these checks: CHANGELOG "Decisions"); 35,037 B from src
    // (35,022 B from dist) with a malformed record's mismatches bilingual and carrying the record's own value
    // (hostile9a finding 5, +129 B) and the prefix hashers' padding reuse (issue 13's streamed 10⁷, +210 B), 2026-12-05
    // session 9: raised a fourth time, with those reasons, to the new size + 1%
    ceiling: 35_390,
    contents: `export { commitPool, seedFromDice, drawTargets, lockTargetDraw, verifyTargetDraw, verifyTicket } from "${core}";`,
  },
  // 11.7 KB measured 2026-12-04: the whole calendar entry (holiday data 2010–2026, deadline rules, custom calendars);
  // 11.4 KB with the bundled data in the compact run form (src/calendar/_data.ts), 2026-12-05; 8,986 B, within the
  // budget (ceiling deleted), with the calendar's own boundary reader, the deadline presets exported by the root entry
  // only and the statutory days as per-run codes, 2026-12-05 (docs/benchmarks.md "Bundle size"); 9,302 B with the
  // statutory days of 《全国年节及纪念日放假办法》 art. 2 placed in the years no bundled notice covers (2027–2099, a
  // generated lunar table of 107 B + its decoder: under outsideCoverage "assume-weekdays" 元旦 and 除夕–初三 2027 were
  // working days and a credit self-check said "eligible" up to four days early, hostile9b F1, HIGH), 2026-12-05
  // session 9: over the budget for a correctness fix, so a ceiling again, at the new size + 1%
  { id: "calendar", budget: 9_000, ceiling: 9_395, contents: `export * from "${calendar}";` },
  { id: "readTableFile (CSV path; .xlsx reader loaded on demand)", budget: null, ceiling: null, contents: `export { readTableFile } from "${core}";` },
];

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
// What loads first: one bundle, every dynamic import() left out as an external import (a consumer's bundler drops a
// dynamic import in code it tree-shakes away, and loads a live one later). With code splitting instead, esbuild emits a
// chunk even for a dynamic import in tree-shaken code (the .xlsx reader) and moves the modules it shares with the entry
// (ShuangsuijiError, the rule helpers) into a shared chunk that the entry imports statically — bytes that load first
// but are not in the entry chunk (measured so until 2026-12-05: 1.5–2.3 KB min+gz missing from the draw's bundles).
// `split`: the code-splitting build, for the chunks loaded on demand.
const bundle = (contents, one, split = false) =>
  build({
    stdin: { contents, resolveDir: root, loader: "ts", sourcefile: "entry.ts" },
    bundle: true, minify: true, format: "esm", platform: "browser", target: "es2022", write: false, metafile: true,
    absWorkingDir: root, outdir: "out", splitting: split, logLevel: "silent",
    // From src/: the browser map applied to the source modules (esbuild applies it to dist/ itself). --modules: one
    // input module (an absolute path) or one package (a bare name) left out: its imports stay as external imports of the
    // bundle
    plugins: [{
      name: "browser-map-and-leave-out",
      setup(b) {
        b.onResolve({ filter: /.*/ }, async (a) => {
          if (a.pluginData === "leave-out") return undefined;
          if (!split && a.kind === "dynamic-import") return { path: a.path, external: true };
          const out = one === undefined ? leaveOut : [...leaveOut, one];
          if (out.some((w) => a.path === w || a.path.startsWith(`${w}/`))) return { path: a.path, external: true };
          const r = await b.resolve(a.path, { kind: a.kind, importer: a.importer, resolveDir: a.resolveDir, pluginData: "leave-out" });
          const mapped = fromDist ? undefined : browserMap.find(([from]) => r.path === resolve(root, from));
          const path = mapped === undefined ? r.path : resolve(root, mapped[1]);
          return out.includes(path) ? { path: a.path, external: true } : mapped === undefined ? r : { ...r, path };
        });
      },
    }],
  });
// the bundle's bytes (min, min+gz) and its metafile entry
async function measure(contents, without) {
  const r = await bundle(contents, without);
  const entry = Object.entries(r.metafile.outputs).find(([p, o]) => p.endsWith(".js") && o.entryPoint !== undefined);
  const code = r.outputFiles.find((f) => f.path.slice(f.path.indexOf("/out/") + 1) === entry[0]).contents;
  return { r, entry, code, gz: gzipSync(code, { level: 9 }).length };
}
const results = [];
if (leaveOut.length > 0) console.log(`what-if: ${withoutArgs.join(", ")} left out of every bundle (external imports): not what an application ships`);
for (const c of CASES.filter((c) => only.length === 0 || only.some((o) => c.id.startsWith(o)))) {
  // What loads first (one file: dynamic imports are external); the chunks its live dynamic imports load (the .xlsx
  // reader) are measured in a code-splitting build and reported apart.
  const { r, entry, code: entryCode, gz } = await measure(c.contents);
  if (r.outputFiles.length !== 1) throw new Error(`${c.id}: expected one output file, got ${r.outputFiles.length}`);
  const min = entryCode.length;
  const dynamic = entry[1].imports.filter((i) => i.kind === "dynamic-import").length;
  let lazy = 0;
  if (dynamic > 0) {
    const s = await bundle(c.contents, undefined, true);
    const files = new Map(s.outputFiles.map((f) => [f.path.slice(f.path.indexOf("/out/") + 1), f.contents]));
    const [, o] = Object.entries(s.metafile.outputs).find(([, o]) => o.entryPoint !== undefined);
    lazy = o.imports.filter((i) => i.kind === "dynamic-import" && files.has(i.path)).reduce((a, i) => a + gzipSync(files.get(i.path), { level: 9 }).length, 0);
  }
  const byPackage = {};
  const bySource = {};
  for (const [input, { bytesInOutput }] of Object.entries(entry[1].inputs)) {
    if (bytesInOutput === 0) continue;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(input);
    if (pkg !== null) {
      const key = pkg[1] === "zod" && /locales?\//.test(pkg[2]) ? "zod (locales)" : pkg[1];
      byPackage[key] = (byPackage[key] ?? 0) + bytesInOutput;
    } else {
      const dir = /^(?:src|dist)\/([^/]+)\//.exec(input)?.[1] ?? input.replace(/^(src|dist)\//, "");
      byPackage["shuangsuiji"] = (byPackage["shuangsuiji"] ?? 0) + bytesInOutput;
      bySource[dir] = (bySource[dir] ?? 0) + bytesInOutput;
    }
  }
  const over = c.budget !== null && gz > c.budget;
  const limit = c.ceiling ?? c.budget;
  // a module the browser map replaces, in a browser bundle: the map was not applied (a bundler would not ship this)
  const { replaced } = mappedIn(r.metafile.inputs);
  const { replacements } = mappedIn(Object.fromEntries(Object.entries(entry[1].inputs).filter(([, i]) => i.bytesInOutput > 0)));
  const failed = (limit !== null && gz > limit) || replaced.length > 0;
  results.push({ id: c.id, budget: c.budget, ceiling: c.ceiling, minified: min, gzip: gz, lazyGzip: lazy, over, failed, browserMapped: replacements, notMapped: replaced, byPackage, bySource });
  const share = (o) =>
    Object.entries(o)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${kb(v)} (${Math.round((v / min) * 100)}%)`)
      .join(", ");
  console.log(
    `${failed ? "FAIL " : over ? "OVER " : c.budget === null ? "     " : "ok   "}${c.id}: ${kb(gz)} min+gz (${kb(min)} min)` +
      `${c.budget === null ? "" : ` / budget ${kb(c.budget)}`}${c.ceiling === null ? "" : `, ceiling ${kb(c.ceiling)}`}` +
      `${lazy > 0 ? `; + ${kb(lazy)} min+gz loaded on demand` : ""}`,
  );
  if (c.ceiling !== null && !over) console.log(`       within budget now: delete this case's ceiling`);
  if (replacements.length > 0) console.log(`       browser versions (package.json "browser"): ${replacements.join(", ")}`);
  if (replaced.length > 0) console.log(`       NOT MAPPED: ${replaced.join(", ")} is in the bundle although package.json "browser" replaces it`);
  console.log(`       packages: ${share(byPackage)}`);
  console.log(`       shuangsuiji folders: ${share(bySource)}`);
  if (modulesCount > 0) {
    const top = Object.entries(entry[1].inputs)
      .filter(([, i]) => i.bytesInOutput > 0)
      .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
      .slice(0, modulesCount);
    const modules = [];
    const show = (minified, name, saved) => {
      modules.push({ module: name, minified, gzipSaved: saved });
      console.log(`       ${String(minified).padStart(6)} min ${String(saved).padStart(6)} min+gz only through it  ${name}`);
    };
    // packages first (a package is many modules), then single modules
    for (const [name, minified] of Object.entries(byPackage)) {
      if (name === "shuangsuiji" || name.includes(" ")) continue;
      show(minified, `package ${name}`, gz - (await measure(c.contents, name)).gz);
    }
    for (const [input, { bytesInOutput }] of top) {
      if (/node_modules\//.test(input)) continue;
      show(bytesInOutput, input, gz - (await measure(c.contents, resolve(root, input))).gz);
    }
    results.at(-1).modules = modules;
  }
}
if (jsonOut !== undefined) writeFileSync(jsonOut, `${JSON.stringify({ from: fromDist ? "dist/esm" : "src", ...(withoutArgs.length > 0 ? { without: withoutArgs } : {}), gzipLevel: 9, kb: 1000, results }, null, 2)}\n`);
const over = results.filter((r) => r.over);
const failed = results.filter((r) => r.failed);
if (over.length > 0) console.log(`${over.length} bundle(s) over budget: ${over.map((r) => r.id).join(", ")}`);
else console.log("all bundles within budget");
if (failed.length > 0) {
  console.log(`${failed.length} bundle(s) over their limit (budget, or ceiling while the budget does not hold): ${failed.map((r) => r.id).join(", ")}${enforce ? "" : " (report only; --enforce fails)"}`);
  if (enforce) process.exit(1);
}
