// Measures the min+gzip size of a browser bundle that imports only the calendar, and checks it pulls in neither zod
// nor pure-rand. Run after `npm run build`.
import { build } from "esbuild";
import { gzipSync } from "node:zlib";

const cases = {
  "calendar only (shuangsuiji/calendar: addWorkingDays, isWorkingDay, computeDeadline)":
    'export { addWorkingDays, isWorkingDay, computeDeadline } from "./dist/calendar.js";',
  "identifiers only (shuangsuiji: isValidUscc, parseUscc)": 'export { isValidUscc, parseUscc } from "./dist/index.js";',
};
for (const [label, contents] of Object.entries(cases)) {
  const r = await build({
    stdin: { contents, resolveDir: new URL("..", import.meta.url).pathname, loader: "js" },
    bundle: true, minify: true, format: "esm", platform: "browser", write: false, external: [], metafile: true,
  });
  const code = r.outputFiles[0].contents;
  const inputs = Object.keys(r.metafile.inputs);
  const leaked = inputs.filter((i) => /node_modules\/(zod|pure-rand)\//.test(i));
  console.log(`${label}: ${(code.length / 1024).toFixed(1)} KiB min, ${(gzipSync(code).length / 1024).toFixed(1)} KiB min+gz; zod/pure-rand: ${leaked.length === 0 ? "none" : leaked.join(", ")}`);
  if (label.startsWith("calendar") && leaked.length > 0) process.exit(1);
}
