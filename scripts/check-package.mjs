// Packs the library and checks the tarball: publint, @arethetypeswrong/cli, then a smoke test that installs the
// tarball (with its zod peer) into a fresh temporary project and uses it through both `import` and `require`.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(new URL("..", import.meta.url).pathname);
const run = (cmd, args, cwd = root) => execFileSync(cmd, args, { cwd, stdio: "inherit", env: { ...process.env, npm_config_update_notifier: "false" } });
const packDir = join(root, ".tmp/pack");
rmSync(packDir, { recursive: true, force: true });
mkdirSync(packDir, { recursive: true });
run("npm", ["pack", "--silent", "--pack-destination", packDir]);
const tarball = join(packDir, readdirSync(packDir).find((f) => f.endsWith(".tgz")));
console.log(`packed ${tarball}`);

console.log("\n— tarball contents: types, schemas and the command line are shipped; nothing scratch is");
const listed = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n").filter(Boolean).map((f) => f.replace(/^package\//, ""));
for (const need of ["dist/index.d.ts", "dist/index.d.cts", "dist/calendar.d.ts", "dist/stats.d.ts", "dist/node.d.ts", "dist/cli.js", "dist/schemas/InspectionTarget.json", "README.md", "LICENSE"]) {
  if (!listed.includes(need)) throw new Error(`the tarball lacks ${need} (does prepack build?)`);
}
const scratch = listed.filter((f) => /(^|\/)(t\.mjs|\.tmp\/|fairness-report\.html)/.test(f) || /^(src|test|scripts|examples)\//.test(f));
if (scratch.length > 0) throw new Error(`the tarball ships files it should not: ${scratch.join(", ")}`);
console.log(`${listed.length} files, with .d.ts, schemas and dist/cli.js`);

console.log("\n— a fresh npm install leaves the committed lockfile as it is");
const lockDir = mkdtempSync(join(tmpdir(), "shuangsuiji-lock-"));
for (const f of ["package.json", "package-lock.json"]) writeFileSync(join(lockDir, f), readFileSync(join(root, f)));
run("npm", ["install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline", "--silent"], lockDir);
if (readFileSync(join(lockDir, "package-lock.json"), "utf8") !== readFileSync(join(root, "package-lock.json"), "utf8")) {
  throw new Error("npm install rewrites package-lock.json: run `npm install` and commit the lockfile");
}
rmSync(lockDir, { recursive: true, force: true });

console.log("\n— publint");
run(join(root, "node_modules/.bin/publint"), ["--strict", tarball]);
console.log("\n— @arethetypeswrong/cli (node16 + bundler profiles: engines.node >= 18, so node10 resolution is out of scope)");
run(join(root, "node_modules/.bin/attw"), [tarball, "--profile", "node16"]);

// The peer range is zod ^3.25.76 || ^4.1.0 (the library imports only zod/v4 and zod/v4/mini, which zod 3.25 ships):
// the smoke test runs with the zod the repository uses, the lowest zod 4 allowed and zod 3.25.76, each with a type
// check of a consumer. The
// declarations are built against zod 4: on zod 3.25 they name a type it lacks (discriminated unions with two type
// parameters), so that check runs with skipLibCheck there (those unions are typed loosely; docs/benchmarks.md "zod 3.25").
const zodVersions = [JSON.parse(execFileSync("node", ["-p", "JSON.stringify(require('zod/package.json').version)"], { cwd: root, encoding: "utf8" })), "4.1.0", "3.25.76"];
for (const zodVersion of zodVersions) {
console.log(`\n— smoke test: install the tarball into a fresh project, with zod ${zodVersion}`);
const dir = mkdtempSync(join(tmpdir(), "shuangsuiji-smoke-"));
writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "smoke", private: true, version: "1.0.0" }));
run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--silent", tarball, `zod@${zodVersion}`], dir);
writeFileSync(
  join(dir, "esm.mjs"),
  `import { isValidUscc, addWorkingDays, InspectionTargetSchema, ShuangsuijiError } from "shuangsuiji";
import { isWorkingDay, ShuangsuijiError as E2 } from "shuangsuiji/calendar";
import { readCsvTable } from "shuangsuiji/node";
import { createPostgresEventStore } from "shuangsuiji/postgres";
import storedTask from "shuangsuiji/schemas/StoredTask.json" with { type: "json" };
import { inclusionChiSquare, simulateInclusion } from "shuangsuiji/stats";
import { commitPoolInDuckDb } from "shuangsuiji/duckdb";
import schema from "shuangsuiji/schemas/InspectionTarget.json" with { type: "json" };
if (!isValidUscc("91350100M000100Y43")) throw new Error("uscc");
if (addWorkingDays("2025-09-26", 20) !== "2025-10-30") throw new Error("calendar");
if (isWorkingDay("2026-10-01")) throw new Error("holiday");
if (ShuangsuijiError !== E2) throw new Error("one error class across entries");
if (typeof readCsvTable !== "function" || !schema.oneOf) throw new Error("entries");
if (typeof createPostgresEventStore !== "function" || storedTask.type !== "object") throw new Error("postgres entry, StoredTask schema");
InspectionTargetSchema.parse({ kind: "project", id: "P", name: "n", riskClass: "A", divisionCode: "411303" });
const sim = simulateInclusion({ ids: ["a", "b", "c", "d"], k: 1, runs: 200, baseSeed: "smoke" });
if (inclusionChiSquare(sim).rejected) throw new Error("stats");
// the optional peer @duckdb/node-api is not installed here: the entry loads and says what to install
await commitPoolInDuckDb({ file: "pool.csv" }).then(() => { throw new Error("duckdb entry without its peer"); }, (e) => { if (!(e instanceof ShuangsuijiError) || e.code !== "invalid-argument") throw e; });
console.log("import: ok");
`,
);
writeFileSync(
  join(dir, "cjs.cjs"),
  `const { isValidUscc, computeDeadline, ShuangsuijiError } = require("shuangsuiji");
const cal = require("shuangsuiji/calendar");
const { readCsvTable } = require("shuangsuiji/node");
const { stage1Sampler } = require("shuangsuiji/stats");
if (stage1Sampler(["a", "b", "c"], 2, "00112233445566778899aabbccddeeff").length !== 2) throw new Error("stats");
if (!isValidUscc("91350100M000100Y43")) throw new Error("uscc");
if (computeDeadline("results-publication", "2025-09-26").date !== "2025-10-30") throw new Error("deadline");
if (cal.ShuangsuijiError !== ShuangsuijiError) throw new Error("one error class across entries");
try { cal.isWorkingDay("2027-01-04"); throw new Error("should throw"); } catch (e) { if (!(e instanceof ShuangsuijiError) || e.code !== "calendar-year-not-covered") throw e; }
if (typeof readCsvTable !== "function") throw new Error("node entry");
if (typeof require("shuangsuiji/duckdb").drawTargetsInDuckDb !== "function") throw new Error("duckdb entry");
if (typeof require("shuangsuiji/postgres").createPostgresEventStore !== "function") throw new Error("postgres entry");
console.log("require: ok");
`,
);
run("node", ["esm.mjs"], dir);
run("node", ["cjs.cjs"], dir);
// a consumer's type check (declarations resolve against this zod; the draw's schemas are zod mini, the model's classic)
writeFileSync(
  join(dir, "types.mts"),
  `import { InspectionTargetSchema, SamplingPolicySchema, verifyTicket, type SamplingPolicy, type TicketCheck } from "shuangsuiji";
import type { z } from "zod/v4";
const policy: SamplingPolicy = SamplingPolicySchema.parse({ strata: { A: { ratio: 0.1 } } });
const same: z.infer<typeof SamplingPolicySchema> = policy;
const optionalTarget = InspectionTargetSchema.optional();
const check: (record: Parameters<typeof verifyTicket>[0], query: Parameters<typeof verifyTicket>[1]) => TicketCheck = verifyTicket;
export { same, optionalTarget, check };
`,
);
const skipLibCheck = zodVersion.startsWith("3.");
writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", noEmit: true, types: [], skipLibCheck }, files: ["types.mts"] }));
run("node", [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], dir);
rmSync(dir, { recursive: true, force: true });
}
console.log("\npackage checks passed");
